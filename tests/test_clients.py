"""Any DuckDB client opens the warehouse: the DuckDB CLI the package registries offer (1.5,
pinned in the lock as duckdb-cli) reads the file a run writes, its views and its dictionary."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import expectations
from pipelines import warehouse

CLI = Path(sys.executable).with_name("duckdb")


def test_the_registries_duckdb_cli_reads_the_warehouse(tmp_path, seed_disclosure):
    path = tmp_path / "w.duckdb"
    with warehouse.writer(path) as conn:
        warehouse.load_disclosure(conn, seed_disclosure, expectations.validate(seed_disclosure))
        expected = conn.execute("SELECT sum(amount_wan) FROM v_expenditure").fetchone()[0]
    version = subprocess.run([str(CLI), "--version"], capture_output=True, text=True, check=True).stdout
    assert version.startswith("v1.5"), version
    for target in (path, warehouse.snapshot_path(path)):
        out = subprocess.run([str(CLI), str(target), "-readonly", "-csv", "-noheader", "-c",
                              "SELECT sum(amount_wan) FROM v_expenditure; "
                              "SELECT comment FROM duckdb_views() WHERE view_name = 'v_expenditure'"],
                             capture_output=True, text=True)
        assert out.returncode == 0, out.stderr
        total, comment = out.stdout.strip().split("\n", 1)
        assert total == f"{expected:f}" and "1535.13" in total
        assert "—" in comment  # the dictionary: Chinese — English
