"""The GX validation suites on the seed document.

The seed passes both suites; changing one printed figure fails exactly the identities that
figure takes part in, each with its location and exact expected / actual / difference in 元;
a negative amount is caught where it is printed; rounding differences within tolerance pass.
GX is built once for the module (the package caches it per process).
"""

from __future__ import annotations

import copy
import subprocess
import sys
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

import expectations
from expectations import runtime
from expectations.figures import Figure, to_fen
from expectations.frames import amount_frame, identity_frame
from expectations.identities import IDENTITIES, Identity, RowsEqual, SumOfPreceding
from expectations.report import ROW_KEYS, describe_identity, evaluate
from expectations.suites import Check, SuiteSpec, within_rounding
from pipelines.model import Cell, CellFlag, Disclosure, DocumentInfo

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "raw" / "000_744c7817695ce87c.txt"
SCALE = {"万元": Decimal(10000), "元": Decimal(1)}

INCOME_TOTAL = "公开01 收入总计 = 支出总计"
INCOME_LINES = "公开01 本年收入合计 = Σ 收入项目"
GRAND_TOTAL = "公开02 合计 = Σ 类"
CLASS = "公开02 类 = Σ 款"
SECTION = "公开02 款 = Σ 项"
ROW_TOTAL = "公开02 本年收入合计 = Σ 收入来源"


def _from_tables() -> Disclosure:
    """The seed's tables without the rest of the document (used until parse_document,
    whose narrative and project parsers are written in parallel, can be imported)."""
    from pipelines.parsing.locate import locate_tables
    from pipelines.parsing.tables import parse_table
    from pipelines.parsing.text import decode, read_lines

    lines = read_lines(decode(SEED.read_bytes(), SEED.name))
    tables = {b.table_id: parse_table(b, SEED.name, "万元") for b in locate_tables(lines)}
    info = DocumentInfo("山西省人民政府驻上海办事处", None, None, None, 2023, "决算", "单位", "万元")
    return Disclosure("seed", SEED.name, "text", "test", SEED.stat().st_size, info, tables,
                      staffing=None, projects=[], narrative=[])


@pytest.fixture(scope="module")
def seed() -> Disclosure:
    try:
        from pipelines.parsing.document import parse_document
        from pipelines.raw import read_raw
    except ImportError:
        return _from_tables()
    return parse_document(read_raw(SEED))


@pytest.fixture(scope="module")
def seed_report(seed):
    return expectations.validate(seed)


def changed(disclosure: Disclosure, table: str, where: dict[str, str], column: str, raw: str) -> Disclosure:
    """A copy with one printed cell replaced, read in the table's unit as the parser would."""
    copied = copy.deepcopy(disclosure)
    parsed = copied.tables[table]
    rows = [r for r in parsed.rows if all(r.keys.get(k) == v for k, v in where.items())]
    assert len(rows) == 1, f"{table} {where} matches {len(rows)} rows"
    rows[0].cells[column] = Cell(raw, Decimal(raw) * SCALE[parsed.unit], CellFlag.VALUE)
    return copied


def suite(report, name: str):
    return next(s for s in report.suites if s.name == name)


def yuan(text: str) -> Decimal:
    return Decimal(text).quantize(Decimal("0.01"))


# --- the seed -----------------------------------------------------------------------------------


def test_suite_names():
    assert expectations.SUITE_NAMES == ["non_negative_amounts", "balanced_totals"]


def test_seed_passes_both_suites(seed_report):
    assert not seed_report.has_errors
    assert [(s.name, s.success, s.failures) for s in seed_report.suites] == [
        ("non_negative_amounts", True, []), ("balanced_totals", True, [])]
    stats = suite(seed_report, "balanced_totals").statistics
    assert stats["evaluated_expectations"] == stats["successful_expectations"] == 1
    assert stats["rows_failed"] == stats["not_evaluated"] == 0
    # what was evaluated: 公开01's two totals, 公开02 per column at each level and per row
    assert {c: s["rows"] for c, s in stats["checks"].items()} == {
        INCOME_TOTAL: 1, INCOME_LINES: 1, GRAND_TOTAL: 7, CLASS: 21, SECTION: 35, ROW_TOTAL: 18}
    assert stats["rows_checked"] == 83
    assert suite(seed_report, "non_negative_amounts").statistics["rows_checked"] > 100


def test_seed_rows_show_each_identity(seed_report):
    rows = [r for r in seed_report.rows() if r["suite"] == "balanced_totals" and r["check"] != "summary"]
    assert len(rows) == 83 and all(r["success"] for r in rows)
    total = next(r for r in rows if r["check"] == INCOME_TOTAL)
    assert total["location"] == "公开01 row 12 (收入 总计) 金额"
    assert total["expected"] == total["actual"] == yuan("15556300") and total["difference"] == 0
    assert total["detail"].startswith("1555.63 = 1555.63 万元 (公开01 row 42 (支出 总计) 金额)")
    lines = next(r for r in rows if r["check"] == INCOME_LINES)
    assert lines["detail"].startswith("1555.63 = 1541.75 + 13.88 = 1555.63 万元 (Σ 收入 rows 1–8)")


def test_seed_rounding_difference_passes_with_a_note(seed_report):
    """The seed prints 合计 本年收入合计 1555.63 over 类 rows adding to 1555.62: 100 元 of
    rounding across 4 printed figures (tolerance 4 × 50 元)."""
    row = next(r for r in seed_report.rows()
               if r["check"] == GRAND_TOTAL and r["location"] == "公开02 row 1 (合计) 本年收入合计")
    assert row["success"] is True
    assert (row["expected"], row["actual"], row["difference"]) == (yuan("15556300"), yuan("15556200"), yuan("-100"))
    assert "≈" in row["detail"] and "within rounding tolerance ±200.00 元 (4 printed figures)" in row["detail"]


# --- breaking one figure ----------------------------------------------------------------------


@dataclass(frozen=True)
class Failure:
    check: str
    location: str
    expected: str  # 元
    actual: str
    difference: str


@dataclass(frozen=True)
class Break:
    target: str  # the identity this case breaks
    table: str
    where: dict[str, str]
    column: str
    raw: str  # the new printed figure
    failures: tuple[Failure, ...] = field(default=())  # every identity the figure takes part in


BREAKS = (
    Break(INCOME_TOTAL, "公开01", {"side": "支出", "item": "总计"}, "金额", "1555.73", (
        Failure(INCOME_TOTAL, "公开01 row 12 (收入 总计) 金额", "15556300", "15557300", "1000"),)),
    Break(INCOME_LINES, "公开01", {"side": "收入", "item": "八、其他收入"}, "金额", "14.88", (
        Failure(INCOME_LINES, "公开01 row 9 (收入 本年收入合计) 金额", "15556300", "15566300", "10000"),)),
    Break(GRAND_TOTAL, "公开02", {"code": "", "name": "合计"}, "其他收入", "13.98", (
        Failure(GRAND_TOTAL, "公开02 row 1 (合计) 其他收入", "139800", "138800", "-1000"),
        Failure(ROW_TOTAL, "公开02 row 1 (合计) 本年收入合计", "15556300", "15557300", "1000"))),
    Break(CLASS, "公开02", {"code": "20805"}, "财政拨款收入", "239.78", (
        Failure(CLASS, "公开02 row 6 (208 社会保障和就业支出) 财政拨款收入", "2616700", "2617700", "1000"),
        Failure(SECTION, "公开02 row 7 (20805 行政事业单位养老支出) 财政拨款收入", "2397800", "2396800", "-1000"),
        Failure(ROW_TOTAL, "公开02 row 7 (20805 行政事业单位养老支出) 本年收入合计", "2396800", "2397800", "1000"))),
    # A 项 figure is a term of its 款 only: 201 = Σ 款 and 合计 = Σ 类 add printed figures
    # that did not change, so they still hold. Its own row's total breaks too (571.13 was
    # already 100 元 of rounding below 557.26 + 13.88).
    Break(SECTION, "公开02", {"code": "2010301"}, "财政拨款收入", "557.36", (
        Failure(SECTION, "公开02 row 3 (20103 政府办公厅（室）及相关机构事务) 财政拨款收入",
                "12418600", "12419600", "1000"),
        Failure(ROW_TOTAL, "公开02 row 4 (2010301 行政运行) 本年收入合计", "5711300", "5712400", "1100"))),
    Break(ROW_TOTAL, "公开02", {"code": "2010399"}, "本年收入合计", "684.70", (
        Failure(ROW_TOTAL, "公开02 row 5 (2010399 其他政府办公厅（室）及相关机构事务支出) 本年收入合计",
                "6847000", "6846000", "-1000"),
        Failure(SECTION, "公开02 row 3 (20103 政府办公厅（室）及相关机构事务) 本年收入合计",
                "12557300", "12558300", "1000"))),
)


def test_every_identity_has_a_breaking_case():
    names = [i.name for i in IDENTITIES]
    assert len(set(names)) == len(names)  # a check's name is its identity in the warehouse
    assert {b.target for b in BREAKS} == set(names)


@pytest.mark.parametrize("case", BREAKS, ids=[b.target for b in BREAKS])
def test_breaking_one_figure_fails_its_identities(seed, case: Break):
    report = expectations.validate(changed(seed, case.table, case.where, case.column, case.raw))
    balanced = suite(report, "balanced_totals")
    assert report.has_errors and not balanced.success
    assert suite(report, "non_negative_amounts").success
    got = {(f["check"], f["location"]): f for f in balanced.failures}
    assert set(got) == {(f.check, f.location) for f in case.failures}
    for want in case.failures:
        failure = got[(want.check, want.location)]
        assert failure["severity"] == "error" and failure["unit"] == "元"
        assert (failure["expected"], failure["actual"], failure["difference"]) == (
            yuan(want.expected), yuan(want.actual), yuan(want.difference))
        assert isinstance(failure["difference"], Decimal)
        assert failure["table"] == want.location.split()[0] and failure["row"] == int(want.location.split()[2])
        assert want.location.endswith(failure["column"])
        assert "beyond rounding tolerance" in failure["detail"]
    assert balanced.statistics["checks"][case.target]["failed"] >= 1
    assert balanced.statistics["unsuccessful_expectations"] == 1


def test_negative_amount_is_caught_where_it_is_printed(seed):
    report = expectations.validate(changed(seed, "公开06", {"code": "30101"}, "决算数", "-131.30"))
    amounts = suite(report, "non_negative_amounts")
    assert report.has_errors and not amounts.success and suite(report, "balanced_totals").success
    [failure] = amounts.failures
    assert failure["check"] == "金额 ≥ 0" and failure["severity"] == "error"
    assert failure["location"] == "公开06 row 2 (30101 基本工资) 决算数"
    assert (failure["table"], failure["row"], failure["column"]) == ("公开06", 2, "决算数")
    assert (failure["expected"], failure["actual"], failure["difference"]) == (
        yuan("0"), yuan("-1313000"), yuan("-1313000"))
    assert failure["unit"] == "元" and failure["detail"].startswith("printed -131.30 万元")
    rows = [r for r in report.rows() if r["suite"] == "non_negative_amounts"]
    assert [(r["check"], r["success"]) for r in rows] == [("summary", False), ("金额 ≥ 0", False)]


@pytest.mark.parametrize(("raw", "difference", "passes"), [("13.89", "100", True), ("13.90", "200", False)])
def test_rounding_tolerance_is_n_plus_one_half_units(seed, raw, difference, passes):
    """本年收入合计 over two printed lines: 3 printed figures, tolerance 3 × 50 元 = 150 元."""
    report = expectations.validate(changed(seed, "公开01", {"side": "收入", "item": "八、其他收入"}, "金额", raw))
    row = next(r for r in report.rows() if r["check"] == INCOME_LINES)
    assert row["success"] is passes and report.has_errors is not passes
    assert row["difference"] == yuan(difference)
    verdict = "within" if passes else "beyond"
    assert f"{verdict} rounding tolerance ±150.00 元 (3 printed figures)" in row["detail"]


def test_tolerance_follows_the_printed_unit():
    def ident(unit: str, total: int, *parts: int) -> Identity:
        fig = [Figure("公开02", unit, i, "", "合计", str(v), v) for i, v in enumerate((total, *parts), 1)]
        return Identity("t", fig[0], tuple(fig[1:]), "")

    assert ident("万元", 300, 100, 201).tolerance_fen == 15000  # 3 × 0.005 万元 = 150 元
    in_yuan = ident("元", 300, 100, 201)  # 3 × 0.005 元 = 1.5 fen: a 1-fen difference is rounding
    assert (in_yuan.difference, in_yuan.tolerance, in_yuan.tolerance_fen) == (1, Fraction(3, 2), 1)
    assert "±0.015 元" in describe_identity(in_yuan, passed=True)["detail"]


# --- what cannot be evaluated, severities, the report's shape -----------------------------------


def test_missing_table_or_row_is_a_warning_not_a_pass(seed):
    without = copy.deepcopy(seed)
    del without.tables["公开01"]
    report = expectations.validate(without)
    balanced = suite(report, "balanced_totals")
    assert not report.has_errors and balanced.success
    assert balanced.statistics["not_evaluated"] == 2
    assert {(f["check"], f["severity"], f["success"], f["detail"]) for f in balanced.failures} == {
        (INCOME_TOTAL, "warning", False, "not evaluated: 公开01 is not in the document"),
        (INCOME_LINES, "warning", False, "not evaluated: 公开01 is not in the document")}

    no_total = copy.deepcopy(seed)
    no_total.tables["公开01"].rows = [r for r in no_total.tables["公开01"].rows
                                     if r.keys != {"side": "支出", "item": "总计", "line_no": "62"}]
    [gap] = suite(expectations.validate(no_total), "balanced_totals").failures
    assert (gap["check"], gap["detail"]) == (INCOME_TOTAL, "not evaluated: no row 支出 总计")


def test_severity_travels_through_gx(seed):
    """A suite mixing severities gets one GX expectation per severity; a warning failure
    leaves the suite passing, an error fails it."""
    shapes = (RowsEqual("w: 公开01 总计", "公开01", {"side": "收入", "item": "总计"},
                        {"side": "支出", "item": "总计"}, "金额", severity="warning"),
              SumOfPreceding("e: 公开01 本年收入合计", "公开01", {"side": "收入", "item": "本年收入合计"}, "金额"))
    spec = SuiteSpec("test_mixed_severity", tuple(Check(s.name, s.severity) for s in shapes),
                     lambda d: identity_frame(d, shapes), within_rounding, describe_identity, report_passing=True)

    def check(disclosure):
        frame = spec.frame(disclosure)
        return evaluate(spec, frame, runtime.run(spec, frame.data))

    warned = check(changed(seed, "公开01", {"side": "支出", "item": "总计"}, "金额", "1555.73"))
    assert warned.success and warned.statistics["evaluated_expectations"] == 2
    assert [(f["check"], f["severity"]) for f in warned.failures] == [("w: 公开01 总计", "warning")]
    failed = check(changed(seed, "公开01", {"side": "收入", "item": "本年收入合计"}, "金额", "1555.73"))
    assert not failed.success
    assert [(f["check"], f["severity"]) for f in failed.failures] == [("e: 公开01 本年收入合计", "error")]


def test_rows_have_the_warehouse_shape(seed_report):
    rows = seed_report.rows()
    assert all(tuple(r) == ROW_KEYS for r in rows)
    assert [r["suite"] for r in rows if r["check"] == "summary"] == expectations.SUITE_NAMES
    for r in rows:
        assert r["severity"] in ("error", "warning") and isinstance(r["success"], bool)
        assert r["difference"] is None or isinstance(r["difference"], Decimal)
        assert r["check"] == "summary" or (r["unit"] == "元" and isinstance(r["expected"], Decimal))


def test_frames_hold_exact_integer_fen(seed):
    amounts = amount_frame(seed, "金额 ≥ 0").data
    assert str(amounts["fen"].dtype) == "int64"
    cells = [c.value for t in seed.tables.values() for r in t.rows
             if r.keys.get("measure", "amount") == "amount" for c in r.cells.values() if c.value is not None]
    assert len(amounts) == len(cells) and int(amounts["fen"].sum()) == sum(cells) * 100
    identities = identity_frame(seed).data
    assert not [c for c in identities.columns if identities[c].dtype.kind == "f"]
    assert to_fen(Decimal("1555.63") * 10000, "x") == 1555630000
    with pytest.raises(ValueError, match="not a whole number of fen"):
        to_fen(Decimal("0.001"), "公开02 row 1 (合计) 其他收入")


def test_validation_is_quiet(seed, capfd):
    expectations.validate(seed)
    out, err = capfd.readouterr()
    assert "Calculating Metrics" not in out + err and "%|" not in err


def test_importing_the_package_imports_neither_gx_nor_pandas():
    """Dagster imports the package for SUITE_NAMES when it loads definitions."""
    code = "import sys, expectations; print(sorted({'great_expectations', 'pandas'} & set(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
