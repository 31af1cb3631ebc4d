"""The readers of the template family's layouts: a located `TableBlock`'s grid as rows in
canonical terms (layouts.py says which reader a layout uses and which keys its rows carry;
templates.py what its columns are called). The readers work on grids, so the text
and the PDF paths share them and cannot drift apart.
"""

from __future__ import annotations

import re
from decimal import Decimal

from pipelines.model import Cell, ParsedTable, SourceRef, TableRow
from pipelines.parsing.grid import (
    FIGURE,
    SECTION_HEADING,
    TOTAL_LABELS,
    CellError,
    GridRow,
    TableBlock,
    header_paths,
    is_column_number_row,
    is_number,
    label_suffix,
    match_column,
    parse_cell,
)
from pipelines.parsing.templates import TableTemplate
from pipelines.parsing.text import squash, strip_numbering

CODE = re.compile(r"^\d{3}(?:\d{2}){0,2}$")
CODE_PART = re.compile(r"^\d{2,3}$")
UNIT = re.compile(r"单位[：:]?(万元|元)")
UNIT_LABEL = re.compile(r"(?<!预算)(?<!填报)(?<!编制)(?<!主管)(?<!实施)单位：([^：\d]{0,2}?元|[^：\d]{0,2})")
EMPTY_MARK = re.compile(r"本表无数据|无数据|本表为空|空表|无此项(?:收支|收入|支出)?|无相关(?:收支|收入|支出|数据)")
CODE_HEADERS = {"科目代码", "科目编码", "功能分类科目编码", "功能分类科目代码", "经济分类科目编码", "代码", "编码"}
SPLIT_CODE_HEADERS = ("类", "款", "项")
SPLIT_HEADER_ONLY = re.compile(r"[类款项]+")
NAME_HEADERS = {"科目名称", "项目", "功能分类科目名称", "经济分类科目名称", "名称"}
KEY_HEADERS = CODE_HEADERS | NAME_HEADERS | set(SPLIT_CODE_HEADERS) | {"收入项目", "支出项目", "行次"}
GENERIC_HEADER_WORDS = (
    CODE_HEADERS | NAME_HEADERS | set(SPLIT_CODE_HEADERS)
    | {"行次", "金额", "收入", "支出", "栏次", "人员经费", "公用经费", "预算数", "决算数", "统计数",
       "本年收入", "本年支出", "财政拨款收入", "财政拨款支出"}
)
# 人员经费 is 工资福利支出 (301) and 对个人和家庭的补助 (303); every other 经济分类 类 is 公用经费.
PERSONNEL_CLASSES = ("301", "303")
COUNT_UNITS = re.compile(r"[（(](辆|台|套|台（套）|个|人)[）)]|车辆|设备|台（套）")


def cost_group(code: str) -> str:
    """人员经费 or 公用经费 by a 经济分类 code's 类; a line without a code is a 合计."""
    if code:
        return "人员经费" if code[:3] in PERSONNEL_CLASSES else "公用经费"
    return "合计"


class LayoutError(ValueError):
    """The grid does not have the shape its template expects."""


def table_unit(block: TableBlock) -> str | None:
    """The amount unit the table states (万元 or 元), None if it states none; a unit label
    naming anything else (千元, 万, 亿元 …) is an error, never read as the document's unit."""
    text = squash("".join(block.preamble + [" ".join(r.cells) for r in block.rows[:2]]))
    match = UNIT.search(text)
    if match:
        return match.group(1)
    other = UNIT_LABEL.search(text)
    if other:
        raise LayoutError(f"unknown amount unit '{other.group(1) or '(none)'}' (expected 万元 or 元)")
    return None


def _aliases(columns) -> dict[str, str]:
    return {alias: c.name for c in columns for alias in c.aliases}


def _header_words(template: TableTemplate) -> set[str]:
    columns = list(template.columns)
    for side in (template.side_columns or {}).values():
        columns.extend(side)
    words = {part for c in columns for a in c.aliases for part in a.split("/")}
    return GENERIC_HEADER_WORDS | words


def _is_header(cells: list[str], words: set[str]) -> bool:
    """A header row: the 栏次 row, or labels only, at least one of them a known header word."""
    first = squash(cells[0]) if cells else ""
    if first in TOTAL_LABELS or CODE.match(first):
        return False
    if is_column_number_row(cells):
        return True
    if any(is_number(c) for c in cells):
        return False
    printed = [squash(c) for c in cells if c.strip()]
    if printed and all(p in TOTAL_LABELS for p in printed):
        return False  # a 合计 line with blank figures (an empty table's) under a spanning 项目
    return any(p in words for p in printed)


def _is_split_code_row(cells: list[str]) -> bool:
    printed = [squash(c) for c in cells if c.strip()]
    return len(printed) >= 2 and set(printed) <= set(SPLIT_CODE_HEADERS)


def _shares_header(cells: list[str], words: set[str]) -> bool:
    """The 合计 row printed in the same grid row as the last header labels
    (合计 | | | | 合计 | 基本支出 | 项目支出): a total label first, header words after, no figure."""
    first = squash(cells[0]) if cells else ""
    rest = [squash(c) for c in cells[1:] if c.strip()]
    return first in TOTAL_LABELS and bool(rest) and not any(is_number(c) for c in cells) and any(
        c in words for c in rest)


def _role_label(leaf: str) -> str:
    """A key column's label (code, name, 类/款/项, 项目, 行次), also when printed under a
    spanning label; any other label as it is."""
    if leaf in KEY_HEADERS:
        return leaf
    return label_suffix(leaf, KEY_HEADERS - set(SPLIT_CODE_HEADERS)) or leaf


def _split_header(block: TableBlock, template: TableTemplate) -> tuple[list[list[str]], list[GridRow]]:
    """Header rows and data rows. Blank spacer rows and the 栏次 row are dropped; a row that
    shares the header's last labels with the 合计 label gives its labels to the header and
    its 合计 (with blank figures) to the data."""
    words = _header_words(template)
    rows = [r for r in block.rows if any(c.strip() for c in r.cells)]
    n = 0
    while n < len(rows) and _is_header(rows[n].cells, words):
        n += 1
        if _is_split_code_row(rows[n - 1].cells):
            break  # 类 | 款 | 项 is the header's last row: a blank 合计 line under it is data
    header = [r.cells for r in rows[:n] if not is_column_number_row(r.cells)]
    data: list[GridRow] = []
    if n < len(rows) and header and _shares_header(rows[n].cells, words):
        shared = rows[n]
        header.append([""] + shared.cells[1:])
        data.append(GridRow([shared.cells[0]] + [""] * (len(shared.cells) - 1), shared.line, shared.page))
        n += 1
    if not header:
        raise LayoutError("no header row found above the data")
    data += [r for r in rows[n:] if not _is_header(r.cells, words)]  # repeated headers
    return header, data


def _cell(row: GridRow, index: int | None) -> str:
    return row.cells[index] if index is not None and index < len(row.cells) else ""


def _ref(row: GridRow) -> SourceRef:
    return SourceRef(row.page, row.line, 0)  # row number is set once the table is complete


def _amounts(row: GridRow, columns: dict[int, str], scale: Decimal) -> dict[str, Cell]:
    out = {}
    for index, name in columns.items():
        try:
            out[name] = parse_cell(_cell(row, index), scale)
        except CellError as error:
            where = f"line {row.line}" if row.line else f"page {row.page}"
            raise CellError(f"{where}, column {name}: {error}") from error
    return out


def _require(columns, mapped: dict[int, str], paths: list[list[str]]) -> None:
    missing = [c.name for c in columns if c.required and c.name not in mapped.values()]
    if missing:
        labels = " | ".join("/".join(p) for p in paths if p)
        raise LayoutError(f"no {'、'.join(missing)} column (header: {labels})")


def _map_columns(paths: list[list[str]], indices, aliases: dict[str, str]) -> dict[int, str]:
    """Canonical name of each amount column; an unknown labelled column keeps its label."""
    mapped: dict[int, str] = {}
    for i in indices:
        name = match_column(paths[i], aliases) or (paths[i][-1] if paths[i] else None)
        if name is None:
            continue
        if name in mapped.values():
            raise LayoutError(f"two columns read as {name}")
        mapped[i] = name
    return mapped


# --- subject tables (公开02/03/05/07/08): 功能分类 subjects × amount columns -----------------


def read_subject_matrix(block: TableBlock, template: TableTemplate, scale: Decimal) -> list[TableRow]:
    header, data = _split_header(block, template)
    paths = header_paths(header)
    leaves = [_role_label(p[-1]) if p else "" for p in paths]
    split = [leaves.index(h) for h in SPLIT_CODE_HEADERS if h in leaves]
    code_col = next((i for i, leaf in enumerate(leaves) if leaf in CODE_HEADERS), None)
    name_col = next((i for i, leaf in enumerate(leaves) if leaf in NAME_HEADERS and i != code_col), None)
    if name_col is None:
        raise LayoutError("no 科目名称 column in the header")
    key_cols = set(split) | {code_col, name_col}
    if code_col is None and not split:
        code_col = 0 if name_col != 0 else None  # codes printed under a merged 项目 label
        key_cols.add(code_col)
    # a key label standing in a column of its own (项目 centred over 科目代码 | 科目名称) is no amount
    amount_cols = _map_columns(paths, [i for i in range(len(paths)) if i not in key_cols and leaves[i] not in KEY_HEADERS],
                               _aliases(template.columns))
    _require(template.columns, amount_cols, paths)
    rows: list[TableRow] = []
    carry = ["", "", ""]
    for grid_row in data:
        if split:
            parts = [_cell(grid_row, i) for i in split]
            code = _join_code(parts, carry)
            name = _cell(grid_row, name_col)
        else:
            code, name = _cell(grid_row, code_col), _cell(grid_row, name_col)
        code = code.replace(" ", "")
        if not name and code and not CODE.match(code):  # 合计 printed in the code column
            code, name = "", code
        amounts = _amounts(grid_row, amount_cols, scale)
        has_amount = any(c.flag.value != "blank" for c in amounts.values())
        if not code and not has_amount and SPLIT_HEADER_ONLY.fullmatch(squash(name)):
            continue  # the 类 | 款 | 项 header of an empty table, merged into one cell
        if not code and not has_amount and name and rows and squash(name) not in TOTAL_LABELS:
            rows[-1].keys["name"] += name  # a subject name wrapped onto the next row
            continue
        if not code and not name and not has_amount:
            continue
        keys = {"code": code, "name": clean_name(name)}
        if code and not CODE.match(code):  # lands as printed; resolved by its name (resolve_codes)
            keys = {"code": "", "name": keys["name"], "printed_code": code}
        rows.append(TableRow(_ref(grid_row), keys, amounts))
    return rows


def resolve_codes(tables: dict[str, ParsedTable]) -> list[str]:
    """A printed code that is not a 功能分类 subject code (7 for 210) is read by the row's
    name where the document's other rows give that name one code; either way it is noted."""
    codes: dict[str, set[str]] = {}
    for table in tables.values():
        for row in table.rows if table.layout == "subject_matrix" else ():
            if row.keys.get("code"):
                codes.setdefault(row.keys["name"], set()).add(row.keys["code"])
    notes = []
    for table in tables.values():
        for row in table.rows if table.layout == "subject_matrix" else ():
            if printed := row.keys.get("printed_code"):
                where = f"{table.table_id} {table.title} row {row.ref.row} ({row.keys['name']})"
                found = codes.get(row.keys["name"], set())
                if len(found) == 1:
                    row.keys["code"] = next(iter(found))
                    notes.append(f"{where}: printed code '{printed}' is not a 功能分类 subject code; "
                                 f"read as {row.keys['code']} by its name")
                else:
                    notes.append(f"{where}: printed code '{printed}' is not a 功能分类 subject code, and "
                                 "its name gives no single code; landed without one")
    return notes


def _join_code(parts: list[str], carry: list[str]) -> str:
    """类 | 款 | 项 codes (201 | 03 | 01) joined into 2010301; a blank 类 or 款 on a 款 or 项
    row is the one above it."""
    parts = [p.replace(" ", "") for p in parts] + [""] * (3 - len(parts))
    # a 款 or 项 printed without its leading zero (301 | 2 for 30102)
    parts = [p.zfill(2) if i and len(p) == 1 and p.isdigit() else p for i, p in enumerate(parts)]
    if not any(parts):
        return ""
    if wide := next((p for p in parts[1:] if p.isdigit() and len(p) > 2), None):  # 款 and 项 have two digits
        raise CellError(f"'{wide}' in a 款 or 项 column is not a code part: two cells read as one")
    if not parts[0] and (label := next((p for p in parts[1:] if p and not p.isdigit()), None)):
        return label  # 合计 centred over the code columns, read into the 款 or 项 one
    if parts[0] and not all(CODE_PART.match(p) for p in parts if p):
        return parts[0]  # a label such as 合计 in the 类 column
    last = max(i for i, p in enumerate(parts) if p)
    for i in range(last):
        if not parts[i]:
            parts[i] = carry[i]
    carry[:] = parts[: last + 1] + [""] * (2 - last)
    return "".join(parts[: last + 1])


def clean_name(name: str) -> str:
    """A printed name without the spaces that cell wrapping leaves inside it. A name never
    holds an amount: one that does is a figure glued into its label cell by a misread grid
    (工资福利支出 593.26), which would land the amount's own cell blank."""
    if found := FIGURE.search(name):
        raise CellError(f"the label '{squash(name)}' holds the amount {found.group(0)}: a misread grid")
    return squash(name)


# --- two-sided totals (公开01/04): 收入 items on the left, 支出 items on the right -----------


def read_two_sided(block: TableBlock, template: TableTemplate, scale: Decimal) -> list[TableRow]:
    header, data = _split_header(block, template)
    paths = header_paths(header)
    rows: list[TableRow] = []
    pending: list[TableRow] = []  # the 支出 side is listed after the 收入 side
    for side, (item_col, line_col, cols) in _sides(paths).items():
        amount_cols = _map_columns(paths, cols, _aliases(template.side_columns[side]))
        _require(template.side_columns[side], amount_cols, paths)
        target = rows if side == "收入" else pending
        for grid_row in data:
            item = _cell(grid_row, item_col)
            amounts = _amounts(grid_row, amount_cols, scale)
            if not item and all(c.flag.value == "blank" for c in amounts.values()):
                continue
            keys = {"side": side, "item": clean_name(item), "line_no": _cell(grid_row, line_col)}
            target.append(TableRow(_ref(grid_row), keys, amounts))
    return rows + pending


def _sides(paths: list[list[str]]) -> dict[str, tuple[int, int | None, list[int]]]:
    """Column roles of each side: (item column, 行次 column, amount columns)."""
    roles = [_role_label(p[-1]) if p else "" for p in paths]
    item_cols = [i for i, role in enumerate(roles) if role in {"项目", "收入项目", "支出项目"}]
    if len(item_cols) != 2:
        raise LayoutError("expected a 收入 and a 支出 项目 column")
    out = {}
    bounds = [(item_cols[0], item_cols[1]), (item_cols[1], len(paths))]
    for side, (start, end) in zip(("收入", "支出"), bounds):
        line_col = next((i for i in range(start, end) if roles[i] == "行次"), None)
        out[side] = (start, line_col, [i for i in range(start, end) if i not in (start, line_col)])
    return out


# --- 公开06: four (or two) side-by-side groups of 科目代码 | 科目名称 | 决算数 ----------------------


def read_grouped_pairs(block: TableBlock, template: TableTemplate, scale: Decimal) -> list[TableRow]:
    header, data = _split_header(block, template)
    paths = header_paths(header)
    roles = [_role_label(p[-1]) if p else "" for p in paths]
    # each group: its code columns (科目代码, or 类 | 款 split), then 科目名称, then 决算数
    groups = [((s,), s + 1, s + 2) for s, role in enumerate(roles) if role in CODE_HEADERS]
    groups += [((s, s + 1), s + 2, s + 3) for s, role in enumerate(roles[:-1])
               if role == "类" and roles[s + 1] == "款"]
    groups.sort()
    if not groups:
        raise LayoutError("no 科目代码 (or 类 | 款) column in the header")
    amount_names = _aliases(template.columns)
    for _, _, a in groups:
        if a >= len(paths) or not paths[a] or match_column(paths[a], amount_names) is None:
            raise LayoutError(f"no 决算数 column beside 科目代码 (column {a + 1})")
    rows: list[TableRow] = []
    totals: list[TableRow] = []
    for grid_row in data:
        if _total_labels(grid_row):
            totals.extend(_grouped_totals(grid_row, scale))
    carry = ["", "", ""]  # a 类 left blank is the one above, also across a column group's top
    for c, n, a in groups:  # column group by column group: the reading order of the page
        for grid_row in data:
            if _total_labels(grid_row):
                continue
            code = _join_code([_cell(grid_row, i) for i in c], carry) if len(c) == 2 else _cell(grid_row, c[0])
            code, name = code.replace(" ", ""), _cell(grid_row, n)
            amount = _amounts(grid_row, {a: "决算数"}, scale)
            if not code and not name and amount["决算数"].flag.value == "blank":
                continue
            if not code and amount["决算数"].flag.value == "blank" and rows:
                rows[-1].keys["name"] += clean_name(name)  # a name wrapped onto the next row
                continue
            if not re.fullmatch(r"\d{3}(?:\d{2})?", code):
                raise CellError(f"line {grid_row.line}: '{code}' is not a 经济分类 subject code")
            keys = {"code": code, "name": clean_name(name), "cost_group": cost_group(code)}
            rows.append(TableRow(_ref(grid_row), keys, amount))
    return rows + totals


def _total_labels(row: GridRow) -> list[int]:
    return [i for i, c in enumerate(row.cells) if squash(c).endswith("合计")]


def _grouped_totals(row: GridRow, scale: Decimal) -> list[TableRow]:
    """人员经费合计 | | 757.08 | 公用经费合计 | … | 93.46: each label takes the last figure
    printed before the next label."""
    labels = _total_labels(row)
    out = []
    for k, start in enumerate(labels):
        end = labels[k + 1] if k + 1 < len(labels) else len(row.cells)
        figures = [i for i in range(start + 1, end) if row.cells[i].strip()]
        index = figures[-1] if figures else None
        label = clean_name(row.cells[start])
        group = "人员经费" if "人员" in label else "公用经费" if "公用" in label else "合计"
        keys = {"code": "", "name": label, "cost_group": group}
        out.append(TableRow(_ref(row), keys, _amounts(row, {index: "决算数"}, scale)))
    return out


# --- 公开09: 预算数/决算数 × items, one figure row (or items as rows) --------------------------


SCOPES = {"预算数": "预算数", "全年预算数": "预算数", "预算": "预算数", "决算数": "决算数", "决算": "决算数",
          "实际支出": "决算数"}


def read_three_public(block: TableBlock, template: TableTemplate, scale: Decimal) -> list[TableRow]:
    first_data = next(
        (i for i, r in enumerate(block.rows)
         if any(is_number(c) for c in r.cells) and not is_column_number_row(r.cells)),
        None,
    )
    if first_data is None:
        return []
    header = [r.cells for r in block.rows[:first_data]
              if not is_column_number_row(r.cells) and any(c.strip() for c in r.cells)]
    paths = header_paths(header)
    items = _aliases(template.columns)
    data = block.rows[first_data:]
    if any(_row_item(r, items) for r in data):
        return _three_public_by_rows(data, paths, items, scale)
    by_item: dict[str, dict[str, Cell]] = {}
    row = data[0]
    scopes = _column_scopes(header, paths, items)
    for i, path in enumerate(paths):  # the scope above the items, or the items above the scope
        scope = scopes.get(i) or template.scope
        item = match_column([p for p in path if p not in SCOPES], items)
        if scope is None or item is None:
            continue
        if scope in by_item.get(item, {}):
            raise LayoutError(f"two columns read as {item} {scope}")
        by_item.setdefault(item, {})[scope] = _amounts(row, {i: scope}, scale)[scope]
    return [TableRow(_ref(row), {"item": item}, cells) for item, cells in by_item.items()]


def _column_scopes(header: list[list[str]], paths: list[list[str]], items: dict[str, str]) -> dict[int, str]:
    """预算数 or 决算数 for each item column. Both scopes list the same items side by side: when
    each scope label is printed once, over its own half of the item columns (centred there, so
    not always above the half's first column), each half is its label's; else each column's
    label path says."""
    printed = [(c, SCOPES[squash(cell)]) for row in header for c, cell in enumerate(row) if squash(cell) in SCOPES]
    columns = [i for i, path in enumerate(paths) if match_column([p for p in path if p not in SCOPES], items)]
    if len(printed) == 2 and printed[0][1] != printed[1][1] and len(columns) % 2 == 0:
        half = len(columns) // 2
        (at_first, first), (at_second, second) = sorted(printed)
        if at_first < columns[half] <= at_second:
            return {**{i: first for i in columns[:half]}, **{i: second for i in columns[half:]}}
    return {i: SCOPES[p] for i, path in enumerate(paths) for p in path if p in SCOPES}


def _row_item(row: GridRow, items: dict[str, str]) -> str | None:
    label = squash(row.cells[0]) if row.cells else ""
    return items.get(strip_numbering(label).removeprefix("其中："))


def _three_public_by_rows(data: list[GridRow], paths, items, scale) -> list[TableRow]:
    """The transposed variant: items down the side, 预算数 / 决算数 across."""
    scope_cols = {i: SCOPES[p[-1]] for i, p in enumerate(paths) if p and p[-1] in SCOPES}
    out = []
    for grid_row in data:
        if item := _row_item(grid_row, items):
            out.append(TableRow(_ref(grid_row), {"item": item}, _amounts(grid_row, scope_cols, scale)))
    return out


# --- 公开10: sections of items with 行次 and one 统计数 column -------------------------------------


def read_item_list(block: TableBlock, template: TableTemplate, scale: Decimal) -> list[TableRow]:
    """The figure of an item is in the last column, 统计数 (a label centred over a wide column
    may be read a column to the left of its figures); the 行次 is the integer before it."""
    value_names = set(_aliases(template.columns))
    rows: list[TableRow] = []
    section = ""
    for grid_row in block.rows:
        cells = [squash(c) for c in grid_row.cells]
        if any(c in value_names for c in cells):  # a (repeated) 项目 | 行次 | 统计数 header
            continue
        label = cells[0] if cells else ""
        rest = [c for c in cells[1:] if c]
        if label and not rest and SECTION_HEADING.match(label):
            section = strip_numbering(label)
            continue
        if not label:
            continue
        index = len(cells) - 1
        is_count = bool(COUNT_UNITS.search(label)) or "资产" in section
        cell = _amounts(grid_row, {index: "统计数"}, Decimal(1) if is_count else scale)
        line_no = next((c for c in cells[1:index] if re.fullmatch(r"\d+", c)), "")
        keys = {"section": section, "item": label, "line_no": line_no,
                "measure": "count" if is_count else "amount"}
        rows.append(TableRow(_ref(grid_row), keys, cell))
    return rows

