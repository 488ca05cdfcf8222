"""Opening a PDF with pypdfium2 and reading each page's characters, rules and frames into lines.

The only module that talks to pdfium's raw API; everything after it works on ``Line`` records.
"""

from __future__ import annotations

import ctypes
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from qa.errors import LoadError
from qa.formats.pdf.dropcaps import seat_drop_caps
from qa.formats.pdf.lines import _BOLD_NAME, _HEI_NAME, FILL_STROKE, _Char, _Page, _ruled, _wide
from qa.formats.pdf.markweight import unbold_run_in_markers
from qa.formats.pdf.repeated import repeated_chars
from qa.formats.pdf.tables import object_edges, page_lines
from qa.ideograph_forms import fold_code

TINY_SIZE = 2.0  # a font size (pt) below this is a unit font scaled by the text matrix
MONO_LETTERS = 50  # Latin letters of a font needed to tell whether it is a typewriter face
# A typewriter face by name, for one too short a run to measure (a heading's one word of code, 'let*')
_MONO_NAME = re.compile(r"mono|courier|consol|typewriter|menlo|fixed", re.IGNORECASE)
PROSE_SHARE = 0.1  # text outside typewriter faces needed to measure the body size on it alone


def _page_paths(page, raw) -> tuple[list[tuple[float, float, float]], list[tuple[float, float, float, float]], list]:  # noqa: ANN001, E501 - pypdfium2 page and raw module
    """The page's drawn lines and boxes, in one walk over its path objects, y from the top:

    - rules, thin wide paths, as (x0, x1, y): papers part modules set close together with a rule, which
      the text alone cannot show;
    - frames, paths at least a few lines tall and wide, as (x0, top, x1, bottom): a framed module (a brief
      box, a sidebar) is read on its own, its title heading only what the frame holds;
    - edges, every horizontal and vertical rule or straight path segment, for ruled tables
      (``tables.object_edges``).
    """
    height = page.get_height()
    rules, frames, edges = [], [], []
    for obj in page.get_objects(filter=[raw.FPDF_PAGEOBJ_PATH], max_depth=3):
        edges += object_edges(obj, raw, height)
        left, bottom, right, top = obj.get_bounds()
        if right - left <= 20:
            continue
        if top - bottom < 2.5:
            rules.append((left, right, height - (top + bottom) / 2))
        elif top - bottom > 20:
            frames.append((left, height - top, right, height - bottom))
    return rules, frames, edges


def _page_pictures(page, raw) -> list[tuple[float, float, float, float]]:  # noqa: ANN001 - pypdfium2 page and raw
    """The page's images at least a few lines tall and wide, as (x0, top, x1, bottom), y from the top: a figure or a
    photo set in a column, its caption under it (``qa.formats.pdf.runaround``). A figure is as often a raster image as
    a drawing of paths, and an image draws no frame."""
    height = page.get_height()
    out = []
    for obj in page.get_objects(filter=[raw.FPDF_PAGEOBJ_IMAGE], max_depth=3):
        left, bottom, right, top = obj.get_bounds()
        if right - left > 20 and top - bottom > 20:
            out.append((left, height - top, right, height - bottom))
    return out


# An ideograph's (or kana's, hangul's) ink top over the baseline, of the size: OpenType's ideographic character face
# top ('icft' in the BASE table: Noto Sans/Serif CJK 0.834/0.838); the tallest ideographs of AR PL UMing, WenQuanYi,
# Droid stand there too (0.82-0.85 drawn). Not the em box's top (0.88): no face inks an ideograph up to it.
IDEOGRAPH_TOP = 0.84
_SQUARE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def _unembedded_box(raw, font, code: int, size: float, matrix, origin: tuple[float, float], loose, height: float):  # noqa: ANN001, ANN202, E501 - pypdfium2 raw module, font handle, FS_MATRIX, FS_RECTF
    """A character of a NON-EMBEDDED font as (x0, x1, top), y from the top: its left at its origin, its right an
    advance width on, its top at the font's stated ascent — or, for an ideograph, at ``IDEOGRAPH_TOP`` of the size
    where the font states less. The bottom stays pdfium's (the font's stated box, the same under every face).

    pdfium's loose box is the font's stated box joined with the glyph it draws, and a font the PDF does not carry
    (reportlab's STSong-Light, a CID font every Chinese reader has by name: ascent 0.752) is drawn with whatever face
    the machine has — AR PL UMing on one, Noto CJK, WenQuanYi Zen Hei, Droid or none on another. Each face's
    ideographs stand over the stated ascent by their own amount (a line's top from 0.752 to 0.878 of the size), and
    its Latin glyphs end short of or past their advance: the same page's rows stood further apart or closer, and
    where a kicker, a subhead or a band's edge was told from the white between rows changed by machine. A box by the
    text — size, baseline, the font's stated metrics — is the same everywhere; the ideograph's top is where faces
    ink it, so the rows keep the white between them that print shows (the stated ascent alone left more, and a
    subhead's white row read as a band's edge). Only upright text; else pdfium's box."""
    box = loose.left, loose.right, height - loose.top
    if abs(matrix.b) > 1e-6 or abs(matrix.c) > 1e-6 or matrix.a <= 0 or matrix.d <= 0 or size <= 0:
        return box
    width, ascent = ctypes.c_float(), ctypes.c_float()
    at = ctypes.c_float(size)
    if not (raw.FPDFFont_GetGlyphWidth(font, code, at, width) and raw.FPDFFont_GetAscent(font, at, ascent)):
        return box
    x, y = origin
    right = x + width.value * matrix.a
    if not x < right or width.value > 2 * size:  # no width stated for it, or not the code pdfium drew
        return box
    top = max(ascent.value, IDEOGRAPH_TOP * size if code < 0x110000 and _SQUARE.match(chr(code)) else 0.0)
    return x, right, height - (y + top * matrix.d)


def _page_chars(page, raw) -> list[_Char]:  # noqa: ANN001 - pypdfium2 page and raw module
    """Every visible character with its loose box (font ascent to descent), size and weight — for a font the PDF
    does not embed, a box set by the text alone (``_unembedded_box``), not by the machine's substitute face."""
    textpage = page.get_textpage()
    try:
        tp = textpage.raw
        height = page.get_height()
        rect = raw.FS_RECTF()
        matrix = raw.FS_MATRIX()
        ox, oy = ctypes.c_double(), ctypes.c_double()
        name = ctypes.create_string_buffer(128)
        flags = ctypes.c_int()
        chars: list[_Char] = []
        fonts: dict[bytes, tuple[bool, bool, str]] = {}  # name -> (bold, bold only because it is a 黑体, name)
        embedded: dict[int, bool] = {}  # pdfium font handle -> whether the PDF carries the font's glyphs
        spaced = False
        for i in range(raw.FPDFText_CountChars(tp)):
            code = raw.FPDFText_GetUnicode(tp, i)
            if raw.FPDFText_IsGenerated(tp, i):
                spaced = code == 32  # a word space pdfium found between two glyphs (kept as a mark on the next)
                continue
            if code == 2:  # pdfium's mark for a hyphen ending a line ('grub-efi-' / 'amd64'): the hyphen printed
                code = 0x2D
            if code in (0xFFFE, 0xFFFF) or code < 32 or 0xD800 <= code <= 0xDFFF:  # controls, lone surrogates
                continue
            # A Kangxi radical or compatibility ideograph in the text layer is the ideograph the glyph shows
            # (qa.ideograph_forms): read so before any rule looks at the text ('第⼀章' is 第一章).
            text = fold_code(code) if code < 0x110000 else " "
            raw.FPDFText_GetLooseCharBox(tp, i, rect)
            raw.FPDFText_GetCharOrigin(tp, i, ox, oy)
            size = raw.FPDFText_GetFontSize(tp, i)
            x0, x1, top, bottom = rect.left, rect.right, height - rect.top, height - rect.bottom
            raw.FPDFText_GetMatrix(tp, i, matrix)
            handle = raw.FPDFTextObj_GetFont(raw.FPDFText_GetTextObject(tp, i))
            key = ctypes.cast(handle, ctypes.c_void_p).value or 0
            if key not in embedded:
                # -1 for no font at all (pdfium's error): read as embedded, the box kept as pdfium gives it
                embedded[key] = raw.FPDFFont_GetIsEmbedded(handle) != 0
            if not embedded[key]:
                x0, x1, top = _unembedded_box(raw, handle, code, size, matrix, (ox.value, oy.value), rect, height)
            if size < TINY_SIZE:
                # Type set at 1 pt and scaled by its text matrix (some TeX drivers write every font so): the size
                # is the matrix's scale. Text really printed this small is no reading matter.
                size *= abs(matrix.a * matrix.d - matrix.b * matrix.c) ** 0.5
            weight = raw.FPDFText_GetFontWeight(tp, i)
            # Glyphs filled and stroked (render mode 2) are emboldened: how word processors (LibreOffice,
            # Word) print bold in a font that has no bold face. The font's name and weight say regular.
            stroked = raw.FPDFTextObj_GetTextRenderMode(raw.FPDFText_GetTextObject(tp, i)) == FILL_STROKE
            raw.FPDFText_GetFontInfo(tp, i, name, 128, flags)
            font = name.value
            if font not in fonts:
                # A font without a name is a Type 3 set of drawn glyphs: Chromium (Skia) writes synthetic
                # bold that way, emboldening the outlines of a font that has no bold face.
                # A 黑体 face's bold is named ('WenQuanYi-Micro-Hei-Bold'): that stays bold when the body
                # is the 黑体 itself.
                decoded = font.decode("latin-1")
                stated = not font or bool(_BOLD_NAME.search(decoded))
                hei = bool(_HEI_NAME.search(decoded))
                fonts[font] = (stated or hei, hei and not stated, decoded)
            chars.append(
                _Char(
                    text,
                    x0,
                    x1,
                    top,
                    bottom,
                    height - oy.value,
                    round(size, 1),
                    weight >= 600 or stroked or fonts[font][0],
                    weight < 600 and not stroked and fonts[font][1],
                    fonts[font][2],
                    spaced,
                    by_weight=not stroked and (weight >= 600 or not font) and not _BOLD_NAME.search(fonts[font][2]),
                )
            )
            spaced = False
        return chars
    finally:
        textpage.close()


def _open(path: Path, doc_id: str):  # noqa: ANN202 - pypdfium2.PdfDocument
    import pypdfium2 as pdfium

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LoadError(f"{doc_id}: cannot read ({exc.strerror or exc})") from exc
    if not data.startswith(b"%PDF"):
        raise LoadError(f"{doc_id}: not a PDF file (no %PDF header), skipped")
    if b"%%EOF" not in data[-2048:]:
        raise LoadError(f"{doc_id}: PDF is truncated (no end-of-file marker), skipped")
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise LoadError(f"{doc_id}: PDF is encrypted (password required), skipped") from exc
        raise LoadError(f"{doc_id}: PDF cannot be read ({exc}), skipped") from exc


def _monospaced(chars: list[_Char]) -> set[str]:
    """The fonts whose Latin letters all take one width (x their size): typewriter faces, in which manuals and
    documented sources set their code listings. Told by the glyphs' own boxes, not by the font's flags (CJK faces
    often call themselves fixed-pitch for their ideographs): in a proportional face an i is a third of an m."""
    widths: dict[str, list[float]] = {}
    for c in chars:
        if c.text.isascii() and c.text.isalpha() and c.size > 0:
            widths.setdefault(c.font, []).append((c.x1 - c.x0) / c.size)
    mono = set()
    for font, ws in widths.items():
        if len(ws) < MONO_LETTERS:
            continue
        ws.sort()
        median = ws[len(ws) // 2]
        if median > 0 and sum(abs(w - median) <= 0.05 * median for w in ws) >= 0.9 * len(ws):
            mono.add(font)
    return mono


def _body_size(chars: list[_Char], sizes: Counter[float]) -> float:
    """The size the document's running text is set in: the most common size of its characters — leaving out the
    Latin characters of typewriter faces when the rest is text enough. A manual or a documented source (a .dtx
    printed with its code) may set more characters in its code listings, a size or two below its prose, than in
    its prose; measured by them, every line of prose reads as display type, and its headings as furniture."""
    mono = _monospaced(chars)
    if mono:
        prose = Counter(round(c.size * 2) / 2 for c in chars if not (c.font in mono and c.text.isascii()))
        if prose and sum(prose.values()) >= PROSE_SHARE * sum(sizes.values()):
            return prose.most_common(1)[0][0]
    return sizes.most_common(1)[0][0]


def _unbold_body_face(sized: list[tuple[int, float, float, list[_Char]]], body_chars: list[_Char]) -> None:
    """The face that sets most of the body's CJK text is the body's face: not bold, whatever weight pdfium reads
    off its descriptor. Chromium's PDFs give weights on no common scale (Liberation Sans 225, its Bold 380, the Kai
    face GBZenKai-Medium 748): read as bold, every line of Chinese in that face became a subhead (Debian Reference's
    index page, its contents list read as sixty headings). Nor is it bold because its name reads bold-looking (a 黑体
    such as WenQuanYi Zen Hei, Chromium's default CJK face where it is installed): on a bilingual page most of the
    body is in a Latin face, so the whole body's share (``read_pages``) does not find it — its short lines of Chinese
    read as subheads. Bold a face's name states, or glyphs filled and stroked (a word processor's bold), stays bold."""
    wide = Counter(c.font for c in body_chars if _wide(c.text))
    if not wide:
        return
    face, count = wide.most_common(1)[0]
    if count * 2 <= sum(wide.values()):
        return
    for *_, chars in sized:
        for c in chars:
            if c.font == face and (c.by_weight or c.bold_by_name):
                c.bold = False


def read_pages(
    path: Path, doc_id: str, while_open: Callable[[object], None] | None = None
) -> tuple[list[_Page], float]:
    """The PDF's pages with their lines (before furniture removal and ordering), and the body size.

    ``while_open`` is given the open pypdfium2 document before it is closed, for what else the reader takes from the
    file (its outline: qa.formats.pdf.bookmarks) without opening and parsing it a second time."""
    import pypdfium2.raw as raw

    pdf = _open(path, doc_id)
    try:
        if while_open is not None:
            while_open(pdf)
        sized: list[tuple[int, float, float, list[_Char]]] = []
        rules: list[list[tuple[float, float, float]]] = []
        frames: list[list[tuple[float, float, float, float]]] = []
        pictures: list[list[tuple[float, float, float, float]]] = []  # images (figures, photos)
        ruling: list[list[tuple[float, float, float, float]]] = []  # every rule, for tables
        for index in range(len(pdf)):
            page = pdf[index]
            try:
                sized.append((index + 1, page.get_width(), page.get_height(), _page_chars(page, raw)))
                page_rules, page_frames, page_edges = _page_paths(page, raw)
                rules.append(page_rules)
                frames.append(page_frames)
                pictures.append(_page_pictures(page, raw))
                ruling.append(page_edges)
            finally:
                page.close()
    finally:
        pdf.close()
    sizes: Counter[float] = Counter(round(c.size * 2) / 2 for *_, chars in sized for c in chars if not c.text.isspace())
    if sum(sizes.values()) < 20:
        raise LoadError(f"{doc_id}: PDF has no text layer (a scan?); OCR is not supported, skipped")
    body = _body_size([c for *_, chars in sized for c in chars if not c.text.isspace()], sizes)
    # (Without a footer repeated on every page — a slide deck's: qa.formats.pdf.repeated.)
    furniture = repeated_chars([chars for *_, chars in sized])
    text_chars = [c for *_, chars in sized for c in chars if not c.text.isspace() and id(c) not in furniture]
    if furniture and len(text_chars) >= 20:
        body = _body_size(text_chars, Counter(round(c.size * 2) / 2 for c in text_chars))
    mono = _monospaced([c for *_, chars in sized for c in chars])
    # (A CJK character is never typewriter code: a CJK face named 'Mono' — WenQuanYi Micro Hei Mono — only sets its
    # Latin letters at one width; read as code, a newspaper set in it lost every headline's weight.) Nor is the face
    # that sets the body's Chinese: many CJK faces (AR PL UMing/UKai) set their Latin letters at one width too, and
    # an English name in a paragraph of prose read as a code line, split out of its paragraph.
    body_wide = Counter(c.font for *_, chars in sized for c in chars if _wide(c.text) and abs(c.size - body) <= 0.5)
    prose_face = body_wide.most_common(1)[0][0] if body_wide else None
    for *_, chars in sized:
        for c in chars:
            typewriter = c.font in mono or bool(_MONO_NAME.search(c.font))
            c.mono = typewriter and c.font != prose_face and not _wide(c.text)
    # When the body itself is set in a face whose name reads bold (a 黑体 such as WenQuanYi Micro Hei),
    # the name marks nothing: only weight and synthetic bold set type apart from the body.
    body_chars = [c for *_, chars in sized for c in chars if abs(c.size - body) <= 0.5 and not c.text.isspace()]
    if sum(c.bold_by_name for c in body_chars) * 2 > len(body_chars):
        for *_, chars in sized:
            for c in chars:
                if c.bold_by_name:
                    c.bold = False
    _unbold_body_face(sized, body_chars)
    # A ruled table's cells are read row by row, one line a row (qa.formats.pdf.tables); the rest as lines; a drop
    # cap is seated on its paragraph's first line first (qa.formats.pdf.dropcaps).
    pages = [
        _Page(n, w, h, page_lines(seat_drop_caps(chars, body), edges, n, body))
        for (n, w, h, chars), edges in zip(sized, ruling, strict=True)
    ]
    for page, (*_, chars) in zip(pages, sized, strict=True):  # a bold jump marker run in weighs nothing (markweight)
        unbold_run_in_markers(page.lines, chars, body)
    for page, drawn, boxes, images in zip(pages, rules, frames, pictures, strict=True):
        page.rules = drawn
        page.frames = boxes
        page.pictures = images
        for line in page.lines if drawn else ():
            line.ruled_above = _ruled(line, line.top - 0.8 * body, line.top, drawn, 0.0)
    return pages, body
