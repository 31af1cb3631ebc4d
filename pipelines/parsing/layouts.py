"""The layouts of the template family, each an object: the row keys its rows carry, the
reader that turns its grid into rows (tables.py) and the fact rows those become.

A template names its layout (templates.py); everything downstream asks the layout instead of
knowing table ids: which keys a row has, which fact table it lands in, how. A row whose keys
are not its layout's is a reader bug and fails loudly here, not as a missing column later.
Fact rows are pure dicts (column -> value): amounts stay `Decimal` 元, every row keeps its
provenance (table, page, line, row).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from pipelines.amounts import YUAN_PER_UNIT
from pipelines.model import Cell, DocumentError, ParsedTable, SourceRef, TableRow
from pipelines.parsing.grid import CellError, TableBlock
from pipelines.parsing.tables import (
    EMPTY_MARK,
    LayoutError,
    cost_group,
    read_grouped_pairs,
    read_item_list,
    read_subject_matrix,
    read_three_public,
    read_two_sided,
    table_unit,
)
from pipelines.parsing.templates import BY_ID, TEMPLATES, TableTemplate
from pipelines.parsing.text import squash, strip_numbering

Reader = Callable[[TableBlock, TableTemplate, Decimal], list[TableRow]]


@dataclass(frozen=True)
class Layout:
    name: str
    keys: tuple[str, ...]  # every row carries these (a key may be "": no code on a 合计 line)
    read: Reader
    fact_table: str  # where its rows land (a template may say otherwise: `TableTemplate.fact`)
    fact_rows: Callable[[ParsedTable], list[dict]]
    optional_keys: tuple[str, ...] = ()  # carried by some rows only

    def check(self, table_id: str, rows: list[TableRow]) -> None:
        allowed = set(self.keys) | set(self.optional_keys)
        for row in rows:
            if not set(self.keys) <= set(row.keys) <= allowed:
                raise AssertionError(f"{table_id} row {row.ref.row}: keys {sorted(row.keys)} are not "
                                     f"the {self.name} layout's {self.keys}")


# --- fact rows ------------------------------------------------------------------------------

def provenance(table: str, ref: SourceRef) -> dict:
    """Where a fact was read: every row of every fact table carries it."""
    return {"source_table": table, "page": ref.page, "source_line": ref.line, "source_row": ref.row}


def _cell(cell: Cell, amount_column: str = "amount_yuan") -> dict:
    return {amount_column: cell.value, "cell_text": cell.raw, "cell_flag": cell.flag.value}


def _int(text: str) -> int | None:
    return int(text) if text and text.isdigit() else None


def subject_rows(table: ParsedTable) -> list[dict]:
    """A 功能分类 matrix (收入表, 支出表, the fund tables): one row per subject × column."""
    template = BY_ID[table.table_id]
    column = "income_source" if fact_table(template) == "fact_income" else "expenditure_type"
    out = []
    for row in table.rows:
        for name, cell in row.cells.items():
            record = {"subject_code": row.keys["code"] or None, "printed_code": row.keys.get("printed_code"),
                      "row_label": row.keys["name"], column: name, **_cell(cell),
                      **provenance(table.table_id, row.ref)}
            if template.fund_scope:
                record["fund_scope"] = template.fund_scope
            out.append(record)
    return out


def summary_rows(table: ParsedTable) -> list[dict]:
    """A two-sided 收支总表: one row per side × item × column."""
    return [
        {"side": row.keys["side"], "item": strip_numbering(row.keys["item"]) or "",
         "item_label": row.keys["item"], "line_no": _int(row.keys["line_no"]),
         "column_name": name, **_cell(cell), **provenance(table.table_id, row.ref)}
        for row in table.rows
        for name, cell in row.cells.items()
    ]


def basic_rows(table: ParsedTable) -> list[dict]:
    """A 经济分类 table: 公开06 one row per printed line (its one 决算数); 预算08 one per line ×
    column (合计, 人员经费, 公用经费)."""
    return [
        {"economic_code": row.keys["code"] or None, "row_label": row.keys["name"],
         "cost_group": row.keys["cost_group"], "column_name": name, **_cell(cell),
         **provenance(table.table_id, row.ref)}
        for row in table.rows
        for name, cell in row.cells.items()
    ]


def three_public_rows(table: ParsedTable) -> list[dict]:
    """三公: one row per item, its 预算数 and 决算数 side by side (a 预算 prints only the first)."""
    out = []
    for row in table.rows:
        record = {"item": row.keys["item"], **provenance(table.table_id, row.ref)}
        for scope, prefix in (("预算数", "budget"), ("决算数", "actual")):
            cell = row.cells.get(scope)
            record[f"{prefix}_yuan"] = cell.value if cell else None
            record[f"{prefix}_text"] = cell.raw if cell else None
            record[f"{prefix}_flag"] = cell.flag.value if cell else None
        out.append(record)
    return out


def stat_rows(table: ParsedTable) -> list[dict]:
    """公开10: one row per item, an amount (元) or a count."""
    out = []
    for row in table.rows:
        cell = row.cells["统计数"]
        is_count = row.keys["measure"] == "count"
        out.append({
            "section": row.keys["section"], "item": row.keys["item"],
            "line_no": _int(row.keys["line_no"]), "measure": row.keys["measure"],
            "amount_yuan": None if is_count else cell.value,
            "count_value": cell.value if is_count else None,
            "cell_text": cell.raw, "cell_flag": cell.flag.value,
            **provenance(table.table_id, row.ref),
        })
    return out


def read_economic_matrix(block: TableBlock, template: TableTemplate, scale: Decimal) -> list[TableRow]:
    """预算08: a 经济分类 table printed as a subject matrix; each row's cost group is its 类's."""
    rows = read_subject_matrix(block, template, scale)
    for row in rows:
        if printed := row.keys.pop("printed_code", None):
            raise CellError(f"line {row.ref.line}: '{printed}' is not a 经济分类 subject code")
        row.keys["cost_group"] = cost_group(row.keys["code"])
    return rows


LAYOUTS: dict[str, Layout] = {layout.name: layout for layout in (
    Layout("subject_matrix", ("code", "name"), read_subject_matrix, "fact_expenditure", subject_rows,
           optional_keys=("printed_code",)),
    Layout("economic_matrix", ("code", "name", "cost_group"), read_economic_matrix, "fact_basic_expenditure",
           basic_rows),
    Layout("grouped_pairs", ("code", "name", "cost_group"), read_grouped_pairs, "fact_basic_expenditure",
           basic_rows),
    Layout("two_sided", ("side", "item", "line_no"), read_two_sided, "fact_summary_line", summary_rows),
    Layout("three_public", ("item",), read_three_public, "fact_three_public", three_public_rows),
    Layout("item_list", ("section", "item", "line_no", "measure"), read_item_list,
           "fact_disclosure_stat", stat_rows),
)}


def fact_table(template: TableTemplate) -> str:
    return template.fact or LAYOUTS[template.layout].fact_table


def tables_landing_in(*facts: str) -> tuple[str, ...]:
    """The standard tables (of every kind) whose rows land in these fact tables."""
    return tuple(t.table_id for t in TEMPLATES if fact_table(t) in facts)


def parse_table(block: TableBlock, document: str, default_unit: str) -> ParsedTable:
    """Read a located table with its template's layout, in 元 whatever unit it prints."""
    template = BY_ID[block.table_id]
    layout = LAYOUTS[template.layout]
    where = f"{block.table_id} {block.title}"
    try:
        unit = table_unit(block) or default_unit
    except LayoutError as error:
        raise DocumentError(document, f"{where}: {error}") from error
    table = ParsedTable(
        table_id=block.table_id,
        title=block.title,
        label=block.label,
        unit=unit,
        pages=sorted({r.page for r in block.rows if r.page is not None} or
                     ({block.title_page} if block.title_page else set())),
        empty=any(EMPTY_MARK.search(squash(t)) for t in block.notes + block.preamble),
        layout=layout.name,
        title_line=block.title_line,
    )
    try:
        table.rows = layout.read(block, template, YUAN_PER_UNIT[unit])
    except (CellError, LayoutError) as error:
        raise DocumentError(document, f"{where}: {error}") from error
    layout.check(block.table_id, table.rows)
    for n, row in enumerate(table.rows, start=1):
        row.ref = SourceRef(row.ref.page, row.ref.line, n)
    if table.empty and any(c.value for r in table.rows for c in r.cells.values()):
        table.empty = False  # a 说明 that mentions 无数据 but the grid has figures
    return table
