"""Printed amounts: the units documents print them in and how a printed number is read.

The one list of units and the one number reader every part uses (table cells, 情况说明
sentences, 绩效自评表 figures, the checks, the reports), so 万元 means the same everywhere.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

# What one printed unit is in 元 (万 alone is how sentences abbreviate 万元).
YUAN_PER_UNIT = {"元": Decimal(1), "万元": Decimal(10_000), "万": Decimal(10_000), "亿元": Decimal(100_000_000)}
WAN = YUAN_PER_UNIT["万元"]
TABLE_UNITS = ("万元", "元")  # what a table's 金额单位 prints

NUMBER = re.compile(r"^[-+]?\d+(?:\.\d+)?$")
THOUSANDS = re.compile(r"(?<=\d)[,，](?=\d{3}(?:\D|$))")


def parse_number(raw: str) -> Decimal | None:
    """A printed number as Decimal, its printed digits kept (thousands separators, full-width
    digits and spaces allowed), or None if it is not one."""
    text = THOUSANDS.sub("", unicodedata.normalize("NFKC", raw).strip()).replace(" ", "")
    return Decimal(text) if NUMBER.match(text) else None
