"""One grain per analyst view: for every document of the test corpus, each view's declared key
is unique and the plain SUM of its amount equals the document's printed total for that table,
within the document's own rounding (half a unit of the last printed digit per figure summed)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

import expectations
from pipelines import warehouse
from pipelines.parsing.document import parse_document
from pipelines.raw import read_raw
from pipelines.warehouse.grains import GRAINS
from tests.corpus import CORPUS

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS = [ROOT / "raw" / "000_744c7817695ce87c.txt", ROOT / "tests" / "fixtures" / "office" / "calc_tables.pdf",
             CORPUS / "final_2024_putuo_planning.pdf", CORPUS / "budget_2025_putuo_finance.pdf"]
HALF_UNIT = {"万元": Decimal("0.005"), "元": Decimal("0.000005")}  # in 万元


@pytest.fixture(scope="module")
def landed(tmp_path_factory):
    """Each document in a warehouse of its own (the office export is the seed laid out anew)."""
    found = {}
    for path in DOCUMENTS:
        if not path.is_file():
            continue
        conn = warehouse.connect(tmp_path_factory.mktemp("grain") / "w.duckdb")
        d = parse_document(read_raw(path))
        assert warehouse.load_disclosure(conn, d, expectations.validate(d)).status == "current"
        found[path.name] = conn
    yield found
    for conn in found.values():
        conn.close()


@pytest.mark.parametrize("grain", GRAINS, ids=[f"{g.view}.{g.amount}" for g in GRAINS])
def test_each_view_has_its_grain_and_sums_to_the_printed_total(landed, grain):
    for name, conn in landed.items():
        duplicates = conn.execute(f"SELECT {', '.join(grain.key)}, count(*) FROM {grain.view} "
                                  f"GROUP BY ALL HAVING count(*) > 1").fetchall()
        assert duplicates == [], (name, grain.view, duplicates)
        printed = dict(conn.execute(grain.printed_total).fetchall())
        summed = {sha: (total, n) for sha, total, n in conn.execute(
            f"SELECT document_sha256, sum({grain.amount}), count({grain.amount}) FROM {grain.view} GROUP BY 1"
        ).fetchall()}
        assert set(summed) <= set(printed), (name, grain.view)  # nothing summed without a printed total
        for sha, total in printed.items():
            got, n = summed.get(sha, (Decimal(0), 0))
            unit = conn.execute("SELECT amount_unit FROM dim_document WHERE document_sha256 = ?", [sha]).fetchone()[0]
            allowed = HALF_UNIT[unit] * (n + 1)
            assert abs((got or Decimal(0)) - (total or Decimal(0))) <= allowed, (name, grain.view, got, total)


def test_the_corpus_is_here_or_said_missing(landed):
    """The seed and the office export always; the real PDF when the corpus is beside the repository."""
    assert {"000_744c7817695ce87c.txt", "calc_tables.pdf"} <= set(landed)
    if not (CORPUS / "final_2024_putuo_planning.pdf").is_file():
        pytest.skip(f"the real-PDF corpus is not here ({CORPUS}); its document is not checked")


def test_narrative_mismatches_have_a_row_each_with_both_values(landed):
    """The seed's 情况说明 restates three 公开06 figures wrongly: narrative and table values the
    right way round, a blank table cell as NULL (not 0.00), the difference, table and page."""
    conn = landed["000_744c7817695ce87c.txt"]
    rows = conn.execute("""SELECT subject, narrative_value, table_value, difference, unit, beyond_rounding, "table", page
                           FROM v_narrative_mismatch ORDER BY subject""").fetchall()
    assert rows == [("其他商品和服务支出", Decimal("10.25"), None, Decimal("10.25"), "万元", True, "公开06", 19),
                    ("办公费", Decimal("25.20"), Decimal("35.45"), Decimal("-10.25"), "万元", True, "公开06", 19),
                    ("工会经费", Decimal("7.34"), Decimal("7.37"), Decimal("-0.03"), "万元", True, "公开06", 19)]


def test_the_readmes_questions_run_and_answer(landed):
    """The SQL the README gives analysts runs on a real warehouse and returns rows."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("## For analysts", 1)[1].split("```sql", 1)[1].split("```", 1)[0]
    statements = [s for s in block.split(";") if s.strip() and not all(
        line.strip().startswith("--") or not line.strip() for line in s.splitlines())]
    assert len(statements) >= 6
    conn = landed["000_744c7817695ce87c.txt"]
    for statement in statements:
        assert conn.execute(statement).fetchall(), statement


def test_leaves_decided_at_landing_are_the_trees_leaves(landed):
    """Each fact row's is_leaf, decided as its document lands, is what the tree says: coded,
    and no longer code of the same table extends it. A warehouse landed before the column
    existed (is_leaf NULL) gets the same flags from the schema's backfill when next opened."""
    from pipelines.warehouse.connection import ensure_schema
    from pipelines.warehouse.facts import TREE_CODES

    conn = next(iter(landed.values()))
    for table, code in TREE_CODES.items():
        decided = conn.execute(f"SELECT source_table, source_row, {code}, is_leaf FROM {table} ORDER BY ALL").fetchall()
        codes: dict[str, set] = {}
        for source, _, c, _ in decided:
            codes.setdefault(source, set()).add(c)
        rule = [(s, r, c, c is not None and not any(o and len(o) > len(c) and o.startswith(c) for o in codes[s]))
                for s, r, c, _ in decided]
        assert decided == rule and any(leaf for *_, leaf in decided) and not all(leaf for *_, leaf in decided)
        conn.execute(f"UPDATE {table} SET is_leaf = NULL")
        ensure_schema(conn)
        assert conn.execute(f"SELECT source_table, source_row, {code}, is_leaf FROM {table} ORDER BY ALL").fetchall() \
            == decided
