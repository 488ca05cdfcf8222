"""The lines a Chinese document signs off with: the issuers' names and its date.

Two readers need them: the paragraph splitter (``qa.paragraphs``), which keeps each issuer of a joint notice on a
line of its own, and the structure stage (``qa.structure.closing``), which files the closing under the document
rather than its last section. Kept here, outside ``qa.structure``, because the splitter runs before that package
and is imported by it.
"""

from __future__ import annotations

import re

_NUM = r"[\d０-９〇零一二三四五六七八九十]"
# '2026年1月20日', '二〇二六年一月二十日', '2026年1月20日印发', '签订日期：2026年1月20日', '2026-01-20' — a date
# labelled as the document's own date only: '报名截止日期：…', '时间：…' are a section's facts, not its closing.
DATE = re.compile(
    rf"^(?:(?:签订|签署|签发|印发|发文|落款)?日\s*期\s*[：:]\s*)?(?:{_NUM}{{4}}\s*年\s*{_NUM}{{1,2}}\s*月\s*{_NUM}{{1,3}}\s*日|\d{{4}}[-./]\d{{1,2}}[-./]\d{{1,2}})"
    r"\s*(?:印发|发布|签发|通过)?$"
)
# The issuer and the date on one line: '某某市人民政府办公室　2026年1月20日印发'.
ISSUER_DATE = re.compile(
    rf"^\S{{2,30}}\s+{_NUM}{{4}}\s*年\s*{_NUM}{{1,2}}\s*月\s*{_NUM}{{1,3}}\s*日\s*(?:印发|发布|签发)?$"
)
# an organisation's name ends with what it is ('…人民政府办公室', '…教务处', '…有限公司'); a listed item does not
ISSUER_NAME = re.compile(
    r"(?:人民政府|办公[室厅]|委员会|党委|支部|[局厅处科部委办院校所站队社室组会联厂馆台]|大学|学院|中学|小学|公司|集团|中心|协会|学会"
    r"|银行|医院|街道|社区)$"
)
# A signer by office and name, the way a 公告, a letter or a judgment is signed: '市长　张三', '董事长 李四',
# '审判员　王五'. The office ends in a word for a post, a space parts it from the name. Not 'label：value':
# '组长：张建国' is a section's list of post holders ('领导小组：⏎组长：…⏎副组长：…'), not a sign-off.
SIGNER = re.compile(
    r"^[\u4e00-\u9fff]{0,8}(?:[长長员員]|主任|书记|書記|经理|經理|主席|法官|负责人|負責人)"
    r"[\s　]+([\u4e00-\u9fff·]{2,5})$"
)
MAX_ISSUER_LINE = 30  # characters: an issuer's name, not a sentence
_NOT_A_NAME = re.compile(r"[，,。；;：:！!？?、]")


def dated(text: str) -> bool:
    """A line that is the document's date, alone or after its issuer."""
    return bool(DATE.match(text) or ISSUER_DATE.match(text))


def issuer_line(text: str) -> bool:
    """A line that is wholly an organisation's name ('重庆市人力资源和社会保障局'): short, no punctuation, ending
    with what the organisation is."""
    return len(text) <= MAX_ISSUER_LINE and not _NOT_A_NAME.search(text) and bool(ISSUER_NAME.search(text))


def signer_line(text: str) -> bool:
    """A line that is wholly a signer by office and name ('市长　张三', '审判员　王五').

    The name must read as a person's name to jieba's part-of-speech tagger (its first word tagged ``nr``): '校长　致辞'
    and '增长　趋势' have an office-like word and a space but no name. jieba's tagger, not a list of surnames of ours:
    it knows compound and traditional names ('欧阳明', '蔣萬安') and is loaded only when the pattern matches.
    """
    match = SIGNER.match(text)
    if not match:
        return False
    import jieba.posseg  # the tagger loads its model on first use: only for lines shaped like a signature

    first = next(iter(jieba.posseg.cut(match.group(1))), None)
    return first is not None and first.flag == "nr"
