"""Scrambled pages whose layout dimensions vary independently, for measuring generalisation.

Unlike ``scrambled_pages`` (written alongside the solver, one layout convention), every page here
draws each layout dimension on its own, so a *family* (one value of one dimension, e.g.
``order=reversed`` or ``script=traditional``) can be held out whole: tune on pages without it,
report on pages with it. Article text comes from sources we did not write (``text_sources``:
CMRC Wikipedia paragraphs and People's Daily 1998 articles with their real headlines); only the
layout furniture (kickers made of the article's own clauses, dateline and byline forms, jump
markers) is composed here.

Dimensions (``DIMENSIONS``): banner; heading combination (kicker/headline/subtitle); credit line
(byline/dateline); headline style (plain, full-width comma, ？/！, quotes, colon, leading digits);
briefs; editorial (none, title before, title after with or without dek, a 社论 label); blank-line
or single-newline paragraphs; cuts mid-sentence or at a sentence end; continuation order (in
order, shuffled, reversed); jump markers (none, 下转/上接 with page numbers, a jump head over the
continuation); simplified or traditional script (OpenCC); 4–14 articles; text source.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from qa.loading import normalise_text
from qa.records import Document, Outline
from tests.text_sources import SourceArticle, articles, available_sources, pd_articles, split_sentences

DIMENSIONS: dict[str, list[str]] = {
    "banner": ["none", "banner"],
    "heads": ["headline", "kicker", "subtitle", "kicker_subtitle"],
    "credit": ["none", "byline", "dateline"],
    "style": ["plain", "comma", "question", "quotes", "colon", "digits"],
    "briefs": ["none", "briefs"],
    "editorial": ["none", "before", "after", "after_dek", "label"],
    "paragraphs": ["blank", "newline"],
    "cut": ["mid", "end"],
    "order": ["in_order", "shuffled", "reversed"],
    "markers": ["none", "jump", "jump_head"],
    "script": ["simplified", "traditional"],
    "source": ["cmrc", "pd1998"],
}
HEADLINE_ROLES = {"headline", "title", "brief"}  # lines that name an article
TITLE_ROLES = HEADLINE_ROLES | {"banner", "kicker", "subtitle", "dek", "label", "jump_head"}
BODY_ROLES = {"body", "dateline", "marker"}
_CN = "一二三四五六七八九十"
CITIES = ["北京", "上海", "广州", "成都", "武汉", "西安", "南京", "杭州", "沈阳", "昆明"]
UNITS = "项个条家所座万亿"


@lru_cache(maxsize=1)
def _names() -> tuple[str, ...]:
    found = sorted({n for a in pd_articles() for n in a.names if len(n) in (2, 3)})
    return tuple(found) or ("张明", "李华", "王芳", "赵强", "陈静", "刘洋")


@lru_cache(maxsize=1)
def _banners() -> tuple[str, ...]:
    """Page banners: People's Daily headlines of 4–10 characters (column names read alike)."""
    return tuple(a.title for a in pd_articles() if 4 <= len(a.title) <= 10) or ("要闻", "综合新闻", "经济观察")


@lru_cache(maxsize=1)
def _t2s_s2t():
    import opencc

    return opencc.OpenCC("s2t")


@dataclass
class Block:
    """One printed paragraph and its gold labels."""

    text: str
    role: str  # a TITLE_ROLES or BODY_ROLES member, or byline
    article: str | None = None  # gold article key for body paragraphs
    continuation: bool = False  # printed away from its article's head (a moved fragment)


@dataclass
class Page:
    seed: int
    dims: dict[str, str]
    text: str
    blocks: list[Block]
    line_of: list[int]
    keys: set[str] = field(default_factory=set)

    def document(self, doc_id: str = "page.txt") -> Document:
        return Document(doc_id=doc_id, path=Path(doc_id), text=self.text, sha256="", encoding="utf-8")

    def families(self) -> list[str]:
        return [f"{k}={v}" for k, v in self.dims.items()]


def _clauses(text: str, lo: int = 4, hi: int = 14) -> list[str]:
    parts = re.split(r"[，。！？；：、（）《》“”‘’\s,.!?;:()]+", text)
    return [p for p in parts if lo <= len(p) <= hi and not re.search(r"[A-Za-z]{3}", p)]


def _headline(rng: random.Random, art: SourceArticle, style: str) -> str:
    base = art.title
    clauses = _clauses("".join(art.paragraphs[:2])) or [base]
    clause = rng.choice(clauses)
    if style == "plain" or rng.random() < 0.3:
        return base if rng.random() < 0.7 else clause
    if style == "comma":
        other = rng.choice(clauses)
        return f"{base}，{other}" if other != base else f"{clause}，{base}"
    if style == "question":
        return rng.choice([f"{base}{rng.choice(['为何', '如何', '怎样'])}{clause[:8]}？", f"{clause}！", f"{base}？"])
    if style == "quotes":
        return rng.choice([f"“{base}”{clause[:8]}", f"{clause[:8]}的“{base}”", f"“{clause}”"])
    if style == "colon":
        return f"{base}：{clause}"
    return f"{rng.randint(2, 99)}{rng.choice(UNITS)}{clause[:10]}"  # digits


def _byline(rng: random.Random) -> str:
    names = " ".join(rng.sample(_names(), rng.randint(1, 2)))
    return rng.choice([f"本报记者 {names}", f"记者 {names}", f"□本报记者 {names}", f"■ 本报通讯员 {names}"])


def _dateline(rng: random.Random) -> str:
    city, name = rng.choice(CITIES), rng.choice(_names())
    m, d = rng.randint(1, 12), rng.randint(1, 28)
    return rng.choice([f"本报讯（记者 {name}）", f"新华社{city}{m}月{d}日电", f"本报{city}{m}月{d}日电（记者 {name}）"])


def _cut_mid(rng: random.Random, text: str) -> int | None:
    """A position inside a sentence (never next to punctuation), in the paragraph's latter part."""
    opts = [
        i
        for i in range(max(6, len(text) // 3), len(text) - 4)
        if text[i - 1] not in "。！？；：，、“”（）" and text[i] not in "。！？；：，、“”（）"
    ]
    return rng.choice(opts) if opts else None


def _jump(rng: random.Random) -> int:
    return rng.randint(2, 16)


def _page_label(n: int, rng: random.Random) -> str:
    return rng.choice([f"第{n}版", f"{n}版", f"第{_CN[n - 1] if n <= 10 else n}版"])


def print_blocks(blocks: list, blank_lines: bool) -> tuple[str, list[int]]:
    """The page's text with its blocks one after another (a blank line after each if ``blank_lines``),
    and the 1-based line each block starts on."""
    lines: list[str] = []
    line_of: list[int] = []
    for b in blocks:
        line_of.append(len(lines) + 1)
        lines.extend(b.text.split("\n"))
        if blank_lines:
            lines.append("")
    return normalise_text("\n".join(lines).rstrip("\n") + "\n"), line_of


def generate(seed: int, dims: dict[str, str] | None = None) -> Page:
    """One page; ``dims`` fixes some dimensions, the seed draws the rest (same seed, same page)."""
    rng = random.Random(seed)
    chosen = {k: rng.choice(v) for k, v in DIMENSIONS.items()}
    sources = available_sources()
    if chosen["source"] not in sources:
        chosen["source"] = sources[0]
    chosen.update(dims or {})
    d = chosen
    pool = articles(d["source"])
    n_articles = rng.randint(4, 14)
    picks = rng.sample(range(len(pool)), n_articles + 4)
    arts = [pool[i] for i in picks[:n_articles]]
    extra = [pool[i] for i in picks[n_articles:]]
    blocks: list[Block] = []
    tail: list[list[Block]] = []  # continuation groups printed at the bottom
    used: set[str] = set()

    def add(text: str, role: str, key: str | None = None, cont: bool = False) -> None:
        blocks.append(Block(text, role, key, cont))

    if d["banner"] == "banner":
        banner = rng.choice(_banners())
        add(banner if rng.random() < 0.5 else f"{banner} {rng.choice(_banners())}", "banner")
    ed_at = rng.randrange(n_articles) if d["editorial"] != "none" else -1
    brief_at = (
        set(rng.sample(range(n_articles), min(n_articles, rng.randint(1, 3)))) if d["briefs"] != "none" else set()
    )
    n_cut = 0
    for a, art in enumerate(arts):
        key = _headline(rng, art, d["style"])
        if key in used or len(key) < 2:
            key = f"{key}{a + 1}"
        used.add(key)
        clauses = _clauses(" ".join(art.paragraphs)) or [art.title]
        if d["heads"] in ("kicker", "kicker_subtitle"):
            kicker = rng.choice(clauses)
            if rng.random() < 0.3:  # a long kicker: two clauses of the text
                kicker = kicker + rng.choice(["，", " ", "　"]) + rng.choice(clauses)
            add(kicker, "kicker")
        add(key, "headline")
        if d["heads"] in ("subtitle", "kicker_subtitle"):
            sub = rng.choice(clauses)
            add(("——" + sub) if rng.random() < 0.5 else sub, "subtitle")
        if d["credit"] == "byline":
            add(_byline(rng), "byline")
        paras = list(art.paragraphs[: rng.randint(2, 5)])
        if d["credit"] == "dateline":
            paras[0] = _dateline(rng) + paras[0]
        cut = a < n_articles - 1 and rng.random() < 0.6 or (a == 0 and n_articles > 1)
        shown, rest = paras, []
        if cut:
            n_cut += 1
            if d["cut"] == "mid":
                k = rng.randrange(len(paras))
                pos = _cut_mid(rng, paras[k])
                if pos is not None:
                    shown, rest = paras[:k] + [paras[k][:pos]], [paras[k][pos:]] + paras[k + 1 :]
            else:  # at a sentence end: between paragraphs or between sentences of one
                k = rng.randrange(len(paras))
                sents = split_sentences(paras[k])
                if len(sents) >= 2 and rng.random() < 0.5:
                    j = rng.randint(1, len(sents) - 1)
                    shown = paras[:k] + ["".join(sents[:j])]
                    rest = ["".join(sents[j:])] + paras[k + 1 :]
                elif len(paras) >= 2:
                    j = rng.randint(1, len(paras) - 1)
                    shown, rest = paras[:j], paras[j:]
        group: list[Block] = []
        if rest:
            marker = d["markers"] != "none" and rng.random() < 0.8
            target = _jump(rng)
            if marker:
                shown = shown[:-1] + [shown[-1] + f"（下转{_page_label(target, rng)}）"]
                if d["markers"] == "jump_head":
                    words = [w for w in _jump_words(key) if w != key] or [key[:4]]
                    group.append(Block(rng.choice(words), "jump_head"))
                rest = [f"（上接{_page_label(1, rng)}）" + rest[0]] + rest[1:]
            for p in rest:
                group.append(Block(p, "marker" if p.startswith("（上接") else "body", key, True))
            tail.append(group)
        for k, p in enumerate(shown):
            role = "dateline" if k == 0 and d["credit"] == "dateline" else "body"
            add(p, role, key)
        if a in brief_at and extra:
            b = extra.pop()
            title = (b.title if b.title not in used else b.title + "简讯")[:20]
            used.add(title)
            add(title, "brief")
            add(b.paragraphs[0], "body", title)
        if a == ed_at and extra:
            if d["editorial"].startswith("after") and rng.random() < 0.3:
                ed_at = -2  # an opinion column closing the page, after the continuations
                ed_art = extra.pop()
            else:
                _editorial(rng, d["editorial"], extra.pop(), used, add)
    if d["order"] == "shuffled":
        rng.shuffle(tail)
    elif d["order"] == "reversed":
        tail.reverse()
    for group in tail:
        blocks.extend(group)
    if ed_at == -2:
        _editorial(rng, d["editorial"], ed_art, used, add)
    if d["script"] == "traditional":
        conv = _t2s_s2t()
        for b in blocks:
            b.text = conv.convert(b.text)
            b.article = conv.convert(b.article) if b.article else None
    text, line_of = print_blocks(blocks, blank_lines=d["paragraphs"] == "blank")
    keys = {b.article for b in blocks if b.article}
    return Page(seed=seed, dims=chosen, text=text, blocks=blocks, line_of=line_of, keys=keys)


def _jump_words(headline: str) -> list[str]:
    import jieba

    return [w for w in jieba.lcut(headline) if len(w) >= 2 and re.fullmatch(r"[\u4e00-\u9fff]+", w)]


def _editorial(rng: random.Random, kind: str, art: SourceArticle, used: set[str], add) -> None:
    title = art.title if art.title not in used else art.title + "评"
    used.add(title)
    dek = "——" + (rng.choice(_clauses(art.paragraphs[0])) if _clauses(art.paragraphs[0]) else "论" + title)
    paras = list(art.paragraphs[:3])
    if kind == "label":
        add(rng.choice(["社论", "本报社论", "评论员文章"]), "label")
        add(title, "title")
        for p in paras:
            add(p, "body", title)
    elif kind == "before":
        add(title, "title")
        if rng.random() < 0.5:
            add(dek, "dek")
        add(rng.choice(["□本报评论员", "本报评论员", "■ 评论员 " + rng.choice(_names())]), "byline")
        for p in paras:
            add(p, "body", title)
    else:  # printed after its body
        add(rng.choice(["□本报评论员", "本报评论员", "□ 本报特约评论员"]), "byline")
        for p in paras:
            add(p, "body", title)
        add(title, "title")
        if kind == "after_dek":
            add(dek, "dek")


# ---------------------------------------------------------------- scoring


@dataclass
class PageScore:
    """Counts behind the per-family figures the benchmark prints."""

    body: int = 0
    body_ok: int = 0
    cont: int = 0
    cont_ok: int = 0
    gold_heads: int = 0
    heads_found: int = 0
    pred_titles: int = 0
    pred_titles_ok: int = 0
    conf_pairs: list[tuple[float, bool]] = field(default_factory=list)  # (confidence, right) per body paragraph

    def add(self, other: PageScore) -> None:
        for name in (
            "body",
            "body_ok",
            "cont",
            "cont_ok",
            "gold_heads",
            "heads_found",
            "pred_titles",
            "pred_titles_ok",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.conf_pairs.extend(other.conf_pairs)

    @staticmethod
    def _ratio(a: int, b: int) -> float:
        return a / b if b else float("nan")

    @property
    def para(self) -> float:
        return self._ratio(self.body_ok, self.body)

    @property
    def continuation(self) -> float:
        return self._ratio(self.cont_ok, self.cont)

    @property
    def head_recall(self) -> float:
        return self._ratio(self.heads_found, self.gold_heads)

    @property
    def head_precision(self) -> float:
        return self._ratio(self.pred_titles_ok, self.pred_titles)


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text)


def score_page(page: Page, outline: Outline, confidence: dict[int, float] | None = None) -> PageScore:
    """Body paragraph → article (all and moved fragments), headline recall and title-line precision.

    A body paragraph is right when the deepest element of its section path that is an article key
    equals its gold article. A headline is found when it names a section (is an element of some
    section path). Title-line precision: paragraphs the outline gives the role heading/title that
    are title-like lines in the gold (banner, kicker, headline, subtitle, dek, label, jump head).
    """
    keys = {_norm(k) for k in page.keys}
    by_line = {p.line_start: p.index for p in outline.paragraphs}
    path_of: dict[int, tuple[str, ...]] = {}
    for section in outline.sections:
        for i in section.paragraphs:
            path_of[i] = section.path
    elements = {_norm(el) for s in outline.sections for el in s.path}
    score = PageScore()
    for k, block in enumerate(page.blocks):
        i = by_line.get(page.line_of[k])
        if block.article is not None:
            named = [el for el in map(_norm, path_of.get(i, ()) if i is not None else ()) if el in keys]
            ok = bool(named) and named[-1] == _norm(block.article)
            score.body += 1
            score.body_ok += ok
            if block.continuation:
                score.cont += 1
                score.cont_ok += ok
            if confidence is not None and i is not None:
                score.conf_pairs.append((confidence.get(i, 1.0), ok))
        if block.role in HEADLINE_ROLES:
            score.gold_heads += 1
            score.heads_found += _norm(block.text.split("\n")[0]) in elements
    gold_title_lines = {page.line_of[k] for k, b in enumerate(page.blocks) if b.role in TITLE_ROLES}
    for p in outline.paragraphs:
        if outline.roles.get(p.index) in ("heading", "title"):
            score.pred_titles += 1
            score.pred_titles_ok += p.line_start in gold_title_lines
    return score
