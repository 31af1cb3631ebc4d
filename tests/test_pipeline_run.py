"""The Dagster job end to end on real documents: the seed lands with its checks passing, a bad
document next to it is quarantined with its reason, and the run order does not matter."""

from __future__ import annotations

from decimal import Decimal

import dagster as dg
import pytest

import expectations

from assets.ingestion import assets as ingestion
from assets.ingestion.resources import RawFolder, WarehouseResource
from pipelines import warehouse

ASSETS = [ingestion.raw_document, ingestion.parsed_disclosure, ingestion.validated_disclosure,
          ingestion.warehouse_tables]


@pytest.fixture()
def ingest(raw_dir, tmp_path):
    database = tmp_path / "w.duckdb"
    resources = {"raw_folder": RawFolder(path=str(raw_dir)),
                 "duckdb": WarehouseResource(database=str(database))}
    with dg.instance_for_test() as instance:
        def run(key: str) -> dg.ExecuteInProcessResult:
            instance.add_dynamic_partitions("documents", [key])
            return dg.materialize(ASSETS, partition_key=key, instance=instance,
                                  resources=resources, raise_on_error=False)
        yield run, database


def test_bad_document_is_quarantined_and_the_seed_still_lands(ingest, raw_dir, seed_path):
    run, database = ingest
    (raw_dir / "报告 2024.txt").write_text("这不是决算公开。\n", encoding="utf-8")

    bad = run("报告 2024.txt")
    assert not bad.success
    failure = bad.get_step_failure_events()[0].step_failure_data.user_failure_data
    assert failure.metadata["quarantined"].value is True
    assert "报告 2024.txt" in failure.description and "not a final-accounts" in failure.description

    good = run(seed_path.name)
    assert good.success
    checks = {e.check_name: e.passed for e in good.get_asset_check_evaluations()}
    assert checks == {name: True for name in expectations.SUITE_NAMES}
    statuses = {m.materialization.metadata["status"].value
                for m in good.get_asset_materialization_events()
                if m.asset_key.path[0] == "warehouse"}
    assert statuses == {"current"}

    conn = warehouse.connect(database, read_only=True)
    try:
        docs = dict(conn.execute("SELECT file_name, status FROM v_documents").fetchall())
        assert docs == {"报告 2024.txt": "failed", seed_path.name: "current"}
        assert conn.execute("SELECT amount_wan FROM v_expenditure WHERE fund_scope = '全部资金' "
                            "AND subject_level = '合计' AND expenditure_type = '本年支出合计'"
                            ).fetchone()[0] == Decimal("1535.14")
    finally:
        conn.close()

    again = run(seed_path.name)  # the same bytes again: nothing changes
    assert {m.materialization.metadata["status"].value for m in again.get_asset_materialization_events()
            if m.asset_key.path[0] == "warehouse"} == {"unchanged"}

