"""Figure readings found wrong on the hand-checked Jiangsu and Chongqing pairs
(tests/gold/jiangsu-2025-2026, tests/gold/chongqing-2025-2026), read after lingdiff's tuning.

Each sentence is quoted from a corpus report; the expected reading is what a careful reader
writes down.
"""

from __future__ import annotations

from tests.unit_tests.test_figure_readings_shandong_guangxi import readings


def test_a_stance_after_its_subject_ends_with_the_list_it_heads() -> None:
    """Chongqing 2025: 预计 after 研发投入强度 marks that estimate, not the share two clauses
    on, past clauses without a figure; Tianjin 2025 puts one 预计 at the head of a list of
    figures (all estimates), and Guangxi 2025 opens the summary with 初步预计，."""
    assert readings(
        "全社会研发投入强度预计达到2.6%，一批重大技术攻关和成果产业化实现突破，全市首个1类"
        "创新药获批上市，战略性新兴产业增加值占规上工业增加值的比重达到34.6%。"
    ) == [
        ("全社会研发投入强度", 2.6, "%", "level", "预计"),
        ("战略性新兴产业增加值", 34.6, "%", "share", ""),
    ]
    assert readings(
        "全市地区生产总值预计增长5.1%左右，一般公共预算收入增长5.2%，城镇调查失业率5.2%，"
        "居民人均可支配收入增长与经济增长基本同步。"
    ) == [
        ("地区生产总值", 5.1, "%", "growth", "预计 左右"),
        ("一般公共预算收入", 5.2, "%", "growth", "预计"),
        ("城镇调查失业率", 5.2, "%", "level", "预计"),
    ]
    assert [
        q for *_, q in readings("初步预计，全区地区生产总值增长4.2%左右，外贸进出口总额增长9.4%。")
    ] == [
        "预计 左右",
        "预计",
    ]


def test_a_stance_in_a_clause_without_figures_stops_there() -> None:
    """Shanxi 2025's targets: 力争 is said of the trade target only (进出口总额力争保持正增长),
    not of the jobs, unemployment and price targets after it."""
    assert readings(
        "进出口总额力争保持正增长，居民收入增长与经济增长同步，城镇新增就业45万人，"
        "城镇调查失业率5.5%左右，居民消费价格涨幅2%左右。"
    ) == [
        ("城镇新增就业", 45.0, "万人", "count", ""),
        ("城镇调查失业率", 5.5, "%", "level", "左右"),
        ("居民消费价格", 2.0, "%", "growth", "左右"),
    ]


def test_a_multiple_is_said_approximately_after_its_unit() -> None:
    """Chongqing 2025 and 2026: 增长1倍多 (more than doubled) puts 多 after 倍, where 2万多人
    puts it before the unit; the 多 made the figure look like a modifier and it was lost."""
    assert readings(
        "新能源汽车产量达到95.3万辆，集成电路产量增长1倍多，合成材料产值保持两位数增长。"
    ) == [
        ("新能源汽车产量", 95.3, "万辆", "count", ""),
        ("集成电路产量", 1.0, "倍", "growth", "多"),
    ]
    assert readings("技术合同成交额增长6.4倍。") == [("技术合同成交额", 6.4, "倍", "growth", "")]


def test_a_share_named_by_one_word_keeps_its_name() -> None:
    """Jiangsu 2026: 税占比 (the tax share of budget revenue) has a one-character subject, and
    a one-character name was dropped as no name at all; so was Chongqing 2025's 村占比."""
    assert readings("一般公共预算收入增长2.1%，税占比达77.4%；") == [
        ("一般公共预算收入", 2.1, "%", "growth", ""),
        ("税占比", 77.4, "%", "share", ""),
    ]
    assert readings("经营性收入10万元以上的村占比超过90%。")[-1] == (
        "村占比",
        90.0,
        "%",
        "share",
        "超过",
    )
    assert readings("税收占比达80%。") == [("税收", 80.0, "%", "share", "")]


def test_the_verb_before_a_count_of_tasks_is_no_part_of_its_name() -> None:
    """Jiangsu, Shandong, Yunnan, Hebei…: 办好/实施/抓好 N件(项) X name X, the thing counted;
    the verb (with its adverb, 继续/扎实/再) was glued to the name, so 2025's 办好民生实事 and
    2026's 扎实办好重点民生实事 did not link. Jiangxi's 以10件民生实事为牵引 / 办好以10件
    民生实事为引领的… name 民生实事 too: the noun ends before 为 of 以…为牵引."""
    assert readings("今年继续实施20项民生工程。") == [("民生工程", 20.0, "项", "count", "")]
    assert readings("扎实办好20项重点民生实事。") == [("重点民生实事", 20.0, "项", "count", "")]
    assert readings("抓好550个省重大项目。") == [("省重大项目", 550.0, "个", "count", "")]
    assert readings("坚持尽力而为、量力而行，以办好10件民生实事为牵引。") == [
        ("民生实事", 10.0, "件", "count", "")
    ]
    assert readings("办好以10件民生实事为引领的各项民生工程。") == [
        ("民生实事", 10.0, "件", "count", "")
    ]


def test_a_count_of_categories_before_the_count_of_its_items() -> None:
    """Jiangsu 2026: 12类45件民生实事 counts 12 categories and 45 tasks; Hubei writes 10大类55项,
    Fujian 2类15个省级样板. The number of categories was lost (类 is no unit) or glued to the
    tasks' name (12类民生实事); 1类创新药 names a class of drug and stays out."""
    assert readings("12类45件民生实事全面完成，发展的温度可感可触。") == [
        ("民生实事（类别）", 12.0, "类", "count", ""),
        ("民生实事", 45.0, "件", "count", ""),
    ]
    assert readings("今年继续实施10大类55项民生实事，涵盖就业、教育、医疗、养老等领域。") == [
        ("民生实事（类别）", 10.0, "大类", "count", ""),
        ("民生实事", 55.0, "项", "count", ""),
    ]
    assert readings("打造城市片区更新、社区更新2类15个省级样板。") == [
        ("省级样板（类别）", 2.0, "类", "count", ""),
        ("省级样板", 15.0, "个", "count", ""),
    ]
    assert readings("全市首个1类创新药获批上市。") == []


def test_batches_are_counted_in_pici() -> None:
    """Chongqing 2026 (实施5批次19组…重组) and Guangdong's and Shanxi's inspection targets
    (抽检…超1.5万批次): 批次 is one classifier; read as 批 the 次 went into the next name."""
    assert readings("实施5批次19组集团层面战略性重组。") == [
        ("集团层面战略性重组", 5.0, "批次", "count", ""),
        ("集团层面战略性重组", 19.0, "组", "count", ""),
    ]
    assert readings("完成农产品快检不少于100万批次。")[0][1:3] == (100.0, "万批次")
