"""`make run` over a folder holding the five real published PDFs: the 决算 and the three 预算
land completely and are current; the blank template is refused, saying what it is."""

from __future__ import annotations

import shutil

from pipelines import warehouse
from tests.corpus import CORPUS, corpus_file
from tests.test_run_corpus import make_run

REFUSED = {"template_final_blank.pdf": "a blank 决算 template"}
FINAL = "final_2024_putuo_planning.pdf"
BUDGETS = ("budget_2024_putuo_wanli.pdf", "budget_2025_putuo_commerce.pdf", "budget_2025_putuo_finance.pdf")


def test_make_run_over_the_real_corpus(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    for name in [FINAL, *BUDGETS, *REFUSED]:
        shutil.copy(corpus_file(name), raw / name)
    run = make_run(tmp_path, raw)
    assert run.returncode == 0, run.stdout + run.stderr

    conn = warehouse.connect(tmp_path / "w.duckdb", read_only=True)
    try:
        documents = {r[0]: r[1:] for r in conn.execute(
            "SELECT file_name, status, status_reason FROM v_documents").fetchall()}
        tables = conn.execute("""SELECT count(*), count(*) FILTER (WHERE problem IS NULL)
                                 FROM dim_document_table t JOIN dim_document d USING (document_sha256)
                                 WHERE d.file_name = ?""", [FINAL]).fetchone()
        facts = conn.execute("SELECT count(*) FROM v_expenditure").fetchone()[0]
        budget_tables = conn.execute("""SELECT d.file_name, count(*) FILTER (WHERE problem IS NULL)
                                        FROM dim_document_table t JOIN dim_document d USING (document_sha256)
                                        WHERE d.kind = '预算' GROUP BY 1""").fetchall()
    finally:
        conn.close()
    assert documents[FINAL] == ("current", None)
    assert tables == (9, 9) and facts > 0
    assert all(documents[name] == ("current", None) for name in BUDGETS)
    assert dict(budget_tables) == {name: 9 for name in BUDGETS}
    for name, kind in REFUSED.items():
        status, why = documents[name]
        assert status == "failed" and why.startswith(kind), (name, status, why)
    assert str(CORPUS)  # the corpus folder was found (corpus_file skips otherwise)
