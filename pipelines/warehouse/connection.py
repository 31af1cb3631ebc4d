"""Opening the warehouse: schema creation, views, static dimensions, lock waits."""

from __future__ import annotations

import csv
import hashlib
import os
import re
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from pipelines.parsing.templates import BY_ID, THREE_PUBLIC_OUTSIDE_TOTAL
from pipelines.settings import ROOT, lock_wait, warehouse_path
from pipelines.warehouse.scales import carried_wan_scale, narrow_wan_columns, needed_wan_scale

SQL_DIR = ROOT / "warehouse"
# The file format every client can read: the DuckDB CLI the package registries offer is 1.5
# (`pip install duckdb-cli`), and DuckDB 2.0's own format is unreadable to it. Set when the file
# is created; a warehouse created before this was set is rebuilt by `make clean && make run`.
STORAGE_COMPATIBILITY = "v1.5.0"


class WarehouseBusy(duckdb.IOException):
    """Another process (an analyst's DuckDB CLI, a notebook) held the warehouse file for the
    whole wait: nothing is wrong with the pipeline or the data; that process must let go."""

    def __init__(self, path: Path, waited: float, error: duckdb.IOException):
        held = re.search(r"held in (.+?) \(PID (\d+)\)", str(error))
        self.path, self.waited = path, waited
        self.pid = int(held.group(2)) if held else None
        holder = f"{held.group(1)} (PID {self.pid})" if held else "another process"
        super().__init__(f"the warehouse {path} is held by {holder} (waited {waited:g}s): close "
                         f"that connection (readers can use {snapshot_path(path).name} instead) "
                         "and run again")


def connect(path: str | Path | None = None, read_only: bool = False,
            wait: float | None = None) -> duckdb.DuckDBPyConnection:
    """Open the warehouse (creating the schema on a writable one). DuckDB lets one process
    hold the file; while another holds it we retry until `wait` seconds (default `lock_wait()`)
    have passed, then raise WarehouseBusy."""
    path = Path(path or warehouse_path())
    wait = lock_wait() if wait is None else wait
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or _empty_leftover(path):
            _create(path)
    deadline = time.monotonic() + wait
    delay = 0.05
    while True:
        try:
            conn = duckdb.connect(str(path), read_only=read_only)
            break
        except duckdb.IOException as error:
            if "lock" not in str(error).lower():
                raise
            if time.monotonic() >= deadline:
                raise WarehouseBusy(path, wait, error) from None
            time.sleep(min(delay, max(deadline - time.monotonic(), 0.01)))
            delay = min(delay * 2, 2.0)
    if not read_only:
        ensure_schema(conn)
    return conn


def _empty_leftover(path: Path) -> bool:
    """A 0-byte file where the warehouse should be (an old crash or full disk while DuckDB
    created it): it holds nothing, and DuckDB would refuse it forever."""
    return path.stat().st_size == 0 and not path.with_name(path.name + ".wal").exists()


def _create(path: Path) -> None:
    """A new warehouse appears whole or not at all: it is made beside its place, then linked
    into it (a link fails if another process got there first; then that one is used). A full
    disk leaves no file behind that would later be taken for a warehouse."""
    temporary = path.with_name(f".{path.name}.creating-{os.getpid()}")
    temporary.unlink(missing_ok=True)
    try:
        conn = duckdb.connect(str(temporary), config={"storage_compatibility_version": STORAGE_COMPATIBILITY})
        try:
            ensure_schema(conn)
            conn.execute("CHECKPOINT")
        finally:
            conn.close()
        if path.exists() and _empty_leftover(path):
            path.unlink()
        try:
            os.link(temporary, path)
        except FileExistsError:
            pass
    finally:
        temporary.unlink(missing_ok=True)
        temporary.with_name(temporary.name + ".wal").unlink(missing_ok=True)


def snapshot_path(path: str | Path | None = None) -> Path:
    path = Path(path or warehouse_path())
    return path.with_name(f"{path.stem}.snapshot{path.suffix}")


@contextmanager
def writer(path: str | Path | None = None, publish: bool = True) -> Iterator[duckdb.DuckDBPyConnection]:
    """A writing connection that, when its work succeeded, fits the views to what it wrote (a
    fix by hand may land anything) and publishes a read snapshot; a batch writes with
    publish=False, fits the views in each of its transactions and publishes once at its end
    (`publish_snapshot`)."""
    path = Path(path or warehouse_path())
    conn = connect(path)
    try:
        yield conn
        if publish:
            fit_views(conn, in_transaction=False)
            _publish(conn, path)
    finally:
        conn.close()


def publish_snapshot(path: str | Path | None = None) -> None:
    """Publish the read snapshot of the warehouse as it is now (after a batch's writes)."""
    path = Path(path or warehouse_path())
    conn = connect(path)
    try:
        _publish(conn, path)
    finally:
        conn.close()


def _publish(conn: duckdb.DuckDBPyConnection, path: Path) -> None:
    """DuckDB refuses even a read-only connection while a writer holds the file, so readers
    (analysts, the sensor) read a copy, taken while this connection still holds the lock and
    right after a CHECKPOINT, so the copy is consistent. The copy is the whole file: its cost
    grows with the warehouse, so a run makes it once, not once per document."""
    conn.execute("CHECKPOINT")
    snapshot = snapshot_path(path)
    partial = snapshot.with_name(f".{snapshot.name}.partial")
    shutil.copyfile(path, partial)
    os.replace(partial, snapshot)  # readers see the old or the new snapshot, never half


def reader(path: str | Path | None = None, wait: float | None = None) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the latest published snapshot (or, before the first one, to
    the warehouse itself). It cannot change the warehouse and works while a run writes; it
    shows the warehouse as of the last completed write."""
    path = Path(path or warehouse_path())
    snapshot = snapshot_path(path)
    if path.exists() and snapshot.exists():
        return duckdb.connect(str(snapshot), read_only=True)
    if not path.exists():
        raise FileNotFoundError(f"no warehouse at {path}: run `make run` first")
    return connect(path, read_only=True, wait=wait)


def ensure_schema(conn: duckdb.DuckDBPyConnection) -> None:
    conn.execute((SQL_DIR / "schema.sql").read_text(encoding="utf-8"))
    conn.execute("""INSERT INTO warehouse_meta (warehouse_id, created_at) SELECT uuid()::VARCHAR, now()::TIMESTAMP
                    WHERE NOT EXISTS (SELECT 1 FROM warehouse_meta)""")
    _static_dimensions(conn)
    _department_aliases(conn)
    if conn.execute("SELECT views_sha256 FROM warehouse_meta").fetchone()[0] != _view_definitions()[0]:
        refresh_views(conn)  # made by other code: the views as this code states them


def _view_definitions() -> tuple[str, str, str]:
    """(sha256 of both, views.sql, comments.sql)."""
    views, comments = ((SQL_DIR / name).read_text(encoding="utf-8") for name in ("views.sql", "comments.sql"))
    return hashlib.sha256(f"{views}\0{comments}".encode()).hexdigest(), views, comments


def fit_views(conn: duckdb.DuckDBPyConnection, needed: int | None = None, in_transaction: bool = True) -> None:
    """After documents became visible, whose amounts need `needed` 万元 decimals (without it,
    after any write: every current document's, a scan): re-type the views if that is more than
    the narrowest view column carries (a 元 document with fen among 万元 ones), else leave
    them: a refresh costs more than a load. A view left wider than it needs (its finest
    document superseded) stays exact."""
    if (needed_wan_scale(conn) if needed is None else needed) > carried_wan_scale(conn):
        refresh_views(conn, in_transaction=in_transaction)


def refresh_views(conn: duckdb.DuckDBPyConnection, in_transaction: bool = False) -> None:
    """The views as views.sql states them, their 万元 columns at the decimals the landed amounts
    need, and the dictionary (after the views: re-creating a view drops its comments), in one
    transaction: the caller's (a load's, so the views always fit what it landed) or its own."""
    digest, views, comments = _view_definitions()
    if not in_transaction:
        conn.execute("BEGIN TRANSACTION")
    try:
        conn.execute(views)
        narrow_wan_columns(conn)
        conn.execute(comments)
        conn.execute("UPDATE warehouse_meta SET views_sha256 = ?", [digest])
    except BaseException:
        if not in_transaction:
            conn.execute("ROLLBACK")
        raise
    if not in_transaction:
        conn.execute("COMMIT")


def _department_aliases(conn: duckdb.DuckDBPyConnection) -> None:
    with open(SQL_DIR / "department_aliases.csv", encoding="utf-8", newline="") as f:
        aliases = [(r["alias"].strip(), r["conformed"].strip()) for r in csv.DictReader(f) if r["alias"].strip()]
    conn.execute("DELETE FROM dim_department_alias")
    if aliases:
        conn.executemany("INSERT INTO dim_department_alias VALUES (?, ?)", aliases)


def _static_dimensions(conn: duckdb.DuckDBPyConnection) -> None:
    """Income sources, expenditure types and 三公 items are the templates' own column labels
    (公开09's first, 合计, is its total)."""
    sources: list[str] = []
    for table_id in ("公开02", "预算02"):
        sources += [c.name for c in BY_ID[table_id].columns if c.name not in sources]
    conn.executemany(
        "INSERT OR IGNORE INTO dim_income_source VALUES (?, ?, ?)",
        [(name, n, n == 0) for n, name in enumerate(sources)],
    )
    types: list[str] = []
    for table_id in ("公开03", "公开07"):
        types += [c.name for c in BY_ID[table_id].columns if c.name not in types]
    not_spending = {"年初结转和结余", "本年收入", "年末结转和结余"}
    conn.executemany(
        "INSERT OR IGNORE INTO dim_expenditure_type VALUES (?, ?, ?, ?)",
        [(name, n, name == "本年支出合计", name not in not_spending) for n, name in enumerate(types)],
    )
    items = BY_ID["公开09"].columns + tuple(  # an item's "parent/leaf" alias names the 小计 it is part of
        c for c in BY_ID["预算09"].columns if c.name not in {i.name for i in BY_ID["公开09"].columns})
    names = {c.name for c in items}
    conn.executemany(
        "INSERT OR IGNORE INTO dim_three_public_item VALUES (?, ?, ?, ?, ?)",
        [(c.name, n, next((a.split("/")[0] for a in c.aliases if "/" in a and a.split("/")[0] in names - {c.name}),
                          None), n == 0, c.name not in THREE_PUBLIC_OUTSIDE_TOTAL) for n, c in enumerate(items)],
    )
