"""Hand-written gold outline of corpus/chongqing_daily_2022-12-23.txt, from reading the page.

Keys are first line numbers. Each article is named by the heading that identifies it (the
editorial by its trailing title, the cross-page continuation by its marker). Reading orders
list (line, joins) per section: joins is True where the paragraph finishes a sentence the
previous one broke off.
"""

from __future__ import annotations

from pathlib import Path

PAGE = Path(__file__).resolve().parent.parent / "corpus" / "chongqing_daily_2022-12-23.txt"

A = "新重庆“新”在哪"
B = "全力打造国家重要先进制造业中心"
C = "实施千个和美乡村示范创建行动"
D = "在增强“五个能力”上下功夫"
E = "实施中小企业梯度培育行动"
F = "2023年将提质增效发展"
G = "五方面发力把重庆建成文化强市"
H = "以政治“三力”践行责任担当"
I_ = "（上接1版）"
KEYS = {A, B, C, D, E, F, G, H, I_}

T, N = True, False
READING: dict[str, list[list[tuple[int, bool]]]] = {
    A: [[(9, N), (11, N)], [(17, N), (19, T)], [(25, N)], [(31, N)], [(126, N)], [(132, N)]],
    # 136 has no cut or enumeration cue of its own; it sits between the continuations of B and
    # C and speaks about the same topic label (高质量发展), so it reads as B's last paragraph.
    B: [[(39, N), (41, T), (134, T), (136, N)]],
    C: [[(47, N), (49, T), (138, T), (140, N), (142, N)]],
    D: [[(55, N), (57, T), (144, N), (146, N), (148, N)]],
    E: [[(63, N), (65, T), (150, T), (152, N), (154, N)]],
    F: [[(71, N), (73, N), (156, T)]],
    G: [[(79, N), (81, N), (158, N), (160, N), (162, N)]],
    H: [[(85, N), (87, N), (89, N)]],
    I_: [[(91, N)] + [(line, N) for line in range(93, 118, 2)]],
}
ARTICLE_OF: dict[int, str] = {line: key for key, orders in READING.items() for o in orders for line, _ in o}
ORDERS: list[list[tuple[int, bool]]] = [o for orders in READING.values() for o in orders]

HEADINGS = [
    3,
    5,
    7,
    13,
    15,
    21,
    23,
    27,
    29,
    33,
    35,
    37,
    43,
    45,
    51,
    53,
    59,
    61,
    67,
    69,
    75,
    77,
    122,
    124,
    128,
    130,
]
ROLES = {83: "byline", 119: "title", 9: "dateline", 91: "marker"} | {line: "heading" for line in HEADINGS}

# Far continuations: first line of the continuation -> last line of the paragraph it continues.
CONTINUATIONS = {134: 41, 138: 49, 144: 57, 150: 65, 156: 73, 158: 81}

PATHS = {
    47: ("新重庆 如何建", "乡村建设", C),
    138: ("新重庆 如何建", "乡村建设", C),
    39: ("新重庆 如何建", "高质量发展", B),
    85: (H,),
    91: (I_,),
}
