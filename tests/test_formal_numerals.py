"""Formal numerals (壹、貳、參 …) head the top parts of many Taiwanese and older documents, over 一、 and （一）;
traditional characters name parts 第一節 and clauses 第一條. Read as unnumbered lines, '伍、經費來源' was filed under
'肆、實施內容', and the document's title fell out of every path after '肆'. The same outline in plain text, Word and
HTML must give the same nesting."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.loading import load_file
from qa.structure import recover_outline

PLAN = [
    ("壹、計畫目的", ["為提升本市資源回收率，減少垃圾產生量，特訂定本計畫。"]),
    ("貳、辦理單位", ["一、主辦單位：臺北市政府環境保護局。", "二、協辦單位：本市各區公所。"]),
    ("肆、實施內容", []),
    ("一、家戶資源回收", ["（一）每週一、二、四晚間，由垃圾車隨車收取資源回收物。"]),
    ("二、獎勵措施", ["（一）回收績優里可獲頒獎金新臺幣五萬元。"]),
    ("伍、經費來源", ["本計畫所需經費新臺幣一千二百萬元，由本局年度預算支應。"]),
    ("陸、預期效益", ["預計全市資源回收率達百分之六十二。"]),
]
TITLE = "資源回收推動實施計畫"


def _write(kind: str, folder: Path) -> Path:
    if kind == "txt":
        lines = [TITLE, ""]
        for head, body in PLAN:
            lines += [head, *body, ""]
        path = folder / "plan.txt"
        path.write_bytes("\n".join(lines).encode("big5"))
        return path
    if kind == "docx":
        import docx

        d = docx.Document()
        d.add_paragraph(TITLE, style="Title")
        for head, body in PLAN:
            d.add_paragraph().add_run(head).bold = True
            for text in body:
                d.add_paragraph(text)
        path = folder / "plan.docx"
        d.save(str(path))
        return path
    body = "".join(f"<p><b>{head}</b></p>" + "".join(f"<p>{t}</p>" for t in text) for head, text in PLAN)
    path = folder / "plan.html"
    path.write_text(f"<html><head><title>{TITLE}</title></head><body><h1>{TITLE}</h1>{body}</body></html>", "utf-8")
    return path


def _paths(path: Path) -> dict[str, tuple[str, ...]]:
    """Each body paragraph's section path, without the document title (readers place it differently)."""
    outline = recover_outline(load_file(path))
    return {
        outline.paragraphs[i].text: tuple(p for p in sec.path if p != TITLE)
        for sec in outline.sections
        for i in sec.paragraphs
    }


@pytest.mark.parametrize("kind", ["txt", "docx", "html"])
def test_formal_numerals_are_siblings_over_chinese_numbers(tmp_path, kind):
    paths = _paths(_write(kind, tmp_path))
    assert paths["本計畫所需經費新臺幣一千二百萬元，由本局年度預算支應。"] == ("伍、經費來源",)
    assert paths["預計全市資源回收率達百分之六十二。"] == ("陸、預期效益",)
    assert paths["（一）回收績優里可獲頒獎金新臺幣五萬元。"] == ("肆、實施內容", "二、獎勵措施")
    assert paths["一、主辦單位：臺北市政府環境保護局。"] == ("貳、辦理單位",)


def test_traditional_section_and_clause_words_rank_as_simplified_ones(tmp_path):
    """In a Word file without heading styles only numbered lines head sections: '第二節', '第二條' must be numbered."""
    import docx

    d = docx.Document()
    for line in (
        "第一章 總則",
        "第一節 適用範圍",
        "第一條 目的",
        "為規範檔案管理，特訂定本辦法。",
        "第二節 名詞定義",
        "第二條 檔案",
        "本辦法所稱檔案，指各機關處理公務所產生之文字資料。",
    ):
        d.add_paragraph(line)
    d.save(str(tmp_path / "rules.docx"))
    paths = _paths(tmp_path / "rules.docx")
    expected = ("第一章 總則", "第二節 名詞定義", "第二條 檔案")
    assert paths["本辦法所稱檔案，指各機關處理公務所產生之文字資料。"] == expected
