"""A joint notice typed as plain text ends with its issuers one a line over the date. Each name is a line of its
own and the closing is the notice's, not its last section's: run together, '重庆市总工会 重庆市人力资源和社会保障局
重庆市财政局' was one paragraph cited under '三、奖励办法'. Lines a user wrote as one paragraph (a poem's stanza, a
list run into one block) stay one."""

from __future__ import annotations

from pathlib import Path

from qa.loading import load_file
from qa.paragraphs import split_paragraphs
from qa.structure import recover_outline

TITLE = "关于开展2026年职工职业技能竞赛的通知"
NOTICE = f"""{TITLE}

各区县总工会、人力社保局、财政局，市级有关部门：
为深入贯彻落实技能强国战略，大力弘扬劳模精神、劳动精神、工匠精神，经研究，决定开展2026年重庆市职工职业技能竞赛。现将有关事项通知如下。

一、竞赛项目
本次竞赛设电工、焊工、数控车工、汽车维修工、养老护理员等10个项目，各项目具体技术规程另行发布。

二、参赛对象
全市各类企业、事业单位在岗职工均可报名参加，年龄不超过55周岁，且从事本职业（工种）工作满2年。

三、奖励办法
各项目决赛第一名，符合条件的按程序推荐申报“重庆五一劳动奖章”；前三名由市人力社保局核准晋升一级职业技能等级。

重庆市总工会
重庆市人力资源和社会保障局
重庆市财政局
2026年3月1日
"""
ISSUERS = ["重庆市总工会", "重庆市人力资源和社会保障局", "重庆市财政局", "2026年3月1日"]


def _where(path: Path) -> dict[str, tuple[str, ...]]:
    outline = recover_outline(load_file(path))
    return {outline.paragraphs[i].text: s.path for s in outline.sections for i in s.paragraphs}


def test_each_issuer_of_a_joint_notice_is_a_line_of_the_notice(tmp_path: Path) -> None:
    path = tmp_path / "notice.txt"
    path.write_text(NOTICE, "utf-8")
    where = _where(path)
    for line in ISSUERS:
        assert where.get(line) == (TITLE,), (line, where.get(line))
    assert where["全市各类企业、事业单位在岗职工均可报名参加，年龄不超过55周岁，且从事本职业（工种）工作满2年。"] == (
        TITLE,
        "二、参赛对象",
    )


def test_one_issuer_over_the_date_in_one_block_is_two_lines(tmp_path: Path) -> None:
    path = tmp_path / "notice.txt"
    path.write_text(NOTICE.replace("重庆市总工会\n重庆市人力资源和社会保障局\n", ""), "utf-8")
    where = _where(path)
    assert where.get("重庆市财政局") == (TITLE,)
    assert where.get("2026年3月1日") == (TITLE,)


def _paragraphs(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "page.txt"
    path.write_text(text, "utf-8")
    return [p.text for p in split_paragraphs(load_file(path))]


def test_a_stanza_and_a_list_block_stay_one_paragraph(tmp_path: Path) -> None:
    stanza = (
        "从明天起，做一个幸福的人\n喂马，劈柴，周游世界\n从明天起，关心粮食和蔬菜\n我有一所房子，面朝大海，春暖花开"
    )

    listed = "需提交的材料包括身份证复印件、学历证书复印件\n以及所在单位出具的工作证明和近期免冠照片两张"
    texts = _paragraphs(tmp_path, f"海子诗选\n\n{stanza}\n\n{listed}\n")
    assert stanza in texts
    assert listed in texts


def test_a_sentence_wrapped_before_a_date_stays_one_paragraph(tmp_path: Path) -> None:
    # the line above the date is no organisation's name by itself: a hard-wrapped sentence naming one
    wrapped = "本办法由市人力资源和社会保障局负责解释，自印发之日起施行，执行期限至\n2028年12月31日"
    texts = _paragraphs(tmp_path, f"说明\n\n{wrapped}\n")
    assert wrapped in texts


UNITS_TITLE = "关于开展大气污染防治专项行动的通知"
UNITS_HEAD = f"""{UNITS_TITLE}

各区县人民政府，市政府各部门：

为持续改善空气质量，市政府决定开展大气污染防治专项行动。现将有关事项通知如下。

一、行动目标

全市空气质量优良天数比例达到90%以上。

二、重点任务

强化工业源、移动源、扬尘源污染治理。

"""
UNITS = ["市发展改革委", "市经济信息委", "市财政局"]


def test_units_announced_by_a_sentence_stay_in_their_section(tmp_path: Path) -> None:
    # '下列单位按职责配合。' announces the units as the section's list: only the full name over the date signs it
    path = tmp_path / "notice.txt"
    path.write_text(
        UNITS_HEAD
        + "三、职责分工\n\n由市生态环境局牵头，下列单位按职责配合。\n\n"
        + "\n\n".join([*UNITS, "重庆市人民政府办公厅", "2026年3月1日"])
        + "\n",
        "utf-8",
    )
    where = _where(path)
    for unit in UNITS:
        assert where.get(unit) == (UNITS_TITLE, "三、职责分工"), (unit, where.get(unit))
    assert where.get("重庆市人民政府办公厅") == (UNITS_TITLE,)
    assert where.get("2026年3月1日") == (UNITS_TITLE,)


def test_units_under_their_heading_stay_in_their_section(tmp_path: Path) -> None:
    path = tmp_path / "notice.txt"
    path.write_text(
        UNITS_HEAD + "三、配合单位\n\n" + "\n\n".join([*UNITS, "重庆市人民政府办公厅", "2026年3月1日"]) + "\n", "utf-8"
    )
    where = _where(path)
    for unit in UNITS:
        assert where.get(unit) == (UNITS_TITLE, "三、配合单位"), (unit, where.get(unit))
    assert where.get("重庆市人民政府办公厅") == (UNITS_TITLE,)
