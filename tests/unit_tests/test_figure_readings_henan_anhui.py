"""Figure readings found wrong on the hand-checked Henan and Anhui pairs
(tests/gold/henan-2025-2026, tests/gold/anhui-2025-2026), read after lingdiff's tuning.

Each sentence is quoted from a corpus report; the expected reading is what a careful reader
writes down.
"""

from __future__ import annotations

from tests.unit_tests.test_figure_readings_shandong_guangxi import readings


def test_kuashang_marks_a_milestone_as_maishang_does() -> None:
    """Anhui 2025: 经济总量跨上5万亿元台阶 is a threshold crossed, written as 迈上/跃上/连跨
    are; without 跨上 among the qualifiers the verb went into the name (经济总量跨上) and the
    economy's size was not coded as GDP, so it did not link with 2026's 地区生产总值5.3万亿元."""
    assert readings("全省地区生产总值增长5.8%，经济总量跨上5万亿元台阶。") == [
        ("地区生产总值", 5.8, "%", "growth", ""),
        ("经济总量", 5.0, "万亿元", "level", "跨上"),
    ]
