"""Each document is parsed in a worker process with a memory limit and a deadline, so no input
(a decompression bomb, millions of glyphs, a huge text) can take the pipeline's memory or time.

The worker is a fork of the calling process: the parsers are already imported there, so a fork
costs milliseconds, and the document's bytes are shared, not copied. The result comes back
pickled through a pipe, read before the worker is reaped (a result larger than the pipe's buffer
would otherwise block both). The worker's outcome becomes a `DocumentError` with a clear problem
(over the memory limit, past the deadline, the worker died), or the parser's own DocumentError
unchanged; any other exception in the worker is a pipeline bug, raised here as `ParserFailed`
with the worker's traceback. A text form above its size limit is refused before any of this:
parsing a 200 MB text takes some 40 s and 2 GB to find it is not a disclosure.
"""

from __future__ import annotations

import ctypes
import faulthandler
import gc
import os
import pickle
import resource
import select
import signal
import struct
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TypeVar

from pipelines.model import Disclosure, DocumentError
from pipelines.parsing.document import parse_document
from pipelines.raw import RawDocument

MIB = 2**20
PR_SET_PDEATHSIG = 1  # prctl option: the signal the worker gets when its parent dies
T = TypeVar("T")
START = struct.Struct("<Q")  # the worker's first bytes: its resident memory when it started


@dataclass(frozen=True)
class Limits:
    """What one document may cost (sources.toml [limits])."""

    memory_mib: int = 2048  # memory the parse may allocate, beyond what the process had
    seconds: float = 300.0  # wall clock, from the fork to the result
    text_mib: int = 16  # a text form larger than this is refused unread (the seed is 60 KB)
    file_mib: int = 256  # any file larger than this is refused unread (its bytes never held)


def refuse_oversized(name: str, format: str, size: int, limits: Limits) -> None:
    """A file over its size limit, refused before its bytes are read into memory: decoding
    and splitting a text costs several times its size, and any file is read whole to parse."""
    limit, what = ((limits.text_mib, "limit for a disclosure's text form") if format == "text"
                   else (limits.file_mib, "limit for a document file"))
    if size > limit * MIB:
        raise DocumentError(name, f"the {'text' if format == 'text' else 'file'} is {round(size / MIB, 1):g} MiB, "
                                  f"over the {limit} MiB {what}; not read")


class ParserFailed(RuntimeError):
    """The parser raised something other than a DocumentError: a bug in the pipeline, not a
    problem of the document. The message holds the worker's traceback."""

    @classmethod
    def of(cls, name: str, trace: str) -> ParserFailed:
        return cls(f"parsing {name} failed in the worker process:\n{trace}")


def parse_isolated(raw: RawDocument, limits: Limits = Limits()) -> Disclosure:
    """parse_document(raw) in a worker process, within `limits`."""
    refuse_oversized(raw.name, raw.format, raw.size, limits)
    (_, result), = run_isolated([(None, raw)], limits)
    if isinstance(result, Exception):
        raise result
    return result


def run_isolated(jobs: Iterable[tuple[T, RawDocument]], limits: Limits = Limits(), workers: int = 1,
                 work: Callable[[RawDocument], object] | None = None) -> Iterator[tuple[T, object]]:
    """`work(raw)` for each (tag, raw), each in a worker of its own within `limits`, at most
    `workers` at a time (`work`: parse_document by default; `raw` may be anything with the
    `name` and `format` of what the worker reads, e.g. a group of documents); yields (tag, its result, or the DocumentError / ParserFailed saying why
    there is none) as each worker ends, in that order. All workers are forked from the calling
    thread, as they are read: a job's bytes are read when it starts. Closing the iterator early
    kills the workers still running."""
    work = work or parse_document
    running: dict[int, _Worker] = {}  # the pipe's read end -> its worker
    pending = iter(jobs)
    more = True
    try:
        while more or running:
            while more and len(running) < max(workers, 1):
                job = next(pending, None)
                if job is None:
                    more = False
                    break
                worker = _Worker.start(*job, limits, work)
                running[worker.fd] = worker
            if not running:
                break
            wait = max(min(w.deadline for w in running.values()) - time.monotonic(), 0)
            for fd in select.select(list(running), [], [], wait)[0]:
                if running[fd].receive():
                    yield running.pop(fd).finish(in_time=True)
            now = time.monotonic()
            for fd in [fd for fd, w in running.items() if w.deadline <= now]:
                yield running.pop(fd).finish(in_time=False)
    finally:
        for worker in running.values():  # interrupted: no worker outlives us
            worker.kill()


@dataclass
class _Worker:
    """One forked worker: what it has sent so far, and until when it may run."""

    tag: object
    raw: RawDocument
    limits: Limits
    pid: int
    fd: int
    deadline: float
    chunks: list[bytes]

    @classmethod
    def start(cls, tag, raw: RawDocument, limits: Limits, work: Callable[[RawDocument], object]) -> _Worker:
        if raw.format == "pdf":
            import pipelines.parsing.pdf  # noqa: F401 - camelot and pdfium imported once, here, not per worker
        read_end, write_end = os.pipe()
        gc.freeze()  # the worker's collections leave the parent's objects (and their pages) alone
        parent = os.getpid()
        pid = os.fork()
        if pid == 0:  # the worker: never returns
            try:
                os.close(read_end)
                _die_with(parent)
                _work(raw, limits, write_end, work)
            finally:
                os._exit(0)
        gc.unfreeze()
        os.close(write_end)
        return cls(tag, raw, limits, pid, read_end, time.monotonic() + limits.seconds, [])

    def receive(self) -> bool:
        """Read what the worker sent; True once it closed the pipe (it is done)."""
        chunk = os.read(self.fd, MIB)
        self.chunks.append(chunk)
        return not chunk

    def finish(self, in_time: bool) -> tuple[object, object]:
        """(tag, result or the error), the worker reaped (killed first when out of time)."""
        os.close(self.fd)
        if not in_time:
            os.kill(self.pid, signal.SIGKILL)
        _, status, usage = os.wait4(self.pid, 0)
        raw, limits, data = self.raw, self.limits, b"".join(self.chunks)
        if not in_time:
            return self.tag, DocumentError(raw.name, f"parsing took longer than {limits.seconds:g} s (the limit); "
                                                     "not read")
        if os.WIFSIGNALED(status) or len(data) <= START.size:
            start = START.unpack(data[:START.size])[0] if len(data) >= START.size else usage.ru_maxrss * 1024
            return self.tag, _died(raw, limits, status, usage.ru_maxrss * 1024 - start)
        try:
            return self.tag, _outcome(raw, limits, pickle.loads(data[START.size:]))
        except (DocumentError, ParserFailed) as error:
            return self.tag, error

    def kill(self) -> None:
        try:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass
        os.close(self.fd)


def _die_with(parent: int) -> None:
    """A run killed with SIGKILL takes its worker with it (Linux PR_SET_PDEATHSIG), rather than
    leaving it to parse on alone until its deadline."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: the deadline still ends it
        return
    if os.getppid() != parent:  # the parent died before the request was made
        os._exit(1)


def _work(raw: RawDocument, limits: Limits, fd: int, work: Callable[[RawDocument], object]) -> None:
    """In the worker: limit its memory, do the work, send back what happened, after the
    resident memory it started with (what it grew by tells a crash for want of memory)."""
    os.write(fd, START.pack(_status_kib("VmRSS") * 1024))
    faulthandler.disable()  # pdfium aborts at the limit by design: no crash dump, the parent says what happened
    try:
        _limit_memory(limits.memory_mib * MIB)
        result = ("parsed", work(raw))
    except DocumentError as error:
        result = ("document", error.document, error.problem)
    except MemoryError:
        result = ("memory",)
    except BaseException:  # noqa: BLE001 - a bug: its traceback goes to the parent
        result = ("bug", traceback.format_exc())
    try:
        data = pickle.dumps(result, pickle.HIGHEST_PROTOCOL)
    except MemoryError:  # even the answer does not fit
        data = pickle.dumps(("memory",))
    except BaseException:  # noqa: BLE001 - a result that does not pickle is a bug too
        data = pickle.dumps(("bug", traceback.format_exc()))
    with os.fdopen(fd, "wb") as pipe:
        pipe.write(data)


def _limit_memory(limit: int) -> None:
    """RLIMIT_DATA, over the data the worker inherited. It counts what malloc takes (the heap
    and private writable mappings, Linux >= 4.7), so an allocation beyond it fails: Python
    raises MemoryError, pdfium aborts (SIGABRT; measured with a 1 GiB FlateDecode page).
    RLIMIT_AS would count address space that is only reserved (shared libraries, thread stacks,
    malloc arenas): importing camelot adds 520 MiB of it for 280 MiB of data, and a worker
    importing camelot under 400 MiB of it dies (SIGSEGV) before reading a page."""
    _, hard = resource.getrlimit(resource.RLIMIT_DATA)
    soft = _status_kib("VmData") * 1024 + limit
    resource.setrlimit(resource.RLIMIT_DATA, (soft if hard == resource.RLIM_INFINITY else min(soft, hard), hard))


def _outcome(raw: RawDocument, limits: Limits, result: tuple) -> object:
    kind, *rest = result
    if kind == "parsed":
        return rest[0]
    if kind == "document":
        raise DocumentError(*rest)
    if kind == "memory":
        raise _over_memory(raw, limits)
    raise ParserFailed.of(raw.name, rest[0])


def _died(raw: RawDocument, limits: Limits, status: int, grew: int) -> DocumentError:
    """A worker killed by a signal. pdfium aborts when an allocation fails, so a worker that
    died having used a large part of its limit ran out of it: buffers grow by doubling, so the
    allocation that fails asks for as much as is in use (at least a third of the limit)."""
    if not os.WIFSIGNALED(status):
        return DocumentError(raw.name, f"the parser process ended without a result (exit status "
                                       f"{os.WEXITSTATUS(status)}); not read")
    number = os.WTERMSIG(status)
    if number != signal.SIGKILL and grew >= limits.memory_mib * MIB / 4:
        return _over_memory(raw, limits)
    try:
        name = f", {signal.Signals(number).name}"
    except ValueError:
        name = ""
    return DocumentError(raw.name, f"the parser process died (signal {number}{name}) after using "
                                   f"{max(grew, 0) / MIB:.0f} MiB; not read")


def _over_memory(raw: RawDocument, limits: Limits) -> DocumentError:
    return DocumentError(raw.name, f"parsing needed more than {limits.memory_mib} MiB of memory (the limit); "
                                   "not read")


def _status_kib(field: str) -> int:
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith(field + ":"))
