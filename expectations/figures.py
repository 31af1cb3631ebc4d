"""Printed figures as exact integers, each with the place it was printed and its rounding.

Validation never touches floats. A figure is an integer number of *quanta* of its kind:

    money    fen (分, 0.01 元)        a cell's `Decimal` 元 × 100
    count    one unit (辆, 台（套）, 个)
    score    0.0001 point (分值/得分)
    percent  0.000001 %              stated shares, growth and execution rates

exact because printed figures carry few decimals (万元 tables at most six in 元). A value finer
than its quantum is a parser bug, so it raises rather than being rounded away.

Rounding allowance (`half_unit`, in quanta): what the printed figure may differ from the true
one because it was rounded for printing (the templates' 尾数误差 "from unit conversion"):

* a table amount: half a unit of the table's last printed digit. The templates print two
  decimals of the table's unit (an exporter may drop trailing zeros, "12" is 12.00), so 0.005
  万元 = 50 元 = 5000 fen, or 0.005 元 = half a fen.
* a figure typed into the 情况说明 or a 绩效自评表: half a unit of its own last printed digit
  (21.9万元 may be anything in [21.85, 21.95)).
* counts are never rounded (0); 得分 are assessed values (0), a 总分 may be rounded to its printed
  precision.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from fractions import Fraction

from pipelines.amounts import YUAN_PER_UNIT, parse_number
from pipelines.model import NarrativeFact, ParsedTable, ProjectPerformance, TableRow

FEN_PER_YUAN = 100
# quanta per unit of each kind, and the unit a report shows it in
QUANTUM = {"money": 100, "count": 1, "score": 10_000, "percent": 1_000_000}
REPORT_UNIT = {"money": "元", "score": "分", "percent": "%"}
# Half a unit of the last printed digit of a table amount, in fen (see above).
HALF_UNIT_FEN = {"万元": Fraction(5000), "元": Fraction(1, 2)}
# Row keys that name a row, in reading order (line numbers and derived groups are left out).
LABEL_KEYS = ("side", "section", "code", "name", "item")
COUNT_UNIT = re.compile(r"[（(](辆|台（套）|台|套|个|人)[）)]")

NARRATIVE = "情况说明"
PROJECTS = "绩效自评表"


def to_quanta(value: Decimal, quantum: int, where: str) -> int:
    scaled = value * quantum
    if scaled != scaled.to_integral_value():
        raise ValueError(f"{where}: {value} is finer than 1/{quantum}; amounts must be exact")
    return int(scaled)


def to_fen(value: Decimal, where: str) -> int:
    try:
        return to_quanta(value, FEN_PER_YUAN, where)
    except ValueError:
        raise ValueError(f"{where}: {value} 元 is not a whole number of fen; amounts must be exact") from None


def to_yuan(fen: int) -> Decimal:
    """Exact: an integer of fen scaled by 10^-2."""
    return Decimal(fen).scaleb(-2)


def from_quanta(value: int, kind: str) -> Decimal:
    """Exact: quanta are powers of ten."""
    return Decimal(value).scaleb(-(len(str(QUANTUM[kind])) - 1))


def half_digit(value: Decimal) -> Fraction:
    """Half a unit of the last digit printed for `value` (as parsed, so its exponent is the
    printed one): 21.9 -> 0.05, 100 -> 0.5, 97.01 -> 0.005."""
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    return Fraction(1, 2) * Fraction(10) ** exponent


def row_label(row: TableRow) -> str:
    return " ".join(row.keys[k] for k in LABEL_KEYS if row.keys.get(k))


@dataclass(frozen=True)
class Figure:
    """One printed figure as validation sees it. `value` is None when nothing was printed
    (blank, "-", "——"): it adds nothing to a sum and brings no rounding error."""

    table: str  # 公开01 … 公开10, 情况说明, 绩效自评表
    unit: str  # as printed: 万元, 元, 辆, %, 分 …
    row: int  # tables: 1-based data row (SourceRef.row); 情况说明 / 绩效自评表: line of the text form
    label: str  # the row's labels, e.g. "2010301 行政运行" or "收入 总计"
    column: str
    raw: str  # as printed
    value: int | None  # in quanta of its kind
    kind: str = "money"
    half_unit: Fraction = Fraction(0)  # rounding allowance of the printed figure, in quanta

    @property
    def place(self) -> str:
        return "line" if self.table in (NARRATIVE, PROJECTS) else "row"

    @property
    def location(self) -> str:
        label = f" ({self.label})" if self.label else ""
        where = f" {self.place} {self.row}" if self.row else ""
        return f"{self.table}{where}{label} {self.column}"

    @property
    def exact(self) -> Fraction:
        """The printed value in its report unit (元, %, 分, count)."""
        return Fraction(self.value or 0, QUANTUM[self.kind])

    @property
    def printed(self) -> bool:
        return self.value is not None


def figure(table: ParsedTable, row: TableRow, column: str) -> Figure:
    """A cell of a standard table; 公开10's vehicle and equipment counts are counts."""
    cell = row.cells.get(column)
    count = not is_money_row(row)
    unit = (_count_unit(row) if count else table.unit)
    blank = Figure(table.table_id, unit, row.ref.row, row_label(row), column, cell.raw if cell else "", None,
                   "count" if count else "money")
    if cell is None or cell.value is None:
        return blank
    if count:
        return replace(blank, value=to_quanta(cell.value, 1, blank.location))
    return replace(blank, value=to_fen(cell.value, blank.location), half_unit=HALF_UNIT_FEN[table.unit])


def absent(table: str, label: str, column: str, unit: str = "万元") -> Figure:
    """A figure a table does not print at all (a 类 line missing from 公开01, say): blank."""
    return Figure(table, unit, 0, label, column, "", None)


def is_money_row(row: TableRow) -> bool:
    """公开10 counts vehicles and equipment in the same column as amounts; those are not money."""
    return row.keys.get("measure", "amount") == "amount"


def _count_unit(row: TableRow) -> str:
    item = row.keys.get("item", "")
    match = COUNT_UNIT.search(item)
    return match[1] if match else "辆" if "车" in item else "台（套）" if "设备" in item else "个"


# --- figures outside the standard tables ---------------------------------------------------------

MONEY_TEXT = re.compile(r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(亿元|万元|元)")


def _same_digits(a: Decimal, b: Decimal) -> bool:
    return a == b and a.as_tuple().exponent == b.as_tuple().exponent


def _printed_money(fact: NarrativeFact, default_unit: str) -> tuple[str, str, Decimal]:
    """(number as printed, unit, number) of a stated amount, found in its sentence; the parser
    keeps the printed digits (its value's exponent) but not the unit they were printed in."""
    wanted = abs(fact.value)
    for match in MONEY_TEXT.finditer(fact.sentence or ""):
        number = parse_number(match[1])
        if _same_digits(number * YUAN_PER_UNIT[match[2]], wanted):
            return match[1], match[2], number
    number = wanted / YUAN_PER_UNIT[default_unit]
    return f"{number}", default_unit, number


NARRATIVE_COLUMNS = {"amount": "金额", "budget": "预算数", "share_pct": "占比", "yoy_change": "增减",
                     "yoy_pct": "增减率", "completion_pct": "完成率", "count": "数量", "prior_year": "上年数"}


def stated(fact: NarrativeFact, default_unit: str) -> Figure:
    """A figure stated in the 情况说明: money in fen, percent, or a count."""
    column = NARRATIVE_COLUMNS.get(fact.measure, fact.measure)
    base = Figure(NARRATIVE, fact.unit, fact.ref.line or fact.ref.row, fact.subject, column, "", None)
    if fact.unit == "元":
        text, unit, number = _printed_money(fact, default_unit)
        sign = "-" if fact.value < 0 else ""
        half = half_digit(number) * int(YUAN_PER_UNIT[unit]) * FEN_PER_YUAN
        return replace(base, unit=unit, raw=f"{sign}{text}", half_unit=half,
                       value=to_fen(fact.value, base.location))
    if fact.unit == "%":
        quantum = QUANTUM["percent"]
        return replace(base, raw=f"{fact.value}%", kind="percent", half_unit=half_digit(fact.value) * quantum,
                       value=to_quanta(fact.value, quantum, base.location))
    return replace(base, raw=f"{fact.value}", kind="count", value=to_quanta(fact.value, 1, base.location))


PROJECT_MONEY = {"initial_budget": "年初预算数", "annual_budget": "全年预算数", "executed": "全年执行数",
                 "balance": "资金结（转）余"}


def project_money(project: ProjectPerformance, field: str, unit: str) -> Figure:
    """An amount of a 绩效自评表's 资金总额 row, printed in `unit` (the parser keeps 元 and the
    printed digits, not the unit: the document's unit is assumed)."""
    value = getattr(project, field)
    base = Figure(PROJECTS, unit, project.ref.line or project.ref.row, project.project_name,
                  PROJECT_MONEY[field], "", None)
    if value is None:
        return base
    number = value / YUAN_PER_UNIT[unit]
    digits = max(0, -int(value.as_tuple().exponent))
    return replace(base, raw=f"{number:.{digits}f}", value=to_fen(value, base.location),
                   half_unit=half_digit(value) * int(YUAN_PER_UNIT[unit]) * FEN_PER_YUAN)


def project_rate(project: ProjectPerformance) -> Figure:
    base = Figure(PROJECTS, "%", project.ref.line or project.ref.row, project.project_name, "执行率", "", None,
                  "percent")
    if project.execution_rate is None:
        return base
    quantum = QUANTUM["percent"]
    return replace(base, raw=f"{project.execution_rate}", value=to_quanta(project.execution_rate, quantum,
                                                                          base.location),
                   half_unit=half_digit(project.execution_rate) * quantum)


def score(table_row: int, label: str, column: str, value: Decimal | None, rounded: bool = False) -> Figure:
    """A 绩效自评表 score: 得分 are assessed values; a 总分 may be rounded to its printed digits."""
    base = Figure(PROJECTS, "分", table_row, label, column, "", None, "score")
    if value is None:
        return base
    quantum = QUANTUM["score"]
    return replace(base, raw=f"{value}", value=to_quanta(value, quantum, base.location),
                   half_unit=half_digit(value) * quantum if rounded else Fraction(0))
