"""What parsing each document in a worker process costs (pipelines/isolation.py): the same
document parsed in-process and isolated in turns, best of REPEATS runs of each after one warm-up; the
difference is the worker's overhead (fork, pickling the Disclosure back, reaping). Also: the
pickled Disclosure's size and its pickling round trip, a bare fork, and the memory the worker
grew by parsing (its peak RSS over what it started with, in a process that has not parsed the
document before: what the memory limit has to allow).

    python benchmarks/bench_isolation.py [--repeats N] [--dagster] [FILE ...]

--dagster first imports what a Dagster step process holds (Dagster, Great Expectations, the
definitions): a larger parent makes a dearer fork.

By default the seed text and the corpus 决算 PDF (../shared/corpus, or JUESUAN_CORPUS).
"""

from __future__ import annotations

import argparse
import os
import pickle
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pipelines.parsing.pdf  # noqa: E402,F401 - as parse_isolated does before its first PDF
from pipelines import settings  # noqa: E402
from pipelines.isolation import Limits, _status_kib, parse_isolated  # noqa: E402
from pipelines.parsing.document import parse_document  # noqa: E402
from pipelines.raw import read_raw  # noqa: E402

CORPUS = settings.corpus_folder()
DEFAULT = [ROOT / "raw" / "000_744c7817695ce87c.txt", CORPUS / "final_2024_putuo_planning.pdf"]


def best_seconds(action, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return min(times)  # the least disturbed run: other processes only ever add time


def interleaved(first, second, repeats: int) -> tuple[float, float]:
    """Best seconds of each, run in turns so that both see the same load."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeats):
        for action, out in zip((first, second), times):
            started = time.perf_counter()
            action()
            out.append(time.perf_counter() - started)
    return min(times[0]), min(times[1])


def worker_growth(raw) -> float:
    """MiB the worker's peak RSS rose above what it started with while parsing."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            start = _status_kib("VmRSS")
            parse_document(raw)
            os.write(write_end, str((_status_kib("VmHWM") - start) / 1024).encode())
        finally:
            os._exit(0)
    os.close(write_end)
    grew = float(os.read(read_end, 100))
    os.close(read_end)
    os.waitpid(pid, 0)
    return grew


def bare_fork() -> None:
    pid = os.fork()
    if pid == 0:
        os._exit(0)
    os.waitpid(pid, 0)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=9)
    parser.add_argument("--dagster", action="store_true", help="fork from a parent as big as a Dagster step")
    parser.add_argument("files", nargs="*", type=Path)
    args = parser.parse_args()
    if args.dagster:
        import assets.definitions  # noqa: F401 - Dagster, Great Expectations, every asset
    print(f"{os.cpu_count()} cores ({platform.processor() or platform.machine()}); Python {platform.python_version()}; "
          f"best of {args.repeats} runs after one warm-up")
    print(f"bare fork + exit + wait: {best_seconds(bare_fork, 20) * 1000:.1f} ms "
          f"(parent RSS {_status_kib('VmRSS') / 1024:.0f} MiB)\n")
    print(f"{'document':32} {'in-process s':>12} {'isolated s':>10} {'overhead ms':>11} "
          f"{'pickle KB':>9} {'pickle ms':>9} {'worker MiB':>10}")
    for path in args.files or DEFAULT:
        raw = read_raw(path)
        grew = worker_growth(raw)  # first, before this process has parsed (and kept a heap for) it
        disclosure = parse_document(raw)  # warm-up
        parse_isolated(raw, Limits())
        direct, isolated = interleaved(lambda: parse_document(raw), lambda: parse_isolated(raw, Limits()),
                                       args.repeats)
        data = pickle.dumps(disclosure, pickle.HIGHEST_PROTOCOL)
        round_trip = best_seconds(lambda: pickle.loads(pickle.dumps(disclosure, pickle.HIGHEST_PROTOCOL)),
                                    args.repeats)
        print(f"{path.name:32} {direct:12.3f} {isolated:10.3f} {(isolated - direct) * 1000:11.1f} "
              f"{len(data) / 1000:9.0f} {round_trip * 1000:9.1f} {grew:10.0f}")


if __name__ == "__main__":
    main()
