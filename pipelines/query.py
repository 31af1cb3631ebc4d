"""Read-only SQL on the warehouse (`juesuan query SQL`), and the text helpers the command line
prints with: display widths that count CJK characters double, wrapping long reasons, tables.

A query reads the snapshot every successful write publishes (`pipelines.warehouse.reader`): a
read-only copy, so it cannot change the warehouse and it works while an ingestion run is
writing; it shows the warehouse as of the last completed load. Every column is printed; csv,
json and parquet are written by DuckDB itself, so DECIMAL amounts stay exact (571.130000, never
a float), and lists, dates and timestamps keep DuckDB's own spelling.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import sys
import tempfile
import unicodedata
from pathlib import Path
from typing import IO

import duckdb

from pipelines.raw import printable

FORMATS = ("table", "csv", "json", "parquet")
LOG_WIDTH = 100  # where output is not a terminal, lines are wrapped at this width


class QueryError(Exception):
    """A SQL error, as one line: DuckDB's message without its LINE/caret context."""


def display_width(text: str) -> int:
    """Columns the text takes on a terminal: wide (CJK) characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def terminal_width(stream: IO | None = None) -> int:
    """The terminal's width when `stream` (default stdout) is one, else LOG_WIDTH."""
    stream = stream or sys.stdout
    if stream.isatty():
        return max(shutil.get_terminal_size((LOG_WIDTH, 24)).columns, 40)
    return LOG_WIDTH


# A wide character is a place a line may break; so is a space. Each token keeps the spaces
# before it, which are dropped where a line breaks.
_TOKEN = re.compile(r"\s*(?:[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]"
                    r"|[^\s\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]+)")


def wrap(text: str, width: int, indent: str = "    ") -> list[str]:
    """`text` as lines of at most `width` columns (CJK counted double), the continuation lines
    indented; broken at spaces or between CJK characters, a longer word split where it must."""
    lines: list[str] = []
    line = ""
    for token in _TOKEN.findall(text):
        if display_width(line + token) <= width:
            line += token
            continue
        if line.strip():
            lines.append(line.rstrip())
            line, token = indent, token.lstrip()
        while display_width(line + token) > width:  # a word longer than a line
            room = width - display_width(line)
            cut = 0
            while cut < len(token) and display_width(token[:cut + 1]) <= room:
                cut += 1
            cut = max(cut, 1)
            lines.append(line + token[:cut])
            line, token = indent, token[cut:]
        line += token
    if line.strip() or not lines:
        lines.append(line.rstrip())
    return lines


def text_table(headers: list[str], rows: list[list[str]], right: set[int] = frozenset()) -> list[str]:
    """An aligned plain-text table: a header, a rule, the rows; columns in `right` right-aligned."""
    widths = [max([display_width(h)] + [display_width(r[i]) for r in rows]) for i, h in enumerate(headers)]

    def fmt(cells: list[str]) -> str:
        padded = [(" " * (w - display_width(c)) + c) if i in right else (c + " " * (w - display_width(c)))
                  for i, (c, w) in enumerate(zip(cells, widths))]
        return "  ".join(padded).rstrip()

    return [fmt(headers), "  ".join("-" * w for w in widths)] + [fmt(r) for r in rows]


def one_line(error: Exception) -> str:
    """DuckDB's message on one line: its context lines (LINE 1: …, the caret) left out."""
    kept = []
    for line in str(error).splitlines():
        if re.match(r"\s*LINE \d+:", line):
            break
        if line.strip():
            kept.append(line.strip())
    return " ".join(kept) or type(error).__name__


def cell(value: object) -> str:
    """A value as the table shows it (NULL for a missing value, control characters escaped)."""
    if value is None:
        return "NULL"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(cell(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{cell(k)}: {cell(v)}" for k, v in value.items()) + "}"
    if isinstance(value, bytes):
        return value.hex()
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    return printable(str(value))


def run(conn: duckdb.DuckDBPyConnection, sql: str, fmt: str = "table", out: Path | None = None,
        stream: IO | None = None) -> None:
    """Run `sql` and write its result as `fmt` to `out` (or `stream`, default stdout; parquet
    needs `out`). A SQL error raises QueryError (one line)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: one of {', '.join(FORMATS)}")
    if fmt == "parquet" and out is None:
        raise ValueError("--format parquet writes a file: give --out FILE.parquet")
    stream = stream or sys.stdout
    try:
        relation = conn.sql(sql)
        if relation is None:  # a statement without a result
            return
        if fmt == "table":
            columns, rows = relation.columns, relation.fetchall()
            text = _table(columns, relation.types, rows, expand=out is None and stream.isatty(),
                          width=terminal_width(stream))
            if out is None:
                stream.write(text)
                stream.flush()
            else:
                Path(out).write_text(text, encoding="utf-8")
            return
        if out is not None:
            _copy(relation, fmt, Path(out))
            return
        with tempfile.TemporaryDirectory(prefix="juesuan-query-") as folder:
            file = Path(folder) / f"result.{fmt}"
            _copy(relation, fmt, file)
            stream.flush()
            with open(file, "rb") as result:
                shutil.copyfileobj(result, getattr(stream, "buffer", None) or _Text(stream))
            stream.flush()
    except duckdb.Error as error:
        raise QueryError(one_line(error)) from None


COPY_OPTIONS = {"csv": "FORMAT csv, HEADER true", "json": "FORMAT json, ARRAY true", "parquet": "FORMAT parquet"}


def _copy(relation: duckdb.DuckDBPyRelation, fmt: str, file: Path) -> None:
    """DuckDB writes the file: exact decimals, its own spelling of every type. (`query` runs the
    COPY at once; its result is not fetched, which would run it again.)"""
    target = str(file).replace("'", "''")
    relation.query("juesuan_result", f"COPY (SELECT * FROM juesuan_result) TO '{target}' ({COPY_OPTIONS[fmt]})")


class _Text:
    """A text stream taking bytes (for streams without a binary buffer, as in tests)."""

    def __init__(self, stream: IO):
        self.stream = stream

    def write(self, data: bytes) -> None:
        self.stream.write(data.decode("utf-8"))


NUMERIC = re.compile(r"^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|U\w*INT|FLOAT|DOUBLE|DECIMAL)")


def _table(columns: list[str], types: list, rows: list[tuple], expand: bool, width: int) -> str:
    """Every column. On a terminal too narrow for the table, each row is printed as one
    `column  value` block instead (values wrapped), like psql's expanded display."""
    cells = [[cell(v) for v in row] for row in rows]
    headers = [printable(c) for c in columns]
    right = {i for i, t in enumerate(types) if NUMERIC.match(str(t))}
    lines = text_table(headers, cells, right)
    footer = f"({len(rows)} row{'' if len(rows) == 1 else 's'})"
    if not expand or not rows or max(display_width(line) for line in lines) <= width:
        return "\n".join(lines + [footer]) + "\n"
    name_width = max(display_width(h) for h in headers)
    out = []
    for n, row in enumerate(cells, 1):
        out.append(f"-[ row {n} ]" + "-" * max(0, min(width, 40) - len(f"-[ row {n} ]")))
        for header, value in zip(headers, row):
            label = header + " " * (name_width - display_width(header)) + "  "
            value_lines = wrap(value, max(width - len(label), 20), indent="")
            out.append(label + value_lines[0])
            out += [" " * len(label) + v for v in value_lines[1:]]
    return "\n".join(out + [footer]) + "\n"


def main() -> int:
    """`python -m pipelines.query SQL` (or SQL on standard input): the table of `juesuan query`."""
    sql = " ".join(sys.argv[1:]) or sys.stdin.read()
    if not sql.strip():
        print('usage: juesuan query "SELECT * FROM v_documents"', file=sys.stderr)
        return 2
    from pipelines.warehouse import reader

    conn = reader()
    try:
        run(conn, sql)
    except QueryError as error:
        print(f"SQL error: {error}", file=sys.stderr)
        return 2
    finally:
        conn.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
