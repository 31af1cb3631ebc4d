"""What the warehouse already holds: decided by the warehouse itself, never by orchestration
state (sensor cursors, partitions, run history), so deleting the warehouse file and running
again rebuilds everything."""

from __future__ import annotations

from pathlib import Path

import duckdb

from pipelines.settings import warehouse_path
from pipelines.warehouse.backends import reader


def landed(path: str | Path | None = None) -> tuple[str | None, set[tuple[str, str]]]:
    """(warehouse id, {(sha256, parser)} of every document recorded, landed or quarantined).

    (None, empty) when there is no warehouse yet. Read from the published snapshot, so it
    works while a run writes; a document loaded since the last snapshot is simply loaded
    again as a no-op."""
    path = Path(path or warehouse_path())
    if not path.exists():
        return None, set()
    try:
        conn = reader(path, wait=5)
    except duckdb.IOException:  # locked and no snapshot yet: nothing is known to be landed
        return None, set()
    try:
        warehouse_id = conn.execute("SELECT warehouse_id FROM warehouse_meta").fetchone()[0]
        # a 'validated' document awaits publication (its run stopped after the load): not done yet
        documents = set(conn.execute("SELECT document_sha256, parser FROM dim_document "
                                     "WHERE status <> 'validated'").fetchall())
    finally:
        conn.close()
    return warehouse_id, documents
