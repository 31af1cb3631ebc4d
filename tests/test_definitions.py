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
    raw, parsed, validated, published = (dg.AssetKey(k) for k in
                                         ("raw_document", "parsed_disclosure", "validated_disclosure",
                                          "published_disclosure"))
    downloads = dg.AssetKey("downloaded_documents")
    assert set(graph.get_all_asset_keys()) == {raw, parsed, validated, *tables, published, downloads}
    assert graph.get(raw).parent_keys == set()
    assert graph.get(parsed).parent_keys == {raw}
    assert graph.get(validated).parent_keys == {parsed}
    for table in tables:
        assert graph.get(table).parent_keys == {parsed, validated}
    # publication (what analysts see) comes after the load and its blocking checks
    assert graph.get(published).parent_keys == {parsed, *tables}
    for key in graph.get_all_asset_keys() - {downloads}:
        assert graph.get(key).partitions_def == dg.DynamicPartitionsDefinition(name="documents")
    assert graph.get(downloads).partitions_def is None  # one pull of every URL


def test_one_check_per_suite_on_the_landed_document(layer):
    """Checks are reported by the load, on warehouse/dim_document; the extraction suite is
    blocking (a failure skips the publication); the source suites report the document's own
    findings, which land with it."""
    graph = layer.defs.resolve_asset_graph()
    document = dg.AssetKey(["warehouse", "dim_document"])
    names = layer.assets.expectations.SUITE_NAMES
    assert set(graph.asset_check_keys) == {dg.AssetCheckKey(document, n) for n in names}
    blocking = {key.name: graph.get_check_spec(key).blocking for key in graph.asset_check_keys}
    assert blocking == {"document_completeness": True, "non_negative_amounts": False, "balanced_totals": False,
                        "cross_table_totals": False, "performance_self_evaluation": False,
                        "narrative_consistency": False}


def test_warehouse_writes_share_one_pool(layer):
    """The load, one step for all tables, is the pool's only member; reading, parsing and
    validating run in parallel (a quarantine record waits for DuckDB's lock instead)."""
    defs, tables = layer.defs, layer.assets.warehouse.TABLES
    writer = defs.resolve_assets_def(dg.AssetKey(["warehouse", tables[0]]))
    assert writer.keys == {dg.AssetKey(["warehouse", t]) for t in tables}
    pools = {k: defs.resolve_assets_def(k).op.pool for k in
             ("raw_document", "parsed_disclosure", "validated_disclosure")}
    assert writer.op.pool == "duckdb_warehouse"
    assert defs.resolve_assets_def("published_disclosure").op.pool == "duckdb_warehouse"
    assert set(pools.values()) == {None}


def test_job_sensor_schedule(layer):
    defs = layer.defs
    job = defs.resolve_job_def("ingest_documents")
    assert job.partitions_def == dg.DynamicPartitionsDefinition(name="documents")
    assert set(job.asset_layer.executable_asset_keys) == set(
        defs.resolve_asset_graph().get_all_asset_keys()
    ) - {dg.AssetKey("downloaded_documents")}
    pull = defs.resolve_schedule_def("hourly_pull")
    assert pull.job_name == "pull_sources"
    sensor = defs.resolve_sensor_def("raw_folder_sensor")
    assert sensor.job_name == "ingest_documents"
    schedule = defs.resolve_schedule_def("daily_rescan")
    assert (schedule.job_name, schedule.cron_schedule, schedule.execution_timezone) == (
        "ingest_documents", "0 6 * * *", "Asia/Shanghai")
    assert {"raw_folder", "duckdb"} <= set(defs.resources)


def land(database, path, root):
    """Load a document into the warehouse the way the writer asset does."""
    from pipelines import warehouse
    from pipelines.parsing.document import parse_document
    from pipelines.raw import read_raw

    with warehouse.writer(database) as conn:
        warehouse.load_disclosure(conn, parse_document(read_raw(path, root)), None)


@pytest.fixture()
def wired(layer, raw_dir, tmp_path):
    """(warehouse file, the resources the sensor and schedule get, a test instance)."""
    from assets.ingestion.resources import WarehouseResource

    database = tmp_path / "w.duckdb"
    resources = {"raw_folder": layer.RawFolder(path=str(raw_dir)),
                 "duckdb": WarehouseResource(database=str(database))}
    with dg.instance_for_test() as instance:
        yield database, resources, instance


def test_sensor_requests_what_the_warehouse_lacks(layer, wired, raw_dir, seed_path):
    database, resources, instance = wired

    def tick():
        context = dg.build_sensor_context(instance=instance, resources=resources)
        result = layer.sensor(context)
        for request in result.dynamic_partitions_requests:  # as the daemon would
            instance.add_dynamic_partitions(request.partitions_def_name, request.partition_keys)
        return result

    first = tick()
    assert [r.partition_key for r in first.run_requests] == [seed_path.name]
    assert first.run_requests[0].run_key.endswith("@new")
    assert instance.get_dynamic_partitions("documents") == [seed_path.name]

    land(database, raw_dir / seed_path.name, raw_dir)
    assert tick().run_requests == []  # landed: nothing to do, nothing parsed

    database.unlink()  # a deleted warehouse is rebuilt from the files
    again = tick()
    assert [r.partition_key for r in again.run_requests] == [seed_path.name]
    land(database, raw_dir / seed_path.name, raw_dir)
    assert tick().run_requests == []

    changed = raw_dir / seed_path.name
    changed.write_bytes(changed.read_bytes() + b"\n")
    request, = tick().run_requests
    assert request.partition_key == seed_path.name and request.run_key != first.run_requests[0].run_key


def test_a_document_refused_by_older_rules_is_requested_again(layer, wired, raw_dir, seed_path):
    """Re-processing follows the code: a refusal recorded by other parsers or rules (an old
    bug) is no answer for the current ones; one recorded by the current ones is."""
    from pipelines import PARSER_VERSION, warehouse
    from pipelines.raw import read_raw

    database, resources, instance = wired
    raw = read_raw(raw_dir / seed_path.name, raw_dir)
    with warehouse.writer(database) as conn:
        warehouse.record_failure(conn, raw, "refused by an old bug", parser="juesuan-parser/000000000000")
    context = dg.build_sensor_context(instance=instance, resources=resources)
    assert [r.partition_key for r in layer.sensor(context).run_requests] == [seed_path.name]
    with warehouse.writer(database) as conn:
        warehouse.record_failure(conn, raw, "refused by these rules", parser=PARSER_VERSION)
    context = dg.build_sensor_context(instance=instance, resources=resources)
    assert layer.sensor(context).run_requests == []


def test_schedule_requests_exactly_what_the_sensor_would(layer, wired, raw_dir, seed_path):
    database, resources, instance = wired

    def evaluate():
        context = dg.build_schedule_context(
            instance=instance, scheduled_execution_time=datetime(2025, 7, 1, 6, 0),
            resources=resources)
        return layer.schedule(context)

    requests = evaluate()
    sensor = layer.sensor(dg.build_sensor_context(instance=instance, resources=resources))
    assert [r.run_key for r in requests] == [r.run_key for r in sensor.run_requests]
    assert instance.get_dynamic_partitions("documents") == [seed_path.name]
    land(database, raw_dir / seed_path.name, raw_dir)
    assert isinstance(evaluate(), dg.SkipReason)
