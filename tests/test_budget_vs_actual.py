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
