"""Could the warehouse run on DuckLake (a catalog database plus Parquet data files) with
several writer processes landing documents at once while readers query the views?

A self-contained probe: it runs with whatever duckdb is installed and imports nothing of the
project. It first loads the ducklake and sqlite extensions (from the pip packages
duckdb-extension-ducklake and duckdb-extension-sqlite-scanner, LOADed by path: they are signed,
so allow_unsigned_extensions is not needed; DuckDB never downloads here). When it cannot, it
prints why and "blocked: …" and exits 0.

Otherwise, per phase (1 writer, then --writers writers), in a fresh DuckLake with a SQLite file
catalog (WAL journal) and a Parquet data folder: a cut-down star schema in the forms DuckLake
accepts (dim_department, dim_document, fact_income, fact_expenditure with DECIMAL(20,2)
amounts, views); writer processes (multiprocessing, spawn) land documents, each one
transaction (department if new, delete the document's rows, insert its facts, replace its
dim_document row), some documents twice (a reload by a newer parser replaces the rows);
reader processes query the views all the while. A commit that fails (transaction conflict,
SQLite "database is locked") is rolled back and retried with backoff; retries are counted.
At the end: every document landed exactly once with exactly its facts (Decimal-exact, row by
row), no department twice, and no reader ever saw a document whose facts did not match its
dim_document row (a half-landed or mixed-version document).

    python benchmarks/ducklake_probe.py [--docs N] [--rows N] [--writers N] [--readers N]
                                        [--extension-dir DIR] [--json FILE] [--keep DIR]

--extension-dir: a folder with ducklake.duckdb_extension and sqlite_scanner.duckdb_extension
(e.g. an unpacked wheel) tried before the packages: shows DuckDB's own refusal of a file built
for another DuckDB version.

Exit status: 0 when blocked or when every check passed; 1 when a check failed.
"""

from __future__ import annotations

import argparse
import decimal
import fcntl
import functools
import glob
import hashlib
import importlib.util
import json
import multiprocessing as mp
import os
import queue
import random
import shutil
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

import duckdb

decimal.getcontext().prec = 60  # sums of DECIMAL(20,2) amounts stay exact

# pip packages that ship each extension, in the order tried
PACKAGES = {
    "ducklake": ("duckdb_extension_ducklake",),
    "sqlite_scanner": ("duckdb_extension_sqlite_scanner", "duckdb_extension_sqlite", "duckdb_extension_sqlite3"),
}
NO_DOWNLOADS = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}
PARSERS = ("probe-1", "probe-2")  # a document's first landing, then its reload by a newer parser
DEPARTMENTS = 7  # shared by all writers: new departments are raced for
SUBJECTS = ("201", "20101", "2010101", "2010102", "205", "20502", "2050201", "208", "20805", "2080501")
INCOME_SOURCES = ("财政拨款收入", "事业收入", "经营收入", "其他收入")
EXPENDITURE_TYPES = ("基本支出", "项目支出")
ROWS_PER_INSERT = 500  # one multi-row INSERT per chunk, as the loader does
WAN = Decimal("0.0001")


class Blocked(Exception):
    pass


# --- loading the extensions ------------------------------------------------------------------

def _package_files(name: str) -> list[Path]:
    files = []
    for package in PACKAGES[name]:
        spec = importlib.util.find_spec(package)
        if spec is None or not spec.submodule_search_locations:
            continue
        for location in spec.submodule_search_locations:
            files += sorted(Path(p) for p in glob.glob(f"{location}/extensions/*/*.duckdb_extension"))
    return files


def find_extensions(extension_dir: str | None) -> dict[str, Path | str]:
    """{name: file to LOAD, or the name itself when it is installed in DuckDB's own folder};
    raises Blocked with the reason when one cannot be loaded."""
    version = duckdb.__version__
    found: dict[str, Path | str] = {}
    for name in PACKAGES:
        candidates = []
        if extension_dir:
            candidates += sorted(Path(extension_dir).rglob(f"{name}.duckdb_extension"))
            if name == "sqlite_scanner":
                candidates += sorted(Path(extension_dir).rglob("sqlite.duckdb_extension"))
        packaged = _package_files(name)
        candidates += [f for f in packaged if f.parent.name == f"v{version}"]
        candidates += [f for f in packaged if f.parent.name != f"v{version}"]
        errors = []
        for where in [*candidates, name]:  # a file, else the name: INSTALLed into DuckDB's own folder
            statement = f"LOAD '{where}'" if isinstance(where, Path) else f"LOAD {where}"
            con = duckdb.connect(config=NO_DOWNLOADS)
            try:
                con.execute(statement)
                found[name] = where
                break
            except duckdb.Error as error:
                errors.append(f"{statement}: {' '.join(str(error).split())}")
            finally:
                con.close()
        else:
            packages = " or ".join(p.replace("_", "-") for p in PACKAGES[name])
            if not packaged and not extension_dir:
                errors.insert(0, f"no package {packages} is installed (its wheels are built per DuckDB "
                                 f"version: this one needs {PACKAGES[name][0].replace('_', '-')}=={version})")
            raise Blocked(f"the {name} extension cannot be loaded in DuckDB {version}: " + "; ".join(errors))
    return found


def load(con: duckdb.DuckDBPyConnection, extensions: dict[str, Path | str]) -> None:
    for name, where in extensions.items():
        con.execute(f"LOAD '{where}'" if isinstance(where, Path) else f"LOAD {name}")


# --- the lake ----------------------------------------------------------------------------------

def connect(cfg: dict, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(config=NO_DOWNLOADS)
    con.execute("SET enable_progress_bar = false")
    load(con, {k: (Path(v) if v != k else v) for k, v in cfg["extensions"].items()})
    options = [f"DATA_PATH '{cfg['data']}/'"]
    if cfg["journal_mode"].upper() != "DEFAULT":
        options.append(f"META_JOURNAL_MODE '{cfg['journal_mode']}'")
    options.append(f"META_BUSY_TIMEOUT {cfg['busy_timeout_ms']}")
    if read_only:
        options.append("READ_ONLY")
    con.execute(f"ATTACH 'ducklake:sqlite:{cfg['catalog']}' AS lake ({', '.join(options)})")
    con.execute("USE lake")
    return con


# The warehouse's forms that DuckLake refuses, and what stands here instead:
#   INTEGER PRIMARY KEY DEFAULT nextval(seq): no sequences, no keys -> BIGINT from the name's hash
#   UNIQUE / PRIMARY KEY                     : none                 -> INSERT … WHERE NOT EXISTS
#   INSERT OR REPLACE                        : needs a key          -> DELETE + INSERT
#   COMMENT ON COLUMN <view>.<column>        : refused              -> the view's own comment only
SCHEMA = """
CREATE TABLE dim_department (
    department_key      BIGINT NOT NULL,     -- first 60 bits of sha256(department_name)
    department_name     VARCHAR NOT NULL,
    department_code     VARCHAR
);
CREATE TABLE dim_document (
    document_sha256     VARCHAR NOT NULL,
    file_name           VARCHAR NOT NULL,
    parser              VARCHAR NOT NULL,
    department_key      BIGINT,
    fiscal_year         INTEGER,
    tables_found        VARCHAR[],
    status              VARCHAR NOT NULL,
    row_count           INTEGER NOT NULL,    -- fact rows landed with it (the readers' check)
    total_yuan          DECIMAL(38,2),       -- their amounts' sum (the readers' check)
    ingested_at         TIMESTAMP NOT NULL,
    landed_by           INTEGER,
    attempts            INTEGER
);
CREATE TABLE fact_income (
    document_sha256 VARCHAR NOT NULL, department_key BIGINT NOT NULL, fiscal_year INTEGER NOT NULL,
    subject_code VARCHAR, row_label VARCHAR NOT NULL, income_source VARCHAR NOT NULL,
    amount_yuan DECIMAL(20,2), cell_text VARCHAR, cell_flag VARCHAR NOT NULL,
    source_table VARCHAR NOT NULL, page INTEGER, source_line INTEGER, source_row INTEGER NOT NULL
);
CREATE TABLE fact_expenditure (
    document_sha256 VARCHAR NOT NULL, department_key BIGINT NOT NULL, fiscal_year INTEGER NOT NULL,
    fund_scope VARCHAR NOT NULL, subject_code VARCHAR, row_label VARCHAR NOT NULL,
    expenditure_type VARCHAR NOT NULL,
    amount_yuan DECIMAL(20,2), cell_text VARCHAR, cell_flag VARCHAR NOT NULL,
    source_table VARCHAR NOT NULL, page INTEGER, source_line INTEGER, source_row INTEGER NOT NULL
);
CREATE VIEW v_current_document AS
SELECT d.*, dep.department_name AS department
FROM dim_document d JOIN dim_department dep USING (department_key)
WHERE d.status = 'current';
CREATE VIEW v_expenditure AS
SELECT cd.department, cd.parser, f.fiscal_year, f.fund_scope, f.subject_code, f.expenditure_type,
       f.amount_yuan * 0.0001 AS amount_wan, f.document_sha256, f.source_table, f.page, f.source_row
FROM fact_expenditure f JOIN v_current_document cd USING (document_sha256)
WHERE f.cell_flag = 'value';
CREATE VIEW v_document_check AS   -- one row per document (or per orphan facts' document)
WITH facts AS (
    SELECT document_sha256, count(*) AS fact_rows, sum(amount_yuan) AS fact_total
    FROM (SELECT document_sha256, amount_yuan FROM fact_income
          UNION ALL SELECT document_sha256, amount_yuan FROM fact_expenditure)
    GROUP BY document_sha256
), docs AS (
    SELECT document_sha256, any_value(parser) AS parser, count(*) AS dim_rows,
           any_value(row_count) AS stated_rows, any_value(total_yuan) AS stated_total
    FROM dim_document GROUP BY document_sha256
)
SELECT COALESCE(d.document_sha256, f.document_sha256) AS document_sha256, d.parser, d.dim_rows,
       d.stated_rows, d.stated_total, COALESCE(f.fact_rows, 0) AS fact_rows, f.fact_total
FROM docs d FULL JOIN facts f USING (document_sha256);
COMMENT ON TABLE dim_document IS '文档 — document: one row per document version';
COMMENT ON COLUMN dim_document.document_sha256 IS '文档版本 — SHA-256 of its bytes';
COMMENT ON VIEW v_expenditure IS '支出 — expenditure in 万元 of current documents';
"""


def create(cfg: dict) -> None:
    if cfg["journal_mode"].upper() == "WAL":
        # the catalog file in WAL mode before DuckLake first opens it: readers then never block a commit
        import sqlite3
        sqlite3.connect(cfg["catalog"]).execute("PRAGMA journal_mode=WAL").fetchall()
    con = connect(cfg)
    try:
        for statement in duckdb.extract_statements(SCHEMA):
            con.execute(statement.query)
    finally:
        con.close()


# --- documents ---------------------------------------------------------------------------------

def department_key(name: str) -> int:
    return int(hashlib.sha256(name.encode()).hexdigest()[:15], 16)


def sha_of(index: int) -> str:
    return hashlib.sha256(f"probe document {index}".encode()).hexdigest()


@functools.lru_cache(maxsize=4096)
def document(index: int, parser: str, rows: int) -> dict:
    """The facts of document `index` as `parser` reads it (another parser: other amounts)."""
    rng = random.Random(f"{index}/{parser}")
    department = f"探针部门{index % DEPARTMENTS:02d}"
    fiscal_year = 2020 + index % 5

    def cell():
        flag = rng.choices(("value", "blank", "dash"), (90, 5, 5))[0]
        if flag != "value":
            return None, ("" if flag == "blank" else "-"), flag
        amount = Decimal(rng.randrange(0, 10 ** 13)).scaleb(-2)  # up to 10^11 元, with fen
        return amount, f"{amount:,}", flag

    income, expenditure = [], []
    for n in range(rows // 2):
        amount, text, flag = cell()
        income.append((rng.choice(SUBJECTS), f"行{n}", rng.choice(INCOME_SOURCES), amount, text, flag,
                       "公开02", 3 + n // 40, 100 + n, n))
    for n in range(rows - rows // 2):
        amount, text, flag = cell()
        expenditure.append(("全部", rng.choice(SUBJECTS), f"行{n}", rng.choice(EXPENDITURE_TYPES), amount, text,
                            flag, "公开03", 5 + n // 40, 300 + n, n))
    amounts = [r[3] for r in income] + [r[4] for r in expenditure]
    total = sum((a for a in amounts if a is not None), Decimal(0))
    spent = [r for r in expenditure if r[6] == "value"]
    return {
        "index": index, "sha256": sha_of(index), "parser": parser, "department": department,
        "department_key": department_key(department), "fiscal_year": fiscal_year,
        "income": income, "expenditure": expenditure, "rows": len(amounts), "total": total,
        "spent_rows": len(spent), "spent_wan": sum((r[4] * WAN for r in spent), Decimal(0)),
    }


def _literal(value) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, (int, Decimal)):  # a DECIMAL literal: exact
        return str(value)
    return "'" + str(value).replace("'", "''") + "'"


def _insert_many(con, head: str, rows: list, style: str) -> None:
    """`head` (INSERT … VALUES) with many rows per statement. params: placeholders, as the loader
    does (DuckDB 1.5 binds them ~10× slower than 2.0); literal: the values in the SQL text."""
    width = len(rows[0])
    one = "(" + ", ".join("?" for _ in range(width)) + ")"
    for start in range(0, len(rows), ROWS_PER_INSERT):
        chunk = rows[start:start + ROWS_PER_INSERT]
        if style == "params":
            con.execute(f"{head} {', '.join(one for _ in chunk)}", [v for row in chunk for v in row])
        else:
            con.execute(f"{head} " + ", ".join("(" + ", ".join(_literal(v) for v in row) + ")" for row in chunk))


def land(con, doc: dict, writer: int, attempt: int, style: str = "literal") -> None:
    """One document, one transaction, in the portable forms."""
    sha, key, year = doc["sha256"], doc["department_key"], doc["fiscal_year"]
    income = [(sha, key, year, *r) for r in doc["income"]]
    expenditure = [(sha, key, year, *r) for r in doc["expenditure"]]
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("""INSERT INTO dim_department (department_key, department_name, department_code)
                       SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM dim_department WHERE department_name = ?)""",
                    [key, doc["department"], str(200000 + doc["index"] % DEPARTMENTS), doc["department"]])
        con.execute("DELETE FROM fact_income WHERE document_sha256 = ?", [sha])
        con.execute("DELETE FROM fact_expenditure WHERE document_sha256 = ?", [sha])
        _insert_many(con, """INSERT INTO fact_income (document_sha256, department_key, fiscal_year, subject_code,
                                 row_label, income_source, amount_yuan, cell_text, cell_flag, source_table, page,
                                 source_line, source_row) VALUES""", income, style)
        _insert_many(con, """INSERT INTO fact_expenditure (document_sha256, department_key, fiscal_year, fund_scope,
                                 subject_code, row_label, expenditure_type, amount_yuan, cell_text, cell_flag,
                                 source_table, page, source_line, source_row) VALUES""", expenditure, style)
        con.execute("DELETE FROM dim_document WHERE document_sha256 = ?", [sha])  # INSERT OR REPLACE
        con.execute("""INSERT INTO dim_document VALUES (?, ?, ?, ?, ?, ?, 'current', ?, ?, now()::TIMESTAMP, ?, ?)""",
                    [sha, f"probe/{doc['index']:05d}.txt", doc["parser"], key, year, ["公开02", "公开03"],
                     doc["rows"], doc["total"], writer, attempt])
        con.execute("COMMIT")
    except BaseException:
        try:
            con.execute("ROLLBACK")
        except duckdb.Error:
            pass  # a failed COMMIT has already ended the transaction
        raise


def retryable(error: Exception) -> bool:
    text = str(error).lower()
    return any(w in text for w in ("conflict", "locked", "busy", "retry", "constraint"))


def category(error: Exception) -> str:
    text = " ".join(str(error).split())
    for marker in ("database is locked", "Transaction conflict", "conflict"):
        if marker.lower() in text.lower():
            return f"{type(error).__name__}: …{marker}" + (" (on flush)" if "flush" in text else "")
    return f"{type(error).__name__}: {text[:120]}"


# --- processes ---------------------------------------------------------------------------------

def writer_main(cfg: dict, writer: int, plan: list[tuple[int, str]], ready, go, results) -> None:
    started = time.perf_counter()
    con = connect(cfg)
    attach_s = time.perf_counter() - started
    ready.put(("writer", writer))
    go.wait()
    out = {"writer": writer, "attach_s": attach_s, "landed": 0, "attempts": [], "commit_s": [],
           "wasted_s": 0.0, "retries": {}, "failures": [], "lock_wait_s": 0.0}
    lock = open(cfg["lock"], "a") if cfg.get("lock") else None
    begin = time.perf_counter()
    for index, parser in plan:
        doc = document(index, parser, cfg["rows"])
        attempt = 0
        while True:
            attempt += 1
            if lock:
                t0 = time.perf_counter()
                fcntl.flock(lock, fcntl.LOCK_EX)  # one landing at a time, across the processes
                out["lock_wait_s"] += time.perf_counter() - t0
            t0 = time.perf_counter()
            try:
                land(con, doc, writer, attempt, cfg["insert"])
            except duckdb.Error as error:
                if lock:
                    fcntl.flock(lock, fcntl.LOCK_UN)
                out["wasted_s"] += time.perf_counter() - t0
                what = category(error)
                out["retries"][what] = out["retries"].get(what, 0) + 1
                if not retryable(error) or attempt >= cfg["max_attempts"]:
                    out["failures"].append(f"document {index} ({parser}) after {attempt} attempts: {what}")
                    break
                time.sleep(min(cfg["backoff_cap_s"], 0.01 * 2 ** min(attempt, 10)) * random.uniform(0.5, 1.5))
                continue
            out["commit_s"].append(time.perf_counter() - t0)
            if lock:
                fcntl.flock(lock, fcntl.LOCK_UN)
            out["attempts"].append(attempt)
            out["landed"] += 1
            break
    out["wall_s"] = time.perf_counter() - begin
    con.close()
    results.put(("writer", out))


def check_rows(rows, cfg: dict, out: dict, where: str) -> None:
    """v_document_check's rows against what each document's parser read (Decimal-exact)."""
    index_of = cfg["index_of"]
    for sha, parser, dim_rows, stated_rows, stated_total, fact_rows, fact_total in rows:
        problem = None
        if parser is None:
            problem = f"{fact_rows} facts without a dim_document row"
        elif dim_rows != 1:
            problem = f"{dim_rows} dim_document rows"
        else:
            want = document(index_of[sha], parser, cfg["rows"])
            if (stated_rows, stated_total) != (want["rows"], want["total"]):
                problem = f"dim_document states {stated_rows} rows / {stated_total}, {parser} has {want['rows']} / {want['total']}"
            elif fact_rows != want["rows"] or (fact_total or Decimal(0)) != want["total"]:
                problem = f"facts {fact_rows} rows / {fact_total}, {parser} has {want['rows']} / {want['total']}"
        if problem:
            out["violations"] += 1
            if len(out["examples"]) < 5:
                out["examples"].append(f"{where}: document {sha[:12]}: {problem}")


def check_view(rows, cfg: dict, out: dict, where: str) -> None:
    """v_expenditure per document against its parser's expenditure (万元, Decimal-exact)."""
    for sha, parser, n, wan in rows:
        want = document(cfg["index_of"][sha], parser, cfg["rows"])
        if (n, wan) != (want["spent_rows"], want["spent_wan"]):
            out["violations"] += 1
            if len(out["examples"]) < 5:
                out["examples"].append(f"{where}: v_expenditure {sha[:12]}: {n} rows / {wan} 万元, "
                                       f"{parser} has {want['spent_rows']} / {want['spent_wan']}")


CHECK = "SELECT * FROM v_document_check"
ANALYST = "SELECT document_sha256, parser, count(*), sum(amount_wan) FROM v_expenditure GROUP BY ALL"


def reader_main(cfg: dict, reader: int, ready, stop, results) -> None:
    started = time.perf_counter()
    con = connect(cfg, read_only=True)
    out = {"reader": reader, "attach_s": time.perf_counter() - started, "check_s": [], "view_s": [],
           "visible": [], "violations": 0, "examples": [], "errors": {}}
    ready.put(("reader", reader))
    while not stop.is_set():
        try:
            t0 = time.perf_counter()
            rows = con.execute(CHECK).fetchall()
            out["check_s"].append(time.perf_counter() - t0)
            check_rows(rows, cfg, out, f"reader {reader}")
            out["visible"].append(sum(1 for r in rows if r[1] is not None))
            t0 = time.perf_counter()
            rows = con.execute(ANALYST).fetchall()
            out["view_s"].append(time.perf_counter() - t0)
            check_view(rows, cfg, out, f"reader {reader}")
        except duckdb.Error as error:
            what = category(error)
            out["errors"][what] = out["errors"].get(what, 0) + 1
        time.sleep(cfg["reader_pause_s"])
    con.close()
    results.put(("reader", out))


# --- a phase -----------------------------------------------------------------------------------

def plans(writers: int, docs: int, reloads: int) -> list[list[tuple[int, str]]]:
    """Writer w lands documents w*docs … (w+1)*docs-1, then reloads its first `reloads` of them."""
    return [[(i, PARSERS[0]) for i in range(w * docs, (w + 1) * docs)] +
            [(i, PARSERS[1]) for i in range(w * docs, w * docs + reloads)] for w in range(writers)]


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def run_phase(base: dict, root: Path, writers: int, work: list[list[tuple[int, str]]], readers: int,
              locked: bool = False) -> dict:
    """`work` (one plan per writer of the biggest phase) shared among `writers` processes;
    `locked`: each landing under an exclusive file lock (the writers take turns)."""
    folder = root / f"{writers}-writer{'s' if writers > 1 else ''}{'-locked' if locked else ''}"
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "data").mkdir(parents=True)
    cfg = dict(base, catalog=str(folder / "catalog.sqlite"), data=str(folder / "data"),
               lock=str(folder / "landing.lock") if locked else None)
    create(cfg)
    everything = [step for plan in work for step in plan]
    mine = [[step for plan in work[w::writers] for step in plan] for w in range(writers)]
    ctx = mp.get_context("spawn")
    ready, results, go, stop = ctx.Queue(), ctx.Queue(), ctx.Event(), ctx.Event()
    procs = [ctx.Process(target=reader_main, args=(cfg, r, ready, stop, results)) for r in range(readers)]
    procs += [ctx.Process(target=writer_main, args=(cfg, w, mine[w], ready, go, results)) for w in range(writers)]
    for p in procs:
        p.start()
    for _ in procs:
        ready.get(timeout=120)
    t0 = time.perf_counter()
    go.set()
    outs = {"writer": [], "reader": []}
    while len(outs["writer"]) < writers:
        try:
            kind, out = results.get(timeout=1)
            outs[kind].append(out)
        except queue.Empty:
            if not any(p.is_alive() for p in procs[readers:]) and results.empty():
                break
    wall = time.perf_counter() - t0
    stop.set()
    while len(outs["reader"]) < readers:
        kind, out = results.get(timeout=120)
        outs[kind].append(out)
    for p in procs:
        p.join(timeout=60)
    crashed = [p.exitcode for p in procs if p.exitcode]
    return {"cfg": cfg, "folder": folder, "writers": writers, "locked": locked, "wall_s": wall, "writer_out": outs["writer"],
            "reader_out": outs["reader"], "expected": everything, "crashed": crashed}


def verify(phase: dict) -> tuple[list[str], dict]:
    """Every document exactly once, with its final parser's facts row by row; departments once."""
    cfg, problems = phase["cfg"], []
    final: dict[int, str] = {}
    for index, parser in phase["expected"]:
        final[index] = parser  # the reload comes after the first landing in every plan
    con = connect(cfg, read_only=True)
    docs = {sha: (n, parser) for sha, n, parser in con.execute(
        "SELECT document_sha256, count(*), any_value(parser) FROM dim_document GROUP BY ALL").fetchall()}
    want = {sha_of(i): p for i, p in final.items()}
    if missing := sorted(set(want) - set(docs)):
        problems.append(f"{len(missing)} documents never landed")
    if extra := sorted(set(docs) - set(want)):
        problems.append(f"{len(extra)} unexpected documents")
    if twice := [sha for sha, (n, _) in docs.items() if n != 1]:
        problems.append(f"{len(twice)} documents with more than one dim_document row")
    if stale := [sha for sha, (_, p) in docs.items() if sha in want and p != want[sha]]:
        problems.append(f"{len(stale)} documents not at their last parser")
    facts: dict[str, list] = {}
    for row in con.execute("""SELECT document_sha256, source_table, source_row, amount_yuan, cell_flag FROM fact_income
                              UNION ALL SELECT document_sha256, source_table, source_row, amount_yuan, cell_flag
                              FROM fact_expenditure ORDER BY 1, 2, 3""").fetchall():
        facts.setdefault(row[0], []).append(row[1:])
    wrong = 0
    for index, parser in final.items():
        doc = document(index, parser, cfg["rows"])
        expected = sorted([(r[6], r[9], r[3], r[5]) for r in doc["income"]] +
                          [(r[7], r[10], r[4], r[6]) for r in doc["expenditure"]])
        if facts.get(doc["sha256"], []) != expected:
            wrong += 1
    if wrong:
        problems.append(f"{wrong} documents whose fact rows differ from their parser's (row by row)")
    if orphans := sorted(set(facts) - set(docs)):
        problems.append(f"facts of {len(orphans)} documents without a dim_document row")
    departments = con.execute("SELECT department_name, count(*) FROM dim_department GROUP BY ALL HAVING count(*) > 1").fetchall()
    if departments:
        problems.append(f"{len(departments)} departments landed more than once: {departments[:3]}")
    out = {"violations": 0, "examples": []}
    check_rows(con.execute(CHECK).fetchall(), cfg, out, "final")
    check_view(con.execute(ANALYST).fetchall(), cfg, out, "final")
    problems += out["examples"]
    idle = []
    for _ in range(10):
        t0 = time.perf_counter()
        con.execute(CHECK).fetchall()
        idle.append(time.perf_counter() - t0)
    stats = {
        "snapshots": con.execute("SELECT count(*) FROM ducklake_snapshots('lake')").fetchone()[0],
        "idle_check_p50_ms": 1000 * statistics.median(idle),
    }
    con.close()
    data = Path(cfg["data"])
    parquet = list(data.rglob("*.parquet"))
    stats.update(parquet_files=len(parquet), parquet_mb=sum(p.stat().st_size for p in parquet) / 2 ** 20,
                 catalog_mb=sum(Path(p).stat().st_size for p in glob.glob(cfg["catalog"] + "*")) / 2 ** 20)
    return problems, stats


def summarize(phase: dict, problems: list[str], stats: dict) -> dict:
    w, r = phase["writer_out"], phase["reader_out"]
    landed = sum(o["landed"] for o in w)
    retries: dict[str, int] = {}
    for o in w:
        for k, v in o["retries"].items():
            retries[k] = retries.get(k, 0) + v
    reader_errors: dict[str, int] = {}
    for o in r:
        for k, v in o["errors"].items():
            reader_errors[k] = reader_errors.get(k, 0) + v
    attempts = [a for o in w for a in o["attempts"]]
    check_s = [s for o in r for s in o["check_s"]]
    view_s = [s for o in r for s in o["view_s"]]
    visible = [v for o in r for v in o["visible"]]
    total = len({i for i, _ in phase["expected"]})
    return {
        "writers": phase["writers"], "locked": phase["locked"], "landings": landed,
        "lock_wait_s": round(sum(o["lock_wait_s"] for o in w), 2), "landings_planned": len(phase["expected"]),
        "wall_s": round(phase["wall_s"], 2), "landings_per_s": round(landed / phase["wall_s"], 2),
        "commit_ms_p50": round(1000 * pct([s for o in w for s in o["commit_s"]], 50), 1),
        "commit_ms_p95": round(1000 * pct([s for o in w for s in o["commit_s"]], 95), 1),
        "retries": sum(retries.values()), "retries_by_error": retries,
        "wasted_s": round(sum(o["wasted_s"] for o in w), 2),
        "max_attempts": max(attempts, default=0),
        "landings_retried": sum(1 for a in attempts if a > 1),
        "writer_failures": [f for o in w for f in o["failures"]],
        "writer_attach_ms": round(1000 * max((o["attach_s"] for o in w), default=0), 1),
        "reader_queries": len(check_s) + len(view_s),
        "reads_mid_write": sum(1 for v in visible if 0 < v < total),
        "reader_check_ms_p50": round(1000 * pct(check_s, 50), 1),
        "reader_check_ms_p95": round(1000 * pct(check_s, 95), 1),
        "reader_check_ms_max": round(1000 * max(check_s, default=float("nan")), 1),
        "reader_view_ms_p50": round(1000 * pct(view_s, 50), 1),
        "reader_view_ms_p95": round(1000 * pct(view_s, 95), 1),
        "reader_errors": reader_errors,
        "reader_violations": sum(o["violations"] for o in r),
        "reader_violation_examples": [e for o in r for e in o["examples"]][:5],
        "idle_check_ms_p50": round(stats["idle_check_p50_ms"], 1),
        "snapshots": stats["snapshots"], "parquet_files": stats["parquet_files"],
        "parquet_mb": round(stats["parquet_mb"], 2), "catalog_mb": round(stats["catalog_mb"], 2),
        "crashed_processes": phase["crashed"],
        "problems": problems,
    }


def run_native(base: dict, root: Path, work: list[list[tuple[int, str]]]) -> dict:
    """The same landings by one process into a native DuckDB file (readers cannot open it meanwhile)."""
    path = root / "native.duckdb"
    con = duckdb.connect(str(path), config=NO_DOWNLOADS)
    for statement in duckdb.extract_statements(SCHEMA):
        con.execute(statement.query)
    commit_s = []
    t0 = time.perf_counter()
    for index, parser in (step for plan in work for step in plan):
        t1 = time.perf_counter()
        land(con, document(index, parser, base["rows"]), 0, 1, base["insert"])
        commit_s.append(time.perf_counter() - t1)
    wall = time.perf_counter() - t0
    out = {"violations": 0, "examples": []}
    check_rows(con.execute(CHECK).fetchall(), base, out, "native")
    con.close()
    return {"landings": len(commit_s), "wall_s": round(wall, 2), "landings_per_s": round(len(commit_s) / wall, 2),
            "commit_ms_p50": round(1000 * pct(commit_s, 50), 1), "problems": out["examples"]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=15, help="documents per writer of the widest phase (15)")
    parser.add_argument("--reloads", type=int, default=None, help="of those, reloaded by a newer parser (docs/3)")
    parser.add_argument("--rows", type=int, default=800, help="fact rows per document (800; the seed has 886)")
    parser.add_argument("--writers", type=int, default=4, help="writer processes of the concurrent phase (4)")
    parser.add_argument("--readers", type=int, default=2, help="reader processes during the writes (2)")
    parser.add_argument("--reader-pause", type=float, default=0.05, help="seconds between a reader's queries")
    parser.add_argument("--max-attempts", type=int, default=200, help="commit attempts per landing")
    parser.add_argument("--journal-mode", default="WAL", help="SQLite catalog journal (WAL; DEFAULT: SQLite's)")
    parser.add_argument("--busy-timeout-ms", type=int, default=5000)
    parser.add_argument("--no-locked", action="store_true", help="skip the phase whose writers take turns")
    parser.add_argument("--insert", choices=("literal", "params"), default="literal",
                        help="fact rows as SQL literals (default) or as ? parameters like the loader")
    parser.add_argument("--extension-dir", help="a folder with the .duckdb_extension files to try first")
    parser.add_argument("--keep", help="keep the lakes in this folder (default: a temporary one, removed)")
    parser.add_argument("--json", help="also write the results to this file")
    args = parser.parse_args(argv)

    print(f"duckdb {duckdb.__version__} (python {sys.version.split()[0]}, {os.cpu_count()} cores)")
    try:
        extensions = find_extensions(args.extension_dir)
    except Blocked as why:
        print(f"blocked: {why}")
        return 0
    for name, where in extensions.items():
        print(f"loaded {name}: {where}")
    reloads = args.docs // 3 if args.reloads is None else args.reloads
    work = plans(args.writers, args.docs, reloads)
    root = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="ducklake_probe_"))
    base = {"extensions": {k: str(v) for k, v in extensions.items()}, "rows": args.rows,
            "journal_mode": args.journal_mode, "busy_timeout_ms": args.busy_timeout_ms,
            "max_attempts": args.max_attempts, "insert": args.insert, "backoff_cap_s": 0.5, "reader_pause_s": args.reader_pause,
            "index_of": {sha_of(i): i for i in range(args.writers * args.docs)}}
    print(f"catalog: SQLite file (journal {args.journal_mode}), data: Parquet folder, under {root}")
    print(f"work: {args.writers * args.docs} documents of {args.rows} fact rows ({args.insert} inserts), {args.writers * reloads} of them "
          f"landed again by a newer parser ({len([s for p in work for s in p])} landings); {args.readers} readers")
    results, failed = [], False
    try:
        root.mkdir(parents=True, exist_ok=True)
        native = run_native(base, root, work)
        failed |= bool(native["problems"])
        print(f"\n== baseline: native DuckDB file, 1 writer, no readers ==\n  landed {native['landings']} in "
              f"{native['wall_s']} s: {native['landings_per_s']} documents/s (commit p50 {native['commit_ms_p50']} ms)"
              + "".join(f"\n    {p}" for p in native["problems"]))
        phases = [(w, False) for w in sorted({1, args.writers})]
        if args.writers > 1 and not args.no_locked:
            phases.append((args.writers, True))
        for writers, locked in phases:
            phase = run_phase(base, root, writers, work, args.readers, locked)
            problems, stats = verify(phase)
            s = summarize(phase, problems, stats)
            results.append(s)
            bad = s["problems"] or s["reader_violations"] or s["writer_failures"] or s["crashed_processes"]
            failed |= bool(bad)
            print(f"\n== {writers} writer{'s' if writers > 1 else ''}"
                  f"{' taking turns (a file lock around each landing)' if locked else ''}, {args.readers} readers ==")
            print(f"  landed {s['landings']}/{s['landings_planned']} in {s['wall_s']} s: "
                  f"{s['landings_per_s']} documents/s (commit p50 {s['commit_ms_p50']} ms, p95 {s['commit_ms_p95']} ms)")
            print(f"  conflict retries: {s['retries']} ({s['landings_retried']} landings retried, at most "
                  f"{s['max_attempts']} attempts, {s['wasted_s']} s of work thrown away)"
                  + (f"; {s['lock_wait_s']} s waiting for the lock" if s["locked"] else ""))
            for what, n in sorted(s["retries_by_error"].items()):
                print(f"    {n} × {what}")
            print(f"  readers: {s['reader_queries']} queries, {s['reads_mid_write']} checks saw part of the documents; "
                  f"v_document_check p50 {s['reader_check_ms_p50']} ms, p95 {s['reader_check_ms_p95']} ms, "
                  f"max {s['reader_check_ms_max']} ms (idle: {s['idle_check_ms_p50']} ms); "
                  f"v_expenditure p50 {s['reader_view_ms_p50']} ms, p95 {s['reader_view_ms_p95']} ms")
            if s["reader_errors"]:
                print(f"  reader errors (retried): {s['reader_errors']}")
            print(f"  half or mixed documents seen by readers: {s['reader_violations']}")
            for e in s["reader_violation_examples"]:
                print(f"    {e}")
            print(f"  lake: {s['snapshots']} snapshots, {s['parquet_files']} Parquet files ({s['parquet_mb']} MiB), "
                  f"catalog {s['catalog_mb']} MiB; writer attach {s['writer_attach_ms']} ms")
            print("  verified: " + ("every document exactly once, facts exact row by row, departments once"
                                   if not bad else "FAILED"))
            for p in s["problems"] + s["writer_failures"]:
                print(f"    {p}")
            if s["crashed_processes"]:
                print(f"    processes exited with {s['crashed_processes']}")
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
    if len(results) >= 2:
        one = results[0]
        for many in results[1:]:
            print(f"{'' if many is not results[1] else chr(10)}speed-up {many['writers']} writers"
                  f"{' (locked)' if many['locked'] else ''} vs 1: {many['landings_per_s'] / one['landings_per_s']:.2f}× "
                  f"({one['landings_per_s']} → {many['landings_per_s']} documents/s)")
    if args.json:
        Path(args.json).write_text(json.dumps({"duckdb": duckdb.__version__, "native": native, "phases": results}, indent=2,
                                              ensure_ascii=False, default=str), encoding="utf-8")
    print("result: " + ("FAILED" if failed else "ok"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
