"""series(): targets against actuals across N reports, the realisation rule, refusals, place."""

from __future__ import annotations

import pytest

from lingdiff.model import Observation
from lingdiff.outline import parse_document
from lingdiff.outline.place import delivery_year, detect_place
from lingdiff.series import SeriesError, realise, series

HEAD = (
    "关于{place}{review}年国民经济和社会发展计划执行情况及{plan}年计划草案的报告\n"
    "——{plan}年1月10日在{place}第十八届人民代表大会第二次会议上\n"
)
REPORTS = {
    2023: "一、2022年计划执行情况\n全年地区生产总值增长5.2%，居民消费价格上涨2.1%。\n"
    "二、2023年主要预期目标\n地区生产总值增长6%以上，居民消费价格涨幅3%左右，"
    "规模工业增加值增长7%-8%，单位地区生产总值能耗下降3%以上。\n",
    2024: "一、2023年计划执行情况\n全年地区生产总值增长5.5%，居民消费价格上涨3.2%，"
    "规模工业增加值增长8.5%，单位地区生产总值能耗下降2.5%。\n"
    "二、2024年主要预期目标\n地区生产总值增长5%左右，居民消费价格涨幅3%左右。\n",
    2026: "一、2025年计划执行情况\n全年地区生产总值增长4.4%。\n"
    "二、2026年主要预期目标\n地区生产总值增长5%左右。\n",
}


def report(plan: int, place: str = "测试县"):
    text = HEAD.format(place=place, review=plan - 1, plan=plan) + REPORTS[plan]
    return parse_document(text, key="old", path=f"r{plan}.txt")


@pytest.fixture(scope="module")
def county():
    return series([report(2026), report(2023), report(2024)])  # any order


def test_reports_are_ordered_by_year_and_place_is_read(county) -> None:
    assert [(r.path, r.year, r.review_year) for r in county.reports] == [
        ("r2023.txt", 2023, 2022),
        ("r2024.txt", 2024, 2023),
        ("r2026.txt", 2026, 2025),
    ]
    assert (county.place, county.level) == ("测试县", "county")
    assert county.years == (2022, 2023, 2024, 2025, 2026)


def test_gdp_timeline_target_actual_and_missing_years(county) -> None:
    row = county.row("地区生产总值")
    cells = {c.year: c for c in row.cells}
    assert cells[2022].target_status == "no report" and cells[2022].actual.value == 5.2
    assert (cells[2023].target.value, cells[2023].target.qualifier) == (6.0, "以上")
    assert cells[2023].actual.value == 5.5 and cells[2023].actual_report == "r2024.txt"
    assert (cells[2023].difference, cells[2023].verdict) == (-0.5, "missed")
    # the 2025 report is missing: no target for 2025, no actual for 2024, nothing bridged
    assert cells[2024].target.value == 5.0 and cells[2024].actual_status == "no report"
    assert cells[2025].target_status == "no report" and cells[2025].actual.value == 4.4
    assert cells[2026].actual is None and cells[2026].verdict == ""
    assert row.trend == "falling" and row.headline


def test_rule_ceiling_about_range_and_decline(county) -> None:
    cpi = county.row("居民消费价格").cell(2023)  # 3%左右, less is better: met up to 3.3
    assert (round(cpi.difference, 6), cpi.verdict) == (0.2, "met")
    assert cpi.rule.startswith("ceiling")
    industry = county.row("规模工业增加值").cell(2023)  # 7%-8%, 8.5: above the range, met
    assert (industry.difference, industry.verdict) == (0.5, "met")
    energy = county.row("单位地区生产总值能耗").cell(2023)  # 下降3%以上, fell 2.5%: missed
    assert (energy.difference, energy.verdict) == (0.5, "missed")


def obs(
    value: float,
    qualifier: str = "",
    *,
    high: float | None = None,
    unit: str = "%",
    direction: int = 1,
) -> Observation:
    return Observation(
        id="x", doc="old", indicator="x", value=value, unit=unit, qualifier=qualifier,
        measure="growth", kind="target", year=2020, section="old:1", quote="", start=0, end=0,
        value_high=high, direction=direction,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("target", "actual", "less", "expected"),
    [
        (obs(7.5, "左右"), obs(6.8), False, (-0.7, "met")),  # within 10 % below
        (obs(7.5, "左右"), obs(6.7), False, (-0.8, "missed")),
        (obs(5.5, "左右"), obs(8.1), False, (2.6, "met")),  # beyond a floor is met
        (obs(3.0, "左右"), obs(3.4), True, (0.4, "missed")),  # a ceiling: prices
        (obs(5.5, "以内", unit="%"), obs(5.2), False, (-0.3, "met")),
        (obs(5.5, "以内"), obs(5.6), False, (0.1, "missed")),
        (obs(6.0, high=6.5), obs(6.2), False, (0.0, "met")),
        (obs(6.0, high=6.5), obs(5.9), False, (-0.1, "missed")),
        (obs(3.0, direction=-1), obs(3.1, direction=-1), False, (-0.1, "met")),  # 下降3%
        (obs(3.0, "以上", direction=-1), obs(2.0, direction=-1), False, (1.0, "missed")),
        (obs(2.0, unit="%"), obs(2.0, unit="个百分点"), False, (None, "not comparable")),
        (obs(1.2, unit="万亿元"), obs(9000, unit="亿元"), False, (-0.3, "missed")),
    ],
)
def test_realise(target, actual, less, expected) -> None:
    difference, verdict, _rule = realise(target, actual, less)
    assert (None if difference is None else round(difference, 6), verdict) == expected


def test_refuses_two_reports_of_one_year() -> None:
    with pytest.raises(SeriesError, match=r"r2024.txt and r2024.txt are both the report of 2024"):
        series([report(2024), report(2024)])


def test_refuses_two_governments() -> None:
    with pytest.raises(SeriesError, match=r"测试县's report but r2024\.txt is 示范县's"):
        series([report(2023), report(2024, place="示范县")])


def test_refuses_a_single_report() -> None:
    with pytest.raises(SeriesError, match="at least two reports"):
        series([report(2023)])


@pytest.mark.parametrize(
    ("head", "place", "level", "year"),
    [
        (
            "政府工作报告\n——2026年1月26日在广东省第十四届\n人民代表大会第五次会议上\n",
            "广东省",
            "province",
            2026,
        ),
        (
            "2025年海南省政府工作报告\n——2025年1月14日海南省省长 刘小明"
            "在海南省第七届人民代表大会第四次会议上的讲话\n",
            "海南省",
            "province",
            2025,
        ),
        (
            "政府工作报告\n——2023年3月5日在第十四届全国人民代表大会第一次会议上\n",
            "全国",
            "national",
            2023,
        ),
        ("各位代表：\n现在，我代表国务院，向大会报告政府工作\n", "全国", "national", None),
        (
            "—2020年5月29日在永州市零陵区第十届人民代表大会第四次会议上\n",
            "永州市零陵区",
            "county",
            2020,
        ),
        ("2025年天津市政府工作报告\n", "天津市", "province", 2025),
        ("长沙市人民政府关于2024年工作的报告\n", "长沙市", "prefecture", None),
    ],
)
def test_place_and_year_from_the_byline(head, place, level, year) -> None:
    found = detect_place(head + "各位代表：\n")
    assert (found.name, found.level) == (place, level)
    assert delivery_year(head) == year


def test_no_place_in_plain_text() -> None:
    assert detect_place("地区生产总值增长5%。") is None
