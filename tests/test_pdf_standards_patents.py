"""A Chinese patent printed to PDF with its description's part names (技术领域, 背景技术 …) in the body's type: each
paragraph is cited under its part ('说明书 › 背景技术'), as the same patent's DOCX is. The PDF is made by reportlab."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.loading import load_file
from qa.structure import recover_outline

SONG = Path("/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf")
PATENT = [
    ("title", "说明书"),
    ("text", "一种智能门锁的指纹识别方法及智能门锁"),
    ("text", "技术领域"),
    ("text", "[0001]本发明涉及生物特征识别技术领域，具体涉及一种智能门锁的指纹识别方法。"),
    ("text", "背景技术"),
    ("text", "[0002]现有智能门锁多采用光学式指纹传感器，手指潮湿时识别率明显下降。"),
    ("text", "发明内容"),
    ("text", "[0003]本发明的目的在于提供一种识别率高、能够识别假指纹的指纹识别方法。"),
    ("text", "附图说明"),
    ("text", "[0004]图1为本发明实施例提供的指纹识别方法的流程图。"),
    ("text", "具体实施方式"),
    ("text", "[0005]下面结合附图对本发明的实施例进行详细说明，采集时间不超过200毫秒。"),
    ("title", "说明书摘要"),
    ("text", "本发明公开了一种智能门锁的指纹识别方法，能够识别硅胶假指纹。"),
]


def _pdf(path: Path) -> Path:
    pytest.importorskip("reportlab")
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if not SONG.exists():
        pytest.skip("fonts-arphic-gbsn00lp is not installed")
    if "StdSong" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("StdSong", str(SONG)))
    c = canvas.Canvas(str(path), pagesize=A4)
    y = A4[1] - 72
    for kind, text in PATENT:
        size = 16.0 if kind == "title" else 10.5
        y -= 2.2 * size
        c.setFont("StdSong", size)
        c.drawString(72, y, text)
    c.save()
    return path


def _path_of(outline, start: str) -> list[str]:
    for section in outline.sections:
        for i in section.paragraphs:
            if outline.paragraphs[i].text.startswith(start):
                return list(section.path)
    raise AssertionError(f"no paragraph starts with {start!r}")


def test_patent_description_parts_are_sections(tmp_path: Path) -> None:
    outline = recover_outline(load_file(_pdf(tmp_path / "patent.pdf")))
    assert _path_of(outline, "[0002]") == ["说明书", "背景技术"]
    assert _path_of(outline, "[0005]") == ["说明书", "具体实施方式"]
    assert _path_of(outline, "[0001]") == ["说明书", "技术领域"]
    assert _path_of(outline, "本发明公开了") == ["说明书摘要"]
