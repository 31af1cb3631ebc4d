"""The ingestion log: one row per file per run, so "what happened to file X" has an answer."""

from __future__ import annotations

from datetime import datetime, timezone

import duckdb

STATUSES = ("landed", "held", "quarantined", "failed", "skipped")


def log_ingestion(conn: duckdb.DuckDBPyConnection, file_name: str, status: str, *,
                  sha256: str | None = None, source: str | None = None, reason: str | None = None,
                  duration_ms: int | None = None, run_id: str | None = None) -> None:
    if status not in STATUSES:
        raise ValueError(f"unknown ingestion status {status!r}")
    conn.execute(
        """INSERT INTO ingestion_log (logged_at, run_id, file_name, source, document_sha256, status,
               reason, duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
        [datetime.now(timezone.utc).replace(tzinfo=None), run_id, file_name, source, sha256,
         status, reason, duration_ms],
    )
