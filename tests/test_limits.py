"""Bounded resources per document: each is parsed in a worker process with a memory limit and a
deadline, so a decompression bomb, millions of glyphs or a 200 MB text end in a clear error
(real processes, real inputs made in tmp_path), and a real document parses as in-process."""

from __future__ import annotations

import resource
import shutil
import time
import zlib
from pathlib import Path

import dagster as dg
import pytest

import pipelines.parsing.pdf  # noqa: F401 - imported before memory is measured, as parse_isolated does
from pipelines import warehouse
from pipelines.isolation import Limits, ParserFailed, parse_isolated
from pipelines.model import DocumentError
from pipelines.parsing.document import parse_document
from pipelines.raw import read_raw
from pipelines.sources import load_sources

MIB = 2**20


def one_page_pdf(path: Path, content: bytes, filtered: bool = False) -> Path:
    """A valid one-page PDF (exact xref offsets) whose page draws `content`."""
    stream = b"<< /Length %d%s >>\nstream\n" % (len(content), b" /Filter /FlateDecode" if filtered else b"")
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               stream + content + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def flate_of_spaces(size: int) -> bytes:
    """zlib data inflating to `size` spaces, made in a moment: a MiB of spaces deflated after a
    full flush is the same bytes every time, so that piece is repeated (the checksum is real)."""
    block = b" " * MIB
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    piece = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    checksum = 1
    for _ in range(size // MIB):
        checksum = zlib.adler32(block, checksum)
    return b"\x78\xda" + piece * (size // MIB) + b"\x03\x00" + checksum.to_bytes(4, "big")


@pytest.fixture(scope="module")
def bomb(tmp_path_factory) -> Path:
    """A 1 MB PDF whose page content inflates to 1 GiB (pdfium needs 2 GiB to read its text)."""
    return one_page_pdf(tmp_path_factory.mktemp("bomb") / "bomb.pdf", flate_of_spaces(1024 * MIB), filtered=True)


def test_the_bomb_is_what_it_says():
    data = flate_of_spaces(3 * MIB)
    assert len(data) < 20_000 and zlib.decompress(data) == b" " * (3 * MIB)


def test_a_decompression_bomb_stops_at_the_memory_limit(bomb):
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    with pytest.raises(DocumentError) as caught:
        parse_isolated(read_raw(bomb), Limits(memory_mib=400))
    assert caught.value.document == "bomb.pdf"
    assert caught.value.problem == "parsing needed more than 400 MiB of memory (the limit); not read"
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 - before < 100 * MIB  # not here


def test_millions_of_glyphs_stop_at_the_deadline(tmp_path):
    """Two million glyphs take pdfium and the text pass half a minute; the deadline is 3 s."""
    content = b"BT /F1 1 Tf " + (b"(" + b"a" * 1000 + b") Tj ") * 2000 + b"ET"
    path = one_page_pdf(tmp_path / "glyphs.pdf", zlib.compress(content), filtered=True)
    started = time.monotonic()
    with pytest.raises(DocumentError) as caught:
        parse_isolated(read_raw(path), Limits(seconds=3))
    assert caught.value.problem == "parsing took longer than 3 s (the limit); not read"
    assert time.monotonic() - started < 3 + 2


@pytest.fixture(scope="module")
def big_text(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("text") / "big.txt"
    line = "一般公共预算财政拨款收入\t571.13\t123.45\n".encode()
    with path.open("wb") as out:
        for _ in range(200):
            out.write(line * (MIB // len(line)))
    return path


def test_a_200_mb_text_is_refused_unread(big_text):
    started = time.monotonic()
    with pytest.raises(DocumentError) as caught:
        parse_isolated(read_raw(big_text), Limits())
    assert caught.value.problem == ("the text is 200 MiB, over the 16 MiB limit for a disclosure's text form; "
                                    "not read")
    assert time.monotonic() - started < 1


def test_a_200_mb_text_let_through_stops_at_the_memory_limit(big_text):
    """Without the size limit, the worker's limit holds: a clear error, not a MemoryError."""
    with pytest.raises(DocumentError) as caught:
        parse_isolated(read_raw(big_text), Limits(memory_mib=400, seconds=30, text_mib=1000))
    assert caught.value.problem == "parsing needed more than 400 MiB of memory (the limit); not read"


def test_the_seed_parses_isolated_as_in_process(seed_path, seed_disclosure):
    isolated = parse_isolated(read_raw(seed_path, seed_path.parent), Limits())
    assert isolated == seed_disclosure  # dataclasses: every table, row, cell, fact and warning
    assert {k: t.rows for k, t in isolated.tables.items()} == {k: t.rows for k, t in seed_disclosure.tables.items()}
    assert isolated.narrative == seed_disclosure.narrative and len(isolated.narrative) > 10


def test_a_document_error_in_the_worker_keeps_its_text(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("会议纪要\n一、会议内容\n", encoding="utf-8")
    with pytest.raises(DocumentError) as caught:
        parse_isolated(read_raw(path), Limits())
    with pytest.raises(DocumentError) as direct:
        parse_document(read_raw(path))
    assert (caught.value.document, caught.value.problem, str(caught.value)) == \
           (direct.value.document, direct.value.problem, str(direct.value))


def test_a_bug_in_the_parser_comes_back_with_its_traceback(seed_path, monkeypatch):
    def broken(raw):
        raise KeyError("a bug")

    monkeypatch.setattr("pipelines.isolation.parse_document", broken)  # the fork inherits it
    with pytest.raises(ParserFailed) as caught:
        parse_isolated(read_raw(seed_path), Limits())
    assert "Traceback" in str(caught.value) and "KeyError: 'a bug'" in str(caught.value)


def test_limits_come_from_sources_toml(tmp_path):
    (tmp_path / "sources.toml").write_text("[limits]\nparse_memory_mib = 400\nparse_seconds = 20\n")
    assert load_sources(tmp_path / "sources.toml").limits == Limits(memory_mib=400, seconds=20, text_mib=16, file_mib=256)
    assert load_sources(tmp_path / "none.toml").limits == Limits()


def test_a_run_lands_the_seed_and_records_the_bomb_with_its_limit(tmp_path, raw_dir, seed_path, bomb,
                                                                  monkeypatch):
    from assets.ingestion import assets as ingestion
    from assets.ingestion.resources import RawFolder, WarehouseResource

    (tmp_path / "sources.toml").write_text("[limits]\nparse_memory_mib = 400\nfile_max_mib = 64\n")
    monkeypatch.setenv("JUESUAN_SOURCES", str(tmp_path / "sources.toml"))
    monkeypatch.setenv("JUESUAN_RAW", str(raw_dir))
    shutil.copy(bomb, raw_dir / "bomb.pdf")
    with open(raw_dir / "huge.pdf", "wb") as huge:  # 100 MiB, sparse: costs no disk
        huge.write(b"%PDF-1.7\n")
        huge.truncate(100 * MIB)
    database = tmp_path / "w.duckdb"
    resources = {"raw_folder": RawFolder(path=str(raw_dir)), "duckdb": WarehouseResource(database=str(database))}
    assets = [ingestion.ingest]
    with dg.instance_for_test() as instance:
        keys = ("bomb.pdf", "huge.pdf", seed_path.name)
        instance.add_dynamic_partitions("documents", list(keys))
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        runs = {}
        for key in keys:  # the refused two first: what they cost this process is measured
            runs[key] = dg.materialize(assets, partition_key=key, instance=instance, resources=resources,
                                       raise_on_error=False)
            if key == "huge.pdf":
                grew_mib = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert all(run.success for run in runs.values())  # each file failed alone, saying why
    assert grew_mib < 64, grew_mib  # neither the bomb nor the huge file was ever held here
    conn = warehouse.connect(database, read_only=True)
    try:
        documents = {r[0]: r[1:] for r in conn.execute(
            "SELECT file_name, status, status_reason FROM v_documents").fetchall()}
    finally:
        conn.close()
    assert documents["bomb.pdf"] == ("failed", "parsing needed more than 400 MiB of memory (the limit); not read")
    assert documents["huge.pdf"] == ("failed", "the file is 100 MiB, over the 64 MiB limit for a document file; not read")
    assert documents[seed_path.name][0] == "current"


def test_a_worker_dies_with_its_killed_parent(tmp_path):
    """kill -9 of a run must not leave its worker parsing on alone until the deadline."""
    import os
    import signal
    import subprocess
    import sys

    content = b"BT /F1 1 Tf " + (b"(" + b"a" * 1000 + b") Tj ") * 2000 + b"ET"
    path = one_page_pdf(tmp_path / "glyphs.pdf", zlib.compress(content), filtered=True)
    script = ("import sys; from pipelines.isolation import Limits, parse_isolated; from pipelines.raw import read_raw;"
              "parse_isolated(read_raw(__import__('pathlib').Path(sys.argv[1])), Limits(seconds=120))")
    root = Path(__file__).resolve().parents[1]
    parent = subprocess.Popen([sys.executable, "-c", script, str(path)], cwd=root,
                              env={**os.environ, "PYTHONPATH": str(root)})
    children = Path(f"/proc/{parent.pid}/task/{parent.pid}/children")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not children.read_text().split():
        time.sleep(0.05)
    [worker] = map(int, children.read_text().split())
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait()
    def running() -> bool:  # a zombie (state Z) has stopped; only its parent's parent reaps it
        try:
            return Path(f"/proc/{worker}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
        except FileNotFoundError:
            return False

    gone = time.monotonic() + 5
    while time.monotonic() < gone and running():
        time.sleep(0.05)
    assert not running(), f"worker {worker} outlived its parent"
