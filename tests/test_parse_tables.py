"""Table parsing across the template family: variants written inline, each a few lines of
the text form, so each test shows the variation it covers."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from pipelines.model import CellFlag, DocumentError
from pipelines.parsing.locate import locate_tables, match_title
from pipelines.parsing.layouts import parse_table
from pipelines.parsing.text import read_lines

T = "\t"


def parse(text: str, default_unit: str = "万元"):
    blocks = locate_tables(read_lines(text))
    return {b.table_id: parse_table(b, "variant.txt", default_unit) for b in blocks}


def amounts(table, column):
    return {(r.keys.get("code") or r.keys.get("name")): r.cells[column].value for r in table.rows}


INCOME_HEADER = T.join(["项目", "", "本年收入合计", "财政拨款收入", "上级补 助收入", "事业收 入",
                        "经营收 入", "附属单 位上 缴收 入", "其他收入"])


@pytest.mark.parametrize("title", ["收入决算表", "表2 收入决算表", "附表2：收入决算表", "二、收入决算表",
                                   "2024年收入决算表", "公开02表 收入决算表", "收入决算表（2024年度）"])
def test_titles_numbered_or_not_are_recognised(title):
    found = match_title(title)
    assert found is not None and found[0].table_id == "公开02"


@pytest.mark.parametrize("line", ["一、收入支出决算总体情况说明", "二、收入决算表\t6", "收入决算情况说明",
                                  "第二部分 2024年部门决算表"])
def test_headings_that_are_not_table_titles(line):
    assert match_title(line) is None


def test_income_table_in_yuan_with_thousands_separators():
    text = "\n".join([
        "收入决算表", "公开02表", "单位：元", INCOME_HEADER,
        T.join(["科目代码", "科目名称"] + [""] * 7),
        T.join(["合计", "", "1,234,567.89", "1,234,567.89", "", "", "", "", "0"]),
        T.join(["201", "一般公共服务支出", "1,234,567.89", "1,234,567.89", "", "", "", "", "0.00"]),
    ])
    table = parse(text)["公开02"]
    assert table.unit == "元"
    assert amounts(table, "财政拨款收入") == {"合计": D("1234567.89"), "201": D("1234567.89")}
    zero = table.rows[0].cells["其他收入"]
    blank = table.rows[0].cells["事业收入"]
    assert (zero.value, zero.flag) == (D(0), CellFlag.VALUE)
    assert (blank.value, blank.flag) == (None, CellFlag.BLANK)


def test_subject_codes_split_over_class_item_columns():
    text = "\n".join([
        "支出决算表", "金额单位：万元",
        T.join(["项目", "", "", "", "本年支出合计", "基本支出", "项目支出"]),
        T.join(["类", "款", "项", "科目名称", "", "", ""]),
        T.join(["", "", "", "合计", "30.00", "20.00", "10.00"]),
        T.join(["201", "", "", "一般公共服务支出", "30.00", "20.00", "10.00"]),
        T.join(["201", "03", "", "政府办公厅（室）及相关机构事务", "30.00", "20.00", "10.00"]),
        T.join(["", "", "01", "行政运行", "20.00", "20.00", ""]),
        T.join(["201", "03", "99", "其他政府办公厅（室）及相关", "10.00", "", "10.00"]),
        T.join(["", "", "", "机构事务支出", "", "", ""]),
    ])
    table = parse(text)["公开03"]
    codes = [r.keys["code"] for r in table.rows]
    assert codes == ["", "201", "20103", "2010301", "2010399"]
    assert table.rows[-1].keys["name"] == "其他政府办公厅（室）及相关机构事务支出"
    assert table.rows[3].cells["本年支出合计"].value == D("200000.00")


def test_empty_table_is_present_and_empty():
    text = "\n".join([
        "国有资本经营预算财政拨款支出决算表", "公开08表", "单位：万元",
        T.join(["项目", "", "本年支出", "", ""]),
        T.join(["科目代码", "科目名称", "合计", "基本支出", "项目支出"]),
        T.join(["栏次", "", "1", "2", "3"]),
        T.join(["合计", "", "", "", ""]),
        "注：本表反映部门本年度国有资本经营预算财政拨款支出情况。", "说明：本单位本年度无此项支出，本表无数据。",
    ])
    table = parse(text)["公开08"]
    assert table.empty and all(c.flag == CellFlag.BLANK for c in table.rows[0].cells.values())


def test_basic_expenditure_in_two_column_groups_with_wrapped_name():
    text = "\n".join([
        "一般公共预算财政拨款基本支出决算表", "单位：万元",
        T.join(["人员经费", "", "", "公用经费", "", ""]),
        T.join(["科目代码", "科目名称", "决算数", "科目代码", "科目名称", "决算数"]),
        T.join(["301", "工资福利支出", "10.00", "302", "商品和服务支出", "4.00"]),
        T.join(["30101", "基本工资", "10.00", "30201", "办公费", "3.00"]),
        T.join(["303", "对个人和家庭的补助", "1.00", "30231", "公务用车运行维护", "1.00"]),
        T.join(["", "", "", "", "费", ""]),
        T.join(["30302", "退休费", "1.00", "309", "资本性支出（基本建设）", "——"]),
        T.join(["人员经费合计", "", "11.00", "公用经费合计", "", "4.00"]),
    ])
    table = parse(text)["公开06"]
    by_code = {r.keys["code"]: r for r in table.rows}
    assert by_code["30231"].keys["name"] == "公务用车运行维护费"
    assert by_code["303"].keys["cost_group"] == "人员经费"
    assert by_code["309"].cells["决算数"].flag == CellFlag.NOT_APPLICABLE
    totals = {r.keys["name"]: r.cells["决算数"].value for r in table.rows if not r.keys["code"]}
    assert totals == {"人员经费合计": D("110000.00"), "公用经费合计": D("40000.00")}


def test_three_public_with_meeting_and_training_columns():
    text = "\n".join([
        "财政拨款\"三公\"经费支出决算表", "单位：万元",
        T.join(["预算数", "", "", "", "", "", "", "", "决算数", "", "", "", "", "", "", ""]),
        T.join(["合计", "因公出国（境）费", "公务用车购置及运行维护费", "", "", "公务接待费", "会议费", "培训费"] * 2),
        T.join(["", "", "小计", "公务用车购置费", "公务用车运行维护费", "", "", ""] * 2),
        T.join(["8.00", "1.00", "3.00", "1.00", "2.00", "4.00", "-", "0.50",
                "7.00", "0", "3.00", "1.00", "2.00", "4.00", "-", "0.40"]),
    ])
    table = parse(text)["公开09"]
    rows = {r.keys["item"]: r.cells for r in table.rows}
    assert rows["公务用车运行维护费"]["决算数"].value == D("20000.00")
    assert rows["会议费"]["预算数"].flag == CellFlag.DASH
    assert rows["培训费"]["决算数"].value == D("4000.00")


def test_two_sided_table_without_column_number_row():
    text = "\n".join([
        "收入支出决算总表", "金额单位：万元",
        T.join(["收入", "", "", "支出", "", ""]),
        T.join(["项目", "行次", "金额", "项目", "行次", "金额"]),
        T.join(["一、一般公共预算财政拨款收入", "1", "100.00", "一、一般公共服务支出", "2", "100.00"]),
        T.join(["总计", "3", "100.00", "总计", "4", "100.00"]),
    ])
    table = parse(text)["公开01"]
    assert [(r.keys["side"], r.keys["item"]) for r in table.rows] == [
        ("收入", "一、一般公共预算财政拨款收入"), ("收入", "总计"), ("支出", "一、一般公共服务支出"), ("支出", "总计")]


def test_tables_reordered_and_one_missing():
    text = "\n".join([
        "表2 支出决算表", "单位：万元",
        T.join(["科目代码", "科目名称", "本年支出合计", "基本支出", "项目支出"]),
        T.join(["合计", "", "5.00", "5.00", ""]),
        "表1 收入决算表", "单位：万元",
        T.join(["科目代码", "科目名称", "本年收入合计", "财政拨款收入"]),
        T.join(["合计", "", "5.00", "5.00"]),
    ])
    tables = parse(text)
    assert sorted(tables) == ["公开02", "公开03"]
    assert tables["公开02"].label == "表1"


@pytest.mark.parametrize("bad", ["12.3.4", "1O0.00", "约5万"])
def test_amount_that_is_not_a_number_is_a_clear_error(bad):
    text = "\n".join([
        "收入决算表", "单位：万元",
        T.join(["科目代码", "科目名称", "本年收入合计", "财政拨款收入"]),
        T.join(["201", "一般公共服务支出", bad, "5.00"]),
    ])
    with pytest.raises(DocumentError) as error:
        parse(text)
    message = str(error.value)
    assert "variant.txt" in message and "公开02" in message and bad in message and "本年收入合计" in message


def test_the_same_table_twice_is_a_clear_error(seed_path):
    from pipelines.parsing.document import parse_document
    from pipelines.raw import RawDocument

    text = seed_path.read_text(encoding="utf-8")
    start = text.index("收入决算表\n\n公开02表")
    end = text.index("支出决算表\n\n公开03表")
    data = (text[:end] + text[start:end] + text[end:]).encode()
    raw = RawDocument("twice.txt", "twice.txt", "0" * 64, len(data), "text", data)
    with pytest.raises(DocumentError, match=r"twice.txt: 公开02 收入决算表 appears twice \(lines 129 and \d+\)"):
        parse_document(raw)


def test_basic_expenditure_with_codes_split_over_class_and_item_columns(seed_text):
    """公开06 printed with 类 | 款 instead of 科目代码 (301 | 01 for 30101; the 类 left blank
    under its class row) lands the same codes."""
    from pipelines.parsing.document import parse_document
    from pipelines.raw import RawDocument

    start, end = seed_text.index("人员经费\t\t\t公用经费"), seed_text.index("人员经费合计")
    out = []
    for line in seed_text[start:end].split("\n"):
        cells = line.split("\t")
        if cells[:3] == ["科目代码", "科目名称", "决算数"]:
            out.append("\t".join(["类", "款", "科目名称", "决算数"] * 4))
            continue
        if len(cells) != 12 or not (cells[0].isdigit() or not cells[0]):  # the 人员经费 | 公用经费 caption
            out.append(line)
            continue
        split = []
        for g in range(4):
            code, name, amount = cells[3 * g: 3 * g + 3]
            klass, item = (code, "") if len(code) == 3 else ("", code[3:]) if code else ("", "")
            split += [klass, item, name, amount]
        out.append("\t".join(split))
    text = seed_text[:start] + "\n".join(out) + seed_text[end:]
    raw = RawDocument("split.txt", "split.txt", "0" * 64, len(text), "text", text.encode())
    split = parse_document(raw).tables["公开06"]
    whole = parse_document(RawDocument("seed.txt", "seed.txt", "1" * 64, 1, "text", seed_text.encode())).tables["公开06"]
    assert split.problem is None
    assert [(r.keys["code"], r.keys["name"], r.cells["决算数"].raw) for r in split.rows] == [
        (r.keys["code"], r.keys["name"], r.cells["决算数"].raw) for r in whole.rows]
    assert len(split.rows) > 100
