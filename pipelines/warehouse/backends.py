"""Where the warehouse lives, behind one interface: a writer (one transaction or many, then
published), a reader (what analysts and the sensor read), and the publication of what the
writers did. `JUESUAN_BACKEND` chooses it; every writer and reader of the project goes
through `backend()`, so the switch is configuration.

- `duckdb` (the default): one DuckDB file. DuckDB admits one writing process per file and no
  reader beside it, so readers read a snapshot copy, published once per run (connection.py).
- `ducklake`: DuckLake (a catalog database plus Parquet files), for many writers and readers
  at once. Not available with the pinned DuckDB: the registries publish its extension only
  for DuckDB 1.5.x (duckdb-extension-ducklake 1.5.5), and DuckDB loads an extension only into
  the version it was built for. What that backend would need, measured with DuckDB 1.5.5, is
  in docs/SCALING.md.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import duckdb

from pipelines import settings
from pipelines.warehouse import connection


class Backend(Protocol):
    def writer(self, publish: bool = True) -> AbstractContextManager[duckdb.DuckDBPyConnection]: ...

    def reader(self, wait: float | None = None) -> duckdb.DuckDBPyConnection: ...

    def publish(self) -> None: ...


class BackendUnavailable(RuntimeError):
    """The configured backend cannot run here; the message says why and what would fix it."""


@dataclass(frozen=True)
class DuckDBFile:
    """The warehouse as one DuckDB file, read through its published snapshot."""

    path: Path

    def writer(self, publish: bool = True) -> AbstractContextManager[duckdb.DuckDBPyConnection]:
        return connection.writer(self.path, publish=publish)

    def reader(self, wait: float | None = None) -> duckdb.DuckDBPyConnection:
        return connection.reader(self.path, wait=wait)

    def publish(self) -> None:
        connection.publish_snapshot(self.path)


@dataclass(frozen=True)
class DuckLake:
    """The warehouse as a DuckLake beside `path` (catalog `<stem>.ducklake.sqlite`, data files in
    `<stem>.ducklake/`). Refused, saying why, while the extension cannot be loaded."""

    path: Path

    def _refuse(self):
        raise BackendUnavailable(f"JUESUAN_BACKEND=ducklake: {ducklake_blocker()}")

    def writer(self, publish: bool = True) -> AbstractContextManager[duckdb.DuckDBPyConnection]:
        self._refuse()

    def reader(self, wait: float | None = None) -> duckdb.DuckDBPyConnection:
        self._refuse()

    def publish(self) -> None:
        self._refuse()


BACKENDS = {"duckdb": DuckDBFile, "ducklake": DuckLake}


def backend(path: str | Path | None = None) -> Backend:
    """The configured backend for the warehouse at `path` (default: JUESUAN_WAREHOUSE)."""
    name = settings.backend()
    if name not in BACKENDS:
        raise BackendUnavailable(f"JUESUAN_BACKEND={name}: not a backend (one of {', '.join(BACKENDS)})")
    return BACKENDS[name](Path(path or settings.warehouse_path()))


def ducklake_blocker() -> str:
    """Why DuckLake cannot be loaded into this DuckDB (asked of DuckDB itself, offline)."""
    conn = duckdb.connect(config={"autoinstall_known_extensions": "false", "autoload_known_extensions": "false"})
    try:
        conn.execute("LOAD ducklake")
        return "the extension loads; the backend itself is not written yet (docs/SCALING.md)"
    except duckdb.Error as error:
        return (f"the ducklake extension cannot be loaded into DuckDB {duckdb.__version__} "
                f"({' '.join(str(error).split())}). The "
                "package registries publish it only for DuckDB 1.5.x (duckdb-extension-ducklake 1.5.5), and an "
                "extension loads only into the DuckDB it was built for; see docs/SCALING.md")
    finally:
        conn.close()


def writer(path: str | Path | None = None, publish: bool = True) -> AbstractContextManager[duckdb.DuckDBPyConnection]:
    """A writing connection of the configured backend; published when it ends (unless not)."""
    return backend(path).writer(publish=publish)


def reader(path: str | Path | None = None, wait: float | None = None) -> duckdb.DuckDBPyConnection:
    """A read-only connection to what readers see."""
    return backend(path).reader(wait=wait)


def publish_snapshot(path: str | Path | None = None) -> None:
    """Publish to readers what the writers did (once per run)."""
    backend(path).publish()


