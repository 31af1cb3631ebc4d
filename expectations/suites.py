"""The suites, declared as data: the frame each validates, its checks, and the GX
expectation that decides them. A new suite is a new `SuiteSpec` here; a new
identity is a line in `identities.IDENTITIES` and becomes a check of `balanced_totals`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from expectations.frames import Frame, amount_frame, identity_frame
from expectations.identities import IDENTITIES
from expectations.report import describe_amount, describe_identity
from pipelines.model import Disclosure

GX_SEVERITY = {"error": "critical", "warning": "warning"}


@dataclass(frozen=True)
class Check:
    name: str
    severity: str = "error"  # error | warning


@dataclass(frozen=True)
class SuiteSpec:
    """Checks are rows of the suite's frame, not separate expectations: GX evaluates a suite
    with one expectation per severity (its cost grows with expectations, hardly with rows)."""

    name: str
    checks: tuple[Check, ...]
    frame: Callable[[Disclosure], Frame]
    expectation: Callable[..., Any]  # (gx module, **settings) -> a GX Expectation
    describe: Callable[[Any, bool], dict]  # (frame item, passed) -> report fields
    report_passing: bool  # report every evaluated row, or only the failing ones

    def expectations(self, gx: Any) -> list[Any]:
        groups: dict[str, list[str]] = {}
        for check in self.checks:
            groups.setdefault(check.severity, []).append(check.name)
        return [self.expectation(gx, **_settings(severity, names, restrict=len(groups) > 1))
                for severity, names in groups.items()]


def _settings(severity: str, checks: list[str], restrict: bool) -> dict[str, Any]:
    settings: dict[str, Any] = {"severity": GX_SEVERITY[severity], "meta": {"checks": checks}}
    if restrict:  # only when a suite mixes severities: each row condition costs a DataFrame.query
        from great_expectations.expectations.row_conditions import Column

        settings["row_condition"] = Column("check").is_in(checks)
    return settings


def non_negative(gx: Any, **settings: Any) -> Any:
    return gx.expectations.ExpectColumnValuesToBeBetween(column="fen", min_value=0, **settings)


def within_rounding(gx: Any, **settings: Any) -> Any:
    """|rhs − lhs| ≤ tolerance, as tolerance_fen ≥ abs_difference_fen."""
    return gx.expectations.ExpectColumnPairValuesAToBeGreaterThanB(
        column_A="tolerance_fen", column_B="abs_difference_fen", or_equal=True, **settings
    )


NON_NEGATIVE = Check("金额 ≥ 0")

SUITES: tuple[SuiteSpec, ...] = (
    SuiteSpec("non_negative_amounts", (NON_NEGATIVE,), lambda d: amount_frame(d, NON_NEGATIVE.name),
              non_negative, describe_amount, report_passing=False),
    SuiteSpec("balanced_totals", tuple(Check(i.name, i.severity) for i in IDENTITIES), identity_frame,
              within_rounding, describe_identity, report_passing=True),
)
