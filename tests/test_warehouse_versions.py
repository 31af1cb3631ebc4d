"""Loading semantics: idempotent re-ingestion, versions of a department-year, atomic loads."""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal as D
from pathlib import Path

import pytest

from pipelines import warehouse
from pipelines.parsing.document import parse_document
from pipelines.raw import read_raw
from pipelines.warehouse import load as load_module


@dataclass
class Verdict:
    """A stand-in validation report: these tests are about loading, not validating.
    `untrusted`: an extraction error (the document is quarantined)."""

    untrusted: bool

    def rows(self):
        return [{"suite": "document_completeness", "finding": "extraction", "check": "stub", "severity": "error",
                 "success": not self.untrusted, "expected": None, "actual": None,
                 "difference": None, "unit": "元", "location": "公开01", "detail": "stub"}]


def revised(tmp_path, seed_path, old: str, new: str):
    """A corrected re-publication: the seed with one printed figure changed."""
    text = seed_path.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "revised.txt"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return parse_document(read_raw(path, tmp_path))


@pytest.fixture()
def conn(tmp_path):
    connection = warehouse.connect(tmp_path / "w.duckdb")
    yield connection
    connection.close()


def counts(conn) -> dict[str, int]:
    return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in warehouse.TABLES}


def test_same_bytes_twice_changes_nothing(conn, seed_disclosure):
    first = warehouse.load_disclosure(conn, seed_disclosure, Verdict(False))
    before = counts(conn)
    ingested_at = conn.execute("SELECT ingested_at FROM dim_document").fetchone()
    second = warehouse.load_disclosure(conn, seed_disclosure, Verdict(False))
    assert (first.status, second.status) == ("current", "unchanged")
    assert counts(conn) == before
    assert conn.execute("SELECT ingested_at FROM dim_document").fetchone() == ingested_at
    assert second.rows == first.rows


def test_new_version_replaces_old_and_old_stays_listed(conn, tmp_path, seed_path, seed_disclosure):
    warehouse.load_disclosure(conn, seed_disclosure, Verdict(False))
    # the narrative's 办公费 figure corrected: a new publication of the same department-year
    new = revised(tmp_path, seed_path, "办公费25.20万元", "办公费35.45万元")
    result = warehouse.load_disclosure(conn, new, Verdict(False))
    assert result.status == "current" and result.replaced == [seed_disclosure.sha256]
    statuses = dict(conn.execute("SELECT document_sha256, status FROM dim_document").fetchall())
    assert statuses == {seed_disclosure.sha256: "superseded", new.sha256: "current"}
    assert conn.execute("SELECT superseded_by FROM dim_document WHERE document_sha256 = ?",
                        [seed_disclosure.sha256]).fetchone()[0] == new.sha256
    shown = conn.execute("SELECT DISTINCT document_sha256 FROM v_income").fetchall()
    assert shown == [(new.sha256,)]
    stated = conn.execute("SELECT value_wan FROM v_narrative WHERE quantity = 'economic:30201'").fetchall()
    assert stated == [(D("35.45"),)]


def test_quarantined_version_leaves_current_in_place(conn, tmp_path, seed_path, seed_disclosure):
    warehouse.load_disclosure(conn, seed_disclosure, Verdict(False))
    bad = revised(tmp_path, seed_path, "2010301\t行政运行\t571.13", "2010301\t行政运行\t999.99")
    result = warehouse.load_disclosure(conn, bad, Verdict(True))
    assert result.status == "quarantined"
    assert conn.execute("SELECT status FROM dim_document WHERE document_sha256 = ?",
                        [bad.sha256]).fetchone()[0] == "quarantined"
    shown = conn.execute("""SELECT document_sha256, amount_wan FROM v_income_total
                            WHERE subject_code = '2010301' AND income_source = '本年收入合计'""").fetchall()
    assert shown == [(seed_disclosure.sha256, D("571.13"))]
    kept = conn.execute("""SELECT amount_yuan FROM fact_income WHERE document_sha256 = ?
                           AND subject_code = '2010301' AND income_source = '本年收入合计'""",
                        [bad.sha256]).fetchone()[0]
    assert kept == D("9999900.00")  # kept for inspection, not shown to analysts


def test_failed_load_rolls_back_everything(conn, seed_disclosure, monkeypatch):
    before = counts(conn)

    def explode(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(load_module, "elect", explode)
    with pytest.raises(RuntimeError):
        warehouse.load_disclosure(conn, seed_disclosure, Verdict(False))
    assert counts(conn) == before


def test_reload_by_newer_parser_replaces_own_rows(conn, seed_disclosure):
    warehouse.load_disclosure(conn, seed_disclosure, Verdict(False))
    before = counts(conn)
    newer = replace(seed_disclosure, parser=seed_disclosure.parser + "+1")
    assert warehouse.load_disclosure(conn, newer, Verdict(False)).status == "current"
    assert counts(conn) == before
    assert conn.execute("SELECT parser FROM dim_document").fetchone()[0].endswith("+1")


def test_amounts_are_exact_decimals(conn, seed_disclosure):
    warehouse.load_disclosure(conn, seed_disclosure, Verdict(False))
    types = dict(conn.execute("""SELECT column_name, data_type FROM information_schema.columns
                                 WHERE table_name = 'v_income'""").fetchall())
    assert types["amount_wan"].startswith("DECIMAL")
    total = conn.execute("SELECT sum(amount_wan) FROM v_income_total WHERE subject_level = '类' "
                         "AND income_source = '本年收入合计'").fetchone()[0]
    # the printed 类 lines sum to 1555.62, one cent of 万元 under the printed 合计 1555.63:
    # the seed's own 尾数误差, kept exactly as printed
    assert isinstance(total, D) and total == D("1555.62")


def test_unparseable_document_is_listed_as_failed(conn, tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    raw = read_raw(path, tmp_path)
    warehouse.record_failure(conn, raw, "empty.txt: the file is empty")
    row = conn.execute("SELECT file_name, status, status_reason FROM v_documents").fetchone()
    assert row == ("empty.txt", "failed", "empty.txt: the file is empty")


def test_validated_version_waits_for_publication(conn, tmp_path, seed_path, seed_disclosure):
    """The Dagster job lands a document as 'validated' and publishes it after its blocking checks:
    until then analysts see the previous version, and the sensor still counts it as to do."""
    warehouse.load_disclosure(conn, seed_disclosure, Verdict(False))
    new = revised(tmp_path, seed_path, "办公费25.20万元", "办公费35.45万元")
    landed = warehouse.load_disclosure(conn, new, Verdict(False), publish=False)
    assert (landed.status, landed.replaced) == ("validated", [])
    assert conn.execute("SELECT DISTINCT document_sha256 FROM v_income").fetchall() == [(seed_disclosure.sha256,)]

    published = warehouse.publish_document(conn, new.sha256)
    assert (published.status, published.replaced) == ("current", [seed_disclosure.sha256])
    statuses = dict(conn.execute("SELECT document_sha256, status FROM dim_document").fetchall())
    assert statuses == {seed_disclosure.sha256: "superseded", new.sha256: "current"}
    assert conn.execute("SELECT DISTINCT document_sha256 FROM v_income").fetchall() == [(new.sha256,)]
    assert warehouse.publish_document(conn, new.sha256).status == "unchanged"


def test_quarantined_version_cannot_be_published(conn, tmp_path, seed_path, seed_disclosure):
    bad = revised(tmp_path, seed_path, "2010301\t行政运行\t571.13", "2010301\t行政运行\t999.99")
    assert warehouse.load_disclosure(conn, bad, Verdict(True), publish=False).status == "quarantined"
    with pytest.raises(ValueError, match="a quarantined document cannot be published"):
        warehouse.publish_document(conn, bad.sha256)


def test_a_version_adding_the_documents_own_errors_lands_held(conn, tmp_path, seed_path, seed_disclosure):
    """An identity the new version breaks is a source finding: the version lands, its
    findings visible, but it is held (it adds errors the current one lacks), and the seed
    stays what analysts see."""
    import expectations

    warehouse.load_disclosure(conn, seed_disclosure, expectations.validate(seed_disclosure))
    bad = revised(tmp_path, seed_path, "2010301\t行政运行\t571.13", "2010301\t行政运行\t581.13")
    report = expectations.validate(bad)
    assert report.has_errors and not report.untrusted
    assert warehouse.load_disclosure(conn, bad, report).status == "held"
    reason = conn.execute("SELECT status_reason FROM v_documents WHERE status = 'held'").fetchone()[0]
    assert reason.startswith("held: adds 2 error findings the current version lacks: "
                             "公开02 本年收入合计 = Σ 收入来源, 公开02 款 = Σ 项 — against the current "), reason
    assert f"make publish DOC={bad.sha256[:12]}" in reason
    row = conn.execute("""SELECT severity, finding, expected, actual, difference, tolerance, unit, location_table,
                                 location_row, location_column FROM v_validation
                          WHERE document_status = 'held' AND "check" = '公开02 款 = Σ 项'""").fetchone()
    assert row == ("error", "source", D("1255.73"), D("1265.73"), D("10.00"), D("0.015"), "万元", "公开02", 3,
                   "本年收入合计")
    assert conn.execute("SELECT DISTINCT document_sha256 FROM v_income").fetchall() == [(seed_disclosure.sha256,)]


def test_landed_state_leaves_out_unpublished_documents(tmp_path, seed_disclosure):
    """A run that stopped between load and publication is not done: the sensor asks again."""
    path = tmp_path / "w.duckdb"
    with warehouse.writer(path) as conn:
        warehouse.load_disclosure(conn, seed_disclosure, Verdict(False), publish=False)
    assert warehouse.landed(path)[1] == set()
    with warehouse.writer(path) as conn:
        warehouse.publish_document(conn, seed_disclosure.sha256)
    assert warehouse.landed(path)[1] == {(seed_disclosure.sha256, seed_disclosure.parser)}


def test_the_parser_version_follows_the_parsers_and_rules(tmp_path):
    """Re-processing follows the code: editing a template, a parser or a rule changes the
    version the warehouse records (and so what the sensor requests again); nothing else does."""
    import shutil

    from pipelines import PARSER_VERSION, rules_version

    root = Path(__file__).resolve().parents[1]
    for folder in ("pipelines", "expectations"):
        shutil.copytree(root / folder, tmp_path / folder, ignore=shutil.ignore_patterns("__pycache__"))
    assert rules_version(tmp_path) == PARSER_VERSION
    (tmp_path / "pipelines" / "report" / "build.py").write_text("# the report is no rule\n")
    assert rules_version(tmp_path) == PARSER_VERSION
    amounts = tmp_path / "pipelines" / "amounts.py"
    original = amounts.read_text(encoding="utf-8")
    amounts.write_text(original + "\n# how a printed number is read decides what lands\n", encoding="utf-8")
    assert rules_version(tmp_path) != PARSER_VERSION
    amounts.write_text(original, encoding="utf-8")
    templates = tmp_path / "pipelines" / "parsing" / "templates.py"
    templates.write_text(templates.read_text(encoding="utf-8") + "\n# another title wording\n", encoding="utf-8")
    assert rules_version(tmp_path) != PARSER_VERSION
