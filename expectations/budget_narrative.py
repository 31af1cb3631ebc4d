"""A 预算's 编制说明 and 其他相关情况说明 against its tables: the budget's catalog of narrative
quantities, as narrative.py's `QUANTITIES` is a 决算's.

The budget narrative states the budget's own figures (measure "amount"): each is compared with
the cell that holds it, at the narrative's printed precision (half a unit of its last digit,
0.005 万元 for "87.70万元", plus the table's own half-unit). A figure truncated where the table
rounds (877,080.00 元 printed 87.70 万元, not 87.71) is 0.008 万元 off: more than rounding
explains, so it is a finding of the document, as a 决算's would be. Changes against the year
before (比2024年预算增加…) have no table to meet; a growth rate against a stated 当年预算执行数 is
recomputed from it (narrative.py). The quantity keys are the parser's (pipelines/parsing/
narrative.py, BUDGET_RULES).
"""

from __future__ import annotations

from dataclasses import dataclass

from expectations.cells import Missing, Ref, normal
from expectations.figures import Figure, figure
from expectations.identities import side_ref, total_ref
from expectations.narrative import Catalog, Statements
from pipelines.model import Disclosure, TableRow

FUND_TABLES = ("预算05", "预算06", "预算07")  # 财政拨款 by fund: 一般公共预算, 政府性基金, 国有资本经营预算
LEVELS = (3, 5, 7)  # 类, 款, 项 code lengths
VARIANTS = str.maketrans({"它": "他"})  # "其它行政事业单位养老支出" is the table's 其他…


def _three(item: str) -> Ref:
    return Ref("预算09", {"item": item}, "预算数")


def _name(text: str) -> str:
    return normal(text).translate(VARIANTS)


@dataclass(frozen=True)
class SubjectPath:
    """The 功能分类 subject the narrative names by its 类 / 款 / 项 ("一般公共服务支出（类）财政事务
    （款）行政运行（项）"), in the 财政拨款 tables by fund (预算05–07): each name is looked up
    under the one before, so a 行政运行 is the one of its 款. Its 本年支出合计 in every table
    printing it (a subject belongs to one fund)."""

    names: tuple[str, ...]
    column: str = "本年支出合计"
    sign: int = 1

    def _row(self, rows: list[TableRow]) -> TableRow | None:
        parent = ""
        found = None
        for length, name in zip(LEVELS, self.names):
            found = next((r for r in rows if len(code := r.keys.get("code", "")) == length
                          and code.startswith(parent) and _name(r.keys.get("name", "")) == _name(name)), None)
            if found is None:
                return None
            parent = found.keys["code"]
        return found

    def figures(self, disclosure: Disclosure, column: str | None = None) -> list[Figure]:
        found = []
        for table_id in FUND_TABLES:
            table = disclosure.tables.get(table_id)
            row = self._row(table.rows) if table is not None else None
            if row is not None:
                found.append(figure(table, row, self.column))
        if not found:
            raise Missing(f"no subject {'/'.join(self.names)} in {', '.join(FUND_TABLES)}")
        return found


BUDGET_QUANTITIES = (
    # 收入预算 and its sources: 预算02 收入预算总表 合计
    ("income", lambda m: (total_ref("预算02", "本年收入合计"),)),
    (r"income:(?P<c>.+)", lambda m: (total_ref("预算02", m["c"]),)),
    # 支出预算: 预算03 支出预算总表 合计; 财政拨款支出预算 by fund: 预算04 支出总计
    ("expenditure", lambda m: (total_ref("预算03", "本年支出合计"),)),
    (r"expenditure:(?P<c>基本支出|项目支出)", lambda m: (total_ref("预算03", m["c"]),)),
    ("fiscal_income", lambda m: (side_ref("预算04", "收入", "收入总计", "金额"),)),
    ("fiscal_expenditure", lambda m: (side_ref("预算04", "支出", "支出总计", "合计"),)),
    ("general_budget_expenditure", lambda m: (side_ref("预算04", "支出", "支出总计", "一般公共预算财政拨款"),)),
    ("government_fund_expenditure", lambda m: (side_ref("预算04", "支出", "支出总计", "政府性基金预算财政拨款"),)),
    ("state_capital_expenditure", lambda m: (side_ref("预算04", "支出", "支出总计", "国有资本经营预算财政拨款"),)),
    # 财政拨款支出主要内容: one subject of 预算05–07
    (r"fiscal_subject:(?P<path>.+)", lambda m: (SubjectPath(tuple(m["path"].split("/"))),)),
    # 预算08 一般公共预算基本支出 and 预算09 “三公”经费 / 机关运行经费
    ("personnel", lambda m: (total_ref("预算08", "人员经费"),)),
    ("public", lambda m: (total_ref("预算08", "公用经费"),)),
    ("three_public", lambda m: (_three("合计"),)),
    (r"three_public:(?P<i>因公出国（境）费|公务用车购置及运行维护费|公务用车购置费|公务用车运行维护费|公务接待费)",
     lambda m: (_three(m["i"]),)),
    ("admin_operating_cost", lambda m: (_three("机关运行经费"),)),
)
BUDGET_SHARE_OF = ((r"income:.+", "income"), (r"expenditure:.+", "expenditure"),
                   (r"(general_budget|government_fund|state_capital)_expenditure", "fiscal_expenditure"),
                   (r"three_public:.+", "three_public"))
BUDGET_CATALOG = Catalog(BUDGET_QUANTITIES, (), BUDGET_SHARE_OF)

BUDGET_NARRATIVE_SHAPES = (Statements(catalog=BUDGET_CATALOG),)
__all__ = ["BUDGET_CATALOG", "BUDGET_NARRATIVE_SHAPES", "SubjectPath"]
