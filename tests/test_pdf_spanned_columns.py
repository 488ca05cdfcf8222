"""A paper printed by Chromium with CSS columns whose second column starts right under the abstract, no gap between.

The abstract runs across the page; the first column opens with a heading (space above it), the second with the
running text balanced over from the first, one line's pitch under the abstract's last line. No full-width gap parts
the abstract from the columns and its lines cross the gutter: the page was read as one column in rows, the two
columns' lines glued ('weight of 0.3 relative to the original query Statutory question answering asks a system'),
sections lost (qa.formats.pdf.spanned). Negative: a borderless table set right under a paragraph, its columns short
of the paragraph's right edge, is no page's columns: its rows stay rows.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

from qa.formats.pdf import read_pdf
from qa.structure import recover_outline
from tests.newspaper_html import print_pdf

STYLE = """
body { font-family: 'DejaVu Serif', serif; font-size: 10pt }
h1 { text-align: center; font-size: 16pt } .authors { text-align: center }
.abstract { margin: 0 1cm; font-size: 9pt } .cols { column-count: 2; column-gap: 0.8cm; text-align: %s }
h2 { font-size: 11pt }
"""
TOPICS = ["harbour", "granary", "orchard", "foundry", "library", "vineyard"]
NOUNS = ["ledger", "survey", "inventory", "census", "register", "account", "catalogue", "tally"]


def _section(k: int, topic: str) -> tuple[str, str]:
    """A section's title and its paragraph: sentences naming the section's own topic and number."""
    sentences = [
        f"The {topic} {NOUNS[(k + i) % len(NOUNS)]} of year {1900 + 7 * k + i} lists {3 * i + k + 2} entries "
        f"kept by the {topic} wardens in their {NOUNS[(k + 2 * i) % len(NOUNS)]}."
        for i in range(7)
    ]
    return f"{k + 1} The {topic.title()} Records", " ".join(sentences)


def _html(align: str) -> tuple[str, dict[str, str]]:
    sections = dict(_section(k, topic) for k, topic in enumerate(TOPICS))
    head = (
        "<h1>Municipal Records of a River Town Across Two Centuries</h1><p class='authors'>Ada Reyes, Tomas Berg</p>"
        "<div class='abstract'><b>Abstract.</b> We describe the surviving records of a river town, their keepers "
        "and the counts they hold, from the harbour ledgers to the vineyard tallies, and we release a transcription "
        "of every surviving volume with its page images and a finding aid for each of the six record series.</div>"
    )
    body = "".join(f"<h2>{title}</h2><p>{text}</p>" for title, text in sections.items())
    html = f"<!DOCTYPE html><html><head><meta charset='utf-8'><style>{STYLE % align}</style></head>"
    return html + f"<body>{head}<div class='cols'>{body}</div></body></html>", sections


def _bare(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("align", ["justify", "left"])
def test_columns_starting_right_under_the_abstract_are_read_each_whole(browser, tmp_path: Path, align: str) -> None:
    html, sections = _html(align)
    path = print_pdf(browser, html, tmp_path / "paper.pdf", margin="2cm")
    outline = recover_outline(read_pdf(path, path.name))
    found = {}
    for section in outline.sections:
        for i in section.paragraphs:
            found[_bare(outline.paragraphs[i].text)] = _bare(section.path[-1]) if section.path else ""
    for title, text in sections.items():
        assert found.get(_bare(text)) == _bare(title), title  # whole, and under its own heading


def test_a_borderless_table_right_under_a_paragraph_keeps_its_rows(tmp_path: Path) -> None:
    styles = getSampleStyleSheet()
    rows = [[f"Station {n}", f"commissioned {1950 + 3 * n}, rated {10 + n} MW"] for n in range(12)]
    padding = [("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]
    story = [
        Paragraph("Station Inventory", styles["Heading1"]),
        Paragraph(
            "The inventory lists every station of the northern district with its commissioning year and its rated "
            "capacity in megawatts, as reported to the regulator in the spring survey.",
            styles["BodyText"],
        ),
        Table(rows, colWidths=[120, 300], style=padding),
        Paragraph("All stations were inspected in the reporting year.", styles["BodyText"]),
    ]
    path = tmp_path / "inventory.pdf"
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    text = read_pdf(path, path.name).text
    for n in range(12):  # each station right before its own row's figures, not all names before all figures
        assert f"Station {n}" in text
        assert text.index(f"Station {n}") < text.index(f"commissioned {1950 + 3 * n}")
        if n:
            assert text.index(f"commissioned {1950 + 3 * n - 3}") < text.index(f"Station {n}")
