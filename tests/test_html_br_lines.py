"""Lines a page breaks with ``<br>`` inside one paragraph stay lines of one paragraph.

Each ``<br>`` line used to be a paragraph of its own, so a sentence an editor broke mid-way ('…由财务部<br>负责…')
was cut in two, and a passage could end in mid-sentence. A line now continues its paragraph unless the break ends
a sentence, comes before or after a numbered head, or parts lines of different weight; two ``<br>`` in a row (an
empty line) still end a paragraph, and heads written as '<strong>一、…</strong><br>' still head their sections.
"""

from __future__ import annotations

from qa.loading import load_file
from qa.structure import recover_outline

PAGE = """<html><head><title>会议纪要</title></head><body><article>
<h1>会议纪要</h1>
<p>时间：2024年5月8日<br>地点：第一会议室<br>主持人：张三<br>参会人员：李四、王五</p>
<p><strong>一、关于预算</strong><br>会议认为，本年度预算方案总体可行，由财务部<br>负责在五月底前完成细化。<br>
<strong>二、关于人事</strong><br>会议同意人事安排。</p>
<p>床前明月光<br>疑是地上霜<br><br>举头望明月<br>低头思故乡</p>
</article></body></html>"""


def _sections(tmp_path) -> tuple[list[tuple[tuple[str, ...], list[str]]], str]:
    path = tmp_path / "minutes.html"
    path.write_text(PAGE, encoding="utf-8")
    doc = load_file(path)
    outline = recover_outline(doc)
    return [(s.path, [outline.paragraphs[i].text for i in s.paragraphs]) for s in outline.sections], doc.text


def test_lines_broken_by_br_stay_one_paragraph_each_its_own_line(tmp_path):
    sections, text = _sections(tmp_path)
    assert sections == [
        (("会议纪要",), ["时间：2024年5月8日\n地点：第一会议室\n主持人：张三\n参会人员：李四、王五"]),
        (("会议纪要", "一、关于预算"), ["会议认为，本年度预算方案总体可行，由财务部\n负责在五月底前完成细化。"]),
        (("会议纪要", "二、关于人事"), ["会议同意人事安排。", "床前明月光\n疑是地上霜", "举头望明月\n低头思故乡"]),
    ]
    assert "主持人：张三\n参会人员：李四、王五" in text  # lines of their own, never glued


def test_a_numbered_head_after_a_br_still_heads_its_section(tmp_path):
    # an editor's notice in one <div> of lines: a line with a comma before '二、活动地点' does not swallow the head
    page = (
        "<html><head><title>活动通知</title></head><body><div>一、活动时间<br>5月1日至3日，每天上午9点<br>"
        "二、活动地点<br>市体育馆，东门入场<br>三、报名方式<br>电话报名，截止4月25日</div></body></html>"
    )
    path = tmp_path / "notice.html"
    path.write_text(page, encoding="utf-8")
    outline = recover_outline(load_file(path))
    assert [(s.path[-1], [outline.paragraphs[i].text for i in s.paragraphs]) for s in outline.sections][-3:] == [
        ("一、活动时间", ["5月1日至3日，每天上午9点"]),
        ("二、活动地点", ["市体育馆，东门入场"]),
        ("三、报名方式", ["电话报名，截止4月25日"]),
    ]
