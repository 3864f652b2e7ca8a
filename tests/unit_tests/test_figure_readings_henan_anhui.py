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


def test_a_count_before_a_share_among_its_things_is_named_by_its_own_noun() -> None:
    """Henan 2025: 全省160个国控断面中I类及以上水质占比86.1% counts 160 monitoring sections and
    gives the share of them in class I or better; the count took the share's whole phrase as its
    noun (国控断面中I类及以上水质占比) and the share was read as a level of that phrase."""
    assert readings("全省160个国控断面中I类及以上水质占比86.1%。") == [
        ("国控断面", 160.0, "个", "count", ""),
        ("国控断面I类及以上水质", 86.1, "%", "share", ""),
    ]
    # 中 that is not "among" stays in the noun (城中村, 中心)
    assert [name for name, *_ in readings("改造50个城中村，建成3个区域医疗中心。")] == [
        "改造城中村",
        "建成区域医疗中心",
    ]


def test_a_length_opened_along_its_whole_line_is_a_figure() -> None:
    """Henan 2026: 沿黄生态廊道1194公里全线贯通 gives the corridor's length; a figure followed by a
    noun-like word was taken for a modifier (as 5000万元以上项目 is) and dropped."""
    assert readings("土壤和地下水环境质量保持稳定。沿黄生态廊道1194公里全线贯通。") == [
        ("沿黄生态廊道", 1194.0, "公里", "level", "")
    ]


def test_computing_power_has_units_of_its_own() -> None:
    """Henan 2026 (10.36百亿亿次/秒), Anhui 2026 (超4.8万P), Guizhou (55Eflops): computing
    power is written in PFLOPS (P), EFLOPS or 百亿亿次/秒, none a unit, so no such figure was read
    anywhere in the corpus (fifteen of them) and 130% after 智能算力达1.6万P took the 1.6万P into
    its name."""
    assert readings("算力总规模达到10.36百亿亿次/秒。") == [
        ("算力总规模", 10.36, "百亿亿次/秒", "level", "")
    ]
    assert readings("建成智能算力超4.8万P，公用充电桩覆盖所有乡镇。") == [
        ("建成智能算力", 4.8, "万P", "level", "超")
    ]
    assert readings("全省智能算力达1.6万P、增长130%。") == [
        ("智能算力", 1.6, "万P", "level", ""),
        ("智能算力", 130.0, "%", "growth", ""),
    ]
    assert readings("算力规模超过55Eflops，成为全国算力重要支撑。")[0][1:3] == (55.0, "Eflops")


def test_households_before_villages_are_a_threshold_of_the_villages() -> None:
    """Henan 2026 (行政村和20户以上自然村全部通硬化路), Yunnan 2025 and Guizhou 2025/2026
    (30户以上自然村寨…覆盖率达80%, 50户以上农村木质房屋连片村寨): the households say which
    villages, no figure of their own; read as counts they also took the share's name away."""
    assert readings("行政村和20户以上自然村全部通硬化路，改造农村危房5.2万户。") == [
        ("改造农村危房", 5.2, "万户", "count", "")
    ]
    assert readings("30户以上自然村寨生活垃圾收运设施覆盖率达80%。") == [
        ("30户以上自然村寨生活垃圾收运设施覆盖率", 80.0, "%", "level", "")
    ]
    # a count of households or people that is the figure stays (帮助8万户以上群众实现安居梦)
    assert readings("帮助8万户以上群众实现安居梦。")[0][1:3] == (8.0, "万户")
