"""Finding the standard tables in the text form, by their titles.

A title is recognised when the line, with its printed number (公开01表 / 表1 / 附表1 /
一、) and a leading year removed, is one of a template's titles. Position, page and
number are never used: documents drop, reorder and renumber tables. A table's block runs
to the next title, part heading or 绩效自评表. A title followed by no grid row before the
next one is a mention (a 目录 entry without page numbers, a heading in prose), not a table.
"""

from __future__ import annotations

import re

from pipelines.parsing.grid import GridRow, TableBlock
from pipelines.parsing.sections import part_of
from pipelines.parsing.templates import LABEL_PATTERN, TITLE_INDEX, TableTemplate, title_key
from pipelines.parsing.text import Line, squash, strip_numbering

LABEL_ONLY = re.compile(rf"^{LABEL_PATTERN}$")
LABEL_AROUND = re.compile(rf"^(?:{LABEL_PATTERN})[：:]?|(?:{LABEL_PATTERN})$")
YEAR_PREFIX = re.compile(r"^(?:\d{4}年度?)")
YEAR_SUFFIX = re.compile(r"[（(]?\d{4}年度?[）)]?$")
PERFORMANCE_TITLE = re.compile(r"绩效自评表")


def match_title(text: str) -> tuple[TableTemplate, str | None] | None:
    """The template a line is the title of, with the printed label found on that line."""
    if "\t" in text:
        return None
    key = squash(text)
    label_match = re.search(LABEL_PATTERN, key)
    label = label_match.group(0) if label_match else None
    for _ in range(3):  # labels, numbering and years can stack: "附表1：2024年收入决算表"
        key = LABEL_AROUND.sub("", key)
        key = YEAR_PREFIX.sub("", strip_numbering(key))
        key = YEAR_SUFFIX.sub("", key)
    template = TITLE_INDEX.get(title_key(key))
    return (template, label) if template else None


def _ends_block(line: Line) -> bool:
    return bool(part_of(line.text)) or bool(
        not line.is_row and PERFORMANCE_TITLE.search(squash(line.text))
    )


def locate_tables(lines: list[Line]) -> list[TableBlock]:
    """Every standard table in the text, in document order."""
    starts: list[tuple[int, TableTemplate, str | None]] = []
    for i, line in enumerate(lines):
        found = match_title(line.text)
        if found:
            starts.append((i, *found))
    above = {i: j for i, _, _ in starts if (j := _label_above(lines, i)) is not None}
    claimed = {lines[j].no for j in above.values()}
    blocks = []
    for n, (i, template, label) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(lines)
        for j in range(i + 1, end):
            if _ends_block(lines[j]):
                end = j
                break
        if label is None and i in above:
            label = squash(lines[above[i]].text)
        block = _block(lines[i], [ln for ln in lines[i + 1 : end] if ln.no not in claimed], template, label)
        if block.rows:
            blocks.append(block)
    return blocks


def _label_above(lines: list[Line], i: int) -> int | None:
    """The line of a table number printed on its own right above the title ("附表1" /
    "2025年部门财务收支预算总表"), else None."""
    j = i - 1
    while j >= 0 and lines[j].is_blank:
        j -= 1
    return j if j >= 0 and not lines[j].is_row and LABEL_ONLY.match(squash(lines[j].text)) else None


def _block(title: Line, body: list[Line], template: TableTemplate, label: str | None) -> TableBlock:
    block = TableBlock(
        table_id=template.table_id,
        title=title.text.strip(),
        label=label,
        title_line=title.no,
        title_page=title.page,
    )
    for line in body:
        if line.is_row:
            block.rows.append(GridRow(line.cells, line.no, line.page))
        elif line.is_blank:
            continue
        elif not block.rows:
            text = line.text.strip()
            if block.label is None and LABEL_ONLY.match(squash(text)):
                block.label = squash(text)
            else:
                block.preamble.append(text)
        else:
            block.notes.append(line.text.strip())
    return block
