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
import re
import warnings
from dataclasses import dataclass

import camelot

from pipelines.parsing.grid import SECTION_HEADING, TOTAL_LABELS, is_column_number_row, is_number
from pipelines.parsing.pdftext import group_lines

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
    # stream on the columns the printed text's alignment gives (no vertical rules): from the
    # lines of the header and the figures ("lines"), or of the figures alone ("figures")
    aligned: str = ""

    @property
    def label(self) -> str:
        engine = dict(self.options).get("engine")
        return f"{self.name}:{engine}" if engine else f"{self.name}:aligned-{self.aligned}" if self.aligned else self.name

    @property
    def text_based(self) -> bool:
        return self.name in ("stream", "network", "hybrid")


LATTICE_VECTOR = Flavor("lattice", (("engine", "vector"),))  # the grid's own vector rules: no rendering
LATTICE_RASTER = Flavor("lattice", (("engine", "combined"),))  # rendered page + vector rules
NETWORK, STREAM, HYBRID = Flavor("network"), Flavor("stream"), Flavor("hybrid")
LATTICE_DEFAULT = Flavor("lattice")  # camelot's defaults (the benchmark's naive baseline)
NUMBERED = Flavor("stream", aligned="numbered")  # the 栏次 row's numbers, one centred in each column
ALIGNED = Flavor("stream", aligned="lines")  # every line's text but the 栏次 numbers
ALIGNED_BELOW = Flavor("stream", aligned="below")  # the same, no caption spanning two columns
ALIGNED_FIGURES = Flavor("stream", aligned="figures")  # the lines that print figures
# Tried in order until a result fits the table's template.
RULED_CHAIN = (LATTICE_VECTOR, LATTICE_RASTER, HYBRID, NETWORK, STREAM)
UNRULED_CHAIN = (NUMBERED, ALIGNED, ALIGNED_BELOW, ALIGNED_FIGURES, NETWORK, STREAM, HYBRID, LATTICE_RASTER)  # h-rules only
ALIGNED_CHAIN = (NUMBERED, ALIGNED, ALIGNED_BELOW, ALIGNED_FIGURES, NETWORK, STREAM, HYBRID)  # no rule at all


def aligned_columns(chars, spanning: bool = True) -> str | None:
    """Column separators of a table printed without vertical rules, from where its text
    stands, as camelot's `columns`: the gaps between the pieces of text (figures, labels).
    Without `spanning`, lines are taken from the bottom up, so the figures' columns come
    first and a header label that stands over two of them (a spanning caption,
    公务用车购置及运行维护费 over 小计 | 购置费 | 运行维护费) is left out instead of joining
    them; with it, every piece counts (a label centred in its column, away from the
    right-aligned figures, then still joins them)."""
    spans: list[list[float]] = []
    pieces = _pieces(chars)
    for line in sorted(group_lines(0, chars), key=lambda ln: ln.y):
        members = [p for p in pieces if abs(p[0].y - line.y) <= line.size * 0.2]
        for piece in members:
            x0, x1 = piece[0].x0, piece[-1].x1
            touched = [s for s in spans if x0 <= s[1] + 1.0 and x1 >= s[0] - 1.0]
            if len(touched) > 1 and not spanning:
                continue
            if len(touched) > 1:
                for other in touched[1:]:
                    touched[0][0], touched[0][1] = min(touched[0][0], other[0]), max(touched[0][1], other[1])
                    spans.remove(other)
            if touched:
                touched[0][0], touched[0][1] = min(touched[0][0], x0), max(touched[0][1], x1)
            else:
                spans.append([x0, x1])
    spans.sort()
    edges = [(a[1] + b[0]) / 2 for a, b in zip(spans, spans[1:])]
    return ",".join(f"{x:.2f}" for x in edges) or None


def numbered_columns(chars) -> str | None:
    """Column separators from the 栏次 row (1 | 2 | 3 …), which prints one number centred in
    every amount column, blank ones too: halfway between neighbouring numbers; the label
    columns to their left as `aligned_columns` finds them. None without such a row."""
    pieces = _pieces(chars)
    for line in group_lines(0, chars):
        numbers = [p for p in pieces if abs(p[0].y - line.y) <= line.size * 0.2
                   and re.fullmatch(r"\d{1,2}", "".join(ch.text for ch in p))]
        if len(numbers) < 2 or not is_column_number_row(["".join(ch.text for ch in p) for p in numbers]):
            continue
        centres = sorted((p[0].x0 + p[-1].x1) / 2 for p in numbers)
        pitch = min(b - a for a, b in zip(centres, centres[1:]))
        left = centres[0] - pitch / 2
        labels = [ch for ch in chars if (ch.x0 + ch.x1) / 2 < left]
        edges = [float(x) for x in (aligned_columns(labels, spanning=False) or "").split(",") if x]
        edges = [x for x in edges if x < left] + [left] + [(a + b) / 2 for a, b in zip(centres, centres[1:])]
        return ",".join(f"{x:.2f}" for x in edges)
    return None


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
    # lattice only: (has a left rule, has a top rule) of each cell; a merged cell lacks the
    # rules inside its span
    edges: list[list[tuple[bool, bool]]] | None = None

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
    edges = [[(c.left, c.top) for c in row] for row in table.cells] if flavor.name == "lattice" else None
    return Part(table.page, (x0, bottom, x1, top), [tuple(map(float, c)) for c in table.cols],
                [tuple(map(float, r)) for r in table.rows], cells, flavor.label,
                float(report["accuracy"]), float(report["whitespace"]), edges)


def refill(part: Part, chars) -> Part:
    """The lattice grid's cells filled again from the text layer: each printed glyph goes to
    the cell its middle lies in (the top-left cell of a merged span, as camelot's shift_text
    does). camelot assigns whole text lines to cells, so a right-aligned figure and the label
    printed just after it in the next cell come out as one cell ("1541.75 一、一般公共服务支出");
    the glyphs' own positions never do that."""
    texts: list[list[list]] = [[[] for _ in part.cols] for _ in part.rows]
    for piece in [[ch] for ch in chars] if part.edges else _pieces(chars):
        x, y = _anchor_x(piece), piece[0].y + piece[0].size * 0.3
        r = next((i for i, (top, bottom) in enumerate(part.rows) if bottom <= y <= top), None)
        c = next((i for i, (left, right) in enumerate(part.cols) if left <= x <= right), None)
        if r is None or c is None:
            continue
        while part.edges and c > 0 and not part.edges[r][c][0]:
            c -= 1
        while part.edges and r > 0 and not part.edges[r][c][1]:
            r -= 1
        texts[r][c].extend(piece)
    cells = [[_glyph_text(glyphs) for glyphs in row] for row in texts]
    return Part(part.page, part.bbox, part.cols, part.rows, cells, part.flavor, part.accuracy,
                part.whitespace, part.edges)


# Where a figure meets a word with no gap wide enough to tell: "1541.75一、一般公共服务支出"
# (a right-aligned figure and the next cell's label), "工资福利支出593.26". A figure never
# shares a cell with words in these tables.
FIGURE_EDGE = re.compile(r"(?<=\d\.\d\d)(?=[^\d\s%％])|(?<=[^\d\s.,，、（(-])(?=\d[\d,]*\.\d\d(?!\d))")


def _pieces(chars) -> list[list]:
    """Without rules a cell is known only by where its text stands: glyphs printed together
    (a label wider than its column, a figure) stay together."""
    pieces = []
    for line in group_lines(0, chars):
        members = sorted((ch for ch in chars if abs(ch.y - line.y) <= line.size * 0.2), key=lambda ch: ch.x0)
        for run in line.runs:
            glyphs = [ch for ch in members if run.x0 <= ch.x0 and ch.x1 <= run.x1]
            text = "".join(ch.text for ch in glyphs)
            cuts = [0, *(m.start() for m in FIGURE_EDGE.finditer(text)), len(glyphs)]
            pieces += [glyphs[a:b] for a, b in zip(cuts, cuts[1:])]
    return [p for p in pieces if p]


def _anchor_x(piece) -> float:
    """Where a piece of text belongs: a glyph by its middle; a figure (right-aligned) by its
    right edge, a label (left-aligned) by its left edge."""
    if len(piece) == 1:
        return (piece[0].x0 + piece[0].x1) / 2
    text = "".join(ch.text for ch in piece)
    return piece[-1].x1 - 1 if is_number(text) else piece[0].x0 + 1


def _glyph_text(glyphs) -> str:
    """A cell's glyphs in reading order, its wrapped lines joined as `_cell` joins them. Only
    printed spaces are kept: the gap a word processor leaves between Chinese and Latin text
    ("≥300 人") is layout, not a character."""
    return "".join("".join(r.text for r in line.runs).strip() for line in group_lines(0, glyphs)).strip()


def _cell(text: str) -> str:
    return "".join(line.strip() for line in text.split("\n")).strip()


def join_bands(part: Part, rules: list[tuple[float, float, float]]) -> Part:
    """Rows a text flavor split inside one band between two horizontal rules (a wrapped
    cell) joined into one row; a band with no text is an empty row, as printed. A rule is
    drawn only under the cells it closes (x0, x1, y): where a column has no rule between two
    bands, its cell spans both (a merged header cell) and its text goes to the top one, as
    camelot's shift_text does on a ruled grid."""
    ys = sorted({round(y, 1) for *_, y in rules}, reverse=True)
    if len(ys) < 2:
        return part
    centres = [(left + right) / 2 for left, right in part.cols]
    closes = [{round(y, 1) for x0, x1, y in rules if x0 - 1 <= centre <= x1 + 1} for centre in centres]
    out: list[list[str]] = [[""] * len(part.cols) for _ in range(len(ys) - 1)]
    for (top, bottom), row in zip(part.rows, part.cells):
        middle = (top + bottom) / 2
        band = next((k for k in range(len(out)) if ys[k + 1] <= middle <= ys[k]), None)
        if band is None:
            continue
        for c, text in enumerate(row):
            k = band
            while k > 0 and ys[k] not in closes[c]:
                k -= 1
            out[k][c] += text
    bands = [(ys[k], ys[k + 1]) for k in range(len(out))]
    return Part(part.page, part.bbox, part.cols, bands, out, part.flavor, part.accuracy, part.whitespace)


def align_rows(part: Part) -> Part:
    """A grid printed without any rule, read by a text flavor one text line a row: the header
    lines stacked into one header row per column (a wrapped label "上级补" / "助收入" is one
    label, a spanning one stands on top of its column's: "本年支出基本支出"), and each data
    line that prints no figure, code or total (a wrapped name) joined to the nearest line that
    does, when it is closer to it than rows are to each other."""
    lines = [((top + bottom) / 2, top, bottom, cells) for (top, bottom), cells in zip(part.rows, part.cells)]
    start = next((i for i, (*_, cells) in enumerate(lines)
                  if (_anchor(cells) and not is_column_number_row(cells)) or _section(cells)), len(lines))
    header = [cells for *_, cells in lines[:start] if not is_column_number_row(cells)]
    numbering = [line for line in lines[:start] if is_column_number_row(line[3])]
    out = []
    if header:
        stacked = ["".join(cells[c] for cells in header) for c in range(len(part.cols))]
        out.append((lines[0][0], lines[0][1], lines[len(header) - 1][2], stacked))
    out += numbering
    data = lines[start:]
    anchors = [k for k, (*_, cells) in enumerate(data) if _anchor(cells)]
    gaps = sorted(data[a][0] - data[b][0] for a, b in zip(anchors, anchors[1:]))
    pitch = gaps[len(gaps) // 2] if gaps else 0.0
    merged = {k: [data[k]] for k in anchors}
    for k, line in enumerate(data):
        if k in merged:
            continue
        nearest = min(anchors, key=lambda a: abs(data[a][0] - line[0]), default=None)
        if nearest is not None and abs(data[nearest][0] - line[0]) < 0.9 * pitch:
            merged[nearest].append(line)
        else:
            merged[k] = [line]
    for k in sorted(merged):
        group = sorted(merged[k], key=lambda line: -line[0])
        cells = ["".join(line[3][c] for line in group) for c in range(len(part.cols))]
        out.append((group[0][0], group[0][1], group[-1][2], cells))
    return Part(part.page, part.bbox, part.cols, [(top, bottom) for _, top, bottom, _ in out],
                [cells for *_, cells in out], part.flavor, part.accuracy, part.whitespace)


def _section(cells: list[str]) -> bool:
    """A section heading inside a table (一、政府采购情况): data, not header."""
    printed = [c for c in cells if c.strip()]
    return len(printed) == 1 and printed[0] == cells[0] and bool(SECTION_HEADING.match(cells[0]))


def _anchor(cells: list[str]) -> bool:
    """A line that holds a row: it prints a figure, a code, a line number or a total."""
    first = next((c for c in cells if c.strip()), "")
    return any(is_number(c) for c in cells) or "".join(first.split()) in TOTAL_LABELS


def stitch(parts: list[Part], first_columns: bool = False, fold: bool = False) -> list[tuple[int, float, list[str]]]:
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
    if fold:
        rows = _fold(rows)
    return rows


def _fold(rows: list[tuple[int, float, list[str]]]) -> list[tuple[int, float, list[str]]]:
    """Neighbouring columns that no row prints in both, and not only header labels, are one
    column. A text flavor sees the columns where text stands, so a header label centred over
    a wide column and the left-aligned codes or labels under it (类 over 208, 项目 over
    一、财政拨款收入) come out as two columns when they do not overlap. Two columns with
    nothing under their labels (an empty table's) stay apart: labels on rows of their own
    are a header's rows, not one column's."""
    if not rows:
        return rows
    start = next((i for i, (_, _, cells) in enumerate(rows) if _anchor(cells) and not is_column_number_row(cells)),
                 len(rows))
    body = [cells for _, _, cells in rows[start:] if not is_column_number_row(cells)]
    groups = [[0]]
    for c in range(1, len(rows[0][2])):
        both = any(cells[c] and any(cells[k] for k in groups[-1]) for _, _, cells in rows)
        data = any(cells[k] for cells in body for k in (*groups[-1], c))
        if both or not data:
            groups.append([c])
        else:
            groups[-1].append(c)
    if len(groups) == len(rows[0][2]):
        return rows
    return [(page, top, ["".join(cells[k] for k in group) for group in groups]) for page, top, cells in rows]


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
