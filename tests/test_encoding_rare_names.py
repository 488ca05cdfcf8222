"""A GBK text file of rare name characters is read as Chinese, not as cp1251 mojibake.

Characters people's names use ('镕', '喆', '堃', '昇') are outside GB2312 and outside every list of common characters;
a list of them, spaced apart, scored nothing as Chinese while the same bytes read as cp1251 ('йF»щ †ґ €Т') passed
for Cyrillic words: the file was indexed as mojibake. Russian text saved as cp1251 must still read as Russian."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.loading import load_file

NAMES = [
    "镕基 喆 堃 昇 珺 彧 玥 珏 琰 昶 翀 旻 淼 璟 瑄 祎 昊\n",
    "喆 堃 镕 彧 珺 昇 淼 翀 祎 昶\n",
    "生僻字\n朱镕基 陶喆 王堃 张昇 李珺 刘彧 陈玥 赵珏\n",
]


@pytest.mark.parametrize("text", NAMES)
def test_a_gbk_list_of_rare_name_characters_reads_as_written(tmp_path: Path, text: str) -> None:
    path = tmp_path / "names.txt"
    path.write_bytes(text.encode("gbk"))
    assert load_file(path).text.strip() == text.strip()


@pytest.mark.parametrize(
    "text",
    [
        "Цена 5 € и скидка в магазине.\nКупите в кредит и получите подарок.\n",
        "Файл не найден. Проверьте путь к файлу и повторите попытку.\n",
        "Это • список: я и ты, а также мы с вами.\n",
    ],
)
def test_russian_saved_as_cp1251_still_reads_as_russian(tmp_path: Path, text: str) -> None:
    path = tmp_path / "ru.txt"
    path.write_bytes(text.encode("cp1251"))
    assert load_file(path).text.strip() == text.strip()
