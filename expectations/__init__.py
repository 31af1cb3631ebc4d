"""Validation of a parsed disclosure with Great Expectations, before it is loaded.

    report = validate(disclosure)
    report.has_errors        # quarantine the document?
    report.suites            # SuiteResult: name, success, statistics, failures
    report.rows()            # one dict per evaluated check, for fact_validation

Modules, one concern each: `figures` (cells as exact fen), `identities` (the totals that
must balance, declared as data), `frames` (the DataFrames GX validates), `suites` (the
suites, declared as data), `runtime` (the GX context, built once per process), `report`
(GX results back into failures and rows). Importing this package imports neither GX
nor pandas: Dagster reads SUITE_NAMES at load time.
"""

from __future__ import annotations

from expectations import runtime
from expectations.report import SuiteResult, ValidationReport, evaluate
from expectations.suites import SUITES
from pipelines.model import Disclosure

SUITE_NAMES: list[str] = [s.name for s in SUITES]

__all__ = ["SUITE_NAMES", "SuiteResult", "ValidationReport", "validate"]


def validate(disclosure: Disclosure) -> ValidationReport:
    results = []
    for spec in SUITES:
        frame = spec.frame(disclosure)
        results.append(evaluate(spec, frame, runtime.run(spec, frame.data)))
    return ValidationReport(results)
