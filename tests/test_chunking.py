"""Chunk invariants, checked on generated documents rather than the bundled page."""

from __future__ import annotations

import hashlib
import random
from pathlib import Path

import pytest

from qa.chunking import ChunkingParams, chunk_outline
from qa.paragraphs import split_paragraphs
from qa.records import Document, Outline, Section, format_line_ranges
from qa.structure import recover_outline
from tests.textgen import markdown_document, plain_document


def _doc(text: str, doc_id: str = "gen.txt") -> Document:
    return Document(doc_id, Path(doc_id), text, hashlib.sha256(text.encode()).hexdigest(), "utf-8")


def _squash(text: str) -> str:
    return "".join(text.split())


def _generated(seed: int) -> Document:
    rng = random.Random(seed)
    if seed % 2:
        text, _ = markdown_document(rng, rng.randint(1, 6))
        return _doc(text, f"gen{seed}.md")
    return _doc(plain_document(rng, rng.randint(1, 6)), f"gen{seed}.txt")


PARAMS = [ChunkingParams(), ChunkingParams(size=120, overlap=30), ChunkingParams(size=60, overlap=0)]


@pytest.mark.parametrize("params", PARAMS, ids=lambda p: f"size{p.size}-overlap{p.overlap}")
def test_chunk_invariants_on_generated_documents(params):
    for seed in range(40):
        doc = _generated(seed)
        outline = recover_outline(doc)
        chunks = chunk_outline(outline, params)
        assert chunks, "a document with body text yields chunks"

        # Sizes within bounds.
        assert all(0 < len(c.text) <= params.size for c in chunks)

        # No chunk crosses a section: all its spans lie in paragraphs of the section it names.
        for chunk in chunks:
            owners = [
                s
                for s in outline.sections
                if all(
                    any(
                        outline.paragraphs[i].char_start <= span.char_start
                        and span.char_end <= outline.paragraphs[i].char_end
                        or (outline.paragraphs[i].char_start <= span.char_start < outline.paragraphs[i].char_end)
                        for i in s.paragraphs
                    )
                    for span in chunk.spans
                )
            ]
            assert any(s.path == chunk.section_path for s in owners), chunk.chunk_id

        # Every body character lands in some chunk.
        covered = set()
        for chunk in chunks:
            for span in chunk.spans:
                covered.update(range(span.char_start, span.char_end))
        for section in outline.sections:
            for i in section.paragraphs:
                para = outline.paragraphs[i]
                missing = [
                    p for p in range(para.char_start, para.char_end) if not doc.text[p].isspace() and p not in covered
                ]
                assert not missing, f"seed {seed}: {doc.text[missing[0] : missing[0] + 20]!r} is in no chunk"

        # The shown text is exactly the cited source text (line breaks aside) and never carries the path.
        for chunk in chunks:
            source = "".join(doc.text[s.char_start : s.char_end] for s in chunk.spans)
            assert _squash(source) == _squash(chunk.text)
            lines = doc.text.split("\n")
            assert _squash(chunk.text)[:5] in _squash("\n".join(lines[chunk.line_start - 1 : chunk.line_end]))
            if params.prefix_section and chunk.section_path:
                assert chunk.embed_text == f"{chunk.section_label}\n{chunk.text}"


def test_markdown_headings_become_the_section_path():
    rng = random.Random(3)
    text, titles = markdown_document(rng, 3)
    text = "# 总标题\n\n" + text
    chunks = chunk_outline(recover_outline(_doc(text, "x.md")))
    paths = {c.section_path for c in chunks}
    assert paths == {("总标题", t) for t in titles}


def test_long_sentence_without_punctuation_is_still_cut_to_size():
    text = "标题\n\n" + "这是一段没有任何标点符号而且非常非常长的文字" * 40 + "。\n"
    chunks = chunk_outline(recover_outline(_doc(text)), ChunkingParams(size=100, overlap=20))
    assert len(chunks) > 5 and all(len(c.text) <= 100 for c in chunks)


def test_stitched_section_cites_every_range_and_glues_mid_sentence_seam():
    text = "开头一段文字讲到一半被\n\n别的文章。\n\n截断了，后面接着说完。\n"
    doc = _doc(text)
    paragraphs = split_paragraphs(doc)
    assert len(paragraphs) == 3
    outline = Outline(
        doc_id=doc.doc_id,
        paragraphs=paragraphs,
        sections=[Section(("甲",), [0, 2], [False, True]), Section(("乙",), [1])],
    )
    first = chunk_outline(outline)[0]
    assert first.text == "开头一段文字讲到一半被截断了，后面接着说完。"
    assert format_line_ranges(first.spans) == "1,5"
