"""A column of a flow that ran out above a full-width gap: no article boundary (a paper's last page).

A two-column paper's last page often ends its right column early — the reference list — while the left column reads
on, a section head after a section head ('3 结果', '4 结论'). The gap above the left column's next head then runs
across the page, which in a newspaper is the boundary between a band of articles and the next: cut there, the
references (right column, above the gap) were read before '3 结果' (left column, below it).

What tells the flow: everything below the gap stands in the left part, nothing under the right column above it
(whether it ends a line above the gap or a few); and
that right column opens with a heading of its own while the left one opens with running text, carried from the column
before — it is no newspaper article's last column, which reads on from its left column, under one headline.
"""

from __future__ import annotations

from qa.formats.pdf.lines import HEAD_RATIO, Line


def column_ran_out(above: list[Line], below: list[Line], body: float) -> bool:
    """Is the full-width gap between ``above`` and ``below`` (the rest of the region) the foot of a flow's right
    column that ran out, the left column reading on under it?"""
    if not above or not below:
        return False
    reach = max(ln.x1 for ln in below)
    right = [ln for ln in above if ln.x0 > reach]
    left = [ln for ln in above if ln.x1 <= reach + body]
    if not right or not left or len(right) + len(left) != len(above):
        return False
    top_right = min(right, key=lambda ln: ln.top)
    top_left = min(left, key=lambda ln: ln.top)
    opens_head = top_right.size >= HEAD_RATIO * body or top_right.bold
    return opens_head and top_left.size < HEAD_RATIO * body and not top_left.bold
