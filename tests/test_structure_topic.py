"""The sentence encoder as topic evidence: loaded only when a page has fragments to place, never required."""

from __future__ import annotations

from qa.records import Document
from qa.structure import TopicSource, recover_outline
from qa.structure.topic import OFF
from tests.layout_pages import generate


class _Counting:
    """A factory that counts how often the structure stage asks for the encoder, then fails or delegates."""

    def __init__(self, delegate=None) -> None:
        self.calls = 0
        self.delegate = delegate

    def __call__(self):
        self.calls += 1
        if self.delegate is None:
            raise OSError("no model here")
        return self.delegate


def _sections(outline) -> list[tuple[tuple[str, ...], list[int]]]:
    return [(s.path, s.paragraphs) for s in outline.sections]


def test_a_report_without_fragments_never_loads_the_encoder() -> None:
    text = "\n\n".join(
        f"第{n}部分的正文写得很完整，讲述了这一年的工作情况和主要成绩。各项任务都已经按期完成，群众满意。"
        for n in range(1, 30)
    )
    factory = _Counting()
    recover_outline(Document("report.txt", None, text, "", "utf-8"), topic=TopicSource(factory))
    assert factory.calls == 0


def test_a_scrambled_page_stitches_without_the_encoder_when_it_cannot_load() -> None:
    page = generate(3, {"order": "shuffled", "cut": "sentence"})
    factory = _Counting()  # raises: as if the model files were missing
    broken = recover_outline(page.document(), topic=TopicSource(factory))
    assert factory.calls == 1  # asked once, for a page with fragments to place, then given up
    assert _sections(broken) == _sections(recover_outline(page.document(), topic=OFF))


def test_the_encoder_is_loaded_once_and_reused(use_embedder) -> None:
    factory = _Counting(use_embedder)
    source = TopicSource(factory)
    for seed in (3, 4):
        recover_outline(generate(seed, {"order": "shuffled", "cut": "sentence"}).document(), topic=source)
    assert factory.calls == 1
