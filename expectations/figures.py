"""Printed amounts as exact integers of 分 (fen), each with the place it was printed.

Validation never touches floats: a cell's `Decimal` 元 value becomes int fen (元 × 100),
exact because printed amounts carry at most two decimals in 元 (万元 tables: at most six).
A value finer than a fen is a parser bug, so it raises rather than being rounded away.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from fractions import Fraction

from pipelines.model import ParsedTable, TableRow

FEN_PER_YUAN = 100
# Half a unit of the last printed digit, in fen: figures are printed to 0.01 of the table's
# unit, so 0.005 万元 = 50 元 = 5000 fen, and 0.005 元 = half a fen.
HALF_UNIT_FEN = {"万元": Fraction(5000), "元": Fraction(1, 2)}
# Row keys that name a row, in reading order (line numbers and derived groups are left out).
LABEL_KEYS = ("side", "section", "code", "name", "item")


def to_fen(value: Decimal, where: str) -> int:
    fen = value * FEN_PER_YUAN
    if fen != fen.to_integral_value():
        raise ValueError(f"{where}: {value} 元 is not a whole number of fen; amounts must be exact")
    return int(fen)


def to_yuan(fen: int) -> Decimal:
    """Exact: an integer of fen scaled by 10^-2."""
    return Decimal(fen).scaleb(-2)


def row_label(row: TableRow) -> str:
    return " ".join(row.keys[k] for k in LABEL_KEYS if row.keys.get(k))


@dataclass(frozen=True)
class Figure:
    """One cell as validation sees it. `fen` is None when nothing was printed (blank, "-",
    "——"): it adds nothing to a sum and brings no rounding error."""

    table: str
    unit: str  # the table's printed unit: 万元 or 元
    row: int  # 1-based data row of the table (SourceRef.row)
    label: str  # the row's labels, e.g. "2010301 行政运行" or "收入 总计"
    column: str
    raw: str
    fen: int | None

    @property
    def location(self) -> str:
        label = f" ({self.label})" if self.label else ""
        return f"{self.table} row {self.row}{label} {self.column}"


def figure(table: ParsedTable, row: TableRow, column: str) -> Figure:
    cell = row.cells.get(column)
    blank = Figure(table.table_id, table.unit, row.ref.row, row_label(row), column, cell.raw if cell else "", None)
    if cell is None or cell.value is None:
        return blank
    return replace(blank, fen=to_fen(cell.value, blank.location))


def is_money_row(row: TableRow) -> bool:
    """公开10 counts vehicles and equipment in the same column as amounts; those are not money."""
    return row.keys.get("measure", "amount") == "amount"
