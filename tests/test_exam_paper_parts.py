"""A two-part exam paper (第一部分　选择题 / 第二部分　非选择题), typed as plain text or in Word with its parts at the
body's weight: every question is filed under its part. Read with a notice's rules, a question or a row of options
headed a section of its own and the second part's questions were filed under a row of options or the paper's title;
the part's scoring note ('（本部分共3小题，共21分）') made its head read as a sentence. A numbered list with a note in
brackets in a document that has no questions stays as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.loading import load_file
from qa.paragraphs import split_paragraphs
from qa.structure import recover_outline

TITLE = ["2025—2026学年第一学期期末考试", "八年级物理试卷"]
PART_ONE = "第一部分　选择题（本部分共3小题，每小题3分，共9分）"
PART_TWO = "第二部分　非选择题（本部分共3小题，共21分）"
PAPER = [
    PART_ONE,
    "1．下列估测最接近实际的是（　）",
    "A．一个鸡蛋的质量约为500g　B．人正常步行的速度约为1.1m/s　C．教室门的高度约为1m　D．一名中学生的重力约为50N",
    "2．关于声现象，下列说法正确的是（　）",
    "A．声音在真空中传播速度最大",
    "B．“闻其声知其人”是根据音色来判断的",
    "C．超声波不是由物体振动产生的",
    "D．禁止鸣笛是在传播过程中减弱噪声",
    "3．下列物态变化中，属于凝华的是（　）",
    "A．冰雪消融　B．露珠形成　C．霜打枝头　D．滴水成冰",
    PART_TWO,
    "4．光在真空中的传播速度为________m/s。",
    "5．小明站在平面镜前2m处，他在镜中的像到他的距离为________m。",
    "6．（15分）一辆汽车以72km/h的速度匀速行驶了10min，求汽车行驶的路程。",
]


def _write(kind: str, folder: Path) -> Path:
    if kind == "txt":
        path = folder / "paper.txt"
        path.write_text("\n".join([*TITLE, *PAPER]) + "\n", "utf-8")
        return path
    import docx
    from docx.shared import Pt

    d = docx.Document()
    d.styles["Normal"].font.size = Pt(11)
    for line in TITLE:
        run = d.add_paragraph().add_run(line)
        run.bold, run.font.size = True, Pt(16)
    for line in PAPER:  # the parts typed as the questions are: no bold, no style
        d.add_paragraph(line)
    path = folder / "paper.docx"
    d.save(str(path))
    return path


class _Where(dict):
    """Section paths by paragraph text, looked up by the paragraph's first words."""

    def __missing__(self, start: str) -> tuple[str, ...]:
        return next(path for text, path in self.items() if text.startswith(start))


def _where(path: Path) -> dict[str, tuple[str, ...]]:
    outline = recover_outline(load_file(path))
    return _Where({outline.paragraphs[i].text: s.path for s in outline.sections for i in s.paragraphs})


@pytest.mark.parametrize("kind", ["txt", "docx"])
def test_each_question_is_filed_under_its_part(tmp_path: Path, kind: str) -> None:
    where = _where(_write(kind, tmp_path))
    part_one = next(p for p in where["1．下列估测最接近实际的是"] if p.startswith("第一部分"))
    for question in ("1．下列估测最接近实际的是", "A．冰雪消融 B．露珠形成 C", "3．下列物态变化中，属于凝"):
        assert part_one in where[question], (question, where[question])
    for question in ("4．光在真空中的传播速度为", "6．（15分）一辆汽车以72"):
        assert where[question][-1].startswith("第二部分 非选择题"), (question, where[question])


def test_options_and_questions_are_lines_of_their_own(tmp_path: Path) -> None:
    path = tmp_path / "paper.txt"
    path.write_text("\n".join([*TITLE, *PAPER]) + "\n", "utf-8")
    texts = [p.text for p in split_paragraphs(load_file(path))]
    assert "2．关于声现象，下列说法正确的是（ ）" in texts
    assert "C．超声波不是由物体振动产生的" in texts


def test_a_wrapped_line_opening_on_a_decimal_stays_in_its_paragraph(tmp_path: Path) -> None:
    wrapped = "全市规模以上工业增加值比上年增长6.1%，其中高技术制造业增长\n2．5%，增速比上年回落1.2个百分点。"
    path = tmp_path / "report.txt"
    path.write_text(f"经济运行情况\n\n{wrapped}\n", "utf-8")
    assert wrapped in [p.text for p in split_paragraphs(load_file(path))]


def test_a_notice_without_questions_keeps_its_noted_items_as_text(tmp_path: Path) -> None:
    path = tmp_path / "notice.txt"
    path.write_text(
        "\n".join(
            [
                "关于做好2026年度职称申报工作的通知",
                "一、申报范围",
                "全市各类企事业单位在岗专业技术人员。",
                "二、申报材料",
                "1．申报表（一式3份，须加盖单位公章）",
                "2．学历证书复印件（共1份）",
                "三、工作要求",
                "各单位要严格审核申报材料，确保真实准确。",
            ]
        ).replace("\n一、", "\n\n一、")
        + "\n",
        "utf-8",
    )
    where = _where(path)
    assert where["1．申报表（一式3份，须加"] == ("关于做好2026年度职称申报工作的通知", "二、申报材料")
    assert where["全市各类企事业单位在岗专业"] == ("关于做好2026年度职称申报工作的通知", "一、申报范围")


def test_headings_over_lettered_lists_are_no_questions(tmp_path: Path) -> None:
    lines = ["2026年度社区工作计划"]
    for head, items in (
        ("一、加强组织建设", ["A．完善网格员队伍，每个网格配备一名专职网格员。", "B．每季度召开一次居民议事会。"]),
        ("二、提升服务水平", ["A．延长便民服务站开放时间至晚八点。", "B．为高龄老人提供上门代办服务。"]),
        ("三、改善居住环境", ["A．完成老旧小区雨污分流改造三处。", "B．新增公共停车位一百二十个。"]),
    ):
        lines += [head, *items]
    path = tmp_path / "plan.txt"
    path.write_text("\n\n".join(lines) + "\n", "utf-8")
    where = _where(path)
    assert where["B．新增公共停车位"] == ("2026年度社区工作计划", "三、改善居住环境")
    assert where["A．延长便民服务站"] == ("2026年度社区工作计划", "二、提升服务水平")


def _glued(path: Path) -> list[tuple[str, str]]:
    """(previous, next) paragraph texts the outline glues into one sentence."""
    outline = recover_outline(load_file(path))
    return [
        (outline.paragraphs[s.paragraphs[k - 1]].text, outline.paragraphs[s.paragraphs[k]].text)
        for s in outline.sections
        for k in range(1, len(s.paragraphs))
        if s.joins[k]
    ]


INTERVIEW_CUT = "A：我从小在这里长大，看到家乡的年轻人都外出打工，村里只剩下老人和孩子，于是辞掉了城里的工作，回到村里"
INTERVIEW_REST = "成立了合作社，一开始只有五户人家加入，现在已经发展到两百多户。"


@pytest.mark.parametrize(
    ("cut", "rest"),
    [
        (INTERVIEW_CUT, INTERVIEW_REST),
        (
            "E. coli（大肠杆菌）在37℃的营养丰富的培养基中生长最快，在不断振荡、供氧充足的条件下，种群约二十分钟",
            "即可倍增一次。",
        ),
        ("安装完成后，首先在命令行中运行初始化脚本 python setup.py init()", "完成配置后再启动服务，默认监听8080端口。"),
    ],
)
def test_a_line_like_an_option_or_a_blank_outside_a_paper_is_still_glued(tmp_path: Path, cut: str, rest: str) -> None:
    # an interview's answer 'A：…', a sentence opening 'E. coli', a command ending '()' broken across a blank line:
    # no exam paper, so the sentence goes on below (the option and blank rules are a paper's only)
    path = tmp_path / "doc.txt"
    path.write_text(f"对话乡村振兴带头人\n\nQ：您当初为什么选择回到家乡创业？\n\n{cut}\n\n{rest}\n", "utf-8")
    assert (cut, rest) in _glued(path)


def test_in_a_paper_a_question_ending_at_its_blank_is_not_glued(tmp_path: Path) -> None:
    path = tmp_path / "paper.txt"
    path.write_text("\n\n".join([*TITLE, *PAPER]) + "\n", "utf-8")
    glued = _glued(path)
    assert not any(prev.startswith(("1．下列估测", "A．冰雪消融", "4．光在真空中")) for prev, _ in glued), glued
