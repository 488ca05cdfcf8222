"""Lines of ordinary documents that are no headings, and annexes headed on one line.

- A document's facts under its title ('会议时间：…', '主持人：…', '甲方：…'): read as headings, each became a level of
  every citation below ('纪要 › 会议时间：… › 主持人：… › 三、会议决议').
- A table typed with bars under a heading: its rows read as headlines, the table opened a section of its own and the
  heading over it was stitched as a continuation of the section before.
- A contract's clauses ('第一条 服务内容') nest under the contract's title, and an annex headed on one line
  ('附件1：服务级别协议') is a part of its own, not a subsection of the last clause (plain text and Word alike).
- A Markdown code block's lines stay lines in the passage a search returns.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.chunking import chunk_outline
from qa.loading import load_file
from qa.structure import recover_outline

MINUTES = """市场部第七次月度例会纪要

会议时间：2025年3月6日 9:30-11:00
会议地点：二楼小会议室
主持人：陈主任
出席人员：孙琳、周斌、吴涛
记录人：周斌

一、上月销售回顾
1. 华东区完成销售额860万元，同比增长12%。
2. 线上渠道订单量首次超过线下。

二、本月重点工作
1. 周斌负责春季促销方案，3月12日前提交。

三、会议决定
经研究，决定新增两名客服人员，4月1日前到岗。

四、任务分工
| 任务 | 责任人 | 完成时间 |
| 促销方案 | 周斌 | 3月12日 |
| 客服招聘 | 吴涛 | 4月1日 |
"""

CONTRACT = [
    "设备租赁合同",
    "出租方：某某机械设备有限公司",
    "承租方：某某建筑工程有限公司",
    "第一条 租赁设备",
    "出租方向承租方出租塔式起重机两台，型号及配置见附件。",
    "第二条 租金及支付",
    "每台每月租金人民币三万元，按月支付，承租方应于每月五日前付清当月租金。",
    "第三条 维修保养",
    "租赁期内设备的日常保养由承租方负责，大修由出租方负责并承担费用。",
    "附件1：设备配置清单",
    "塔式起重机主臂长度六十米，最大起重量八吨，配备远程监控系统。",
    "附件2：验收标准",
    "设备进场后三日内由双方共同验收，验收合格后签署交接单。",
]


def _where(path: Path) -> dict[str, tuple[str, ...]]:
    outline = recover_outline(load_file(path))
    return {outline.paragraphs[i].text.strip(): s.path for s in outline.sections for i in s.paragraphs}


def _find(where: dict[str, tuple[str, ...]], words: str) -> tuple[str, ...]:
    hits = [path for text, path in where.items() if words in text]
    assert hits, (words, where)
    return hits[0]


def test_facts_under_a_title_are_the_titles_text_not_levels(tmp_path):
    path = tmp_path / "minutes.txt"
    path.write_text(MINUTES, encoding="utf-8")
    where = _where(path)
    for path_ in where.values():
        assert not any("：" in title for title in path_), path_
    assert _find(where, "新增两名客服") == ("市场部第七次月度例会纪要", "三、会议决定")
    assert _find(where, "主持人") == ("市场部第七次月度例会纪要",)


def test_a_labelled_part_with_text_under_it_stays_a_heading(tmp_path):
    """'专题一：…' over its own account heads it (a label with a title, not a fact)."""
    text = MINUTES.replace(
        "主持人：陈主任\n",
        "专题一：华东区渠道调整\n华东区经销商由十二家调整为八家，各经销商的供货区域重新划分，调整于本月底前完成。\n\n",
    )
    path = tmp_path / "minutes.txt"
    path.write_text(text, encoding="utf-8")
    assert _find(_where(path), "华东区经销商由十二家")[-1] == "专题一：华东区渠道调整"


def test_a_typed_table_is_its_headings_text_one_row_a_paragraph(tmp_path):
    path = tmp_path / "minutes.txt"
    path.write_text(MINUTES, encoding="utf-8")
    outline = recover_outline(load_file(path))
    where = {outline.paragraphs[i].text.strip(): s.path for s in outline.sections for i in s.paragraphs}
    assert _find(where, "客服招聘") == ("市场部第七次月度例会纪要", "四、任务分工")
    assert _find(where, "周斌负责春季促销") == ("市场部第七次月度例会纪要", "二、本月重点工作")
    rows = [p.text for p in outline.paragraphs if p.text.startswith("|")]
    assert rows == [ln for ln in MINUTES.splitlines() if ln.startswith("|")]
    assert not any(outline.roles.get(p.index) == "heading" for p in outline.paragraphs if p.text.startswith("|"))
    chunk = next(c for c in chunk_outline(outline) if "客服招聘" in c.text)
    assert "| 客服招聘 | 吴涛 | 4月1日 |" in chunk.text.split("\n"), chunk.text


def _contract_docx(path: Path) -> Path:
    import docx
    from docx.shared import Pt

    d = docx.Document()
    for line in CONTRACT:
        run = d.add_paragraph().add_run(line)
        if line == CONTRACT[0]:
            run.bold, run.font.size = True, Pt(16)
        elif line.startswith(("第", "附件")):
            run.bold = True
    d.save(str(path))
    return path


@pytest.mark.parametrize("kind", ["txt", "docx"])
def test_clauses_nest_under_the_contract_and_annexes_stand_apart(tmp_path, kind):
    if kind == "txt":
        path = tmp_path / "contract.txt"
        path.write_text("\n\n".join(CONTRACT) + "\n", encoding="utf-8")
    else:
        path = _contract_docx(tmp_path / "contract.docx")
    where = _where(path)
    assert _find(where, "每台每月租金") == ("设备租赁合同", "第二条 租金及支付")
    assert _find(where, "主臂长度") == ("附件1：设备配置清单",)
    assert _find(where, "三日内由双方共同验收") == ("附件2：验收标准",)
    assert _find(where, "承租方：") == ("设备租赁合同",)


def test_an_annex_mentioned_in_a_sentence_opens_no_part(tmp_path):
    lines = [*CONTRACT[:9], "附件1：设备配置清单由出租方提供，作为本合同的组成部分，与本合同具有同等效力。"]
    path = tmp_path / "contract.txt"
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    assert _find(_where(path), "与本合同具有同等效力")[-1] == "第三条 维修保养"


def test_a_code_blocks_lines_stay_lines_in_the_passage(tmp_path):
    path = tmp_path / "guide.md"
    path.write_text(
        "# 部署指南\n\n## 安装\n\n```bash\npip install example-tool\nexample-tool init --dir /srv/app\n```\n\n"
        "安装完成后运行初始化命令。\n",
        encoding="utf-8",
    )
    chunk = next(c for c in chunk_outline(recover_outline(load_file(path))) if "pip install" in c.text)
    assert "pip install example-tool\nexample-tool init --dir /srv/app" in chunk.text, chunk.text


def test_a_headline_opening_with_di_yi_tiao_is_no_clause(tmp_path):
    """Negative: '第一条跨海高铁今日通车' (the first railway) is a headline beside the others, not a clause that takes
    every later headline under it; a clause names itself after a space."""
    path = tmp_path / "news.txt"
    path.write_text(
        "今日要闻\n\n全省春耕生产全面展开\n\n各地抢抓农时，春耕生产有序推进，农资供应充足。\n\n第一条跨海高铁今日通车\n\n"
        "这条高铁全长八十公里，设计时速三百五十公里。\n\n城市公交线路优化调整\n\n本月起，市区十条公交线路将优化调整。\n",
        encoding="utf-8",
    )
    where = _where(path)
    assert _find(where, "十条公交线路") == ("今日要闻", "城市公交线路优化调整")
    assert _find(where, "全长八十公里") == ("今日要闻", "第一条跨海高铁今日通车")


def test_a_charters_clauses_nest_under_its_parts(tmp_path):
    """'一、总则' over '第一条 名称': a clause nests under the part it is in and closes only the clause before it."""
    path = tmp_path / "charter.txt"
    path.write_text(
        "某某协会章程\n\n一、总则\n\n第一条 名称\n\n本会名称为某某协会。\n\n第二条 性质\n\n本会是非营利性社会组织。\n\n"
        "二、会员\n\n第三条 会员条件\n\n拥护本会章程的单位可以申请入会。\n",
        encoding="utf-8",
    )
    where = _where(path)
    assert _find(where, "非营利性") == ("某某协会章程", "一、总则", "第二条 性质")
    assert _find(where, "申请入会") == ("某某协会章程", "二、会员", "第三条 会员条件")
