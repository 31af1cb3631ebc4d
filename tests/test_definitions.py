"""The Dagster layer's wiring, and the raw-folder sensor. Loads the Definitions only; no run."""

from __future__ import annotations

import types
from datetime import datetime

import dagster as dg
import pytest

@pytest.fixture(scope="module")
def layer():
    from assets.definitions import defs
    import assets.ingestion.assets as ingestion
    from assets.ingestion.resources import RawFolder
    from assets.ingestion.schedules import daily_rescan
    from assets.ingestion.sensors import raw_folder_sensor

    return types.SimpleNamespace(defs=defs, assets=ingestion, RawFolder=RawFolder,
                                 sensor=raw_folder_sensor, schedule=daily_rescan)


def test_asset_graph(layer):
    graph = layer.defs.resolve_asset_graph()
    tables = [dg.AssetKey(["warehouse", t]) for t in layer.assets.warehouse.TABLES]
    raw, parsed, validated = (dg.AssetKey(k) for k in
                              ("raw_document", "parsed_disclosure", "validated_disclosure"))
    assert set(graph.get_all_asset_keys()) == {raw, parsed, validated, *tables}
    assert graph.get(raw).parent_keys == set()
    assert graph.get(parsed).parent_keys == {raw}
    assert graph.get(validated).parent_keys == {parsed}
    for table in tables:
        assert graph.get(table).parent_keys == {parsed, validated}
    for key in graph.get_all_asset_keys():
        assert graph.get(key).partitions_def == dg.DynamicPartitionsDefinition(name="documents")


def test_one_check_per_suite(layer):
    graph = layer.defs.resolve_asset_graph()
    validated = dg.AssetKey("validated_disclosure")
    names = layer.assets.expectations.SUITE_NAMES
    assert set(graph.asset_check_keys) == {dg.AssetCheckKey(validated, n) for n in names}


def test_warehouse_writes_share_one_pool(layer):
    """The load, one step for all tables, is the pool's only member; reading, parsing and
    validating run in parallel (a quarantine record waits for DuckDB's lock instead)."""
    defs, tables = layer.defs, layer.assets.warehouse.TABLES
    writer = defs.resolve_assets_def(dg.AssetKey(["warehouse", tables[0]]))
    assert writer.keys == {dg.AssetKey(["warehouse", t]) for t in tables}
    pools = {k: defs.resolve_assets_def(k).op.pool for k in
             ("raw_document", "parsed_disclosure", "validated_disclosure")}
    assert writer.op.pool == "duckdb_warehouse"
    assert set(pools.values()) == {None}


def test_job_sensor_schedule(layer):
    defs = layer.defs
    job = defs.resolve_job_def("ingest_documents")
    assert job.partitions_def == dg.DynamicPartitionsDefinition(name="documents")
    assert set(job.asset_layer.executable_asset_keys) == set(
        defs.resolve_asset_graph().get_all_asset_keys()
    )
    sensor = defs.resolve_sensor_def("raw_folder_sensor")
    assert sensor.job_name == "ingest_documents"
    schedule = defs.resolve_schedule_def("daily_rescan")
    assert (schedule.job_name, schedule.cron_schedule, schedule.execution_timezone) == (
        "ingest_documents", "0 6 * * *", "Asia/Shanghai")
    assert {"raw_folder", "duckdb"} <= set(defs.resources)


def test_sensor_requests_new_and_changed_files_once(layer, tmp_path):
    raw = tmp_path / "raw"
    (raw / "sub").mkdir(parents=True)
    doc = raw / "sub" / "a.txt"
    doc.write_bytes(b"first")
    resources = {"raw_folder": layer.RawFolder(path=str(raw))}

    with dg.instance_for_test() as instance:
        def tick(cursor):
            context = dg.build_sensor_context(instance=instance, cursor=cursor, resources=resources)
            result = layer.sensor(context)
            for request in result.dynamic_partitions_requests:  # as the daemon would
                instance.add_dynamic_partitions(request.partitions_def_name, request.partition_keys)
            return result

        first = tick(None)
        assert [r.partition_key for r in first.run_requests] == ["sub/a.txt"]
        assert first.run_requests[0].run_key.startswith("sub/a.txt@")
        added = [list(r.partition_keys) for r in first.dynamic_partitions_requests]
        assert added == [["sub/a.txt"]]
        assert instance.get_dynamic_partitions("documents") == ["sub/a.txt"]

        again = tick(first.cursor)
        assert again.run_requests == [] and again.dynamic_partitions_requests == []

        doc.write_bytes(b"second")
        changed = tick(again.cursor)
        assert [r.partition_key for r in changed.run_requests] == ["sub/a.txt"]
        assert changed.run_requests[0].run_key != first.run_requests[0].run_key
        assert changed.dynamic_partitions_requests == []  # the partition already exists


def test_schedule_registers_and_requests_every_document(layer, tmp_path):
    (tmp_path / "a.txt").write_bytes(b"a")
    (tmp_path / "b.pdf").write_bytes(b"b")
    with dg.instance_for_test() as instance:
        context = dg.build_schedule_context(
            instance=instance, scheduled_execution_time=datetime(2025, 7, 1, 6, 0),
            resources={"raw_folder": layer.RawFolder(path=str(tmp_path))},
        )
        requests = layer.schedule(context)
        assert [(r.partition_key, r.run_key) for r in requests] == [
            ("a.txt", "2025-07-01:a.txt"), ("b.pdf", "2025-07-01:b.pdf")]
        assert instance.get_dynamic_partitions("documents") == ["a.txt", "b.pdf"]
