"""Grids from camelot, in the text form's terms.

camelot reads a grid as rows of cells; here they become the text form's rows: a cell's
wrapped lines joined ("上级补\n助收入" -> "上级补助收入"; the renderer and real exports break
lines inside words, never at a space), merged cells as the label at the left of its span
with blanks beside (camelot's default shift_text=['l', 't'] puts a spanning cell's text in
its top-left cell, which is that convention; copy_text stays off, since copying would
invent cells the text form leaves blank), rows split by a text flavor inside one ruled band
joined again, and the parts of a table continued over pages put on one set of columns,
with the header rows a continuation page repeats dropped.
"""

from __future__ import annotations

import logging
import warnings
from dataclasses import dataclass

import camelot

# camelot logs a warning for every page without a table; the reader reports what matters
logging.getLogger("camelot").setLevel(logging.ERROR)

EDGE_TOL = 2.0  # points: column edges closer than this are one edge
# Glyphs more than half a character apart are not one text line: adjacent cells (a
# right-aligned figure, then the next cell's label) stay apart. camelot's split_text would
# split such lines instead, but drops the text of a merged cell that way. No vertical text:
# a label wrapped one character a line in a narrow column ("得\n分") is not vertical writing.
LAYOUT = {"char_margin": 0.5, "detect_vertical": False}


@dataclass(frozen=True)
class Flavor:
    name: str  # camelot flavor
    options: tuple[tuple[str, object], ...] = ()

    @property
    def label(self) -> str:
        engine = dict(self.options).get("engine")
        return f"{self.name}:{engine}" if engine else self.name

    @property
    def text_based(self) -> bool:
        return self.name in ("stream", "network", "hybrid")


LATTICE_VECTOR = Flavor("lattice", (("engine", "vector"),))  # the grid's own vector rules: no rendering
LATTICE_RASTER = Flavor("lattice", (("engine", "combined"),))  # rendered page + vector rules
NETWORK, STREAM, HYBRID = Flavor("network"), Flavor("stream"), Flavor("hybrid")
LATTICE_DEFAULT = Flavor("lattice")  # camelot's defaults (the benchmark's naive baseline)
# Tried in order until a result fits the table's template.
RULED_CHAIN = (LATTICE_VECTOR, LATTICE_RASTER, HYBRID, NETWORK, STREAM)
UNRULED_CHAIN = (NETWORK, STREAM, HYBRID, LATTICE_RASTER)


@dataclass
class Part:
    """One grid camelot found on one page."""

    page: int
    bbox: tuple[float, float, float, float]  # x0, bottom, x1, top (PDF points, y up)
    cols: list[tuple[float, float]]
    rows: list[tuple[float, float]]  # (top, bottom) of each row
    cells: list[list[str]]
    flavor: str
    accuracy: float
    whitespace: float

    @property
    def top(self) -> float:
        return self.bbox[3]


def extract(path: str, flavor: Flavor, pages: dict[int, dict]) -> list[Part]:
    """One camelot call over `pages` (page -> that page's own arguments, e.g. table_areas)."""
    if not pages:
        return []
    per_page = {p: kw for p, kw in pages.items() if kw}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tables = camelot.read_pdf(
            path, pages=",".join(str(p) for p in sorted(pages)), flavor=flavor.name,
            suppress_stdout=True, per_page=per_page or None, layout_kwargs=LAYOUT, **dict(flavor.options),
        )
    return [_part(t, flavor) for t in tables]


def _part(table, flavor: Flavor) -> Part:
    report = table.parsing_report
    cells = [[_cell(text) for text in row] for row in table.data]
    x0, bottom, x1, top = (float(v) for v in table._bbox)
    return Part(table.page, (x0, bottom, x1, top), [tuple(map(float, c)) for c in table.cols],
                [tuple(map(float, r)) for r in table.rows], cells, flavor.label,
                float(report["accuracy"]), float(report["whitespace"]))


def _cell(text: str) -> str:
    return "".join(line.strip() for line in text.split("\n")).strip()


def join_bands(part: Part, rules: list[float]) -> Part:
    """Rows a text flavor split inside one band between two horizontal rules (a wrapped
    cell) joined into one row; a band with no text is an empty row, as printed."""
    if len(rules) < 2:
        return part
    rules = sorted(rules, reverse=True)
    out: list[list[str]] = [[""] * len(part.cols) for _ in range(len(rules) - 1)]
    for (top, bottom), row in zip(part.rows, part.cells):
        middle = (top + bottom) / 2
        band = next((k for k in range(len(out)) if rules[k + 1] <= middle <= rules[k]), None)
        if band is None:
            continue
        out[band] = [a + b for a, b in zip(out[band], row)]
    rows = [(rules[k], rules[k + 1]) for k in range(len(out))]
    return Part(part.page, part.bbox, part.cols, rows, out, part.flavor, part.accuracy, part.whitespace)


def stitch(parts: list[Part], first_columns: bool = False) -> list[tuple[int, float, list[str]]]:
    """The rows of a table printed over several grids, as (page, row top, cells), on the
    columns of all of them (of the first, when the others were read on its columns): a cell
    wider than a column (a merge, or a page whose rows merge more) keeps its text in its
    leftmost column; header rows repeated at the top of a continuation are dropped."""
    edges = _edges(parts[:1] if first_columns else parts)
    rows: list[tuple[int, float, list[str]]] = []
    first: list[list[str]] = []
    for k, part in enumerate(parts):
        mapped = [_on_edges(row, part.cols, edges) for row in part.cells]
        tops = [top for top, _ in part.rows]
        start = 0
        if k == 0:
            first = mapped
        else:
            while start < min(len(mapped), len(first)) and mapped[start] == first[start] and any(mapped[start]):
                start += 1
        rows += [(part.page, tops[i], mapped[i]) for i in range(start, len(mapped))]
    if first_columns:  # a text flavor may see a column where nothing is printed: none was
        keep = [i for i in range(len(edges) - 1) if any(cells[i] for _, _, cells in rows)]
        rows = [(page, top, [cells[i] for i in keep]) for page, top, cells in rows]
    return rows


def _edges(parts: list[Part]) -> list[float]:
    xs = sorted(x for p in parts for col in p.cols for x in col)
    edges: list[float] = []
    for x in xs:
        if not edges or x - edges[-1] > EDGE_TOL:
            edges.append(x)
    return edges


def _on_edges(row: list[str], cols: list[tuple[float, float]], edges: list[float]) -> list[str]:
    out = [""] * (len(edges) - 1)
    for text, (left, _) in zip(row, cols):
        index = min(range(len(edges) - 1), key=lambda i: abs(edges[i] - left))
        out[index] = text
    return out


def separators(part: Part) -> str:
    """The inner column edges of a part, as camelot's `columns` argument."""
    return ",".join(f"{left:.2f}" for left, _ in part.cols[1:])
