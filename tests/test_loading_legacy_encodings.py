"""Text files saved in a legacy encoding are read as the text their author wrote, short ones too.

EUC-KR Korean and Shift-JIS Japanese used to be read as GB18030 (mojibake such as '措茄刮惫篮' went into the
index), a Latin-1 French file as cp1250 ('foręt'). GBK and Big5 Chinese, the common case, must stay Chinese.
The texts are real prose (a constitution's first articles, a novel's opening, a regulation), written to disk in
the encoding a user's old editor would have used; the build and the index see the file as a user would.
"""

from __future__ import annotations

import logging

import pytest

from qa.loading import load_file, load_paths

KOREAN = "대한민국은 민주공화국이다. 대한민국의 주권은 국민에게 있고, 모든 권력은 국민으로부터 나온다."
JAPANESE = "吾輩は猫である。名前はまだ無い。どこで生れたかとんと見当がつかぬ。"
FRENCH = "Le chemin de la forêt était très calme. Après l'orage, les enfants sont rentrés à la maison."
GERMAN = "Die Straße führt über die Brücke zum Rathaus, wo die Bürger ihre Anträge abgeben."
RUSSIAN = "Все счастливые семьи похожи друг на друга, каждая несчастливая семья несчастлива по-своему."
CHINESE = "第一条 为了规范本单位的差旅费管理，加强经费支出的控制，根据国家有关规定，制定本办法。"
TRADITIONAL = "第一條 為了規範本單位的差旅費管理，加強經費支出的控制，根據國家有關規定，制定本辦法。"

CASES = [
    (KOREAN, "euc_kr"),
    (KOREAN[:9], "euc_kr"),  # 대한민국은 민주공화국: a short file
    (JAPANESE, "shift_jis"),
    (JAPANESE[:7], "shift_jis"),  # 吾輩は猫である
    ("こんにちは世界", "shift_jis"),
    (JAPANESE, "euc_jp"),
    (FRENCH, "latin-1"),
    (FRENCH, "cp1252"),
    ("La forêt", "latin-1"),
    ("Café", "cp1252"),
    (GERMAN, "latin-1"),
    (RUSSIAN, "cp1251"),
    (RUSSIAN, "koi8_r"),
    (CHINESE, "gbk"),
    (CHINESE[:6], "gbk"),  # 第一条 为了规范: short Chinese stays Chinese
    ("无效配置", "gbk"),
    ("会议纪要", "gbk"),
    (CHINESE, "gb18030"),
    (TRADITIONAL, "big5"),
    (TRADITIONAL[:8], "big5"),
    # Big5 as Windows (cp950) and Hong Kong (Big5-HKSCS) save it: plain big5 rejects '€', '碁', '邨'
    ("價格為100€，請於週一前繳納。本公司營業時間為上午九點至下午五點。", "cp950"),
    ("圍棋又稱碁，是一種策略性棋類遊戲。", "cp950"),
    ("香港特別行政區的邨屋，位於沙田區。", "big5hkscs"),
    # Chinese with spaces between words (a list, a space-aligned table) is still Chinese, not Korean
    ("张三 李四 王五 赵六", "gbk"),
    ("姓名 部门 电话\n张伟 销售部 13800000000\n王芳 财务部 13900000000\n李娜 人事部 13700000000", "gbk"),
    ("大韩民国 宪法 第一条", "gbk"),
    ("번역 목록 한국어 문서", "euc_kr"),  # Korean spaces its words too
]


@pytest.mark.parametrize(("text", "encoding"), CASES, ids=[f"{e}-{t[:6]}" for t, e in CASES])
def test_a_legacy_encoded_file_reads_as_its_text(tmp_path, text, encoding):
    path = tmp_path / "note.txt"
    path.write_bytes((text + "\n").encode(encoding))
    assert load_file(path).text.strip() == text


def test_a_truly_ambiguous_file_is_read_as_chinese_and_named_in_the_build_messages(tmp_path, caplog):
    # '版本 2.0' in GBK: its four bytes are also two valid hangul syllables in EUC-KR; the bytes alone cannot tell.
    data = "版本 2.0".encode("gbk")
    assert data.decode("euc_kr") != "版本 2.0"
    (tmp_path / "short.txt").write_bytes(data)
    (tmp_path / "long.txt").write_bytes((KOREAN + "\n").encode("euc_kr"))
    (tmp_path / "chinese.txt").write_bytes((CHINESE + "\n").encode("gbk"))
    with caplog.at_level(logging.WARNING, logger="qa.loading"):
        result = load_paths([tmp_path])
    texts = {d.doc_id: d.text.strip() for d in result.documents}
    assert texts == {"short.txt": "版本 2.0", "long.txt": KOREAN, "chinese.txt": CHINESE}  # nothing dropped
    messages = [r.getMessage() for r in caplog.records]
    assert any("short.txt" in m and "could also be" in m and "UTF-8" in m for m in messages)
    assert not any("long.txt" in m or "chinese.txt" in m for m in messages)  # clear files are read without a word
