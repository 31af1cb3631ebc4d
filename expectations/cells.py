"""Pointing at printed cells of any standard table, declaratively.

    Ref("公开01", {"side": "收入", "item": "总计"}, "金额")
    Ref("公开06", {"cost_group": "人员经费", "code": CLASS}, "决算数", every=True)

A match value is a string, compared after the printed numbering and spacing are removed
("一、一般公共预算财政拨款收入" matches "一般公共预算财政拨款收入"), or a compiled pattern.
`after` finds the first match below another row (公开04's 年初财政拨款结转和结余 sub-lines repeat
the names of its first lines); `every` sums all matching rows; a row that is missing counts as
blank when the reference is `optional`, and makes the identity not evaluable otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from expectations.figures import Figure, absent, figure
from pipelines.model import Disclosure, ParsedTable, TableRow
from pipelines.parsing.text import squash, strip_numbering

Match = Mapping[str, "str | re.Pattern[str]"]
CLASS = re.compile(r"^\d{3}$")  # a 类 code (功能分类 or 经济分类)


@lru_cache(maxsize=4096)
def normal(text: str) -> str:
    return strip_numbering(squash(text or ""))


def matches(row: TableRow, match: Match) -> bool:
    for key, wanted in match.items():
        have = normal(row.keys.get(key, ""))
        if isinstance(wanted, re.Pattern):
            if not wanted.search(have):
                return False
        elif have != normal(wanted):
            return False
    return True


def describe(match: Match) -> str:
    return " ".join(v.pattern if isinstance(v, re.Pattern) else v for v in match.values())


class Missing(Exception):
    """A required table, row or column is not in the document: the identity is not evaluable."""


@dataclass(frozen=True)
class Ref:
    table: str
    match: Match
    column: str | None = None  # None: the column the identity is evaluated for
    after: Match | None = None
    every: bool = False
    optional: bool = False
    sign: int = 1

    def __neg__(self) -> Ref:
        return Ref(self.table, self.match, self.column, self.after, self.every, self.optional, -self.sign)

    def rows(self, table: ParsedTable) -> list[TableRow]:
        rows = table.rows
        if self.after is not None:
            start = next((i for i, r in enumerate(rows) if matches(r, self.after)), None)
            rows = [] if start is None else rows[start + 1:]
        found = [r for r in rows if matches(r, self.match)]
        return found if self.every else found[:1]

    def figures(self, disclosure: Disclosure, column: str | None = None) -> list[Figure]:
        column = self.column or column
        if column is None:
            raise Missing(f"{self.table}: no column to read {describe(self.match)} from")
        table = disclosure.tables.get(self.table)
        if table is None:
            raise Missing(f"{self.table} is not in the document")
        rows = self.rows(table)
        if not rows:
            if self.optional or self.every:
                return [absent(self.table, describe(self.match), column, table.unit)]
            raise Missing(f"no row {describe(self.match)} in {self.table}")
        return [figure(table, r, column) for r in rows]


@dataclass(frozen=True)
class Terms:
    """A signed sum of referenced cells (see `Ref`)."""

    refs: tuple[Ref, ...] = field(default_factory=tuple)

    def resolve(self, disclosure: Disclosure, column: str | None = None) -> tuple[tuple[int, Figure], ...]:
        return tuple((ref.sign, f) for ref in self.refs for f in ref.figures(disclosure, column))


def terms(*refs: Ref) -> Terms:
    return Terms(tuple(refs))
