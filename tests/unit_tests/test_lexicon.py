"""The one vocabulary (lexicon.py) and the one greedy assignment (align/assign.py)."""

from __future__ import annotations

import re

import pytest

from lingdiff.align.assign import greedy_pairs
from lingdiff.lexicon import (
    FIGURE,
    FIGURE_TOKEN,
    HEADING_START,
    LazyPattern,
    heading_numeral,
    parse_chinese_number,
    strip_heading_number,
    unit_family,
    unit_kind,
    unit_scale,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [("两", 2), ("十五", 15), ("二十一", 21), ("一千", 1000), ("三万", 30000), ("一二", None)],
)
def test_chinese_numerals(text: str, value: float | None) -> None:
    assert parse_chinese_number(text) == value


@pytest.mark.parametrize(
    ("raw", "value"),
    [("3", 3), ("十二", 12), ("③", 3), ("九十九", 99), ("两", None), ("一百", None)],
)
def test_heading_numerals(raw: str, value: int | None) -> None:
    assert heading_numeral(raw) == value


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("（一）扩大内需", "扩大内需"),
        ("1. 工业发展", "工业发展"),
        ("一是稳增长", "稳增长"),
        ("其二是促消费", "促消费"),
        ("——经济运行平稳", "经济运行平稳"),
        ("第二部分 2025年任务", "2025年任务"),
        ("2025年工作", "2025年工作"),  # a year is not a heading number
    ],
)
def test_one_heading_number_rule_for_every_stage(text: str, rest: str) -> None:
    assert strip_heading_number(text) == rest


def test_paragraph_markers_by_family() -> None:
    found = {}
    for text in ("一、回顾", "（二）任务", "3.工业", "④农业", "二是创新", "第一部分 回顾"):
        family = next(f for f, pattern in HEADING_START if pattern.match(text))
        found[text] = family
    assert found == {
        "一、回顾": "cn",
        "（二）任务": "paren",
        "3.工业": "arabic",
        "④农业": "circled",
        "二是创新": "enum",
        "第一部分 回顾": "chapter",
    }


def test_a_figure_is_one_token_with_its_qualifier() -> None:
    text = "增长7.5%以上，完成222.5亿元，2019年，6%—6.5%，5G"
    tokens = [m.group() for m in FIGURE_TOKEN.finditer(text) if len(m.group()) > 1]
    assert tokens == ["7.5%以上", "222.5亿元", "2019年", "6%—6.5%"]
    m = FIGURE.match("30万m2")
    assert m is not None and (m["n1"], m["mag"], m["unit"]) == ("30", "万", "m2")


def test_units() -> None:
    assert (unit_family("亿元"), unit_family("万人"), unit_family("千米")) == ("元", "人", "公里")
    assert [unit_scale(u) for u in ("亿元", "万千瓦时", "千瓦时", "千克", "万元/亩", "%")] == [
        ("元", 1e8),
        ("千瓦时", 1e4),
        ("千瓦时", 1.0),
        ("千克", 1.0),
        ("元/亩", 1e4),
        ("%", 1.0),
    ]
    assert [unit_kind(u) for u in ("%", "个百分点", "万人", "亿元", "万")] == [
        "percent",
        "percent",
        "count",
        "measure",
        "magnitude",
    ]


def test_greedy_assignment_takes_the_strongest_pair_first() -> None:
    cells = [(0.9, "a", "x"), (0.8, "a", "y"), (0.85, "b", "x"), (0.5, "b", "y"), (0.9, "c", "z")]
    assert greedy_pairs(cells) == [("a", "x", 0.9), ("c", "z", 0.9), ("b", "y", 0.5)]
    assert greedy_pairs([]) == []


def test_a_lazy_pattern_answers_as_the_compiled_one() -> None:
    source = r"(?P<n>\d+)(年|%)"
    lazy, compiled = LazyPattern(source, re.S), re.compile(source, re.S)
    text = "2019年增长6%，2020年"
    assert lazy.pattern == source
    assert [m.span() for m in lazy.finditer(text)] == [(0, 5), (7, 9), (10, 15)]
    assert lazy.search(text)["n"] == "2019"  # type: ignore[index]
    assert (
        lazy.findall(text) == compiled.findall(text) == [("2019", "年"), ("6", "%"), ("2020", "年")]
    )
    assert lazy.sub("X", text) == "X增长X，X"
    assert lazy.match("年") is None and lazy.fullmatch("6%") is not None
    assert (lazy.groups, lazy.groupindex) == (2, {"n": 1})
