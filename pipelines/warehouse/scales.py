"""万元 columns at the fewest decimals that hold every landed amount exactly.

Facts are stored in 元 at 2 decimals, so their 万元 form needs up to 6 (31,214,205.80 元 =
3121.42058 万元), and DuckDB prints every value of a DECIMAL(p,6) column with 6: 1535.140000.
Most documents print 万元 at 2 decimals, so each analyst view's `*_wan` column is narrowed to
the smallest scale (at least 2) at which all its current values are exact, and widened again
when a finer amount lands. The narrowing is checked per value: a value that would not be exact
at the narrowed scale raises an error instead of being rounded (it can only meet one between a
load and the refresh that follows it, in the same write).
"""

from __future__ import annotations

import re

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
