"""A reportlab report in two frames whose section's last paragraph runs from the first column's foot to the top of the
second, the page template changing after it (the second column runs out under those lines).

The carried lines were read with the band atop the page — after the first column's opening heading — and cited under
it ('§ 1 Network Overview', only the fragment) instead of the section their sentence starts in (qa.formats.pdf.
flow_tails). Negative: where the flow fills both columns, every section's paragraphs stay under their own headings.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import BaseDocTemplate, Frame, NextPageTemplate, PageBreak, PageTemplate, Paragraph

from qa.formats.pdf import read_pdf
from qa.structure import recover_outline

W, H = A4
TOPICS = ["Substations", "Feeders", "Outages", "Faults", "Meters", "Tariffs"]


def _text(topic: str, copy: int) -> str:
    return " ".join(
        f"The {topic.lower()} survey of district {d} counted {3 * d + copy} sites and found {d + copy} needing work,"
        f" mostly on circuits laid before {1950 + 5 * d} and kept by the {topic.lower()} crews"
        + ("." if d % 3 == 2 else ";")
        for d in range(6)
    )


def _report(path: Path, sections: list[str], copies: int) -> dict[str, list[str]]:
    """Numbered sections in two frames, then a landscape page: the heading, the paragraphs of each section."""
    styles = getSampleStyleSheet()
    doc = BaseDocTemplate(str(path), pagesize=A4)
    c1 = Frame(2 * cm, 2 * cm, (W - 4 * cm) / 2 - 0.4 * cm, H - 4 * cm, id="c1")
    c2 = Frame(W / 2 + 0.4 * cm, 2 * cm, (W - 4 * cm) / 2 - 0.4 * cm, H - 4 * cm, id="c2")
    lw, lh = landscape(A4)
    land = Frame(2 * cm, 2 * cm, lw - 4 * cm, lh - 4 * cm)
    doc.addPageTemplates([PageTemplate("two", [c1, c2]), PageTemplate("land", [land], pagesize=landscape(A4))])
    story: list = []
    texts: dict[str, list[str]] = {}
    for k, topic in enumerate(sections, start=1):
        title = f"{k} {topic}"
        story.append(Paragraph(title, styles["Heading2"]))
        texts[title] = [_text(topic, c) for c in range(copies)]
        story += [Paragraph(t, styles["BodyText"]) for t in texts[title]]
    story += [NextPageTemplate("land"), PageBreak(), Paragraph("Appendix", styles["Heading1"])]
    story.append(Paragraph("The appendix lists the circuits by district.", styles["BodyText"]))
    doc.build(story)
    return texts


def _homes(path: Path) -> dict[str, str]:
    outline = recover_outline(read_pdf(path, path.name))
    found = {}
    for section in outline.sections:
        for i in section.paragraphs:
            found["".join(outline.paragraphs[i].text.split())] = "".join(section.path[-1].split())
    return found


def test_a_paragraph_carried_to_the_top_of_a_short_second_column_stays_in_its_section(tmp_path: Path) -> None:
    checked = 0
    for copies in (3, 4):  # the first column full, the last section's paragraph carried a few lines over
        path = tmp_path / f"report{copies}.pdf"
        texts = _report(path, TOPICS[:3], copies)
        homes = _homes(path)
        for title, paragraphs in texts.items():
            for text in paragraphs:
                assert homes.get("".join(text.split())) == "".join(title.split()), (copies, title)
                checked += 1
    assert checked


def test_two_full_columns_keep_each_section_under_its_heading(tmp_path: Path) -> None:
    path = tmp_path / "full.pdf"
    texts = _report(path, TOPICS, 3)
    homes = _homes(path)
    for title, paragraphs in texts.items():
        for text in paragraphs:
            assert homes.get("".join(text.split())) == "".join(title.split()), title
