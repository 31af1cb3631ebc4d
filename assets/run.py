"""`juesuan run` (and `python -m assets.run`): ingest every document in the raw folder through
the `ingest_documents` job on the persistent instance (DAGSTER_HOME), so `make ui` shows the
same materializations and checks; then print what landed. The documents the warehouse lacks
go in runs of up to JUESUAN_RUN_SIZE partitions each (a range of the document partitions, as
a backfill would run them); each run parses on every core and publishes the read snapshot
once, at its end.

Dagster's state follows the warehouse: unless DAGSTER_HOME is set, it is the folder
`.dagster/<warehouse stem>` beside the warehouse file (`dagster_home`), so two warehouses never
share one instance. The options are set as JUESUAN_RAW / JUESUAN_WAREHOUSE / DAGSTER_HOME
before Dagster is imported (the Definitions read them when they are built).

Exit status: 0 when every document either landed or was quarantined (a bad document is data,
not a crash); 1 when any run failed for another reason, i.e. the pipeline itself is broken, or
when another process (an analyst's DuckDB CLI) held the warehouse file through every retry:
then each document not ingested gets one line saying so and who holds the file, and the run
ends with a summary line instead of a traceback; 3 with `strict` when any file is refused,
quarantined or held.

Output: one line per document, as it lands (in the order they finish). `python -m assets.run` prints each on one line however long (for
tools reading it); `juesuan run` wraps long reasons (continuation lines indented) and, on a
terminal, shows a progress bar with the time left.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import socket
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from pipelines.raw import printable

if TYPE_CHECKING:
    import dagster as dg

os.environ.setdefault("TQDM_DISABLE", "1")  # GX progress bars
REPO = Path(__file__).resolve().parents[1]

# Dagster's own console log would print a stack trace per quarantined document; we print one
# line per document instead, and the root cause when a run fails for another reason.
QUIET = {"loggers": {"console": {"config": {"log_level": "CRITICAL"}}}}


def dagster_home(warehouse_file: str | Path) -> Path:
    """Where Dagster keeps the state of runs into this warehouse: `.dagster/<stem>` beside it."""
    path = Path(warehouse_file).absolute()
    return path.parent / ".dagster" / path.stem


def configure(raw: str | Path | None = None, warehouse_file: str | Path | None = None) -> tuple[Path, Path, Path]:
    """Set JUESUAN_RAW / JUESUAN_WAREHOUSE (when given) and DAGSTER_HOME (unless set: beside the
    warehouse); returns (raw folder, warehouse file, Dagster home). Call before Dagster loads."""
    from pipelines import settings

    settings.choose(warehouse=warehouse_file, raw=raw)
    db = settings.warehouse_path().absolute()
    if not os.environ.get("DAGSTER_HOME"):
        os.environ["DAGSTER_HOME"] = str(dagster_home(db))
    return settings.raw_folder().absolute(), db, Path(os.environ["DAGSTER_HOME"])


def count_documents() -> tuple[int, int]:
    """(files in the configured folders, URLs to pull), without loading Dagster: what the first
    line of `juesuan run` announces."""
    from pipelines.raw import inside, list_raw
    from pipelines.sources import load_sources

    sources = load_sources()
    folders = list(sources.folders)
    if not inside(sources.download_dir, folders[0]):
        folders.append(sources.download_dir)
    return sum(len(list_raw(f)) for f in folders if f.is_dir()), len(sources.urls)


def load() -> None:
    """Import Dagster and the Definitions (seconds, the first time)."""
    import assets.definitions  # noqa: F401


def main(raw: str | Path | None = None, warehouse_file: str | Path | None = None, strict: bool = False,
         *, wrap: int | None = None, progress: bool = False) -> int:
    """Exit 0 when the pipeline worked (a refused document is data, listed with its reason);
    1 when the pipeline itself broke or the warehouse stayed busy; with `strict` (for cron), 3
    when any document was refused, quarantined or held (a held version waits for a person).
    `wrap`: the width long lines are wrapped at (None: one line each); `progress`: a progress
    bar (for a terminal)."""
    configure(raw, warehouse_file)
    load()
    from assets.definitions import defs
    from assets.ingestion import resources
    from assets.ingestion.partitions import documents, range_tags, ranges
    from assets.ingestion.sensors import scan
    from pipelines import settings, warehouse
    from pipelines.sources import load_sources, pull
    from pipelines.warehouse.connection import WarehouseBusy

    out = _Output(wrap, progress)
    for download in pull(load_sources()):  # the configured URLs, if any (sources.toml)
        out.line(f"pull {download.url}: {download.status}"
                 + (f" - {download.problem}" if download.problem else ""))
    instance = _instance()
    _release_dead_runs(instance, out)
    job = defs.resolve_job_def("ingest_documents")
    keys = sorted(resources.raw_folder().documents())
    known = set(instance.get_dynamic_partitions(documents.name))
    instance.add_dynamic_partitions(documents.name, [k for k in keys if k not in known])

    _, files = scan(resources.raw_folder(), resources.warehouse_db())
    skipped = {key: digest for key, digest, landed in files if landed}
    busy, waiting = "", []  # why the warehouse cannot be written, and the documents it kept out
    try:
        _log_skipped(skipped, publish=len(skipped) == len(keys))  # else the runs publish the snapshot
    except WarehouseBusy as error:
        busy = str(error)
        out.line(f"the log rows of unchanged files are not written: {busy}")
    broken: dict[str, str] = {}
    pending = [key for key in keys if key not in skipped]
    for n, key in enumerate(keys, 1):
        if key in skipped:
            out.line(f"[{n}/{len(keys)}] {printable(key)}: unchanged (these bytes are in the warehouse; not parsed)")
    number = {key: n for n, key in enumerate(keys, 1)}
    told: set[str] = set()

    def tell(outcome) -> None:
        """One line per document as it lands (pipelines.batch logs each outcome)."""
        if outcome.key not in number or outcome.key in told or outcome.status == "unchanged" and not outcome.load:
            return
        told.add(outcome.key)
        status = "quarantined" if outcome.status == "failed" else outcome.status
        detail = outcome.reason or "" if status in ("quarantined", "held", "error", "validated") else ""
        out.line(f"[{number[outcome.key]}/{len(keys)}] {printable(outcome.key)}: {status} ({outcome.seconds:.1f}s)"
                 + (f" - {printable(detail.splitlines()[0])}" if detail else ""))
        out.advance()
        if status in ("error", "validated"):
            broken[outcome.key] = detail.splitlines()[0] if detail else status
            print(detail, file=sys.stderr, flush=True)

    out.start(len(pending))
    order = instance.get_dynamic_partitions(documents.name)
    with _listening(tell):
        try:
            for first, last, members in ranges(pending, order, settings.run_size()):
                if busy and _still_busy():  # each run would wait through all its retries again
                    for key in members:
                        out.line(f"[{number[key]}/{len(keys)}] {printable(key)}: not run - the warehouse is still held")
                        out.advance()
                    waiting += members
                    continue
                out.working(f"{len(members)} documents" if len(members) > 1 else members[0])
                result = job.execute_in_process(
                    instance=instance, run_config=QUIET, raise_on_error=False,
                    tags={**range_tags(first, last), "juesuan/trigger": "juesuan run", **PROCESS},
                )
                if result.success:
                    continue
                kind, detail = _failure(result)
                if kind == "busy":
                    busy = detail
                    for key in members:
                        if key not in told:
                            out.line(f"[{number[key]}/{len(keys)}] {printable(key)}: busy - {printable(detail)}")
                            out.advance()
                            waiting.append(key)
                elif not any(key in broken for key in members):  # the run broke outside any one document
                    for key in members:
                        if key not in told:
                            broken[key] = detail.splitlines()[0]
                    print(detail, file=sys.stderr, flush=True)
        finally:
            out.stop()

    db = resources.warehouse_db()
    print()
    summary = []
    if not Path(db.database).exists():
        print(f"(no warehouse yet at {db.database})")
    else:
        try:
            with db.get_connection(read_only=True) as conn:
                summary = warehouse.document_summary(conn)
            print(_summary(summary, set(keys), wrap))
        except WarehouseBusy as error:  # no snapshot yet, and the file is held
            busy = busy or str(error)
            print(f"(the warehouse cannot be read: {error})")
    refused = sum(1 for r in summary if r["file"] in keys and r["status"] in ("failed", "quarantined", "held"))
    if broken:
        print(f"\npipeline errors in {len(broken)} of {len(keys)} documents:", file=sys.stderr)
        for key, detail in broken.items():
            _print(f"  {printable(key)}: {printable(detail)}", wrap, sys.stderr)
    if busy:
        print(file=sys.stderr)
        _print(f"warehouse busy: {len(waiting)} of {len(keys)} documents not ingested - {busy}", wrap, sys.stderr)
    if broken or busy:
        return 1
    if strict and refused:  # this run's files, whether refused now or before
        print(f"\nstrict: {refused} of {len(keys)} files are refused, quarantined or held", file=sys.stderr)
        return 3
    return 0


def _print(text: str, wrap: int | None, stream=None) -> None:
    """A line, wrapped at `wrap` columns (continuation lines indented) when given."""
    from pipelines.query import wrap as wrapped

    stream = stream or sys.stdout
    for line in ([text] if wrap is None else wrapped(text, wrap)):
        print(line, file=stream, flush=True)


class _Output:
    """Where the per-document lines go: plain lines (a log), or, on a terminal, lines printed
    above a progress bar that names the document being read and estimates the time left."""

    def __init__(self, wrap: int | None, progress: bool):
        self.wrap, self.bar, self.task = wrap, None, None
        self.progress = progress

    def start(self, total: int) -> None:
        if not (self.progress and total):
            return
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn,
                                   TimeElapsedColumn, TimeRemainingColumn)

        self.bar = Progress(SpinnerColumn(), TextColumn("{task.description}", markup=False),
                            BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                            TextColumn("left"), TimeRemainingColumn(),
                            redirect_stderr=sys.stderr.isatty(), speed_estimate_period=3600, transient=True)
        self.task = self.bar.add_task("starting", total=total)
        self.bar.start()

    def working(self, key: str) -> None:
        if self.bar is not None:
            name = printable(key)
            self.bar.update(self.task, description=name if len(name) <= 40 else name[:39] + "…")

    def advance(self) -> None:
        if self.bar is not None:
            self.bar.advance(self.task)

    def line(self, text: str) -> None:
        if self.bar is None:
            _print(text, self.wrap)
            return
        from pipelines.query import wrap as wrapped

        for line in ([text] if self.wrap is None else wrapped(text, self.wrap)):
            self.bar.console.print(line, markup=False, highlight=False, emoji=False, soft_wrap=True)

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None


def _still_busy() -> bool:
    """Whether another process still holds the warehouse file (asked without waiting)."""
    from assets.ingestion import resources
    from pipelines import warehouse
    from pipelines.warehouse.connection import WarehouseBusy

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


def _release_dead_runs(instance: dg.DagsterInstance, out: _Output | None = None) -> None:
    """A run killed with SIGKILL never gives back the pool slot its load held, and every later
    run would wait for it forever: the runs of this host whose process is gone are marked
    failed and their slots freed."""
    import dagster as dg

    unfinished = [dg.DagsterRunStatus.NOT_STARTED, dg.DagsterRunStatus.STARTING, dg.DagsterRunStatus.STARTED]
    for record in instance.get_run_records(dg.RunsFilter(statuses=unfinished,
                                                         tags={"juesuan/host": PROCESS["juesuan/host"]})):
        run = record.dagster_run
        pid = int(run.tags.get("juesuan/pid", "0"))
        if pid and _alive(pid, run.tags.get("juesuan/started", "")):
            continue
        instance.event_log_storage.free_concurrency_slots_for_run(run.run_id)
        instance.report_run_failed(run, f"its process ({pid}) is gone, killed before it ended: pool slots freed")
        (out or _Output(None, False)).line(
            f"run {run.run_id[:8]} of {printable(run.tags.get('dagster/partition', '?'))}: its process died; "
            "its warehouse slot is freed")


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


def _log_skipped(skipped: dict[str, str], publish: bool) -> None:
    """Files whose bytes are already in the warehouse get a 'skipped' row, without a run (in
    one transaction; the read snapshot published when no run follows that will publish it)."""
    if not skipped:
        return
    from assets.ingestion import resources
    from pipelines import warehouse

    from pipelines.warehouse.load import transaction

    folder = resources.raw_folder()
    with warehouse.writer(resources.warehouse_db().database, publish=publish) as conn, transaction(conn):
        for key, digest in skipped.items():
            warehouse.log_ingestion(conn, key, "skipped", sha256=digest,
                                    source=str(folder.folder_of(key)[1]),
                                    reason="these bytes are already in the warehouse; not parsed")


def _instance() -> dg.DagsterInstance:
    """The persistent instance in DAGSTER_HOME, given our dagster.yaml when it has none or an
    older one (as `make install` does for the default home)."""
    import dagster as dg

    home = Path(os.environ["DAGSTER_HOME"])
    home.mkdir(parents=True, exist_ok=True)
    ours, theirs = REPO / "assets" / "dagster.yaml", home / "dagster.yaml"
    if not theirs.exists() or theirs.stat().st_mtime < ours.stat().st_mtime:
        shutil.copy(ours, theirs)
    return dg.DagsterInstance.get()


@contextmanager
def _listening(tell) -> Iterator[None]:
    """Each document's outcome, as pipelines.batch logs it, passed to `tell`."""
    from pipelines.batch import OUTCOMES

    class Handler(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if hasattr(record, "outcome"):
                tell(record.outcome)

    handler = Handler()
    OUTCOMES.addHandler(handler)
    OUTCOMES.setLevel(logging.INFO)
    try:
        yield
    finally:
        OUTCOMES.removeHandler(handler)


def _failure(result: dg.ExecuteInProcessResult) -> tuple[str, str]:
    """Why a run failed: busy (another process held the warehouse through every retry), or
    error (the pipeline is broken: documents it names are reported by their own lines)."""
    from pipelines.warehouse.connection import WarehouseBusy

    failures = result.get_step_failure_events()
    if not failures:
        return "error", f"run {result.run_id} failed before any step ran"
    details = []
    for event in failures:
        user, error = event.step_failure_data.user_failure_data, event.step_failure_data.error
        if user is not None and user.description:
            details.append(f"{event.step_key}: {user.description}")
            continue
        while error is not None and error.cause is not None:  # the user-code exception
            error = error.cause
        if error is not None and error.cls_name == WarehouseBusy.__name__:
            return "busy", error.message.split(": ", 1)[-1].strip()
        details.append(f"{event.step_key}: " + (error.to_string().strip() if error else "?"))
    return "error", "\n".join(details)


SUMMARY_ROWS = 100  # a larger warehouse is summarised: counts, and this run's documents not current


def _summary(rows: list[dict], run: set[str], wrap: int | None) -> str:
    """Every document's row, or for a large warehouse the counts per status and the rows of
    this run's files that are not current (those need a look)."""
    if len(rows) <= SUMMARY_ROWS:
        return _table(rows, wrap)
    counts: dict[str, int] = {}
    for row in rows:
        counts[row["status"]] = counts.get(row["status"], 0) + 1
    attention = [r for r in rows if r["file"] in run and r["status"] != "current"]
    lines = [f"{len(rows)} documents in the warehouse: "
             + ", ".join(f"{n} {status}" for status, n in sorted(counts.items(), key=lambda c: -c[1]))
             + " (`juesuan status` counts them per department-year, `juesuan failures` lists every reason)"]
    if attention:
        lines += ["", f"this run's files that are not current ({len(attention)}"
                  + (f", the first {SUMMARY_ROWS}" if len(attention) > SUMMARY_ROWS else "") + "):",
                  _table(attention[:SUMMARY_ROWS], wrap)]
    return "\n".join(lines)


COLUMNS = [("file", "file"), ("department", "department"), ("year", "fiscal_year"),
           ("status", "status"), ("tables", "tables_found"), ("rows", "rows_landed"),
           ("checks ok", "checks_passed"), ("checks failed", "checks_failed"),
           ("reason", "status_reason")]


def _table(rows: list[dict], wrap: int | None = None) -> str:
    """A plain text table; CJK characters count double so columns line up in a terminal. With
    `wrap`, the reasons follow the table, one paragraph per document, wrapped at that width."""
    from pipelines.query import text_table, wrap as wrapped

    if not rows:
        return "(no documents in the warehouse)"
    columns = COLUMNS if wrap is None else COLUMNS[:-1]
    cells = [["" if r.get(k) is None else printable(str(r.get(k))) for _, k in columns] for r in rows]
    lines = text_table([h for h, _ in columns], cells)
    reasons = [r for r in rows if r.get("status_reason")] if wrap is not None else []
    if reasons:
        lines += ["", "reasons:"]
        for r in reasons:
            lines += wrapped(f"  {printable(r['file'])} ({r['status']}): {printable(r['status_reason'])}",
                             wrap, indent="      ")
    return "\n".join(lines)


def cli(argv: list[str] | None = None) -> int:
    """`python -m assets.run [--raw DIR] [--warehouse FILE] [--strict]`: one line per document."""
    parser = argparse.ArgumentParser(prog="python -m assets.run", description=(
        "Ingest the raw folder into the warehouse (one plain line per document; `juesuan run` "
        "is the same with a progress bar and wrapped reasons)."))
    parser.add_argument("--raw", type=Path, help="folder of raw documents (default: JUESUAN_RAW or raw/)")
    parser.add_argument("--warehouse", type=Path, help="DuckDB warehouse file (default: JUESUAN_WAREHOUSE)")
    parser.add_argument("--strict", action="store_true", help="exit 3 when any file is refused, quarantined or held")
    args = parser.parse_args(argv)
    return main(args.raw, args.warehouse, args.strict)


if __name__ == "__main__":
    sys.exit(cli(sys.argv[1:]))
