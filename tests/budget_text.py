"""A 预算 (budget) in the text form, built from a parsed 决算's own tables: the constructed half of
a budget-vs-actual pair (the corpus has no budget and final accounts of one department-year).
The budget repeats the final accounts' subjects and figures, except `changes` (code -> 万元
added to its 基本支出), so the execution rates it meets are known."""

from __future__ import annotations

from decimal import Decimal

from pipelines.model import Disclosure

WAN = Decimal(10000)


def _wan(value: Decimal | None) -> str:
    return "" if value is None else f"{value / WAN:.2f}"


def budget_text(final: Disclosure, changes: dict[str, Decimal]) -> str:
    info = final.info
    expenditure = []
    for row in final.tables["公开03"].rows:
        code = row.keys["code"]
        basic = row.cells["基本支出"].value or Decimal(0)
        project = row.cells["项目支出"].value or Decimal(0)
        extra = sum((v * WAN for c, v in changes.items() if c.startswith(code) and code), Decimal(0))
        if not code:  # 合计
            extra = sum(changes.values(), Decimal(0)) * WAN
        expenditure.append((code, row.keys["name"], basic + extra, project))
    total = next(b + p for c, _, b, p in expenditure if not c)
    basic_total = next(b for c, _, b, _p in expenditure if not c)
    lines = [info.department, "", f"{info.fiscal_year}年{info.scope}预算", ""]

    def table(title: str, header: list[str], rows: list[list[str]]) -> None:
        lines.extend([title, f"编制部门：{info.department} 单位：万元", "\t".join(header)])
        lines.extend("\t".join(r) for r in rows)
        lines.append("")

    table(f"{info.fiscal_year}年{info.scope}财务收支预算总表", ["项目", "预算数", "项目", "预算数"],
          [["一、财政拨款收入", _wan(total), "一、支出", _wan(total)], ["收入总计", _wan(total), "支出总计", _wan(total)]])
    table(f"{info.fiscal_year}年{info.scope}收入预算总表",
          ["科目编码", "科目名称", "合计", "财政拨款收入", "事业收入", "事业单位经营收入", "其他收入"],
          [[c, "合计" if not c else n, _wan(b + p), _wan(b + p), "", "", ""] for c, n, b, p in expenditure])
    subject_rows = [[c, "合计" if not c else n, _wan(b + p), _wan(b), _wan(p)] for c, n, b, p in expenditure]
    table(f"{info.fiscal_year}年{info.scope}支出预算总表", ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
          subject_rows)
    table(f"{info.fiscal_year}年{info.scope}财政拨款收支预算总表",
          ["项目", "预算数", "项目", "合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"],
          [["一、一般公共预算资金", _wan(total), "一、支出", _wan(total), _wan(total), "", ""],
           ["收入总计", _wan(total), "支出总计", _wan(total), _wan(total), "", ""]])
    table(f"{info.fiscal_year}年{info.scope}一般公共预算支出功能分类预算表",
          ["科目编码", "科目名称", "合计", "基本支出", "项目支出"], subject_rows)
    for title in ("政府性基金预算支出功能分类预算表", "国有资本经营预算支出功能分类预算表"):
        lines.extend([f"{info.fiscal_year}年{info.scope}{title}", f"编制部门：{info.department} 单位：万元",
                      "科目编码\t科目名称\t合计\t基本支出\t项目支出", "合计\t\t\t\t", "注：本单位无此项预算，故本表为空表。", ""])
    table(f"{info.fiscal_year}年{info.scope}一般公共预算基本支出部门预算经济分类预算表",
          ["科目编码", "科目名称", "合计", "人员经费", "公用经费"],
          [["合计", "", _wan(basic_total), _wan(basic_total), "0.00"]])
    table(f"{info.fiscal_year}年{info.scope}“三公”经费和机关运行经费预算表",
          ["合计", "因公出国（境）费", "公务接待费", "公务用车购置及运行费", "购置费", "运行费", "机关运行经费预算数"],
          [["1.00", "0.00", "1.00", "0.00", "0.00", "0.00", "10.00"]])
    return "\n".join(lines) + "\n"
