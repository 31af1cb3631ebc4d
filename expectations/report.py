"""GX results turned back into what the pipeline needs: failures that name the check,
its severity, expected / actual / difference in 元 (Decimal), and the table, row and
column; plus one row per evaluated check for the warehouse (fact_validation)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from expectations.figures import Figure, to_yuan
from expectations.identities import Gap, Identity

ROW_KEYS = ("suite", "check", "severity", "success", "expected", "actual", "difference", "unit",
            "location", "detail")
SEVERITY = {"critical": "error", "warning": "warning", "info": "warning"}
SUMMARY = "summary"


@dataclass
class SuiteResult:
    name: str
    success: bool  # no failure of severity error
    statistics: dict[str, Any]
    details: list[dict] = field(default_factory=list)  # every reported check, in frame order
    severity: str = "error"  # the gravest severity among the suite's checks

    @property
    def failures(self) -> list[dict]:
        return [d for d in self.details if not d["success"]]

    def summary(self) -> dict:
        s = self.statistics
        detail = (f"{s['rows_checked']} rows checked by {s['evaluated_expectations']} expectations "
                  f"({s['unsuccessful_expectations']} unsuccessful); {s['rows_failed']} rows failed; "
                  f"{s['not_evaluated']} checks not evaluated")
        return {"suite": self.name, "check": SUMMARY, "severity": self.severity, "success": self.success,
                "expected": None, "actual": None, "difference": None, "unit": None, "location": None,
                "detail": detail}


@dataclass
class ValidationReport:
    suites: list[SuiteResult]

    @property
    def has_errors(self) -> bool:
        return any(f["severity"] == "error" for s in self.suites for f in s.failures)

    def rows(self) -> list[dict]:
        """Per suite: its summary, then one row per identity and per failing amount cell."""
        return [{k: row[k] for k in ROW_KEYS}
                for s in self.suites for row in (s.summary(), *s.details)]


def evaluate(spec: Any, frame: Any, result: Any) -> SuiteResult:
    """One suite's GX result (ExpectationSuiteValidationResult) with the frame it validated."""
    checks = frame.data["check"].tolist()
    severity = {c.name: c.severity for c in spec.checks}
    failed: set[int] = set()
    broken: list[dict] = []
    for r in result.results:  # one per severity group; the row's check names the check
        level = SEVERITY[str(r.expectation_config.severity.value)]
        group = r.expectation_config.meta["checks"]
        severity.update(dict.fromkeys(group, level))
        unexpected = [int(u["row_id"]) for u in r.result.get("unexpected_index_list") or []]
        failed.update(unexpected)
        if not r.success and not unexpected:
            broken += [_broken(spec.name, check, level, r) for check in group]
    details = []
    for i, item in enumerate(frame.items):
        passed = i not in failed
        if passed and not spec.report_passing:
            continue
        details.append({"suite": spec.name, "check": checks[i], "severity": severity[checks[i]],
                        "success": passed, **spec.describe(item, passed)})
    details += broken + [_gap(spec.name, g) for g in frame.gaps]
    errors = any(not d["success"] and d["severity"] == "error" for d in details)
    gravest = "error" if "error" in severity.values() else "warning"
    return SuiteResult(spec.name, not errors, _statistics(spec, result, checks, failed, frame.gaps), details,
                       gravest)


def _statistics(spec: Any, result: Any, checks: list[str], failed: set[int], gaps: list[Gap]) -> dict:
    rows, failing = Counter(checks), Counter(checks[i] for i in failed)
    gx = result.statistics
    return {
        "evaluated_expectations": int(gx["evaluated_expectations"]),
        "successful_expectations": int(gx["successful_expectations"]),
        "unsuccessful_expectations": int(gx["unsuccessful_expectations"]),
        "rows_checked": len(checks),
        "rows_failed": len(failed),
        "not_evaluated": len(gaps),
        "checks": {c.name: {"rows": rows[c.name], "failed": failing[c.name]} for c in spec.checks},
    }


def _broken(suite: str, check: str, severity: str, r: Any) -> dict:
    """An expectation that failed without naming rows (GX raised): never a silent pass."""
    info = r.exception_info or {}
    message = info.get("exception_message") if isinstance(info, dict) else None
    return {"suite": suite, "check": check, "severity": severity, "success": False, "expected": None,
            "actual": None, "difference": None, "unit": None, "location": None,
            "detail": f"GX could not evaluate this check: {message or 'no unexpected rows reported'}",
            "table": None, "row": None, "column": None}


def _gap(suite: str, gap: Gap) -> dict:
    return {"suite": suite, "check": gap.check, "severity": "warning", "success": False, "expected": None,
            "actual": None, "difference": None, "unit": None, "location": gap.table,
            "detail": f"not evaluated: {gap.reason}", "table": gap.table, "row": None, "column": None}


# --- what one checked item says ----------------------------------------------------------------


CENT = Decimal("0.01")


def _money(value: Decimal, grouping: str = ",") -> str:
    """Two decimals unless that would round (half a fen tolerances print as 0.005)."""
    return f"{value:{grouping}.2f}" if value == value.quantize(CENT) else f"{value:{grouping}f}"


def _in_unit(fen: int, unit: str) -> str:
    """A sum in the table's printed unit, e.g. 1241.96 (万元)."""
    return _money(Decimal(fen).scaleb(-6 if unit == "万元" else -2), grouping="")


def _place(f: Figure) -> dict:
    return {"unit": "元", "location": f.location, "table": f.table, "row": f.row, "column": f.column}


def describe_amount(f: Figure, passed: bool) -> dict:
    actual = to_yuan(f.fen)
    note = "" if passed else ": an amount cannot be negative"
    return {"expected": to_yuan(0), "actual": actual, "difference": actual - to_yuan(0),
            "detail": f"printed {f.raw} {f.unit}{note}", **_place(f)}


def describe_identity(d: Identity, passed: bool) -> dict:
    printed = [p.raw for p in d.parts if p.fen is not None]
    relation = "=" if d.difference == 0 else "≈" if passed else "≠"
    terms = " + ".join(printed) or "0"
    total = f" = {_in_unit(d.actual, d.unit)}" if len(printed) > 1 else ""
    tolerance = Decimal(d.tolerance.numerator) / d.tolerance.denominator / 100  # exact: ½-fen steps
    if d.difference == 0:
        verdict = "balanced"
    else:
        within = "within" if passed else "beyond"
        verdict = (f"off by {_money(to_yuan(d.difference))} 元, {within} rounding tolerance "
                   f"±{_money(tolerance)} 元 ({d.printed} printed figures)")
    detail = f"{d.total.raw or '0'} {relation} {terms}{total} {d.unit} ({d.about}); {verdict}"
    return {"expected": to_yuan(d.expected), "actual": to_yuan(d.actual),
            "difference": to_yuan(d.difference), "detail": detail, **_place(d.total)}

