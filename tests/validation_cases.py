"""Ways to break each check of the validation suites by editing the seed's TEXT (see
test_validation_proof.py): one printed cell changed, or, for the two fund tables the seed
prints empty (公开07/08 print only a blank 合计 row), that row replaced by a few rows.

A case names the check it breaks, the edit, where the check must report the failure and by
how much (`difference` = actual − expected, in the report's unit: 元 for money, % for rates,
分 for scores, units for counts), and every check that fails with an error: a printed figure
takes part in several identities, and the list shows which, so that nothing fails that should
not (the seed itself fails none).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Cell:
    """The `column`-th tab-separated cell of text line `line` (1-based) changes from old to new."""

    line: int
    column: int
    old: str
    new: str

    def apply(self, lines: list[str]) -> None:
        cells = lines[self.line - 1].split("\t")
        assert cells[self.column] == self.old, (self.line, cells)
        cells[self.column] = self.new
        lines[self.line - 1] = "\t".join(cells)

    def __str__(self) -> str:
        return f"line {self.line} cell {self.column}: {self.old or '(blank)'} -> {self.new or '(blank)'}"


@dataclass(frozen=True)
class Phrase:
    """A phrase of a prose line (the 情况说明) is reworded."""

    line: int
    old: str
    new: str

    def apply(self, lines: list[str]) -> None:
        assert lines[self.line - 1].count(self.old) >= 1, (self.line, self.old)
        lines[self.line - 1] = lines[self.line - 1].replace(self.old, self.new, 1)

    def __str__(self) -> str:
        return f"line {self.line}: {self.old} -> {self.new}"


@dataclass(frozen=True)
class Rows:
    """An empty table's only row (line `line`) is replaced by these rows."""

    line: int
    rows: tuple[str, ...]

    def apply(self, lines: list[str]) -> None:
        assert lines[self.line - 1].startswith("合计"), lines[self.line - 1]
        lines[self.line - 1] = "\n".join(self.rows)

    def __str__(self) -> str:
        return f"line {self.line}: " + " / ".join(r.replace("\t", "|") for r in self.rows)


@dataclass(frozen=True)
class Warning_:
    """Not a text edit: the parser reports a warning (it has no other way to say it yet)."""

    text: str

    def apply(self, lines: list[str]) -> None:
        lines.append("")  # other bytes (a new version of the document), the same content

    def __str__(self) -> str:
        return f"parser warning: {self.text}"


@dataclass(frozen=True)
class Case:
    check: str
    edit: Cell | Phrase | Rows | Warning_
    location: str
    difference: str | None  # report unit; None for checks without figures (a missing table)
    errors: frozenset[str] = field(default_factory=frozenset)

    @property
    def id(self) -> str:
        return self.check


def case(check: str, edit, location: str, difference: str | None, *errors: str) -> Case:
    return Case(check, edit, location, difference, frozenset(errors))


# --- the checks -----------------------------------------------------------------------------

MANDATORY = "必备表 齐全可读"
UNIT = "金额单位 与数字相符"
PARSER = "解析警告"
NEGATIVE = "金额 ≥ 0"

B01_TOTAL = "公开01 收入总计 = 支出总计"
B01_INCOME = "公开01 本年收入合计 = Σ 收入项目"
B01_SPENDING = "公开01 本年支出合计 = Σ 类"
B01_IN_TOTAL = "公开01 收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余"
B01_OUT_TOTAL = "公开01 支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余"


def rollups(table: str) -> tuple[str, str, str]:
    return f"{table} 合计 = Σ 类", f"{table} 类 = Σ 款", f"{table} 款 = Σ 项"


B02 = rollups("公开02")
B02_ROW = "公开02 本年收入合计 = Σ 收入来源"
B03 = rollups("公开03")
B03_ROW = "公开03 本年支出合计 = Σ 支出类型"
B04_INCOME = "公开04 本年收入合计 = Σ 财政拨款收入"
B04_BEGIN = "公开04 年初财政拨款结转和结余 = Σ 各类财政拨款"
B04_IN_TOTAL = "公开04 收入总计 = 本年收入合计 + 年初财政拨款结转和结余"
B04_SPENDING = "公开04 本年支出合计 = Σ 类"
B04_OUT_TOTAL = "公开04 支出总计 = 本年支出合计 + 年末财政拨款结转和结余"
B04_TOTAL = "公开04 收入总计 = 支出总计"
B04_ROW = "公开04 合计 = Σ 各类财政拨款"
B04_GENERAL = "公开04 一般公共预算财政拨款: 收入 + 年初结转和结余 = 支出总计"
B04_FUND = "公开04 政府性基金预算财政拨款: 收入 + 年初结转和结余 = 支出总计"
B04_CAPITAL = "公开04 国有资本经营预算财政拨款: 收入 + 年初结转和结余 = 支出总计"
B05 = rollups("公开05")
B05_ROW = "公开05 本年支出合计 = 基本支出 + 项目支出"
B06_CLASS = "公开06 类 = Σ 款"
B06_PERSONNEL = "公开06 人员经费合计 = Σ 人员经费类"
B06_PUBLIC = "公开06 公用经费合计 = Σ 公用经费类"
B07 = rollups("公开07")
B07_ROW = "公开07 本年支出合计 = 基本支出 + 项目支出"
B07_END = "公开07 年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出合计"
B08 = rollups("公开08")
B08_ROW = "公开08 本年支出合计 = 基本支出 + 项目支出"
B09_TOTAL = "公开09 合计 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费"
B09_CARS = "公开09 公务用车购置及运行维护费 = 购置费 + 运行维护费"
B10_PROCUREMENT = "公开10 政府采购合计 = 货物 + 工程 + 服务"
B10_VEHICLES = "公开10 车辆数合计 = Σ 各类用车"

X01_02 = "公开01 本年收入合计 = 公开02 合计"
X01_03 = "公开01 本年支出合计 = 公开03 合计"
X02_FISCAL = "公开02 财政拨款收入 = 公开01 各类财政拨款收入"


def x02(source: str) -> str:
    return f"公开02 {source} = 公开01 {source}"


X01_CLASSES = "公开01 类支出 = 公开03 类"
X04_02 = "公开04 本年收入合计 = 公开02 财政拨款收入"


def x04_01(fund: str) -> str:
    return f"公开04 {fund} = 公开01 {fund}收入"


X04_05 = "公开04 一般公共预算财政拨款支出 = 公开05 合计"
X04_05_CLASSES = "公开04 一般公共预算类支出 = 公开05 类"
X04_07 = "公开04 政府性基金预算财政拨款支出 = 公开07 合计"
X04_07_CLASSES = "公开04 政府性基金预算类支出 = 公开07 类"
X04_07_INCOME = "公开04 政府性基金预算财政拨款收入 = 公开07 本年收入"
X04_08 = "公开04 国有资本经营预算财政拨款支出 = 公开08 合计"
X04_08_CLASSES = "公开04 国有资本经营预算类支出 = 公开08 类"
X03_COVERS = "公开03 ≥ 公开05 + 公开07 + 公开08"
X05_06 = "公开05 基本支出 = 公开06 人员经费合计 + 公用经费合计"
X10_06 = "公开10 机关运行经费 = 公开06 公用经费合计"
X09_CARS = "公开09 公务用车运行维护费 ≥ 公开06 30231"
X09_RECEPTION = "公开09 公务接待费 ≥ 公开06 30217"
X09_ABROAD = "公开09 因公出国（境）费 ≥ 公开06 30212"
X_PROJECTS = "Σ 绩效自评 全年执行数 vs 公开03 项目支出"

P_BALANCE = "绩效自评 资金结余 = 全年预算数 − 全年执行数"
P_RATE = "绩效自评 执行率 = 全年执行数 / 全年预算数"
P_SCORE = "绩效自评 总分 = Σ 得分"

N_AMOUNT = "情况说明 金额 = 表中数"
N_BUDGET = "情况说明 预算数 = 公开09 预算数"
N_COUNT = "情况说明 数量 = 表中数"
N_SHARE = "情况说明 占比 = 重算占比"
N_GROWTH = "情况说明 增减率 = 增减额 / 上年数"
N_COMPLETION = "情况说明 完成率 = 决算数 / 预算数"

S07, S08 = 326, 341  # the blank 合计 rows of 公开07 and 公开08
R07 = "212\t城乡社区支出\t\t5.00\t5.00\t5.00\t\t"  # 本年收入 = 本年支出合计 = 基本支出 = 5.00
R08 = "223\t国有资本经营预算支出\t5.00\t\t5.00"  # 本年支出合计 = 项目支出 = 5.00
FUNDS = ("一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款")

CASES = (
    # document_completeness: 公开08's title no longer reads as a table title
    case(MANDATORY, Phrase(332, "国有资本经营预算财政拨款支出决算表", "国有资本经营预算支出情况"), "公开08", None, MANDATORY),
    # ... and 公开01's unit line says 元 over its 万元 figures: the 情况说明 contradicts it, and
    # 公开01 no longer meets the tables it must agree with
    case(UNIT, Phrase(89, "金额单位：万元", "金额单位：元"), "公开01", None,
         UNIT, X01_02, X01_03, X01_CLASSES, X02_FISCAL, x02("其他收入"), x04_01(FUNDS[0])),
    case(PARSER, Warning_("公开06: a subject name wrapped onto two lines was joined"), "document", None),
    case(NEGATIVE, Cell(285, 2, "131.30", "-131.30"), "公开06 row 2 (30101 基本工资) 决算数", "-1313000",
         NEGATIVE, B06_CLASS),
    # balanced_totals: 公开01
    case(B01_TOTAL, Cell(125, 5, "1555.63", "1555.73"), "公开01 row 12 (收入 总计) 金额", "1000",
         B01_TOTAL, B01_OUT_TOTAL),
    case(B01_INCOME, Cell(101, 2, "13.88", "14.88"), "公开01 row 9 (收入 本年收入合计) 金额", "10000",
         B01_INCOME, x02("其他收入")),
    case(B01_SPENDING, Cell(102, 5, "38.22", "38.32"), "公开01 row 39 (支出 本年支出合计) 金额", "900",
         B01_SPENDING, X01_CLASSES),
    case(B01_IN_TOTAL, Cell(123, 2, "", "1.00"), "公开01 row 12 (收入 总计) 金额", "10000", B01_IN_TOTAL),
    case(B01_OUT_TOTAL, Cell(123, 5, "20.49", "20.59"), "公开01 row 42 (支出 总计) 金额", "1000", B01_OUT_TOTAL),
    # 公开02
    case(B02[0], Cell(138, 8, "13.88", "13.98"), "公开02 row 1 (合计) 其他收入", "-1000",
         B02[0], B02_ROW, x02("其他收入")),
    case(B02[1], Cell(143, 3, "261.67", "261.77"), "公开02 row 6 (208 社会保障和就业支出) 财政拨款收入", "-1000",
         B02[0], B02[1], B02_ROW),
    case(B02[2], Cell(145, 3, "151.90", "152.90"), "公开02 row 7 (20805 行政事业单位养老支出) 财政拨款收入", "10000",
         B02[2], B02_ROW),
    case(B02_ROW, Cell(142, 2, "684.60", "684.70"),
         "公开02 row 5 (2010399 其他政府办公厅（室）及相关机构事务支出) 本年收入合计", "-1000", B02_ROW, B02[2]),
    # 公开03
    case(B03[0], Cell(168, 4, "684.60", "684.70"), "公开03 row 1 (合计) 项目支出", "-1000", B03[0], B03_ROW),
    case(B03[1], Cell(180, 3, "38.22", "38.32"), "公开03 row 13 (210 卫生健康支出) 基本支出", "-1000",
         B03[0], B03[1], B03_ROW),
    case(B03[2], Cell(184, 3, "30.72", "30.82"), "公开03 row 16 (21011 行政事业单位医疗) 基本支出", "1000",
         B03[2], B03_ROW),
    case(B03_ROW, Cell(179, 2, "21.99", "22.09"), "公开03 row 12 (2080801 死亡抚恤) 本年支出合计", "-1000",
         B03_ROW, B03[2]),
    # 公开04
    case(B04_INCOME, Cell(202, 2, "1541.75", "1541.85"), "公开04 row 4 (收入 本年收入合计) 金额", "1000",
         B04_INCOME, B04_GENERAL, x04_01(FUNDS[0])),
    case(B04_BEGIN, Cell(231, 2, "", "1.00"), "公开04 row 5 (收入 年初财政拨款结转和结余) 金额", "10000",
         B04_BEGIN, B04_GENERAL),
    case(B04_IN_TOTAL, Cell(230, 2, "", "1.00"), "公开04 row 9 (收入 总计) 金额", "10000", B04_IN_TOTAL, B04_BEGIN),
    case(B04_SPENDING, Cell(210, 5, "38.22", "38.32"), "公开04 row 36 (支出 本年支出合计) 合计", "900",
         B04_SPENDING, B04_ROW),
    case(B04_OUT_TOTAL, Cell(230, 5, "6.62", "6.72"), "公开04 row 38 (支出 总计) 合计", "1100",
         B04_OUT_TOTAL, B04_ROW),
    case(B04_TOTAL, Cell(234, 2, "1541.75", "1541.85"), "公开04 row 9 (收入 总计) 金额", "-1000",
         B04_TOTAL, B04_IN_TOTAL),
    case(B04_ROW, Cell(209, 6, "261.67", "261.77"), "公开04 row 17 (支出 八、社会保障和就业支出) 合计", "1000",
         B04_ROW, B04_SPENDING, X04_05_CLASSES),
    case(B04_GENERAL, Cell(234, 6, "1541.75", "1541.85"), "公开04 row 38 (支出 总计) 一般公共预算财政拨款", "-1000",
         B04_GENERAL, B04_ROW, B04_OUT_TOTAL),
    case(B04_FUND, Cell(234, 7, "", "1.00"), "公开04 row 38 (支出 总计) 政府性基金预算财政拨款", "-10000",
         B04_FUND, B04_ROW, B04_OUT_TOTAL),
    case(B04_CAPITAL, Cell(234, 8, "", "1.00"), "公开04 row 38 (支出 总计) 国有资本经营预算财政拨款", "-10000",
         B04_CAPITAL, B04_ROW, B04_OUT_TOTAL),
    # 公开05
    case(B05[0], Cell(251, 3, "850.54", "850.64"), "公开05 row 1 (合计) 基本支出", "-1100",
         B05[0], B05_ROW, X03_COVERS, X05_06),
    case(B05[1], Cell(252, 4, "684.60", "684.70"), "公开05 row 2 (201 一般公共服务支出) 项目支出", "-1000",
         B05[0], B05[1], B05_ROW),
    case(B05[2], Cell(259, 3, "58.52", "58.62"), "公开05 row 7 (20805 行政事业单位养老支出) 基本支出", "1000",
         B05[2], B05_ROW),
    case(B05_ROW, Cell(265, 2, "0.18", "0.28"), "公开05 row 15 (2100799 其他计划生育事务支出) 本年支出合计", "-1000",
         B05_ROW, B05[2]),
    # 公开06
    case(B06_CLASS, Cell(303, 2, "21.99", "22.09"), "公开06 row 15 (303 对个人和家庭的补助) 决算数", "1000", B06_CLASS),
    case(B06_PERSONNEL, Cell(313, 2, "757.08", "757.18"), "公开06 row 111 (人员经费合计) 决算数", "-1000",
         B06_PERSONNEL, X05_06),
    case(B06_PUBLIC, Cell(313, 11, "93.46", "93.56"), "公开06 row 112 (公用经费合计) 决算数", "-1000",
         B06_PUBLIC, X05_06, X10_06),
    # 公开07 and 公开08, printed empty in the seed: their 合计 row becomes a few rows
    case(B07[0], Rows(S07, ("合计\t\t\t\t\t\t\t", R07)), "公开07 row 1 (合计) 本年支出合计", "50000",
         B07[0], X04_07_CLASSES),
    case(B07[1], Rows(S07, ("合计\t\t\t5.00\t5.00\t5.00\t\t", R07,
                            "21208\t国有土地使用权出让收入安排的支出\t\t4.00\t4.00\t4.00\t\t")),
         "公开07 row 2 (212 城乡社区支出) 本年支出合计", "-10000",
         B07[1], X03_COVERS, X04_07, X04_07_CLASSES, X04_07_INCOME),
    case(B07[2], Rows(S07, ("合计\t\t\t5.00\t5.00\t5.00\t\t", R07,
                            "21208\t国有土地使用权出让收入安排的支出\t\t5.00\t5.00\t5.00\t\t",
                            "2120801\t征地和拆迁补偿支出\t\t4.00\t4.00\t4.00\t\t")),
         "公开07 row 3 (21208 国有土地使用权出让收入安排的支出) 本年支出合计", "-10000",
         B07[2], X03_COVERS, X04_07, X04_07_CLASSES, X04_07_INCOME),
    case(B07_ROW, Rows(S07, ("合计\t\t5.00\t\t5.00\t4.00\t\t",)), "公开07 row 1 (合计) 本年支出合计", "-10000",
         B07_ROW, X03_COVERS, X04_07),
    case(B07_END, Rows(S07, ("合计\t\t\t\t\t\t\t1.00",)), "公开07 row 1 (合计) 年末结转和结余", "-10000", B07_END),
    case(B08[0], Rows(S08, ("合计\t\t\t\t", R08)), "公开08 row 1 (合计) 本年支出合计", "50000",
         B08[0], X04_08_CLASSES),
    case(B08[1], Rows(S08, ("合计\t\t5.00\t\t5.00", R08, "22301\t解决历史遗留问题及改革成本支出\t4.00\t\t4.00")),
         "公开08 row 2 (223 国有资本经营预算支出) 本年支出合计", "-10000",
         B08[1], X03_COVERS, X04_08, X04_08_CLASSES),
    case(B08[2], Rows(S08, ("合计\t\t5.00\t\t5.00", R08, "22301\t解决历史遗留问题及改革成本支出\t5.00\t\t5.00",
                            "2230105\t国有企业退休人员社会化管理补助支出\t4.00\t\t4.00")),
         "公开08 row 3 (22301 解决历史遗留问题及改革成本支出) 本年支出合计", "-10000",
         B08[2], X03_COVERS, X04_08, X04_08_CLASSES),
    case(B08_ROW, Rows(S08, ("合计\t\t5.00\t\t4.00",)), "公开08 row 1 (合计) 本年支出合计", "-10000",
         B08_ROW, X03_COVERS, X04_08),
    # 公开09, 公开10
    case(B09_TOTAL, Cell(362, 6, "36.85", "36.95"), "公开09 row 1 (合计) 决算数", "-1000", B09_TOTAL),
    case(B09_CARS, Cell(362, 2, "12.00", "12.10"), "公开09 row 3 (公务用车购置及运行维护费) 预算数", "-1000",
         B09_CARS, B09_TOTAL),
    case(B10_PROCUREMENT, Cell(379, 2, "0.77", "0.87"), "公开10 row 1 (政府采购情况 合计) 统计数", "1000",
         B10_PROCUREMENT),
    case(B10_VEHICLES, Cell(395, 2, "2", "3"), "公开10 row 7 (国有资产占用情况 （一）车辆数合计（辆）) 统计数", "1",
         B10_VEHICLES),
    # cross_table_totals
    case(X01_02, Cell(138, 2, "1555.63", "1555.73"), "公开01 row 9 (收入 本年收入合计) 金额", "1000",
         X01_02, B02[0], B02_ROW),
    case(X01_03, Cell(168, 2, "1535.14", "1535.24"), "公开01 row 39 (支出 本年支出合计) 金额", "1000",
         X01_03, B03[0], B03_ROW),
    case(X02_FISCAL, Cell(94, 2, "1541.75", "1541.85"), "公开02 row 1 (合计) 财政拨款收入", "1000",
         X02_FISCAL, B01_INCOME, x04_01(FUNDS[0])),
    *(case(x02(source), Cell(line, 2, "", "1.00"), f"公开02 row 1 (合计) {source}", "10000", x02(source), B01_INCOME)
      for line, source in ((97, "上级补助收入"), (98, "事业收入"), (99, "经营收入"), (100, "附属单位上缴收入"))),
    case(x02("其他收入"), Cell(101, 2, "13.88", "14.88"), "公开02 row 1 (合计) 其他收入", "10000",
         x02("其他收入"), B01_INCOME),
    case(X01_CLASSES, Cell(173, 2, "261.67", "261.77"), "公开01 row 20 (支出 八、社会保障和就业支出) 金额", "1000",
         X01_CLASSES, B03[0], B03[1], B03_ROW),
    case(X04_02, Cell(138, 3, "1541.75", "1541.85"), "公开04 row 4 (收入 本年收入合计) 金额", "1000",
         X04_02, X02_FISCAL, B02[0], B02_ROW),
    case(x04_01(FUNDS[0]), Cell(202, 2, "1541.75", "1541.85"), "公开04 row 1 (收入 一、一般公共预算财政拨款) 金额",
         "-1000", x04_01(FUNDS[0]), B04_INCOME, B04_GENERAL),
    case(x04_01(FUNDS[1]), Cell(95, 2, "", "1.00"), "公开04 row 2 (收入 二、政府性基金预算财政拨款) 金额", "10000",
         x04_01(FUNDS[1]), B01_INCOME, X02_FISCAL),
    case(x04_01(FUNDS[2]), Cell(96, 2, "", "1.00"), "公开04 row 3 (收入 三、国有资本经营预算财政拨款) 金额", "10000",
         x04_01(FUNDS[2]), B01_INCOME, X02_FISCAL),
    case(X04_05, Cell(251, 2, "1535.14", "1535.24"), "公开04 row 36 (支出 本年支出合计) 一般公共预算财政拨款", "1000",
         X04_05, B05[0], B05_ROW, X03_COVERS),
    case(X04_05_CLASSES, Cell(263, 2, "38.22", "38.32"), "公开04 row 18 (支出 九、卫生健康支出) 一般公共预算财政拨款",
         "1000", X04_05_CLASSES, B05[0], B05[1], B05_ROW),
    case(X04_07, Rows(S07, ("合计\t\t5.00\t\t5.00\t5.00\t\t",)),
         "公开04 row 36 (支出 本年支出合计) 政府性基金预算财政拨款", "50000", X04_07, X03_COVERS),
    case(X04_07_CLASSES, Rows(S07, ("合计\t\t\t5.00\t5.00\t5.00\t\t", R07)),
         "公开04 row 20 (支出 十一、城乡社区支出) 政府性基金预算财政拨款", "50000",
         X04_07_CLASSES, X04_07, X04_07_INCOME, X03_COVERS),
    case(X04_07_INCOME, Rows(S07, ("合计\t\t\t5.00\t\t\t\t5.00",)), "公开04 row 2 (收入 二、政府性基金预算财政拨款) 金额",
         "50000", X04_07_INCOME),
    case(X04_08, Rows(S08, ("合计\t\t5.00\t5.00\t",)),
         "公开04 row 36 (支出 本年支出合计) 国有资本经营预算财政拨款", "50000", X04_08, X03_COVERS),
    case(X04_08_CLASSES, Rows(S08, ("合计\t\t5.00\t5.00\t", "223\t国有资本经营预算支出\t5.00\t5.00\t")),
         "公开04 row 30 (支出 二十一、国有资本经营预算支出) 国有资本经营预算财政拨款", "50000",
         X04_08_CLASSES, X04_08, X03_COVERS),
    case(X03_COVERS, Cell(168, 3, "850.54", "850.44"), "公开03 row 1 (合计) 基本支出", "1000",
         X03_COVERS, B03[0], B03_ROW),
    case(X05_06, Cell(313, 2, "757.08", "757.18"), "公开05 row 1 (合计) 基本支出", "1000", X05_06, B06_PERSONNEL),
    case(X10_06, Cell(385, 2, "93.46", "93.56"), "公开10 row 6 (机关运行经费 （二）参照公务员法管理事业单位) 统计数",
         "-1000", X10_06),
    case(X09_CARS, Cell(309, 5, "12.00", "12.10"), "公开09 row 5 (公务用车运行维护费) 决算数", "1000",
         X09_CARS, B06_CLASS),
    case(X09_RECEPTION, Cell(301, 5, "", "25.00"), "公开09 row 6 (公务接待费) 决算数", "1500",
         X09_RECEPTION, B06_CLASS),
    case(X09_ABROAD, Cell(295, 5, "", "1.00"), "公开09 row 2 (因公出国（境）费) 决算数", "10000",
         X09_ABROAD, B06_CLASS),
    # a warning: the document still carries the errors the same figure causes in its own table
    case(X_PROJECTS, Cell(736, 9, "260.87", "250.87"), "公开03 row 1 (合计) 项目支出", "-100000",
         P_BALANCE, P_RATE),
    # performance_self_evaluation (专项业务工作经费, its 资金总额 row and 总分)
    case(P_BALANCE, Cell(736, 10, "8.03", "8.13"), "绩效自评表 line 732 (专项业务工作经费) 资金结（转）余", "-1000",
         P_BALANCE),
    case(P_RATE, Cell(736, 12, "97.01", "97.51"), "绩效自评表 line 732 (专项业务工作经费) 执行率", "0.4962", P_RATE),
    case(P_SCORE, Cell(748, 7, "93.05", "93.15"), "绩效自评表 line 732 (专项业务工作经费) 总分", "-0.1", P_SCORE),
    # narrative_consistency: warnings, the document is published
    case(N_AMOUNT, Phrase(488, "基本工资131.30万元", "基本工资131.40万元"), "情况说明 line 488 (基本工资) 金额", "1000"),
    case(N_BUDGET, Phrase(504, "全年预算37.00万元", "全年预算38.00万元"),
         "情况说明 line 504 (“三公”经费财政拨款支出) 预算数", "10000"),
    case(N_COUNT, Phrase(540, "共有车辆3辆", "共有车辆4辆"), "情况说明 line 540 (车辆) 数量", "1"),
    case(N_SHARE, Phrase(430, "占比99.11%", "占比99.21%"), "情况说明 line 430 (财政拨款收入) 占比", "0.1022"),
    case(N_GROWTH, Phrase(404, "收入总计减少72.00万元，下降4.42%", "收入总计减少72.00万元，下降4.52%"),
         "情况说明 line 404 (收入总计) 增减率", "-0.0964"),
    case(N_COMPLETION, Phrase(476, "完成年初预算的101.07%", "完成年初预算的101.17%"),
         "情况说明 line 476 (一般公共预算财政拨款支出) 完成率", "0.1028"),
)
