"""Figures as observations, and their linking across reports (lingdiff.figures)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lingdiff.figures import extract_observations, link_observations
from lingdiff.figures.link import LINK_THRESHOLD, name_similarity
from lingdiff.load import normalise
from lingdiff.model import Document, Gap, Observation, Part, Section, Sentence
from lingdiff.outline import parse_document
from lingdiff.reading import load_document
from tests.helpers import corpus_file, seed

# --- helpers ------------------------------------------------------------------------------


def make_doc(
    *parts: tuple[Part, str],
    key: str = "old",
    review_year: int | None = 2023,
    plan_year: int | None = 2024,
) -> Document:
    """A document of one section per part, sentences cut at 。！？ and line ends."""
    text = "\n".join(body for _part, body in parts)
    sections: list[Section] = []
    sentences: list[Sentence] = []
    pos = 0
    for n, (part, body) in enumerate(parts, 1):
        sid = f"{key}:{n}"
        sections.append(Section(sid, None, 1, part, f"{n}.", "", pos, pos + len(body), pos))
        for m in re.finditer(r"[^。！？]+[。！？]?", body):
            a, b = pos + m.start(), pos + m.end()
            sentences.append(Sentence(len(sentences), a, b, text[a:b], sid))
        pos += len(body) + 1
    return Document(
        key=key,  # type: ignore[arg-type]
        path="<test>",
        title="",
        review_year=review_year,
        plan_year=plan_year,
        text=text,
        norm=normalise(text),
        sections=tuple(sections),
        sentences=tuple(sentences),
    )


def find(obs: tuple[Observation, ...], indicator: str, value_text: str) -> Observation:
    """The one observation of an indicator with this figure as written."""
    hits = [o for o in obs if o.indicator == indicator and o.value_text == value_text]
    assert len(hits) == 1, (indicator, value_text, [(o.indicator, o.value_text) for o in obs])
    return hits[0]


def brief(o: Observation) -> tuple:
    return (o.indicator, o.measure, o.value, o.value_high, o.unit, o.qualifier, o.kind, o.year)


@pytest.fixture(scope="module")
def old_obs() -> tuple[Observation, ...]:
    return extract_observations(seed("old"))


@pytest.fixture(scope="module")
def new_obs() -> tuple[Observation, ...]:
    return extract_observations(seed("new"))


# --- hand-checked observations of the bundled reports --------------------------------------

# (indicator, value as written, measure, value, unit, qualifier, kind, year)
OLD_CASES = [
    ("地区生产总值", "222.5亿元", "level", 222.5, "亿元", "", "actual", 2019),
    ("地区生产总值", "6.7%", "growth", 6.7, "%", "", "actual", 2019),
    ("规模工业增加值", "8.0%", "growth", 8.0, "%", "", "actual", 2019),
    ("固定资产投资", "10.3%", "growth", 10.3, "%", "", "actual", 2019),
    ("城镇居民人均可支配收入", "32386元", "level", 32386, "元", "", "actual", 2019),
    ("农村居民人均可支配收入", "20961元", "level", 20961, "元", "", "actual", 2019),
    ("城镇居民人均可支配收入", "9.5%", "growth", 9.5, "%", "", "actual", 2019),
    ("农村居民人均可支配收入", "9.4%", "growth", 9.4, "%", "", "actual", 2019),
    ("粮食种植面积", "80.6万亩", "level", 80.6, "万亩", "", "actual", 2019),
    ("工业投资", "47.6%", "growth", 47.6, "%", "", "actual", 2019),
    ("技改投资", "52%", "growth", 52, "%", "", "actual", 2019),
    ("高新技术投资", "74.3%", "growth", 74.3, "%", "", "actual", 2019),
    ("游客", "700万人次", "count", 700, "万人次", "突破", "actual", 2019),
    ("旅游收入", "50亿元", "level", 50, "亿元", "突破", "actual", 2019),
    ("贫困发生率", "0.36%", "level", 0.36, "%", "", "actual", 2019),
    ("劳务扶贫", "1.4万余人", "count", 1.4, "万人", "余", "actual", 2019),
    ("空气质量优良率", "91.4%", "level", 91.4, "%", "以上", "actual", 2019),
    ("重点项目投资", "180亿元", "level", 180, "亿元", "", "actual", 2019),
    ("重点项目投资", "102.5%", "share", 102.5, "%", "", "actual", 2019),
    ("银行融资", "21.85 亿元", "level", 21.85, "亿元", "", "actual", 2019),
    ("民生支出", "36.44亿元", "level", 36.44, "亿元", "", "actual", 2019),
    ("民生支出", "76%", "share", 76, "%", "", "actual", 2019),
    ("新增城镇就业", "6250人", "count", 6250, "人", "", "actual", 2019),
    ("减少电费支出", "2000万元", "level", 2000, "万元", "约", "actual", 2019),
    ("降低一般工商业电价", "两次", "count", 2, "次", "", "actual", 2019),
    ("地区生产总值", "7.5%", "growth", 7.5, "%", "以上", "target", 2020),
    ("规模工业增加值", "8.5%", "growth", 8.5, "%", "以上", "target", 2020),
    ("城乡居民人均可支配收入", "9%", "growth", 9, "%", "", "target", 2020),
    ("产业投资", "60%", "share", 60, "%", "以上", "target", 2020),
    ("地方税收收入", "75%", "share", 75, "%", "以上", "target", 2020),
    ("单位GDP能耗", "3%", "growth", 3, "%", "以上", "target", 2020),
    ("粮食产量", "35.6万吨", "level", 35.6, "万吨", "", "target", 2020),
    ("断头路", "三条", "count", 3, "条", "", "target", 2020),
    ("新建标准厂房", "30万m2", "level", 30, "万m2", "", "target", 2020),
    ("创建AA+平台", "一家", "count", 1, "家", "力争", "target", 2020),
]
NEW_CASES = [
    ("地区生产总值", "5.4%", "growth", 5.4, "%", "", "actual", 2025),
    ("城镇居民人均可支配收入", "4.8%", "growth", 4.8, "%", "", "actual", 2025),
    ("农村居民人均可支配收入", "5.7%", "growth", 5.7, "%", "", "actual", 2025),
    ("盛电新材料年产值", "3.5亿元", "level", 3.5, "亿元", "", "actual", 2025),
    ("粮食播种面积", "86.05万亩", "level", 86.05, "万亩", "", "actual", 2025),
    ("粮食总产量", "38万吨", "level", 38, "万吨", "", "actual", 2025),
    ("接待游客", "766万人次", "count", 766, "万人次", "预计", "actual", 2025),
    ("旅游综合收入", "78.1亿元", "level", 78.1, "亿元", "预计", "actual", 2025),
    ("民生支出", "80%", "share", 80, "%", "", "actual", 2025),
    ("交通事故死亡人数", "13.63%", "growth", 13.63, "%", "", "actual", 2025),
    ("刑事案件发案率", "13.37%", "growth", 13.37, "%", "", "actual", 2025),
    ("传统盗抢骗案件发案率", "3.01%", "growth", 3.01, "%", "", "actual", 2025),
    ("市域外就诊率", "6.7%", "level", 6.7, "%", "", "actual", 2025),
    ("三级公路", "两条", "count", 2, "条", "", "actual", 2025),
    ("规模工业总产值", "269.5亿元", "level", 269.5, "亿元", "以上", "target", 2026),
    ("规模工业增加值", "7.5%", "growth", 7.5, "%", "以上", "target", 2026),
    ("地区生产总值", "330亿元", "level", 330, "亿元", "以上", "target", 2026),
    ("地区生产总值", "5.5%", "growth", 5.5, "%", "以上", "target", 2026),
    ("社会消费品零售总额", "125亿元", "level", 125, "亿元", "力争 以上", "target", 2026),
    ("粮食播种面积", "86万亩", "level", 86, "万亩", "确保 以上", "target", 2026),
    ("粮食总产量", "37万吨", "level", 37, "万吨", "确保 以上", "target", 2026),
    ("外贸进出口总额", "21亿元", "level", 21, "亿元", "力争 超", "target", 2026),
    ("城镇新增就业", "5600人", "count", 5600, "人", "力争 以上", "target", 2026),
    ("主要农作物综合机械化率", "70%", "level", 70, "%", "力争", "target", 2026),
]


@pytest.mark.parametrize("case", OLD_CASES, ids=[f"{c[0]}:{c[1]}" for c in OLD_CASES])
def test_old_report_observation(old_obs, case) -> None:
    indicator, written, measure, value, unit, qualifier, kind, year = case
    o = find(old_obs, indicator, written)
    assert brief(o) == (indicator, measure, value, None, unit, qualifier, kind, year)


@pytest.mark.parametrize("case", NEW_CASES, ids=[f"{c[0]}:{c[1]}" for c in NEW_CASES])
def test_new_report_observation(new_obs, case) -> None:
    indicator, written, measure, value, unit, qualifier, kind, year = case
    o = find(new_obs, indicator, written)
    assert brief(o) == (indicator, measure, value, None, unit, qualifier, kind, year)


def test_growth_attaches_to_the_level_before_it(old_obs) -> None:
    o = find(old_obs, "地区生产总值", "6.7%")
    assert o.quote == "完成地区生产总值222.5亿元，增长6.7%"
    assert o.section == "old:1"
    assert o.direction == 1


def test_heading_targets_are_targets_of_the_plan_year(new_obs) -> None:
    o = find(new_obs, "地区生产总值", "5.5%")
    assert o.quote == "全年完成地区生产总值330亿元以上，同比增长5.5%以上"
    assert o.section == "new:2.2"


def test_declines_keep_the_written_value_with_direction(old_obs) -> None:
    o = find(old_obs, "单位GDP能耗", "3%")
    assert (o.value, o.direction, o.measure) == (3, -1, "growth")
    assert find(old_obs, "贫困发生率", "0.36%").direction == 0  # 降至: a level


def test_respectively_splits_listed_subjects(old_obs) -> None:
    o = find(old_obs, "技改投资", "52%")
    assert o.quote.startswith("工业投资、技改投资、高新技术投资保持高位增长，")
    assert o.subject == "技改投资"


def test_share_names_its_whole(old_obs) -> None:
    o = find(old_obs, "民生支出", "76%")
    assert o.subject == "民生支出占公共财政支出"
    assert o.quote == "全区民生支出36.44亿元，占公共财政支出的76%"


def test_offsets_point_at_the_figure() -> None:
    for key in ("old", "new"):
        doc = seed(key)
        obs = extract_observations(doc)
        assert [o.id for o in obs] == [f"{key}:m{n}" for n in range(1, len(obs) + 1)]
        for o in obs:
            assert doc.text[o.start : o.end] == o.value_text
            assert o.value_text in o.quote
            assert doc.text.find(o.quote) <= o.start


def test_every_observation_points_at_its_figure(old_obs, new_obs) -> None:
    """Each figure's span is its written value, inside its quote; a figure about the review
    year is an actual; ids are unique. (Replaces a pinned count of observations.)"""
    for key, obs in (("old", old_obs), ("new", new_obs)):
        doc = seed(key)
        assert len({o.id for o in obs}) == len(obs)
        for o in obs:
            assert doc.norm[o.start : o.end] == o.value_text, o
            assert o.value_text in o.quote, o
            assert o.kind == "actual" or o.year != doc.review_year, o


NOT_FIGURES = [
    "2019年", "5月29日", "第十届", "第四次", "4A景区", "5Ａ景区", "“5个10”", "“5个100”",
    "“135”", "5G", "AA+", "110KV", "G322", "“十四五”", "“1·31”", "“6·30台账”", "“12345”",
    "“2614”", "快反135", "1234+N", "三大攻坚战", "“六稳”", "“一城两翼三片多示范”", "七个方面",
    "“一老一小”两个", "明年7月底", "5月底前", "1.高质量", "（1）", "十二届九次", "四张网",
]  # fmt: skip


@pytest.mark.parametrize("key", ["old", "new"])
def test_names_dates_and_slogans_are_not_figures(key) -> None:
    doc = seed(key)
    spans = [(o.start, o.end) for o in extract_observations(doc)]
    seen = 0
    for name in NOT_FIGURES:
        for m in re.finditer(re.escape(name), doc.text):
            seen += 1
            hit = [s for s in spans if s[0] < m.end() and m.start() < s[1]]
            assert not hit, (name, hit)
    assert seen >= 12


# --- hard cases on short passages -----------------------------------------------------------


def extract(text: str, part: Part = "review", **years) -> tuple[Observation, ...]:
    return extract_observations(make_doc((part, text), **years))


def test_ranges_with_either_dash() -> None:
    for text, written in (("国内生产总值增长6%—6.5%。", "6%—6.5%"), ("增速6%-6.5%。", "6%-6.5%")):
        (o,) = extract("地区生产总值" + text if text.startswith("增速") else text, "targets")
        assert (o.value, o.value_high, o.unit, o.value_text) == (6, 6.5, "%", written)
        assert (o.measure, o.kind, o.year) == ("growth", "target", 2024)


def test_percentage_points_are_changes() -> None:
    obs = extract(
        "规模以上工业增加值增长7.8%，高于全省平均水平1.3个百分点；城镇化率提高1.2个百分点。"
    )
    assert [brief(o)[:6] for o in obs] == [
        ("规模以上工业增加值", "growth", 7.8, None, "%", ""),
        ("城镇化率", "change", 1.2, None, "个百分点", ""),
    ]
    assert [o.direction for o in obs] == [1, 1]
    assert obs[0].gap == Gap("全省", 1.3, "个百分点")  # a benchmark comparison, not a figure


def test_subject_carries_over_a_list() -> None:
    obs = extract("确保粮食播种面积稳定在86万亩以上、总产量37万吨以上。", "plan")
    assert [(o.indicator, o.value_text, o.qualifier) for o in obs] == [
        ("粮食播种面积", "86万亩", "确保 以上"),
        ("粮食总产量", "37万吨", "确保 以上"),
    ]
    obs = extract(
        "全年空气质量优良天数320天、优良率91.4%以上，农村耕地流转面积36万亩，流转率达到60%。"
    )
    assert [o.indicator for o in obs] == [
        "空气质量优良天数",
        "空气质量优良率",
        "农村耕地流转面积",
        "农村耕地流转率",
    ]


def test_each_and_counted_lists() -> None:
    obs = extract(
        "饮用水水源水质优良率、断面水质达标率均为100%。实现入住率、拆旧率、复垦率3个100%。"
    )
    assert [o.indicator for o in obs] == [
        "饮用水水源水质优良率",
        "断面水质达标率",
        "入住率",
        "拆旧率",
        "复垦率",
    ]
    assert {o.value_text for o in obs} == {"100%"}


def test_chinese_numerals_count_only_as_figures() -> None:
    obs = extract("共两次降低一般工商业电价，新建三所乡镇卫生院，重点抓好七个方面的工作。")
    assert [(o.indicator, o.value, o.unit, o.value_text) for o in obs] == [
        ("降低一般工商业电价", 2, "次", "两次"),
        ("新建乡镇卫生院", 3, "所", "三所"),
    ]
    text = (
        "坚持“一城两翼三片多示范”，打好三大攻坚战，落实中央八项规定，"
        "用好国内国际两个市场。一是稳增长。"
    )
    assert extract(text) == ()


def test_dates_codes_and_names_are_not_figures() -> None:
    text = (
        "2019年5月29日，在第十届人民代表大会第四次会议上，推进5G建设，“5个10”工程完成投资，"
        "创建4A景区，推行1234+N模式，处置“1·31”事故，110KV东山发电站投用，G322沿线整治。"
    )
    assert extract(text) == ()


def test_threshold_and_capacity_modifiers_are_not_figures() -> None:
    obs = extract(
        "全年签约5000万元以上产业项目35个，德福隆年产10万片触摸屏项目投产，建成1个面积超200亩的示范基地。"
    )
    assert [(o.indicator, o.value_text) for o in obs] == [
        ("签约5000万元以上产业项目", "35个"),
        ("建成示范基地", "1个"),
    ]


def test_approximate_and_hedged_figures() -> None:
    obs = extract(
        "劳务扶贫1.4万余人，棚户区住房改造620多万套，全年为企业减税降费超过2亿元，减少电费支出约2000万元。"
    )
    assert [(o.indicator, o.value, o.unit, o.qualifier) for o in obs] == [
        ("劳务扶贫", 1.4, "万人", "余"),
        ("棚户区住房改造", 620, "万套", "多"),
        ("减税降费", 2, "亿元", "超过"),
        ("减少电费支出", 2000, "万元", "约"),
    ]


def test_from_values_are_left_out() -> None:
    (o,) = extract("关税总水平由9.8%降至7.5%。", "review")
    assert (o.indicator, o.value, o.measure) == ("关税总水平", 7.5, "level")


def test_national_style_targets_paragraph() -> None:
    text = (
        "今年发展主要预期目标是：国内生产总值增长5.5%左右；城镇新增就业1100万人以上，"
        "城镇调查失业率5.5%左右；居民消费价格涨幅3%左右；居民收入增长和经济增长同步；"
        "粮食产量保持在1.3万亿斤以上；单位国内生产总值能耗降低2%左右。"
    )
    obs = extract(text, "targets", review_year=2024, plan_year=2025)
    assert [brief(o) for o in obs] == [
        ("国内生产总值", "growth", 5.5, None, "%", "左右", "target", 2025),
        ("城镇新增就业", "count", 1100, None, "万人", "以上", "target", 2025),
        ("城镇调查失业率", "level", 5.5, None, "%", "左右", "target", 2025),
        ("居民消费价格", "growth", 3, None, "%", "左右", "target", 2025),
        ("粮食产量", "level", 1.3, None, "万亿斤", "以上", "target", 2025),
        ("单位国内生产总值能耗", "growth", 2, None, "%", "左右", "target", 2025),
    ]
    assert obs[-1].direction == -1


def test_city_style_review_paragraph() -> None:
    text = (
        "全市实现地区生产总值1250.6亿元，同比增长6.2%；一般公共预算收入85.3亿元，增长8.1%，"
        "完成预算的101.3%；城镇居民人均可支配收入、农村居民人均可支配收入分别达到45210元、"
        "22873元，分别增长5.1%、7.3%；城镇新增就业3.2万人，城镇调查失业率控制在5%以内。"
        "全年接待游客1200万人次，实现旅游综合收入98亿元，分别增长12%、15%。"
    )
    obs = extract(text, "review", review_year=2023)
    assert [(o.indicator, o.measure, o.value_text, o.qualifier) for o in obs] == [
        ("地区生产总值", "level", "1250.6亿元", ""),
        ("地区生产总值", "growth", "6.2%", ""),
        ("一般公共预算收入", "level", "85.3亿元", ""),
        ("一般公共预算收入", "growth", "8.1%", ""),
        ("一般公共预算收入", "share", "101.3%", ""),
        ("城镇居民人均可支配收入", "level", "45210元", ""),
        ("农村居民人均可支配收入", "level", "22873元", ""),
        ("城镇居民人均可支配收入", "growth", "5.1%", ""),
        ("农村居民人均可支配收入", "growth", "7.3%", ""),
        ("城镇新增就业", "count", "3.2万人", ""),
        ("城镇调查失业率", "level", "5%", "以内"),
        ("接待游客", "count", "1200万人次", ""),
        ("旅游综合收入", "level", "98亿元", ""),
        ("接待游客", "growth", "12%", ""),
        ("旅游综合收入", "growth", "15%", ""),
    ]
    assert {(o.kind, o.year) for o in obs} == {("actual", 2023)}


def test_kind_and_year_follow_the_part() -> None:
    doc = make_doc(
        ("review", "全年地区生产总值增长5.4%，预计接待游客766万人次。明年力争新增学位900个。"),
        ("plan", "全年完成地区生产总值330亿元以上。去年新增城镇就业5967人。"),
        ("other", "力争粮食产量37万吨以上。开展活动200场。"),
        review_year=2025,
        plan_year=2026,
    )
    got = [(o.value_text, o.kind, o.year, o.qualifier) for o in extract_observations(doc)]
    assert got == [
        ("5.4%", "actual", 2025, ""),
        ("766万人次", "actual", 2025, "预计"),
        ("900个", "target", 2026, "力争"),
        ("330亿元", "target", 2026, "以上"),
        ("5967人", "actual", 2025, ""),
        ("37万吨", "target", 2026, "力争 以上"),
        ("200场", "unknown", None, ""),  # no part, no cue: unknown, never a guessed target
    ]


def frames(doc: Document) -> list[tuple[str, str, int | None, str | None]]:
    return [(o.value_text, o.kind, o.year, o.period) for o in extract_observations(doc)]


def test_five_year_review_and_the_last_year_apart() -> None:
    doc = make_doc(
        (
            "review",
            "“十四五”时期是极不平凡的五年。地区生产总值年均增长5.5%，迈上6万亿元台阶。\n"
            "——人民生活持续改善。城镇新增就业累计超过450万人。\n"
            "刚刚过去的2025年，全省地区生产总值增长5.1%。\n"
            "各位代表！过去五年，粮食产量稳定在550亿斤以上。",
        ),
        review_year=2025,
        plan_year=2026,
    )
    assert frames(doc) == [
        ("5.5%", "five-year review", 2025, "2021-2025"),
        ("6万亿元", "five-year review", 2025, "2021-2025"),
        ("450万人", "five-year review", 2025, "2021-2025"),  # the frame holds for the paragraph
        ("5.1%", "actual", 2025, None),  # 刚刚过去的2025年 switches back to the year
        ("550亿斤", "five-year review", 2025, "2021-2025"),
    ]


def test_five_year_goals_beside_the_plan_year_targets() -> None:
    doc = make_doc(
        (
            "other",
            "“十五五”时期主要目标是：地区生产总值年均增长5%左右。到2030年，城镇化率达到70%。",
        ),
        (
            "plan",
            "今年主要预期目标是：地区生产总值增长5%左右；单位GDP能耗在“十五五”时期降低13.5%；"
            "城镇新增就业50万人以上。到2027年建成100个示范村。",
        ),
        review_year=2025,
        plan_year=2026,
    )
    assert frames(doc) == [
        ("5%", "five-year goal", 2030, "2026-2030"),
        ("70%", "five-year goal", 2030, "2026-2030"),
        ("5%", "target", 2026, None),
        ("13.5%", "five-year goal", 2030, "2026-2030"),  # only its own clause is five-year
        ("50万人", "target", 2026, None),
        ("100个", "target", 2027, None),  # a near horizon is a target for that year
    ]


def test_a_year_named_by_its_plan_is_not_the_period() -> None:
    doc = make_doc(
        ("review", "2025年是“十四五”收官之年。地区生产总值增长5.2%。"),
        review_year=2025,
        plan_year=2026,
    )
    assert frames(doc) == [("5.2%", "actual", 2025, None)]


# --- a property: quotes hold their figures ------------------------------------------------

FRAGMENTS = [
    "地区生产总值", "增长", "6.7%", "222.5亿元", "，", "。", "、", "；", "分别", "达到", "32386元",
    "以上", "左右", "下降", "3%", "占", "的", "76%", "“5个10”", "5G", "2019年", "5月29日", "第十届",
    "两个", "三条", "断头路", "新增", "城镇就业", "6250人", "1.4万余人", "6%—6.5%", "1-2个",
    "个百分点", "1.2", "超", "突破", "50亿元", "总产量", "37万吨", "力争", "预计", "4个100%",
    "年产", "10万片", "5000万元以上项目", "由9.8%降至7.5%", "（一）", "1.", "“", "”", " ", "\n",
]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=40), st.sampled_from(["review", "plan"]))
def test_every_quote_contains_its_figure(parts: list[str], part: Part) -> None:
    text = "".join(parts).strip() or "。"
    doc = make_doc((part, text))
    for o in extract_observations(doc):
        assert o.value_text and o.value_text in o.quote
        assert doc.text[o.start : o.end] == o.value_text
        assert o.indicator


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_text_never_raises(text: str) -> None:
    doc = make_doc(("review", text.replace("\n", " ") or "。"))
    for o in extract_observations(doc):
        assert doc.text[o.start : o.end] == o.value_text


# --- linking --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_rows(old_obs, new_obs):
    return link_observations(old_obs, new_obs)


def row_of(rows, indicator: str, measure: str):
    hits = [
        r
        for r in rows
        if r.measure == measure and (r.indicator == indicator or indicator in r.aliases)
    ]
    assert len(hits) == 1, (indicator, measure, [(r.indicator, r.aliases) for r in hits])
    return hits[0]


def test_drifting_wording_links(seed_rows) -> None:
    for old_name, new_name, measure in (
        ("粮食种植面积", "粮食播种面积", "level"),
        ("新增城镇就业", "城镇新增就业", "count"),
        ("旅游收入", "旅游综合收入", "level"),
        ("游客", "接待游客", "count"),
        ("粮食产量", "粮食总产量", "level"),
        ("进出口总额", "外贸进出口总额", "growth"),
    ):
        row = row_of(seed_rows, new_name, measure)
        assert old_name in {row.indicator, *row.aliases}
        assert {o.doc for o in row.observations} == {"old", "new"}


def test_row_prefers_the_newer_wording(seed_rows) -> None:
    row = row_of(seed_rows, "粮食播种面积", "level")
    assert (row.indicator, row.aliases) == ("粮食播种面积", ("粮食种植面积",))
    assert [o.value for o in row.values("old", "actual")] == [80.6]
    assert [o.value for o in row.values("new", "target")] == [86]


def test_growth_and_level_are_separate_rows(seed_rows) -> None:
    level = row_of(seed_rows, "地区生产总值", "level")
    growth = row_of(seed_rows, "地区生产总值", "growth")
    assert level.id == "m001" and growth.id == "m002"
    assert [o.value_text for o in growth.observations] == ["6.7%", "7.5%", "5.4%", "5.5%"]
    assert {o.unit for o in level.observations} == {"亿元"}


def test_different_indicators_never_link(seed_rows) -> None:
    def same_row(a: str, b: str, measure: str) -> bool:
        return row_of(seed_rows, a, measure).id == row_of(seed_rows, b, measure).id

    assert not same_row("城镇居民人均可支配收入", "农村居民人均可支配收入", "growth")
    assert not same_row("城乡居民人均可支配收入", "城镇居民人均可支配收入", "growth")
    assert not same_row("新增城镇就业", "农村劳动力转移就业", "count")
    assert not same_row("粮食播种面积", "蔬菜种植面积", "level")
    assert not same_row("地区生产总值", "规模工业增加值", "growth")
    assert not same_row("重点项目投资", "省市重点项目投资额", "level")


def test_link_rows_are_deterministic_and_ordered(old_obs, new_obs, seed_rows) -> None:
    again = link_observations(old_obs, new_obs)
    assert again == seed_rows
    assert [r.id for r in seed_rows] == [f"m{n:03d}" for n in range(1, len(seed_rows) + 1)]
    firsts = [(r.observations[0].doc != "old", r.observations[0].start) for r in seed_rows]
    assert firsts == sorted(firsts)
    total = sum(len(r.observations) for r in seed_rows)
    assert total == len(old_obs) + len(new_obs)


def test_names_that_share_only_a_unit_do_not_link() -> None:
    for a, b in (
        ("规模工业增加值", "规模工业总产值"),
        ("城镇登记失业率", "城镇调查失业率"),
        ("城镇居民人均可支配收入", "农村居民人均可支配收入"),
        ("进出口总额", "出口额"),
        ("油茶新造", "油茶新造低改"),
        ("粮食播种面积", "蔬菜种植面积"),
        ("新增城镇就业", "农村劳动力转移就业"),
    ):
        assert name_similarity(a, b) < LINK_THRESHOLD, (a, b)
    for a, b in (
        ("粮食种植面积", "粮食播种面积"),
        ("新增城镇就业", "城镇新增就业"),
        ("旅游收入", "旅游综合收入"),
        ("进出口总额", "外贸进出口额"),
    ):
        assert name_similarity(a, b) >= LINK_THRESHOLD, (a, b)


def test_linking_short_passages() -> None:
    old = extract_observations(
        make_doc(
            ("review", "粮食种植面积80万亩，城镇居民人均可支配收入增长9%，蔬菜种植面积30万亩。")
        )
    )
    new = extract_observations(
        make_doc(
            ("plan", "粮食播种面积86万亩以上，农村居民人均可支配收入增长6%，生猪出栏85万头。"),
            key="new",
        )
    )
    rows = link_observations(old, new)
    assert [(r.id, r.indicator, r.aliases, [o.doc for o in r.observations]) for r in rows] == [
        ("m001", "粮食播种面积", ("粮食种植面积",), ["old", "new"]),
        ("m002", "城镇居民人均可支配收入", (), ["old"]),
        ("m003", "蔬菜种植面积", (), ["old"]),
        ("m004", "农村居民人均可支配收入", (), ["new"]),
        ("m005", "生猪出栏", (), ["new"]),
    ]


# --- other governments' reports ---------------------------------------------------------------


def corpus(name: str, key: str) -> Document:
    return load_document(corpus_file(name), key)  # type: ignore[arg-type]


def test_national_2024_targets() -> None:
    obs = extract_observations(corpus("national_2024.txt", "new"))
    targets = [brief(o) for o in obs if o.section == "new:2"][:6]
    assert targets == [
        ("国内生产总值", "growth", 5, None, "%", "左右", "target", 2024),
        ("城镇新增就业", "count", 1200, None, "万人", "以上", "target", 2024),
        ("城镇调查失业率", "level", 5.5, None, "%", "左右", "target", 2024),
        ("居民消费价格", "growth", 3, None, "%", "左右", "target", 2024),
        ("粮食产量", "level", 1.3, None, "万亿斤", "以上", "target", 2024),
        ("单位国内生产总值能耗", "growth", 2.5, None, "%", "左右", "target", 2024),
    ]


def test_national_2019_range_and_review() -> None:
    obs = extract_observations(corpus("national_2019.txt", "old"))
    gdp = find(obs, "国内生产总值", "6%－6.5%")
    assert brief(gdp) == ("国内生产总值", "growth", 6, 6.5, "%", "", "target", 2019)
    assert brief(find(obs, "城镇登记失业率", "4.5%")) == (
        "城镇登记失业率", "level", 4.5, None, "%", "以内", "target", 2019,
    )  # fmt: skip
    assert brief(find(obs, "城镇调查失业率", "5%")) == (
        "城镇调查失业率", "level", 5, None, "%", "左右", "actual", 2018,
    )  # fmt: skip
    assert find(obs, "农村贫困人口", "1386万").direction == -1


def test_national_pair_links() -> None:
    old = extract_observations(corpus("national_2019.txt", "old"))
    new = extract_observations(corpus("national_2024.txt", "new"))
    rows = link_observations(old, new)
    growth = row_of(rows, "国内生产总值", "growth")
    assert [(o.doc, o.year, o.value) for o in growth.observations] == [
        ("old", 2018, 6.6), ("old", 2019, 6), ("new", 2023, 5.2), ("new", 2024, 5),
    ]  # fmt: skip
    jobs = row_of(rows, "城镇新增就业", "count")
    assert [o.value for o in jobs.observations] == [1361, 1100, 1244, 1200]


def test_targets_for_a_later_horizon_carry_that_year() -> None:
    from lingdiff.outline import parse_document

    doc = parse_document(
        "一、2024年工作回顾\n全年地区生产总值增长5%。\n"
        "二、2025年工作安排\n到2027年，全县规模以上工业企业突破300家。地区生产总值增长6%左右。",
        key="new",
        path="h",
    )
    found = {(o.indicator, o.kind, o.year, o.value) for o in extract_observations(doc)}
    assert ("规模以上工业企业", "target", 2027, 300.0) in found
    assert ("地区生产总值", "target", 2025, 6.0) in found
    assert ("地区生产总值", "actual", 2024, 5.0) in found


def test_gdp_abbreviation_links_and_cumulative_totals_do_not() -> None:
    from lingdiff.outline import parse_document

    old = parse_document(
        "一、2022年工作回顾\nGDP增长4.5%。单位GDP能耗下降3.2%。城镇新增就业累计28.6万人。\n"
        "二、2023年工作安排\n城镇新增就业5.5万人以上。",
        key="old",
        path="a",
    )
    new = parse_document(
        "一、2023年工作回顾\n地区生产总值增长5.6%。单位地区生产总值能耗下降2.9%。\n"
        "城镇新增就业5.8万人。\n二、2024年工作安排\n城镇新增就业5.6万人以上。",
        key="new",
        path="b",
    )
    rows = link_observations(extract_observations(old), extract_observations(new))
    linked = {r.indicator: {o.value for o in r.observations} for r in rows}
    assert linked["地区生产总值"] == {4.5, 5.6}
    assert linked["单位地区生产总值能耗"] == {3.2, 2.9}
    jobs = [r for r in rows if {o.value for o in r.observations} >= {5.5, 5.8, 5.6}]
    assert len(jobs) == 1 and 28.6 not in {o.value for o in jobs[0].observations}


def test_concentration_units() -> None:
    from lingdiff.outline import parse_document

    doc = parse_document(
        "一、2023年工作回顾\n二、2024年工作安排\nPM2.5平均浓度控制在32微克/立方米以内。",
        key="new",
        path="u",
    )
    [pm] = extract_observations(doc)
    assert (pm.indicator, pm.value, pm.unit, pm.qualifier) == (
        "PM2.5平均浓度",
        32.0,
        "微克/立方米",
        "以内",
    )


def _plan_figures(sentence: str) -> list[tuple[str, str, float, str, str]]:
    from lingdiff.outline import parse_document

    doc = parse_document("一、2023年工作回顾\n二、2024年工作安排\n" + sentence, key="new", path="s")
    return [
        (o.indicator, o.measure, o.value, o.unit, o.qualifier) for o in extract_observations(doc)
    ]


def test_an_alternate_target_continues_its_figure_and_its_stance_stays_local() -> None:
    assert _plan_figures("地区生产总值增长6.5%左右、力争7%，固定资产投资增长8%。") == [
        ("地区生产总值", "growth", 6.5, "%", "左右"),
        ("地区生产总值", "growth", 7.0, "%", "力争"),
        ("固定资产投资", "growth", 8.0, "%", ""),
    ]
    # a stance that opens the list governs every item of it
    assert _plan_figures("力争城镇新增就业5600人以上，农村劳动力转移就业5100人以上。") == [
        ("城镇新增就业", "count", 5600.0, "人", "力争 以上"),
        ("农村劳动力转移就业", "count", 5100.0, "人", "力争 以上"),
    ]


def test_lists_joined_with_he_split_like_lists_with_dun() -> None:
    from lingdiff.outline import parse_document

    doc = parse_document(
        "一、2023年工作回顾\n城镇和农村居民人均可支配收入分别达到32386元和20961元，"
        "分别增长9.5%和9.4%。完成投资180亿元和新增就业5000人。",
        key="old",
        path="h",
    )
    assert [(o.indicator, o.measure, o.value) for o in extract_observations(doc)] == [
        ("城镇居民人均可支配收入", "level", 32386.0),
        ("农村居民人均可支配收入", "level", 20961.0),
        ("城镇居民人均可支配收入", "growth", 9.5),
        ("农村居民人均可支配收入", "growth", 9.4),
        ("投资", "level", 180.0),
        ("新增就业", "count", 5000.0),
    ]


def test_chinese_numeral_counts_that_end_their_clause() -> None:
    found = _plan_figures("城镇新增就业两万人以上。建设两翼，打造四张网，落实中央八项规定。")
    assert found == [("城镇新增就业", "count", 2.0, "万人", "以上")]


def test_a_comparison_with_a_benchmark_is_a_gap_not_an_indicator() -> None:
    doc = make_doc(
        (
            "review",
            "地区生产总值增长5.5%，高于全国0.4个百分点。"
            "城镇居民人均可支配收入增长5.1%，快于经济增速1个百分点。"
            "居民消费价格上涨0.2%，低于全国平均水平0.3个百分点。"
            "城镇调查失业率下降0.2个百分点。",
        )
    )
    got = [(o.indicator, o.value, o.gap) for o in extract_observations(doc)]
    assert got == [
        ("地区生产总值", 5.5, Gap("全国", 0.4, "个百分点")),
        ("城镇居民人均可支配收入", 5.1, Gap("经济增速", 1.0, "个百分点")),
        ("居民消费价格", 0.2, Gap("全国", -0.3, "个百分点")),
        ("城镇调查失业率", 0.2, None),  # a change in points with no benchmark stays a figure
    ]


def test_the_indicator_is_the_thing_measured() -> None:
    (o,) = extract("先发行超长期特别国债1万亿元。", "plan")
    assert o.indicator == "超长期特别国债"


def test_figures_of_one_company_or_project_are_flagged() -> None:
    doc = make_doc(
        (
            "review",
            "三元集团完成产值120亿元。该项目总投资50亿元。重点项目完成投资80亿元。"
            "全省规上工业企业营业收入增长6%。",
        )
    )
    got = [(o.value, o.scope) for o in extract_observations(doc)]
    assert got == [(120, "company"), (50, "project"), (80, ""), (6, "")]


def test_without_structure_tense_and_cues_decide_never_a_default_target() -> None:
    from lingdiff.outline import parse_document

    doc = parse_document(
        "今年以来，全市经济稳步增长，地区生产总值增长5%，预计全年达到6000亿元。"
        "力争明年增长5.5%。新建公园12个。",
        key="old",
    )
    assert doc.warnings == ("no headings found; the whole text is one section",)
    got = [(o.value, o.kind) for o in extract_observations(doc)]
    assert got == [(5, "actual"), (6000, "actual"), (5.5, "target"), (12, "unknown")]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "消费品以旧换新补贴280余万件（辆）、惠及消费者150余万人。",
            ["消费品以旧换新补贴", "惠及消费者"],
        ),
        ("完成工业设备更新14.2万台（套）、电梯更新10025台。", ["工业设备更新", "电梯更新"]),
        (
            "建设筹措保障性租赁住房7.4万套（间）、累计达到61万套（间）。",
            ["建设筹措保障性租赁住房", "累计建设筹措保障性租赁住房"],
        ),
        ("四大主导产业［7］增加值占比提高4个百分点。", ["四大主导产业增加值"]),  # a note call
    ],
)
def test_the_bracketed_unit_of_a_figure_is_not_the_next_ones_name(
    text: str, names: list[str]
) -> None:
    assert [o.indicator for o in extract(text)] == names


def test_the_share_of_a_plan_is_said_of_the_subject_of_its_clause() -> None:
    obs = extract("城镇新增就业、新增发放创业担保贷款分别完成年计划的113.4%、256.1%。")
    assert [(o.indicator, o.measure, o.value) for o in obs] == [
        ("城镇新增就业", "share", 113.4),
        ("新增发放创业担保贷款", "share", 256.1),
    ]
    (one,) = extract("城镇新增就业完成年计划的113%。")
    assert (one.indicator, one.measure) == ("城镇新增就业", "share")


@pytest.mark.parametrize(
    ("text", "readings"),
    [
        ("65岁及以上老年人医养结合服务率超过40%。", [("65岁及以上老年人医养结合服务率", 40)]),
        (
            "孕产妇产后访视率、0—6岁儿童健康管理率均达90%。",
            [("孕产妇产后访视率", 90), ("0—6岁儿童健康管理率", 90)],
        ),
        ("关停淘汰10万千瓦及以下燃煤机组。", []),
        ("256家二级及以上公立医疗机构实现检查检验结果互认。", [("二级及以上公立医疗机构", 256)]),
        ("人均预期寿命提高到80岁以上。", [("人均预期寿命", 80)]),  # a bound, but of the figure
    ],
)
def test_a_bound_of_a_group_is_part_of_its_name(text: str, readings: list) -> None:
    assert [(o.indicator, o.value) for o in extract(text)] == readings


def test_an_appendix_of_the_plan_years_commitments_holds_targets() -> None:
    text = (
        "2025年政府工作报告\n一、2024年工作回顾\n全省地区生产总值增长3.5%。\n"
        "二、2025年工作安排\n地区生产总值增长5%左右。\n"
        "附件1\n2025年省十件民生实事\n一、提升养老服务。新增护理型床位超过1000张。\n"
        "附件2 名词解释\n1.就业驿站：覆盖122个社区的服务网点。\n"
    )
    doc = parse_document(text, key="old", path="x.txt")
    frames = {o.value_text: (o.kind, o.year) for o in extract_observations(doc)}
    assert frames["1000张"] == ("target", 2025)  # the 2025 commitments: targets
    assert frames["122个"] == ("unknown", None)  # a glossary names no year


def test_products_are_counted_in_kuan() -> None:
    obs = extract("新增1207款农产品入驻高端商超餐厅、增长6.7倍。")
    assert [(o.indicator, o.measure, o.value, o.unit) for o in obs] == [
        ("农产品入驻高端商超餐厅", "change", 1207, "款"),
        ("农产品入驻高端商超餐厅", "growth", 6.7, "倍"),
    ]


def test_every_year_is_no_name() -> None:
    assert [o.indicator for o in extract("每年70%以上的财政支出投入民生领域。")] == ["财政支出"]


def test_how_a_plan_is_divided_is_no_count() -> None:
    text = (
        "《纲要（草案）》提出了15个方面的重点任务和4个方面的保障措施，"
        "抓好工业等17个领域碳达峰工作。"
    )
    assert extract(text) == ()
    assert [o.value for o in extract("新建15个方舱实验室。")] == [15]


def test_items_of_a_respectively_list_share_the_unit_of_the_last() -> None:
    obs = extract(
        "生产型企业进出口占外贸比重78.7%，机电产品出口占出口比重62.6%，分别提高11.1、11.2个百分点。"
    )
    assert [(o.indicator, o.measure, o.value, o.unit) for o in obs[2:]] == [
        ("生产型企业进出口", "change", 11.1, "个百分点"),
        ("机电产品出口", "change", 11.2, "个百分点"),
    ]
    three = extract(
        "农村卫生户厕覆盖率、污水治理率、生活垃圾处理设施覆盖率分别提高20.9、36.2、54个百分点。"
    )
    assert [(o.indicator, o.value) for o in three] == [
        ("农村卫生户厕覆盖率", 20.9),
        ("污水治理率", 36.2),
        ("生活垃圾处理设施覆盖率", 54),
    ]
    # without 分别 a bare number before a figure stays no figure (an enumerator, a date part)
    assert [o.value for o in extract("重点推进2、3个百分点的提升。")] == [3]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "食品、石化、信息等产业增加值分别增长7.5%、11.5%、7%。",
            ["食品产业增加值", "石化产业增加值", "信息产业增加值"],
        ),
        (
            "水果、蔬菜、茶叶产量分别达2050万吨、4200万吨、19万吨。",
            ["水果产量", "蔬菜产量", "茶叶产量"],
        ),
        ("利用外资、投资分别增长45%、20%。", ["利用外资", "投资"]),
        ("粮食产量连续12年稳定在500亿斤以上。", ["粮食产量"]),
    ],
)
def test_list_items_share_the_head_noun(text: str, names: list[str]) -> None:
    assert [o.indicator for o in extract(text, "review")] == names


def test_a_five_year_change_gives_the_starting_level_too() -> None:
    doc = make_doc(
        ("review", "“十四五”时期，全市生产总值从4.16万亿元增加到5.67万亿元。"),
        ("review", "2025年，关税总水平由9.8%降至7.5%。高价值发明专利较“十三五”时期增长148%。"),
        review_year=2025,
        plan_year=2026,
    )
    assert frames(doc) == [
        ("4.16万亿元", "five-year review", 2020, "2021-2025"),  # the level the period began at
        ("5.67万亿元", "five-year review", 2025, "2021-2025"),
        ("7.5%", "actual", 2025, None),  # a one-year change: only the level reached
        ("148%", "actual", 2025, None),  # 较“十三五”时期 is a base of comparison, not the frame
    ]


@pytest.mark.parametrize(
    ("text", "readings"),
    [  # what a change is measured against names nothing: the figure before names it
        (
            "城镇居民每百户拥有家用汽车21.5辆，比2007年增加15.5辆。",
            [
                ("城镇居民每百户拥有家用汽车", "count", 21.5),
                ("城镇居民每百户拥有家用汽车", "change", 15.5),
            ],
        ),
        (
            "澳资企业超6600户、较3年前增长44%。",
            [("澳资企业", "count", 6600), ("澳资企业", "growth", 44)],
        ),
        (
            "新建改造城市道路4767公里，更新改造地下管网1.8万公里，较“十三五”时期分别增长4.8%、50%。",
            [
                ("新建改造城市道路", "level", 4767),
                ("更新改造地下管网", "level", 1.8),
                ("新建改造城市道路", "growth", 4.8),
                ("更新改造地下管网", "growth", 50),
            ],
        ),
        (  # 净增 is an increase, as 新增 is; 跨过 a level verb, as 达到 is
            "地区生产总值跨过3万亿元，较“十三五”末净增1万亿元；经营主体净增48万户。",
            [
                ("地区生产总值", "level", 3),
                ("地区生产总值", "change", 1),
                ("经营主体", "change", 48),
            ],
        ),
        (  # a base with more words after it is a subject's words, not a base alone
            "比2007年末人均住房面积增加2.8平方米。",
            [("比2007年末人均住房面积", "change", 2.8)],
        ),
    ],
)
def test_a_comparison_base_before_a_change_is_no_name(text: str, readings: list[tuple]) -> None:
    assert [(o.indicator, o.measure, o.value) for o in extract(text)] == readings


def test_the_months_a_figure_covers_are_not_its_name() -> None:
    obs = extract("风光新能源装机规模超越煤电，1—11月规模以上工业能耗强度下降8.9%。")
    assert [(o.indicator, o.measure, o.value, o.direction) for o in obs] == [
        ("规模以上工业能耗强度", "growth", 8.9, -1)
    ]
    (o,) = extract("前三季度地区生产总值增长5.2%。")
    assert (o.indicator, o.code) == ("地区生产总值", "gdp")


@pytest.mark.parametrize(
    ("text", "names"),
    [  # a list of n names whose last two are joined by 和 rather than 、: n figures, n names
        (
            "学前教育毛入园率、义务教育巩固率、高中阶段和高等教育毛入学率分别达到93.5%、98.3%、98.5%、64.3%。",
            ["学前教育毛入园率", "义务教育巩固率", "高中阶段毛入学率", "高等教育毛入学率"],
        ),
        (
            "农村卫生厕所普及率、生活垃圾和污水治理率分别达到87.8%、100%、75%。",
            ["农村卫生厕所普及率", "生活垃圾治理率", "污水治理率"],
        ),
        (
            "农村卫生户厕、生活垃圾处理设施覆盖率和生活污水治理（管控）率分别达75%、92%、57%。",
            ["农村卫生户厕", "生活垃圾处理设施覆盖率", "生活污水治理（管控）率"],
        ),
    ],
)
def test_list_items_joined_by_he_are_items_of_their_own(text: str, names: list[str]) -> None:
    assert [o.indicator for o in extract(text)] == names


def test_a_bound_written_with_ji_is_no_joiner_of_list_items() -> None:
    # 65岁及以上 is an age bound: the list is not cut there into 65岁… and 以上…
    obs = extract("孕产妇死亡率、65岁及以上老年人健康管理率分别为8.5%、72%、80%。")
    assert {o.indicator for o in obs} == {"孕产妇死亡率、65岁及以上老年人健康管理率"}
