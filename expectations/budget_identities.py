"""The identities of a 预算 (budget), declared as data in the shapes of identities.py: the
catalog a budget document is checked against, as IDENTITIES / CROSS_TABLE are a 决算's."""

from __future__ import annotations

import re

from expectations.cells import CLASS, Ref
from expectations.identities import (
    ClassLines,
    Equation,
    RowSum,
    Shape,
    SubjectRollup,
    SumOfPreceding,
    item_ref,
    rollups,
    side_ref,
    total_ref,
)
from pipelines.parsing.templates import parts

SOURCES = parts("预算02")
FUNDS = parts("预算04", "支出")
EXPENDITURE_TABLES = ("预算03", "预算05", "预算06", "预算07")
BUDGET = ("预算数",)
# 预算01 / 预算04's 支出 side lists one line per 功能分类 类 down to 支出总计 (a 本年支出合计, when a
# budget prints one, ends them first)
CLASS_LINES_END = ("本年支出合计", "支出总计")
# The 收入 lines of one fund: 预算01 prints them under 一、财政拨款收入 as "1.一般公共预算资金",
# "2.政府性基金", "3.国有资本经营预算"; 预算04 as its own lines "一、一般公共预算资金", "二、政府性基金"
# (or "二、政府性基金预算资金"), "三、国有资本经营预算". The eight-table template has no 国有资本经营预算.
FUND_INCOME = (("一般公共预算资金", re.compile("^一般公共预算")), ("政府性基金", re.compile("^政府性基金")),
               ("国有资本经营预算", re.compile("^国有资本经营预算")))
# What a 总计 over the lines above it does not add again: a line's breakdown, numbered below the
# 一、二、… of the lines ("1.一般公共预算资金", "（一）…"), and a 本年收入合计 / 本年支出合计 subtotal.
NOT_A_LINE = re.compile(r"^\s*(?:\d+\s*[.．、]|[（(]\s*[\d一二三四五六七八九十]+\s*[）)])|合计$")



def _fund_income(table: str, fund: int) -> Ref:
    """预算01 / 预算04's 收入 line of a fund: the 一般公共预算 one every budget prints (a budget
    without it is not evaluated), the other two optional (blank when a budget omits them)."""
    return side_ref(table, "收入", FUND_INCOME[fund][1], "金额", optional=fund > 0)


BUDGET_IDENTITIES: tuple[Shape, ...] = (
    # 预算01 财务收支预算总表, 预算04 财政拨款收支预算总表
    Equation("预算01 收入总计 = 支出总计", side_ref("预算01", "收入", "收入总计", "金额"), (side_ref("预算01", "支出", "支出总计", "金额"),)),
    SumOfPreceding("预算01 收入总计 = Σ 收入项目", "预算01", {"side": "收入", "item": "收入总计"}, ("金额",),
                   skip=NOT_A_LINE),
    Equation("预算01 财政拨款收入 = Σ 各类财政拨款", side_ref("预算01", "收入", "财政拨款收入", "金额"),
             tuple(_fund_income("预算01", fund) for fund in range(len(FUND_INCOME)))),
    SumOfPreceding("预算01 支出总计 = Σ 支出项目", "预算01", {"side": "支出", "item": "支出总计"}, ("金额",),
                   skip=NOT_A_LINE),
    Equation("预算04 收入总计 = 支出总计", side_ref("预算04", "收入", "收入总计", "金额"),
             (side_ref("预算04", "支出", "支出总计", "合计"),)),
    SumOfPreceding("预算04 收入总计 = Σ 收入项目", "预算04", {"side": "收入", "item": "收入总计"}, ("金额",),
                   skip=NOT_A_LINE),
    SumOfPreceding("预算04 支出总计 = Σ 支出项目", "预算04", {"side": "支出", "item": "支出总计"}, skip=NOT_A_LINE),
    RowSum("预算04 合计 = Σ 各类财政拨款", "预算04", "合计", FUNDS, where={"side": "支出"}),
    # 预算02 收入预算总表
    *rollups("预算02"),
    RowSum("预算02 合计 = Σ 收入来源", "预算02", "本年收入合计", SOURCES),
    # 预算03 / 05 / 06 / 07: 合计 = 基本支出 + 项目支出 on every row, and the 类/款/项 tree
    *(shape for table in EXPENDITURE_TABLES for shape in (
        *rollups(table),
        RowSum(f"{table} 合计 = 基本支出 + 项目支出", table, "本年支出合计", ("基本支出", "项目支出")))),
    # 预算08 一般公共预算基本支出经济分类预算表
    SubjectRollup("预算08 合计 = Σ 类", "预算08", level=0),
    SubjectRollup("预算08 类 = Σ 款", "预算08", level=3),
    RowSum("预算08 合计 = 人员经费 + 公用经费", "预算08", "合计", ("人员经费", "公用经费")),
    # 预算09 “三公”经费预算
    Equation("预算09 合计 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费", item_ref("预算09", "合计"),
             tuple(item_ref("预算09", i) for i in ("因公出国（境）费", "公务用车购置及运行维护费", "公务接待费")),
             columns=BUDGET),
    Equation("预算09 公务用车购置及运行维护费 = 购置费 + 运行维护费", item_ref("预算09", "公务用车购置及运行维护费"),
             (item_ref("预算09", "公务用车购置费"), item_ref("预算09", "公务用车运行维护费")), columns=BUDGET),
)

BUDGET_CROSS_TABLE: tuple[Shape, ...] = (
    # 预算01 ↔ 预算02 ↔ 预算03
    Equation("预算01 收入总计 = 预算02 合计", side_ref("预算01", "收入", "收入总计", "金额"), (total_ref("预算02", "本年收入合计"),)),
    Equation("预算01 支出总计 = 预算03 合计", side_ref("预算01", "支出", "支出总计", "金额"), (total_ref("预算03", "本年支出合计"),)),
    ClassLines("预算01 类支出 = 预算03 类", "预算01", "金额", "预算03", ends=CLASS_LINES_END),
    # 预算04 ↔ 预算02 / 预算01 (收入), ↔ 预算05 / 06 / 07 per fund (支出)
    Equation("预算02 财政拨款收入 = 预算04 各类财政拨款收入", total_ref("预算02", "财政拨款收入"),
             tuple(_fund_income("预算04", fund) for fund in range(len(FUND_INCOME)))),
    *(Equation(f"预算04 {name} = 预算01 {name}", _fund_income("预算04", fund), (_fund_income("预算01", fund),))
      for fund, (name, _) in enumerate(FUND_INCOME)),
    Equation("预算04 一般公共预算支出 = 预算05 合计", side_ref("预算04", "支出", "支出总计", FUNDS[0]),
             (total_ref("预算05", "本年支出合计"),)),
    Equation("预算04 政府性基金预算支出 = 预算06 合计", side_ref("预算04", "支出", "支出总计", FUNDS[1]),
             (total_ref("预算06", "本年支出合计", ),), ),
    Equation("预算04 国有资本经营预算支出 = 预算07 合计", side_ref("预算04", "支出", "支出总计", FUNDS[2]),
             (total_ref("预算07", "本年支出合计"),)),
    *(ClassLines(f"预算04 {fund}类支出 = {table} 类", "预算04", column, table, ends=CLASS_LINES_END)
      for fund, column, table in zip(("一般公共预算", "政府性基金预算", "国有资本经营预算"), FUNDS,
                                     ("预算05", "预算06", "预算07"))),
    Equation("预算05 基本支出 = 预算08 合计", total_ref("预算05", "基本支出"), (total_ref("预算08", "合计"),)),
    Equation("预算03 ≥ 预算05 + 预算06 + 预算07", total_ref("预算03"),
             tuple(total_ref(t) for t in ("预算05", "预算06", "预算07")),
             columns=("本年支出合计", "基本支出", "项目支出"), relation="≥"),
    # 预算09 (all 财政拨款, basic and project) covers 预算08's items (basic expenditure only)
    *(Equation(f"预算09 {item} ≥ 预算08 {code}", item_ref("预算09", item, BUDGET[0]),
               (Ref("预算08", {"code": code}, "合计", optional=True),), relation="≥")
      for item, code in (("公务用车运行维护费", "30231"), ("公务接待费", "30217"), ("因公出国（境）费", "30212"))),
)

__all__ = ["BUDGET_CROSS_TABLE", "BUDGET_IDENTITIES", "CLASS"]
