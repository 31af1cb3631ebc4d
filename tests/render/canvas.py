"""Pages, fonts and text for the renderer, on a reportlab canvas.

One CJK TrueType font (WenQuanYi Zen Hei, embedded as a subset: reportlab embeds only
TrueType outlines, which rules out the OpenType/CFF Noto CJK), a page cursor that moves
down, footers with printed page numbers, and line wrapping that never breaks next to a
space, so every printed character, spaces included, comes back from the text layer.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from pipelines import settings

FONT = "WQYZenHei"
FONT_PATHS = (
    settings.cjk_font() or "",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",  # Debian: fonts-wqy-zenhei (see Makefile)
)
PORTRAIT = A4
LANDSCAPE = landscape(A4)
MARGIN = 56.0  # left and right
TOP = 64.0
BOTTOM = 60.0
FOOTER_Y = 30.0


def register_font() -> None:
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    path = next((p for p in FONT_PATHS if p and Path(p).is_file()), None)
    if path is None:
        raise RuntimeError(
            "no CJK font: install fonts-wqy-zenhei (`make font` does; `make test` and `make fixtures` "
            "run it) or set JUESUAN_CJK_FONT to a TrueType-outline CJK font (.ttf/.ttc)"
        )
    pdfmetrics.registerFont(TTFont(FONT, path, subfontIndex=0))


def width(text: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, FONT, size)


def wrap(text: str, room: float, size: float) -> list[str]:
    """Greedy wrap at any character (CJK has no word spaces), but never right before or
    after a space: a space at a line end would be lost by any text extraction."""
    lines: list[str] = []
    rest = text
    while rest:
        if width(rest, size) <= room:
            lines.append(rest)
            break
        cut, used = 0, 0.0
        while cut < len(rest) and used + width(rest[cut], size) <= room:
            used += width(rest[cut], size)
            cut += 1
        cut = max(cut, 1)
        back = cut
        while back > 1 and (rest[back - 1] == " " or rest[back] == " "):
            back -= 1
        if rest[back - 1] != " " and rest[back] != " ":
            cut = back
        lines.append(rest[:cut])
        rest = rest[cut:]
    return lines or [""]


@dataclass
class Cursor:
    y: float
    page_width: float
    page_height: float

    @property
    def left(self) -> float:
        return MARGIN

    @property
    def right(self) -> float:
        return self.page_width - MARGIN

    @property
    def room(self) -> float:
        return self.page_width - 2 * MARGIN


class Writer:
    """A canvas with a cursor. Pages are counted physically; the footer prints a page
    number from the first numbered page on (the cover and the 目录 have none)."""

    def __init__(self, title: str):
        register_font()
        self.buffer = io.BytesIO()
        # invariant=1: fixed creation date and document ID, so the same input gives the same bytes
        self.canvas = Canvas(self.buffer, pagesize=PORTRAIT, invariant=1, pageCompression=1)
        self.canvas.setTitle(title)
        self.canvas.setAuthor("juesuan fixture renderer")
        self.canvas.setCreator("juesuan fixture renderer")
        self.cursor: Cursor | None = None
        self.first_numbered: int | None = None
        self.pages = 0
        self.fresh = False  # the page holds only a part heading so far

    def new_page(self, size=PORTRAIT) -> Cursor:
        if self.cursor is not None:
            self._footer()
            self.canvas.showPage()
        self.canvas.setPageSize(size)
        self.pages += 1
        self.fresh = False
        self.cursor = Cursor(size[1] - TOP, size[0], size[1])
        return self.cursor

    def number_pages_from_here(self) -> None:
        if self.first_numbered is None:
            self.first_numbered = self.pages

    def _footer(self) -> None:
        if self.first_numbered is None or self.cursor is None:
            return
        number = self.pages - self.first_numbered + 1
        self.text(f"- {number} -", self.cursor.page_width / 2, FOOTER_Y, 9, align="center")

    def fits(self, height: float) -> bool:
        return self.cursor is not None and self.cursor.y - height >= BOTTOM

    def text(self, text: str, x: float, baseline: float, size: float, align: str = "left") -> None:
        if not text:
            return
        self.canvas.setFont(FONT, size)
        if align == "center":
            self.canvas.drawCentredString(x, baseline, text)
        elif align == "right":
            self.canvas.drawRightString(x, baseline, text)
        else:
            self.canvas.drawString(x, baseline, text)

    def paragraph(self, text: str, size: float, indent: float = 0.0, align: str = "left",
                  space_after: float | None = None) -> None:
        """A wrapped paragraph at the cursor; it flows over pages of the same size."""
        leading = size * 1.6
        c = self.cursor
        if align != "left":
            lines = wrap(text, c.room, size)
        else:
            first = wrap(text, c.room - indent, size)[0]
            lines = [first, *wrap(text[len(first):], c.room, size)] if len(first) < len(text) else [first]
        for k, line in enumerate(lines):
            if not self.fits(leading):
                c = self.new_page((c.page_width, c.page_height))
            c.y -= leading
            if align == "center":
                self.text(line, c.page_width / 2, c.y, size, "center")
            elif align == "right":
                self.text(line, c.right, c.y, size, "right")
            else:
                self.text(line, c.left + (indent if k == 0 else 0), c.y, size)
        c.y -= size * 0.6 if space_after is None else space_after

    def spread(self, parts: list[str], size: float) -> None:
        """One line with its parts at the left, centre and right (部门名称 … 金额单位：万元)."""
        c = self.cursor
        c.y -= size * 1.6
        if len(parts) == 2:
            self.text(parts[0], c.left, c.y, size)
            self.text(parts[1], c.right, c.y, size, "right")
        else:
            self.text(parts[0], c.left, c.y, size)
            self.text(" ".join(parts[1:-1]), c.page_width / 2, c.y, size, "center")
            self.text(parts[-1], c.right, c.y, size, "right")
        c.y -= size * 0.6

    def line(self, x0: float, y0: float, x1: float, y1: float, weight: float = 0.5) -> None:
        self.canvas.setLineWidth(weight)
        self.canvas.line(x0, y0, x1, y1)

    def finish(self) -> bytes:
        self._footer()
        self.canvas.showPage()
        self.canvas.save()
        return self.buffer.getvalue()
