"""A 预算 (budget) in the text form, built from a parsed 决算's own tables: the constructed half of
a budget-vs-actual pair (the corpus has no budget and final accounts of one department-year).
The budget repeats the final accounts' subjects and figures, except `changes` (code -> 万元
added to its 基本支出), so the execution rates it meets are known. With `explanation` it also
prints the 编制说明 (before the tables) and 其他相关情况说明 (after them) real budgets print, every
figure in them the tables' own (`explanation_text`)."""

from __future__ import annotations

from decimal import Decimal

from pipelines.model import Disclosure

WAN = Decimal(10000)


def _wan(value: Decimal | None) -> str:
    return "" if value is None else f"{value / WAN:.2f}"


def _numeral(n: int) -> str:
    """一 … 九十九, as the 二、 of a numbered line."""
    digits = "零一二三四五六七八九"
    tens, ones = divmod(n, 10)
    return (digits[tens] if tens > 1 else "") + ("十" if tens else "") + (digits[ones] if ones else "")


def budget_text(final: Disclosure, changes: dict[str, Decimal], *, explanation: bool = False) -> str:
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
    if explanation:
        lines.extend(explanation_text(final, expenditure)[0])

    def table(title: str, header: list[str], rows: list[list[str]]) -> None:
        lines.extend([title, f"编制部门：{info.department} 单位：万元", "\t".join(header)])
        lines.extend("\t".join(r) for r in rows)
        lines.append("")

    # 预算01 / 预算04 as the corpus budgets print them: the 收入 lines (财政拨款 by fund) beside one
    # 支出 line per 类, numbered 一、二、…
    classes = [(f"{_numeral(i)}、{n}", _wan(b + p)) for i, (c, n, b, p) in enumerate(
        (e for e in expenditure if len(e[0]) == 3), start=1)]

    def two_sided(income: list[tuple[str, str]], spending: list[list[str]], totals: list[str]) -> list[list[str]]:
        width = len(spending[0]) if spending else 1
        income = income + [("", "")] * (len(spending) - len(income))
        spending = spending + [[""] * width] * (len(income) - len(spending))
        return [[item, amount, *line] for (item, amount), line in zip(income, spending)] + [
            ["收入总计", _wan(total), "支出总计", *totals]]

    table(f"{info.fiscal_year}年{info.scope}财务收支预算总表", ["项目", "预算数", "项目", "预算数"],
          two_sided([("一、财政拨款收入", _wan(total)), ("1.一般公共预算资金", _wan(total)), ("2.政府性基金", ""),
                     ("3.国有资本经营预算", "")], [[line, amount] for line, amount in classes], [_wan(total)]))
    table(f"{info.fiscal_year}年{info.scope}收入预算总表",
          ["科目编码", "科目名称", "合计", "财政拨款收入", "事业收入", "事业单位经营收入", "其他收入"],
          [[c, "合计" if not c else n, _wan(b + p), _wan(b + p), "", "", ""] for c, n, b, p in expenditure])
    subject_rows = [[c, "合计" if not c else n, _wan(b + p), _wan(b), _wan(p)] for c, n, b, p in expenditure]
    table(f"{info.fiscal_year}年{info.scope}支出预算总表", ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
          subject_rows)
    table(f"{info.fiscal_year}年{info.scope}财政拨款收支预算总表",
          ["项目", "预算数", "项目", "合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"],
          two_sided([("一、一般公共预算资金", _wan(total)), ("二、政府性基金", ""), ("三、国有资本经营预算", "")],
                    [[line, amount, amount, "", ""] for line, amount in classes], [_wan(total), _wan(total), "", ""]))
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
    if explanation:
        lines.extend(explanation_text(final, expenditure)[1])
    return "\n".join(lines) + "\n"


def explanation_text(final: Disclosure, expenditure: list[tuple[str, str, Decimal, Decimal]]
                     ) -> tuple[list[str], list[str]]:
    """(编制说明, 其他相关情况说明) lines, worded as the corpus budgets word them, stating the
    figures budget_text's tables print: totals (all 一般公共预算 财政拨款), every 项 of the 支出预算
    by its 类 / 款 / 项 names, the 三公 table's 1.00 / 0.00 / 1.00 and 机关运行经费 10.00 万元."""
    info = final.info
    year, before = info.fiscal_year, info.fiscal_year - 1
    names = {code: name for code, name, _, _ in expenditure}
    total = _wan(next(b + p for c, _, b, p in expenditure if not c))
    opening = [
        f"{year}年{info.scope}预算编制说明",
        f"{year}年，{info.department}收入预算{total}万元，其中：财政拨款收入{total}万元，比{before}年预算增加0.00万元；"
        "事业收入0万元；事业单位经营收入0万元；其他收入0万元。",
        f"支出预算{total}万元，其中：财政拨款支出预算{total}万元。财政拨款支出预算中，一般公共预算拨款支出预算{total}万元；"
        f"政府性基金拨款支出预算0万元，与{before}年预算持平；国有资本经营预算拨款支出预算0万元，与{before}年预算持平。",
        "财政拨款支出主要内容如下：",
    ]
    items = [(c, n, b + p) for c, n, b, p in expenditure if len(c) == 7]
    for i, (code, name, amount) in enumerate(items, start=1):
        opening.append(f"{i}.“{names[code[:3]]}（类）{names[code[:5]]}（款）{name}（项）”{_wan(amount)}万元，"
                       f"主要用于{name}。")
    opening.append("")
    other = [
        "其他相关情况说明",
        f"一、{year}年“三公”经费预算情况说明",
        f"{year}年“三公”经费预算数为1.00万元，与{before}年预算持平。其中：",
        f"（一）因公出国（境）费0.00万元，与{before}年预算持平。",
        f"（二）公务用车购置及运行费0.00万元，其中：公务用车购置费0.00万元；公务用车运行费0.00万元。",
        f"（三）公务接待费1.00万元，与{before}年预算持平。",
        "二、机关运行经费预算",
        f"{year}年{info.department}财政拨款的机关运行经费预算为10.00万元。",
        "",
    ]
    return opening, other
