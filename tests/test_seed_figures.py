"""The seed's headline figures, asserted through the analysts' views in DuckDB."""

from __future__ import annotations

from decimal import Decimal as D


def one(conn, sql: str, *params):
    rows = conn.execute(sql, list(params)).fetchall()
    assert len(rows) == 1, rows
    return rows[0] if len(rows[0]) > 1 else rows[0][0]


def test_document_identity(seed_warehouse, seed_path):
    import hashlib

    row = one(seed_warehouse, """SELECT department, fiscal_year, kind, scope, amount_unit, status,
                                        document_sha256 FROM v_documents""")
    assert row[:6] == ("山西省人民政府驻上海办事处", 2024, "决算", "单位", "万元", "current")
    assert row[6] == hashlib.sha256(seed_path.read_bytes()).hexdigest()
    dept = one(seed_warehouse, """SELECT department_code, supervising_name, supervising_code
                                  FROM dim_department""")
    assert dept == ("200005", "山西省人民政府办公厅", "200")


def test_total_expenditure_is_basic_plus_project(seed_warehouse):
    totals = dict(seed_warehouse.execute(
        """SELECT expenditure_type, amount_wan FROM v_expenditure_total
           WHERE fund_scope = '全部资金' AND subject_level = '合计'""").fetchall())
    assert totals == {"本年支出合计": D("1535.14"), "基本支出": D("850.54"), "项目支出": D("684.60")}
    assert totals["基本支出"] + totals["项目支出"] == totals["本年支出合计"]


def test_income_is_appropriation_plus_other(seed_warehouse):
    totals = dict(seed_warehouse.execute(
        "SELECT income_source, amount_wan FROM v_income_total WHERE subject_level = '合计'").fetchall())
    assert totals == {"本年收入合计": D("1555.63"), "财政拨款收入": D("1541.75"), "其他收入": D("13.88")}


def test_administrative_operation_income_vs_expenditure(seed_warehouse):
    # the printed row totals (本年收入合计 / 本年支出合计 columns) are in the *_total views
    income = one(seed_warehouse, """SELECT amount_wan FROM v_income_total
                                    WHERE subject_code = '2010301' AND income_source = '本年收入合计'""")
    spent = one(seed_warehouse, """SELECT amount_wan FROM v_expenditure_total WHERE subject_code = '2010301'
                                   AND fund_scope = '全部资金' AND expenditure_type = '本年支出合计'""")
    assert (income, spent) == (D("571.13"), D("550.64"))
    assert one(seed_warehouse, "SELECT subject_name || '/' || subject_level || '/' || parent_code "
                               "FROM dim_function_subject WHERE subject_code = '2010301'") == "行政运行/项/20103"


def test_basic_expenditure_by_economic_subject(seed_warehouse):
    office = one(seed_warehouse, """SELECT economic_name, cost_group, amount_wan FROM v_basic_expenditure
                                    WHERE economic_code = '30201'""")
    assert office == ("办公费", "公用经费", D("35.45"))
    assert one(seed_warehouse, """SELECT amount_wan FROM v_basic_expenditure_total
                                  WHERE economic_name = '人员经费合计'""") == D("757.08")
    # its 款 lines sum to 757.07: the seed's own 尾数误差 against the printed 757.08
    assert one(seed_warehouse, """SELECT sum(amount_wan) FROM v_basic_expenditure
                                  WHERE cost_group = '人员经费'""") == D("757.07")
    na = one(seed_warehouse, "SELECT cell_flag FROM fact_basic_expenditure WHERE economic_code = '30901'")
    assert na == "not_applicable"


def test_three_public_budget_vs_actual(seed_warehouse):
    rows = {r[0]: r[1:] for r in seed_warehouse.execute(
        "SELECT item, budget_wan, actual_wan FROM v_three_public").fetchall()}
    assert rows["公务接待费"] == (D("25.00"), D("24.85"))
    assert rows["因公出国（境）费"] == (None, None)
    assert set(rows) == {"因公出国（境）费", "公务用车购置费", "公务用车运行维护费", "公务接待费"}  # no 小计, no 合计
    totals = {r[0]: r[1:] for r in seed_warehouse.execute(
        "SELECT item, budget_wan, actual_wan FROM v_three_public_total").fetchall()}
    assert totals == {"合计": (D("37.00"), D("36.85")), "公务用车购置及运行维护费": (D("12.00"), D("12.00"))}


def test_projects_executed_sum_to_project_expenditure(seed_warehouse):
    count, executed = one(seed_warehouse,
                          "SELECT count(*), sum(executed_wan) FROM v_project_performance")
    assert (count, executed) == (5, D("684.60"))
    row = one(seed_warehouse, """SELECT budget_wan, executed_wan, score, grade FROM v_project_performance
                                 WHERE project_name = '办公用房租赁费'""")
    assert row == (D("192.65"), D("192.65"), D("93.6"), "优")
    assert one(seed_warehouse, "SELECT count(*) FROM v_performance_indicator") >= 40


def test_narrative_receptions(seed_warehouse):
    stated = {(r[0], r[1]) for r in seed_warehouse.execute(
        "SELECT value, unit FROM v_narrative WHERE measure = 'count' AND quantity LIKE 'receptions:%'"
    ).fetchall()}
    assert (D(61), "批次") in stated and (D(295), "人次") in stated


def test_narrative_prior_year(seed_warehouse):
    prior = seed_warehouse.execute(
        """SELECT DISTINCT prior_year_value_wan FROM v_narrative
           WHERE quantity = 'total_income' AND measure = 'yoy_change'""").fetchall()
    assert prior == [(D("1627.63"),)]


def test_staffing(seed_warehouse):
    staffing = dict(seed_warehouse.execute("SELECT measure, headcount FROM v_staffing").fetchall())
    assert staffing["编制数"] == 30 and staffing["年末实有人数"] == 20
    assert staffing["处级"] == 11
    names = [r[0] for r in seed_warehouse.execute(
        "SELECT internal_department FROM fact_internal_department ORDER BY seq").fetchall()]
    assert names == ["综合部", "招商部", "合作部", "信息部"]


def test_every_fact_row_traces_to_document_table_page_and_row(seed_warehouse):
    from pipelines.warehouse import FACT_TABLES

    for table in FACT_TABLES:
        missing = one(seed_warehouse, f"""SELECT count(*) FROM {table} f
            LEFT JOIN dim_document d USING (document_sha256)
            WHERE d.document_sha256 IS NULL OR f.source_table IS NULL OR f.source_row IS NULL
               OR f.page IS NULL""")
        assert missing == 0, table


def test_tables_present_and_empty(seed_warehouse):
    rows = {r[0]: r[1:] for r in seed_warehouse.execute(
        "SELECT table_id, label, amount_unit, pages, is_empty, row_count FROM dim_document_table"
    ).fetchall()}
    assert sorted(rows) == [f"公开{n:02d}" for n in range(1, 11)]
    assert rows["公开07"] == ("公开07表", "万元", [13], True, 1)
    assert rows["公开08"][3] is True and rows["公开02"][3] is False
    assert rows["公开01"][2] == [4, 5] and rows["公开06"][2] == [11, 12]  # tables across a page break
