"""The identities of a 预算 (budget), declared as data in the shapes of identities.py: the
catalog a budget document is checked against, as IDENTITIES / CROSS_TABLE are a 决算's."""

from __future__ import annotations

from expectations.cells import CLASS, Ref
from expectations.identities import (
    FUNDS,
    Equation,
    RowSum,
    Shape,
    SubjectRollup,
    _item,
    _rollups,
    _total,
)

SOURCES = ("财政拨款收入", "事业收入", "事业单位经营收入", "其他收入")
EXPENDITURE_TABLES = ("预算03", "预算05", "预算06", "预算07")
BUDGET = ("预算数",)


def _side(table: str, side: str, item: str, column: str | None = None, optional: bool = False) -> Ref:
    return Ref(table, {"side": side, "item": item}, column, optional=optional)


BUDGET_IDENTITIES: tuple[Shape, ...] = (
    # 预算01 财务收支预算总表, 预算04 财政拨款收支预算总表
    Equation("预算01 收入总计 = 支出总计", _side("预算01", "收入", "收入总计", "金额"), (_side("预算01", "支出", "支出总计", "金额"),)),
    Equation("预算04 收入总计 = 支出总计", _side("预算04", "收入", "收入总计", "金额"),
             (_side("预算04", "支出", "支出总计", "合计"),)),
    RowSum("预算04 合计 = Σ 各类财政拨款", "预算04", "合计", FUNDS, where={"side": "支出"}),
    # 预算02 收入预算总表
    *_rollups("预算02"),
    RowSum("预算02 合计 = Σ 收入来源", "预算02", "本年收入合计", SOURCES),
    # 预算03 / 05 / 06 / 07: 合计 = 基本支出 + 项目支出 on every row, and the 类/款/项 tree
    *(shape for table in EXPENDITURE_TABLES for shape in (
        *_rollups(table),
        RowSum(f"{table} 合计 = 基本支出 + 项目支出", table, "本年支出合计", ("基本支出", "项目支出")))),
    # 预算08 一般公共预算基本支出经济分类预算表
    SubjectRollup("预算08 合计 = Σ 类", "预算08", level=0),
    SubjectRollup("预算08 类 = Σ 款", "预算08", level=3),
    RowSum("预算08 合计 = 人员经费 + 公用经费", "预算08", "合计", ("人员经费", "公用经费")),
    # 预算09 “三公”经费预算
    Equation("预算09 合计 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费", _item("预算09", "合计"),
             tuple(_item("预算09", i) for i in ("因公出国（境）费", "公务用车购置及运行维护费", "公务接待费")),
             columns=BUDGET),
    Equation("预算09 公务用车购置及运行维护费 = 购置费 + 运行维护费", _item("预算09", "公务用车购置及运行维护费"),
             (_item("预算09", "公务用车购置费"), _item("预算09", "公务用车运行维护费")), columns=BUDGET),
)

BUDGET_CROSS_TABLE: tuple[Shape, ...] = (
    Equation("预算01 收入总计 = 预算02 合计", _side("预算01", "收入", "收入总计", "金额"), (_total("预算02", "本年收入合计"),)),
    Equation("预算01 支出总计 = 预算03 合计", _side("预算01", "支出", "支出总计", "金额"), (_total("预算03", "本年支出合计"),)),
    Equation("预算04 一般公共预算支出 = 预算05 合计", _side("预算04", "支出", "支出总计", FUNDS[0]),
             (_total("预算05", "本年支出合计"),)),
    Equation("预算04 政府性基金预算支出 = 预算06 合计", _side("预算04", "支出", "支出总计", FUNDS[1]),
             (_total("预算06", "本年支出合计", ),), ),
    Equation("预算04 国有资本经营预算支出 = 预算07 合计", _side("预算04", "支出", "支出总计", FUNDS[2]),
             (_total("预算07", "本年支出合计"),)),
    Equation("预算05 基本支出 = 预算08 合计", _total("预算05", "基本支出"), (_total("预算08", "合计"),)),
    Equation("预算03 ≥ 预算05 + 预算06 + 预算07", _total("预算03"),
             tuple(_total(t) for t in ("预算05", "预算06", "预算07")),
             columns=("本年支出合计", "基本支出", "项目支出"), relation="≥"),
)

__all__ = ["BUDGET_CROSS_TABLE", "BUDGET_IDENTITIES", "CLASS"]
