"""The text a newspaper producer prints: articles drawn from the corpora, and the paper's script.

Shared by the producers that lay papers out in another program (tests/newspaper_*.py): which People's Daily 1998
articles a seed draws (``pd_article_sample``), with CMRC passages mixed in where a producer's conventions say so, and
how a traditional-character paper converts its strings. A producer's draw must not change when this module does: a
seed's paper is the same paper run after run (the benchmarks' report seeds are fixed).
"""

from __future__ import annotations

import random
from collections.abc import Callable

from tests.newspaper_pdfs import Article, pd_article_sample


def converter(trad: bool, config: str = "s2tw") -> Callable[[str], str]:
    """How a paper's strings are printed: through OpenCC's ``config`` (``s2tw``, ``s2hk`` …) on a paper in traditional
    characters, unchanged on a simplified one."""
    if not trad:
        return lambda s: s
    import opencc

    return opencc.OpenCC(config).convert


def distinct_articles(rng: random.Random, k: int) -> list[Article]:
    """``pd_article_sample(rng, k)`` as a producer prints it: paragraphs stripped, blank ones dropped, an article with
    no paragraph or a headline seen before left out (the headline keys the gold)."""
    out, seen = [], set()
    for art in pd_article_sample(rng, k):
        paragraphs = [p.strip() for p in art.paragraphs if p.strip()]
        if art.headline in seen or not paragraphs:
            continue
        seen.add(art.headline)
        out.append(Article(art.headline, paragraphs, byline=art.byline))
    return out


def mixed_articles(rng: random.Random, n: int, printable: Callable[[str], bool]) -> list[Article]:
    """From ``2n`` People's Daily articles, about a fifth swapped for CMRC passages when that corpus is here (another
    source's sentences), blank paragraphs dropped, headlines distinct, and only articles whose every text
    ``printable`` accepts (the producer's fonts have all its characters)."""
    from tests import text_sources

    pool = pd_article_sample(rng, n * 2)
    cmrc = text_sources.cmrc_articles()
    out: list[Article] = []
    seen: set[str] = set()
    for art in pool:
        if cmrc and rng.random() < 0.2:
            src = cmrc[rng.randrange(len(cmrc))]
            art = Article(src.title, list(src.paragraphs))
        paragraphs = [p for p in art.paragraphs if p.strip()]
        if art.headline in seen or not paragraphs or not all(printable(t) for t in [art.headline, *paragraphs]):
            continue
        seen.add(art.headline)
        out.append(Article(art.headline, paragraphs, byline=art.byline))
    return out
