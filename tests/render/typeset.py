"""A disclosure's blocks on pages, the way 决算公开 PDFs are laid out.

Cover and 目录 unnumbered; page numbers in the footer from 第一部分 on; each part and each
table on a new page; a table's page is landscape when the grid is too wide for portrait;
title centred above the grid, the 公开0N表 label at the right, 部门名称 … 金额单位 spread
over one line, notes under the grid. Paragraphs are indented two characters (公文 style),
so a reader can tell a new paragraph from a wrapped line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipelines.parsing.templates import LABEL_PATTERN
from pipelines.parsing.text import squash
from tests.render import grid as grids
from tests.render.canvas import BOTTOM, LANDSCAPE, MARGIN, PORTRAIT, TOP, Writer, width
from tests.render.structure import Block

BODY = 11.0
TITLE = 16.0
LABEL_ONLY = re.compile(rf"^{LABEL_PATTERN}$")


@dataclass(frozen=True)
class Style:
    """How a document is produced: the grid style of its tables, and how its prose prints."""

    name: str = "spreadsheet"
    grid: grids.GridStyle = field(default_factory=grids.GridStyle)
    project_grid: grids.GridStyle = field(default_factory=lambda: grids.GridStyle(size=8.0, cap_em=8.0))


def render_blocks(blocks: list[Block], style: Style, title: str) -> bytes:
    writer = Writer(title)
    for block in blocks:
        _BLOCKS[block.kind](writer, block, style)
    return writer.finish()


def _cover(writer: Writer, block: Block, style: Style) -> None:
    if writer.cursor is None:
        c = writer.new_page(PORTRAIT)
        c.y -= 180
    writer.paragraph(block.text, 22.0, align="center", space_after=30)


def _toc_heading(writer: Writer, block: Block, style: Style) -> None:
    writer.new_page(PORTRAIT)
    writer.paragraph(block.text, TITLE, align="center", space_after=16)


def _toc(writer: Writer, block: Block, style: Style) -> None:
    """Entries with dot leaders to a right-aligned page number."""
    c = writer.cursor
    size = BODY
    for title, page in block.entries:
        if not writer.fits(size * 1.8):
            c = writer.new_page(PORTRAIT)
        c.y -= size * 1.8
        writer.text(title, c.left, c.y, size)
        start = c.left + width(title, size) + 4
        end = c.right - width(page, size) - 4
        dots = "." * max(int((end - start) / width(".", size)), 4)
        writer.text(dots, start, c.y, size)
        writer.text(page, c.right, c.y, size, "right")


def _part(writer: Writer, block: Block, style: Style) -> None:
    writer.new_page(PORTRAIT)
    writer.number_pages_from_here()
    writer.paragraph(block.text, TITLE, align="center", space_after=14)
    writer.fresh = True  # a table that follows may share the page


def _paragraph(writer: Writer, block: Block, style: Style) -> None:
    if writer.cursor is None or writer.cursor.page_width != PORTRAIT[0]:
        writer.new_page(PORTRAIT)
    writer.paragraph(block.text, BODY, indent=2 * BODY)
    writer.fresh = False


def _table(writer: Writer, block: Block, style: Style) -> None:
    grid_style = style.project_grid if block.grid.kind == "project" else style.grid
    portrait_room = PORTRAIT[0] - 2 * MARGIN
    wide = grids.natural_width(block.grid, grid_style) > portrait_room * 1.05
    size = LANDSCAPE if wide or max(len(r) for r in block.grid.rows) > 8 else PORTRAIT
    share = writer.fresh and writer.cursor.page_width == size[0]
    c = writer.cursor if share else writer.new_page(size)
    if block.title:
        writer.paragraph(block.title, TITLE, align="center", space_after=6)
    for caption in block.captions:
        _caption(writer, caption)
    lay = grids.layout(block.grid, c.room, grid_style)
    chunks = grids.pages(lay, block.grid.breaks, c.y - BOTTOM, c.page_height - TOP - BOTTOM, grid_style)
    for k, rows in enumerate(chunks):
        if k:
            writer.new_page(size)
        grids.draw(writer, lay, rows, grid_style)
    writer.cursor.y -= 6
    for note in block.notes:
        writer.paragraph(note, 10.0, indent=20.0)


def _caption(writer: Writer, text: str) -> None:
    """公开01表 and 金额单位 at the right, 部门名称 at the left, 部门名称 … 金额单位 spread over
    one line, anything else (2024年度) centred."""
    parts = text.split(" ")
    if len(parts) in (2, 3) and all(parts) and "名称" in parts[0]:
        writer.spread(parts, 10.0)
    elif "名称" in text:
        writer.paragraph(text, 10.0, space_after=4)
    elif LABEL_ONLY.match(squash(text)) or "单位" in text:
        writer.paragraph(text, 10.0, align="right", space_after=4)
    else:
        writer.paragraph(text, 10.0, align="center", space_after=4)


_BLOCKS = {
    "cover": _cover,
    "toc_heading": _toc_heading,
    "toc": _toc,
    "part": _part,
    "paragraph": _paragraph,
    "table": _table,
}
