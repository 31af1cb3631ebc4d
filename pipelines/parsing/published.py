"""When a document was published: what orders the versions of a department-year.

The date the document prints on a line of its own (公开日期：2025年9月16日, or 二〇二五年九月 on the
cover), else its PDF metadata (ModDate, else CreationDate), else the file's modification time.
Which version is current is decided by this date (ties by content), never by file names or
the order documents were ingested in (pipelines/warehouse/publication.py).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from datetime import datetime, timedelta, timezone

PRINTED, METADATA, FILE_TIME = "printed", "PDF metadata", "file time"

CHINESE_DIGITS = {c: n for n, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0, "Ｏ": 0}
NUMBER = r"[0-9０-９〇○Ｏ零一二三四五六七八九十]"
DATE_LINE = re.compile(
    rf"^(?:(?:公开|发布|印发|编制)(?:日期|时间)\s*[:：]?\s*)?({NUMBER}{{4}})\s*年\s*({NUMBER}{{1,3}})\s*月"
    rf"(?:\s*({NUMBER}{{1,3}})\s*日)?$")
PDF_DATE = re.compile(r"^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz]|[+-]\d{2}'?\d{2}'?)?")


def _number(text: str) -> int:
    """Arabic, full-width or Chinese digits; 十 as in 九月, 十二月, 二十三日."""
    text = text.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (CHINESE_DIGITS[tens] if tens else 1) * 10 + (CHINESE_DIGITS[ones] if ones else 0)
    return int("".join(str(CHINESE_DIGITS[c]) for c in text))


def printed_date(lines: Iterable[str]) -> datetime | None:
    """The latest date printed on a line of its own (a cover or signature date)."""
    found = []
    for line in lines:
        match = DATE_LINE.match(line.strip().replace(" ", ""))
        if match:
            try:
                found.append(datetime(_number(match[1]), _number(match[2]), _number(match[3] or "1")))
            except (KeyError, ValueError):  # 十三月, 三十二日: not a date
                continue
    return max(found, default=None)


def pdf_date(value: str | None) -> datetime | None:
    """A PDF date string (D:20250916093508+08'00') in UTC, naive."""
    match = PDF_DATE.match(value or "")
    if not match:
        return None
    parts = [int(p) if p else d for p, d in zip(match.groups()[:6], (0, 1, 1, 0, 0, 0))]
    try:
        moment = datetime(*parts)
    except ValueError:
        return None
    zone = match[7]
    if zone and zone not in "Zz":
        digits = zone.replace("'", "")
        offset = timedelta(hours=int(digits[1:3]), minutes=int(digits[3:5] or 0))
        moment -= offset if digits[0] == "+" else -offset
    return moment


def pdf_metadata_date(data: bytes) -> datetime | None:
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    try:
        metadata = document.get_metadata_dict()
    finally:
        document.close()
    return pdf_date(metadata.get("ModDate")) or pdf_date(metadata.get("CreationDate"))


def file_time(path: str) -> datetime | None:
    try:
        seconds = os.stat(path).st_mtime
    except OSError:
        return None
    return datetime.fromtimestamp(seconds, timezone.utc).replace(tzinfo=None)


def publication(lines: Iterable[str], path: str, pdf: bytes | None = None) -> tuple[datetime | None, str | None]:
    """(when, where that came from): printed, else PDF metadata, else the file's time."""
    for source, find in ((PRINTED, lambda: printed_date(lines)),
                         (METADATA, lambda: pdf_metadata_date(pdf) if pdf else None),
                         (FILE_TIME, lambda: file_time(path))):
        when = find()
        if when is not None:
            return when, source
    return None, None
