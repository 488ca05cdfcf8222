"""A form printed to PDF with its fields as 'label：' and the value a tab further on the same baseline reads one line
a field, 'label：value' (qa.formats.pdf.borderless). Read as lines, the white between the labels and the values was
a column gutter: every label came first, then every value, and a question for one field's value was answered with
another's ('归还日期：吴昊', the borrower). Two columns of prose share their baselines too, and still read column by
column."""

from __future__ import annotations

from pathlib import Path

from qa.loading import load_file
from tests.reportlab_pages import microhei_canvas

FIELDS = [("借用人", "吴昊"), ("设备名称", "投影仪 EB-X51"), ("资产编号", "ZC-2023-0457"), ("借用日期", "2024年5月6日"),
          ("归还日期", "2024年5月10日"), ("经办部门", "行政办公室")]  # fmt: skip
PAIRS = [("申请人", "陈晓东", "部门", "财务部"), ("请假类型", "年休假", "请假天数", "5天"),
         ("工作交接人", "孙丽", "联系电话", "13800138000")]  # fmt: skip


def _form(path: Path, tab: float = 120.0) -> Path:
    c, (width, height) = microhei_canvas(path)
    c.setFont("W", 16)
    c.drawCentredString(width / 2, height - 60, "设备借用登记表")
    y = height - 110
    for label, value in FIELDS:
        c.setFont("W", 11)
        c.drawString(70, y, label + "：")
        c.drawString(70 + tab, y, value)
        y -= 26
    c.drawString(70, y - 20, "注意事项：设备损坏须照价赔偿。")
    c.save()
    return path


def test_each_field_reads_as_label_and_value(tmp_path: Path) -> None:
    text = load_file(_form(tmp_path / "borrow.pdf")).text
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    for label, value in FIELDS:
        assert f"{label}：{value}" in lines, text
    assert "注意事项：设备损坏须照价赔偿。" in text


def test_two_fields_a_row_read_one_line_each(tmp_path: Path) -> None:
    path = tmp_path / "leave.pdf"
    c, (width, height) = microhei_canvas(path)
    c.setFont("W", 16)
    c.drawCentredString(width / 2, height - 60, "员工请假申请表")
    y = height - 110
    for a, b, d, e in PAIRS:
        c.setFont("W", 11)
        for x, t in ((70, a + "："), (170, b), (300, d + "："), (400, e)):
            c.drawString(x, y, t)
        y -= 26
    c.save()
    lines = [ln.strip() for ln in load_file(path).text.splitlines() if ln.strip()]
    for a, b, d, e in PAIRS:
        assert f"{a}：{b}" in lines and f"{d}：{e}" in lines, lines


LEFT = ("城市更新行动今年进入第二阶段，老旧小区改造的重点从外立面整治转向管网更新和加装电梯。" * 3
        + "街道办事处介绍：")  # fmt: skip
RIGHT = "社区卫生服务中心延长了周末门诊时间，居民可以通过手机预约挂号，减少排队等候。" * 4


def test_two_columns_of_prose_still_read_column_by_column(tmp_path: Path) -> None:
    """Columns of prose share baselines across their gutter as a form's labels and values do; a column whose lines
    end wherever the measure runs out (one of them in a colon) is no column of labels."""
    path = tmp_path / "columns.pdf"
    c, (width, height) = microhei_canvas(path)
    per_line = 14  # characters a column line holds at 11 pt in 160 pt
    for x, text in ((70, LEFT), (70 + 160 + 30, RIGHT)):
        y = height - 110
        for i in range(0, len(text), per_line):
            c.setFont("W", 11)
            c.drawString(x, y, text[i : i + per_line])
            y -= 16
    c.save()
    read = "".join(load_file(path).text.split())
    assert LEFT in read and RIGHT in read, read
