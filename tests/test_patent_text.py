"""A Chinese patent application saved as plain text: 权利要求书, 说明书 (技术领域 … 具体实施方式) and 说明书摘要 are
documents filed side by side, so the abstract is cited as '说明书摘要', not under the description's last part; a
description part sits under 说明书 and an example under its part. A report that merely has a '背景技术' heading is not
read as a patent."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.loading import load_file
from qa.structure import recover_outline

TITLE = "一种锂离子电池正极材料的制备方法"
PATENT = [
    "权利要求书",
    "1.一种锂离子电池正极材料的制备方法，其特征在于，包括以下步骤：将镍盐、钴盐和锰盐按摩尔比8:1:1溶于去离子水中，"
    "得到混合盐溶液；在搅拌条件下加入沉淀剂，得到前驱体。",
    "2.根据权利要求1所述的制备方法，其特征在于，所述沉淀剂为氢氧化钠溶液，浓度为2mol/L。",
    "说明书",
    TITLE,
    "技术领域",
    "本发明涉及锂离子电池技术领域，具体涉及一种高镍三元正极材料的制备方法。",
    "背景技术",
    "随着新能源汽车的快速发展，市场对动力电池能量密度的要求不断提高。高镍三元材料比容量高，但其循环稳定性较差。",
    "发明内容",
    "本发明的目的在于提供一种锂离子电池正极材料的制备方法，以解决现有技术中高镍材料循环稳定性差的问题。",
    "附图说明",
    "图1为本发明实施例1制备的正极材料的扫描电镜图。",
    "具体实施方式",
    "下面结合实施例对本发明作进一步详细说明。",
    "实施例1",
    "将硫酸镍、硫酸钴和硫酸锰按摩尔比8:1:1溶于去离子水中，在55℃下以800r/min搅拌，反应12小时后得到前驱体。",
    "说明书摘要",
    "本发明公开了一种锂离子电池正极材料的制备方法，所得正极材料循环稳定性好。",
]


def _where(path: Path) -> dict[str, tuple[str, ...]]:
    outline = recover_outline(load_file(path))
    return {outline.paragraphs[i].text[:10]: s.path for s in outline.sections for i in s.paragraphs}


@pytest.mark.parametrize("gap", ["\n\n", "\n"])
def test_a_patents_documents_are_side_by_side(tmp_path: Path, gap: str) -> None:
    path = tmp_path / "patent.txt"
    path.write_text(gap.join(PATENT) + "\n", "utf-8")
    where = _where(path)
    assert where["本发明公开了一种锂离"] == ("说明书摘要",)
    assert where["2.根据权利要求1所"] == ("权利要求书",)
    assert where["随着新能源汽车的快速"] == ("说明书", TITLE, "背景技术")
    assert where["将硫酸镍、硫酸钴和硫"] == ("说明书", TITLE, "具体实施方式", "实施例1")


def test_a_report_with_a_background_heading_is_no_patent(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(
        "\n\n".join(
            [
                "智慧社区建设调研报告",
                "背景",
                "近年来，我市加快推进智慧社区建设，已有120个社区接入统一平台。",
                "技术领域",
                "调研涉及物联网、视频分析和数据中台等技术。",
                "摘要",
                "调研发现，居民对线上办事的满意度达到87%。",
                "主要问题",
                "部分老旧小区网络覆盖不足，设备维护资金缺乏保障。",
            ]
        ),
        "utf-8",
    )
    where = _where(path)
    # one or two part names are no patent: bare headlines replace each other as before
    assert where["部分老旧小区网络覆盖"][-1] == "主要问题"
    assert where["调研发现，居民对线上"][-1] == "摘要"


GUIDE = [
    "专利申请文件撰写指南",
    "第一章 说明书的撰写",
    "说明书应当对发明作出清楚、完整的说明，以所属技术领域的技术人员能够实现为准。",
    "技术领域",
    "写明要求保护的技术方案所属的技术领域，不宜写得过宽或过窄。",
    "背景技术",
    "写明对发明的理解、检索、审查有用的背景技术，并引证反映这些背景技术的文件。",
    "发明内容",
    "写明发明所要解决的技术问题以及解决其技术问题采用的技术方案。",
    "具体实施方式",
    "详细写明申请人认为实现发明的优选方式，必要时举例说明。",
    "第二章 权利要求书的撰写",
    "权利要求书应当以说明书为依据，清楚、简要地限定要求专利保护的范围。",
    "第三章 摘要的撰写",
    "摘要应当写明发明的名称和所属技术领域，并清楚地反映所要解决的技术问题。",
]


def test_a_guide_naming_the_parts_under_its_chapters_is_no_patent(tmp_path: Path) -> None:
    path = tmp_path / "guide.txt"
    path.write_text("\n\n".join(GUIDE) + "\n", "utf-8")
    where = _where(path)
    # the next chapters are not filed inside the first one, under its part '具体实施方式'
    for text in ("权利要求书应当以说明", "摘要应当写明发明的名"):
        assert where[text][-1].startswith(("第二章", "第三章")), where[text]
        assert "第一章 说明书的撰写" not in where[text], where[text]
