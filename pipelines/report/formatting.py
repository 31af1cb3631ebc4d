"""Printed numbers: exact DECIMAL, two decimals, rounded half up (四舍五入), never via float."""

from __future__ import annotations

from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
EMPTY = "—"


def wan(value: Decimal | int | None) -> str:
    """An amount in 万元 as the report prints it: 1,555.63 (thousands separated)."""
    if value is None:
        return EMPTY
    if isinstance(value, float):
        raise TypeError("amounts are printed from DECIMAL, never from float")
    rounded = Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)
    if rounded == 0:
        rounded = abs(rounded)  # no "-0.00"
    return f"{rounded:,}"


def pct(value: Decimal | None) -> str:
    """A percentage with two decimals: 97.01%."""
    return EMPTY if value is None else f"{wan(value)}%"


def points(value: Decimal | None) -> str:
    """A score (分) with two decimals."""
    return wan(value)


def share(part: Decimal | None, whole: Decimal | None) -> str:
    if part is None or not whole:
        return EMPTY
    return pct(part / whole * 100)


def when(value: datetime | None) -> str:
    if value is None:
        return EMPTY
    return value.strftime("%Y-%m-%d %H:%M") if (value.hour, value.minute) != (0, 0) else value.strftime("%Y-%m-%d")
