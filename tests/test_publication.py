"""What analysts see never gets worse by itself: which version of a department-year is current
is decided by publication date and content, never by file names or ingestion order; a version
that lacks what the current one has, differs by a unit factor or adds errors is held until a
person publishes it; content-identical versions are one; v_version_changes says what changed."""

from __future__ import annotations

import itertools
import os
import re
import subprocess
import sys
from datetime import datetime
from decimal import Decimal as D
from pathlib import Path

import pytest

import expectations
from pipelines import warehouse
from pipelines.model import DocumentError
from pipelines.parsing.document import parse_document
from pipelines.parsing.published import pdf_date, printed_date, publication
from pipelines.raw import read_raw
from tests.corpus import corpus_file
from tests.test_run_corpus import make_run

ROOT = Path(__file__).resolve().parents[1]
DAY = 86_400
OFFICE = "办公费25.20万元"  # a narrative figure of the seed, corrected in a revision


def write(folder: Path, name: str, text: str, day: int) -> Path:
    """A document file whose modification time (its publication date here: the seed prints
    none) is `day` days into 2025."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    stamp = datetime(2025, 1, 1).timestamp() + day * DAY
    os.utime(path, (stamp, stamp))
    return path


def cut_after_tables(seed: str) -> str:
    """The seed cut short right after its tables: no 情况说明, no 绩效自评表."""
    return seed[:seed.index("第三部分 情况说明\n")]


def unit_flipped(seed: str) -> str:
    """金额单位 says 元 over the same 万元 figures."""
    return seed.replace("金额单位：万元", "金额单位：元")


def family(folder: Path, seed: str) -> dict[str, Path]:
    """The seed and what a hostile world makes of it, each published later than the seed."""
    return {
        "seed": write(folder, "b-seed.txt", seed, 10),
        "cut": write(folder, "a-cut.txt", cut_after_tables(seed), 20),
        "crlf": write(folder, "c-crlf.txt", seed.replace("\n", "\r\n"), 30),
        "yuan": write(folder, "d-yuan.txt", unit_flipped(seed), 40),
        "revised": write(folder, "0-revised.txt", seed.replace(OFFICE, "办公费35.45万元", 1), 50),
        "cut later": write(folder, "e-cut2.txt", cut_after_tables(seed).replace("\n", "\n\n", 3), 60),
    }


def land(conn, path: Path):
    disclosure = parse_document(read_raw(path, path.parent))
    return disclosure, warehouse.load_disclosure(conn, disclosure, expectations.validate(disclosure))


def statuses(conn) -> dict[str, str]:
    return dict(conn.execute("SELECT file_name, status FROM dim_document").fetchall())


@pytest.fixture(scope="module")
def parsed(tmp_path_factory, seed_text):
    """The family parsed and validated once: loading orders are what these tests vary."""
    folder = tmp_path_factory.mktemp("family")
    files = family(folder, seed_text)
    out = {}
    for label, path in files.items():
        d = parse_document(read_raw(path, folder))
        out[label] = (d, expectations.validate(d))
    return out


def load_all(path: Path, parsed, order) -> dict[str, str]:
    conn = warehouse.connect(path)
    try:
        for label in order:
            d, report = parsed[label]
            warehouse.load_disclosure(conn, d, report)
        return statuses(conn)
    finally:
        conn.close()


def test_each_version_gets_its_status_with_a_reason(tmp_path, parsed):
    conn = warehouse.connect(tmp_path / "w.duckdb")
    for label in ("seed", "cut", "crlf", "yuan", "revised", "cut later"):
        d, report = parsed[label]
        warehouse.load_disclosure(conn, d, report)
    rows = {f: (s, r) for f, s, r in conn.execute("SELECT file_name, status, status_reason FROM dim_document").fetchall()}
    assert {f: s for f, (s, _) in rows.items()} == {
        "b-seed.txt": "superseded", "a-cut.txt": "held", "c-crlf.txt": "duplicate",
        "d-yuan.txt": "quarantined", "0-revised.txt": "current", "e-cut2.txt": "held"}
    assert rows["b-seed.txt"][1] == "replaced by 0-revised.txt"
    # the cut copy lacks parts and facts; it says which, against which version, and what to do
    cut = rows["a-cut.txt"][1]
    assert re.fullmatch(r"held: lacks 绩效自评表 \(5 rows\), 绩效指标 \(48 rows\), 情况说明 \(\d+ rows\); "
                        r"lacks \d+ of the current version's \d+ fact cells — against the current b-seed\.txt; "
                        r"publish it on purpose with `make publish DOC=[0-9a-f]{12} WHY=…`", cut), cut
    assert "against the current 0-revised.txt" in rows["e-cut2.txt"][1]
    assert rows["c-crlf.txt"][1] == "the same facts as b-seed.txt; changes nothing"
    # 元 over 万元 figures: an extraction error naming the unit and the 情况说明 that contradicts it
    yuan = rows["d-yuan.txt"][1]
    assert yuan.startswith("failed checks: 金额单位 与数字相符 ×7 — 公开01 prints 金额单位 元, but its figures agree "
                           "with the 情况说明 only ×10000 (万元 printed as 元: 1555.63 万元"), yuan
    shown = conn.execute("SELECT DISTINCT file_name FROM v_current_document").fetchall()
    assert shown == [("0-revised.txt",)]
    stated = conn.execute("SELECT value_wan FROM v_narrative WHERE quantity = 'economic:30201'").fetchall()
    assert stated == [(D("35.45"),)]
    # every document's findings stay listed, with its status
    listed = dict(conn.execute("SELECT file_name, min(document_status) FROM v_validation GROUP BY 1").fetchall())
    assert listed == {f: s for f, (s, _) in rows.items()}
    conn.close()


def test_the_current_version_does_not_depend_on_loading_order(tmp_path, parsed):
    """Every order of loading gives the same statuses: rebuilding the warehouse from the same
    documents elects the same versions."""
    labels = ["seed", "cut", "crlf", "revised"]
    orders = list(itertools.permutations(labels))[::5]  # 5 of the 24, each label first at least once
    assert {o[0] for o in orders} == set(labels)
    seen = {tuple(sorted(load_all(tmp_path / f"w{n}.duckdb", parsed, order).items()))
            for n, order in enumerate(orders)}
    assert seen == {(("0-revised.txt", "current"), ("a-cut.txt", "held"), ("b-seed.txt", "superseded"),
                     ("c-crlf.txt", "duplicate"))}


def test_version_changes_list_old_and_new_values(tmp_path, parsed):
    statuses_ = load_all(tmp_path / "w.duckdb", parsed, ["revised", "seed", "crlf", "cut"])
    assert statuses_["0-revised.txt"] == "current"
    conn = warehouse.connect(tmp_path / "w.duckdb", read_only=True)
    changes = conn.execute("""SELECT old_file, new_file, new_status, change, cell_key, old_value, new_value, unit
                              FROM v_version_changes WHERE new_file = '0-revised.txt'""").fetchall()
    assert changes == [("b-seed.txt", "0-revised.txt", "current", "changed",
                        "情况说明 | 六、一般公共预算财政拨款基本支出决算情况说明 | 办公费 | economic:30201 | amount",
                        D("25.20"), D("35.45"), "万元")]
    removed = conn.execute("""SELECT change, fact_table, count(*) FROM v_version_changes WHERE new_file = 'a-cut.txt'
                              GROUP BY ALL ORDER BY 2""").fetchall()
    assert {t for _, t, _ in removed} == {"fact_narrative", "fact_performance_indicator", "fact_project_performance"}
    assert {c for c, _, _ in removed} == {"removed"}
    # the duplicate is the same facts: nothing changed
    assert conn.execute("SELECT count(*) FROM v_version_changes WHERE new_file = 'c-crlf.txt'").fetchone()[0] == 0
    conn.close()


def test_a_unit_factor_against_the_current_version_is_held(tmp_path, parsed, seed_text):
    """A version whose amounts are the current one's ÷ 10⁴ (its unit line alone would be
    caught as an extraction error: here the 情况说明 says 元 too) is held, not published."""
    conn = warehouse.connect(tmp_path / "w.duckdb")
    d, report = parsed["seed"]
    warehouse.load_disclosure(conn, d, report)
    every_unit = re.sub(r"(\d|单位[:：])万(\n?)元", r"\1\2元", seed_text)  # 公开04 wraps 万|元
    _, result = land(conn, write(tmp_path, "all-yuan.txt", every_unit, 90))
    reason = conn.execute("SELECT status_reason FROM dim_document WHERE file_name = 'all-yuan.txt'").fetchone()[0]
    assert result.status == "held", reason
    assert re.search(r"\d+ of \d+ amounts differ from the current version's by a factor of 10000", reason), reason
    conn.close()


def test_a_held_version_is_published_on_purpose(tmp_path, parsed):
    path = tmp_path / "w.duckdb"
    load_all(path, parsed, ["seed", "cut"])
    env = {**os.environ, "PYTHONPATH": str(ROOT), "JUESUAN_WAREHOUSE": str(path)}
    command = [sys.executable, "-m", "pipelines.warehouse.publication"]
    refused = subprocess.run([*command, "b-seed.txt", "--why", "x"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert refused.returncode == 2 and "b-seed.txt is current, not held" in refused.stderr
    done = subprocess.run([*command, "a-cut.txt", "--why", "the department withdrew its 情况说明"], cwd=ROOT, env=env,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.strip() == "a-cut.txt: current - published on purpose: the department withdrew its 情况说明"
    conn = warehouse.reader(path)
    assert statuses(conn) == {"b-seed.txt": "superseded", "a-cut.txt": "current"}
    reason, = conn.execute("SELECT status_reason FROM dim_document WHERE file_name = 'a-cut.txt'").fetchone()
    assert reason == "published on purpose: the department withdrew its 情况说明"
    assert conn.execute("SELECT count(*) FROM v_narrative").fetchone()[0] == 0  # what the person chose
    conn.close()


def test_rebuilding_from_the_same_folder_elects_the_same_versions(tmp_path, seed_text):
    """Real runs: the hostile family in raw/ (file names sort against publication order); then
    the warehouse and Dagster's storage are deleted and everything is ingested again."""
    raw = tmp_path / "raw"
    raw.mkdir()
    family(raw, seed_text)
    first = make_run(tmp_path, raw)
    assert first.returncode == 0, first.stdout + first.stderr
    # each line says the status a document got when offered; the summary the statuses after the run
    assert "d-yuan.txt: quarantined" in first.stdout and "e-cut2.txt: held" in first.stdout, first.stdout
    before = statuses(warehouse.reader(tmp_path / "w.duckdb"))
    for leftover in tmp_path.glob("w*.duckdb*"):
        leftover.unlink()
    subprocess.run(["rm", "-rf", str(tmp_path / "dagster")], check=True)
    again = make_run(tmp_path, raw)
    assert again.returncode == 0, again.stdout + again.stderr
    assert statuses(warehouse.reader(tmp_path / "w.duckdb")) == before == {
        "b-seed.txt": "superseded", "a-cut.txt": "held", "c-crlf.txt": "duplicate", "d-yuan.txt": "quarantined",
        "0-revised.txt": "current", "e-cut2.txt": "held"}
    strict = make_run(tmp_path, raw, "--strict")  # held versions wait for a person: cron hears of them
    assert strict.returncode == 3, strict.stdout + strict.stderr


# --- when a document was published --------------------------------------------------------------


def test_a_printed_date_comes_first():
    assert printed_date(["二〇二五年九月", "公开日期：2025年9月16日", "截至2024年12月31日，本部门共有车辆3辆。"]) == \
        datetime(2025, 9, 16)
    assert printed_date(["二〇二五年十二月"]) == datetime(2025, 12, 1)
    assert printed_date(["2025年13月"]) is None


def test_pdf_dates_are_read_in_utc():
    assert pdf_date("D:20250916093508+08'00'") == datetime(2025, 9, 16, 1, 35, 8)
    assert pdf_date("D:2025") == datetime(2025, 1, 1)
    assert pdf_date("garbage") is None


def test_the_real_pdf_is_dated_by_its_metadata():
    path = corpus_file("final_2024_putuo_planning.pdf")
    when, source = publication([], str(path), path.read_bytes())
    assert (when, source) == (datetime(2025, 9, 16, 1, 35, 8), "PDF metadata")  # ModDate 20250916093508+08'00'


def test_a_text_without_a_date_is_dated_by_its_file(tmp_path, seed_text):
    path = write(tmp_path, "x.txt", seed_text, 3)
    assert publication([], str(path)) == (datetime.utcfromtimestamp(path.stat().st_mtime), "file time")


def test_no_truncated_copy_becomes_current(tmp_path, seed_text):
    """Copies of the seed cut short at many points, each published later than the seed: some
    cannot be parsed, some are quarantined, held, or (cut in the trailing text) the seed's
    facts exactly; none changes what analysts see."""
    conn = warehouse.connect(tmp_path / "w.duckdb")
    seed, _ = land(conn, write(tmp_path, "seed.txt", seed_text, 0))
    lines = seed_text.split("\n")
    outcomes = {}
    for n, share in enumerate((0.2, 0.35, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99), 1):
        path = write(tmp_path, f"cut-{share}.txt", "\n".join(lines[:int(len(lines) * share)]), n)
        try:
            _, result = land(conn, path)
            outcomes[share] = result.status
        except DocumentError as error:  # refused before loading
            outcomes[share] = error.problem
    assert set(outcomes.values()) <= {"quarantined", "held", "duplicate"}, outcomes
    assert list(outcomes.values()).count("held") >= 4, outcomes
    current = conn.execute("SELECT document_sha256 FROM v_current_document").fetchall()
    assert current == [(seed.sha256,)], outcomes
    conn.close()
