"""`make bench-ingest`: where one text document's time goes, and what a run over an unchanged
raw folder costs.

Times, for the seed (median of REPEATS after one warm-up): parsing, validation (all GX suites),
loading into a fresh warehouse (one transaction), publishing the read snapshot; then
`python -m assets.run` twice on a temporary raw folder holding the seed: the first run ingests,
the second finds the bytes already in the warehouse and parses nothing.

    python benchmarks/bench_ingest.py [--repeats N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("TQDM_DISABLE", "1")
SEED = ROOT / "raw" / "000_744c7817695ce87c.txt"


def timed(fn, repeats: int) -> tuple[float, object]:
    fn()  # warm-up (imports, GX context)
    samples, result = [], None
    for _ in range(repeats):
        started = time.perf_counter()
        result = fn()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples), result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=10)
    repeats = parser.parse_args().repeats

    import expectations
    from pipelines import warehouse
    from pipelines.parsing.document import parse_document
    from pipelines.raw import read_raw

    raw = read_raw(SEED, SEED.parent)
    parse_s, disclosure = timed(lambda: parse_document(raw), repeats)
    validate_s, report = timed(lambda: expectations.validate(disclosure), repeats)
    with tempfile.TemporaryDirectory() as tmp:
        paths = iter(Path(tmp) / f"w{n}.duckdb" for n in range(repeats + 1))

        def load():
            with warehouse.writer(next(paths)) as conn:
                return warehouse.load_disclosure(conn, disclosure, report)

        load_s, _ = timed(load, repeats)
        rows = sum(_.rows.values())

        env = {**os.environ, "PYTHONPATH": str(ROOT), "JUESUAN_RAW": str(SEED.parent),
               "JUESUAN_WAREHOUSE": str(Path(tmp) / "run.duckdb"),
               "DAGSTER_HOME": str(Path(tmp) / "dagster"), "JUESUAN_SOURCES": str(Path(tmp) / "none")}
        runs = []
        for _ in range(2):
            started = time.perf_counter()
            subprocess.run([sys.executable, "-m", "assets.run"], cwd=ROOT, env=env, check=True,
                           capture_output=True)
            runs.append(time.perf_counter() - started)

    print(f"seed: {SEED.name}, {len(disclosure.tables)} tables, {rows} fact rows, "
          f"median of {repeats}")
    print(f"{'step':<34}{'seconds':>10}")
    for name, seconds in [("parse (text)", parse_s), ("validate (6 GX suites)", validate_s),
                          ("load + snapshot (fresh warehouse)", load_s),
                          ("make run, first (ingests)", runs[0]),
                          ("make run, unchanged raw/", runs[1])]:
        print(f"{name:<34}{seconds:>10.3f}")


if __name__ == "__main__":
    main()
