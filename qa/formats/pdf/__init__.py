"""Born-digital PDFs: characters with their font size and position → lines → columns → reading order.

Why ``pypdfium2`` (Apache-2.0/BSD; PyMuPDF is AGPL): it exposes every character with its box,
origin, font size and weight, and does so about five times faster than pdfminer-based readers,
which matters on a 2-core machine (measured in ``benchmarks/formats.py``).

The page is read the way a newspaper reader reads it:

1. **Lines.** Characters on one baseline form a row; a row splits where the gap between two
   characters is wider than a word space (a column gutter) or the font size changes — but not where
   the lines above and below set text across the gap: a gutter is white in the lines of its columns,
   while a layout program (InDesign, 方正飞腾) that writes glyphs in short runs puts a justified line's
   slack between the runs, wider than CJK type is ever set.
2. **Page furniture.** Lines in the top and bottom bands that look like a banner, an edition or
   page number, a date or an editor credit, or that repeat on other pages, are dropped, and so is
   display type printed over the text (a '机密' stamp crossing the lines it lies on). The
   edition ("第2版") is remembered: jump markers name editions, not PDF page indexes.
3. **Reading order** by recursive XY-cut: a region splits first at vertical gutters that run its
   full height (columns, side-by-side articles), else at horizontal gaps wider than the body's
   line spacing or where the type changes (headline above body), else it is one column read top
   to bottom. A headline spanning several columns blocks the gutters below it, so an article's
   columns are read together, after its headline (also a centred headline that leaves the first
   column beside it white); a full-width gap opens a new block of columns when a headline starts
   there, even a few points lower than the text atop the other columns (a new multi-column block
   that opens with a story).
4. **Roles.** The body size is the most common size. A heading group is a run of lines larger
   than the body (or bold and short); its largest lines are the headline, smaller lines above it
   the kicker (引题), below it the subtitle (副题); a kicker set no larger than the body, on up to three lines right
   over its headline and aligned with it, is one too (``kickers``). Bold body-size lines inside an article are
   its subheads (bold by weight, by a synthetic-bold glyph set, or by a font name that states it —
   not by being a 黑体 when the body is one). On a multi-column page every headline is an article of its own (level 1, a
   subhead level 2); a single-column document nests headings by size.
5. **Paragraphs.** A line starts a paragraph when it is indented, follows a short line (one
   the next line's first unbreakable run would have fitted, or that ends a sentence: typesetters
   that do not stretch CJK lines leave room where line-breaking rules forbid a break) or a
   wider gap; at a column or page end a paragraph continues into the next column when that
   column starts unindented after a full line. '（下转第N版）' stays on the paragraph it ends,
   '（上接第N版）' opens the one it starts (every wording ``qa.structure.markers`` knows), also when set in
   head type, run on or broken over two lines (``markerlines``); the structure stage stitches them
   (``qa.structure.hinted``).

Scanned PDFs (no text layer) and password-protected PDFs are refused with a one-line message.

Modules, in the order the data flows: ``page`` (pdfium → characters → ``lines``; a ruled table's cells → one
line a row, ``tables``), ``furniture``,
``order`` (with ``headbands``), ``paragraphs`` (with ``kickers``); ``read_pdf`` here runs them.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from qa.formats.blocks import to_document
from qa.formats.pdf.bookmarks import Mark, apply_bookmarks, read_marks
from qa.formats.pdf.carried_rows import join_carried_rows
from qa.formats.pdf.contents import drop_contents
from qa.formats.pdf.edge_rows import drop_edge_furniture
from qa.formats.pdf.exams import end_option_rows, join_option_rows
from qa.formats.pdf.flow_tails import carry_column_tails
from qa.formats.pdf.footnotes import place_notes, take_column_foot_notes, take_notes
from qa.formats.pdf.furniture import drop_furniture
from qa.formats.pdf.jumpheads import marker_heads
from qa.formats.pdf.markerlines import rejoin_marker_lines
from qa.formats.pdf.measure import measure_one_column, side_by_side
from qa.formats.pdf.numbered import join_numbers, nest_by_part_words, numbered_heads
from qa.formats.pdf.order import _doglegs, _Layout, _stranded_heads, _xy_cut
from qa.formats.pdf.page import read_pages
from qa.formats.pdf.paragraphs import (
    _blocks,
    _Item,
    borrow_edges,
    column_edges,
    mark_quotes,
    paragraph_gap,
    unbold_paragraphs,
    usual_line_gap,
)
from qa.formats.pdf.patents import patent_parts
from qa.formats.pdf.reports import (
    captions_as_text,
    mark_captions,
    mark_glyphs_beside_text,
    mark_run_on_lines,
    mark_table_rows,
    nest_by_numbers,
)
from qa.formats.pdf.runaround import captions_out_of_paragraphs
from qa.formats.pdf.sequence import level_by_sequence, siblings_by_count
from qa.formats.pdf.slides import end_points, is_slide_deck, seat_point_marks
from qa.formats.pdf.spacing import space_paragraphs
from qa.formats.pdf.spilled import give_back_spilled_text
from qa.formats.pdf.standards import decimal_outline
from qa.formats.pdf.textboxes import place_boxes, text_boxes
from qa.formats.pdf.vertical import vertical_heads
from qa.records import Document

# Thresholds, in units of the font size (or of the body size). Chosen on the tuning families of
# benchmarks/formats.py and reported there on a held-out family.
MULTI_COLUMN = 0.6  # half the text set in columns narrower than this share of the text width: a multi-column layout


def read_pdf(path: Path, doc_id: str) -> Document:
    """The PDF's text in reading order with page, heading level and role of every block."""
    marks: list[Mark] = []  # the author's outline, read from the open file (qa.formats.pdf.bookmarks)
    pages, body = read_pages(path, doc_id, lambda pdf: marks.extend(read_marks(pdf, doc_id)))
    # Notes at a page's foot are set aside first (no running footer) and filed after the paragraph citing them.
    notes = take_notes(pages, body)
    drop_furniture(pages, body)
    drop_edge_furniture(pages, body)  # a far-set folio, a one-page header (qa.formats.pdf.edge_rows)
    notes += take_column_foot_notes(pages, body)  # a paper's '收稿日期：…' at its column's foot (likewise)
    join_carried_rows(pages)  # a table's row a page break parts is one row (qa.formats.pdf.carried_rows)
    give_back_spilled_text(pages, body)  # text in a narrow margin's band is no furniture (qa.formats.pdf.spilled)
    drop_contents(pages)  # a contents page is no text of the document (qa.formats.pdf.contents)
    for page in pages:  # a row of an exam's options is one line, ending its paragraph (qa.formats.pdf.exams)
        page.lines = join_option_rows(page.lines)
    end_option_rows(pages)
    deck = is_slide_deck(pages)  # a slide's points and their numbers (qa.formats.pdf.slides)
    for page in pages if deck else ():
        seat_point_marks(page)
    body_chars = [(len(ln.text), ln.bold) for p in pages for ln in p.lines if abs(ln.size - body) < 0.1 * body]
    if sum(n for n, bold in body_chars if bold) * 2 > sum(n for n, _ in body_chars):
        # The body itself is set in a bold (or 黑体) face: weight tells nothing about headings.
        for page in pages:
            for line in page.lines:
                line.bold = False
    for page in pages:
        mark_quotes(page.lines, body)
        unbold_paragraphs(page.lines, body)
    line_gap = usual_line_gap(pages, body)
    layout = _Layout(body, line_gap, paragraph_gap(pages, body, line_gap))
    items: list[_Item] = []
    widths: list[tuple[float, int]] = []  # (a full leaf's column width, its letters and digits)
    # The width the pages set text across: the upper quartile of the pages' widths, not the widest (a landscape
    # table or an overfull code line on a few pages of a manual is not the text width of the rest) nor the middle
    # one (a paper of three pages whose last is narrower is still as wide as its front page).
    extents = sorted(max(ln.x1 for ln in p.lines) - min(ln.x0 for ln in p.lines) for p in pages if p.lines)
    text_width = extents[(3 * len(extents)) // 4] if extents else 1.0
    leaf_id = 0
    for page in pages:
        drawn = replace(layout, rules=page.rules, frames=page.frames, pictures=page.pictures)
        boxes = text_boxes(page.lines, page.frames, body)  # floated text boxes read apart (textboxes.py)
        boxed = {id(ln) for box in boxes for ln in box}
        leaves = [leaf for leaf in _xy_cut([ln for ln in page.lines if id(ln) not in boxed], drawn) if leaf]
        leaves = place_boxes(leaves, boxes)
        leaves = captions_out_of_paragraphs(_stranded_heads(_doglegs(leaves, drawn), drawn), drawn)
        leaves = vertical_heads(leaves, body, page.frames)  # a head set top to bottom beside its story (vertical.py)
        leaves = marker_heads(leaves, body)  # a continuation's lone marker line over its columns (jumpheads.py)
        leaves = carry_column_tails(leaves, body, body + line_gap)  # a flow carried atop the next column (flow_tails)
        edges = [column_edges(leaf, body) for leaf in leaves]
        for leaf, own in zip(leaves, edges, strict=True):
            left, right, full, _ = own
            if full and not all(ln.row for ln in leaf):  # a table's rows are no column of text
                widths.append((right - left, sum(c.isalnum() for ln in leaf for c in ln.text)))
            else:
                left, right = borrow_edges(own, edges, body)
            items.extend(_Item(ln, leaf_id, left, right) for ln in leaf)
            leaf_id += 1
    # (and some page sets text side by side: a notice of short paragraphs has only narrow leaves, one under another)
    multi_column = _median_width(widths) < MULTI_COLUMN * text_width and side_by_side(items, body)
    for page in pages:
        mark_captions(page.lines)
    if not multi_column:
        for page in pages:
            mark_table_rows(page.lines, body)
            mark_run_on_lines(page.lines, body)
            mark_glyphs_beside_text(page.lines, body)
    one_line: set[int] = set()
    if not multi_column:
        items = join_numbers(items, body)
        items = measure_one_column(items, {p.number: p.width for p in pages}, body)
        items = space_paragraphs(items, body)  # paragraphs set apart by space (qa.formats.pdf.spacing)
        items = end_points(items, {p.number: p.width for p in pages}) if deck else items
    blocks = place_notes(_blocks(items, body, multi_column, one_line, line_gap), notes)
    if not multi_column:  # numbered headings set in the body's type (qa.formats.pdf.numbered)
        blocks = numbered_heads(blocks, one_line)
        blocks = decimal_outline(blocks, one_line)  # a standard's clause numbers (qa.formats.pdf.standards)
        blocks = patent_parts(blocks, one_line)  # a patent's 技术领域, 背景技术 … (qa.formats.pdf.patents)
    # Words that say what type does not: a caption is text, section numbers nest (qa.formats.pdf.reports).
    blocks = nest_by_part_words(nest_by_numbers(captions_as_text(blocks)))
    blocks = level_by_sequence(blocks)  # numbers counting 1, 2, 2.1, 3 … nest as they count (qa.formats.pdf.sequence)
    blocks = siblings_by_count(blocks)  # '二、' after '一、' is its sibling, whatever its size (likewise)
    blocks = rejoin_marker_lines(blocks)  # a jump marker set in head type is no heading (markerlines.py)
    # The author's outline, where the PDF has one, names its headings (qa.formats.pdf.bookmarks) — not on a newspaper's
    # pages, where every headline is an article and an outline's depth is a style (Heading 1 lead, Heading 2 others).
    if not multi_column:
        blocks = apply_bookmarks(blocks, marks, [it.line for it in items])
    editions = {p.number: p.edition for p in pages}
    blocks = [replace(b, edition=editions.get(b.page)) if b.page else b for b in blocks]
    return to_document(blocks, path, doc_id, "pdf", "pdf")


def _median_width(widths: list[tuple[float, int]]) -> float:
    """The column width half of the text is set in (leaves weighed by their letters and digits — a row of dot
    leaders is no text; inf for none).

    Weighed by text, not counted by leaf: a manual's contents pages (titles, dot leaders and page numbers read as
    three narrow columns), margin notes, tables and short listings outnumber its full-width paragraphs, while a
    newspaper sets nearly all its text in its columns."""
    total = sum(n for _, n in widths)
    seen = 0
    for width, n in sorted(widths):
        seen += n
        if 2 * seen >= total:
            return width
    return float("inf")


__all__ = ["read_pdf", "read_pages"]
