"""Figure readings found wrong on the hand-checked Shandong and Guangxi pairs
(tests/gold/shandong-2025-2026, tests/gold/guangxi-2025-2026), read after lingdiff's tuning.

Each sentence is quoted from a corpus report; the expected reading is what a careful reader
writes down.
"""

from __future__ import annotations

from lingdiff.figures.extract import extract_from_text
from lingdiff.lexicon import unit_scale


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
