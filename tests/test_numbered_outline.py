"""Numbered outlines (第X章 / 一、 / （一） / 1. / 1.1) nest by their numbering, on generated documents."""

from __future__ import annotations

import hashlib
import random
from pathlib import Path

import pytest

from qa.records import Document
from qa.structure import recover_outline
from tests.textgen import ZH_SENTENCES

CN = "一二三四五六七八九十"
TOPICS = ["工作目标", "适用范围", "基本原则", "主要措施", "保障机制", "监督检查", "资金安排", "组织实施"]
MARKERS = [
    lambda i: f"第{CN[i]}章",
    lambda i: f"{CN[i]}、",
    lambda i: f"（{CN[i]}）",
    lambda i: f"{i + 1}.",
]


def _tree_document(rng: random.Random) -> tuple[str, list[tuple[tuple[str, ...], str]]]:
    """A document of nested numbered headings; returns (text, [(expected path, body)])."""
    lines: list[str] = []
    expected: list[tuple[tuple[str, ...], str]] = []

    def emit(level: int, path: tuple[str, ...]) -> None:
        for i in range(rng.randint(1, 3)):
            title = f"{MARKERS[level](i)}{rng.choice(TOPICS)}"
            if level == 0 or level == 3:
                title = f"{MARKERS[level](i)} {rng.choice(TOPICS)}"
            lines.append(title)
            here = (*path, title)
            if level == len(MARKERS) - 1 or rng.random() < 0.4:
                body = "".join(rng.choice(ZH_SENTENCES[:10]) for _ in range(rng.randint(1, 3)))
                body = body if body.endswith(("。", "！", "？", "；", "……", "”")) else body + "。"
                lines.append(body)
                expected.append((here, body))
            else:
                body = "".join(rng.choice(ZH_SENTENCES[:10]) for _ in range(2))
                body = body if body.endswith(("。", "！", "？", "；", "……", "”")) else body + "。"
                lines.append(body)
                expected.append((here, body))
                emit(level + 1, here)

    emit(0, ())
    return "\n\n".join(lines) + "\n", expected


@pytest.mark.parametrize("seed", range(12))
def test_numbered_headings_nest_by_their_numbering(seed):
    text, expected = _tree_document(random.Random(seed))
    doc = Document("plan.txt", Path("plan.txt"), text, hashlib.sha256(text.encode()).hexdigest(), "utf-8")
    outline = recover_outline(doc)
    path_of = {i: section.path for section in outline.sections for i in section.paragraphs}
    bodies = [(outline.paragraphs[i].text, path_of[i]) for i in sorted(path_of)]
    assert [text for text, _ in bodies] == [body for _, body in expected]
    wrong = [(want, got) for (_, got), (want, _) in zip(bodies, expected, strict=True) if got != want]
    assert not wrong, wrong[:3]


def test_decimal_outline_in_english_text():
    text = (
        "1. Introduction\n\nThe survey covered twelve rivers in the region.\n\n"
        "1.1 Scope\n\nOnly rivers longer than fifty kilometres were included.\n\n"
        "1.2 Methods\n\nWater samples were taken every month for two years.\n\n"
        "2. Results\n\nNitrate levels fell in nine of the twelve rivers.\n"
    )
    doc = Document("survey.txt", Path("survey.txt"), text, "x", "utf-8")
    outline = recover_outline(doc)
    paths = {outline.paragraphs[s.paragraphs[0]].text[:12]: s.path for s in outline.sections}
    assert paths["Water sample"] == ("1. Introduction", "1.2 Methods")
    assert paths["Nitrate leve"] == ("2. Results",)
