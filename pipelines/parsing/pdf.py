"""read_pdf: a PDF disclosure as the lines of its text form, so both paths share every parser.

1. A fast text pass (pdfium, `pdftext`) reads every page's characters and rules. A PDF
   without a usable text layer (a scan, or glyphs without Unicode) stops here, with the
   reason; nothing of it is loaded.
2. Tables are found by their titles (the text path's own `match_title`, and the
   绩效自评表 titles): a table runs from its title to the next title or part heading, and
   only those pages go through camelot.
3. camelot reads each table with the flavor its rules call for (lattice on the grid's vector
   rules when it has vertical rules; text flavors inside the horizontal rules otherwise),
   falling back to the next flavor while the result does not fit: a character printed
   across the grid's rows is missing from its cells, or the shared parser cannot read it
   as its template (a cell that is not an amount, a header that is not the template's).
4. Grids become tab-separated rows (`pdfgrid`), continued tables stitched; everything else
   on the pages becomes prose lines, wrapped lines joined back into paragraphs (`pdflines`).

Lines carry physical page numbers. The extractions say which flavor read which rows, with
camelot's parsing report (accuracy, whitespace).
"""

from __future__ import annotations

import os
import tempfile
from collections import Counter
from dataclasses import dataclass, field

from pipelines.model import DocumentError, ParsedTable
from pipelines.parsing import pdfgrid
from pipelines.parsing.kinds import refuse_unsupported
from pipelines.parsing.locate import locate_tables, match_title
from pipelines.parsing.pdfgrid import Flavor, Part
from pipelines.parsing.pdflines import assemble, toc_text
from pipelines.parsing.pdftext import PageText, PhysLine, open_document, read_pages, text_layer_problem
from pipelines.parsing.performance import is_project_title, parse_projects
from pipelines.parsing.sections import part_of
from pipelines.parsing.tables import SCOPES, parse_table, table_unit
from pipelines.parsing.templates import BY_ID
from pipelines.parsing.text import Line
from pipelines.raw import RawDocument

@dataclass
class Region:
    """Where a table is printed: from its title to the next title or part heading."""

    kind: str  # standard | project
    table_id: str | None
    title: PhysLine
    end: tuple[int, float]  # (page, baseline) of the next marker, excluded
    ruled: bool = False
    chain: tuple[Flavor, ...] = ()
    attempt: int = 0
    # each reading: (flavor, parts, rows as (page, top, cells), why it does not fit: None if it fits)
    tried: list[tuple[str, list[Part], list[tuple[int, float, list[str]]], str | None]] = field(default_factory=list)

    def holds(self, page: int, y: float) -> bool:
        return (self.title.page, -self.title.y) < (page, -y) < (self.end[0], -self.end[1])

    @property
    def flavor(self) -> Flavor:
        return self.chain[self.attempt]

    @property
    def result(self) -> tuple[list[Part], list[tuple[int, float, list[str]]]]:
        """The first reading that fits; none else: a reading that does not fit is never landed."""
        fitting = [t for t in self.tried if t[3] is None] or [("", [], [], None)]
        return fitting[0][1], fitting[0][2]

    @property
    def problem(self) -> str | None:
        """Why the table could not be read: every reading tried, with why it did not fit."""
        if any(t[3] is None for t in self.tried) or not any(t[1] for t in self.tried):
            return None  # read; or no grid at all: a title mentioned in prose
        return "no reading of the grid fits its template (" + "; ".join(f"{t[0]}: {t[3]}" for t in self.tried) + ")"


def read_pdf(raw: RawDocument, naive: bool = False) -> tuple[list[Line], list[dict]]:
    """The document's lines and extractions. `naive` reads every page with camelot's default
    lattice instead (the benchmark's baseline; the same lines for a ruled document)."""
    pdf = open_document(raw.data, raw.name)
    try:
        pages = read_pages(pdf)
    finally:
        pdf.close()
    problem = text_layer_problem(pages)
    if problem:
        raise DocumentError(raw.name, problem)
    refuse_unsupported(raw.name, [line.text for page in pages[:3] for line in page.lines()])
    regions = find_regions(pages)
    handle, path = tempfile.mkstemp(suffix=".pdf")
    try:
        with os.fdopen(handle, "wb") as f:
            f.write(raw.data)
        (read_every_page if naive else read_grids)(path, pages, regions)
    finally:
        os.unlink(path)
    return assemble(pages, regions)


# --- 2. where the tables are -------------------------------------------------------------


def find_regions(pages: list[PageText]) -> list[Region]:
    markers: list[tuple[str, str | None, PhysLine]] = []
    for page in pages:
        for line in page.lines():
            text = toc_text(line)
            if "\t" in text:
                continue
            if found := match_title(text):
                markers.append(("standard", found[0].table_id, line))
            elif is_project_title(text):
                markers.append(("project", None, line))
            elif part_of(text):
                markers.append(("part", None, line))
    end_of_document = (len(pages) + 1, 0.0)
    regions = []
    for k, (kind, table_id, line) in enumerate(markers):
        if kind == "part":
            continue
        end = (markers[k + 1][2].page, markers[k + 1][2].y) if k + 1 < len(markers) else end_of_document
        region = Region(kind, table_id, line, end)
        region.ruled = any(region.holds(p.number, (y0 + y1) / 2) for p in pages for _, y0, y1 in p.v_rules)
        ruled_at_all = region.ruled or any(region.holds(p.number, y) for p in pages for *_, y in p.h_rules)
        # no rule at all: a title mentioned in prose ("附件：二级项目绩效自评表"), not a grid
        region.chain = (pdfgrid.RULED_CHAIN if region.ruled else pdfgrid.UNRULED_CHAIN) if ruled_at_all else ()
        regions.append(region)
    return regions


def _pages_of(region: Region, pages: list[PageText]) -> list[PageText]:
    last = min(region.end[0], len(pages))
    return [p for p in pages[region.title.page - 1 : last]
            if any(region.holds(p.number, y) for *_, y in p.h_rules)
            or any(region.holds(p.number, (y0 + y1) / 2) for _, y0, y1 in p.v_rules)]


def _area(region: Region, page: PageText) -> str | None:
    """The table's area on a page without vertical rules: inside its horizontal rules."""
    rules = [(x0, x1, y) for x0, x1, y in page.h_rules if region.holds(page.number, y)]
    if len(rules) < 2:
        return None
    x0, x1 = min(r[0] for r in rules), max(r[1] for r in rules)
    top, bottom = max(r[2] for r in rules), min(r[2] for r in rules)
    return f"{x0 - 1:.2f},{top + 1:.2f},{x1 + 1:.2f},{bottom - 1:.2f}"


# --- 3. camelot, flavor by flavor ----------------------------------------------------------


def read_grids(path: str, pages: list[PageText], regions: list[Region]) -> None:
    pending = [r for r in regions if r.chain]
    while pending:
        for flavor in dict.fromkeys(r.flavor for r in pending):
            group = [r for r in pending if r.flavor == flavor]
            _read_with(path, flavor, group, pages)
        pending = [r for r in pending if r.tried[-1][3] is not None and r.attempt + 1 < len(r.chain)]
        for region in pending:
            region.attempt += 1


def read_every_page(path: str, pages: list[PageText], regions: list[Region]) -> None:
    """The baseline: camelot's default lattice (rendered pages) on every page, no fallback."""
    found = pdfgrid.extract(path, pdfgrid.LATTICE_DEFAULT, {p.number: {} for p in pages})
    for region in regions:
        parts = sorted((p for p in found if region.holds(p.page, p.top - 0.5)), key=lambda p: (p.page, -p.top))
        region.tried.append((pdfgrid.LATTICE_DEFAULT.label, parts, pdfgrid.stitch(parts), None))


def _read_with(path: str, flavor: Flavor, group: list[Region], pages: list[PageText]) -> None:
    args: dict[int, dict] = {}
    for region in group:
        for page in _pages_of(region, pages):
            if not flavor.text_based:
                args[page.number] = {}
            elif area := _area(region, page):
                args.setdefault(page.number, {"table_areas": []})["table_areas"].append(area)
    found = pdfgrid.extract(path, flavor, args)
    for region in group:
        parts = sorted((p for p in found if region.holds(p.page, p.top - 0.5)), key=lambda p: (p.page, -p.top))
        if flavor.text_based:
            parts = _text_parts(path, region, parts, pages)
        rows = pdfgrid.stitch(parts, first_columns=flavor.text_based) if parts else []
        region.tried.append((flavor.label, parts, rows, _misfit(region, rows, pages, parts) if parts else "no grid found"))


def _text_parts(path: str, region: Region, parts: list[Part], pages: list[PageText]) -> list[Part]:
    """Text flavors split a wrapped cell into rows: join them within their ruled band. The
    columns a text flavor finds on the first page are kept on the continuation pages."""
    if len(parts) > 1:
        columns = pdfgrid.separators(parts[0])
        args = {p.page: {"table_areas": [area], "columns": [columns]}
                for p in parts[1:] if (area := _area(region, pages[p.page - 1]))}
        parts = parts[:1] + pdfgrid.extract(path, pdfgrid.STREAM, args)
    joined = []
    for part in parts:
        page = pages[part.page - 1]
        x0, top, x1, bottom = (float(v) for v in _area(region, page).split(","))
        part.bbox = (x0 + 1, bottom + 1, x1 - 1, top - 1)  # the rules' extent: captions, notes outside
        rules = [y for a, b, y in page.h_rules if region.holds(page.number, y) and a < x1 and b > x0]
        joined.append(pdfgrid.join_bands(part, sorted({round(y, 1) for y in rules})))
    return joined


def _lost(part: Part, page: PageText) -> str:
    """Characters printed across the page between the grid's top and bottom that are in none
    of its cells: a column lost to a rule camelot missed, text cut off."""
    printed = Counter(ch.text for ch in page.chars
                      if part.bbox[1] <= ch.y + ch.size * 0.3 <= part.bbox[3] and not ch.text.isspace())
    read = Counter(ch for row in part.cells for cell in row for ch in cell if not ch.isspace())
    return "".join((printed - read).elements())


def _misfit(region: Region, rows, pages: list[PageText], parts: list[Part]) -> str | None:
    """Why the grid does not read as its template says, None if it does: all its text read,
    then the shared parsers decide."""
    for part in parts:
        if lost := _lost(part, pages[part.page - 1]):
            return f"page {part.page}: printed text in no cell ({lost[:20]})"
    lines = [Line(1, region.title.text, region.title.page)]
    first = parts[0]
    for page in pages[region.title.page - 1 : first.page]:
        for line in page.lines():
            if region.holds(page.number, line.y) and (page.number, -line.y) < (first.page, -first.top):
                lines.append(Line(len(lines) + 1, line.text, page.number))
    lines += [Line(len(lines) + 1 + i, "\t".join(cells), page) for i, (page, _, cells) in enumerate(rows)]
    try:
        if region.kind == "project":
            projects = parse_projects(lines, "fit")
            fits = len(projects) == 1 and (projects[0].annual_budget is not None or bool(projects[0].indicators))
            return None if fits else "not read as one 绩效自评表"
        blocks = [b for b in locate_tables(lines) if b.table_id == region.table_id]
        if len(blocks) != 1:
            return "no grid rows under the title"
        table = parse_table(blocks[0], "fit", table_unit(blocks[0]) or "万元")
        return None if _known_columns(table) else "a column or row the template does not know"
    except DocumentError as error:  # a misread grid: not this flavor's
        return error.problem.split(": ", 1)[-1]
    except (ValueError, IndexError, KeyError) as error:
        return f"{type(error).__name__}: {error}"


def _known_columns(table: ParsedTable) -> bool:
    """Every amount column read as one of the template's, and rows unless marked empty."""
    template = BY_ID[table.table_id]
    if not table.rows:
        return table.empty
    if template.layout == "two_sided":
        names = {side: {c.name for c in cols} for side, cols in template.side_columns.items()}
        return all(n in names[r.keys["side"]] for r in table.rows for n in r.cells)
    names = {c.name for c in template.columns}
    if template.layout == "three_public":
        scopes = set(SCOPES.values())
        return all(r.keys["item"] in names and set(r.cells) == scopes for r in table.rows)
    return all(n in names for r in table.rows for n in r.cells)
