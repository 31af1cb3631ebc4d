"""parse_document: one raw document in, one `Disclosure` out, or a `DocumentError` that says
what is wrong with which document."""

from __future__ import annotations

import re
from collections import Counter

from pipelines import PARSER_VERSION
from pipelines.model import Disclosure, DocumentError, DocumentInfo, ParsedTable
from pipelines.parsing.grid import CellError, TableBlock
from pipelines.parsing.kinds import COVER_LINES, Kind, detect_kind, kind_of_table, refuse_template
from pipelines.parsing.locate import locate_tables
from pipelines.parsing.narrative import explanation_lines, parse_narrative
from pipelines.parsing.overview import parse_staffing
from pipelines.parsing.performance import parse_projects_apart
from pipelines.parsing.published import publication
from pipelines.parsing.sections import split_parts
from pipelines.parsing.layouts import parse_table
from pipelines.parsing.tables import LayoutError, resolve_codes, table_unit
from pipelines.parsing.templates import BY_ID
from pipelines.parsing.text import Line, decode, read_lines, squash
from pipelines.raw import RawDocument, format_problem

NAME_FIELD = re.compile(r"(?:(?:部门|单位|预算单位)名称|编制部门|编制单位)[：:](?P<name>.+?)(?=(?:20\d{2}年|金额单位|单位[：:]|$))")
YEAR_FIELD = re.compile(r"(20\d{2})年度")
CODE_NAME = re.compile(r"^(?P<code>\d{2,12})[-－—]+(?P<name>.+)$")


def parse_document(raw: RawDocument) -> Disclosure:
    problem = format_problem(raw)
    if problem:
        raise DocumentError(raw.name, problem)
    if raw.format == "pdf":
        from pipelines.parsing.pdf import read_pdf  # camelot and pdfium load only for PDFs

        lines, extractions = read_pdf(raw)
        return parse_lines(lines, raw, extractions)
    lines = read_lines(decode(raw.data, raw.name))
    refuse_template(raw.name, [ln.text for ln in lines])
    return parse_lines(lines, raw)


def parse_lines(lines: list[Line], raw: RawDocument, extractions: list[dict] = ()) -> Disclosure:
    """Parse a document given as lines in the text form: prose lines, and table rows as
    tab-separated cells. A PDF reader produces the same lines (table rows from its grids), plus
    `extractions`: how each grid was read, as dicts with first_line and last_line, attached
    to the table whose rows they hold. Text and PDF thus share every parser."""
    document = raw.name
    parts = split_parts(lines)
    blocks = locate_tables(lines)
    if not blocks:
        raise DocumentError(document, "no standard 决算 or 预算 table found: not a final-accounts disclosure (nor a budget)")
    kind = _kind(lines, blocks)
    blocks = [b for b in blocks if b.table_id in kind.table_ids]  # another kind's title: a mention
    unit = _document_unit(blocks, document)
    tables = _parse_tables(blocks, document, unit)
    _attach_extractions(tables, extractions)
    unreadable = [e for e in extractions if e.get("problem")]
    for e in unreadable:
        if e["table_id"] and e["table_id"] not in tables:
            tables[e["table_id"]] = unreadable_grid(e)
    projects, project_problems = parse_projects_apart(parts.get("annex", lines), document)
    info = _document_info(lines, blocks, projects, unit, document, kind)
    staffing = parse_staffing(parts.get("overview", lines), document)
    try:
        narrative = parse_narrative(explanation_lines(lines, parts, kind.narrative), _narrative_subjects(tables),
                                    kind.narrative)
    except CellError as error:
        raise DocumentError(document, str(error)) from error
    code_notes = resolve_codes(tables)
    missing = [t for t in kind.mandatory if t not in tables]
    published_at, published_from = publication((ln.text for ln in lines if "\t" not in ln.text), raw.path,
                                               raw.data if raw.format == "pdf" else None)
    return Disclosure(
        sha256=raw.sha256,
        source_path=raw.name,
        source_format=raw.format,
        parser=PARSER_VERSION,
        size_bytes=raw.size,
        info=info,
        tables=tables,
        staffing=staffing,
        projects=projects,
        narrative=narrative,
        page_count=max((ln.page for ln in lines if ln.page), default=None),
        warnings=[f"mandatory table {t} not found" for t in missing] + code_notes,
        unreadable=[f"{e['title']} (page {e['title_page']}): {e['problem']}" for e in unreadable if not e["table_id"]]
        + project_problems,
        published_at=published_at,
        published_from=published_from,
    )


def _parse_tables(blocks: list[TableBlock], document: str, unit: str) -> dict[str, ParsedTable]:
    """Each table on its own: one that cannot be read is kept with its problem and no rows,
    and the others are still read."""
    tables: dict[str, ParsedTable] = {}
    first_line: dict[str, int | None] = {}
    for block in blocks:
        if block.table_id in tables:
            raise DocumentError(document, f"{block.table_id} {block.title} appears twice (lines "
                                          f"{first_line[block.table_id]} and {block.title_line})")
        try:
            tables[block.table_id] = parse_table(block, document, unit)
        except DocumentError as error:
            tables[block.table_id] = unreadable_table(block, error.problem)
        first_line[block.table_id] = block.title_line
    return tables


def unreadable_grid(extraction: dict) -> ParsedTable:
    """A table whose PDF grid no reading fits."""
    table_id = extraction["table_id"]
    pages = ", ".join(map(str, extraction["pages"]))
    return ParsedTable(table_id, extraction["title"], None, "", extraction["pages"], empty=False,
                       layout=BY_ID[table_id].layout,
                       problem=f"{table_id} {extraction['title']}: {extraction['problem']} (page {pages})")


def unreadable_table(block: TableBlock, problem: str) -> ParsedTable:
    pages = sorted({r.page for r in block.rows if r.page is not None} or
                   ({block.title_page} if block.title_page else set()))
    where = f" (page {', '.join(map(str, pages))})" if pages else ""
    return ParsedTable(block.table_id, block.title, block.label, "", pages, empty=False,
                       layout=BY_ID[block.table_id].layout, title_line=block.title_line,
                       problem=f"{problem}{where}")


def _attach_extractions(tables: dict[str, ParsedTable], extractions) -> None:
    for table in tables.values():
        lines = {r.ref.line for r in table.rows if r.ref.line is not None}
        found = [e for e in extractions if "first_line" in e and any(e["first_line"] <= n <= e["last_line"] for n in lines)]
        if found:
            table.extraction = {
                "flavor": ",".join(sorted({e["flavor"] for e in found})),
                "accuracy": min(e["accuracy"] for e in found),
                "whitespace": max(e["whitespace"] for e in found),
                "pages": sorted({p for e in found for p in e["pages"]}),
                "attempts": [a for e in found for a in e["attempts"]],  # the readings tried, in order
            }


def _document_unit(blocks: list[TableBlock], document: str) -> str:
    """The unit most tables state; a table that states none is read in it."""
    units: Counter[str] = Counter()
    for block in blocks:
        try:
            unit = table_unit(block)
        except LayoutError:  # that table's own problem (parse_table says it)
            continue
        if unit:
            units[unit] += 1
    if not units:
        raise DocumentError(document, "no table states its amount unit (金额单位：万元 or 元)")
    return units.most_common(1)[0][0]


def _kind(lines: list[Line], blocks: list[TableBlock]) -> Kind:
    """The kind its cover names; without a cover, the kind most of its tables belong to."""
    kind = detect_kind([ln.text for ln in lines])
    if kind is None:
        return Counter(kind_of_table(b.table_id) for b in blocks).most_common(1)[0][0]
    return kind


def _document_info(lines, blocks, projects, unit, document, kind: Kind) -> DocumentInfo:
    cover = next((m for ln in lines[:COVER_LINES] if (m := kind.cover.search(squash(ln.text)))), None)
    names = Counter(
        m["name"] for b in blocks if (m := NAME_FIELD.search(squash("".join(b.preamble))))
    )
    department = names.most_common(1)[0][0] if names else _cover_name(lines, kind)
    years = Counter(int(y) for b in blocks for y in YEAR_FIELD.findall(squash("".join(b.preamble))))
    year = int(cover["year"]) if cover else (years.most_common(1)[0][0] if years else None)
    if not department or not year:
        raise DocumentError(document, "cannot tell which department and fiscal year it is for")
    supervising = _code_name(next((p.supervising_department for p in projects if p.supervising_department), None))
    unit_code = _code_name(next((p.budget_unit for p in projects if p.budget_unit), None))
    return DocumentInfo(
        department=department,
        supervising_department=supervising[1],
        supervising_code=supervising[0],
        department_code=unit_code[0],
        fiscal_year=year,
        kind=kind.name,
        scope=(cover["scope"] if cover and cover["scope"] else "部门"),
        unit=unit,
    )


def _cover_name(lines: list[Line], kind: Kind) -> str | None:
    """The department named on the cover: the text above the title, joined when the name
    wraps ("上海市普陀区规划和自然" / "资源局")."""
    above: list[str] = []
    for ln in lines[:COVER_LINES]:
        text = squash(ln.text)
        if kind.cover.search(text):
            return "".join(above) or None
        if text and not ln.is_row:
            above.append(text)
    return None


def _code_name(text: str | None) -> tuple[str | None, str | None]:
    """"200-山西省人民政府办公厅" -> ("200", "山西省人民政府办公厅")."""
    if not text:
        return None, None
    match = CODE_NAME.match(squash(text))
    return (match["code"], match["name"]) if match else (None, squash(text))


def _narrative_subjects(tables: dict[str, ParsedTable]) -> dict[str, str]:
    """Names the narrative may mention, mapped to quantity keys: 公开06's 经济分类 subjects."""
    subjects: dict[str, str] = {}
    basic = tables.get("公开06")
    for row in basic.rows if basic else []:
        if row.keys.get("code"):
            subjects.setdefault(row.keys["name"], f"economic:{row.keys['code']}")
    return subjects
