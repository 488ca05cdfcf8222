"""A PDF whose Chinese font is not embedded reads the same whatever CJK face the machine has.

reportlab's STSong-Light (like many producers' CID fonts) is named in the PDF, not carried in it: pdfium draws it with
the CJK face it finds on the machine — AR PL UMing on one, Noto CJK, WenQuanYi Zen Hei, Droid Sans Fallback, or none
at all on another — and each face's glyphs stand above or beside the font's stated box by their own amount. The reader
measured its lines by those glyphs, so a line of small type set close over a headline (a date line, a kicker) was the
headline's kicker on one machine and a line of text on another, and a citation pointed at another paragraph. Each
PDF here is read in a process of its own whose pdfium knows only one private font folder (tests/font_substitutes.py;
the faces from scripts/install-font-substitutes.sh), and must give the sections, headings and paragraphs it gives as
this machine reads it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.font_substitutes import read_under, substitute_folders
from tests.test_pdf_flag_ears import MARGIN as EAR_MARGIN
from tests.test_pdf_flag_ears import _front

PAGE_W, PAGE_H = 800.0, 1000.0
MARGIN, GUTTER, BODY, LEADING = 40.0, 12.0, 10.0, 15.0
COLUMNS = 4
COL_W = (PAGE_W - 2 * MARGIN - (COLUMNS - 1) * GUTTER) / COLUMNS
GAPS = (11, 9, 13, 10, 12)  # between a story's small line and its headline, pt
STORIES = [
    (
        "2024年3月15日全省春耕动员大会召开",
        "全省春耕生产全面展开",
        "入春以来，全省各地抓住有利天气，组织农民抢修水利设施，备足种子化肥，春耕生产进度明显快于去年同期。"
        "省农业厅负责人介绍，今年全省粮食播种面积稳定在八千万亩以上，优质专用品种比重进一步提高。",
    ),
    (
        "本报记者 王明 通讯员 李华",
        "城市公交线路优化调整",
        "市交通运输局日前公布公交线路优化方案，新开通线路六条，调整线路十一条，撤并重复线路四条，方便市民出行。"
        "新方案将于下月起分批实施，各线路首末班时间同步调整，市民可通过公交查询平台了解详情。",
    ),
    (
        "2024年3月16日 星期六 多云转晴",
        "全市新建改建口袋公园二十个",
        "市园林部门介绍，今年将在老城区见缝插绿，利用边角地、闲置地新建改建口袋公园二十个，新增绿地面积十五公顷。"
        "公园建设充分征求周边居民意见，配建健身步道、儿童游乐设施和休息座椅。",
    ),
    (
        "特约记者 陈晨 实习生 周洋",
        "高校毕业生就业服务月启动",
        "为帮助高校毕业生尽早落实去向，省人社厅联合教育部门启动就业服务月活动，组织线上线下招聘会一百余场。"
        "活动期间还将开展职业指导、政策宣讲和技能培训，帮助毕业生提升求职能力。",
    ),
    (
        "——聚焦基层医疗服务能力提升",
        "乡镇卫生院添置新设备",
        "今年以来，县里为全县十八个乡镇卫生院统一配备数字化影像设备和远程会诊终端，群众在家门口就能看上专家门诊。"
        "县卫生健康局表示，下一步将继续推进医共体建设，让优质医疗资源更多下沉到基层。",
    ),
]


def _columns(c, y: float, text: str) -> float:  # noqa: ANN001 - a reportlab canvas
    """``text`` set in 10 pt across the four columns, balanced, from the baseline ``y``; the baseline under it."""
    per_line = int(COL_W // BODY)
    rows = [text[k : k + per_line] for k in range(0, len(text), per_line)]
    per_column = -(-len(rows) // COLUMNS)
    c.setFont("STSong-Light", BODY)
    for k, row in enumerate(rows):
        col, at = divmod(k, per_column)
        c.drawString(MARGIN + col * (COL_W + GUTTER), y - at * LEADING, row)
    return y - per_column * LEADING


def _page(path: Path) -> None:
    """The stories down a page, each a line of 9 pt type (a date line, a byline, a kicker) over its 22 pt headline —
    from 9 to 13 pt clear of the headline's stated top, as close as a kicker sits and as far as a line of text stands
    — then its text in four columns."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    y = PAGE_H - 110
    for k, (over, head, text) in enumerate(STORIES):
        c.setFont("STSong-Light", 9)
        c.drawString(MARGIN, y, over)
        y -= 2.5 + GAPS[k] + 22 * 0.75  # the small line's descent, the gap, the headline's ascent
        c.setFont("STSong-Light", 22)
        c.drawString(MARGIN, y, head)
        y = _columns(c, y - 26, text) - 2.5 * BODY
    c.save()


@pytest.fixture(scope="module")
def faces() -> dict[str, Path]:
    # Not "none", a machine with no CJK face at all: there pdfium has no glyph boxes to go by and drops a one-glyph
    # text object it takes for a repeat of another (a 。 alone on a paragraph's last line) — text lost before the
    # reader sees it, not the reader's geometry (benchmarks/font_substitutes.py prints its figures).
    found = {face: folder for face, folder in substitute_folders().items() if face != "none"}
    if not found:
        pytest.skip("the private CJK faces are not unpacked: run scripts/install-font-substitutes.sh")
    return found


def test_a_non_embedded_chinese_font_reads_the_same_under_every_substitute(
    tmp_path: Path, faces: dict[str, Path]
) -> None:
    pages = tmp_path / "stories.pdf"
    _page(pages)
    # a front page with a date line atop it, over the lead's headline (tests/test_pdf_flag_ears.py): read as the
    # headline's kicker where AR PL UMing drew it, as a line of text over the page where another face did
    front = tmp_path / "front.pdf"
    _front(front, [(EAR_MARGIN, "2024年3月15日全省春耕动员大会召开")], name=False, first=110)
    default = read_under(None, [pages, front])
    assert all(any(s["path"] for s in read["sections"]) for read in default)  # read as stories at all
    for face, folder in faces.items():
        # the same sections, headings and paragraphs as this machine's own substitute gives
        assert read_under(folder, [pages, front]) == default, face
