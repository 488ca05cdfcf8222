"""Lay out one newspaper with Pango and write it with cairo's PDF surface; run by Debian's python3 (python3-gi,
gir1.2-pango-1.0, python3-gi-cairo), not by the project's Python: ``python3 newspaper_pango_script.py spec.json
out.pdf gold.json``.

The spec (tests/newspaper_pango.py) holds the drawn page grid, type and the stories' text; this script composes the
pages (bands of modules over a column grid), breaks every paragraph into lines with Pango (its UAX #14 line
breaker, CJK kinsoku, justification), places the lines itself column by column, and draws them with
``PangoCairo.show_layout_line`` on a cairo PDF surface. The gold it writes is the text of the lines it drew, page
by page, so it is what was printed. Kept free of the project's imports (a different interpreter runs it).
"""

from __future__ import annotations

import json
import random
import sys
from dataclasses import dataclass, field

import cairo
import gi

gi.require_version("Pango", "1.0")
gi.require_version("PangoCairo", "1.0")
gi.require_foreign("cairo")
from gi.repository import Pango, PangoCairo  # noqa: E402

SCALE = Pango.SCALE


@dataclass
class Line:
    """One line Pango broke: its text, its paragraph (index in the story), and how to draw it."""

    text: str
    para: int
    layout: object  # Pango.Layout (kept alive for its line)
    index: int  # line number in the layout
    x: float  # offset of the line's logical box in the layout (indent, alignment)
    last: bool  # last line of its paragraph


@dataclass
class Story:
    key: str  # the article's headline (gold key)
    spec: dict
    lines: list[Line] = field(default_factory=list)
    printed: list[tuple[int, int, str, list]] = field(default_factory=list)  # (page, para, line text, its box)


class Composer:
    def __init__(self, spec: dict, pdf_path: str) -> None:
        self.spec = spec
        self.st = spec["style"]
        self.rng = random.Random(spec["seed"])
        self.surface = cairo.PDFSurface(pdf_path, self.st["width"], self.st["height"])
        self.surface.set_metadata(cairo.PDFMetadata.CREATOR, "qa tests: newspaper_pango_script.py (Pango/cairo)")
        self.ctx = cairo.Context(self.surface)
        options = cairo.FontOptions()
        options.set_hint_metrics(cairo.HINT_METRICS_OFF)
        options.set_hint_style(cairo.HINT_STYLE_NONE)
        self.pango = PangoCairo.create_context(self.ctx)
        PangoCairo.context_set_font_options(self.pango, options)
        self.page = 1
        self.pieces: list[dict] = []
        self.last_rects: list[list[float]] = []

    # ---- Pango -------------------------------------------------------------------------------------------------
    def layout(
        self,
        text: str,
        face: str,
        size: float,
        width: float,
        *,
        bold: bool = False,
        indent: float = 0,
        justify: bool = False,
        align: str = "left",
    ) -> Pango.Layout:
        lay = Pango.Layout.new(self.pango)
        desc = Pango.FontDescription.from_string(f"{face} {size:.2f}px")
        desc.set_absolute_size(size * SCALE)
        if bold:
            desc.set_weight(Pango.Weight.BOLD)
        lay.set_font_description(desc)
        lay.set_width(int(width * SCALE))
        lay.set_wrap(Pango.WrapMode.WORD_CHAR)
        lay.set_indent(int(indent * SCALE))
        lay.set_justify(justify)
        lay.set_alignment(
            {"left": Pango.Alignment.LEFT, "center": Pango.Alignment.CENTER, "right": Pango.Alignment.RIGHT}[align]
        )
        lay.set_text(text, -1)
        return lay

    @staticmethod
    def lines_of(lay: Pango.Layout, text: str, para: int) -> list[Line]:
        raw = text.encode("utf-8")
        out = []
        it = lay.get_iter()
        k = 0
        while True:
            line = it.get_line_readonly()
            _, logical = it.get_line_extents()
            piece = raw[line.start_index : line.start_index + line.length].decode("utf-8")
            out.append(Line(piece, para, lay, k, logical.x / SCALE, False))
            k += 1
            if not it.next_line():
                break
        out[-1].last = True
        return out

    def draw_line(self, line: Line, x: float, baseline: float, color: tuple = (0, 0, 0)) -> list[float]:
        """Draw one of Pango's lines with its origin at (x, baseline); returns the box it was drawn in."""
        pline = line.layout.get_line_readonly(line.index)
        self.ctx.set_source_rgb(*color)
        self.ctx.move_to(x + line.x, baseline)
        PangoCairo.show_layout_line(self.ctx, pline)
        _, logical = pline.get_extents()
        x0 = x + line.x + logical.x / SCALE
        return [
            x0,
            baseline + logical.y / SCALE,
            x0 + logical.width / SCALE,
            baseline + (logical.y + logical.height) / SCALE,
        ]

    def block(
        self,
        text: str,
        face: str,
        size: float,
        x: float,
        top: float,
        width: float,
        *,
        lead: float = 1.25,
        bold: bool = False,
        align: str = "left",
        color: tuple = (0, 0, 0),
    ) -> float:
        """Draw a display block (head, kicker, caption…) at ``top``; returns its bottom."""
        lay = self.layout(text, face, size, width, bold=bold, align=align)
        y = top
        self.last_rects = []
        for line in self.lines_of(lay, text, 0):
            y += size * lead
            self.last_rects.append(self.draw_line(line, x, y - size * (lead - 1) / 2 - size * 0.12, color))
        return y

    def block_height(
        self, text: str, face: str, size: float, width: float, lead: float = 1.25, bold: bool = False
    ) -> float:
        return len(self.lines_of(self.layout(text, face, size, width, bold=bold), text, 0)) * size * lead

    def rule(self, x0: float, y0: float, x1: float, y1: float, width: float = 0.5, gray: float = 0.0) -> None:
        self.ctx.set_source_rgb(gray, gray, gray)
        self.ctx.set_line_width(width)
        self.ctx.move_to(x0, y0)
        self.ctx.line_to(x1, y1)
        self.ctx.stroke()

    def piece(self, article: str, text: str, role: str, continues: bool = False, rects: list | None = None) -> None:
        """A gold piece printed on this page, with the boxes of the lines it was drawn in (the last block's when
        not given), so that the gold check can read exactly those boxes back."""
        if text.strip():
            self.pieces.append(
                {
                    "article": article,
                    "text": text,
                    "page": self.page,
                    "role": role,
                    "continues": continues,
                    "rects": self.last_rects if rects is None else rects,
                }
            )

    # ---- grid --------------------------------------------------------------------------------------------------
    @property
    def col_w(self) -> float:
        st = self.st
        inner = st["width"] - st["margin_l"] - st["margin_r"]
        return (inner - (st["columns"] - 1) * st["gutter"]) / st["columns"]

    def col_x(self, c: int) -> float:
        return self.st["margin_l"] + c * (self.col_w + self.st["gutter"])

    def span_w(self, k: int) -> float:
        return k * self.col_w + (k - 1) * self.st["gutter"]

    # ---- stories -----------------------------------------------------------------------------------------------
    def body_lines(self, story: Story, width: float, first_text: list[str] | None = None) -> list[Line]:
        """Pango's lines for the story's paragraphs at ``width`` (``first_text`` replaces the paragraphs: a
        continuation's rest, whose first paragraph is a cut one and so is not indented)."""
        st = self.st
        paras = first_text if first_text is not None else story.spec["paragraphs"]
        out: list[Line] = []
        for n, text in enumerate(paras):
            indent = 0 if (first_text is not None and n == 0 and story.spec.get("cut_first")) else st["indent"]
            lay = self.layout(
                text, st["body_face"], st["body"], width, indent=indent * st["body"], justify=st["justify"]
            )
            out += self.lines_of(lay, text, n)
        return out

    def flow_height(self, lines: list[Line], k: int) -> float:
        """Height of the body set balanced over ``k`` columns."""
        st = self.st
        lead = st["body"] * st["leading"]
        total = len(lines) * lead + sum(st["para_gap"] for ln in lines if ln.last)
        return total / k + lead * 1.2

    def flow(
        self, story: Story, lines: list[Line], columns: list[tuple[float, float, float]], para_offset: int = 0
    ) -> list[Line]:
        """Set ``lines`` into ``columns`` (x, top, bottom) one after the other; returns the lines left over."""
        st = self.st
        lead = st["body"] * st["leading"]
        rest = list(lines)
        for x, top, bottom in columns:
            y = top
            while rest and y + lead <= bottom + 0.01:
                line = rest.pop(0)
                y += lead
                rect = self.draw_line(line, x, y - lead * 0.22)
                story.printed.append((self.page, line.para + para_offset, line.text, rect))
                if line.last:
                    y += st["para_gap"]
        return rest

    def emit_body(self, story: Story, page: int, continues_first: bool) -> None:
        """Gold body pieces from the lines printed on ``page``: one piece per paragraph part."""
        by_para: dict[int, list[tuple[str, list]]] = {}
        for p, para, text, rect in story.printed:
            if p == page:
                by_para.setdefault(para, []).append((text, rect))
        for n, (_, lines) in enumerate(sorted(by_para.items())):
            self.piece(
                story.key,
                "".join(t for t, _ in lines),
                "body",
                continues=continues_first and n == 0,
                rects=[r for _, r in lines],
            )

    def heads(self, story: Story, x: float, top: float, width: float, lead_story: bool) -> float:
        """Kicker, headline, subtitle and a byline line over a module; returns where the body starts."""
        st = self.st
        sp = story.spec
        align = st["head_align"]
        y = top
        if sp.get("label"):
            y = self.block(
                sp["label"], st["head_face"], st["body"] * 1.05, x, y, width, bold=True, color=(0.55, 0.1, 0.1)
            )
            y += 2
        size = st["body"] * (st["lead_scale"] if lead_story else st["head_scale"])
        if sp.get("kicker"):
            y = self.block(sp["kicker"], st["kicker_face"], size * st["kicker_ratio"], x, y, width, align=align)
            self.piece(story.key, sp["kicker"], "kicker")
        y = self.block(sp["headline"], st["head_face"], size, x, y, width, bold=st["head_bold"], align=align, lead=1.18)
        if sp.get("subtitle"):
            y = self.block(sp["subtitle"], st["kicker_face"], size * st["subtitle_ratio"], x, y + 1, width, align=align)
            self.piece(story.key, sp["subtitle"], "subtitle")
        y += st["body"] * 0.5
        if sp.get("byline") and sp.get("byline_style") == "line":
            y = self.block(sp["byline"], st["byline_face"], st["body"] * 0.95, x, y, width, align=st["byline_align"])
            self.piece(story.key, sp["byline"], "byline")
            y += st["body"] * 0.3
        return y

    def photo(self, story: Story, x: float, top: float, k: int) -> float:
        """A photo (a tinted box with a simple picture) over ``k`` columns, its caption under it; returns the
        bottom."""
        st = self.st
        w = self.span_w(k)
        h = w * story.spec["photo_ratio"]
        shade = 0.55 + 0.3 * self.rng.random()
        self.ctx.set_source_rgb(shade, shade * 0.95, shade * 0.9)
        self.ctx.rectangle(x, top, w, h)
        self.ctx.fill()
        self.ctx.set_source_rgb(shade - 0.25, shade - 0.3, shade - 0.2)
        self.ctx.arc(x + w * 0.35, top + h * 0.45, h * 0.22, 0, 6.283)
        self.ctx.fill()
        y = top + h + 3
        cap = story.spec["caption"]
        y = self.block(cap, st["caption_face"], st["body"] * 0.9, x, y, w, lead=1.3)
        self.piece(story.key, cap, "caption")
        return y + st["body"] * 0.6

    def closing_byline(self, story: Story, lines: list[Line], width: float) -> list[Line]:
        sp = story.spec
        if sp.get("byline") and sp.get("byline_style") == "closing":
            text = sp["byline"]
            lay = self.layout(text, self.st["byline_face"], self.st["body"], width, align="right")
            extra = self.lines_of(lay, text, 10_000)
            return lines + extra
        return lines

    def set_module(
        self,
        story: Story,
        c0: int,
        k: int,
        top: float,
        bottom: float,
        *,
        lead_story: bool = False,
        boxed: bool = False,
        jump: str | None = None,
        rest: list[str] | None = None,
        cont_head: str | None = None,
    ) -> tuple[float, list[Line]]:
        """Set a story in columns c0..c0+k-1 between ``top`` and ``bottom``; returns the bottom used and the body
        lines that did not fit (the jump's rest when ``jump`` names the marker)."""
        st = self.st
        pad = 6 if boxed else 0
        x = self.col_x(c0) + pad
        width = self.span_w(k) - 2 * pad
        y = top + pad
        if cont_head is not None:
            y = self.continuation_head(story, x, y, width, cont_head)
        else:
            y = self.heads(story, x, y, width, lead_story)
        first_cols = 0
        photo_bottom = y
        if story.spec.get("caption") and cont_head is None:
            first_cols = min(k, story.spec["photo_cols"])
            w = self.span_w(first_cols)
            cap_h = self.block_height(story.spec["caption"], st["caption_face"], st["body"] * 0.9, w, 1.3)
            if y + w * story.spec["photo_ratio"] + cap_h + st["body"] * 4 > bottom - pad:
                first_cols = 0  # no room for the photo and its caption above the module's foot: no photo
            photo_bottom = self.photo(story, self.col_x(c0) + pad, y, first_cols) if first_cols else y
        col_w = self.col_w - (2 * pad if k == 1 else 0)
        if rest is not None:
            lines = self.closing_byline(story, self.body_lines(story, col_w, first_text=rest), col_w)
        else:
            lines = self.body_lines(story, col_w)
            if jump is None:  # a jumped story closes with its byline on page 2
                lines = self.closing_byline(story, lines, col_w)
        lead = st["body"] * st["leading"]
        if jump is None:
            natural = max(photo_bottom - y, 0) * first_cols / max(k, 1) + self.flow_height(lines, k)
            body_bottom = min(bottom - pad, y + natural)
        else:
            body_bottom = bottom - pad - lead  # room for the marker line under the last column
        columns = []
        for c in range(k):
            cx = self.col_x(c0 + c) + (pad if k == 1 or c == 0 else 0)
            ctop = photo_bottom if c < first_cols else y
            columns.append((cx, ctop, body_bottom))
        if jump is None:
            # balanced: shrink the columns' common bottom while everything still fits
            while body_bottom - lead > y and self._fits(lines, columns, body_bottom - lead):
                body_bottom -= lead
                columns = [(cx, ct, body_bottom) for cx, ct, _ in columns]
        if jump is not None and self._fits(lines, columns, body_bottom):
            jump = None  # everything fits: no marker, no jump
        if jump is None:  # a story that does not fit its module loses its last paragraphs (the byline stays)
            while (
                not self._fits(lines, columns, body_bottom) and len({ln.para for ln in lines if ln.para < 10_000}) > 1
            ):
                last = max(ln.para for ln in lines if ln.para < 10_000)
                lines = [ln for ln in lines if ln.para != last]
        left = self.flow(story, lines, columns)
        used = max(body_bottom, photo_bottom)
        if jump is not None:
            marker = self.layout(jump, st["body_face"], st["body"], col_w, align=st["marker_align"])
            mline = self.lines_of(marker, jump, 0)[0]
            self.draw_line(mline, columns[-1][0], body_bottom + lead - lead * 0.22)
            used = body_bottom + lead
        if boxed:
            self.ctx.set_line_width(0.8)
            self.ctx.set_source_rgb(0.2, 0.2, 0.2)
            self.ctx.rectangle(self.col_x(c0), top, self.span_w(k), used + pad - top)
            self.ctx.stroke()
            used += pad
        if st["column_rules"] and k > 1:
            for c in range(1, k):
                gx = self.col_x(c0 + c) - st["gutter"] / 2
                self.rule(gx, y + 2, gx, body_bottom, 0.4, 0.3)
        # lines the closing byline adds are the byline piece, not body
        byline_lines = [ln for ln in story.printed if ln[1] == 10_000]
        story.printed = [ln for ln in story.printed if ln[1] != 10_000]
        if byline_lines:
            self.piece(story.key, "".join(ln[2] for ln in byline_lines), "byline", rects=[ln[3] for ln in byline_lines])
        return used, left

    def _fits(self, lines: list[Line], columns: list[tuple[float, float, float]], bottom: float) -> bool:
        st = self.st
        lead = st["body"] * st["leading"]
        rest = len(lines)
        i = 0
        for _, top, _ in columns:
            y = top
            while i < rest and y + lead <= bottom + 0.01:
                y += lead
                if lines[i].last:
                    y += st["para_gap"]
                i += 1
        return i >= rest

    def continuation_head(self, story: Story, x: float, top: float, width: float, style: str) -> float:
        st = self.st
        sp = story.spec
        size = st["body"] * st["cont_scale"]
        marker = sp["jump_in"]
        if style == "head_marker":
            y = self.block(
                sp["headline"],
                st["head_face"],
                size,
                x,
                top,
                width,
                bold=st["head_bold"],
                align=st["head_align"],
                lead=1.18,
            )
            y = self.block(marker, st["body_face"], st["body"], x, y + 1, width, align=st["head_align"])
        elif style == "head_inline":
            y = self.block(
                sp["headline"] + marker,
                st["head_face"],
                size,
                x,
                top,
                width,
                bold=st["head_bold"],
                align=st["head_align"],
                lead=1.18,
            )
        else:  # the marker line alone
            y = self.block(marker, st["body_face"], st["body"], x, top, width)
        return y + st["body"] * 0.4

    # ---- pages -------------------------------------------------------------------------------------------------
    def masthead(self) -> float:
        st = self.st
        m = self.spec["masthead"]
        x0, x1 = st["margin_l"], st["width"] - st["margin_r"]
        top = st["margin_t"]
        size = st["masthead_size"]
        if st["masthead_align"] == "center":
            y = self.block(
                m["name"], st["head_face"], size, x0, top, x1 - x0, bold=True, align="center", color=(0.7, 0.05, 0.05)
            )
            y = self.block(m["issue"], st["body_face"], st["body"], x0, y + 2, x1 - x0, align="center")
        else:
            name_w = self.span_w(max(1, st["columns"] // 2))
            y1 = self.block(m["name"], st["head_face"], size, x0, top, name_w, bold=True, color=(0.7, 0.05, 0.05))
            y2 = top + size * 0.3
            for item in m["ear"]:
                y2 = self.block(
                    item, st["body_face"], st["body"] * 0.9, x0 + name_w, y2, x1 - x0 - name_w, align="right"
                )
            y = max(y1, y2)
        y += 4
        self.rule(x0, y, x1, y, 2.0)
        if st["double_rule"]:
            self.rule(x0, y + 3, x1, y + 3, 0.5)
            y += 3
        return y + st["body"] * 0.8

    def running_head(self) -> float:
        st = self.st
        x0, x1 = st["margin_l"], st["width"] - st["margin_r"]
        top = st["margin_t"]
        left, right = self.spec["running_head"]
        self.block(left, st["head_face"], st["body"] * 1.3, x0, top, (x1 - x0) / 2, bold=True)
        y = self.block(
            right, st["body_face"], st["body"], x0 + (x1 - x0) / 2, top + st["body"] * 0.3, (x1 - x0) / 2, align="right"
        )
        y = max(y, top + st["body"] * 1.3 * 1.25) + 3
        self.rule(x0, y, x1, y, 1.0)
        return y + st["body"] * 0.8

    def footer(self, text: str) -> float:
        """The footer line; returns the bottom limit for the columns above it."""
        st = self.st
        x0, x1 = st["margin_l"], st["width"] - st["margin_r"]
        y = st["height"] - st["margin_b"] - st["body"] * 1.3
        self.rule(x0, y - 3, x1, y - 3, 0.5)
        self.block(text, st["body_face"], st["body"] * 0.8, x0, y - 1, x1 - x0, align=st["footer_align"])
        return y - 3 - st["body"] * 0.8

    def band_rule(self, y: float) -> None:
        st = self.st
        if st["band_rules"]:
            self.rule(st["margin_l"], y, st["width"] - st["margin_r"], y, 0.6)

    def fill_bands(
        self, stories: list[Story], top: float, bottom: float, c0: int, ncols: int, second_jump: dict | None = None
    ) -> tuple[float, list[tuple[Story, list[Line]]]]:
        """Fill columns c0..c0+ncols-1 from ``top`` to ``bottom`` with bands of modules of ``stories`` (consumed
        from the front). The last band may hold the paper's second jump. Returns where it stopped and the jumps."""
        st = self.st
        jumps: list[tuple[Story, list[Line]]] = []
        y = top
        gap = st["body"] * st["band_gap"]
        while stories and bottom - y > st["body"] * 9:
            widths = self.split(ncols)
            band = [stories.pop(0) for _ in widths if stories]
            widths = widths[: len(band)]
            if len(band) < len(widths) or sum(widths) < ncols:
                widths[-1] += ncols - sum(widths)
            heights = []
            c = c0
            # measure: lay out on a scratch page would be costly; estimate with the flow height and the heads
            for story, k in zip(band, widths, strict=True):
                heights.append(self.estimate(story, k))
                c += k
            # a band is as deep as its deepest story, but no deeper than a share of the page: longer stories lose
            # their last paragraphs (or, for one long paragraph, the lines below the band's foot)
            cap = (st["height"] - st["margin_t"] - st["margin_b"]) * st["band_cap"]
            h = min(max(heights), bottom - y, max(cap, st["body"] * 12))
            last_band = not stories or bottom - (y + h + gap) <= st["body"] * 9
            c = c0
            used = y
            for n, (story, k) in enumerate(zip(band, widths, strict=True)):
                jump = None
                if (
                    second_jump is not None
                    and last_band
                    and n == second_jump["module"] % len(band)
                    and heights[n] > h * 0.9
                    and h >= st["body"] * 12
                ):
                    jump = story.spec["jump_out"]
                    second_jump = None
                boxed = story.spec.get("boxed", False)
                bot, left = self.set_module(story, c, k, y, y + h, boxed=boxed, jump=jump)
                if jump is not None:
                    if left:
                        jumps.append((story, left))
                    else:
                        story.spec["jump_failed"] = True
                self.finish_story(story)
                used = max(used, bot)
                c += k
            y = used + gap / 2
            if stories and bottom - y > st["body"] * 9:
                self.band_rule(y)
            y += gap / 2
        return y, jumps

    def estimate(self, story: Story, k: int, lead_story: bool = False) -> float:
        st = self.st
        width = self.span_w(k)
        sp = story.spec
        size = st["body"] * (st["lead_scale"] if lead_story else st["head_scale"])
        h = self.block_height(sp["headline"], st["head_face"], size, width, 1.18, st["head_bold"])
        if sp.get("kicker"):
            h += self.block_height(sp["kicker"], st["kicker_face"], size * st["kicker_ratio"], width)
        if sp.get("subtitle"):
            h += self.block_height(sp["subtitle"], st["kicker_face"], size * st["subtitle_ratio"], width) + 1
        if sp.get("label"):
            h += st["body"] * 1.4
        if sp.get("byline") and sp.get("byline_style") == "line":
            h += st["body"] * 1.5
        h += st["body"] * 0.5
        lines = self.closing_byline(story, self.body_lines(story, self.col_w), self.col_w)
        body = self.flow_height(lines, k)
        if sp.get("caption"):
            pk = min(k, sp["photo_cols"])
            body += (self.span_w(pk) * sp["photo_ratio"] + st["body"] * 3) * pk / k
        return h + body + (12 if sp.get("boxed") else 0)

    def split(self, ncols: int) -> list[int]:
        """Module widths across a band (in columns)."""
        options = [[ncols]]
        if ncols >= 2:
            options += [[a, ncols - a] for a in range(1, ncols)]
        if ncols >= 3:
            options += [[1, ncols - 2, 1], [ncols - 2, 1, 1]]
        if ncols >= 5:
            options += [[2, ncols - 4, 2], [2, 2, ncols - 4]]
        return list(self.rng.choice(options))

    def finish_story(self, story: Story) -> None:
        self.emit_body(story, self.page, continues_first=False)

    def compose(self) -> dict:
        st = self.st
        stories = [Story(s["headline"], s) for s in self.spec["stories"]]
        lead, others = stories[0], stories[1:]
        cont_pool = []
        # ---- page 1
        top = self.masthead()
        bottom = self.footer(self.spec["footers"][0])
        C = st["columns"]
        k_lead = C - st["side_cols"]
        lead_c0 = st["side_cols"] if st["side_left"] else 0
        natural = self.estimate(lead, k_lead, lead_story=True)
        lead_bottom = top + min((bottom - top) * st["lead_share"], natural * st["lead_cut"])
        used, left = self.set_module(
            lead, lead_c0, k_lead, top, lead_bottom, lead_story=True, jump=lead.spec["jump_out"]
        )
        self.finish_story(lead)
        if left:
            cont_pool.append((lead, left))
        if st["side_cols"]:
            side_c0 = 0 if st["side_left"] else k_lead
            y = top
            # a strip of short stories beside the lead, one under the other, down to the lead's foot
            while others and lead_bottom - y > st["body"] * 8:
                story = others.pop(0)
                h = min(self.estimate(story, st["side_cols"]), lead_bottom - y)
                bot, _ = self.set_module(story, side_c0, st["side_cols"], y, y + h)
                self.finish_story(story)
                y = bot + st["body"] * 1.2
            if st["column_rules"]:
                gx = self.col_x(k_lead if not st["side_left"] else st["side_cols"]) - st["gutter"] / 2
                self.rule(gx, top, gx, used, 0.4)
        y = max(used, top) + st["body"] * st["band_gap"] / 2
        self.band_rule(y)
        y += st["body"] * st["band_gap"] / 2
        p1 = others[: st["p1_stories"]]
        del others[: len(p1)]
        second = {"module": self.rng.randrange(3)} if st["second_jump"] else None
        _, more = self.fill_bands(p1, y, bottom, 0, C, second)
        cont_pool += more
        others = p1 + others  # stories that did not fit page 1 may go on page 2
        self.ctx.show_page()
        # ---- page 2
        self.page = 2
        top = self.running_head()
        bottom = self.footer(self.spec["footers"][1])
        lines_left = {}
        for story, left in cont_pool:
            lines_left[story.key] = left
        conts = [s for s, _ in cont_pool]
        where = st["cont_where"]
        y = top
        if where == "side":
            k = st["cont_cols"]
            c0 = 0 if st["side_left"] else C - k
            cy = top
            for story in conts:
                cy = self.continuation(story, lines_left[story.key], c0, k, cy, bottom) + st["body"] * 1.5
            self.fill_bands(others, top, bottom, k if c0 == 0 else 0, C - k)
        elif where == "top":
            for story in conts:
                y = self.continuation(story, lines_left[story.key], 0, C, y, bottom)
                y += st["body"] * st["band_gap"] / 2
                self.band_rule(y)
                y += st["body"] * st["band_gap"] / 2
            self.fill_bands(others, y, bottom, 0, C)
        else:  # the continuations in the last band(s) at the foot
            need = sum(self.cont_estimate(lines_left[s.key], C) for s in conts)
            self.fill_bands(others, top, bottom - need - st["body"] * 2, 0, C)
            y = bottom - need
            for story in conts:
                self.band_rule(y - st["body"] * 0.6)
                y = self.continuation(story, lines_left[story.key], 0, C, y, bottom) + st["body"] * 0.8
        self.ctx.show_page()
        self.surface.finish()
        jumps = [s.key for s in conts if any(ln[0] == 2 for ln in s.printed)]
        return {"pieces": self.pieces, "jumps": jumps}

    def cont_estimate(self, left: list[Line], k: int) -> float:
        st = self.st
        return self.flow_height(left, k) + st["body"] * (st["cont_scale"] * 1.2 + 2.5)

    def continuation(self, story: Story, left: list[Line], c0: int, k: int, top: float, bottom: float) -> float:
        """Set a jumped story's rest on page 2 over ``k`` columns; its first paragraph may be a cut one."""
        # the rest, re-broken at this module's column width: paragraphs from the first line not printed
        first_para = left[0].para
        cut = any(ln[0] == 1 and ln[1] == first_para for ln in story.printed)
        texts, seen = [], []
        for ln in left:
            if ln.para not in seen:
                seen.append(ln.para)
                texts.append("")
            texts[-1] += ln.text
        story.spec["cut_first"] = cut
        before = len(story.printed)
        st = self.st
        style = st["cont_head"]
        used, _ = self.set_module(story, c0, k, top, bottom, rest=texts, cont_head=style)
        # renumber the rest's paragraphs to the story's own numbers
        story.printed[before:] = [
            (p, seen[para] if para < len(seen) else para, t, r) for p, para, t, r in story.printed[before:]
        ]
        self.emit_body(story, 2, continues_first=cut)
        return used


def main() -> None:
    spec_path, pdf_path, gold_path = sys.argv[1:4]
    with open(spec_path, encoding="utf-8") as fh:
        spec = json.load(fh)
    gold = Composer(spec, pdf_path).compose()
    with open(gold_path, "w", encoding="utf-8") as fh:
        json.dump(gold, fh, ensure_ascii=False)


if __name__ == "__main__":
    main()
