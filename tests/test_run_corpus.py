"""`make run` over a raw folder full of bad input beside the seed: every bad document is listed
with its reason, the seed lands, the command exits 0, and a second run parses nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pipelines import warehouse
from pipelines.raw import printable

ROOT = Path(__file__).resolve().parents[1]
PDF_FIXTURES = ROOT / "tests" / "fixtures" / "pdf"


def corpus(raw: Path) -> dict[str, str]:
    """File name -> a fragment of the reason it must be refused with."""
    files = {
        "empty.txt": (b"", "the file is empty"),
        "truncated.pdf": ((PDF_FIXTURES / "p25.pdf").read_bytes()[:150_000], "not a readable PDF"),
        "corrupt.pdf": (b"%PDF-1.7\n" + b"\x00junk" * 100, "not a readable PDF"),
        "notes.txt": ("会议纪要\n一、会议内容\n".encode(), "not a final-accounts disclosure"),
        "new\nline 纪要.txt": ("纪要\n".encode(), "not a final-accounts disclosure"),
        "-dash.docx": (b"PK\x03\x04 docx", "unsupported file type .docx"),
        "sheet.xls": (b"\xd0\xcf\x11\xe0", "unsupported file type .xls"),
        "bundle.zip": (b"PK\x03\x04 zip", "unsupported file type .zip"),
    }
    for name, (data, _) in files.items():
        (raw / name).write_bytes(data)
    return {name: reason for name, (_, reason) in files.items()}


# A table that cannot be read: the document lands quarantined, naming the table; the others are read.
UNREADABLE_TABLE = {
    "bad amount.txt": (("\t571.13\t", "\t571.1a\t"), "公开02 收入决算表: line 141, column 本年收入合计: '571.1a' is not an amount"),
    "千元.txt": (("2024年度单位:万元", "2024年度单位:千元"), "公开07 政府性基金预算财政拨款收入支出决算表: unknown amount unit '千元'"),
}


def make_run(tmp_path: Path, raw: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "JUESUAN_RAW": str(raw),
           "JUESUAN_WAREHOUSE": str(tmp_path / "w.duckdb"), "DAGSTER_HOME": str(tmp_path / "dagster"),
           "JUESUAN_SOURCES": str(tmp_path / "no-sources.toml")}
    return subprocess.run([sys.executable, "-m", "assets.run", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)


def test_bad_documents_are_refused_and_the_run_goes_on(tmp_path, raw_dir, seed_path):
    reasons = corpus(raw_dir)
    seed = seed_path.read_text(encoding="utf-8")
    for name, ((old, new), _) in UNREADABLE_TABLE.items():
        (raw_dir / name).write_text(seed.replace(old, new, 1), encoding="utf-8")
    # a file name that is not UTF-8 (bytes ff fe): listed under its escaped name like any other
    Path(os.fsdecode(os.fsencode(raw_dir) + b"/\xff\xfe" + "纪要.txt".encode())).write_bytes("会议纪要（二）\n".encode())
    reasons["\\xff\\xfe纪要.txt"] = "not a final-accounts disclosure"
    first = make_run(tmp_path, raw_dir)
    assert first.returncode == 0, first.stdout + first.stderr
    for name in reasons:  # names printed with control characters escaped: no forged lines
        assert f"{printable(name)}: quarantined" in first.stdout, (name, first.stdout)
    assert "\nline 纪要.txt" not in first.stdout and "new\\nline 纪要.txt: quarantined" in first.stdout

    conn = warehouse.connect(tmp_path / "w.duckdb", read_only=True)
    try:
        documents = {r[0]: r[1:] for r in conn.execute(
            "SELECT file_name, status, status_reason FROM v_documents").fetchall()}
        log = conn.execute("SELECT file_name, status FROM v_ingestion_log").fetchall()
    finally:
        conn.close()
    assert documents[seed_path.name] == ("current", None)
    for name, reason in reasons.items():
        status, why = documents[name]
        assert status == "failed" and reason in why, (name, status, why)
    for name, (_, reason) in UNREADABLE_TABLE.items():
        status, why = documents[name]
        assert status == "quarantined" and reason in why, (name, status, why)
    assert sorted(log) == sorted([(seed_path.name, "landed")] + [(n, "failed") for n in reasons]
                                 + [(n, "quarantined") for n in UNREADABLE_TABLE])

    again = make_run(tmp_path, raw_dir)  # nothing changed: nothing is parsed
    assert again.returncode == 0
    strict = make_run(tmp_path, raw_dir, "--strict")  # for cron: refused files count, new or not
    assert strict.returncode == 3 and "strict: " in strict.stderr, strict.stderr
    unchanged = len(reasons) + len(UNREADABLE_TABLE) + 1
    assert again.stdout.count("unchanged (these bytes are in the warehouse; not parsed)") == unchanged


def test_a_special_file_is_refused_by_name_and_never_opened(tmp_path, raw_dir, seed_path):
    """A FIFO in raw/ would block any reader forever: it is listed, refused with what it is,
    and the run goes on."""
    os.mkfifo(raw_dir / "pipe.txt")
    run = make_run(tmp_path, raw_dir)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "pipe.txt: quarantined" in run.stdout and "not a regular file but a FIFO" in run.stdout, run.stdout
    conn = warehouse.connect(tmp_path / "w.duckdb", read_only=True)
    try:
        log = conn.execute("SELECT file_name, status, reason FROM v_ingestion_log ORDER BY file_name").fetchall()
        current = conn.execute("SELECT file_name FROM v_current_document").fetchall()
    finally:
        conn.close()
    assert current == [(seed_path.name,)]
    assert log == [(seed_path.name, "landed", None),
                   ("pipe.txt", "failed", "cannot be read: not a regular file but a FIFO (named pipe); not read")]
