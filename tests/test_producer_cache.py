"""The producers' output cache (tests/producer_cache.py): an entry is used only when whole, its switch turns it off
or moves it, and what a producer stores is what it gets back."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.producer_cache import ProducerCache

SWITCH = "NEWSPAPER_TEST_CACHE"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ProducerCache:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv(SWITCH, raising=False)
    return ProducerCache("qa-newspaper-test", SWITCH)


def test_an_entry_comes_back_as_stored(cache: ProducerCache, tmp_path: Path) -> None:
    """A PDF copied in and a record given as bytes come back, byte for byte, under the user's cache folder."""
    pdf = tmp_path / "paper.pdf"
    pdf.write_bytes(b"%PDF-1.4 a paper")
    cache.put("23000-0-abc", {".pdf": pdf, ".json": '{"jumps": ["头条"]}'.encode()})
    kept = cache.get("23000-0-abc", (".pdf", ".json"))
    assert kept == [tmp_path / "xdg" / "qa-newspaper-test" / f"23000-0-abc{s}" for s in (".pdf", ".json")]
    assert kept[0].read_bytes() == b"%PDF-1.4 a paper"
    assert kept[1].read_text(encoding="utf-8") == '{"jumps": ["头条"]}'
    assert not [p for p in kept[0].parent.iterdir() if p.name.startswith(".")]  # no temporary file left behind


def test_an_entry_missing_a_file_is_no_hit(cache: ProducerCache) -> None:
    """A run killed between its PDF and its record leaves no entry that would be read half: the producer runs again."""
    cache.put("k", {".pdf": b"pdf"})
    assert cache.get("k", (".pdf", ".json")) is None
    assert cache.get("k", (".pdf",)) is not None
    assert cache.get("other") is None


def test_the_switch_turns_the_cache_off_or_moves_it(
    cache: ProducerCache, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``=0``: nothing is read or written (every paper laid out afresh); a folder: the entries live there; ``=1``: the
    default folder."""
    monkeypatch.setenv(SWITCH, "0")
    cache.put("k", {"": b"out"})
    assert cache.get("k") is None and not (tmp_path / "xdg").exists()
    monkeypatch.setenv(SWITCH, str(tmp_path / "elsewhere"))
    cache.put("k", {"": b"out"})
    assert cache.get("k") == [tmp_path / "elsewhere" / "k"]
    monkeypatch.setenv(SWITCH, "1")
    assert cache.folder() == tmp_path / "xdg" / "qa-newspaper-test"
