"""What the report shows, read from the analysts' views (amounts in 万元, exact DECIMAL).

Every figure of the report comes from here. The analysts' views hold the most detailed printed
lines (one grain each, pipelines/warehouse/grains.py), so totals are plain sums of them; where a
document's printed 合计 differs from its lines (a 0.01 rounding), the validation findings say so.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

import duckdb

NOT_SHOWN = ("held", "quarantined", "failed")  # statuses of versions analysts do not see


@dataclass(frozen=True)
class Document:
    sha256: str
    file_name: str
    source_format: str
    department: str
    fiscal_year: int
    kind: str
    scope: str | None
    amount_unit: str | None
    page_count: int | None
    tables_found: list[str]
    published_at: datetime | None
    published_from: str | None
    ingested_at: datetime | None

    @property
    def anchor(self) -> str:
        return f"doc-{self.sha256[:12]}"


@dataclass(frozen=True)
class Amount:
    label: str
    amount: Decimal


@dataclass(frozen=True)
class ClassRow:
    """Expenditure of one 功能分类 类, by expenditure type (基本支出, 项目支出, …)."""
    code: str
    name: str
    by_type: dict[str, Decimal]

    @property
    def total(self) -> Decimal:
        return sum(self.by_type.values(), Decimal(0))


@dataclass(frozen=True)
class ThreePublicRow:
    item: str
    budget: Decimal | None
    actual: Decimal | None
    in_total: bool  # 会议费 and 培训费 are listed beside the 三公, outside its 合计
    page: int | None

    @property
    def rate(self) -> Decimal | None:
        if self.budget and self.actual is not None:
            return self.actual / self.budget * 100
        return None


@dataclass(frozen=True)
class Project:
    name: str
    budget: Decimal | None
    executed: Decimal | None
    execution_rate: Decimal | None
    score: Decimal | None
    grade: str | None
    page: int | None


@dataclass(frozen=True)
class FindingGroup:
    """The failed results of one check of one document."""
    check: str
    suite: str
    severity: str
    finding: str | None
    document_status: str
    count: int
    unit: str | None
    largest_difference: Decimal | None
    locations: list[str]


@dataclass
class DepartmentYear:
    document: Document
    income: list[Amount] = field(default_factory=list)
    expenditure_types: list[str] = field(default_factory=list)
    expenditure: list[ClassRow] = field(default_factory=list)
    three_public: list[ThreePublicRow] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    findings: list[FindingGroup] = field(default_factory=list)
    checks_evaluated: int = 0

    @property
    def income_total(self) -> Decimal | None:
        return sum((a.amount for a in self.income), Decimal(0)) if self.income else None

    def expenditure_by_type(self, expenditure_type: str) -> Decimal | None:
        amounts = [r.by_type[expenditure_type] for r in self.expenditure if expenditure_type in r.by_type]
        return sum(amounts, Decimal(0)) if amounts else None

    @property
    def expenditure_total(self) -> Decimal | None:
        return sum((r.total for r in self.expenditure), Decimal(0)) if self.expenditure else None

    def _three_public_sum(self, attribute: str) -> Decimal | None:
        amounts = [getattr(r, attribute) for r in self.three_public if r.in_total]
        amounts = [a for a in amounts if a is not None]
        return sum(amounts, Decimal(0)) if amounts else None

    @property
    def three_public_budget(self) -> Decimal | None:
        return self._three_public_sum("budget")

    @property
    def three_public_actual(self) -> Decimal | None:
        return self._three_public_sum("actual")

    @property
    def three_public_rate(self) -> Decimal | None:
        budget, actual = self.three_public_budget, self.three_public_actual
        return actual / budget * 100 if budget and actual is not None else None

    @property
    def errors(self) -> int:
        return sum(g.count for g in self.findings if g.severity == "error")

    @property
    def warnings(self) -> int:
        return sum(g.count for g in self.findings if g.severity != "error")


@dataclass(frozen=True)
class HiddenDocument:
    """A version analysts do not see (held, quarantined, failed), with why and its failed checks."""
    file_name: str
    sha256: str
    department: str | None
    fiscal_year: int | None
    status: str
    status_reason: str | None
    published_at: datetime | None
    findings: list[FindingGroup]


@dataclass
class Warehouse:
    department_years: list[DepartmentYear]
    hidden: list[HiddenDocument]
    status_counts: dict[str, int]
    last_ingested: datetime | None

    @property
    def years(self) -> list[int]:
        return sorted({d.document.fiscal_year for d in self.department_years})

    @property
    def departments(self) -> list[str]:
        return sorted({d.document.department for d in self.department_years})


def _rows(conn: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> list[dict]:
    result = conn.execute(sql, params or [])
    names = [d[0] for d in result.description]
    return [dict(zip(names, row)) for row in result.fetchall()]


_DOCUMENTS = """
SELECT cd.document_sha256, cd.file_name, cd.source_format, cd.department, cd.fiscal_year, cd.kind,
       cd.scope, cd.amount_unit, cd.page_count, cd.tables_found,
       d.published_at, d.published_from, d.ingested_at
FROM v_current_document cd JOIN v_documents d USING (document_sha256)
ORDER BY cd.department, cd.fiscal_year, cd.kind, cd.document_sha256
"""

# Income by source (公开02's lines), in its columns' printed order.
_INCOME = """
SELECT document_sha256, income_source, SUM(amount_wan) AS amount_wan
FROM v_income JOIN dim_income_source USING (income_source)
GROUP BY document_sha256, income_source, sort_order
ORDER BY document_sha256, sort_order, income_source
"""

# Expenditure (all funds, 公开03) by 功能分类 类 and expenditure type.
_EXPENDITURE = """
SELECT e.document_sha256, e.class_code, COALESCE(s.subject_name, e.class_code) AS class_name,
       e.expenditure_type, t.sort_order, SUM(e.amount_wan) AS amount_wan
FROM v_expenditure e
JOIN dim_expenditure_type t USING (expenditure_type)
LEFT JOIN dim_function_subject s ON s.subject_code = e.class_code
GROUP BY ALL
ORDER BY e.document_sha256, e.class_code, t.sort_order
"""

# The 三公 items, and 会议费 / 培训费 printed beside them (outside the 三公 合计).
_THREE_PUBLIC = """
SELECT document_sha256, item, budget_wan, actual_wan, page, source_row, true AS in_total FROM v_three_public
UNION ALL
SELECT document_sha256, item, budget_wan, actual_wan, page, source_row, false FROM v_meeting_training
ORDER BY document_sha256, source_row, item
"""

_PROJECTS = """
SELECT document_sha256, project_name, budget_wan, executed_wan, execution_rate, score, grade, page
FROM v_project_performance ORDER BY document_sha256, source_row, project_name
"""

# Failed checks (errors and warnings), one group per check of a document.
_FINDINGS = """
SELECT document_sha256, document_status, suite, "check", severity, finding, count(*) AS n,
       any_value(unit) AS unit, max(abs(difference)) AS largest_difference,
       list(DISTINCT location ORDER BY location) FILTER (WHERE location IS NOT NULL) AS locations
FROM v_validation
WHERE NOT success AND "check" <> 'summary'
GROUP BY document_sha256, document_status, suite, "check", severity, finding
ORDER BY document_sha256, severity = 'error' DESC, n DESC, "check"
"""

_CHECKS_EVALUATED = """
SELECT document_sha256, count(*) AS n FROM v_validation WHERE "check" <> 'summary' GROUP BY ALL
"""

_HIDDEN = f"""
SELECT document_sha256, file_name, department, fiscal_year, status, status_reason, published_at
FROM v_documents WHERE status IN {NOT_SHOWN!r}
ORDER BY department NULLS LAST, fiscal_year, status, file_name
"""


def read_warehouse(conn: duckdb.DuckDBPyConnection) -> Warehouse:
    """Everything the report shows, from a (read-only) warehouse connection."""
    years = [DepartmentYear(Document(
        sha256=r["document_sha256"], file_name=r["file_name"], source_format=r["source_format"],
        department=r["department"], fiscal_year=r["fiscal_year"], kind=r["kind"], scope=r["scope"],
        amount_unit=r["amount_unit"], page_count=r["page_count"], tables_found=list(r["tables_found"] or []),
        published_at=r["published_at"], published_from=r["published_from"], ingested_at=r["ingested_at"],
    )) for r in _rows(conn, _DOCUMENTS)]
    by_sha = {d.document.sha256: d for d in years}

    for r in _rows(conn, _INCOME):
        if r["document_sha256"] in by_sha:
            by_sha[r["document_sha256"]].income.append(Amount(r["income_source"], r["amount_wan"]))

    classes: dict[str, dict[str, ClassRow]] = defaultdict(dict)
    types: dict[str, dict[str, int]] = defaultdict(dict)
    for r in _rows(conn, _EXPENDITURE):
        sha = r["document_sha256"]
        row = classes[sha].setdefault(r["class_code"], ClassRow(r["class_code"], r["class_name"], {}))
        row.by_type[r["expenditure_type"]] = r["amount_wan"]
        types[sha][r["expenditure_type"]] = r["sort_order"]
    for sha, rows in classes.items():
        if sha in by_sha:
            by_sha[sha].expenditure = list(rows.values())
            by_sha[sha].expenditure_types = sorted(types[sha], key=types[sha].get)

    for r in _rows(conn, _THREE_PUBLIC):
        if r["document_sha256"] in by_sha:
            by_sha[r["document_sha256"]].three_public.append(ThreePublicRow(
                r["item"], r["budget_wan"], r["actual_wan"], in_total=r["in_total"], page=r["page"]))

    for r in _rows(conn, _PROJECTS):
        if r["document_sha256"] in by_sha:
            by_sha[r["document_sha256"]].projects.append(Project(
                r["project_name"], r["budget_wan"], r["executed_wan"], r["execution_rate"], r["score"],
                r["grade"], r["page"]))

    findings: dict[str, list[FindingGroup]] = defaultdict(list)
    for r in _rows(conn, _FINDINGS):
        findings[r["document_sha256"]].append(FindingGroup(
            check=r["check"], suite=r["suite"], severity=r["severity"], finding=r["finding"],
            document_status=r["document_status"], count=r["n"], unit=r["unit"],
            largest_difference=r["largest_difference"], locations=list(r["locations"] or [])))
    for sha, groups in findings.items():
        if sha in by_sha:
            by_sha[sha].findings = groups
    for r in _rows(conn, _CHECKS_EVALUATED):
        if r["document_sha256"] in by_sha:
            by_sha[r["document_sha256"]].checks_evaluated = r["n"]

    hidden = [HiddenDocument(
        file_name=r["file_name"], sha256=r["document_sha256"], department=r["department"],
        fiscal_year=r["fiscal_year"], status=r["status"], status_reason=r["status_reason"],
        published_at=r["published_at"], findings=[g for g in findings.get(r["document_sha256"], [])])
        for r in _rows(conn, _HIDDEN)]
    counts = {r["status"]: r["n"] for r in _rows(
        conn, "SELECT status, count(*) AS n FROM v_documents GROUP BY status ORDER BY n DESC, status")}
    last = conn.execute("SELECT max(ingested_at) FROM v_documents").fetchone()[0]
    return Warehouse(years, hidden, counts, last)
