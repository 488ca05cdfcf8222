"""Two columns of a page in two scripts are no parallel text unless their rows line up as a translation's.

A Chinese journal's last page sets its conclusions ('5 结论') in the left column and an English abstract or its
references in the right, space between paragraphs on each side, the paragraphs not level with each other. Read as a
bilingual contract's table, the text alternated left/right row by row, cut mid-sentence, under one heading
'5 结论References'. Each column's paragraphs must come whole, the Chinese under '结论'. Made with reportlab."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from tests.table_pdfs import FONT_FILE

_ZH = [
    "城市更新是推动城市高质量发展的重要手段，本文以老旧小区改造为例，考察了居民满意度的变化及其影响因素。",
    "研究发现，改造后住房条件明显改善，公共空间和配套设施的完善对满意度的提升作用最大，物业管理次之。",
    "不同年龄群体对改造内容的偏好存在差异，老年居民更关注无障碍设施，青年居民更关注停车和充电设施。",
    "政策制定应当兼顾居民的多样化需求，建立长效的资金保障机制，并鼓励居民全过程参与改造方案的制定。",
    "本研究的样本仅限于一个城市，今后的研究可以扩大样本范围，比较不同城市之间改造模式的效果差异。",
]
_EN_ABSTRACT = [
    "This paper examines how the renewal of old residential neighbourhoods changes the satisfaction "
    "of their residents, using a survey of households before and after the works were completed.",
    "Improved public space and facilities raise satisfaction most; property management comes second, and "
    "the age of a resident shapes which improvements matter to them.",
    "We argue that renewal policy should fund upkeep over the long term and involve residents in every "
    "stage of planning the works.",
]
_EN_REFS = [
    f"[{k}] Chen L, Zhao Q. Neighbourhood renewal and residential satisfaction in {city}: a survey of "
    f"{200 + 37 * k} households. Urban Policy Review, 20{10 + k}, {3 + k}(2): {11 * k}-{11 * k + 20}."
    for k, city in enumerate(["Shanghai", "Chengdu", "Wuhan", "Xi'an", "Nanjing", "Harbin"], 1)
]


def _page(out: Path, right_title: str, right: list[str], seed: int) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if not FONT_FILE.exists():
        pytest.skip(f"the CJK font {FONT_FILE} is not installed")
    pdfmetrics.registerFont(TTFont("Hei", str(FONT_FILE), subfontIndex=0))
    rng = random.Random(seed)
    width, height = A4
    col = rng.uniform(210, 240)
    left_x, right_x = rng.uniform(50, 70), 0.0
    right_x = left_x + col + rng.uniform(18, 30)

    def lines(text: str, size: float) -> list[str]:
        out_lines, cur = [], ""
        for piece in text if text[:1] > "\u2e7f" else text.split(" "):
            t = cur + piece if text[:1] > "\u2e7f" else (cur + " " + piece).strip()
            if pdfmetrics.stringWidth(t, "Hei", size) > col:
                out_lines.append(cur)
                cur = piece
            else:
                cur = t
        return out_lines + [cur] if cur else out_lines

    c = canvas.Canvas(str(out), pagesize=A4)
    c.setFont("Hei", 14)
    c.drawString(left_x, height - 60, "5 结论")
    c.drawString(right_x, height - 60, right_title)
    for x, paras, size in ((left_x, _ZH, 10.0), (right_x, right, rng.choice([9.0, 9.5, 10.0]))):
        y, lead, after = height - 90, size * rng.uniform(1.4, 1.6), rng.uniform(6, 10)
        for p in paras:
            for ln in lines(p, size):
                c.setFont("Hei", size)
                c.drawString(x, y, ln)
                y -= lead
            y -= after
    c.save()
    return out


def _norm(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("right_title,right", [("Abstract", _EN_ABSTRACT), ("References", _EN_REFS)])
@pytest.mark.parametrize("seed", [1, 2])
def test_two_columns_in_two_scripts_read_whole(tmp_path, right_title, right, seed):
    from qa.loading import load_file
    from qa.structure import recover_outline

    outline = recover_outline(load_file(_page(tmp_path / "page.pdf", right_title, right, seed)))
    paras = [_norm(p.text) for p in outline.paragraphs]
    section = {i: s.path for s in outline.sections for i in s.paragraphs}
    for text in _ZH + right:
        # (a reference's last line alone, '33-53.', is a separate matter of the paragraph splitter: its first 60
        # characters run on in one paragraph, which the rows of a table cut after one line)
        head = _norm(text)[:60] if text in right and text.startswith("[") else _norm(text)
        found = [i for i, p in enumerate(paras) if p.startswith(head)]
        assert found, f"{text[:30]!r} is not read whole (its column cut into rows) in {paras}"
        if text in _ZH:
            assert not any(ch.isascii() and ch.isalpha() for ch in paras[found[0]]), "Chinese run into English"
            path = section.get(found[0]) or []
            assert path and path[-1].endswith("结论"), f"{text[:12]!r} filed under {path}"
