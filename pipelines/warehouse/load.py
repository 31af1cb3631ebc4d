"""Loading one disclosure: one transaction that either lands the whole document or nothing.

Versions: a document is its bytes (SHA-256). Loading the same bytes with the same parser
again changes nothing. A version whose reading cannot be trusted (an extraction error) is
'quarantined': its facts and validation rows are kept for inspection, the reason names the
failed checks, and it is never offered for publication. Any other version joins the versions
of its department-year, and publication.elect decides, in the same transaction, which is
'current' (the others 'superseded', 'held' or 'duplicate'). Rows are never deleted, except a
document's own rows when it is reloaded by a newer parser (delete-then-insert).

Publication can be a step of its own (`publish=False`, then `publish_document`): the document
lands as 'validated' and becomes 'current' only when published. The Dagster job does that, so
its blocking asset checks gate what analysts see (assets/ingestion/assets.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from decimal import Decimal
from typing import Any, Protocol

import duckdb

from pipelines import PARSER_VERSION
from pipelines.model import Disclosure
from pipelines.raw import RawDocument
from pipelines.warehouse.facts import (
    FACT_TABLES,
    document_tables,
    economic_subjects,
    fact_rows,
    function_subjects,
)
from pipelines.warehouse.connection import fit_views
from pipelines.warehouse.scales import needed_wan_scale, wan_scale
from pipelines.warehouse.publication import ELIGIBLE, content_hash, elect

LEVELS = {3: ("类", 1), 5: ("款", 2), 7: ("项", 3)}


class Report(Protocol):
    """What the loader needs from a validation report (see `expectations.validate`); a
    `reason()` method, if it has one, says briefly why a document is quarantined."""

    untrusted: bool  # an extraction error: quarantine

    def rows(self) -> list[dict[str, Any]]: ...


VALIDATED = "validated"  # landed and passed validation, awaiting publication


@dataclass
class LoadResult:
    status: str  # current | superseded | held | duplicate | validated | quarantined | unchanged
    document_sha256: str
    rows: dict[str, int] = field(default_factory=dict)
    replaced: list[str] = field(default_factory=list)
    wan_scale: int = 0  # the 万元 decimals its amounts need, where they became visible (else 0)


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def is_landed(conn: duckdb.DuckDBPyConnection, sha256: str, parser: str) -> bool:
    found = conn.execute(
        "SELECT 1 FROM dim_document WHERE document_sha256 = ? AND parser = ?", [sha256, parser]
    ).fetchone()
    return found is not None


def quarantine_reason(report: Report) -> str:
    """Short: the failed checks (the report says which when it can), for dim_document."""
    reason = getattr(report, "reason", None)
    return reason() if callable(reason) else "validation errors (see v_validation)"


def load_disclosure(conn: duckdb.DuckDBPyConnection, disclosure: Disclosure, report: Report | None,
                    run_id: str | None = None, publish: bool = True) -> LoadResult:
    """Land the document's facts and validation rows in one transaction. With extraction
    errors it is 'quarantined'; otherwise elected among its department-year's versions
    (publish=True) or 'validated', awaiting `publish_document`."""
    if is_landed(conn, disclosure.sha256, disclosure.parser):
        return LoadResult("unchanged", disclosure.sha256, _row_counts(conn, disclosure.sha256))
    with transaction(conn):
        result = land(conn, disclosure, report, run_id, publish)
        fit_views(conn, needed=result.wan_scale)  # in the same transaction: the views' 万元 decimals fit what landed
    return result


@contextmanager
def transaction(conn: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """All or nothing: committed when the block ends, rolled back when it raises."""
    conn.execute("BEGIN TRANSACTION")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def land(conn: duckdb.DuckDBPyConnection, disclosure: Disclosure, report: Report | None,
         run_id: str | None = None, publish: bool = True) -> LoadResult:
    """`load_disclosure`'s work inside the caller's transaction (a batch lands many documents
    in one): the caller checks `is_landed` first and fits the views after."""
    quarantined = bool(report and report.untrusted)
    department_key = _department(conn, disclosure)
    _conform_subjects(conn, disclosure)
    if _known(conn, disclosure.sha256):  # a reload by newer rules replaces the document's own rows
        _delete_document_rows(conn, disclosure.sha256)
    counts, scale = _insert_facts(conn, disclosure, department_key)
    if report is not None:
        _insert_validation(conn, disclosure.sha256, report)
    status, reason = (("quarantined", quarantine_reason(report)) if quarantined
                      else (VALIDATED, "awaiting publication"))
    _upsert_document(conn, disclosure, department_key, status, reason, run_id)
    replaced: list[str] = []
    if publish and not quarantined:
        status, replaced = _elect(conn, disclosure.sha256, department_key, disclosure.info.fiscal_year,
                                  disclosure.info.kind, disclosure.info.scope)
    return LoadResult(status, disclosure.sha256, counts, replaced, scale if status in ELIGIBLE else 0)


def publish_document(conn: duckdb.DuckDBPyConnection, sha256: str) -> LoadResult:
    """Offer a 'validated' document for publication: it joins its department-year's versions
    and `publication.elect` decides, in one transaction, which is current (this one, or it is
    held, a duplicate, or superseded by a later one). A document already offered changes
    nothing; a quarantined or failed document cannot be published."""
    found = conn.execute(
        """SELECT status, file_name, department_key, fiscal_year, kind, scope FROM dim_document
           WHERE document_sha256 = ?""", [sha256]).fetchone()
    if found is None:
        raise ValueError(f"{sha256}: not in the warehouse")
    status, file_name, department_key, fiscal_year, kind, scope = found
    if status in ELIGIBLE:
        return LoadResult("unchanged", sha256, _row_counts(conn, sha256))
    if status != VALIDATED:
        raise ValueError(f"{file_name}: a {status} document cannot be published")
    conn.execute("BEGIN TRANSACTION")
    try:
        status, replaced = _elect(conn, sha256, department_key, fiscal_year, kind, scope)
        fit_views(conn, needed_wan_scale(conn, sha256))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return LoadResult(status, sha256, _row_counts(conn, sha256), replaced)


def _elect(conn, sha256: str, department_key: int, fiscal_year: int, kind: str,
           scope: str) -> tuple[str, list[str]]:
    """(this document's status, the versions that stopped being current)."""
    before = {sha for (sha,) in conn.execute(
        "SELECT document_sha256 FROM dim_document WHERE department_key = ? AND fiscal_year = ? AND kind = ? "
        "AND scope IS NOT DISTINCT FROM ? AND status = 'current'", [department_key, fiscal_year, kind, scope]).fetchall()}
    statuses = elect(conn, department_key, fiscal_year, kind, scope, offered=sha256)
    return statuses[sha256], sorted(sha for sha in before if statuses.get(sha) != "current")


def record_failure(conn: duckdb.DuckDBPyConnection, raw: RawDocument, reason: str,
                   run_id: str | None = None, parser: str = PARSER_VERSION) -> None:
    """Quarantine a document that could not be parsed: listed, with its reason, no facts."""
    conn.execute(
        """INSERT OR REPLACE INTO dim_document (document_sha256, file_name, source_format, size_bytes,
               parser, status, status_reason, ingested_at, run_id)
           VALUES (?, ?, ?, ?, ?, 'failed', ?, ?, ?)""",
        [raw.sha256, raw.name, raw.format, raw.size, parser, reason, _now(), run_id],
    )


def _department(conn, disclosure: Disclosure) -> int:
    info = disclosure.info
    conn.execute(
        """INSERT INTO dim_department (department_name, department_code, supervising_name, supervising_code)
           VALUES (?, ?, ?, ?)
           ON CONFLICT (department_name) DO UPDATE SET
               department_code = COALESCE(excluded.department_code, dim_department.department_code),
               supervising_name = COALESCE(excluded.supervising_name, dim_department.supervising_name),
               supervising_code = COALESCE(excluded.supervising_code, dim_department.supervising_code)""",
        [info.department, info.department_code, info.supervising_department, info.supervising_code],
    )
    return conn.execute(
        "SELECT department_key FROM dim_department WHERE department_name = ?", [info.department]
    ).fetchone()[0]


def _conform_subjects(conn, disclosure: Disclosure) -> None:
    """Subjects are conformed by code: the first name seen for a code is kept."""
    rows = []
    for code, name in function_subjects(disclosure).items():
        level, level_no = LEVELS.get(len(code), ("项", 3))
        rows.append((code, name, level, level_no, code[:-2] if len(code) > 3 else None))
    _insert_many(conn, "INSERT OR IGNORE INTO dim_function_subject VALUES", rows)
    economic = [
        (code, name, "类" if len(code) == 3 else "款", code[:3] if len(code) > 3 else None, group)
        for code, (name, group) in economic_subjects(disclosure).items()
    ]
    _insert_many(conn, "INSERT OR IGNORE INTO dim_economic_subject VALUES", economic)


def _delete_document_rows(conn, sha256: str) -> None:
    for table in (*FACT_TABLES, "fact_validation", "dim_document_table"):
        conn.execute(f"DELETE FROM {table} WHERE document_sha256 = ?", [sha256])


def _known(conn, sha256: str) -> bool:
    return conn.execute("SELECT 1 FROM dim_document WHERE document_sha256 = ?", [sha256]).fetchone() is not None


def _insert_facts(conn, disclosure: Disclosure, department_key: int) -> tuple[dict[str, int], int]:
    """(rows per fact table, the 万元 decimals their amounts need)."""
    keys = {"document_sha256": disclosure.sha256, "department_key": department_key,
            "fiscal_year": disclosure.info.fiscal_year}
    facts = fact_rows(disclosure)
    _register_labels(conn, facts)
    _insert(conn, "dim_document_table", {"document_sha256": disclosure.sha256},
            document_tables(disclosure))
    for table, rows in facts.items():
        _insert(conn, table, keys, rows)
    amounts = (value for rows in facts.values() for row in rows
               for column, value in row.items() if column.endswith("_yuan"))
    return {table: len(rows) for table, rows in facts.items()}, wan_scale(amounts)


def _insert(conn, table: str, keys: dict, rows: list[dict]) -> None:
    """Rows that share `keys`, all with the columns of the first row."""
    if not rows:
        return
    columns = [*keys, *rows[0]]
    _insert_many(conn, f"INSERT INTO {table} ({', '.join(columns)}) VALUES",
                 [[*keys.values(), *(row[c] for c in rows[0])] for row in rows])


def _insert_many(conn, head: str, rows: list) -> None:
    """`head` (INSERT … VALUES) for many rows at once: they are scanned as a DataFrame of text
    and cast by the INSERT to the table's column types (text keeps every Decimal exact); far
    faster than parameters, which DuckDB binds one by one."""
    if not rows:
        return
    import pandas as pd

    frame = pd.DataFrame([[_text(v) for v in row] for row in rows], dtype=object,  # noqa: F841 - read by name below
                         columns=[f"c{n}" for n in range(len(rows[0]))])
    # DuckDB finds `frame` by its name among the caller's variables (its replacement scan):
    # registering it would need the connection to have no unfetched result
    conn.execute(f"{head.rsplit(' VALUES', 1)[0]} SELECT * FROM frame")


def _text(value: object) -> str | list | None:
    """A value as the text DuckDB casts back exactly (Decimals never in exponent form); a list
    (of pages) as a list, which DuckDB scans as one."""
    if value is None or isinstance(value, (str, list)):
        return value
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, (tuple, dict, set)):
        raise TypeError(f"a {type(value).__name__} cannot be inserted: {value!r}")
    return str(value)


def _register_labels(conn, facts: dict[str, list[dict]]) -> None:
    """A column a document adds beyond the template keeps its printed label as its type."""
    income = sorted({r["income_source"] for r in facts["fact_income"]})
    spending = sorted({r["expenditure_type"] for r in facts["fact_expenditure"]})
    _insert_many(conn, "INSERT OR IGNORE INTO dim_income_source VALUES", [[n, 100, False] for n in income])
    _insert_many(conn, "INSERT OR IGNORE INTO dim_expenditure_type VALUES",
                 [[n, 100, False, True] for n in spending])


def _insert_validation(conn, sha256: str, report: Report) -> None:
    rows = report.rows()
    if not rows:
        return
    now = _now()
    _insert_many(
        conn,
        """INSERT INTO fact_validation (document_sha256, suite, check_name, severity, success, expected,
               actual, difference, tolerance, unit, location, location_table, location_row, location_column,
               detail, validated_at, finding) VALUES""",
        [[sha256, r["suite"], r["check"], r["severity"], r["success"], r.get("expected"), r.get("actual"),
          r.get("difference"), r.get("tolerance"), r.get("unit"), r.get("location"), r.get("table"),
          r.get("row"), r.get("column"), r.get("detail"), now, r.get("finding")]
         for r in rows],
    )


def _upsert_document(conn, disclosure: Disclosure, department_key: int, status: str,
                     reason: str | None, run_id: str | None) -> None:
    info = disclosure.info
    conn.execute(
        """INSERT OR REPLACE INTO dim_document (document_sha256, file_name, source_format, size_bytes,
               parser, department_key, fiscal_year, kind, scope, amount_unit, page_count, tables_found,
               status, status_reason, superseded_by, ingested_at, run_id, published_at, published_from,
               content_sha256, compared_with)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, NULL)""",
        [disclosure.sha256, disclosure.source_path, disclosure.source_format, disclosure.size_bytes,
         disclosure.parser, department_key, info.fiscal_year, info.kind, info.scope, info.unit,
         disclosure.page_count, sorted(disclosure.tables), status, reason, _now(), run_id,
         disclosure.published_at, disclosure.published_from, content_hash(conn, disclosure.sha256)],
    )


def _row_counts(conn, sha256: str) -> dict[str, int]:
    return {
        table: conn.execute(f"SELECT count(*) FROM {table} WHERE document_sha256 = ?", [sha256]).fetchone()[0]
        for table in FACT_TABLES
    }
