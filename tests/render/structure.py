"""The text form read as a printed document: what goes on which kind of page.

The text form is the line-level structure of a disclosure: paragraphs (one per line), and
grids (consecutive tab-separated rows; a blank line between two rows is a page break).
Here those lines become blocks a typesetter can lay out: the cover, the 目录, part
headings, paragraphs, and table sections (a title, its caption lines, its grid, its notes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipelines.parsing.locate import PERFORMANCE_TITLE, match_title
from pipelines.parsing.sections import part_of
from pipelines.parsing.text import TOC_ENTRY, squash

MAX_CAPTIONS = 6  # lines between a title and its grid: 公开01表, 部门名称…, 2024年度, 金额单位…
MAX_TITLE_CHARS = 60


@dataclass
class Grid:
    rows: list[list[str]]
    breaks: set[int] = field(default_factory=set)  # row indices that start a new page
    kind: str = "standard"  # standard | project


@dataclass
class Block:
    kind: str  # cover | toc_heading | toc | part | paragraph | table
    text: str = ""
    entries: list[tuple[str, str]] = field(default_factory=list)  # toc: (title, page)
    title: str = ""  # table: title line
    captions: list[str] = field(default_factory=list)  # table: lines between title and grid
    grid: Grid | None = None
    notes: list[str] = field(default_factory=list)  # table: lines after the grid


def _is_title(text: str) -> str | None:
    """"standard" or "project" for a table title, else None."""
    if "\t" in text or len(squash(text)) > MAX_TITLE_CHARS:
        return None
    if match_title(text):
        return "standard"
    if PERFORMANCE_TITLE.search(squash(text)) and squash(text).endswith(("表", "）", ")")):
        return "project"
    return None


def _grid(lines: list[str], start: int) -> tuple[list[list[str]], set[int], int]:
    """Rows from `start`, blank lines between rows read as page breaks; returns the index
    after the grid."""
    rows: list[list[str]] = []
    breaks: set[int] = set()
    i = start
    while i < len(lines):
        if "\t" in lines[i]:
            rows.append([c.strip() for c in lines[i].split("\t")])
            i += 1
            continue
        j = i
        while j < len(lines) and not lines[j].strip():
            j += 1
        if j > i and j < len(lines) and "\t" in lines[j] and rows:
            breaks.add(len(rows))
            i = j
            continue
        break
    return rows, breaks, i


def read_blocks(text: str) -> list[Block]:
    """The document's blocks in order. Blank lines only separate; they print nothing."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blocks: list[Block] = []
    seen_toc = False
    i = 0
    while i < len(lines):
        line = lines[i].strip()
        if not line:
            i += 1
            continue
        if "\t" in lines[i]:
            rows, breaks, i = _grid(lines, i)
            if blocks and blocks[-1].kind == "toc_heading" and all(
                TOC_ENTRY.match("\t".join(r)) for r in rows
            ):
                blocks.append(Block("toc", entries=[(r[0], r[-1]) for r in rows]))
            else:  # a grid without a recognised title: typeset as an untitled table
                blocks.append(Block("table", grid=Grid(rows, breaks)))
            continue
        if squash(line) in ("目录", "目次") and not seen_toc:
            seen_toc = True
            blocks.append(Block("toc_heading", text=line))
        elif part_of(line):
            blocks.append(Block("part", text=line))
        elif (kind := _is_title(line)) and (table := _table(lines, i, kind)):
            block, i = table
            blocks.append(block)
            continue
        elif not seen_toc:
            blocks.append(Block("cover", text=line))
        else:
            blocks.append(Block("paragraph", text=line))
        i += 1
    return _attach_notes(blocks)


def _table(lines: list[str], i: int, kind: str) -> tuple[Block, int] | None:
    """A title, up to MAX_CAPTIONS caption lines, then a grid; None if no grid follows (the
    line only mentions a table, as in "附件：二级项目绩效自评表")."""
    captions: list[str] = []
    j = i + 1
    while j < len(lines) and "\t" not in lines[j]:
        if lines[j].strip():
            if len(captions) == MAX_CAPTIONS or _is_title(lines[j]) or part_of(lines[j]):
                return None
            captions.append(lines[j].strip())
        j += 1
    if j == len(lines):
        return None
    rows, breaks, end = _grid(lines, j)
    return Block("table", title=lines[i].strip(), captions=captions, grid=Grid(rows, breaks, kind)), end


def _attach_notes(blocks: list[Block]) -> list[Block]:
    """Paragraphs right after a table (注：…, 说明：本表无数据, 备注…) print under its grid,
    on its page, up to the next table, part or heading-like paragraph."""
    out: list[Block] = []
    for block in blocks:
        previous = out[-1] if out else None
        if block.kind == "paragraph" and previous is not None and previous.kind == "table" and _is_note(
            block.text, previous
        ):
            previous.notes.append(block.text)
            continue
        out.append(block)
    return out


NOTE_START = re.compile(r"^(?:注|说明|备注|\d+[.．、])")


def _is_note(text: str, table: Block) -> bool:
    """A note continues the table's notes: it starts like one, or follows one (备注 lists
    run over several lines: "备注：1.…", "2.…")."""
    return bool(NOTE_START.match(text.strip())) or (bool(table.notes) and text.strip()[:1].isdigit())
