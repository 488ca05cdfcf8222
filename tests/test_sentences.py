"""Sentence boundaries for Chinese and English, as offsets that cover the text exactly."""

from __future__ import annotations

import random

from qa.sentences import sentence_spans, split_sentences
from tests.textgen import paragraph


def test_chinese_terminators_keep_closing_quotes():
    assert split_sentences("他说：“好。”我们走吧！真的吗？") == ["他说：“好。”", "我们走吧！", "真的吗？"]


def test_ellipsis_and_semicolon_end_sentences():
    assert split_sentences("天色渐晚……大家回家；明天再来。") == ["天色渐晚……", "大家回家；", "明天再来。"]


def test_english_sentences_do_not_split_numbers_or_abbreviations():
    parts = split_sentences("Growth was 3.5 percent, e.g. in spring. Dr. Li agreed! Next")
    assert parts == ["Growth was 3.5 percent, e.g. in spring. ", "Dr. Li agreed! ", "Next"]


def test_spans_cover_every_character_once():
    rng = random.Random(7)
    for _ in range(50):
        text = "\n".join(paragraph(rng) for _ in range(rng.randint(1, 4)))
        spans = sentence_spans(text)
        assert spans[0][0] == 0 and spans[-1][1] == len(text)
        assert all(a[1] == b[0] for a, b in zip(spans, spans[1:], strict=False))
