"""Proof that every check of every suite catches what it is there to catch.

For each check (tests/validation_cases.py, one case per check, all of them), the seed's TEXT is
edited in one cell and goes the whole way a document goes: parse_document, validate, load
into a warehouse that already holds the original seed. Then:

* the check fails where the case says (location), by the amount it says (difference), with
  its severity; and exactly the listed checks fail with an error (nothing else breaks);
* the validation row reaches v_validation with its table / row / column;
* an extraction error (our reading in doubt) quarantines the document; a source error (the
  document disagrees with itself) lands it, but as a version adding errors the seed lacks it
  is held; either way its facts are kept, the failed checks named as the reason, and analysts
  keep seeing the seed. A warning lets it through (it becomes current) with the warning
  recorded.

Publication follows the Dagster job: load (publish=False), then publish only when no blocking
(extraction) check failed.
"""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest

import expectations
from expectations.budget_identities import BUDGET_CROSS_TABLE, BUDGET_IDENTITIES
from expectations.suites import SUITES
from pipelines import warehouse
from pipelines.parsing.document import parse_document
from pipelines.raw import read_raw
from tests.validation_cases import CASES, Case, Warning_

SEVERITY = {c.name: c.severity for s in SUITES for c in s.checks}
FINDING = {c.name: s.finding for s in SUITES for c in s.checks}
SUITE_OF = {c.name: s.name for s in SUITES for c in s.checks}
IDS = [f"{SUITE_OF[c.check]}-{n:02d}" for n, c in enumerate(CASES, 1)]  # pytest escapes CJK in ids


@pytest.fixture(scope="module")
def seed_lines(seed_path) -> list[str]:
    return seed_path.read_text(encoding="utf-8").split("\n")


@pytest.fixture(scope="module")
def landed_seed(tmp_path_factory, seed_disclosure) -> Path:
    """A warehouse file holding the seed as the current version (copied for every case)."""
    path = tmp_path_factory.mktemp("seeded") / "juesuan.duckdb"
    conn = warehouse.connect(path)
    try:
        assert warehouse.load_disclosure(conn, seed_disclosure, expectations.validate(seed_disclosure)).status == "current"
        conn.execute("CHECKPOINT")
    finally:
        conn.close()
    return path


def where(location: str) -> tuple[str | None, int | None, str | None]:
    """(table, row, column) as v_validation splits a location."""
    parts = location.split()
    if parts[0] == "document":
        return None, None, None
    if len(parts) == 1:
        return parts[0], None, None
    return parts[0], int(parts[2]), parts[-1]


def test_every_check_has_a_case():
    """Every 决算 check is proven able to fail by breaking one cell of the seed. The 预算 catalog
    (budget_identities.py) has its own proof, on a budget built from the seed
    (test_budget_validation_proof.py)."""
    checks = [c.name for s in SUITES for c in s.checks]
    assert len(set(checks)) == len(checks)  # a check's name is its identity in the warehouse
    budget = {name for shape in BUDGET_IDENTITIES + BUDGET_CROSS_TABLE for name in shape.check_names}
    assert sorted(c.check for c in CASES) == sorted(c for c in checks if c not in budget)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_breaking_one_cell_fails_its_check(case: Case, seed_lines, landed_seed, seed_disclosure, tmp_path):
    lines = list(seed_lines)
    case.edit.apply(lines)
    path = tmp_path / "revised.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    disclosure = parse_document(read_raw(path, tmp_path))
    if isinstance(case.edit, Warning_):
        disclosure.warnings.append(case.edit.text)
    report = expectations.validate(disclosure)

    failures = [f for s in report.suites for f in s.failures]
    severity = SEVERITY[case.check]
    [failure] = [f for f in failures if f["check"] == case.check and f["location"] == case.location]
    assert failure["severity"] == severity and failure["success"] is False
    assert failure["difference"] == (None if case.difference is None else Decimal(case.difference))
    assert (failure["table"], failure["row"], failure["column"]) == where(case.location)
    assert {f["check"] for f in failures if f["severity"] == "error"} == set(case.errors)
    assert report.has_errors == bool(case.errors)

    database = tmp_path / "juesuan.duckdb"
    shutil.copy(landed_seed, database)
    conn = warehouse.connect(database)
    try:
        landed = warehouse.load_disclosure(conn, disclosure, report, publish=False)
        if not report.untrusted:  # no blocking check failed: the job publishes it
            warehouse.publish_document(conn, disclosure.sha256)
        status, reason = conn.execute("SELECT status, status_reason FROM dim_document WHERE document_sha256 = ?",
                                      [disclosure.sha256]).fetchone()
        shown = {sha for (sha,) in conn.execute("SELECT DISTINCT document_sha256 FROM v_summary").fetchall()}
        kept = conn.execute("SELECT count(*) FROM fact_income WHERE document_sha256 = ?",
                            [disclosure.sha256]).fetchone()[0]
        recorded = conn.execute(
            """SELECT severity, success, difference, unit, location_table, location_row, location_column
               FROM v_validation WHERE document_sha256 = ? AND "check" = ? AND location = ?""",
            [disclosure.sha256, case.check, case.location]).fetchall()
    finally:
        conn.close()

    if case.errors:
        assert report.untrusted == any(FINDING[check] == "extraction" for check in case.errors)
    if case.errors and report.untrusted:
        assert (landed.status, status) == ("quarantined", "quarantined")
        assert reason.startswith("failed checks: ")
        assert all(check in reason for check in case.errors if FINDING[check] == "extraction"), reason
    elif case.errors:
        assert (landed.status, status) == ("validated", "held")
        assert reason.startswith("held: adds ") and all(check in reason for check in case.errors), reason
        assert shown == {seed_disclosure.sha256}  # analysts still see the previous version
        assert kept > 0  # the parsed data is kept for inspection
    elif isinstance(case.edit, Warning_):  # other bytes, the seed's facts: the same version
        assert (status, reason) == ("duplicate", f"the same facts as {seed_disclosure.source_path}; changes nothing")
        assert shown == {seed_disclosure.sha256}
    else:
        assert status == "current" and reason is None
        assert shown == {disclosure.sha256}  # a warning does not hold the document back
    [(level, success, difference, unit, table, row, column)] = recorded
    assert (level, success, (table, row, column)) == (severity, False, where(case.location))
    if case.difference is not None:
        scale = Decimal("0.0001") if failure["unit"] == "元" else Decimal(1)  # v_validation shows 万元
        assert difference == Decimal(case.difference) * scale
        assert unit == ("万元" if failure["unit"] == "元" else failure["unit"])
