"""第三部分 情况说明 as structured facts: every figure the narrative states, and what it is about.

The narrative follows the template's numbered sections, but each department words it in its
own way, so nothing here depends on one document's sentences. A figure is found by pattern;
its measure (amount, share, change, …) comes from the words just before it; its subject is the
phrase it follows (or, when that phrase is empty, the subject of the figure before it); and the
subject is mapped to a canonical quantity by the document kind's vocabulary table, qualified by
the section it sits in: a 决算's `VOCABULARY` (第三部分 情况说明), a 预算's `BUDGET_RULES` (its
编制说明 and 其他相关情况说明); kinds.py says which kind reads with which `Vocabulary`. Figures
inside an explanation ("主要原因是：…", "主要是…") keep their subject but never get a quantity:
they are parts of projects or other breakdowns, and a wrong key would raise false alarms when
the narrative is reconciled with the tables.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple

from pipelines.amounts import YUAN_PER_UNIT, parse_number
from pipelines.model import NarrativeFact, SourceRef
from pipelines.parsing.grid import MAX_AMOUNT, CellError
from pipelines.parsing.locate import match_title
from pipelines.parsing.templates import parts
from pipelines.parsing.text import Line, squash, strip_numbering

# --- Figures -------------------------------------------------------------------------------

def _columns(table_id: str, skip: int = 0) -> str:
    """A table's column names (templates.py) as alternatives: the sentences name them as printed
    there. `skip` leaves out the first ones (财政拨款收入 has rules of its own)."""
    return "|".join(parts(table_id)[skip:])


# "较上年无增减", "与上年相同": a change of zero
ZERO = (r"(?P<zero>(?:较|与|比|同)(?:上一?年|\d{4}年)度?(?:决算数?)?(?:相比|比较)?[，,]?"
        r"(?:无增减(?:变化)?|无变化|没有变化|未发生变化|持平|相同|一致))")
NUMBERS = (
    r"|(?<![\d.])(?<!\d,)(?P<money>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*"
    r"(?P<money_unit>亿元|万元|元|万(?=[（(，,。；;、）)]|$))"  # "0.39 万（含…）": 万 for 万元
    r"|(?<![\d.])(?<!\d,)(?P<pct>\d+(?:\.\d+)?)\s*[%％]"
    r"|(?<![\d.])(?<!\d,)(?P<count>\d+)\s*"
    r"(?P<count_unit>批次|人次|台[（(]套[）)]|辆|个|台|套|次|人|名|项|家)"
)
FIGURE = re.compile(ZERO + NUMBERS)
THRESHOLD = re.compile(r"\s*(?:[（(]含[）)])?\s*(?:及)?以[上下]")  # "单价100万元（含）以上": not a figure
PERSON_UNITS = {"人次", "人", "名"}

# --- Words that decide the measure and delimit the subject ---------------------------------

SEPARATOR = re.compile(r"[，,；;。：:、！？!?]")
CHANGE = re.compile(r"增加|减少|增长|下降|降低|上升|上涨|增涨|增支|减支|压缩|节约|节省|缩减|增幅|降幅|减幅")
NEGATIVE = {"减少", "下降", "降低", "减支", "压缩", "节约", "节省", "缩减", "降幅", "减幅"}
COMPARATOR = re.compile(
    r"(?:较|比|与|同)(?:上一?年|去年|\d{4}年)度?(?:决算数?)?(?:整体)?(?:相比|比较|同期)?|同比"
)
BUDGET = re.compile(r"(?:(?:年初|全年|调整后)预算数?|预算数)(?:为|是)?$")
COMPLETION = re.compile(r"完成|执行率|执行进度|使用率")
GENERIC_RATE = re.compile(r"^(?:预算|资金)?(?:执行|完成|使用)(?:率|进度)$")
# a lead that only says "the actual figure of the subject before": "支出决算1,535.14万元"
AMOUNT_FILLER = re.compile(r"(?:支出)?决算(?:数|支出)?|")
AFTER_BUDGET_FILLER = re.compile(r"(?:实际)?(?:支出|执行)(?:数|金额)?")  # "全年预算X，实际支出Y"
POST_VERB_FILLER = re.compile(r"(?:了|支出|收入|金额|资金)?")  # "增加支出23.63万元"

# explanations: figures after these words never get a quantity
REASON = r"原因|主要是|主要用于(?!以下)|主要用途|用途主要是"
EVENT = re.compile(rf"(?P<reason>{REASON})|(?P<stop>[。！？!?])|(?P<semi>[；;])")
# after "；" an explanation goes on when the next part is its next point
CONTINUATION = re.compile(r"\s*(?:[二三四五六七八九十]是|[（(]\d+[）)]|\d+[、．.](?!\d)|其次|再次|此外|另外|同时)")

LEADING_NOISE = re.compile(
    r"^(?:[（(][一二三四五六七八九十\d]+[）)]|\d+[、．.](?!\d)|[一二三四五六七八九十]+[、是]|其中|"
    r"\d{4}年度?|本年度|"
    r"(?:截至|截止)\S*?日|与上一?年度?相比|从\S*?看|本部门（单位）|本部门|本单位|我办|我单位|我部门|"
    r"共有|使用财政拨款(?:负担的)?|了|相应的?|共|[\s：:，,、])"
)
TRAILING_NOISE = re.compile(r"(?:共计|共|各|为|是|达到|达|约|累计|本年度?|当年|[\s：:，,、])$")
EXPLAINED = re.compile(r"^.*?(?:原因(?:是|为)?|主要是|主要用于|主要包括|包括)[：:]?")
CAUSE = re.compile(r"因(?!公)")  # "X项目因…减少": the subject is X ("因公出国" is not a cause)

# --- Vocabulary ----------------------------------------------------------------------------

MONEY = r"元|%"
GROUPS_OR_PEOPLE = r"批次|人次|次|个|人|名|批|团组"

# sections, as regexes over "<section>|<sub-section>" with the numbering removed
FISCAL = r"财政拨款收支|财政拨款收入支出"  # 四、财政拨款收支决算总体情况说明
INCOME_PART = r"^收入决算"  # 二、收入决算情况说明
NOT_FISCAL = r"^(?!.*财政拨款)"  # 一、二、三 (not about 财政拨款 only)
GENERAL = r"一般公共预算财政拨款支出"  # 五、一般公共预算财政拨款支出决算情况说明
BASIC = r"基本支出"  # 六、一般公共预算财政拨款基本支出决算情况说明
THREE = r"三公"  # 九、财政拨款“三公”经费支出决算情况说明
ASSETS = r"国有资产|资产占用"  # 十（三）国有资产占用情况说明
PERFORMANCE = r"绩效"  # 十（四）预算绩效情况说明


class Rule(NamedTuple):
    """Subject -> quantity. `key` may use {name}/{grade} (named groups of `subject`) and {per}
    ("persons" for 人次/人/名, else "batches")."""

    key: str
    subject: str  # regex searched in the squashed subject, quotes removed
    section: str | None = None  # regex searched in "<section>|<sub-section>"
    units: str = MONEY  # the fact's unit must fullmatch this
    parent: str | None = None  # regex over the amount a count belongs to ("国内接待费…共接待61批次")


# First match wins, so section-specific readings come before the general ones.
VOCABULARY: list[Rule] = [
    # Totals of 收入支出决算总表 (公开01); in section 四 the same words are 公开04's.
    Rule("fiscal_total_income", r"^财政拨款收入总计$"),  # 财政拨款收入总计 (公开04 总计)
    Rule("fiscal_total_income", r"^收入总计$", FISCAL),
    Rule("fiscal_total_expenditure", r"^财政拨款支出总计$"),
    Rule("fiscal_total_expenditure", r"^支出总计$", FISCAL),
    Rule("total_income", r"^收入总计$"),  # 收入总计 (公开01 总计)
    Rule("total_expenditure", r"^支出总计$"),
    Rule("fiscal_income", r"^本年收入合计$", FISCAL),  # 公开04 本年收入合计 = 当年财政拨款收入
    Rule("fiscal_expenditure", r"^本年支出合计$", FISCAL),
    Rule("income", r"^(本年)?收入合计$"),  # 本年收入合计 (公开01/02)
    Rule("expenditure", r"^(本年)?支出合计$"),  # 本年支出合计 (公开01/03)
    # 公开02's 财政拨款收入 column in section 二; elsewhere 当年财政拨款收入 (the same figure)
    Rule("income:财政拨款收入", r"^财政拨款收入$", INCOME_PART),
    Rule("fiscal_income", r"^(当年|本年)?财政拨款收入$"),  # 当年财政拨款收入 (公开04 本年收入合计)
    Rule("fiscal_expenditure", r"^(当年|本年)?财政拨款支出$"),  # 当年财政拨款支出 (公开04 本年支出合计)
    Rule("fiscal_carryover_begin", r"^年初财政拨款结转(和|及)?结余$"),
    Rule("fiscal_carryover_end", r"^年末财政拨款结转(和|及)?结余$"),
    Rule("carryover_begin", r"^年初结转(和|及)?结余$"),  # 公开01 年初结转和结余
    Rule("carryover_end", r"^年末结转(和|及)?结余$"),
    # Section 一 splits 收入总计 into 财政拨款 and everything else: 当年其他收入 there is all
    # non-财政拨款 income (income − fiscal_income), not the 其他收入 column.
    Rule("nonfiscal_income", r"^当年其他收入$"),
    Rule("nonfiscal_expenditure", r"^当年其他支出$"),  # expenditure − fiscal_expenditure
    Rule("nonfiscal_carryover_begin", r"^年初其他资金结转(和|及)?结余$"),  # carryover − fiscal
    Rule("nonfiscal_carryover_end", r"^年末其他资金结转(和|及)?结余$"),
    # columns of 收入决算表 (公开02) and 支出决算表 (公开03)
    Rule("income:{name}", rf"^(?P<name>{_columns('公开02', skip=1)})$"),
    Rule(
        "expenditure:{name}",
        rf"^(?P<name>{_columns('公开03')})$",
        NOT_FISCAL,
    ),
    # 一般公共预算财政拨款支出 (公开05) and its 类 in section 五
    Rule("general_budget_expenditure", r"^一般公共预算财政拨款(决算)?支出(决算|合计)?$"),
    Rule(
        "general_budget_class:{name}",
        r"^(?!.*(财政拨款|基本支出|项目支出|的))(?P<name>[^（）]+支出)(（类）)?$",
        GENERAL,
    ),
    Rule("general_budget_class:{name}支出", r"^(?P<name>[^（）]+)（类）支出$", GENERAL),
    # 基本支出 (公开06): 人员经费 and 公用经费; items are looked up in the caller's `subjects`
    Rule("basic_expenditure", r"^(一般公共预算)?财政拨款基本支出$"),
    Rule("basic_expenditure", r"^基本支出$", BASIC),
    Rule("personnel", r"^人员经费(支出)?(合计)?$"),
    Rule("public", r"^公用经费(支出)?(合计)?$"),
    # “三公”经费 (公开09); the items only in section 九 (in section 六 they are 公开06 items)
    Rule("three_public", r"^(财政拨款)?三公经费(财政拨款)?(支出)?(决算)?(合计|总额)?$"),
    Rule("three_public:因公出国（境）费", r"^因公出国（境）费用?(支出)?$", THREE),
    Rule("three_public:公务用车购置及运行维护费", r"^公务用车购置及运行(维护)?费(支出)?$", THREE),
    Rule("three_public:公务用车购置费", r"^公务用车购置费?(支出)?$", THREE),
    Rule("three_public:公务用车运行维护费", r"^公务用车运行(维护)?费(支出)?$", THREE),
    Rule("three_public:公务接待费", r"^公务接待费(支出)?$", THREE),
    Rule("three_public:国内接待费", r"^国内(公务)?接待费(支出)?$", THREE),  # part of 公务接待费
    Rule("three_public:外事接待费", r"^外事接待费(支出)?$", THREE),  # part of 国内接待费
    Rule("three_public:国（境）外接待费", r"^国（境）外(公务)?接待费(支出)?$", THREE),
    # 公开10: 机关运行经费, 政府采购
    Rule("admin_operating_cost", r"^机关运行经费(支出)?(合计|总额)?$"),
    Rule("procurement", r"^政府采购(支出)?(总额|合计)$|^政府采购支出$"),
    Rule("procurement:{name}", r"^政府采购(?P<name>货物|工程|服务)类?(支出)?$"),
    Rule("procurement:授予中小企业合同金额", r"^(政府采购)?授予中小企业的?合同(金额)?$"),
    Rule("procurement:授予小微企业合同金额", r"^(政府采购)?授予小微企业的?合同(金额)?$"),
    # 预算绩效: self-evaluated projects (涉及金额 = their budget, 共支出 = their execution)
    Rule("performance_budget", r"^涉及(金额|资金)|^项目预算(资金|金额)?$", PERFORMANCE),
    Rule("performance_executed", r"^(实际|累计)?支出(金额|资金)?$|^执行(数|金额)$", PERFORMANCE),
    Rule("performance_execution_rate", r"执行率$", PERFORMANCE, units="%"),
    Rule("projects_evaluated", r"绩效自评(项目)?(个数|数量|数)?$|自评项目(个数|数量|数)?$", units="个|项"),
    Rule("projects_grade:{grade}", r"自评等级为(?P<grade>优|良|中|差)", units="个|项"),
    # counts: vehicles (公开10 车辆数), 公务用车保有量 (财政拨款负担的, section 九), equipment
    Rule("vehicles", r"^车辆(数|总数)?(合计)?$", units="辆"),
    Rule("official_vehicles", r"公务用车保有(量|数)$", units="辆"),
    Rule("vehicles_purchased", r"购置公务用车$|公务用车购置(数量?)?$", units="辆"),
    Rule("vehicles:{name}", r"^(?P<name>[^，、]*用车)$", ASSETS, units="辆"),  # 应急保障用车, 其他用车 …
    Rule("large_equipment", r"^单价.*以上.*设备", units=r"台（套）|台|套"),  # 单价100万元以上设备
    # counts of section 九: 出国（境）团组 and 公务接待 (total, 国内, 外事 within 国内, 国（境）外)
    Rule("overseas_trips:{per}", r"出国（境）团组数?$", THREE, units=GROUPS_OR_PEOPLE),
    Rule("receptions_foreign:{per}", r"^接待国（境）外|^国（境）外(公务)?接待", THREE, units=GROUPS_OR_PEOPLE),
    Rule("receptions_foreign:{per}", r"^(公务)?接待$", THREE, GROUPS_OR_PEOPLE, parent=r"国（境）外"),
    Rule("receptions_foreign_affairs:{per}", r"^外事接待$", THREE, units=GROUPS_OR_PEOPLE),
    Rule("receptions_foreign_affairs:{per}", r"^(公务)?接待$", THREE, GROUPS_OR_PEOPLE, parent=r"外事"),
    Rule("receptions_domestic:{per}", r"^国内(公务)?接待$", THREE, units=GROUPS_OR_PEOPLE),
    Rule("receptions_domestic:{per}", r"^(公务)?接待$", THREE, GROUPS_OR_PEOPLE, parent=r"国内"),
    Rule("receptions:{per}", r"^(公务)?接待$", THREE, GROUPS_OR_PEOPLE, parent=r"^$|公务接待"),
]

# Short forms the narrative uses for 公开06 items, applied before looking up `subjects`.
ALIASES = {
    "津补贴": "津贴补贴",
    "死亡抚恤": "抚恤金",
    "死亡抚恤金": "抚恤金",
    "抚恤费": "抚恤金",
    "基本医疗保险缴费": "职工基本医疗保险缴费",
    "医疗保险缴费": "职工基本医疗保险缴费",
    "职工医疗保险缴费": "职工基本医疗保险缴费",
    "基本养老保险缴费": "机关事业单位基本养老保险缴费",
    "养老保险缴费": "机关事业单位基本养老保险缴费",
    "职业年金": "职业年金缴费",
    "公务员医疗补助": "公务员医疗补助缴费",
    "其他社会保险缴费": "其他社会保障缴费",
    "公积金": "住房公积金",
    "退休金": "退休费",
    "伙食补助": "伙食补助费",
    "物业费": "物业管理费",
    "维修费": "维修（护）费",
    "维护费": "维修（护）费",
    "工会费": "工会经费",
    "因公出国（境）费": "因公出国（境）费用",
    "其他交通费": "其他交通费用",
    "公车运行维护费": "公务用车运行维护费",
    "税金及附加": "税金及附加费用",
    "其他商品服务支出": "其他商品和服务支出",
}


@dataclass(frozen=True)
class Vocabulary:
    """How one document kind words its narrative, and where the narrative is: the kind registry
    (kinds.py) names the vocabulary each kind uses. The reader is the same for every kind.

    `measures`: leads that make a figure that measure of the subject before them ("年初预算数为…":
    budget); `filler`: a lead that only restates the subject before ("决算数…"); `subjects_section`:
    where the caller's `subjects` resolve names. `opens` (None: 第三部分 情况说明, found by
    split_parts) are the unnumbered headings that open a narrative part, each running to the next
    table title or `closes` heading; `inline` are section headings printed in the middle of a
    line ("…3.00万元。五、国有资产占有使用情况截至…"), read as headings there too."""

    name: str
    rules: tuple[Rule, ...]
    figure: re.Pattern = FIGURE
    comparator: re.Pattern = COMPARATOR
    measures: tuple[tuple[re.Pattern, str], ...] = ((BUDGET, "budget"),)
    filler: re.Pattern = AMOUNT_FILLER
    aliases: dict[str, str] = field(default_factory=lambda: ALIASES)
    subjects_section: str | None = BASIC
    opens: re.Pattern | None = None
    closes: re.Pattern | None = None
    inline: re.Pattern | None = None


FINAL_NARRATIVE = Vocabulary("决算", tuple(VOCABULARY))

# --- 预算 (budget) vocabulary --------------------------------------------------------------
# A budget's 编制说明 and 其他相关情况说明 state its own figures (预算数): they are "amount"s of the
# budget tables. Changes are against the year before's budget or its 预算执行数 ("比2024年预算增加",
# "与2024年预算持平", "比2023年预算执行数减少57.14%"); the year before's execution may be stated
# ("2023年当年预算执行数为60.13万元": measure prior_year), and "2024年预算安排X" restates the subject.

BUDGET_ZERO = (r"(?P<zero>(?:较|与|比|同)(?:上一?年|\d{4}年)度?(?:预算(?:执行)?数?|决算数?)?(?:相比|比较)?[，,]?"
               r"(?:无增减(?:变化)?|无变化|没有变化|未发生变化|持平|相同|一致|保持不变)"
               r"(?:\s*0(?:\.0+)?\s*万?元)?)")  # "与2024年预算一致0万元": the zero change, printed
BUDGET_COMPARATOR = re.compile(
    r"(?:较|比|与|同)(?:上一?年|去年|\d{4}年)度?(?:预算(?:执行)?数?|决算数?)?(?:整体)?(?:相比|比较|同期)?|同比"
)
PRIOR_EXECUTION = re.compile(r"(?:(?:上一?年|\d{4}年)度?)?(?:当年)?预算执行数?(?:为|是)?$")
BUDGET_FILLER = re.compile(r"(?:预算)?安排(?:数|资金)?|预算数?|")  # "2024年预算安排25.77万元"
BUDGET_THREE = r"三公"
BUDGET_PROCUREMENT = r"政府采购"
BUDGET_PERFORMANCE = r"绩效"
_BUDGETED = r"(预算)?(数)?"  # "因公出国（境）费预算数": the subject is 因公出国（境）费

BUDGET_RULES: tuple[Rule, ...] = (
    # 收入预算 (预算02 合计) and its sources (预算02 columns)
    Rule("income:财政拨款收入", rf"^(当年|本年)?财政拨款收入{_BUDGETED}$"),
    Rule("income:{name}", rf"^(?P<name>{_columns('预算02', skip=1)}){_BUDGETED}$"),
    Rule("income", r"收入预算(数)?(总额|总计|合计)?$"),  # "上海市普陀区财政局收入预算"
    # 财政拨款支出预算 (预算04 支出总计) by fund, 支出预算 (预算03 合计) and its 基本/项目支出
    Rule("fiscal_expenditure", r"^(当年|本年)?财政拨款支出预算(数)?(总额|合计)?$"),
    Rule("general_budget_expenditure", r"^一般公共预算(财政)?拨款支出预算(数)?$|^一般公共预算支出预算(数)?$"),
    Rule("government_fund_expenditure", r"^政府性基金(预算)?(财政)?拨款支出预算(数)?$"),
    Rule("state_capital_expenditure", r"^国有资本经营预算(财政)?拨款支出预算(数)?$"),
    Rule("expenditure:{name}", r"^(?P<name>基本支出|项目支出)预算(数)?$"),
    Rule("expenditure", r"支出预算(数)?(总额|总计|合计)?$"),
    # 财政拨款支出主要内容: a 功能分类 subject by its printed 类 / 款 / 项 names (预算05–07)
    Rule("fiscal_subject:{c}/{k}/{x}", r"^(?P<c>[^（）]+)（类）(?P<k>.+?)（款）(?P<x>.+?)（项）$"),
    Rule("fiscal_subject:{c}/{k}", r"^(?P<c>[^（）]+)（类）(?P<k>.+?)（款）$"),
    Rule("fiscal_subject:{c}", r"^(?P<c>[^（）]+)（类）$"),
    # 一般公共预算基本支出 (预算08)
    Rule("personnel", rf"^人员经费{_BUDGETED}$"),
    Rule("public", rf"^公用经费{_BUDGETED}$"),
    # “三公”经费 and 机关运行经费 (预算09); the items only in the 三公 section
    Rule("three_public", rf"^(财政拨款)?三公经费(财政拨款)?(支出)?{_BUDGETED}(合计|总额)?$"),
    Rule("three_public:因公出国（境）费", rf"^因公出国（境）费用?{_BUDGETED}$", BUDGET_THREE),
    Rule("three_public:公务用车购置及运行维护费", rf"^公务用?车购置及运行(维护)?费{_BUDGETED}$", BUDGET_THREE),
    Rule("three_public:公务用车购置费", rf"^公务用?车购置费?{_BUDGETED}$", BUDGET_THREE),
    Rule("three_public:公务用车运行维护费", rf"^公务用?车(用车)?运行(维护)?费{_BUDGETED}$", BUDGET_THREE),
    Rule("three_public:公务接待费", rf"^公务接待费{_BUDGETED}$", BUDGET_THREE),
    Rule("admin_operating_cost", r"机关运行经费(预算)?(数)?(合计|总额)?$"),  # "…财政拨款的机关运行经费预算"
    # 政府采购预算, 绩效目标, 国有资产: no budget table holds them
    Rule("procurement", r"政府采购预算(总额|合计)?$", BUDGET_PROCUREMENT),
    Rule("procurement:{name}", r"^政府采购(?P<name>货物|工程|服务)类?预算$", BUDGET_PROCUREMENT),
    Rule("procurement:预留中小企业预算金额", r"面向中小企业预留.*预算(金额)?$", BUDGET_PROCUREMENT),
    Rule("procurement:预留小微企业预算金额", r"预留给小型和微型企业.*预算(金额)?$", BUDGET_PROCUREMENT),
    Rule("performance_target_projects", r"编报绩效目标的项目(共|个数|数)?$", BUDGET_PERFORMANCE, units="个|项"),
    Rule("performance_target_budget", r"^涉及(项目)?预算(资金|金额)$", BUDGET_PERFORMANCE),
    Rule("vehicles_purchased", r"购置车辆$", units="辆"),
    Rule("vehicles", r"(^|共有)车辆(数|总数)?(合计)?$", units="辆"),
    Rule("large_equipment_purchased", r"购置单价.*以上.*设备", units=r"台（套）|台|套"),
    Rule("large_equipment", r"^单价.*以上.*设备", units=r"台（套）|台|套"),
)

BUDGET_SECTIONS = r"“?三公”?经费预算情况说明|机关运行经费预算|政府采购预算情况|绩效目标设置情况|国有资产占有使用情况"
BUDGET_NARRATIVE = Vocabulary(
    "预算",
    BUDGET_RULES,
    figure=re.compile(BUDGET_ZERO + NUMBERS),
    comparator=BUDGET_COMPARATOR,
    measures=((PRIOR_EXECUTION, "prior_year"),),
    filler=BUDGET_FILLER,
    aliases={},
    subjects_section=None,
    opens=re.compile(r"(?:\d{4}年度?)?(?:区级|市级|县级|省级)?(?:部门|单位)?预算编制说明|其他相关情况说明"),
    closes=re.compile(r"经费情况说明$|^(?:\d{4}年度?)?(?:部门|单位)?预算表$|^名词解释$|主要职能$|机构设置$"),
    inline=re.compile(rf"[一二三四五六七八九十]+、(?:\d{{4}}年度?)?(?:{BUDGET_SECTIONS})"),
)

# --- Paragraphs ----------------------------------------------------------------------------

TOP_HEADING = re.compile(r"^\s*[一二三四五六七八九十]+[、.．]")
SUB_HEADING = re.compile(r"^\s*[（(][一二三四五六七八九十]+[）)]")
ITEM = re.compile(r"^\s*(?:[（(][一二三四五六七八九十\d]+[）)]|\d+[、．.](?!\d)|[一二三四五六七八九十]+[、．.])")
HEADING_WITH_TEXT = re.compile(r"^(.{2,40}?)[：:](.+)$")


@dataclass
class _Paragraph:
    section: str  # the heading it sits under, as printed (squashed)
    context: str  # "<section>|<sub-section>" without numbering, for the vocabulary
    pieces: list[tuple[Line, str]] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(t for _, t in self.pieces)

    def line_at(self, offset: int) -> Line:
        starts, total = [], 0
        for _, t in self.pieces:
            starts.append(total)
            total += len(t)
        return self.pieces[bisect_right(starts, offset) - 1][0]


def _heading(text: str, figure: re.Pattern = FIGURE) -> tuple[str | None, str]:
    """(heading, text after it) for a numbered 一、/（一） heading line, else (None, text)."""
    if not (TOP_HEADING.match(text) or SUB_HEADING.match(text)):
        return None, text
    if not figure.search(text) and len(squash(text)) <= 40 and not re.search(r"[。；;]$", text):
        return text, ""
    match = HEADING_WITH_TEXT.match(text)  # "一、收入支出决算总体情况：2024年度收入总计…"
    if match and not figure.search(match[1]):
        return match[1], match[2].strip()
    return None, text


def _pieces(text: str, vocabulary: Vocabulary) -> list[tuple[str | None, str]]:
    """A line as (heading, text) pieces: the line itself, unless it prints `inline` headings at
    its start or after a sentence ("…3.00万元。五、国有资产占有使用情况截至…")."""
    if vocabulary.inline is None:
        return [(None, text)]
    starts = [m for m in vocabulary.inline.finditer(text)
              if m.start() == len(text) - len(text.lstrip()) or re.search(r"[。；;！？!?]\s*$", text[: m.start()])]
    if not starts:
        return [(None, text)]
    pieces: list[tuple[str | None, str]] = [(None, text[: starts[0].start()])] if starts[0].start() else []
    for n, match in enumerate(starts):
        end = starts[n + 1].start() if n + 1 < len(starts) else len(text)
        pieces.append((match.group(), text[match.end() : end]))
    return [(h, t) for h, t in pieces if h or t.strip()]


def _continues(previous: str, text: str) -> bool:
    """A long line without closing punctuation was wrapped (a page break in the PDF)."""
    return len(previous) >= 25 and not re.search(r"[。；;：:！!？?]$", previous) and not ITEM.match(text)


def _paragraphs(lines: list[Line], vocabulary: Vocabulary = FINAL_NARRATIVE) -> list[_Paragraph]:
    paragraphs: list[_Paragraph] = []
    top = sub = ""
    current: _Paragraph | None = None
    for line in lines:
        text = line.text.strip()
        if not text or line.is_row:
            continue
        if vocabulary.opens is not None and vocabulary.opens.fullmatch(squash(strip_numbering(text))):
            top, sub, current = text, "", None  # a part of its own (2025年部门预算编制说明)
            continue
        for inline, text in _pieces(text, vocabulary):
            heading, text = (inline, text.strip()) if inline else _heading(text, vocabulary.figure)
            if heading is not None:
                current = None
                if TOP_HEADING.match(heading):
                    top, sub = heading, ""
                else:
                    sub = heading
                if not text:
                    continue
            if current is not None and _continues(current.pieces[-1][1], text):
                current.pieces.append((line, text))
                continue
            context = f"{squash(strip_numbering(top))}|{squash(strip_numbering(sub))}"
            current = _Paragraph(squash(sub or top), context, [(line, text)])
            paragraphs.append(current)
    return paragraphs


# --- Subjects ------------------------------------------------------------------------------


def _clean(phrase: str) -> str:
    """The subject in a lead phrase: without numbering, years, fillers, and any cause ("因…")."""
    text = EXPLAINED.sub("", phrase.strip())
    for _ in range(2):  # once more after cutting the cause
        previous = None
        while previous != text:
            previous = text
            text = LEADING_NOISE.sub("", text).strip()
            text = TRAILING_NOISE.sub("", text).strip()
        before = CAUSE.split(text, maxsplit=1)[0]
        if before:
            text = before
    return text


# An item that opens by naming its subject in a sentence of its own, the figures following
# an explanation: "1、社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）。
# 主要用于：…。年初预算为54.53万元，支出决算为54.53万元".
SUBJECT_LABEL = re.compile(r"^\s*(?:\d+[、．.]|[（(]\d+[)）])?\s*(?P<label>[^。；;，,：:]+（[类款项]）)\s*[。；;]")


def _key_text(subject: str) -> str:
    return re.sub(r"[“”\"‘’'「」]", "", squash(subject))


def _lead(gap: str) -> str:
    """The phrase right before a figure: from the last separator (or the phrase before a
    closing "：", as in "政府采购支出总额为：193.42万元")."""
    parts = SEPARATOR.split(gap)
    lead = parts[-1]
    if not _clean(lead) and len(parts) > 1 and gap.rstrip().endswith(("：", ":")):
        lead = parts[-2]
    return lead.rstrip()  # "年初预算为 452.40 万元": the text layer's space is no word


def _change(lead: str, comparator: re.Pattern = COMPARATOR) -> tuple[int, str] | None:
    """(sign, subject) when the lead states a change: "收入总计减少", "较上年增加了",
    "压缩了办公费收入", "其中X项目因…租金减少"."""
    verbs = list(CHANGE.finditer(lead))
    if not verbs:
        return None
    verb = verbs[-1]
    sign = -1 if verb.group() in NEGATIVE else 1
    after = _clean(lead[verb.end() :])
    if after and not POST_VERB_FILLER.fullmatch(after):
        return sign, after
    parts = comparator.split(lead[: verb.start()], maxsplit=1)
    subject = _clean(parts[-1]) or _clean(parts[0])
    return sign, subject


# --- Reading a paragraph -------------------------------------------------------------------


class _Reader:
    """Walks one paragraph's figures, carrying the subject from figure to figure."""

    def __init__(self, paragraph: _Paragraph, subjects: dict[str, str], vocabulary: Vocabulary = FINAL_NARRATIVE):
        self.paragraph = paragraph
        self.subjects = subjects
        self.vocabulary = vocabulary
        self.subject: str | None = None  # the subject a figure without its own refers to
        self.unit = "元"
        self.parent: str | None = None  # the last amount's subject (what counts belong to)
        self.last_measure: str | None = None
        self.reason = False
        self.saved: tuple = ()

    def read(self) -> list[tuple[NarrativeFact, bool]]:
        text = self.paragraph.text
        out: list[tuple[NarrativeFact, bool]] = []
        rows: dict[int, int] = {}
        position = 0
        label = SUBJECT_LABEL.match(text)
        if label and not self.vocabulary.figure.search(label["label"]):
            self.subject = _clean(label["label"])
        for match in self.vocabulary.figure.finditer(text):
            if match["money"] and THRESHOLD.match(text, match.end()):
                continue
            self._advance(text, position, match.start())
            lead = _lead(text[position : match.start()])
            measure, value, unit, subject = self._figure(match, lead)
            position = match.end()
            if subject:
                self.subject, self.unit = subject, unit
            subject = subject or self.subject or ""
            if unit == "元" and measure in ("amount", "budget") and not self.reason:
                self.parent = subject
            self.last_measure = measure
            line = self.paragraph.line_at(match.start())
            rows[line.no] = rows.get(line.no, 0) + 1
            fact = NarrativeFact(
                section=self.paragraph.section,
                subject=subject,
                quantity=self._resolve(subject, unit),
                measure=measure,
                value=value,
                unit=unit,
                sentence=_sentence(text, match.start(), match.end()),
                ref=SourceRef(page=line.page, line=line.no, row=rows[line.no]),
            )
            out.append((fact, self.reason))
        return out

    def _advance(self, text: str, start: int, end: int) -> None:
        """Enter an explanation at "主要原因是…", leave it at the end of the sentence."""
        for event in EVENT.finditer(text, start, end):
            if event["reason"] and not self.reason:
                self.saved, self.reason = (self.subject, self.unit, self.parent), True
            elif self.reason and (
                event["stop"] or (event["semi"] and not CONTINUATION.match(text, event.end()))
            ):
                (self.subject, self.unit, self.parent), self.reason = self.saved, False

    def _figure(self, match: re.Match, lead: str) -> tuple[str, Decimal, str, str | None]:
        """(measure, value, unit, subject or None when the figure refers to the one before)."""
        if match["zero"]:
            return "yoy_change", Decimal(0), self.unit, None
        change = _change(lead, self.vocabulary.comparator)
        if match["money"]:
            value = parse_number(match["money"]) * YUAN_PER_UNIT[match["money_unit"]]
            if abs(value) >= MAX_AMOUNT:
                raise CellError(f"the figure {match.group(0).strip()} in 情况说明 is beyond what the warehouse "
                                "holds exactly (under 10^16 元)")
            if change:
                return "yoy_change", change[0] * value, "元", change[1] or None
            for pattern, measure in self.vocabulary.measures:  # "年初预算数为…": budget
                if pattern.search(lead):
                    return measure, value, "元", _clean(pattern.sub("", lead)) or None
            subject = _clean(lead)
            filler = self.vocabulary.filler.fullmatch(subject) or (
                self.last_measure == "budget" and AFTER_BUDGET_FILLER.fullmatch(subject)
            )
            return "amount", value, "元", None if filler else subject
        if match["pct"]:
            value = Decimal(match["pct"])
            if change:
                return "yoy_pct", change[0] * value, "%", change[1] or None
            if "占" in lead:
                return "share_pct", value, "%", _clean(lead[: lead.index("占")]) or None
            if COMPLETION.search(lead):
                subject = _clean(lead)
                if not re.search(r"率$", subject) or GENERIC_RATE.match(subject):
                    subject = _clean(lead[: COMPLETION.search(lead).start()])
                return "completion_pct", value, "%", subject or None
            return "share_pct", value, "%", _clean(lead) or None
        value, unit = Decimal(match["count"]), squash(match["count_unit"])
        if change:
            return "yoy_change", change[0] * value, unit, change[1] or None
        subject = _clean(lead)
        if not subject:  # "3个项目自评等级为“优”": the noun follows the count
            after = re.match(r"[^，,；;。：:、！？!?\d]+", self.paragraph.text[match.end() :])
            subject = _clean(after.group()) if after else ""
        return "count", value, unit, subject or None

    def _resolve(self, subject: str, unit: str) -> str | None:
        if self.reason or not subject:
            return None
        name, context = _key_text(subject), self.paragraph.context
        parent = _key_text(self.parent or "")
        per = "persons" if unit in PERSON_UNITS else "batches"
        for rule in self.vocabulary.rules:
            if not re.fullmatch(rule.units, unit):
                continue
            if rule.section and not re.search(rule.section, context):
                continue
            if rule.parent is not None and not re.search(rule.parent, parent):
                continue
            found = re.search(rule.subject, name)
            if found:
                return rule.key.format(per=per, **{k: v for k, v in found.groupdict().items() if v})
        section, aliases = self.vocabulary.subjects_section, self.vocabulary.aliases
        if unit in ("元", "%") and section and re.search(section, context):  # 基本支出 items (公开06)
            return self.subjects.get(name) or self.subjects.get(aliases.get(name, name))
        return None


def _sentence(text: str, start: int, end: int) -> str:
    begin = max(text.rfind(c, 0, start) for c in "。；;！？!?") + 1
    ends = [i for i in (text.find(c, end) for c in "。；;！？!?") if i >= 0]
    return text[begin : min(ends) + 1 if ends else len(text)].strip()


def _same(a: NarrativeFact, b: NarrativeFact) -> bool:
    if a.quantity is not None and b.quantity is not None:
        return a.quantity == b.quantity
    return _key_text(a.subject) == _key_text(b.subject) and bool(a.subject)


def _same_quantity(a: NarrativeFact, b: NarrativeFact) -> bool:
    return a.quantity is not None and a.quantity == b.quantity


def _derive_prior(facts: list[tuple[NarrativeFact, bool]], same=_same) -> None:
    """prior = current − change, for changes without a prior yet, from the current figure of
    the same subject (the nearest one, preferably before the change); the percentage change of
    that subject gets the same prior. Figures inside explanations take no part."""
    plain = [f for f, reason in facts if not reason]

    def nearest(i: int, wanted) -> NarrativeFact | None:
        found = [(j, f) for j, f in enumerate(plain) if wanted(f)]
        if not found:
            return None
        return min(found, key=lambda c: i - c[0] if c[0] < i else c[0] - i + len(plain))[1]

    for i, change in enumerate(plain):
        if change.measure == "yoy_change" and change.prior_year_value is None:
            current = nearest(
                i,
                lambda f: f.measure in ("amount", "count")
                and f.unit == change.unit
                and same(f, change),
            )
            if current is not None:
                change.prior_year_value = current.value - change.value
    for i, pct in enumerate(plain):
        if pct.measure == "yoy_pct" and pct.prior_year_value is None:
            stated = nearest(
                i,
                lambda f: f.measure == "yoy_change"
                and f.prior_year_value is not None
                and same(f, pct),
            )
            if stated is not None:
                pct.prior_year_value = stated.prior_year_value
    for i, pct in enumerate(plain):  # "2023年当年预算执行数为60.13万元，…减少57.14%"
        if pct.measure == "yoy_pct" and pct.prior_year_value is None:
            prior = nearest(i, lambda f: f.measure == "prior_year" and same(f, pct))
            if prior is not None:
                pct.prior_year_value = prior.value


def parse_narrative(
    lines: list[Line], subjects: dict[str, str] | None = None, vocabulary: Vocabulary = FINAL_NARRATIVE
) -> list[NarrativeFact]:
    """Every figure stated in the 情况说明 (pass the lines of that part), in order; repeated
    figures are all returned. `subjects` maps squashed 公开06 item names to quantity keys
    (e.g. {"办公费": "economic:30201"}): it resolves the items listed under 基本支出. `vocabulary`
    is the document kind's (kinds.py: Kind.narrative); the 决算's by default.

    A change gets its prior-year value from the current figure stated in its paragraph, else
    (for a resolved quantity) from the one stated elsewhere in the same numbered section:
    "收入总计1,555.63万元…" then, a paragraph later, "收入总计较2023年整体减少72.00万元"."""
    lookup = {squash(k): v for k, v in (subjects or {}).items()}
    facts: list[NarrativeFact] = []
    sections: dict[str, list[tuple[NarrativeFact, bool]]] = {}
    for paragraph in _paragraphs(lines, vocabulary):
        read = _Reader(paragraph, lookup, vocabulary).read()
        _derive_prior(read)
        sections.setdefault(paragraph.context.split("|")[0], []).extend(read)
        facts.extend(fact for fact, _ in read)
    for read in sections.values():
        _derive_prior(read, same=_same_quantity)
    return facts


def explanation_lines(lines: list[Line], parts: dict[str, list[Line]], vocabulary: Vocabulary) -> list[Line]:
    """The lines a kind's narrative is read from. A 决算's is 第三部分 情况说明 (`parts`, from
    split_parts). A 预算's parts open with their own headings (2025年部门预算编制说明, 其他相关情况说明)
    and run to the next table title or closing heading (项目经费情况说明); a line the text layer
    holds again on a later page (WPS exports a clipped page's text on both pages it spans) is
    read once, where it first is."""
    if vocabulary.opens is None:
        return parts.get("explanation", [])
    out: list[Line] = []
    inside = False
    first_page: dict[str, int | None] = {}
    for line in lines:
        key = squash(strip_numbering(line.text))
        if not line.is_row and vocabulary.opens.fullmatch(key):
            inside = True
        elif not line.is_row and (match_title(line.text) or (vocabulary.closes and vocabulary.closes.search(key))):
            inside = False
        if not inside:
            continue
        if len(key) >= 20 and first_page.setdefault(key, line.page) != line.page:
            continue  # the same text again on another page: a copy, not a second statement
        out.append(line)
    return out
