"""Parsing 项目支出绩效自评表 (project expenditure performance self-evaluation tables).

Every department prints these tables from one national template, but the text form of
the PDF moves cells around: a label sits in column 0 or 1, values drift one or two columns
from their header, a blank cell appears where the PDF had a merged cell, and 二级指标
words stray into the 三级 column. So nothing here trusts a fixed column:

* a table is found by its title and ends at the next title;
* a row is recognised by its label (项目名称, 主管部门, 资金总额, 总分, ...);
* an indicator row is located by its own 分值/得分 pair, the one place every indicator
  row prints two plain numbers side by side, so the row's shift against its header row is
  measured per row; 一级/二级指标 are told apart by vocabulary, then carried forward.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from itertools import takewhile

from pipelines.amounts import YUAN_PER_UNIT, parse_number
from pipelines.model import DocumentError, Indicator, ProjectPerformance, SourceRef
from pipelines.parsing.text import Line, squash

TITLE_SUFFIXES = ("项目支出绩效自评表", "项目绩效自评表", "绩效自评表")
NOT_PROJECT_TITLES = ("整体",)  # 部门整体支出绩效自评表 rates the whole department
TITLE_PREFIX = re.compile(r"^(?:附件|附表)[\d一二三四五六七八九十]*[：、.．]?")
TITLE_YEAR = re.compile(r"[（(]?\d{4}年度?[)）]?$")
MAX_TITLE_CHARS = 60

# Labels of the rows above the budget block; a value is the next non-label cell.
NAME_LABELS = ("项目名称",)
SUPERVISOR_LABELS = ("主管部门",)  # "主管部门及代码"
UNIT_LABELS = ("预算单位", "实施单位")
META_LABELS = NAME_LABELS + SUPERVISOR_LABELS + UNIT_LABELS

# Budget block: header label (squashed, full match) -> field. The sub-header row
# (目标申报数 | 预算编制数) refines where 年初预算数 is printed.
BUDGET_COLUMNS = (
    (re.compile(r"目标申报数"), "declared"),
    (re.compile(r"预算编制数|年初预算数"), "initial"),
    (re.compile(r"全年预算数|调整后预算数"), "annual"),
    (re.compile(r"全年执行数|实际执行数|执行数"), "executed"),
    (re.compile(r"资金结（?转）?余|结转结余|结余"), "balance"),
    (re.compile(r"(?:预算)?执行率"), "rate"),
    (re.compile(r"分值"), "weight"),
    (re.compile(r"得分"), "score"),
)
BUDGET_ROW_LABELS = ("资金总额",)
AMOUNT_FIELDS = ("declared", "initial", "annual", "executed", "balance")
UNIT = re.compile(r"[（(](万元|元)[)）]|单位[：:](万元|元)")

# Indicator block header label (squashed) -> field; 偏差原因… is matched by prefix.
INDICATOR_COLUMNS = {
    "一级指标": "level1",
    "二级指标": "level2",
    "三级指标": "level3",
    "年初指标值": "target_initial",
    "年度指标值": "target_initial",
    "指标值": "target_initial",
    "调整后指标值": "target_adjusted",
    "实际完成值": "actual",
    "全年实际值": "actual",
    "实际值": "actual",
    "分值": "weight",
    "权重": "weight",
    "得分": "score",
}
DEVIATION_PREFIX = "偏差原因"
# The national template's order, used when a table prints no indicator header row.
DEFAULT_INDICATOR_LAYOUT = {
    "level1": 1, "level2": 2, "level3": 3, "target_initial": 4, "target_adjusted": 5,
    "actual": 6, "weight": 7, "score": 8, "deviation": 9,
}  # fmt: skip

LEVEL1_WORDS = ("产出指标", "效益指标", "满意度指标", "成本指标")
LEVEL2_STEMS = (  # with or without a trailing 指标
    "数量", "质量", "时效", "成本", "经济效益", "社会效益", "生态效益", "可持续影响",
    "服务对象满意度", "经济成本", "社会成本", "生态环境成本",
)  # fmt: skip
NOT_LEVELS = ("绩效指标", "年度绩效指标")  # the block's own label, printed in column 0
TOTAL_LABELS = ("总分", "总得分")
END_LABELS = ("项目绩效分析", "自评结果分析", "主要经验做法", "项目管理中存在", "下一步改进措施")
GRADES = {"优": "优", "优秀": "优", "良": "良", "良好": "良", "中": "中", "中等": "中", "差": "差"}


Row = tuple[int, Line]  # (1-based row number within the table, line)


def parse_projects(lines: list[Line], document: str) -> list[ProjectPerformance]:
    """Every project table in `lines` (the 附件 part, or the whole document), in order."""
    return [_parse_table(title, rows, document) for title, rows in _tables(lines)]


def parse_projects_apart(lines: list[Line], document: str) -> tuple[list[ProjectPerformance], list[str]]:
    """Every project table that can be read, and why each other one cannot: one unreadable
    绩效自评表 does not hide the rest (the document is quarantined for it)."""
    projects, problems = [], []
    for title, rows in _tables(lines):
        try:
            projects.append(_parse_table(title, rows, document))
        except DocumentError as error:
            problems.append(error.problem)
    return projects, problems


# --- finding tables -------------------------------------------------------------------


def is_project_title(text: str) -> bool:
    """A project table's title (the PDF reader finds these tables' pages by it too)."""
    text = TITLE_YEAR.sub("", squash(text))
    return (len(text) <= MAX_TITLE_CHARS and text.endswith(TITLE_SUFFIXES)
            and not any(w in text for w in NOT_PROJECT_TITLES))


def _title_kind(line: Line) -> str | None:
    """"project" for a project table's title, "other" for another table's title
    (it ends the previous table), None for anything else."""
    cells = [c for c in line.cells if c]
    if len(cells) != 1:
        return None
    text = TITLE_YEAR.sub("", squash(cells[0]))
    if len(text) > MAX_TITLE_CHARS or not text.endswith("表"):
        return None
    if is_project_title(cells[0]):
        return "project"
    return None if line.is_row else "other"  # a one-cell row is a title only if it names a project


def _tables(lines: list[Line]) -> list[tuple[Line, list[Line]]]:
    """(title line, body lines) of each project table. A title with no table row before
    the next title is a mention (e.g. "附件：二级项目绩效自评表"), not a table."""
    found: list[tuple[Line, list[Line]]] = []
    title: Line | None = None
    body: list[Line] = []
    for line in [*lines, None]:
        kind = "other" if line is None else _title_kind(line)
        if kind is None:
            body.append(line)
            continue
        if title is not None and any(b.is_row for b in body):
            found.append((title, body))
        title, body = (line if kind == "project" else None), []
    return found


# --- one table ------------------------------------------------------------------------


def _parse_table(title: Line, body: list[Line], document: str) -> ProjectPerformance:
    rows: list[Row] = list(enumerate((line for line in body if line.is_row), start=1))
    where = f"“{squash(title.text)}” (line {title.no}" + (f", page {title.page})" if title.page else ")")
    name = _meta(rows, NAME_LABELS) or _name_from_title(title)
    if not name:
        raise DocumentError(document, f"{where}: no 项目名称 row and the title names no project")
    budget = _budget(title, body, rows, document, where)
    indicators = _indicators(rows)
    total, grade = _total(rows)
    if not budget and not indicators and total is None:
        raise DocumentError(document, f"{where}: no 资金总额 row, no 绩效指标 rows and no 总分")
    first_row, first_line = rows[0]
    return ProjectPerformance(
        project_name=name,
        supervising_department=_meta(rows, SUPERVISOR_LABELS),
        budget_unit=_meta(rows, UNIT_LABELS),
        initial_budget=budget.get("initial"),
        annual_budget=budget.get("annual"),
        executed=budget.get("executed"),
        balance=budget.get("balance"),
        execution_rate=budget.get("rate"),
        budget_score=budget.get("score"),
        total_score=total,
        grade=grade,
        indicators=indicators,
        ref=SourceRef(page=first_line.page, line=first_line.no, row=first_row),
    )


def _meta(rows: list[Row], labels: tuple[str, ...]) -> str | None:
    """The value printed after a label: in the same cell after "：", else the next
    non-empty cell that is not itself a label."""
    for _, line in rows:
        cells = [squash(c) for c in line.cells]
        for i, cell in enumerate(cells):
            head, _, inline = cell.partition("：")
            if not head.startswith(labels):
                continue
            if inline:
                return inline
            return next((c for c in cells[i + 1 :] if c and not c.startswith(META_LABELS)), None)
    return None


def _name_from_title(title: Line) -> str | None:
    text = TITLE_PREFIX.sub("", TITLE_YEAR.sub("", squash(title.text)))
    for suffix in TITLE_SUFFIXES:
        if text.endswith(suffix):
            text = text[: -len(suffix)]
            break
    text = TITLE_YEAR.sub("", text)  # "2024年度项目支出绩效自评表" names no project
    return text or None


def number(text: str) -> Decimal | None:
    """A printed figure: "192.65", "1,926.50", "97.01%", "10分"; None for blank, "-", "——"."""
    text = unicodedata.normalize("NFKC", text).replace(" ", "").removesuffix("%").removesuffix("分")
    return parse_number(text)


# --- budget block ---------------------------------------------------------------------


def _budget_columns(cells: list[str]) -> dict[str, int]:
    columns: dict[str, int] = {}
    for col, cell in enumerate(cells):
        key = squash(cell)
        field = next((f for pattern, f in BUDGET_COLUMNS if pattern.fullmatch(key)), None)
        if field and field not in columns:
            columns[field] = col
    return columns


def _budget(
    title: Line, body: list[Line], rows: list[Row], document: str, where: str
) -> dict[str, Decimal | None]:
    """资金总额 figures by field: amounts in 元, 执行率 as the printed percent, 得分.
    The unit is the one the budget header names ("…执行进度（万元）"), else one printed
    between the title and the header ("金额单位：元"); amounts without a unit are an error."""
    start = next((k for k, (_, l) in enumerate(rows) if {"annual", "executed"} & set(_budget_columns(l.cells))), None)
    if start is None:
        return {}
    header = rows[start][1]
    columns = _budget_columns(header.cells)
    data = None
    for _, line in rows[start + 1 :]:
        cells = line.cells
        if _indicator_columns(cells) or any(squash(c).startswith(TOTAL_LABELS) for c in cells):
            break
        if not any(number(c) is not None for c in cells):
            columns.update(_budget_columns(cells))  # the 目标申报数 | 预算编制数 sub-header
            continue
        labels = [i for i, c in enumerate(cells) if squash(c).startswith(BUDGET_ROW_LABELS)]
        if labels or data is None:  # 资金总额, else the first row of figures
            data = (labels[0] if labels else -1, cells)
        if labels:
            break
    if data is None:
        return {}
    values = _budget_values(data[1], data[0], columns)
    if any(values.get(f) is not None for f in AMOUNT_FIELDS):
        prelude = [title, *(b for b in body if b.no < header.no)]
        factor = _unit(header.text) or next(filter(None, map(_unit, (x.text for x in prelude))), None)
        if factor is None:
            raise DocumentError(document, f"{where}: the 项目资金 amounts print no unit (万元 or 元)")
        for f in AMOUNT_FIELDS:
            if values.get(f) is not None:
                values[f] = values[f] * factor
    return values


def _unit(text: str) -> Decimal | None:
    match = UNIT.search(squash(text).replace("：", ":"))
    return YUAN_PER_UNIT[match[1] or match[2]] if match else None


def _budget_values(cells: list[str], label_col: int, columns: dict[str, int]) -> dict[str, Decimal | None]:
    """Give each header column its figure.

    When the row prints as many figures as the header has columns, they are read in header
    order and stray blank cells are ignored: the 专项业务工作经费 table prints
    "268.9 | 260.87 | 8.03 | (blank) | 97.01 | 9.7", where 97.01 is the 执行率
    (260.87 / 268.9) and 9.7 the 得分 (out of 10), pushed one column right of the header by
    an empty cell; the header's order 执行率, 得分 then 偏差原因 (text) decides it.
    When some column is genuinely blank, the figures are aligned by position instead,
    trying each shift of the row against its header and keeping the one that places the
    most figures, then the one whose figures agree (结余 = 预算 - 执行, 执行率 = 执行/预算).
    """
    fields = sorted(columns, key=columns.get)
    found = {i: n for i, c in enumerate(cells) if i > label_col and (n := number(c)) is not None}
    if not found:
        return {f: None for f in fields}
    if len(found) == len(fields):
        return dict(zip(fields, found.values()))

    def placed(shift: int) -> dict[str, Decimal | None]:
        return {f: found.get(columns[f] + shift) for f in fields}

    def quality(shift: int) -> tuple[int, int, int]:
        v = placed(shift)
        return (sum(x is not None for x in v.values()), _agreement(v), -abs(shift))

    shifts = range(min(found) - max(columns.values()), max(found) - min(columns.values()) + 1)
    return placed(max(shifts, key=quality))


def _agreement(v: dict[str, Decimal | None]) -> int:
    """How many of the budget identities the figures satisfy (rounding allowed)."""
    annual, executed, balance, rate = (v.get(k) for k in ("annual", "executed", "balance", "rate"))
    checks = 0
    if None not in (annual, executed, balance) and abs(annual - executed - balance) <= Decimal("0.011"):
        checks += 1
    if None not in (annual, executed, rate) and annual and abs(executed / annual * 100 - rate) <= 1:
        checks += 1
    return checks


# --- indicator block ------------------------------------------------------------------


def _indicator_columns(cells: list[str]) -> dict[str, int] | None:
    """The indicator header row's layout (field -> column), or None if `cells` is not it."""
    layout: dict[str, int] = {}
    for col, cell in enumerate(cells):
        key = squash(cell)
        field = "deviation" if key.startswith(DEVIATION_PREFIX) else INDICATOR_COLUMNS.get(key)
        if field and field not in layout:
            layout[field] = col
    return layout if {"level3", "weight", "score"} <= set(layout) else None


def _is_level2(word: str) -> bool:
    return word.removesuffix("指标") in LEVEL2_STEMS


def _anchor(cells: list[str]) -> int | None:
    """Column of this row's 分值: the rightmost pair of plain numbers with 0 < 分值 ≤ 100
    and 0 ≤ 得分 ≤ 分值. Targets such as "100%" or "≥3次" never qualify, and a plain
    number printed as 实际完成值 sits left of the pair, so the rightmost pair is the one."""
    for i in range(len(cells) - 2, -1, -1):
        if "%" in cells[i] + cells[i + 1]:
            continue
        weight, score = number(cells[i]), number(cells[i + 1])
        if weight is not None and score is not None and 0 < weight <= 100 and 0 <= score <= weight:
            return i
    return None


def _levels(lead: list[tuple[int, str]], level1_col: int) -> tuple[str | None, str | None]:
    """一级 and 二级指标 named in a row's leading cells, by vocabulary. 成本指标 is 一级 in
    the 2021 template (then a 二级 word such as 经济成本指标 follows it) and 二级 in older
    ones; without a following 二级 word its column decides. Unknown words: by column."""
    level1 = level2 = None
    for k, (col, word) in enumerate(lead):
        if word in NOT_LEVELS:
            continue
        is1, is2 = word in LEVEL1_WORDS, _is_level2(word)
        if is1 == is2:  # ambiguous (成本指标) or unknown
            is1 = col <= level1_col or (is1 and any(_is_level2(w) for _, w in lead[k + 1 :]))
        if is1 and level1 is None and level2 is None:
            level1 = word
        elif level2 is None:
            level2 = word
    return level1, level2


def _first_word(cells: list[str]) -> str:
    return next((squash(c) for c in cells if c), "")


def _indicators(rows: list[Row]) -> list[Indicator]:
    """The indicator rows up to 总分, with 一级/二级指标 carried forward."""
    start, layout = None, DEFAULT_INDICATOR_LAYOUT
    for k, (_, line) in enumerate(rows):
        if found := _indicator_columns(line.cells):
            start, layout = k + 1, found
            break
    if start is None:  # no header row: start at the first row naming a 一级指标
        start = next((k for k, (_, l) in enumerate(rows) if set(map(squash, l.cells)) & set(LEVEL1_WORDS)), len(rows))
    indicators: list[Indicator] = []
    level1 = level2 = ""
    shift = 0
    for n, line in rows[start:]:
        cells = line.cells
        first = _first_word(cells)
        if first.startswith(TOTAL_LABELS + END_LABELS):
            break
        if not first or _indicator_columns(cells):  # blank, or the header again after a page break
            continue
        anchor = _anchor(cells)
        lead_words = [(i, squash(c)) for i, c in enumerate(cells) if c]
        if anchor is None and indicators and not any(_is_level(w) for _, w in lead_words):
            if _continue(indicators[-1], cells, layout, shift):
                continue
        shift = _row_shift(anchor, lead_words, layout, shift)
        lead = [(i, w) for i, w in lead_words if i < layout["level3"] + shift]
        new1, new2 = _levels(lead, layout.get("level1", 1) + shift)
        if new1:
            level1, level2 = new1, ""
        if new2:
            level2 = new2

        def at(field: str) -> str:
            col = layout.get(field, -99) + shift
            return cells[col] if 0 <= col < len(cells) else ""

        if not (at("level3") or at("actual") or at("weight") or at("score")):
            continue  # a row that only names a level
        indicators.append(
            Indicator(
                level1=level1,
                level2=level2,
                level3=at("level3"),
                target_initial=at("target_initial"),
                target_adjusted=at("target_adjusted"),
                actual=at("actual"),
                weight=number(at("weight")),
                score=number(at("score")),
                deviation_reason=at("deviation"),
                ref=SourceRef(page=line.page, line=line.no, row=n),
            )
        )
    return indicators


def _is_level(word: str) -> bool:
    return word in LEVEL1_WORDS or _is_level2(word)


def _row_shift(anchor: int | None, lead_words: list[tuple[int, str]], layout: dict[str, int], previous: int) -> int:
    """How far this row sits right of its header: measured at the 分值/得分 pair; without
    one, at the row's 二级 word (else its 一级 word) in its leading run of level words;
    with neither, as far as the row above (rows of one block shift together)."""
    if anchor is not None:
        return anchor - layout["weight"]
    words = [(i, w) for i, w in lead_words if w not in NOT_LEVELS]
    run = [(i, w) for i, w in takewhile(lambda x: _is_level(x[1]), words)]
    for k, (col, word) in enumerate(run):
        before_level2 = k + 1 < len(run) and _is_level2(run[k + 1][1]) and run[k + 1][1] not in LEVEL1_WORDS
        if _is_level2(word) and not (word in LEVEL1_WORDS and before_level2):  # 成本指标 | 经济成本指标
            return col - layout.get("level2", layout["level3"] - 1)
    return run[0][0] - layout.get("level1", layout["level3"] - 2) if run else previous


def _continue(previous: Indicator, cells: list[str], layout: dict[str, int], shift: int) -> bool:
    """Append a wrapped row (text only, nothing where 实际完成值/分值/得分 print) to the
    indicator above it; False if the row is not such a continuation."""
    fields = {col + shift: f for f, col in layout.items()}
    filled = {fields.get(i): c for i, c in enumerate(cells) if c}
    if None in filled or {"actual", "weight", "score", "level1", "level2"} & set(filled):
        return False
    names = {"level3": "level3", "target_initial": "target_initial", "target_adjusted": "target_adjusted",
             "deviation": "deviation_reason"}  # fmt: skip
    for field, text in filled.items():
        attr = names[field]
        setattr(previous, attr, getattr(previous, attr) + text)
    return True


def _total(rows: list[Row]) -> tuple[Decimal | None, str | None]:
    """总分 and grade: the first figure and the first grade word after the 总分 label."""
    cells = next((l.cells for _, l in rows if _first_word(l.cells).startswith(TOTAL_LABELS)), None)
    if cells is None:
        return None, None
    label = next(i for i, c in enumerate(cells) if c)
    rest = [squash(c) for c in cells[label + 1 :] if c]
    total = next((n for c in rest if (n := number(c)) is not None), None)
    grade = next((GRADES[c] for c in rest if c in GRADES), None)
    return total, grade
