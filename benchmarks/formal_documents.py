"""Numbered documents' endings: is the closing block filed with the document, and the last section's own lines kept?

Run as ``python benchmarks/formal_documents.py`` (``--docs N`` documents per split, default 120; ``--seed``).

A notice, a regulation, a contract or a report ends with who issued it and when, an official document (GB/T 9704)
with its colophon ('抄送：…', '…印发'), a contract with signature lines. ``qa/structure/closing.py`` moves such a
block out of the last numbered section to the document; a last section's own facts (a deadline, a meeting time, a
contact line) must stay where they are. This benchmark generates numbered documents whose layout dimensions vary
independently, writes each as a real file (plain text, DOCX by python-docx, PDF by reportlab with the issuer and date
set flush right as official documents are), reads it with the product's loader and structure stage, and scores:

- **closing → document**: closing lines (issuer, date, colophon, signature) not under any numbered section;
- **own lines kept**: the last section's own closing-like lines (deadline, meeting time, contact, a short list)
  still under the last section;
- **para → top section**: every body paragraph under the right top-level numbered section (or the document);
- **docs all right**: documents where every scored paragraph is right.

Families are values of one dimension. HELD-OUT families (a document with any of them is a HELD-OUT document; the
rest are TUNING): closing ``contract`` and ``two-issuers-colophon``, own lines ``meeting``, numbering ``decimal``,
format ``pdf``. The closing rules (``MAX_ISSUER_LINES``, the date and signature patterns) were set before this
benchmark existed, on one 公文 PDF and hand-written tests, so both rows were first sight when it was written; tune
new rules on TUNING only. The baseline, in the same run, is the structure stage with the closing-block rule off
(``closing_length`` → 0, ``place_closing_block`` → identity).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]

import qa.structure as structure  # noqa: E402
import qa.structure.layout as layout  # noqa: E402
from benchmarks._numbered_docs import PdfLine, norm, rate, write_pdf  # noqa: E402
from qa.loading import load_file  # noqa: E402
from qa.structure import recover_outline  # noqa: E402

CN = "一二三四五六七八九十"
DIMENSIONS: dict[str, tuple[str, ...]] = {
    "kind": ("notice", "measures", "report", "contract"),
    "numbering": ("cn", "chapter", "decimal"),
    "closing": ("issuer-date", "two-issuers-colophon", "date-colophon", "contract", "special-notice"),
    "own": ("none", "deadline", "contact", "meeting", "items"),
    "format": ("txt", "docx", "pdf"),
}
HELD_OUT = {
    ("closing", "contract"),
    ("closing", "two-issuers-colophon"),
    ("own", "meeting"),
    ("numbering", "decimal"),
    ("format", "pdf"),
}
TOPICS = (
    "防汛抗旱",
    "安全生产",
    "档案管理",
    "公务接待",
    "消防安全",
    "招生考试",
    "食品安全",
    "数据安全",
    "志愿服务",
    "财务报销",
    "疫情防控",
    "科研经费",
    "校园网络",
    "实验室安全",
    "节能减排",
    "垃圾分类",
)
ORGS = (
    "某某市人民政府办公室",
    "某某区教育局",
    "某某大学保卫处",
    "某某县应急管理局",
    "某某市卫生健康委员会",
    "某某集团有限公司",
    "某某街道办事处",
    "某某学院教务处",
)
SECTION_NAMES = ("总体要求", "主要任务", "工作措施", "职责分工", "保障措施", "组织实施", "监督检查", "工作要求")
BODY = (
    "各单位要高度重视，加强组织领导，确保各项工作落到实处。",
    "相关记录应当完整、准确，并按规定归档保存。",
    "遇有特殊情况，应当及时请示报告，不得擅自处理。",
    "各部门应当结合实际制定具体实施细则，报办公室备案。",
    "对工作中表现突出的集体和个人，予以通报表扬。",
    "要建立健全工作台账，明确责任人和完成时限，实行销号管理。",
    "加强宣传引导，及时回应社会关切，营造良好氛围。",
    "严格落实值班值守制度，保持通信畅通，确保信息报送及时准确。",
    "财政部门要做好经费保障，专款专用，不得挤占挪用。",
    "定期开展督查，对发现的问题限期整改，整改不到位的严肃追责。",
)


@dataclass
class Line:
    text: str
    gold: str | None  # the top-level numbered heading it belongs under; "" = the document; None = not scored
    role: str = "body"  # body / heading / closing / own / title
    align: str = "left"

    def pdf(self) -> PdfLine:
        """The line as the PDF sets it: the issuer and date flush right, as official documents set them; headings in
        body type; a left-aligned paragraph's first line indented."""
        return PdfLine(self.text, self.role == "title", self.align, self.role == "body" and self.align == "left")


@dataclass
class Doc:
    name: str
    dims: dict[str, str]
    lines: list[Line] = field(default_factory=list)

    @property
    def held_out(self) -> bool:
        return any((d, v) in HELD_OUT for d, v in self.dims.items())


def _date(rng: random.Random) -> str:
    return f"2026年{rng.randint(1, 12)}月{rng.randint(1, 28)}日"


def _head(numbering: str, k: int, name: str, kind: str) -> str:
    if numbering == "cn":
        return f"{CN[k]}、{name}"
    if numbering == "chapter":
        return f"第{CN[k]}章　{name}"
    return f"{k + 1}. {name}" if kind != "contract" else f"第{CN[k]}条　{name}"


def _cn(n: int) -> str:
    """1..99 in Chinese numerals ('十二', '二十')."""
    tens, ones = divmod(n, 10)
    return (("" if tens < 2 else CN[tens - 1]) + ("十" if tens else "") + (CN[ones - 1] if ones else "")) or "零"


def _sub(numbering: str, k: int, j: int, clause: int, text: str) -> str:
    if numbering == "cn":
        return f"（{CN[j]}）{text}"
    if numbering == "chapter":
        return f"第{_cn(clause)}条　{text}"
    return f"{k + 1}.{j + 1} {text}"


def make_doc(i: int, rng: random.Random, want_held_out: bool) -> Doc:
    """One document whose dimensions are drawn independently; redrawn until its split is the one wanted."""
    while True:
        dims = {d: rng.choice(values) for d, values in DIMENSIONS.items()}
        if dims["kind"] == "contract":
            dims["closing"] = "contract" if rng.random() < 0.7 else dims["closing"]
        doc = Doc(f"doc{i:03d}", dims)
        if doc.held_out == want_held_out:
            break
    topic, org = rng.choice(TOPICS), rng.choice(ORGS)
    title = {
        "notice": f"关于做好2026年{topic}工作的通知",
        "measures": f"{org[2:]}{topic}管理办法",
        "report": f"关于{topic}工作情况的报告",
        "contract": f"{topic}服务合同",
    }[dims["kind"]]
    lines = doc.lines
    lines.append(Line(title, None, "title", "center"))
    if dims["kind"] in ("notice", "report"):
        lines.append(Line(rng.choice(("各区县人民政府，市政府各部门：", "各学院、各部门：", "市人民政府：")), ""))
    lines.append(
        Line(f"为进一步做好{topic}工作，{rng.choice(BODY)}现将有关事项{rng.choice(('通知', '规定', '报告'))}如下。", "")
    )
    names = rng.sample(SECTION_NAMES, rng.randint(3, 5))
    clause = 0
    for k, name in enumerate(names):
        head = _head(dims["numbering"], k, name, dims["kind"])
        lines.append(Line(head, None, "heading"))
        for j in range(rng.randint(1, 3)):
            clause += 1
            lines.append(Line(_sub(dims["numbering"], k, j, clause, "".join(rng.sample(BODY, 2))), head))
    last = lines[-1].gold
    own = dims["own"]
    if own == "deadline":
        lines.append(Line(f"{rng.choice(('报名截止日期', '材料报送时间', '申报截止时间'))}：{_date(rng)}", last, "own"))
    elif own == "contact":
        lines.append(Line(f"联系人：{rng.choice('王李张刘陈')}老师", last, "own"))
        lines.append(Line(f"联系电话：023-{rng.randint(60000000, 69999999)}", last, "own"))
    elif own == "meeting":
        lines.append(Line(f"会议时间：{_date(rng)}上午9:00", last, "own"))
        lines.append(
            Line(f"会议地点：{rng.choice(('行政楼三楼会议室', '市政府第二会议室', '图书馆报告厅'))}", last, "own")
        )
    elif own == "items":
        for item in rng.sample(("申请表", "身份证复印件", "工作方案", "经费预算表", "承诺书"), 3):
            lines.append(Line(item, last, "own"))
    closing = dims["closing"]
    if closing == "special-notice":
        lines.append(Line("特此通知。", None))
    if closing in ("issuer-date", "special-notice"):
        lines += [Line(org, "", "closing", "right"), Line(_date(rng), "", "closing", "right")]
    elif closing == "two-issuers-colophon":
        other = rng.choice([o for o in ORGS if o != org])
        lines += [
            Line(org, "", "closing", "right"),
            Line(other, "", "closing", "right"),
            Line(_date(rng), "", "closing", "right"),
            Line("（此件公开发布）", "", "closing"),
            Line(f"抄送：{rng.choice(('市委办公室', '市人大常委会办公室', '市纪委监委'))}。", "", "closing"),
            Line(f"{org}　{_date(rng)}印发", "", "closing"),
        ]
    elif closing == "date-colophon":
        lines += [
            Line(_date(rng), "", "closing", "right"),
            Line(f"抄送：{rng.choice(('各区县教育局', '市财政局', '市审计局'))}。", "", "closing"),
        ]
    elif closing == "contract":
        lines += [
            Line("甲方（盖章）：" + org, "", "closing"),
            Line("法定代表人（签字）：", "", "closing"),
            Line("乙方（盖章）：" + rng.choice(ORGS), "", "closing"),
            Line(f"签订日期：{_date(rng)}", "", "closing"),
        ]
    return doc


def write(doc: Doc, folder: Path) -> Path:
    fmt = doc.dims["format"]
    path = folder / f"{doc.name}.{fmt}"
    if fmt == "txt":
        path.write_text("\n\n".join(line.text for line in doc.lines) + "\n", encoding="utf-8")
    elif fmt == "docx":
        import docx
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        document = docx.Document()
        for line in doc.lines:
            p = document.add_paragraph()
            run = p.add_run(line.text)
            run.bold = line.role in ("title", "heading")
            p.alignment = {"center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT}.get(line.align)
        document.save(path)
    else:
        write_pdf(path, (line.pdf() for line in doc.lines))
    return path


@dataclass
class Tally:
    closing: list[bool] = field(default_factory=list)
    own: list[bool] = field(default_factory=list)
    body: list[bool] = field(default_factory=list)
    docs: list[bool] = field(default_factory=list)

    def row(self) -> str:
        return f"{rate(self.closing):>18} {rate(self.own):>18} {rate(self.body):>20} {rate(self.docs):>16}"


def score(doc: Doc, path: Path, tally: Tally) -> None:
    """Each scored line's top-level numbered section in the recovered outline against its gold one."""
    outline = recover_outline(load_file(path, path.name))
    heads = {norm(line.text): line.text for line in doc.lines if line.role == "heading"}
    title = norm(doc.lines[0].text)
    placed: dict[str, str | None] = {}
    for section in outline.sections:
        # the path below the title must be the numbered heading alone ('' for the document itself): a closing
        # block under a section named '报名截止日期：…' is as wrong as one under '三、…'
        below = [norm(t) for t in section.path if norm(t) != title]
        top = "" if not below else heads.get(below[0]) if len(below) == 1 else None
        for k in section.paragraphs:
            placed.setdefault(norm(outline.paragraphs[k].text), top)
    ok_doc = True
    for line in doc.lines:
        if line.gold is None:
            continue
        key = norm(line.text)
        # a line merged with a neighbour is scored by the paragraph holding it
        got = placed[key] if key in placed else next((top for text, top in placed.items() if key in text), None)
        right = got == line.gold
        ok_doc &= right
        {"closing": tally.closing, "own": tally.own}.get(line.role, tally.body).append(right)
    tally.docs.append(ok_doc)


def _without_closing_rule():
    """The structure stage with the closing-block rule off: the baseline."""
    saved = (structure.place_closing_block, layout.closing_length)
    structure.place_closing_block = lambda outline: outline
    layout.closing_length = lambda texts: 0
    return saved


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=120, help="documents per split (default 120)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    splits = {
        "TUNING": [make_doc(i, rng, False) for i in range(args.docs)],
        "HELD-OUT": [make_doc(1000 + i, rng, True) for i in range(args.docs)],
    }
    results: dict[tuple[str, str], Tally] = {}
    by_family: dict[tuple[str, str, str], Tally] = {}
    with tempfile.TemporaryDirectory() as tmp:
        paths = {}
        for split, docs in splits.items():
            print(f"writing {len(docs)} {split} documents", file=sys.stderr)
            paths[split] = [write(doc, Path(tmp)) for doc in docs]
        for solver in ("baseline: no closing rule", "closing rule (main)"):
            saved = _without_closing_rule() if solver.startswith("baseline") else None
            try:
                for split, docs in splits.items():
                    print(f"{solver}: {split}", file=sys.stderr)
                    tally = results.setdefault((solver, split), Tally())
                    for doc, path in zip(docs, paths[split], strict=True):
                        score(doc, path, tally)
                        if not solver.startswith("baseline"):
                            for d, v in doc.dims.items():
                                score(doc, path, by_family.setdefault((split, d, v), Tally()))
            finally:
                if saved:
                    structure.place_closing_block, layout.closing_length = saved
    print(f"\nNumbered documents' endings — {args.docs} documents per split, seed {args.seed}")
    print(
        f"{'solver':<28} {'split':<9} {'closing → document':>18} {'own lines kept':>18} "
        f"{'para → top section':>20} {'docs all right':>16}"
    )
    for (solver, split), tally in results.items():
        print(f"{solver:<28} {split:<9} {tally.row()}")
    print("\nBy family (closing rule; a HELD-OUT family's rows are in HELD-OUT only)")
    for (split, d, v), tally in sorted(by_family.items()):
        print(f"{split:<9} {d + '=' + v:<32} {tally.row()}")


if __name__ == "__main__":
    main()
