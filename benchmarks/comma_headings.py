"""Numbered headings with a comma ('（一）坚持稳中求进，经济运行持续向好') against numbered items that are sentences.

Run as ``python benchmarks/comma_headings.py`` (``--docs N`` documents per split, default 60; ``--seed``).

A government work report heads most of its '（一）' sections with two parallel phrases split by a comma; a notice
numbers its points as sentences ('1．各单位要高度重视，加强组织领导，确保落实。'). The readers used to reject every
numbered line holding a comma, so the report's sections were filed under the heading before them. This benchmark
generates numbered documents whose dimensions vary independently, writes each as a real file (plain text, DOCX by
python-docx, PDF by reportlab with the headings in body type, as a 公文 sets them), reads it with the product's loader
and structure stage, and scores:

- **para → section**: every body paragraph and list item under its gold deepest heading;
- **heads found**: gold numbered headings that open a section named by them;
- **items kept**: numbered list items that open no section of their own;
- **docs all right**: documents where all of the above hold.

Families are values of one dimension. HELD-OUT families (a document with any of them is a HELD-OUT document; the rest
are TUNING): titles ``comma-three`` (three phrases), items ``semicolon`` (items ending '；'), format ``docx-plain``
(Word headings not bold). Choose rules on TUNING only.
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

from benchmarks._numbered_docs import PdfLine, norm, rate, write_pdf  # noqa: E402
from qa.loading import load_file  # noqa: E402
from qa.structure import recover_outline  # noqa: E402

CN = "一二三四五六七八九十"
DIMENSIONS: dict[str, tuple[str, ...]] = {
    "titles": ("plain", "comma", "comma-long", "comma-three", "mixed"),
    "items": ("none", "period", "open", "semicolon"),
    "depth": ("two", "three"),
    "format": ("txt", "docx-bold", "docx-plain", "pdf"),
}
HELD_OUT = {("titles", "comma-three"), ("items", "semicolon"), ("format", "docx-plain")}
TOP = ("年度工作回顾", "主要目标任务", "重点工作安排", "保障措施", "总体要求", "加强自身建设", "工作要求", "组织实施")
SHORT = (
    "坚持稳中求进",
    "经济运行持续向好",
    "坚持民生为本",
    "群众获得感不断增强",
    "深化改革开放",
    "增强发展内生动力",
    "强化创新驱动",
    "产业结构不断优化",
    "统筹城乡发展",
    "乡村振兴扎实推进",
    "守牢安全底线",
    "社会大局和谐稳定",
    "聚焦主责主业",
    "提升服务效能",
    "压实工作责任",
    "形成工作合力",
)
LONG = (
    "着力扩大国内需求和有效投资",
    "推动经济实现质的有效提升",
    "加快建设现代化产业体系步伐",
    "持续优化营商环境和政务服务",
    "扎实推进生态环境保护与修复",
    "切实保障和改善人民群众生活",
    "统筹推进新型城镇化和乡村全面振兴",
    "全面提升城市治理现代化水平",
)
PLAIN = (
    "全力扩大有效需求",
    "加快建设现代化产业体系",
    "持续改善生态环境",
    "着力保障和改善民生",
    "深入推进依法行政",
    "统筹发展和安全",
    "提升城市功能品质",
    "推进乡村全面振兴",
)
BODY = (
    "全年地区生产总值完成1286.4亿元，同比增长6.2%，一般公共预算收入增长5.1%。",
    "新建改扩建中小学和幼儿园23所，新增学位1.8万个，城镇新增就业2.6万人。",
    "实施重大项目312个，年度计划投资680亿元，加快建设城际铁路。",
    "坚持把党的政治建设摆在首位，严格落实过紧日子要求，一般性支出压减10%以上。",
    "新建5G基站1200个，建成市级算力中心一期工程，数字经济核心产业增加值占比提高到9%。",
    "各单位要高度重视，加强组织领导，确保各项工作落到实处。",
    "加强宣传引导，及时回应社会关切，营造良好氛围。",
)
ITEMS = (
    "各单位要高度重视，加强组织领导",
    "严格落实值班值守制度，保持通信畅通",
    "财政部门要做好经费保障，专款专用",
    "定期开展督查，对发现的问题限期整改",
    "新增城镇就业2.6万人，城镇调查失业率控制在5.0%以内",
    "完善工作台账，明确责任人和完成时限",
)


@dataclass
class Line:
    text: str
    gold: str | None  # the deepest heading this line belongs under ('' = the document itself); None: not scored
    role: str = "body"  # title, heading, item, body

    def pdf(self) -> PdfLine:
        """The line as the PDF sets it: headings in body type, as a 公文 sets them; the title centred; a paragraph's
        and an item's first line indented."""
        title = self.role == "title"
        return PdfLine(self.text, title, "center" if title else "left", self.role in ("body", "item"))


@dataclass
class Doc:
    name: str
    dims: dict[str, str]
    lines: list[Line] = field(default_factory=list)

    @property
    def held_out(self) -> bool:
        return any((d, v) in HELD_OUT for d, v in self.dims.items())


def _title(kind: str, rng: random.Random) -> str:
    if kind == "mixed":
        kind = rng.choice(("plain", "comma"))
    if kind == "plain":
        return rng.choice(PLAIN)
    if kind == "comma":
        return "，".join(rng.sample(SHORT, 2))
    if kind == "comma-long":
        return "，".join(rng.sample(LONG, 2))
    return "，".join(rng.sample(SHORT, 3))


def _items(kind: str, rng: random.Random, numbers: list[str]) -> list[str]:
    end = {"period": "。", "open": "", "semicolon": "；"}[kind]
    # a figure of its own in each line: a text repeated elsewhere in the document could not be scored
    picked = [f"{text}，涉及{rng.randint(10, 9999)}户" for text in rng.sample(ITEMS, len(numbers))]
    return [
        f"{n}{text}{end if k < len(numbers) - 1 or kind != 'semicolon' else '。'}"
        for k, (n, text) in enumerate(zip(numbers, picked, strict=True))
    ]


def _body(rng: random.Random) -> str:
    return f"{rng.choice(BODY)}本项涉及{rng.randint(10, 99999)}个单位。"


def make_doc(i: int, rng: random.Random, want_held_out: bool) -> Doc:
    """One document whose dimensions are drawn independently; redrawn until its split is the one wanted."""
    while True:
        dims = {d: rng.choice(values) for d, values in DIMENSIONS.items()}
        doc = Doc(f"doc{i:03d}", dims)
        if doc.held_out == want_held_out:
            break
    lines = doc.lines
    lines.append(Line(rng.choice(("政府工作报告", "2025年工作总结", "关于2025年重点工作的报告")), None, "title"))
    lines.append(Line(_body(rng), ""))
    for k, top in enumerate(rng.sample(TOP, rng.randint(2, 3))):
        head = f"{CN[k]}、{top}"
        lines.append(Line(head, None, "heading"))
        lines.append(Line(_body(rng), head))
        for j in range(rng.randint(2, 3)):
            sub = f"（{CN[j]}）{_title(dims['titles'], rng)}"
            lines.append(Line(sub, None, "heading"))
            lines.append(Line(_body(rng), sub))
            deepest = sub
            if dims["depth"] == "three" and rng.random() < 0.5:
                for m in range(2):
                    third = f"{m + 1}.{rng.choice(PLAIN)}"
                    lines.append(Line(third, None, "heading"))
                    lines.append(Line(_body(rng), third))
                    deepest = third
            if dims["items"] != "none" and rng.random() < 0.6:
                n = rng.randint(2, 3)
                numbers = (
                    [f"（{m + 1}）" for m in range(n)] if dims["depth"] == "three" else [f"{m + 1}．" for m in range(n)]
                )
                for item in _items(dims["items"], rng, numbers):
                    lines.append(Line(item, deepest, "item"))
                if rng.random() < 0.5:
                    lines.append(Line(_body(rng), deepest))
    return doc


def write(doc: Doc, folder: Path) -> Path:
    fmt = doc.dims["format"]
    path = folder / f"{doc.name}.{fmt.split('-')[0]}"
    if fmt == "txt":
        path.write_text("\n\n".join(line.text for line in doc.lines) + "\n", encoding="utf-8")
    elif fmt.startswith("docx"):
        import docx
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Pt

        document = docx.Document()
        for line in doc.lines:
            p = document.add_paragraph()
            run = p.add_run(line.text)
            run.font.size = Pt(22 if line.role == "title" else 16)
            run.bold = line.role == "title" or (line.role == "heading" and fmt == "docx-bold")
            if line.role == "title":
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        document.save(path)
    else:
        write_pdf(path, (line.pdf() for line in doc.lines))
    return path


@dataclass
class Tally:
    para: list[bool] = field(default_factory=list)
    heads: list[bool] = field(default_factory=list)
    items: list[bool] = field(default_factory=list)
    docs: list[bool] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in ("para", "heads", "items", "docs"):
            getattr(self, name).extend(getattr(other, name))

    def row(self) -> str:
        return f"{rate(self.para):>18} {rate(self.heads):>18} {rate(self.items):>16} {rate(self.docs):>14}"


def score(doc: Doc, path: Path, tally: Tally) -> None:
    """Each scored line's deepest section in the recovered outline against its gold heading."""
    outline = recover_outline(load_file(path, path.name))
    title = norm(doc.lines[0].text)
    placed: dict[str, str] = {}
    section_names: set[str] = set()
    for section in outline.sections:
        below = [norm(t) for t in section.path if norm(t) != title]
        section_names.update(below)
        for k in section.paragraphs:
            placed.setdefault(norm(outline.paragraphs[k].text), below[-1] if below else "")
    ok = True
    for line in doc.lines:
        key = norm(line.text)
        if line.role == "heading":
            right = key in section_names
            tally.heads.append(right)
        elif line.role == "item":
            right = key not in section_names
            tally.items.append(right)
        else:
            right = True
        if line.gold is not None:
            # a line merged with a neighbour is scored by the paragraph holding it, a line broken in two (a PDF
            # paragraph split at a wrapped line: not this benchmark's subject) by the paragraph holding its start
            got = placed.get(key) or next(
                (top for text, top in placed.items() if key in text or (len(text) > 8 and key.startswith(text))), None
            )
            tally.para.append(got == norm(line.gold))
            right &= got == norm(line.gold)
        ok &= right
    tally.docs.append(ok)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=60, help="documents per split (default 60)")
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    splits = {
        "TUNING": [make_doc(i, rng, False) for i in range(args.docs)],
        "HELD-OUT": [make_doc(1000 + i, rng, True) for i in range(args.docs)],
    }
    results: dict[str, Tally] = {}
    by_family: dict[tuple[str, str, str], Tally] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for split, docs in splits.items():
            print(f"{split}: {len(docs)} documents", file=sys.stderr)
            for doc in docs:
                path = write(doc, Path(tmp))
                one = Tally()
                score(doc, path, one)
                for tally in [results.setdefault(split, Tally())] + [
                    by_family.setdefault((split, d, v), Tally()) for d, v in doc.dims.items()
                ]:
                    tally.add(one)
    print(f"\nNumbered headings with commas — {args.docs} documents per split, seed {args.seed}")
    print(f"{'split':<9} {'para → section':>18} {'heads found':>18} {'items kept':>16} {'docs right':>14}")
    for split, tally in results.items():
        print(f"{split:<9} {tally.row()}")
    print("\nBy family (a HELD-OUT family's rows are in HELD-OUT only)")
    for (split, d, v), tally in sorted(by_family.items()):
        print(f"{split:<9} {d + '=' + v:<22} {tally.row()}")


if __name__ == "__main__":
    main()
