"""Continuations whose jump headline is the article's headline set smaller, and markers that say '本文'.

A desk repeats the jumped story's headline over its continuation in smaller type than page 1's, so the reader
gives it a subhead's level. Taken for a subhead it was not the run's jump headline: two continuations on one page
were paired with each other's articles when the page-1 markers alone could not tell them apart, and the repeated
headline stayed in the section path as a subhead of its own article ('X › X'). Markers that name the article
('（本文转第2版）' / '（本文接第1版）') were not markers at all.
"""

from __future__ import annotations

from qa.records import Paragraph
from qa.structure import markers
from qa.structure.hinted import build_hinted_outline

LEAD = "李岚清在河南考察时强调推进素质教育"
SECOND = "企业经营管理者应如何充电"


def _paragraphs(rows: list[tuple[int, int | None, str]]) -> list[Paragraph]:
    """(page, heading level, text) rows as the reader's paragraphs."""
    out = []
    for n, (page, level, text) in enumerate(rows):
        out.append(Paragraph(n, text, n + 1, n + 1, 0, 0, page, page, level, "heading" if level else "body"))
    return out


def _issue(second_head: str, lead_head: str) -> list[Paragraph]:
    """Page 1: the lead and a second story, both cut with '（下转第2版）'; page 2: another story, then both
    continuations under ``lead_head`` and ``second_head`` set smaller (level 2), the second story's first."""
    return _paragraphs(
        [
            (1, 1, LEAD),
            (1, None, "新华社郑州电　国务院副总理李岚清日前在河南考察时指出，要按照《关于当前积极推进中（下转第2版）"),
            (1, 1, SECOND),
            (1, None, "我是一家国有企业的厂长，任职已三年。作为一名企业的经营管理者，我时（下转第2版）"),
            (2, 1, "春运首日客流平稳有序"),
            (2, None, "记者从市交通部门获悉，春运首日全市各客运站共发送旅客十二万人次。"),
            (2, 2, second_head),
            (2, None, "（上接第1版）常被繁琐的事务所困扰，这是客观存在而又很难回避的问题。"),
            (2, 2, lead_head),
            (2, None, "（上接第1版）小学实施素质教育的若干意见》，大力加强素质教育。"),
        ]
    )


def _sections(paragraphs: list[Paragraph]) -> dict[str, tuple[str, ...]]:
    """Each continuation's first words after its marker -> the section path it is cited under."""
    outline = build_hinted_outline("paper.pdf", paragraphs)
    out = {}
    for section in outline.sections:
        for i in section.paragraphs:
            text = paragraphs[i].text
            out[text[len(markers.continuation_marker(text) or "") :][:4]] = section.path
    return out


def test_markers_naming_the_article_are_jumps() -> None:
    assert markers.transfer_marker("大力加强（本文转第2版）") == "（本文转第2版）"
    assert markers.continuation_marker("（本文接第1版）小学实施") == "（本文接第1版）"
    assert markers.named_edition("（本文接第一版）") == 1
    for prose in ("（本文转载自第2版）", "（本文接受采访时说）", "本文转自人民日报"):
        assert markers.transfer_marker(prose) is None and markers.continuation_marker(prose) is None, prose


def test_a_headline_repeated_smaller_over_a_continuation_pairs_it_with_its_article() -> None:
    where = _sections(_issue(SECOND, LEAD))
    assert where["小学实施"] == (LEAD,)
    assert where["常被繁琐"] == (SECOND,)


def test_a_subhead_unlike_the_headline_stays_a_subhead() -> None:
    """A continuation that opens under a subhead of its own (not its headline repeated) keeps that subhead."""
    where = _sections(_issue("关于学习方法", "素质教育要从小抓起"))
    assert where["常被繁琐"][-1] == "关于学习方法"
    assert where["小学实施"][-1] == "素质教育要从小抓起"
