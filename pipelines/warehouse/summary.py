"""What landed, per document: the summary `make run` prints and the operator reads."""

from __future__ import annotations

import duckdb

from pipelines.warehouse.facts import FACT_TABLES

_ROWS = " + ".join(
    f"(SELECT count(*) FROM {t} WHERE document_sha256 = d.document_sha256)" for t in FACT_TABLES
)

SUMMARY_SQL = f"""
SELECT d.file_name AS file, d.document_sha256 AS sha256, dep.department_name AS department,
       d.fiscal_year, d.status, d.status_reason, coalesce(len(d.tables_found), 0) AS tables_found,
       {_ROWS} AS rows_landed,
       (SELECT count(DISTINCT suite) FILTER (WHERE NOT failed) FROM (
            SELECT suite, bool_or(NOT success AND severity = 'error') AS failed FROM fact_validation v
            WHERE v.document_sha256 = d.document_sha256 GROUP BY suite)) AS checks_passed,
       (SELECT count(DISTINCT suite) FILTER (WHERE failed) FROM (
            SELECT suite, bool_or(NOT success AND severity = 'error') AS failed FROM fact_validation v
            WHERE v.document_sha256 = d.document_sha256 GROUP BY suite)) AS checks_failed
FROM dim_document d LEFT JOIN dim_department dep USING (department_key)
ORDER BY d.ingested_at, d.file_name
"""


def document_summary(conn: duckdb.DuckDBPyConnection) -> list[dict]:
    cursor = conn.execute(SUMMARY_SQL)
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]
