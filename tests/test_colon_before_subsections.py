"""A colon that announces the subsections printed right under it ('现总结如下：' over '一、主要成绩') is finished.

The structure stage puts back together text a page split up, and a paragraph ending with a colon whose next
section is another article announces a list printed elsewhere. In a report, a notice or a regulation, what it
announces is the document's own subsections: read as a fragment waiting for its list, it took the last numbered
item of a subsection ('2.举办读书讲座六十场…') away to the document's root, and that item was cited under the
title instead of '一、主要成绩 › （二）读者服务'.
"""

from __future__ import annotations

import pytest

from qa.loading import load_paths
from qa.structure import recover_outline

REPORT = """市图书馆2023年工作总结

今年以来，我馆围绕全民阅读目标，扎实推进各项工作，现总结如下：

一、主要成绩

（一）馆藏建设

1.全年新增图书三万二千册，其中少儿图书八千册。

2.新增电子期刊数据库两个，数字资源总量达到五十TB。

（二）读者服务

1.全年接待读者四十八万人次，同比增长百分之十五。

2.举办读书讲座六十场，参与群众一万余人。

二、存在问题

馆舍面积不足，阅览座位长期紧张，周末高峰时段一座难求。
"""

RULES = """实验室安全管理规定

为保障师生安全，结合本院实际，规定如下：

一、化学品管理

（1）危险化学品须存放在专用柜中，双人双锁管理。

（2）废液须分类收集，每月由学校统一回收处理。

二、用电安全

（1）禁止私拉乱接电线，禁止使用大功率电器。

（2）离开实验室前须切断所有非必要电源。

三、附则

本规定由院办公室负责解释。
"""


@pytest.mark.parametrize(
    ("text", "item", "path"),
    [
        (REPORT, "2.举办读书讲座六十场", ("一、主要成绩", "（二）读者服务")),
        (RULES, "（2）离开实验室前须切断", ("二、用电安全",)),
    ],
)
def test_the_last_item_stays_in_its_subsection_under_a_colon_intro(tmp_path, text, item, path) -> None:
    (tmp_path / "doc.txt").write_text(text, encoding="utf-8")
    outline = recover_outline(load_paths([tmp_path]).documents[0])
    where = {i: s.path for s in outline.sections for i in s.paragraphs}
    (para,) = [p for p in outline.paragraphs if p.text.startswith(item)]
    assert where[para.index][-len(path) :] == path
