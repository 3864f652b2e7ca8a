"""Figure readings found wrong on the hand-checked Xinjiang pair (tests/gold/xinjiang-2025-2026).

Each sentence is quoted from the 2025 or 2026 Xinjiang report (or built the same way); the
expected reading is what a careful reader writes down.
"""

from __future__ import annotations

import pytest

from lingdiff.figures.extract import extract_from_text


def readings(text: str) -> list[tuple[str, float, str, str, str]]:
    """(indicator, value, unit, measure, qualifier) of every figure of ``text``."""
    return [(o.indicator, o.value, o.unit, o.measure, o.qualifier) for o in extract_from_text(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 高等 is a word, not 高 + "etc."
        ("全疆普通高等学校达66所。", [("普通高等学校", 66.0, "所", "count", "")]),
        ("新建3所高等院校。", [("新建高等院校", 3.0, "所", "count", "")]),
        # a paired name splits without 分别 when two figures follow it
        (
            "城乡居民人均可支配收入年均增长5.3%、8.1%。",
            [
                ("城镇居民人均可支配收入", 5.3, "%", "growth", ""),
                ("农村居民人均可支配收入", 8.1, "%", "growth", ""),
            ],
        ),
        # 万列: trains are counted, the unit is not cut at 万
        ("中欧（亚）班列超过7.4万列。", [("中欧（亚）班列", 7.4, "万列", "count", "超过")]),
        # 届 counts editions of a fair …
        (
            "成功举办2届亚欧博览会、3届商博会。",
            [("举办亚欧博览会", 2.0, "届", "count", ""), ("商博会", 3.0, "届", "count", "")],
        ),
        # … but a graduating class is no count
        ("2025届高校毕业生12万人。", [("2025届高校毕业生", 12.0, "万人", "count", "")]),
        # counts of indicators are no goals
        ("提出五大类21个主要指标，包括13个预期性指标、8个约束性指标。", []),
        # 首次 before a qualifier is not part of the name
        (
            "农村居民人均可支配收入首次突破2万元。",
            [("农村居民人均可支配收入", 2.0, "万元", "level", "突破")],
        ),
        # 全疆 frames the whole region like 全省
        ("全疆常住人口城镇化率61.61%。", [("常住人口城镇化率", 61.61, "%", "level", "")]),
        # the from-value of a move is no count of the verb after it
        (
            "年接待游客由1.58亿人次增加到3.23亿人次。",
            [
                ("年接待游客", 1.58, "亿人次", "count", ""),
                ("年接待游客", 3.23, "亿人次", "count", ""),
            ],
        ),
        # 等 meaning "etc." still gives each listed item the head noun
        (
            "食品、石化、信息等产业增加值分别增长5%、6%、7%。",
            [
                ("食品产业增加值", 5.0, "%", "growth", ""),
                ("石化产业增加值", 6.0, "%", "growth", ""),
                ("信息产业增加值", 7.0, "%", "growth", ""),
            ],
        ),
    ],
)
def test_reading(text: str, expected: list[tuple[str, float, str, str, str]]) -> None:
    assert readings(text) == expected
