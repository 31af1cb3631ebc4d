"""Faults with real processes: a load killed with SIGKILL half-way leaves the warehouse as it
was; two writers at the same time both complete (DuckDB's single-writer lock is waited for)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from pipelines import warehouse

ROOT = Path(__file__).resolve().parents[1]

LOADER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from pipelines import warehouse
    from pipelines.parsing.document import parse_document
    from pipelines.raw import read_raw
    from pipelines.warehouse import load

    db, doc, signal_file = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
    disclosure = parse_document(read_raw(doc, doc.parent))
    if signal_file != "-":
        original = load._supersede
        def pause(*args):  # every fact row is inserted, the transaction is still open
            result = original(*args)
            Path(signal_file).write_text("in transaction")
            time.sleep(60)
            return result
        load._supersede = pause
    conn = warehouse.connect(db)
    result = warehouse.load_disclosure(conn, disclosure, None)
    conn.close()
    print(result.status)
""")


def run_loader(db: Path, doc: Path, signal_file: str = "-") -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", LOADER, str(db), str(doc), signal_file],
                            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def snapshot(db: Path) -> dict[str, list]:
    conn = warehouse.connect(db, read_only=True)
    try:
        return {t: sorted(map(repr, conn.execute(f"SELECT * FROM {t}").fetchall()))
                for t in warehouse.TABLES}
    finally:
        conn.close()


def revised_seed(tmp_path: Path, seed_path: Path) -> Path:
    text = seed_path.read_text(encoding="utf-8").replace("办公费25.20万元", "办公费35.45万元", 1)
    path = tmp_path / "revised.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_kill_9_in_the_middle_of_a_load_leaves_the_warehouse_as_before(tmp_path, seed_path):
    db = tmp_path / "w.duckdb"
    assert run_loader(db, seed_path).communicate(timeout=120)[0].strip() == "current"
    before = snapshot(db)

    marker = tmp_path / "in-transaction"
    process = run_loader(db, revised_seed(tmp_path, seed_path), str(marker))
    deadline = time.monotonic() + 120
    while not marker.exists():
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL

    assert snapshot(db) == before  # the half-done version left no trace


def test_two_writers_at_once_both_complete(tmp_path, seed_path):
    db = tmp_path / "w.duckdb"
    first = run_loader(db, seed_path)
    second = run_loader(db, revised_seed(tmp_path, seed_path))
    outputs = [p.communicate(timeout=240) for p in (first, second)]
    assert [p.returncode for p in (first, second)] == [0, 0], outputs
    conn = warehouse.connect(db, read_only=True)
    try:
        statuses = sorted(s for (s,) in conn.execute("SELECT status FROM dim_document").fetchall())
    finally:
        conn.close()
    assert statuses == ["current", "superseded"]
