"""A wire feed in plain text: reports printed without headlines, each opened by another house's dateline.

'新华网北京3月5日电', '经济日报讯', '央视网消息', '光明日报北京3月5日电' open a report as '本报讯' and '新华社…电' do
(``qa.structure.cues.dateline``): in a run of reports with no headline each dateline starts the next report. Read as
one report, a search for the second item's news landed in the first's section. A paragraph that cites a report
('据央视网消息，…') opens nothing.
"""

from __future__ import annotations

from pathlib import Path

from qa.loading import load_file
from qa.structure import recover_outline

ITEMS = [
    "新华网北京3月5日电 国务院新闻办公室今天举行新闻发布会，介绍今年一季度国民经济运行情况。"
    "发布会指出，主要指标保持平稳，就业形势总体稳定。",
    "经济日报讯（记者 王晓明）今年以来，各地加快推进重大项目建设，一批交通、水利和能源项目集中开工，"
    "带动有效投资稳步增长。",
    "央视网消息 记者从交通运输部获悉，春运期间全国铁路、公路、水路和民航累计发送旅客超过九亿人次，运输秩序总体平稳。",
    "光明日报北京3月5日电（记者 李华）教育部日前印发通知，要求各地做好春季学期开学工作，加强校园安全管理。",
]


def _sections(tmp_path: Path, paragraphs: list[str]) -> list[list[str]]:
    page = tmp_path / "feed.txt"
    page.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    outline = recover_outline(load_file(page))
    return [[outline.paragraphs[i].text for i in s.paragraphs] for s in outline.sections]


def test_each_wire_dateline_opens_its_own_report(tmp_path: Path) -> None:
    sections = _sections(tmp_path, ITEMS)
    assert len(sections) == len(ITEMS), sections
    for section, item in zip(sections, ITEMS, strict=True):
        assert [p.replace(" ", "") for p in section] == [item.replace(" ", "")]


def test_a_paragraph_citing_a_report_opens_nothing(tmp_path: Path) -> None:
    cited = "据央视网消息，交通运输部表示，将继续做好节后返程客流高峰的运输组织工作，确保旅客出行安全有序。"
    sections = _sections(tmp_path, [ITEMS[2], cited, ITEMS[3]])
    assert len(sections) == 2, sections
    assert [p.replace(" ", "") for p in sections[0]] == [ITEMS[2].replace(" ", ""), cited]
