"""The data dictionary (warehouse/comments.sql): every table, view and column of the warehouse
carries a COMMENT, Chinese first, then English, that any client shows, and it survives the views
being re-created on every connect."""

from __future__ import annotations

import re

import pytest

from pipelines import warehouse
from pipelines.warehouse.connection import SQL_DIR

CHINESE = re.compile(r"[\u3400-\u9fff]")
LATIN = re.compile(r"[A-Za-z]")
STATEMENT = re.compile(r"COMMENT ON (TABLE|VIEW|COLUMN) ([\w.\"]+) IS '((?:[^']|'')*)';")


def _catalog(conn) -> tuple[dict[tuple[str, str], str | None], dict[tuple[str, str, str], str | None]]:
    """({(kind, object): comment}, {(kind, object, column): comment}) of schema main."""
    objects = {("TABLE", name): comment for name, comment in conn.execute(
        "SELECT table_name, comment FROM duckdb_tables() WHERE schema_name = 'main' AND NOT internal").fetchall()}
    objects |= {("VIEW", name): comment for name, comment in conn.execute(
        "SELECT view_name, comment FROM duckdb_views() WHERE schema_name = 'main' AND NOT internal").fetchall()}
    kinds = {name: kind for kind, name in objects}
    columns = {(kinds[table], table, column): comment for table, column, comment in conn.execute(
        "SELECT table_name, column_name, comment FROM duckdb_columns() WHERE schema_name = 'main' AND NOT internal"
    ).fetchall() if table in kinds}
    return objects, columns


def _bilingual(comment: str | None) -> bool:
    """Chinese, then ' — ', then English."""
    if not comment or " — " not in comment:
        return False
    chinese, english = comment.split(" — ", 1)
    return bool(CHINESE.search(chinese)) and bool(LATIN.search(english))


@pytest.fixture()
def conn(tmp_path):
    conn = warehouse.connect(tmp_path / "w.duckdb")
    yield conn
    conn.close()


def _assert_dictionary(conn) -> None:
    objects, columns = _catalog(conn)
    assert len([k for k, _ in objects if k == "TABLE"]) >= 20 and len([k for k, _ in objects if k == "VIEW"]) >= 25
    assert not [name for name, comment in objects.items() if not _bilingual(comment)]
    assert not [column for column, comment in columns.items() if not _bilingual(comment)]
    views = {name: comment for (kind, name), comment in objects.items() if kind == "VIEW"}
    assert not [name for name, comment in views.items() if "grain" not in comment]  # each view states its grain
    for internal in ("income_cell", "expenditure_cell", "basic_expenditure_cell", "three_public_cell"):
        assert "内部" in views[internal] and "internal" in views[internal] and "do not sum" in views[internal]


def test_every_table_view_and_column_has_a_bilingual_comment(conn):
    _assert_dictionary(conn)
    comment = conn.execute("SELECT comment FROM duckdb_columns() WHERE table_name = 'v_income' "
                           "AND column_name = 'amount_wan'").fetchone()[0]
    assert "万元" in comment and "DECIMAL" in comment


def test_comments_survive_reconnecting(tmp_path):
    path = tmp_path / "w.duckdb"
    first = warehouse.connect(path)
    before = _catalog(first)
    first.close()
    again = warehouse.connect(path)  # re-creates every view (CREATE OR REPLACE drops their comments)
    try:
        assert _catalog(again) == before
        _assert_dictionary(again)
    finally:
        again.close()


def test_readers_see_the_dictionary(tmp_path):
    path = tmp_path / "w.duckdb"
    with warehouse.writer(path):
        pass
    reader = warehouse.reader(path)  # the published snapshot, read-only: nothing re-applies comments there
    try:
        objects, columns = _catalog(reader)
        assert all(_bilingual(c) for c in objects.values()) and all(_bilingual(c) for c in columns.values())
    finally:
        reader.close()


def test_comments_sql_names_exactly_the_warehouse(conn):
    """Each table, view and column is commented once, and nothing that does not exist is (DuckDB
    would refuse that, and the connect with it)."""
    text = (SQL_DIR / "comments.sql").read_text(encoding="utf-8")
    statements = STATEMENT.findall(text)
    assert len(statements) == text.count("COMMENT ON ")  # every statement is one the pattern reads
    objects, columns = _catalog(conn)
    named_objects = [(kind, name) for kind, name, _ in statements if kind != "COLUMN"]
    named_columns = []
    for kind, target, _ in statements:
        if kind == "COLUMN":
            table, column = target.split(".", 1)
            named_columns.append((table, column.strip('"')))
    assert sorted(named_objects) == sorted(objects)
    assert sorted(named_columns) == sorted((table, column) for _, table, column in columns)
    # the file's text is what the catalog holds
    texts = {(name, None): comment.replace("''", "'") for kind, name, comment in statements if kind != "COLUMN"}
    texts |= {(t.split(".", 1)[0], t.split(".", 1)[1].strip('"')): comment.replace("''", "'")
              for kind, t, comment in statements if kind == "COLUMN"}
    assert texts == {(name, None): comment for (_, name), comment in objects.items()} | {
        (table, column): comment for (_, table, column), comment in columns.items()}
