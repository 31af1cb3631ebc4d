"""Budget meets actual: a 预算 built for the seed's department (tests/budget_text.py) lands
beside the seed's 决算, and v_budget_vs_actual sets each subject's budget against its actual."""

from __future__ import annotations

from decimal import Decimal

import pytest

import expectations
from pipelines import warehouse
from pipelines.parsing.document import parse_document
from pipelines.raw import read_raw
from tests.budget_text import budget_text


@pytest.fixture(scope="module")
def paired(tmp_path_factory, seed_disclosure):
    root = tmp_path_factory.mktemp("pair")
    changed = next(r.keys["code"] for r in seed_disclosure.tables["公开03"].rows if len(r.keys["code"]) == 7)
    budget_file = root / "budget.txt"
    budget_file.write_text(budget_text(seed_disclosure, {changed: Decimal("10.00")}), encoding="utf-8")
    department_level = root / "budget-部门.txt"
    department_level.write_text(budget_file.read_text(encoding="utf-8").replace("2024年单位预算", "2024年部门预算")
                                .replace("单位财务", "部门财务"), encoding="utf-8")
    path = root / "w.duckdb"
    with warehouse.writer(path) as conn:
        for disclosure in (seed_disclosure, *(parse_document(read_raw(f, root)) for f in (budget_file, department_level))):
            assert warehouse.load_disclosure(conn, disclosure, expectations.validate(disclosure)).status == "current"
    conn = warehouse.reader(path)
    yield conn, changed
    conn.close()


def test_every_subject_meets_its_budget(paired):
    conn, changed = paired
    rows = conn.execute("""SELECT subject_code, budget_wan, actual_wan, execution_rate FROM v_budget_vs_actual
                           WHERE disclosure_level = '单位' ORDER BY subject_code""").fetchall()
    actual = dict(conn.execute("""SELECT subject_code, sum(amount_wan) FROM v_expenditure GROUP BY 1""").fetchall())
    assert {code for code, *_ in rows} == set(actual)
    for code, budget, spent, rate in rows:
        assert spent == actual[code]
        if code == changed:
            assert budget == spent + Decimal("10.00")
            assert rate == round(spent * 100 / budget, 2) < 100
        else:
            assert budget == spent and (rate == Decimal("100.00") or budget == 0)


def test_a_department_and_a_unit_disclosure_are_different(paired):
    """The 部门-level budget supersedes neither the 单位 one nor the 决算, and finds no 部门 决算."""
    conn, _ = paired
    documents = conn.execute("SELECT kind, disclosure_level, status FROM v_documents ORDER BY ALL").fetchall()
    assert documents == [("决算", "单位", "current"), ("预算", "单位", "current"), ("预算", "部门", "current")]
    assert conn.execute("SELECT kind, disclosure_level FROM v_budget_vs_actual_unmatched").fetchall() == [("预算", "部门")]


@pytest.mark.parametrize(("a", "b", "same"), [
    ("上海市普陀区规划和自然资源局", "规划与自然资源局", True),
    ("上海市普陀区规划与自然资源局", "上海市普陀区规划和自然资源局", True),
    ("普陀区财政局", "上海市普陀区财政局", True),
    ("山西省人民政府驻上海办事处", "河南省人民政府驻上海办事处", False),
    ("上海市普陀区财政局", "上海市普陀区商务委员会", False),
    ("上海市普陀区人民政府万里街道办事处", "万里街道办事处", False),  # 人民政府 is no area: an alias says it
])
def test_departments_are_matched_by_a_documented_rule(paired, a, b, same):
    conn, _ = paired
    assert conn.execute("SELECT same_department(?, ?)", [a, b]).fetchone()[0] is same


def test_the_budget_figures_a_final_account_prints_itself(paired):
    """The seed 决算 prints budgets of its own: 公开09's 预算数, each 绩效自评表's 年初预算数, and
    情况说明 sentences such as '一般公共预算财政拨款支出年初预算1,518.93万元，支出决算1,535.14万元，
    完成年初预算的101.07%' (figures read from the seed's text)."""
    conn, _ = paired
    rows = {(source, item): (budget, actual, rate, printed) for source, item, budget, actual, rate, printed in
            conn.execute("""SELECT source, item, budget_wan, actual_wan, execution_rate, printed_rate
                            FROM v_budget_vs_actual_printed""").fetchall()}
    assert rows[("情况说明", "一般公共预算财政拨款支出")] == (
        Decimal("1518.93"), Decimal("1535.14"), Decimal("101.07"), Decimal("101.07"))
    assert rows[("情况说明", "社会保障和就业支出")][:2] == (Decimal("239.68"), Decimal("261.67"))
    assert rows[("三公经费", "公务接待费")][:3] == (Decimal("25.00"), Decimal("24.85"), Decimal("99.40"))
    assert rows[("绩效自评表", "专项业务工作经费")][:2] == (Decimal("268.90"), Decimal("260.87"))
    # within 三公经费 the plain sum is the printed 合计 (预算数 37.00, 决算数 36.85)
    assert conn.execute("""SELECT sum(budget_wan), sum(actual_wan) FROM v_budget_vs_actual_printed
                           WHERE source = '三公经费'""").fetchone() == (Decimal("37.00"), Decimal("36.85"))
    # 万元 at 2 decimals, as every other view prints them
    types = conn.execute("""SELECT data_type FROM duckdb_columns() WHERE table_name = 'v_budget_vs_actual_printed'
                            AND column_name IN ('budget_wan', 'actual_wan')""").fetchall()
    assert len(types) == 2 and all(t.startswith("DECIMAL(") and t.endswith(",2)") for t, in types), types
    # only the 决算 prints them: the constructed budgets add no row
    assert {s for s, in conn.execute("""SELECT DISTINCT d.kind FROM v_budget_vs_actual_printed p
                                        JOIN v_documents d USING (document_sha256)""").fetchall()} == {"决算"}
