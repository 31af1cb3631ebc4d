"""The 预算 (budget) narrative: its 编制说明 and 其他相关情况说明 land as narrative facts with quantities
the budget checks compare with the tables (pipelines/parsing/narrative.py BUDGET_RULES,
expectations/budget_narrative.py).

On the three real budgets (../shared/corpus, skipped when absent; each PDF parsed once): every
figure their golden files list (read from the page images) is read, in order, with the quantity
it states, and none twice, though 财政局's text layer holds its 编制说明 on two pages. The
narrative's figures that disagree with the tables are findings in v_narrative_mismatch: 财政局's
887.36 万元 (the tables say 87.36) and its four figures truncated where the tables round, 万里's
住房公积金 restated as 352.67 (350.35). Without the corpus: a text-form budget built from the seed
(tests/budget_text.py) states the tables' figures and passes; change one and it is a finding.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

import expectations
from pipelines import warehouse
from pipelines.amounts import YUAN_PER_UNIT
from pipelines.model import NarrativeFact
from pipelines.parsing.document import parse_document
from pipelines.parsing.kinds import BY_NAME
from pipelines.parsing.narrative import BUDGET_NARRATIVE, FINAL_NARRATIVE, explanation_lines, parse_narrative
from pipelines.parsing.text import Line, squash
from pipelines.raw import read_raw
from tests.budget_text import budget_text
from tests.corpus import corpus_file, golden

AMOUNT = "情况说明 金额 = 表中数"
BUDGETS = ("budget_2024_putuo_wanli.pdf", "budget_2025_putuo_commerce.pdf", "budget_2025_putuo_finance.pdf")

# What each golden narrative figure states, in the golden's order: (quantity, measure).
HEADLINE = [("income", "amount"), ("income:财政拨款收入", "amount"), ("income:财政拨款收入", "yoy_change"),
            ("income:事业收入", "amount"), ("income:事业单位经营收入", "amount"), ("income:其他收入", "amount"),
            ("expenditure", "amount"), ("fiscal_expenditure", "amount"), ("fiscal_expenditure", "yoy_change"),
            ("general_budget_expenditure", "amount"), ("general_budget_expenditure", "yoy_change"),
            ("government_fund_expenditure", "amount"), ("state_capital_expenditure", "amount")]
CARS = "three_public:公务用车购置及运行维护费"
THREE_PUBLIC = [("three_public", "amount"), ("three_public:因公出国（境）费", "amount"), (CARS, "amount"),
                ("three_public:公务用车购置费", "amount"), ("three_public:公务用车运行维护费", "amount"),
                ("three_public:公务接待费", "amount"), ("admin_operating_cost", "amount")]
STATES = {
    "budget_2024_putuo_wanli.pdf": HEADLINE + [
        ("three_public", "amount"), ("three_public", "yoy_change"), ("three_public:因公出国（境）费", "amount"),
        (CARS, "amount"), (CARS, "yoy_change"), ("three_public:公务用车购置费", "amount"),
        ("three_public:公务用车购置费", "yoy_change"), ("three_public:公务用车运行维护费", "amount"),
        ("three_public:公务接待费", "amount"), ("admin_operating_cost", "amount")],
    "budget_2025_putuo_commerce.pdf": HEADLINE + THREE_PUBLIC,
    "budget_2025_putuo_finance.pdf": HEADLINE + THREE_PUBLIC,
}
# The narrative figures the tables contradict, beyond rounding: (项 name, narrative, table) in 万元.
PENSION = "机关事业单位职业年金缴费支出"
FINDINGS = {
    "budget_2024_putuo_wanli.pdf": {("住房公积金", "352.67", "350.3499")},  # restated in the same item
    "budget_2025_putuo_commerce.pdf": set(),
    "budget_2025_putuo_finance.pdf": {
        (PENSION, "887.36", "87.3617"),  # the typo: 800 万元 too much
        ("行政单位离退休", "87.70", "87.7080"),  # truncated where the tables round
        ("行政单位医疗", "78.21", "78.2164"), ("住房公积金", "204.91", "204.9197"), ("购房补贴", "268.77", "268.7760"),
    },
}


def wan(text: str) -> Decimal:
    return Decimal(text) * YUAN_PER_UNIT["万元"]


def printed(text: str) -> str:
    """A sentence as the golden files spell it: no thousands separators, no spaces."""
    return squash(text).replace(",", "")


# --- the corpus budgets, each parsed, validated and landed once ------------------------------


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """name -> (disclosure, report), and a warehouse reader with the three landed."""
    path = tmp_path_factory.mktemp("budget_narrative") / "juesuan.duckdb"
    landed = {}
    with warehouse.writer(path) as conn:
        for name in BUDGETS:
            file = corpus_file(name)
            disclosure = parse_document(read_raw(file, file.parent))
            report = expectations.validate(disclosure)
            assert warehouse.load_disclosure(conn, disclosure, report).status == "current"
            landed[name] = (disclosure, report)
    conn = warehouse.reader(path)
    yield landed, conn
    conn.close()


def _read(facts: list[NarrativeFact], entry: dict, start: int) -> int | None:
    """The first fact from `start` on that is the golden figure: on its page, of its value, and
    printed right after the words the golden gives before it (from their last punctuation on)."""
    words = re.split(r"[，。；：、]", entry["before"])[-1]
    for i in range(start, len(facts)):
        fact = facts[i]
        if (fact.ref.page == entry["page"] and fact.unit == "元" and abs(fact.value) == wan(entry["value"])
                and printed(words + entry["value"]) in printed(fact.sentence)):
            return i
    return None


@pytest.mark.parametrize("name", BUDGETS)
def test_every_golden_figure_is_read_with_its_quantity(corpus, name):
    landed, _ = corpus
    facts = landed[name][0].narrative
    entries = golden(name)["narrative"]
    assert len(entries) == len(STATES[name])
    position = 0
    for entry, (quantity, measure) in zip(entries, STATES[name], strict=True):
        found = _read(facts, entry, position)
        assert found is not None, f"not read: {entry}"
        fact = facts[found]
        assert (fact.quantity, fact.measure) == (quantity, measure), entry
        assert fact.value == wan(entry["value"]) or (fact.measure == "yoy_change" and fact.value < 0)
        position = found + 1


@pytest.mark.parametrize("name", BUDGETS)
def test_no_figure_lands_twice(corpus, name):
    landed, _ = corpus
    facts = [f for f in landed[name][0].narrative if f.quantity]
    seen = [(f.quantity, f.measure, f.value, f.sentence) for f in facts]
    assert len(seen) == len(set(seen))
    for quantity, measure in {*HEADLINE, *THREE_PUBLIC}:  # each headline figure is stated once
        assert sum(1 for f in facts if (f.quantity, f.measure) == (quantity, measure)) <= 1, quantity


def test_the_second_copy_of_the_finance_explanation_is_not_read(corpus):
    """财政局's text layer holds the whole 编制说明 on page 7 and again on page 8 (WPS draws each page's
    share of it): it is read once, on page 7, every 项 of it with its quantity."""
    landed, _ = corpus
    facts = landed["budget_2025_putuo_finance.pdf"][0].narrative
    assert not [f for f in facts if f.ref.page == 8]
    subjects = [f for f in facts if (f.quantity or "").startswith("fiscal_subject:")]
    assert len(subjects) == 11 and all(f.ref.page == 7 for f in subjects)
    assert [f.value for f in subjects if f.quantity.endswith(PENSION)] == [wan("887.36")]


def test_every_budget_narrative_check_is_evaluated(corpus):
    """The headline, 三公 and 项 figures are all compared; nothing is left unevaluated."""
    landed, _ = corpus
    for name, (disclosure, report) in landed.items():
        stats = next(s for s in report.suites if s.name == "narrative_consistency").statistics
        compared = [f for f in disclosure.narrative if f.measure == "amount"
                    and re.match(r"income|expenditure|fiscal|general|government|state|three|admin", f.quantity or "")]
        assert stats["checks"][AMOUNT]["rows"] == len(compared), name
        assert stats["not_evaluated"] == 0 and stats["rows_failed"] == 0, name  # warnings: the document's own
    wanli = next(s for s in landed["budget_2024_putuo_wanli.pdf"][1].suites if s.name == "narrative_consistency")
    assert wanli.statistics["checks"]["情况说明 增减率 = 增减额 / 上年数"] == {"rows": 27, "failed": 0, "warned": 0}


def test_narrative_figures_the_tables_contradict_are_findings(corpus):
    """v_narrative_mismatch lists, beyond rounding, exactly the figures the documents get wrong: a
    truncation (87.708 printed 87.70) is more than rounding explains, as it would be in a 决算."""
    landed, conn = corpus
    for name, (disclosure, _) in landed.items():
        rows = conn.execute("""SELECT subject, narrative_value, table_value, "check", "table", page, detail
                               FROM v_narrative_mismatch WHERE document_sha256 = ? AND beyond_rounding""",
                            [disclosure.sha256]).fetchall()
        found = {(re.search(r"（款）(.+?)（项）", subject)[1], f"{value:.2f}", f"{table:.4f}")
                 for subject, value, table, *_ in rows}
        assert found == FINDINGS[name], name
        assert all(check == AMOUNT and table == "预算05" and "beyond rounding tolerance" in detail
                   for _, _, _, check, table, _, detail in rows)
    [(page, sentence)] = conn.execute("""SELECT page, sentence FROM v_narrative_mismatch
                                         WHERE beyond_rounding AND narrative_value = 887.36""").fetchall()
    assert page == 7 and PENSION in sentence


# --- without the corpus --------------------------------------------------------------------------


def test_each_kind_names_its_narrative_vocabulary():
    assert BY_NAME["决算"].narrative is FINAL_NARRATIVE and BY_NAME["预算"].narrative is BUDGET_NARRATIVE


def _lines(*texts: tuple[int, str]) -> list[Line]:
    return [Line(no=n, text=text, page=page) for n, (page, text) in enumerate(texts, start=1)]


def test_a_page_the_text_layer_repeats_is_read_once():
    opening = "2025年，某局收入预算3,121.42万元，其中：财政拨款收入3,121.42万元，比2024年预算增加107.62万元；事业收入0万元。"
    item = "1.“一般公共服务支出（类）财政事务（款）行政运行（项）”1,623.18万元，主要用于基本支出。"
    lines = _lines((7, "2025年部门预算编制说明"), (7, opening), (7, item), (8, opening), (8, item),
                   (9, "2025年部门财务收支预算总表"), (9, "收入总计\t3,121.42"),
                   (22, "其他相关情况说明"), (22, "一、2025年“三公”经费预算情况说明"),
                   (22, "2025年“三公”经费预算数为0.95万元，与2024年预算持平。二、机关运行经费预算2025年某局机关运行经费预算为229.43万元。"),
                   (23, "项目经费情况说明"), (23, "信息化系统日常维护费166.66万元。"))
    facts = parse_narrative(explanation_lines(lines, {}, BUDGET_NARRATIVE), vocabulary=BUDGET_NARRATIVE)
    assert [(f.ref.page, f.quantity, f.measure, f.value / 10000) for f in facts] == [
        (7, "income", "amount", Decimal("3121.42")),
        (7, "income:财政拨款收入", "amount", Decimal("3121.42")),
        (7, "income:财政拨款收入", "yoy_change", Decimal("107.62")),
        (7, "income:事业收入", "amount", 0),
        (7, "fiscal_subject:一般公共服务支出/财政事务/行政运行", "amount", Decimal("1623.18")),
        (22, "three_public", "amount", Decimal("0.95")),
        (22, "three_public", "yoy_change", 0),
        (22, "admin_operating_cost", "amount", Decimal("229.43")),  # its heading printed inline
    ]
    assert facts[2].prior_year_value == wan("3013.80")


def test_a_stated_prior_year_execution_gives_the_growth_rate_its_base():
    text = ("1. “一般公共服务支出（类）统计信息事务（款）专项普查活动（项）”25.77万元，主要用于专项普查活动。"
            "2023年当年预算执行数为60.13万元，2024年预算安排25.77万元，比2023年预算执行数减少57.14%。主要原因是：项目调整。")
    facts = parse_narrative(_lines((6, "2024年部门预算编制说明"), (6, text)), vocabulary=BUDGET_NARRATIVE)
    key = "fiscal_subject:一般公共服务支出/统计信息事务/专项普查活动"
    assert [(f.quantity, f.measure, f.value) for f in facts] == [
        (key, "amount", wan("25.77")), (key, "prior_year", wan("60.13")), (key, "amount", wan("25.77")),
        (key, "yoy_pct", Decimal("-57.14"))]
    assert facts[-1].prior_year_value == wan("60.13")


@pytest.fixture(scope="module")
def text_budget(seed_disclosure, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("budget_text")
    path = folder / "budget.txt"
    path.write_text(budget_text(seed_disclosure, {}, explanation=True), encoding="utf-8")
    return path


def _narrative_rows(path: Path):
    disclosure = parse_document(read_raw(path, path.parent))
    report = expectations.validate(disclosure)
    rows = [r for r in report.rows() if r["suite"] == "narrative_consistency" and r["check"] != "summary"]
    return disclosure, report, rows


def test_a_text_budget_states_what_its_tables_print(text_budget):
    disclosure, report, rows = _narrative_rows(text_budget)
    assert disclosure.info.kind == "预算" and not report.has_errors
    amounts = [f for f in disclosure.narrative if f.measure == "amount"]
    assert amounts and all(f.quantity for f in amounts)
    subjects = [f for f in amounts if f.quantity.startswith("fiscal_subject:")]
    assert len(subjects) == sum(1 for r in disclosure.tables["预算05"].rows if len(r.keys["code"]) == 7)
    assert len(rows) == len(amounts) and all(r["success"] for r in rows)


@pytest.mark.parametrize(("where", "quantity"), [
    ("收入预算", "income"),  # the first figure of the 编制说明
    ("（项）”", "fiscal_subject:"),  # the first 项 of 财政拨款支出主要内容
    ("机关运行经费预算为", "admin_operating_cost"),  # 其他相关情况说明, after the tables
])
def test_a_changed_narrative_figure_is_a_finding(text_budget, tmp_path, where, quantity):
    text = text_budget.read_text(encoding="utf-8")
    match = re.search(rf"{re.escape(where)}(\d+\.\d\d)万元", text)
    changed = Decimal(match[1]) + 1
    path = tmp_path / "budget.txt"
    path.write_text(text[: match.start(1)] + f"{changed}" + text[match.end(1):], encoding="utf-8")
    disclosure, report, rows = _narrative_rows(path)
    assert not report.has_errors  # a narrative finding is the document's own, a warning: it still lands
    [fact] = [f for f in disclosure.narrative if f.value == changed * 10000 and f.quantity.startswith(quantity)]
    [failed] = [r for r in rows if not r["success"]]
    assert failed["check"] == AMOUNT and failed["location"] == f"情况说明 line {fact.ref.line} ({fact.subject}) 金额"
    assert failed["difference"] == Decimal(10000) and "beyond rounding tolerance" in failed["detail"]
