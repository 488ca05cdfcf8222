"""A document's last words carried onto a page of their own, printed with a browser's narrow margins.

Chromium prints with about 1 cm of margin, so a page's first and last rows of text stand in the bands where a
newspaper's banner and a report's footer stand; a short last page holding a regulation's last article or a
notice's issuer and date was read as a banner (it has a date) and lost (qa.formats.pdf.spilled gives it back).
The negative case: a report whose last page holds nothing but its running header and footer reads none of them.
"""

from __future__ import annotations

from pathlib import Path

from qa.formats.pdf import read_pdf

# (A page break inside running text drops the next paragraph's top margin; a forced break keeps it unless told.)
STYLE = "body { font-family: 'WenQuanYi Micro Hei'; font-size: 12pt } .next { break-before: page; margin-top: 0 }"
ITEM = "各单位要落实防汛责任制，预案须于汛前完成演练，并将演练记录报区应急管理局备案，确保责任到人、措施到位。"


def _print(browser, body: str, path: Path, *, header_footer: bool = False) -> Path:  # noqa: ANN001 - playwright
    page = browser.new_page()
    try:
        page.set_content(f"<!DOCTYPE html><html><head><meta charset='utf-8'><style>{STYLE}</style></head>{body}</html>")
        page.pdf(
            path=str(path), format="A4", display_header_footer=header_footer, margin={"top": "1cm", "bottom": "1cm"}
        )
    finally:
        page.close()
    return path


def _text(path: Path) -> str:
    return "".join(read_pdf(path, path.name).text.split())


def test_a_laws_last_article_alone_on_the_last_page_is_read(browser, tmp_path: Path) -> None:
    paras = ["中华人民共和国示范管理法"] + [f"第{n}条　{ITEM}" for n in range(1, 9)]
    body = "".join(f"<p>{p}</p>" for p in paras)
    body += "<p class='next'>附　　则</p><p>第九条　本法自2024年7月1日起施行。</p>"
    text = _text(_print(browser, body, tmp_path / "law.pdf"))
    assert "附则" in text
    assert "第九条本法自2024年7月1日起施行。" in text


def test_a_notices_issuer_and_date_alone_on_the_last_page_are_read(browser, tmp_path: Path) -> None:
    body = "<h1>关于做好2025年防汛工作的通知</h1>" + "".join(f"<p>{n}. {ITEM}</p>" for n in range(1, 9))
    body += "<p class='next'>区应急管理局　2025年4月1日</p>"
    assert "区应急管理局2025年4月1日" in _text(_print(browser, body, tmp_path / "notice.pdf"))


def test_chromiums_header_and_footer_on_a_short_last_page_stay_out(browser, tmp_path: Path) -> None:
    # (the page's title in the header, its address and 'n/m' in the footer, on every page: furniture, even on a
    # last page that holds one short line besides them)
    body = "<head><title>防汛工作通知</title></head><p>" + ITEM * 3 + "</p><p class='next'>联系人：王伟</p>"
    text = _text(_print(browser, body, tmp_path / "headed.pdf", header_footer=True))
    assert "联系人：王伟" in text
    assert "防汛工作通知" not in text and "2/2" not in text


def test_a_reports_last_page_of_header_and_footer_only_reads_nothing(fonts, tmp_path: Path) -> None:  # noqa: ARG001
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "report.pdf"
    width, height = A4
    c = canvas.Canvas(str(path), pagesize=A4)
    for n in (1, 2, 3):
        c.setFont("STSong-Light", 12)
        c.drawString(40, height - 30, "某某市数据管理局 2025年度数据安全工作报告 2025年4月1日")
        c.drawCentredString(width / 2, 25, f"第 {n} 页 共 3 页")
        for row in range(40 if n < 3 else 0):
            c.drawString(40, height - 80 - 18 * row, f"第{n}页第{row}行：" + ITEM[:30])
        c.showPage()
    c.save()
    text = _text(path)
    assert "第2页第39行" in text
    assert "数据安全工作报告" not in text and "共3页" not in text


def test_a_sites_date_line_under_its_navigation_row_stays_furniture(browser, tmp_path: Path) -> None:
    """Negative (review3): a news site's masthead sets its date line right under its navigation row in the body's
    type, at the text's pitch; it is no text of the article (it would match every question about a date)."""
    body = (
        "<div style='line-height:1.5'>江城新闻网　首页　本地　财经　体育<br>"
        "2024年3月1日　星期五　农历正月廿一　晴　12℃</div>"
        "<h1>我市今年将新建12所中小学</h1>"
        f"<p>记者从市教育局获悉，今年我市将新建12所中小学，新增学位1.5万个。{ITEM}</p>"
    )
    text = _text(_print(browser, body, tmp_path / "news.pdf"))
    assert "新建12所中小学" in text
    assert "农历正月廿一" not in text
