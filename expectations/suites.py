"""The suites, one per concern, declared as data: the frame each validates, its checks, and
the GX expectations that decide them. A new suite is a new `SuiteSpec` here; a new identity
is a line in a kind's catalog (`final_identities.py`, `budget_identities.py`) or a quantity in
`narrative.py` (`budget_narrative.py` for a 预算), and becomes a check of its suite.

    suite                        concern                                     severity  finding
    document_completeness        every mandatory table (公开01–09) found, read,  error     extraction
                                 and its 金额单位 not contradicted
    non_negative_amounts         every printed amount ≥ 0 (two 公开01 balances)  error     source
    balanced_totals              identities within each table                error     source
    cross_table_totals           identities between tables                   error     source
    performance_self_evaluation  绩效自评表: 结余, 执行率, 总分                    error     source
    narrative_consistency        情况说明 figures and rates against the tables warning   source

Two kinds of finding. An *extraction* finding says our reading cannot be trusted (a table not
found or not readable, a unit the figures contradict): the document is quarantined and never
reaches the views. A *source* finding says the reading is faithful and the document disagrees
with itself: it lands with the finding visible, because that is what was published (a newer
version that adds such errors is held, see pipelines/warehouse/publication.py).

A difference within rounding tolerance is a warning of its check (the "no rounding
difference" expectation), so the 尾数误差 the templates warn of stays visible.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from expectations.frames import ACCEPTABLE, PARSER_WARNING_STATUS, Frame, amount_frame, comparison_frame, table_frame
from expectations.final_identities import CROSS_TABLE, IDENTITIES, PERFORMANCE
from expectations.identities import Shape
from expectations.budget_identities import BUDGET_CROSS_TABLE, BUDGET_IDENTITIES
from expectations.budget_narrative import BUDGET_NARRATIVE_SHAPES
from expectations.narrative import NARRATIVE_SHAPES
from expectations.report import describe_amount, describe_item, describe_table
from pipelines.model import Disclosure

GX_SEVERITY = {"error": "critical", "warning": "warning"}
DECIDE, ROUNDING = "decide", "rounding"
EXTRACTION, SOURCE = "extraction", "source"
TOLERANCE_RULE = (
    "Tolerance: half a unit of the last printed digit of every printed figure taking part (0.005 万元 "
    "per table amount); rates: the range the rate takes when every input moves within its half-unit, "
    "widened by half a unit of the rate's last printed digit. A non-zero difference within tolerance "
    "is reported as a rounding warning.")


@dataclass(frozen=True)
class Check:
    name: str
    severity: str = "error"  # error | warning


@dataclass(frozen=True)
class SuiteSpec:
    """Checks are rows of the suite's frame, not separate expectations: GX evaluates a suite
    with one deciding expectation per severity of its checks (its cost grows with
    expectations, hardly with rows), plus, for comparisons, one warning expectation that
    flags differences rounding explains."""

    name: str
    concern: str  # one line for people (Data Docs, Dagster)
    checks: tuple[Check, ...]
    frame: Callable[[Disclosure], Frame]
    expectation: Callable[..., Any]  # (gx module, severity, settings) -> a GX Expectation
    describe: Callable[[Any, str], dict]  # (frame item, outcome: passed | warning | error) -> report fields
    report_passing: bool  # report every evaluated row, or only the failing ones
    rounding: bool = False  # add the "no rounding difference" warning expectation
    finding: str = SOURCE  # what a failure says: EXTRACTION (our reading) | SOURCE (the document)

    @property
    def blocking(self) -> bool:
        """An extraction suite with error checks gates publication (assets/ingestion/assets.py)."""
        return self.finding == EXTRACTION and any(c.severity == "error" for c in self.checks)

    def expectations(self, gx: Any) -> list[Any]:
        """One deciding expectation per severity its checks have (the frame puts each row's
        figures in the column of its severity, so no row conditions are needed), and the
        rounding one."""
        groups: dict[str, list[str]] = {}
        for check in self.checks:
            groups.setdefault(check.severity, []).append(check.name)
        out = [self.expectation(gx, severity, _settings(severity, names, DECIDE, self.concern))
               for severity, names in groups.items()]
        if self.rounding:
            names = [c.name for c in self.checks]
            out.append(no_rounding(gx, **_settings("warning", names, ROUNDING, "rounding")))
        return out


def _settings(severity: str, checks: list[str], role: str, concern: str) -> dict[str, Any]:
    """Meta stays small: GX re-serialises an expectation's configuration hundreds of times per
    validation, so the check names (the rows' `check` column says them) are not repeated here."""
    note = (f"{concern}. {TOLERANCE_RULE}" if role == DECIDE and concern else
            "A non-zero difference within rounding tolerance (尾数误差) is reported as a warning.")
    return {"severity": GX_SEVERITY[severity], "meta": {"role": role, "notes": note}}


def non_negative(gx: Any, level: str, settings: dict[str, Any]) -> Any:
    return gx.expectations.ExpectColumnValuesToBeBetween(column="fen", min_value=0, **settings)


def acceptable_status(gx: Any, level: str, settings: dict[str, Any]) -> Any:
    """Tables: the status is acceptable (error); a parser warning is its own row (warning)."""
    if level == "warning":
        return gx.expectations.ExpectColumnValuesToNotBeInSet(column="status", value_set=[PARSER_WARNING_STATUS],
                                                              **settings)
    return gx.expectations.ExpectColumnValuesToBeInSet(column="status", value_set=[*ACCEPTABLE, PARSER_WARNING_STATUS],
                                                       **settings)


def within_rounding(gx: Any, level: str, settings: dict[str, Any]) -> Any:
    """|actual − expected| ≤ tolerance (for "≥" relations: the shortfall), as tolerance ≥ excess."""
    return gx.expectations.ExpectColumnPairValuesAToBeGreaterThanB(
        column_A="tolerance", column_B="excess" if level == "error" else "warning_excess", or_equal=True,
        **settings
    )


def no_rounding(gx: Any, **settings: Any) -> Any:
    return gx.expectations.ExpectColumnValuesToBeBetween(column="rounding", min_value=0, max_value=0, **settings)


def checks_of(shapes: tuple[Shape, ...]) -> tuple[Check, ...]:
    """Each check once, though shapes of several kinds report under it (情况说明 金额 = 表中数)."""
    return tuple(dict.fromkeys(Check(name, s.severity) for s in shapes for name in s.check_names))


NON_NEGATIVE = Check("金额 ≥ 0")
MANDATORY = Check("必备表 齐全可读")
UNIT = Check("金额单位 与数字相符")
PARSER_WARNING = Check("解析警告", "warning")


def _comparisons(shapes: tuple[Shape, ...] | dict[str, tuple[Shape, ...]]) -> Callable[[Disclosure], Frame]:
    """The shapes, or those of the document's kind (决算 | 预算) where each kind has its own."""
    if isinstance(shapes, dict):
        return lambda d: comparison_frame(d, shapes.get(d.info.kind, ()))
    return lambda d: comparison_frame(d, shapes)


# Each document kind's identity catalog (final_identities.py, budget_identities.py).
WITHIN_TABLE = {"决算": IDENTITIES, "预算": BUDGET_IDENTITIES}
BETWEEN_TABLES = {"决算": CROSS_TABLE, "预算": BUDGET_CROSS_TABLE}
NARRATIVE = {"决算": NARRATIVE_SHAPES, "预算": BUDGET_NARRATIVE_SHAPES}  # narrative.py, budget_narrative.py


SUITES: tuple[SuiteSpec, ...] = (
    SuiteSpec("document_completeness", "Every mandatory table of its kind (公开01–09, 预算01–09) is found and read, in its printed unit",
              (MANDATORY, UNIT, PARSER_WARNING),
              lambda d: table_frame(d, MANDATORY.name, PARSER_WARNING.name, UNIT.name),
              acceptable_status, describe_table, report_passing=True, finding=EXTRACTION),
    SuiteSpec("non_negative_amounts", "Printed amounts are not negative",
              (NON_NEGATIVE,), lambda d: amount_frame(d, NON_NEGATIVE.name),
              non_negative, describe_amount, report_passing=False),
    SuiteSpec("balanced_totals", "Totals balance within each table", checks_of(IDENTITIES + BUDGET_IDENTITIES),
              _comparisons(WITHIN_TABLE), within_rounding, describe_item, report_passing=True, rounding=True),
    SuiteSpec("cross_table_totals", "The tables agree with each other",
              checks_of(CROSS_TABLE + BUDGET_CROSS_TABLE), _comparisons(BETWEEN_TABLES), within_rounding, describe_item, report_passing=True, rounding=True),
    SuiteSpec("performance_self_evaluation", "项目支出绩效自评表: 结余, 执行率 and 总分 add up",
              checks_of(PERFORMANCE), _comparisons(PERFORMANCE), within_rounding, describe_item,
              report_passing=True, rounding=True),
    SuiteSpec("narrative_consistency", "The 情况说明 states what the tables print",
              checks_of(NARRATIVE_SHAPES + BUDGET_NARRATIVE_SHAPES), _comparisons(NARRATIVE),
              within_rounding, describe_item, report_passing=True, rounding=True),
)
