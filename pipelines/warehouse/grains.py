"""The grain of each analyst view, declared: the columns that identify a row, the amount a
plain SUM adds up, and the printed total that SUM must equal (per document). The tests check
every view of every document of the test corpus against it; warehouse/README.md lists them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Grain:
    view: str
    key: tuple[str, ...]  # unique per row
    amount: str  # what a plain SUM adds up
    printed_total: str  # SQL: (document_sha256, total) — the table's printed total, in 万元


def _total(view: str, where: str, column: str = "amount_wan") -> str:
    return f"SELECT document_sha256, sum({column}) FROM {view} WHERE {where} GROUP BY 1"


_ALL_FUNDS_TOTAL = "subject_code IS NULL AND expenditure_type = '本年支出合计' AND source_table = '{table}'"

GRAINS = (
    Grain("v_income", ("document_sha256", "subject_code", "income_source"), "amount_wan",
          _total("v_income_total", "subject_code IS NULL AND income_source = '本年收入合计'")),
    *(Grain(view, ("document_sha256", "subject_code", "expenditure_type"), "amount_wan",
            _total("v_expenditure_total", _ALL_FUNDS_TOTAL.format(table=table)))
      for view, table in (("v_expenditure", "公开03"), ("v_expenditure_general", "公开05"),
                          ("v_expenditure_fund", "公开07"), ("v_expenditure_capital", "公开08"))),
    Grain("v_basic_expenditure", ("document_sha256", "economic_code"), "amount_wan",
          _total("v_basic_expenditure_total", "economic_code IS NULL")),  # 人员经费合计 + 公用经费合计
    Grain("v_three_public", ("document_sha256", "item"), "actual_wan",
          _total("v_three_public_total", "item = '合计'", "actual_wan")),
    Grain("v_three_public", ("document_sha256", "item"), "budget_wan",
          _total("v_three_public_total", "item = '合计'", "budget_wan")),
    # 预算 (budgets): the same grains over 预算02–09
    Grain("v_budget_income", ("document_sha256", "subject_code", "income_source"), "amount_wan",
          _total("v_budget_income_total", "subject_code IS NULL AND income_source = '本年收入合计'")),
    *(Grain(view, ("document_sha256", "subject_code", "expenditure_type"), "amount_wan",
            _total("v_budget_expenditure_total", _ALL_FUNDS_TOTAL.format(table=table)))
      for view, table in (("v_budget_expenditure", "预算03"), ("v_budget_expenditure_general", "预算05"),
                          ("v_budget_expenditure_fund", "预算06"), ("v_budget_expenditure_capital", "预算07"))),
    Grain("v_budget_basic_expenditure", ("document_sha256", "economic_code"), "amount_wan",
          _total("v_budget_basic_expenditure_total", "economic_code IS NULL")),  # 合计
    Grain("v_budget_three_public", ("document_sha256", "item"), "amount_wan",
          _total("v_budget_three_public_total", "item = '合计'")),
)
