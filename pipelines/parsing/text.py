"""Reading the text form of a disclosure: decoding, lines, printed page numbers.

The text form has no page markers. Printed pages are recovered from the 目录 (table of
contents): a heading's page is the page the 目录 gives it, and inside a table every blank
line between two tab-separated rows is a page break. Lines of prose get the page where
their section starts, which is as close as the text form allows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipelines.model import DocumentError

TOC_ENTRY = re.compile(r"^(?P<title>\S.*?)\s*\t\s*(?P<page>\d{1,4})\s*$")
NUMBERING = re.compile(
    r"^\s*(?:第[一二三四五六七八九十]+部分\s*|[一二三四五六七八九十]+[、.．]\s*|"
    r"[（(][一二三四五六七八九十\d]+[）)]\s*|\d+[、.．]\s*)"
)


@dataclass(frozen=True)
class Line:
    no: int  # 1-based line number in the text form
    text: str  # the line without its end-of-line
    page: int | None  # printed page, when the 目录 allows it

    @property
    def cells(self) -> list[str]:
        return [c.strip() for c in self.text.split("\t")]

    @property
    def is_row(self) -> bool:
        """A tab-separated line: a table row in the text form."""
        return "\t" in self.text

    @property
    def is_blank(self) -> bool:
        return not self.text.strip()


def squash(text: str) -> str:
    """Text with all whitespace removed and parentheses made full-width: labels broken
    across lines or cells ("上级补 助收入", "因公出国 (境) 费") compare equal to the template's."""
    text = re.sub(r"\s+", "", text)
    return text.replace("(", "（").replace(")", "）").replace(":", "：")


def strip_numbering(text: str) -> str:
    """A heading without its ordinal prefix: "一、收入支出决算总表" -> "收入支出决算总表"."""
    previous = None
    text = text.strip()
    while previous != text:
        previous, text = text, NUMBERING.sub("", text, count=1).strip()
    return text


def decode(data: bytes, document: str) -> str:
    """UTF-8 (with or without BOM), else GB18030 (a superset of GBK), else a clear error."""
    if not data.strip():
        raise DocumentError(document, "the file is empty")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            break
        return text
    raise DocumentError(document, "the text is neither UTF-8 nor GBK/GB18030")


def _toc(raw_lines: list[str]) -> tuple[list[tuple[str, int]], int]:
    """The 目录 entries (title without numbering, page) and the index where the body starts."""
    start = next((i for i, t in enumerate(raw_lines) if squash(t) in ("目录", "目次")), None)
    if start is None:
        return [], 0
    entries: list[tuple[str, int]] = []
    i = start + 1
    while i < len(raw_lines):
        text = raw_lines[i]
        match = TOC_ENTRY.match(text)
        if match:
            entries.append((squash(strip_numbering(match["title"])), int(match["page"])))
        elif text.strip() and entries:
            break
        i += 1
    return entries, i


def read_lines(text: str) -> list[Line]:
    """Split the text into numbered lines and give each its printed page."""
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    toc, body_start = _toc(raw_lines)
    lines: list[Line] = []
    page: int | None = None
    next_entry = 0
    for index, text_line in enumerate(raw_lines):
        if index >= body_start and next_entry < len(toc) and not text_line.strip() == "":
            heading = squash(strip_numbering(text_line))
            # The 目录 lists headings in order; look a few entries ahead in case one is missing.
            for k in range(next_entry, min(next_entry + 4, len(toc))):
                if heading == toc[k][0]:
                    page, next_entry = toc[k][1], k + 1
                    break
        lines.append(Line(no=index + 1, text=text_line, page=page))
    return _pages_inside_tables(lines)


def _pages_inside_tables(lines: list[Line]) -> list[Line]:
    """Count a blank line between two table rows as a page break (the PDF's page ended there)."""
    out: list[Line] = []
    offset = 0
    last_page = None
    for i, line in enumerate(lines):
        if line.page != last_page:  # a new heading resets the count
            offset, last_page = 0, line.page
        if line.is_blank and line.page is not None and out and out[-1].is_row:
            following = next((x for x in lines[i + 1 :] if not x.is_blank), None)
            if following is not None and following.is_row:
                offset += 1
        page = None if line.page is None else line.page + offset
        out.append(Line(no=line.no, text=line.text, page=page))
    return out
