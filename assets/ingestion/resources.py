"""Resources: where raw documents are read from and the warehouse they are loaded into."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import dagster as dg
import duckdb
from dagster_duckdb import DuckDBResource

from pipelines import warehouse
from pipelines.raw import inside, list_raw

REPO = Path(__file__).resolve().parents[2]


class WarehouseResource(DuckDBResource):
    """dagster-duckdb's resource, but connections come from the core's `warehouse.connect`, which
    creates or migrates the schema; nothing in the Dagster layer issues DDL."""

    @contextmanager
    def get_connection(self, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        # Writers are serialized by the "duckdb_warehouse" pool (and `connect` waits for the
        # file lock); each successful write publishes the snapshot that readers use.
        if read_only:
            conn = warehouse.reader(self.database)
            try:
                yield conn
            finally:
                conn.close()
        else:
            with warehouse.writer(self.database) as conn:
                yield conn


class RawFolder(dg.ConfigurableResource):
    """The folder of raw documents; partition keys are paths relative to it."""

    path: str

    @property
    def root(self) -> Path:
        return Path(self.path)

    def documents(self) -> dict[str, Path]:
        """Partition key -> file, for every candidate document (the core decides what is one)."""
        return {p.relative_to(self.root).as_posix(): p for p in list_raw(self.root)}

    def file(self, key: str) -> Path:
        """The partition's file; a key that leads outside the folder ("../x") is refused."""
        path = self.root / key
        if not inside(path, self.root.resolve()):
            raise dg.Failure(f"{key}: outside the raw folder {self.root}; not read")
        return path


def raw_folder() -> RawFolder:
    return RawFolder(path=os.environ.get("JUESUAN_RAW", str(REPO / "raw")))


def warehouse_db() -> WarehouseResource:
    return WarehouseResource(database=str(warehouse.default_path()))
