"""``python -m qa.pinyin_names`` rewrites the shipped pinyin table: what it writes reads back as the readings
pypinyin gives, and the write replaces the file whole (no half-written table is ever left to be read)."""

from __future__ import annotations

from qa.pinyin_names import build_readings, read_readings, write_readings


def test_the_written_table_reads_back_as_pypinyins_readings(tmp_path):
    path = tmp_path / "pinyin_readings.tsv"
    path.write_text("# an older table\nlu\t陆\n", encoding="utf-8")
    written = write_readings(path)
    assert read_readings(path) == written == build_readings()
    assert "陆" in written["lu"] and len(written) > 300
    assert [p.name for p in tmp_path.iterdir()] == ["pinyin_readings.tsv"]  # no leftover partial file
