"""Validation of a parsed disclosure with Great Expectations, before it is published.

    report = validate(disclosure)
    reports = validate_many(disclosures)   # the same reports, GX run once per suite for all
    report.untrusted         # an extraction error: quarantine the document
    report.has_errors        # any error, extraction or the document's own (source)
    report.suites            # SuiteResult: name, success, statistics, failures (errors, warnings)
    report.rows()            # one dict per evaluated check, for fact_validation
    build_data_docs(report, disclosure, directory)   # GX Data Docs HTML, checked to exist

Modules, one concern each: `figures` (printed figures as exact integers, with their rounding),
`cells` (pointing at table cells), `identities` (the identities within and between tables and
in the 绩效自评表, declared as data), `narrative` (the 情况说明 against the tables), `frames`
(the DataFrames GX validates), `suites` (the suites, declared as data), `runtime` (the GX
context, built once per process), `report` (GX results back into failures and rows), `docs`
(Data Docs). Importing this package imports neither GX nor pandas: Dagster reads SUITE_NAMES
at load time.
"""

from __future__ import annotations

from pathlib import Path

from expectations import runtime
from expectations.report import SuiteResult, ValidationReport, evaluate
from expectations.suites import SUITES
from pipelines.model import Disclosure

SUITE_NAMES: list[str] = [s.name for s in SUITES]
# extraction suites with error checks: their failure quarantines the document and gates its publication
BLOCKING: dict[str, bool] = {s.name: s.blocking for s in SUITES}
CONCERNS: dict[str, str] = {s.name: s.concern for s in SUITES}

__all__ = ["BLOCKING", "CONCERNS", "SUITE_NAMES", "SuiteResult", "ValidationReport", "build_data_docs",
           "validate", "validate_many"]


def validate(disclosure: Disclosure) -> ValidationReport:
    return validate_many([disclosure])[0]


def validate_many(disclosures: list[Disclosure]) -> list[ValidationReport]:
    """Each disclosure's report, as `validate` gives it, for the cost of about one: a GX run
    costs ~30 ms whatever its rows, so each suite validates every document's frame at once.
    A document with an unexpected row in a suite (or any document, when an expectation could
    not be evaluated) is validated again alone, so its GX result (what its Data Docs page and
    its report show) is exactly its own; a document with none gets the batch's outcome with
    its own row count (`runtime.clean_result`)."""
    results: list[list] = [[] for _ in disclosures]
    for spec in SUITES if disclosures else ():
        frames = [spec.frame(d) for d in disclosures]
        if len(frames) == 1:
            results[0].append(evaluate(spec, frames[0], runtime.run(spec, frames[0].data)))
            continue
        together = runtime.run(spec, runtime.stack([f.data for f in frames]))
        flagged = runtime.flagged_rows(together)
        starts = [0]
        for f in frames:
            starts.append(starts[-1] + len(f.data))
        for k, frame in enumerate(frames):
            mine = flagged is not None and not any(starts[k] <= row < starts[k + 1] for row in flagged)
            gx_result = runtime.clean_result(together, len(frame.data)) if mine else runtime.run(spec, frame.data)
            results[k].append(evaluate(spec, frame, gx_result))
    return [ValidationReport(r) for r in results]


def build_data_docs(report: ValidationReport, disclosure: Disclosure, directory: str | Path,
                    with_index: bool = True) -> dict:
    """Write GX Data Docs for this document's validation into `directory` (see docs.py); a
    batch leaves the indexes to `build_data_docs_index`, once."""
    from expectations import docs

    return docs.build(report, disclosure, Path(directory), with_index=with_index)


def warm(data_docs: str | Path | None = None) -> None:
    """Build what every validation (and Data Docs build, into `data_docs`) needs, once, in this
    process: worker processes forked after it start with it instead of building it each."""
    from expectations import docs, gx_view

    for spec in SUITES:
        runtime.definition(spec)
    if data_docs is not None:
        try:
            docs.check_room(Path(data_docs))
        except docs.DataDocsError:  # no room: each document's build says so, and writes nothing
            return
        docs.site_context(Path(data_docs).resolve())
        gx_view.warm()


def build_data_docs_index(directory: str | Path) -> Path:
    from expectations import docs

    return docs.build_index(Path(directory))
