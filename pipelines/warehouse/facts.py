"""A `Disclosure` as warehouse rows: one list of column->value dicts per fact table.

Pure functions, no database: what lands is decided here and can be tested without DuckDB.
Amounts stay `Decimal` (元); DuckDB binds them as DECIMAL.
"""

from __future__ import annotations

from pipelines.model import Cell, Disclosure, ParsedTable, SourceRef
from pipelines.parsing.tables import PERSONNEL_CLASSES
from pipelines.parsing.templates import BY_ID
from pipelines.parsing.text import strip_numbering

# Which fact table each standard table lands in, for every document kind (kinds.py).
SUBJECT_TABLES = {"公开02": "fact_income", "公开03": "fact_expenditure", "公开05": "fact_expenditure",
                  "公开07": "fact_expenditure", "公开08": "fact_expenditure",
                  "预算02": "fact_income", "预算03": "fact_expenditure", "预算05": "fact_expenditure",
                  "预算06": "fact_expenditure", "预算07": "fact_expenditure"}
SUMMARY_TABLES = ("公开01", "公开04", "预算01", "预算04")
BASIC_TABLES = ("公开06", "预算08")
THREE_PUBLIC_TABLES = ("公开09", "预算09")
INCOME_TABLES = tuple(t for t, fact in SUBJECT_TABLES.items() if fact == "fact_income")
FACT_TABLES = (
    "fact_income", "fact_expenditure", "fact_summary_line", "fact_basic_expenditure",
    "fact_three_public", "fact_disclosure_stat", "fact_project_performance",
    "fact_performance_indicator", "fact_staffing", "fact_internal_department", "fact_narrative",
)


def _provenance(table: str, ref: SourceRef) -> dict:
    return {"source_table": table, "page": ref.page, "source_line": ref.line, "source_row": ref.row}


def _cell(cell: Cell, amount_column: str = "amount_yuan") -> dict:
    return {amount_column: cell.value, "cell_text": cell.raw, "cell_flag": cell.flag.value}


def _int(text: str) -> int | None:
    return int(text) if text and text.isdigit() else None


def subject_rows(table: ParsedTable) -> list[dict]:
    """公开02/03/05/07/08: one row per subject × column."""
    column = "income_source" if table.table_id in INCOME_TABLES else "expenditure_type"
    scope = BY_ID[table.table_id].fund_scope
    out = []
    for row in table.rows:
        for name, cell in row.cells.items():
            record = {"subject_code": row.keys["code"] or None, "printed_code": row.keys.get("printed_code"),
                      "row_label": row.keys["name"], column: name, **_cell(cell),
                      **_provenance(table.table_id, row.ref)}
            if scope:
                record["fund_scope"] = scope
            out.append(record)
    return out


def summary_rows(table: ParsedTable) -> list[dict]:
    """公开01/04: one row per side × item × column."""
    return [
        {"side": row.keys["side"], "item": strip_numbering(row.keys["item"]) or "",
         "item_label": row.keys["item"], "line_no": _int(row.keys.get("line_no", "")),
         "column_name": name, **_cell(cell), **_provenance(table.table_id, row.ref)}
        for row in table.rows
        for name, cell in row.cells.items()
    ]


def basic_rows(table: ParsedTable) -> list[dict]:
    """公开06: one row per printed line (its one 决算数); 预算08: one per line × column (合计,
    人员经费, 公用经费), its cost group that of its 经济分类 类 as in 公开06."""
    return [
        {"economic_code": row.keys["code"] or None, "row_label": row.keys["name"],
         "cost_group": row.keys.get("cost_group") or cost_group(row.keys["code"]),
         "column_name": name, **_cell(cell), **_provenance(table.table_id, row.ref)}
        for row in table.rows
        for name, cell in row.cells.items()
    ]


def cost_group(code: str) -> str:
    if code:
        return "人员经费" if code[:3] in PERSONNEL_CLASSES else "公用经费"
    return "合计"


def three_public_rows(table: ParsedTable) -> list[dict]:
    out = []
    for row in table.rows:
        record = {"item": row.keys["item"], **_provenance(table.table_id, row.ref)}
        for scope, prefix in (("预算数", "budget"), ("决算数", "actual")):
            cell = row.cells.get(scope)
            record[f"{prefix}_yuan"] = cell.value if cell else None
            record[f"{prefix}_text"] = cell.raw if cell else None
            record[f"{prefix}_flag"] = cell.flag.value if cell else None
        out.append(record)
    return out


def stat_rows(table: ParsedTable) -> list[dict]:
    out = []
    for row in table.rows:
        cell = row.cells["统计数"]
        is_count = row.keys["measure"] == "count"
        out.append({
            "section": row.keys["section"], "item": row.keys["item"],
            "line_no": _int(row.keys.get("line_no", "")), "measure": row.keys["measure"],
            "amount_yuan": None if is_count else cell.value,
            "count_value": cell.value if is_count else None,
            "cell_text": cell.raw, "cell_flag": cell.flag.value,
            **_provenance(table.table_id, row.ref),
        })
    return out


def document_tables(disclosure: Disclosure) -> list[dict]:
    """One row per standard table found: presence, emptiness, pages, how it was extracted."""
    out = []
    for table in disclosure.tables.values():
        extraction = table.extraction or {}
        out.append({
            "table_id": table.table_id, "title": table.title, "label": table.label,
            "amount_unit": table.unit, "layout": table.layout, "pages": table.pages,
            "is_empty": table.empty, "row_count": len(table.rows), "title_line": table.title_line,
            "extraction_flavor": extraction.get("flavor"),
            "extraction_accuracy": extraction.get("accuracy"),
            "extraction_whitespace": extraction.get("whitespace"),
            "problem": table.problem,
        })
    return out


def fact_rows(disclosure: Disclosure) -> dict[str, list[dict]]:
    """Every fact row of the document, by fact table (without document/department keys)."""
    rows: dict[str, list[dict]] = {name: [] for name in FACT_TABLES}
    for table_id, table in disclosure.tables.items():
        if table_id in SUBJECT_TABLES:
            rows[SUBJECT_TABLES[table_id]].extend(subject_rows(table))
        elif table_id in SUMMARY_TABLES:
            rows["fact_summary_line"].extend(summary_rows(table))
        elif table_id in BASIC_TABLES:
            rows["fact_basic_expenditure"].extend(basic_rows(table))
        elif table_id in THREE_PUBLIC_TABLES:
            rows["fact_three_public"].extend(three_public_rows(table))
        elif table_id == "公开10":
            rows["fact_disclosure_stat"].extend(stat_rows(table))
    for project in disclosure.projects:
        rows["fact_project_performance"].append({
            "project_name": project.project_name,
            "supervising_department": project.supervising_department,
            "budget_unit": project.budget_unit,
            "initial_budget_yuan": project.initial_budget, "annual_budget_yuan": project.annual_budget,
            "executed_yuan": project.executed, "balance_yuan": project.balance,
            "execution_rate": project.execution_rate, "budget_score": project.budget_score,
            "total_score": project.total_score, "grade": project.grade,
            **_provenance("绩效自评表", project.ref),
        })
        for ind in project.indicators:
            rows["fact_performance_indicator"].append({
                "project_name": project.project_name, "level1": ind.level1, "level2": ind.level2,
                "level3": ind.level3, "target_initial": ind.target_initial,
                "target_adjusted": ind.target_adjusted, "actual_value": ind.actual,
                "weight": ind.weight, "score": ind.score, "deviation_reason": ind.deviation_reason,
                **_provenance("绩效自评表", ind.ref),
            })
    rows["fact_staffing"].extend(_staffing_rows(disclosure))
    staffing = disclosure.staffing
    for seq, name in enumerate(staffing.internal_departments if staffing else [], start=1):
        rows["fact_internal_department"].append({
            "seq": seq, "internal_department": name,
            **_provenance("概况", staffing.ref or SourceRef(None, None, seq)),
        })
    for fact in disclosure.narrative:
        rows["fact_narrative"].append({
            "section": fact.section, "subject": fact.subject, "quantity": fact.quantity,
            "measure": fact.measure, "value": fact.value, "unit": fact.unit,
            "prior_year_value": fact.prior_year_value, "sentence": fact.sentence,
            **_provenance("情况说明", fact.ref),
        })
    return rows


def _staffing_rows(disclosure: Disclosure) -> list[dict]:
    staffing = disclosure.staffing
    if staffing is None:
        return []
    ref = staffing.ref or SourceRef(None, None, 0)
    measures = [("编制数", staffing.authorized), ("年末实有人数", staffing.actual),
                *staffing.by_category.items()]
    return [
        {"measure": name, "headcount": count, **_provenance("概况", SourceRef(ref.page, ref.line, n))}
        for n, (name, count) in enumerate(((m, c) for m, c in measures if c is not None), start=1)
    ]


def function_subjects(disclosure: Disclosure) -> dict[str, str]:
    """功能分类 codes seen in the subject tables, with the name printed for each."""
    subjects: dict[str, str] = {}
    for table_id in SUBJECT_TABLES:
        table = disclosure.tables.get(table_id)
        for row in table.rows if table else []:
            if row.keys["code"]:
                subjects.setdefault(row.keys["code"], row.keys["name"])
    return subjects


def economic_subjects(disclosure: Disclosure) -> dict[str, tuple[str, str]]:
    """经济分类 codes of 公开06 / 预算08 with (name, cost group)."""
    return {
        row.keys["code"]: (row.keys["name"], cost_group(row.keys["code"]))
        for table_id in BASIC_TABLES if (table := disclosure.tables.get(table_id))
        for row in table.rows
        if row.keys["code"]
    }
