"""Assemble the report: the warehouse's figures (queries.py), their charts (charts.py) and
one Jinja2 template with inline CSS, written as a single HTML file that needs no network."""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

import duckdb
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from pipelines.report import formatting
from pipelines.report.charts import ACTUAL, BUDGET, Charts, Palette, Series
from pipelines.report.queries import DepartmentYear, Warehouse, read_warehouse

TEMPLATES = Path(__file__).with_name("templates")
TYPE_COLOURS = {"基本支出": "#2f6db5", "项目支出": "#e08a2c"}


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html", "j2"]),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters.update(wan=formatting.wan, pct=formatting.pct, points=formatting.points,
                       when=formatting.when)
    env.globals.update(share=formatting.share, EMPTY=formatting.EMPTY)
    return env


def label(dy: DepartmentYear) -> str:
    d = dy.document
    return f"{d.department} {d.fiscal_year}" + ("" if d.kind == "决算" else f" {d.kind}")


def _document_charts(dy: DepartmentYear, charts: Charts, palette: Palette) -> dict[str, str]:
    out: dict[str, str] = {}
    name = label(dy)
    if dy.income:
        out["income"] = charts.horizontal_bars(
            [a.label for a in dy.income],
            [Series("收入", [a.amount for a in dy.income], palette("收入"))],
            title="收入来源 Income by source（万元）", aria=f"{name} 收入来源",
        )
    if dy.expenditure:
        types = dy.expenditure_types
        out["expenditure"] = charts.horizontal_bars(
            [f"{r.code} {r.name}" for r in dy.expenditure],
            [Series(t, [r.by_type.get(t) for r in dy.expenditure], palette(t)) for t in types],
            stacked=True, label_width=18, texts=[formatting.wan(r.total) for r in dy.expenditure],
            title="支出功能分类（类）Expenditure by function class（万元）", aria=f"{name} 支出功能分类",
        )
    if dy.three_public:
        rows = dy.three_public
        out["three_public"] = charts.horizontal_bars(
            [r.item for r in rows],
            [Series("预算数 budget", [r.budget for r in rows], BUDGET),
             Series("决算数 actual", [r.actual for r in rows], ACTUAL)],
            title="“三公”经费 预算 vs 决算 Budget vs actual（万元）", aria=f"{name} 三公经费",
        )
    if dy.projects:
        ps = dy.projects
        out["projects"] = charts.projects(
            [p.name for p in ps],
            Series("全年预算数 budget", [p.budget for p in ps], BUDGET),
            Series("全年执行数 executed", [p.executed for p in ps], ACTUAL),
            [p.score for p in ps], [p.grade for p in ps],
            [f"{formatting.points(p.score)} {p.grade or ''}".strip() if p.score is not None else formatting.EMPTY
             for p in ps],
            titles=("预算与执行 Budget vs executed（万元）", "自评总分 Score"), aria=f"{name} 项目绩效",
        )
    return out


def _overview_chart(wh: Warehouse, charts: Charts, palette: Palette) -> str | None:
    rows = wh.department_years
    if not rows:
        return None
    types = list(dict.fromkeys(t for dy in rows for t in dy.expenditure_types))
    panels = [
        ("收入合计 Income", [Series("收入", [dy.income_total for dy in rows], palette("收入"))], False),
        ("支出合计 Expenditure", [Series(t, [dy.expenditure_by_type(t) for dy in rows], palette(t))
                                   for t in types], True),
        ("“三公”经费 Three public", [Series("预算 budget", [dy.three_public_budget for dy in rows], BUDGET),
                                       Series("决算 actual", [dy.three_public_actual for dy in rows], ACTUAL)],
         False),
    ]
    return charts.overview([label(dy) for dy in rows], panels, aria="部门与年度对比 departments and years")


def _by_year(wh: Warehouse) -> list[dict]:
    """Department × year: income and expenditure of each year side by side."""
    table: dict[str, dict[int, DepartmentYear]] = {}
    for dy in wh.department_years:
        table.setdefault(dy.document.department, {})[dy.document.fiscal_year] = dy
    return [{"department": department, "years": years} for department, years in sorted(table.items())]


def render(wh: Warehouse) -> str:
    charts, palette = Charts(), Palette({"收入": "#2a9d8f", **TYPE_COLOURS})
    documents = [{"dy": dy, "label": label(dy), "charts": _document_charts(dy, charts, palette)}
                 for dy in wh.department_years]
    types = list(dict.fromkeys(t for dy in wh.department_years for t in dy.expenditure_types))
    def total(values) -> Decimal | None:
        values = [v for v in values if v is not None]
        return sum(values, Decimal(0)) if values else None

    rows = wh.department_years
    totals = {
        "income": total(dy.income_total for dy in rows),
        "by_type": {t: total(dy.expenditure_by_type(t) for dy in rows) for t in types},
        "expenditure": total(dy.expenditure_total for dy in rows),
        "three_public_budget": total(dy.three_public_budget for dy in rows),
        "three_public": total(dy.three_public_actual for dy in rows),
    }
    template = _environment().get_template("report.html.j2")
    return template.render(
        wh=wh, documents=documents, overview_chart=_overview_chart(wh, charts, palette),
        by_year=_by_year(wh), years=wh.years, types=types, totals=totals,
        colours=palette.colours,
    )


def build_report(conn: duckdb.DuckDBPyConnection, out: Path) -> Path:
    """Write the report of the warehouse behind `conn` (read-only is enough) to `out`: one
    self-contained HTML file (inline CSS and SVG charts, no script, no network)."""
    out = Path(out)
    html = render(read_warehouse(conn))
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(f".{out.name}.partial")
    partial.write_text(html, encoding="utf-8")
    os.replace(partial, out)  # a reader never sees half a report
    return out
