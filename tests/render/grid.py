"""Typesetting one grid: merged cells, column widths, wrapped cells, page breaks, rules.

Merges are read back from the text form's convention (a merged cell is printed once, at the
left of its span, with blanks beside and below): a header label spans the blanks to its right
that stand over labels of the row below, and the blanks under it down to the last label row;
a section row (one label, the rest blank) spans the whole row; a row label such as 合计 spans
the blanks of the header group it stands under; in a project table a long text spans the
blanks beside it. Only blank cells are ever merged, so whatever a reader makes of a merge it
can only give back the text form's cells.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tests.render.canvas import Writer, width, wrap
from tests.render.structure import Grid

NUMBERISH = re.compile(r"^[-+]?[\d,]+(?:\.\d+)?%?$|^[-－—–]+$")
PAD = 5.0  # left and right of a cell's text
VPAD = 2.5  # above and below it


@dataclass(frozen=True)
class GridStyle:
    # grid: every cell ruled, merged header cells, labels centred (a spreadsheet export);
    # rows: horizontal rules only, no merges, text left and top aligned (a word processor)
    rules: str = "grid"
    size: float = 9.0
    cap_em: float = 12.0  # widest a text column grows before its text wraps
    repeat_header: bool = False  # print the header rows again on each continuation page
    fill: bool = True  # widen the columns to the page width (narrow ones keep cap_em)

    @property
    def leading(self) -> float:
        return self.size * 1.35


def _column_numbers(row: list[str]) -> bool:
    values = [c for c in row if c and c != "栏次"]
    return bool(values) and all(v.isdigit() for v in values) and [int(v) for v in values] == list(
        range(int(values[0]), int(values[0]) + len(values))
    )


def header_count(grid: Grid) -> int:
    """Leading rows without figures, plus the 栏次 row that numbers the columns."""
    if grid.kind != "standard":
        return 0
    n = 0
    while n < len(grid.rows) and not any(NUMBERISH.match(c) for c in grid.rows[n] if c):
        n += 1
    if n < len(grid.rows) and n and _column_numbers(grid.rows[n]):
        n += 1
    return n


class _Spanner:
    """Works out the merges of one grid (see the module docstring)."""

    def __init__(self, grid: Grid, ncols: int, style: GridStyle):
        self.rows = [r + [""] * (ncols - len(r)) for r in grid.rows]
        self.ncols, self.kind, self.style = ncols, grid.kind, style
        self.n_head = header_count(grid)
        last = self.rows[self.n_head - 1] if self.n_head else []
        self.labels_end = self.n_head - 1 if self.n_head and _column_numbers(last) else self.n_head
        self.covered: set[tuple[int, int]] = set()
        self.groups: dict[int, int] = {}  # column -> end of the top header group starting there

    def spans(self) -> dict[tuple[int, int], tuple[int, int]]:
        out: dict[tuple[int, int], tuple[int, int]] = {}
        if self.style.rules != "grid":  # a word processor's table: nothing merged, labels in their own cells
            return {(r, c): (1, 1) for r in range(len(self.rows)) for c in range(self.ncols)}
        for r, row in enumerate(self.rows):
            for c in range(self.ncols):
                if (r, c) in self.covered:
                    continue
                cols = self._colspan(r, c) if row[c] else 1
                nrows = self._rowspan(r, c, cols) if row[c] else 1
                if r == 0 and self.n_head:
                    self.groups[c] = c + cols
                out[(r, c)] = (nrows, cols)
                self.covered |= {(r + i, c + k) for i in range(nrows) for k in range(cols)} - {(r, c)}
        return out

    def _free(self, r: int, c: int) -> bool:
        return c < self.ncols and not self.rows[r][c] and (r, c) not in self.covered

    def _blanks_from(self, r: int, c: int) -> int:
        while self._free(r, c):
            c += 1
        return c

    def _colspan(self, r: int, c: int) -> int:
        row = self.rows[r]
        if r < self.labels_end:  # a header label over the labels of the row below
            end = c + 1
            while self._free(r, end) and any(self.rows[b][end] for b in range(r + 1, self.labels_end)):
                end += 1
            return end - c
        if r < self.n_head:  # the 栏次 row: 栏次 spans the blank beside it
            return self._blanks_from(r, c + 1) - c
        if c == 0 and self.ncols > 2 and not any(row[1:]):  # a section row
            return self.ncols
        if c in self.groups and not NUMBERISH.match(row[c]):  # 合计 under a merged 项目
            return min(self._blanks_from(r, c + 1), self.groups[c]) - c
        if self.kind == "project" and width(row[c], self.style.size) > self.style.size * self.style.cap_em:
            return self._blanks_from(r, c + 1) - c
        return 1

    def _rowspan(self, r: int, c: int, cols: int) -> int:
        n = 1
        while r + n < self.labels_end and all(self._free(r + n, k) for k in range(c, c + cols)):
            n += 1
        return n


@dataclass
class Layout:
    rows: list[list[str]]
    widths: list[float]
    heights: list[float]
    spans: dict[tuple[int, int], tuple[int, int]]
    lines: dict[tuple[int, int], list[str]]
    header: int


def _needs(layout_rows, spans, ncols, style: GridStyle) -> list[float]:
    """Each column's natural width: its widest single-column cell, text capped at cap_em."""
    minimum = 2 * style.size + 2 * PAD
    need = [minimum] * ncols
    for (r, c), (_, cols) in spans.items():
        text = layout_rows[r][c]
        if cols == 1 and text:
            w = width(text, style.size) + 2 * PAD + 1
            if not NUMBERISH.match(text):
                w = min(w, style.size * style.cap_em + 2 * PAD)
            need[c] = max(need[c], w)
    return need


def natural_width(grid: Grid, style: GridStyle) -> float:
    ncols = max(len(r) for r in grid.rows)
    spans = _Spanner(grid, ncols, style).spans()
    rows = [r + [""] * (ncols - len(r)) for r in grid.rows]
    return sum(_needs(rows, spans, ncols, style))


def layout(grid: Grid, room: float, style: GridStyle) -> Layout:
    """Widths fill the room (spreadsheet exports print at page width); text columns give
    way first when the figures need the room; cells wrap to their width."""
    ncols = max(len(r) for r in grid.rows)
    rows = [r + [""] * (ncols - len(r)) for r in grid.rows]
    spans = _Spanner(grid, ncols, style).spans()
    need = _needs(rows, spans, ncols, style)
    numeric = [all(NUMBERISH.match(row[c]) or not row[c] for row in rows[header_count(grid):]) for c in range(ncols)]
    fixed = sum(w for w, n in zip(need, numeric) if n)
    flexible = sum(w for w, n in zip(need, numeric) if not n)
    if fixed + flexible > room and flexible and room > fixed:
        scale = (room - fixed) / flexible
        widths = [w if n else w * scale for w, n in zip(need, numeric)]
    elif style.fill or fixed + flexible > room:
        widths = [w * room / (fixed + flexible) for w in need]
    else:
        widths = need
    lines: dict[tuple[int, int], list[str]] = {}
    heights = [0.0] * len(rows)
    for (r, c), (nrows, cols) in spans.items():
        text = rows[r][c]
        lines[(r, c)] = wrap(text, sum(widths[c:c + cols]) - 2 * PAD, style.size) if text else []
        if nrows == 1:
            heights[r] = max(heights[r], _height(len(lines[(r, c)]), style))
    for (r, c), (nrows, _) in spans.items():  # a merged cell taller than its rows stretches the last
        if nrows > 1:
            short = _height(len(lines[(r, c)]), style) - sum(heights[r:r + nrows])
            if short > 0:
                heights[r + nrows - 1] += short
    return Layout(rows, widths, heights, spans, lines, header_count(grid))


def _height(n_lines: int, style: GridStyle) -> float:
    return max(n_lines, 1) * style.leading + 2 * VPAD


def pages(lay: Layout, breaks: set[int], first_room: float, room: float, style: GridStyle) -> list[list[int]]:
    """Rows of each page: a page ends at a printed break, or when the next row would not fit;
    continuation pages start with the header rows again when the style repeats them."""
    header = list(range(lay.header))
    header_h = sum(lay.heights[r] for r in header)
    out: list[list[int]] = [[]]
    free = first_room
    for r, h in enumerate(lay.heights):
        starts_page = r in breaks or (h > free and out[-1] and r >= lay.header)
        if starts_page:
            out.append(header[:] if style.repeat_header else [])
            free = room - (header_h if style.repeat_header else 0)
        out[-1].append(r)
        free -= h
    return [p for p in out if p]


def draw(writer: Writer, lay: Layout, rows_on_page: list[int], style: GridStyle) -> None:
    """The rows at the cursor: cell text, then the rules."""
    c = writer.cursor
    xs = [c.left]
    for w in lay.widths:
        xs.append(xs[-1] + w)
    ys: dict[int, tuple[float, float]] = {}
    y = c.y
    for r in rows_on_page:
        ys[r] = (y, y - lay.heights[r])
        y -= lay.heights[r]
    edges: set[tuple[float, float, float, float]] = set()
    for r in rows_on_page:
        for col in range(len(lay.widths)):
            if (r, col) not in lay.spans:
                continue
            nrows, cols = lay.spans[(r, col)]
            below = [k for k in rows_on_page if r <= k < r + nrows]
            top, bottom = ys[r][0], ys[below[-1]][1]
            left, right = xs[col], xs[col + cols]
            _cell_text(writer, lay, r, col, (left, right, top, bottom), style)
            edges |= {(left, top, right, top), (left, bottom, right, bottom)}
            if style.rules == "grid":
                edges |= {(left, top, left, bottom), (right, top, right, bottom)}
    if style.rules == "rows":
        edges |= {(xs[0], y0, xs[-1], y0) for y0, _ in ys.values()} | {(xs[0], y, xs[-1], y)}
        edges = {e for e in edges if e[1] == e[3] and e[0] == xs[0] and e[2] == xs[-1]}
    for x0, y0, x1, y1 in sorted(_merge(edges)):
        writer.line(x0, y0, x1, y1)
    c.y = y


def _cell_text(writer: Writer, lay: Layout, r: int, col: int, box, style: GridStyle) -> None:
    lines = lay.lines[(r, col)]
    if not lines:
        return
    left, right, top, bottom = box
    text_h = len(lines) * style.leading
    if style.rules == "grid":  # vertically centred, as spreadsheets export
        first = top - (top - bottom - text_h) / 2 - style.size
    else:  # word processors align a row's cells at the top
        first = top - VPAD - style.size
    header = r < lay.header and style.rules == "grid"
    # a word processor leaves every cell left-aligned, figures included
    numeric = bool(NUMBERISH.match(lay.rows[r][col])) and style.rules == "grid"
    for k, line in enumerate(lines):
        baseline = first - k * style.leading
        if header:
            writer.text(line, (left + right) / 2, baseline, style.size, "center")
        elif numeric:
            writer.text(line, right - PAD, baseline, style.size, "right")
        else:
            writer.text(line, left + PAD, baseline, style.size)


def _merge(edges: set[tuple[float, float, float, float]]) -> list[tuple[float, float, float, float]]:
    """Collinear touching segments as one rule, the way spreadsheets export borders."""
    out: list[tuple[float, float, float, float]] = []
    horizontal = sorted((round(e[1], 3), e[0], e[2]) for e in edges if e[1] == e[3])
    vertical = sorted((round(e[0], 3), -e[1], -e[3]) for e in edges if e[0] == e[2] and e[1] != e[3])
    for line, key in ((horizontal, "h"), (vertical, "v")):
        current = None
        for fixed, a, b in line:
            if current and current[0] == fixed and a <= current[2] + 0.01:
                current[2] = max(current[2], b)
                continue
            if current:
                out.append(_edge(key, *current))
            current = [fixed, a, b]
        if current:
            out.append(_edge(key, *current))
    return out


def _edge(key: str, fixed: float, a: float, b: float) -> tuple[float, float, float, float]:
    return (a, fixed, b, fixed) if key == "h" else (fixed, -a, fixed, -b)

