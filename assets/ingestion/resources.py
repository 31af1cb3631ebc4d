"""Resources: where raw documents are read from and the warehouse they are loaded into."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import dagster as dg
import duckdb
from dagster_duckdb import DuckDBResource

from pipelines import settings, warehouse
from pipelines.raw import inside, list_raw
from pipelines.settings import lock_wait
from pipelines.warehouse.connection import WarehouseBusy
from pipelines.sources import load_sources

REPO = Path(__file__).resolve().parents[2]
BUSY_RETRIES = 2  # a held warehouse file: the step is tried this many more times, lock_wait()/4 apart


class WarehouseResource(DuckDBResource):
    """dagster-duckdb's resource, but connections come from the core's `warehouse.connect`, which
    creates or migrates the schema; nothing in the Dagster layer issues DDL."""

    @contextmanager
    def get_connection(self, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        """Writers are serialized by the "duckdb_warehouse" pool (and `connect` waits for the
        file lock); each successful write publishes the snapshot that readers use. A file
        another process holds through the whole wait retries the step later (only that: a
        real error fails it at once)."""
        try:
            if read_only:
                conn = warehouse.reader(self.database)
                try:
                    yield conn
                finally:
                    conn.close()
            else:
                with warehouse.writer(self.database) as conn:
                    yield conn
        except WarehouseBusy as error:
            raise dg.RetryRequested(max_retries=BUSY_RETRIES, seconds_to_wait=lock_wait() / 4) from error


class RawFolder(dg.ConfigurableResource):
    """The folders of raw documents (sources.toml): raw/ first, then any others. A partition key
    is a path relative to raw/, or "<folder name>/<path>" for a file in another folder."""

    path: str
    extra_folders: list[str] = []

    @property
    def root(self) -> Path:
        return Path(self.path)

    def folders(self) -> dict[str, Path]:
        """Key prefix -> folder."""
        return {"": self.root, **{f"{Path(f).name}/": Path(f) for f in self.extra_folders}}

    def documents(self) -> dict[str, Path]:
        """Partition key -> file, for every candidate document (the core decides what is one)."""
        found: dict[str, Path] = {}
        for prefix, folder in self.folders().items():
            if folder.is_dir():
                found.update({prefix + partition_key(p.relative_to(folder)): p for p in list_raw(folder)})
        return found

    def folder_of(self, key: str) -> tuple[str, Path]:
        """(key prefix, folder) of a partition key."""
        return max(((p, f) for p, f in self.folders().items() if key.startswith(p)),
                   key=lambda pf: len(pf[0]))

    def file(self, key: str) -> Path:
        """The partition's file; a key that leads outside its folder ("../x") is refused."""
        prefix, folder = self.folder_of(key)
        path = folder / key[len(prefix):]
        if not path.exists():  # a name that is not UTF-8 has an escaped key
            path = next((p for p in list_raw(folder) if partition_key(p.relative_to(folder)) == key[len(prefix):]),
                        path)
        if not inside(path, folder.resolve()):
            raise dg.Failure(f"{key}: outside the raw folder {folder}; not read")
        return path


def partition_key(relative: Path) -> str:
    """A file's key: its path in the folder; bytes of a name that are not UTF-8 escaped
    (\\xff), since Dagster stores keys as text."""
    return os.fsencode(relative.as_posix()).decode("utf-8", "backslashreplace")


def raw_folder() -> RawFolder:
    """The configured folders: raw/ and those sources.toml adds, including the download folder
    when it lies outside raw/ (by default it is raw/downloads)."""
    sources = load_sources()
    root = sources.folders[0]
    extra = [f for f in sources.folders[1:]]
    if not inside(sources.download_dir, root):
        extra.append(sources.download_dir)
    return RawFolder(path=str(root), extra_folders=[str(f) for f in extra])


def warehouse_db() -> WarehouseResource:
    return WarehouseResource(database=str(settings.warehouse_path()))
