"""Variants of the template family, as data: text transformations plus a print style.

A variant's text twin is the seed's text with its transformations applied; its PDF is that
twin typeset in its style. The proof that the PDF path is exact compares what each lands.
Transformations touch the standard tables only (their units, figures, labels, order,
presence); the narrative and the 绩效自评表 print their own units and stay as they are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Callable

from pipelines.parsing.locate import match_title
from pipelines.parsing.sections import part_of
from pipelines.parsing.templates import LABEL_PATTERN
from pipelines.parsing.text import squash
from tests.render.grid import GridStyle
from tests.render.typeset import Style

AMOUNT = re.compile(r"^\d+\.\d+$")  # 万元 amounts print two decimals; counts, 行次 and codes none
LABEL_LINE = re.compile(rf"^{LABEL_PATTERN}$")
Transform = Callable[[list[str]], list[str]]


def _table_spans(lines: list[str]) -> list[tuple[str, int, int]]:
    """(table id, first line, end line) of each standard table: its title up to the next
    title, part heading or 绩效自评表 title."""
    starts = [(i, found[0].table_id) for i, t in enumerate(lines) if (found := match_title(t))]
    spans = []
    for k, (i, table_id) in enumerate(starts):
        end = starts[k + 1][0] if k + 1 < len(starts) else len(lines)
        for j in range(i + 1, end):
            if part_of(lines[j]) or ("\t" not in lines[j] and squash(lines[j]).endswith("绩效自评表")):
                end = j
                break
        spans.append((table_id, i, end))
    return spans


def _in_tables(fix: Callable[[str, int, list[str]], str]) -> Transform:
    """Apply `fix(line, index, lines)` to the lines of every standard table."""

    def transform(lines: list[str]) -> list[str]:
        out = list(lines)
        for _, start, end in _table_spans(lines):
            for i in range(start, end):
                out[i] = fix(out[i], i, out)
        return out

    return transform


def _cells(fix: Callable[[str], str]) -> Callable[[str, int, list[str]], str]:
    def line(text: str, i: int, lines: list[str]) -> str:
        return "\t".join(fix(c) for c in text.split("\t")) if "\t" in text else text

    return line


def _yuan_amount(cell: str) -> str:
    return f"{Decimal(cell.strip()) * 10000:.2f}" if AMOUNT.match(cell.strip()) else cell


def _yuan_caption(text: str, i: int, lines: list[str]) -> str:
    if "\t" in text or "单位" not in text:
        return text
    text = text.replace("万元", "元")
    return re.sub(r"(单位[：:])万$", r"\1", text)  # "金额单位：万" ⏎ "元" (wrapped in the source)


def _thousands(cell: str) -> str:
    stripped = cell.strip()
    if not AMOUNT.match(stripped):
        return cell
    whole, fraction = stripped.split(".")
    return f"{int(whole):,}.{fraction}"


def in_yuan(lines: list[str]) -> list[str]:
    """Amounts printed in 元 instead of 万元 (× 10000, exactly)."""
    return _in_tables(lambda t, i, ls: _yuan_caption(_cells(_yuan_amount)(t, i, ls), i, ls))(lines)


def thousands_separators(lines: list[str]) -> list[str]:
    return _in_tables(_cells(_thousands))(lines)


def relabel(scheme: tuple[str, ...]) -> Transform:
    """Replace each table's printed number (公开01表 …) by the scheme's, in document order:
    "表{n}", "附表{n}", or "" (unnumbered; the label line goes)."""

    def transform(lines: list[str]) -> list[str]:
        drop: set[int] = set()
        out = list(lines)
        for n, (_, start, end) in enumerate(_table_spans(lines), start=1):
            label = next((i for i in range(start + 1, end) if LABEL_LINE.match(squash(lines[i]))), None)
            if label is None:
                continue
            new = scheme[(n - 1) % len(scheme)].format(n=n)
            if new:
                out[label] = new
            else:
                drop.add(label)
        return [t for i, t in enumerate(out) if i not in drop]

    return transform


def reorder(first: str, second: str) -> Transform:
    """Print table `second` where `first` was and the other way round."""

    def transform(lines: list[str]) -> list[str]:
        spans = _table_spans(lines)
        out: list[str] = []
        position = 0
        by_id = {tid: lines[start:end] for tid, start, end in spans}
        swap = {first: second, second: first}
        for tid, start, end in spans:
            out += lines[position:start] + by_id[swap.get(tid, tid)]
            position = end
        return out + lines[position:]

    return transform


def without(table_id: str) -> Transform:
    """A document that does not print one of the tables."""

    def transform(lines: list[str]) -> list[str]:
        span = next((s for s in _table_spans(lines) if s[0] == table_id), None)
        return lines if span is None else lines[: span[1]] + lines[span[2]:]

    return transform


def without_projects(keep: int) -> Transform:
    """Only the first `keep` 绩效自评表 of the 附件 (a shorter document)."""

    def transform(lines: list[str]) -> list[str]:
        titles = [i for i, t in enumerate(lines) if "\t" not in t and squash(t).endswith("项目支出绩效自评表")]
        return lines if len(titles) <= keep else lines[: titles[keep]]

    return transform


def without_part(keyword: str) -> Transform:
    """A document without one of its parts (e.g. no 名词解释)."""

    def transform(lines: list[str]) -> list[str]:
        heads = [i for i, t in enumerate(lines) if part_of(t)]
        start = next((i for i in heads if keyword in lines[i]), None)
        if start is None:
            return lines
        end = next((i for i in heads if i > start), len(lines))
        return lines[:start] + lines[end:]

    return transform


@dataclass(frozen=True)
class Variant:
    name: str
    description: str
    transforms: tuple[Transform, ...] = ()
    style: Style = field(default_factory=Style)

    def text(self, seed: str) -> str:
        lines = seed.replace("\r\n", "\n").split("\n")
        for transform in self.transforms:
            lines = transform(lines)
        return "\n".join(lines)


WORD = Style("word", grid=GridStyle(rules="rows"))
VARIANTS: tuple[Variant, ...] = (
    Variant("seed", "the seed as a spreadsheet export: ruled grids, merged headers, landscape wide tables"),
    Variant("yuan", "amounts in 元 with thousands separators; header rows repeated on continuation pages",
            (in_yuan, thousands_separators),
            Style("spreadsheet-repeat", grid=GridStyle(repeat_header=True))),
    Variant("relabelled", "tables numbered 表N / 附表N / unnumbered, 公开02 and 公开03 swapped, 公开08 missing",
            (relabel(("表{n}", "附表{n}", "")), reorder("公开02", "公开03"), without("公开08"))),
    Variant("word", "a word processor's tables: horizontal rules only, nothing merged, left-aligned",
            style=WORD),
    Variant("wrapped", "narrow columns: header labels and names wrap inside their cells (上级补\\n助收入)",
            style=Style("spreadsheet-narrow", grid=GridStyle(cap_em=3.0, fill=False))),
)
BENCH = Variant("p25", "a 25-page disclosure: one 绩效自评表, no 名词解释, tables in 7.5 pt",
                (without_projects(1), without_part("名词解释")),
                Style("spreadsheet-compact", grid=GridStyle(size=7.5)))
BY_NAME = {v.name: v for v in (*VARIANTS, BENCH)}
