"""Faults with real processes: a load killed with SIGKILL half-way leaves the warehouse as it
was; two writers at the same time both complete (DuckDB's single-writer lock is waited for); a
warehouse file held by another process is waited for, the load retried, and when it is held
through every retry the run says who holds it, without a traceback; Data Docs never take the
disk space the warehouse needs. (kill -9 at several points of real runs: test_kill_runs.py.)"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import pytest

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
        original = load._upsert_document
        def pause(*args):  # every fact row is inserted, the transaction is still open
            result = original(*args)
            Path(signal_file).write_text("in transaction")
            time.sleep(60)
            return result
        load._upsert_document = pause
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
    instance.event_log_storage.claim_concurrency_slot("duckdb_warehouse", run.run_id, "ingest")
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


HOLD = "import duckdb, sys; conn = duckdb.connect(sys.argv[1]); print('holding', flush=True); sys.stdin.read()"


def hold(db: Path) -> subprocess.Popen:
    """Another process holding the warehouse file, as an analyst's DuckDB CLI does, until its
    stdin is closed."""
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(db)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "holding"
    return holder


def let_go(holder: subprocess.Popen) -> None:
    holder.stdin.close()
    holder.wait(timeout=30)


def test_a_held_warehouse_raises_warehouse_busy_naming_the_holder(tmp_path, monkeypatch):
    from pipelines import settings
    from pipelines.warehouse import connection

    db = tmp_path / "w.duckdb"
    warehouse.connect(db).close()
    monkeypatch.delenv(settings.LOCK_WAIT, raising=False)
    assert settings.lock_wait() == 120
    monkeypatch.setenv(settings.LOCK_WAIT, "0.3")
    holder = hold(db)
    try:
        started = time.monotonic()
        with pytest.raises(connection.WarehouseBusy) as raised:
            warehouse.connect(db)
        assert 0.3 <= time.monotonic() - started < 5
    finally:
        let_go(holder)
    busy = raised.value
    assert isinstance(busy, duckdb.IOException) and busy.pid == holder.pid and busy.path == db
    assert f"the warehouse {db} is held by " in str(busy) and f"(PID {holder.pid})" in str(busy)
    assert "close that connection" in str(busy)
    warehouse.connect(db).close()  # free again


def test_a_warehouse_held_for_a_while_is_retried_and_the_document_lands(tmp_path):
    """Held past the lock wait: the ingest step fails busy, Dagster retries it, the holder lets go
    meanwhile, and the run completes."""
    from tests.test_kill_runs import SEED, Watch, finish, start, workspace

    env = workspace(tmp_path, variants=False, JUESUAN_LOCK_WAIT="2")
    db = Path(env["JUESUAN_WAREHOUSE"])
    with warehouse.writer(db):  # a warehouse with its snapshot, as any earlier run leaves it
        pass
    holder = hold(db)
    run = start(env, tmp_path / "run.log")
    watch = Watch(env, run)
    try:
        watch.until(lambda: watch.started("ingest"),
                    lambda: watch.started("ingest", "STEP_UP_FOR_RETRY"), "a retry of the load")
        let_go(holder)  # the analyst closes the CLI
        _, out = finish(run, tmp_path / "run.log", "the run")
    finally:
        let_go(holder)  # again: a no-op once done
        if run.poll() is None:
            os.killpg(run.pid, signal.SIGKILL)
        watch.close()
    assert run.returncode == 0 and f"{SEED.name}: current" in out and "Traceback" not in out, out
    conn = warehouse.connect(db, read_only=True)
    try:
        assert conn.execute("SELECT file_name, status FROM dim_document").fetchall() == [(SEED.name, "current")]
    finally:
        conn.close()


def test_a_warehouse_held_through_every_retry_ends_the_run_with_a_clear_message(tmp_path):
    """Never let go: the ingest step is tried three times, then each document of its run is
    reported busy, naming the file, the holder's PID and what to do; a summary line; exit 1;
    no traceback."""
    from tests.test_kill_runs import SEED, finish, start, workspace

    env = workspace(tmp_path, JUESUAN_LOCK_WAIT="1")
    db = Path(env["JUESUAN_WAREHOUSE"])
    with warehouse.writer(db):
        pass
    holder = hold(db)
    try:
        run = start(env, tmp_path / "run.log")
        _, out = finish(run, tmp_path / "run.log", "the run")
    finally:
        let_go(holder)
    assert run.returncode == 1 and "Traceback" not in out, out
    said = f"the warehouse {db} is held by {Path(sys.executable).resolve()} (PID {holder.pid})"
    lines = out.splitlines()
    names = [SEED.name, "001_cover_only.txt", "002_notes.txt"]
    for n, (line, name) in enumerate(zip(lines, names), 1):
        assert line.startswith(f"[{n}/3] {name}: busy - ") and said in line and "close that connection" in line, out
    assert lines[-1].startswith("warehouse busy: 3 of 3 documents not ingested - ") and said in lines[-1]

    import dagster as dg

    instance = dg.DagsterInstance.from_config(env["DAGSTER_HOME"])
    try:
        [record] = instance.get_run_records()
        retries = instance.all_logs(record.dagster_run.run_id, of_type=dg.DagsterEventType.STEP_UP_FOR_RETRY)
    finally:
        instance.dispose()
    assert [e.step_key for e in retries] == ["ingest"] * 2  # three attempts
    conn = warehouse.connect(db, read_only=True)
    try:
        assert conn.execute("SELECT count(*) FROM dim_document").fetchone() == (0,)
    finally:
        conn.close()


def test_a_dead_runs_pid_taken_by_a_later_process_does_not_keep_its_slot():
    """The pid of a killed run may be given to a new process: the run's recorded start time
    tells them apart, so its slot is still freed; a run whose process is the one that started
    it keeps its slot."""
    import socket

    import dagster as dg
    from dagster._core.storage.dagster_run import DagsterRun, DagsterRunStatus

    from assets import run as make_run

    other = subprocess.Popen(["sleep", "60"])
    try:
        tags = {"juesuan/host": socket.gethostname(), "juesuan/pid": str(other.pid)}
        with dg.instance_for_test() as instance:
            instance.event_log_storage.set_concurrency_slots("duckdb_warehouse", 2)
            runs = {name: DagsterRun(job_name="ingest_documents", run_id=f"{n:08x}-0000-0000-0000-{0:012x}",
                                     status=DagsterRunStatus.STARTED, tags={**tags, "juesuan/started": started})
                    for n, (name, started) in enumerate({"reused": "1",
                                                         "alive": make_run._process_start(other.pid)}.items())}
            for run in runs.values():
                instance.add_run(run)
                instance.event_log_storage.claim_concurrency_slot("duckdb_warehouse", run.run_id, "ingest")
            make_run._release_dead_runs(instance)
            status = {name: instance.get_run_by_id(run.run_id).status for name, run in runs.items()}
            holders = {s.run_id for s in instance.event_log_storage.get_concurrency_info("duckdb_warehouse").claimed_slots}
    finally:
        other.kill()
        other.wait()
    assert status == {"reused": DagsterRunStatus.FAILURE, "alive": DagsterRunStatus.STARTED}
    assert holders == {runs["alive"].run_id}


def test_data_docs_are_not_written_into_the_warehouse_s_reserve(tmp_path, monkeypatch, raw_dir, seed_path):
    """Below max(1 GiB, twice the warehouse) free, the validation step warns and writes no
    Data Docs; the validation itself succeeds."""
    import shutil
    from collections import namedtuple

    import dagster as dg

    from assets.ingestion import assets as ingestion
    from assets.ingestion.resources import RawFolder, WarehouseResource
    from expectations import docs

    db = tmp_path / "w.duckdb"
    warehouse.connect(db).close()
    monkeypatch.setenv("JUESUAN_WAREHOUSE", str(db))
    Usage = namedtuple("Usage", "total used free")
    free = {"bytes": 0}
    monkeypatch.setattr(shutil, "disk_usage", lambda path: Usage(1 << 40, 0, free["bytes"]))
    mib = 1 << 20

    assert docs.reserve() == docs.MIN_RESERVE == 1024 * mib  # a small warehouse: the floor
    free["bytes"] = 1023 * mib
    with pytest.raises(docs.NoRoom, match="only 1023 MiB free .* below the 1024 MiB kept for the warehouse"):
        docs.check_room(tmp_path / "data_docs")
    free["bytes"] = 1024 * mib
    docs.check_room(tmp_path / "data_docs")
    big = tmp_path / "big.duckdb"
    with open(big, "wb") as f:
        f.truncate(700 * mib)  # sparse: only its size counts
    assert docs.reserve(big) == 1400 * mib
    with pytest.raises(docs.NoRoom):
        docs.check_room(tmp_path / "data_docs", big)

    free["bytes"] = 1000 * mib
    with dg.instance_for_test() as instance:
        instance.add_dynamic_partitions("documents", [seed_path.name])
        result = dg.materialize([ingestion.ingest], partition_key=seed_path.name, instance=instance,
                                resources={"raw_folder": RawFolder(path=str(raw_dir)),
                                           "duckdb": WarehouseResource(database=str(db))})
        warnings = [e.message for e in instance.all_logs(result.run_id) if e.level == 30]  # logging.WARNING
    assert result.success
    [validated] = [e.materialization.metadata for e in result.get_asset_materialization_events()
                   if e.asset_key.path == ["validated_disclosure"]]
    assert "MiB kept for the warehouse" in validated["data_docs_error"].value and "data_docs" not in validated
    assert any("Data Docs not written: only 1000 MiB free" in w for w in warnings), warnings
    assert not (tmp_path / "data_docs").exists()
