"""`make run`: ingest every document in the raw folder through the `ingest_documents` job, one
partition at a time, on the persistent instance (DAGSTER_HOME), so `make ui` shows the same
materializations and checks; then print what landed.

Exit status: 0 when every document either landed or was quarantined (a bad document is data,
not a crash); 1 when any run failed for another reason, i.e. the pipeline itself is broken, or
when another process (an analyst's DuckDB CLI) held the warehouse file through every retry:
then each document not ingested gets one line saying so and who holds the file, and the run
ends with a summary line instead of a traceback.
"""

import os
import shutil
import socket
import sys
import time
import unicodedata
from pathlib import Path

os.environ.setdefault("TQDM_DISABLE", "1")  # GX progress bars
REPO = Path(__file__).resolve().parents[1]
os.environ.setdefault("DAGSTER_HOME", str(REPO / ".dagster"))

import dagster as dg  # noqa: E402

from assets.definitions import defs  # noqa: E402
from assets.ingestion import resources  # noqa: E402
from assets.ingestion.partitions import documents  # noqa: E402
from assets.ingestion.sensors import scan  # noqa: E402
from pipelines import warehouse  # noqa: E402
from pipelines.raw import printable  # noqa: E402
from pipelines.sources import load_sources, pull  # noqa: E402
from pipelines.warehouse.connection import WarehouseBusy  # noqa: E402

# Dagster's own console log would print a stack trace per quarantined document; we print one
# line per document instead, and the root cause when a run fails for another reason.
QUIET = {"loggers": {"console": {"config": {"log_level": "CRITICAL"}}}}


def main(argv: list[str] = ()) -> int:
    """Exit 0 when the pipeline worked (a refused document is data, listed with its reason);
    1 when the pipeline itself broke or the warehouse stayed busy; with --strict (for cron), 3
    when any document was refused, quarantined or held (a held version waits for a person)."""
    strict = "--strict" in argv
    for download in pull(load_sources()):  # the configured URLs, if any (sources.toml)
        print(f"pull {download.url}: {download.status}"
              + (f" - {download.problem}" if download.problem else ""), flush=True)
    instance = _instance()
    _release_dead_runs(instance)
    job = defs.resolve_job_def("ingest_documents")
    keys = sorted(resources.raw_folder().documents())
    known = set(instance.get_dynamic_partitions(documents.name))
    instance.add_dynamic_partitions(documents.name, [k for k in keys if k not in known])

    _, files = scan(resources.raw_folder(), resources.warehouse_db())
    skipped = {key: digest for key, digest, landed in files if landed}
    busy, waiting = "", []  # why the warehouse cannot be written, and the documents it kept out
    try:
        _log_skipped(skipped)
    except WarehouseBusy as error:
        busy = str(error)
        print(f"the log rows of unchanged files are not written: {busy}", flush=True)
    broken: dict[str, str] = {}
    for n, key in enumerate(keys, 1):
        if key in skipped:
            print(f"[{n}/{len(keys)}] {printable(key)}: unchanged (these bytes are in the warehouse; not parsed)")
            continue
        if busy and _still_busy():  # each run would wait through all its retries again
            print(f"[{n}/{len(keys)}] {printable(key)}: not run - the warehouse is still held", flush=True)
            waiting.append(key)
            continue
        started = time.monotonic()
        result = job.execute_in_process(
            partition_key=key, instance=instance, run_config=QUIET, raise_on_error=False,
            tags={"juesuan/trigger": "make run", **PROCESS},
        )
        outcome, detail = _outcome(result)
        print(f"[{n}/{len(keys)}] {printable(key)}: {outcome} ({time.monotonic() - started:.1f}s)"
              + (f" - {printable(detail.splitlines()[0])}" if detail else ""), flush=True)
        if outcome == "busy":
            busy = detail
            waiting.append(key)
        elif outcome == "error":
            broken[key] = detail.splitlines()[0]
            print(detail, file=sys.stderr)

    db = resources.warehouse_db()
    print()
    summary = []
    if not Path(db.database).exists():
        print(f"(no warehouse yet at {db.database})")
    else:
        try:
            with db.get_connection(read_only=True) as conn:
                summary = warehouse.document_summary(conn)
            print(_table(summary))
        except WarehouseBusy as error:  # no snapshot yet, and the file is held
            busy = busy or str(error)
            print(f"(the warehouse cannot be read: {error})")
    refused = sum(1 for r in summary if r["file"] in keys and r["status"] in ("failed", "quarantined", "held"))
    if broken:
        print(f"\npipeline errors in {len(broken)} of {len(keys)} documents:", file=sys.stderr)
        for key, detail in broken.items():
            print(f"  {printable(key)}: {printable(detail)}", file=sys.stderr)
    if busy:
        print(f"\nwarehouse busy: {len(waiting)} of {len(keys)} documents not ingested - {busy}",
              file=sys.stderr)
    if broken or busy:
        return 1
    if strict and refused:  # this run's files, whether refused now or before
        print(f"\nstrict: {refused} of {len(keys)} files are refused, quarantined or held", file=sys.stderr)
        return 3
    return 0


def _still_busy() -> bool:
    """Whether another process still holds the warehouse file (asked without waiting)."""
    try:
        warehouse.connect(resources.warehouse_db().database, wait=0).close()
    except WarehouseBusy:
        return True
    return False


def _process_start(pid: int) -> str:
    """When the process started (Linux: clock ticks since boot), "" where unknown: a pid is
    reused once its process is gone, the pid with its start time is not."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[19]
    except (OSError, IndexError):
        return ""


# Which process runs a document: a run whose process is gone can be told from one still going.
PROCESS = {"juesuan/host": socket.gethostname(), "juesuan/pid": str(os.getpid()),
           "juesuan/started": _process_start(os.getpid())}
UNFINISHED = [dg.DagsterRunStatus.NOT_STARTED, dg.DagsterRunStatus.STARTING, dg.DagsterRunStatus.STARTED]


def _release_dead_runs(instance: dg.DagsterInstance) -> None:
    """A run killed with SIGKILL never gives back the pool slot its load held, and every later
    run would wait for it forever: the runs of this host whose process is gone are marked
    failed and their slots freed."""
    for record in instance.get_run_records(dg.RunsFilter(statuses=UNFINISHED,
                                                         tags={"juesuan/host": PROCESS["juesuan/host"]})):
        run = record.dagster_run
        pid = int(run.tags.get("juesuan/pid", "0"))
        if pid and _alive(pid, run.tags.get("juesuan/started", "")):
            continue
        instance.event_log_storage.free_concurrency_slots_for_run(run.run_id)
        instance.report_run_failed(run, f"its process ({pid}) is gone, killed before it ended: pool slots freed")
        print(f"run {run.run_id[:8]} of {run.tags.get('dagster/partition', '?')}: its process died; "
              "its warehouse slot is freed", flush=True)


def _alive(pid: int, started: str = "") -> bool:
    """The process exists and, when both start times are known, is the one that started then
    (not a later process given the same pid)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass
    now = _process_start(pid)
    return not (started and now) or now == started


def _log_skipped(skipped: dict[str, str]) -> None:
    """Files whose bytes are already in the warehouse get a 'skipped' row, without a run."""
    if not skipped:
        return
    folder = resources.raw_folder()
    with resources.warehouse_db().get_connection() as conn:
        for key, digest in skipped.items():
            warehouse.log_ingestion(conn, key, "skipped", sha256=digest,
                                    source=str(folder.folder_of(key)[1]),
                                    reason="these bytes are already in the warehouse; not parsed")


def _instance() -> dg.DagsterInstance:
    """The persistent instance; outside `make`, seed DAGSTER_HOME with our dagster.yaml."""
    home = Path(os.environ["DAGSTER_HOME"])
    home.mkdir(parents=True, exist_ok=True)
    if not (home / "dagster.yaml").exists():
        shutil.copy(REPO / "assets" / "dagster.yaml", home / "dagster.yaml")
    return dg.DagsterInstance.get()


def _outcome(result: dg.ExecuteInProcessResult) -> tuple[str, str]:
    """The document's status (current | unchanged, from the publication or else the load), or
    quarantined (the parser's Failure, marked in its metadata, or a failed blocking check: the
    load recorded the quarantine), or busy (another process held the warehouse through every
    retry), or error (anything else: the pipeline is broken)."""
    if result.success:
        events = result.get_asset_materialization_events()
        published = [e.materialization.metadata.get("status") for e in events
                     if e.asset_key.path[-1] == "published_disclosure"]
        loads = [e.materialization.metadata.get("status") for e in events if e.asset_key.path[0] == "warehouse"]
        status = (published or loads or [None])[0]
        return (status.value if status else "ok"), ""
    failures = result.get_step_failure_events()
    if not failures:
        return "error", f"run {result.run_id} failed before any step ran"
    quarantined, details, busy = [], [], []
    for event in failures:
        user, error = event.step_failure_data.user_failure_data, event.step_failure_data.error
        if user is not None and "quarantined" in user.metadata:
            quarantined.append(user.description or "")
        elif error is not None and error.cls_name == "DagsterAssetCheckFailedError":
            quarantined.append("blocking checks failed: " + " ".join(error.message.split(":\n", 1)[-1].split()))
        else:
            while error is not None and error.cause is not None:  # the user-code exception
                error = error.cause
            if error is not None and error.cls_name == WarehouseBusy.__name__:
                busy.append(error.message.split(": ", 1)[-1].strip())
            else:
                details.append(f"{event.step_key}: " + (error.to_string().strip() if error else "?"))
    if details:
        return "error", "\n".join(details)
    if busy:
        return "busy", busy[0]
    return "quarantined", "; ".join(quarantined)


COLUMNS = [("file", "file"), ("department", "department"), ("year", "fiscal_year"),
           ("status", "status"), ("tables", "tables_found"), ("rows", "rows_landed"),
           ("checks ok", "checks_passed"), ("checks failed", "checks_failed"),
           ("reason", "status_reason")]


def _table(rows: list[dict]) -> str:
    """A plain text table; CJK characters count double so columns line up in a terminal."""
    if not rows:
        return "(no documents in the warehouse)"
    cells = [[h for h, _ in COLUMNS]] + [
        ["" if r.get(k) is None else printable(str(r.get(k))) for _, k in COLUMNS] for r in rows
    ]
    widths = [max(_width(row[i]) for row in cells) for i in range(len(COLUMNS))]
    lines = ["  ".join(c + " " * (w - _width(c)) for c, w in zip(row, widths)).rstrip()
             for row in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
