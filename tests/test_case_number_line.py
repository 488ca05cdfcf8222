"""A court judgment typed as plain text opens with its court, its kind and its case number, each a line of its own.
The case number ends in '号' with no sentence punctuation, and read as a sentence broken off it was glued to the
first party's line below ('（2024）京0105民初12345号 原告：张某某…'). A sentence really broken after a house
number stays glued."""

from __future__ import annotations

from pathlib import Path

from qa.loading import load_file
from qa.structure import recover_outline

JUDGMENT = """北京市朝阳区人民法院
民事判决书
（2024）京0105民初12345号
原告：张某某，男，1985年3月12日出生，汉族，住北京市朝阳区。
委托诉讼代理人：李某，北京某某律师事务所律师。
被告：北京某某科技有限公司，住所地北京市朝阳区某某路8号。
法定代表人：王某，该公司总经理。
原告张某某与被告北京某某科技有限公司劳动争议一案，本院于2024年5月6日立案后，依法适用简易程序，公开开庭进行了审理。本案现已审理终结。
张某某向本院提出诉讼请求：1.判令被告支付2023年10月至12月工资共计36000元；2.判令被告支付解除劳动合同经济补偿金24000元。
北京某某科技有限公司辩称，原告系自行离职，公司不应支付经济补偿金。
本院经审理认定事实如下：原告于2021年7月入职被告处，担任软件工程师，月工资12000元。被告自2023年10月起未足额支付原告工资。
本院认为，用人单位应当按照劳动合同约定和国家规定，向劳动者及时足额支付劳动报酬。
综上，依照《中华人民共和国劳动合同法》第三十条、第三十八条、第四十六条之规定，判决如下：
一、被告北京某某科技有限公司于本判决生效之日起十日内支付原告张某某2023年10月至12月工资36000元；
二、被告北京某某科技有限公司于本判决生效之日起十日内支付原告张某某解除劳动合同经济补偿金24000元。
案件受理费10元，由被告北京某某科技有限公司负担。
"""


def _glued(path: Path) -> list[tuple[str, str]]:
    """(previous, next) paragraph texts the outline glues into one sentence."""
    outline = recover_outline(load_file(path))
    out = []
    for s in outline.sections:
        for k in range(1, len(s.paragraphs)):
            if s.joins[k]:
                out.append((outline.paragraphs[s.paragraphs[k - 1]].text, outline.paragraphs[s.paragraphs[k]].text))
    return out


def test_a_judgments_case_number_is_a_line_of_its_own(tmp_path: Path) -> None:
    path = tmp_path / "判决书.txt"
    path.write_text(JUDGMENT, "utf-8")
    glued = _glued(path)
    assert not any(prev.startswith("（2024）京0105民初12345号") for prev, _ in glued), glued


def test_a_notices_document_number_is_a_line_of_its_own(tmp_path: Path) -> None:
    path = tmp_path / "通知.txt"
    path.write_text(
        "重庆市人民政府关于印发重庆市促进消费若干措施的通知\n渝府发〔2026〕12号\n各区县（自治县）人民政府，市政府各部门：\n"
        "现将《重庆市促进消费若干措施》印发给你们，请认真贯彻执行。\n",
        "utf-8",
    )
    assert not any(prev == "渝府发〔2026〕12号" for prev, _ in _glued(path))


def test_a_sentence_broken_after_a_house_number_stays_glued(tmp_path: Path) -> None:
    path = tmp_path / "判决书.txt"
    text = JUDGMENT.replace(
        "被告：北京某某科技有限公司，住所地北京市朝阳区某某路8号。\n",
        "被告：北京某某科技有限公司，住所地北京市朝阳区建国路88号\n\n院内3号楼，统一社会信用代码91110105MA01234567。\n\n",
    )
    path.write_text(text, "utf-8")
    assert (
        "被告：北京某某科技有限公司，住所地北京市朝阳区建国路88号",
        "院内3号楼，统一社会信用代码91110105MA01234567。",
    ) in _glued(path)
