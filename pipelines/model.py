"""The parsed form of one final-accounts disclosure (决算公开), independent of text or PDF input.

Every amount is a `Decimal` in 元 (yuan): parsers convert from the document's printed unit
(万元 or 元) as they read, so nothing downstream has to know which unit a table used.
Every parsed row keeps a `SourceRef`, so a fact in the warehouse can be traced to its
document, table, page and row.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from enum import Enum


class CellFlag(str, Enum):
    """What a printed cell says, kept apart because the template gives each a meaning."""

    VALUE = "value"  # a number was printed (including 0)
    BLANK = "blank"  # nothing printed: none reported
    DASH = "dash"  # "-": reported as nil
    NOT_APPLICABLE = "not_applicable"  # "——": the item does not apply


@dataclass(frozen=True)
class Cell:
    raw: str  # the text as printed, whitespace-trimmed
    value: Decimal | None  # numeric value; money is in 元 after unit normalisation
    flag: CellFlag


@dataclass(frozen=True)
class SourceRef:
    """Where a row came from: printed page (None if unknown), 1-based line in the text
    form (None for PDF), and 1-based row number within the table's data rows."""

    page: int | None
    line: int | None
    row: int


@dataclass
class TableRow:
    """One data row of a standard table, in canonical terms.

    `keys` holds the row's labels (e.g. subject code and name, side of a two-sided table,
    line number 行次); `cells` maps canonical column names to printed cells.
    """

    ref: SourceRef
    keys: dict[str, str]
    cells: dict[str, Cell]


@dataclass
class ParsedTable:
    table_id: str  # canonical id: "公开01" … "公开10"
    title: str  # the title as printed
    label: str | None  # the printed number: "公开01表", "表1", "附表1" or None
    unit: str  # printed amount unit: "万元" or "元"
    pages: list[int]
    empty: bool  # marked 本表无数据 (present, with no data)
    rows: list[TableRow] = field(default_factory=list)
    layout: str = ""  # which template layout parsed it (e.g. "subject_matrix")
    title_line: int | None = None  # line of the title in the (text or PDF-derived) lines
    # how the grid was extracted from a PDF: flavor, accuracy, whitespace, pages (None for text)
    extraction: dict | None = None
    # why the table could not be read: its rows are not landed, and the document is quarantined
    problem: str | None = None


@dataclass
class Staffing:
    """第一部分 概况: staffing figures (counts of persons, not money)."""

    authorized: int | None  # 编制数
    actual: int | None  # 年末实有人数
    by_category: dict[str, int]  # e.g. {"参公编制": 20, "副厅级": 1, "处级": 11, ...}
    internal_departments: list[str]
    ref: SourceRef | None = None


@dataclass
class Indicator:
    """One row of a 项目支出绩效自评表's indicator block."""

    level1: str  # 一级指标 (产出指标 / 效益指标 / 满意度指标 / 成本指标)
    level2: str  # 二级指标 (数量指标, 质量指标, …)
    level3: str  # 三级指标 (free text)
    target_initial: str  # 年初指标值, as printed
    target_adjusted: str  # 调整后指标值
    actual: str  # 实际完成值
    weight: Decimal | None  # 分值
    score: Decimal | None  # 得分
    deviation_reason: str  # 偏差原因分析及改进措施
    ref: SourceRef


@dataclass
class ProjectPerformance:
    """One 项目支出绩效自评表 (project expenditure performance self-evaluation)."""

    project_name: str
    supervising_department: str | None  # e.g. "200-山西省人民政府办公厅"
    budget_unit: str | None  # e.g. "200005-山西省人民政府驻上海办事处"
    initial_budget: Decimal | None  # 年初预算数 (预算编制数), 元
    annual_budget: Decimal | None  # 全年预算数, 元
    executed: Decimal | None  # 全年执行数, 元
    balance: Decimal | None  # 资金结（转）余, 元
    execution_rate: Decimal | None  # 执行率, percent as printed (e.g. 97.01)
    budget_score: Decimal | None  # 得分 of the budget-execution line
    total_score: Decimal | None  # 总分
    grade: str | None  # 优 / 良 / 中 / 差
    indicators: list[Indicator]
    ref: SourceRef


@dataclass
class NarrativeFact:
    """A figure stated in 第三部分 情况说明, with what it is about.

    `quantity` is a canonical key when the subject could be resolved
    (e.g. "total_income", "公开06:30201"), else None; `subject` is the phrase as printed.
    `measure`: amount | share_pct | yoy_change | yoy_pct | completion_pct | budget | count |
    prior_year (a 预算's "2023年当年预算执行数为…": the year before's figure of the subject).
    For amounts `value` is in 元; for percentages it is the printed percent; for counts the count.
    `prior_year_value` is derived for yoy changes when the current value is stated alongside.
    """

    section: str
    subject: str
    quantity: str | None
    measure: str
    value: Decimal
    unit: str  # "元", "%", "批次", "人次", "辆", …
    sentence: str
    ref: SourceRef
    prior_year_value: Decimal | None = None


@dataclass
class DocumentInfo:
    """What the document says about itself (never read from its file name)."""

    department: str
    supervising_department: str | None  # e.g. "山西省人民政府办公厅"
    supervising_code: str | None  # e.g. "200"
    department_code: str | None  # e.g. "200005"
    fiscal_year: int
    kind: str  # "决算"
    scope: str  # "部门" or "单位" (部门决算公开 / 单位决算公开)
    unit: str  # the document's main amount unit: "万元" or "元"


@dataclass
class Disclosure:
    """Everything parsed from one document."""

    sha256: str
    source_path: str
    source_format: str  # "text" or "pdf"
    parser: str  # parser name and version, recorded as provenance
    size_bytes: int
    info: DocumentInfo
    tables: dict[str, ParsedTable]  # by table_id; absent tables are not keys
    staffing: Staffing | None
    projects: list[ProjectPerformance]
    narrative: list[NarrativeFact]
    page_count: int | None = None
    warnings: list[str] = field(default_factory=list)
    # parts other than the standard tables that could not be read (a 绩效自评表 grid): why
    unreadable: list[str] = field(default_factory=list)
    published_at: datetime | None = None  # orders the versions of a department-year
    published_from: str | None = None  # printed | PDF metadata | file time (parsing/published.py)


class DocumentError(Exception):
    """A document cannot be ingested; the message names the document and the problem."""

    def __init__(self, document: str, problem: str):
        super().__init__(f"{document}: {problem}")
        self.document = document
        self.problem = problem

    def __reduce__(self):  # pickled as its parts (a worker sends it back through a pipe)
        return DocumentError, (self.document, self.problem)
