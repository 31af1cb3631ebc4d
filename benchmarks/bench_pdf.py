"""`make bench-pdf`: the PDF path next to naive "camelot lattice on every page", same files.

For each fixture PDF and each method, a fresh worker process pinned to one core parses the
document (read_pdf, then the shared parsers) once to warm up and then REPEATS times, and
reports the median seconds, pages per second and its peak memory (max RSS; imports
included, and the part above the imports). What each method would land (the fact rows,
provenance aside) is compared with what the text twin lands.

    python benchmarks/bench_pdf.py [--repeats N] [--naive] [FILE.pdf ...]

By default: the real corpus (../shared/corpus, when present), the LibreOffice exports and the
renderer's fixtures. "tbl pg" counts the pages camelot read; "readings" the camelot readings
tried per table (one per table: no retry after an accepted reading).
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from pipelines import settings  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "pdf"
OFFICE = ROOT / "tests" / "fixtures" / "office"
CORPUS = settings.corpus_folder()
SEED = ROOT / "raw" / "000_744c7817695ce87c.txt"


def twin_of(path: Path) -> Path | None:
    """The text twin a PDF must land the same as: beside it, or the seed for the Writer
    exports of the whole seed; none for the real corpus."""
    if path.with_suffix(".txt").is_file():
        return path.with_suffix(".txt")
    return SEED if path.parent == OFFICE else None
PROVENANCE = {"page", "source_line", "source_row"}


def facts_digest(disclosure) -> str:
    from pipelines.warehouse.facts import fact_rows

    def unspaced(v):  # whitespace inside prose is layout (an exporter spaces Chinese from Latin text)
        return "".join(v.split()) if isinstance(v, str) else v

    rows = {t: sorted(repr(sorted((k, unspaced(v)) for k, v in r.items() if k not in PROVENANCE)) for r in rs)
            for t, rs in fact_rows(disclosure).items()}
    return hashlib.sha256(json.dumps(rows, sort_keys=True).encode()).hexdigest()[:12]


def _rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def worker(method: str, path: Path, repeats: int) -> dict:
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    import cv2
    import pypdfium2

    from pipelines.model import DocumentError
    from pipelines.parsing.document import parse_document, parse_lines
    from pipelines.parsing.pdf import read_pdf
    from pipelines.raw import read_raw

    cv2.setNumThreads(1)
    raw = read_raw(path, path.parent)
    twin = twin_of(path)
    expected = facts_digest(parse_document(read_raw(twin, twin.parent))) if twin else None
    imports = _rss_mb()

    def run():
        try:
            lines, extractions = read_pdf(raw, naive=method == "naive")
            return parse_lines(lines, raw, extractions)
        except DocumentError as error:  # a budget or template refused; naive lattice finds no grid unruled
            return error

    disclosure = run()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    failed = isinstance(disclosure, DocumentError)
    digest = None if failed else facts_digest(disclosure)
    tables = [] if failed else [t for t in disclosure.tables.values() if t.extraction]
    unreadable = [] if failed else [k for k, t in disclosure.tables.items() if t.problem] + disclosure.unreadable
    return {"pages": len(pypdfium2.PdfDocument(path)), "times": times, "peak_mb": peak,
            "imports_mb": imports, "facts": digest, "twin": expected is not None,
            "same_as_text": digest == expected,
            "table_pages": len({p for t in tables for p in t.extraction["pages"]}),
            "readings": sum(len(t.extraction.get("attempts", [])) for t in tables),
            "tables": len(tables), "unreadable": len(unreadable),
            "outcome": disclosure.problem if failed else f"{len(disclosure.tables)} tables, {len(unreadable)} unreadable"}


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "?")
    memory = next((line.split()[1] for line in open("/proc/meminfo") if line.startswith("MemTotal")), "0")
    import camelot
    import pypdfium2

    return (f"{os.cpu_count()} cores ({cpu}), {int(memory) / 2**20:.1f} GiB; Python {platform.python_version()}, "
            f"camelot {camelot.__version__}, pypdfium2 {pypdfium2.PYPDFIUM_INFO} (pdfium {pypdfium2.PDFIUM_INFO}); workers pinned to one core")


def main(argv: list[str]) -> int:
    if argv[:1] == ["--worker"]:
        print(json.dumps(worker(argv[1], Path(argv[2]), int(argv[3]))))
        return 0
    repeats = int(argv[argv.index("--repeats") + 1]) if "--repeats" in argv else 3
    files = [Path(a) for a in argv if a.endswith(".pdf")] or [
        *sorted(CORPUS.glob("*.pdf")), *sorted(OFFICE.glob("*.pdf")), *sorted(FIXTURES.glob("*.pdf"))]
    methods = ("naive", "juesuan") if "--naive" in argv else ("juesuan",)
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", PYTHONPATH=str(ROOT))
    print(machine())
    print(f"median of {repeats} runs after one warm-up\n")
    head = (f"{'document':<32}{'pages':>6}{'tbl pg':>7}  {'method':<8}{'s/doc':>7}{'s/tbl pg':>9}"
            f"{'readings':>9}{'peak MB':>8}  {'facts = text twin':<18}{'outcome'}")
    print(head)
    print("-" * (len(head) + 20))
    failures: list[str] = []
    totals = {"time": 0.0, "table_pages": 0}
    for path in files:
        for method in methods:
            out = subprocess.run([sys.executable, __file__, "--worker", method, str(path), str(repeats)],
                                 capture_output=True, text=True, env=env, check=True)
            r = json.loads(out.stdout.strip().splitlines()[-1])
            median = statistics.median(r["times"])
            same = ("yes" if r["same_as_text"] else "NO (see below)") if r["twin"] else "(no twin)"
            if r["twin"] and not r["same_as_text"]:
                failures.append(f"{path.name} {method}: {r['outcome']}")
            per_page = median / r["table_pages"] if r["table_pages"] else float("nan")
            readings = f"{r['readings']}/{r['tables']}"
            if method == "juesuan" and r["table_pages"]:
                totals["time"] += median
                totals["table_pages"] += r["table_pages"]
            print(f"{path.name:<32}{r['pages']:>6}{r['table_pages']:>7}  {method:<8}{median:>7.3f}{per_page:>9.3f}"
                  f"{readings:>9}{r['peak_mb']:>8.0f}  {same:<18}{r['outcome']}")
    if totals["table_pages"]:
        print(f"\njuesuan over all: {totals['time'] / totals['table_pages']:.3f} s per table page "
              f"({totals['table_pages']} table pages, {totals['time']:.2f} s)")
    for failure in failures:
        print(f"\n{failure}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
