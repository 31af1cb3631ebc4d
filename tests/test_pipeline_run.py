"""The Dagster job end to end on real documents: the seed lands with its checks passing (its
real warnings reported), a bad document next to it is refused with its reason, a broken
version of the seed is quarantined by its blocking checks while the seed stays what analysts
see, and the run order does not matter; many documents in one run each get their own
outcome, checks and partition, and the read snapshot is published once."""

from __future__ import annotations

import os
from decimal import Decimal
from urllib.parse import quote

import dagster as dg
import pytest

import expectations

from assets.ingestion import assets as ingestion
from assets.ingestion.partitions import range_tags
from assets.ingestion.resources import RawFolder, WarehouseResource
from pipelines import warehouse

ASSETS = [ingestion.ingest]
# the seed passes every suite, balanced_totals with its 15 rounding warnings and
# narrative_consistency with 3 narrative figures (warnings do not fail a suite; they are counted)
SEED_CHECKS = {name: (True, None) for name in expectations.SUITE_NAMES}


def statuses(result, asset: str = "warehouse/dim_document", partition: str | None = None) -> set:
    return {m.materialization.metadata["status"].value for m in result.get_asset_materialization_events()
            if m.asset_key.to_user_string() == asset and partition in (None, m.partition)}


@pytest.fixture()
def ingest(raw_dir, tmp_path):
    database = tmp_path / "w.duckdb"
    resources = {"raw_folder": RawFolder(path=str(raw_dir)),
                 "duckdb": WarehouseResource(database=str(database))}
    with dg.instance_for_test() as instance:
        def run(*keys: str) -> dg.ExecuteInProcessResult:
            """One run over these documents' partitions (a range, in the order given)."""
            instance.add_dynamic_partitions("documents", list(keys))
            return dg.materialize(ASSETS, instance=instance, resources=resources, raise_on_error=False,
                                  tags=range_tags(keys[0], keys[-1]))
        yield run, database


def test_bad_document_is_quarantined_and_the_seed_still_lands(ingest, raw_dir, seed_path):
    run, database = ingest
    (raw_dir / "报告 2024.txt").write_text("这不是决算公开。\n", encoding="utf-8")

    bad = run("报告 2024.txt")
    assert bad.success  # the document failed, the pipeline did not: it says so in its partition
    [refused] = [e.materialization for e in bad.get_asset_materialization_events()
                 if e.asset_key == ingestion.DOCUMENT]
    assert refused.partition == "报告 2024.txt" and refused.metadata["status"].value == "failed"
    assert "not a final-accounts" in refused.metadata["reason"].value
    assert bad.get_asset_check_evaluations() == []

    good = run(seed_path.name)
    assert good.success
    checks = {e.check_name: (e.passed, None if e.passed else e.severity)
              for e in good.get_asset_check_evaluations()}
    assert checks == SEED_CHECKS
    assert {e.asset_key for e in good.get_asset_check_evaluations()} == {ingestion.DOCUMENT}
    assert statuses(good) == {"validated"} and statuses(good, "published_disclosure") == {"current"}

    conn = warehouse.connect(database, read_only=True)
    try:
        docs = dict(conn.execute("SELECT file_name, status FROM v_documents").fetchall())
        assert docs == {"报告 2024.txt": "failed", seed_path.name: "current"}
        assert conn.execute("SELECT amount_wan FROM v_expenditure_total WHERE fund_scope = '全部资金' "
                            "AND subject_level = '合计' AND expenditure_type = '本年支出合计'"
                            ).fetchone()[0] == Decimal("1535.14")
    finally:
        conn.close()

    again = run(seed_path.name)  # the same bytes again: nothing changes, nothing is parsed
    assert again.success and again.get_asset_materialization_events() == []

    conn = warehouse.connect(database, read_only=True)
    try:
        log = conn.execute("""SELECT file_name, status, reason IS NOT NULL, duration_ms >= 0, run_id
                              FROM v_ingestion_log ORDER BY logged_at""").fetchall()
    finally:
        conn.close()
    assert [row[:4] for row in log] == [("报告 2024.txt", "failed", True, True),
                                        (seed_path.name, "landed", False, True)]
    assert [row[4] for row in log] == [bad.run_id, good.run_id]


def newer_copy(raw_dir, seed_path, name: str, old: str, new: str):
    """The seed with one edit, published (by its file time) a minute after the seed."""
    text = seed_path.read_text(encoding="utf-8")
    assert old in text
    path = raw_dir / name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    seed_time = (raw_dir / seed_path.name).stat().st_mtime
    os.utime(path, (seed_time + 60, seed_time + 60))
    return path


def test_a_version_breaking_an_identity_lands_held(ingest, raw_dir, seed_path, tmp_path):
    """A corrected re-publication that breaks an identity: the document disagrees with itself
    (a source finding), so it lands with its findings, the balanced_totals check fails with
    severity ERROR without blocking, and publication holds it (it adds errors the seed lacks):
    analysts keep seeing the seed. Data Docs are written for both."""
    run, database = ingest
    assert run(seed_path.name).success
    newer_copy(raw_dir, seed_path, "revised.txt", "2010301\t行政运行\t571.13", "2010301\t行政运行\t581.13")

    result = run("revised.txt")
    assert result.success
    checks = {e.check_name: (e.passed, e.severity) for e in result.get_asset_check_evaluations()}
    assert checks["balanced_totals"] == (False, dg.AssetCheckSeverity.ERROR)
    assert checks["document_completeness"][0] is True
    evaluation = next(e for e in result.get_asset_check_evaluations() if e.check_name == "balanced_totals")
    table = evaluation.metadata["failures"].value
    assert "公开02 款 = Σ 项" in table and "公开02 row 3 (20103" in table and "| error |" in table
    assert statuses(result) == {"validated"} and statuses(result, "published_disclosure") == {"held"}
    conn = warehouse.connect(database, read_only=True)
    try:
        docs = dict(conn.execute("SELECT file_name, status FROM v_documents").fetchall())
        assert docs == {seed_path.name: "current", "revised.txt": "held"}
        reason = conn.execute("SELECT status_reason FROM v_documents WHERE file_name = 'revised.txt'").fetchone()[0]
        assert reason.startswith("held: adds 2 error findings the current version lacks: ") and "公开02 款 = Σ 项" in reason
        logged = conn.execute("SELECT status, reason FROM v_ingestion_log WHERE file_name = 'revised.txt'"
                              ).fetchall()
        assert logged == [("held", reason)]
        assert conn.execute("SELECT amount_wan FROM v_income_total WHERE subject_code = '2010301' "
                            "AND income_source = '本年收入合计'").fetchone()[0] == Decimal("571.13")
    finally:
        conn.close()
    docs_dir = tmp_path / "data_docs"
    gx_pages = list(docs_dir.glob("validations/*/*/*/*.html"))  # GX's: the failed suite of the revised one
    assert {p.parts[-4] for p in gx_pages} == {"balanced_totals"} and len(gx_pages) == 1
    pages = sorted(docs_dir.glob("documents/*.html"))  # the offline ones: one per document
    assert len(pages) == 2
    index = (docs_dir / "index.html").read_text(encoding="utf-8")
    assert all(f'href="documents/{quote(p.name)}"' in index for p in pages) and "revised.txt" in index
    revised = next(p for p in pages if "revised.txt" in p.read_text(encoding="utf-8")).read_text(encoding="utf-8")
    assert "failed: 2 errors" in revised and "公开02 款 = Σ 项" in revised


def test_a_contradicted_unit_is_quarantined_by_the_blocking_check(ingest, raw_dir, seed_path):
    """公开01's unit line says 元 over 万元 figures: our reading is wrong, an extraction finding.
    The load records the quarantine (facts kept, the contradiction as its reason), the blocking
    document_completeness check fails and the document is not published; the run goes on."""
    run, database = ingest
    assert run(seed_path.name).success
    newer_copy(raw_dir, seed_path, "yuan.txt", "金额单位：万元", "金额单位：元")

    result = run("yuan.txt")
    assert result.success
    checks = {e.check_name: (e.passed, e.severity) for e in result.get_asset_check_evaluations()}
    assert checks["document_completeness"] == (False, dg.AssetCheckSeverity.ERROR)
    assert statuses(result) == {"quarantined"} and statuses(result, "published_disclosure") == set()
    conn = warehouse.connect(database, read_only=True)
    try:
        docs = dict(conn.execute("SELECT file_name, status FROM v_documents").fetchall())
        assert docs == {seed_path.name: "current", "yuan.txt": "quarantined"}
        reason = conn.execute("SELECT status_reason FROM v_documents WHERE file_name = 'yuan.txt'").fetchone()[0]
        assert reason.startswith("failed checks: 金额单位 与数字相符 — 公开01 prints 金额单位 元, but its figures agree "
                                 "with the 情况说明 only ×10000"), reason
        assert conn.execute("SELECT DISTINCT file_name FROM v_current_document").fetchall() == [(seed_path.name,)]
    finally:
        conn.close()


def test_a_file_gone_since_the_scan_fails_alone_with_its_reason(ingest, raw_dir):
    """Deleted between the scan and the read: the document's failure (logged), not the
    pipeline's error."""
    run, database = ingest
    gone = run("vanished.txt")  # listed as a partition, no such file any more
    assert gone.success
    [shown] = [e.event_specific_data.asset_observation for e in gone.all_events
               if e.event_type_value == "ASSET_OBSERVATION"]
    assert shown.partition == "vanished.txt" and "cannot be read" in shown.metadata["reason"].value
    assert gone.get_asset_materialization_events() == []
    conn = warehouse.connect(database, read_only=True)
    try:
        assert conn.execute("SELECT file_name, status, reason FROM v_ingestion_log").fetchall() == [
            ("vanished.txt", "failed", f"cannot be read: no such file in {raw_dir} (deleted since the scan?)")]
    finally:
        conn.close()


def test_dagster_keeps_no_copy_of_the_raw_bytes(ingest, seed_path):
    """Dagster records the document's identity as metadata; it stores no output of the step
    (no bytes, no parsed disclosure: they stay in the worker and the warehouse)."""
    run, _ = ingest
    result = run(seed_path.name)
    assert result.success
    [raw] = [e.materialization for e in result.get_asset_materialization_events()
             if e.asset_key == dg.AssetKey("raw_document")]
    assert raw.metadata["size"].value == seed_path.stat().st_size and len(raw.metadata["sha256"].value) == 64
    assert not [e for e in result.all_events if e.event_type_value in ("HANDLED_OUTPUT", "STEP_OUTPUT")]


def test_many_documents_in_one_run_each_get_their_outcome_and_one_snapshot(ingest, raw_dir, seed_path,
                                                                              monkeypatch):
    """The seed, a refused file, a quarantined version and a held one in one run: the run
    succeeds, every document's partition shows its own outcome and checks, the analysts' view
    keeps the seed, and the read snapshot is published once, at the end."""
    from pipelines.warehouse import connection

    run, database = ingest
    (raw_dir / "报告 2024.txt").write_text("这不是决算公开。\n", encoding="utf-8")
    newer_copy(raw_dir, seed_path, "yuan.txt", "金额单位：万元", "金额单位：元")
    newer_copy(raw_dir, seed_path, "revised.txt", "2010301\t行政运行\t571.13", "2010301\t行政运行\t581.13")
    published = []
    monkeypatch.setattr(connection, "_publish", lambda conn, path, real=connection._publish: (
        published.append(path), real(conn, path)))

    result = run(seed_path.name, "报告 2024.txt", "yuan.txt", "revised.txt")
    assert result.success and len(published) == 1
    assert statuses(result, partition=seed_path.name) == {"validated"}
    assert statuses(result, partition="yuan.txt") == {"quarantined"}
    assert statuses(result, partition="报告 2024.txt") == {"failed"}
    assert {m.partition: m.materialization.metadata["status"].value for m in result.get_asset_materialization_events()
            if m.asset_key == ingestion.PUBLISHED} in ({seed_path.name: "current", "revised.txt": "held"},)
    checks = {(e.partition, e.check_name): e.passed for e in result.get_asset_check_evaluations()}
    assert {p for p, _ in checks} == {seed_path.name, "yuan.txt", "revised.txt"}
    assert checks[("yuan.txt", "document_completeness")] is False
    assert checks[("revised.txt", "balanced_totals")] is False
    assert all(passed for (p, _), passed in checks.items() if p == seed_path.name)
    # each other table: one materialization for the run (one thing, not one per document)
    [income] = [e.materialization.metadata for e in result.get_asset_materialization_events()
                if e.asset_key == dg.AssetKey(["warehouse", "fact_income"])]
    assert income["documents_landed"].value == 3 and income["rows_loaded"].value > 0
    assert income["dagster/row_count"].value == income["rows_loaded"].value
    conn = warehouse.reader(database)  # the snapshot readers use: it has all of them
    try:
        docs = dict(conn.execute("SELECT file_name, status FROM v_documents").fetchall())
    finally:
        conn.close()
    assert docs == {seed_path.name: "current", "报告 2024.txt": "failed", "yuan.txt": "quarantined",
                    "revised.txt": "held"}
