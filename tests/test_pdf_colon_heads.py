"""A headline broken after its colon ('《朗朗星空》：' over '难忘知青岁月') is one headline.

A display line ending with a colon is no head of its own: bold type ending so is a lead-in of the text under it
('具体做法：'). But a flow band's head set a column wide breaks where it can, after its colon too: its first line was
read as a paragraph of the story above and the story filed under the second line alone. A display line ending with
a colon right over a head line in the very same type is that headline's first line; over text it stays text.
A page written by reportlab (bold as fill-and-stroke), read by the real reader.
"""

from __future__ import annotations

from pathlib import Path

from qa.formats.pdf import read_pdf
from qa.structure import recover_outline

PAGE_W, PAGE_H = 800.0, 1000.0
MARGIN, GUTTER, BODY, LEADING = 40.0, 14.0, 10.0, 15.0
COLS = 3
COL_W = (PAGE_W - 2 * MARGIN - (COLS - 1) * GUTTER) / COLS
PER_LINE = int(COL_W // BODY)
FONT = "STSong-Light"

LEAD = "全省春耕生产全面展开"
FIRST, SECOND = "《朗朗星空》：", "难忘知青岁月"
OTHER, LEAD_IN = "老街区换新颜", "具体做法："
DATELINE = "本报杭州1月5日电　记者王小明报道："
FILM = "一部描写当年到草原插队的知识青年在都市生活的电影近日完成拍摄，将于春节期间在各地影院上映。"
TEXT = "老街区改造工程去年启动，沿街的旧房屋经过加固修缮，保留了原有的风貌，居民出行更加方便。"


def _page(path: Path) -> None:
    """The lead across the page, its text in column 1; in column 2 a story under a bold head 1.15× the body broken
    after its colon over two lines; in column 3 a story whose text goes on under a bold lead-in of that type ending
    with a colon."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    c.setFont(FONT, 26)
    c.drawString(MARGIN, PAGE_H - 100, LEAD)
    top = PAGE_H - 140

    def column(col: int, items: list[tuple[str, str]]) -> None:
        y = top
        x = MARGIN + col * (COL_W + GUTTER)
        for kind, text in items:
            if kind == "head":
                t = c.beginText(x, y)
                t.setFont(FONT, 11.5)
                t.setTextRenderMode(2)  # fill and stroke: bold
                t.textOut(text)
                c.drawText(t)
                y -= LEADING
                continue
            c.setFont(FONT, BODY)
            first = PER_LINE - 2
            lines = [text[:first]] + [text[k : k + PER_LINE] for k in range(first, len(text), PER_LINE)]
            for n, line in enumerate(lines):
                c.drawString(x + (2 * BODY if n == 0 else 0), y, line)
                y -= LEADING

    column(0, [("text", TEXT * 3), ("text", TEXT * 4), ("text", TEXT * 3)])
    column(1, [("head", FIRST), ("head", SECOND), ("text", DATELINE + FILM), ("text", FILM * 2)])
    column(2, [("head", OTHER), ("text", DATELINE + TEXT * 2), ("head", LEAD_IN), ("text", TEXT * 2)])
    c.save()


def test_a_head_broken_after_its_colon_is_one_headline_and_a_lead_in_stays_text(tmp_path: Path, fonts) -> None:
    path = tmp_path / "colon.pdf"
    _page(path)
    outline = recover_outline(read_pdf(path, path.name))
    paths = [s.path for s in outline.sections]
    film = next((s for s in outline.sections if s.path[-1] == FIRST + SECOND), None)
    assert film is not None, paths  # one headline, both its lines
    assert any(FILM[:10] in outline.paragraphs[i].text for i in film.paragraphs)  # the story's text under it
    assert not any(FIRST in outline.paragraphs[i].text for s in outline.sections for i in s.paragraphs)
    # A lead-in ending with a colon over text heads nothing: the story's text goes on under the story's own head.
    assert not any(LEAD_IN.rstrip("：") in p[-1] for p in paths), paths
    other = next(s for s in outline.sections if s.path[-1] == OTHER)
    assert sum(TEXT[:10] in outline.paragraphs[i].text for i in other.paragraphs) >= 2, paths
