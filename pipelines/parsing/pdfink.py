"""Ink without text: a damaged text layer, told by rendering the page.

A font without a Unicode map, or figures drawn as outlines, print digits that the text layer
does not have: the cell reads blank while the page shows ink there. Landing it would turn a
printed figure into a blank, so such a document is refused with the pages named. Only cells a
ruled grid bounds on every side are looked at (a merged cell's text stands in its first cell,
and its ink may cross the others).
"""

from __future__ import annotations

import numpy as np
import pypdfium2 as pdfium

SCALE = 1.0  # 72 dpi: a digit is still several dark pixels
DARK = 128  # grey level below which a pixel is ink
MIN_INK = 6  # dark pixels in a blank cell that mean something is printed there
INSET = 2.0  # points kept clear of the cell's rules


def inked_blank_cells(data: bytes, parts) -> dict[int, int]:
    """Page -> how many blank single cells of the given lattice parts print ink."""
    by_page: dict[int, list] = {}
    for part in parts:
        if part.edges:
            by_page.setdefault(part.page, []).append(part)
    found: dict[int, int] = {}
    pdf = pdfium.PdfDocument(data)
    try:
        for number, page_parts in by_page.items():
            page = pdf[number - 1]
            height = page.get_height()
            image = np.asarray(page.render(scale=SCALE, grayscale=True).to_pil().convert("L"))
            page.close()
            count = sum(_inked(image, height, part, r, c) for part in page_parts
                        for r, row in enumerate(part.cells) for c, text in enumerate(row)
                        if not text and _single(part, r, c))
            if count:
                found[number] = count
    finally:
        pdf.close()
    return found


def _single(part, r: int, c: int) -> bool:
    """A cell ruled on all four sides: it starts a row and a column, and so do its right and
    lower neighbours (or it is the last)."""
    edges = part.edges
    right = c + 1 >= len(edges[r]) or edges[r][c + 1][0]
    below = r + 1 >= len(edges) or edges[r + 1][c][1]
    return edges[r][c][0] and edges[r][c][1] and right and below


def _inked(image, height: float, part, r: int, c: int) -> bool:
    (left, right), (top, bottom) = part.cols[c], part.rows[r]
    x0, x1 = int((left + INSET) * SCALE), int((right - INSET) * SCALE)
    y0, y1 = int((height - top + INSET) * SCALE), int((height - bottom - INSET) * SCALE)
    if x1 <= x0 or y1 <= y0:
        return False
    return int((image[y0:y1, x0:x1] < DARK).sum()) >= MIN_INK
