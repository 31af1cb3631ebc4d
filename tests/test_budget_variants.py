"""预算 variants the real corpus lacks, as real LibreOffice exports (tests/fixtures/budget_office/,
made by its script): a 单位预算, a 市级部门预算 with its tables renumbered (附表N), reordered and one
dropped, and a 区级部门预算 in a Word-style table without vertical rules nor numbers. Each lands
current as a 预算 of its disclosure level, every printed cell exactly as its golden file (read by
eye from the page images) says, its empty tables recognised as empty, 三公 in 万元 and the rest in
元 scaled as printed."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from tests.corpus import golden
from tests.test_corpus_budgets import CANONICAL, THREE_PUBLIC

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "budget_office"
UNIT, MUNICIPAL, DISTRICT = ("budget_2025_unit_suzhouhe.pdf", "budget_2025_municipal_digital.pdf",
                             "budget_2025_district_binhe.pdf")
VARIANTS = (UNIT, MUNICIPAL, DISTRICT)
WAN = Decimal(10000)


@pytest.fixture(scope="module")
def landed(tmp_path_factory):
    """Every fixture parsed once, validated and landed in one warehouse."""
    import expectations
    from pipelines import warehouse
    from pipelines.parsing.document import parse_document
    from pipelines.raw import read_raw

    path = tmp_path_factory.mktemp("budget_variants") / "juesuan.duckdb"
    disclosures = {}
    with warehouse.writer(path) as conn:
        for name in VARIANTS:
            disclosure = parse_document(read_raw(FIXTURES / name, FIXTURES))
            report = expectations.validate(disclosure)
            disclosures[name] = (disclosure, report, warehouse.load_disclosure(conn, disclosure, report))
    conn = warehouse.reader(path)
    yield conn, disclosures
    conn.close()


def _column(table_id: str, printed: str) -> str:
    if table_id == "预算09":
        return next(name for label, name in THREE_PUBLIC.items() if printed.endswith(label))
    return CANONICAL.get(table_id, {}).get(printed, printed)


def _raw(cell) -> str:
    return cell.raw.replace(",", "") if cell else ""


def _golden_rows(table: dict) -> list[tuple]:
    """(page, key…, {column: printed text}) of every golden row, blanks included."""
    out = []
    for row in table["rows"]:
        columns = table["columns"][row["side"]] if "side" in row else table["columns"]
        cells = {_column(table["table_id"], c): text for c, text in zip(columns, row["cells"], strict=True)}
        if "side" in row:
            out.append((row["page"], row["side"], row["item"].replace(" ", ""), cells))
        elif "code" in row:
            out.append((row["page"], row["code"], row["name"], cells))
        else:
            out.append((row["page"], row["item"], cells))
    return out


def _columns(table: dict) -> dict[str, set[str]]:
    """The canonical columns of a golden table, by side ("" when it has none)."""
    printed = table["columns"] if isinstance(table["columns"], dict) else {"": table["columns"]}
    return {side: {_column(table["table_id"], c) for c in columns} for side, columns in printed.items()}


def _parsed_rows(table, columns: dict[str, set[str]]) -> list[tuple]:
    """The same from a parsed table; a row that prints nothing (an empty table's 合计) is none."""
    if table.layout == "three_public":  # one printed line of items, read as one row per item
        pages = {r.ref.page for r in table.rows}
        cells = {r.keys["item"]: _raw(r.cells.get("预算数")) for r in table.rows}
        return [(page, "", cells) for page in sorted(pages)]
    out = []
    for row in table.rows:
        assert set(row.cells) <= columns[row.keys.get("side", "")], row.cells  # no column the page lacks
        cells = {c: _raw(row.cells.get(c)) for c in columns[row.keys.get("side", "")]}
        if table.layout == "two_sided":
            out.append((row.ref.page, row.keys["side"], row.keys["item"], cells))
        elif any(cells.values()) or row.keys["name"] not in ("合计", "总计"):
            out.append((row.ref.page, row.keys["code"], row.keys["name"], cells))
    return out


@pytest.mark.parametrize("name", VARIANTS)
def test_every_printed_cell_lands_as_the_page_shows(landed, name):
    """Row for row, cell for cell (blank cells as blank), with every subject's code and its
    whole name (wrapped names joined), every table on the pages the golden file says."""
    _, disclosures = landed
    disclosure, _, _ = disclosures[name]
    truth = golden(name)
    assert list(disclosure.tables) == [t["table_id"] for t in truth["tables"]]  # as printed: order, dropped
    for table in truth["tables"]:
        parsed = disclosure.tables[table["table_id"]]
        expected = _golden_rows(table)
        got = _parsed_rows(parsed, _columns(table))
        if parsed.layout == "two_sided":  # 收入 items, then 支出 items, each side in printed order
            expected = sorted(expected, key=lambda r: r[1] != "收入")
        assert got == expected, table["table_id"]
        assert parsed.problem is None, parsed.problem
        assert (parsed.pages, parsed.unit, parsed.label) == (table["pages"], table["unit"], table["number_as_printed"])
        assert parsed.title.endswith(table["title"]), parsed.title


@pytest.mark.parametrize("name", VARIANTS)
def test_each_variant_lands_current_as_a_budget_of_its_level(landed, name):
    conn, disclosures = landed
    disclosure, report, result = disclosures[name]
    truth = golden(name)
    assert result.status == "current", report.reason()
    assert not report.has_errors
    assert (disclosure.info.kind, disclosure.info.scope, disclosure.info.fiscal_year, disclosure.info.unit) == (
        "预算", truth["scope"], truth["fiscal_year"], "元")
    assert disclosure.info.department in truth["department_as_printed"]
    assert not disclosure.warnings and not disclosure.unreadable
    kind, level, department = conn.execute(
        "SELECT kind, disclosure_level, department FROM v_documents WHERE document_sha256 = ?",
        [disclosure.sha256]).fetchone()
    assert (kind, level, department) == ("预算", truth["scope"], disclosure.info.department)


def test_the_cover_tells_unit_from_department_and_municipal_from_district(landed):
    from pipelines.parsing.kinds import BUDGET

    _, disclosures = landed
    for name in VARIANTS:
        disclosure = disclosures[name][0]
        truth = golden(name)
        assert (disclosure.info.scope, disclosure.page_count) == (truth["scope"], truth["tables"][-1]["pages"][-1])
    covers = {"2025年单位预算": (None, "单位"), "2025年市级部门预算": ("市级", "部门"), "2025年区级部门预算": ("区级", "部门")}
    for cover, (level, scope) in covers.items():
        match = BUDGET.cover.search(cover)
        assert (match["level"], match["scope"]) == (level, scope)
    assert [golden(n)["level"] for n in VARIANTS] == [None, "市级", "区级"]


@pytest.mark.parametrize("name", VARIANTS)
def test_empty_tables_are_recognised_as_empty(landed, name):
    conn, disclosures = landed
    disclosure, report, _ = disclosures[name]
    empty = [t for t in golden(name)["tables"] if t["empty"]]
    assert empty  # every variant prints one
    for table in empty:
        parsed = disclosure.tables[table["table_id"]]
        assert parsed.empty and not any(c.value for r in parsed.rows for c in r.cells.values()), table["table_id"]
        view = {"预算06": "v_budget_expenditure_fund", "预算07": "v_budget_expenditure_capital"}[table["table_id"]]
        assert conn.execute(f"SELECT count(*) FROM {view} WHERE document_sha256 = ? AND amount_wan <> 0",
                            [disclosure.sha256]).fetchone()[0] == 0
    assert all(not t.empty for t_id, t in disclosure.tables.items() if t_id not in {t["table_id"] for t in empty})
    completeness = [r for r in report.rows() if r.get("check") == "必备表 齐全可读"]
    assert all(r["success"] for r in completeness), [r for r in completeness if not r["success"]]


def test_a_table_left_out_of_a_budget_is_absent_not_missing(landed):
    """The 市级 budget prints eight tables, no 国有资本经营预算 one: an optional table, absent."""
    _, disclosures = landed
    disclosure, report, _ = disclosures[MUNICIPAL]
    assert "预算07" not in disclosure.tables and len(disclosure.tables) == 8
    [row] = [r for r in report.rows() if r.get("check") == "必备表 齐全可读" and r.get("table") == "预算07"]
    assert row["success"] and row["detail"].startswith("absent (optional)")


@pytest.mark.parametrize("name", VARIANTS)
def test_wan_and_yuan_are_scaled_as_printed(landed, name):
    """Tables 1–8 print 元, the 三公 table 万元: each cell is its printed figure times its own
    table's unit, and the views (in 万元) add up to the printed totals."""
    conn, disclosures = landed
    disclosure, _, _ = disclosures[name]
    tables = {t["table_id"]: t for t in golden(name)["tables"]}
    for table_id, table in disclosure.tables.items():
        scale = WAN if tables[table_id]["unit"] == "万元" else Decimal(1)
        for row in table.rows:
            for cell in row.cells.values():
                if cell.value is not None:
                    assert cell.value == Decimal(cell.raw.replace(",", "")) * scale, (table_id, row.keys, cell)
    assert disclosure.tables["预算09"].unit == "万元" and {t.unit for k, t in disclosure.tables.items()
                                                          if k != "预算09"} == {"元"}

    def printed_total(table_id: str) -> Decimal:
        row = next(r for r in tables[table_id]["rows"] if r.get("name") == "合计" or r.get("item") == "")
        return Decimal(row["cells"][0])

    for view, table_id, scale in (("v_budget_income", "预算02", 1 / WAN), ("v_budget_expenditure", "预算03", 1 / WAN),
                                  ("v_budget_expenditure_general", "预算05", 1 / WAN),
                                  ("v_budget_basic_expenditure", "预算08", 1 / WAN),
                                  ("v_budget_three_public", "预算09", Decimal(1))):
        total = conn.execute(f"SELECT sum(amount_wan) FROM {view} WHERE document_sha256 = ?",
                             [disclosure.sha256]).fetchone()[0]
        assert total == printed_total(table_id) * scale, (view, total)
    three_public = {r.keys["item"]: r.cells["预算数"].value for r in disclosure.tables["预算09"].rows}
    basic = {r.keys["code"]: r.cells["合计"].value for r in disclosure.tables["预算08"].rows}
    assert three_public["公务接待费"] == basic["30217"]  # 万元 and 元 tables print the same money


def test_the_variants_read_through_the_path_their_ruling_calls_for(landed):
    """Ruled exports are read on their rules; the Word-style table without vertical rules by
    the text flavors, on the columns its printed text lines up in."""
    _, disclosures = landed
    for name in VARIANTS:
        disclosure = disclosures[name][0]
        flavors = {t.extraction["flavor"].split(":")[0] for t in disclosure.tables.values()}
        assert flavors == ({"stream"} if name == DISTRICT else {"lattice"}), (name, flavors)


# --- the parser rules these variants needed, each on its own -----------------------------------


@pytest.mark.parametrize("line, label", [("表1 2025年单位财务收支预算总表", "表1"),
                                         ("附表12 2025年部门收入预算总表", "附表12"),
                                         ("表一 2025年部门收入预算总表", "表一"), ("表3：支出决算表", "表3")])
def test_a_table_number_ends_where_the_year_after_it_begins(line, label):
    from pipelines.parsing.locate import match_title

    template, found = match_title(line)
    assert (template.table_id[:2], found) == (("预算" if "预算" in line else "公开"), label)


def test_a_table_number_printed_above_the_title_is_that_tables_label():
    from pipelines.parsing.locate import locate_tables
    from pipelines.parsing.text import Line

    text = ["附表1", "2025年部门支出预算总表", "单位：元", "科目编码\t科目名称\t合计\t基本支出\t项目支出",
            "合计\t\t3.00\t1.00\t2.00", "附表2", "2025年部门收入预算总表", "单位：元",
            "科目编码\t科目名称\t合计\t财政拨款收入", "合计\t\t3.00\t3.00"]
    first, second = locate_tables([Line(n, t, 1) for n, t in enumerate(text, start=1)])
    assert (first.label, second.label) == ("附表1", "附表2")
    assert first.notes == []  # the next table's number is not a note of this one


def test_split_code_columns_read_as_one_are_refused_and_a_total_label_in_them_is_a_label():
    from pipelines.parsing.grid import CellError
    from pipelines.parsing.tables import _join_code

    with pytest.raises(CellError, match="'0501' in a 款 or 项 column"):
        _join_code(["208", "0501", ""], ["", "", ""])  # 款 | 项 printed as one cell: a misread grid
    assert _join_code(["", "", "合计"], ["221", "02", ""]) == "合计"  # not 22102合计
    assert _join_code(["301", "2"], ["", "", ""]) == "30102"  # still: a 款 printed without its zero


def test_a_label_centred_over_left_aligned_text_is_one_column_with_it():
    from pipelines.parsing.pdfgrid import _fold

    rows = [["", "类", "款", "项目"], ["208", "", "05", "社会保障"], ["", "合计", "", ""]]
    assert [cells for *_, cells in _fold([(1, 0.0, r) for r in rows])] == [
        ["类", "款", "项目"], ["208", "05", "社会保障"], ["合计", "", ""]]
    # labels on rows of their own over nothing (an empty table's header) stay apart; 栏次 is no data
    empty = [["项目", "", "年初结转和结余", "本年收入"], ["科目代码", "科目名称", "", ""], ["栏次", "", "1", "2"],
             ["合计", "", "", ""]]
    assert [cells for *_, cells in _fold([(1, 0.0, r) for r in empty])] == empty
