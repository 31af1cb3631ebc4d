"""The totals a disclosure must balance, declared as data.

An identity says one printed total equals the sum of other printed figures. A few reusable
shapes (two rows equal, a total over the rows above it, a subject over its sub-subjects, a
row's total over its columns) cover the template; `IDENTITIES` lists which shape applies
where. Deepening validation to every identity of the template is adding lines to that list.
Shapes only collect figures; whether a difference is acceptable is decided by GX.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction

from expectations.figures import HALF_UNIT_FEN, Figure, figure
from pipelines.model import Disclosure, ParsedTable, TableRow

SUBJECT_LEVELS = {3: "类", 5: "款", 7: "项"}
TOTAL_NAMES = ("合计", "总计")


@dataclass(frozen=True)
class Identity:
    """`total` (printed, the expected value) = Σ `parts` (the actual sum of the figures)."""

    check: str
    total: Figure
    parts: tuple[Figure, ...]
    about: str  # what the parts are, for people

    @property
    def unit(self) -> str:
        return self.total.unit

    @property
    def expected(self) -> int:
        return self.total.fen or 0

    @property
    def actual(self) -> int:
        return sum(p.fen or 0 for p in self.parts)

    @property
    def difference(self) -> int:
        return self.actual - self.expected

    @property
    def printed(self) -> int:
        """How many printed figures take part; each may be off by half a unit of its last digit."""
        return sum(f.fen is not None for f in (self.total, *self.parts))

    @property
    def tolerance(self) -> Fraction:
        return self.printed * HALF_UNIT_FEN[self.unit]

    @property
    def tolerance_fen(self) -> int:
        """Differences are whole fen, so |d| ≤ tolerance exactly when |d| ≤ ⌊tolerance⌋."""
        return math.floor(self.tolerance)


@dataclass(frozen=True)
class Gap:
    """An identity that could not be evaluated (its table or anchor row is missing)."""

    check: str
    table: str
    reason: str


Match = dict[str, str]


def _find(table: ParsedTable, match: Match) -> TableRow | None:
    return next((r for r in table.rows if all(r.keys.get(k) == v for k, v in match.items())), None)


def _identity(check: str, table: ParsedTable, row: TableRow, column: str,
              parts: list[tuple[TableRow, str]], about: str) -> Identity:
    return Identity(check, figure(table, row, column), tuple(figure(table, r, c) for r, c in parts), about)


def _code(row: TableRow) -> str:
    return row.keys.get("code", "")


@dataclass(frozen=True)
class RowsEqual:
    """Two rows print the same figure (公开01 收入总计 = 支出总计)."""

    name: str
    table: str
    left: Match
    right: Match
    column: str
    severity: str = "error"

    def identities(self, table: ParsedTable) -> Iterator[Identity | Gap]:
        left, right = _find(table, self.left), _find(table, self.right)
        if left is None or right is None:
            missing = self.left if left is None else self.right
            yield Gap(self.name, self.table, f"no row {' '.join(missing.values())}")
            return
        other = figure(table, right, self.column)
        yield _identity(self.name, table, left, self.column, [(right, self.column)], other.location)


@dataclass(frozen=True)
class SumOfPreceding:
    """A total row over the rows above it on the same side (公开01 本年收入合计 = 一 … 八);
    "其中" rows are breakdowns of the row above and are not added again."""

    name: str
    table: str
    total: Match
    column: str
    scope: str = "side"
    skip_prefixes: tuple[str, ...] = ("其中",)
    severity: str = "error"

    def identities(self, table: ParsedTable) -> Iterator[Identity | Gap]:
        total = _find(table, self.total)
        if total is None:
            yield Gap(self.name, self.table, f"no row {' '.join(self.total.values())}")
            return
        above = table.rows[: next(i for i, r in enumerate(table.rows) if r is total)]
        parts = [r for r in above if r.keys.get(self.scope) == total.keys.get(self.scope)
                 and not r.keys.get("item", "").startswith(self.skip_prefixes)]
        rows = f"rows {parts[0].ref.row}–{parts[-1].ref.row}" if parts else "no rows"
        about = " ".join(filter(None, ("Σ", total.keys.get(self.scope), rows)))
        yield _identity(self.name, table, total, self.column, [(r, self.column) for r in parts], about)


@dataclass(frozen=True)
class SubjectRollup:
    """Each subject equals the sum of the subjects one level below it, in every column:
    level 3 is 类 = Σ 款, level 5 is 款 = Σ 项, level 0 is the 合计 row = Σ 类."""

    name: str
    table: str
    level: int
    severity: str = "error"

    def identities(self, table: ParsedTable) -> Iterator[Identity | Gap]:
        child_length = self.level + 2 if self.level else 3
        children_of = [r for r in table.rows if len(_code(r)) == child_length]
        if self.level:
            parents = [r for r in table.rows if len(_code(r)) == self.level]
        else:
            parents = [r for r in table.rows if not _code(r) and r.keys.get("name") in TOTAL_NAMES]
            if not parents and children_of:
                yield Gap(self.name, self.table, "no 合计 row above the 类 rows")
        for parent in parents:
            children = [r for r in children_of if _code(r).startswith(_code(parent))]
            if not children:
                continue  # a subject printed without its breakdown
            about = f"Σ {SUBJECT_LEVELS[child_length]} rows {', '.join(_code(r) for r in children)}"
            for column in parent.cells:
                yield _identity(self.name, table, parent, column, [(r, column) for r in children], about)


@dataclass(frozen=True)
class RowSum:
    """Each row's total column equals the sum of its part columns (公开02 本年收入合计 = Σ 来源)."""

    name: str
    table: str
    total: str
    parts: tuple[str, ...] = ()
    severity: str = "error"

    def identities(self, table: ParsedTable) -> Iterator[Identity | Gap]:
        if table.rows and self.total not in table.rows[0].cells:
            yield Gap(self.name, self.table, f"no {self.total} column")
            return
        for row in table.rows:
            parts = [c for c in self.parts if c in row.cells]
            about = f"Σ {' + '.join(parts)}"
            yield _identity(self.name, table, row, self.total, [(row, c) for c in parts], about)


Shape = RowsEqual | SumOfPreceding | SubjectRollup | RowSum

INCOME_SOURCES = ("财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入")

IDENTITIES: tuple[Shape, ...] = (
    RowsEqual("公开01 收入总计 = 支出总计", "公开01",
              {"side": "收入", "item": "总计"}, {"side": "支出", "item": "总计"}, "金额"),
    SumOfPreceding("公开01 本年收入合计 = Σ 收入项目", "公开01", {"side": "收入", "item": "本年收入合计"}, "金额"),
    SubjectRollup("公开02 合计 = Σ 类", "公开02", level=0),
    SubjectRollup("公开02 类 = Σ 款", "公开02", level=3),
    SubjectRollup("公开02 款 = Σ 项", "公开02", level=5),
    RowSum("公开02 本年收入合计 = Σ 收入来源", "公开02", "本年收入合计", INCOME_SOURCES),
)


def resolve(disclosure: Disclosure, shapes: tuple[Shape, ...] = IDENTITIES) -> tuple[list[Identity], list[Gap]]:
    identities: list[Identity] = []
    gaps: list[Gap] = []
    for shape in shapes:
        table = disclosure.tables.get(shape.table)
        if table is None:
            gaps.append(Gap(shape.name, shape.table, f"{shape.table} is not in the document"))
            continue
        for item in shape.identities(table):
            (gaps if isinstance(item, Gap) else identities).append(item)
    return identities, gaps
