"""Behaviour of the structure stage: generated scrambled pages, the bundled page, invariants."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from qa.loading import load_file
from qa.paragraphs import split_paragraphs
from qa.records import Document, Outline
from qa.structure import recover_outline
from qa.structure.cues import is_cut
from qa.structure.naive import build_outline
from qa.structure.report import format_outline
from tests.scrambled_pages import Score, generate_page, page_gold, page_paths, path_hits, score_outline
from tests.structure_gold import ARTICLE_OF, CONTINUATIONS, KEYS, ORDERS, PAGE, PATHS, READING, ROLES

N_SEEDS = 60
BODY_ROLES = {"body", "dateline", "marker"}
STRUCTURE_CODE = Path(__file__).resolve().parent.parent / "qa" / "structure"


@pytest.fixture(scope="module")
def bundled() -> Outline:
    return recover_outline(load_file(PAGE))


@pytest.fixture(scope="module")
def generated() -> list[tuple[object, Outline]]:
    pages = [generate_page(seed) for seed in range(N_SEEDS)]
    return [(page, recover_outline(page.document())) for page in pages]


def _by_line(outline: Outline) -> dict[int, tuple[tuple[str, ...], int, bool]]:
    """First line of each sectioned paragraph -> (section path, paragraph index, joins flag)."""
    found = {}
    for section in outline.sections:
        for i, join in zip(section.paragraphs, section.joins, strict=True):
            found[outline.paragraphs[i].line_start] = (section.path, i, join)
    return found


def assert_invariants(outline: Outline) -> None:
    """Every body paragraph in exactly one section, no heading in a body, joins only at cuts."""
    seen: list[int] = []
    for section in outline.sections:
        assert section.paragraphs, f"empty section {section.path}"
        assert len(section.joins) == len(section.paragraphs)
        assert section.joins[0] is False, f"section {section.path} starts with a join"
        for prev, cur, join in zip(section.paragraphs, section.paragraphs[1:], section.joins[1:], strict=False):
            if join:
                assert is_cut(outline.paragraphs[prev].text), f"join after a complete paragraph {prev}->{cur}"
        seen.extend(section.paragraphs)
    assert len(seen) == len(set(seen)), "a paragraph sits in two sections"
    body = {i for i, role in outline.roles.items() if role in BODY_ROLES}
    assert set(seen) == body, "sectioned paragraphs differ from body paragraphs"
    assert set(outline.roles) == {p.index for p in outline.paragraphs}


# ------------------------------------------------------------------ generated pages


def test_generated_pages_accuracy(generated) -> None:
    total = Score()
    for page, outline in generated:
        gold, orders = page_gold(page)
        total.add(score_outline(outline, gold, page.keys, orders))
    assert total.accuracy >= 0.95, f"paragraph→article accuracy {total.accuracy:.3f}"
    assert total.precision >= 0.85, f"stitch precision {total.precision:.3f}"
    assert total.recall >= 0.85, f"stitch recall {total.recall:.3f}"


def test_generated_section_paths(generated) -> None:
    """Banner › label › headline paths, parts under their article, editorial under its title."""
    hit = total = 0
    for page, outline in generated:
        h, n = path_hits(outline, page_paths(page))
        hit, total = hit + h, total + n
    assert hit / total >= 0.95, f"exact section path for {hit}/{total}"


def test_generated_pages_beat_naive(generated) -> None:
    ours, naive = Score(), Score()
    for page, outline in generated[:20]:
        gold, orders = page_gold(page)
        doc = page.document()
        ours.add(score_outline(outline, gold, page.keys, orders))
        naive.add(score_outline(build_outline(doc.doc_id, split_paragraphs(doc)), gold, page.keys, orders))
    assert ours.accuracy > naive.accuracy + 0.2
    assert naive.recall == 0.0 < ours.recall


def test_generated_pages_invariants(generated) -> None:
    for _page, outline in generated:
        assert_invariants(outline)


def test_generated_roles(generated) -> None:
    """Bylines, titles and headings are recognised on generated pages and kept out of bodies."""
    wrong = total = 0
    for page, outline in generated:
        role_at = {p.line_start: outline.roles[p.index] for p in outline.paragraphs}
        for k, block in enumerate(page.blocks):
            if block.role in ("byline", "title"):
                total += 1
                wrong += role_at.get(page.line_of[k]) != block.role
    assert total > 20 and wrong / total <= 0.05


def test_generator_is_deterministic_and_varied() -> None:
    assert generate_page(7).text == generate_page(7).text
    texts = {generate_page(seed).text for seed in range(10)}
    assert len(texts) == 10


def test_generator_text_is_not_from_the_bundled_page() -> None:
    page_text = PAGE.read_text(encoding="utf-8")
    grams = {page_text[i : i + 8] for i in range(len(page_text) - 8)}
    for seed in range(10):
        text = generate_page(seed).text
        for line in text.split("\n"):
            for i in range(0, max(len(line) - 8, 0)):
                assert line[i : i + 8] not in grams, line


# ------------------------------------------------------------------ bundled page


def test_bundled_page_articles(bundled) -> None:
    score = score_outline(bundled, ARTICLE_OF, KEYS, ORDERS)
    assert score.accuracy == 1.0, f"{score.total - score.correct} paragraphs in the wrong article"
    assert score.precision == 1.0 and score.recall == 1.0


def test_bundled_page_continuations_stitched(bundled) -> None:
    by_line = _by_line(bundled)
    for tail, head in CONTINUATIONS.items():
        tail_path, tail_i, _ = by_line[tail]
        head_path, head_i, _ = by_line[head]
        assert tail_path == head_path, f"line {tail} not in the section of line {head}"
        section = next(s for s in bundled.sections if tail_i in s.paragraphs)
        pos = section.paragraphs.index(tail_i)
        assert section.paragraphs[pos - 1] == head_i, f"line {tail} does not follow line {head}"
    stitched = {
        (bundled.paragraphs[s.head].line_start, bundled.paragraphs[s.tail].line_start) for s in bundled.stitches
    }
    assert {(h, t) for t, h in CONTINUATIONS.items()} <= stitched


def test_bundled_page_joins_exactly_at_cut_seams(bundled) -> None:
    by_line = _by_line(bundled)
    gold_join = {line: join for orders in READING.values() for o in orders for line, join in o}
    for line, join in gold_join.items():
        assert by_line[line][2] is join, f"line {line}: joins should be {join}"


def test_bundled_page_paths(bundled) -> None:
    by_line = _by_line(bundled)
    for line, path in PATHS.items():
        assert by_line[line][0] == path, f"line {line}: {by_line[line][0]}"
    for line in (126, 132):  # later parts of the five-part article stay under it
        assert "新重庆“新”在哪" in by_line[line][0]
        assert by_line[line][0] != by_line[9][0]


def test_bundled_page_roles(bundled) -> None:
    role_at = {p.line_start: bundled.roles[p.index] for p in bundled.paragraphs}
    for line, role in ROLES.items():
        assert role_at[line] == role, f"line {line}: {role_at[line]} != {role}"
    paths = {s.path for s in bundled.sections}
    assert not any("评论员" in el for path in paths for el in path), "a byline became a section"


def test_bundled_page_invariants(bundled) -> None:
    assert_invariants(bundled)


def test_bundled_page_naive_baseline_is_worse() -> None:
    doc = load_file(PAGE)
    naive = score_outline(build_outline(doc.doc_id, split_paragraphs(doc)), ARTICLE_OF, KEYS, ORDERS)
    assert naive.accuracy < 0.5


# ------------------------------------------------------------------ other documents and report


def _doc(text: str) -> Document:
    return Document(doc_id="t.txt", path=Path("t.txt"), text=text, sha256="", encoding="utf-8")


def test_plain_article_is_left_in_order() -> None:
    text = "一个标题\n\n第一段说明情况。\n\n第二段继续说明。\n\n第三段结束。\n"
    outline = recover_outline(_doc(text))
    assert [s.paragraphs for s in outline.sections] == [[1, 2, 3]]
    assert outline.sections[0].path == ("一个标题",)
    assert outline.stitches == [] and outline.notes == []


def test_markdown_uses_explicit_headings() -> None:
    outline = recover_outline(_doc("# Title\n\nSome text.\n\n## Part\n\nMore text.\n"))
    assert [s.path for s in outline.sections] == [("Title",), ("Title", "Part")]


def test_empty_and_heading_only_documents() -> None:
    assert recover_outline(_doc("只有标题\n")).sections == []
    outline = recover_outline(_doc("正文一句话。\n"))
    assert [s.paragraphs for s in outline.sections] == [[0]]


def test_unmatched_cut_is_noted() -> None:
    text = "标题甲\n\n这一段在句子中间断开，后面的内容在别的\n\n标题乙\n\n另一篇文章的正文完整结束。\n"
    outline = recover_outline(_doc(text))
    assert any("mid-sentence" in note for note in outline.notes)


def test_format_outline(bundled) -> None:
    report = format_outline(bundled)
    assert "新重庆 如何建 › 乡村建设 › 实施千个和美乡村示范创建行动" in report
    assert re.search(r"line 49 → line 138\s+confidence", report)
    assert "byline" in report and "title" in report
    assert "line     138" in report or "line 138" in report


def test_recovery_code_has_no_page_strings() -> None:
    """The recovery must not know the bundled page: no 4-character run of it in qa/structure."""
    page_text = PAGE.read_text(encoding="utf-8")
    generic = {"本报评论", "新华社电"}
    grams = {page_text[i : i + 4] for i in range(len(page_text) - 4)}
    grams = {g for g in grams if re.fullmatch(r"[\u4e00-\u9fff]{4}", g)} - generic
    for path in STRUCTURE_CODE.glob("*.py"):
        code = path.read_text(encoding="utf-8")
        hits = {code[i : i + 4] for i in range(len(code) - 4)} & grams
        assert not hits, f"{path.name} contains text from the bundled page: {sorted(hits)[:5]}"


def test_title_without_dek_printed_after_the_body() -> None:
    text = "□本报评论员\n\n第一段评论正文完整。\n\n第二段评论正文完整。\n\n评论的标题在这里\n"
    outline = recover_outline(_doc(text))
    assert [s.path for s in outline.sections] == [("评论的标题在这里",)]
    assert outline.roles[0] == "byline" and outline.roles[3] == "title"


def test_transfer_marker_is_not_stitched() -> None:
    text = (
        "标题甲\n\n这一段讲到一半转到别的版面继续，所以在这里（下转2版）\n\n"
        "标题乙\n\n另一篇文章的正文从这里开始。\n\n它的第二段也完整结束。\n"
    )
    outline = recover_outline(_doc(text))
    assert outline.stitches == []
    assert [len(s.paragraphs) for s in outline.sections] == [1, 2]
    assert any("another page" in note for note in outline.notes)


def test_long_document_stays_consistent() -> None:
    """Twelve pages in one file: the invariants still hold across windows. (Its speed is measured, not asserted:
    ``python benchmarks/structure.py --sizes 1,5`` — a timed assertion failed on a loaded machine, not on slow code.)"""
    text = "\n\n".join(generate_page(seed).text for seed in range(100, 112))
    outline = recover_outline(_doc(text))
    assert_invariants(outline)


def test_colon_then_unrelated_run_opens_a_new_article() -> None:
    """A body ending with '：' before another article's headings is cut, not a list of parts."""
    text = (
        "版头\n\n栏目甲\n\n第一篇标题\n\n第一篇正文介绍情况，下一步将从三个方面推进工作：\n\n"
        "栏目乙\n\n第二篇标题\n\n第二篇正文完整结束。\n\n一是加快建设步伐。二是完善配套服务。三是加强监督管理。\n"
    )
    outline = recover_outline(_doc(text))
    paths = {outline.paragraphs[s.paragraphs[0]].line_start: s.path for s in outline.sections}
    assert paths[13] == ("版头", "栏目乙", "第二篇标题")
    first = next(s for s in outline.sections if s.path[-1] == "第一篇标题")
    assert [outline.paragraphs[i].line_start for i in first.paragraphs] == [7, 15]
    assert first.joins == [False, False]
