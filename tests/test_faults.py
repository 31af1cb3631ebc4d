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


HOLDER = textwrap.dedent("""
    import os, shutil, signal, socket, sys
    from pathlib import Path
    import dagster as dg
    from dagster._core.storage.dagster_run import DagsterRun, DagsterRunStatus

    home = Path(os.environ["DAGSTER_HOME"])
    home.mkdir(parents=True, exist_ok=True)
    shutil.copy(Path(sys.argv[1]) / "assets" / "dagster.yaml", home / "dagster.yaml")
    instance = dg.DagsterInstance.get()
    run = DagsterRun(job_name="ingest_documents", run_id="f" * 8 + "-0000-0000-0000-" + "0" * 12,
                     status=DagsterRunStatus.STARTED,
                     tags={"juesuan/host": socket.gethostname(), "juesuan/pid": str(os.getpid()),
                           "dagster/partition": "killed.txt"})
    instance.add_run(run)
    instance.event_log_storage.claim_concurrency_slot("duckdb_warehouse", run.run_id, "warehouse_tables")
    print("holding", flush=True)
    os.kill(os.getpid(), signal.SIGKILL)  # inside the load, as kill -9 would find it
""")


def test_a_run_killed_holding_the_warehouse_slot_does_not_block_the_next(tmp_path, raw_dir):
    """kill -9 while a load holds the pool slot: the next `make run` frees it and lands the
    seed, instead of waiting for the slot forever."""
    from tests.test_run_corpus import make_run

    env = {**os.environ, "PYTHONPATH": str(ROOT), "DAGSTER_HOME": str(tmp_path / "dagster")}
    holder = subprocess.run([sys.executable, "-c", HOLDER, str(ROOT)], env=env, capture_output=True,
                            text=True, timeout=120)
    assert holder.returncode == -signal.SIGKILL and "holding" in holder.stdout, holder.stderr
    started = time.monotonic()
    run = make_run(tmp_path, raw_dir)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "its process died; its warehouse slot is freed" in run.stdout
    assert ": current" in run.stdout and time.monotonic() - started < 120


def test_a_new_warehouse_appears_whole_or_not_at_all(tmp_path, monkeypatch):
    """Creating the warehouse fails half-way (a full disk): no file is left where the
    warehouse goes; a 0-byte leftover of an earlier crash is replaced by a real warehouse."""
    import duckdb

    from pipelines.warehouse import connection

    path = tmp_path / "juesuan.duckdb"

    def full_disk(conn):
        raise duckdb.IOException("No space left on device")

    original = connection.ensure_schema
    monkeypatch.setattr(connection, "ensure_schema", full_disk)
    try:
        warehouse.connect(path)
    except duckdb.IOException:
        pass
    assert not path.exists() and sorted(p.name for p in tmp_path.iterdir()) == []
    monkeypatch.setattr(connection, "ensure_schema", original)

    path.write_bytes(b"")  # what a crash while DuckDB created the file leaves
    conn = warehouse.connect(path)
    assert conn.execute("SELECT count(*) FROM dim_document").fetchone() == (0,)
    conn.close()
    assert path.stat().st_size > 0
