"""Splitting a disclosure into its five parts (第一部分 概况 … 第五部分 附件).

Parts are recognised by the keyword in their heading, not by their ordinal, because
documents renumber and reword them. A document without part headings still parses:
each concern then searches the whole document.
"""

from __future__ import annotations

import re

from pipelines.parsing.text import Line, squash

PART_HEADING = re.compile(r"^\s*第[一二三四五六七八九十]+部分\s*(?P<name>\S.*)?$")

# part key -> keywords that identify its heading (checked in this order)
PART_KEYWORDS: list[tuple[str, tuple[str, ...]]] = [
    ("overview", ("概况",)),
    ("tables", ("决算表", "决算报表", "公开表", "决算公开表")),
    ("explanation", ("情况说明", "说明")),
    ("glossary", ("名词解释",)),
    ("annex", ("附件", "附表", "绩效")),
]


def part_of(heading: str) -> str | None:
    match = PART_HEADING.match(heading)
    if not match or "\t" in heading:  # a 目录 entry carries a tab and a page number
        return None
    name = squash(match["name"] or "")
    for key, keywords in PART_KEYWORDS:
        if any(k in name for k in keywords):
            return key
    return None


def split_parts(lines: list[Line]) -> dict[str, list[Line]]:
    """Lines of each part, keyed overview/tables/explanation/glossary/annex; the heading
    line itself is excluded. Parts that are not found are absent. A heading wrapped onto a
    second line ("第三部分 …2024年度部门决算" / "情况说明") is read with that line."""
    parts: dict[str, list[Line]] = {}
    current: str | None = None
    skip = False
    for i, line in enumerate(lines):
        if skip:
            skip = False
            continue
        key = part_of(line.text)
        if key is None and PART_HEADING.match(line.text) and i + 1 < len(lines) and not lines[i + 1].is_row:
            key = part_of(line.text + lines[i + 1].text)
            skip = key is not None
        if key is not None:
            current = key
            parts.setdefault(current, [])
            continue
        if current is not None:
            parts[current].append(line)
    return parts
