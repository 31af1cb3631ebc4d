"""Disclosure -> the pandas DataFrames that GX validates.

Numbers are int64 quanta (money in fen, 分), never float and never Decimal objects: GX 1.x
compares int64 columns natively and exactly, while `Decimal` columns are dtype object that GX
turns into float in aggregate metrics and result serialisation (`great_expectations.util.
convert_decimal_to_float`, used by column sum/mean and `convert_to_json_serializable`).
int64 fen is exact up to 9.2e16 元. Every frame has `row_id` (its position), `check` (the check
the row belongs to) and `location`; `Frame.items[row_id]` is the exact object the row came
from, so GX's unexpected rows turn back into failures without reading numbers out of GX.

Three kinds of frame:
* amounts: one row per printed amount (non-negative suite);
* tables: one row per standard table of the template (completeness suite);
* comparisons: one row per identity or rate (the balance, cross-table, 绩效自评 and narrative
  suites). `excess` is how far the figures of an error check are from satisfying the relation
  (`warning_excess` the same for a warning check; the other column is 0), `tolerance` what
  rounding allows (both rounded so that GX never passes what exact arithmetic fails, see
  `identities.Decision`), `rounding` a difference that rounding explains (a warning).
  Severity lives in the data, so a suite mixing severities needs no row conditions (each
  costs GX a DataFrame.query).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from expectations.cells import normal
from expectations.figures import Figure, figure, is_money_row, project_money
from expectations.identities import Gap, Item, Shape, resolve
from expectations.units import contradictions
from pipelines.model import Disclosure
from pipelines.parsing.kinds import BY_NAME as KINDS

if TYPE_CHECKING:
    import pandas as pd

AMOUNT_COLUMNS = {"row_id": "int64", "check": "str", "table": "str", "row": "int64", "column": "str",
                  "location": "str", "fen": "int64"}
TABLE_COLUMNS = {"row_id": "int64", "check": "str", "table": "str", "location": "str", "status": "str",
                 "rows": "int64"}
COMPARISON_COLUMNS = {"row_id": "int64", "check": "str", "table": "str", "location": "str", "unit": "str",
                      "expected": "int64", "actual": "int64", "excess": "int64", "warning_excess": "int64",
                      "tolerance": "int64", "rounding": "int64", "figures": "int64"}

# Amounts that may legitimately be negative, by table and row item: 公开01's 年初/年末结转和结余
# include 事业单位 非财政拨款结余, and an 经营结余 deficit (a debit balance) is carried forward, not
# distributed, so the balance printed there can be negative. Every other amount of the
# template is a flow of money or a 财政拨款 balance (unspent appropriations), never negative.
MAY_BE_NEGATIVE = {("公开01", "年初结转和结余"), ("公开01", "年末结转和结余")}

# Statuses of a standard table that satisfy the completeness check.
ACCEPTABLE = ("present", "empty (本表无数据)", "absent (optional)", "unit confirmed")
UNIT_CONTRADICTED = "unit contradicted"  # its figures are in another unit than it prints
UNREADABLE = "unreadable"  # found, but no reading of it could be trusted: its rows are not landed
PARSER_WARNING_STATUS = "parser warning"  # a row of its own: fails the suite's warning expectation only


@dataclass
class Frame:
    data: pd.DataFrame
    items: list[Any]
    gaps: list[Gap] = field(default_factory=list)
    skipped: int = 0  # evaluated-but-exempt rows (e.g. amounts that may be negative)


def _frame(records: list[dict], columns: dict[str, str]) -> pd.DataFrame:
    """Typed columns even when there are no rows, so an empty frame still validates.
    pandas is imported here, not at module level: Dagster imports this package to read
    SUITE_NAMES and should not pay for pandas (≈0.85 s) or GX (≈4 s) to do so."""
    import pandas as pd

    return pd.DataFrame({name: pd.Series([r[name] for r in records], dtype=dtype)
                         for name, dtype in columns.items()})


def may_be_negative(f: Figure, item: str) -> bool:
    return (f.table, normal(item)) in MAY_BE_NEGATIVE


def amount_frame(disclosure: Disclosure, check: str) -> Frame:
    """One row per printed amount (blank, "-" and "——" cells print none) of every table and of
    the 绩效自评表 资金 rows."""
    figures: list[Figure] = []
    exempt = 0
    for table in disclosure.tables.values():
        for row in table.rows:
            if not is_money_row(row):
                continue
            for column in row.cells:
                f = figure(table, row, column)
                if f.value is None:
                    continue
                if may_be_negative(f, row.keys.get("item", "")):
                    exempt += 1
                    continue
                figures.append(f)
    for project in disclosure.projects:
        for name in ("initial_budget", "annual_budget", "executed", "balance"):
            try:
                f = project_money(project, name, disclosure.info.unit)
            except ValueError:  # finer than a fen: reported by the 绩效自评 suite as not evaluated
                continue
            if f.value is not None:
                figures.append(f)
    records = [
        {"row_id": i, "check": check, "table": f.table, "row": f.row, "column": f.column,
         "location": f.location, "fen": f.value}
        for i, f in enumerate(figures)
    ]
    return Frame(_frame(records, AMOUNT_COLUMNS), figures, skipped=exempt)


@dataclass(frozen=True)
class TableState:
    """A standard table of the template in one document: found and read, or not."""

    check: str
    table: str
    status: str
    rows: int
    title: str = ""
    detail: str = ""

    @property
    def location(self) -> str:
        return self.table or "document"  # a parser warning is about the whole document


def table_frame(disclosure: Disclosure, check: str, warning_check: str, unit_check: str) -> Frame:
    """One row per standard table of the document's kind (公开01–10, 预算01–09), one per table whose unit other statements
    contradict (units.py), and one per other parser warning. A mandatory table is missing (not
    found by its title), or unreadable (found, not marked 本表无数据, no data row)."""
    states: list[TableState] = [TableState(unit_check, c.table, UNIT_CONTRADICTED, 0, detail=c.describe())
                                for c in contradictions(disclosure)]
    for template in KINDS[disclosure.info.kind].templates:
        table = disclosure.tables.get(template.table_id)
        if table is None:
            status = "missing" if template.mandatory else "absent (optional)"
            states.append(TableState(check, template.table_id, status, 0))
        elif table.problem:
            states.append(TableState(check, template.table_id, UNREADABLE, 0, table.title, detail=table.problem))
        elif table.empty:
            states.append(TableState(check, template.table_id, ACCEPTABLE[1], len(table.rows), table.title))
        elif not table.rows:
            states.append(TableState(check, template.table_id, "unreadable (no data row)", 0, table.title))
        else:
            states.append(TableState(check, template.table_id, "present", len(table.rows), table.title))
    for problem in disclosure.unreadable:
        states.append(TableState(check, "", UNREADABLE, 0, detail=problem))
    known = {f"mandatory table {s.table} not found" for s in states}
    for warning in disclosure.warnings:
        if warning not in known:  # the parser's own note of a missing table is the row above
            states.append(TableState(warning_check, "", PARSER_WARNING_STATUS, 0, detail=warning))
    records = [{"row_id": i, "check": s.check, "table": s.table, "location": s.location,
                "status": s.status, "rows": s.rows} for i, s in enumerate(states)]
    return Frame(_frame(records, TABLE_COLUMNS), states)


def comparison_frame(disclosure: Disclosure, shapes: tuple[Shape, ...]) -> Frame:
    """One row per identity or rate the shapes produce (see identities.py)."""
    items, gaps = resolve(disclosure, shapes)
    warning = {c for s in shapes if s.severity == "warning" for c in s.check_names}
    records = []
    for i, item in enumerate(items):
        d = item.decision()
        warns = item.check in warning
        records.append({"row_id": i, "check": item.check, "table": item.at.table, "location": item.at.location,
                        "unit": item.unit, "expected": d.expected, "actual": d.actual,
                        "excess": 0 if warns else d.excess, "warning_excess": d.excess if warns else 0,
                        "tolerance": d.tolerance, "rounding": d.rounding, "figures": item.printed})
    return Frame(_frame(records, COMPARISON_COLUMNS), items, gaps)


__all__ = ["ACCEPTABLE", "PARSER_WARNING_STATUS", "Frame", "Item", "amount_frame", "comparison_frame", "table_frame"]
