"""parse_staffing on the seed document's 第一部分 概况 and on other wordings."""

from pathlib import Path

import pytest

from pipelines.parsing.overview import cn_int, parse_staffing
from pipelines.parsing.sections import split_parts
from pipelines.parsing.text import decode, read_lines

SEED = Path(__file__).resolve().parents[1] / "raw" / "000_744c7817695ce87c.txt"


@pytest.fixture(scope="module")
def seed_lines():
    return read_lines(decode(SEED.read_bytes(), SEED.name))


def staffing(*lines):
    return parse_staffing(read_lines("\n".join(lines)), "synthetic")


def test_seed_staffing(seed_lines):
    s = parse_staffing(split_parts(seed_lines)["overview"], SEED.name)
    # "共有30个编制，年末实有20人，参公编制20人，其中副厅级1人、处级11人、主任科员级7人、工勤人员1人。"
    assert (s.authorized, s.actual) == (30, 20)
    assert s.by_category == {"参公编制": 20, "副厅级": 1, "处级": 11, "主任科员级": 7, "工勤人员": 1}
    # "内设四个机构：" then the headings （一）综合部 … （四）信息部, each followed by its duties
    assert s.internal_departments == ["综合部", "招商部", "合作部", "信息部"]
    assert (s.ref.page, s.ref.line) == (2, 63)


def test_seed_whole_document_gives_the_same(seed_lines):
    whole = parse_staffing(seed_lines, SEED.name)
    assert whole == parse_staffing(split_parts(seed_lines)["overview"], SEED.name)


def test_list_in_one_sentence_and_chinese_numerals():
    s = staffing(
        "二、机构设置情况",
        "我局核定行政编制三十名，年末实有人员二十八人，其中行政人员25人，工勤人员3人。内设综合科、财务科、业务科3个科室。",
    )
    assert (s.authorized, s.actual) == (30, 28)
    assert s.by_category == {"行政人员": 25, "工勤人员": 3}
    assert s.internal_departments == ["综合科", "财务科", "业务科"]


def test_categories_continue_in_the_next_sentence_and_count_then_list():
    s = staffing("单位编制30人，实有人数为25人。其中：处级干部5人，科级10人。", "本单位内设4个机构：综合部、招商部、合作部、信息部。")
    assert (s.authorized, s.actual) == (30, 25)
    assert s.by_category == {"处级干部": 5, "科级": 10}
    assert s.internal_departments == ["综合部", "招商部", "合作部", "信息部"]


def test_category_editorial_is_not_the_authorized_count():
    s = staffing("年末实有20人，参公编制20人，其中副厅级1人。")
    assert (s.authorized, s.actual) == (None, 20)
    assert s.by_category == {"参公编制": 20, "副厅级": 1}
    assert s.internal_departments == []


def test_numbered_departments_with_duties_and_inner_items():
    s = staffing(
        "共有编制10个，在职人员9人，离退休人员3人。",
        "内设机构3个：",
        "1.办公室：负责日常事务。",
        "（1）文秘",  # an inner item of 办公室, skipped
        "2.财务科",
        "负责财务。",
        "3、业务科",
        "第二部分 2024年部门决算表",
    )
    assert (s.authorized, s.actual) == (10, 9)
    assert s.by_category == {"离退休人员": 3}  # labels as printed, not interpreted
    assert s.internal_departments == ["办公室", "财务科", "业务科"]


def test_headings_stop_at_the_next_section():
    s = staffing("编制数为5名，实有4名。内设机构：", "（一）办公室", "（二）业务股", "三、人员情况", "（一）在职人员")
    assert s.internal_departments == ["办公室", "业务股"]


def test_figures_in_two_sentences():
    s = staffing("核定编制30名。年末实有人员28人，其中在编25人、借调3人。")
    assert (s.authorized, s.actual) == (30, 28)
    assert s.by_category == {"在编": 25, "借调": 3}


def test_department_list_on_the_next_line_but_not_a_line_of_duties():
    s = staffing("编制5人，实有5人。内设机构：", "", "综合部、财务部、业务部。")
    assert s.internal_departments == ["综合部", "财务部", "业务部"]
    s = staffing("编制5人，实有5人。内设机构：", "负责全省招商引资、对外合作。")
    assert s.internal_departments == []


def test_no_staffing_sentence():
    assert staffing("一、本部门职责", "（一）负责全省招商引资工作。") is None


def test_chinese_numerals():
    assert [cn_int(x) for x in ("30", "三十", "十一", "四", "两", "一百零五")] == [30, 30, 11, 4, 2, 105]
