"""Any DuckDB client opens the warehouse: the DuckDB CLI the package registries offer (1.5,
pinned in the lock as duckdb-cli) reads the file a run writes, its views and its dictionary."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pandas

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
        assert total == f"{expected:f}" and total == "1535.13"  # no trailing zeros: 万元 at 2 decimals
        assert "—" in comment  # the dictionary: Chinese — English


def test_wan_columns_widen_for_a_finer_amount_and_never_round(tmp_path, seed_disclosure):
    """The seed prints 万元 at 2 decimals, so its 万元 columns carry 2; a figure in 元 with fen
    (one seed cell plus 0.01 元) widens that view's column to 6, exact, and only that view's."""
    path = tmp_path / "w.duckdb"
    with warehouse.writer(path) as conn:
        warehouse.load_disclosure(conn, seed_disclosure, expectations.validate(seed_disclosure))
    types = ("SELECT table_name, data_type FROM duckdb_columns() WHERE column_name = 'amount_wan' "
             "AND starts_with(table_name, 'v_')")  # the analyst views; internal ones stay at 6
    with warehouse.reader(path) as conn:
        assert {t for _, t in conn.execute(types).fetchall()} == {"DECIMAL(21,2)"}
        before = conn.execute("SELECT sum(amount_wan) FROM v_expenditure").fetchone()[0]
    with warehouse.writer(path) as conn:
        conn.execute("""UPDATE fact_expenditure SET amount_yuan = amount_yuan + 0.01
                        WHERE (document_sha256, source_table, source_row, expenditure_type) IN
                              (SELECT (document_sha256, source_table, source_row, expenditure_type)
                               FROM v_expenditure LIMIT 1)""")
    with warehouse.reader(path) as conn:
        widened = dict(conn.execute(types).fetchall())
        after = conn.execute("SELECT sum(amount_wan) FROM v_expenditure").fetchone()[0]
        result = conn.execute("SELECT amount_wan FROM v_expenditure")
        frame = pandas.DataFrame(result.fetchall(), columns=[d[0] for d in result.description])
    assert widened["v_expenditure"] == "DECIMAL(25,6)" and widened["v_income"] == "DECIMAL(21,2)"
    assert after - before == Decimal("0.000001")
    assert frame["amount_wan"].sum() == after  # the README's exact route for pandas users


def test_views_are_remade_only_when_an_amount_needs_finer_decimals(tmp_path, seed_disclosure):
    """Re-making the views costs more than a load, so it happens when the definitions change
    or an amount needs more 万元 decimals than they carry, not on every connection or load:
    a view's comment edited by hand shows which writes re-made it."""
    from pipelines.warehouse import connection

    path = tmp_path / "w.duckdb"
    comment = "SELECT comment FROM duckdb_views() WHERE view_name = 'v_income'"
    with warehouse.writer(path) as conn:
        conn.execute("COMMENT ON VIEW v_income IS 'edited by hand'")
    with warehouse.writer(path) as conn:  # reconnecting: the same definitions, nothing re-made
        assert conn.execute(comment).fetchone()[0] == "edited by hand"
        assert conn.execute("SELECT views_sha256 FROM warehouse_meta").fetchone()[0] == connection._view_definitions()[0]
        warehouse.load_disclosure(conn, seed_disclosure, expectations.validate(seed_disclosure))
        assert conn.execute(comment).fetchone()[0] == "edited by hand"  # 万元 at 2 decimals fit
    with warehouse.writer(path) as conn:  # one amount with fen: the views are re-made, wider
        conn.execute("""UPDATE fact_income SET amount_yuan = amount_yuan + 0.01
                        WHERE source_row = 1 AND income_source = '本年收入合计'""")
    with warehouse.reader(path) as conn:
        assert conn.execute(comment).fetchone()[0] != "edited by hand"
        assert conn.execute("""SELECT data_type FROM duckdb_columns()
                               WHERE table_name = 'v_income_total' AND column_name = 'amount_wan'"""
                            ).fetchone()[0].endswith(",6)")
