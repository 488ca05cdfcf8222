"""Back matter ('附则', '结语', '参考文献') stands beside a numbered document's chapters, not under the last one.

An exploratory tester's law (编/章/节/条, then an unnumbered '附　　则' holding the commencement clause) cited
'本法自…起施行' under '第二编 分则 › 第三章 许可管理 › 附则'; a report's '结语' and '参考文献' were filed under its
last '二、' heading. Documents are written as users keep them (.txt) and read through the real loader.
"""

from __future__ import annotations

from pathlib import Path

from qa.loading import load_file
from qa.structure import recover_outline

LAW = """中华人民共和国示范管理法

第一编　总　　则

第一章　一般规定

第一条　为了规范示范管理活动，保护当事人的合法权益，制定本法。

第二条　在中华人民共和国境内从事示范管理活动，适用本法。

第二编　分　　则

第二章　许可管理

第一节　申请与受理

第三条　申请示范许可，应当向所在地县级人民政府示范管理部门提交申请书。

第二节　审查与决定

第四条　示范管理部门应当自受理之日起二十日内作出许可决定。

附　　则

第五条　本法自2024年7月1日起施行。
"""

REPORT = """关于加强社区治理的调研报告

一、基本情况

全市共有社区120个，覆盖人口80万，社区工作者600人。

二、存在问题

（一）人员不足

社区工作者配备不足，平均每个社区5人，难以满足服务需求。

（二）经费紧张

经费主要依靠财政拨款，渠道单一，保障水平不高。

结语

社区治理需要多方合力，久久为功，方能见到实效。

参考文献

[1] 张三. 社区治理研究[M]. 北京: 人民出版社, 2020.
"""


def _path_of(outline, needle: str) -> tuple[str, ...]:
    for section in outline.sections:
        for k in section.paragraphs:
            if needle in outline.paragraphs[k].text:
                return section.path
    raise AssertionError(f"{needle!r} is in no section")


def _outline(path: Path):
    return recover_outline(load_file(path, path.name))


def test_law_supplementary_provisions_stand_beside_its_parts(tmp_path: Path) -> None:
    path = tmp_path / "law.txt"
    path.write_text(LAW, encoding="utf-8")
    outline = _outline(path)
    assert _path_of(outline, "本法自2024年7月1日起施行")[-1].replace(" ", "") == "附则"
    assert not any("第二" in level for level in _path_of(outline, "本法自2024年7月1日起施行"))
    # the chapters keep their nesting
    chapters = [t.replace(" ", "") for t in _path_of(outline, "第四条")][-3:]
    assert chapters == ["第二编分则", "第二章许可管理", "第二节审查与决定"]


def test_report_conclusion_and_references_leave_the_last_heading(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    outline = _outline(path)
    for needle, part in (("久久为功", "结语"), ("社区治理研究", "参考文献")):
        section = _path_of(outline, needle)
        assert section[-1] == part
        assert not any(level.startswith(("二、", "（二）")) for level in section), section
    assert _path_of(outline, "渠道单一")[-2:] == ("二、存在问题", "（二）经费紧张")


def test_unnumbered_subhead_under_a_numbered_heading_stays_under_it(tmp_path: Path) -> None:
    """Negative: an ordinary unnumbered subhead is not back matter; it still nests under the numbered heading."""
    text = REPORT.replace("结语", "典型经验").split("参考文献")[0]
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    section = _path_of(_outline(path), "久久为功")
    assert section[-1] == "典型经验"
    assert "二、存在问题" in section


def test_numbered_supplementary_chapter_keeps_its_number(tmp_path: Path) -> None:
    """Negative: '第三章 附则' is a numbered chapter like the others (ranked by its number, beside 第二章)."""
    text = LAW.replace("第一编　总　　则\n\n", "").replace("第二编　分　　则\n\n", "")
    text = text.replace("附　　则", "第三章　附　　则")
    path = tmp_path / "law.txt"
    path.write_text(text, encoding="utf-8")
    section = _path_of(_outline(path), "本法自2024年7月1日起施行")
    assert section[-1].replace(" ", "") == "第三章附则"
    assert not any("第二章" in level for level in section)


TEXTBOOK = """数据结构教程

第一章　绪论

1.1 基本概念

数据结构研究数据的逻辑结构、存储结构及其运算。

参考文献

[1] 严蔚敏. 数据结构（C语言版）[M]. 北京: 清华大学出版社, 2011.

第二章　线性表

2.1 顺序表

顺序表用一组地址连续的存储单元依次存放线性表的元素。

参考文献

[1] Knuth D E. The Art of Computer Programming[M]. Addison-Wesley, 1997.
"""


def test_chapter_references_stay_the_chapters_own(tmp_path: Path) -> None:
    """Negative: a textbook's references after every chapter are that chapter's, and the next chapter is no part of
    them ('参考文献 › 第二章 线性表' once every later chapter nested under the first chapter's references)."""
    path = tmp_path / "textbook.txt"
    path.write_text(TEXTBOOK, encoding="utf-8")
    outline = _outline(path)
    first = _path_of(outline, "严蔚敏")
    assert [t.replace(" ", "") for t in first[-2:]] == ["第一章绪论", "参考文献"]
    second = _path_of(outline, "顺序表用一组")
    assert "参考文献" not in second and any(t.replace(" ", "") == "第二章线性表" for t in second)
    last = _path_of(outline, "Knuth")
    assert [t.replace(" ", "") for t in last[-2:]] == ["第二章线性表", "参考文献"]
