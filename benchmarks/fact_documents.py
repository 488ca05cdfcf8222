"""Generated documents with known answers and short, practical questions (for ``benchmarks/relevance.py``).

People ask a handful of regulations, notices and handbooks short questions ('病假有几天', '发生较大事故多长时间
内报告'), unlike CMRC's long crowd-written ones. Facts are sentences made from templates with slot values;
each template has its own question wordings. TUNING families use the templates in ``TUNING_TEMPLATES``,
REPORT families the others (other wordings, other kinds of fact) and other document layouts, so nothing
reported was seen when choosing. A no-answer question asks a template's question about a slot value the
index does not hold (a near miss: the same kind of fact is there, about something else).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

SUBJECTS = dict(
    event=[
        "较大生产安全事故",
        "突发公共卫生事件",
        "网络安全事件",
        "重大火灾",
        "食品安全事故",
        "危险化学品泄漏",
        "特种设备事故",
        "校园欺凌事件",
        "电梯困人",
        "燃气泄漏",
        "群体性上访",
        "数据泄露",
    ],
    record=[
        "会计凭证",
        "会计账簿",
        "人事档案",
        "工程图纸",
        "合同原件",
        "监控录像",
        "财务报告",
        "招标文件",
        "病历资料",
        "会议纪要",
        "审计报告",
        "工资清单",
    ],
    place=[
        "高速公路服务区",
        "地下车库",
        "配电房",
        "消防通道",
        "学校食堂",
        "档案库房",
        "仓储中心",
        "污水泵站",
        "老旧小区",
        "建筑工地",
        "景区步道",
        "地铁出入口",
    ],
    task=[
        "需求调研",
        "系统上线",
        "年度预算编制",
        "安全培训",
        "档案数字化",
        "设备采购",
        "应急演练",
        "绩效考核",
        "信息公开",
        "志愿服务",
        "垃圾分类宣传",
        "老旧管网改造",
    ],
    dept=[
        "办公室",
        "财务处",
        "信息中心",
        "后勤保障部",
        "安全监管科",
        "人力资源部",
        "法规科",
        "项目管理部",
        "宣传部",
        "审计科",
        "规划发展处",
        "综合执法大队",
    ],
    title=[
        "档案管理办法",
        "车辆使用管理规定",
        "差旅费报销办法",
        "安全生产责任制规定",
        "印章管理办法",
        "公务接待管理规定",
        "考勤管理制度",
        "保密工作规定",
        "固定资产管理办法",
        "值班值守制度",
    ],
    project=[
        "智慧社区平台",
        "乡村道路硬化工程",
        "老年食堂建设",
        "图书馆改扩建",
        "污水管网改造",
        "校园安防升级",
        "河道综合治理",
        "口袋公园建设",
        "充电桩布设",
        "社区医院装修",
    ],
    people=["正式员工", "劳务派遣人员", "实习生", "返聘专家", "外派人员", "新入职员工", "教职工", "一线工人"],
    leave=["年休假", "婚假", "陪产假", "丧假", "探亲假", "病假"],
    activity=[
        "年度表彰大会",
        "新员工入职培训",
        "职工运动会",
        "消防应急演练",
        "技能比武",
        "迎新春联欢会",
        "安全生产月启动仪式",
        "读书分享会",
    ],
    venue=[
        "三楼多功能厅",
        "市体育中心",
        "行政楼报告厅",
        "职工活动中心",
        "东区操场",
        "二号会议室",
        "培训基地礼堂",
        "图书馆一楼大厅",
    ],
    visitor=["外单位人员", "离退休职工", "实习学生", "审计人员", "律师", "新闻记者", "施工单位人员", "家属"],
    errand=["查阅档案", "借用车辆", "复印合同", "调取监控", "进入机房", "领取证明", "借阅图纸", "使用公章"],
    paper=[
        "单位介绍信",
        "本人身份证",
        "部门负责人签字的申请单",
        "加盖公章的委托书",
        "工作证",
        "书面审批表",
        "介绍信和身份证",
        "分管领导批准的申请表",
    ],
)
NUMBERS = ["一", "两", "三", "四", "五", "六", "八", "十", "十二", "十五", "二十", "二十四", "三十"]


@dataclass
class Fact:
    template: str
    key: tuple[str, ...]  # slot values that make the fact unique
    sentence: str
    questions: list[str]
    answer: str


def _phone(rng: random.Random) -> str:
    return f"0{rng.randint(10, 99)}-{rng.randint(6000_0000, 8999_9999)}"


def make_fact(template: str, rng: random.Random, values: dict[str, str] | None = None) -> Fact:
    """One fact of ``template`` (slot values drawn unless given)."""
    v = values or {k: rng.choice(SUBJECTS[k]) for k in SUBJECTS}
    n = rng.choice(NUMBERS)
    if template == "deadline":
        return Fact(
            template,
            (v["event"],),
            f"发生{v['event']}后，事发单位应当在{n}小时内向{v['dept']}报告。",
            [f"发生{v['event']}多长时间内报告", f"{v['event']}多久要上报"],
            f"{n}小时",
        )
    if template == "retention":
        return Fact(
            template,
            (v["record"],),
            f"{v['record']}的保管期限为{n}年，期满后经鉴定方可销毁。",
            [f"{v['record']}保管多少年", f"{v['record']}要保存几年"],
            f"{n}年",
        )
    if template == "patrol":
        return Fact(
            template,
            (v["place"],),
            f"{v['place']}每天至少巡查{n}次，并如实填写巡查记录。",
            [f"{v['place']}每天巡查几次", f"{v['place']}一天查几遍"],
            f"{n}次",
        )
    if template == "lead":
        return Fact(
            template,
            (v["task"],),
            f"{v['task']}工作由{v['dept']}牵头，其他部门配合。",
            [f"{v['task']}由谁牵头", f"哪个部门负责{v['task']}"],
            v["dept"],
        )
    if template == "phone":
        number = _phone(rng)
        return Fact(
            template,
            (v["dept"],),
            f"{v['dept']}值班电话：{number}，二十四小时有人值守。",
            [f"{v['dept']}值班电话是多少", f"怎么联系{v['dept']}"],
            number,
        )
    if template == "effective":
        date = f"{rng.randint(2024, 2027)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日"
        return Fact(
            template,
            (v["title"],),
            f"《{v['title']}》自{date}起施行，原有规定同时废止。",
            [f"{v['title']}什么时候开始施行", f"{v['title']}从哪天起执行"],
            date,
        )
    if template == "budget":
        amount = f"{rng.randint(12, 980)}万元"
        return Fact(
            template,
            (v["project"],),
            f"{v['project']}项目总预算为{amount}，资金由区财政统筹安排。",
            [f"{v['project']}预算是多少", f"{v['project']}要花多少钱"],
            amount,
        )
    if template == "leave":
        return Fact(
            template,
            (v["people"], v["leave"]),
            f"{v['people']}每年可享受{v['leave']}{n}天，须提前申请。",
            [f"{v['people']}{v['leave']}有几天", f"{v['people']}能休几天{v['leave']}"],
            f"{n}天",
        )
    if template == "venue":
        return Fact(
            template,
            (v["activity"],),
            f"{v['activity']}定于{v['venue']}举行，请各部门按时参加。",
            [f"{v['activity']}在哪里举行", f"{v['activity']}在什么地方开"],
            v["venue"],
        )
    if template == "papers":
        return Fact(
            template,
            (v["visitor"], v["errand"]),
            f"{v['visitor']}{v['errand']}，须持{v['paper']}办理登记。",
            [f"{v['visitor']}{v['errand']}需要什么手续", f"{v['visitor']}{v['errand']}要带什么"],
            v["paper"],
        )
    raise ValueError(template)


TUNING_TEMPLATES = ("deadline", "retention", "patrol", "lead", "phone")
REPORT_TEMPLATES = ("effective", "budget", "leave", "venue", "papers")
FILLER = [
    "各单位要高度重视，加强组织领导，确保各项工作落到实处。",
    "本规定由办公室负责解释，未尽事宜按照上级有关规定执行。",
    "对工作中表现突出的集体和个人，予以通报表扬。",
    "违反本规定的，视情节轻重给予批评教育或者纪律处分。",
    "各部门应当结合实际制定具体实施细则，报办公室备案。",
    "工作人员应当遵守保密纪律，不得泄露工作秘密。",
    "相关记录应当完整、准确，并按规定归档保存。",
    "遇有特殊情况，应当及时请示报告，不得擅自处理。",
]


def facts_for(templates: tuple[str, ...], count: int, rng: random.Random, taken: set) -> list[Fact]:
    out = []
    while len(out) < count:
        fact = make_fact(rng.choice(templates), rng)
        if (fact.template, fact.key) in taken:
            continue
        taken.add((fact.template, fact.key))
        out.append(fact)
    return out


def write_document(layout: str, name: str, facts: list[Fact], folder: Path, rng: random.Random) -> None:
    """Facts (with filler sentences between) in one layout: regulation, handbook, notice, wechat, table."""
    cn = "一二三四五六七八九十"
    title = f"{name}工作规定"
    if layout == "regulation-txt":
        lines = [title, "", "第一章　总则", ""]
        for i, fact in enumerate(facts):
            if i and i % 4 == 0:
                lines += [f"第{cn[i // 4]}章　具体要求", ""]
            n = i + 1
            lines += [f"第{cn[n - 1] if n <= 10 else '十' + cn[n - 11]}条　{fact.sentence}{rng.choice(FILLER)}", ""]
        (folder / f"{name}.txt").write_text("\n".join(lines), encoding="utf-8")
    elif layout == "handbook-md":
        lines = [f"# {name}手册", ""]
        for i, fact in enumerate(facts):
            if i % 3 == 0:
                lines += [f"## {cn[i // 3]}、工作要求", ""]
            lines += [f"- {fact.sentence}", ""] if i % 2 else [f"{rng.choice(FILLER)}{fact.sentence}", ""]
        (folder / f"{name}.md").write_text("\n".join(lines), encoding="utf-8")
    elif layout == "notice-docx":
        import docx

        document = docx.Document()
        document.add_paragraph(f"关于{name}有关事项的通知")
        document.add_paragraph("各科室、各下属单位：")
        for i, fact in enumerate(facts):
            if i % 3 == 0:
                document.add_paragraph(f"{cn[i // 3]}、有关要求")
            document.add_paragraph(f"（{cn[i % 3]}）{fact.sentence}{rng.choice(FILLER)}")
        document.add_paragraph("特此通知。")
        document.save(folder / f"{name}.docx")
    elif layout == "wechat-html":
        body = [f"<h1>{name}，这些事项请收好</h1>"]
        for i, fact in enumerate(facts):
            if i % 3 == 0:
                body += [f"<p>0{i // 3 + 1}</p>", f"<p><strong>{name}须知</strong></p>"]
            body.append(f"<p>{fact.sentence}</p>")
        body.append("<p>阅读原文 阅读 1.2万 在看 35</p>")
        html = f"<html><head><meta charset='utf-8'><title>{name}</title></head><body>{''.join(body)}</body></html>"
        (folder / f"{name}.html").write_text(html, encoding="utf-8")
    elif layout == "table-html":
        rows = "".join(
            f"<tr><td>{i + 1}</td><td>{f.sentence}</td><td>{rng.choice(('已落实', '推进中'))}</td></tr>"
            for i, f in enumerate(facts)
        )
        html = (
            f"<html><head><meta charset='utf-8'><title>{name}</title></head><body><table>"
            f"<tr><td colspan='3'>{name}事项清单</td></tr><tr><td>序号</td><td>事项</td><td>状态</td></tr>"
            f"{rows}</table></body></html>"
        )
        (folder / f"{name}.html").write_text(html, encoding="utf-8")
    else:
        raise ValueError(layout)
