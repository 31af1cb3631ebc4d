"""The `juesuan` command line, as real processes: the console script installed in the virtualenv,
`--help` everywhere without ingesting anything, `run` into a warehouse of its own with Dagster's
state beside it, `status`, `failures`, and `query` in every format with exact decimals."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from pipelines.query import display_width, wrap
from pipelines.raw import printable

ROOT = Path(__file__).resolve().parents[1]
JUESUAN = Path(sys.executable).parent / "juesuan"  # what `make install` puts in .venv/bin
COMMANDS = ["run", "status", "failures", "query", "report", "publish"]
# 本年收入合计 of 2010301 行政运行 in the seed: 571.13 万元, printed to the 分
AMOUNT_SQL = """SELECT f.amount_yuan, f.amount_yuan * 0.0001 AS amount_wan
                FROM fact_income f JOIN v_current_document USING (document_sha256)
                WHERE f.subject_code = '2010301' AND f.income_source = '本年收入合计'"""


def juesuan(*args: str, env: dict[str, str] | None = None, stdin: str | None = None,
            cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([str(JUESUAN), *args], cwd=cwd, env=env or clean_env(), input=stdin,
                          capture_output=True, text=True, timeout=300)


def clean_env(**extra: str) -> dict[str, str]:
    """The environment without the project's settings (no DAGSTER_HOME: it follows the warehouse)."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("JUESUAN_") and k not in ("DAGSTER_HOME", "SQL", "COLUMNS")}
    return {**env, **extra}


def test_the_console_script_is_installed():
    assert JUESUAN.is_file() and os.access(JUESUAN, os.X_OK), f"{JUESUAN}: run `make install`"
    assert "juesuan_cli" in JUESUAN.read_text()


def test_help_everywhere_ingests_nothing(tmp_path):
    db, raw = tmp_path / "w.duckdb", tmp_path / "raw"
    raw.mkdir()
    shutil.copy(ROOT / "raw" / "000_744c7817695ce87c.txt", raw)
    env = clean_env(JUESUAN_RAW=str(raw), JUESUAN_WAREHOUSE=str(db), JUESUAN_SOURCES=str(tmp_path / "none.toml"))
    top = juesuan("--help", env=env)
    assert top.returncode == 0 and top.stdout.startswith("Usage: juesuan"), top.stderr
    for command in COMMANDS:
        assert command in top.stdout
        shown = juesuan(command, "--help", env=env)
        assert shown.returncode == 0, (command, shown.stderr)
        assert shown.stdout.startswith(f"Usage: juesuan {command}"), shown.stdout
    legacy = subprocess.run([sys.executable, "-m", "assets.run", "--help"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert legacy.returncode == 0 and "--warehouse" in legacy.stdout, legacy.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["raw"]  # no warehouse, no Dagster state


def test_reading_commands_do_not_load_dagster(tmp_path):
    """`status`, `failures` and `query` start at once: they never import Dagster."""
    probe = ("import sys; from click.testing import CliRunner; import juesuan_cli; "
             "r = CliRunner().invoke(juesuan_cli.cli, sys.argv[1:]); "
             "print(r.exit_code, 'dagster' in sys.modules, r.output)")
    for args in (["status", "--help"], ["failures", "--help"], ["query", "--help"], ["query", "SELECT 1"]):
        done = subprocess.run([sys.executable, "-c", probe, *args], cwd=tmp_path, capture_output=True, text=True,
                              env=clean_env(PYTHONPATH=str(ROOT), JUESUAN_WAREHOUSE=str(tmp_path / "none.duckdb")))
        assert done.stdout.split()[1] == "False", (args, done.stdout, done.stderr)


@pytest.fixture(scope="module")
def landed(tmp_path_factory):
    """`juesuan run --raw X --warehouse Y` (no DAGSTER_HOME) over the seed, a document whose
    table is unreadable (quarantined, with a long reason), a note and a file named with a
    newline (both failed)."""
    tmp = tmp_path_factory.mktemp("cli")
    raw = tmp / "raw"
    raw.mkdir()
    seed = ROOT / "raw" / "000_744c7817695ce87c.txt"
    shutil.copy(seed, raw)
    (raw / "bad amount.txt").write_text(seed.read_text(encoding="utf-8").replace("\t571.13\t", "\t571.1a\t", 1),
                                        encoding="utf-8")
    (raw / "notes.txt").write_text("会议纪要\n一、会议内容\n", encoding="utf-8")
    (raw / "new\nline.txt").write_text("纪要\n", encoding="utf-8")
    db = tmp / "store" / "a.duckdb"
    env = clean_env(JUESUAN_SOURCES=str(tmp / "none.toml"))
    run = juesuan("run", "--raw", str(raw), "--warehouse", str(db), env=env, cwd=tmp)
    return tmp, raw, db, env, run


def test_run_lands_the_seed_in_its_warehouse_with_dagsters_state_beside_it(landed):
    tmp, raw, db, env, run = landed
    assert run.returncode == 0, run.stdout + run.stderr
    lines = run.stdout.splitlines()
    assert lines[0] == f"juesuan run: 4 documents in {raw} → {db}"
    home = db.parent / ".dagster" / "a"
    assert lines[1] == f"Dagster's state: {home}"
    assert (home / "dagster.yaml").is_file() and (home / "history").is_dir(), sorted(home.iterdir())
    assert not (tmp / ".dagster").exists() and not (ROOT / "warehouse" / ".dagster" / "a").exists()
    assert "\x1b" not in run.stdout  # not a terminal: plain lines, no progress bar
    assert "[1/4] 000_744c7817695ce87c.txt: current (" in run.stdout
    assert "[3/4] new\\nline.txt: quarantined (" in run.stdout and "\nline.txt" not in run.stdout
    assert "[4/4] notes.txt: quarantined (" in run.stdout
    document_lines = run.stdout[:run.stdout.index("\n\nfile ")].splitlines()[2:]
    assert all(display_width(line) <= 100 for line in document_lines), document_lines
    assert any(line.startswith("    ") for line in document_lines)  # a long reason, wrapped

    conn = duckdb.connect(str(db), read_only=True)
    try:
        statuses = dict(conn.execute("SELECT file_name, status FROM v_documents").fetchall())
        reason, = conn.execute("SELECT status_reason FROM v_documents WHERE file_name = 'bad amount.txt'").fetchone()
    finally:
        conn.close()
    assert statuses == {"000_744c7817695ce87c.txt": "current", "bad amount.txt": "quarantined",
                        "notes.txt": "failed", "new\nline.txt": "failed"}
    # the summary's reasons: whole, wrapped within 100 columns, continuation lines indented
    reasons = run.stdout[run.stdout.index("\nreasons:\n") + 10:].splitlines()
    assert wrap(f"  bad amount.txt (quarantined): {printable(reason)}", 100, indent="      ")[0] in reasons
    assert all(display_width(line) <= 100 for line in reasons) and "      " in run.stdout

    again = juesuan("run", "--raw", str(raw), "--warehouse", str(db), "--strict", env=env, cwd=tmp)
    assert again.returncode == 3 and "strict: 3 of 4 files" in again.stderr, again.stdout + again.stderr
    assert again.stdout.count("unchanged (these bytes are in the warehouse; not parsed)") == 4


def test_status_counts_per_department_year(landed):
    _, _, db, env, _ = landed
    shown = juesuan("status", "--warehouse", str(db), env=env)
    assert shown.returncode == 0, shown.stderr
    rows = [re.split(r"\s{2,}", line.strip()) for line in shown.stdout.splitlines()]
    assert rows[1] == ["department", "year", "kind", "current", "held", "duplicate", "superseded",
                       "quarantined", "failed"]
    assert ["山西省人民政府驻上海办事处", "2024", "决算", "1", "0", "0", "0", "1", "0"] in rows
    assert ["-", "-", "-", "0", "0", "0", "0", "0", "2"] in rows  # not read: no department
    assert ["total", "1", "0", "0", "0", "1", "2"] in rows
    assert shown.stdout.rstrip().endswith("4 documents in 2 department-years")


def test_failures_lists_every_reason_whole_newest_first(landed):
    _, _, db, env, _ = landed
    shown = juesuan("failures", "--warehouse", str(db), env=env)
    assert shown.returncode == 0, shown.stderr
    conn = duckdb.connect(str(db), read_only=True)
    try:
        expected = conn.execute("""SELECT file_name, status, status_reason FROM v_documents
                                   WHERE status IN ('failed', 'quarantined', 'held')
                                   ORDER BY ingested_at DESC, file_name""").fetchall()
    finally:
        conn.close()
    assert len(expected) == 3
    squeezed = re.sub(r"\s+", "", shown.stdout)
    positions = []
    for name, status, reason in expected:
        head = re.sub(r"\s+", "", f"{status}{printable(name)}")
        assert head in squeezed, (name, shown.stdout)
        assert re.sub(r"\s+", "", printable(reason)) in squeezed, (reason, shown.stdout)  # whole, only wrapped
        positions.append(squeezed.index(head))
    assert positions == sorted(positions)  # newest first
    assert all(display_width(line) <= 100 for line in shown.stdout.splitlines())
    assert "\nline.txt" not in shown.stdout
    assert "1 quarantined" in shown.stdout and "2 failed" in shown.stdout


def test_query_prints_exact_decimals_in_every_format(landed):
    tmp, _, db, env, _ = landed
    env = {**env, "JUESUAN_WAREHOUSE": str(db)}
    as_csv = juesuan("query", AMOUNT_SQL, "--format", "csv", env=env)
    assert as_csv.returncode == 0, as_csv.stderr
    assert list(csv.reader(io.StringIO(as_csv.stdout))) == [["amount_yuan", "amount_wan"], ["5711300.00", "571.130000"]]

    as_json = juesuan("query", AMOUNT_SQL, "-f", "json", env=env)
    assert as_json.returncode == 0, as_json.stderr
    assert json.loads(as_json.stdout, parse_float=Decimal) == [{"amount_yuan": Decimal("5711300.00"),
                                                                 "amount_wan": Decimal("571.13")}]
    assert '"amount_wan":571.130000' in as_json.stdout

    for fmt in ("parquet", "csv", "json"):
        out = tmp / f"amount.{fmt}"
        written = juesuan("query", AMOUNT_SQL, "--format", fmt, "--out", str(out), env=env)
        assert written.returncode == 0 and written.stdout == "", written.stderr
        back = duckdb.sql(f"SELECT amount_wan FROM '{out}'")
        if fmt == "parquet":
            assert str(back.types[0]).startswith("DECIMAL")
        assert Decimal(str(back.fetchall()[0][0])) == Decimal("571.13"), fmt

    from_stdin = juesuan("query", "-", stdin=AMOUNT_SQL, env=env)
    assert from_stdin.returncode == 0 and "571.130000" in from_stdin.stdout, from_stdin.stderr


def test_query_table_shows_every_column(landed):
    _, _, db, env, _ = landed
    conn = duckdb.connect(str(db), read_only=True)
    try:
        columns = [r[0] for r in conn.execute("DESCRIBE v_documents").fetchall()]
    finally:
        conn.close()
    assert len(columns) > 10
    shown = juesuan("query", "SELECT * FROM v_documents ORDER BY file_name", "--warehouse", str(db), env=env)
    assert shown.returncode == 0, shown.stderr
    header = shown.stdout.splitlines()[0].split()
    assert header == columns
    assert shown.stdout.rstrip().endswith("(4 rows)") and "new\\nline.txt" in shown.stdout
    quoted = juesuan("query", 'SELECT "check" FROM v_validation WHERE "check" IS NOT NULL LIMIT 1',
                     "--warehouse", str(db), env=env)
    assert quoted.returncode == 0 and quoted.stdout.startswith("check\n"), quoted.stderr


@pytest.mark.parametrize("sql, error", [("SELEC 1", "Parser Error: syntax error"),
                                        ("SELECT * FROM no_such_table", "Catalog Error: Table with name no_such_table"),
                                        ("SELECT 'x'::INTEGER", "Conversion Error")])
def test_a_sql_error_is_one_line_and_exit_2(landed, sql, error):
    _, _, db, env, _ = landed
    failed = juesuan("query", sql, "--warehouse", str(db), env=env)
    assert failed.returncode == 2 and failed.stdout == ""
    assert len(failed.stderr.strip().splitlines()) == 1 and error in failed.stderr, failed.stderr
    assert "Traceback" not in failed.stderr


def test_make_query_passes_quoted_sql_unchanged(landed):
    """`make query SQL='…'`: double quotes, single quotes and $ reach DuckDB as written."""
    if shutil.which("make") is None:
        pytest.skip("no make")
    _, _, db, env, _ = landed
    sql = """SELECT "check", '$1 "x"' AS quoted FROM v_validation WHERE "check" IS NOT NULL LIMIT 1"""
    done = subprocess.run(["make", "--no-print-directory", "-s", "-o", "install", "query", f"SQL={sql}",
                           "ARGS=--format csv", f"JUESUAN_WAREHOUSE={db}"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    rows = list(csv.reader(io.StringIO(done.stdout)))
    assert rows[0] == ["check", "quoted"] and rows[1][1] == '$1 "x"', done.stdout


def test_report_writes_the_html_file(landed):
    tmp, _, db, env, _ = landed
    out = tmp / "report.html"
    done = juesuan("report", "--out", str(out), "--warehouse", str(db), env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert out.is_file() and out.stat().st_size > 0 and str(out) in done.stdout


def test_a_large_warehouse_is_summarised_by_status_and_what_needs_a_look():
    """Beyond SUMMARY_ROWS documents the run's summary counts them per status and lists only
    this run's files that are not current (a province is thousands of lines otherwise)."""
    from assets.run import SUMMARY_ROWS, _summary

    row = {"department": "测试局", "fiscal_year": 2024, "tables_found": 10, "rows_landed": 886,
           "checks_passed": 6, "checks_failed": 0, "status_reason": None}
    rows = [{**row, "file": f"f{i}.txt", "status": "current"} for i in range(SUMMARY_ROWS + 5)]
    rows += [{**row, "file": "bad.txt", "status": "failed", "status_reason": "not a disclosure"},
             {**row, "file": "old.txt", "status": "failed", "status_reason": "an earlier run's"}]
    text = _summary(rows, {"bad.txt", "f1.txt"}, None)
    assert text.startswith(f"{SUMMARY_ROWS + 7} documents in the warehouse: {SUMMARY_ROWS + 5} current, 2 failed")
    assert "this run's files that are not current (1):" in text and "bad.txt" in text
    assert "f1.txt" not in text and "old.txt" not in text
    assert _summary(rows[:3], set(), None).count("f") >= 3  # a small warehouse: every row, as before
