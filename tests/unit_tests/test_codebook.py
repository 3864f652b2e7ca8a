"""The codebook of headline indicators: names to codes, units that fit, kept-apart indicators,
a user's codebook file, and linking by code across reports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lingdiff.errors import CodebookError, LingdiffError
from lingdiff.figures import extract_observations, link_observations
from lingdiff.figures.codebook import load_codebook
from tests.unit_tests.test_metrics import make_doc


@pytest.mark.parametrize(
    ("name", "unit", "code"),
    [
        ("地区生产总值", "%", "gdp"),
        ("全省生产总值", "亿元", "gdp"),
        ("福建省地区生产总值", "亿元", "gdp"),  # a place in front
        ("经济", "%", "gdp"),  # 经济增长5%
        ("国内生产总值", "万亿元", "gdp"),
        ("数字经济增加值", "亿元", ""),  # not GDP
        ("农村居民收入", "%", "income_rural"),
        ("农村居民人均可支配收入", "元", "income_rural"),
        ("农民人均纯收入", "元", "rural_net_income"),  # redefined in 2013: kept apart
        ("城镇居民人均可支配收入", "%", "income_urban"),
        ("居民人均可支配收入", "%", "income_per_capita"),
        ("赤字规模", "万亿元", "deficit"),
        ("财政赤字", "亿元", "deficit"),
        ("赤字率", "%", "deficit_ratio"),
        ("一般公共预算收入", "亿元", "budget_revenue"),
        ("一般公共预算总收入", "亿元", "budget_revenue_total"),
        ("一般公共预算支出", "亿元", "budget_expenditure"),
        ("粮食", "亿斤", "grain_output"),
        ("粮食", "万亩", ""),  # an area is not output
        ("粮食播种面积", "万亩", "grain_area"),
        ("城镇调查失业率", "%", "unemployment_surveyed"),
        ("城镇登记失业率", "%", "unemployment_registered"),
        ("全年城镇新增就业", "万人", "urban_jobs"),
    ],
)
def test_names_get_their_code(name: str, unit: str, code: str) -> None:
    assert load_codebook().code_of(name, unit) == code


def test_figures_carry_codes_and_link_by_them() -> None:
    old = make_doc(
        ("review", "地区生产总值增长5.8%。农村居民收入增长6.3%。"),
        review_year=2024,
        plan_year=2025,
    )
    new = make_doc(
        ("review", "经济增长5.4%。农村居民人均可支配收入增长6.1%。"),
        key="new",
        review_year=2025,
        plan_year=2026,
    )
    rows = link_observations(extract_observations(old), extract_observations(new))
    got = {r.code: sorted((o.doc, o.value) for o in r.observations) for r in rows}
    assert got == {
        "gdp": [("new", 5.4), ("old", 5.8)],
        "income_rural": [("new", 6.1), ("old", 6.3)],
    }
    assert all(o.code == r.code for r in rows for o in r.observations)


def test_a_user_codebook_replaces_the_packaged_one(tmp_path: Path) -> None:
    path = tmp_path / "codes.json"
    path.write_text(
        json.dumps({"indicators": [{"code": "tea", "names": ["茶叶产量"], "units": ["吨"]}]}),
        encoding="utf-8",
    )
    book = load_codebook(path)
    assert book.code_of("茶叶产量", "万吨") == "tea"
    assert book.code_of("地区生产总值", "%") == ""


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{", "not valid JSON"),
        ('{"indicators": {}}', 'expected an object with an "indicators" list'),
        ('{"indicators": [{"code": "GDP", "names": ["x"]}]}', '"code" must be lower-case'),
        ('{"indicators": [{"code": "a", "names": []}]}', '"names" must be a non-empty list'),
        ('{"indicators": [{"code": "a", "names": ["x"]}, {"code": "a", "names": ["y"]}]}', "twice"),
    ],
)
def test_a_bad_codebook_is_one_error_line(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CodebookError, match=message) as info:
        load_codebook(path)
    assert isinstance(info.value, LingdiffError)
    assert "\n" not in str(info.value)
    with pytest.raises(CodebookError, match="no such file"):
        load_codebook(tmp_path / "missing.json")


def test_composite_names_are_caught_by_patterns() -> None:
    book = load_codebook()
    assert book.code_of("全社会研发经费支出相当于全市生产总值比例", "%") == "rd_intensity"
    assert book.code_of("单位地区生产总值能耗", "%") == "energy_intensity"
    assert book.code_of("单位地区生产总值二氧化碳排放", "%") == "carbon_intensity"


def test_numbered_list_items_share_the_last_items_tail() -> None:
    from lingdiff.figures.names import split_subjects

    assert split_subjects("一、二、三产业增加值", 3) == [
        "第一产业增加值",
        "第二产业增加值",
        "第三产业增加值",
    ]
    assert split_subjects("一产、二产、三产增加值", 3) == ["一产增加值", "二产增加值", "三产增加值"]


def test_a_share_of_an_indicator_is_not_the_indicator() -> None:
    book = load_codebook()
    assert book.code_of("国内生产总值", "%", "share") == ""  # 占国内生产总值比重
    assert book.code_of("研发经费投入强度", "%", "share") == "rd_intensity"  # a share itself
    assert book.code_of("国内生产总值", "%", "growth") == "gdp"


def test_missing_headline_figures_say_why() -> None:
    from lingdiff.compare import compare
    from lingdiff.outline import parse_document

    old = parse_document(
        "一、2024年工作回顾\n地区生产总值增长5%。居民消费价格保持稳定。\n"
        "二、2025年工作安排\n地区生产总值增长5%左右，城镇调查失业率5.5%左右。\n",
        key="old",
    )
    new = parse_document(
        "一、2025年工作回顾\n地区生产总值达到1200亿元，增长5.2%。\n"
        "二、2026年工作安排\n地区生产总值增长5%左右，居民消费价格涨幅2%左右。\n",
        key="new",
    )
    rows = {(r.code, r.measure): r for r in compare(old, new).metrics if r.code}
    why = {key: {(a.doc, a.kind): a.reason for a in row.absent} for key, row in rows.items()}
    assert why[("gdp", "growth")] == {}
    assert why[("gdp", "level")] == {
        ("old", "actual"): "stated in another measure",
        ("old", "target"): "stated in another measure",
        ("new", "target"): "stated in another measure",
    }
    assert why[("cpi", "growth")] == {
        ("old", "actual"): "stated without a figure",  # 居民消费价格保持稳定
        ("old", "target"): "not stated",
        ("new", "actual"): "not stated",
    }


def test_a_hostile_codebook_is_refused_by_name(tmp_path: Path) -> None:
    with pytest.raises(CodebookError, match="larger than 1 MB"):
        load_codebook("/dev/zero")  # endless: a bounded read, never a hang
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100 + "]" * 100, encoding="utf-8")
    with pytest.raises(CodebookError, match="nested 100 levels deep"):
        load_codebook(deep)


@pytest.mark.parametrize(
    ("name", "unit", "place", "code"),
    [
        ("福建省地区生产总值", "亿元", "福建省", "gdp"),  # the report's own place
        ("零陵区地区生产总值", "%", "零陵区", "gdp"),
        ("南疆五地州地区生产总值", "%", "新疆维吾尔自治区", ""),  # Xinjiang 2026: a part of it
        ("武汉市地区生产总值", "亿元", "湖北省", ""),  # a city in a province's report
        ("开发区规上工业增加值", "%", "山西省", ""),  # Shanxi: development zones only
        ("脱贫县农村居民人均可支配收入", "%", "云南省", ""),  # poverty counties only
        ("对东盟进出口", "%", "广西壮族自治区", ""),  # trade with one partner
        ("地级及以上城市空气质量优良天数比例", "%", "吉林省", "good_air_days"),  # its usual name
    ],
)
def test_a_part_of_the_place_is_not_the_place(name: str, unit: str, place: str, code: str) -> None:
    assert load_codebook().code_of(name, unit, "level", place) == code
