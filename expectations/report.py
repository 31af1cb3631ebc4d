"""GX results turned back into what the pipeline needs: failures that name the check, its
severity, expected / actual / difference / tolerance (Decimal, in 元 for money), and the table,
row and column; plus one row per evaluated check for the warehouse (fact_validation).

An evaluated row ends as one of three outcomes: passed; warning (a warning check failed, or a
difference within rounding tolerance); error (an error check failed beyond tolerance).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import ROUND_FLOOR, ROUND_HALF_EVEN, Decimal
from fractions import Fraction
from typing import Any

from expectations.figures import FEN_PER_YUAN, QUANTUM, Figure, from_quanta, to_yuan
from expectations.identities import Gap, Identity, Ratio
from expectations.frames import UNIT_CONTRADICTED, UNREADABLE
from pipelines.amounts import YUAN_PER_UNIT

ROW_KEYS = ("suite", "finding", "check", "severity", "success", "expected", "actual", "difference", "tolerance", "unit",
            "location", "table", "row", "column", "detail")
SEVERITY = {"critical": "error", "warning": "warning", "info": "warning"}
SUMMARY = "summary"
PASSED, WARNING, ERROR = "passed", "warning", "error"
RANK = {PASSED: 0, WARNING: 1, ERROR: 2}


@dataclass
class SuiteResult:
    name: str
    success: bool  # no failure of severity error
    statistics: dict[str, Any]
    details: list[dict] = field(default_factory=list)  # every reported check, in frame order
    severity: str = "error"  # the gravest severity among the suite's checks
    concern: str = ""
    finding: str = "source"  # extraction (our reading is in doubt) | source (the document's own)
    gx_result: Any = field(default=None, repr=False, compare=False)  # for Data Docs; not pickled

    @property
    def failures(self) -> list[dict]:
        return [d for d in self.details if not d["success"]]

    @property
    def errors(self) -> list[dict]:
        return [d for d in self.failures if d["severity"] == "error"]

    @property
    def warnings(self) -> list[dict]:
        return [d for d in self.failures if d["severity"] == "warning"]

    def summary(self) -> dict:
        s = self.statistics
        detail = (f"{s['rows_checked']} rows checked by {s['evaluated_expectations']} expectations "
                  f"({s['unsuccessful_expectations']} unsuccessful); {s['rows_failed']} errors, "
                  f"{s['rows_warned']} warnings; {s['not_evaluated']} checks not evaluated")
        return {"suite": self.name, "finding": self.finding, "check": SUMMARY, "severity": self.severity, "success": self.success,
                "expected": None, "actual": None, "difference": None, "tolerance": None, "unit": None,
                "location": None, "table": None, "row": None, "column": None, "detail": detail}

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state["gx_result"] = None  # GX objects stay in the process that validated
        return state


@dataclass
class ValidationReport:
    suites: list[SuiteResult]

    @property
    def has_errors(self) -> bool:
        return any(s.errors for s in self.suites)

    @property
    def untrusted(self) -> bool:
        """An extraction error: our reading cannot be trusted, so the document is quarantined.
        Source errors (the document disagrees with itself) land, visible with the document."""
        return any(s.errors for s in self.suites if s.finding == "extraction")

    @property
    def extraction_errors(self) -> list[dict]:
        return [f for s in self.suites if s.finding == "extraction" for f in s.errors]

    @property
    def errors(self) -> list[dict]:
        return [f for s in self.suites for f in s.errors]

    @property
    def warnings(self) -> list[dict]:
        return [f for s in self.suites for f in s.warnings]

    def failed_checks(self, severity: str = "error") -> Counter:
        return Counter(f["check"] for f in (self.errors if severity == "error" else self.warnings))

    def reason(self, limit: int = 500) -> str:
        """Short, for dim_document.status_reason: a quarantine's extraction errors (which
        checks, how often, and the unreadable tables or contradicted units by name), else the
        document's own error findings it lands with."""
        untrusted = self.untrusted
        failures = self.extraction_errors if untrusted else self.errors
        counts = Counter(f["check"] for f in failures)
        parts = [f"{check} ×{n}" if n > 1 else check for check, n in counts.items()]
        named = [f["detail"].split("; ", 1)[1] for f in failures
                 if str(f.get("detail", "")).startswith((f"{UNREADABLE}; ", f"{UNIT_CONTRADICTED}; "))]
        head = "failed checks: " if untrusted else "lands with the document's own errors (see v_validation): "
        text = head + "; ".join(parts) + "".join(f" — {u}" for u in named)
        return text if len(text) <= limit else text[: limit - 1] + "…"

    def rows(self) -> list[dict]:
        """Per suite: its summary, then one row per evaluated check (failing ones only for the
        amount suite) and per check that could not be evaluated."""
        return [{k: row.get(k) for k in ROW_KEYS} for s in self.suites for row in (s.summary(), *s.details)]


def evaluate(spec: Any, frame: Any, result: Any) -> SuiteResult:
    """One suite's GX result (ExpectationSuiteValidationResult) with the frame it validated."""
    checks = frame.data["check"].tolist()
    severity = {c.name: c.severity for c in spec.checks}
    outcome: dict[int, str] = {}
    broken: list[dict] = []
    for r in result.results:  # the deciding expectation per severity group, and the rounding one
        level = SEVERITY[str(r.expectation_config.severity.value)]
        role = r.expectation_config.meta.get("role")
        group = [c.name for c in spec.checks if role == "rounding" or c.severity == level]
        unexpected = [int(u["row_id"]) for u in r.result.get("unexpected_index_list") or []]
        for row in unexpected:
            if RANK[level] > RANK[outcome.get(row, PASSED)]:
                outcome[row] = level
        if not r.success and not unexpected:
            broken += [_broken(spec.name, check, level, r) for check in group]
    details = []
    for i, item in enumerate(frame.items):
        result_of = outcome.get(i, PASSED)
        if result_of == PASSED and not spec.report_passing:
            continue
        declared = severity[checks[i]]
        details.append({"suite": spec.name, "check": checks[i],
                        "severity": declared if result_of == PASSED else result_of,
                        "success": result_of == PASSED, **spec.describe(item, result_of)})
    details += broken + [_gap(spec.name, g) for g in frame.gaps]
    errors = any(not d["success"] and d["severity"] == "error" for d in details)
    gravest = "error" if "error" in severity.values() else "warning"
    for d in details:
        d["finding"] = spec.finding
    return SuiteResult(spec.name, not errors, _statistics(spec, result, checks, outcome, frame), details, gravest,
                       spec.concern, spec.finding, result)


def _statistics(spec: Any, result: Any, checks: list[str], outcome: dict[int, str], frame: Any) -> dict:
    rows = Counter(checks)
    failing = Counter(checks[i] for i, o in outcome.items() if o == ERROR)
    warned = Counter(checks[i] for i, o in outcome.items() if o == WARNING)
    gx = result.statistics
    return {
        "evaluated_expectations": int(gx["evaluated_expectations"]),
        "successful_expectations": int(gx["successful_expectations"]),
        "unsuccessful_expectations": int(gx["unsuccessful_expectations"]),
        "rows_checked": len(checks),
        "rows_failed": sum(failing.values()),
        "rows_warned": sum(warned.values()),
        "not_evaluated": len(frame.gaps),
        "exempt": frame.skipped,
        "checks": {c.name: {"rows": rows[c.name], "failed": failing[c.name], "warned": warned[c.name]}
                   for c in spec.checks},
    }


def _empty(suite: str, check: str, severity: str, detail: str, table: str | None = None) -> dict:
    return {"suite": suite, "check": check, "severity": severity, "success": False, "expected": None,
            "actual": None, "difference": None, "tolerance": None, "unit": None, "location": table,
            "table": table, "row": None, "column": None, "detail": detail}


def _broken(suite: str, check: str, severity: str, r: Any) -> dict:
    """An expectation that failed without naming rows (GX raised): never a silent pass."""
    info = r.exception_info or {}
    message = info.get("exception_message") if isinstance(info, dict) else None
    return _empty(suite, check, severity, f"GX could not evaluate this check: {message or 'no unexpected rows reported'}")


def _gap(suite: str, gap: Gap) -> dict:
    return _empty(suite, gap.check, "warning", f"not evaluated: {gap.reason}", gap.table)


# --- what one checked item says ----------------------------------------------------------------


CENT = Decimal("0.01")
PLACES = Decimal("0.0001")  # fact_validation keeps 4 decimals


def _money(value: Decimal, grouping: str = ",") -> str:
    """Two decimals unless that would round (half a fen tolerances print as 0.005)."""
    return f"{value:{grouping}.2f}" if value == value.quantize(CENT) else f"{value:{grouping}f}"


def _in_unit(fen: int, unit: str) -> str:
    """A sum in a printed unit, e.g. 1241.96 (万元)."""
    return _money(Decimal(fen) / FEN_PER_YUAN / YUAN_PER_UNIT.get(unit, 1), grouping="")


def _decimal(value: Fraction, rounding=ROUND_HALF_EVEN) -> Decimal:
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return exact if exact == exact.quantize(PLACES, rounding) else exact.quantize(PLACES, rounding)


def _place(f: Figure, unit: str) -> dict:
    return {"unit": unit, "location": f.location, "table": f.table, "row": f.row or None, "column": f.column}


def _value(quanta: int, kind: str) -> Decimal:
    return to_yuan(quanta) if kind == "money" else from_quanta(quanta, kind)


def describe_amount(f: Figure, outcome: str) -> dict:
    actual = to_yuan(f.value)
    note = "" if outcome == PASSED else ": an amount cannot be negative"
    return {"expected": to_yuan(0), "actual": actual, "difference": actual - to_yuan(0), "tolerance": None,
            "detail": f"printed {f.raw} {f.unit}{note}", **_place(f, "元")}


def describe_table(state: Any, outcome: str) -> dict:
    if state.status in (UNREADABLE, UNIT_CONTRADICTED):
        return {"expected": None, "actual": None, "difference": None, "tolerance": None, "unit": None,
                "location": state.location, "table": state.table or None, "row": None, "column": None,
                "detail": f"{state.status}; {state.detail}"}
    if state.detail:
        detail = f"parser warning: {state.detail}"
    elif state.status == "present":
        detail = f"{state.title}: {state.rows} rows"
    elif state.status.startswith("empty"):
        detail = f"{state.title}: marked 本表无数据"
    elif state.status == "missing":
        detail = "mandatory table not found in the document"
    elif state.status.startswith("absent"):
        detail = "optional table not in the document"
    else:
        detail = f"{state.title}: found but no data row could be read"
    return {"expected": None, "actual": None, "difference": None, "tolerance": None, "unit": None,
            "location": state.location, "table": state.table or None, "row": None, "column": None,
            "detail": f"{state.status}; {detail}" if not state.detail else detail}


def describe_item(item: Identity | Ratio, outcome: str) -> dict:
    return describe_ratio(item, outcome) if isinstance(item, Ratio) else describe_identity(item, outcome)


def _terms(terms, shown: str) -> tuple[str, int]:
    """Printed terms as printed, signed; a term printed in another unit says which."""
    printed = [(s, f) for s, f in terms if f.printed]
    text = " ".join(("− " if s < 0 else "+ ") + f.raw + ("" if f.unit == shown else f" {f.unit}")
                    for s, f in printed).removeprefix("+ ") or "(blank)"
    return text, len(printed)


def describe_identity(d: Identity, outcome: str) -> dict:
    kind, unit = d.kind, d.at.unit
    shown = unit if kind == "money" else d.unit
    left, printed_left = _terms(d.expected_terms, shown)
    right, n = _terms(d.actual_terms, shown)
    if kind == "money":
        total = f" = {_in_unit(d.actual, unit)}" if n > 1 else ""
    else:
        total = f" = {_value(d.actual, kind)}" if n > 1 else ""
    holds = d.excess <= d.tolerance_fen  # the outcome may be a warning of a warning check either way
    if d.relation == "≥":
        relation = "≥" if d.excess == 0 else "≈" if holds else "<"
    else:
        relation = "=" if d.difference == 0 else "≈" if holds else "≠"
    tolerance = _decimal(d.tolerance / QUANTUM[kind])
    if d.excess == 0:
        verdict = "holds" if d.relation == "≥" else "balanced"
    else:
        within = "within" if holds else "beyond"
        verdict = (f"off by {_value(d.difference, kind)} {d.unit}, {within} rounding tolerance "
                   f"±{_money(tolerance) if kind == 'money' else tolerance} {d.unit} ({d.printed} printed figures)")
    detail = f"{left} {relation} {right}{total} {shown} ({d.about}); {verdict}"
    # nothing printed on the expected side (a blank cell): no expected value, not 0.00
    return {"expected": _value(d.expected, kind) if printed_left else None, "actual": _value(d.actual, kind),
            "difference": _value(d.difference, kind), "tolerance": tolerance, "detail": detail,
            **_place(d.at, d.unit)}


def describe_ratio(r: Ratio, outcome: str) -> dict:
    center, low, high = r.bounds()
    stated = r.stated.exact
    tolerance = r.tolerance_for(low, high, center)
    expected = _decimal(center)
    actual = _decimal(stated)
    holds = abs(stated - center) <= tolerance
    verdict = "within" if holds else "beyond"
    detail = (f"stated {r.stated.raw} vs 100 × {r.about} = {expected}% (the printed inputs allow "
              f"{_decimal(low)}–{_decimal(high)}%, the rate is printed to ±{_decimal(r.own_half)}); "
              f"{verdict} tolerance ±{_decimal(tolerance, ROUND_FLOOR)}")
    return {"expected": expected, "actual": actual, "difference": actual - expected,
            "tolerance": _decimal(tolerance, ROUND_FLOOR), "detail": detail, **_place(r.stated, "%")}
