"""Fixture PDFs of disclosures, typeset the way government PDFs are produced.

The input is the text form (its lines are the parsed structure: headings, paragraphs, tab
rows) plus a `Style` (spreadsheet export with ruled grids, or a word processor's tables with
horizontal rules only). Variants of the template family are transformations of the text
(`variants.py`), so every PDF has a text twin that the text path reads: the proof that the
PDF path lands the same facts compares the two. Deterministic: same text and style, same bytes.
"""

from __future__ import annotations

from tests.render.structure import read_blocks
from tests.render.typeset import Style, render_blocks


def render_pdf(text: str, style: Style = Style(), title: str = "决算公开") -> bytes:
    return render_blocks(read_blocks(text), style, title)


__all__ = ["Style", "render_pdf"]
