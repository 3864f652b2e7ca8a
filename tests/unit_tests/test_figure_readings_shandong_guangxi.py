"""Figure readings found wrong on the hand-checked Shandong and Guangxi pairs
(tests/gold/shandong-2025-2026, tests/gold/guangxi-2025-2026), read after lingdiff's tuning.

Each sentence is quoted from a corpus report; the expected reading is what a careful reader
writes down.
"""

from __future__ import annotations

from lingdiff.figures.extract import extract_from_text
from lingdiff.lexicon import unit_scale
from tests.unit_tests.test_metrics import frames, make_doc


def readings(text: str) -> list[tuple[str, float, str, str, str]]:
    """(indicator, value, unit, measure, qualifier) of every figure of ``text``."""
    return [(o.indicator, o.value, o.unit, o.measure, o.qualifier) for o in extract_from_text(text)]


def test_thousands_of_a_magnitude_are_one_magnitude() -> None:
    """千亿 and 千万 are magnitudes as 万亿 is: 9千亿元 is 9 × 1e11 元 (Guangxi 2026)."""
    assert readings("有色金属产业年产值超4千亿元。") == [
        ("有色金属产业年产值", 4.0, "千亿元", "level", "超")
    ]
    assert readings("一般公共预算收支累计分别突破9千亿元、3万亿元。") == [
        ("一般公共预算收支", 9.0, "千亿元", "level", "突破"),
        ("一般公共预算收支", 3.0, "万亿元", "level", "突破"),
    ]
    assert unit_scale("千亿元") == ("元", 1e11)
    assert unit_scale("千万元") == ("元", 1e7)
    assert unit_scale("千瓦时") == ("千瓦时", 1.0)


def test_a_paragraph_presenting_the_next_plan_is_its_goals() -> None:
    """Guangxi 2026: after the 过去五年… review, the paragraph that presents the draft outline
    of the 十五五 plan (第十五个五年规划的建议, “十五五”规划纲要) states the plan's goals, not
    the past five years; a 2025 report's “十四五”规划收官之年 or “十五五”规划编制 does not."""
    doc = make_doc(
        (
            "other",
            "过去五年，我们牢记嘱托，地区生产总值年均增长4.8%。\n"
            "根据《中国共产党广西壮族自治区委员会关于制定国民经济和社会发展第十五个五年规划的建议》，"
            "我们编制了“十五五”规划纲要（草案），提交大会审查。"
            "综合考虑各方面因素，提出地区生产总值年均增长5%左右。",
        ),
        review_year=2025,
        plan_year=2026,
    )
    assert frames(doc) == [
        ("4.8%", "five-year review", 2025, "2021-2025"),
        ("5%", "five-year goal", 2030, "2026-2030"),
    ]
    doc = make_doc(
        (
            "plan",
            "今年是“十四五”规划收官之年。地区生产总值增长5%左右。\n"
            "筹措资金835亿元以上，实施十大为民办实事工程。抓好“十五五”规划编制。",
        ),
        review_year=2024,
        plan_year=2025,
    )
    assert frames(doc) == [("5%", "target", 2025, None), ("835亿元", "target", 2025, None)]


def test_satellites_and_medals_are_counted() -> None:
    """颗 (satellites) and 枚 (medals) are classifiers like 个 (Shandong 2026, Tibet 2025)."""
    assert readings("东方航天港海上发射卫星137颗。") == [
        ("东方航天港海上发射卫星", 137.0, "颗", "count", "")
    ]
    assert readings("我区健儿在全国冬运会、民运会喜摘奖牌82枚。") == [
        ("我区健儿在全国冬运会、民运会喜摘奖牌", 82.0, "枚", "count", "")
    ]


def test_where_a_unitless_number_moved_to_with_its_start_unsaid() -> None:
    """A ratio or multiple that moved, only its end given (Shandong 2026, Zhejiang 2025): a
    figure without a unit, as the two ends of 从1.96缩小至1.81 are; whole numbers are not."""
    assert readings(
        "常住人口城镇化率达到67.5%，城乡收入比缩小至2.12，新改建农村公路4.2万公里。"
    ) == [
        ("常住人口城镇化率", 67.5, "%", "level", ""),
        ("城乡收入比", 2.12, "", "level", ""),
        ("新改建农村公路", 4.2, "万公里", "level", ""),
    ]
    assert readings("推进强村富民乡村集成改革，城乡居民收入倍差缩小至1.83。") == [
        ("城乡居民收入倍差", 1.83, "", "level", "")
    ]
    assert readings("排名提高到5，") == []
