"""Grids: a table as rows of printed cells, the form both the text and the PDF readers give.

Also the two things every layout needs from a grid: reading a printed cell as an amount
(keeping blank, "-" and "——" apart), and reading multi-row headers as label paths.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from pipelines.amounts import parse_number
from pipelines.model import Cell, CellFlag
from pipelines.parsing.text import squash

DASHES = set("-－—–―‒")
TOTAL_LABELS = {"合计", "总计"}
SECTION_HEADING = re.compile(r"^[一二三四五六七八九十]+、")  # 一、政府采购情况: a section inside a table
# A printed figure as only amounts are printed: with decimals or thousands separators, never a
# code, a 行次 or a 栏次 number. Used to accept a PDF reading and to find figures where none belong.
FIGURE = re.compile(r"[-+]?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)")
# Amounts land as DECIMAL(20,2) 元 and narrative figures as DECIMAL(20,4) (warehouse/schema.sql),
# and the checks add them up in integer 分: 10^16 元 is what all three hold exactly.
MAX_AMOUNT = Decimal(10) ** 16


@dataclass(frozen=True)
class GridRow:
    cells: list[str]  # printed cells, whitespace-trimmed
    line: int | None  # line in the text form (None for PDF)
    page: int | None


@dataclass
class TableBlock:
    """A located table before parsing: its title, the lines around the grid, the grid."""

    table_id: str
    title: str
    label: str | None
    title_line: int | None
    title_page: int | None
    preamble: list[str] = field(default_factory=list)  # 部门名称/年度/金额单位 lines
    rows: list[GridRow] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # 注/说明 lines


class CellError(ValueError):
    """A cell that should hold an amount holds something else."""


def parse_cell(raw: str, scale: Decimal = Decimal(1)) -> Cell:
    """Read a printed cell: blank, "-" (nil), "——" (not applicable) or a number times `scale`."""
    text = raw.strip()
    if not text:
        return Cell(text, None, CellFlag.BLANK)
    if set(text) <= DASHES:
        flag = CellFlag.DASH if len(text) == 1 and text in "-－" else CellFlag.NOT_APPLICABLE
        return Cell(text, None, flag)
    number = parse_number(text)
    if number is None:
        raise CellError(f"'{text}' is not an amount")
    if abs(number * scale) >= MAX_AMOUNT:
        raise CellError(f"'{text}' is beyond what the warehouse holds exactly (under 10^16 元)")
    return Cell(text, number * scale, CellFlag.VALUE)


def is_number(raw: str) -> bool:
    return parse_number(raw) is not None


def is_column_number_row(cells: list[str]) -> bool:
    """The 栏次 row (1, 2, 3 …) that numbers the columns: a header, never data."""
    values = [c for c in cells if c and squash(c) != "栏次"]
    if len(values) < 1 or not all(re.fullmatch(r"\d{1,2}", v) for v in values):
        return False
    numbers = [int(v) for v in values]
    return numbers == list(range(numbers[0], numbers[0] + len(numbers))) and (
        numbers[0] == 1 or any(squash(c) == "栏次" for c in cells)
    )


def header_paths(rows: list[list[str]]) -> list[list[str]]:
    """Label path (top to bottom) of every column of a multi-row header.

    A merged header cell is printed once, at the left of its span, and the cells beside it
    come out blank. Such a blank is filled from its left neighbour when a row below has a
    label there (so it really is under a spanning parent), which turns
    预算数 | | | 决算数 over 合计 | 因公出国(境)费 | … into 预算数/合计, 预算数/因公出国(境)费 …,
    and spreads a caption row spanning the grid (财政拨款“三公”经费) over every column.
    """
    width = max((len(r) for r in rows), default=0)
    grid = [[squash(r[c]) if c < len(r) else "" for c in range(width)] for r in rows]
    for r in range(len(grid) - 1):  # top-down: a span ends where its parent's span ends
        for c in range(1, width):
            same_parent = r == 0 or grid[r - 1][c] == grid[r - 1][c - 1]
            if (not grid[r][c] and grid[r][c - 1] and same_parent
                    and any(grid[k][c] for k in range(r + 1, len(grid)))):
                grid[r][c] = grid[r][c - 1]
    return [[grid[r][c] for r in range(len(grid)) if grid[r][c]] for c in range(width)]


def match_column(path: list[str], aliases: dict[str, str]) -> str | None:
    """Canonical name for a column: by its leaf label, else by its "parent/leaf" path."""
    if not path:
        return None
    if len(path) >= 2 and f"{path[-2]}/{path[-1]}" in aliases:
        return aliases[f"{path[-2]}/{path[-1]}"]
    if path[-1] in aliases:
        return aliases[path[-1]]
    return aliases.get(label_suffix(path[-1], [a for a in aliases if "/" not in a]) or "")


def label_suffix(label: str, known) -> str | None:
    """The longest known label a stacked header label ends with: a header printed without
    rules comes out with its spanning label on top of its own ("本年支出基本支出",
    "项目科目名称")."""
    return max((k for k in known if label.endswith(k)), key=len, default=None)
