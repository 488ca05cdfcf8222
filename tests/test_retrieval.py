"""Retrieval: persisted BM25, window-scored dense search, adaptive fusion, filters, highlights.

Real components throughout: the bundled USE-m3 model, FAISS/npy/bm25s files on disk written by
``build_index``, searched by ``Searcher``. Corpora are generated here, so no answer is hard-coded.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import numpy as np
import pytest

from qa.build import build_index
from qa.errors import IndexStoreError, QueryError
from qa.index_store import IndexStore
from qa.search import Searcher

# Topics with a Chinese sentence for documents and an English question about it: used to make a
# corpus where only meaning (not shared words) links an English question to its passage.
TOPICS = [
    ("大熊猫以竹子为主要食物，每天要吃十几公斤竹子。", "What do giant pandas eat every day?"),
    ("这座火山在一千多年前喷发，熔岩覆盖了附近的村庄。", "When did the volcano erupt and what did the lava cover?"),
    ("咖啡豆经过烘焙后研磨，再用热水冲泡成饮料。", "How is coffee made from roasted beans?"),
    ("量子计算机利用量子比特的叠加态进行并行运算。", "How do quantum computers perform calculations?"),
    ("这支足球队在决赛中以三比一击败对手，赢得了冠军。", "Which football team won the championship final?"),
    ("地震发生后，救援人员从倒塌的房屋中救出了幸存者。", "Who rescued survivors after the earthquake?"),
    ("这种药物用于治疗高血压，每天服用一次。", "What is this medicine used to treat?"),
    ("火车站每天有两百多趟列车发往全国各地。", "How many trains leave the railway station each day?"),
]
SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华玉萍红娥玲"
PLACES = ["江苏省", "浙江省", "四川省", "湖南省", "广东省", "福建省", "山东省", "河北省", "云南省", "陕西省"]
JOBS = ["画家", "工程师", "医生", "教师", "作家", "建筑师", "歌手", "律师", "厨师", "飞行员"]
FILLER = [
    "当地居民对此事议论纷纷。",
    "这一消息很快传遍了整个地区。",
    "专家认为这一现象值得进一步研究。",
    "许多游客慕名而来。",
]


def _person(rng: random.Random, used: set[str]) -> str:
    while True:
        name = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
        if name not in used:
            used.add(name)
            return name


def generate_corpus(folder: Path, seed: int = 0, people: int = 24) -> list[dict]:
    """Documents about generated people (some also holding a topic sentence) and gold questions."""
    rng = random.Random(seed)
    used: set[str] = set()
    questions: list[dict] = []
    folder.mkdir(parents=True, exist_ok=True)
    topics: list[tuple[str, str] | None] = [*TOPICS, *([None] * (people - len(TOPICS)))]
    rng.shuffle(topics)
    pairs = rng.sample([(p, j) for p in PLACES for j in JOBS], people)  # each (place, job) names one person
    for i, topic in enumerate(topics):
        topic_zh, topic_en = topic or (rng.choice(FILLER), None)
        name = _person(rng, used)
        year = rng.randint(1901, 1999)
        place, job = pairs[i]
        title = f"{name}的故事"
        body = (
            f"{name}于{year}年出生在{place}，后来成为一名{job}。{rng.choice(FILLER)}"
            f"{topic_zh}{rng.choice(FILLER)}{name}晚年一直居住在{place}。"
        )
        doc_id = f"doc{i}.md"
        (folder / doc_id).write_text(f"# {title}\n\n{body}\n", encoding="utf-8")
        questions += [
            {"question": f"{name}是哪一年出生的？", "gold": doc_id, "group": "zh"},
            {"question": f"{name}后来从事什么职业？", "gold": doc_id, "group": "zh"},
            {"question": f"哪位{job}出生在{place}？", "gold": doc_id, "group": "zh"},
        ]
        if topic_en:
            questions.append({"question": topic_en, "gold": doc_id, "group": "en"})
    return questions


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, use_embedder):
    root = tmp_path_factory.mktemp("retrieval")
    questions = generate_corpus(root / "docs")
    build_index([root / "docs"], root / "index", embedder=use_embedder, progress=False)
    return root, questions


@pytest.fixture(scope="module")
def searcher(corpus, use_embedder):
    root, _ = corpus
    return Searcher(root / "index", embedder=use_embedder)


def _hit1(searcher: Searcher, questions: list[dict], mode: str) -> float:
    results = searcher.search_many([q["question"] for q in questions], k=1, mode=mode)
    return float(np.mean([bool(h) and h[0].doc_id == q["gold"] for q, h in zip(questions, results, strict=True)]))


# ---- persisted BM25 ----------------------------------------------------------------------


def test_bm25_is_persisted_in_the_generation_under_the_manifest(corpus):
    root, _ = corpus
    store = IndexStore(root / "index")
    manifest = store.read_manifest()
    gen = store.current_dir()
    # Files live in the generation's segment folders (seg-*/), each listed with its checksum.
    in_segment = {name.split("/", 1)[1] for name in manifest["files"] if name.startswith("seg-")}
    bm25_files = [name for name in manifest["files"] if "/bm25/" in name]
    assert {"bm25/vocab.index.json", "bm25/data.csc.index.npy"} <= in_segment
    assert {"windows.npy", "window_starts.npy"} <= in_segment
    for name in bm25_files:
        assert (gen / name).is_file()


def test_bm25_loads_without_rebuilding_or_tokenizing_the_corpus(corpus, use_embedder, monkeypatch):
    import bm25s

    import qa.keyword

    def forbidden(*args, **kwargs):
        raise AssertionError("the corpus must not be tokenized or indexed at load/search time")

    monkeypatch.setattr(qa.keyword, "corpus_tokens", forbidden)
    monkeypatch.setattr(bm25s.BM25, "index", forbidden)
    root, questions = corpus
    fresh = Searcher(root / "index", embedder=use_embedder)
    q = next(q for q in questions if q["group"] == "zh")
    hits = fresh.search(q["question"], k=1, mode="keyword")
    assert hits and hits[0].doc_id == q["gold"]


def test_damaged_bm25_file_is_reported(tmp_path, use_embedder):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text("长城是中国古代的军事防御工程。", encoding="utf-8")
    build_index([tmp_path / "docs"], tmp_path / "index", embedder=use_embedder, progress=False)
    gen = IndexStore(tmp_path / "index").current_dir()
    next(gen.glob("seg-*/bm25/vocab.index.json")).write_text("{}", encoding="utf-8")
    with pytest.raises(IndexStoreError, match="checksum"):
        Searcher(tmp_path / "index", embedder=use_embedder)


def test_old_format_index_asks_for_a_rebuild(tmp_path, use_embedder):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text("长城是中国古代的军事防御工程。", encoding="utf-8")
    build_index([tmp_path / "docs"], tmp_path / "index", embedder=use_embedder, progress=False)
    manifest_path = IndexStore(tmp_path / "index").current_dir() / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest["format_version"] = 1
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(IndexStoreError, match="rebuild it"):
        Searcher(tmp_path / "index", embedder=use_embedder)


def test_incremental_build_updates_bm25_and_reuses_window_vectors(tmp_path, use_embedder):
    docs = tmp_path / "docs"
    generate_corpus(docs, seed=1, people=10)
    index = tmp_path / "index"
    first = build_index([docs], index, embedder=use_embedder, progress=False)
    assert first.windows > first.chunks > 0

    (docs / "new.txt").write_text("天文学家发现了一颗名为zorblax的彗星。它每七十年接近太阳一次。\n", encoding="utf-8")
    second = build_index([docs], index, embedder=use_embedder, progress=False)
    assert second.added == ["new.txt"]
    assert second.embedded == 1  # only the new document's chunk; every other window vector reused
    hits = Searcher(index, embedder=use_embedder).search("zorblax彗星", k=3, mode="keyword")
    assert hits and hits[0].doc_id == "new.txt"

    (docs / "new.txt").unlink()
    third = build_index([docs], index, embedder=use_embedder, progress=False)
    assert third.removed == ["new.txt"] and third.embedded == 0
    after = Searcher(index, embedder=use_embedder)
    assert after.search("zorblax", k=3, mode="keyword") == []
    assert all(h.doc_id != "new.txt" for h in after.search("zorblax彗星", k=5))


# ---- fusion ----------------------------------------------------------------------------


def test_hybrid_is_no_worse_than_the_best_single_signal_per_group(corpus, searcher):
    _, questions = corpus
    for group in ("zh", "en"):
        subset = [q for q in questions if q["group"] == group]
        bm25, dense, hybrid = (_hit1(searcher, subset, m) for m in ("keyword", "dense", "hybrid"))
        assert hybrid >= max(bm25, dense), (group, bm25, dense, hybrid)
    zh = [q for q in questions if q["group"] == "zh"]
    assert _hit1(searcher, zh, "hybrid") >= 0.9


def test_english_question_over_chinese_text_finds_the_passage_in_hybrid_mode(corpus, searcher):
    _, questions = corpus
    english = [q for q in questions if q["group"] == "en"]
    results = searcher.search_many([q["question"] for q in english], k=3, mode="hybrid")
    found = [any(h.doc_id == q["gold"] for h in hits) for q, hits in zip(english, results, strict=True)]
    assert np.mean(found) >= 0.75, found
    assert _hit1(searcher, english, "hybrid") > _hit1(searcher, english, "keyword")


def test_fusion_weights_follow_question_language_and_vocabulary_coverage():
    from qa.fusion import QueryFeatures, cjk_share, keyword_weight

    assert cjk_share("大熊猫吃什么？") == 1.0
    assert cjk_share("What do pandas eat?") == 0.0
    chinese = keyword_weight(QueryFeatures(1.0, 1.0))
    english = keyword_weight(QueryFeatures(0.0, 1.0))
    unknown_words = keyword_weight(QueryFeatures(1.0, 0.0))
    assert chinese > english > unknown_words == 0.0


def test_modes_and_bad_mode(searcher):
    for mode in ("hybrid", "dense", "keyword"):
        hits = searcher.search("出生", k=2, mode=mode)
        assert hits and [h.rank for h in hits] == list(range(1, len(hits) + 1))
        assert all(a.score >= b.score for a, b in zip(hits, hits[1:], strict=False))
    with pytest.raises(QueryError, match="mode"):
        searcher.search("出生", mode="fuzzy")


# ---- filters and minimum score -----------------------------------------------------------


def test_doc_and_section_filters_in_every_mode(corpus, searcher):
    _, questions = corpus
    q = next(q for q in questions if q["group"] == "zh" and q["gold"] != "doc13.md")
    other_title = next(c.section_path[0] for c in searcher.chunks if c.doc_id == "doc13.md")
    for mode in ("hybrid", "dense", "keyword"):
        hits = searcher.search(q["question"], k=5, doc="doc13.md", mode=mode)
        assert all(h.doc_id == "doc13.md" for h in hits)
        hits = searcher.search(q["question"], k=5, section=other_title, mode=mode)
        assert all(h.section_path[0] == other_title for h in hits)
    hits = searcher.search(q["question"], k=5, doc="doc13.md", mode="dense")
    assert hits  # dense always has candidates inside the filter


def test_min_score_drops_weaker_hits(corpus, searcher):
    _, questions = corpus
    q = questions[0]["question"]
    for mode in ("hybrid", "dense", "keyword"):
        hits = searcher.search(q, k=8, mode=mode)
        assert len(hits) >= 2
        cut = (hits[0].score + hits[-1].score) / 2
        kept = searcher.search(q, k=8, mode=mode, min_score=cut)
        assert kept and all(h.score >= cut for h in kept) and len(kept) < len(hits)


# ---- highlighting ----------------------------------------------------------------------


def test_highlight_picks_the_answering_sentence(corpus, searcher):
    root, questions = corpus
    named = [q for q in questions if q["group"] == "zh" and not q["question"].startswith("哪位")]
    for q in named[:8]:
        hit = searcher.search(q["question"], k=1)[0]
        assert len(hit.highlights) == 1
        a, b = hit.highlights[0]
        marked = hit.text[a:b]
        name = q["question"][:3]
        if "出生" in q["question"]:
            assert "出生" in marked and name in marked
        else:
            assert "成为一名" in marked and name in marked
        assert hit.text[a:b] == hit.text[a:b].strip() and marked.endswith("。")


def test_highlight_for_english_question_uses_meaning(corpus, searcher):
    _, questions = corpus
    marked_topics = 0
    english = [q for q in questions if q["group"] == "en"]
    for q in english:
        hit = searcher.search(q["question"], k=1)[0]
        if hit.doc_id != q["gold"]:
            continue
        a, b = hit.highlights[0]
        topic_zh = TOPICS[[t[1] for t in TOPICS].index(q["question"])][0]
        marked_topics += topic_zh[:8] in hit.text[a:b]
    assert marked_topics >= len(english) // 2


def test_highlight_function_on_generated_passage():
    from qa.highlight import highlight_spans

    rng = random.Random(3)
    sentences = [f"{rng.choice(PLACES)}的{rng.choice(JOBS)}{i}号在{1900 + i}年获奖。" for i in range(6)]
    text = "".join(sentences)
    target = sentences[4]
    spans = highlight_spans(f"{target[:-1]}？", text)
    assert [text[a:b] for a, b in spans] == [target]


class _NoiseEmbedder:
    """A model that cannot tell passages apart: a fixed random unit vector per text."""

    model_id = "noise-test-model"
    dim = 64
    averaging = False

    def _encode(self, texts):
        import hashlib

        rows = []
        for text in texts:
            seed = int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "little")
            v = np.random.default_rng(seed).standard_normal(self.dim).astype(np.float32)
            rows.append(v / np.linalg.norm(v))
        return np.vstack(rows) if rows else np.zeros((0, self.dim), dtype=np.float32)

    def encode_documents(self, texts, progress=False):
        return self._encode(texts)

    def encode_queries(self, texts):
        return self._encode(texts)


def test_a_useless_dense_model_does_not_drag_hybrid_below_keyword_search(tmp_path):
    questions = generate_corpus(tmp_path / "docs", seed=2)
    embedder = _NoiseEmbedder()
    build_index([tmp_path / "docs"], tmp_path / "index", embedder=embedder, progress=False)
    searcher = Searcher(tmp_path / "index", embedder=embedder)
    zh = [q for q in questions if q["group"] == "zh"]
    keyword, dense, hybrid = (_hit1(searcher, zh, m) for m in ("keyword", "dense", "hybrid"))
    assert dense < keyword  # the premise: the dense signal is noise here
    assert hybrid >= keyword, (keyword, dense, hybrid)
