"""The three real WPS 预算 (budgets) land every printed cell of every table exactly as their
golden files, read by eye from the page images, say; each lands current beside the 决算, and
its analyst views sum to the printed totals."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.corpus import corpus_file, golden

BUDGETS = ("budget_2024_putuo_wanli.pdf", "budget_2025_putuo_commerce.pdf", "budget_2025_putuo_finance.pdf")
# golden (printed) column labels -> the templates' canonical names, where they differ
CANONICAL = {
    "预算01": {"预算数": "金额"},
    "预算02": {"合计": "本年收入合计"},
    "预算03": {"合计": "本年支出合计"}, "预算05": {"合计": "本年支出合计"},
    "预算06": {"合计": "本年支出合计"}, "预算07": {"合计": "本年支出合计"},
    "预算04": {"预算数": "金额", "一般公共预算": "一般公共预算财政拨款", "政府性基金预算": "政府性基金预算财政拨款",
             "国有资本经营预算": "国有资本经营预算财政拨款"},
}
THREE_PUBLIC = {"合计": "合计", "因公出国(境)费": "因公出国（境）费", "公务接待费": "公务接待费",
                "小计": "公务用车购置及运行维护费", "购置费": "公务用车购置费", "运行费": "公务用车运行维护费",
                "机关运行经费预算数": "机关运行经费"}


@pytest.fixture(scope="module")
def landed(tmp_path_factory):
    import expectations
    from pipelines import warehouse
    from pipelines.parsing.document import parse_document
    from pipelines.raw import read_raw

    path = tmp_path_factory.mktemp("budgets") / "juesuan.duckdb"
    disclosures = {}
    with warehouse.writer(path) as conn:
        for name in BUDGETS:
            file = corpus_file(name)
            disclosure = parse_document(read_raw(file, file.parent))
            result = warehouse.load_disclosure(conn, disclosure, expectations.validate(disclosure))
            disclosures[name] = (disclosure, result)
    conn = warehouse.reader(path)
    yield conn, disclosures
    conn.close()


def _label(table_id: str, label: str) -> str:
    if table_id == "预算09":
        return next(name for printed, name in THREE_PUBLIC.items() if label.endswith(printed))
    return CANONICAL.get(table_id, {}).get(label, label)


def _expected(table: dict) -> set[tuple]:
    """(page, row key, column, printed text) of every printed figure of the golden table."""
    out = set()
    for row in table["rows"]:
        columns = table["columns"][row["side"]] if isinstance(table["columns"], dict) else table["columns"]
        key = (row["side"], row["item"].replace(" ", "")) if "side" in row else (row.get("code", ""),)
        for column, text in zip(columns, row["cells"], strict=True):
            if text:
                out.add((row["page"], *key, _label(table["table_id"], column), text))
    return out


def _parsed(table) -> set[tuple]:
    out = set()
    for row in table.rows:
        if "side" in row.keys:
            key = (row.keys["side"], row.keys["item"])
        elif "item" in row.keys:
            key = ("",)  # 预算09 prints one line of items as columns
        else:
            key = (row.keys["code"],)
        for column, cell in row.cells.items():
            if cell.raw:
                column = row.keys["item"] if table.layout == "three_public" else column
                out.add((row.ref.page, *key, column, cell.raw.replace(",", "")))
    return out


@pytest.mark.parametrize("name", BUDGETS)
def test_every_printed_cell_lands_as_the_page_shows(landed, name):
    _, disclosures = landed
    disclosure, _ = disclosures[name]
    for table in golden(name)["tables"]:
        parsed = disclosure.tables[table["table_id"]]
        expected = _expected(table)
        if table["table_id"] == "预算09":
            expected = {(page, "", column, text) for page, *_, column, text in expected}
        assert _parsed(parsed) == expected, table["table_id"]
        assert parsed.pages == table["pages"], table["table_id"]
        assert parsed.unit == table["unit"], table["table_id"]


@pytest.mark.parametrize("name", BUDGETS)
def test_each_budget_lands_current_as_a_budget(landed, name):
    conn, disclosures = landed
    disclosure, result = disclosures[name]
    truth = golden(name)
    assert result.status == "current", result
    assert (disclosure.info.kind, disclosure.info.scope, disclosure.info.fiscal_year) == (
        truth["kind"], truth["scope"], truth["fiscal_year"])
    assert disclosure.info.department in truth["department_as_printed"]
    kind, level = conn.execute("SELECT kind, disclosure_level FROM v_documents WHERE document_sha256 = ?",
                               [disclosure.sha256]).fetchone()
    assert (kind, level) == ("预算", truth["scope"])


@pytest.mark.parametrize("name", BUDGETS)
def test_the_budget_views_sum_to_the_printed_totals(landed, name):
    """One grain per view: the plain SUM is the printed 合计 of its table (read from the golden)."""
    conn, disclosures = landed
    disclosure, _ = disclosures[name]
    tables = {t["table_id"]: t for t in golden(name)["tables"]}

    def printed_total(table_id: str, scale: Decimal) -> Decimal:
        row = next(r for r in tables[table_id]["rows"] if r.get("name") == "合计" or r.get("item") in ("合计", ""))
        return Decimal(row["cells"][0] or 0) * scale

    yuan = Decimal("0.0001")
    for view, table_id, column, scale in (
        ("v_budget_income", "预算02", "amount_wan", yuan),
        ("v_budget_expenditure", "预算03", "amount_wan", yuan),
        ("v_budget_expenditure_general", "预算05", "amount_wan", yuan),
        ("v_budget_basic_expenditure", "预算08", "amount_wan", yuan),
        ("v_budget_three_public", "预算09", "amount_wan", Decimal(1)),
    ):
        total = conn.execute(f"SELECT coalesce(sum({column}), 0) FROM {view} WHERE document_sha256 = ?",
                             [disclosure.sha256]).fetchone()[0]
        assert total == printed_total(table_id, scale), (view, total)


def test_a_budget_and_a_final_never_supersede_each_other(landed):
    conn, _ = landed
    statuses = conn.execute("SELECT kind, status FROM v_documents").fetchall()
    assert statuses and all(status == "current" for _, status in statuses)
    unmatched = conn.execute("SELECT kind, reason FROM v_budget_vs_actual_unmatched").fetchall()
    assert len(unmatched) == len(BUDGETS) and all(k == "预算" and "决算" in r for k, r in unmatched)
