"""parse_narrative: the figures of 第三部分 情况说明, on the seed document and on other wordings."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from pipelines.model import NarrativeFact
from pipelines.parsing.narrative import parse_narrative
from pipelines.parsing.sections import split_parts
from pipelines.parsing.text import Line, decode, read_lines

SEED = Path(__file__).resolve().parent.parent / "raw" / "000_744c7817695ce87c.txt"
SUBJECTS = {"办公费": "economic:30201", "工会经费": "economic:30228", "其他商品和服务支出": "economic:30299"}


def wan(text: str) -> Decimal:
    """An amount printed in 万元, in 元."""
    return Decimal(text.replace(",", "")) * 10_000


def find(facts: list[NarrativeFact], quantity: str, measure: str) -> list[NarrativeFact]:
    return [f for f in facts if f.quantity == quantity and f.measure == measure]


def narrative(*paragraphs: str) -> list[NarrativeFact]:
    """Parse a synthetic 情况说明: one line per paragraph, blank lines between, as in the text form."""
    lines = []
    for text in paragraphs:
        lines.append(Line(no=len(lines) + 1, text=text, page=1))
        lines.append(Line(no=len(lines) + 1, text="", page=1))
    return parse_narrative(lines)


@pytest.fixture(scope="module")
def seed() -> list[NarrativeFact]:
    lines = read_lines(decode(SEED.read_bytes(), SEED.name))
    return parse_narrative(split_parts(lines)["explanation"], SUBJECTS)


# --- the seed document ------------------------------------------------------------------


def test_seed_total_income_with_change_and_prior_year(seed):
    (amount,) = find(seed, "total_income", "amount")
    assert amount.value == wan("1555.63") == Decimal(15556300)
    assert amount.unit == "元"
    assert amount.section == "一、收入支出决算总体情况说明"
    assert amount.subject == "收入总计"
    assert (amount.ref.page, amount.ref.line, amount.ref.row) == (17, 404, 1)

    # stated twice: beside the amount, and a paragraph later ("较2023年整体减少72.00万元")
    changes = find(seed, "total_income", "yoy_change")
    assert [(c.ref.line, c.value) for c in changes] == [(404, -wan("72.00")), (406, -wan("72.00"))]
    assert {c.prior_year_value for c in changes} == {wan("1627.63")}
    (pct,) = find(seed, "total_income", "yoy_pct")
    assert pct.value == Decimal("-4.42")
    assert pct.prior_year_value == wan("1627.63")


def test_seed_income_and_expenditure_structure(seed):
    (share,) = find(seed, "income:财政拨款收入", "share_pct")
    assert share.value == Decimal("99.11") and share.unit == "%"
    (basic,) = find(seed, "expenditure:基本支出", "amount")
    assert basic.value == wan("850.54")
    (basic_share,) = find(seed, "expenditure:基本支出", "share_pct")
    assert basic_share.value == Decimal("55.40")


def test_seed_general_budget_completion_and_classes(seed):
    (completion,) = find(seed, "general_budget_expenditure", "completion_pct")
    assert completion.value == Decimal("101.07")
    (budget,) = find(seed, "general_budget_expenditure", "budget")
    assert budget.value == wan("1,518.93")
    (change,) = find(seed, "general_budget_expenditure", "yoy_change")
    assert change.value == -wan("52.09") and change.prior_year_value == wan("1587.23")
    classes = {f.quantity: f.value for f in seed if f.measure == "amount" and (f.quantity or "").startswith("general_budget_class:")}
    assert classes == {
        "general_budget_class:一般公共服务支出": wan("1235.24"),
        "general_budget_class:社会保障和就业支出": wan("261.67"),
        "general_budget_class:卫生健康支出": wan("38.22"),
    }


def test_seed_receptions_and_vehicles(seed):
    assert [f.value for f in seed if f.quantity == "receptions:batches"] == [61]
    assert [f.value for f in seed if f.quantity == "receptions:persons"] == [295]
    assert find(seed, "receptions:batches", "count")[0].unit == "批次"
    assert find(seed, "receptions:persons", "count")[0].unit == "人次"
    assert [f.value for f in seed if f.quantity == "receptions_foreign:batches"] == [0]
    (vehicles,) = find(seed, "vehicles", "count")
    assert vehicles.value == 3 and vehicles.unit == "辆"
    assert [f.value for f in find(seed, "vehicles:应急保障用车", "count")] == [1]
    assert [f.value for f in find(seed, "official_vehicles", "count")] == [3]
    (equipment,) = find(seed, "large_equipment", "count")
    assert equipment.value == 0 and equipment.unit == "台（套）"
    # "单价100万元（含）以上" is a threshold, not a figure
    assert not [f for f in seed if f.unit == "元" and f.value == wan("100")]


def test_seed_public_funds_items_resolve_through_subjects(seed):
    items = {f.quantity: f.value for f in seed if (f.quantity or "").startswith("economic:")}
    assert items == {
        "economic:30201": Decimal(252_000),
        "economic:30228": Decimal(73_400),
        "economic:30299": Decimal(102_500),
    }
    # in section 六 公务用车运行维护费 is a 公开06 item, not the “三公” figure
    in_six = [f for f in seed if f.section.startswith("六、") and f.subject == "公务用车运行维护费"]
    assert len(in_six) == 1 and in_six[0].quantity is None


def test_seed_three_public_and_reasons(seed):
    (three,) = find(seed, "three_public", "amount")
    assert three.value == wan("36.85")
    (change,) = find(seed, "three_public", "yoy_change")
    assert change.value == wan("2.28") and change.prior_year_value == wan("34.57")
    (same,) = find(seed, "three_public:因公出国（境）费", "yoy_change")
    assert same.value == 0 and same.prior_year_value == 0
    # "租金减少63.30万元" explains a project's change: its own subject, no quantity
    rents = [f for f in seed if f.value == -wan("63.30")]
    assert rents and all(f.quantity is None and f.subject == "办公用房租赁费项目" for f in rents)
    assert all(f.quantity is None for f in seed if f.subject == "办公费收入")


def test_seed_rows_and_counts(seed):
    first = [f for f in seed if f.ref.line == 404]
    assert [f.ref.row for f in first] == [1, 2, 3, 4, 5, 6]
    assert all(isinstance(f.value, Decimal) for f in seed)
    assert all(f.measure in {"amount", "share_pct", "yoy_change", "yoy_pct", "completion_pct", "budget", "count"} for f in seed)


# --- other wordings ---------------------------------------------------------------------


def test_amounts_printed_in_yuan_and_yi():
    facts = narrative(
        "一、收入支出决算总体情况说明",
        "2024年度本年收入合计2,000.00元，本年支出合计1,900.50元，收入总计1.2亿元。",
    )
    assert [(f.quantity, f.value) for f in facts] == [
        ("income", Decimal("2000.00")),
        ("expenditure", Decimal("1900.50")),
        ("total_income", Decimal(120_000_000)),
    ]


def test_change_stated_as_percentage_after_comparison():
    facts = narrative(
        "十、其他重要事项情况说明",
        "（一）机关运行经费支出情况说明",
        "2024年机关运行经费支出50.00万元，比上年增加5.00万元，与上年相比增长11.11%。",
    )
    amount, change, pct = facts
    assert amount.quantity == change.quantity == pct.quantity == "admin_operating_cost"
    assert amount.section == "（一）机关运行经费支出情况说明"
    assert change.measure == "yoy_change" and change.value == wan("5.00")
    assert change.prior_year_value == wan("45.00")
    assert pct.measure == "yoy_pct" and pct.value == Decimal("11.11")
    assert pct.prior_year_value == wan("45.00")


def test_decrease_and_no_change():
    facts = narrative(
        "四、财政拨款收支决算总体情况说明",
        "2024年度财政拨款收入总计300.00万元，支出总计300.00万元，较上年下降5.5%。",
        "(2) 年初财政拨款结转和结余0万元，与上年持平。",
    )
    assert [f.quantity for f in facts] == [
        "fiscal_total_income",
        "fiscal_total_expenditure",
        "fiscal_total_expenditure",
        "fiscal_carryover_begin",
        "fiscal_carryover_begin",
    ]
    assert facts[2].measure == "yoy_pct" and facts[2].value == Decimal("-5.5")
    assert facts[4].measure == "yoy_change" and facts[4].value == 0 and facts[4].prior_year_value == 0


def test_amount_in_a_reason_never_gets_a_totals_key():
    facts = narrative(
        "一、收入支出决算总体情况说明",
        "2024年度收入总计500.00万元，比上年增加20.00万元，增长4.17%，主要原因是财政拨款收入增加"
        "15.00万元；二是本年收入合计增加5.00万元。",
        "(1) 当年财政拨款收入较上年增加15.00万元，主要原因：其中培训项目因参训人数增加培训费增加3.00万元。",
    )
    by_value = {f.value: f for f in facts if f.measure == "yoy_change"}
    assert by_value[wan("20.00")].quantity == "total_income"
    assert by_value[wan("20.00")].prior_year_value == wan("480.00")
    reason = [f for f in facts if f.ref.line == 3 and f.value == wan("15.00")]
    assert reason[0].subject == "财政拨款收入" and reason[0].quantity is None
    assert by_value[wan("5.00")].quantity is None  # still the reason after "；二是"
    (fiscal,) = [f for f in facts if f.ref.line == 5 and f.value == wan("15.00")]
    assert fiscal.quantity == "fiscal_income"
    (training,) = [f for f in facts if f.value == wan("3.00")]
    assert training.subject == "培训项目" and training.quantity is None


def test_section_context_decides_the_key():
    facts = narrative(
        "二、收入决算情况说明",
        "本年收入合计100.00万元，其中：财政拨款收入90.00万元，占90.00%；事业收入10.00万元，占10.00%。",
        "六、一般公共预算财政拨款基本支出决算情况说明",
        "公用经费20.00万元，主要包括：公务接待费1.00万元、津补贴2.00万元。",
        "九、财政拨款“三公”经费支出决算情况说明",
        "公务接待费支出1.00万元，共接待10批次，50人次，其中国（境）外接待费0万元，共接待0批次，0人次。",
    )
    keys = [(f.quantity, f.measure, f.value) for f in facts]
    assert ("income:财政拨款收入", "amount", wan("90.00")) in keys
    assert ("income:财政拨款收入", "share_pct", Decimal("90.00")) in keys
    assert ("income:事业收入", "amount", wan("10.00")) in keys
    assert [f.quantity for f in facts if f.section.startswith("六、")] == ["public", None, None]
    three = [f.quantity for f in facts if f.section.startswith("九、")]
    assert three == [
        "three_public:公务接待费",
        "receptions:batches",
        "receptions:persons",
        "three_public:国（境）外接待费",
        "receptions_foreign:batches",
        "receptions_foreign:persons",
    ]


def test_subjects_lookup_uses_aliases_only_in_basic_section():
    lines = [
        Line(1, "六、一般公共预算财政拨款基本支出决算情况说明", 1),
        Line(2, "人员经费300.00万元，主要包括：津补贴190.77万元，死亡抚恤21.99万元，奖金1.00万元。", 1),
        Line(3, "十、其他重要事项情况说明", 1),
        Line(4, "2024年津补贴190.77万元。", 1),
    ]
    facts = parse_narrative(lines, {"津贴补贴": "economic:30102", "抚恤金": "economic:30304"})
    assert [f.quantity for f in facts] == ["personnel", "economic:30102", "economic:30304", None, None]


def test_wrapped_line_is_joined_and_thresholds_skipped():
    facts = narrative(
        "十、其他重要事项情况说明",
        "（三）国有资产占用情况说明",
        "截至2024年12月31日，本部门共有车辆5辆，其中：执法执勤用车2辆，其他用车3辆；单价50万元以上设备2台，政府采购支出总额1,2",
        "34.56万元。",
    )
    assert [(f.quantity, f.value, f.unit) for f in facts] == [
        ("vehicles", 5, "辆"),
        ("vehicles:执法执勤用车", 2, "辆"),
        ("vehicles:其他用车", 3, "辆"),
        ("large_equipment", 2, "台"),
        ("procurement", wan("1234.56"), "元"),
    ]
    assert facts[-1].ref.line == 5  # the line where the figure starts


def test_heading_with_text_on_the_same_line():
    facts = narrative("一、收入支出决算总体情况说明：2024年度收入总计1,000.00万元，支出总计1,000.00万元。")
    assert [(f.section, f.quantity) for f in facts] == [
        ("一、收入支出决算总体情况说明", "total_income"),
        ("一、收入支出决算总体情况说明", "total_expenditure"),
    ]
