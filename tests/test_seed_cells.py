"""Every cell of every standard table of the seed, read here independently of the parser
(plain tab splitting, with the column order written out by hand from the printed headers),
must be what landed in DuckDB: same line, same column, same printed text, same amount."""

from __future__ import annotations

from decimal import Decimal

import pytest

WAN = Decimal(10000)

# Column layout of each table's data rows, as printed in the seed (None: a label column).
SUBJECT_COLUMNS = {
    "公开02": ("fact_income", "income_source",
               ["本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"]),
    "公开03": ("fact_expenditure", "expenditure_type",
               ["本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"]),
    "公开05": ("fact_expenditure", "expenditure_type", ["本年支出合计", "基本支出", "项目支出"]),
    "公开07": ("fact_expenditure", "expenditure_type",
               ["年初结转和结余", "本年收入", "本年支出合计", "基本支出", "项目支出", "年末结转和结余"]),
    "公开08": ("fact_expenditure", "expenditure_type", ["本年支出合计", "基本支出", "项目支出"]),
}
HEADER_ROWS = {"公开01": 3, "公开02": 3, "公开03": 3, "公开04": 3, "公开05": 3, "公开06": 2,
               "公开07": 3, "公开08": 3, "公开09": 4, "公开10": 0}


def table_rows(seed_text: str, table_id: str) -> list[tuple[int, list[str]]]:
    """(line number, cells) of the tab rows between the 公开0N表 label and the 注： line."""
    lines = seed_text.split("\n")
    start = next(i for i, t in enumerate(lines) if t.strip() == f"{table_id}表")
    rows = []
    for i in range(start + 1, len(lines)):
        if lines[i].startswith("注："):
            break
        if "\t" in lines[i]:
            rows.append((i + 1, [c.strip() for c in lines[i].split("\t")]))
    return rows[HEADER_ROWS[table_id]:]


def expected_amount(text: str) -> Decimal | None:
    return Decimal(text) * WAN if text and text.replace(".", "").isdigit() else None


def flag(text: str) -> str:
    return "blank" if not text else "not_applicable" if set(text) <= {"—"} else "value"


def landed(conn, sql: str, params) -> set[tuple]:
    return set(conn.execute(sql, params).fetchall())


@pytest.mark.parametrize("table_id", sorted(SUBJECT_COLUMNS))
def test_subject_tables_cell_for_cell(seed_text, seed_warehouse, table_id):
    fact, column, names = SUBJECT_COLUMNS[table_id]
    expected = set()
    for line, cells in table_rows(seed_text, table_id):
        code = cells[0] if cells[0].isdigit() else None
        label = "".join(cells[1].split()) if code else cells[0]
        for name, text in zip(names, cells[2:]):
            expected.add((line, code, label, name, text, expected_amount(text), flag(text)))
    got = landed(
        seed_warehouse,
        f"""SELECT source_line, subject_code, row_label, {column}, cell_text, amount_yuan, cell_flag
            FROM {fact} WHERE source_table = ?""",
        [table_id],
    )
    assert got == expected
    assert len(expected) >= len(names)


@pytest.mark.parametrize("table_id,right_columns",
                         [("公开01", ["金额"]),
                          ("公开04", ["合计", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"])])
def test_two_sided_tables_cell_for_cell(seed_text, seed_warehouse, table_id, right_columns):
    expected = set()
    for line, cells in table_rows(seed_text, table_id):
        halves = [("收入", cells[0:3], ["金额"]), ("支出", cells[3:], right_columns)]
        for side, half, names in halves:
            item, line_no, amounts = half[0], half[1], half[2:]
            if not item and not any(amounts):
                continue
            for name, text in zip(names, amounts + [""] * (len(names) - len(amounts))):
                expected.add((line, side, item, int(line_no), name, text, expected_amount(text)))
    got = landed(
        seed_warehouse,
        """SELECT source_line, side, item_label, line_no, column_name, cell_text, amount_yuan
           FROM fact_summary_line WHERE source_table = ?""",
        [table_id],
    )
    assert got == expected


def test_basic_expenditure_cell_for_cell(seed_text, seed_warehouse):
    expected = set()
    for line, cells in table_rows(seed_text, "公开06"):
        if cells[0].endswith("合计"):
            expected.add((line, None, cells[0], cells[2], expected_amount(cells[2])))
            expected.add((line, None, cells[3], cells[-1], expected_amount(cells[-1])))
            continue
        for g in range(0, len(cells), 3):
            code, name, text = cells[g:g + 3]
            if code:
                expected.add((line, code, name, text, expected_amount(text)))
    got = landed(
        seed_warehouse,
        """SELECT source_line, economic_code, row_label, cell_text, amount_yuan
           FROM fact_basic_expenditure""",
        [],
    )
    assert got == expected
    assert len(got) == 112


def test_three_public_cell_for_cell(seed_text, seed_warehouse):
    (line, cells), = table_rows(seed_text, "公开09")
    items = ["合计", "因公出国（境）费", "公务用车购置及运行维护费", "公务用车购置费", "公务用车运行维护费", "公务接待费"]
    expected = {(line, item, cells[i], cells[i + 6]) for i, item in enumerate(items)}
    got = landed(seed_warehouse,
                 "SELECT source_line, item, budget_text, actual_text FROM fact_three_public", [])
    assert got == expected


def test_disclosure_stats_cell_for_cell(seed_text, seed_warehouse):
    expected = set()
    for line, cells in table_rows(seed_text, "公开10"):
        if cells[1].isdigit():
            expected.add((line, "".join(cells[0].split()), int(cells[1]), cells[2]))
    got = landed(seed_warehouse,
                 "SELECT source_line, item, line_no, cell_text FROM fact_disclosure_stat", [])
    assert got == expected
    counts = dict(seed_warehouse.execute(
        "SELECT item, count_value FROM fact_disclosure_stat WHERE measure = 'count' AND cell_flag = 'value'"
    ).fetchall())
    assert counts == {"（一）车辆数合计（辆）": 3, "4.应急保障用车": 1, "8.其他用车": 2}
