"""Disclosure -> the pandas DataFrames that GX validates.

Money is int64 fen (分), never float and never Decimal objects: GX 1.x compares int64
columns natively and exactly, while `Decimal` columns are dtype object that GX turns into
float in aggregate metrics and result serialisation (`great_expectations.util.
convert_decimal_to_float`, used by column sum/mean and `convert_to_json_serializable`).
int64 fen is exact up to 9.2e16 元. Every frame has `row_id` (its position) and `check`
(the check the row belongs to); `Frame.items[row_id]` is the exact object the row came from,
so GX's unexpected rows turn back into failures without reading numbers out of GX.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from expectations.figures import Figure, figure, is_money_row
from expectations.identities import IDENTITIES, Gap, Identity, Shape, resolve
from pipelines.model import Disclosure

if TYPE_CHECKING:
    import pandas as pd

AMOUNT_COLUMNS = {"row_id": "int64", "check": "str", "table": "str", "row": "int64", "column": "str",
                  "location": "str", "fen": "int64"}
IDENTITY_COLUMNS = {"row_id": "int64", "check": "str", "table": "str", "location": "str",
                    "lhs_fen": "int64", "rhs_fen": "int64", "difference_fen": "int64",
                    "abs_difference_fen": "int64", "tolerance_fen": "int64", "figures": "int64"}


@dataclass
class Frame:
    data: pd.DataFrame
    items: list[Figure] | list[Identity]
    gaps: list[Gap] = field(default_factory=list)


def _frame(records: list[dict], columns: dict[str, str]) -> pd.DataFrame:
    """Typed columns even when there are no rows, so an empty frame still validates.
    pandas is imported here, not at module level: Dagster imports this package to read
    SUITE_NAMES and should not pay for pandas (≈0.85 s) or GX (≈4 s) to do so."""
    import pandas as pd

    return pd.DataFrame({name: pd.Series([r[name] for r in records], dtype=dtype)
                         for name, dtype in columns.items()})


def amount_frame(disclosure: Disclosure, check: str) -> Frame:
    """One row per printed amount (blank, "-" and "——" cells print none) of every table."""
    figures = [
        f for table in disclosure.tables.values() for row in table.rows if is_money_row(row)
        for f in (figure(table, row, column) for column in row.cells) if f.fen is not None
    ]
    records = [
        {"row_id": i, "check": check, "table": f.table, "row": f.row, "column": f.column,
         "location": f.location, "fen": f.fen}
        for i, f in enumerate(figures)
    ]
    return Frame(_frame(records, AMOUNT_COLUMNS), figures)


def identity_frame(disclosure: Disclosure, shapes: tuple[Shape, ...] = IDENTITIES) -> Frame:
    """One row per identity: lhs is the printed total, rhs the sum of its parts,
    difference = rhs − lhs, tolerance the rounding allowance (all in fen)."""
    identities, gaps = resolve(disclosure, shapes)
    records = [
        {"row_id": i, "check": d.check, "table": d.total.table, "location": d.total.location,
         "lhs_fen": d.expected, "rhs_fen": d.actual, "difference_fen": d.difference,
         "abs_difference_fen": abs(d.difference), "tolerance_fen": d.tolerance_fen, "figures": d.printed}
        for i, d in enumerate(identities)
    ]
    return Frame(_frame(records, IDENTITY_COLUMNS), identities, gaps)
