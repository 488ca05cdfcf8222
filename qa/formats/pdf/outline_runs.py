"""A bold outline head and its first subhead are two headings, not one heading wrapped onto two lines.

A report sets '二、检查内容' in bold and, right under it with no text between, its first point '（一）消防设施' in the
same bold type. The heading reader joins lines of one type set close together into one heading (a headline wrapped
onto a second line), and LibreOffice sets the two a line apart: '二、检查内容（一）消防设施' became one heading and
'（二）特种设备' had no parent; a Taiwanese plan's '肆、行程規劃' took in its '一、第一天'. A wrapped headline's second
line does not open with an outline number at or below the first line's own rank: where it does, a new heading starts.
"""

from __future__ import annotations

from qa.structure.headings import line_outline_rank


def opens_deeper_number(first: str, line: str) -> bool:
    """Whether ``line``, set under the heading line ``first``, opens an outline number ranked with or below
    ``first``'s ('（一）消防设施' under '二、检查内容'): the first subhead or the next heading, not ``first``'s second
    line."""
    top, own = line_outline_rank(first.strip()), line_outline_rank(line.strip())
    return top is not None and own is not None and own >= top
