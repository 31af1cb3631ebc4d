"""The fast text pass over a PDF (pdfium): characters with their positions, physical lines,
ruling lines, and whether the text layer can be trusted at all.

pdfium reports every glyph the page draws, spaces included, plus characters it makes up
itself (line breaks, spaces it guesses from gaps); the made-up ones are skipped so that what
is read is exactly what was printed. Physical lines group characters on one baseline; a
line's runs are the pieces printed apart from each other (a TOC title and its page number,
部门名称 and 金额单位, the cells of a grid row).
"""

from __future__ import annotations


import ctypes
import re
from dataclasses import dataclass, field

import pypdfium2 as pdfium
import pypdfium2.raw as c

from pipelines.model import DocumentError
from pipelines.settings import max_pages

RUN_GAP = 1.5  # points between two glyphs that were printed apart
RULE_THICKNESS = 2.0
MIN_RULE = 4.0
PAGE_NUMBER = re.compile(r"^[-－—–\s]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*/\s*(?:共\s*)?\d{1,4}\s*页?)?[-－—–\s]*$")
CID = re.compile(r"\(cid:\d+\)")


@dataclass
class Char:
    text: str
    x0: float
    x1: float
    y: float  # baseline
    size: float


@dataclass
class Run:
    x0: float
    x1: float
    text: str


@dataclass
class PhysLine:
    page: int
    y: float
    size: float
    runs: list[Run]

    @property
    def x0(self) -> float:
        return self.runs[0].x0

    @property
    def x1(self) -> float:
        return self.runs[-1].x1

    @property
    def text(self) -> str:
        """The runs joined; a gap of under half a character is a word processor's spacing
        between Chinese and Latin text ("2024 年度"), not a space the text has."""
        out = self.runs[0].text
        for before, run in zip(self.runs, self.runs[1:]):
            out += ("" if run.x0 - before.x1 < 0.5 * self.size else " ") + run.text
        return out


@dataclass
class PageText:
    number: int  # physical page, 1-based
    width: float
    height: float
    chars: list[Char]
    h_rules: list[tuple[float, float, float]] = field(default_factory=list)  # (x0, x1, y)
    v_rules: list[tuple[float, float, float]] = field(default_factory=list)  # (x, y0, y1)
    unmapped: int = 0  # glyphs pdfium could not map to Unicode

    def lines(self, keep=lambda ch: True) -> list[PhysLine]:
        """Physical lines top to bottom, of the characters `keep` accepts."""
        return group_lines(self.number, [ch for ch in self.chars if keep(ch)])

    def is_margin(self, line: PhysLine) -> bool:
        """A running footer or header: a page number in the top or bottom margin, or
        alone as the page's last or first line (footers sit higher in some exports)."""
        if not PAGE_NUMBER.match(line.text):
            return False
        if line.y < self.height * 0.08 or line.y > self.height * 0.95:
            return True
        ys = [ch.y for ch in self.chars if not ch.text.isspace()]
        return bool(ys) and (line.y <= min(ys) + 0.5 or line.y >= max(ys) - 0.5)


def open_document(data: bytes, document: str) -> pdfium.PdfDocument:
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        reason = str(error)
        if "password" in reason.lower():
            raise DocumentError(document, "the PDF is encrypted and needs a password") from error
        raise DocumentError(document, f"not a readable PDF (corrupt or truncated): {reason}") from error
    if not c.FPDF_DocumentHasValidCrossReferenceTable(pdf):  # pdfium rebuilt it: objects may be missing
        pdf.close()
        raise DocumentError(document, "the PDF is damaged (its cross-reference table had to be rebuilt)")
    if c.FPDF_GetSecurityHandlerRevision(pdf) != -1 and not c.FPDF_GetDocPermissions(pdf) & (1 << 4):
        pdf.close()
        raise DocumentError(document, "the PDF is encrypted and does not permit text extraction")
    if len(pdf) == 0:
        raise DocumentError(document, "the PDF has no pages")
    if len(pdf) > max_pages():
        pages = len(pdf)
        pdf.close()
        raise DocumentError(document, f"the PDF has {pages} pages, over the limit of {max_pages()} "
                                      "for one disclosure (JUESUAN_MAX_PAGES)")
    return pdf



def read_pages(pdf: pdfium.PdfDocument) -> list[PageText]:
    pages = []
    for index in range(len(pdf)):
        page = pdf[index]
        width, height = page.get_size()
        textpage = page.get_textpage()
        chars, unmapped = _chars(textpage)
        text = PageText(index + 1, width, height, chars, unmapped=unmapped)
        _rules(page, text)
        textpage.close()
        page.close()
        pages.append(text)
    return pages


def _chars(textpage) -> tuple[list[Char], int]:
    out: list[Char] = []
    unmapped = 0
    x, y = ctypes.c_double(), ctypes.c_double()
    box = c.FS_RECTF()
    pending_high = None
    for i in range(c.FPDFText_CountChars(textpage)):
        if c.FPDFText_IsGenerated(textpage, i) == 1:
            continue
        code = c.FPDFText_GetUnicode(textpage, i)
        if code in (0x0A, 0x0D, 0x02) or code == 0:
            continue
        if 0xD800 <= code < 0xDC00:
            pending_high = code
            continue
        if 0xDC00 <= code < 0xE000 and pending_high is not None:
            code = 0x10000 + ((pending_high - 0xD800) << 10) + (code - 0xDC00)
            pending_high = None
        if c.FPDFText_HasUnicodeMapError(textpage, i) == 1:
            unmapped += 1
        c.FPDFText_GetCharOrigin(textpage, i, x, y)
        c.FPDFText_GetLooseCharBox(textpage, i, box)
        size = _printed_size(textpage, i, box)
        out.append(Char(chr(code), min(x.value, box.left), max(box.right, x.value), y.value, size))
    return out, unmapped


def _printed_size(textpage, index: int, box) -> float:
    """The size a glyph is printed at. pdfium's font size ignores the text matrix, and WPS
    draws text at a huge size scaled down by it (720 × 0.05): the printed size is their
    product; the glyph box height where the matrix says nothing."""
    matrix = c.FS_MATRIX()
    size = c.FPDFText_GetFontSize(textpage, index)
    if c.FPDFText_GetMatrix(textpage, index, matrix):
        scale = abs(matrix.a * matrix.d - matrix.b * matrix.c) ** 0.5
        if scale > 0:
            return size * scale
    return max(box.top - box.bottom, 1.0)


def _rules(page, text: PageText) -> None:
    """Thin path objects: the rules a grid is drawn with."""
    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    for i in range(c.FPDFPage_CountObjects(page)):
        obj = c.FPDFPage_GetObject(page, i)
        if c.FPDFPageObj_GetType(obj) != c.FPDF_PAGEOBJ_PATH:
            continue
        c.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
        w, h = right.value - left.value, top.value - bottom.value
        if h <= RULE_THICKNESS and w >= MIN_RULE:
            text.h_rules.append((left.value, right.value, (top.value + bottom.value) / 2))
        elif w <= RULE_THICKNESS and h >= MIN_RULE:
            text.v_rules.append(((left.value + right.value) / 2, bottom.value, top.value))


def group_lines(page: int, chars: list[Char]) -> list[PhysLine]:
    """Characters on one baseline (within a fifth of their size) form a line; glyphs printed
    apart form separate runs."""
    rows: list[list[Char]] = []
    for ch in sorted(chars, key=lambda ch: (-ch.y, ch.x0)):
        if rows and abs(rows[-1][0].y - ch.y) <= max(rows[-1][0].size, ch.size) * 0.2:
            rows[-1].append(ch)
        else:
            rows.append([ch])
    out = []
    for row in rows:
        runs: list[Run] = []
        for ch in sorted(row, key=lambda ch: ch.x0):
            if runs and ch.x0 - runs[-1].x1 <= RUN_GAP:
                runs[-1].text += ch.text
                runs[-1].x1 = max(runs[-1].x1, ch.x1)
            else:
                runs.append(Run(ch.x0, ch.x1, ch.text))
        runs = [r for r in runs if r.text.strip()]
        if runs:
            out.append(PhysLine(page, row[0].y, max(ch.size for ch in row), runs))
    return out


def text_layer_problem(pages: list[PageText]) -> str | None:
    """Why the text layer cannot be read, or None: no text at all (a scan), or glyphs without
    a Unicode meaning (what other tools print as (cid:NN))."""
    chars = [ch.text for p in pages for ch in p.chars if not ch.text.isspace()]
    if len(chars) < 20 * len(pages) and len(chars) < 200:
        return (f"no text layer ({len(chars)} characters on {len(pages)} pages): a scanned or "
                "image-only PDF; OCR is not supported")
    text = "".join(chars)
    bad = sum(p.unmapped for p in pages) + len(CID.findall(text))
    bad += sum(1 for ch in text if ch == "\ufffd" or "\ue000" <= ch <= "\uf8ff" or ord(ch) < 0x20)
    cjk = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    if bad > len(text) * 0.02 or cjk < len(text) * 0.1:
        return (f"the text layer is unreadable ({bad} of {len(text)} glyphs have no Unicode "
                f"mapping, {cjk} Chinese characters): fonts without a ToUnicode map print as "
                "(cid:NN) garbage; OCR is not supported")
    return None
