"""A 公文's '（一）标题。' heads, ending in a full stop on a line of their own, head the text under them (plain text).

A user asking about the second part of '一、检查范围' was cited '一、检查范围' alone: the '（一）…。' lines were read
as sentences of text. A numbered list of sentences, and long numbered paragraphs of text, stay text.
"""

from __future__ import annotations

from pathlib import Path

from qa.loading import load_file
from qa.structure import recover_outline

NOTICE = """关于开展2026年度安全生产大检查的通知

各区县人民政府，市政府各部门：

为切实加强安全生产工作，有效防范和遏制重特大事故发生，经市政府同意，决定在全市范围内开展安全生产大检查。

一、检查范围

本次检查覆盖全市所有生产经营单位，重点是危险化学品、建筑施工、道路交通等行业领域。

（一）危险化学品领域。

重点检查储存设施、装卸作业和运输车辆的安全管理情况，核实重大危险源登记备案和监测监控措施落实情况。

（二）建筑施工领域。

重点检查深基坑、高支模、起重机械等危险性较大的分部分项工程，督促施工单位落实安全技术交底制度。

二、工作要求

（一）加强组织领导，压实工作责任。

各单位要成立由主要负责同志任组长的工作专班，明确责任分工，确保检查工作取得实效。

（二）严格督查问责。

对检查中发现的问题要建立台账，限期整改到位，对整改不力的单位依法依规严肃追责问责。

某某市人民政府办公室
2026年3月1日
"""

# The same document's numbered lines as a list of sentences, and as long paragraphs of text.
LISTED = """关于做好2026年度职称申报工作的通知

各有关单位：

现将2026年度职称申报工作有关事项通知如下。

一、申报条件

申报人员应当符合下列条件：

（一）遵守国家法律法规。

（二）具有良好的职业道德。

（三）身心健康，能够坚持正常工作。

二、申报材料

（一）各单位要高度重视职称申报工作，认真组织本单位符合条件的人员按时申报，切实做好材料审核把关。

请各单位于3月底前报送材料，逾期不予受理，由此造成的后果由申报单位自行承担。

（二）申报人员须对所提交材料的真实性负责，凡弄虚作假者一经查实取消其当年申报资格并记入诚信档案。

具体材料清单见附件，各单位应当按照清单顺序装订成册，一式三份报送至市人力资源和社会保障局。

三、联系方式

联系人：王老师，电话：12345678。

某某市人力资源和社会保障局
2026年2月1日
"""


class _Paths(dict):
    """Section path of the paragraph opening with a key."""

    def __getitem__(self, start: str) -> tuple[str, ...]:
        return next(path for text, path in self.items() if text.startswith(start))


def _paths(tmp_path: Path, text: str) -> _Paths:
    path = tmp_path / "notice.txt"
    path.write_text(text, encoding="utf-8")
    outline = recover_outline(load_file(path))
    return _Paths({outline.paragraphs[i].text.strip(): s.path for s in outline.sections for i in s.paragraphs})


def test_stopped_second_level_heads_head_their_text(tmp_path):
    paths = _paths(tmp_path, NOTICE)
    assert paths["重点检查储存设施"][1:] == ("一、检查范围", "（一）危险化学品领域。")
    assert paths["重点检查深基坑、"][1:] == ("一、检查范围", "（二）建筑施工领域。")
    assert paths["各单位要成立由主"][1:] == ("二、工作要求", "（一）加强组织领导，压实工作责任。")
    assert paths["对检查中发现的问"][1:] == ("二、工作要求", "（二）严格督查问责。")
    assert paths["本次检查覆盖全市"][1:] == ("一、检查范围",)


def test_numbered_sentences_in_a_list_or_a_paragraph_stay_text(tmp_path):
    paths = _paths(tmp_path, LISTED)
    assert paths["（一）遵守国家法律"][1:] == ("一、申报条件",)
    assert paths["（二）具有良好的职"][1:] == ("一、申报条件",)
    assert paths["（一）各单位要高度"][1:] == ("二、申报材料",)
    assert paths["请各单位于3月底前"][1:] == ("二、申报材料",)
    assert paths["具体材料清单见附件"][1:] == ("二、申报材料",)
