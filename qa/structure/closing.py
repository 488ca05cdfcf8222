"""A document's closing block — signature, date, copy list — belongs to the document, not to its last section.

A notice, a letter, a contract or a report ends with who issued it and when ('某某市人民政府办公室⏎2026年1月20日'),
and an official document (GB/T 9704) with its colophon ('抄送：…', '某某办公室　2026年1月20日印发'); a contract with
its signature lines ('甲方（盖章）：', '签订日期：'). Printed after the last numbered section's text, these lines were
filed under that section: asked '该通知抄送给了哪些单位', the answer cited '… › 三、加强应急值守'. They are moved
to the section that holds the numbered outline (the document's title section, or the root), after it.

Only a run at the very end of the reading order, of lines that are all closing lines, with a date or a signature in
it, and only under a numbered section (a newspaper article's last lines are its own): anything else stays.
"""

from __future__ import annotations

import re

from qa.records import Outline, Section
from qa.sign_off import ISSUER_DATE as _ISSUER_DATE
from qa.sign_off import ISSUER_NAME as _ISSUER_NAME
from qa.sign_off import dated as _dated
from qa.sign_off import signer_line
from qa.structure.attachments import annexes_start, in_attachment_list
from qa.structure.cues import SENTENCE_FINAL, bracketed_note
from qa.structure.headings import BODY_END, CLAUSE, outline_rank

# The colophon and notes of an official document, and a contract's signature lines.
# (Not '联系人：', '联系电话：': a notice's last section gives them as its content, '三、报名方式 … 联系人：王老师'.)
_COLOPHON = re.compile(r"^(?:抄\s*送|抄\s*报|主\s*送|分\s*送|印\s*发|签订地点|签订日期)\s*[：:]")
_SIGNATURE = re.compile(r"(?:签\s*字|签\s*章|盖\s*章|签\s*名|法定代表人|委托代理人)")
MAX_SIGNATURE_LINE = 30  # characters: an issuer's name or a signature line, not a sentence


def _signed(text: str) -> bool:
    """A signature: a signer by office and name ('市长　张三') or a signature line ('甲方（盖章）：')."""
    return signer_line(text) or _signature_line(text)


def _signature_line(text: str) -> bool:
    """A contract's line for a signature or seal, not a sentence that mentions signing."""
    return (
        bool(_SIGNATURE.search(text))
        and len(text) <= MAX_SIGNATURE_LINE * 2
        and not text.endswith(SENTENCE_FINAL)
        and "，" not in text
    )


def closing_line(text: str) -> bool:
    """A line a closing block is made of: a date, a colophon line, a signature line, a note, a short issuer line."""
    if _dated(text) or _COLOPHON.match(text) or _signed(text) or bracketed_note(text):  # '（此件公开发布）'
        return True
    # an issuer's name ('某某大学体育部'): no 'label：value' line ('联系电话：…' is the last section's fact)
    return len(text) <= MAX_SIGNATURE_LINE and not text.endswith(BODY_END) and not any(c in text for c in "，：:")


MAX_ISSUER_LINES = 2  # short bare lines above the first date or signature line: the issuer, a department


def closing_length(texts: list[str]) -> int:
    """How many of the last ``texts`` (paragraphs in reading order) make a closing block; 0 when they do not."""
    run: list[str] = []
    for k in range(len(texts) - 1, -1, -1):
        text = texts[k].strip()
        # an attachment list's last item ('2. 供暖期室温检测规程') is short and bare like an issuer, but the list's
        if "\n" in text or not closing_line(text) or in_attachment_list(texts, k):
            break
        run.insert(0, text)
    first = next((k for k, t in enumerate(run) if _dated(t) or _signed(t)), None)
    if first is None:
        return 0  # short lines without a date or a signature: a list, a table's last rows — the section's own
    # a closing says who: an issuer line over the date, a signature, a colophon; a bare date may be a section's fact
    if not (first > 0 or any(_signed(t) or _COLOPHON.match(t) or _ISSUER_DATE.match(t) for t in run)):
        return 0
    above = first  # bare lines above the first date or signature line
    if above > MAX_ISSUER_LINES:
        # more short lines than one issuer signs: a list ending the last section ('申请表⏎承诺书⏎工作方案'); only the
        # organisations' names at its foot are issuers
        above = 0
        while above < first and _ISSUER_NAME.search(run[first - above - 1]):
            above += 1
        # all of them organisations' names, not announced as a list: a joint notice's issuers, one a line
        # ('重庆市总工会⏎重庆市人力资源和社会保障局⏎重庆市财政局⏎2026年3月1日')
        before = texts[len(texts) - len(run) - 1].rstrip() if len(run) < len(texts) else ""
        if above < first:
            above = min(above, MAX_ISSUER_LINES)
        elif _announces_list(before):
            # the section's own list ('下列单位按职责配合。⏎市教委⏎市财政局'): its issuer, if any, is the full
            # name at its foot that names its place ('重庆市人民政府办公厅'), which the list's short names do not
            above = 0
            while above < min(first, MAX_ISSUER_LINES) and _FULL_NAME.match(run[first - above - 1]):
                above += 1
    return len(run) - first + above


# What a full organisation's name opens with: its place ('重庆市…', '四川省…', '渝中区…') or the state's ('国家…',
# '中华人民共和国…'); a list's short names ('市财政局', '市教委') leave it out.
_FULL_NAME = re.compile(
    r"^(?:中华人民共和国|中共|中国|国家|国务院|[\u4e00-\u9fff]{2,8}?(?:省|自治区|市|县|区|州|盟|旗))"
)
# A sentence announcing the list below it ('下列单位按职责配合。', '名单如下：').
_ANNOUNCING = re.compile(r"(?:下列|以下|如下|下述|名单)[^。！？；]*[。：:]?$")


def _announces_list(before: str) -> bool:
    """Whether the line over a run of organisations' names announces them as a list: a line ending in a colon
    ('参加单位：'), a sentence saying 'the following' ('下列单位按职责配合。'), or a heading (nothing else above
    them in their section, or a numbered line: '三、配合单位'). Such names are the section's list, not a joint
    notice's issuers, which stand under its last paragraph with nothing announcing them."""
    if not before or before.endswith(("：", ":")) or outline_rank(before) is not None:
        return True
    return bool(_ANNOUNCING.search(before))


def place_closing_block(outline: Outline) -> Outline:
    """``outline`` with a closing block at the end of its last numbered section moved to the outline's parent.

    The end is the text's, before any annex: a notice followed by its attachments ('附件1' over a list of firms,
    '附件2' over a procedure) signs off above the first of them, and its issuer and date were left under its last
    section '四、…'."""
    if not outline.sections:
        return outline
    end = annexes_start([p.text for p in outline.paragraphs])
    ends = {id(s): max((i for i in s.paragraphs if i < end), default=-1) for s in outline.sections}
    last = max((s for s in outline.sections if ends[id(s)] >= 0), key=lambda s: ends[id(s)], default=None)
    if last is None:
        return outline
    numbered = [j for j, title in enumerate(last.path) if outline_rank(title) is not None or CLAUSE.match(title)]
    if not numbered:
        return outline
    body = [i for i in last.paragraphs if i < end and outline.roles.get(i, "body") != "heading"]
    if not body or body[-1] != ends[id(last)]:
        return outline
    length = closing_length([outline.paragraphs[i].text for i in body])
    if not length or length == len(last.paragraphs):
        return outline  # the whole section would go: it is not a section's text followed by a closing
    run = body[-length:]
    keep = [k for k, i in enumerate(last.paragraphs) if i not in run]
    last.paragraphs = [last.paragraphs[k] for k in keep]
    last.joins = [last.joins[k] for k in keep]
    closing = Section(path=last.path[: numbered[0]], paragraphs=run)
    if end >= len(outline.paragraphs):
        outline.sections.append(closing)
    else:  # in reading order: after the text it closes, before the annexes
        outline.sections.insert(outline.sections.index(last) + 1, closing)
    # the closing's lines are lines of their own (issuers, the date), not a sentence broken across them
    outline.stitches = [s for s in outline.stitches if s.tail not in run]
    return outline
