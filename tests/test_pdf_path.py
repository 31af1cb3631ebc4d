"""The PDF path lands exactly what the text path lands.

Every fixture in tests/fixtures/pdf/ is a disclosure typeset as a PDF (`tests.render`)
next to its text twin; both go through the real path (parse, load into DuckDB) and every
fact table must hold the same rows, provenance columns aside (a PDF's pages are physical
pages, its lines are the reader's). Then: provenance, flavor fallback, and the documents
that must be refused whole.
"""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2
import pytest

from pipelines import warehouse
from pipelines.model import DocumentError
from pipelines.parsing import pdfgrid
from pipelines.parsing.document import parse_document
from pipelines.parsing.text import squash
from pipelines.raw import read_raw
from tests.render import fixtures as fixture_files
from tests.render.variants import BENCH, VARIANTS
from pipelines.warehouse.facts import FACT_TABLES

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "pdf"
NAMES = [v.name for v in (*VARIANTS, BENCH)]
PROVENANCE = {"page", "source_line", "source_row", "document_sha256"}


@pytest.fixture(scope="session")
def land(tmp_path_factory):
    """Parse a file and load it into its own warehouse, once per session."""
    cache: dict[Path, tuple] = {}

    def load(path: Path):
        if path not in cache:
            disclosure = parse_document(read_raw(path, path.parent))
            conn = warehouse.connect(tmp_path_factory.mktemp("pdf") / "w.duckdb")
            warehouse.load_disclosure(conn, disclosure, None)  # the facts as parsed, checks aside
            cache[path] = (disclosure, conn)
        return cache[path]

    yield load
    for _, conn in cache.values():
        conn.close()


def facts(conn, table: str) -> list[tuple]:
    columns = [c for (c,) in conn.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
        [table]).fetchall() if c not in PROVENANCE]
    return sorted(conn.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall(), key=repr)


def test_fixtures_are_current_and_rendering_is_deterministic(seed_text):
    assert (FIXTURES / "seed.txt").read_text(encoding="utf-8") == seed_text  # the seed is its own twin
    for variant in (*VARIANTS, BENCH):
        text, pdf = fixture_files.build(variant, seed_text)
        assert (FIXTURES / f"{variant.name}.txt").read_text(encoding="utf-8") == text, variant.name
        assert (FIXTURES / f"{variant.name}.pdf").read_bytes() == pdf, f"{variant.name}: run `make fixtures`"
    assert fixture_files.build(VARIANTS[0], seed_text)[1] == fixture_files.build(VARIANTS[0], seed_text)[1]


@pytest.mark.parametrize("name", NAMES)
def test_pdf_lands_exactly_what_its_text_twin_lands(land, name):
    pdf, pdf_conn = land(FIXTURES / f"{name}.pdf")
    text, text_conn = land(FIXTURES / f"{name}.txt")
    assert (pdf.source_format, text.source_format) == ("pdf", "text")
    assert sorted(pdf.tables) == sorted(text.tables)
    for table in FACT_TABLES:
        assert facts(pdf_conn, table) == facts(text_conn, table), table
    assert pdf.info == text.info
    assert [p.project_name for p in pdf.projects] == [p.project_name for p in text.projects]
    assert pdf.staffing.by_category == text.staffing.by_category and pdf.staffing.actual == text.staffing.actual
    # the comparison is not vacuous: every table of the twin, its projects and staffing landed
    assert len(text.tables) >= 9 and text.projects and text.staffing.authorized
    for table in ("fact_income", "fact_expenditure", "fact_summary_line", "fact_basic_expenditure",
                  "fact_three_public", "fact_disclosure_stat", "fact_project_performance",
                  "fact_performance_indicator", "fact_staffing", "fact_narrative"):
        assert facts(pdf_conn, table), table


def test_variants_are_what_they_say(land):
    seed, seed_conn = land(FIXTURES / "seed.txt")
    yuan, yuan_conn = land(FIXTURES / "yuan.txt")
    assert (seed.info.unit, yuan.info.unit) == ("万元", "元")
    amounts = "SELECT source_table, subject_code, row_label, income_source, amount_yuan FROM fact_income"
    assert sorted(seed_conn.execute(amounts).fetchall(), key=repr) == sorted(
        yuan_conn.execute(amounts).fetchall(), key=repr)  # 元 × 1 == 万元 × 10000
    assert any("," in t for (t,) in yuan_conn.execute("SELECT cell_text FROM fact_income").fetchall())
    relabelled, _ = land(FIXTURES / "relabelled.txt")
    assert "公开08" not in relabelled.tables
    assert {t.label for t in relabelled.tables.values()} >= {"表1", "附表2", None}


def test_pdf_provenance_is_physical_pages_and_the_camelot_report(land):
    disclosure, conn = land(FIXTURES / "seed.pdf")
    document = pypdfium2.PdfDocument(FIXTURES / "seed.pdf")
    assert conn.execute("SELECT source_format FROM dim_document").fetchone()[0] == "pdf"
    assert disclosure.page_count == len(document)
    rows = conn.execute("""SELECT table_id, title, pages, extraction_flavor, extraction_accuracy,
                                  extraction_whitespace FROM dim_document_table""").fetchall()
    assert len(rows) == 10
    for table_id, title, pages, flavor, accuracy, whitespace in rows:
        assert flavor == "lattice:vector", table_id
        assert 0 < accuracy <= 100 and 0 <= whitespace < 100
        printed = document[pages[0] - 1].get_textpage().get_text_range()
        assert squash(title) in squash(printed), f"{table_id} is not printed on page {pages[0]}"
    misplaced = conn.execute("""SELECT count(*) FROM fact_income f JOIN dim_document_table t
                                  ON t.table_id = f.source_table WHERE NOT list_contains(t.pages, f.page)""")
    assert misplaced.fetchone()[0] == 0
    _, word = land(FIXTURES / "word.pdf")
    flavors = {f for (f,) in word.execute("SELECT extraction_flavor FROM dim_document_table").fetchall()}
    assert flavors and not any("lattice" in f for f in flavors)  # no vertical rules: text flavors


def test_a_flavor_that_finds_nothing_falls_back(monkeypatch, land, tmp_path):
    """camelot's vector lattice finding no grid (rules it cannot read) is not the end: the
    rendered-page lattice reads the same tables."""
    extract = pdfgrid.extract
    monkeypatch.setattr(pdfgrid, "extract", lambda path, flavor, pages: [] if flavor == pdfgrid.LATTICE_VECTOR
                        else extract(path, flavor, pages))
    source = FIXTURES / "p25.pdf"
    (tmp_path / "fallback.pdf").write_bytes(source.read_bytes())
    disclosure = parse_document(read_raw(tmp_path / "fallback.pdf", tmp_path))
    conn = warehouse.connect(tmp_path / "w.duckdb")
    warehouse.load_disclosure(conn, disclosure, None)
    _, text_conn = land(FIXTURES / "p25.txt")
    for table in FACT_TABLES:
        assert facts(conn, table) == facts(text_conn, table), table
    assert {t.extraction["flavor"] for t in disclosure.tables.values()} == {"lattice:combined"}
    conn.close()


# --- documents refused whole -----------------------------------------------------------------


def _parse(tmp_path: Path, name: str, data: bytes):
    (tmp_path / name).write_bytes(data)
    return parse_document(read_raw(tmp_path / name, tmp_path))


def _scanned() -> bytes:
    """The seed's first pages as pictures: what a scanner makes."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    canvas = Canvas(out, invariant=1)
    document = pypdfium2.PdfDocument(FIXTURES / "seed.pdf")
    for index in range(3):
        page = document[index]
        width, height = page.get_size()
        canvas.setPageSize((width, height))
        canvas.drawImage(ImageReader(page.render(scale=0.5).to_pil()), 0, 0, width, height)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def _encrypted(user_password: str, can_copy: int) -> bytes:
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    canvas = Canvas(out, invariant=1, encrypt=StandardEncryption(user_password, "owner", canCopy=can_copy))
    canvas.drawString(72, 720, "2024")
    canvas.showPage()
    canvas.save()
    return out.getvalue()


@pytest.mark.parametrize("name,make,reason", [
    ("scan.pdf", _scanned, "no text layer"),
    ("cid.pdf", lambda: (FIXTURES / "p25.pdf").read_bytes().replace(b"/ToUnicode", b"/ToUnicodX"),
     "(cid:NN) garbage"),
    ("locked.pdf", lambda: _encrypted("secret", 1), "needs a password"),
    ("no-copy.pdf", lambda: _encrypted("", 0), "does not permit text extraction"),
    ("broken.pdf", lambda: b"%PDF-1.7\n" + b"\x00garbage" * 64, "not a readable PDF"),
    ("truncated.pdf", lambda: (FIXTURES / "p25.pdf").read_bytes()[:150_000], "not a readable PDF"),
])
def test_unreadable_pdfs_are_refused_with_the_reason(tmp_path, name, make, reason):
    with pytest.raises(DocumentError) as error:
        _parse(tmp_path, name, make())
    assert error.value.document == name and reason in error.value.problem


def test_a_refused_pdf_is_listed_as_failed_and_lands_nothing(tmp_path):
    (tmp_path / "scan.pdf").write_bytes(_scanned())
    raw = read_raw(tmp_path / "scan.pdf", tmp_path)
    with pytest.raises(DocumentError) as error:
        parse_document(raw)
    conn = warehouse.connect(tmp_path / "w.duckdb")
    try:
        warehouse.record_failure(conn, raw, error.value.problem)  # what the ingestion asset does
        assert conn.execute("SELECT file_name, source_format, status, status_reason FROM dim_document"
                            ).fetchall() == [("scan.pdf", "pdf", "failed", error.value.problem)]
        for table in FACT_TABLES:
            assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table
    finally:
        conn.close()


def test_a_reading_that_does_not_fit_the_template_falls_back(monkeypatch, land, tmp_path):
    """A grid that lost its first column (a rule missed at the left edge) does not fit: the
    codes printed there are in no cell. The next flavor reads it right."""
    extract = pdfgrid.extract

    def shifted(path, flavor, pages):
        parts = extract(path, flavor, pages)
        if flavor == pdfgrid.LATTICE_VECTOR:
            for part in parts:
                part.cols, part.cells = part.cols[1:], [row[1:] for row in part.cells]
                part.edges = [row[1:] for row in part.edges]
        return parts

    monkeypatch.setattr(pdfgrid, "extract", shifted)
    (tmp_path / "shifted.pdf").write_bytes((FIXTURES / "p25.pdf").read_bytes())
    disclosure = parse_document(read_raw(tmp_path / "shifted.pdf", tmp_path))
    conn = warehouse.connect(tmp_path / "w.duckdb")
    warehouse.load_disclosure(conn, disclosure, None)
    _, text_conn = land(FIXTURES / "p25.txt")
    for table in FACT_TABLES:
        assert facts(conn, table) == facts(text_conn, table), table
    flavors = {t.table_id: t.extraction["flavor"] for t in disclosure.tables.values()}
    assert set(flavors.values()) == {"lattice:combined"}, flavors
    conn.close()
