"""The Dagster layer's wiring, and the raw-folder sensor; then what the UI shows of a real run
of the `ingest_documents` job (the one the sensor launches): each table's own description and
columns, materialization metadata, check results (money in 万元), checks never shown failed
where they did not run, and the offline validation pages."""

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
    document = layer.assets.DOCUMENT
    downloads = dg.AssetKey("downloaded_documents")
    assert set(graph.get_all_asset_keys()) == {raw, parsed, validated, *tables, published, downloads}
    assert graph.get(raw).parent_keys == set()
    assert graph.get(parsed).parent_keys == {raw}
    assert graph.get(validated).parent_keys == {parsed}
    assert graph.get(document).parent_keys == {parsed, validated}
    for table in set(tables) - {document}:  # loaded with the document, in the same transaction
        assert graph.get(table).parent_keys == {document}
        assert graph.get(table).partitions_def is None  # one table, one materialization per run
    # publication (what analysts see) comes after the load and its blocking checks
    assert graph.get(published).parent_keys == {parsed, document}
    for key in (raw, parsed, validated, document, published):
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


def test_one_step_ingests_many_documents_in_the_warehouse_pool(layer):
    """Every asset of a document is one step's (parsing on every core inside it), in the pool
    that serialises warehouse writes; a backfill runs many partitions per run."""
    from pipelines import settings

    defs = layer.defs
    step = defs.resolve_assets_def("raw_document")
    assert step.keys == {dg.AssetKey(k) for k in ("raw_document", "parsed_disclosure", "validated_disclosure",
                                                   "published_disclosure")} | {layer.assets.DOCUMENT}
    assert step.op.pool == "duckdb_warehouse"
    policy = step.backfill_policy
    assert policy.policy_type.value == "MULTI_RUN"
    assert policy.max_partitions_per_run == settings.run_size() > 1


def test_job_sensor_schedule(layer):
    defs = layer.defs
    job = defs.resolve_job_def("ingest_documents")
    assert job.partitions_def == dg.DynamicPartitionsDefinition(name="documents")
    assert set(job.asset_layer.executable_asset_keys) == defs.resolve_assets_def("raw_document").keys
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


def covered(request: dg.RunRequest) -> tuple[str, str]:
    """The first and last partition a run request ingests."""
    return request.partition_key_range.start, request.partition_key_range.end


def test_sensor_requests_what_the_warehouse_lacks(layer, wired, raw_dir, seed_path):
    database, resources, instance = wired

    def tick():
        context = dg.build_sensor_context(instance=instance, resources=resources)
        result = layer.sensor(context)
        for request in result.dynamic_partitions_requests:  # as the daemon would
            instance.add_dynamic_partitions(request.partitions_def_name, request.partition_keys)
        return result

    first = tick()
    assert [covered(r) for r in first.run_requests] == [(seed_path.name, seed_path.name)]
    assert first.run_requests[0].run_key.endswith("@new")
    assert instance.get_dynamic_partitions("documents") == [seed_path.name]

    land(database, raw_dir / seed_path.name, raw_dir)
    assert tick().run_requests == []  # landed: nothing to do, nothing parsed

    database.unlink()  # a deleted warehouse is rebuilt from the files
    again = tick()
    assert [covered(r) for r in again.run_requests] == [(seed_path.name, seed_path.name)]
    land(database, raw_dir / seed_path.name, raw_dir)
    assert tick().run_requests == []

    changed = raw_dir / seed_path.name
    changed.write_bytes(changed.read_bytes() + b"\n")
    request, = tick().run_requests
    assert covered(request) == (seed_path.name, seed_path.name) and request.run_key != first.run_requests[0].run_key


def test_the_sensor_batches_new_documents_into_ranges_of_partitions(layer, wired, raw_dir, seed_path,
                                                                     monkeypatch):
    """Many new files are few runs, each a range of at most JUESUAN_RUN_SIZE partitions in
    Dagster's order; a landed document between two new ones is inside a range, not a reason
    for another run."""
    database, resources, instance = wired
    text = (raw_dir / seed_path.name).read_text(encoding="utf-8")
    for n in range(5):
        (raw_dir / f"d{n}.txt").write_text(text.replace("山西省人民政府驻上海办事处", f"测试局{n}"), encoding="utf-8")

    def tick():
        result = layer.sensor(dg.build_sensor_context(instance=instance, resources=resources))
        for request in result.dynamic_partitions_requests:  # as the daemon would
            instance.add_dynamic_partitions(request.partitions_def_name, request.partition_keys)
        return result

    first = tick()
    order = [seed_path.name, "d0.txt", "d1.txt", "d2.txt", "d3.txt", "d4.txt"]
    assert instance.get_dynamic_partitions("documents") == order
    assert [covered(r) for r in first.run_requests] == [(seed_path.name, "d4.txt")]  # one run (1000 a run)
    land(database, raw_dir / "d2.txt", raw_dir)
    monkeypatch.setenv("JUESUAN_RUN_SIZE", "5")
    # d2 is landed: in the first range, left alone there; d4 is the 6th partition, in a run of its own
    assert [covered(r) for r in tick().run_requests] == [(seed_path.name, "d3.txt"), ("d4.txt", "d4.txt")]


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
    assert [covered(r) for r in layer.sensor(context).run_requests] == [(seed_path.name, seed_path.name)]
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


# --- what the UI shows --------------------------------------------------------------------------


def test_each_warehouse_table_has_its_own_description_and_columns(layer, tmp_path):
    """Descriptions differ per table; the column schema is the warehouse's own, as a warehouse
    file's information_schema states it (names, types, nullability, keys), with the data
    dictionary's comments."""
    from pipelines import warehouse

    graph = layer.defs.resolve_asset_graph()
    tables = layer.assets.warehouse.TABLES
    nodes = {t: graph.get(dg.AssetKey(["warehouse", t])) for t in tables}
    descriptions = [n.description for n in nodes.values()]
    assert all(descriptions) and len(set(descriptions)) == len(tables)
    assert "收入决算 (公开02)" in nodes["fact_income"].description
    conn = warehouse.connect(tmp_path / "w.duckdb")
    try:
        for table, node in nodes.items():
            schema = node.metadata["dagster/column_schema"]
            columns = conn.execute("""SELECT column_name, data_type, is_nullable = 'YES', COLUMN_COMMENT
                                      FROM information_schema.columns
                                      WHERE table_name = ? ORDER BY ordinal_position""", [table]).fetchall()
            assert [(c.name, c.type, c.constraints.nullable, c.description) for c in schema.columns] == columns, table
    finally:
        conn.close()
    document = nodes["dim_document"].metadata["dagster/column_schema"]
    assert next(c for c in document.columns if c.name == "document_sha256").constraints.unique
    assert nodes["dim_document_table"].metadata["dagster/column_schema"].constraints.other == [
        "PRIMARY KEY (document_sha256, table_id)"]


def test_the_sensor_is_on_by_default_and_the_schedules_off(layer):
    """The sensor ingests what arrives wherever the daemon runs; the daily rescan is its
    stand-in where it is turned off, the hourly pull reaches the network (README: Dagster UI)."""
    defs = layer.defs
    assert defs.resolve_sensor_def("raw_folder_sensor").default_status == dg.DefaultSensorStatus.RUNNING
    for name in ("daily_rescan", "hourly_pull"):
        assert defs.resolve_schedule_def(name).default_status == dg.DefaultScheduleStatus.STOPPED


@pytest.fixture(scope="module")
def job_runs(layer, tmp_path_factory):
    """The seed and a document the parser refuses, each run by the ingest_documents job on one
    instance, as the sensor would."""
    import shutil

    from assets.ingestion.resources import RawFolder, WarehouseResource
    from tests.conftest import SEED

    root = tmp_path_factory.mktemp("job")
    raw = root / "raw"
    raw.mkdir()
    shutil.copy(SEED, raw / SEED.name)
    (raw / "报告 2024.txt").write_text("这不是决算公开。\n", encoding="utf-8")
    database = root / "w.duckdb"
    resources = {"raw_folder": RawFolder(path=str(raw)), "duckdb": WarehouseResource(database=str(database))}
    job = layer.defs.resolve_job_def("ingest_documents")
    with dg.instance_for_test() as instance:
        instance.add_dynamic_partitions("documents", [SEED.name, "报告 2024.txt"])

        def run(key: str) -> dg.ExecuteInProcessResult:
            return job.execute_in_process(partition_key=key, instance=instance, resources=resources,
                                          raise_on_error=False)

        yield types.SimpleNamespace(run=run, instance=instance, database=database, root=root,
                                    refused=run("报告 2024.txt"), seed=run(SEED.name))


def test_a_suite_of_warnings_passes_showing_its_count_in_wan(layer, job_runs, seed_path):
    """The seed passes every suite; balanced_totals with its 15 rounding warnings, counted, and
    their amounts in 万元 as the views show them."""
    result = job_runs.seed
    assert result.success
    checks = {e.check_name: e for e in result.get_asset_check_evaluations()}
    assert set(checks) == set(layer.assets.expectations.SUITE_NAMES)
    assert all(e.passed for e in checks.values())
    balanced = checks["balanced_totals"]
    assert balanced.metadata["warnings"].value == 15 and balanced.metadata["errors"].value == 0
    assert balanced.description.startswith("passed with 15 warnings: ")
    assert checks["narrative_consistency"].metadata["warnings"].value == 3
    assert checks["document_completeness"].description.startswith("passed: ")
    table = balanced.metadata["failures"].value
    # 公开02 合计 1555.63 万元 over 类 summing to 1555.62: 4 figures, tolerance 0.02 万元 (200 元)
    assert "| 公开02 合计 = Σ 类 | warning | 1555.63 | 1555.62 | -0.01 | 0.02 | 万元 |" in table
    assert "| 元 |" not in table and "15556300" not in table
    # each points at the load it checked, as a planned check's result would: the UI links them
    loaded = job_runs.instance.fetch_materializations(dg.AssetRecordsFilter(
        asset_key=layer.assets.DOCUMENT, asset_partitions=[seed_path.name]), limit=1).records[0]
    for evaluation in checks.values():
        target = evaluation.target_materialization_data
        assert (target.run_id, target.storage_id) == (result.run_id, loaded.storage_id)


def test_materializations_say_department_year_kind_status_and_rows(layer, job_runs, seed_path):
    from pipelines import warehouse

    events = {tuple(e.asset_key.path): e.materialization.metadata
              for e in job_runs.seed.get_asset_materialization_events()}
    tables = layer.assets.warehouse.TABLES
    assert {("warehouse", t) for t in tables} <= set(events)
    conn = warehouse.connect(job_runs.database, read_only=True)
    try:
        sha = conn.execute("SELECT document_sha256 FROM dim_document WHERE file_name = ?", [seed_path.name]).fetchone()[0]
        income = conn.execute("SELECT count(*) FROM fact_income WHERE document_sha256 = ?", [sha]).fetchone()[0]
        income_rows = conn.execute("SELECT count(*) FROM fact_income").fetchone()[0]
    finally:
        conn.close()
    document = events[("warehouse", "dim_document")]
    assert document["department"].value == "山西省人民政府驻上海办事处"
    assert (document["fiscal_year"].value, document["kind"].value, document["status"].value) == (2024, "决算", "validated")
    assert document["document_status"].value == "current" and document["dagster/row_count"].value == 1
    assert document["rows"].value["fact_income"] == income > 0  # this document's rows, per table
    table = events[("warehouse", "fact_income")]  # the table's own, once per run
    assert table["rows_loaded"].value == income and table["dagster/row_count"].value == income_rows
    assert table["documents_landed"].value == 1
    assert events[("published_disclosure",)]["status"].value == "current"


def test_no_check_is_reported_where_its_suite_did_not_run(layer, job_runs, seed_path):
    """A document the parser refused was never checked: no check of it is recorded, so the UI
    shows none failed (the seed's are the only evaluations). Were the checks planned by the job,
    Dagster would resolve those of the failed run as "execution failed", shown as Failed."""
    refused = job_runs.refused  # the run worked: the document failed alone, and says so
    assert refused.success and refused.get_asset_check_evaluations() == []
    [shown] = [e.materialization for e in refused.get_asset_materialization_events()
               if e.asset_key == layer.assets.DOCUMENT]
    assert shown.partition == "报告 2024.txt" and shown.metadata["status"].value == "failed"
    assert "not a final-accounts disclosure" in shown.metadata["reason"].value
    assert "parsed_disclosure" not in {e.asset_key.path[0] for e in refused.get_asset_materialization_events()}
    for result in (job_runs.refused, job_runs.seed):  # the job plans none: the load reports them
        planned = job_runs.instance.all_logs(result.run_id, of_type=dg.DagsterEventType.ASSET_CHECK_EVALUATION_PLANNED)
        assert planned == []
    storage = job_runs.instance.event_log_storage
    for name in layer.assets.expectations.SUITE_NAMES:
        history = storage.get_asset_check_execution_history(dg.AssetCheckKey(layer.assets.DOCUMENT, name), limit=10)
        assert [(r.partition, r.status.value) for r in history] == [(seed_path.name, "SUCCEEDED")], name


def test_a_suite_that_did_not_run_is_not_reported_and_a_blocking_one_stops_publication(
        layer, job_runs, seed_path, monkeypatch, tmp_path):
    """A report without a suite (stored by older rules): that check is not reported at all, never
    failed; without the blocking suite the load step fails, so nothing is published unchecked."""
    import expectations

    validate_many = expectations.validate_many
    monkeypatch.setenv("JUESUAN_DATA_DOCS", str(tmp_path / "data_docs"))  # the seed's pages stay

    def without(*names):
        def partial(disclosures):
            reports = validate_many(disclosures)
            for report in reports:
                report.suites = [s for s in report.suites if s.name not in names]
            return reports
        return partial

    def another_copy(name: str) -> str:  # bytes the warehouse lacks: parsed and validated again
        text = (job_runs.root / "raw" / seed_path.name).read_text(encoding="utf-8")
        (job_runs.root / "raw" / name).write_text(text.replace("2024", name[:4]), encoding="utf-8")
        job_runs.instance.add_dynamic_partitions("documents", [name])
        return name

    monkeypatch.setattr(expectations, "validate_many", without("narrative_consistency"))
    result = job_runs.run(another_copy("2019.txt"))
    assert result.success
    names = [e.check_name for e in result.get_asset_check_evaluations()]
    assert "narrative_consistency" not in names and len(names) == len(expectations.SUITE_NAMES) - 1

    monkeypatch.setattr(expectations, "validate_many", without("document_completeness"))
    result = job_runs.run(another_copy("2018.txt"))
    assert not result.success
    [failure] = result.get_step_failure_events()
    assert failure.step_key == "ingest"
    assert "blocking suites did not run: document_completeness" in failure.step_failure_data.user_failure_data.description
    assert all(e.passed for e in result.get_asset_check_evaluations())
    assert "published_disclosure" not in {e.asset_key.path[0] for e in result.get_asset_materialization_events()}


def test_the_validation_pages_read_offline(layer, job_runs, seed_path):
    """The index and each document's page need no network (no script, no external stylesheet,
    image or link target) and show the seed's checks and outcomes."""
    import re

    from expectations.suites import SUITES

    docs = job_runs.root / "data_docs"
    index = (docs / "index.html").read_text(encoding="utf-8")
    [page] = (docs / "documents").glob("*.html")
    document = page.read_text(encoding="utf-8")
    for text in (index, document):
        assert "<script" not in text and "<link" not in text
        assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", text), re.findall(r"https?://\S+", text)
        assert "<style>" in text
    assert "山西省人民政府驻上海办事处" in index and "passed with 15 warnings" in index
    assert 'href="documents/' in index
    for spec in SUITES:
        assert spec.name in document and all(check.name in document for check in spec.checks), spec.name
    assert "1555.63" in document and "万元" in document and seed_path.name in document


# --- make ui: nothing outlives Ctrl-C or SIGTERM ------------------------------------------------

UI_CHILD = """
import signal, subprocess, sys, time
if sys.argv[1] == "stubborn":  # ignores what a graceful stop sends
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
subprocess.Popen(["sleep", "300"])  # a grandchild: a code server, a run worker
print("ready", flush=True)
time.sleep(300)
"""


def _ui(tmp_path, mode: str):
    """assets.ui running a stand-in for dg dev, started as a background job of a non-interactive
    shell is: with SIGINT ignored, which dg dev would inherit without the wrapper (and then,
    mapping SIGTERM onto it, ignore SIGTERM too)."""
    import signal
    import subprocess
    import sys

    script = tmp_path / "child.py"
    script.write_text(UI_CHILD, encoding="utf-8")
    code = ("import sys, assets.ui as ui; ui.GRACE_SECONDS = 2; "
            f"ui.command = lambda argv: [sys.executable, {str(script)!r}, {mode!r}]; sys.exit(ui.main([]))")
    return subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN))


def _group_of(pid: int) -> set[int]:
    """The processes of the stand-in's group (its leader is the wrapper's child)."""
    import subprocess

    out = subprocess.run(["ps", "-eo", "pid=,ppid=,pgid="], capture_output=True, text=True).stdout.split()
    rows = [tuple(map(int, out[i:i + 3])) for i in range(0, len(out), 3)]
    leaders = {p for p, parent, _ in rows if parent == pid}
    return {p for p, _, group in rows if group in leaders}


@pytest.mark.parametrize("mode, sig", [("graceful", "SIGTERM"), ("graceful", "SIGINT"), ("stubborn", "SIGTERM")])
def test_make_ui_leaves_no_process_behind(tmp_path, mode, sig):
    import signal
    import time

    wrapper = _ui(tmp_path, mode)
    assert wrapper.stdout.readline().strip() == "ready"
    group = _group_of(wrapper.pid)
    assert len(group) == 2  # the stand-in and its grandchild, in a group of their own
    wrapper.send_signal(getattr(signal, sig))
    assert wrapper.wait(timeout=20) == 128 + getattr(signal, sig)
    deadline = time.monotonic() + 10
    while any(_alive(p) for p in group) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [p for p in group if _alive(p)]


def _alive(pid: int) -> bool:
    import os

    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:
        with open(f"/proc/{pid}/stat") as stat:  # a zombie is gone, only not yet reaped
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False
