"""A numbered document's last lines: its own facts and lists stay in the last section, the closing goes to the document,
and no numbered clause is moved out of the chapter its number puts it in (benchmarks/formal_documents.py measures
the same on generated documents)."""

from __future__ import annotations

import random
from pathlib import Path

import docx
import pytest

from qa.loading import load_file
from qa.structure import recover_outline

CLAUSES = [
    "财政部门要做好经费保障，专款专用，不得挤占挪用。对工作中表现突出的集体和个人，予以通报表扬。",
    "定期开展督查，对发现的问题限期整改，整改不到位的严肃追责。各部门应当结合实际制定具体实施细则，报办公室备案。",
    "对工作中表现突出的集体和个人，予以通报表扬。各单位要高度重视，加强组织领导，确保各项工作落到实处。",
    "严格落实值班值守制度，保持通信畅通，确保信息报送及时准确。遇有特殊情况，应当及时请示报告，不得擅自处理。",
    "遇有特殊情况，应当及时请示报告，不得擅自处理。对工作中表现突出的集体和个人，予以通报表扬。",
    "各单位要高度重视，加强组织领导，确保各项工作落到实处。对工作中表现突出的集体和个人，予以通报表扬。",
    "要建立健全工作台账，明确责任人和完成时限，实行销号管理。定期开展督查，对发现的问题限期整改，整改不到位的严肃追责。",
]
CN = "一二三四五六七八九十"


def _path_of(outline, needle: str) -> tuple[str, ...]:
    for section in outline.sections:
        for k in section.paragraphs:
            if needle in outline.paragraphs[k].text:
                return section.path
    raise AssertionError(f"{needle!r} is in no section")


def _outline(path: Path):
    return recover_outline(load_file(path, path.name))


def _regulation(chapters: list[int], tail: list[str], closing: list[str]) -> tuple[list[str], dict[str, str]]:
    """Lines of a plain-text regulation: chapters of ``chapters[k]`` clauses; gold chapter of every clause."""
    lines = ["某某区教育局防汛抗旱管理办法", "为进一步做好防汛抗旱工作，现将有关事项规定如下。"]
    gold, n = {}, 0
    for k, count in enumerate(chapters):
        chapter = f"第{CN[k]}章　{('总体要求', '工作要求', '组织实施', '保障措施')[k]}"
        lines.append(chapter)
        for _ in range(count):
            lines.append(f"第{CN[n]}条　{CLAUSES[n % len(CLAUSES)]}")
            gold[f"第{CN[n]}条"] = chapter.split("　")[0]
            n += 1
    return lines + tail + closing, gold


@pytest.mark.parametrize(
    "closing", [["2026年9月11日", "抄送：各区县教育局。"], ["某某区教育局", "2026年9月11日"], ["2026年9月11日"]]
)
def test_no_clause_is_moved_out_of_its_chapter(tmp_path: Path, closing: list[str]) -> None:
    """'第七条' shared words with '第二条' and was stitched under 第一章 as 'moved text' below the last chapter."""
    lines, gold = _regulation([2, 3, 2], [], closing)
    path = tmp_path / "reg.txt"
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    outline = _outline(path)
    for clause, chapter in gold.items():
        assert any(t.startswith(chapter) for t in _path_of(outline, clause)), (clause, _path_of(outline, clause))
    assert all(s.tail == s.head + 1 for s in outline.stitches), outline.stitches


@pytest.mark.parametrize(
    "tail",
    [
        ["报名截止日期：2026年3月1日"],
        ["联系人：王老师", "联系电话：023-65432100"],
        ["申请表", "身份证复印件", "承诺书"],
    ],
)
def test_last_sections_own_lines_stay_and_are_no_headings(tmp_path: Path, tail: list[str]) -> None:
    """A deadline, a contact or a list after the last clause is that chapter's text, not a section of its own that the
    issuer and date would then be filed under."""
    lines, _ = _regulation([2, 2, 2], tail, ["某某区教育局", "2026年9月11日"])
    path = tmp_path / "notice.txt"
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    outline = _outline(path)
    for line in tail:
        path_of = _path_of(outline, line)
        assert path_of[-1].startswith("第三章"), (line, path_of)
    for line in ("某某区教育局", "2026年9月11日"):
        path_of = _path_of(outline, line)
        assert not any(t.startswith("第") or t in tail for t in path_of), (line, path_of)


def test_annex_heading_still_opens_a_part(tmp_path: Path) -> None:
    lines, _ = _regulation([2, 2], ["附件1", "学生安全责任书", "本人自愿遵守学校安全管理规定，服从管理。"], [])
    path = tmp_path / "with_annex.txt"
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    outline = _outline(path)
    assert any("附件1" in t for t in _path_of(outline, "本人自愿遵守"))


@pytest.mark.parametrize("items", [["申请表", "承诺书", "工作方案"], ["经费预算表", "承诺书"]])
def test_a_list_above_the_issuer_is_not_the_issuer(tmp_path: Path, items: list[str]) -> None:
    """Two issuers may sign over the date, but three short lines are a list: only the organisation's name moves."""
    document = docx.Document()
    for line in ["关于做好2026年安全生产工作的通知", "各区县人民政府，市政府各部门：", "现将有关事项通知如下。"]:
        document.add_paragraph(line)
    for k, name in enumerate(("总体要求", "主要任务", "组织实施")):
        document.add_paragraph().add_run(f"{CN[k]}、{name}").bold = True
        document.add_paragraph(f"（一）{CLAUSES[k]}")
    document.add_paragraph("需提交以下材料：")
    for item in [*items, "某某区教育局", "2026年8月11日"]:
        document.add_paragraph(item)
    path = tmp_path / "notice.docx"
    document.save(path)
    outline = _outline(path)
    for item in items:
        assert _path_of(outline, item)[-1] == "三、组织实施", (item, _path_of(outline, item))
    for line in ("某某区教育局", "2026年8月11日"):
        assert not any("、" in t for t in _path_of(outline, line)), (line, _path_of(outline, line))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_novels_chapters_keep_their_paragraphs(tmp_path: Path, seed: int) -> None:
    """第N回 heads a chapter like 第N章: a poem's lines ending in '，' switched on newspaper stitching, and paragraphs
    made of the same stock phrases were moved into earlier chapters."""
    rng = random.Random(seed)
    stock = [
        "众人听了，都笑了起来。",
        "窗外的雨越下越大，打在芭蕉叶上沙沙作响。",
        "他低头想了半晌，终究没有说话。",
        "此时天色已晚，街上的灯笼一盏一盏亮了起来。",
        "说话间，外头又进来两个人，一个穿青，一个穿白。",
        "那茶是今年的新茶，香气扑鼻。",
        "两人又谈了些诗文上的事，不觉已是三更时分。",
    ]
    lines, gold = ["江南旧梦录"], {}
    for k, (place, person) in enumerate([("秦淮", "周福"), ("苏州", "沈氏"), ("扬州", "汪翁"), ("金陵", "慧明")]):
        chapter = f"第{CN[k]}回 {place}城{person}夜话 旧友重逢说前事"
        lines.append(chapter)
        for j in range(12):
            if j == 8:
                lines += [
                    "　　有诗为证：",
                    "　　烟笼寒水月笼沙，",
                    "　　夜泊秦淮近酒家。",
                    "　　商女不知亡国恨，",
                    "　　隔江犹唱后庭花。",
                ]
            text = "".join(rng.sample(stock, 4)) if j % 4 else f"{person}在{place}说起旧事。{rng.choice(stock)}"
            lines.append("　　" + text)
            gold.setdefault(text, chapter)
        lines.append("　　毕竟后事如何，且听下回分解。")
    path = tmp_path / "novel.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    outline = _outline(path)
    for text, chapter in gold.items():
        assert _path_of(outline, text)[-1] == chapter, (text, _path_of(outline, text))


@pytest.mark.parametrize("credit", ["清·无名氏 著", "[英]狄更斯 著　张三 译", "作者：王小波"])
def test_a_books_author_line_is_no_level_of_its_chapters(tmp_path: Path, credit: str) -> None:
    lines = ["江南旧梦录", credit]
    for k in range(3):
        lines += [f"第{CN[k]}回 旧友重逢说前事之{CN[k]}", f"这是第{CN[k]}回的正文。{CLAUSES[k]}", CLAUSES[k + 1]]
    path = tmp_path / "book.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    outline = _outline(path)
    for k in range(3):
        path_of = _path_of(outline, f"这是第{CN[k]}回的正文")
        assert path_of[-1].startswith(f"第{CN[k]}回") and credit not in path_of, path_of


def test_a_label_title_heading_over_its_text_stays_a_heading(tmp_path: Path) -> None:
    """'案例一：某化工厂爆炸事故' heads the account under it; only a label：value line with no text below is a fact."""
    lines, _ = _regulation([2, 2], [], [])
    lines += ["第三章　典型案例", "案例一：某化工厂爆炸事故", f"2025年某化工厂违规动火引发爆炸。{CLAUSES[0]}",
              "案例二：某仓库火灾事故", f"2025年某仓库电线老化短路起火。{CLAUSES[1]}"]  # fmt: skip
    path = tmp_path / "cases.txt"
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    outline = _outline(path)
    assert _path_of(outline, "违规动火")[-1] == "案例一：某化工厂爆炸事故"
    assert _path_of(outline, "电线老化")[-1] == "案例二：某仓库火灾事故"


def test_a_reports_list_does_not_make_its_headings_text(tmp_path: Path) -> None:
    """A '1. 2. 3.' list of aims in a report is no numbered outline: its un-numbered headings stay headings."""
    text = (
        "2025年度城市绿化工作总结\n\n今年我市绿化工作围绕三个目标展开：\n"
        "1. 扩大绿地面积\n2. 提升公园品质\n3. 完善绿道网络\n\n"
        "扩大绿地面积\n全年新增城市绿地一千二百公顷，建成区绿化覆盖率达到百分之四十三。\n\n"
        "专家点评：绿道建设要重连通\n市园林局总工程师认为，绿道建设的关键在于连通性，今后应当把分散的绿道连成网络。\n\n"
        "完善绿道网络\n新建绿道三百公里，串联起主要公园和滨江岸线。\n"
    )
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    assert _path_of(_outline(path), "关键在于连通性")[-1] == "专家点评：绿道建设要重连通"


def test_a_numbered_heading_is_no_author_credit(tmp_path: Path) -> None:
    """'3.1 整理' (the 5S rule's first S) is a numbered heading, not a credit like '张三 整理'."""
    text = "车间5S管理制度\n\n1. 目的\n\n为规范生产现场管理，特制定本制度。\n\n2. 管理内容\n\n"
    text += "".join(
        f"2.{k} {w}\n\n{w}现场物品，做到规范有序，每日检查。\n\n" for k, w in enumerate(["整理", "整顿", "清扫"], 1)
    )
    path = tmp_path / "fives.txt"
    path.write_text(text, encoding="utf-8")
    outline = _outline(path)
    for k, w in enumerate(["整理", "整顿", "清扫"], 1):
        assert _path_of(outline, f"{w}现场物品")[-1] == f"2.{k} {w}"
