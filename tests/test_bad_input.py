"""Bad input: each gets a clear error that names the document and the problem.

The corpus is made from the seed, each case one deliberate defect, so every test shows exactly
what is wrong with its document."""

from __future__ import annotations

import pytest

from pipelines.model import DocumentError
from pipelines.parsing.document import parse_document
from pipelines.raw import RawDocument, detect_format, read_raw


def raw_of(name: str, data: bytes) -> RawDocument:
    return RawDocument(name, name, "0" * 64, len(data), detect_format(name, data), data)


def edited(seed_text: str, old: str, new: str, count: int = 1) -> bytes:
    assert old in seed_text, old
    return seed_text.replace(old, new, count).encode("utf-8")


def error_of(name: str, data: bytes) -> str:
    with pytest.raises(DocumentError) as caught:
        parse_document(raw_of(name, data))
    assert caught.value.document == name
    return str(caught.value)


def test_zero_byte_file():
    assert error_of("空.txt", b"") == "空.txt: the file is empty"


def test_a_text_that_is_not_a_disclosure():
    message = error_of("notes.txt", "会议纪要\n\n一、会议内容\n讨论了工作安排。\n".encode())
    assert "not a final-accounts disclosure" in message


@pytest.mark.parametrize("name,problem", [
    ("report.docx", "unsupported file type .docx"),
    ("table.xls", "unsupported file type .xls"),
    ("bundle.zip", "unsupported file type .zip"),
    ("README", "unsupported file type (no suffix)"),
    ("fake.pdf", "named .pdf but is not a PDF"),
])
def test_files_that_are_not_documents(name, problem):
    assert problem in error_of(name, b"PK\x03\x04 some bytes")


def unreadable_of(name: str, data: bytes, table_id: str) -> str:
    """A table that cannot be read is kept with its problem and no rows; the others are read."""
    disclosure = parse_document(raw_of(name, data))
    table = disclosure.tables[table_id]
    assert table.problem and not table.rows
    assert all(t.rows or t.empty for k, t in disclosure.tables.items() if k != table_id)
    return table.problem


def test_a_table_with_a_column_missing(seed_text):
    data = edited(seed_text, "本年支出合计\t基本支出\t项目支出\t上缴 上级 支出",
                  "本年支出合计\t基本支出\t其他\t上缴 上级 支出")
    message = unreadable_of("missing-column.txt", data, "公开03")
    assert "公开03 支出决算表: no 项目支出 column" in message and "(page 7)" in message


@pytest.mark.parametrize("bad", ["571.1a", "571..13", "5 7 1.13.0"])
def test_amounts_with_letters_or_two_decimal_points(seed_text, bad):
    message = unreadable_of("bad-amount.txt", edited(seed_text, "2010301\t行政运行\t571.13",
                                                     f"2010301\t行政运行\t{bad}"), "公开02")
    assert "公开02 收入决算表" in message and f"'{bad}' is not an amount" in message
    assert "line 141" in message and "本年收入合计" in message


def test_wrong_unit_label(seed_text):
    message = unreadable_of("wrong-unit.txt", edited(seed_text, "2024年度单位:万元", "2024年度单位:千元"), "公开07")
    assert "公开07 政府性基金预算财政拨款收入支出决算表: unknown amount unit '千元'" in message


def test_missing_unit_label_everywhere(seed_text):
    text = seed_text.replace("金额单位：万\n元", "").replace("金额单位：万元", "")
    text = text.replace("单位:万元", "").replace("单位：万元", "")
    message = error_of("no-unit.txt", text.encode("utf-8"))
    assert "no table states its amount unit" in message


def test_the_same_table_twice(seed_text):
    start, end = seed_text.index("收入决算表\n\n公开02表"), seed_text.index("支出决算表\n\n公开03表")
    data = (seed_text[:end] + seed_text[start:end] + seed_text[end:]).encode("utf-8")
    assert "公开02 收入决算表 appears twice" in error_of("twice.txt", data)


def test_gbk_text_is_decoded(seed_path, tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes(seed_path.read_text(encoding="utf-8").encode("gbk"))
    disclosure = parse_document(read_raw(path, tmp_path))
    assert disclosure.info.department == "山西省人民政府驻上海办事处"
    assert disclosure.tables["公开02"].rows[0].cells["本年收入合计"].value == 15556300


def test_undecodable_bytes_are_a_clear_error():
    message = error_of("binary.txt", bytes(range(256)) * 4)
    assert "neither UTF-8 nor GBK" in message


@pytest.mark.parametrize("name", ["with space.txt", "决算 公开.txt", "-leading-dash.txt", "new\nline.txt"])
def test_odd_file_names_parse_like_any_other(seed_path, tmp_path, name):
    path = tmp_path / name
    path.write_bytes(seed_path.read_bytes())
    disclosure = parse_document(read_raw(path, tmp_path))
    assert disclosure.source_path == name and len(disclosure.tables) == 10


def test_nothing_outside_the_raw_folder_is_read(tmp_path, seed_path):
    import dagster as dg

    from assets.ingestion.resources import RawFolder
    from pipelines.raw import list_raw

    raw, outside = tmp_path / "raw", tmp_path / "secret.txt"
    raw.mkdir()
    outside.write_bytes(seed_path.read_bytes())
    (raw / "link.txt").symlink_to(outside)
    (raw / "ok.txt").write_bytes(seed_path.read_bytes())
    assert [p.name for p in list_raw(raw)] == ["ok.txt"]
    folder = RawFolder(path=str(raw))
    assert list(folder.documents()) == ["ok.txt"]
    with pytest.raises(dg.Failure, match="outside the raw folder"):
        folder.file("../secret.txt")


def test_a_2000_page_pdf_is_refused_quickly_and_clearly(tmp_path):
    import time

    from reportlab.pdfgen import canvas

    path = tmp_path / "huge.pdf"
    pdf = canvas.Canvas(str(path), invariant=1)
    for _ in range(2000):
        pdf.drawString(72, 720, "page")
        pdf.showPage()
    pdf.save()
    started = time.monotonic()
    with pytest.raises(DocumentError, match="huge.pdf: the PDF has 2000 pages, over the limit of 500"):
        parse_document(read_raw(path, tmp_path))
    assert time.monotonic() - started < 5


def test_a_pdf_that_is_not_a_disclosure(tmp_path):
    from reportlab.pdfgen import canvas

    from tests.render.canvas import FONT, register_font

    register_font()
    path = tmp_path / "会议纪要.pdf"
    pdf = canvas.Canvas(str(path), invariant=1)
    pdf.setFont(FONT, 12)
    for n, line in enumerate(["会议纪要", "一、会议内容", "讨论了下一阶段的工作安排。"]):
        pdf.drawString(72, 720 - 20 * n, line)
    pdf.showPage()
    pdf.save()
    with pytest.raises(DocumentError, match="会议纪要.pdf: no standard 决算 or 预算 table found"):
        parse_document(read_raw(path, tmp_path))


def test_a_printed_code_that_is_no_subject_code_lands_read_by_its_name(seed_text, tmp_path):
    """7 printed for 210: the row lands as printed (printed_code), is read as 210 by its name
    (卫生健康支出 has that one code elsewhere in the document), and is noted; the document
    is current, not quarantined."""
    import expectations
    from pipelines import warehouse

    data = edited(seed_text, "210\t卫生健康支出\t38.22\t38.22\t\t\t\t\t", "7\t卫生健康支出\t38.22\t38.22\t\t\t\t\t")
    disclosure = parse_document(raw_of("seven.txt", data))
    assert any("printed code '7' is not a 功能分类 subject code; read as 210 by its name" in w
               for w in disclosure.warnings)
    conn = warehouse.connect(tmp_path / "w.duckdb")
    result = warehouse.load_disclosure(conn, disclosure, expectations.validate(disclosure))
    assert result.status == "current"
    rows = conn.execute("""SELECT DISTINCT subject_code, printed_code, row_label FROM fact_income
                           WHERE printed_code IS NOT NULL""").fetchall()
    assert rows == [("210", "7", "卫生健康支出")]
    conn.close()


def test_an_amount_beyond_the_warehouse_decimal_is_that_tables_clear_error(seed_text):
    message = unreadable_of("huge.txt", edited(seed_text, "2010301\t行政运行\t571.13",
                                               "2010301\t行政运行\t123456789012345.67"), "公开02")
    assert "'123456789012345.67' is beyond what the warehouse holds exactly (under 10^16 元)" in message


def test_an_amount_beyond_decimal_quarantines_the_document_without_crashing(seed_text, tmp_path):
    """Validation and loading go through: the document lands quarantined naming the table."""
    import expectations
    from pipelines import warehouse

    text = seed_text.replace("2010301\t行政运行\t571.13", "2010301\t行政运行\t123456789012345.67")
    disclosure = parse_document(raw_of("huge.txt", text.encode()))
    conn = warehouse.connect(tmp_path / "w.duckdb")
    result = warehouse.load_disclosure(conn, disclosure, expectations.validate(disclosure))
    assert result.status == "quarantined"
    reason = conn.execute("SELECT status_reason FROM dim_document").fetchone()[0]
    assert "公开02 收入决算表" in reason and "under 10^16 元" in reason
    conn.close()


def test_a_narrative_figure_beyond_decimal_is_a_clear_error(seed_text):
    message = error_of("huge-narrative.txt", edited(seed_text, "2024年度收入总计1,555.63万元",
                                                      "2024年度收入总计123456789012345.67万元"))
    assert "the figure 123456789012345.67万元 in 情况说明 is beyond what the warehouse holds exactly" in message
