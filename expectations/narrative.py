"""The 情况说明 against the tables: every figure it states about a table quantity equals it,
and every share, growth rate and completion rate it states equals the rate recomputed.

`QUANTITIES` maps the narrative parser's quantity keys (pipelines/parsing/narrative.py,
VOCABULARY) to the printed cells that hold the same quantity, as signed sums of `Ref`s: the
vocabulary and this table are the whole of the reconciliation. A stated figure whose quantity
no table holds (国内接待费, 接待批次, 年初预算数 …) is not compared; it can still be the input
of a stated rate (a completion rate against a stated 年初预算数).

Rates:
* share_pct of X = X / the quantity `SHARE_OF` names (e.g. income:财政拨款收入 of income);
* completion_pct of X = X / its budget (公开09 预算数, or the budget the narrative states);
* yoy_pct of X = change / (X − change), the change being the yoy_change stated for X, or
  (X − prior) / prior where the prior year's figure is stated (a 预算's "2023年当年预算执行数为…");
* performance_execution_rate = Σ 全年执行数 / Σ 全年预算数 of the 绩效自评表.
X is the table figure when a table holds it, else the figure the narrative states.

Each document kind has its catalog (`Catalog`): this module's is a 决算's (`FINAL_CATALOG`), a
预算's is in budget_narrative.py; suites.py applies each kind's shapes to its documents.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from expectations.cells import CLASS, Missing, Ref
from expectations.figures import NARRATIVE, Figure, project_money, stated
from expectations.identities import Gap, Identity, Item, Ratio, Shape, Term, side_ref, total_ref
from pipelines.model import Disclosure, NarrativeFact

AMOUNT = "情况说明 金额 = 表中数"
BUDGET = "情况说明 预算数 = 公开09 预算数"
COUNT = "情况说明 数量 = 表中数"
SHARE = "情况说明 占比 = 重算占比"
GROWTH = "情况说明 增减率 = 增减额 / 上年数"
COMPLETION = "情况说明 完成率 = 决算数 / 预算数"
CHECKS = (AMOUNT, BUDGET, COUNT, SHARE, GROWTH, COMPLETION)


def _stat(section: str, item: str | re.Pattern, every: bool = False) -> Ref:
    match = {"section": section} if item is None else {"section": section, "item": item}
    return Ref("公开10", match, "统计数", every=every, optional=True)


F04 = "公开04"
# quantity key (a regex, fully matched) -> the cells holding it, as a function of the match
QUANTITIES: tuple[tuple[str, Callable[[re.Match], tuple[Ref, ...]]], ...] = (
    ("total_income", lambda m: (side_ref("公开01", "收入", "总计", "金额"),)),
    ("total_expenditure", lambda m: (side_ref("公开01", "支出", "总计", "金额"),)),
    ("income", lambda m: (side_ref("公开01", "收入", "本年收入合计", "金额"),)),
    ("expenditure", lambda m: (side_ref("公开01", "支出", "本年支出合计", "金额"),)),
    ("carryover_begin", lambda m: (side_ref("公开01", "收入", "年初结转和结余", "金额", optional=True),)),
    ("carryover_end", lambda m: (side_ref("公开01", "支出", "年末结转和结余", "金额", optional=True),)),
    ("fiscal_total_income", lambda m: (side_ref(F04, "收入", "总计", "金额"),)),
    ("fiscal_total_expenditure", lambda m: (side_ref(F04, "支出", "总计", "合计"),)),
    ("fiscal_income", lambda m: (side_ref(F04, "收入", "本年收入合计", "金额"),)),
    ("fiscal_expenditure", lambda m: (side_ref(F04, "支出", "本年支出合计", "合计"),)),
    ("fiscal_carryover_begin", lambda m: (side_ref(F04, "收入", "年初财政拨款结转和结余", "金额", optional=True),)),
    ("fiscal_carryover_end", lambda m: (side_ref(F04, "支出", "年末财政拨款结转和结余", "合计", optional=True),)),
    # 一、 splits 收入总计 into 财政拨款 and the rest: the rest is 公开01 − 公开04
    ("nonfiscal_income", lambda m: (side_ref("公开01", "收入", "本年收入合计", "金额"),
                                    side_ref(F04, "收入", "本年收入合计", "金额", sign=-1))),
    ("nonfiscal_expenditure", lambda m: (side_ref("公开01", "支出", "本年支出合计", "金额"),
                                         side_ref(F04, "支出", "本年支出合计", "合计", sign=-1))),
    ("nonfiscal_carryover_begin", lambda m: (
        side_ref("公开01", "收入", "年初结转和结余", "金额", optional=True),
        side_ref(F04, "收入", "年初财政拨款结转和结余", "金额", sign=-1, optional=True))),
    ("nonfiscal_carryover_end", lambda m: (
        side_ref("公开01", "支出", "年末结转和结余", "金额", optional=True),
        side_ref(F04, "支出", "年末财政拨款结转和结余", "合计", sign=-1, optional=True))),
    (r"income:(?P<c>.+)", lambda m: (total_ref("公开02", m["c"]),)),
    (r"expenditure:(?P<c>.+)", lambda m: (total_ref("公开03", m["c"]),)),
    ("general_budget_expenditure", lambda m: (total_ref("公开05", "本年支出合计"),)),
    (r"general_budget_class:(?P<n>.+)", lambda m: (Ref("公开05", {"code": CLASS, "name": m["n"]}, "本年支出合计"),)),
    ("basic_expenditure", lambda m: (total_ref("公开05", "基本支出"),)),
    ("personnel", lambda m: (Ref("公开06", {"name": "人员经费合计"}, "决算数"),)),
    ("public", lambda m: (Ref("公开06", {"name": "公用经费合计"}, "决算数"),)),
    (r"economic:(?P<code>\d+)", lambda m: (Ref("公开06", {"code": m["code"]}, "决算数"),)),
    ("three_public", lambda m: (Ref("公开09", {"item": "合计"}),)),
    (r"three_public:(?P<i>因公出国（境）费|公务用车购置及运行维护费|公务用车购置费|公务用车运行维护费|公务接待费)",
     lambda m: (Ref("公开09", {"item": m["i"]}),)),
    ("admin_operating_cost", lambda m: (_stat("机关运行经费", None, every=True),)),
    ("procurement", lambda m: (_stat("政府采购情况", "合计"),)),
    (r"procurement:(?P<i>货物|工程|服务)", lambda m: (_stat("政府采购情况", m["i"]),)),
    (r"procurement:(?P<i>授予(中小|小微)企业合同金额)", lambda m: (_stat("政府采购情况", re.compile(m["i"])),)),
    ("vehicles", lambda m: (_stat("国有资产占用情况", re.compile("^车辆数合计")),)),
    (r"vehicles:(?P<n>.+)", lambda m: (_stat("国有资产占用情况", m["n"]),)),
    ("large_equipment", lambda m: (_stat("国有资产占用情况", re.compile(r"^单价.*以上.*设备")),)),
)
# the column a 公开09 quantity is read from
MEASURE_COLUMN = {"amount": "决算数", "budget": "预算数"}
# what a share is of
SHARE_OF = ((r"income:.+", "income"), (r"expenditure:.+", "expenditure"),
            ("general_budget_expenditure", "expenditure"), (r"general_budget_class:.+", "general_budget_expenditure"),
            (r"personnel|public", "basic_expenditure"), (r"procurement:.+", "procurement"),
            (r"three_public:.+", "three_public"))


@dataclass(frozen=True)
class Catalog:
    """One kind's reconciliation: its quantities (key regex -> the cells holding it), the
    column a reference without one is read from per measure, what each share is of, and the
    quantities read from the 绩效自评表."""

    quantities: tuple[tuple[str, Callable[[re.Match], tuple[Ref, ...]]], ...]
    measure_column: tuple[tuple[str, str], ...] = ()
    share_of: tuple[tuple[str, str], ...] = ()
    projects: tuple[tuple[str, Callable[[Disclosure], tuple[Term, ...]]], ...] = ()

    def column(self, measure: str) -> str | None:
        return dict(self.measure_column).get(measure)


def table_terms(disclosure: Disclosure, key: str, measure: str = "amount",
                catalog: Catalog | None = None) -> tuple[Term, ...] | None:
    """The printed cells holding quantity `key`, or None when no table holds it (or the row
    is not printed: a quantity of an absent optional table is simply not compared)."""
    catalog = catalog or FINAL_CATALOG
    for pattern, refs in catalog.quantities:
        match = re.fullmatch(pattern, key)
        if match:
            try:
                found = tuple((ref.sign, f) for ref in refs(match)
                              for f in ref.figures(disclosure, catalog.column(measure)))
            except Missing:
                return None
            if all(f.row == 0 for _, f in found):  # every row absent: the table does not hold it
                return None
            return found
    return None


def _performance(disclosure: Disclosure, field: str) -> tuple[Term, ...]:
    return tuple((1, project_money(p, field, disclosure.info.unit)) for p in disclosure.projects)


def _project_count(disclosure: Disclosure, grade: str | None = None) -> tuple[Term, ...]:
    n = sum(1 for p in disclosure.projects if grade is None or p.grade == grade)
    return ((1, Figure("绩效自评表", "个", 0, f"等级{grade}" if grade else "", "项目数", str(n), n, "count")),)


PROJECT_QUANTITIES: tuple[tuple[str, Callable[[Disclosure], tuple[Term, ...]]], ...] = (
    ("performance_budget", lambda d: _performance(d, "annual_budget")),
    ("performance_executed", lambda d: _performance(d, "executed")),
    ("projects_evaluated", _project_count),
    *((f"projects_grade:{g}", (lambda d, g=g: _project_count(d, g))) for g in "优良中差"),
)
FINAL_CATALOG = Catalog(QUANTITIES, tuple(MEASURE_COLUMN.items()), SHARE_OF, PROJECT_QUANTITIES)


def quantity(disclosure: Disclosure, key: str, measure: str = "amount",
             catalog: Catalog | None = None) -> tuple[Term, ...] | None:
    catalog = catalog or FINAL_CATALOG
    projects = dict(catalog.projects)
    if key in projects:
        return projects[key](disclosure) if disclosure.projects else None
    return table_terms(disclosure, key, measure, catalog)


def _about(terms: tuple[Term, ...]) -> str:
    printed = [f for _, f in terms if f.printed] or [f for _, f in terms]
    if len(printed) > 3:
        return f"Σ {len(printed)} {printed[0].table} figures"
    return " ".join(("−" if s < 0 else "+") + f" {f.location}" for s, f in terms).removeprefix("+ ")


@dataclass(frozen=True)
class Statements(Shape):
    """Every stated figure of the 情况说明 with a quantity, compared as its measure says."""

    name: str = "情况说明"
    severity: str = "warning"
    catalog: Catalog = FINAL_CATALOG

    @property
    def check_names(self) -> tuple[str, ...]:
        return CHECKS

    def items(self, disclosure: Disclosure) -> Iterator[Item | Gap]:
        facts = disclosure.narrative
        unit = disclosure.info.unit
        for i, fact in enumerate(facts):
            if fact.quantity is None:
                continue
            try:
                item = _compare(disclosure, facts, i, fact, unit, self.catalog)
            except ValueError as error:  # a stated figure finer than its quantum (12.345元)
                yield Gap(CHECKS[0], NARRATIVE, f"line {fact.ref.line}: {error}")
                continue
            if item is not None:
                yield item


def _compare(disclosure: Disclosure, facts: list[NarrativeFact], i: int, fact: NarrativeFact,
             unit: str, catalog: Catalog = FINAL_CATALOG) -> Item | None:
    figure = stated(fact, unit)
    key = fact.quantity
    if fact.measure == "budget" and not key.startswith("three_public"):
        return None  # only 公开09 prints budgets; others are inputs of completion rates
    if fact.measure in ("amount", "budget", "count"):
        terms = quantity(disclosure, key, fact.measure, catalog)
        if terms is None or {f.kind for _, f in terms} != {figure.kind}:
            return None
        check = {"amount": AMOUNT, "budget": BUDGET, "count": COUNT}[fact.measure]
        if fact.measure == "amount" and figure.kind == "count":
            check = COUNT
        return Identity(check, terms, ((1, figure),), f"{_about(terms)} vs 情况说明", figure)  # as printed: table ≠ narrative
    if fact.measure == "share_pct":
        whole = next((of for pattern, of in catalog.share_of if re.fullmatch(pattern, key)), None)
        part = _amount(disclosure, facts, i, key, catalog)
        total = _amount(disclosure, facts, i, whole, catalog) if whole else None
        if part and total:
            return Ratio(SHARE, figure, part, total, f"{_about(part)} / {_about(total)}")
    elif fact.measure == "completion_pct":
        if key == "performance_execution_rate":
            part, budget = _performance(disclosure, "executed"), _performance(disclosure, "annual_budget")
        else:
            part, budget = _amount(disclosure, facts, i, key, catalog), _budget(disclosure, facts, i, key, catalog)
        if part and budget:
            return Ratio(COMPLETION, figure, part, budget, f"{_about(part)} / {_about(budget)}")
    elif fact.measure == "yoy_pct":
        change = _nearest(facts, i, key, ("yoy_change",), unit="元")
        prior = _nearest(facts, i, key, ("prior_year",), unit="元")
        current = _amount(disclosure, facts, i, key, catalog)
        if prior is not None and current:  # "2023年当年预算执行数为60.13万元…比2023年预算执行数减少57.14%"
            before = stated(prior, unit)
            if not before.value:
                return None  # a rate of growth from nothing is not a rate ("增加100.00%" by convention)
            return Ratio(GROWTH, figure, (*current, (-1, before)), ((1, before),),
                         f"({_about(current)} − {before.location}) / {before.location}")
        if change is not None and current:
            moved = stated(change, unit)
            return Ratio(GROWTH, figure, ((1, moved),), (*current, (-1, moved)),
                         f"{moved.location} / ({_about(current)} − ({moved.raw}))")
    return None


def _nearest(facts: list[NarrativeFact], i: int, key: str, measures: tuple[str, ...],
             unit: str | None = None) -> NarrativeFact | None:
    """The stated fact of the same quantity nearest to fact `i`, preferably before it and in
    its section."""
    section = facts[i].section
    found = [(j, f) for j, f in enumerate(facts) if j != i and f.quantity == key and f.measure in measures
             and (unit is None or f.unit == unit)]
    if not found:
        return None
    return min(found, key=lambda c: (c[1].section != section, c[0] > i, abs(c[0] - i)))[1]


def _amount(disclosure: Disclosure, facts, i: int, key: str, catalog: Catalog = FINAL_CATALOG
            ) -> tuple[Term, ...] | None:
    terms = quantity(disclosure, key, catalog=catalog)
    if terms:
        return terms
    fact = _nearest(facts, i, key, ("amount",), unit="元")
    return ((1, stated(fact, disclosure.info.unit)),) if fact else None


def _budget(disclosure: Disclosure, facts, i: int, key: str, catalog: Catalog = FINAL_CATALOG
            ) -> tuple[Term, ...] | None:
    if key.startswith("three_public"):
        terms = quantity(disclosure, key, "budget", catalog)
        if terms and any(f.printed for _, f in terms):
            return terms
    fact = _nearest(facts, i, key, ("budget",), unit="元")
    return ((1, stated(fact, disclosure.info.unit)),) if fact else None


NARRATIVE_SHAPES: tuple[Shape, ...] = (Statements(),)
__all__ = ["CHECKS", "FINAL_CATALOG", "NARRATIVE", "NARRATIVE_SHAPES", "Catalog", "Statements", "quantity"]
