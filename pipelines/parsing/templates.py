"""The standard tables of each document kind, declared as data: the ten of a 决算 (公开01–10)
and the nine of a 预算 (预算01–09, ids of our own in the order budgets print them).

One `TableTemplate` per table: the titles it is printed under, the layout that reads its
grid, and its canonical columns with the header labels that mean them. Supporting a new
variant of the template (another title wording, another header label) is an edit here
plus a test, not a new code path. Labels are compared after `squash` (no whitespace,
full-width parentheses). Canonical names are the template's own Chinese labels.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    name: str  # canonical column name (the template's own label)
    aliases: tuple[str, ...]  # squashed header labels, or "parent/leaf" paths, that mean it
    required: bool = False  # a table without it is malformed, not a variant


THREE_PUBLIC_OUTSIDE_TOTAL = ("会议费", "培训费", "机关运行经费")  # 三公 items its 合计 does not cover


@dataclass(frozen=True)
class TableTemplate:
    table_id: str
    titles: tuple[str, ...]  # squashed titles, compared after numbering is stripped
    layout: str  # a name in layouts.LAYOUTS: subject_matrix, economic_matrix, two_sided, …
    columns: tuple[Column, ...] = ()
    side_columns: dict[str, tuple[Column, ...]] | None = None  # two_sided: per side
    fund_scope: str | None = None  # expenditure tables: which funds the table covers
    mandatory: bool = True
    scope: str | None = None  # three_public: the one scope (预算数) every column is, when no header says
    fact: str | None = None  # the fact table its rows land in, when not its layout's (layouts.py)


def col(name: str, *aliases: str) -> Column:
    return Column(name, (name, *aliases))


def req(name: str, *aliases: str) -> Column:
    return Column(name, (name, *aliases), required=True)


FINAL_TEMPLATES: tuple[TableTemplate, ...] = (
    TableTemplate(
        "公开01",
        ("收入支出决算总表", "收入支出决算表", "部门收入支出决算总表", "单位收入支出决算总表"),
        "two_sided",
        side_columns={
            "收入": (req("金额", "决算数", "年初预算数/金额"),),
            "支出": (req("金额", "决算数"),),
        },
    ),
    TableTemplate(
        "公开02",
        ("收入决算表", "部门收入决算表", "单位收入决算表"),
        "subject_matrix",
        (
            req("本年收入合计", "收入合计", "合计", "本年收入"),
            req("财政拨款收入", "财政拨款"),
            col("上级补助收入"),
            col("事业收入"),
            col("经营收入"),
            col("附属单位上缴收入"),
            col("其他收入"),
        ),
        fact="fact_income",
    ),
    TableTemplate(
        "公开03",
        ("支出决算表", "部门支出决算表", "单位支出决算表"),
        "subject_matrix",
        (
            req("本年支出合计", "支出合计", "合计", "本年支出"),
            req("基本支出"),
            req("项目支出"),
            col("上缴上级支出"),
            col("经营支出"),
            col("对附属单位补助支出"),
        ),
        fund_scope="全部资金",
    ),
    TableTemplate(
        "公开04",
        ("财政拨款收入支出决算总表", "财政拨款收支决算总表", "财政拨款收入支出决算表"),
        "two_sided",
        side_columns={
            "收入": (req("金额", "决算数"),),
            "支出": (
                req("合计", "小计", "金额"),
                col("一般公共预算财政拨款", "一般公共预算"),
                col("政府性基金预算财政拨款", "政府性基金预算"),
                col("国有资本经营预算财政拨款", "国有资本经营预算"),
            ),
        },
    ),
    TableTemplate(
        "公开05",
        (
            "一般公共预算财政拨款支出决算表",
            "一般公共预算财政拨款支出决算明细表",
            "一般公共预算支出决算表",
        ),
        "subject_matrix",
        (
            req("本年支出合计", "本年支出/小计", "本年支出/合计", "小计", "合计", "支出合计"),
            req("基本支出", "本年支出/基本支出"),
            req("项目支出", "本年支出/项目支出"),
        ),
        fund_scope="一般公共预算财政拨款",
    ),
    TableTemplate(
        "公开06",
        (
            "一般公共预算财政拨款基本支出决算明细表",
            "一般公共预算财政拨款基本支出决算表",
            "一般公共预算基本支出决算表",
        ),
        "grouped_pairs",
        (col("决算数", "金额", "支出数"),),
    ),
    TableTemplate(
        "公开07",
        (
            "政府性基金预算财政拨款收入支出决算表",
            "政府性基金预算财政拨款支出决算表",
            "政府性基金预算财政拨款收支决算表",
        ),
        "subject_matrix",
        (
            col("年初结转和结余", "年初结转结余"),
            col("本年收入"),
            req("本年支出合计", "本年支出/小计", "本年支出/合计", "小计"),
            col("基本支出", "本年支出/基本支出"),
            col("项目支出", "本年支出/项目支出"),
            col("年末结转和结余", "年末结转结余"),
        ),
        fund_scope="政府性基金预算财政拨款",
    ),
    TableTemplate(
        "公开08",
        (
            "国有资本经营预算财政拨款支出决算表",
            "国有资本经营预算财政拨款收入支出决算表",
            "国有资本经营预算财政拨款支出决算明细表",
        ),
        "subject_matrix",
        (
            col("年初结转和结余", "年初结转结余"),
            col("本年收入"),
            req("本年支出合计", "本年支出/合计", "本年支出/小计", "合计", "小计"),
            col("基本支出", "本年支出/基本支出"),
            col("项目支出", "本年支出/项目支出"),
            col("年末结转和结余", "年末结转结余"),
        ),
        fund_scope="国有资本经营预算财政拨款",
    ),
    TableTemplate(
        "公开09",
        (
            "财政拨款“三公”经费支出决算表",
            "一般公共预算财政拨款“三公”经费支出决算表",
            "财政拨款“三公”经费支出决算明细表",
            "“三公”经费支出决算表",
        ),
        "three_public",
        (
            req("合计"),
            col("因公出国（境）费", "因公出国（境）费用"),
            # its 小计 is the table's only one: also when a centred caption leaves it no parent
            col("公务用车购置及运行维护费", "公务用车购置及运行维护费/小计", "公务用车购置及运行费", "小计"),
            col("公务用车购置费", "公务用车购置及运行维护费/公务用车购置费", "购置费"),
            col("公务用车运行维护费", "公务用车购置及运行维护费/公务用车运行维护费", "运行维护费"),
            col("公务接待费"),
            # printed beside the 三公 by some departments; not part of its 合计
            col("会议费"),
            col("培训费"),
        ),
    ),
    TableTemplate(
        "公开10",
        ("部门决算公开相关信息统计表", "单位决算公开相关信息统计表", "部门决算相关信息统计表",
         "决算公开相关信息统计表", "其他相关信息统计表"),
        "item_list",
        (col("统计数", "金额", "数量"),),
        mandatory=False,
    ),
)

# 预算: titles are printed with the year and 部门 / 单位 before them (2024年部门支出预算总表); the
# year is stripped when titles are matched, 部门 / 单位 is spelled out here.
def _budget_titles(*titles: str) -> tuple[str, ...]:
    return tuple(f"{scope}{t}" for t in titles for scope in ("", "部门", "单位"))


BUDGET_EXPENDITURE_COLUMNS = (
    req("本年支出合计", "合计", "小计", "支出预算/合计"),
    req("基本支出", "支出预算/基本支出"),
    req("项目支出", "支出预算/项目支出"),
)

BUDGET_TEMPLATES: tuple[TableTemplate, ...] = (
    TableTemplate(
        "预算01", _budget_titles("财务收支预算总表", "收支预算总表"), "two_sided",
        side_columns={"收入": (req("金额", "预算数"),), "支出": (req("金额", "预算数"),)},
    ),
    TableTemplate(
        "预算02", _budget_titles("收入预算总表", "收入预算表"), "subject_matrix",
        (
            req("本年收入合计", "合计", "收入预算/合计"),
            req("财政拨款收入", "收入预算/财政拨款收入"),
            col("事业收入", "收入预算/事业收入"),
            col("事业单位经营收入", "收入预算/事业单位经营收入", "经营收入"),
            col("其他收入", "收入预算/其他收入"),
        ),
        fact="fact_income",
    ),
    TableTemplate("预算03", _budget_titles("支出预算总表", "支出预算表"), "subject_matrix",
                  BUDGET_EXPENDITURE_COLUMNS, fund_scope="全部资金"),
    TableTemplate(
        "预算04", _budget_titles("财政拨款收支预算总表", "财政拨款收入支出预算总表"), "two_sided",
        side_columns={
            "收入": (req("金额", "预算数"),),
            "支出": (
                req("合计", "小计", "金额"),
                col("一般公共预算财政拨款", "一般公共预算"),
                col("政府性基金预算财政拨款", "政府性基金预算"),
                col("国有资本经营预算财政拨款", "国有资本经营预算"),
            ),
        },
    ),
    TableTemplate("预算05", _budget_titles("一般公共预算支出功能分类预算表", "一般公共预算支出预算表"),
                  "subject_matrix", BUDGET_EXPENDITURE_COLUMNS, fund_scope="一般公共预算财政拨款"),
    TableTemplate("预算06", _budget_titles("政府性基金预算支出功能分类预算表", "政府性基金预算支出预算表"),
                  "subject_matrix", BUDGET_EXPENDITURE_COLUMNS, fund_scope="政府性基金预算财政拨款"),
    # the eight-table budget template (before 国有资本经营预算 was added to it) has no such table:
    # a department without that fund still prints it, but one that does not print it lacks none
    TableTemplate("预算07", _budget_titles("国有资本经营预算支出功能分类预算表", "国有资本经营预算支出预算表"),
                  "subject_matrix", BUDGET_EXPENDITURE_COLUMNS, fund_scope="国有资本经营预算财政拨款",
                  mandatory=False),
    TableTemplate(
        "预算08",
        _budget_titles("一般公共预算基本支出部门预算经济分类预算表", "一般公共预算基本支出经济分类预算表",
                       "一般公共预算基本支出预算表"),
        "economic_matrix",
        (req("合计", "一般公共预算基本支出/合计"), col("人员经费", "一般公共预算基本支出/人员经费"),
         col("公用经费", "一般公共预算基本支出/公用经费")),
    ),
    TableTemplate(
        "预算09", _budget_titles("“三公”经费和机关运行经费预算表", "“三公”经费预算表", "财政拨款“三公”经费预算表"),
        "three_public",
        (
            req("合计"),
            col("因公出国（境）费", "因公出国（境）费用"),
            col("公务用车购置及运行维护费", "公务用车购置及运行费", "公务用车购置及运行维护费/小计",
                "公务用车购置及运行费/小计", "小计"),
            col("公务用车购置费", "购置费", "公务用车购置及运行费/购置费"),
            col("公务用车运行维护费", "运行费", "运行维护费", "公务用车购置及运行费/运行费"),
            col("公务接待费"),
            col("机关运行经费", "机关运行经费预算数", "机关运行经费预算"),  # printed beside, not in 合计
        ),
        scope="预算数",
    ),
)

TEMPLATES = FINAL_TEMPLATES + BUDGET_TEMPLATES
BY_ID = {t.table_id: t for t in TEMPLATES}

# Printed table numbers that stand before or after a title: 公开01表, 表1, 附表1, 表一. Titles
# are compared squashed, so a number may run into the year after it ("表1 2025年…" -> "表12025年…"):
# the number ends where the year begins.
LABEL_PATTERN = r"(?:公开\s*\d{1,2}\s*表|附?表\s*[\d一二三四五六七八九十]{1,3}(?=\D|20\d{2}年|$))"

# Quote marks vary between exporters; titles are compared with them unified.
QUOTES = str.maketrans({'"': "“", "〝": "“", "〞": "”", "'": "“"})


def title_key(text: str) -> str:
    """Unify quotes so 财政拨款"三公"经费 and 财政拨款“三公”经费 compare equal."""
    out, opening = [], True
    for ch in text.translate(QUOTES):
        if ch in "“”":
            out.append("“" if opening else "”")
            opening = not opening
        else:
            out.append(ch)
    return "".join(out)


# Mapping from squashed title to template, built once.
TITLE_INDEX: dict[str, TableTemplate] = {title_key(t): tpl for tpl in TEMPLATES for t in tpl.titles}


def parts(table_id: str, side: str | None = None) -> tuple[str, ...]:
    """The columns a table's first (合计) column adds up: its income sources (公开02, 预算02),
    spending types (公开03) or funds (公开04's 支出 side). The one list of each, for every layer."""
    template = BY_ID[table_id]
    columns = template.side_columns[side] if side else template.columns
    return tuple(c.name for c in columns[1:])
