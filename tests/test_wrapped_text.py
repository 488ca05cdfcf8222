"""A hard-wrapped Chinese text (copied out of a PDF or an e-mail, a line break every 20 characters) is found
as well as the same text unwrapped.

The shown passage keeps a space where each line ended (offsets map to the source lines), but the model and the
keyword index read the words whole: '建成于一' / '九九零年以前' was read as '一' and '九九零年', and the question
'一九九零年以前建成的小区占多少' found no good passage. Real model, real index on disk.
"""

from __future__ import annotations

from qa.build import build_index
from qa.search import Searcher

SECTIONS = [
    (
        "一、项目背景",
        "本市老旧小区共有二百三十个，其中建成于一九九零年以前的占六成，普遍存在管线老化、停车困难、缺少电梯等问题。",
    ),
    (
        "二、改造内容",
        "改造内容包括更换供水管线、增设电梯、新建停车位和充电桩，并对外立面进行节能保温处理，总投资约十二亿元。",
    ),
    ("三、进度安排", "二〇二四年完成八十个小区改造，二〇二五年完成一百个，其余小区在二〇二六年底前全部完成。"),
]
QUESTION = "一九九零年以前建成的小区占多少"


def _write(path, width: int | None) -> None:
    out = ["老旧小区改造实施方案", ""]
    for head, body in SECTIONS:
        lines = [body] if width is None else [body[i : i + width] for i in range(0, len(body), width)]
        out += [head, "", *lines, ""]
    path.write_text("\n".join(out), encoding="utf-8")


def test_a_hard_wrapped_chinese_text_answers_like_its_unwrapped_copy(tmp_path, use_embedder) -> None:
    scores = {}
    for name, width in (("wrapped", 20), ("unwrapped", None)):
        docs = tmp_path / name
        docs.mkdir()
        _write(docs / "plan.txt", width)
        build_index([docs], tmp_path / f"{name}-index", embedder=use_embedder, progress=False)
        hit = Searcher(tmp_path / f"{name}-index", embedder=use_embedder).search(QUESTION, k=1, show_weak=True)[0]
        assert hit.section_path[-1] == "一、项目背景"
        scores[name] = hit
    assert not scores["wrapped"].weak
    assert scores["wrapped"].relevance >= 0.8 * scores["unwrapped"].relevance
    assert "一 九九零年" in scores["wrapped"].text  # shown as in the file: a space where the line ended
