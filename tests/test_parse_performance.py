"""parse_projects on the seed document's five 项目支出绩效自评表, and on small synthetic
tables with the variations other departments print (元, shifted columns, a missing
二级指标, no indicators, 成本指标 as 一级指标, wrapped rows)."""

from decimal import Decimal
from pathlib import Path

import pytest

from pipelines.model import DocumentError
from pipelines.parsing.performance import parse_projects
from pipelines.parsing.sections import split_parts
from pipelines.parsing.text import decode, read_lines

SEED = Path(__file__).resolve().parents[1] / "raw" / "000_744c7817695ce87c.txt"
D = Decimal


@pytest.fixture(scope="module")
def seed_lines():
    return read_lines(decode(SEED.read_bytes(), SEED.name))


@pytest.fixture(scope="module")
def projects(seed_lines):
    return {p.project_name: p for p in parse_projects(split_parts(seed_lines)["annex"], SEED.name)}


def text(*rows):
    """A document in the text form: a row is a list of cells (tab-separated), a str a line."""
    return read_lines("\n".join(r if isinstance(r, str) else "\t".join(r) for r in rows))


# --- the seed document ----------------------------------------------------------------


def test_seed_has_five_projects_in_order(seed_lines):
    names = [p.project_name for p in parse_projects(split_parts(seed_lines)["annex"], SEED.name)]
    assert names == ["办公用房租赁费", "单位运转维护经费", "临聘人员经费补助", "招商引资工作经费", "专项业务工作经费"]


def test_seed_whole_document_gives_the_same_projects(seed_lines, projects):
    # Without the annex split, the 目录, the 决算表 titles and the mention
    # "附件：二级项目绩效自评表" in 第三部分 must not become (or break) project tables.
    whole = parse_projects(seed_lines, SEED.name)
    assert [p.project_name for p in whole] == list(projects)
    assert [p.indicators for p in whole] == [p.indicators for p in projects.values()]


def test_seed_totals_match_the_narrative(projects):
    # 第三部分: 项目预算资金692.63万元，共支出684.60万元 (= 公开03表 项目支出 684.60)
    assert sum(p.annual_budget for p in projects.values()) == D("6926300")
    assert sum(p.executed for p in projects.values()) == D("6846000")
    # 3个项目自评等级为“优”，2个项目自评等级为“良”
    assert sorted(p.grade for p in projects.values()) == ["优", "优", "优", "良", "良"]


def test_seed_every_table_adds_up(projects):
    # Proves each row's columns were read right, whatever its offset: the indicators'
    # 分值 plus the budget line's 10 make 100, and their 得分 make the 总分.
    for p in projects.values():
        assert sum(i.weight for i in p.indicators) + 10 == 100, p.project_name
        assert sum(i.score for i in p.indicators) + p.budget_score == p.total_score, p.project_name
        assert p.annual_budget - p.executed == p.balance, p.project_name


def test_seed_office_rent(projects):
    p = projects["办公用房租赁费"]
    assert p.supervising_department == "200-山西省人民政府办公厅"
    assert p.budget_unit == "200005-山西省人民政府驻上海办事处"
    assert (p.initial_budget, p.annual_budget, p.executed, p.balance) == (D("1926500"), D("1926500"), D("1926500"), 0)
    assert (p.execution_rate, p.budget_score) == (D("100"), D("10"))
    assert (p.total_score, p.grade) == (D("93.6"), "优")
    assert len(p.indicators) == 7
    first = p.indicators[0]
    assert (first.level1, first.level2, first.level3) == ("产出指标", "数量指标", "租赁费支付额")
    assert (first.target_initial, first.target_adjusted, first.actual) == ("≤万元", "≤192.65万元", "≤206.18万元")
    assert (first.weight, first.score) == (D("20"), D("18.6"))
    assert first.deviation_reason == "按照新的市场评估价格签订了新的租赁合同。"
    assert (first.ref.page, first.ref.line, first.ref.row) == (22, 596, 10)
    assert (p.ref.line, p.ref.row) == (587, 1)
    cost = p.indicators[3]  # 成本指标 named twice: as 二级 and as the 三级 name
    assert (cost.level1, cost.level2, cost.level3, cost.target_initial, cost.target_adjusted) == (
        "产出指标", "成本指标", "成本指标", "", "未填报",
    )  # fmt: skip


def test_seed_special_business_funds(projects):
    p = projects["专项业务工作经费"]
    assert (p.initial_budget, p.annual_budget) == (D("2689000"), D("2689000"))
    assert (p.executed, p.balance) == (D("2608700"), D("80300"))
    # The row prints "8.03 | (blank) | 97.01 | 9.7" under "结余 | 执行率 | 得分 | 偏差原因":
    # a stray empty cell pushes both figures one column right. By the header's order
    # (执行率 then 得分; 偏差原因 is text) 97.01 is the 执行率 (260.87/268.9 = 97.01%) and
    # 9.7 the 得分 out of 10; reading 97.01 as 得分 would exceed the line's 10 points.
    assert (p.execution_rate, p.budget_score) == (D("97.01"), D("9.7"))
    assert (p.total_score, p.grade) == (D("93.05"), "优")
    reception = next(i for i in p.indicators if i.level3 == "公务接待人数")
    assert (reception.target_adjusted, reception.actual, reception.weight, reception.score) == (
        "≥300人", "≥295人", D("20"), D("19.6"),
    )  # fmt: skip
    last = p.indicators[-1]
    assert (last.level1, last.level2, last.level3) == ("满意度指标", "服务对象满意度", "满意度指标")


def test_seed_row_shifted_right_with_level2_in_level3_column(projects):
    # " |  |  | 时效指标 | 单位维护及时率 |  | 及时 | 达成预期指标 | 10 | 10": one column right
    # of its header, with the 二级 word where the header has 三级指标.
    rows = projects["单位运转维护经费"].indicators
    timely = rows[4]
    assert (timely.level1, timely.level2, timely.level3) == ("产出指标", "时效指标", "单位维护及时率")
    assert (timely.target_initial, timely.target_adjusted, timely.actual) == ("", "及时", "达成预期指标")
    assert (timely.weight, timely.score) == (D("10"), D("10"))
    assert [i.level2 for i in rows[:3]] == ["数量指标"] * 3  # 二级 carried forward
    assert (rows[7].level1, rows[7].level2) == ("效益指标", "社会效益")


def test_seed_row_shifted_left_cost_indicator(projects):
    # " | 成本指标 | 法律咨询服务 | ≤5万元 | …": one column left of its header, so 成本指标
    # stands in the 二级 column (as in every other table of this document), under 产出指标.
    rows = projects["招商引资工作经费"].indicators
    assert len(rows) == 17
    legal, meetings = rows[11], rows[12]
    assert (legal.level1, legal.level2, legal.level3) == ("产出指标", "成本指标", "法律咨询服务")
    assert (legal.target_initial, legal.target_adjusted, legal.actual) == ("≤5万元", "≤10万元", "≤0万元")
    assert (legal.weight, legal.score, legal.deviation_reason) == (D("3"), D("0"), "未产生法律宣传费用")
    assert (meetings.level2, meetings.level3, meetings.actual) == ("成本指标", "重大会议和论坛", "≤20万元")
    assert (rows[13].level1, rows[13].level2) == ("效益指标", "经济效益")


def test_seed_total_label_in_second_column(projects):
    p = projects["临聘人员经费补助"]  # " | 总 分 |  | … | 89 | 良"
    assert (p.total_score, p.grade) == (D("89"), "良")
    assert p.indicators[0].actual == "≠6人"


def test_seed_amounts_are_decimals(projects):
    for p in projects.values():
        for value in (p.initial_budget, p.annual_budget, p.executed, p.balance, p.execution_rate, p.total_score):
            assert isinstance(value, Decimal)
        assert all(isinstance(i.weight, Decimal) and isinstance(i.score, Decimal) for i in p.indicators)


# --- synthetic variants ---------------------------------------------------------------

INDICATOR_HEADER = ["绩效指标", "一级指标", "二级指标", "三级指标", "年初指标值", "调整后指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]  # fmt: skip


def test_table_in_yuan_with_shifted_columns_and_missing_level2():
    lines = text(
        "第五部分 附件",
        "附件1：道路养护经费项目支出绩效自评表（2024年度）",
        ["项目名称", "道路养护经费"],
        ["主管部门及代码", "", "301-某某省交通运输厅", "实施单位", "301002-某某公路段"],
        ["项目资金预算安排及执行进度（元）", "年初预算数", "", "全年预算数", "全年执行数", "资金结（转）余", "执行率", "得分"],
        ["", "目标申报数", "预算编制数"],
        ["资金总额", "1,200,000.00", "1,200,000.00", "1,000,000.00", "950,000.00", "50,000.00", "95%", "9.5"],
        INDICATOR_HEADER,
        ["", "产出指标", "数量指标", "养护里程", "≥100公里", "≥100公里", "≥120公里", "30", "30", ""],
        ["", "", "", "桥梁检查次数", "≥4次", "≥4次", "≥4次", "20", "20", ""],  # 二级 carried
        ["", "", "", "", "质量指标", "路面合格率", "≥90%", "≥90%", "92%", "20", "18", "略低"],  # shifted +2
        ["", "效益指标", "社会效益", "通行保障", "", "良好", "良好", "20", "20", ""],
        ["总分", "", "", "", "", "", "", "97.5", "优秀"],
    )
    [p] = parse_projects(lines, "synthetic")
    assert p.project_name == "道路养护经费"
    assert (p.supervising_department, p.budget_unit) == ("301-某某省交通运输厅", "301002-某某公路段")
    assert (p.initial_budget, p.annual_budget, p.executed, p.balance) == (D("1200000"), D("1000000"), D("950000"), D("50000"))
    assert (p.execution_rate, p.budget_score, p.total_score, p.grade) == (D("95"), D("9.5"), D("97.5"), "优")
    levels = [(i.level1, i.level2, i.level3) for i in p.indicators]
    assert levels == [
        ("产出指标", "数量指标", "养护里程"),
        ("产出指标", "数量指标", "桥梁检查次数"),
        ("产出指标", "质量指标", "路面合格率"),
        ("效益指标", "社会效益", "通行保障"),
    ]
    quality = p.indicators[2]
    assert (quality.target_initial, quality.actual, quality.weight, quality.score) == ("≥90%", "92%", D("20"), D("18"))
    assert quality.deviation_reason == "略低"


def test_every_row_shifted_one_column_right_of_the_header():
    lines = text(
        "某项目支出绩效自评表",
        ["项目名称", "", "", "", "网站运维"],
        ["项目资金预算安排及执行进度（万元）", "", "年初预算数", "", "全年预算数", "全年执行数", "资金结（转）余", "执行率", "得分"],
        ["", "", "目标申报数", "预算编制数"],
        ["", "", "", "资金总额：", "10", "10", "10", "8", "2", "80", "8"],
        INDICATOR_HEADER,
        ["", "", "产出指标", "数量指标", "网站更新", "≥100条", "≥100条", "120条", "50", "50", ""],
        ["", "", "满意度指标", "服务对象满意度", "用户满意度", "≥90%", "≥90%", "85%", "40", "35", "加强回复"],
        ["", "", "", "时效指标", "按期上线", "", "按期", "未评", "", "", "未打分"],  # no 分值/得分 to anchor on
        ["", "总分", "", "", "", "", "", "", "93", "优"],
    )
    [p] = parse_projects(lines, "synthetic")
    assert (p.initial_budget, p.annual_budget, p.executed, p.balance) == (D("100000"), D("100000"), D("80000"), D("20000"))
    assert (p.execution_rate, p.budget_score) == (D("80"), D("8"))
    satisfied = p.indicators[1]
    assert (satisfied.level1, satisfied.level2, satisfied.level3) == ("满意度指标", "服务对象满意度", "用户满意度")
    assert (satisfied.actual, satisfied.weight, satisfied.score, satisfied.deviation_reason) == ("85%", D("40"), D("35"), "加强回复")
    unscored = p.indicators[2]  # located by its 二级 word instead
    assert (unscored.level1, unscored.level2, unscored.level3) == ("满意度指标", "时效指标", "按期上线")
    assert (unscored.target_adjusted, unscored.actual, unscored.weight, unscored.deviation_reason) == ("按期", "未评", None, "未打分")


def test_blank_execution_rate_stays_none_and_blank_declared_amount():
    # Two columns genuinely blank (目标申报数, 执行率): figures are placed by position, and
    # the missing 执行率 is not computed here (the validation layer does that).
    lines = text(
        "培训经费项目支出绩效自评表",
        ["项目名称", "培训经费"],
        ["项目资金预算安排及执行进度（万元）", "", "年初预算数", "", "全年预算数", "全年执行数", "资金结（转）余", "执行率", "得分"],
        ["", "", "目标申报数", "预算编制数"],
        ["", "资金总额：", "", "20", "20", "15", "5", "", "7.5"],
        ["总分", "80", "良"],
    )
    [p] = parse_projects(lines, "synthetic")
    assert (p.initial_budget, p.annual_budget, p.executed, p.balance) == (D("200000"), D("200000"), D("150000"), D("50000"))
    assert p.execution_rate is None
    assert p.budget_score == D("7.5")
    assert p.indicators == []  # no indicator block: still a table, with its budget and 总分
    assert (p.total_score, p.grade) == (D("80"), "良")


def test_cost_indicator_as_level1_of_the_2021_template_and_weight_column_in_budget():
    lines = text(
        "数据中心建设项目支出绩效自评表",
        ["项目名称", "数据中心建设"],
        ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", "50", "50", "45", "10", "90%", "9"],
        INDICATOR_HEADER,
        ["", "产出指标", "数量指标", "服务器台数", "≥10台", "≥10台", "10台", "40", "40", ""],
        ["", "成本指标", "经济成本指标", "单台成本", "≤5万元", "≤5万元", "4.5万元", "20", "20", ""],
        ["", "效益指标", "可持续影响指标", "运行年限", "≥5年", "≥5年", "5年", "30", "27", ""],
        ["总分", "96", "优"],
    )
    [p] = parse_projects(lines, "synthetic")
    assert (p.initial_budget, p.annual_budget, p.executed, p.balance) == (D("500000"), D("500000"), D("450000"), None)
    assert (p.execution_rate, p.budget_score) == (D("90"), D("9"))
    assert [(i.level1, i.level2) for i in p.indicators] == [
        ("产出指标", "数量指标"), ("成本指标", "经济成本指标"), ("效益指标", "可持续影响指标"),
    ]  # fmt: skip


def test_wrapped_indicator_text_is_joined_to_its_row():
    lines = text(
        "宣传经费项目支出绩效自评表",
        ["项目名称", "宣传经费"],
        INDICATOR_HEADER,
        ["", "产出指标", "数量指标", "宣传材料印", "≥1000份", "≥1000份", "1200份", "50", "50", ""],
        ["", "", "", "制数量"],
        ["", "", "时效指标", "按时完成率", "100%", "100%", "100%", "40", "40", ""],
        ["总分", "", "", "", "", "", "", "90", "优"],
    )
    [p] = parse_projects(lines, "synthetic")
    assert [i.level3 for i in p.indicators] == ["宣传材料印制数量", "按时完成率"]
    assert p.budget_score is None and p.executed is None


def test_mentions_and_other_tables_are_not_projects():
    lines = text(
        "附件：二级项目绩效自评表",  # a mention: no rows before the next title
        "甲项目支出绩效自评表",
        ["项目名称", "甲"],
        ["总分", "90", "优"],
        "部门整体支出绩效自评表",  # not a project table, and it ends 甲's table
        ["部门名称", "某单位"],
        ["总分", "70", "中"],
    )
    [p] = parse_projects(lines, "synthetic")
    assert (p.project_name, p.total_score, p.grade) == ("甲", D("90"), "优")


def test_a_table_with_nothing_to_read_is_an_error():
    lines = text("乙项目支出绩效自评表", ["项目名称", "乙"], ["项目绩效分析", "无"])
    with pytest.raises(DocumentError, match=r"synthetic: .*乙项目支出绩效自评表.*no 资金总额 row"):
        parse_projects(lines, "synthetic")


def test_a_table_without_project_name_is_an_error():
    lines = text("2024年度项目支出绩效自评表", ["总分", "90", "优"])
    with pytest.raises(DocumentError, match="no 项目名称"):
        parse_projects(lines, "synthetic")


def test_amounts_without_a_unit_are_an_error():
    lines = text(
        "丙项目支出绩效自评表",
        ["项目名称", "丙"],
        ["项目资金", "年初预算数", "全年预算数", "全年执行数", "资金结（转）余", "执行率", "得分"],
        ["资金总额", "10", "10", "10", "0", "100", "10"],
    )
    with pytest.raises(DocumentError, match="丙.*no unit"):
        parse_projects(lines, "synthetic")


def test_no_tables_no_projects():
    assert parse_projects(text("第五部分 附件", "无"), "synthetic") == []
