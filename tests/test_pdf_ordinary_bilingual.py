"""A bilingual manual's title over its English translation: the translation is the title's subtitle, not a level.

'XR-200空气净化器用户手册' large and 'XR-200 Air Purifier User Manual' right under it a size smaller: nested by size,
the English line became a heading under the title and every section of the manual one level deeper, under it.
Manuals drawn by reportlab (platypus) in two pairs of title sizes, read by the real reader and structure stage.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.loading import load_file
from qa.structure import recover_outline
from tests import ordinary_pdfs as op

TITLE = ("XR-200空气净化器用户手册", "XR-200 Air Purifier User Manual")
SECTIONS = [
    ("1 安全须知 Safety Instructions", "请勿在浴室等潮湿环境中使用本产品。Do not use this product in humid places."),
    ("2 安装 Installation", "净化器应放置在距离墙壁至少30厘米的地面上。Place the purifier on a level floor."),
    ("3 维护保养 Maintenance", "滤网建议每六个月更换一次。Replace the filter every six months."),
]


def _manual(path: Path, title_size: float, subtitle_size: float) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    font = op._reportlab_font()
    body = ParagraphStyle("b", fontName=font, fontSize=11, leading=17, wordWrap="CJK")
    title = ParagraphStyle("t", parent=body, fontSize=title_size, leading=title_size * 1.3, alignment=1)
    subtitle = ParagraphStyle("s", parent=title, fontSize=subtitle_size, leading=subtitle_size * 1.3)
    head = ParagraphStyle("h", parent=body, fontSize=14, leading=22, spaceBefore=10)
    story = [Paragraph(TITLE[0], title), Paragraph(TITLE[1], subtitle), Spacer(1, 20)]
    for heading, text in SECTIONS:
        story += [Paragraph(heading, head), Paragraph(text, body)]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


@pytest.mark.parametrize(("title_size", "subtitle_size"), [(22.0, 17.0), (20.0, 16.0)])
def test_the_english_subtitle_is_no_level_of_the_outline(tmp_path, title_size, subtitle_size) -> None:
    outline = recover_outline(load_file(_manual(tmp_path / "manual.pdf", title_size, subtitle_size)))
    for heading, text in SECTIONS:
        section = next(s for s in outline.sections if any(text[:8] in outline.paragraphs[i].text for i in s.paragraphs))
        assert [t.replace(" ", "") for t in section.path] == [TITLE[0], heading.replace(" ", "")], section.path


LECTURE = [
    (
        "模型方法",
        [
            (
                "Deep Learning Models",
                "在交通方面，新开通公交线路十二条，优化调整线路二十五条，地铁三号线一期工程完成主体结构施工。",
            ),
            (
                "Support Vector Machines",
                "生态环境持续改善，全年空气质量优良天数达到三百一十天，主要河流断面水质全部达到三类以上标准。",
            ),
        ],
    ),
    ("评估方法", [("", "医疗卫生服务能力不断提升，市第一人民医院新院区投入使用，社区卫生服务中心实现街道全覆盖。")]),
]


@pytest.mark.parametrize(("head_size", "sub_size"), [(16.0, 13.0), (18.0, 14.0)])
def test_an_english_subheading_right_under_a_chinese_heading_keeps_its_section(tmp_path, head_size, sub_size) -> None:
    """'Deep Learning Models' right under '模型方法', in the type of its sibling 'Support Vector Machines' further on,
    is the first subsection, not the heading's translation: its text stays under it."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    font = op._reportlab_font()
    body = ParagraphStyle("b", fontName=font, fontSize=10.5, leading=16, wordWrap="CJK", spaceAfter=8)
    title = ParagraphStyle("t", parent=body, fontSize=20, leading=28)
    head = ParagraphStyle("h", parent=body, fontSize=head_size, leading=head_size * 1.5)
    sub = ParagraphStyle("s", parent=body, fontSize=sub_size, leading=sub_size * 1.5)
    story = [
        Paragraph("机器学习课程讲义", title),
        Paragraph("城市更新是推动城市高质量发展的重要手段，今年全市共完成老旧小区改造一百二十个。", body),
    ]
    for heading, subs in LECTURE:
        story.append(Paragraph(heading, head))
        for subheading, text in subs:
            story += [Paragraph(subheading, sub)] if subheading else []
            story.append(Paragraph(text, body))
    path = tmp_path / "lecture.pdf"
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    outline = recover_outline(load_file(path))
    for heading, subs in LECTURE:
        for subheading, text in subs:
            section = next(
                s for s in outline.sections if any(text[:8] in outline.paragraphs[i].text for i in s.paragraphs)
            )
            want = [heading, subheading] if subheading else [heading]
            assert list(section.path[1:]) == want, (text, section.path)
