"""Shared fixtures: the seed document and a warehouse with the seed landed in it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("TQDM_DISABLE", "1")

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "raw" / "000_744c7817695ce87c.txt"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_disclosure():
    from pipelines.parsing.document import parse_document
    from pipelines.raw import read_raw

    return parse_document(read_raw(SEED, SEED.parent))


@pytest.fixture(scope="session")
def seed_warehouse(tmp_path_factory, seed_disclosure):
    """A warehouse file with the seed landed through the real path: parse, validate, load."""
    import expectations
    from pipelines import warehouse

    path = tmp_path_factory.mktemp("wh") / "juesuan.duckdb"
    conn = warehouse.connect(path)
    result = warehouse.load_disclosure(conn, seed_disclosure, expectations.validate(seed_disclosure))
    assert result.status == "current"
    yield conn
    conn.close()


@pytest.fixture()
def raw_dir(tmp_path) -> Path:
    """A raw folder holding a copy of the seed."""
    folder = tmp_path / "raw"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    return folder
