"""Figure readings found wrong on the hand-checked Zhejiang and Yunnan pairs
(tests/gold/zhejiang-2025-2026, tests/gold/yunnan-2025-2026), read after lingdiff's tuning.

Each sentence is quoted from a corpus report; the expected reading is what a careful reader
writes down.
"""

from __future__ import annotations

import pytest

from tests.unit_tests.test_figure_readings_unseen import readings


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a ratio to one is a figure in ∶1; 缩小至 ends a move like 提高到 (Yunnan 2026)
        (
            "城乡居民收入比由2.9∶1缩小至2.52∶1。",
            [
                ("城乡居民收入比", 2.9, "∶1", "level", "", True),
                ("城乡居民收入比", 2.52, "∶1", "level", "", False),
            ],
        ),
        # the colon written in ASCII (Guangdong 2026)
        (
            "城乡居民收入比从2.50:1缩小至2.27:1。",
            [
                ("城乡居民收入比", 2.5, "∶1", "level", "", True),
                ("城乡居民收入比", 2.27, "∶1", "level", "", False),
            ],
        ),
        # full-width colon, a bound after it and 收窄至 (Hainan 2026)
        ("城乡居民收入比收窄至2：1以内。", [("城乡居民收入比", 2.0, "∶1", "level", "以内", False)]),
        # a ratio of three terms is a structure, not a figure (Jiangxi 2026)
        ("三次产业结构由8.7∶41.2∶50.1调整为7.4∶39.6∶53。", []),
    ],
)
def test_ratios_to_one(text: str, expected: list[tuple[str, float, str, str, str, bool]]) -> None:
    assert readings(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "深入实施三个“一号工程”和“十项重大工程”。",  # Zhejiang 2025
        "水、土壤污染防治三个“十条”并取得扎实成效。",  # the State Council 2018
    ],
)
def test_a_word_number_counting_quoted_names_is_a_set_not_a_count(text: str) -> None:
    assert readings(text) == []


def test_a_count_of_quoted_names_in_digits_is_still_a_figure() -> None:
    assert readings("开展3个“两山”实践创新基地建设。") == [
        ("两山实践创新基地", 3.0, "个", "count", "", False)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # rounds (轮) are counted like editions (届): Yunnan 2026, Chongqing 2026
        (
            "开展3轮爱国卫生“7个专项行动”，建成31个健康县城示范县。",
            [
                ("爱国卫生7个专项行动", 3.0, "轮", "count", "", False),
                ("建成健康县城示范县", 31.0, "个", "count", "", False),
            ],
        ),
        (
            "有效应对9轮强降雨，实现人员零伤亡。",
            [("有效应对强降雨", 9.0, "轮", "count", "", False)],
        ),
        ("深入实施第三轮国企改革深化提升行动。", []),  # an ordinal, not a count
    ],
)
def test_rounds_are_counts(
    text: str, expected: list[tuple[str, float, str, str, str, bool]]
) -> None:
    assert readings(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an amount followed by what it supports is read, and named by it where the words
        # before it name only the act of giving it (Yunnan 2026, Guangxi 2026)
        (
            "统筹4416.6亿元支持巩固拓展脱贫攻坚成果和乡村全面振兴，推广联农带农机制。",
            [("支持巩固拓展脱贫攻坚成果和乡村全面振兴", 4416.6, "亿元", "level", "", False)],
        ),
        (
            "三年安排450亿元支持以AI为引领的新质生产力发展。",
            [("支持以AI为引领新质生产力发展", 450.0, "亿元", "level", "", False)],
        ),
        # a name before the amount stays its name (the State Council 2025)
        (
            "安排超长期特别国债3000亿元支持消费品以旧换新。",
            [("安排超长期特别国债", 3000.0, "亿元", "level", "", False)],
        ),
        ("统筹9.8亿元用于援企稳岗。", [("援企稳岗", 9.8, "亿元", "level", "", False)]),
    ],
)
def test_money_for_a_purpose(
    text: str, expected: list[tuple[str, float, str, str, str, bool]]
) -> None:
    assert readings(text) == expected


def test_a_word_number_counting_a_quoted_common_noun_is_a_count() -> None:
    # the bundled pair: the quotes mark a common noun, not a numbered programme
    assert readings("打通五里堆路、滨江路、桃河塘路三条“断头路”。") == [
        ("断头路", 3.0, "条", "count", "", False)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a move between numbers with no unit: an index, a multiple (Zhejiang 2026, Guangxi 2026)
        (
            "生态环境公众满意度从84.7提升至89.6。",
            [
                ("生态环境公众满意度", 84.7, "", "level", "", True),
                ("生态环境公众满意度", 89.6, "", "level", "", False),
            ],
        ),
        (
            "城乡居民收入倍差从2.42缩小至2.12。",
            [
                ("城乡居民收入倍差", 2.42, "", "level", "", True),
                ("城乡居民收入倍差", 2.12, "", "level", "", False),
            ],
        ),
        # whole numbers alone stay out (a code, or a count whose unit was dropped)
        ("排名由11提高到24。", []),
    ],
)
def test_unitless_moves(text: str, expected: list[tuple[str, float, str, str, str, bool]]) -> None:
    assert readings(text) == expected
