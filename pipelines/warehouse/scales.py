"""万元 columns at the fewest decimals that hold every landed amount exactly.

Facts are stored in 元 at 2 decimals, so their 万元 form needs up to 6 (31,214,205.80 元 =
3121.42058 万元), and DuckDB prints every value of a DECIMAL(p,6) column with 6: 1535.140000.
Most documents print 万元 at 2 decimals, so each analyst view's `*_wan` column is narrowed to
the smallest scale (at least 2) at which all its current values are exact, and widened again
when a finer amount lands. The narrowing is checked per value: a value that would not be exact
at the narrowed scale raises an error instead of being rounded. The views are re-made only when
a write lands an amount finer than the narrowest column carries (`needed_wan_scale`,
`carried_wan_scale`, connection.fit_views): re-making them costs more than a load.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

import duckdb

FULL_SCALE = 6   # 元 at 2 decimals, in 万元
MIN_SCALE = 2    # 万元 as documents print it
_DECIMAL = re.compile(r"DECIMAL\((\d+),(\d+)\)")


def narrow_wan_columns(conn: duckdb.DuckDBPyConnection) -> dict[str, dict[str, int]]:
    """Re-create every analyst view (v_*) whose 万元 columns need fewer decimals than they
    carry; returns {view: {column: scale}} of what was narrowed."""
    columns = conn.execute(f"""
        SELECT c.table_name, c.column_name, c.data_type, v.sql
        FROM duckdb_columns() c JOIN duckdb_views() v ON v.view_name = c.table_name
        WHERE c.schema_name = 'main' AND NOT v.internal AND c.table_name LIKE 'v\\_%' ESCAPE '\\'
          AND c.column_name LIKE '%\\_wan' ESCAPE '\\' AND c.data_type LIKE 'DECIMAL(%,{FULL_SCALE})'
        ORDER BY c.table_name, c.column_index""").fetchall()
    views: dict[str, tuple[str, list[tuple[str, int]]]] = {}
    for view, column, data_type, sql in columns:
        precision = int(_DECIMAL.fullmatch(data_type).group(1))
        views.setdefault(view, (sql, []))[1].append((column, precision))
    narrowed: dict[str, dict[str, int]] = {}
    for view, (sql, wide) in views.items():
        scales = _needed_scales(conn, view, [column for column, _ in wide])
        replace = [_exact_cast(column, precision, scales[column])
                   for column, precision in wide if scales[column] < FULL_SCALE]
        if not replace:
            continue
        body = re.sub(r"^\s*CREATE\s+VIEW\s+\S+\s+AS\s+", "", sql, count=1, flags=re.I).rstrip().rstrip(";")
        conn.execute(f"CREATE OR REPLACE VIEW {view} AS "
                     f"SELECT * REPLACE ({', '.join(replace)}) FROM ({body})")
        narrowed[view] = {column: scales[column] for column, _ in wide if scales[column] < FULL_SCALE}
    return narrowed


def needed_wan_scale(conn: duckdb.DuckDBPyConnection, sha256: str | None = None) -> int:
    """The 万元 decimals the document's amounts need (2 for 万元 at 2 decimals, up to 6 for 元
    with fen), over every 元 column of every fact table; without a document, every current
    document's. A scan of the facts: far cheaper than the views' own queries."""
    columns = conn.execute(r"""SELECT table_name, column_name FROM duckdb_columns()
                               WHERE schema_name = 'main' AND table_name LIKE 'fact\_%' ESCAPE '\'
                                 AND column_name LIKE '%\_yuan' ESCAPE '\'""").fetchall()
    documents = ("= $1" if sha256 else
                 "IN (SELECT document_sha256 FROM dim_document WHERE status = 'current') AND $1 IS NULL")
    fen = " UNION ALL ".join(f"SELECT CAST({column} * 100 AS HUGEINT) AS fen FROM {table} "
                             f"WHERE document_sha256 {documents} AND {column} IS NOT NULL" for table, column in columns)
    steps = " ".join(f"WHEN fen % {10 ** (FULL_SCALE - s)} = 0 THEN {s}" for s in range(MIN_SCALE, FULL_SCALE))
    return conn.execute(f"SELECT coalesce(max(CASE {steps} ELSE {FULL_SCALE} END), {MIN_SCALE}) FROM ({fen})",
                        [sha256]).fetchone()[0]


def wan_scale(amounts: Iterable[Decimal | None]) -> int:
    """The 万元 decimals amounts in 元 need (as `needed_wan_scale`, from the values in hand)."""
    scale = MIN_SCALE
    for value in amounts:
        if value is None or scale == FULL_SCALE:
            continue
        fen = int(value * 100)
        while scale < FULL_SCALE and fen % 10 ** (FULL_SCALE - scale):
            scale += 1
    return scale


def carried_wan_scale(conn: duckdb.DuckDBPyConnection) -> int:
    """The fewest decimals any analyst view's 万元 column carries now."""
    return conn.execute(r"""SELECT coalesce(min(numeric_scale), 0) FROM duckdb_columns()
                            WHERE schema_name = 'main' AND table_name LIKE 'v\_%' ESCAPE '\'
                              AND column_name LIKE '%\_wan' ESCAPE '\'
                              AND data_type LIKE 'DECIMAL%'""").fetchone()[0]


def _needed_scales(conn, view: str, columns: list[str]) -> dict[str, int]:
    def needed(column: str) -> str:
        steps = " ".join(f"WHEN {column} = round({column}, {s}) THEN {s}"
                         for s in range(MIN_SCALE, FULL_SCALE))
        return f"coalesce(max(CASE WHEN {column} IS NULL THEN NULL {steps} ELSE {FULL_SCALE} END), {MIN_SCALE})"
    row = conn.execute(f"SELECT {', '.join(needed(c) for c in columns)} FROM {view}").fetchone()
    return dict(zip(columns, row))


def _exact_cast(column: str, precision: int, scale: int) -> str:
    narrow = f"CAST({column} AS DECIMAL({precision - FULL_SCALE + scale},{scale}))"
    return (f"CASE WHEN {column} IS NULL OR {column} = round({column}, {scale}) THEN {narrow} "
            f"ELSE error('{column} ' || {column}::VARCHAR || ' is finer than {scale} decimals: "
            f"the views are being refreshed, query again') END AS {column}")
