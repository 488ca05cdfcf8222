"""Generated English and bilingual documents with known answers, asked in English and Chinese
(for ``benchmarks/english_questions.py``).

Bilingual contracts and manuals state each clause twice (Chinese, then English), English manuals state it
once, and Chinese notes keep English names ('Water pump 的保修期为 12 个月'). Facts are made from templates
with slot values; each template has English and Chinese question wordings. TUNING families use
``TUNING_TEMPLATES`` in the TUNING layouts, REPORT families the other templates (other kinds of fact, other
wordings) in other layouts, so nothing reported was seen when choosing. A no-answer question asks a
template's question about a slot value the index does not hold. The first ``MENTIONED`` facts of each
document are named again in a closing section by a clause that does not state them ('The landlord may retain
the parking permit deposit if the card is lost.'): a short passage that holds the question's words as densely
as the answer does (``qa.definitions``); TUNING and REPORT templates each have their own such clauses.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

SLOTS = dict(
    service=[
        ("cleaning service", "保洁服务"),
        ("parking permit", "停车证"),
        ("gym membership", "健身卡"),
        ("locker rental", "储物柜租用"),
        ("shuttle bus pass", "班车卡"),
        ("badge replacement", "工牌补办"),
        ("visitor pass", "访客证"),
        ("printing quota", "打印额度"),
        ("laundry service", "洗衣服务"),
        ("storage unit", "储藏间"),
    ],
    product=[
        ("water pump", "水泵"),
        ("air conditioner", "空调"),
        ("elevator", "电梯"),
        ("printer", "打印机"),
        ("router", "路由器"),
        ("forklift", "叉车"),
        ("generator", "发电机"),
        ("boiler", "锅炉"),
        ("projector", "投影仪"),
        ("fire extinguisher", "灭火器"),
    ],
    place=[
        ("pump room", "泵房"),
        ("server room", "机房"),
        ("warehouse", "仓库"),
        ("meeting room", "会议室"),
        ("parking lot", "停车场"),
        ("canteen", "食堂"),
        ("laboratory", "实验室"),
        ("archive", "档案室"),
        ("loading dock", "装卸区"),
        ("library", "图书馆"),
    ],
    team=[
        ("Finance Department", "财务部"),
        ("IT Service Desk", "信息服务台"),
        ("Facilities Team", "后勤组"),
        ("Legal Office", "法务办公室"),
        ("Security Office", "保卫处"),
        ("HR Department", "人力资源部"),
        ("Procurement Office", "采购办"),
        ("Quality Team", "质量组"),
    ],
)


@dataclass
class Fact:
    template: str
    key: tuple[str, ...]
    english: str
    chinese: str  # with the English name kept (``mixed``) or translated (``parallel``)
    chinese_mixed: str
    questions_en: list[str]
    questions_zh: list[str]
    answers: list[str]
    # A clause that names the fact's subject without stating it ('The landlord may retain the cleaning
    # service deposit if the card is lost.'): English, Chinese, Chinese keeping the English name.
    mention: tuple[str, str, str] = ("", "", "")


def _plural(noun: str) -> str:
    return noun[:-1] + "ies" if noun.endswith("y") and noun[-2] not in "aeiou" else noun + "s"


def make_fact(template: str, rng: random.Random, values: dict | None = None) -> Fact:
    v = values or {k: rng.choice(options) for k, options in SLOTS.items()}
    s, s_zh = v["service"]
    p, p_zh = v["product"]
    pl, pl_zh = v["place"]
    t, t_zh = v["team"]
    n = rng.choice([2, 3, 5, 6, 8, 10, 12, 15, 18, 20, 24, 30, 36, 45, 60])
    amount = rng.randint(3, 98) * 50
    if template == "deposit":
        return Fact(
            template,
            (s,),
            f"The deposit for the {s} is RMB {amount}.",
            f"{s_zh}押金为人民币{amount}元。",
            f"{s} 押金为人民币{amount}元。",
            [f"How much is the deposit for the {s}?", f"What is the {s} deposit?"],
            [f"{s_zh}押金是多少", f"{s}押金多少钱"],
            [f"{amount}"],
            (
                f"The landlord may retain the {s} deposit if the card is lost.",
                f"遗失卡片的，可扣留{s_zh}押金。",
                f"遗失卡片的，可扣留 {s} 押金。",
            ),
        )
    if template == "warranty":
        return Fact(
            template,
            (p,),
            f"The {p} is under warranty for {n} months from delivery.",
            f"{p_zh}的保修期为{n}个月，自交付之日起计算。",
            f"{p} 的保修期为{n}个月，自交付之日起计算。",
            [f"How long is the warranty on the {p}?", f"What is the warranty period of the {_plural(p)}?"],
            [f"{p_zh}保修多久", f"{p}保修期多长"],
            [f"{n} months", f"{n}个月"],
            (
                f"Claims under the {p} warranty must be made in writing.",
                f"{p_zh}保修索赔须书面提出。",
                f"{p} 保修索赔须书面提出。",
            ),
        )
    if template == "inspection":
        return Fact(
            template,
            (pl,),
            f"The {pl} is inspected {n} times a day by the duty staff.",
            f"{pl_zh}由值班人员每天巡查{n}次。",
            f"{pl} 由值班人员每天巡查{n}次。",
            [f"How often is the {pl} inspected?", f"How many inspections does the {pl} get each day?"],
            [f"{pl_zh}每天巡查几次", f"{pl}一天查几次"],
            [f"{n} times", f"{n}次"],
            (
                f"Faults found when the {pl} is inspected go to the duty manager.",
                f"{pl_zh}巡查发现的问题报值班经理。",
                f"{pl} 巡查发现的问题报值班经理。",
            ),
        )
    if template == "repairs":
        return Fact(
            template,
            (p,),
            f"Repairs to the {p} are handled by the {t}.",
            f"{p_zh}的维修由{t_zh}负责。",
            f"{p} 的维修由 {t} 负责。",
            [f"Who handles repairs to the {p}?", f"Which team repairs {_plural(p)}?"],
            [f"{p_zh}坏了找谁修", f"{p}由哪个部门维修"],
            [t, t_zh],
            (
                f"Every repair to the {p} is written in the maintenance log.",
                f"{p_zh}的每次维修均记入维修日志。",
                f"{p} 的每次维修均记入维修日志。",
            ),
        )
    if template == "phone":
        phone = f"0{rng.randint(10, 99)}-{rng.randint(6000_0000, 8999_9999)}"
        return Fact(
            template,
            (t,),
            f"The {t} can be reached at {phone} during office hours.",
            f"{t_zh}的联系电话为{phone}，工作时间有人接听。",
            f"{t} 的联系电话为{phone}，工作时间有人接听。",
            [f"What is the phone number of the {t}?", f"How do I call the {t}?"],
            [f"{t_zh}电话是多少", f"{t}怎么联系"],
            [phone],
            (f"Calls to the {t} phone line may be recorded.", f"{t_zh}的电话可能被录音。", f"{t} 的电话可能被录音。"),
        )
    if template == "fee":
        return Fact(
            template,
            (s,),
            f"The {s} costs RMB {amount} per month.",
            f"{s_zh}每月收费人民币{amount}元。",
            f"{s} 每月收费人民币{amount}元。",
            [f"How much does the {s} cost?", f"What is the monthly fee for the {s}?"],
            [f"{s_zh}每月多少钱", f"{s}收费标准是多少"],
            [f"{amount}"],
            (
                f"Staff who leave early get the unused {s} fee back.",
                f"提前离职的员工可退还未使用的{s_zh}费用。",
                f"提前离职的员工可退还未使用的 {s} 费用。",
            ),
        )
    if template == "notice":
        return Fact(
            template,
            (s,),
            f"To cancel the {s}, give {n} days' notice in writing.",
            f"取消{s_zh}须提前{n}天书面通知。",
            f"取消 {s} 须提前{n}天书面通知。",
            [
                f"How many days' notice is needed to cancel the {s}?",
                f"What is the notice period for cancelling {_plural(s)}?",
            ],
            [f"取消{s_zh}要提前几天通知", f"{s}提前多久取消"],
            [f"{n} days", f"{n}天"],
            (
                f"A copy of each notice cancelling the {s} goes to the file.",
                f"取消{s_zh}的通知须存档一份。",
                f"取消 {s} 的通知须存档一份。",
            ),
        )
    if template == "hours":
        h1, h2 = rng.randint(6, 10), rng.randint(16, 22)
        return Fact(
            template,
            (pl,),
            f"The {pl} is open from {h1}:00 to {h2}:00 on weekdays.",
            f"{pl_zh}工作日开放时间为{h1}:00至{h2}:00。",
            f"{pl} 工作日开放时间为{h1}:00至{h2}:00。",
            [f"When is the {pl} open?", f"What are the opening hours of the {pl}?"],
            [f"{pl_zh}几点开门", f"{pl}开放时间是什么时候"],
            [f"{h1}:00"],
            (
                f"On public holidays the {pl} may change its opening hours.",
                f"节假日期间{pl_zh}开放时间可能调整。",
                f"节假日期间 {pl} 开放时间可能调整。",
            ),
        )
    if template == "capacity":
        return Fact(
            template,
            (pl,),
            f"The {pl} holds at most {n * 5} people at a time.",
            f"{pl_zh}同时最多容纳{n * 5}人。",
            f"{pl} 同时最多容纳{n * 5}人。",
            [f"How many people can the {pl} hold?", f"What is the capacity of the {pl}?"],
            [f"{pl_zh}能容纳多少人", f"{pl}最多进几个人"],
            [f"{n * 5} people", f"{n * 5}人"],
            (
                f"A sign at the door of the {pl} shows its capacity.",
                f"{pl_zh}门口张贴容纳人数标识。",
                f"{pl} 门口张贴容纳人数标识。",
            ),
        )
    if template == "approval":
        return Fact(
            template,
            (s,),
            f"Applications for the {s} are approved by the {t}.",
            f"{s_zh}的申请由{t_zh}审批。",
            f"{s} 的申请由 {t} 审批。",
            [f"Who approves applications for the {s}?", f"Which office approves {_plural(s)}?"],
            [f"{s_zh}由哪个部门审批", f"{s}找谁批"],
            [t, t_zh],
            (
                f"Whoever approves an application for the {s} signs the form.",
                f"审批{s_zh}申请的人须在表上签字。",
                f"审批 {s} 申请的人须在表上签字。",
            ),
        )
    raise ValueError(template)


TUNING_TEMPLATES = ("deposit", "warranty", "inspection", "repairs", "phone")
REPORT_TEMPLATES = ("fee", "notice", "hours", "capacity", "approval")
TUNING_LAYOUTS = ("english-md", "parallel-txt")
REPORT_LAYOUTS = ("parallel-docx", "mixed-md", "english-html")
MENTIONED = 2  # facts per document also named in a clause that does not state them
NAMES = ("Harbour", "Northgate", "Riverside", "Summit", "Lakeview", "Westfield", "Oakwood", "Pinecrest")
FILLER = [
    ("Both parties shall perform this agreement in good faith.", "双方应当诚实信用地履行本协议。"),
    ("Matters not covered here are settled by the parties through consultation.", "本协议未尽事宜，由双方协商解决。"),
    ("Staff shall keep records complete and accurate.", "工作人员应当保证记录完整、准确。"),
    ("Any change to this clause must be agreed in writing.", "本条款的任何变更须经书面同意。"),
    ("Violations are handled according to the relevant rules.", "违反规定的，按照有关规定处理。"),
    ("Each department shall designate a contact person.", "各部门应当指定一名联系人。"),
]


def facts_for(templates: tuple[str, ...], count: int, rng: random.Random, taken: set) -> list[Fact]:
    out: list[Fact] = []
    while len(out) < count:
        fact = make_fact(rng.choice(templates), rng)
        if (fact.template, fact.key) in taken:
            continue
        taken.add((fact.template, fact.key))
        out.append(fact)
    return out


def write_document(layout: str, name: str, facts: list[Fact], folder: Path, rng: random.Random) -> None:
    """Facts (a filler sentence beside each) in one layout; ``parallel-*`` state each clause in Chinese then English."""
    folder.mkdir(parents=True, exist_ok=True)
    clauses = []
    for fact in facts:
        en, zh = rng.choice(FILLER)
        first = rng.random() < 0.5
        clauses.append(
            (
                f"{fact.english} {en}" if first else f"{en} {fact.english}",
                f"{fact.chinese}{zh}" if first else f"{zh}{fact.chinese}",
                f"{fact.chinese_mixed}{zh}",
            )
        )
    # The first MENTIONED facts are named once more in a closing section, in a clause that does not state them
    # (a passage that merely mentions what is asked, in its own chunk).
    notes = [fact.mention for fact in facts[:MENTIONED] if fact.mention[0]]
    if layout == "english-md":
        lines = [f"# {name} Service Handbook", ""]
        for i, (en, _, _) in enumerate(clauses):
            if i % 3 == 0:
                lines += [f"## Part {i // 3 + 1}", ""]
            lines += [en, ""]
        if notes:
            lines += ["## General provisions", ""] + [line for en, _, _ in notes for line in (en, "")]
        (folder / f"{name}.md").write_text("\n".join(lines), encoding="utf-8")
    elif layout == "english-html":
        body = [f"<h1>{name} service guide</h1>"]
        for i, (en, _, _) in enumerate(clauses):
            if i % 3 == 0:
                body.append(f"<h2>Section {i // 3 + 1}</h2>")
            body.append(f"<p>{en}</p>")
        if notes:
            body += ["<h2>General provisions</h2>"] + [f"<p>{en}</p>" for en, _, _ in notes]
        html = f"<html><head><meta charset='utf-8'><title>{name}</title></head><body>{''.join(body)}</body></html>"
        (folder / f"{name}.html").write_text(html, encoding="utf-8")
    elif layout == "parallel-txt":
        lines = [f"{name}服务协议", f"{name} Service Agreement", ""]
        for i, (en, zh, _) in enumerate(clauses):
            lines += [f"第{i + 1}条", zh, "", f"Article {i + 1}", en, ""]
        for j, (en, zh, _) in enumerate(notes, len(clauses) + 1):
            lines += [f"第{j}条", zh, "", f"Article {j}", en, ""]
        (folder / f"{name}.txt").write_text("\n".join(lines), encoding="utf-8")
    elif layout == "parallel-docx":
        import docx

        document = docx.Document()
        document.add_heading(f"{name}服务合同 {name} Service Contract", level=1)
        for i, (en, zh, _) in enumerate(clauses):
            if i % 3 == 0:
                document.add_heading(f"第{i // 3 + 1}部分 Part {i // 3 + 1}", level=2)
            document.add_paragraph(zh)
            document.add_paragraph(en)
        if notes:
            document.add_heading("附则 General Provisions", level=2)
            for en, zh, _ in notes:
                document.add_paragraph(zh)
                document.add_paragraph(en)
        document.save(folder / f"{name}.docx")
    elif layout == "mixed-md":
        lines = [f"# {name} 服务说明", ""]
        for i, (_, _, mixed) in enumerate(clauses):
            if i % 3 == 0:
                lines += [f"## 第{i // 3 + 1}部分", ""]
            lines += [mixed, ""]
        if notes:
            lines += ["## 附则", ""] + [line for _, _, mixed in notes for line in (mixed, "")]
        (folder / f"{name}.md").write_text("\n".join(lines), encoding="utf-8")
    else:
        raise ValueError(layout)
