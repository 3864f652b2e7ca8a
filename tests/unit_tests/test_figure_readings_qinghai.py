"""Figure readings found wrong on the seventh gold pair (tests/gold/qinghai-2025-2026, a
government lingdiff was not tuned on) and the known wrong readings listed after the sixth.

Each text is quoted from a corpus report or built the same way; the expected reading is what a
careful reader writes down.
"""

from __future__ import annotations

from lingdiff.align import align_sections
from lingdiff.figures import extract_observations, link_observations
from lingdiff.figures.clauses import trim_clause
from lingdiff.figures.codebook import load_codebook
from lingdiff.outline import parse_document
from tests.unit_tests.test_figure_readings_unseen import readings
from tests.unit_tests.test_metrics import frames, make_doc


def test_a_sentence_opening_with_five_years_turns_the_rest_to_the_period() -> None:
    # Fujian 2026: the paragraph opens on the year, its second sentence on the five years
    doc = make_doc(
        (
            "review",
            "各位代表！2025年主要目标任务如期完成，标志着“十四五”顺利收官。过去的五年极不平凡。"
            "全省人民牢记嘱托，经济总量连跨5万亿元、6万亿元两个台阶。\n"
            "这是综合经济实力显著提升的五年。\n"
            "全省地区生产总值历史性迈上4000亿元台阶。\n"
            "2025年，全省地区生产总值增长4.1%。",
        ),
        review_year=2025,
        plan_year=2026,
    )
    assert frames(doc) == [
        ("5万亿元", "five-year review", 2025, "2021-2025"),
        ("6万亿元", "five-year review", 2025, "2021-2025"),
        ("4000亿元", "five-year review", 2025, "2021-2025"),  # under a 这是…的五年 heading
        ("4.1%", "actual", 2025, None),  # a paragraph opening on the year switches back
    ]


def test_a_five_year_word_inside_a_sentence_does_not_switch_the_paragraph() -> None:
    doc = make_doc(
        (
            "review",
            "2025年全省地区生产总值增长4.1%，为过去五年最高。城镇新增就业6.95万人。",
        ),
        review_year=2025,
        plan_year=2026,
    )
    assert frames(doc) == [
        ("4.1%", "actual", 2025, None),
        ("6.95万人", "actual", 2025, None),
    ]


def test_a_word_number_inside_a_saying_is_no_figure() -> None:
    # Shaanxi 2025: 一家 closed by one character (亲) is a saying, not one household
    assert readings("积极营造军政大团结、军民一家亲的生动局面。") == []
    assert readings("两岸一家亲，") == []
    # a counted noun of two characters or more stays a count
    assert readings("新建一座水库。") == [("新建水库", 1.0, "座", "count", "", False)]


def test_a_part_named_by_the_next_five_year_plan_is_no_plan_year_part() -> None:
    # Qinghai 2026: “十五五”主要目标任务 stands between the review and the 2026 tasks
    doc = parse_document(
        "一、2025年和“十四五”时期工作回顾\n全省地区生产总值增长4.1%。\n"
        "二、“十五五”主要目标任务\n（一）以更高标准打造生态文明高地。\n（二）以更大力度推动高质量发展。\n"
        "三、2026年重点工作任务\n今年发展主要预期目标是：全省地区生产总值增长4.5%左右。\n"
        "（一）聚焦“双碳”引领，推动全面绿色转型\n（二）聚焦扩大内需，更好融入强大国内市场\n"
        "（三）聚焦创新驱动，加紧培育壮大新动能\n",
        key="new",
        path="q.txt",
    )
    assert [s.part for s in doc.top_sections()] == ["review", "other", "plan"]


REVIEW_HEADED_BY_LINES = (
    "一、2025年工作回顾\n"
    "生态底色更加亮丽。\n完成国土绿化693.4万亩。\n"
    "经济运行持续向好。\n规上工业增加值增长7.6%。\n"
    "特色产业向新向优。\n生产碳酸锂16.9万吨。\n"
    "发展动力日益强劲。\n新增经营主体2.83万户。\n"
    "二、2026年重点工作任务\n（一）聚焦扩大内需，更好融入强大国内市场\n"
    "深入推进提振消费专项行动。\n实施城乡居民增收计划，提高收入。\n"
    "加力扩大有效投资。\n用足用好中央预算内投资，加快建设。\n"
)


def test_unnumbered_headings_of_a_part_on_lines_of_their_own() -> None:
    # Qinghai 2026: the review's items and the tasks' sub-items are short lines ending in 。
    doc = parse_document(REVIEW_HEADED_BY_LINES, key="new", path="q.txt")
    assert [(s.id, s.title) for s in doc.sections if s.id != "new:0"] == [
        ("new:1", "2025年工作回顾"),
        ("new:1.1", "生态底色更加亮丽"),
        ("new:1.2", "经济运行持续向好"),
        ("new:1.3", "特色产业向新向优"),
        ("new:1.4", "发展动力日益强劲"),
        ("new:2", "2026年重点工作任务"),
        ("new:2.1", "聚焦扩大内需，更好融入强大国内市场"),
        ("new:2.1.1", "深入推进提振消费专项行动"),
        ("new:2.1.2", "加力扩大有效投资"),
    ]


def test_a_part_needs_four_such_headings_and_no_numbered_items() -> None:
    three = REVIEW_HEADED_BY_LINES.replace("发展动力日益强劲。\n新增经营主体2.83万户。\n", "")
    doc = parse_document(three, key="new", path="q.txt")
    assert [s.id for s in doc.sections if s.parent == "new:1"] == []


def test_an_amount_converted_to_another_currency_is_named_apart_and_keeps_its_code() -> None:
    # Shanghai 2026: one flow in two currencies, two rows (a row compares one unit family)
    text = "实际使用外资达到160.6亿美元、折合1148亿元人民币。"
    assert readings(text) == [
        ("使用外资", 160.6, "亿美元", "level", "", False),
        ("使用外资（折合人民币）", 1148.0, "亿元", "level", "", False),
    ]
    assert readings("实际使用外资175亿美元左右，约合1243亿元人民币。")[1][:5] == (
        "使用外资（折合人民币）",
        1243.0,
        "亿元",
        "level",
        "约",
    )
    codebook = load_codebook()
    assert codebook.code_of("使用外资（折合人民币）", "亿元") == "fdi"
    assert codebook.code_of("使用外资", "亿美元") == "fdi"


def test_a_converted_amount_and_its_original_are_two_rows() -> None:
    doc = parse_document(
        "一、2025年工作回顾\n实际使用外资达到160.6亿美元、折合1148亿元人民币。\n",
        key="new",
        path="s",
    )
    old = parse_document(
        "一、2024年工作回顾\n实际使用外资175亿美元左右，约合1243亿元人民币。\n", key="old", path="s"
    )
    rows = link_observations(extract_observations(old), extract_observations(doc))
    assert [(r.indicator, r.code, [o.value for o in r.observations]) for r in rows] == [
        ("使用外资", "fdi", [175.0, 160.6]),
        ("使用外资（折合人民币）", "fdi", [1243.0, 1148.0]),
    ]


def test_clause_length_names_lose_a_ranking_after_them_and_a_verb_phrase_before() -> None:
    assert [r[0] for r in readings("一类创新药获批上市17个、数量居全国前列。")] == [
        "一类创新药获批上市"
    ]
    assert [r[0] for r in readings("提请省人大常委会审议地方性法规草案12件。")] == [
        "地方性法规草案"
    ]
    assert [r[0] for r in readings("中央财政安排城乡医疗救助补助资金160亿元。")] == [
        "城乡医疗救助补助资金"
    ]
    assert trim_clause("晋电外送省份、规模居全国前列") == "晋电外送省份"
    assert trim_clause("居全国第一") == "居全国第一"  # short names are left alone


FIVE_YEAR_HEADINGS = (
    "这是生态文明建设取得显著成效的五年。\n建成幸福河湖100条，水质优良率保持100%。\n"
    "这是综合经济实力显著提升的五年。\n全省地区生产总值历史性迈上4000亿元台阶。\n"
)


def test_a_five_year_review_heading_line_is_a_section_of_the_review() -> None:
    doc = parse_document(
        REVIEW_HEADED_BY_LINES.replace("二、", FIVE_YEAR_HEADINGS + "二、"), key="new", path="q"
    )
    assert [s.title for s in doc.sections if s.parent == "new:1"][-2:] == [
        "这是生态文明建设取得显著成效的五年",
        "这是综合经济实力显著提升的五年",
    ]


def test_a_five_year_heading_pairs_with_no_one_year_item() -> None:
    # the old year's ecology item tells what the new report splits into its year's item and a
    # 这是…的五年 item: the five-year item is still added, not split from the year's
    eco = "推进国土绿化和防沙治沙，建设国家公园，完成造林任务。"
    more = "保护三江源生态，治理水土流失，河湖水质优良，湿地面积增加。"
    items = ("经济运行持续向好", "特色产业向新向优", "发展动力日益强劲")
    rest = "".join(f"{t}。\n{t * 3}。\n" for t in items)
    old = parse_document(
        f"一、2024年工作回顾\n生态环境提质增优。\n{eco}{more}\n{rest}", key="old", path="o"
    )
    five = f"这是生态文明建设取得显著成效的五年。\n{more}\n"
    new = parse_document(
        f"一、2025年工作回顾\n生态底色更加亮丽。\n{eco}\n{rest}{five}", key="new", path="n"
    )
    pairs = align_sections(old, new, {}, {})
    assert [(p.status, p.old, p.new) for p in pairs if "new:1.5" in p.new] == [
        ("added", (), ("new:1.5",))
    ]


def test_a_share_of_a_population_named_after_it_with_what_it_did() -> None:
    # Hubei 2025: the percent comes first, the population and what it did after 的
    assert readings("全省86%的县建成三级医院。") == [
        ("县建成三级医院", 86.0, "%", "share", "", False)
    ]
    assert readings("90%以上的村（社区）配备家庭健康指导员，") == [
        ("村（社区）配备家庭健康指导员", 90.0, "%", "share", "以上", False)
    ]
    # a clause that goes on to a figure of its own keeps both figures
    assert [r[:3] for r in readings("95%以上的村集体经营性收入超过10万元。")] == [
        ("村集体经营性收入", 95.0, "%"),
        ("村集体经营性收入", 10.0, "万元"),
    ]
