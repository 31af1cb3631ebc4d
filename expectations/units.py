"""Is a table's printed 金额单位 the unit its figures are in?

A table whose unit line says 元 over figures in 万元 reads every amount 10,000 times too small,
and every identity within the table still balances: only other statements of the same amounts
can tell. The 情况说明 states the main totals in words (with their own unit), and the other
tables print them again. A table is contradicted when its figures meet those statements only
after scaling by 10⁴ (never as printed): that is an extraction finding naming both sides,
because our reading of the table, not the document, is then wrong.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from pipelines.amounts import WAN
from pipelines.model import Disclosure, ParsedTable

FACTORS = {WAN: "万元 printed as 元", 1 / WAN: "元 printed as 万元"}
KEY = Decimal("0.01")  # compare in 万元 to 2 decimals: the precision the documents print
SIGNIFICANT = Decimal(10)  # smaller figures (in 万元) meet by chance too easily
EVIDENCE = 2  # distinct figures that must agree only when scaled
NARRATIVE_MEASURES = ("amount", "budget")


@dataclass(frozen=True)
class Contradiction:
    table: str
    unit: str  # as printed
    factor: Decimal
    witness: str  # 情况说明, or the other table
    figures: tuple[str, ...]  # a few of the figures that agree only when scaled

    def describe(self) -> str:
        shown = ", ".join(self.figures)
        return (f"{self.table} prints 金额单位 {self.unit}, but its figures agree with the {self.witness} "
                f"only ×{self.factor.normalize():f} ({FACTORS[self.factor]}: {shown}); not one agrees as printed")


def _wan(yuan: Decimal) -> Decimal:
    return (yuan / WAN).quantize(KEY)


def _table_amounts(table: ParsedTable) -> set[Decimal]:
    """The table's amounts in 元 as read (its printed unit applied), non-zero."""
    return {c.value for r in table.rows if r.keys.get("measure", "amount") == "amount"
            for c in r.cells.values() if c.value}


def _meet(amounts: set[Decimal], stated: set[Decimal], factor: Decimal) -> set[Decimal]:
    """Statements (万元) met by the table's amounts scaled by `factor`, significant ones only."""
    scaled = {_wan(a * factor) for a in amounts}
    return {s for s in stated if abs(s) >= SIGNIFICANT and s in scaled}


def _verdict(table: ParsedTable, amounts: set[Decimal], stated: set[Decimal], witness: str) -> Contradiction | None:
    if _meet(amounts, stated, Decimal(1)):
        return None
    for factor in FACTORS:
        met = _meet(amounts, stated, factor)
        if len(met) >= EVIDENCE:
            return Contradiction(table.table_id, table.unit, factor, witness,
                                 tuple(f"{m} 万元" for m in sorted(met, reverse=True)[:3]))
    return None


def contradictions(disclosure: Disclosure) -> list[Contradiction]:
    """Tables whose unit the 情况说明 contradicts or, where it says nothing either way, more of
    the other tables contradict than confirm."""
    narrative = {_wan(f.value) for f in disclosure.narrative
                 if f.unit == "元" and f.measure in NARRATIVE_MEASURES}
    tables = {t.table_id: (t, _table_amounts(t)) for t in disclosure.tables.values() if not t.problem}
    found = []
    for table_id, (table, amounts) in sorted(tables.items()):
        if not amounts:
            continue
        if _meet(amounts, narrative, Decimal(1)):
            continue  # the 情况说明 confirms the unit
        verdict = _verdict(table, amounts, narrative, "情况说明")
        if verdict is None:
            confirm, contradict = 0, []
            for other_id, (other, other_amounts) in sorted(tables.items()):
                stated = {_wan(a) for a in other_amounts}
                if other_id == table_id or not stated:
                    continue
                if len(_meet(amounts, stated, Decimal(1))) >= EVIDENCE:
                    confirm += 1
                elif v := _verdict(table, amounts, stated, f"{other_id} ({other.unit})"):
                    contradict.append(v)
            verdict = contradict[0] if len(contradict) > confirm else None
        if verdict:
            found.append(verdict)
    return found
