"""The GX validation suites on the seed document, and the rules they apply.

The seed passes every suite with exactly its real warnings: three narrative figures that
disagree with 公开06, and the 尾数误差 (rounding differences within tolerance) of its tables.
Tolerances follow the printed digits; rates get the range their rounded inputs allow; severity
travels through GX; Data Docs pages really are written. Breaking each check is proved in
test_validation_proof.py. GX is built once per process (the package caches it).
"""

from __future__ import annotations

import copy
import pickle
import subprocess
import sys
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

import expectations
from expectations import runtime
from expectations.docs import DataDocsError
from expectations.figures import Figure, to_fen
from expectations.frames import amount_frame, comparison_frame
from expectations.final_identities import CROSS_TABLE, IDENTITIES
from expectations.identities import Equation, Identity, Ratio, SumOfPreceding
from expectations.cells import Ref
from expectations.report import ROW_KEYS, describe_identity, evaluate
from expectations.suites import SUITES, Check, SuiteSpec, within_rounding
from pipelines.model import Cell, CellFlag, Disclosure

ROOT = Path(__file__).resolve().parent.parent
SCALE = {"万元": Decimal(10000), "元": Decimal(1)}
INCOME_LINES = "公开01 本年收入合计 = Σ 收入项目"

# The seed's warnings, all of them: (check, location, difference in 元).
SEED_WARNINGS = {
    ("公开01 本年支出合计 = Σ 类", "公开01 row 39 (支出 本年支出合计) 金额", "-100"),
    ("公开02 合计 = Σ 类", "公开02 row 1 (合计) 本年收入合计", "-100"),
    ("公开02 本年收入合计 = Σ 收入来源", "公开02 row 2 (201 一般公共服务支出) 本年收入合计", "100"),
    ("公开02 本年收入合计 = Σ 收入来源", "公开02 row 3 (20103 政府办公厅（室）及相关机构事务) 本年收入合计", "100"),
    ("公开02 本年收入合计 = Σ 收入来源", "公开02 row 4 (2010301 行政运行) 本年收入合计", "100"),
    ("公开03 合计 = Σ 类", "公开03 row 1 (合计) 本年支出合计", "-100"),
    ("公开03 合计 = Σ 类", "公开03 row 1 (合计) 基本支出", "-100"),
    ("公开04 本年支出合计 = Σ 类", "公开04 row 36 (支出 本年支出合计) 合计", "-100"),
    ("公开04 本年支出合计 = Σ 类", "公开04 row 36 (支出 本年支出合计) 一般公共预算财政拨款", "-100"),
    ("公开04 支出总计 = 本年支出合计 + 年末财政拨款结转和结余", "公开04 row 38 (支出 总计) 合计", "100"),
    ("公开04 支出总计 = 本年支出合计 + 年末财政拨款结转和结余", "公开04 row 38 (支出 总计) 一般公共预算财政拨款", "100"),
    ("公开05 合计 = Σ 类", "公开05 row 1 (合计) 本年支出合计", "-100"),
    ("公开05 合计 = Σ 类", "公开05 row 1 (合计) 基本支出", "-100"),
    ("公开06 类 = Σ 款", "公开06 row 1 (301 工资福利支出) 决算数", "-100"),
    ("公开06 类 = Σ 款", "公开06 row 28 (302 商品和服务支出) 决算数", "100"),
    # the narrative: 办公费 25.20 vs 35.45, 工会经费 7.34 vs 7.37, 其他商品和服务支出 10.25 vs blank
    ("情况说明 金额 = 表中数", "情况说明 line 490 (办公费) 金额", "-102500"),
    ("情况说明 金额 = 表中数", "情况说明 line 490 (工会经费) 金额", "-300"),
    ("情况说明 金额 = 表中数", "情况说明 line 490 (其他商品和服务支出) 金额", "102500"),
}


@pytest.fixture(scope="module")
def seed(seed_disclosure) -> Disclosure:
    return seed_disclosure


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


def rows_of(report, check: str) -> list[dict]:
    return [r for r in report.rows() if r["check"] == check]


# --- the seed -----------------------------------------------------------------------------------


def test_suites_one_per_concern():
    assert expectations.SUITE_NAMES == ["document_completeness", "non_negative_amounts", "balanced_totals",
                                        "cross_table_totals", "performance_self_evaluation", "narrative_consistency"]
    # only extraction findings (our reading in doubt) block publication; the document's own land
    assert expectations.BLOCKING == {name: name == "document_completeness" for name in expectations.SUITE_NAMES}
    assert {s.name: s.finding for s in SUITES} == {name: "extraction" if name == "document_completeness" else "source"
                                                   for name in expectations.SUITE_NAMES}
    checks = {s.name: len(s.checks) for s in SUITES}
    # 决算 checks + 预算 checks (budget_identities.py: 33 within tables, 18 between them)
    assert checks == {"document_completeness": 3, "non_negative_amounts": 1, "balanced_totals": 43 + 33,
                      "cross_table_totals": 27 + 18, "performance_self_evaluation": 3, "narrative_consistency": 6}


def test_seed_passes_with_exactly_its_real_warnings(seed_report):
    assert not seed_report.has_errors and all(s.success for s in seed_report.suites)
    warnings = {(f["check"], f["location"], f["difference"]) for f in seed_report.warnings}
    assert warnings == {(c, loc, Decimal(d)) for c, loc, d in SEED_WARNINGS}
    for f in seed_report.warnings:  # the rounding ones say so
        rounding = not f["check"].startswith("情况说明")
        assert ("within rounding tolerance" in f["detail"]) is rounding, f


def test_seed_evaluates_every_table(seed_report):
    stats = {s.name: s.statistics for s in seed_report.suites}
    assert stats["document_completeness"]["rows_checked"] == 10  # 公开01–10
    assert stats["balanced_totals"]["rows_checked"] == 147
    assert stats["cross_table_totals"]["rows_checked"] == 21
    assert stats["performance_self_evaluation"]["rows_checked"] == 15  # 5 projects × 3
    assert stats["narrative_consistency"]["rows_checked"] == 102
    assert stats["non_negative_amounts"]["rows_checked"] == 199 and stats["non_negative_amounts"]["exempt"] == 1
    assert all(s["not_evaluated"] == 0 for s in stats.values())
    # every suite ran its expectations in GX: the decision per severity, and the rounding one
    assert {n: s["evaluated_expectations"] for n, s in stats.items()} == {
        "document_completeness": 2, "non_negative_amounts": 1, "balanced_totals": 2, "cross_table_totals": 3,
        "performance_self_evaluation": 2, "narrative_consistency": 2}


def test_seed_rows_show_each_identity(seed_report):
    [total] = rows_of(seed_report, "公开01 收入总计 = 支出总计")
    assert total["location"] == "公开01 row 12 (收入 总计) 金额" and total["success"] is True
    assert total["expected"] == total["actual"] == Decimal("15556300") and total["difference"] == 0
    assert total["detail"].startswith("1555.63 = 1555.63 万元 (Σ 公开01 row 42 (支出 总计) 金额)")
    [lines] = rows_of(seed_report, INCOME_LINES)
    assert lines["detail"].startswith("1555.63 = 1541.75 + 13.88 = 1555.63 万元 (Σ 收入 rows 1–8)")
    assert (lines["table"], lines["row"], lines["column"]) == ("公开01", 9, "金额")


def test_seed_rounding_difference_is_a_warning_within_tolerance(seed_report):
    """公开02 合计 本年收入合计 1555.63 over 类 rows adding to 1555.62: 100 元 of rounding across
    4 printed figures (tolerance 4 × 50 元)."""
    [row] = [r for r in rows_of(seed_report, "公开02 合计 = Σ 类") if r["location"] == "公开02 row 1 (合计) 本年收入合计"]
    assert (row["success"], row["severity"]) == (False, "warning")
    assert (row["expected"], row["actual"], row["difference"], row["tolerance"]) == (
        Decimal("15556300"), Decimal("15556200"), Decimal("-100"), Decimal("200"))
    assert "≈" in row["detail"] and "within rounding tolerance ±200.00 元 (4 printed figures)" in row["detail"]


def test_seed_narrative_rates_agree_within_their_derived_tolerance(seed_report):
    rates = [r for r in seed_report.rows() if r["check"].startswith("情况说明") and r["unit"] == "%"]
    assert len(rates) == 29 and all(r["success"] for r in rates)
    [share] = [r for r in rates if r["location"] == "情况说明 line 430 (财政拨款收入) 占比"]
    # 1541.75 / 1555.63 = 99.1077…%; the inputs (±0.005 万元) move it up by 0.0006, the printed 99.11
    # stands for ±0.005: tolerance 0.0056 on that side
    assert (share["expected"], share["actual"], share["tolerance"]) == (Decimal("99.1078"), Decimal("99.11"),
                                                                         Decimal("0.0056"))
    [growth] = [r for r in rates if r["location"] == "情况说明 line 482 (卫生健康支出) 增减率"]
    assert growth["actual"] == Decimal("2.6") and "printed to ±0.05" in growth["detail"]  # one decimal: ±0.05


# --- tolerance -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("raw", "difference", "severity"), [("13.88", "0", None), ("13.89", "100", "warning"),
                                                              ("13.90", "200", "error")])
def test_rounding_tolerance_is_half_a_unit_per_printed_figure(seed, raw, difference, severity):
    """本年收入合计 over two printed lines: 3 printed figures, tolerance 3 × 50 元 = 150 元; within
    it a difference is a rounding warning, beyond it an error."""
    report = expectations.validate(changed(seed, "公开01", {"side": "收入", "item": "八、其他收入"}, "金额", raw))
    [row] = rows_of(report, INCOME_LINES)
    assert row["difference"] == Decimal(difference) and row["tolerance"] == Decimal("150")
    assert row["success"] is (severity is None) and (severity is None or row["severity"] == severity)
    if severity:
        verdict = "within" if severity == "warning" else "beyond"
        assert f"{verdict} rounding tolerance ±150.00 元 (3 printed figures)" in row["detail"]


def test_tolerance_follows_the_printed_unit():
    def ident(unit: str, total: int, *parts: int) -> Identity:
        half = {"万元": Fraction(5000), "元": Fraction(1, 2)}[unit]
        fig = [Figure("公开02", unit, i, "", "合计", str(v), v, half_unit=half) for i, v in enumerate((total, *parts), 1)]
        return Identity("t", ((1, fig[0]),), tuple((1, f) for f in fig[1:]), "", fig[0])

    assert ident("万元", 300, 100, 201).tolerance_fen == 15000  # 3 × 0.005 万元 = 150 元
    in_yuan = ident("元", 300, 100, 201)  # 3 × 0.005 元 = 1.5 fen: a 1-fen difference is rounding
    assert (in_yuan.difference, in_yuan.tolerance, in_yuan.tolerance_fen) == (1, Fraction(3, 2), 1)
    assert "±0.015 元" in describe_identity(in_yuan, "warning")["detail"]


def test_a_stated_figure_is_as_precise_as_its_digits(seed_report):
    """其他交通费用 is stated as 21.9 万元 (one decimal: ±0.05 万元) against 公开06's 21.90 (±0.005)."""
    [row] = [r for r in seed_report.rows() if r["location"] == "情况说明 line 490 (其他交通费用) 金额"]
    assert row["success"] and row["tolerance"] == Decimal("550")


def test_rate_tolerance_is_the_range_of_its_rounded_inputs():
    """97.01% of 260.87 / 268.9 (1 decimal: ±0.05 万元): the inputs allow 96.9939–97.0337%."""
    def money(raw: str, half: int) -> Figure:
        return Figure("绩效自评表", "万元", 1, "p", "x", raw, int(Decimal(raw) * 1_000_000), half_unit=Fraction(half))

    rate = Figure("绩效自评表", "%", 1, "p", "执行率", "97.01", 97_010_000, "percent", Fraction(5000))
    ratio = Ratio("r", rate, ((1, money("260.87", 5000)),), ((1, money("268.9", 50000)),), "")
    center, low, high = ratio.bounds()
    assert center == Fraction(26087, 26890) * 100
    assert (low, high) == (Fraction(2608650, 26895) , Fraction(2608750, 26885))  # (x∓δ) / (y±δ)
    decision = ratio.decision()
    assert decision.excess <= decision.tolerance  # 97.01 lies within


# --- what cannot be evaluated, what may be negative, severities ------------------------------------


def test_missing_mandatory_table_is_an_error_and_its_identities_not_evaluated(seed):
    without = copy.deepcopy(seed)
    del without.tables["公开01"]
    report = expectations.validate(without)
    assert report.has_errors and report.untrusted
    [missing] = suite(report, "document_completeness").errors
    assert (missing["check"], missing["location"], missing["table"]) == ("必备表 齐全可读", "公开01", "公开01")
    assert missing["detail"].startswith("missing")
    balanced = suite(report, "balanced_totals")
    gaps = {(f["check"], f["severity"], f["detail"]) for f in balanced.failures}
    assert ("公开01 收入总计 = 支出总计", "warning", "not evaluated: 公开01 is not in the document") in gaps
    assert balanced.statistics["not_evaluated"] == 5


def test_optional_table_may_be_absent(seed):
    without = copy.deepcopy(seed)
    del without.tables["公开10"]
    report = expectations.validate(without)
    assert not report.has_errors
    [row] = [r for r in rows_of(report, "必备表 齐全可读") if r["table"] == "公开10"]
    assert row["success"] and row["detail"].startswith("absent (optional)")


def test_unreadable_table_is_an_error(seed):
    broken = copy.deepcopy(seed)
    broken.tables["公开05"].rows = []
    [row] = suite(expectations.validate(broken), "document_completeness").errors
    assert row["location"] == "公开05" and row["detail"].startswith("unreadable")


def test_balances_of_公开01_may_be_negative(seed):
    """年末结转和结余 may carry a 事业单位's 经营 deficit: not an amount error (the identities
    it takes part in still check it)."""
    report = expectations.validate(changed(seed, "公开01", {"side": "支出", "item": "年末结转和结余"}, "金额", "-20.49"))
    assert suite(report, "non_negative_amounts").success
    assert {f["check"] for f in report.errors} == {"公开01 支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余"}


def test_negative_amount_is_caught_where_it_is_printed(seed):
    report = expectations.validate(changed(seed, "公开06", {"code": "30101"}, "决算数", "-131.30"))
    [failure] = suite(report, "non_negative_amounts").failures
    assert failure["check"] == "金额 ≥ 0" and failure["severity"] == "error"
    assert (failure["table"], failure["row"], failure["column"]) == ("公开06", 2, "决算数")
    assert (failure["expected"], failure["actual"], failure["difference"]) == (0, Decimal("-1313000"),
                                                                                Decimal("-1313000"))
    assert failure["detail"].startswith("printed -131.30 万元")


def test_severity_travels_through_gx(seed):
    """A suite mixing severities gets one GX expectation per severity (the frame puts a row's
    figures in the column of its check's severity); a warning failure leaves the suite
    passing, an error fails it."""
    shapes = (Equation("w: 公开01 总计", Ref("公开01", {"side": "收入", "item": "总计"}, "金额"),
                       (Ref("公开01", {"side": "支出", "item": "总计"}, "金额"),), severity="warning"),
              SumOfPreceding("e: 公开01 本年收入合计", "公开01", {"side": "收入", "item": "本年收入合计"}, ("金额",)))
    spec = SuiteSpec("test_mixed_severity", "test", tuple(Check(s.name, s.severity) for s in shapes),
                     lambda d: comparison_frame(d, shapes), within_rounding, describe_identity, report_passing=True,
                     rounding=True)

    def check(disclosure):
        frame = spec.frame(disclosure)
        return evaluate(spec, frame, runtime.run(spec, frame.data))

    warned = check(changed(seed, "公开01", {"side": "支出", "item": "总计"}, "金额", "1555.73"))
    assert warned.success and warned.statistics["evaluated_expectations"] == 3
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


def test_reason_names_the_failed_checks(seed):
    report = expectations.validate(changed(seed, "公开01", {"side": "收入", "item": "八、其他收入"}, "金额", "14.88"))
    assert not report.untrusted  # the document's own disagreement: it lands, said so
    assert report.reason() == ("lands with the document's own errors (see v_validation): "
                               "公开01 本年收入合计 = Σ 收入项目; 公开02 其他收入 = 公开01 其他收入")


def test_frames_hold_exact_integers(seed):
    amounts = amount_frame(seed, "金额 ≥ 0").data
    assert str(amounts["fen"].dtype) == "int64"
    for shapes in (IDENTITIES, CROSS_TABLE):
        frame = comparison_frame(seed, shapes).data
        assert not [c for c in frame.columns if frame[c].dtype.kind == "f"]
    assert to_fen(Decimal("1555.63") * 10000, "x") == 1555630000
    with pytest.raises(ValueError, match="not a whole number of fen"):
        to_fen(Decimal("0.001"), "公开02 row 1 (合计) 其他收入")


def test_report_pickles_without_gx_objects(seed_report):
    """Dagster passes the report between steps; GX results stay in the validating process."""
    assert all(s.gx_result is not None for s in seed_report.suites)
    again = pickle.loads(pickle.dumps(seed_report))
    assert again.rows() == seed_report.rows() and all(s.gx_result is None for s in again.suites)


# --- Data Docs ------------------------------------------------------------------------------------


def test_data_docs_pages_are_written(seed, seed_report, tmp_path):
    """GX 1.x may skip pages silently: the build checks each file and the test reads them. GX
    renders its own page only for a suite that failed (the offline page covers every suite)."""
    built = expectations.build_data_docs(seed_report, seed, tmp_path / "docs")
    index = built["index"]
    assert index == tmp_path / "docs" / "index.html" and index.is_file()
    assert built["pages"] == [] and built["document"].is_file()  # the seed fails no suite
    html = index.read_text(encoding="utf-8")
    assert all(name in html for name in expectations.SUITE_NAMES) and seed.info.department in html
    assert (tmp_path / "docs" / "expectations" / "balanced_totals.html").is_file()

    broken = changed(seed, "公开06", {"code": "30101"}, "决算数", "-131.30")  # negative: non_negative_amounts fails
    report = expectations.validate(broken)
    failed = sorted(s.name for s in report.suites if not s.success)
    built = expectations.build_data_docs(report, broken, tmp_path / "docs")
    assert sorted(p.parts[-4] for p in built["pages"]) == failed and "non_negative_amounts" in failed
    assert all(p.is_file() for p in built["pages"])
    page = next(p for p in built["pages"] if "non_negative_amounts" in p.parts).read_text(encoding="utf-8")
    assert "公开06" in page and "30101" in page  # the failing row, by location

    again = expectations.build_data_docs(expectations.validate(broken), broken, tmp_path / "docs")
    assert all(p.is_file() for p in again["pages"])  # a new validation replaces the document's pages
    assert len(list((tmp_path / "docs" / "validations").glob("*/*/*/*.html"))) == len(failed)


def test_data_docs_need_the_gx_results(seed, seed_report, tmp_path):
    with pytest.raises(DataDocsError, match="no GX results"):
        expectations.build_data_docs(pickle.loads(pickle.dumps(seed_report)), seed, tmp_path)


# --- process hygiene ------------------------------------------------------------------------------


def test_validation_is_quiet(seed, capfd):
    expectations.validate(seed)
    out, err = capfd.readouterr()
    assert "Calculating Metrics" not in out + err and "%|" not in err


def test_importing_the_package_imports_neither_gx_nor_pandas():
    """Dagster imports the package for SUITE_NAMES when it loads definitions."""
    code = "import sys, expectations; print(sorted({'great_expectations', 'pandas'} & set(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_validating_many_documents_at_once_gives_each_its_own_report(seed_path, seed_disclosure, tmp_path):
    """validate_many runs GX once per suite over every document's frame, then gives each
    document what validating it alone gives: the same checks, outcomes, findings and
    statistics, and, where a suite found something, GX's result of that document alone. The
    batch mixes the seed, a budget, and the seed broken once per case (errors in every suite)."""
    from pipelines.parsing.document import parse_document
    from pipelines.raw import read_raw
    from tests.budget_text import budget_text
    from tests.validation_cases import CASES, Warning_

    lines = seed_path.read_text(encoding="utf-8").splitlines()
    disclosures = [seed_disclosure]
    for n, case in enumerate(CASES[::3]):
        edited = list(lines)
        case.edit.apply(edited)
        path = tmp_path / f"case{n}.txt"
        path.write_text("\n".join(edited), encoding="utf-8")
        disclosures.append(parse_document(read_raw(path, tmp_path)))
        if isinstance(case.edit, Warning_):
            disclosures[-1].warnings.append(case.edit.text)
    budget = tmp_path / "budget.txt"
    budget.write_text(budget_text(seed_disclosure, {}, explanation=True), encoding="utf-8")
    disclosures.append(parse_document(read_raw(budget, tmp_path)))

    together = expectations.validate_many(disclosures)
    alone = [expectations.validate(d) for d in disclosures]
    assert len(together) == len(disclosures)
    assert sum(not r.has_errors for r in alone) >= 2 and sum(r.has_errors for r in alone) >= 10
    for many, one in zip(together, alone):
        assert many.rows() == one.rows()
        assert [(s.name, s.success, s.statistics) for s in many.suites] == \
               [(s.name, s.success, s.statistics) for s in one.suites]
        for s, t in zip(many.suites, one.suites):
            assert [r.result.get("unexpected_index_list") for r in s.gx_result.results] == \
                   [r.result.get("unexpected_index_list") for r in t.gx_result.results]
