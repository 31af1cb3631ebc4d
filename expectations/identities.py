"""What a disclosure must satisfy, declared as data: identities between printed figures and
rates recomputed from them.

An `Identity` says a printed figure (or a signed sum of them, the *expected* side) equals the
signed sum of other printed figures (the *actual* side), or bounds it (`relation` "≥"). A
`Ratio` says a printed rate (a share, a growth or execution rate) equals the rate recomputed
from printed figures. A few reusable shapes (a total over the rows above it, a subject over its
sub-subjects, a row's total over its columns, an equation between referenced cells, the 类 lines
of two tables) produce them. This is the engine; the catalogs that say which shape applies
where are data beside it (final_identities.py for a 决算, budget_identities.py for a 预算).
Deepening validation is adding lines to those catalogs.

Shapes only collect figures and compute the allowance rounding gives them; whether a difference
is acceptable is decided by GX (`suites.py`). Tolerances (see figures.py for a figure's own):

* an identity: the sum of the half-units of every printed figure taking part ("half a unit of
  the last printed digit for every printed figure involved"): each may be off by that much,
  so their signed sum by at most the total. Blank cells print nothing and bring nothing.
* a rate: the interval the rate can take when every printed input moves within its half-unit
  (evaluated exactly at the corners: a ratio is monotone in each input), widened by half a unit
  of the rate's own last printed digit. A stated 99.11% of 1541.75 / 1555.63 passes when
  99.11 ± 0.005 meets [1541.745 / 1555.635, 1541.755 / 1555.625] × 100.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property
from fractions import Fraction

from expectations.cells import CLASS, Match, Missing, Ref, matches, normal
from expectations.figures import QUANTUM, REPORT_UNIT, Figure, absent, figure, project_money, project_rate, score
from pipelines.model import Disclosure, ParsedTable, TableRow

SUBJECT_LEVELS = {3: "类", 5: "款", 7: "项"}
TOTAL_NAMES = ("合计", "总计")
Term = tuple[int, Figure]  # (sign, figure)


def _sum(terms: tuple[Term, ...]) -> int:
    return sum(sign * (f.value or 0) for sign, f in terms)


def _unique(figures) -> list[Figure]:
    return list(dict.fromkeys(figures))


@dataclass(frozen=True)
class Decision:
    """What GX decides on, in integer quanta: |excess| ≤ tolerance, and rounding == 0."""

    expected: int
    actual: int
    excess: int  # how far the actual side is from satisfying the relation (rounded up)
    tolerance: int  # the allowance (rounded down): never passes what exact arithmetic fails
    rounding: int  # a difference that rounding may explain, reported as a warning


@dataclass(frozen=True)
class Identity:
    """Σ `expected` (printed, signed) `relation` Σ `actual` (signed), reported at `at`."""

    check: str
    expected_terms: tuple[Term, ...]
    actual_terms: tuple[Term, ...]
    about: str  # what the actual side is, for people
    at: Figure
    relation: str = "="  # "=" or "≥" (expected ≥ actual)

    @property
    def kind(self) -> str:
        return self.at.kind

    @property
    def unit(self) -> str:
        return REPORT_UNIT.get(self.kind, self.at.unit)

    @property
    def quantum(self) -> int:
        return QUANTUM[self.kind]

    @property
    def figures(self) -> list[Figure]:
        return _unique(f for _, f in (*self.expected_terms, *self.actual_terms))

    @property
    def expected(self) -> int:
        return _sum(self.expected_terms)

    @property
    def actual(self) -> int:
        return _sum(self.actual_terms)

    @property
    def difference(self) -> int:
        return self.actual - self.expected

    @property
    def printed(self) -> int:
        """How many printed figures take part; each may be off by its half-unit."""
        return sum(f.printed for f in self.figures)

    @property
    def tolerance(self) -> Fraction:
        return sum((f.half_unit for f in self.figures if f.printed), Fraction(0))

    @property
    def tolerance_fen(self) -> int:
        """Differences are whole quanta, so |d| ≤ tolerance exactly when |d| ≤ ⌊tolerance⌋."""
        return math.floor(self.tolerance)

    @property
    def excess(self) -> int:
        if self.relation == "≥":
            return max(0, self.difference)
        return abs(self.difference)

    def decision(self) -> Decision:
        return Decision(self.expected, self.actual, self.excess, self.tolerance_fen, self.excess)


@dataclass(frozen=True)
class Ratio:
    """A printed rate (percent) = 100 × Σ numerator / Σ denominator (signed printed figures)."""

    check: str
    stated: Figure
    numerator: tuple[Term, ...]
    denominator: tuple[Term, ...]
    about: str

    kind = "percent"
    unit = "%"
    quantum = QUANTUM["percent"]
    relation = "="

    @property
    def at(self) -> Figure:
        return self.stated

    @property
    def figures(self) -> list[Figure]:
        return _unique(f for _, f in (*self.numerator, *self.denominator))

    @property
    def printed(self) -> int:
        return sum(f.printed for f in (self.stated, *self.figures))

    def _rate(self, shift: dict[Figure, Fraction]) -> Fraction | None:
        def total(terms):
            return sum((sign * (f.exact + shift.get(f, 0)) for sign, f in terms), Fraction(0))

        denominator = total(self.denominator)
        return None if denominator == 0 else 100 * total(self.numerator) / denominator

    def _corners(self) -> list[dict[Figure, Fraction]]:
        """Every input at either end of its rounding interval. With no figure on both sides of
        the fraction, numerator and denominator move independently: four corners suffice."""
        moving = [f for f in self.figures if f.printed and f.half_unit]
        half = {f: f.half_unit / QUANTUM[f.kind] for f in moving}
        shared = {f for _, f in self.numerator} & {f for _, f in self.denominator}
        if shared or len(moving) <= 4:
            return [dict(zip(moving, (s * half[f] for s, f in zip(signs, moving))))
                    for signs in itertools.product((-1, 1), repeat=len(moving))]
        corners = []
        for n_sign, d_sign in itertools.product((-1, 1), repeat=2):
            corner = {}
            for sign, f in self.numerator:
                corner[f] = n_sign * sign * half.get(f, 0)
            for sign, f in self.denominator:
                corner[f] = d_sign * sign * half.get(f, 0)
            corners.append(corner)
        return corners

    def bounds(self) -> tuple[Fraction, Fraction, Fraction] | None:
        return self._bounds

    @cached_property
    def _bounds(self) -> tuple[Fraction, Fraction, Fraction] | None:
        """(recomputed rate, lowest, highest) over the inputs' rounding, or None when the
        denominator may be zero (the rate is then not determined by the printed figures)."""
        corners = self._corners()
        center = self._rate({})
        rates = [self._rate(c) for c in corners]
        if center is None or any(r is None for r in rates):
            return None
        denominators = [sum(sign * (f.exact + c.get(f, 0)) for sign, f in self.denominator) for c in corners]
        if min(denominators) <= 0 <= max(denominators):
            return None
        return center, min(rates), max(rates)

    @property
    def own_half(self) -> Fraction:
        return self.stated.half_unit / self.quantum

    def tolerance_for(self, low: Fraction, high: Fraction, center: Fraction) -> Fraction:
        stated = self.stated.exact
        side = center - low if stated < center else high - center
        return side + self.own_half

    def decision(self) -> Decision:
        center, low, high = self.bounds()
        stated = self.stated.exact
        q = self.quantum
        tolerance = self.tolerance_for(low, high, center)
        return Decision(round(center * q), self.stated.value or 0, math.ceil(abs(stated - center) * q),
                        math.floor(tolerance * q), 0)


Item = Identity | Ratio


@dataclass(frozen=True)
class Gap:
    """A check that could not be evaluated (its table or anchor row is missing)."""

    check: str
    table: str
    reason: str


# --- shapes: where identities come from ---------------------------------------------------------


def _find(table: ParsedTable, match: Match) -> TableRow | None:
    return next((r for r in table.rows if matches(r, match)), None)


def _code(row: TableRow) -> str:
    return row.keys.get("code", "")


def _identity(check: str, total: Figure, parts: list[Figure], about: str, minus: list[Figure] = (),
              relation: str = "=") -> Identity:
    actual = tuple((1, p) for p in parts) + tuple((-1, m) for m in minus)
    return Identity(check, ((1, total),), actual, about, total, relation)


def _evaluable(item: Item) -> bool:
    """An identity where nothing is printed (a blank line of a blank table) says nothing."""
    return item.printed > 0


class Shape:
    name: str
    severity: str = "error"

    @property
    def check_names(self) -> tuple[str, ...]:
        """The checks this shape's items report under (one, its name, unless it says otherwise)."""
        return (self.name,)

    def items(self, disclosure: Disclosure) -> Iterator[Item | Gap]:
        raise NotImplementedError


def _table(disclosure: Disclosure, shape, table_id: str) -> ParsedTable | Gap:
    table = disclosure.tables.get(table_id)
    return Gap(shape.name, table_id, f"{table_id} is not in the document") if table is None else table


@dataclass(frozen=True)
class Equation(Shape):
    """`total` = Σ `parts` (each a `Ref`, possibly negated, in any table), for every column
    in `columns` (a ref's own column wins); relation "≥": total ≥ Σ parts."""

    name: str
    total: Ref
    parts: tuple[Ref, ...]
    columns: tuple[str | None, ...] = (None,)
    relation: str = "="
    severity: str = "error"
    skip_if_total_blank: bool = False  # e.g. 机关运行经费 is printed by 行政/参公 units only

    def items(self, disclosure: Disclosure) -> Iterator[Item | Gap]:
        for column in self.columns:
            try:
                total = self.total.figures(disclosure, column)
                parts = [(ref.sign, f) for ref in self.parts for f in ref.figures(disclosure, column)]
            except Missing as missing:
                yield Gap(self.name, self.total.table, str(missing))
                continue
            if self.skip_if_total_blank and not any(f.printed for f in total):
                continue
            at = next((f for f in total if f.printed), total[0])
            printed = [f for _, f in parts if f.printed]
            about = "Σ " + ", ".join(dict.fromkeys(f.location for f in printed)) if printed else "nothing printed"
            yield Identity(self.name, tuple((self.total.sign, f) for f in total), tuple(parts), about, at,
                           self.relation)


@dataclass(frozen=True)
class SumOfPreceding(Shape):
    """A total row over the rows above it on the same side (公开01 本年收入合计 = 一 … 八), in
    each of `columns` (None: every column of the total row); "其中" rows are breakdowns of the
    row above and are not added again, nor are rows whose item `skip` finds (预算01's
    "1.一般公共预算资金" under 一、财政拨款收入)."""

    name: str
    table: str
    total: Match
    columns: tuple[str, ...] | None = None
    scope: str = "side"
    skip_prefixes: tuple[str, ...] = ("其中",)
    severity: str = "error"
    skip: re.Pattern[str] | None = None

    def items(self, disclosure: Disclosure) -> Iterator[Item | Gap]:
        table = _table(disclosure, self, self.table)
        if isinstance(table, Gap):
            yield table
            return
        total = _find(table, self.total)
        if total is None:
            yield Gap(self.name, self.table, f"no row {' '.join(self.total.values())}")
            return
        above = table.rows[: next(i for i, r in enumerate(table.rows) if r is total)]
        parts = [r for r in above if r.keys.get(self.scope) == total.keys.get(self.scope)
                 and not r.keys.get("item", "").startswith(self.skip_prefixes)
                 and not (self.skip and self.skip.search(r.keys.get("item", "")))]
        rows = f"rows {parts[0].ref.row}–{parts[-1].ref.row}" if parts else "no rows"
        about = " ".join(filter(None, ("Σ", total.keys.get(self.scope), rows)))
        for column in self.columns or tuple(total.cells):
            yield _identity(self.name, figure(table, total, column), [figure(table, r, column) for r in parts], about)


@dataclass(frozen=True)
class SubjectRollup(Shape):
    """Each subject equals the sum of the subjects one level below it, in every column:
    level 3 is 类 = Σ 款, level 5 is 款 = Σ 项, level 0 is the 合计 row = Σ 类."""

    name: str
    table: str
    level: int
    severity: str = "error"

    def items(self, disclosure: Disclosure) -> Iterator[Item | Gap]:
        table = _table(disclosure, self, self.table)
        if isinstance(table, Gap):
            yield table
            return
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
                yield _identity(self.name, figure(table, parent, column),
                                [figure(table, r, column) for r in children], about)


@dataclass(frozen=True)
class RowSum(Shape):
    """Each row's total column equals the sum of its part columns (公开02 本年收入合计 = Σ 来源),
    minus `minus` columns (公开07 年末 = 年初 + 本年收入 − 本年支出); rows matching `where` only."""

    name: str
    table: str
    total: str
    parts: tuple[str, ...] = ()
    minus: tuple[str, ...] = ()
    where: Match | None = None
    severity: str = "error"

    def items(self, disclosure: Disclosure) -> Iterator[Item | Gap]:
        table = _table(disclosure, self, self.table)
        if isinstance(table, Gap):
            yield table
            return
        rows = [r for r in table.rows if self.where is None or matches(r, self.where)]
        if rows and not any(self.total in r.cells for r in rows):
            yield Gap(self.name, self.table, f"no {self.total} column")
            return
        for row in rows:
            if self.total not in row.cells:
                continue
            parts = [c for c in self.parts if c in row.cells]
            minus = [c for c in self.minus if c in row.cells]
            about = f"Σ {' + '.join(parts)}" + "".join(f" − {c}" for c in minus)
            yield _identity(self.name, figure(table, row, self.total), [figure(table, row, c) for c in parts],
                            about, [figure(table, row, c) for c in minus])


@dataclass(frozen=True)
class ClassLines(Shape):
    """The 类 lines a two-sided table lists (公开01/04 支出 side, one per 功能分类 类, above its
    first row named one of `ends`) equal the 类 rows of a subject table (公开03/05/07/08),
    matched by name; a 类 one of them lacks is blank."""

    name: str
    summary: str  # 公开01 or 公开04 (预算01 or 预算04)
    column: str
    subject: str  # 公开03, 05, 07 or 08 (预算03, 05, 06 or 07)
    subject_column: str = "本年支出合计"
    severity: str = "error"
    ends: tuple[str, ...] = ("本年支出合计",)  # a 预算 has no 本年支出合计: its lines end at 支出总计

    def items(self, disclosure: Disclosure) -> Iterator[Item | Gap]:
        summary = _table(disclosure, self, self.summary)
        subject = _table(disclosure, self, self.subject)
        for missing in (t for t in (summary, subject) if isinstance(t, Gap)):
            yield missing
        if isinstance(summary, Gap) or isinstance(subject, Gap):
            return
        end = next((i for i, r in enumerate(summary.rows)
                    if r.keys.get("side") == "支出" and normal(r.keys.get("item", "")) in self.ends), None)
        if end is None:
            yield Gap(self.name, self.summary, f"no row 支出 {' / '.join(self.ends)}")
            return
        lines = {normal(r.keys.get("item", "")): r for r in summary.rows[:end]
                 if r.keys.get("side") == "支出" and r.keys.get("item")}
        classes = {normal(r.keys.get("name", "")): r for r in subject.rows if CLASS.match(_code(r))}
        for name in dict.fromkeys([*lines, *classes]):
            line, row = lines.get(name), classes.get(name)
            left = figure(summary, line, self.column) if line else absent(self.summary, f"支出 {name}", self.column,
                                                                            summary.unit)
            right = (figure(subject, row, self.subject_column) if row
                     else absent(self.subject, name, self.subject_column, subject.unit))
            item = Identity(self.name, ((1, left),), ((1, right),), right.location if row else f"no 类 {name}",
                            left if line else right)
            if _evaluable(item):
                yield item


# --- 绩效自评表 --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProjectShape(Shape):
    """One identity per self-evaluated project, built by `build` from the project's figures."""

    name: str
    build: Callable
    severity: str = "error"

    def items(self, disclosure: Disclosure) -> Iterator[Item | Gap]:
        for project in disclosure.projects:
            try:
                item = self.build(self.name, project, disclosure.info.unit)
            except ValueError as error:  # a figure finer than its quantum
                yield Gap(self.name, "绩效自评表", f"{project.project_name}: {error}")
                continue
            if item is not None:
                yield item


def project_balance(name: str, project, unit: str) -> Identity | None:
    """资金结（转）余 = 全年预算数 − 全年执行数."""
    balance, budget, executed = (project_money(project, f, unit) for f in ("balance", "annual_budget", "executed"))
    item = _identity(name, balance, [budget], f"{budget.location} − {executed.column}", [executed])
    return item if _evaluable(item) else None


def project_rate_of(name: str, project, unit: str) -> Ratio | None:
    """执行率 = 全年执行数 / 全年预算数 × 100."""
    rate = project_rate(project)
    budget, executed = (project_money(project, f, unit) for f in ("annual_budget", "executed"))
    if not rate.printed or not budget.printed:
        return None
    return Ratio(name, rate, ((1, executed),), ((1, budget),), f"{executed.column} / {budget.column}")


def project_score(name: str, project, unit: str) -> Identity | None:
    """总分 = 预算执行率 得分 + Σ 指标得分."""
    line = project.ref.line or project.ref.row
    total = score(line, project.project_name, "总分", project.total_score, rounded=True)
    parts = [score(line, project.project_name, "预算执行率得分", project.budget_score)]
    parts += [score(i.ref.line or i.ref.row, f"{project.project_name}: {i.level3}", "得分", i.score)
              for i in project.indicators]
    if not total.printed:
        return None
    return _identity(name, total, parts, f"Σ 预算执行率得分 + {len(project.indicators)} 指标得分")


@dataclass(frozen=True)
class ProjectsTotal(Shape):
    """Σ 全年执行数 of the self-evaluated projects against a table's 项目支出: reported, not an
    error, because not every project must be self-evaluated."""

    name: str
    total: Ref
    severity: str = "warning"

    def items(self, disclosure: Disclosure) -> Iterator[Item | Gap]:
        if not disclosure.projects:
            return
        try:
            [total] = self.total.figures(disclosure)
        except Missing as missing:
            yield Gap(self.name, self.total.table, str(missing))
            return
        executed = [project_money(p, "executed", disclosure.info.unit) for p in disclosure.projects]
        yield _identity(self.name, total, executed, f"Σ 全年执行数 of {len(executed)} 绩效自评表")


# --- pieces every catalog builds its identities from -------------------------------------------

def total_ref(table: str, column: str | None = None) -> Ref:
    """A subject table's 合计 line."""
    return Ref(table, {"code": "", "name": "合计"}, column)


def side_ref(table: str, side: str, item: str | re.Pattern[str], column: str | None = None,
             optional: bool = False, sign: int = 1) -> Ref:
    """A line of a two-sided 收支总表, by its side (收入 | 支出) and item."""
    return Ref(table, {"side": side, "item": item}, column, optional=optional, sign=sign)


def item_ref(table: str, item: str, column: str | None = None, **match: str) -> Ref:
    return Ref(table, {**match, "item": item}, column)


def rollups(table: str) -> tuple[Shape, ...]:
    """合计 = Σ 类, 类 = Σ 款, 款 = Σ 项 of a subject table."""
    return (SubjectRollup(f"{table} 合计 = Σ 类", table, level=0),
            SubjectRollup(f"{table} 类 = Σ 款", table, level=3),
            SubjectRollup(f"{table} 款 = Σ 项", table, level=5))


def resolve(disclosure: Disclosure, shapes: tuple[Shape, ...]) -> tuple[list[Item], list[Gap]]:
    items: list[Item] = []
    gaps: list[Gap] = []
    for shape in shapes:
        for item in shape.items(disclosure):
            if isinstance(item, Gap):
                gaps.append(item)
            elif isinstance(item, Ratio) and item.bounds() is None:
                gaps.append(Gap(shape.name, item.stated.table, f"{item.stated.location}: the denominator "
                                                                f"may be zero within rounding"))
            elif _evaluable(item):
                items.append(item)
    return items, gaps
