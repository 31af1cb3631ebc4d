"""kill -9 at any moment never blocks a later run. Real `python -m assets.run` processes are
killed (SIGKILL to the whole process group) while parsing, inside the load (where the
publication is too) and while the run's snapshot is copied. Each point is found by watching the run from
outside, as an operator could: its steps' events in DAGSTER_HOME, its lock on the warehouse
file (/proc/locks), the snapshot's partial copy; no hook in the code under test. The next run
must then finish (within a bound that only guards against a hang), exit 0 and leave the seed
current with no pool slot held; its time is printed (pytest -s)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from pipelines import warehouse

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "raw" / "000_744c7817695ce87c.txt"
POOL = "duckdb_warehouse"
BOUND = 120.0  # seconds: a run that takes longer is taken for hung
STEP_EVENTS = {dg.DagsterEventType.STEP_START, dg.DagsterEventType.STEP_INPUT, dg.DagsterEventType.STEP_OUTPUT,
               dg.DagsterEventType.STEP_SUCCESS, dg.DagsterEventType.STEP_FAILURE,
               dg.DagsterEventType.STEP_UP_FOR_RETRY}


def workspace(tmp_path: Path, variants: bool = True, **env: str) -> dict[str, str]:
    """A raw folder (the seed first, then two variants refused at parsing), a warehouse path and
    a DAGSTER_HOME whose storage exists before any run, so watching it never races its creation."""
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(SEED, raw / SEED.name)
    if variants:
        lines = SEED.read_text(encoding="utf-8").splitlines(keepends=True)
        (raw / "001_cover_only.txt").write_text("".join(lines[:20]), encoding="utf-8")  # no table
        (raw / "002_notes.txt").write_text("会议纪要\n一、会议内容\n", encoding="utf-8")
    home = tmp_path / "dagster"
    home.mkdir()
    shutil.copy(ROOT / "assets" / "dagster.yaml", home / "dagster.yaml")
    instance = dg.DagsterInstance.from_config(str(home))
    instance.get_runs(limit=1)
    instance.event_log_storage.get_concurrency_info(POOL)
    instance.dispose()
    return {**os.environ, "PYTHONPATH": str(ROOT), "JUESUAN_RAW": str(raw),
            "JUESUAN_WAREHOUSE": str(tmp_path / "w.duckdb"), "DAGSTER_HOME": str(home),
            "JUESUAN_SOURCES": str(tmp_path / "no-sources.toml"), **env}


def start(env: dict[str, str], log: Path) -> subprocess.Popen:
    """`python -m assets.run` in its own process group, its output in `log`."""
    with open(log, "w") as out:
        return subprocess.Popen([sys.executable, "-m", "assets.run"], cwd=ROOT, env=env, stdout=out,
                                stderr=subprocess.STDOUT, start_new_session=True)


def kill(process: subprocess.Popen) -> None:
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def finish(process: subprocess.Popen, log: Path, what: str) -> tuple[float, str]:
    """Wait for the run (at most BOUND seconds after it started): its time and output."""
    try:
        process.wait(timeout=BOUND)
    except subprocess.TimeoutExpired:
        kill(process)
        pytest.fail(f"{what} did not finish within {BOUND:.0f}s:\n{log.read_text()}")
    return time.monotonic(), log.read_text()


class Watch:
    """A run seen from outside: the event log of the latest run in its DAGSTER_HOME, and whether
    its process holds the warehouse file's lock."""

    def __init__(self, env: dict[str, str], process: subprocess.Popen):
        self.home, self.db, self.process = Path(env["DAGSTER_HOME"]), Path(env["JUESUAN_WAREHOUSE"]), process
        self.instance = dg.DagsterInstance.from_config(str(self.home))
        self.run_id: str | None = None

    def steps(self) -> dict[str, set[str]]:
        """Step key -> the types of its events so far."""
        if self.run_id is None:
            records = self.instance.get_run_records(limit=1)
            if not records:
                return {}
            self.run_id = records[0].dagster_run.run_id
        if not (self.home / "history" / "runs" / f"{self.run_id}.db").exists():
            return {}
        found: dict[str, set[str]] = {}
        for entry in self.instance.all_logs(self.run_id, of_type=STEP_EVENTS):
            found.setdefault(entry.step_key, set()).add(entry.dagster_event.event_type_value)
        return found

    def holds_lock(self) -> bool:
        """/proc/locks lists a lock of the run's process on the warehouse file."""
        try:
            inode = self.db.stat().st_ino
        except FileNotFoundError:
            return False
        with open("/proc/locks") as locks:  # "1: POSIX ADVISORY WRITE <pid> <dev>:<inode> 0 EOF"
            held = [line.split() for line in locks if "->" not in line]  # "->": waiting, not holding
        return any(f[4] == str(self.process.pid) and f[5].endswith(f":{inode}") for f in held)

    def until(self, near: Callable[[], bool], condition: Callable[[], bool], what: str) -> float:
        """Polls until `condition` holds, the time it was seen: every 50 ms until the run is
        `near` the point, then every 5 ms (polling is not free: the run shares 2 cores)."""
        deadline, every = time.monotonic() + BOUND, 0.05
        while not condition():
            if self.process.poll() is not None:
                pytest.fail(f"the run ended (status {self.process.returncode}) before {what}")
            if time.monotonic() > deadline:
                kill(self.process)
                pytest.fail(f"no {what} within {BOUND:.0f}s")
            if every > 0.005 and near():
                every = 0.005
            time.sleep(every)
        return time.monotonic()

    def started(self, step: str, event: str = "STEP_START") -> bool:
        return event in self.steps().get(step, ())

    def slots(self) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
        """(run, step) of the warehouse pool's claimed slots, and of its queued steps."""
        info = self.instance.event_log_storage.get_concurrency_info(POOL)
        return ({(s.run_id, s.step_key) for s in info.claimed_slots},
                {(s.run_id, s.step_key) for s in info.pending_steps if s.assigned_timestamp is None})

    def close(self) -> None:
        self.instance.dispose()


def partial(db: Path) -> Path:
    snapshot = warehouse.snapshot_path(db)
    return snapshot.with_name(f".{snapshot.name}.partial")


def seed_status(path: Path) -> str:
    conn = duckdb.connect(str(path), read_only=True)
    try:
        return conn.execute("SELECT status FROM dim_document WHERE file_name = ?", [SEED.name]).fetchone()[0]
    finally:
        conn.close()


# Each point: when to kill (returns a note on what was seen), and what must hold after the kill
# for the point to count as hit.
def workers(w: Watch) -> bool:
    """A parse worker is running: a child of the run's process that is a fork of it (the same
    command line; Dagster's own helpers run other commands)."""
    pid = w.process.pid
    try:  # the workers are forked by the step's parsing thread: children of that task
        children = [c for task in Path(f"/proc/{pid}/task").iterdir() for c in (task / "children").read_text().split()]
        mine = Path(f"/proc/{pid}/cmdline").read_bytes()
        return any(Path(f"/proc/{child}/cmdline").read_bytes() == mine for child in children)
    except OSError:
        return False


def parsing(w: Watch) -> str:
    w.until(lambda: w.run_id is not None, lambda: w.started("ingest") and workers(w) and not w.holds_lock(),
            "parsing")
    return "the ingest step had parse workers running, before any write"


def parsing_hit(w: Watch, steps: dict) -> None:
    assert not steps["ingest"] & {"STEP_SUCCESS", "STEP_FAILURE"}, steps
    assert not warehouse.snapshot_path(w.db).exists()  # nothing was published


def loading(w: Watch) -> str:
    seen = w.until(lambda: w.started("ingest"), lambda: w.holds_lock() and not partial(w.db).exists(),
                   "the load holding the warehouse")
    time.sleep(0.1)  # the load holds the file ~0.3 s here: connect, insert, commit
    return f"the ingest step held the warehouse's lock for its load; killed {time.monotonic() - seen:.2f}s later"


def loading_hit(w: Watch, steps: dict) -> None:
    assert not steps["ingest"] & {"STEP_SUCCESS", "STEP_FAILURE"}, steps
    assert not warehouse.snapshot_path(w.db).exists()  # it never got to publish its snapshot


def snapshotting(w: Watch) -> str:
    w.until(lambda: w.started("ingest"), lambda: partial(w.db).exists(), "the run's snapshot copy")
    try:  # the copy may end between being seen and this line (then the hit check says so)
        copied = f"{partial(w.db).stat().st_size / 1e6:.0f}"
    except FileNotFoundError:
        copied = "all"
    return f"the run's snapshot copy had begun ({copied} of {w.db.stat().st_size / 1e6:.0f} MB copied when seen; killed at once)"


def snapshotting_hit(w: Watch, steps: dict) -> None:
    assert not steps["ingest"] & {"STEP_SUCCESS", "STEP_FAILURE"}, steps
    assert partial(w.db).exists() and not warehouse.snapshot_path(w.db).exists()  # copied, never renamed


def ballast(db: Path) -> None:
    """~200 MB of incompressible rows, so copying the warehouse takes a moment that can be
    caught (the seed alone is 8 MB, copied in milliseconds); a real warehouse grows as large."""
    conn = warehouse.connect(db)
    try:
        conn.execute("SET enable_progress_bar = false")
        conn.execute("CREATE TABLE ballast AS SELECT random() AS x FROM range(24000000)")
        conn.execute("CHECKPOINT")
    finally:
        conn.close()


POINTS = {"parsing": (parsing, parsing_hit), "loading": (loading, loading_hit),
          "snapshotting": (snapshotting, snapshotting_hit)}


@pytest.mark.parametrize("point", list(POINTS))
def test_kill_9_never_blocks_the_next_run(tmp_path, point):
    env = workspace(tmp_path)
    db = Path(env["JUESUAN_WAREHOUSE"])
    if point == "snapshotting":
        ballast(db)
    when, hit = POINTS[point]
    killed = start(env, tmp_path / "killed.log")
    watch = Watch(env, killed)
    try:
        note = when(watch)
        kill(killed)
        steps = watch.steps()
        hit(watch, steps)
        run = watch.instance.get_run_by_id(watch.run_id)
        assert run.status == dg.DagsterRunStatus.STARTED  # as SIGKILL left it
        held, _ = watch.slots()  # what SIGKILL left behind: the killed step's pool slot
        step = "ingest"
        assert held == {(watch.run_id, step)}

        started = time.monotonic()
        follow = start(env, tmp_path / "next.log")
        ended, out = finish(follow, tmp_path / "next.log", f"the run after kill -9 {point}")
        print(f"\nkill -9 {point}: {note}; the pool slot was held by {step}; "
              f"the next run took {ended - started:.1f}s")
        # the seed becomes current in this run, or was already (killed after its publication committed)
        assert follow.returncode == 0 and "Traceback" not in out, out
        assert f"{SEED.name}: current" in out or f"{SEED.name}: unchanged" in out, out
        assert "its process died; its warehouse slot is freed" in out, out
        assert watch.instance.get_run_by_id(watch.run_id).status == dg.DagsterRunStatus.FAILURE
        assert watch.slots() == (set(), set())
    finally:
        if killed.poll() is None:
            kill(killed)
        watch.close()

    assert ended - started < BOUND
    assert not partial(db).exists()
    conn = warehouse.connect(db, read_only=True)  # the warehouse opens
    try:
        documents = dict(conn.execute("SELECT file_name, status FROM dim_document").fetchall())
    finally:
        conn.close()
    assert documents == {SEED.name: "current", "001_cover_only.txt": "failed", "002_notes.txt": "failed"}
    assert seed_status(warehouse.snapshot_path(db)) == "current"  # and so does what analysts read
