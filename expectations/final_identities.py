"""The identities of a 决算 (final accounts), declared as data in the shapes of identities.py:
the catalog a 决算 is checked against (within a table, between tables, per 绩效自评表), as
budget_identities.py is a 预算's. The column lists come from the templates, never retyped."""

from __future__ import annotations

import re

from expectations.cells import CLASS, Ref
from expectations.identities import (
    ClassLines,
    Equation,
    ProjectShape,
    ProjectsTotal,
    RowSum,
    Shape,
    SubjectRollup,
    SumOfPreceding,
    item_ref,
    project_balance,
    project_rate_of,
    project_score,
    rollups,
    total_ref,
)
from pipelines.parsing.templates import parts

INCOME_SOURCES = parts("公开02")
SPENDING_TYPES = parts("公开03")
FUNDS = parts("公开04", "支出")
FUND_COLUMNS = ("合计", *FUNDS)
THREE_PUBLIC = ("预算数", "决算数")
SUBJECT_TABLES = ("公开02", "公开03", "公开05", "公开07", "公开08")


def _s01(side: str, item: str, optional: bool = False) -> Ref:
    return Ref("公开01", {"side": side, "item": item}, "金额", optional=optional)


def _s04(side: str, item: str, column: str | None = None, after: str | None = None, optional=False) -> Ref:
    return Ref("公开04", {"side": side, "item": item}, column,
               after={"side": side, "item": after} if after else None, optional=optional)



IDENTITIES: tuple[Shape, ...] = (
    # 公开01 收入支出决算总表
    Equation("公开01 收入总计 = 支出总计", _s01("收入", "总计"), (_s01("支出", "总计"),)),
    SumOfPreceding("公开01 本年收入合计 = Σ 收入项目", "公开01", {"side": "收入", "item": "本年收入合计"}, ("金额",)),
    SumOfPreceding("公开01 本年支出合计 = Σ 类", "公开01", {"side": "支出", "item": "本年支出合计"}, ("金额",)),
    Equation("公开01 收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余", _s01("收入", "总计"),
             (_s01("收入", "本年收入合计"), _s01("收入", "使用非财政拨款结余（含专用结余）", optional=True),
              _s01("收入", "年初结转和结余", optional=True))),
    Equation("公开01 支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余", _s01("支出", "总计"),
             (_s01("支出", "本年支出合计"), _s01("支出", "结余分配", optional=True),
              _s01("支出", "年末结转和结余", optional=True))),
    # 公开02 收入决算表
    *rollups("公开02"),
    RowSum("公开02 本年收入合计 = Σ 收入来源", "公开02", "本年收入合计", INCOME_SOURCES),
    # 公开03 支出决算表
    *rollups("公开03"),
    RowSum("公开03 本年支出合计 = Σ 支出类型", "公开03", "本年支出合计", SPENDING_TYPES),
    # 公开04 财政拨款收入支出决算总表
    SumOfPreceding("公开04 本年收入合计 = Σ 财政拨款收入", "公开04", {"side": "收入", "item": "本年收入合计"},
                   ("金额",)),
    Equation("公开04 年初财政拨款结转和结余 = Σ 各类财政拨款",
             _s04("收入", "年初财政拨款结转和结余", "金额"),
             tuple(_s04("收入", f, "金额", after="年初财政拨款结转和结余", optional=True) for f in FUNDS)),
    Equation("公开04 收入总计 = 本年收入合计 + 年初财政拨款结转和结余", _s04("收入", "总计", "金额"),
             (_s04("收入", "本年收入合计", "金额"), _s04("收入", "年初财政拨款结转和结余", "金额", optional=True))),
    SumOfPreceding("公开04 本年支出合计 = Σ 类", "公开04", {"side": "支出", "item": "本年支出合计"}),
    Equation("公开04 支出总计 = 本年支出合计 + 年末财政拨款结转和结余", _s04("支出", "总计"),
             (_s04("支出", "本年支出合计"), _s04("支出", "年末财政拨款结转和结余", optional=True)),
             columns=FUND_COLUMNS),
    Equation("公开04 收入总计 = 支出总计", _s04("收入", "总计", "金额"), (_s04("支出", "总计", "合计"),)),
    RowSum("公开04 合计 = Σ 各类财政拨款", "公开04", "合计", FUNDS, where={"side": "支出"}),
    *(Equation(f"公开04 {fund}: 收入 + 年初结转和结余 = 支出总计", _s04("支出", "总计", fund),
               (_s04("收入", fund, "金额", optional=True),
                _s04("收入", fund, "金额", after="年初财政拨款结转和结余", optional=True)))
      for fund in FUNDS),
    # 公开05 一般公共预算财政拨款支出决算表
    *rollups("公开05"),
    RowSum("公开05 本年支出合计 = 基本支出 + 项目支出", "公开05", "本年支出合计", ("基本支出", "项目支出")),
    # 公开06 一般公共预算财政拨款基本支出决算明细表
    SubjectRollup("公开06 类 = Σ 款", "公开06", level=3),
    *(Equation(f"公开06 {group}合计 = Σ {group}类", Ref("公开06", {"name": f"{group}合计"}, "决算数"),
               (Ref("公开06", {"cost_group": group, "code": CLASS}, "决算数", every=True),))
      for group in ("人员经费", "公用经费")),
    # 公开07 政府性基金预算财政拨款收入支出决算表, 公开08 国有资本经营预算财政拨款支出决算表
    *rollups("公开07"),
    RowSum("公开07 本年支出合计 = 基本支出 + 项目支出", "公开07", "本年支出合计", ("基本支出", "项目支出")),
    RowSum("公开07 年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出合计", "公开07", "年末结转和结余",
           ("年初结转和结余", "本年收入"), ("本年支出合计",)),
    *rollups("公开08"),
    RowSum("公开08 本年支出合计 = 基本支出 + 项目支出", "公开08", "本年支出合计", ("基本支出", "项目支出")),
    # 公开09 财政拨款“三公”经费支出决算表, for 预算数 and 决算数
    Equation("公开09 合计 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费", item_ref("公开09", "合计"),
             tuple(item_ref("公开09", i) for i in ("因公出国（境）费", "公务用车购置及运行维护费", "公务接待费")),
             columns=THREE_PUBLIC),
    Equation("公开09 公务用车购置及运行维护费 = 购置费 + 运行维护费", item_ref("公开09", "公务用车购置及运行维护费"),
             (item_ref("公开09", "公务用车购置费"), item_ref("公开09", "公务用车运行维护费")), columns=THREE_PUBLIC),
    # 公开10 部门决算公开相关信息统计表 (not mandatory: not evaluated when absent)
    Equation("公开10 政府采购合计 = 货物 + 工程 + 服务", item_ref("公开10", "合计", "统计数", section="政府采购情况"),
             tuple(item_ref("公开10", i, "统计数", section="政府采购情况") for i in ("货物", "工程", "服务"))),
    Equation("公开10 车辆数合计 = Σ 各类用车",
             Ref("公开10", {"section": "国有资产占用情况", "item": re.compile("^车辆数合计")}, "统计数"),
             (Ref("公开10", {"section": "国有资产占用情况", "item": re.compile("用车$")}, "统计数",
                  every=True),)),
)

CROSS_TABLE: tuple[Shape, ...] = (
    # 公开01 ↔ 公开02 ↔ 公开03
    Equation("公开01 本年收入合计 = 公开02 合计", _s01("收入", "本年收入合计"), (total_ref("公开02", "本年收入合计"),)),
    Equation("公开01 本年支出合计 = 公开03 合计", _s01("支出", "本年支出合计"), (total_ref("公开03", "本年支出合计"),)),
    Equation("公开02 财政拨款收入 = 公开01 各类财政拨款收入", total_ref("公开02", "财政拨款收入"),
             tuple(_s01("收入", f"{f}收入", optional=True) for f in FUNDS)),
    *(Equation(f"公开02 {source} = 公开01 {source}", total_ref("公开02", source), (_s01("收入", source, optional=True),))
      for source in INCOME_SOURCES[1:]),
    ClassLines("公开01 类支出 = 公开03 类", "公开01", "金额", "公开03"),
    # 公开04 ↔ 公开01/02, and ↔ 公开05/07/08 per fund
    Equation("公开04 本年收入合计 = 公开02 财政拨款收入", _s04("收入", "本年收入合计", "金额"),
             (total_ref("公开02", "财政拨款收入"),)),
    *(Equation(f"公开04 {fund} = 公开01 {fund}收入", _s04("收入", fund, "金额", optional=True),
               (_s01("收入", f"{fund}收入", optional=True),)) for fund in FUNDS),
    Equation("公开04 一般公共预算财政拨款支出 = 公开05 合计", _s04("支出", "本年支出合计", FUNDS[0]),
             (total_ref("公开05", "本年支出合计"),)),
    ClassLines("公开04 一般公共预算类支出 = 公开05 类", "公开04", FUNDS[0], "公开05"),
    Equation("公开04 政府性基金预算财政拨款支出 = 公开07 合计", _s04("支出", "本年支出合计", FUNDS[1]),
             (total_ref("公开07", "本年支出合计"),)),
    ClassLines("公开04 政府性基金预算类支出 = 公开07 类", "公开04", FUNDS[1], "公开07"),
    Equation("公开04 政府性基金预算财政拨款收入 = 公开07 本年收入", _s04("收入", FUNDS[1], "金额", optional=True),
             (total_ref("公开07", "本年收入"),)),
    Equation("公开04 国有资本经营预算财政拨款支出 = 公开08 合计", _s04("支出", "本年支出合计", FUNDS[2]),
             (total_ref("公开08", "本年支出合计"),)),
    ClassLines("公开04 国有资本经营预算类支出 = 公开08 类", "公开04", FUNDS[2], "公开08"),
    # 公开03 (all funds) covers the 财政拨款 tables
    Equation("公开03 ≥ 公开05 + 公开07 + 公开08", total_ref("公开03"),
             tuple(total_ref(t) for t in ("公开05", "公开07", "公开08")),
             columns=("本年支出合计", "基本支出", "项目支出"), relation="≥"),
    # 公开05 ↔ 公开06
    Equation("公开05 基本支出 = 公开06 人员经费合计 + 公用经费合计", total_ref("公开05", "基本支出"),
             (Ref("公开06", {"name": "人员经费合计"}, "决算数"), Ref("公开06", {"name": "公用经费合计"}, "决算数"))),
    # 公开10 机关运行经费 (行政单位 and 参公 units only) = 公开06 公用经费
    Equation("公开10 机关运行经费 = 公开06 公用经费合计",
             Ref("公开10", {"section": "机关运行经费"}, "统计数", every=True),
             (Ref("公开06", {"name": "公用经费合计"}, "决算数"),), skip_if_total_blank=True),
    # 公开09 (all 财政拨款, basic and project) covers 公开06's items (basic expenditure only)
    *(Equation(f"公开09 {item} ≥ 公开06 {code}", item_ref("公开09", item, "决算数"),
               (Ref("公开06", {"code": code}, "决算数", optional=True),), relation="≥")
      for item, code in (("公务用车运行维护费", "30231"), ("公务接待费", "30217"), ("因公出国（境）费", "30212"))),
    # 绩效自评表 vs 项目支出: reported only
    ProjectsTotal("Σ 绩效自评 全年执行数 vs 公开03 项目支出", total_ref("公开03", "项目支出")),
)

PERFORMANCE: tuple[Shape, ...] = (
    ProjectShape("绩效自评 资金结余 = 全年预算数 − 全年执行数", project_balance),
    ProjectShape("绩效自评 执行率 = 全年执行数 / 全年预算数", project_rate_of),
    ProjectShape("绩效自评 总分 = Σ 得分", project_score),
)
