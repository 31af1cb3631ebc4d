"""A `Disclosure` as warehouse rows: one list of column->value dicts per fact table.

Pure functions, no database: what lands is decided here and can be tested without DuckDB. A
standard table's rows are built by its layout (parsing/layouts.py); the rest of the document
(绩效自评表, 概况, 情况说明) here.
Amounts stay `Decimal` (元); DuckDB binds them as DECIMAL.
"""

from __future__ import annotations

from pipelines.model import Disclosure, SourceRef
from pipelines.parsing.layouts import LAYOUTS, fact_table, provenance, tables_landing_in
from pipelines.parsing.tables import cost_group
from pipelines.parsing.templates import BY_ID

# Which standard tables (of every kind) land in which fact table: each template's layout says.
SUBJECT_TABLES = tables_landing_in("fact_income", "fact_expenditure")
BASIC_TABLES = tables_landing_in("fact_basic_expenditure")
FACT_TABLES = (
    "fact_income", "fact_expenditure", "fact_summary_line", "fact_basic_expenditure",
    "fact_three_public", "fact_disclosure_stat", "fact_project_performance",
    "fact_performance_indicator", "fact_staffing", "fact_internal_department", "fact_narrative",
)
# The fact tables of a 类/款/项 tree, and the column holding a line's code: each row says
# whether its line is a leaf, the grain of the analyst views (warehouse/views.sql).
TREE_CODES = {"fact_income": "subject_code", "fact_expenditure": "subject_code",
              "fact_basic_expenditure": "economic_code"}


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
        template = BY_ID[table_id]
        rows[fact_table(template)].extend(LAYOUTS[template.layout].fact_rows(table))
    for project in disclosure.projects:
        rows["fact_project_performance"].append({
            "project_name": project.project_name,
            "supervising_department": project.supervising_department,
            "budget_unit": project.budget_unit,
            "initial_budget_yuan": project.initial_budget, "annual_budget_yuan": project.annual_budget,
            "executed_yuan": project.executed, "balance_yuan": project.balance,
            "execution_rate": project.execution_rate, "budget_score": project.budget_score,
            "total_score": project.total_score, "grade": project.grade,
            **provenance("绩效自评表", project.ref),
        })
        for ind in project.indicators:
            rows["fact_performance_indicator"].append({
                "project_name": project.project_name, "level1": ind.level1, "level2": ind.level2,
                "level3": ind.level3, "target_initial": ind.target_initial,
                "target_adjusted": ind.target_adjusted, "actual_value": ind.actual,
                "weight": ind.weight, "score": ind.score, "deviation_reason": ind.deviation_reason,
                **provenance("绩效自评表", ind.ref),
            })
    rows["fact_staffing"].extend(_staffing_rows(disclosure))
    staffing = disclosure.staffing
    for seq, name in enumerate(staffing.internal_departments if staffing else [], start=1):
        rows["fact_internal_department"].append({
            "seq": seq, "internal_department": name,
            **provenance("概况", staffing.ref or SourceRef(None, None, seq)),
        })
    for fact in disclosure.narrative:
        rows["fact_narrative"].append({
            "section": fact.section, "subject": fact.subject, "quantity": fact.quantity,
            "measure": fact.measure, "value": fact.value, "unit": fact.unit,
            "prior_year_value": fact.prior_year_value, "sentence": fact.sentence,
            **provenance("情况说明", fact.ref),
        })
    for table, code in TREE_CODES.items():
        mark_leaves(rows[table], code)
    return rows


def mark_leaves(rows: list[dict], code: str) -> None:
    """`is_leaf` on each row: its line is coded and no longer-coded line of the same table
    extends it (the same rule as the warehouse's backfill of older rows, schema.sql). Decided
    here, as the document lands, so a view filters on it instead of searching the table."""
    extended: dict[str, set[str]] = {}
    for row in rows:
        if row[code]:
            prefixes = extended.setdefault(row["source_table"], set())
            prefixes.update(row[code][:n] for n in range(len(row[code])))
    for row in rows:
        row["is_leaf"] = row[code] is not None and row[code] not in extended.get(row["source_table"], ())


def _staffing_rows(disclosure: Disclosure) -> list[dict]:
    staffing = disclosure.staffing
    if staffing is None:
        return []
    ref = staffing.ref or SourceRef(None, None, 0)
    measures = [("编制数", staffing.authorized), ("年末实有人数", staffing.actual),
                *staffing.by_category.items()]
    return [
        {"measure": name, "headcount": count, **provenance("概况", SourceRef(ref.page, ref.line, n))}
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
