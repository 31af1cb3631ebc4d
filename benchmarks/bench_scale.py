"""`make bench-scale`: `juesuan run` over a province-sized corpus, and what that costs.

    python benchmarks/bench_scale.py [--sizes 3000,10000] [--pdf 60] [--work DIR]

The corpus is tests/scale_corpus.py's (generated once into WORK/corpus, then reused). One
warehouse grows through the sizes: each size adds the text documents up to it to WORK/raw and
runs the real command, `juesuan run --raw WORK/raw --warehouse WORK/scale.duckdb`, as a
subprocess; then runs it again over the same folder (nothing new: the cost of an unchanged
raw folder); then a run over M new PDFs of their own (WORK/pdf-<size>/). Per run: documents
newly in the warehouse per second of wall time, and the peak memory of the whole process tree
(RSS and PSS summed over the process and its descendants, sampled from /proc every 0.2 s; and
the largest single process, from wait4's ru_maxrss). Then the warehouse and snapshot sizes, and
each SQL statement of the README's analyst block against the snapshot (read-only; median of 5
after a warm-up). A table at the end, beside the goals; the numbers in WORK/bench_scale.json;
each run's output in WORK/logs/. Exit 1 when a run fails, 2 when documents did not land as
the corpus intends (all current, but each later version supersedes the one before it).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import tomllib
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import duckdb  # noqa: E402

from tests import scale_corpus  # noqa: E402

JUESUAN = Path(sys.executable).parent / "juesuan"
GOALS = {"text_per_s": 5.0, "pdf_per_s": 1.0, "unchanged_s": 10.0, "query_ms": 100.0, "rss_mb": 1536.0}
PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024


def readme_queries() -> list[tuple[str, str]]:
    """(title, SQL) of each statement in the README's analyst block, as its test splits it."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("## For analysts", 1)[1].split("```sql", 1)[1].split("```", 1)[0]
    out = []
    for statement in block.split(";"):
        lines = [t for t in statement.strip().splitlines() if t.strip()]
        body = [t for t in lines if not t.strip().startswith("--")]
        if body:
            title = next((t.strip().lstrip("- ") for t in lines if t.strip().startswith("--")), body[0][:40])
            out.append((title, "\n".join(body)))
    return out


def _tree_memory(root: int) -> tuple[int, int]:
    """(RSS, PSS) in KiB summed over `root` and all its descendants, now."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                stat = Path(f"/proc/{entry.name}/stat").read_text()
            except OSError:
                continue
            children.setdefault(int(stat.rsplit(")", 1)[1].split()[1]), []).append(int(entry.name))
    rss = pss = 0
    todo = [root]
    while todo:
        pid = todo.pop()
        todo += children.get(pid, [])
        try:
            rollup = Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()
        except OSError:  # gone, or a zombie
            continue
        fields = {line.split(":")[0]: int(line.split()[1]) for line in rollup[1:] if line.endswith("kB")}
        rss, pss = rss + fields.get("Rss", 0), pss + fields.get("Pss", 0)
    return rss, pss


def run(label: str, raw: Path, warehouse: Path, work: Path) -> dict:
    """One `juesuan run`: wall seconds, exit code, peak tree RSS/PSS and ru_maxrss (MiB)."""
    env = {k: v for k, v in os.environ.items() if k not in ("DAGSTER_HOME", "JUESUAN_DATA_DOCS")}
    env.update(JUESUAN_SOURCES=str(work / "sources.toml"), TQDM_DISABLE="1")
    log = work / "logs" / f"{label}.log"
    log.parent.mkdir(exist_ok=True)
    peak = [0, 0]
    with open(log, "wb") as out:
        started = time.perf_counter()
        proc = subprocess.Popen([str(JUESUAN), "run", "--raw", str(raw), "--warehouse", str(warehouse)],
                                cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
        done = threading.Event()

        def sample() -> None:
            while not done.wait(0.2):
                rss, pss = _tree_memory(proc.pid)
                peak[0], peak[1] = max(peak[0], rss), max(peak[1], pss)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)  # this run's own rusage (its tree's largest process)
        seconds = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        done.set()
        sampler.join()
    return {"seconds": round(seconds, 2), "exit": proc.returncode, "log": str(log),
            "peak_rss_mb": round(peak[0] / 1024, 1), "peak_pss_mb": round(peak[1] / 1024, 1),
            "ru_maxrss_mb": round(usage.ru_maxrss / 1024, 1),
            "children_ru_maxrss_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1)}


def statuses(warehouse: Path) -> dict[str, int]:
    if not warehouse.exists():
        return {}
    with duckdb.connect(str(warehouse), read_only=True) as conn:
        return dict(conn.execute("SELECT status, count(*) FROM dim_document GROUP BY 1 ORDER BY 1").fetchall())


def query_latencies(snapshot: Path, repeats: int = 5) -> list[dict]:
    out = []
    with duckdb.connect(str(snapshot), read_only=True) as conn:
        for n, (title, sql) in enumerate(readme_queries(), 1):
            rows = len(conn.execute(sql).fetchall())  # warm-up
            samples = []
            for _ in range(repeats):
                started = time.perf_counter()
                conn.execute(sql).fetchall()
                samples.append((time.perf_counter() - started) * 1000)
            out.append({"n": n, "title": title, "rows": rows, "median_ms": round(statistics.median(samples), 1)})
    return out


def link(sources: list[Path], folder: Path) -> None:
    """Hard links (a copy across filesystems): list_raw reads no symlink that leaves the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for source in sources:
        target = folder / source.name
        if not target.exists():
            try:
                os.link(source, target)
            except OSError:
                shutil.copy2(source, target)


def fresh(work: Path, warehouse: Path) -> None:
    """Start from an empty warehouse (the corpus is kept): only what this benchmark made."""
    for name in ("raw", "logs", "data_docs", ".dagster"):
        shutil.rmtree(work / name, ignore_errors=True)
    for path in work.glob("pdf-*"):
        shutil.rmtree(path)
    for path in work.glob(f"{warehouse.stem}*.duckdb*"):
        path.unlink()


def expected(manifest: dict, names: list[str]) -> dict[str, int]:
    """Statuses the corpus intends: each later version supersedes its department-year's first."""
    later = sum(1 for n in names if manifest["documents"][n]["revision"])
    return {k: v for k, v in (("current", len(names) - later), ("superseded", later)) if v}


def verdict(value: float | None, goal: float, at_least: bool) -> str:
    if value is None:
        return "-"
    return "ok" if (value >= goal if at_least else value <= goal) else "MISS"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="3000,10000", help="text documents in the warehouse, ascending")
    parser.add_argument("--pdf", type=int, default=60, help="PDFs ingested per size")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "juesuan-bench-scale")
    args = parser.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    work = args.work.absolute()
    if ROOT.is_relative_to(work.resolve()) or any(
            work.resolve().is_relative_to(mine) for mine in (ROOT / "warehouse", ROOT / "raw")):
        parser.error("--work must be outside the project's raw/ and warehouse/ (its raw/ is emptied)")
    work.mkdir(parents=True, exist_ok=True)
    warehouse, snapshot = work / "scale.duckdb", work / "scale.snapshot.duckdb"

    print(f"corpus: {sizes[-1]} text documents, {args.pdf * len(sizes)} PDFs in {work / 'corpus'}", flush=True)
    manifest = scale_corpus.generate(work / "corpus", sizes[-1], args.pdf * len(sizes),
                                     log=lambda line: print("  " + line, flush=True))
    fresh(work, warehouse)
    limits = tomllib.loads((ROOT / "sources.toml").read_text(encoding="utf-8")).get("limits", {})
    (work / "sources.toml").write_text("[limits]\n" + "".join(f"{k} = {v}\n" for k, v in limits.items()))

    results, failed, unexpected = [], False, False
    names: list[str] = []  # in the warehouse, text and PDF
    for k, size in enumerate(sizes):
        result: dict = {"size": size}
        texts = [scale_corpus.text_name(i) for i in range(sizes[k - 1] if k else 0, size)]
        pdfs = [scale_corpus.pdf_name(j) for j in range(k * args.pdf, (k + 1) * args.pdf)]
        link([work / "corpus" / n for n in texts], work / "raw")
        link([work / "corpus" / n for n in pdfs], work / f"pdf-{size}")
        for label, raw, added in (("text", work / "raw", texts), ("unchanged", work / "raw", []),
                                  ("pdf", work / f"pdf-{size}", pdfs)):
            if label == "pdf" and not pdfs:
                continue
            before = sum(statuses(warehouse).values())
            print(f"[{size}] {label}: juesuan run over {raw.name}/ ({len(added)} new) …", flush=True)
            measured = run(f"{size}-{label}", raw, warehouse, work)
            measured["new"] = sum(statuses(warehouse).values()) - before
            measured["per_s"] = round(measured["new"] / measured["seconds"], 3) if measured["new"] else None
            print(f"    {measured['seconds']} s, {measured['new']} new, exit {measured['exit']}, "
                  f"peak RSS {measured['peak_rss_mb']} MiB (PSS {measured['peak_pss_mb']})", flush=True)
            if measured["exit"] != 0:
                failed = True
                print(f"    FAILED: see {measured['log']}", flush=True)
            names += added
            result[label] = measured
        result["statuses"] = statuses(warehouse)
        result["expected_statuses"] = expected(manifest, names)
        if result["statuses"] != result["expected_statuses"]:
            unexpected = True
            print(f"    statuses {result['statuses']}, expected {result['expected_statuses']}", flush=True)
        result["warehouse_mb"] = round(warehouse.stat().st_size / 2**20, 1) if warehouse.exists() else None
        result["snapshot_mb"] = round(snapshot.stat().st_size / 2**20, 1) if snapshot.exists() else None
        result["queries"] = query_latencies(snapshot) if snapshot.exists() else []
        results.append(result)
        report = {"sizes": results, "goals": GOALS, "corpus": manifest["seconds"], "work": str(work)}
        (work / "bench_scale.json").write_text(json.dumps(report, ensure_ascii=False, indent=2))  # after each size
        print_table(results)
        if failed:
            break

    print(f"\nnumbers: {work / 'bench_scale.json'}")
    if failed:
        print("a run failed (its log is named above)", file=sys.stderr)
        return 1
    if unexpected:
        print("documents did not land as the corpus intends (statuses above)", file=sys.stderr)
        return 2
    return 0


def print_table(results: list[dict]) -> None:
    """Sizes across, measures down; a measure with a goal says whether it meets it."""
    g, every = GOALS, ("text", "unchanged", "pdf")

    def measure(r: dict, runs: tuple[str, ...], key: str) -> float | None:
        values = [r[x][key] for x in runs if x in r and r[x].get(key) is not None]
        return max(values) if values else None

    def line(title: str, values: list[float | None], goal: float | None = None, at_least: bool = False,
             goal_text: str = "", digits: int = 1) -> None:
        cells = ["-" if v is None else f"{v:,.{digits}f}" + (f" {verdict(v, goal, at_least)}" if goal else "")
                 for v in values]
        print(_pad(title, 34) + "".join(f"{c:>14}" for c in cells) + (f"   {goal_text}" if goal_text else ""))

    print(_pad("", 34) + "".join(f"{r['size']:>9,} docs" for r in results) + "   goal")
    line("text documents/s", [measure(r, ("text",), "per_s") for r in results],
         g["text_per_s"], True, f"≥ {g['text_per_s']:g}", 2)
    line("PDF documents/s", [measure(r, ("pdf",), "per_s") for r in results],
         g["pdf_per_s"], True, f"≥ {g['pdf_per_s']:g}", 2)
    line("unchanged rerun, s", [measure(r, ("unchanged",), "seconds") for r in results],
         g["unchanged_s"], False, f"≤ {g['unchanged_s']:g} at 3,000", 2)
    line("peak RSS of a run (tree), MiB", [measure(r, every, "peak_rss_mb") for r in results],
         g["rss_mb"], False, f"≤ {g['rss_mb']:g}")
    for title, runs, key in (("peak PSS of a run (tree), MiB", every, "peak_pss_mb"),
                             ("ru_maxrss of a run (wait4), MiB", every, "ru_maxrss_mb"),
                             ("RUSAGE_CHILDREN ru_maxrss, MiB", every, "children_ru_maxrss_mb"),
                             ("text run, s", ("text",), "seconds"), ("PDF run, s", ("pdf",), "seconds")):
        line(title, [measure(r, runs, key) for r in results])
    line("warehouse file, MiB", [r["warehouse_mb"] for r in results])
    line("snapshot file, MiB", [r["snapshot_mb"] for r in results])
    titles = [title for title, _ in readme_queries()]
    for n, title in enumerate(titles, 1):
        found = [next((q["median_ms"] for q in r["queries"] if q["n"] == n), None) for r in results]
        line(f"README query {n}, ms", found, g["query_ms"], False, f"≤ {g['query_ms']:g} at 10,000")
    print("\nREADME queries (the analyst block, median of 5 on the snapshot):\n  " + "\n  ".join(titles))


def _pad(text: str, width: int) -> str:
    """Left-aligned in `width` terminal columns (a CJK character takes two)."""
    columns = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    return text + " " * max(width - columns, 1)


if __name__ == "__main__":
    sys.exit(main())
