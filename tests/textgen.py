"""Generate documents with known structure for tests, from original sentence pools.

Nothing here comes from the bundled page: tests of chunking and loading must hold for any text.
"""

from __future__ import annotations

import random

ZH_SENTENCES = [
    "山区小学今年新建了一座图书馆，藏书超过八千册。",
    "研究人员在湖泊沉积物中发现了三千年前的花粉颗粒。",
    "这条高速公路全长一百二十公里，预计明年通车。",
    "志愿者们每周六上午到社区为老人测量血压。",
    "新型电池的能量密度比上一代提高了百分之四十！",
    "为什么候鸟每年都能准确找到迁徙的路线？",
    "博物馆展出了一批宋代瓷器，吸引了大量游客；",
    "他说：“我们会继续改进这项技术。”",
    "气象部门提醒市民注意防范强对流天气……",
    "当地农民通过电商平台把柑橘卖到了全国各地。",
    "The library opened a new reading room on the third floor.",
    "Researchers measured a 3.5% rise in soil moisture, e.g. after the spring rains.",
    "Why does the river freeze later every year?",
    "这座桥采用了全新的抗震设计，可抵御八级地震",
    "会议讨论了城市垃圾分类的实施细则，并形成了初步方案。",
]
TITLES = ["绿色出行", "乡村教育", "Ocean Research", "城市更新", "科技创新", "文化遗产", "Public Health", "农业发展"]


def sentence(rng: random.Random) -> str:
    return rng.choice(ZH_SENTENCES)


def paragraph(rng: random.Random, lo: int = 1, hi: int = 8) -> str:
    return "".join(sentence(rng) for _ in range(rng.randint(lo, hi)))


def markdown_document(rng: random.Random, sections: int = 4) -> tuple[str, list[str]]:
    """A Markdown document; returns (text, section titles in order)."""
    parts: list[str] = []
    titles: list[str] = []
    for i in range(sections):
        title = f"{rng.choice(TITLES)} {i + 1}"
        titles.append(title)
        parts.append(f"## {title}\n")
        for _ in range(rng.randint(1, 4)):
            parts.append(paragraph(rng) + "\n")
    return "\n".join(parts), titles


def plain_document(rng: random.Random, sections: int = 4) -> str:
    """Plain text with bare-line headlines above body paragraphs, like a news page."""
    parts: list[str] = []
    for i in range(sections):
        parts.append(f"{rng.choice(TITLES)}第{i + 1}部分")
        for _ in range(rng.randint(1, 3)):
            parts.append(paragraph(rng, 2, 12))
    return "\n\n".join(parts) + "\n"
