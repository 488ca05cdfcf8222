"""A printed web page's paragraphs as its author wrote them: inline code, list items, names broken at a hyphen.

Inline code: ``<code>`` set in the browser's monospace face, smaller than the text.

Chromium sets ``<code>`` in its default monospace font at 13 px inside 16 px text (the shape of the libffi and
zlib manuals on benchmarks/real_printed.py's TUNING pages). Read as a size change, every run of code cut its line
in pieces; the pieces were then read as a column each, so a sentence came out as scattered fragments. A user
searching for the sentence must find it whole and in its order.

List items (libffi's and libxslt's pages): every wrapped line of an item starts in from the text's edge, as a new
paragraph's indented first line would. Names: a browser breaks 'multi-user.target' after its own hyphen, and the
reader took that for a typesetter's hyphenation (Debian Reference's pages).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.formats.pdf import read_pdf
from tests.newspaper_html import CHROMIUM, chromium_browser, print_pdf

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Chromium (/usr/bin/chromium) is not installed")

# No font sizes set: the browser's defaults (16 px text, 13 px monospace) are what a plain HTML page prints with.
STYLE = "body { font-family: 'Liberation Serif', serif; margin: 0 2em } h3 { font-size: 16px }"

SENTENCES = [
    "The library will set the <code>size</code> and <code>alignment</code> fields of a <code>type_info</code> "
    "object for you, and it does so using what it knows of the platform.",
    "Before reading these fields, pass the object to <code>prep_call</code> or <code>get_offsets</code> first; "
    "this does all the setup the fields need, also for a structure nested in another one.",
    "A value read before that call is <code>undefined</code>, and the program that reads it may crash later, "
    "far from the place where the mistake was made.",
]


def _print(browser, html: str, path: Path) -> Path:  # noqa: ANN001 - playwright Browser
    head = f"<meta charset='utf-8'><style>{STYLE}</style>"
    return print_pdf(browser, f"<!DOCTYPE html><html><head>{head}</head><body>{html}</body></html>", path)


def _plain(html: str) -> str:
    return " ".join(html.replace("<code>", "").replace("</code>", "").split())


@pytest.fixture(scope="module")
def browser():  # noqa: ANN201
    with chromium_browser() as b:
        yield b


def test_a_sentence_with_inline_code_reads_whole_and_in_order(browser, tmp_path: Path) -> None:
    html = "<h2>Size and alignment</h2>" + "".join(f"<p>{s}</p>" for s in SENTENCES)
    doc = read_pdf(_print(browser, html, tmp_path / "inline.pdf"), "inline.pdf")
    paragraphs = [" ".join(p.split()) for p in doc.text.split("\n\n") if p.strip()]
    for sentence in SENTENCES:
        assert _plain(sentence) in paragraphs  # one paragraph, its words in the order they were written


ITEMS = [
    "Provide the diffs when you port the library to a new platform; they may not be merged in every case, but they "
    "help to pin down the portability problems that the next person to port it would meet again.",
    "Provide documentation fixes, either as patches to the comments in the code or as changes to the pages of the "
    "manual, and say in a line what was wrong with the text before.",
    "Take one of the points raised in the archive or the bug database and provide a fix for it, after asking on the "
    "list whether someone is already working on the same thing.",
]


def test_a_list_items_wrapped_lines_are_one_paragraph(browser, tmp_path: Path) -> None:
    # A list's items are set in from the text's left edge: every wrapped line of an item starts in, like a new
    # paragraph's indented first line would. Each item must stay one paragraph (what a hit shows and cites).
    for kind in ("ul", "ol"):
        html = f"<h2>How to help</h2><p>{SENTENCES[2]}</p><{kind}>"
        html += "".join(f"<li>{item}</li>" for item in ITEMS) + f"</{kind}>"
        doc = read_pdf(_print(browser, html, tmp_path / f"{kind}.pdf"), f"{kind}.pdf")
        paragraphs = [" ".join(p.split()) for p in doc.text.split("\n\n") if p.strip()]
        for item in ITEMS:
            assert any(p.endswith(item) for p in paragraphs), (kind, item[:30])


def test_a_name_broken_after_its_hyphen_keeps_the_hyphen(browser, tmp_path: Path) -> None:
    # A browser breaks a long name after its own hyphen ('multi-' / 'user.target'); it never hyphenates a word.
    # The name a user searches for is 'multi-user.target', not 'multiuser.target'.
    text = (
        "The emulated run levels two to four are all symbolic links to the same target, which is "
        "<code>multi-user.target</code> on every system, and the journal is kept by "
        "<code>systemd-journald.service</code> in a binary file that the tools below can read."
    )
    html = "".join(f"<p style='width:{w}em'>{text}</p>" for w in (16, 19, 22, 25, 28))
    doc = read_pdf(_print(browser, html, tmp_path / "hyphen.pdf"), "hyphen.pdf")
    flat = " ".join(doc.text.split())
    assert "multiuser" not in flat and "systemdjournald" not in flat
    assert flat.count("multi-user.target") == 5 and flat.count("systemd-journald.service") == 5
