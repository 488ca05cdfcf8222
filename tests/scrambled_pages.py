"""Generate layout-scrambled newspaper pages with a known gold structure, and score outlines.

All article text is written here from scratch (invented towns, people and programmes) so the
recovery code is measured on text it has never seen. A seeded RNG picks topics, lengths, cut
points, heading levels and page furniture: banner and label lines, headlines, datelines,
articles cut mid-sentence (inside a word, after a comma, after '的', or between enumeration
steps) with the rest moved to the bottom of the page in article order, easy cuts continued in
the very next paragraph, a '（上接N版）' continuation from another page, and an editorial whose
body opens with '□本报评论员' and whose title and '——论…' dek are printed after the body.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

from qa.loading import normalise_text
from qa.records import Document, Outline

NUMERALS = "一二三四五六七八九十"

TOPICS: list[dict] = [
    {
        "label": "城市交通",
        "headlines": ["青岚新区公交线网全面优化", "早晚高峰通勤时间缩短一成"],
        "speaker": "市交通运输局副局长周明远",
        "name": "周明远",
        "sentences": [
            "今年以来，青岚新区新开和调整公交线路二十四条，覆盖了此前没有公交的十一个居民小区。",
            "新线路把地铁站、学校和医院串联起来，乘客换乘步行距离平均缩短了三百米。",
            "交通部门还在主要路口增设了公交优先信号，高峰时段公交车平均车速提高明显。",
            "下一步将根据客流监测数据，每季度评估一次线路运行效果，及时增减班次。",
        ],
        "items": [
            "加密地铁接驳线路，让居民下楼步行五分钟就能坐上公交",
            "推广定制通勤班车，满足产业园区职工集中出行需求",
            "完善夜间公交网络，方便夜班人员和晚归市民回家",
            "改造老旧站台，增加遮阳棚、座椅和实时到站显示屏",
            "建设智慧调度平台，根据客流变化动态调整发车间隔",
        ],
        "focus": "公交出行",
    },
    {
        "label": "社区养老",
        "headlines": ["嵌入式养老服务站开进老小区", "让老人在家门口安享晚年"],
        "speaker": "区民政局局长林素芬",
        "name": "林素芬",
        "sentences": [
            "目前全区已建成嵌入式养老服务站三十六个，为独居和高龄老人提供助餐、助浴和日间照料。",
            "服务站大多利用社区闲置用房改造，老人步行十分钟以内就能到达。",
            "不少服务站与附近的卫生服务中心签约，医生每周上门为老人测量血压、调整用药。",
            "志愿者队伍定期开展探访，重点关注失能、半失能老人的日常生活状况。",
        ],
        "items": [
            "扩大社区食堂覆盖范围，为老人提供价格实惠的营养餐",
            "开展适老化改造，为有需要的家庭加装扶手和防滑地面",
            "培训专业护理人员，提高照护服务的规范化水平",
            "建立紧急呼叫系统，确保独居老人遇到意外能及时获得帮助",
            "鼓励邻里互助，组织低龄老人结对帮扶高龄老人",
        ],
        "focus": "养老服务",
    },
    {
        "label": "河湖治理",
        "headlines": ["白鹭河重现水清岸绿", "流域综合治理取得实效"],
        "speaker": "县水利局总工程师韩立群",
        "name": "韩立群",
        "sentences": [
            "白鹭河沿线的十二个排污口已全部完成截污改造，河道水质连续半年达到三类标准。",
            "治理过程中拆除了违规养殖棚舍，恢复滨河湿地四百余亩，水鸟数量明显增多。",
            "沿河村庄建起了小型污水处理设施，生活污水不再直接排入河道。",
            "河长制巡查实现了常态化，发现问题后两天内就要整改到位。",
        ],
        "items": [
            "开展上游水源涵养林建设，减少水土流失和泥沙淤积",
            "推进农田退水治理，控制化肥农药随雨水进入河道",
            "实施生态补水工程，保障枯水期河道基本流量",
            "建设滨河步道和观鸟平台，让群众共享治理成果",
            "完善水质自动监测站点，实现问题早发现早处置",
        ],
        "focus": "水环境",
    },
    {
        "label": "校园阅读",
        "headlines": ["书香校园建设覆盖全部中小学", "每天阅读一小时成为新习惯"],
        "speaker": "市教育局副局长许文静",
        "name": "许文静",
        "sentences": [
            "全市中小学图书馆今年新增藏书八十余万册，生均藏书量比去年增加了四册。",
            "许多学校把阅读课排进了课表，由语文老师和图书管理员共同指导学生选书。",
            "班级图书角实行学生自主管理，孩子们轮流登记借阅、推荐好书。",
            "家长也被邀请参加亲子共读活动，周末的阅读打卡成为不少家庭的固定节目。",
        ],
        "items": [
            "建设智慧图书馆，让学生在手机上就能查询和预约图书",
            "举办校园读书节，评选阅读之星和书香班级",
            "组织作家进校园，与学生面对面交流写作经验",
            "编写分级阅读书目，为不同年级推荐适合的读物",
            "推动城乡学校结对，向乡村学校定向捐赠图书",
        ],
        "focus": "阅读习惯",
    },
    {
        "label": "乡村旅游",
        "headlines": ["梯田花海引来八方游客", "民宿经济带动村民增收"],
        "speaker": "县文化旅游局局长邓海川",
        "name": "邓海川",
        "sentences": [
            "每逢周末，云岭村的梯田观景台前都停满了外地车辆，游客最多时一天超过五千人。",
            "村里把闲置农房改造成特色民宿，入住率在旅游旺季能达到九成以上。",
            "村集体成立旅游合作社，统一管理停车场、导览和农产品销售。",
            "不少外出务工的年轻人回到村里，经营起餐饮、摄影和手工艺品生意。",
        ],
        "items": [
            "完善旅游公路和停车场，缓解节假日交通拥堵",
            "开发研学和农耕体验项目，延长游客停留时间",
            "打造特色农产品品牌，把土特产变成旅游商品",
            "加强民宿服务培训，提升卫生和安全管理水平",
            "举办丰收节和山歌会，展示当地民俗文化",
        ],
        "focus": "旅游发展",
    },
    {
        "label": "科技创新",
        "headlines": ["孵化器里长出一批硬科技企业", "研发投入强度再创新高"],
        "speaker": "市科技局副局长贺振宇",
        "name": "贺振宇",
        "sentences": [
            "今年前三季度，全市技术合同成交额同比增长三成，高校科研成果转化速度明显加快。",
            "位于东港园区的孵化器已入驻初创企业一百二十家，其中近半数从事新材料和传感器研发。",
            "园区为企业提供共享实验室和检测设备，帮助团队节省了大量前期投入。",
            "一批青年科研人员带着专利走出实验室，创办了自己的科技公司。",
        ],
        "items": [
            "设立概念验证资金，支持实验室成果走向样机和中试",
            "建设公共技术服务平台，向中小企业开放大型仪器设备",
            "完善科技金融服务，引导创业投资投早投小",
            "实施青年科学家支持计划，稳定支持一批优秀团队",
            "深化产学研合作，推动企业和高校共建联合实验室",
        ],
        "focus": "成果转化",
    },
    {
        "label": "全民健身",
        "headlines": ["口袋公园里的健身热潮", "体育场馆向市民低价开放"],
        "speaker": "市体育局局长唐晓峰",
        "name": "唐晓峰",
        "sentences": [
            "今年全市新建口袋公园和社区健身角八十多处，市民出门就能找到锻炼场地。",
            "学校体育场馆在课余时间向周边居民开放，预约系统上线后使用人次大幅增加。",
            "各街道组建了跑步、太极和广场舞等健身团队，参与人数超过十万。",
            "体育部门还派出社会体育指导员，在公园为市民讲解科学锻炼方法。",
        ],
        "items": [
            "利用城市边角地建设多功能运动场，增加健身设施供给",
            "推行公共体育场馆错时开放，延长夜间服务时间",
            "举办社区运动会和业余联赛，激发群众参与热情",
            "加强体育社会组织建设，培育更多基层健身骨干",
            "开展青少年体质监测，推广课后体育服务",
        ],
        "focus": "健身设施",
    },
    {
        "label": "文物保护",
        "headlines": ["古城墙修缮工程完工", "让历史遗存融入城市生活"],
        "speaker": "市文物局副局长沈雅琴",
        "name": "沈雅琴",
        "sentences": [
            "经过两年多的施工，南门至西门段古城墙修缮完成，坍塌的垛口和马面全部按原样恢复。",
            "施工团队坚持最小干预原则，尽量使用原有城砖，缺损部分才用同规格新砖补配。",
            "城墙脚下新辟了遗址展示带，游客可以透过玻璃地面看到历代墙基的叠压关系。",
            "考古人员在修缮中还发现了一批带铭文的城砖，为研究筑城历史提供了实物资料。",
        ],
        "items": [
            "开展文物资源全面调查，建立数字化保护档案",
            "实施濒危文物抢救性保护，优先处理险情严重的建筑",
            "推进考古遗址公园建设，让遗址成为市民休闲空间",
            "培养文物修复专业人才，传承传统营造技艺",
            "鼓励社会力量参与保护，探索文物建筑活化利用",
        ],
        "focus": "遗产保护",
    },
]

EDITORIALS: list[dict] = [
    {
        "title": "让好政策跑出加速度",
        "dek": "——论提升政策落实效能",
        "paras": [
            "政策的生命力在于落实。再好的部署，如果停留在文件里、会议上，就无法转化为群众看得见的变化。",
            "提升落实效能，关键在于打通最后一公里。各级部门要主动上门问需，把办事流程理顺理简，让企业和群众少跑腿。",
            "抓落实还要敢于较真碰硬。对推进缓慢的事项要盯住不放，对群众反映强烈的问题要限时解决，以实绩检验作风。",
        ],
    },
    {
        "title": "以绣花功夫提升城市品质",
        "dek": "——论精细化城市管理",
        "paras": [
            "城市管理是一门精细的学问。一盏路灯、一块井盖、一处台阶，都关系着市民的日常感受。",
            "精细化管理要从细节入手，把问题发现在早、解决在小。网格员多走一步，市民就少一分烦恼。",
            "提升城市品质还需要全社会共同参与。倾听居民意见，调动商户和志愿者力量，城市才能越来越有温度。",
        ],
    },
]

BANNERS = ["民生观察", "发展新图景", "基层一线", "奋进新时代 建设新家园", "年终特别报道"]
REPORTERS = ["陈安", "李晴", "钱思远", "赵一鸣", "孙雨", "吴海", "郑晓岚", "冯博"]
PREFACES = [
    "记者从日前召开的新闻发布会上获悉，",
    "在近日举行的工作推进会上，",
    "据了解，",
]
MARKER_PARAS = [
    "其次要把稳就业放在更加突出的位置，加大对重点群体的帮扶力度，同时持续改善营商环境，稳定市场预期。",
    "会议要求，各地各部门要细化工作方案，明确时间表和路线图，确保各项任务按期完成。",
    "与会代表表示，将把会议精神带回基层，结合本地实际抓好贯彻落实。",
    "会议强调，要从实际问题出发，对照年度目标逐项梳理进展，查找短板弱项。",
]


@dataclass
class Block:
    """One printed paragraph of a generated page and its gold structure."""

    text: str
    role: str  # heading/title/byline/body/dateline/marker
    article: str | None = None  # gold article key (its headline/title/marker)
    path: tuple[str, ...] = ()


@dataclass
class Page:
    """A generated page: its text, blocks with gold labels, gold reading order and joins."""

    text: str
    blocks: list[Block]
    line_of: list[int]  # first line (1-based) of each block
    # section (article key, path) -> [(block index, joins)] in reading order
    reading: dict[tuple[str, tuple[str, ...]], list[tuple[int, bool]]] = field(default_factory=dict)
    keys: set[str] = field(default_factory=set)

    def document(self, doc_id: str = "generated.txt") -> Document:
        return Document(doc_id=doc_id, path=Path(doc_id), text=self.text, sha256="", encoding="utf-8")


def _cut_point(rng: random.Random, text: str) -> int:
    """A mid-sentence cut: inside a word, after a comma, or after '的' (never at a sentence end)."""
    options: list[int] = []
    kind = rng.choice(["word", "comma", "de"])
    for i in range(max(20, len(text) // 3), len(text) - 6):
        prev, nxt = text[i - 1], text[i]
        if prev in "。！？；：" or nxt in "。！？；，、：“”":
            continue
        if (
            kind == "comma"
            and prev == "，"
            or kind == "de"
            and prev == "的"
            or (
                kind == "word" and prev not in "，、“”" and "\u4e00" <= prev <= "\u9fff" and "\u4e00" <= nxt <= "\u9fff"
            )
        ):
            options.append(i)
    if not options:  # short paragraph: cut in its second half, never next to punctuation
        options = [
            i
            for i in range(max(2, len(text) // 2), len(text) - 1)
            if text[i - 1] not in "。！？；：，" and text[i] not in "。，、"
        ]
    return rng.choice(options)


def _article_paragraphs(rng: random.Random, topic: dict, with_dateline: bool) -> tuple[list[str], bool]:
    """Body paragraphs of one article; returns (paragraphs, last paragraph is an enumeration)."""
    sents = topic["sentences"][:]
    rng.shuffle(sents)
    intro = rng.choice(PREFACES) + f"{topic['speaker']}介绍了{topic['focus']}方面的最新进展。" + sents[0]
    if with_dateline:
        reporters = " ".join(rng.sample(REPORTERS, rng.randint(1, 2)))
        intro = f"本报讯（记者 {reporters}）" + intro
    paras = [intro]
    for s in sents[1 : 1 + rng.randint(1, 3)]:
        if rng.random() < 0.5 and len(paras) > 1:
            paras[-1] += s
        else:
            paras.append(f"{topic['name']}表示，" + s if rng.random() < 0.3 else s)
    enum = rng.random() < 0.6
    if enum:
        n = rng.randint(3, 5)
        items = "".join(f"{NUMERALS[k]}是{topic['items'][k]}。" for k in range(n))
        paras.append(
            f"{topic['name']}说，下一步将从{NUMERALS[n - 1]}个方面推进{topic['focus']}工作" + rng.choice("。：") + items
        )
    return paras, enum


PART_WORDS = ["协同", "服务", "质量", "民生", "创新", "治理"]


def _multipart(
    rng: random.Random, topic: dict, headline: str, path: tuple[str, ...]
) -> tuple[list[Block], list[Block]]:
    """An article in labelled parts ('关键词 X' / '聚焦…'); the last parts print further down."""
    n = rng.randint(3, 4)
    words = rng.sample(PART_WORDS, n)
    intro = (
        rng.choice(PREFACES)
        + f"{topic['speaker']}介绍了{topic['focus']}方面的最新进展，并从{NUMERALS[n - 1]}个方面作了说明："
    )
    shown = [Block(intro, "body", headline, path)]
    later: list[Block] = []
    keep = rng.randint(1, n - 1)
    sentences = topic["sentences"][:]
    rng.shuffle(sentences)
    for k in range(n):
        item = topic["items"][k]
        label, kicker = f"关键词 {words[k]}", "聚焦" + item.split("，")[0][:12]
        part_path = path + (label, kicker)
        body = f"{item}，是今年{topic['focus']}工作的重点之一。" + sentences[k % len(sentences)]
        blocks = [Block(label, "heading"), Block(kicker, "heading"), Block(body, "body", headline, part_path)]
        (shown if k < keep else later).extend(blocks)
    return shown, later


def generate_page(seed: int) -> Page:
    """A scrambled page with gold labels; the same seed always gives the same page."""
    rng = random.Random(seed)
    n_articles = rng.randint(3, 6)
    topics = rng.sample(TOPICS, n_articles)
    banner = rng.choice(BANNERS)
    blocks: list[Block] = []
    reading: dict[tuple[str, tuple[str, ...]], list[tuple[int, bool]]] = {}
    moved_parts: list[Block] = []
    multi = rng.randrange(n_articles) if rng.random() < 0.35 else -1
    moved: list[tuple[str, tuple[str, ...], list[tuple[str, bool]]]] = []  # key, path, [(text, join)]
    editorial = rng.choice(EDITORIALS) if rng.random() < 0.8 else None
    ed_after = rng.randrange(n_articles) if editorial else -1
    marker = rng.random() < 0.6
    pending_title: list[Block] = []
    label = ""

    def add(block: Block, join: bool = False) -> None:
        blocks.append(block)
        if block.article is not None:
            reading.setdefault((block.article, block.path), []).append((len(blocks) - 1, join))

    for a, topic in enumerate(topics):
        headline = rng.choice(topic["headlines"])
        form = "full" if a == 0 else rng.choice(["pair", "pair", "pair", "single", "full"])
        if form == "single" and not label:
            form = "pair"
        if form == "full":
            banner = rng.choice(BANNERS) if a else banner
            label = topic["label"]
            run = [banner, label, headline]
        elif form == "pair":
            label = topic["label"]
            run = [label, headline]
        else:
            run = [headline]
        path = (banner, label, headline)
        for line in run:
            add(Block(line, "heading"))
        if a == multi:
            shown_parts, later_parts = _multipart(rng, topic, headline, path)
            for block in shown_parts:
                add(block)
            moved_parts.extend(later_parts)
            continue
        paras, enum = _article_paragraphs(rng, topic, with_dateline=rng.random() < 0.4)
        cut = rng.random() < 0.65 and a < n_articles - 1
        # an easy cut: a paragraph continued at once in the next printed paragraph
        easy = [k for k, p in enumerate(paras) if len(p) > 40 and not (enum and k == len(paras) - 1)]
        pieces: set[int] = set()
        if rng.random() < 0.3 and easy:
            k = rng.choice(easy)
            pos = _cut_point(rng, paras[k])
            paras[k : k + 1] = [paras[k][:pos], "\x00" + paras[k][pos:]]
            pieces = {k, k + 1}
        shown, rest = paras, []
        if cut:
            if enum and rng.random() < 0.5:
                last = paras[-1]
                idx = [i for i, ch in enumerate(last) if ch == "是" and last[i - 1] in NUMERALS]
                colon = last[idx[0] - 2] == "："  # the list may break off right after its colon
                k = rng.randint(0 if colon else 1, len(idx) - 1)
                cut_at = idx[k] - 1
                items = [
                    last[idx[m] - 1 : (idx[m + 1] - 1 if m + 1 < len(idx) else len(last))] for m in range(k, len(idx))
                ]
                shown = paras[:-1] + [last[:cut_at]]
                rest = [(it, False) for it in items]
            else:
                long_enough = [k for k, p in enumerate(paras) if len(p) >= 30 and k not in pieces]
                target = rng.choice(long_enough) if long_enough else len(paras) - 1
                text = paras[target].lstrip("\x00")
                pos = _cut_point(rng, text)
                head = ("\x00" if paras[target].startswith("\x00") else "") + text[:pos]
                shown = paras[:target] + [head]
                rest = [(text[pos:], True)] + [(p.lstrip("\x00"), p.startswith("\x00")) for p in paras[target + 1 :]]
                if rng.random() < 0.15:  # continued on another page: nothing to stitch here
                    shown[-1] += f"（下转{rng.randint(2, 8)}版）"
                    rest = []
        for p in shown:
            role = "dateline" if p.startswith("本报讯") else "body"
            add(Block(p.lstrip("\x00"), role, headline, path), join=p.startswith("\x00"))
        if rest:
            moved.append((headline, path, rest))
        if a == ed_after and editorial:
            ekey = editorial["title"]
            add(Block("□本报评论员", "byline"))
            for p in editorial["paras"][: rng.randint(2, 3)]:
                add(Block(p, "body", ekey, (ekey,)))
            title = Block(editorial["title"] + "\n" + editorial["dek"], "title")
            if marker or rng.random() < 0.5:
                pending_title = [title]
            else:
                add(title)
        if marker and (a == ed_after or (not editorial and a == n_articles // 2)):
            page_no = rng.randint(1, 3)
            mkey = f"（上接{page_no}版）"
            mparas = rng.sample(MARKER_PARAS, rng.randint(2, 4))
            add(Block(mkey + mparas[0], "marker", mkey, (mkey,)))
            for p in mparas[1:]:
                add(Block(p, "body", mkey, (mkey,)))
            marker = False
            for t in pending_title:
                add(t)
            pending_title = []
    for t in pending_title:
        add(t)
    for block in moved_parts:
        add(block)
    for key, path, rest in moved:
        for text, join in rest:
            add(Block(text, "body", key, path), join=join)

    lines: list[str] = []
    line_of: list[int] = []
    for block in blocks:
        line_of.append(len(lines) + 1)
        lines.extend(block.text.split("\n"))
        lines.append("")
    text = normalise_text("\n".join(lines).rstrip("\n") + "\n")
    keys = {b.article for b in blocks if b.article}
    return Page(text=text, blocks=blocks, line_of=line_of, reading=reading, keys=keys)


# ---------------------------------------------------------------- scoring


@dataclass
class Score:
    """Counts for paragraph→article accuracy and stitch precision/recall."""

    correct: int = 0
    total: int = 0
    stitch_tp: int = 0
    stitch_pred: int = 0
    stitch_gold: int = 0

    def add(self, other: Score) -> None:
        for name in ("correct", "total", "stitch_tp", "stitch_pred", "stitch_gold"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 1.0

    @property
    def precision(self) -> float:
        return self.stitch_tp / self.stitch_pred if self.stitch_pred else float("nan")

    @property
    def recall(self) -> float:
        return self.stitch_tp / self.stitch_gold if self.stitch_gold else 1.0


def seams(orders: list[list[tuple[int, bool]]]) -> set[tuple[int, int, bool]]:
    """Stitches implied by reading orders: a glued seam, or a jump over other source lines.

    Items are (line_start, join) pairs; the line of the next paragraph in the source is not
    known here, so a jump is detected by the caller passing only body lines (see below).
    """
    found: set[tuple[int, int, bool]] = set()
    for order in orders:
        for (a, _), (b, join) in zip(order, order[1:], strict=False):
            found.add((a, b, join))
    return found


def _stitch_set(orders: list[list[tuple[int, bool]]], next_line: dict[int, int]) -> set[tuple[int, int, bool]]:
    return {(a, b, j) for a, b, j in seams(orders) if j or next_line.get(a) != b}


def score_outline(
    outline: Outline, gold: dict[int, str], keys: set[str], gold_orders: list[list[tuple[int, bool]]]
) -> Score:
    """Score an outline against gold given by first line numbers.

    ``gold`` maps the first line of every body paragraph to its article key (a headline, a
    title, a marker); a paragraph counts as right when its section path names that key.
    Stitches are seams in reading order that glue mid-sentence or jump over printed lines.
    """
    paras = outline.paragraphs
    line_start = [p.line_start for p in paras]
    next_line = {line_start[i]: line_start[i + 1] for i in range(len(paras) - 1)}
    score = Score(total=len(gold))
    owner: dict[int, tuple[str, ...]] = {}
    for section in outline.sections:
        for i in section.paragraphs:
            owner[line_start[i]] = section.path
    for line, key in gold.items():
        path = owner.get(line, ())
        named = [el for el in path if el in keys]
        if named and named[-1] == key:
            score.correct += 1
    pred_orders = [[(line_start[i], j) for i, j in zip(s.paragraphs, s.joins, strict=True)] for s in outline.sections]
    pred = _stitch_set(pred_orders, next_line)
    want = _stitch_set(gold_orders, next_line)
    score.stitch_pred, score.stitch_gold, score.stitch_tp = len(pred), len(want), len(pred & want)
    return score


def page_gold(page: Page) -> tuple[dict[int, str], list[list[tuple[int, bool]]]]:
    """Gold article of every body paragraph's first line, and gold reading orders by line."""
    gold = {page.line_of[k]: b.article for k, b in enumerate(page.blocks) if b.article is not None}
    orders = [[(page.line_of[k], j) for k, j in order] for order in page.reading.values()]
    return gold, orders


def page_paths(page: Page) -> dict[int, tuple[str, ...]]:
    """Gold section path of every body paragraph's first line."""
    return {page.line_of[k]: b.path for k, b in enumerate(page.blocks) if b.article is not None}


def path_hits(outline: Outline, gold_paths: dict[int, tuple[str, ...]]) -> tuple[int, int]:
    """(paragraphs whose section path is exactly the gold path, paragraphs with a gold path)."""
    found = {outline.paragraphs[i].line_start: section.path for section in outline.sections for i in section.paragraphs}
    return sum(found.get(line) == path for line, path in gold_paths.items()), len(gold_paths)
