"""Text that spilled into a page's margin band, given back after the furniture step took it.

The furniture step (``qa.formats.pdf.furniture``) drops lines in a page's top and bottom bands (7.5 % of its
height) that read like a banner or a footer: a date, an edition, a folio. A browser prints a page with narrow
margins (Chromium's default: about 1 cm), so the first and last rows of its text stand inside those bands; the
document's last words, spilled onto a page of their own, were taken for a banner and lost — a regulation's last
article ('第九条 本法自2024年7月1日起施行。' under '附　　则'), a notice's issuer and date
('区应急管理局　2025年4月1日').
The same words printed with wider margins (reportlab's 1 inch) stood outside the bands and were kept.

What tells the text from furniture here is not the words but what stands round them:

- a page with no text left at all had none taken from it as furniture: furniture frames a page's text, and a
  page of nothing but a date or an issuer is the end of the document, carried over;
- a line right under a line of text, in the body's type at the text's line pitch, continues that text (a
  banner is a page's first row, a footer its last) — at a page's top only a line with a sentence's punctuation in it:
  a site's masthead sets its date line right under its navigation row, in the body's type.

Neither gives back a line that repeats on another page (a running head or foot, whatever its words: Chromium's
own header and footer, a report's '第 2 页 共 3 页'), nor a folio or an edition, which are nothing but furniture.
"""

from __future__ import annotations

import re

from qa.formats.pdf.furniture import EDITION
from qa.formats.pdf.lines import Line, _Page

SAME_TYPE = 0.1  # share of the body size within which a line is set in the body's type
PITCH = 0.8  # white (of the line's size) under the line above, at most, for a line that continues it

# Nothing but a page's number: '3', '— 3 —', '第 3 页', '3/5', '第 1 页 共 3 页', 'Page 3' (edge_rows too).
FOLIO_LINE = re.compile(
    r"[-—–\s]*\d{1,4}[-—–\s]*|\s*第\s*\d{1,4}\s*页(\s*[,，]?\s*共\s*\d{1,4}\s*页)?\s*|\s*\d{1,4}\s*/\s*\d{1,4}\s*"
    r"|\s*page\s*\d{1,4}(\s*(of|/)\s*\d{1,4})?\s*",
    re.IGNORECASE,
)


# A line of running text holds a sentence's punctuation; a site's date line under its navigation row
# ('2024年3月1日　星期五　农历正月廿一　晴　12℃') holds none, and stands where a banner does (review3).
_SENTENCE_MARKS = re.compile(r"[，。；！？,;!?]")


def _shape(text: str) -> str:
    """A line's words with its numbers as '#' and no spaces: a running line reads so on every page."""
    return re.sub(r"\d+|\s+", lambda m: "#" if m.group(0)[0].isdigit() else "", text)


def give_back_spilled_text(pages: list[_Page], body: float) -> None:
    """Move the lines the furniture step took that are the document's text back into their pages' lines."""
    seen: dict[str, set[int]] = {}
    for page in pages:
        for ln in page.lines + page.furniture:
            seen.setdefault(_shape(ln.text), set()).add(page.number)

    def text_like(line: Line) -> bool:
        return (
            abs(line.size - body) <= SAME_TYPE * body
            and seen.get(_shape(line.text), set()) <= {line.page}
            and not FOLIO_LINE.fullmatch(line.text)
            and not EDITION.search(line.text)
        )

    for page in pages:
        candidates = [ln for ln in page.furniture if text_like(ln)]
        if not candidates:
            continue
        if not page.lines:
            back = candidates
        else:
            back = []
            kept = [ln for ln in page.lines if abs(ln.size - body) <= SAME_TYPE * body]
            for line in sorted(candidates, key=lambda ln: ln.top):
                if line.top < page.height / 2 and not _SENTENCE_MARKS.search(line.text):
                    continue  # a masthead's date line under its navigation row: no sentence in it
                if any(_continues(line, above) for above in kept + back):
                    back.append(line)
        if back:
            page.furniture = [ln for ln in page.furniture if all(ln is not b for b in back)]
            page.lines = sorted(page.lines + back, key=lambda ln: (ln.top, ln.x0))


def _continues(line: Line, above: Line) -> bool:
    """Does ``line`` stand right under ``above`` (the white between them under ``PITCH`` of its size), across it?"""
    overlap = min(line.x1, above.x1) - max(line.x0, above.x0)
    return (
        0 <= line.top - above.bottom < PITCH * line.size
        and overlap > 0
        and abs(line.size - above.size) <= SAME_TYPE * line.size
    )
