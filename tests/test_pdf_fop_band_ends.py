"""A band of balanced columns that ends with no gap across the page keeps its story apart from the band under it.

A paper stacks bands: a story under a headline across the page, its text balanced over the columns, then the next
band's short stories flowing down the same columns. When nothing parts the bands (no rule, no full-width white: a
typesetter that closes a band with an invisible hairline), the columns run down the page unbroken. Read column by
column, the lead's text in the second and third columns fell under the headline the first column opens further
down. The band's end shows in its last column (the story's last line, white under it) level with the headline
opening the first column. The page is written by reportlab on one baseline grid and read by the real reader.
"""

from __future__ import annotations

import re
from pathlib import Path

from qa.formats.pdf import read_pdf
from qa.structure import recover_outline
from tests.reportlab_pages import BODY, LEADING, MARGIN, PAGE_H, PAGE_W, SPRING, STREET, TOP, Grid

GRID = Grid(3)
COLS, GUTTER, PER_LINE = GRID.cols, GRID.gutter, GRID.per_line

LEAD_HEAD, SECOND_HEAD, THIRD_HEAD = "全省春耕生产全面展开", "老街区换新颜", "山区小学通上网络"
SENTENCES = (
    *SPRING,
    "农资市场货源充足，价格总体平稳，执法部门加强了对化肥种子质量的抽检。",
    *STREET,
    "山区小学开通宽带网络以后，孩子们第一次通过屏幕听到了城里老师的课。",
    "县教育局为每所学校配备了多媒体教室，并对教师进行了集中培训。",
    "校长说，网络让山里的孩子和外面的世界连在了一起，学习兴趣明显提高。",
)


def _page(path: Path) -> dict[str, list[str]]:
    from reportlab.pdfgen import canvas

    lead = [SENTENCES[0] + SENTENCES[1], SENTENCES[2] + SENTENCES[3] + SENTENCES[4], SENTENCES[1] + SENTENCES[0]]
    second = [SENTENCES[5] + SENTENCES[6], SENTENCES[7] + SENTENCES[8], SENTENCES[6] + SENTENCES[5]]
    third = [SENTENCES[9] + SENTENCES[10], SENTENCES[11] + SENTENCES[10], SENTENCES[10] + SENTENCES[9]]
    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    c.setFont("STSong-Light", 26)
    c.drawString(MARGIN, PAGE_H - 100, LEAD_HEAD)
    # Band 1: the lead balanced over three columns, the last one shorter.
    while len(GRID.lines(lead)) % COLS != COLS - 1:  # (so that the last column ends one row short)
        lead[-1] = lead[-1][: -PER_LINE - 1] + "。"
    lines = GRID.lines(lead)
    per = -(-len(lines) // COLS)
    assert per > len(lines) - 2 * per >= 2  # (the last column holds some of the story, and ends short)
    for k, line in enumerate(lines):
        GRID.draw_line(c, k // per, k % per, line)
    # Band 2, on the next row of the grid with no gap: a story under a head in column 1 running on into column 2,
    # where a second story opens and runs on into column 3 (whose band-1 text ended two rows up).
    foot = per + 9
    GRID.draw_head(c, 0, per, SECOND_HEAD, 13)
    slots = (
        [(0, r) for r in range(per + 1, foot)] + [(1, r) for r in range(per, foot)] + [(2, r) for r in range(per, foot)]
    )
    body2 = GRID.lines(second)
    for (col, row), line in zip(slots, body2, strict=False):
        GRID.draw_line(c, col, row, line)
    col, row = slots[len(body2)]
    GRID.draw_head(c, col, row, THIRD_HEAD, 13)
    for (col, row), line in zip(slots[len(body2) + 1 :], GRID.lines(third), strict=False):
        GRID.draw_line(c, col, row, line)
    third_lines = GRID.lines(third)
    assert slots[len(body2)][0] == 1 and len(body2) + 1 + len(third_lines) <= len(slots)  # (it ends in column 3)
    assert slots[len(body2) + len(third_lines)][0] == 2
    c.save()
    return {LEAD_HEAD: lead, SECOND_HEAD: second, THIRD_HEAD: third}


def test_a_band_ending_with_no_gap_keeps_its_story(tmp_path: Path, fonts) -> None:
    path = tmp_path / "bands.pdf"
    stories = _page(path)
    outline = recover_outline(read_pdf(path, path.name))
    for head, paragraphs in stories.items():
        for text in paragraphs:
            held = [p for p in outline.paragraphs if text in p.text.replace(" ", "")]
            assert len(held) == 1, (head, text[:12], [p.text[:12] for p in held])
            section = next(s for s in outline.sections if held[0].index in s.paragraphs)
            assert section.path[-1] == head, (text[:12], section.path)


SUBHEAD = "一、交通先行"


def _one_story_page(path: Path) -> list[str]:
    """One story over three columns of one grid, with no band in it: column 1 ends a paragraph, leaves a row white
    and opens a subhead (set as large as a band's headline); column 3 ends a paragraph two rows above the subhead,
    leaves a row white and runs on; column 2 runs through. Returns the lines in reading order, the subhead in its
    place."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    c.setFont("STSong-Light", 26)
    c.drawString(MARGIN, PAGE_H - 100, LEAD_HEAD)
    text = "".join(f"（{n}）{SENTENCES[n % len(SENTENCES)]}" for n in range(60))
    rows = [text[k : k + PER_LINE] for k in range(0, len(text), PER_LINE)]
    order: list[str] = []
    taken = 0

    def put(col: int, row: int, line: str) -> None:
        nonlocal taken
        GRID.draw_line(c, col, row, (line, False))
        order.append(line)
        taken += 1

    for row in range(9):
        put(0, row, rows[taken])
    put(0, 9, "全市改造工作稳步推进。")  # (a paragraph's end, short of the column's width)
    taken -= 1  # (its words are no part of the numbered text)
    GRID.draw_head(c, 0, 11, SUBHEAD, 13)
    order.append(SUBHEAD)
    for row in range(12, 30):
        put(0, row, rows[taken])
    for row in range(30):
        put(1, row, rows[taken])
    for row in range(30):
        if row == 9:
            GRID.draw_line(c, 2, row, ("各项工作圆满完成。", False))
        elif row != 10:
            put(2, row, rows[taken])
    c.save()
    return order


def test_a_subhead_in_one_storys_columns_is_no_band_end(tmp_path: Path, fonts) -> None:
    """A subhead in the first column, level with an ordinary paragraph break in the last, cuts nothing across: the
    second and third columns' text, read after the first column's, stays under the subhead."""
    path = tmp_path / "story.pdf"
    order = _one_story_page(path)
    outline = recover_outline(read_pdf(path, path.name))
    flat = "".join(p.text.replace(" ", "") for p in outline.paragraphs)
    marks = [int(m) for m in re.findall(r"（(\d+)）", flat)]
    assert marks == sorted(marks) and len(marks) >= 50, marks  # column by column, as written
    at = order.index(SUBHEAD)
    before = re.findall(r"（\d+）", "".join(order[:at]))[-1]
    after = re.findall(r"（\d+）", "".join(order[at + 1 :]))
    assert flat.index(before) < flat.index(SUBHEAD) < flat.index(after[0]), flat[:300]
    section = next(s for s in outline.sections if s.path[-1] == SUBHEAD)
    under = "".join(outline.paragraphs[i].text.replace(" ", "") for i in section.paragraphs)
    assert all(mark in under for mark in after), [mark for mark in after if mark not in under]


SPACED_HEAD, SPACED_SUBHEAD = "古城墙修缮工程完工", "◆民生一"


def _numbered(first: int, rows: int) -> tuple[list[str], int]:
    """A paragraph of ``rows`` column lines made of numbered sentences from ``first`` on, its last line short and
    ending on a full stop: (its lines, the next number)."""
    text, n = "", first
    while len(text) < rows * PER_LINE:
        text += f"（{n}）{SENTENCES[n % len(SENTENCES)]}"
        n += 1
    text = text[: (rows - 1) * PER_LINE + PER_LINE // 2 - 1] + "。"
    return [text[k : k + PER_LINE] for k in range(0, len(text), PER_LINE)], n


def _spaced_story_page(path: Path) -> list[str]:
    """One story over three columns under a headline, set with no first-line indents and a white row between
    paragraphs (as the dense and embedded-font papers are): column 1 opens a subhead under a paragraph's end and a
    white row, and columns 2 and 3 end paragraphs in that white row, a white row under them as under every
    paragraph of the story.
    Returns the lines in reading order (the subhead in its place)."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    c.setFont("STSong-Light", 20)
    c.drawString(MARGIN, TOP + 40, SPACED_HEAD)
    order: list[str] = []
    n = 0
    # Per column, the paragraphs' rows (None: the subhead), each followed by a white row; 30 rows in all.
    layout = ([4, 4, None, 8, 11], [3, 6, 9, 8], [2, 7, 9, 8])
    for col, paragraphs in enumerate(layout):
        row = 0
        for rows in paragraphs:
            if rows is None:
                GRID.draw_head(c, col, row, SPACED_SUBHEAD, 13)
                order.append(SPACED_SUBHEAD)
                row += 1
                continue
            lines, n = _numbered(n, rows)
            for line in lines:
                GRID.draw_line(c, col, row, (line, False))
                order.append(line)
                row += 1
            row += 1
    c.save()
    return order


def test_a_subhead_level_with_spaced_paragraph_ends_is_no_band_end(tmp_path: Path, fonts) -> None:
    """Where every paragraph ends with a white row under it, the white under the last column's paragraph, level
    with a subhead in the first column, is no story's end: the columns are read whole, one after another, and the
    text after the subhead (all of columns 2 and 3) stays under it."""
    path = tmp_path / "spaced.pdf"
    order = _spaced_story_page(path)
    outline = recover_outline(read_pdf(path, path.name))
    flat = "".join(p.text.replace(" ", "") for p in outline.paragraphs)
    marks = [int(m) for m in re.findall(r"（(\d+)）", flat)]
    assert marks == sorted(marks) and len(marks) >= 40, marks  # column by column, as written
    at = order.index(SPACED_SUBHEAD)
    after = re.findall(r"（\d+）", "".join(order[at + 1 :]))
    section = next(s for s in outline.sections if s.path[-1] == SPACED_SUBHEAD)
    under = "".join(outline.paragraphs[i].text.replace(" ", "") for i in section.paragraphs)
    assert all(mark in under for mark in after), [mark for mark in after if mark not in under]


MODULE_HEADS = {
    "A": "老街区换新颜",
    "B": "山区小学通上网络",
    "C": "春耕生产全面展开",
    "D": "农资市场货源充足",
    "E": "气象部门提醒防寒",
}


def _story(key: str, rows: int, start: int, per: int) -> list[tuple[str, bool]]:
    """``rows`` column lines (``per`` characters wide) of story ``key``: indented paragraphs set with no white
    between them, each opening on a mark '（A1）' naming its story, the last line short, closing on a full stop."""
    lines: list[tuple[str, bool]] = []
    n = 0
    while len(lines) < rows:
        n += 1
        a, b = SENTENCES[(start + 2 * n) % len(SENTENCES)], SENTENCES[(start + 2 * n + 1) % len(SENTENCES)]
        text = f"（{key}{n}）{a}{b}"
        lines.append((text[: per - 2], True))
        lines.extend((text[k : k + per], False) for k in range(per - 2, len(text), per))
    lines = lines[:rows]
    text, indented = lines[-1]
    lines[-1] = (text[: per // 2] + "。", indented)
    return lines


def _modules_page(path: Path) -> None:
    """Three modules side by side, each opening under its own headline at the top: story A in column 1, story C in
    column 2 (on a baseline grid half a row lower, running the page's height), story D over columns 3 and 4. A and
    D end on the same row; under a white row, story B opens in column 1 and story E over columns 3 and 4."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    width = (PAGE_W - 2 * MARGIN - 3 * GUTTER) / 4
    per = int(width // BODY)

    def x(col: int, indented: bool = False) -> float:
        return MARGIN + col * (width + GUTTER) + (2 * BODY if indented else 0)

    def put(col: int, row: float, line: tuple[str, bool]) -> None:
        c.setFont("STSong-Light", BODY)
        c.drawString(x(col, line[1]), TOP - row * LEADING, line[0])

    def head(col: int, row: float, key: str) -> None:
        c.setFont("STSong-Light", 16)
        c.drawString(x(col), TOP - row * LEADING, MODULE_HEADS[key])

    head(0, 0, "A")
    for row, line in enumerate(_story("A", 8, 0, per), start=1):
        put(0, row, line)
    head(0, 10, "B")
    for row, line in enumerate(_story("B", 19, 3, per), start=11):
        put(0, row, line)
    head(1, 0.5, "C")
    for row, line in enumerate(_story("C", 28, 5, per), start=1):
        put(1, row + 0.5, line)
    head(2, 0, "D")
    for k, line in enumerate(_story("D", 16, 7, per)):
        put(2 + k // 8, 1 + k % 8, line)
    head(2, 10, "E")
    for k, line in enumerate(_story("E", 36, 9, per)):
        put(2 + k // 18, 11 + k % 18, line)
    c.save()


def test_modules_side_by_side_ending_level_are_no_band(tmp_path: Path, fonts) -> None:
    """Stories side by side under headlines of their own are modules, not one band's balanced columns, though two
    of them end on one row and new stories open under them: every story's paragraphs stay under its headline (a
    cut across there put story C's lower half under story B's headline)."""
    path = tmp_path / "modules.pdf"
    _modules_page(path)
    outline = recover_outline(read_pdf(path, path.name))
    for section in outline.sections:
        for i in section.paragraphs:
            text = outline.paragraphs[i].text.replace(" ", "")
            keys = set(re.findall(r"（([A-E])\d+）", text))
            assert all(MODULE_HEADS[k] == section.path[-1] for k in keys), (section.path, text[:20])
    found = {k for p in outline.paragraphs for k in re.findall(r"（([A-E])\d+）", p.text.replace(" ", ""))}
    assert found == set(MODULE_HEADS), found
