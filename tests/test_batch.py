"""Many documents in one go without Dagster (pipelines/batch.py): each lands with its own
outcome, a landing that fails costs only its document, what is landed already is not parsed
again, the read snapshot is published once, and the workers run at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines import batch, warehouse
from pipelines.warehouse import connection


def copies(raw_dir: Path, seed_path: Path, n: int) -> list[tuple[str, Path]]:
    """`n` distinct departments, each the seed's figures."""
    text = seed_path.read_text(encoding="utf-8")
    files = []
    for i in range(n):
        path = raw_dir / f"d{i}.txt"
        path.write_text(text.replace("山西省人民政府驻上海办事处", f"测试局{i}"), encoding="utf-8")
        files.append((path.name, path))
    return files


def ingest(files, database: Path, **options) -> dict[str, batch.Outcome]:
    return {o.key: o for o in batch.ingest(files, database, source_of=lambda key: "raw", **options)}


@pytest.fixture()
def published(monkeypatch) -> list[Path]:
    """Every publication of the read snapshot."""
    seen: list[Path] = []
    real = connection._publish
    monkeypatch.setattr(connection, "_publish", lambda conn, path: (seen.append(path), real(conn, path)))
    return seen


def test_many_documents_land_in_one_transaction_and_one_snapshot(raw_dir, seed_path, tmp_path, published):
    (raw_dir / "note.txt").write_text("会议纪要\n", encoding="utf-8")
    files = [*copies(raw_dir, seed_path, 3), ("note.txt", raw_dir / "note.txt")]
    database = tmp_path / "w.duckdb"
    outcomes = ingest(files, database, workers=2, data_docs=tmp_path / "docs", run_id="run-1")
    assert {k: o.status for k, o in outcomes.items()} == {"d0.txt": "current", "d1.txt": "current",
                                                          "d2.txt": "current", "note.txt": "failed"}
    assert "not a final-accounts disclosure" in outcomes["note.txt"].reason
    assert published == [database]  # once, at the end
    conn = warehouse.reader(database)
    try:
        assert conn.execute("SELECT list(DISTINCT run_id), count(*) FROM ingestion_log").fetchone() == (["run-1"], 4)
        assert conn.execute("SELECT count(*) FROM v_current_document").fetchone()[0] == 3
    finally:
        conn.close()
    assert len(list((tmp_path / "docs" / "documents").glob("*.html"))) == 3
    assert (tmp_path / "docs" / "index.html").is_file()

    published.clear()
    again = ingest(files, database, workers=2)  # the same bytes: told unchanged, nothing parsed or written
    assert {o.status for k, o in again.items() if k != "note.txt"} == {"unchanged"}
    assert all(o.disclosure is None for o in again.values()) and published == []


def test_a_landing_that_fails_costs_only_its_document(raw_dir, seed_path, tmp_path, monkeypatch):
    """The chunk's transaction fails, is rolled back, and its documents land one by one: the
    broken one is an error naming the exception, the others are current."""
    files = copies(raw_dir, seed_path, 3)
    real = batch.land

    def land(conn, disclosure, *args, **kwargs):
        if disclosure.info.department == "测试局1":
            raise RuntimeError("a bug met by this document")
        return real(conn, disclosure, *args, **kwargs)

    monkeypatch.setattr(batch, "land", land)
    outcomes = ingest(files, tmp_path / "w.duckdb", workers=2)
    assert {k: o.status for k, o in outcomes.items()} == {"d0.txt": "current", "d1.txt": "error", "d2.txt": "current"}
    assert outcomes["d1.txt"].reason == "landing it failed: RuntimeError: a bug met by this document"
    conn = warehouse.reader(tmp_path / "w.duckdb")
    try:
        assert sorted(r[0] for r in conn.execute("SELECT file_name FROM dim_document").fetchall()) == ["d0.txt", "d2.txt"]
    finally:
        conn.close()


def test_the_workers_run_at_once(raw_dir, seed_path, tmp_path, monkeypatch):
    """With two workers, two documents are being worked on at the same moment (each worker
    notes when it starts and ends; the notes are the processes' own)."""
    import os
    import time

    from pipelines.isolation import Limits, run_isolated
    from pipelines.raw import identify

    files = copies(raw_dir, seed_path, 4)
    spans = []

    def work(raw):
        started = time.monotonic()
        time.sleep(0.5)
        return os.getpid(), started, time.monotonic()

    jobs = [(key, identify(path, key)) for key, path in files]
    for _, (pid, started, ended) in run_isolated(jobs, Limits(), 2, work):
        spans.append((started, ended))
        assert pid != os.getpid()
    spans.sort()
    assert len(spans) == 4 and any(b[0] < a[1] for a, b in zip(spans, spans[1:]))  # overlapping


def test_a_slow_writer_holds_the_workers_back_and_the_run_still_ends(raw_dir, seed_path, tmp_path, monkeypatch):
    """The queue between the workers and the writer is bounded: with a writer slower than the
    workers it fills, the workers wait, and the end of the work still reaches the writer (it
    once got lost on a full queue, and the run waited forever)."""
    import threading
    import time

    files = copies(raw_dir, seed_path, 4)
    real = batch._commit
    monkeypatch.setattr(batch, "_commit", lambda *args: (time.sleep(1.0), real(*args))[1])
    done: dict = {}
    worker = threading.Thread(target=lambda: done.update(ingest(files, tmp_path / "w.duckdb", workers=2, chunk=1)),
                              daemon=True)
    worker.start()
    worker.join(timeout=180)
    assert not worker.is_alive(), "the run never ended"
    assert {o.status for o in done.values()} == {"current"} and len(done) == 4


def test_the_wan_scale_of_rows_in_hand_is_the_one_the_warehouse_computes(seed_path, tmp_path):
    """A batch fits the views from the rows it lands (scales.wan_scale); publishing a landed
    document asks the warehouse (needed_wan_scale). Both must say the same: 2 for the seed's
    万元, 6 for the same document in 元 with a fen."""
    from pipelines.parsing.document import parse_document
    from pipelines.raw import read_raw
    from pipelines.warehouse.facts import fact_rows
    from pipelines.warehouse.scales import needed_wan_scale, wan_scale
    from tests.render.variants import in_yuan

    yuan = tmp_path / "yuan.txt"
    lines = seed_path.read_text(encoding="utf-8").splitlines()
    text = "\n".join(in_yuan(lines)) + "\n"
    assert "\t行政运行\t5711300.00\t" in text
    yuan.write_text(text.replace("\t行政运行\t5711300.00\t", "\t行政运行\t5711300.01\t"), encoding="utf-8")  # a fen
    scales = {}
    for path in (seed_path, yuan):
        disclosure = parse_document(read_raw(path))
        amounts = [v for rows in fact_rows(disclosure).values() for row in rows
                   for column, v in row.items() if column.endswith("_yuan")]
        with warehouse.writer(tmp_path / f"{path.stem}.duckdb") as conn:
            warehouse.load_disclosure(conn, disclosure, None)
            scales[path.name] = (wan_scale(amounts), needed_wan_scale(conn, disclosure.sha256))
    assert scales[seed_path.name] == (2, 2)
    assert scales["yuan.txt"] == (6, 6)  # 5711300.01 元 = 571.130001 万元


def test_a_group_whose_worker_fails_is_run_again_one_document_at_a_time(raw_dir, seed_path, tmp_path, monkeypatch):
    """Text forms are parsed and validated a group to a worker. One document of the group
    takes more memory than its limit (the worker fails as a whole) and one meets a bug: the
    group is run again one document at a time, so the first is refused alone, saying why; the
    bug is that document's error; the others land."""
    import os

    from pipelines.isolation import Limits
    from pipelines.parsing import document

    files = copies(raw_dir, seed_path, 5)
    notes = tmp_path / "pids"
    real = document.parse_document

    def parse(raw):
        with open(notes, "a") as out:
            out.write(f"{raw.name} {os.getpid()}\n")
        if raw.name == "d1.txt":
            hog = [bytearray(64 * 2**20) for _ in range(8)]  # 512 MiB, over the 200 MiB limit
            del hog
        if raw.name == "d3.txt":
            raise ValueError("a bug met by this document")
        return real(raw)

    monkeypatch.setattr(document, "parse_document", parse)
    outcomes = ingest(files, tmp_path / "w.duckdb", workers=1, limits=Limits(memory_mib=200))
    assert {k: o.status for k, o in outcomes.items()} == {
        "d0.txt": "current", "d1.txt": "failed", "d2.txt": "current", "d3.txt": "error", "d4.txt": "current"}
    assert outcomes["d1.txt"].reason == "parsing needed more than 200 MiB of memory (the limit); not read"
    assert "ValueError: a bug met by this document" in outcomes["d3.txt"].reason
    assert "parsing d3.txt failed in the worker process" in outcomes["d3.txt"].reason
    calls = [line.split() for line in notes.read_text().splitlines()]
    first, again = calls[:2], calls[2:]
    assert [name for name, _ in first] == ["d0.txt", "d1.txt"] and len({pid for _, pid in first}) == 1
    assert [name for name, _ in again] == [f"d{i}.txt" for i in range(5)]  # one at a time
    assert len({pid for _, pid in again}) == 5
