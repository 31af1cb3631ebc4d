"""The real Word 2010 决算 (上海市普陀区规划和自然资源局 2024) lands every printed cell of every
table exactly as the golden file, read by eye from the page images, says; and its narrative
figures. The document disagrees with itself in places: those are findings, and it still lands."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.corpus import corpus_file, golden

NAME = "final_2024_putuo_planning.pdf"
WAN = Decimal(10000)
SUBJECT_FACTS = {"公开02": ("fact_income", "income_source"), "公开03": ("fact_expenditure", "expenditure_type"),
                 "公开05": ("fact_expenditure", "expenditure_type"), "公开07": ("fact_expenditure", "expenditure_type"),
                 "公开08": ("fact_expenditure", "expenditure_type")}


@pytest.fixture(scope="module")
def landed(tmp_path_factory):
    import expectations
    from pipelines import warehouse
    from pipelines.parsing.document import parse_document
    from pipelines.raw import read_raw

    path = corpus_file(NAME)
    disclosure = parse_document(read_raw(path, path.parent))
    conn = warehouse.connect(tmp_path_factory.mktemp("corpus") / "juesuan.duckdb")
    result = warehouse.load_disclosure(conn, disclosure, expectations.validate(disclosure))
    yield conn, disclosure, result
    conn.close()


def _printed(rows: list[dict]) -> list[dict]:
    """Rows that print something: a row of blank cells under a label carries no figure."""
    return [r for r in rows if any(r["cells"])]


def _expected(table: dict) -> set[tuple]:
    out = set()
    for row in _printed(table["rows"]):
        columns = table["columns"][row["side"]] if isinstance(table["columns"], dict) else table["columns"]
        key = (row["side"], row["item"]) if "side" in row else (row.get("code") or None, row.get("name", row.get("item")))
        for column, text in zip(columns, row["cells"], strict=True):
            out.add((row["page"], *key, column, text))
    return out


def _got(conn, sha: str, table_id: str) -> set[tuple]:
    if table_id in SUBJECT_FACTS:
        fact, column = SUBJECT_FACTS[table_id]
        sql = f"""SELECT page, subject_code, row_label, {column}, coalesce(cell_text, '') FROM {fact}
                  WHERE document_sha256 = ? AND source_table = ? AND source_row IN (
                      SELECT source_row FROM {fact} WHERE document_sha256 = ? AND source_table = ?
                      GROUP BY source_row HAVING max(cell_text) <> '')"""
        return set(conn.execute(sql, [sha, table_id, sha, table_id]).fetchall())
    if table_id in ("公开01", "公开04"):
        sql = """SELECT page, side, item_label, column_name, coalesce(cell_text, '') FROM fact_summary_line
                 WHERE document_sha256 = ? AND source_table = ? AND (side, source_row) IN (
                     SELECT (side, source_row) FROM fact_summary_line WHERE document_sha256 = ? AND source_table = ?
                     GROUP BY side, source_row HAVING max(cell_text) <> '')"""
        return set(conn.execute(sql, [sha, table_id, sha, table_id]).fetchall())
    if table_id == "公开06":
        sql = """SELECT page, nullif(economic_code, ''), row_label, '决算数', coalesce(cell_text, '')
                 FROM fact_basic_expenditure WHERE document_sha256 = ? AND cell_text <> ''"""
        return set(conn.execute(sql, [sha]).fetchall())
    sql = """SELECT page, NULL, item, scope, text FROM (
                 SELECT page, item, '预算数' AS scope, coalesce(budget_text, '') AS text FROM fact_three_public
                 WHERE document_sha256 = ? UNION ALL
                 SELECT page, item, '决算数', coalesce(actual_text, '') FROM fact_three_public WHERE document_sha256 = ?)"""
    return set(conn.execute(sql, [sha, sha]).fetchall())


@pytest.mark.parametrize("table_id", ["公开01", "公开02", "公开03", "公开04", "公开05", "公开06", "公开07",
                                      "公开08", "公开09"])
def test_every_printed_cell_lands_as_the_page_shows(landed, table_id):
    conn, disclosure, _ = landed
    table = next(t for t in golden(NAME)["tables"] if t["table_id"] == table_id)
    expected = _expected(table)
    if table_id == "公开09":
        expected = {(page, None, item, column, text) for page, _, item, column, text in expected}
    assert _got(conn, disclosure.sha256, table_id) == expected
    assert disclosure.tables[table_id].pages == table["pages"]
    assert disclosure.tables[table_id].empty == table["empty"]


def test_the_document_lands_and_is_current_with_its_findings(landed):
    conn, disclosure, result = landed
    assert result.status == "current", result
    assert disclosure.info.department == "上海市普陀区规划和自然资源局"
    assert disclosure.info.fiscal_year == 2024 and disclosure.info.kind == "决算"
    assert not any(t.problem for t in disclosure.tables.values())
    # it disagrees with itself (README): 301 + 303 = 4884.10 against 人员经费合计 4884.09, and the
    # narrative's 人员经费 4896.98 against the table's 4884.09; both are findings, not errors
    findings = conn.execute("""SELECT severity, detail FROM fact_validation WHERE document_sha256 = ?
                               AND NOT success""", [disclosure.sha256]).fetchall()
    assert findings and all(severity == "warning" for severity, _ in findings)


def test_the_golden_file_agrees_with_the_corpus_readme_anchors():
    """The anchors were read by eye by someone else: the golden file must say the same."""
    tables = {t["table_id"]: t for t in golden(NAME)["tables"]}

    def cell(table_id: str, label: str, column: str, side: str | None = None) -> str:
        table = tables[table_id]
        columns = table["columns"][side] if side else table["columns"]
        row = next(r for r in table["rows"] if r.get("side") == side and label in (r.get("item"), r.get("name")))
        return row["cells"][columns.index(column)]

    assert cell("公开01", "总计", "金额", "收入") == cell("公开01", "总计", "金额", "支出") == "9859.38"
    assert cell("公开01", "本年收入合计", "金额", "收入") == "9746.50"
    assert cell("公开01", "本年支出合计", "金额", "支出") == "9759.38"
    assert cell("公开01", "年初结转和结余", "金额", "收入") == "112.88"
    assert cell("公开01", "年末结转和结余", "金额", "支出") == "100.00"
    assert cell("公开03", "合计", "基本支出") == "5377.64" and cell("公开03", "合计", "项目支出") == "4381.74"
    assert cell("公开06", "人员经费合计", "决算数") == "4884.09"
    assert cell("公开06", "公用经费合计", "决算数") == "480.66"
    assert cell("公开09", "合计", "预算数") == "2.85" and cell("公开09", "合计", "决算数") == "0.39"
    assert cell("公开09", "公务接待费", "预算数") == "2.85" and cell("公开09", "公务接待费", "决算数") == "0.39"


def test_narrative_figures_land(landed):
    """Every amount the 情况说明 prints lands, on its page (a paragraph wrapped over a page
    break is one sentence, on the page where it starts); a threshold (单价 100 万元以上) is
    not an amount."""
    conn, disclosure, _ = landed
    expected = [(f["page"], Decimal(f["value"]) * WAN) for f in golden(NAME)["narrative"]
                if f["unit"] == "万元" and not f["before"].endswith("单价")]
    got = conn.execute("""SELECT page, abs(value) FROM fact_narrative WHERE document_sha256 = ? AND unit = '元'""",
                       [disclosure.sha256]).fetchall()
    missing = []
    for page, value in expected:
        match = next((g for g in got if g[1] == value and g[0] in (page, page - 1)), None)
        if match is None:
            missing.append((page, value / WAN))
        else:
            got.remove(match)
    assert len(expected) >= 80 and not missing, missing


def test_the_budgets_the_narrative_prints_meet_their_actuals(landed):
    """Each '年初预算为X万元，支出决算为Y万元' of the 情况说明 (pairs read from the page images)
    is a row of v_budget_vs_actual_printed, named by its subject, also where the item names it
    in a sentence of its own ('1、社会保障和就业支出（类）…（项）。主要用于：…。年初预算为…')."""
    conn, disclosure, _ = landed
    figures = golden(NAME)["narrative"]
    expected = sorted((Decimal(f["value"]), Decimal(after["value"])) for f, after in zip(figures, figures[1:])
                      if f["before"].endswith("年初预算为") and after["before"].endswith("支出决算为"))
    rows = conn.execute("""SELECT item, budget_wan, actual_wan FROM v_budget_vs_actual_printed
                           WHERE source = '情况说明' AND document_sha256 = ?""", [disclosure.sha256]).fetchall()
    assert len(expected) >= 10 and sorted((b, a) for _, b, a in rows) == expected
    assert all(item for item, _, _ in rows), rows
    assert ("社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）", Decimal("54.53"),
            Decimal("54.53")) in rows


@pytest.mark.parametrize("name,kind", [
    ("template_final_blank.pdf", "a blank 决算 template"),
])
def test_a_blank_template_is_refused_as_what_it_is(name, kind):
    """(The three budgets land: tests/test_corpus_budgets.py.)"""
    from pipelines.model import DocumentError
    from pipelines.parsing.document import parse_document
    from pipelines.raw import read_raw

    path = corpus_file(name)
    with pytest.raises(DocumentError) as refused:
        parse_document(read_raw(path, path.parent))
    assert str(refused.value).startswith(f"{name}: {kind}")
