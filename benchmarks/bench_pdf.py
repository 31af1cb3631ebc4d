"""`make bench-pdf`: the PDF path next to naive "camelot lattice on every page", same files.

For each fixture PDF and each method, a fresh worker process pinned to one core parses the
document (read_pdf, then the shared parsers) once to warm up and then REPEATS times, and
reports the median seconds, pages per second and its peak memory (max RSS; imports
included, and the part above the imports). What each method would land (the fact rows,
provenance aside) is compared with what the text twin lands.

    python benchmarks/bench_pdf.py [--repeats N] [FILE.pdf ...]
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
FIXTURES = ROOT / "tests" / "fixtures" / "pdf"
METHODS = ("juesuan", "naive")
PROVENANCE = {"page", "source_line", "source_row"}


def facts_digest(disclosure) -> str:
    from pipelines.warehouse.facts import fact_rows

    rows = {t: sorted(repr(sorted((k, v) for k, v in r.items() if k not in PROVENANCE)) for r in rs)
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
    twin = path.with_suffix(".txt")
    expected = facts_digest(parse_document(read_raw(twin, twin.parent))) if twin.is_file() else None
    imports = _rss_mb()

    def run():
        lines, extractions = read_pdf(raw, naive=method == "naive")
        try:
            return parse_lines(lines, raw, extractions)
        except DocumentError as error:  # naive lattice finds no grid without vertical rules
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
    return {"pages": len(pypdfium2.PdfDocument(path)), "times": times, "peak_mb": peak,
            "imports_mb": imports, "facts": digest, "same_as_text": digest == expected,
            "outcome": disclosure.problem if failed else f"{len(disclosure.tables)} tables"}


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
    repeats = int(argv[argv.index("--repeats") + 1]) if "--repeats" in argv else 5
    files = [Path(a) for a in argv if a.endswith(".pdf")] or sorted(FIXTURES.glob("*.pdf"))
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", PYTHONPATH=str(ROOT))
    print(machine())
    print(f"median of {repeats} runs after one warm-up\n")
    head = f"{'document':<16}{'pages':>6}  {'method':<8}{'s/doc':>8}{'pages/s':>9}{'peak MB':>9}{'+MB':>6}  {'facts = text twin':<18}{'speed-up':>8}"
    print(head)
    print("-" * len(head))
    failures: list[str] = []
    for path in files:
        medians = {}
        for method in METHODS:
            out = subprocess.run([sys.executable, __file__, "--worker", method, str(path), str(repeats)],
                                 capture_output=True, text=True, env=env, check=True)
            r = json.loads(out.stdout.strip().splitlines()[-1])
            median = medians[method] = statistics.median(r["times"])
            same = "yes" if r["same_as_text"] else "NO (see below)"
            if not r["same_as_text"]:
                failures.append(f"{path.name} {method}: {r['outcome']}")
            speedup = f"{medians[method] / medians['juesuan']:.1f}x" if method == "naive" else ""
            print(f"{path.name:<16}{r['pages']:>6}  {method:<8}{median:>8.3f}{r['pages'] / median:>9.1f}"
                  f"{r['peak_mb']:>9.0f}{r['peak_mb'] - r['imports_mb']:>6.0f}  {same:<18}{speedup:>8}")
    for failure in failures:
        print(f"\n{failure}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
