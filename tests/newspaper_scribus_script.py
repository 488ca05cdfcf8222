"""Runs INSIDE Scribus (``scribus -g -ns -py tests/newspaper_scribus_script.py``): lays out one newspaper from the
JSON spec named by ``$SCRIBUS_NEWSPAPER_SPEC``, exports the PDF, and writes a JSON report of what Scribus printed.

The spec is made by tests/newspaper_scribus.py, which decides the page grid and the text; Scribus does the rest
with its own machinery: paragraph and character styles, head frames grown until their text fits (measured by
Scribus's layout, not estimated), body text in linked text frames or in one frame with Scribus's own columns,
text flowing frame to frame and page to page mid-paragraph, text wrap round a photo frame, drop caps, and the
PDF export with subset fonts. The report gives every frame's VISIBLE text as Scribus laid it out
(``getFrameText`` after ``layoutTextChain``), so the gold is what was printed. A story whose chain overflows is
cut back to the last sentence end inside the visible text (as a sub-editor cuts a story to fit) and laid out
again; the cut text is neither printed nor reported.
"""

import json
import os
import sys
import time

import scribus

STARTED = time.perf_counter()


def _progress(what: str) -> None:
    print(f"newspaper_scribus_script: {what} at {time.perf_counter() - STARTED:.1f}s", file=sys.stderr)


SENTENCE_END = "。！？”」"


GEOMETRY: dict[str, list] = {}  # frame -> [x, y, columns, gap] as placed (page coordinates, pt)


def _text_frame(name: str, page: int, x: float, y: float, w: float, h: float, text: str, style: str) -> None:
    GEOMETRY[name] = [x, y, 1, 0.0]
    scribus.gotoPage(page)
    scribus.createText(x, y, w, h, name)
    scribus.setTextDistances(0, 0, 0, 0, name)
    scribus.setText(text, name)
    scribus.setParagraphStyle(style, name)


def _fit_height(name: str, w: float, h: float, step: float, limit: float) -> float:
    """Grow a frame line by line until Scribus lays all its text out in it; the height used."""
    scribus.layoutText(name)
    while scribus.textOverflows(name, 1) and h < limit:
        h += step
        scribus.sizeObject(w, h, name)
        scribus.layoutText(name)
    if scribus.textOverflows(name, 1):
        raise RuntimeError(f"frame {name} cannot hold its text")
    return h


def _line(page: int, x1: float, y1: float, x2: float, y2: float, width: float) -> None:
    scribus.gotoPage(page)
    name = scribus.createLine(x1, y1, x2, y2)
    scribus.setLineWidth(width, name)
    scribus.setLineColor("Black", name)


def _module(m: dict, frames: dict) -> None:
    """A story's module: its head frames stacked from the top (each grown to fit), then its body."""
    page, x, y, w, h = m["page"], m["x"], m["y"], m["w"], m["h"]
    top, bottom = y, y + h
    for head in m["heads"]:
        hw = head.get("w", w)
        hx = x + head.get("dx", 0.0)
        _text_frame(head["name"], page, hx, top, hw, head["step"], head["text"], head["style"])
        used = _fit_height(head["name"], hw, head["step"], head["step"], bottom - top)
        frames[head["name"]] = page
        top += used + head.get("after", 0.0)
    body = m.get("body")
    if not body:
        return
    marker = body.get("marker")
    cols, gap = body["columns"], body["gap"]
    colw = (w - gap * (cols - 1)) / cols
    body_h = bottom - top
    names = []
    if body["mode"] == "frame":  # one frame, Scribus's own columns
        name = f"{body['name']}-0"
        scribus.gotoPage(page)
        scribus.createText(x, top, w, body_h - (marker["h"] if marker else 0.0), name)
        GEOMETRY[name] = [x, top, cols, gap]
        scribus.setTextDistances(0, 0, 0, 0, name)
        scribus.setColumns(cols, name)
        scribus.setColumnGap(gap, name)
        names.append(name)
    else:  # a frame per column, linked
        for k in range(cols):
            name = f"{body['name']}-{k}"
            short = marker["h"] if marker and k == cols - 1 else 0.0
            scribus.gotoPage(page)
            scribus.createText(x + k * (colw + gap), top, colw, body_h - short, name)
            GEOMETRY[name] = [x + k * (colw + gap), top, 1, 0.0]
            scribus.setTextDistances(0, 0, 0, 0, name)
            names.append(name)  # linked by _chain, from the story's first frame to its last (Scribus links only
            # to a frame that is in no chain yet)
    for name in names:
        frames[name] = page
    m["frames"] = names
    if body.get("rules"):
        for k in range(1, cols):
            rx = x + k * (colw + gap) - gap / 2
            _line(page, rx, top, rx, bottom, 0.4)
    if marker:
        mx = x + w - colw
        _text_frame(marker["name"], page, mx, bottom - marker["h"], colw, marker["h"], marker["text"], marker["style"])
        frames[marker["name"]] = page
    photo = body.get("photo")
    if photo:  # a photo (a tinted box) with a caption under it; Scribus runs the body's text round both
        px = x + photo["col"] * (colw + gap)
        pw = photo["span"] * colw + (photo["span"] - 1) * gap
        py = top + photo["at"] * body_h
        scribus.gotoPage(page)
        rect = scribus.createRect(px, py, pw, photo["h"])
        scribus.setFillColor("Black", rect)
        scribus.setFillShade(photo["shade"], rect)
        scribus.setLineColor("None", rect)
        scribus.setTextFlowMode(rect, 1)
        cap = photo["caption"]
        _text_frame(cap["name"], page, px, py + photo["h"] + 2, pw, cap["step"], cap["text"], cap["style"])
        ch = _fit_height(cap["name"], pw, cap["step"], cap["step"], body_h)
        scribus.setTextFlowMode(cap["name"], 1)
        scribus.sizeObject(pw, ch + photo["pad"], cap["name"])
        frames[cap["name"]] = page


def _sentence_cut(visible: str) -> int:
    """Where to cut a story that overflows: after the last sentence end (or before the last paragraph end) of the
    visible text."""
    for at in range(len(visible), 0, -1):
        if visible[at - 1] == "\r":
            return at - 1
        if visible[at - 1] in SENTENCE_END:
            return at
    return 0


def _styles(chain: dict, first: str, length: int) -> None:
    """The story's paragraph styles: its body style, then the special paragraphs (drop cap, closing byline) that
    begin within the first ``length`` characters; then Scribus lays the chain out."""
    scribus.selectText(0, 0, first)
    scribus.setParagraphStyle(chain["style"], first)
    for start, count, style in chain.get("styles", []):
        if start < length:
            scribus.selectText(start, min(count, length - start), first)
            scribus.setParagraphStyle(style, first)
    scribus.selectText(0, 0, first)
    scribus.layoutTextChain(first)


def _chain(chain: dict, modules: dict) -> dict:
    names = [n for body in chain["bodies"] for n in modules[body]["frames"]]
    for a, b in zip(names, names[1:], strict=False):
        scribus.linkTextFrames(a, b)
    first = names[0]
    scribus.setText(chain["text"], first)
    _styles(chain, first, len(chain["text"]))
    full = scribus.getAllText(first)
    visible = "".join(scribus.getFrameText(n) for n in names)
    cut = False
    if len(visible) < len(full):
        at = _sentence_cut(visible)
        scribus.selectText(at, len(full) - at, first)
        scribus.deleteText(first)
        # the paragraph cut short keeps the style of the last paragraph deleted (Scribus keeps a paragraph's style at
        # its end): style the text again
        _styles(chain, first, at)
        cut = True
    return {
        "frames": [[n, scribus.getFrameText(n)] for n in names],
        "cut": cut,
        "overflow": scribus.textOverflows(names[-1]),
    }


def main() -> None:
    with open(os.environ["SCRIBUS_NEWSPAPER_SPEC"], encoding="utf-8") as fh:
        spec = json.load(fh)
    w, h = spec["size"]
    scribus.newDocument(
        (w, h),
        tuple(spec["margins"]),
        scribus.PORTRAIT,
        1,
        scribus.UNIT_POINTS,
        scribus.NOFACINGPAGES,
        scribus.FIRSTPAGERIGHT,
        spec["pages"],
    )
    for cs in spec["charstyles"]:
        scribus.createCharStyle(**cs)
    for ps in spec["parstyles"]:
        scribus.createParagraphStyle(**ps)
    frames: dict[str, int] = {}
    modules: dict[str, dict] = {}
    for item in spec["items"]:
        if item["op"] == "module":
            _module(item, frames)
            if item.get("body"):
                modules[item["body"]["name"]] = item
        elif item["op"] == "text":
            _text_frame(
                item["name"], item["page"], item["x"], item["y"], item["w"], item["h"], item["text"], item["style"]
            )
            frames[item["name"]] = item["page"]
            if item.get("fit"):
                _fit_height(item["name"], item["w"], item["h"], item["h"], item["h"] * 4)
        elif item["op"] == "line":
            _line(item["page"], item["x1"], item["y1"], item["x2"], item["y2"], item["width"])
        elif item["op"] == "box":
            scribus.gotoPage(item["page"])
            rect = scribus.createRect(item["x"], item["y"], item["w"], item["h"])
            scribus.setFillColor("None", rect)
            scribus.setLineWidth(item["width"], rect)
    _progress("frames placed")
    chains = {c["story"]: _chain(c, modules) for c in spec["chains"]}
    _progress("stories laid out")
    report = {
        "frames": {
            n: [p, scribus.getFrameText(n), scribus.textOverflows(n, 1), *GEOMETRY[n], *scribus.getSize(n)]
            for n, p in frames.items()
        },
        "chains": chains,
    }
    pdf = scribus.PDFfile()
    pdf.file = spec["pdf"]
    pdf.fonts = spec["fonts"]
    pdf.subsetList = spec["fonts"]
    pdf.save()
    _progress("PDF exported")
    with open(spec["report"], "w", encoding="utf-8") as out:
        json.dump(report, out, ensure_ascii=False)


try:
    main()
except Exception as exc:  # Scribus swallows a script's traceback; hand it to the caller
    with open(os.environ["SCRIBUS_NEWSPAPER_SPEC"] + ".error", "w", encoding="utf-8") as err:
        import traceback

        err.write("".join(traceback.format_exception(exc)))
    sys.exit(1)
