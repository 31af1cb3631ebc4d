"""Every setting juesuan takes from the environment, in one place: the variable, its default,
and what it is for. No other module reads `os.environ` for a juesuan setting (the switches of the
libraries, DAGSTER_HOME, TQDM_DISABLE, are theirs); each is read here, when
asked (so a process that sets a variable before a run, as `juesuan run --warehouse` does, is
heard).

    JUESUAN_WAREHOUSE   the warehouse file                      warehouse/juesuan.duckdb
    JUESUAN_BACKEND     where the warehouse lives (duckdb | ducklake)   duckdb
    JUESUAN_RAW         the folder of raw documents              raw/
    JUESUAN_SOURCES     further folders and URLs                 sources.toml
    JUESUAN_LOCK_WAIT   seconds to wait for a held warehouse     120
    JUESUAN_MAX_PAGES   pages above which a PDF is refused       500
    JUESUAN_DATA_DOCS   where the validation report is written   data_docs/ beside the warehouse
    JUESUAN_WORKERS     documents parsed at once                 the cores this process may use
    JUESUAN_RUN_SIZE    documents per Dagster run                 1000
    JUESUAN_CORPUS      the real PDFs the tests and benchmarks read   ../shared/corpus
    JUESUAN_CJK_FONT    the font the fixture renderer embeds     Debian's WenQuanYi Zen Hei
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

WAREHOUSE = "JUESUAN_WAREHOUSE"
BACKEND = "JUESUAN_BACKEND"
RAW = "JUESUAN_RAW"
SOURCES = "JUESUAN_SOURCES"
LOCK_WAIT = "JUESUAN_LOCK_WAIT"
MAX_PAGES = "JUESUAN_MAX_PAGES"
DATA_DOCS = "JUESUAN_DATA_DOCS"
WORKERS = "JUESUAN_WORKERS"
RUN_SIZE = "JUESUAN_RUN_SIZE"
CORPUS = "JUESUAN_CORPUS"
CJK_FONT = "JUESUAN_CJK_FONT"


def _get(name: str) -> str | None:
    return os.environ.get(name) or None


def warehouse_path() -> Path:
    return Path(_get(WAREHOUSE) or ROOT / "warehouse" / "juesuan.duckdb")


def backend() -> str:
    """The warehouse's backend (pipelines/warehouse/backends.py)."""
    return _get(BACKEND) or "duckdb"


def raw_folder() -> Path:
    return Path(_get(RAW) or ROOT / "raw")


def sources_file() -> Path:
    return Path(_get(SOURCES) or ROOT / "sources.toml")


def lock_wait() -> float:
    """How long a connection waits for another process to let go of the warehouse file."""
    return float(_get(LOCK_WAIT) or 120)


def max_pages() -> int:
    """Per-document bound on time and memory: a disclosure runs to tens of pages, so a PDF of
    thousands is refused before any page is read."""
    return int(_get(MAX_PAGES) or 500)


def data_docs_folder(warehouse: str | Path | None = None) -> Path:
    return Path(_get(DATA_DOCS) or Path(warehouse or warehouse_path()).parent / "data_docs")


def workers() -> int:
    """Documents parsed and validated at once, each in a worker process of its own."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(int(_get(WORKERS) or cores), 1)


def run_size() -> int:
    """Documents per Dagster run: each run writes the read snapshot once, at its end, so this
    is how many documents land between two publications of what readers see."""
    return max(int(_get(RUN_SIZE) or 1000), 1)


def corpus_folder() -> Path:
    return Path(_get(CORPUS) or ROOT.parent / "shared" / "corpus")


def cjk_font() -> str | None:
    return _get(CJK_FONT)


def choose(warehouse: str | Path | None = None, raw: str | Path | None = None) -> None:
    """Set the warehouse file and raw folder for this process and the processes it starts
    (Dagster's run workers read them from the environment)."""
    if warehouse is not None:
        os.environ[WAREHOUSE] = str(Path(warehouse).absolute())
    if raw is not None:
        os.environ[RAW] = str(Path(raw).absolute())
