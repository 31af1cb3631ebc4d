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
import re
import tempfile
from collections import Counter
from dataclasses import dataclass, field, replace

from pipelines.model import CellFlag, DocumentError, ParsedTable
from pipelines.parsing import pdfgrid
from pipelines.parsing.kinds import refuse_template
from pipelines.parsing.locate import locate_tables, match_title
from pipelines.parsing.pdfgrid import Flavor, Part
from pipelines.parsing.pdfink import inked_blank_cells
from pipelines.parsing.pdflines import assemble, toc_text
from pipelines.parsing.pdftext import PageText, PhysLine, group_lines, open_document, read_pages, text_layer_problem
from pipelines.parsing.performance import is_project_title, parse_projects
from pipelines.parsing.sections import part_of
from pipelines.parsing.grid import FIGURE, TOTAL_LABELS
from pipelines.parsing.layouts import parse_table
from pipelines.parsing.tables import EMPTY_MARK, SCOPES, table_unit
from pipelines.parsing.templates import BY_ID
from pipelines.parsing.text import Line, squash
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
    text_areas: dict[int, str | None] = field(default_factory=dict)  # page -> its block without rules (cached)

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
    refuse_template(raw.name, [line.text for page in pages[:3] for line in page.lines()])
    regions = find_regions(pages)
    handle, path = tempfile.mkstemp(suffix=".pdf")
    try:
        with os.fdopen(handle, "wb") as f:
            f.write(raw.data)
        (read_every_page if naive else read_grids)(path, pages, regions)
    finally:
        os.unlink(path)
    if inked := inked_blank_cells(raw.data, [p for r in regions for p in r.result[0]]):
        pages_named = ", ".join(f"page {n} ({k} cells)" for n, k in sorted(inked.items()))
        raise DocumentError(raw.name, f"the text layer is damaged: table cells print ink but hold no text on "
                                      f"{pages_named}; a font without a Unicode map or figures drawn as outlines "
                                      "would land as blanks")
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
        # no rule at all: a grid printed by alignment, or a title mentioned in prose (no figures)
        region.chain = (pdfgrid.RULED_CHAIN if region.ruled else pdfgrid.UNRULED_CHAIN) if ruled_at_all else (
            pdfgrid.ALIGNED_CHAIN if any(_text_area(region, p) for p in _region_pages(region, pages)) else ())
        regions.append(region)
    return regions


def _region_pages(region: Region, pages: list[PageText]) -> list[PageText]:
    return pages[region.title.page - 1 : min(region.end[0], len(pages))]


def _pages_of(region: Region, pages: list[PageText]) -> list[PageText]:
    return [p for p in _region_pages(region, pages)
            if any(region.holds(p.number, y) for *_, y in p.h_rules)
            or any(region.holds(p.number, (y0 + y1) / 2) for _, y0, y1 in p.v_rules)
            or (not region.ruled and _text_area(region, p))]


def _area(region: Region, page: PageText) -> str | None:
    """The table's area on a page without vertical rules: inside its horizontal rules; with
    no rule at all, around its printed block."""
    rules = [(x0, x1, y) for x0, x1, y in page.h_rules if region.holds(page.number, y)]
    if len(rules) < 2:
        return _text_area(region, page)
    x0, x1 = min(r[0] for r in rules), max(r[1] for r in rules)
    top, bottom = max(r[2] for r in rules), min(r[2] for r in rules)
    return f"{x0 - 1:.2f},{top + 1:.2f},{x1 + 1:.2f},{bottom - 1:.2f}"


PREAMBLE = re.compile(r"(?:名称|单位)[：:]|^(?:公开\s*\d{1,2}\s*表|附?表\s*\d{1,2}|\d{4}\s*年度?)$")
NOTE = re.compile(r"^\s*(?:注|说明)\s*[：:]")
ENDS_WITH_FIGURE = re.compile(rf"(?:{FIGURE.pattern})$")


def _text_area(region: Region, page: PageText) -> str | None:
    """A table printed without rules: the block of lines under its title and 部门名称 /
    金额单位 lines, down to its 注 or the next title; a grid only if rows print figures.
    Asked for by every flavor: worked out once per page."""
    if page.number not in region.text_areas:
        region.text_areas[page.number] = _block_area(region, page)
    return region.text_areas[page.number]


def _block_area(region: Region, page: PageText) -> str | None:
    block, notes = [], []
    for line in page.lines():
        if not region.holds(page.number, line.y) or page.is_margin(line):
            continue
        if notes or NOTE.match(line.text):
            notes.append(line.text)
        elif block or not PREAMBLE.search(line.text.strip()):
            block.append(line)
    figures = sum(1 for ln in block if any(ENDS_WITH_FIGURE.search(r.text) for r in ln.runs))
    marked_empty = any(EMPTY_MARK.search(squash(t)) for t in notes) and any(
        squash(ln.runs[0].text) in TOTAL_LABELS for ln in block)  # 本表无数据 under a 合计 row
    if not figures and not marked_empty:
        return None
    x0, x1 = min(ln.x0 for ln in block), max(ln.x1 for ln in block)
    top, bottom = max(ln.y + ln.size for ln in block), min(ln.y for ln in block) - 0.4 * block[-1].size
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
            elif (area := _area(region, page)) and (columns := _columns(flavor, page, area)) is not None:
                page_args = args.setdefault(page.number, {"table_areas": []})
                page_args["table_areas"].append(area)
                if flavor.aligned:
                    page_args.setdefault("columns", []).append(columns)
    found = pdfgrid.extract(path, flavor, args)
    for region in group:
        parts = sorted((p for p in found if region.holds(p.page, p.top - 0.5)), key=lambda p: (p.page, -p.top))
        if flavor.text_based:
            parts = _text_parts(path, region, parts, pages)
        else:  # camelot's grid, each glyph in the cell it is printed in
            parts = [pdfgrid.refill(p, pages[p.page - 1].chars) for p in parts]
        fold = flavor.text_based and region.kind == "standard"  # a 绩效自评表's cells are irregular
        rows = pdfgrid.stitch(parts, first_columns=flavor.text_based, fold=fold) if parts else []
        misfit = _misfit(region, rows, pages, parts) if parts else "no grid found"
        region.tried.append((flavor.label, parts, rows, misfit))
        if misfit and parts and flavor.text_based:  # the same columns, cells from the text layer
            parts = [replace(pdfgrid.refill(p, pages[p.page - 1].chars), flavor=f"{flavor.label}+text") for p in parts]
            rows = pdfgrid.stitch(parts, first_columns=flavor.text_based, fold=fold)
            region.tried.append((f"{flavor.label}+text", parts, rows, _misfit(region, rows, pages, parts)))


def _text_parts(path: str, region: Region, parts: list[Part], pages: list[PageText]) -> list[Part]:
    """Text flavors split a wrapped cell into rows: join them within their ruled band. The
    columns a text flavor finds on the first page are kept on the continuation pages."""
    if len(parts) > 1:
        columns = pdfgrid.separators(parts[0])
        args = {p.page: {"table_areas": [area], "columns": [columns]}
                for p in parts[1:] if (area := _area(region, pages[p.page - 1]))}
        parts = parts[:1] + [replace(p, flavor=parts[0].flavor) for p in pdfgrid.extract(path, pdfgrid.STREAM, args)]
    joined = []
    for part in parts:
        page = pages[part.page - 1]
        x0, top, x1, bottom = (float(v) for v in _area(region, page).split(","))
        part.bbox = (x0 + 1, bottom + 1, x1 - 1, top - 1)  # the rules' extent: captions, notes outside
        rules = [(a, b, y) for a, b, y in page.h_rules if region.holds(page.number, y) and a < x1 and b > x0]
        joined.append(pdfgrid.join_bands(part, rules) if len({round(y, 1) for *_, y in rules}) >= 2
                      else pdfgrid.align_rows(part))
    return joined


def _columns(flavor: Flavor, page: PageText, area: str) -> str | None:
    """The columns an aligned flavor gives camelot on this page ("" for camelot's own; None:
    this flavor has nothing to go on here)."""
    if not flavor.aligned:
        return ""
    if flavor.aligned == "numbered":
        return pdfgrid.numbered_columns(_inside(page, area))
    glyphs = _inside(page, area, "figures" if flavor.aligned == "figures" else "lines")
    return pdfgrid.aligned_columns(glyphs, spanning=flavor.aligned != "below") or ""


def _inside(page: PageText, area: str, lines_of: str = "") -> list:
    """The glyphs of a table area ("x0,top,x1,bottom"); with `lines_of` "lines", those of
    all its lines but the 栏次 line (its numbers stand centred, apart from the right-aligned
    figures below); with "figures", those of its lines that print a figure (a long spanning
    header label would bridge two columns)."""
    x0, top, x1, bottom = (float(v) for v in area.split(","))
    chars = [ch for ch in page.chars if x0 <= (ch.x0 + ch.x1) / 2 <= x1 and bottom <= ch.y + ch.size * 0.3 <= top]
    if not lines_of:
        return chars
    lines = [ln for ln in group_lines(page.number, chars) if "栏次" not in ln.text
             and (lines_of == "lines" or any(ENDS_WITH_FIGURE.search(r.text) for r in ln.runs))]
    return [ch for ch in chars if any(abs(ch.y - ln.y) <= ln.size * 0.2 for ln in lines)]


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
            if len(projects) != 1 or (projects[0].annual_budget is None and not projects[0].indicators):
                return "not read as one 绩效自评表"
            return _project_misfit(projects[0])
        blocks = [b for b in locate_tables(lines) if b.table_id == region.table_id]
        if len(blocks) != 1:
            return "no grid rows under the title"
        table = parse_table(blocks[0], "fit", table_unit(blocks[0]) or "万元")
        if not _known_columns(table):
            return "a column or row the template does not know"
        return _amounts_differ(table, rows, parts, pages)
    except DocumentError as error:  # a misread grid: not this flavor's
        return error.problem.split(": ", 1)[-1]
    except (ValueError, IndexError, KeyError) as error:
        return f"{type(error).__name__}: {error}"


def _amounts_differ(table: ParsedTable, rows, parts: list[Part], pages: list[PageText]) -> str | None:
    """No landed figure that the grid does not print: with `_lost` (every printed glyph is in
    a cell), `clean_name` (no figure inside a label) and `parse_cell` (an amount cell holds
    one amount and nothing else), every amount printed in the grid is in exactly one landed
    cell. A cell read twice (a span copied, a continuation page stitched twice) fails here."""
    printed: Counter[str] = Counter()
    for part in parts:
        printed.update(ch.text for ch in pages[part.page - 1].chars if ch.text.isdigit()
                       and part.bbox[0] <= (ch.x0 + ch.x1) / 2 <= part.bbox[2]
                       and part.bbox[1] <= ch.y + ch.size * 0.3 <= part.bbox[3])
    landed = Counter(d for r in table.rows for c in r.cells.values() if c.flag is CellFlag.VALUE
                     for d in c.raw if d.isdigit())
    if extra := landed - printed:
        return f"landed digits the grid does not print ({''.join(sorted(extra.elements()))[:40]}): a cell read twice"
    in_grid = Counter(cell for _, _, cells in rows for cell in cells if FIGURE.fullmatch(cell))
    landed_amounts = Counter(c.raw for r in table.rows for c in r.cells.values()
                             if c.flag is CellFlag.VALUE and FIGURE.fullmatch(c.raw))
    if lost := in_grid - landed_amounts:
        return f"figures of the grid in no landed cell ({' '.join(sorted(lost.elements()))[:60]}): a row read wrong"
    return None


def _project_misfit(project) -> str | None:
    """A 绩效自评表 read on the wrong columns puts its funds in the wrong fields, or none: every
    one prints them, and they must hold together (全年预算数 − 全年执行数 = 结余, within a cent of a 万元 figure)."""
    if project.supervising_department and project.supervising_department == project.budget_unit:
        return "the 主管部门 and 预算单位 cells are read as one"
    annual, executed, balance, rate = project.annual_budget, project.executed, project.balance, project.execution_rate
    if annual is None or executed is None:
        return "the 资金总额 row is not read as 全年预算数 and 全年执行数"
    if balance is None and rate is None:
        return "the 资金总额 row is read with neither 结余 nor 执行率"
    if balance is not None and abs(annual - executed - balance) > 100:
        return f"the 资金总额 row does not hold together ({annual} − {executed} ≠ {balance} 元)"
    if rate is not None and annual and abs(executed * 100 / annual - rate) > 1:
        return f"the 资金总额 row does not hold together ({executed} / {annual} ≠ {rate}%)"
    return None


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
        scopes = {template.scope} if template.scope else set(SCOPES.values())
        return all(r.keys["item"] in names and set(r.cells) == scopes for r in table.rows)
    return all(n in names for r in table.rows for n in r.cells)
