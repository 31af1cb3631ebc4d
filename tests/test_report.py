"""`juesuan report`: one self-contained HTML file whose printed figures are the warehouse's.

The warehouse is landed through the real path (parse, validate, load) in a file and read back
through `warehouse.reader`, as the command does; the figures the report prints are compared
with what the views (and the printed totals in the fact tables) hold, cell by cell."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest

import expectations
from pipelines import warehouse
from pipelines.parsing.document import parse_document
from pipelines.raw import read_raw
from pipelines.report import build_report
from pipelines.report.__main__ import main as report_main
from tests.corpus import corpus_file


def money(value: Decimal | None) -> str:
    """How the report prints an amount in 万元: exact, two decimals, half up, thousands separated."""
    if value is None:
        return "—"
    return f"{Decimal(value).quantize(Decimal('0.01'), rounding=ROUND_HALF_UP):,}"


class Tables(HTMLParser):
    """Every <table data-table=…> of the page as rows of cell texts, with the section it is in."""

    def __init__(self):
        super().__init__()
        self.tables: list[tuple[str, str, list[list[str]]]] = []  # (section id, table name, rows)
        self.section = ""
        self.row: list[str] | None = None
        self.cell: list[str] | None = None
        self.in_svg = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "svg":
            self.in_svg += 1
        elif tag == "section":
            self.section = attrs.get("id", "")
        elif tag == "table" and "data-table" in attrs:
            self.tables.append((self.section, attrs["data-table"], []))
        elif tag == "tr" and self.tables:
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            self.cell = []
        elif tag in ("div", "br") and self.cell is not None:
            self.cell.append(" ")

    def handle_endtag(self, tag):
        if tag == "svg":
            self.in_svg -= 1
        elif tag in ("td", "th") and self.cell is not None and self.row is not None:
            self.row.append(re.sub(r"\s+", " ", "".join(self.cell)).strip())
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self.tables[-1][2].append(self.row)
            self.row = None

    def handle_data(self, data):
        if self.cell is not None and not self.in_svg:
            self.cell.append(data)


def tables(html: str) -> dict[tuple[str, str], list[list[str]]]:
    parser = Tables()
    parser.feed(html)
    found = {}
    for section, name, rows in parser.tables:
        assert (section, name) not in found, (section, name)
        found[section, name] = rows
    return found


@dataclass
class Untrusted:
    """A validation report with an extraction error: the load quarantines the document."""
    untrusted: bool = True

    def rows(self):
        return [{"suite": "document_completeness", "finding": "extraction", "check": "金额单位与数字相符",
                 "severity": "error", "success": False, "expected": None, "actual": None,
                 "difference": None, "unit": "元", "location": "公开01", "detail": "test: unit contradicted"}]

    def reason(self):
        return "failed checks: 金额单位与数字相符 — test"


@pytest.fixture(scope="module")
def seed_report_input(seed_disclosure):
    return seed_disclosure, expectations.validate(seed_disclosure)


def cut_seed(folder: Path, seed_path: Path) -> Path:
    """The seed cut after its tables (no 情况说明, no 绩效自评表), published later: held."""
    text = seed_path.read_text(encoding="utf-8")
    path = folder / "later-cut.txt"
    path.write_text(text[:text.index("第三部分 情况说明\n")], encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def seed_warehouse_file(tmp_path_factory, seed_report_input, seed_path):
    """A warehouse file: the seed (current), a later version lacking parts (held), the seed's
    unit flipped with an extraction error (quarantined) and an empty file (failed)."""
    folder = tmp_path_factory.mktemp("report")
    path = folder / "juesuan.duckdb"
    disclosure, report = seed_report_input
    with warehouse.writer(path) as conn:
        assert warehouse.load_disclosure(conn, disclosure, report).status == "current"
        cut = cut_seed(folder, seed_path)
        assert warehouse.load_disclosure(conn, parse_document(read_raw(cut, folder)), None).status == "held"
        flipped = folder / "unit-flipped.txt"
        flipped.write_text(seed_path.read_text(encoding="utf-8").replace("金额单位：万元", "金额单位：元"),
                           encoding="utf-8")
        result = warehouse.load_disclosure(conn, parse_document(read_raw(flipped, folder)), Untrusted())
        assert result.status == "quarantined"
        empty = folder / "empty.txt"
        empty.write_bytes(b"")
        warehouse.record_failure(conn, read_raw(empty, folder), "empty.txt: the file is empty")
    return path


@pytest.fixture(scope="module")
def seed_html(seed_warehouse_file, tmp_path_factory):
    out = tmp_path_factory.mktemp("out") / "report.html"
    conn = warehouse.reader(seed_warehouse_file)
    try:
        assert build_report(conn, out) == out
    finally:
        conn.close()
    return out.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed_conn(seed_warehouse_file):
    conn = warehouse.reader(seed_warehouse_file)
    yield conn
    conn.close()


@pytest.fixture(scope="module")
def current(seed_conn):
    sha, = seed_conn.execute("SELECT document_sha256 FROM v_current_document").fetchone()
    return sha


def section(current_sha: str) -> str:
    return f"doc-{current_sha[:12]}"


def leaves(rows: list[dict], tree_key=lambda r: r["document_sha256"]) -> list[dict]:
    """The most detailed coded lines: no longer code of the same tree extends them."""
    codes = defaultdict(set)
    for r in rows:
        codes[tree_key(r)].add(r["subject_code"])
    return [r for r in rows if not any(len(c) > len(r["subject_code"]) and c.startswith(r["subject_code"])
                                        for c in codes[tree_key(r)])]


def dicts(conn, sql, params=()):
    result = conn.execute(sql, list(params))
    names = [d[0] for d in result.description]
    return [dict(zip(names, row)) for row in result.fetchall()]


def test_the_report_is_one_file_that_needs_no_network(seed_warehouse_file, tmp_path, seed_html):
    out = tmp_path / "sub" / "r.html"
    conn = warehouse.reader(seed_warehouse_file)
    try:
        build_report(conn, out)
    finally:
        conn.close()
    assert [p.name for p in out.parent.iterdir()] == ["r.html"]  # one file, no assets beside it
    html = out.read_text(encoding="utf-8")
    assert html == seed_html  # the same warehouse gives the same bytes
    assert html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>")
    assert "http://" not in html and "https://" not in html and "//cdn" not in html
    assert not re.search(r"<script|<link|<img|<iframe|<object|@import|url\((?!#)", html, re.I)
    assert not re.search(r"""(src|href)\s*=\s*["'](?!#)""", html), "only in-page links"
    charts = re.findall(r"<svg\b.*?</svg>", html, re.S)
    assert len(charts) == 5  # overview, income, expenditure, 三公, projects
    for svg in charts:
        assert 'class="chart"' in svg and "<?xml" not in svg and "DOCTYPE" not in svg
        assert "<text" in svg  # svg.fonttype none: labels are text the browser draws
    labels = " ".join(re.findall(r"<text[^>]*>([^<]*)</text>", " ".join(charts)))
    for label in ("财政拨款收入", "公务接待费", "201 一般公共服务支出", "专项业务工作经费"):
        assert label in labels
    assert "font-family: 'Noto Sans CJK SC'" in charts[0] and "sans-serif" in charts[0]
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), "every id (the charts' clip paths too) unique in the page"


def test_header_says_which_document(seed_html, seed_conn, current):
    doc = dicts(seed_conn, """SELECT department, fiscal_year, kind, scope, amount_unit, file_name,
                                     published_at, published_from
                              FROM v_documents WHERE document_sha256 = ?""", [current])[0]
    start = seed_html.index(f'id="{section(current)}"')
    head = seed_html[start:seed_html.index("<h3>", start)]
    for value in (doc["department"], f"{doc['fiscal_year']}年度{doc['kind']}", doc["scope"],
                  doc["amount_unit"], doc["file_name"], current[:16], doc["published_from"],
                  doc["published_at"].strftime("%Y-%m-%d")):
        assert str(value) in head, value


def test_income_by_source_is_the_warehouses(seed_html, seed_conn, current):
    rows = dicts(seed_conn, """SELECT document_sha256, subject_code, income_source, amount_wan FROM v_income
                               WHERE subject_code IS NOT NULL AND document_sha256 = ? AND income_source NOT IN
                                     (SELECT income_source FROM dim_income_source WHERE is_total)""", [current])
    by_source: dict[str, Decimal] = defaultdict(Decimal)
    for r in leaves(rows):
        by_source[r["income_source"]] += r["amount_wan"]
    # the printed 合计 row of 公开02 says the same, per source
    printed = dict(seed_conn.execute("""SELECT income_source, amount_yuan * 0.0001 FROM fact_income
                                        WHERE document_sha256 = ? AND subject_code IS NULL
                                          AND cell_flag = 'value'""", [current]).fetchall())
    assert printed["财政拨款收入"] == by_source["财政拨款收入"] == Decimal("1541.75")
    assert printed["其他收入"] == by_source["其他收入"] == Decimal("13.88")
    total = sum(by_source.values())
    assert total == printed["本年收入合计"] == Decimal("1555.63")
    table = tables(seed_html)[section(current), "income"]
    shown = {row[0]: row[1:] for row in table[1:]}
    assert set(shown) == set(by_source) | {"合计 Total"}
    for source, amount in by_source.items():
        assert shown[source] == [money(amount), f"{money(amount / total * 100)}%"]
    assert shown["合计 Total"] == [money(total), "100.00%"] == ["1,555.63", "100.00%"]
    assert shown["财政拨款收入"] == ["1,541.75", "99.11%"]


def test_expenditure_by_class_split_basic_and_project(seed_html, seed_conn, current):
    rows = dicts(seed_conn, """SELECT e.document_sha256, e.source_table, e.subject_code, e.expenditure_type,
                                      e.amount_wan
                               FROM v_expenditure e JOIN dim_expenditure_type t USING (expenditure_type)
                               WHERE e.fund_scope = '全部资金' AND e.subject_code IS NOT NULL
                                 AND NOT t.is_total AND t.is_expenditure AND e.document_sha256 = ?""", [current])
    cells: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    for r in leaves(rows, lambda r: (r["document_sha256"], r["source_table"])):
        cells[r["subject_code"][:3], r["expenditure_type"]] += r["amount_wan"]
    names = dict(seed_conn.execute("SELECT subject_code, subject_name FROM dim_function_subject").fetchall())
    table = tables(seed_html)[section(current), "expenditure"]
    assert table[0][2:4] == ["基本支出万元", "项目支出万元"]
    shown = {row[0]: row for row in table[1:]}
    classes = sorted({code for code, _ in cells})
    assert classes == ["201", "208", "210"]
    for code in classes:
        basic, project = cells.get((code, "基本支出")), cells.get((code, "项目支出"))
        assert shown[code][:5] == [code, names[code], money(basic), money(project),
                                   money((basic or 0) + (project or 0))]
    total = sum(cells.values())
    assert shown["合计 Total"][3] == money(total) == "1,535.13"  # 公开03's detailed lines (its 合计 prints 1535.14)


def test_three_public_budget_vs_actual(seed_html, seed_conn, current):
    items = dict((item, (budget, actual)) for item, budget, actual in seed_conn.execute(
        "SELECT item, budget_wan, actual_wan FROM v_three_public WHERE document_sha256 = ?", [current]).fetchall())
    table = tables(seed_html)[section(current), "three-public"]
    shown = {row[0]: row[1:] for row in table[1:]}
    for item in ("因公出国（境）费", "公务用车购置费", "公务用车运行维护费", "公务接待费"):
        budget, actual = items[item]
        assert shown[item][:2] == [money(budget), money(actual)]
    assert shown["公务接待费"] == ["25.00", "24.85", "99.40%"]
    assert shown["因公出国（境）费"] == ["—", "—", "—"]  # blank cells: not printed, not 0
    assert "合计" not in shown and "公务用车购置及运行维护费" not in shown  # totals are not items
    printed = seed_conn.execute("""SELECT budget_yuan * 0.0001, actual_yuan * 0.0001 FROM fact_three_public
                                   WHERE document_sha256 = ? AND item = '合计'""", [current]).fetchone()
    assert shown["合计 Total"][:2] == [money(printed[0]), money(printed[1])] == ["37.00", "36.85"]
    overview = tables(seed_html)["overview", "overview"]
    assert overview[1][7:9] == [money(printed[0]), money(printed[1])]


def test_project_scores(seed_html, seed_conn, current):
    projects = dicts(seed_conn, """SELECT project_name, budget_wan, executed_wan, execution_rate, score, grade
                                   FROM v_project_performance WHERE document_sha256 = ?""", [current])
    assert len(projects) == 5
    table = tables(seed_html)[section(current), "projects"]
    assert sorted(table[1:]) == sorted(
        [p["project_name"], money(p["budget_wan"]), money(p["executed_wan"]), f"{money(p['execution_rate'])}%",
         money(p["score"]), p["grade"]] for p in projects)
    assert ["专项业务工作经费", "268.90", "260.87", "97.01%", "93.05", "优"] in table


def test_findings_grouped_by_check(seed_html, seed_conn, current):
    failed = dict(seed_conn.execute("""SELECT "check", count(*) FROM v_validation
                                       WHERE document_sha256 = ? AND NOT success AND "check" <> 'summary'
                                       GROUP BY "check" """, [current]).fetchall())
    assert failed  # the seed's own 0.01 roundings and narrative mismatches
    table = tables(seed_html)[section(current), "findings"]
    shown = {row[1].rsplit(" ", 3)[0]: row for row in table[1:]}  # "check suite · status"
    assert len(table) - 1 == len(failed)
    for check, n in failed.items():
        assert shown[check][3] == str(n), check
        assert "current" in shown[check][1]  # with the document's status
    assert shown["情况说明 金额 = 表中数"][4] == "10.25 万元"  # largest difference, in its unit


def test_versions_not_shown_are_listed_with_why(seed_html, seed_conn):
    hidden = dicts(seed_conn, """SELECT file_name, status, status_reason FROM v_documents
                                 WHERE status IN ('held', 'quarantined', 'failed')""")
    assert {h["status"] for h in hidden} == {"held", "quarantined", "failed"}
    table = tables(seed_html)["not-shown", "not-shown"]
    shown = {row[0].split(" ")[0]: row for row in table[1:]}
    for h in hidden:
        assert shown[h["file_name"]][2] == h["status"]
        assert shown[h["file_name"]][3] == h["status_reason"]
    assert shown["later-cut.txt"][3] and shown["unit-flipped.txt"][3].startswith("failed checks")
    # the quarantined version's failed checks are shown under it, with its status
    quarantined = tables(seed_html)["not-shown", "findings"]
    assert quarantined[1][1].startswith("金额单位与数字相符") and "quarantined" in quarantined[1][1]
    # and none of them is counted among the department-years
    assert len(tables(seed_html)["overview", "overview"]) == 2


def test_an_empty_warehouse_still_renders(tmp_path):
    path = tmp_path / "empty.duckdb"
    warehouse.connect(path).close()
    conn = warehouse.reader(path)
    try:
        html = build_report(conn, tmp_path / "empty.html").read_text(encoding="utf-8")
    finally:
        conn.close()
    assert "No current document in the warehouse yet" in html and "<svg" not in html


def test_the_module_entry_writes_the_report(seed_warehouse_file, tmp_path, capsys, seed_html):
    out = tmp_path / "cli.html"
    assert report_main(["--warehouse", str(seed_warehouse_file), "--out", str(out)]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    assert out.read_text(encoding="utf-8") == seed_html


def test_the_real_pdf_beside_the_seed_side_by_side(tmp_path, seed_report_input):
    pdf = corpus_file("final_2024_putuo_planning.pdf")
    path = tmp_path / "juesuan.duckdb"
    with warehouse.writer(path) as conn:
        assert warehouse.load_disclosure(conn, *seed_report_input).status == "current"
        disclosure = parse_document(read_raw(pdf, pdf.parent))
        assert warehouse.load_disclosure(conn, disclosure, expectations.validate(disclosure)).status == "current"
    conn = warehouse.reader(path)
    try:
        html = build_report(conn, tmp_path / "two.html").read_text(encoding="utf-8")
        documents = dicts(conn, "SELECT document_sha256, department, fiscal_year FROM v_current_document")
        income = dict(conn.execute("""SELECT document_sha256, sum(f.amount_yuan) * 0.0001 FROM fact_income f
                                      JOIN v_current_document USING (document_sha256)
                                      WHERE f.subject_code IS NULL AND f.income_source = '本年收入合计'
                                        AND f.cell_flag = 'value' GROUP BY ALL""").fetchall())
    finally:
        conn.close()
    assert len({d["department"] for d in documents}) == 2
    found = tables(html)
    overview = {row[0]: row for row in found["overview", "overview"][1:]}
    assert set(overview) == {d["department"] for d in documents} | {"全部 All department-years"}
    for d in documents:
        sha = d["document_sha256"]
        assert (section(sha), "income") in found and (section(sha), "expenditure") in found
        assert overview[d["department"]][3] == money(income[sha])  # the printed 本年收入合计
    assert overview["上海市普陀区规划和自然资源局"][3] == "9,746.50"
    chart = re.search(r"<svg\b.*?</svg>", html, re.S).group(0)  # the overview chart: both, side by side
    assert "上海市普陀区规划和自然资源局" in chart and "山西省人民政府驻上海办事处" in chart
    assert len(re.findall(r"<svg\b", html)) >= 8
