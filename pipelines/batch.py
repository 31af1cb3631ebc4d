"""Ingesting many documents in one go, on every core, in few transactions.

Documents are read, parsed, validated and given their Data Docs pages in worker processes
(`isolation.run_isolated`: each within its memory limit and deadline), as many at once as the
machine has cores: text forms a group at a time (GX costs per validation run, hardly per row,
so a group's frames are validated together: `expectations.validate_many`), each PDF alone (its
parse is where the limits matter, and GX a small part of its cost). A group whose worker fails
as a whole (over its limits, a bug) is run again one document at a time, so the document
responsible is the only one to fail, and says why. What the workers return lands a chunk at a time: one transaction per
chunk of documents (and at least every few seconds, so a slow PDF does not hold back what is
done), each document published in it as `load_disclosure` would. A chunk that fails as a whole
is landed again one document at a time, so a bug met by one document costs only that one. The
Data Docs index and the read snapshot are written once, at the end: both cost what the whole
warehouse costs, so once per run rather than once per document.

The Dagster step `ingest` (assets/ingestion/assets.py) drives this and turns each outcome into
its materializations and checks; nothing here needs Dagster. Each outcome is also logged to the
`juesuan.outcome` logger (one record per document, the `Outcome` in its `outcome` attribute),
which `juesuan run` prints as the documents land.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import expectations
from expectations import BLOCKING
from pipelines import PARSER_VERSION, settings
from pipelines.isolation import Limits, ParserFailed, refuse_oversized, run_isolated
from pipelines.model import Disclosure, DocumentError
from pipelines.raw import RawDocument, identify, read_raw
from pipelines.warehouse import landed, log_ingestion, publish_snapshot, record_failure, writer
from pipelines.warehouse.connection import WarehouseBusy, fit_views
from pipelines.warehouse.load import LoadResult, is_landed, land, transaction

# Documents per write transaction. A parsed document costs the step 2–3 MB until it lands and
# a chunk's worth waits in the queue besides, so a larger chunk saves little (opening the
# warehouse for a write is ~0.2 s) and costs memory: 100 a chunk was a 1.9 GB step.
CHUNK = 25
GROUP = 8  # text documents a worker validates together: 8 cost 0.13 s each, alone 0.25 s
FLUSH_SECONDS = 15.0  # what is done lands at least this often (each write opens the warehouse: ~0.2 s)
OUTCOMES = logging.getLogger("juesuan.outcome")


@dataclass
class Outcome:
    """What became of one document in this run."""

    key: str  # its partition key (path in its folder)
    # current | held | duplicate | superseded | quarantined | failed | unchanged | error, or
    # validated: landed, not published, as its blocking suites did not run (a bug: see `reason`)
    status: str = "error"
    reason: str | None = None  # why (quarantined, failed, held, error), or what it superseded
    identity: RawDocument | None = None  # hash, size, format (no bytes); None: the file could not be read
    disclosure: Disclosure | None = None  # parsed (also when quarantined by its validation)
    report: object | None = None  # expectations.ValidationReport
    load: LoadResult | None = None  # what the load did (rows per fact table, versions replaced)
    data_docs: dict | str | None = None  # the pages written, or why none were
    started: float = field(default_factory=time.monotonic)
    seconds: float = 0.0  # its worker's time (read, parse, validate, pages); 0 when it had none


def ingest(files: Sequence[tuple[str, Path]], warehouse_file: str | Path, *, source_of: Callable[[str], str | None],
           run_id: str | None = None, limits: Limits | None = None, workers: int | None = None,
           data_docs: Path | None = None, chunk: int = CHUNK) -> Iterator[Outcome]:
    """Yield each (key, file)'s outcome once it is committed (a file whose bytes and rules the
    warehouse already holds: 'unchanged', not parsed). `source_of(key)` names the folder a key
    was read from, for the log. The read snapshot and the Data Docs index are published after
    the last document, when any landed. A file already landed is told ('unchanged') and not
    recorded: `juesuan run` logs those itself, without a run. WarehouseBusy (another process held the file through
    the whole wait) ends the iteration: the documents not committed are run again next time."""
    from pipelines.sources import load_sources

    warehouse_file = Path(warehouse_file)
    limits = limits or load_sources().limits
    workers = workers or settings.workers()
    _, known = landed(warehouse_file)
    todo: list[tuple[Outcome, RawDocument]] = []
    first: list[Outcome] = []
    for key, path in files:
        outcome = Outcome(key)
        try:
            if not path.exists():
                raise FileNotFoundError(0, f"no such file in {path.parent} (deleted since the scan?)")
            outcome.identity = identify(path, key)
            refuse_oversized(key, outcome.identity.format, outcome.identity.size, limits)
        except OSError as error:
            outcome.status, outcome.reason = "failed", f"cannot be read: {error.strerror or error}"
            first.append(outcome)
            continue
        except DocumentError as error:
            outcome.status, outcome.reason = "failed", error.problem
            first.append(outcome)
            continue
        if (outcome.identity.sha256, PARSER_VERSION) in known:  # told, not recorded: nothing happened
            outcome.status, outcome.reason = "unchanged", "these bytes are already in the warehouse; not parsed"
            yield from _told([outcome])
            continue
        todo.append((outcome, outcome.identity))

    if todo:
        expectations.warm(data_docs)  # once here, not in every worker
    wrote, pages = False, False
    pending = list(first)
    last = time.monotonic()
    # the parsing thread takes the list over and empties it as it goes: an outcome (its parsed
    # document and report: 1 MB) lives until its consumer drops it, not for the whole run
    with _Parsing(todo, limits, workers, lambda group: _prepare(group, data_docs), queued=chunk) as parsed:
        del todo
        for item in parsed.results(timeout=FLUSH_SECONDS):
            if item is not None:
                outcome, result = item
                _take(outcome, *result)
                pages |= isinstance(outcome.data_docs, dict)
                pending.append(outcome)
            if pending and (len(pending) >= chunk or time.monotonic() - last >= FLUSH_SECONDS):
                wrote |= _commit(warehouse_file, pending, run_id, source_of)
                yield from _told(pending)
                pending, last = [], time.monotonic()
    if pending:
        wrote |= _commit(warehouse_file, pending, run_id, source_of)
        yield from _told(pending)
    if pages:
        _index(data_docs)
    if wrote:
        publish_snapshot(warehouse_file)


class _Parsing:
    """The workers, kept busy from a thread of their own while this one writes: a write (and
    the Dagster events after it) takes seconds, and the cores would idle meanwhile. Every worker
    is forked from that one thread; what they return waits in a bounded queue. Leaving the block
    early (an error, a closed generator) stops the thread and kills its workers."""

    _END = object()

    def __init__(self, todo, limits: Limits, workers: int, work, queued: int):
        self.todo, self.limits, self.workers, self.work = todo, limits, workers, work
        self.queue: queue.Queue = queue.Queue(maxsize=max(queued, 1))
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, name="juesuan-parse", daemon=True)

    def __enter__(self) -> _Parsing:
        self.thread.start()
        return self

    def __exit__(self, *_) -> None:
        self.stop.set()
        while self.thread.is_alive():  # unblock a full queue, so the thread sees the stop
            try:
                self.queue.get(timeout=0.1)
            except queue.Empty:
                pass
        self.thread.join()

    def _run(self) -> None:
        try:
            again = self._work(_groups(self.todo, self.workers), again=True)
            self._work(([job] for job in again), again=False)
        except BaseException as error:  # noqa: BLE001 - raised again in the writing thread
            self._put(error)
        finally:
            self._put(self._END)

    def _work(self, groups: Iterator[list], again: bool) -> list:
        """Run these groups; queue each document's (outcome, (result, seconds)). Returns the
        documents of groups that failed as a whole (when `again`: otherwise each gets that
        failure), to run one at a time."""
        def started(jobs):  # a document's time runs from when its worker starts
            for job in jobs:
                if self.stop.is_set():
                    return
                now = time.monotonic()
                for outcome, _ in job:
                    outcome.started = now
                yield job, _Group(tuple(identity for _, identity in job))

        retry: list = []
        results = run_isolated(started(groups), self.limits, self.workers, self.work)
        try:
            for job, result in results:
                if isinstance(result, list):
                    items = [(outcome, done) for (outcome, _), done in zip(job, result)]
                elif again and len(job) > 1:
                    retry += job
                    continue
                else:
                    items = [(outcome, (result, None)) for outcome, _ in job]
                for item in items:
                    if not self._put(item):
                        return []
        finally:
            results.close()  # kills any worker still running
        return retry

    def _put(self, item) -> bool:
        """Queue `item`, waiting while the queue is full (the writer is busy); False once
        the writer has stopped."""
        while not self.stop.is_set():
            try:
                self.queue.put(item, timeout=0.5)
                return True
            except queue.Full:
                continue
        return False

    def results(self, timeout: float) -> Iterator[tuple[Outcome, object] | None]:
        """Each (outcome, result) as its worker ends; None when none ended for `timeout` s."""
        while True:
            try:
                item = self.queue.get(timeout=timeout)
            except queue.Empty:
                if not self.thread.is_alive() and self.queue.empty():  # ended without a word: a bug
                    raise RuntimeError("the parsing thread ended without saying so") from None
                yield None
                continue
            if item is self._END:
                return
            if isinstance(item, BaseException):
                raise item
            yield item


@dataclass(frozen=True)
class _Group:
    """Documents one worker reads, parses and validates together (named as isolation names a
    document, in what it says of a worker that failed)."""

    documents: tuple[RawDocument, ...]

    @property
    def name(self) -> str:
        first = self.documents[0].name
        return first if len(self.documents) == 1 else f"{len(self.documents)} documents ({first}, …)"

    @property
    def format(self) -> str:
        return "pdf" if any(d.format == "pdf" for d in self.documents) else "text"


def _groups(todo: list, workers: int) -> Iterator[list]:
    """The documents in order, taken off `todo`: each PDF alone, text forms up to GROUP
    together (fewer when there are too few to keep every worker busy)."""
    texts = sum(1 for _, identity in todo if identity.format != "pdf")
    size = max(1, min(GROUP, -(-texts // max(workers, 1))))
    group: list = []
    todo.reverse()
    while todo:
        job = todo.pop()
        if job[1].format == "pdf":
            yield [job]
            continue
        group.append(job)
        if len(group) == size:
            yield group
            group = []
    if group:
        yield group


def _prepare(group: _Group, data_docs: Path | None) -> list[tuple[object, float]]:
    """In the worker: read each document's bytes (they must still be the ones hashed), parse
    them, validate what parsed together, and write each its Data Docs pages (not the index).
    Per document: ((disclosure, report, pages) or the DocumentError / ParserFailed saying why
    not, its seconds: its own reading and parsing, and its share of the rest)."""
    from pipelines.parsing.document import parse_document

    done: list[list] = []
    for identity in group.documents:
        started = time.monotonic()
        try:
            result: object = parse_document(_read(identity))
        except DocumentError as error:
            result = error
        except MemoryError:  # over the limit: the worker says so (the group is run again one by one)
            raise
        except Exception:  # noqa: BLE001 - a bug met by this document: the others go on
            result = ParserFailed.of(identity.name, traceback.format_exc())
        done.append([result, time.monotonic() - started])
    parsed = [entry for entry in done if isinstance(entry[0], Disclosure)]
    started = time.monotonic()
    for entry, report in zip(parsed, expectations.validate_many([d for d, _ in parsed])):
        disclosure = entry[0]
        docs: dict | str | None = None
        if data_docs is not None:
            try:
                docs = expectations.build_data_docs(report, disclosure, data_docs, with_index=False)
            except Exception as error:  # noqa: BLE001 - the docs are a view; validation itself succeeded
                docs = f"Data Docs not written: {error}"
        entry[0] = (disclosure, report, docs)
    for entry in parsed:
        entry[1] += (time.monotonic() - started) / len(parsed)
    return [tuple(entry) for entry in done]


def _read(identity: RawDocument) -> RawDocument:
    """The document's bytes, which must still be the ones hashed."""
    try:
        raw = read_raw(Path(identity.path), name=identity.name)
    except OSError as error:
        raise DocumentError(identity.name, f"cannot be read: {error.strerror or error}") from None
    if raw.sha256 != identity.sha256:
        raise DocumentError(raw.name, "the file changed after it was hashed; it is read again next run")
    return raw


def _take(outcome: Outcome, result: object, seconds: float | None) -> None:
    outcome.seconds = time.monotonic() - outcome.started if seconds is None else seconds
    if isinstance(result, DocumentError):
        outcome.status, outcome.reason = "failed", result.problem
    elif isinstance(result, ParserFailed):
        outcome.status, outcome.reason = "error", str(result)
    else:
        outcome.disclosure, outcome.report, outcome.data_docs = result


def _commit(warehouse_file: Path, outcomes: list[Outcome], run_id: str | None,
            source_of: Callable[[str], str | None]) -> bool:
    """Land these outcomes in one transaction; if that fails, each in one of its own (a
    document whose load fails is an 'error', the others land). True when any landed."""
    try:
        results = _write(warehouse_file, outcomes, run_id, source_of)
    except WarehouseBusy:
        raise
    except Exception as error:  # noqa: BLE001 - isolated below, one document at a time
        if len(outcomes) == 1:
            outcomes[0].status, outcomes[0].reason = "error", f"landing it failed: {type(error).__name__}: {error}"
            outcomes[0].load = None
            return False
        return any([_commit(warehouse_file, [o], run_id, source_of) for o in outcomes])
    for outcome, result in zip(outcomes, results):
        if result is not None:
            outcome.load = result
            outcome.status = result.status
    return True


def _write(warehouse_file: Path, outcomes: list[Outcome], run_id: str | None,
           source_of: Callable[[str], str | None]) -> list[LoadResult | None]:
    results: list[LoadResult | None] = []
    with writer(warehouse_file, publish=False) as conn, transaction(conn):
        for outcome in outcomes:
            results.append(_record(conn, outcome, run_id, source_of(outcome.key)))
        fit_views(conn, needed=max((r.wan_scale for r in results if r is not None), default=0))
    return results


def _record(conn, outcome: Outcome, run_id: str | None, source: str | None) -> LoadResult | None:
    """One document's rows and its ingestion_log row, in the caller's transaction."""
    d = outcome.disclosure
    sha = outcome.identity.sha256 if outcome.identity else None
    took = int(outcome.seconds * 1000)  # its worker's time (its wait for a write aside)

    def log(status: str, reason: str | None) -> None:
        log_ingestion(conn, outcome.key, status, sha256=sha, reason=reason, run_id=run_id, source=source,
                      duration_ms=took)

    if d is None:
        if outcome.identity is not None and outcome.status == "failed":
            record_failure(conn, outcome.identity, outcome.reason, run_id=run_id)
        if outcome.status != "error":
            log("failed", outcome.reason)
        return None
    if is_landed(conn, d.sha256, d.parser):
        outcome.reason = "these bytes were already loaded by this parser"
        log("skipped", outcome.reason)
        return LoadResult("unchanged", d.sha256)
    unchecked = [name for name, blocking in BLOCKING.items()
                 if blocking and name not in {s.name for s in outcome.report.suites}]
    result = land(conn, d, outcome.report, run_id, publish=not unchecked)
    if unchecked:  # never a silent pass: not offered for publication without its blocking checks
        conn.execute("UPDATE dim_document SET status_reason = ? WHERE document_sha256 = ?",
                     [f"blocking suites did not run: {', '.join(unchecked)}; not published (validate it again)",
                      d.sha256])
    reason = conn.execute("SELECT status_reason FROM dim_document WHERE document_sha256 = ?", [d.sha256]).fetchone()[0]
    if result.replaced:
        note = "supersedes " + ", ".join(r[:12] for r in result.replaced)
        reason = f"{note}; {reason}" if reason else note
    outcome.reason = reason
    log({"quarantined": "quarantined", "held": "held"}.get(result.status, "landed"), reason)
    return result


def _index(data_docs: Path) -> None:
    import expectations

    try:
        expectations.build_data_docs_index(data_docs)
    except Exception as error:  # noqa: BLE001 - the docs are a view; the documents landed
        OUTCOMES.warning(f"the Data Docs index is not written: {error}")


def _told(outcomes: list[Outcome]) -> Iterator[Outcome]:
    for outcome in outcomes:
        OUTCOMES.info("%s: %s", outcome.key, outcome.status, extra={"outcome": outcome})
        yield outcome

