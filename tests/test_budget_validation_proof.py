"""Proof that every 预算 (budget) check catches what it is there to catch, as
test_validation_proof.py proves it for the 决算 checks.

The budget is the text-form 预算 tests/budget_text.py builds from the seed 决算, filled out
where that one prints nothing to break: 预算06 and 预算07 get a few subjects of their funds (and
预算01–04 the money they add, 预算01 each fund's 收入 line, 预算01 / 04 a 支出 line per 类), 预算08
the economic classification of the seed's 公开06 (with 因公出国（境）费用 and 公务接待费 taken out
of its 其他交通费用), 预算09 figures covering 预算08's 三公 items. That budget passes every
budget check (the seed's own 尾数误差 stay rounding warnings). Then, for each check of BUDGET_IDENTITIES and BUDGET_CROSS_TABLE, one case changes
one printed cell of it, and the document goes the way a document goes (parse_document,
validate): the check fails with an error where the case says (table, row, column) by the
amount it says, and exactly the listed checks fail with an error (a printed figure takes part
in several identities; nothing else may break).

A real budget (../shared/corpus, skipped when absent) shows the same on a parsed PDF: it passes
every budget check, each check evaluated on it fails, at its row, when the figure it reports
at is read one 万元 lower, and 预算04 budgeting a fund its (empty) 预算06 / 预算07 does not show
fails the check between them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path

import pytest

import expectations
from expectations.budget_identities import BUDGET_CROSS_TABLE, BUDGET_IDENTITIES
from expectations.suites import SUITES
from pipelines.amounts import YUAN_PER_UNIT
from pipelines.model import Disclosure
from pipelines.parsing.document import parse_document
from pipelines.raw import read_raw
from tests.budget_text import budget_text
from tests.corpus import corpus_file

BUDGET_CHECKS = [name for shape in BUDGET_IDENTITIES + BUDGET_CROSS_TABLE for name in shape.check_names]
SUITE_OF = {c.name: s.name for s in SUITES for c in s.checks}
SEVERITY = {c.name: c.severity for s in SUITES for c in s.checks}
WAN = YUAN_PER_UNIT["万元"]

# --- the budget -----------------------------------------------------------------------------

# subjects the seed's unit does not spend on, budgeted here so 预算06 / 预算07 print something
# (code, name, 本年支出合计 = 项目支出, in 万元)
GOVERNMENT_FUND = (("212", "城乡社区支出", "5.00"), ("21208", "国有土地使用权出让收入安排的支出", "5.00"),
                   ("2120801", "征地和拆迁补偿支出", "3.00"), ("2120802", "土地开发支出", "2.00"))
STATE_CAPITAL = (("223", "国有资本经营预算支出", "3.00"), ("22301", "解决历史遗留问题及改革成本支出", "3.00"),
                 ("2230105", "国有企业退休人员社会化管理补助支出", "2.00"),
                 ("2230199", "其他解决历史遗留问题及改革成本支出", "1.00"))
# 预算08 款 of 三公 items (code, name, 公用经费 in 万元), which the seed's 公开06 does not print
ABROAD_AND_HOSTING = (("30212", "因公出国（境）费用", "0.20"), ("30217", "公务接待费", "0.80"))
NUMERALS = "一二三四五六七八九十"
TITLES = {  # what budget_text prints after 2024年单位
    "预算01": "财务收支预算总表", "预算02": "收入预算总表", "预算03": "支出预算总表", "预算04": "财政拨款收支预算总表",
    "预算05": "一般公共预算支出功能分类预算表", "预算06": "政府性基金预算支出功能分类预算表",
    "预算07": "国有资本经营预算支出功能分类预算表", "预算08": "一般公共预算基本支出部门预算经济分类预算表",
    "预算09": "“三公”经费和机关运行经费预算表",
}


def _wan(value: Decimal) -> str:
    return f"{value:.2f}"


def _rows(lines: list[str], title: str) -> tuple[int, int]:
    """[start, end) of the data rows of the table titled `title`: below its header, up to the
    blank line that ends it (a 注 line included)."""
    start = lines.index(title) + 3
    return start, lines.index("", start)


def full_budget(seed: Disclosure) -> str:
    """budget_text's 预算 of the seed, with every table printing figures (see the module doc)."""
    lines = budget_text(seed, {}).split("\n")
    prefix = f"{seed.info.fiscal_year}年{seed.info.scope}"

    def table(table_id: str) -> list[list[str]]:
        start, end = _rows(lines, prefix + TITLES[table_id])
        return [line.split("\t") for line in lines[start:end]]

    def put(table_id: str, rows: list[list[str]]) -> None:
        start, end = _rows(lines, prefix + TITLES[table_id])
        lines[start:end] = ["\t".join(r) for r in rows]

    general = table("预算03")  # [code, name, 合计, 基本支出, 项目支出]; the 合计 row first
    total, basic, project = (Decimal(c) for c in general[0][2:])
    fund, capital = (Decimal(subjects[0][2]) for subjects in (GOVERNMENT_FUND, STATE_CAPITAL))
    extra = [[c, n, a, "0.00", a] for c, n, a in GOVERNMENT_FUND + STATE_CAPITAL]
    everything = total + fund + capital
    put("预算03", [["", "合计", _wan(everything), _wan(basic), _wan(project + fund + capital)], *general[1:], *extra])
    put("预算02", [["", "合计", _wan(everything), _wan(everything), "", "", ""],
                   *(r[:3] + [r[2], "", "", ""] for r in general[1:] + extra)])
    for table_id, subjects, amount in (("预算06", GOVERNMENT_FUND, fund), ("预算07", STATE_CAPITAL, capital)):
        put(table_id, [["合计", "", _wan(amount), "0.00", _wan(amount)], *([c, n, a, "0.00", a] for c, n, a in subjects)])

    classes = [(r[1], Decimal(r[2])) for r in general[1:] + extra if len(r[0]) == 3]
    spending = [f"{NUMERALS[i]}、{name}" for i, (name, _) in enumerate(classes)]
    income = [("一、财政拨款收入", everything), ("1.一般公共预算资金", total), ("2.政府性基金", fund),
              ("3.国有资本经营预算", capital)]
    assert len(classes) >= len(income)
    income += [("", None)] * (len(classes) - len(income))
    put("预算01", [[item, "" if amount is None else _wan(amount), line, _wan(spent)]
                   for (item, amount), line, (_, spent) in zip(income, spending, classes)]
        + [["收入总计", _wan(everything), "支出总计", _wan(everything)]])
    appropriations = [("一、一般公共预算资金", total), ("二、政府性基金预算资金", fund), ("三、国有资本经营预算资金", capital)]
    appropriations += [("", None)] * (len(classes) - len(appropriations))
    by_fund = {GOVERNMENT_FUND[0][1]: 5, STATE_CAPITAL[0][1]: 6}  # the column of a fund's 类 line
    rows = []
    for (item, amount), line, (name, spent) in zip(appropriations, spending, classes):
        cells = [item, "" if amount is None else _wan(amount), line, _wan(spent), "", "", ""]
        cells[by_fund.get(name, 4)] = _wan(spent)
        rows.append(cells)
    put("预算04", rows + [["收入总计", _wan(everything), "支出总计", _wan(everything), _wan(total), _wan(fund),
                          _wan(capital)]])

    economic = []  # 预算08 from 公开06: each 类 and 款 printed there, in its cost group's column
    for row in seed.tables["公开06"].rows:
        value = row.cells["决算数"].value
        if len(row.keys["code"]) in (3, 5) and value is not None:
            amount = _wan(value / WAN)
            personnel = row.keys["cost_group"] == "人员经费"
            economic.append([row.keys["code"], row.keys["name"], amount, amount if personnel else "0.00",
                             "0.00" if personnel else amount])
    # 预算09 must cover 30212 / 30217, which the seed's 公开06 lacks: taken out of 30239 其他交通费用
    [other] = [r for r in economic if r[0] == "30239"]
    other[2] = other[4] = _wan(Decimal(other[2]) - sum(Decimal(a) for _, _, a in ABROAD_AND_HOSTING))
    at = next(i for i, r in enumerate(economic) if r[0].startswith("302") and r[0] > ABROAD_AND_HOSTING[0][0])
    economic[at:at] = [[c, n, a, "0.00", a] for c, n, a in ABROAD_AND_HOSTING]
    [(_, _, printed_basic, _, _)] = table("预算08")  # budget_text's 合计 row: 基本支出 = 人员经费
    personnel = sum(Decimal(r[3]) for r in economic if len(r[0]) == 3)
    public = sum(Decimal(r[4]) for r in economic if len(r[0]) == 3)
    assert personnel + public == basic == Decimal(printed_basic)
    put("预算08", [["合计", "", _wan(basic), _wan(personnel), _wan(public)], *economic])
    # 合计, 因公出国（境）费, 公务接待费, 公务用车购置及运行费, 购置费, 运行费, 机关运行经费预算数: each
    # item above 预算08's (30212 0.20, 30217 0.80, 30231 12.00)
    put("预算09", [["14.00", "0.50", "1.00", "12.50", "0.00", "12.50", "10.00"]])
    return "\n".join(lines)


# --- the cases ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    """The `column`-th tab-separated cell of the data row of table `table` whose label (a
    科目编码, an item of either side, or 合计) is `row` changes from old to new; row None: the
    table's only data row (预算09 prints its items as columns)."""

    table: str
    row: str | None
    column: int
    old: str
    new: str

    def apply(self, lines: list[str], prefix: str) -> None:
        start, end = _rows(lines, prefix + TITLES[self.table])
        if self.row is None:
            assert end == start + 1, lines[start:end]
            at = start
        else:
            [at] = [i for i in range(start, end) if self.row in lines[i].split("\t")[:3]]
        cells = lines[at].split("\t")
        assert cells[self.column] == self.old, cells
        cells[self.column] = self.new
        lines[at] = "\t".join(cells)

    def __str__(self) -> str:
        return f"{self.table} {self.row or 'the row'} cell {self.column}: {self.old or '(blank)'} -> {self.new}"


@dataclass(frozen=True)
class Case:
    check: str
    edit: Cell
    location: str  # where the check reports the failure: table row N (label) column
    difference: str  # actual − expected, 元
    errors: frozenset[str] = field(default_factory=frozenset)  # every check failing with an error


def case(check: str, edit: Cell, location: str, difference: str, *also: str) -> Case:
    return Case(check, edit, location, difference, frozenset((check, *also)))


def rollups(table: str) -> tuple[str, str, str, str]:
    return (f"{table} 合计 = Σ 类", f"{table} 类 = Σ 款", f"{table} 款 = Σ 项",
            f"{table} 合计 = 基本支出 + 项目支出")


B01 = "预算01 收入总计 = 支出总计"
B01_INCOME = "预算01 收入总计 = Σ 收入项目"
B01_FISCAL = "预算01 财政拨款收入 = Σ 各类财政拨款"
B01_SPENDING = "预算01 支出总计 = Σ 支出项目"
B04_TOTAL = "预算04 收入总计 = 支出总计"
B04_INCOME = "预算04 收入总计 = Σ 收入项目"
B04_SPENDING = "预算04 支出总计 = Σ 支出项目"
B04_ROW = "预算04 合计 = Σ 各类财政拨款"
B02 = (*rollups("预算02")[:3], "预算02 合计 = Σ 收入来源")
B03, B05, B06, B07 = (rollups(t) for t in ("预算03", "预算05", "预算06", "预算07"))
B08 = ("预算08 合计 = Σ 类", "预算08 类 = Σ 款", "预算08 合计 = 人员经费 + 公用经费")
B09_TOTAL = "预算09 合计 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费"
B09_CARS = "预算09 公务用车购置及运行维护费 = 购置费 + 运行维护费"
X01_02 = "预算01 收入总计 = 预算02 合计"
X01_03 = "预算01 支出总计 = 预算03 合计"
X04_05 = "预算04 一般公共预算支出 = 预算05 合计"
X04_06 = "预算04 政府性基金预算支出 = 预算06 合计"
X04_07 = "预算04 国有资本经营预算支出 = 预算07 合计"
X05_08 = "预算05 基本支出 = 预算08 合计"
X03_COVERS = "预算03 ≥ 预算05 + 预算06 + 预算07"
X01_CLASSES = "预算01 类支出 = 预算03 类"
X02_04 = "预算02 财政拨款收入 = 预算04 各类财政拨款收入"
X04_01 = tuple(f"预算04 {fund} = 预算01 {fund}" for fund in ("一般公共预算资金", "政府性基金", "国有资本经营预算"))
X04_CLASSES = ("预算04 一般公共预算类支出 = 预算05 类", "预算04 政府性基金预算类支出 = 预算06 类",
               "预算04 国有资本经营预算类支出 = 预算07 类")
X09_CARS, X09_HOSTING, X09_ABROAD = ("预算09 公务用车运行维护费 ≥ 预算08 30231", "预算09 公务接待费 ≥ 预算08 30217",
                                     "预算09 因公出国（境）费 ≥ 预算08 30212")

# Columns of the subject tables: 0 科目编码, 1 科目名称, 2 合计, 3 基本支出 (预算02: 财政拨款收入;
# 预算08: 人员经费), 4 项目支出 (预算02: 事业收入; 预算08: 公用经费). 预算01 / 预算04: 0 收入 item,
# 1 its 预算数, 2 支出 item, 3 its 预算数 (预算04: 合计, then 4 一般公共预算, 5 政府性基金预算, 6 国有
# 资本经营预算). 预算09: 0 合计, 1 因公出国（境）费, 2 公务接待费, 3 公务用车购置及运行费, 4 购置费,
# 5 运行费. Totals: 1543.14 万元 in all, 1535.14 of them 一般公共预算 (850.54 基本支出); 预算01 / 04's
# 类 lines add up to 1543.13 (1535.13), so a 支出总计 over them is 0.01 off before any edit.
CASES = (
    # 预算01, 预算04
    case(B01, Cell("预算01", "支出总计", 3, "1543.14", "1543.24"), "预算01 row 5 (收入 收入总计) 金额", "1000",
         X01_03, B01_SPENDING),
    case(B01_INCOME, Cell("预算01", "一、财政拨款收入", 1, "1543.14", "1543.24"), "预算01 row 5 (收入 收入总计) 金额",
         "1000", B01_FISCAL),
    case(B01_FISCAL, Cell("预算01", "2.政府性基金", 1, "5.00", "5.10"), "预算01 row 1 (收入 一、财政拨款收入) 金额",
         "1000", X04_01[1]),  # a breakdown of 一、财政拨款收入: 收入总计 does not add it again
    case(B01_SPENDING, Cell("预算01", "三、卫生健康支出", 3, "38.22", "38.32"), "预算01 row 11 (支出 支出总计) 金额",
         "900", X01_CLASSES),
    case(B04_TOTAL, Cell("预算04", "收入总计", 1, "1543.14", "1543.04"), "预算04 row 4 (收入 收入总计) 金额", "1000",
         B04_INCOME),
    case(B04_INCOME, Cell("预算04", "一、一般公共预算资金", 1, "1535.14", "1535.24"), "预算04 row 4 (收入 收入总计) 金额",
         "1000", X02_04, X04_01[0]),
    case(B04_SPENDING, Cell("预算04", "三、卫生健康支出", 3, "38.22", "38.32"), "预算04 row 10 (支出 支出总计) 合计",
         "900", B04_ROW),
    case(B04_ROW, Cell("预算04", "二、社会保障和就业支出", 3, "261.67", "261.77"),
         "预算04 row 6 (支出 二、社会保障和就业支出) 合计", "-1000", B04_SPENDING),
    # 预算02
    case(B02[0], Cell("预算02", "合计", 3, "1543.14", "1543.24"), "预算02 row 1 (合计) 财政拨款收入", "-1100", B02[3],
         X02_04),
    case(B02[1], Cell("预算02", "208", 3, "261.67", "261.77"), "预算02 row 6 (208 社会保障和就业支出) 财政拨款收入",
         "-1000", B02[0], B02[3]),
    case(B02[2], Cell("预算02", "2080501", 3, "151.90", "152.00"), "预算02 row 7 (20805 行政事业单位养老支出) 财政拨款收入",
         "1000", B02[3]),
    case(B02[3], Cell("预算02", "2080801", 4, "", "1.00"), "预算02 row 12 (2080801 死亡抚恤) 本年收入合计", "10000",
         B02[2]),
    # 预算03
    case(B03[0], Cell("预算03", "合计", 4, "692.60", "692.70"), "预算03 row 1 (合计) 项目支出", "-1000", B03[3]),
    case(B03[1], Cell("预算03", "210", 3, "38.22", "38.32"), "预算03 row 13 (210 卫生健康支出) 基本支出", "-1000",
         B03[0], B03[3]),
    case(B03[2], Cell("预算03", "2101101", 3, "30.72", "30.82"), "预算03 row 16 (21011 行政事业单位医疗) 基本支出",
         "1000", B03[3]),
    case(B03[3], Cell("预算03", "2080801", 2, "21.99", "22.09"), "预算03 row 12 (2080801 死亡抚恤) 本年支出合计", "-1000",
         B03[2]),
    # 预算05 (a 合计 lowered: 预算03 still covers it)
    case(B05[0], Cell("预算05", "合计", 4, "684.60", "684.50"), "预算05 row 1 (合计) 项目支出", "1000", B05[3]),
    case(B05[1], Cell("预算05", "201", 4, "684.60", "684.50"), "预算05 row 2 (201 一般公共服务支出) 项目支出", "1000",
         B05[0], B05[3]),
    case(B05[2], Cell("预算05", "2080505", 3, "58.52", "58.62"), "预算05 row 7 (20805 行政事业单位养老支出) 基本支出",
         "1000", B05[3]),
    case(B05[3], Cell("预算05", "2100799", 2, "0.18", "0.28"), "预算05 row 15 (2100799 其他计划生育事务支出) 本年支出合计",
         "-1000", B05[2]),
    # 预算06 政府性基金, 预算07 国有资本经营
    case(B06[0], Cell("预算06", "合计", 4, "5.00", "4.90"), "预算06 row 1 (合计) 项目支出", "1000", B06[3]),
    case(B06[1], Cell("预算06", "212", 2, "5.00", "5.10"), "预算06 row 2 (212 城乡社区支出) 本年支出合计", "-1000",
         B06[0], B06[3], X04_CLASSES[1]),
    case(B06[2], Cell("预算06", "2120802", 4, "2.00", "2.10"),
         "预算06 row 3 (21208 国有土地使用权出让收入安排的支出) 项目支出", "1000", B06[3]),
    case(B06[3], Cell("预算06", "2120801", 3, "0.00", "0.10"), "预算06 row 4 (2120801 征地和拆迁补偿支出) 本年支出合计",
         "1000", B06[2]),
    case(B07[0], Cell("预算07", "合计", 4, "3.00", "2.90"), "预算07 row 1 (合计) 项目支出", "1000", B07[3]),
    case(B07[1], Cell("预算07", "22301", 4, "3.00", "3.10"), "预算07 row 2 (223 国有资本经营预算支出) 项目支出", "1000",
         B07[2], B07[3]),
    case(B07[2], Cell("预算07", "2230199", 2, "1.00", "1.10"),
         "预算07 row 3 (22301 解决历史遗留问题及改革成本支出) 本年支出合计", "1000", B07[3]),
    case(B07[3], Cell("预算07", "2230105", 3, "0.00", "0.10"),
         "预算07 row 4 (2230105 国有企业退休人员社会化管理补助支出) 本年支出合计", "1000", B07[2]),
    # 预算08
    case(B08[0], Cell("预算08", "合计", 4, "93.46", "93.36"), "预算08 row 1 (合计) 公用经费", "1000", B08[2]),
    case(B08[1], Cell("预算08", "30304", 3, "21.99", "22.09"), "预算08 row 13 (303 对个人和家庭的补助) 人员经费", "1000",
         B08[2]),
    case(B08[2], Cell("预算08", "30201", 2, "35.45", "35.55"), "预算08 row 18 (30201 办公费) 合计", "-1000", B08[1]),
    # 预算09
    case(B09_TOTAL, Cell("预算09", None, 0, "14.00", "14.10"), "预算09 row 1 (合计) 预算数", "-1000"),
    case(B09_CARS, Cell("预算09", None, 4, "0.00", "0.10"), "预算09 row 4 (公务用车购置及运行维护费) 预算数", "1000"),
    # between tables
    case(X01_02, Cell("预算01", "收入总计", 1, "1543.14", "1543.24"), "预算01 row 5 (收入 收入总计) 金额", "-1000", B01,
         B01_INCOME),
    case(X01_03, Cell("预算03", "合计", 2, "1543.14", "1543.24"), "预算01 row 11 (支出 支出总计) 金额", "1000",
         B03[0], B03[3]),
    case(X01_CLASSES, Cell("预算01", "二、社会保障和就业支出", 3, "261.67", "261.77"),
         "预算01 row 7 (支出 二、社会保障和就业支出) 金额", "-1000", B01_SPENDING),
    case(X02_04, Cell("预算04", "三、国有资本经营预算资金", 1, "3.00", "2.90"), "预算02 row 1 (合计) 财政拨款收入",
         "-1000", B04_INCOME, X04_01[2]),
    case(X04_01[0], Cell("预算01", "1.一般公共预算资金", 1, "1535.14", "1535.04"),
         "预算04 row 1 (收入 一、一般公共预算资金) 金额", "-1000", B01_FISCAL),
    case(X04_01[1], Cell("预算04", "二、政府性基金预算资金", 1, "5.00", "5.10"),
         "预算04 row 2 (收入 二、政府性基金预算资金) 金额", "-1000", B04_INCOME, X02_04),
    case(X04_01[2], Cell("预算01", "3.国有资本经营预算", 1, "3.00", "3.10"),
         "预算04 row 3 (收入 三、国有资本经营预算资金) 金额", "1000", B01_FISCAL),
    case(X04_05, Cell("预算04", "支出总计", 4, "1535.14", "1535.24"),
         "预算04 row 10 (支出 支出总计) 一般公共预算财政拨款", "-1000", B04_ROW, B04_SPENDING),
    case(X04_06, Cell("预算04", "支出总计", 5, "5.00", "5.10"), "预算04 row 10 (支出 支出总计) 政府性基金预算财政拨款",
         "-1000", B04_ROW, B04_SPENDING),
    case(X04_07, Cell("预算04", "支出总计", 6, "3.00", "2.90"), "预算04 row 10 (支出 支出总计) 国有资本经营预算财政拨款",
         "1000", B04_ROW, B04_SPENDING),
    case(X04_CLASSES[0], Cell("预算04", "一、一般公共服务支出", 4, "1235.24", "1235.34"),
         "预算04 row 5 (支出 一、一般公共服务支出) 一般公共预算财政拨款", "-1000", B04_ROW, B04_SPENDING),
    case(X04_CLASSES[1], Cell("预算04", "四、城乡社区支出", 5, "5.00", "5.10"),
         "预算04 row 8 (支出 四、城乡社区支出) 政府性基金预算财政拨款", "-1000", B04_ROW, B04_SPENDING),
    case(X04_CLASSES[2], Cell("预算04", "五、国有资本经营预算支出", 6, "3.00", "2.90"),
         "预算04 row 9 (支出 五、国有资本经营预算支出) 国有资本经营预算财政拨款", "1000", B04_ROW, B04_SPENDING),
    case(X05_08, Cell("预算08", "合计", 2, "850.54", "850.64"), "预算05 row 1 (合计) 基本支出", "1000", B08[0], B08[2]),
    case(X03_COVERS, Cell("预算03", "合计", 3, "850.54", "850.44"), "预算03 row 1 (合计) 基本支出", "1000",
         B03[0], B03[3]),
    # 预算09 no longer covers 预算08's item: its own figure lowered, or 预算08's raised
    case(X09_CARS, Cell("预算09", None, 5, "12.50", "11.90"), "预算09 row 6 (公务用车运行维护费) 预算数", "1000",
         B09_CARS),
    case(X09_HOSTING, Cell("预算09", None, 2, "1.00", "0.70"), "预算09 row 3 (公务接待费) 预算数", "1000", B09_TOTAL),
    case(X09_ABROAD, Cell("预算08", "30212", 2, "0.20", "0.60"), "预算09 row 2 (因公出国（境）费) 预算数", "1000",
         B08[1], B08[2]),
)
IDS = [f"{SUITE_OF[c.check]}-{n:02d}" for n, c in enumerate(CASES, 1)]  # pytest escapes CJK in ids


# --- the proof ------------------------------------------------------------------------------


def where(location: str) -> tuple[str, int, str]:
    """(table, row, column) as a location names them."""
    parts = location.split()
    return parts[0], int(parts[2]), parts[-1]


def failures_of(report) -> list[dict]:
    return [f for s in report.suites for f in s.failures]


def evaluated(report) -> dict[str, list[dict]]:
    """The budget checks' evaluated rows (not the 'not evaluated' ones), by check."""
    out: dict[str, list[dict]] = {}
    for s in report.suites:
        for d in s.details:
            if d["check"] in BUDGET_CHECKS and d["row"] is not None:
                out.setdefault(d["check"], []).append(d)
    return out


@pytest.fixture(scope="module")
def budget(seed_disclosure) -> tuple[str, list[str]]:
    """(the title prefix, 2024年单位; the intact budget's lines)."""
    return f"{seed_disclosure.info.fiscal_year}年{seed_disclosure.info.scope}", full_budget(seed_disclosure).split("\n")


def parsed(lines: list[str], folder: Path):
    path = folder / "budget.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    disclosure = parse_document(read_raw(path, folder))
    assert disclosure.info.kind == "预算"
    return disclosure, expectations.validate(disclosure)


def test_every_budget_check_has_a_case():
    """A budget check without a case here fails this test (as a 决算 check without one fails
    test_validation_proof.py); each is a check of the suite its catalog feeds."""
    assert len(set(BUDGET_CHECKS)) == len(BUDGET_CHECKS)  # a check's name is its identity in the warehouse
    assert sorted(c.check for c in CASES) == sorted(BUDGET_CHECKS)
    within = {name for shape in BUDGET_IDENTITIES for name in shape.check_names}
    assert {SUITE_OF[c] for c in within} == {"balanced_totals"}
    assert {SUITE_OF[c] for c in set(BUDGET_CHECKS) - within} == {"cross_table_totals"}
    assert {SEVERITY[c] for c in BUDGET_CHECKS} == {"error"}


def test_the_intact_budget_passes_every_budget_check(budget, tmp_path):
    """Every budget check is evaluated on it, none fails; what is left are the seed's 尾数误差
    (1535.14 printed over 类 that add to 1535.13), warnings within rounding tolerance."""
    _, lines = budget
    disclosure, report = parsed(lines, tmp_path)
    assert not report.has_errors, [(f["check"], f["location"]) for f in report.errors]
    rows = evaluated(report)
    assert set(rows) == set(BUDGET_CHECKS)  # each evaluated at least once
    for failure in failures_of(report):
        assert failure["check"] in BUDGET_CHECKS and failure["severity"] == "warning", failure
        assert failure["difference"] and abs(failure["difference"]) <= failure["tolerance"], failure
        assert "within rounding tolerance" in failure["detail"], failure
    assert {f["check"] for f in failures_of(report)} == {B01_SPENDING, B02[0], B03[0], B04_SPENDING, B05[0], B08[1]}


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_breaking_one_cell_fails_its_check(case: Case, budget, tmp_path):
    prefix, intact = budget
    lines = list(intact)
    case.edit.apply(lines, prefix)
    _, report = parsed(lines, tmp_path)

    failures = failures_of(report)
    [failure] = [f for f in failures if f["check"] == case.check and f["location"] == case.location]
    assert (failure["suite"], failure["severity"], failure["success"], failure["finding"]) == (
        SUITE_OF[case.check], "error", False, "source")
    assert (failure["table"], failure["row"], failure["column"]) == where(case.location)
    assert (failure["difference"], failure["unit"]) == (Decimal(case.difference), "元")
    assert abs(failure["difference"]) > failure["tolerance"] and "beyond rounding tolerance" in failure["detail"]
    assert {f["check"] for f in failures if f["severity"] == "error"} == case.errors
    assert report.has_errors and not report.untrusted  # the budget disagrees with itself: it lands, with the finding


# --- a real budget --------------------------------------------------------------------------

REAL = "budget_2024_putuo_wanli.pdf"  # the corpus budget that prints a 公务用车 figure in 预算09
# Its 预算06 and 预算07 print only a blank 合计 row (it has no such funds), as every corpus budget's
# do: their checks have nothing to evaluate there (the constructed budget above proves them).
# Nor does 预算01 / 预算04 print a figure on those funds' 收入 lines or in their 支出 columns.
NOT_ON_REAL = {*B06, *B07, X04_06, X04_07, *X04_01[1:], *X04_CLASSES[1:]}


@pytest.fixture(scope="module")
def real_budget():
    file = corpus_file(REAL)  # skips, saying why, without ../shared/corpus
    disclosure = parse_document(read_raw(file, file.parent))
    return disclosure, expectations.validate(disclosure)


def moved(disclosure: Disclosure, table_id: str, row: int, column: str, by: Decimal) -> Disclosure:
    """The disclosure with one parsed cell read `by` 元 off (everything else shared, unchanged)."""
    table = disclosure.tables[table_id]
    [target] = [r for r in table.rows if r.ref.row == row]
    cell = target.cells[column]
    value = (cell.value or 0) + by
    raw = f"{value / YUAN_PER_UNIT[table.unit]:.2f}"
    rows = [replace(r, cells={**r.cells, column: replace(cell, raw=raw, value=value)}) if r is target else r
            for r in table.rows]
    return replace(disclosure, tables={**disclosure.tables, table_id: replace(table, rows=rows)})


def test_a_real_budget_passes_every_budget_check(real_budget):
    _, report = real_budget
    assert not report.has_errors, [(f["check"], f["location"]) for f in report.errors]
    assert set(evaluated(report)) == set(BUDGET_CHECKS) - NOT_ON_REAL
    assert not [f for f in failures_of(report) if f["check"] in BUDGET_CHECKS]


@pytest.mark.parametrize("check", [c for c in BUDGET_CHECKS if c not in NOT_ON_REAL],
                         ids=[f"{SUITE_OF[c]}-{n:02d}" for n, c in enumerate(BUDGET_CHECKS, 1) if c not in NOT_ON_REAL])
def test_a_real_budget_fails_each_check_at_the_figure_it_reports(real_budget, check):
    """The figure a check reports at (a total, a subject, a row's 合计) read one 万元 lower: the
    check fails there, by one 万元 more than it differed before (the relation "≥" too: its total
    no longer covers)."""
    disclosure, report = real_budget
    intact = next(d for d in evaluated(report)[check] if d["success"])
    broken = expectations.validate(moved(disclosure, intact["table"], intact["row"], intact["column"], -WAN))
    [failure] = [f for f in failures_of(broken) if f["check"] == check and f["location"] == intact["location"]]
    assert (failure["severity"], failure["finding"]) == ("error", "source")
    assert failure["difference"] == intact["difference"] + WAN


@pytest.mark.parametrize(("check", "column"), [(X04_06, "政府性基金预算财政拨款"), (X04_07, "国有资本经营预算财政拨款")],
                         ids=["cross_table_totals-06", "cross_table_totals-07"])
def test_a_real_budget_fails_a_fund_its_empty_table_does_not_show(real_budget, check, column):
    """预算04 budgets one 万元 of a fund whose table (预算06 / 预算07) prints nothing: caught."""
    disclosure, _ = real_budget
    [total] = [r for r in disclosure.tables["预算04"].rows if r.keys["side"] == "支出" and r.keys["item"] == "支出总计"]
    assert total.cells[column].value is None
    report = expectations.validate(moved(disclosure, "预算04", total.ref.row, column, WAN))
    [failure] = [f for f in failures_of(report) if f["check"] == check]
    assert (failure["severity"], failure["table"], failure["row"], failure["column"]) == (
        "error", "预算04", total.ref.row, column)
    assert failure["difference"] == -WAN
