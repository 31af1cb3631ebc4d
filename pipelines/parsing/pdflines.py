"""Pages back into the text form's lines: grid rows and prose in reading order.

A grid row is one tab-separated line. Prose is what lies outside the grids, minus running
page numbers; a physical line that runs to the right margin continues on the next one when
that one starts at the left margin (paragraphs are indented, headings centred), so wrapped
paragraphs come back as the one line each is in the text form. A 目录 entry keeps its page
number after a tab, as in the text form.
"""

from __future__ import annotations

import re
from collections import Counter

from pipelines.parsing.pdftext import PageText, PhysLine
from pipelines.parsing.text import Line

LEADERS = re.compile(r"^[.·…。．\s]{3,}$")
LEADERED_ENTRY = re.compile(r"^(?P<title>.*?\S)\s*[.·…。．]{3,}\s*(?P<page>\d{1,4})$")  # "一、收入决算表……6"


def toc_text(line: PhysLine) -> str:
    """A 目录 entry (title, dot leaders, page number) in the text form: "title\\tpage"."""
    runs = line.runs
    if entry := LEADERED_ENTRY.match(line.text.strip()):
        return entry["title"] + "\t" + entry["page"]
    if len(runs) >= 2 and runs[-1].text.strip().isdigit():
        title = [r.text for r in runs[:-1] if not LEADERS.match(r.text)]
        gap = runs[-1].x0 - runs[-2].x1
        if len(title) < len(runs) - 1 or gap > 3 * line.size:
            return " ".join(title).rstrip(".·…。． ") + "\t" + runs[-1].text.strip()
    return line.text


def assemble(pages: list[PageText], regions: list) -> tuple[list[Line], list[dict]]:
    """Prose and grid rows in reading order, as numbered lines; the extractions."""
    boxes: dict[int, list[tuple[float, float, float, float]]] = {}
    items: list[tuple[int, float, object]] = []
    for region in regions:
        parts, rows = region.result
        # an unreadable grid is not prose either: its text stays out of the lines
        for part in parts or [p for t in region.tried for p in t[1]] if region.problem else parts:
            boxes.setdefault(part.page, []).append(part.bbox)
        items += [(page, -y, (region, cells)) for page, y, cells in rows]
    for page in pages:
        inside = boxes.get(page.number, [])

        def keep(ch, inside=inside) -> bool:
            x, y = (ch.x0 + ch.x1) / 2, ch.y + ch.size * 0.3  # the glyph's middle
            return not any(x0 <= x <= x1 and b <= y <= t for x0, b, x1, t in inside)

        items += [(page.number, -line.y, line) for line in page.lines(keep) if not page.is_margin(line)]
    items.sort(key=lambda item: (item[0], item[1]))
    prose = [item for _, _, item in items if isinstance(item, PhysLine)]
    lines, extractions = _number(items, pages, _margins(pages, prose))
    return lines, extractions + [_unreadable(r) for r in regions if r.problem]


def _unreadable(region) -> dict:
    """A grid no reading of which fits: nothing of it is landed, and the document says why."""
    pages = sorted({p.page for t in region.tried for p in t[1]})
    return {"kind": region.kind, "table_id": region.table_id, "title": region.title.text.strip(),
            "title_page": region.title.page, "pages": pages, "problem": region.problem}


def _margins(pages: list[PageText], prose: list[PhysLine]) -> dict[int, tuple[float, float]]:
    """Left and right text margins of each page width (portrait, landscape): where most
    prose lines start and end (a justified paragraph's lines all end at the right margin;
    a stray line further out, a cover title or a page header, does not move it)."""
    by_width: dict[int, list[PhysLine]] = {}
    for line in prose:
        by_width.setdefault(round(pages[line.page - 1].width), []).append(line)
    return {w: (_mode(x.x0 for x in ls), _mode(x.x1 for x in ls)) for w, ls in by_width.items()}


def _mode(values) -> float:
    """The most common position, to the nearest 2 points; the outermost among ties."""
    counts = Counter(round(v / 2) * 2 for v in values)
    return max(counts.items(), key=lambda kv: kv[1])[0]


def _continues(previous: PhysLine, line: PhysLine, pages: list[PageText], margins) -> bool:
    """A wrapped line: the one before runs to the right margin, this one starts at the left
    margin (a new paragraph is indented, a heading centred) in the same type, right below
    it or at the top of the next page."""
    left, right = margins[round(pages[line.page - 1].width)]
    if abs(previous.size - line.size) > 0.5 or previous.x1 < right - 2.5 * previous.size:
        return False
    if previous.x0 > left + 3 * previous.size:  # right-aligned or centred: a line of its own
        return False
    if line.x0 > left + 0.5 * line.size:
        return False
    if line.page == previous.page:
        return 0 < previous.y - line.y <= 2.6 * line.size  # up to double spacing
    return line.page == previous.page + 1


def _number(items, pages: list[PageText], margins) -> tuple[list[Line], list[dict]]:
    lines: list[Line] = []
    extractions: dict[int, dict] = {}
    previous: PhysLine | None = None
    for page, _, item in items:
        if isinstance(item, PhysLine):
            text = toc_text(item)
            if previous is not None and "\t" not in text and _continues(previous, item, pages, margins):
                lines[-1] = Line(lines[-1].no, lines[-1].text + text, lines[-1].page)
            else:
                lines.append(Line(len(lines) + 1, text, page))
            previous = None if "\t" in text else item
            continue
        region, cells = item
        previous = None
        lines.append(Line(len(lines) + 1, "\t".join(cells), page))
        if id(region) not in extractions:
            extractions[id(region)] = _extraction(region, len(lines))
        extractions[id(region)]["last_line"] = len(lines)
    return lines, list(extractions.values())


def _extraction(region, first_line: int) -> dict:
    parts, _ = region.result
    return {
        "kind": region.kind,
        "first_line": first_line,
        "last_line": first_line,
        "flavor": ",".join(sorted({p.flavor for p in parts})),
        "accuracy": round(min(p.accuracy for p in parts), 2),
        "whitespace": round(max(p.whitespace for p in parts), 2),
        "pages": sorted({p.page for p in parts}),
        "attempts": [t[0] for t in region.tried],
    }
