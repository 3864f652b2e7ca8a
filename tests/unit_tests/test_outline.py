"""Outline of real reports: the exact section trees of both bundled reports, general rules on
text written in other governments' styles, and properties that hold for any text."""

from __future__ import annotations

import string
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from lingdiff.outline import parse_document
from tests.helpers import corpus_file, seed

# (id, level, part, number as written, title) — checked by hand against the text
OLD_OUTLINE = [
    ("0", 1, "other", "", ""),
    ("1", 1, "review", "一、", "2019年国民经济和社会发展计划执行情况"),
    ("1.1", 2, "review", "1.", "高质量发展成效明显"),
    ("1.1.1", 3, "review", "一是", "现代农业提质增效"),
    ("1.1.2", 3, "review", "二是", "新型工业转型升级"),
    ("1.1.3", 3, "review", "三是", "文化旅游融合升温"),
    ("1.2", 2, "review", "2.", "三大攻坚战成果丰硕"),
    ("1.2.1", 3, "review", "一是", "脱贫攻坚质效提升"),
    ("1.2.2", 3, "review", "二是", "生态环境持续向好"),
    ("1.2.3", 3, "review", "三是", "防范化解重点领域风险有力有效"),
    ("1.3", 2, "review", "3.", "投资消费稳中提质"),
    ("1.3.1", 3, "review", "一是", "重点项目建设有力推进"),
    ("1.3.2", 3, "review", "二是", "“产业项目建设年”成效明显"),
    ("1.3.3", 3, "review", "三是", "消费持续增长"),
    ("1.4", 2, "review", "4.", "城乡建设统筹推进"),
    ("1.4.1", 3, "review", "一是", "城市品质提升"),
    ("1.4.2", 3, "review", "二是", "乡村振兴成效初现"),
    ("1.4.3", 3, "review", "三是", "基础设施日趋完善"),
    ("1.5", 2, "review", "5.", "改革开放全面深化"),
    ("1.5.1", 3, "review", "一是", "供给侧结构性改革持续推进"),
    ("1.5.2", 3, "review", "二是", "深化“放管服”改革"),
    ("1.5.3", 3, "review", "三是", "农村综合改革纵深推进"),
    ("1.5.4", 3, "review", "四是", "对外开放成效明显"),
    ("1.6", 2, "review", "6.", "民生保障不断改善"),
    ("1.6.1", 3, "review", "一是", "就业创业有力推进"),
    ("1.6.2", 3, "review", "二是", "社会保障更加完善"),
    ("1.6.3", 3, "review", "三是", "重点民生实事全面完成"),
    ("2", 1, "targets", "二、", "2020年国民经济和社会发展主要预期目标"),
    ("3", 1, "plan", "三、", "2020年经济社会发展的主要任务"),
    ("3.1", 2, "plan", "（一）", "加快产业发展，做大做强实体经济"),
    ("3.1.1", 3, "plan", "", "做大做强新型工业"),
    ("3.1.1.1", 4, "plan", "1.", "高标准规划园区"),
    ("3.1.1.2", 4, "plan", "2.", "高品质建设园区"),
    ("3.1.1.3", 4, "plan", "3.", "高质量引进企业"),
    ("3.1.1.4", 4, "plan", "4.", "优服务培育企业"),
    ("3.1.2", 3, "plan", "", "做大做强现代农业"),
    ("3.1.2.1", 4, "plan", "", "稳粮食"),
    ("3.1.2.2", 4, "plan", "", "建基地"),
    ("3.1.2.3", 4, "plan", "", "强质量"),
    ("3.1.2.4", 4, "plan", "", "夯基础"),
    ("3.1.3", 3, "plan", "", "做大做强现代服务业"),
    ("3.1.3.1", 4, "plan", "1.", "旅游"),
    ("3.1.3.2", 4, "plan", "2.", "物流"),
    ("3.1.3.3", 4, "plan", "3.", "金融"),
    ("3.2", 2, "plan", "（二）", "狠抓项目建设，全力促投资稳增长"),
    ("3.3", 2, "plan", "（三）", "打好三大攻坚战，坚决实现全面小康"),
    ("3.3.1", 3, "plan", "", "坚决打赢脱贫攻坚战"),
    ("3.3.2", 3, "plan", "", "加大污染防治力度"),
    ("3.3.3", 3, "plan", "", "着力防范化解重大风险"),
    ("3.4", 2, "plan", "（四）", "扩大改革开放，持续增强发展动力"),
    ("3.5", 2, "plan", "（五）", "推进城乡协同发展，着力打造美丽零陵"),
    ("3.5.1", 3, "plan", "", "全面提升城镇品质"),
    ("3.5.2", 3, "plan", "", "全面实施乡村振兴战略"),
    ("3.6", 2, "plan", "（六）", "办好民生实事，推动社会全面进步"),
    ("3.6.1", 3, "plan", "", "补齐民生短板"),
    ("3.6.2", 3, "plan", "", "办好社会事业"),
    ("3.6.2.1", 4, "plan", "1.", "教育"),
    ("3.6.2.2", 4, "plan", "2.", "卫生"),
    ("3.6.2.3", 4, "plan", "3.", "就业"),
    ("3.6.2.4", 4, "plan", "4.", "文化"),
    ("3.6.2.5", 4, "plan", "5.", "其他"),
    ("3.6.3", 3, "plan", "", "关心关爱特殊群体"),
    ("3.6.4", 3, "plan", "", "提升社会治理效能"),
    ("3.7", 2, "plan", "（七）", "强化规划引领，精心描绘发展蓝图"),
]


# (id, level, part, number as written, title) — checked by hand against the text
NEW_OUTLINE = [
    ("0", 1, "other", "", ""),
    ("1", 1, "review", "一、", "2025年国民经济和社会发展计划执行情况"),
    ("1.1", 2, "review", "（1）", "三产协同共进，产业发展提质增效"),
    ("1.1.1", 3, "review", "1.", "工业发展持续向好"),
    ("1.1.1.1", 4, "review", "", "稀土新材料产业园蓄势腾飞"),
    ("1.1.1.2", 4, "review", "", "锰系新材料产业园转型焕新"),
    ("1.1.1.3", 4, "review", "", "河西工业园提档升级"),
    ("1.1.2", 3, "review", "2.", "农业生产平稳有序"),
    ("1.1.3", 3, "review", "3.", "现代服务业活力凸显"),
    ("1.2", 2, "review", "（二）", "供需两端发力，内需潜能充分释放"),
    ("1.2.1", 3, "review", "1.", "投资运行稳健向好"),
    ("1.2.2", 3, "review", "2.", "消费市场持续升温"),
    ("1.3", 2, "review", "（三）", "改革创新引领，发展动能加速集聚"),
    ("1.3.1", 3, "review", "1.", "重点改革纵深推进"),
    ("1.3.2", 3, "review", "2.", "科技创新蓄势赋能"),
    ("1.3.3", 3, "review", "3.", "营商环境向优向好"),
    ("1.3.4", 3, "review", "4.", "开放合作持续深化"),
    ("1.4", 2, "review", "（四）", "城乡协同发展，区域格局更趋协调"),
    ("1.4.1", 3, "review", "1.", "城市品质持续提升"),
    ("1.4.2", 3, "review", "2.", "乡村振兴扎实推进"),
    ("1.5", 2, "review", "（五）", "民生福祉不断增进，幸福指数稳步攀升"),
    ("1.5.1", 3, "review", "1.", "社会保障坚实有力"),
    ("1.5.2", 3, "review", "2.", "社会事业全面进步"),
    ("1.6", 2, "review", "（六）", "安全底线牢牢守住，治理效能持续提升"),
    ("1.6.1", 3, "review", "1.", "安全生产形势平稳"),
    ("1.6.2", 3, "review", "2.", "社会治理精准高效"),
    ("1.6.3", 3, "review", "3.", "绿色发展成效明显"),
    # the difficulties paragraph (…一是发展不平衡…二是…三是…) stays a paragraph, not sections
    ("2", 1, "plan", "二、", "2026年国民经济和社会发展主要预期目标和任务"),
    ("2.1", 2, "plan", "（一）", "激活产业动能，推动实体经济转型升级"),
    ("2.1.1", 3, "plan", "1.", "培育壮大稀土新材料产业，构筑核心竞争优势"),
    ("2.1.2", 3, "plan", "2.", "大力推动锰系新材料产业转型，建设产业发展高地"),
    ("2.1.3", 3, "plan", "3.", "不断夯实河西工业园基础，培育特色产业集群"),
    ("2.2", 2, "plan", "（二）", "深挖内需潜力，持续扩大市场需求规模"),
    ("2.2.1", 3, "plan", "1.", "激发消费潜能"),
    ("2.2.2", 3, "plan", "2.", "扩大有效投资"),
    ("2.2.3", 3, "plan", "3.", "稳定外贸增长"),
    ("2.3", 2, "plan", "（三）", "夯实“三农”根基，全面推进乡村振兴落地"),
    ("2.3.1", 3, "plan", "1.", "筑牢农业基础，坚守粮食安全底线"),
    ("2.3.2", 3, "plan", "2.", "做强农业产业，提升产业发展能级"),
    ("2.3.3", 3, "plan", "3.", "拓宽收入渠道，促进农民增收致富"),
    ("2.3.4", 3, "plan", "4.", "改善人居环境，建设宜居宜业乡村"),
    ("2.4", 2, "plan", "（四）", "擦亮文旅招牌，打造特色文旅名城标杆"),
    ("2.4.1", 3, "plan", "1.", "强化古城引领，激活文旅核心引擎"),
    ("2.4.2", 3, "plan", "2.", "加快项目建设，筑牢文旅发展根基"),
    ("2.4.3", 3, "plan", "3.", "繁荣文化事业，传承地方特色文脉"),
    ("2.5", 2, "plan", "（五）", "强化创新驱动，深化改革激发发展活力"),
    ("2.5.1", 3, "plan", "1.", "深化重点领域改革，破除体制机制障碍"),
    ("2.5.2", 3, "plan", "2.", "强化科技创新引领，培育新质生产力"),
    ("2.5.3", 3, "plan", "3.", "打造一流营商环境，厚植企业发展沃土"),
    ("2.6", 2, "plan", "（六）", "聚焦民生关切，持续提升居民生活品质"),
    ("2.6.1", 3, "plan", "1.", "兜牢民生保障底线"),
    ("2.6.2", 3, "plan", "2.", "办好人民满意教育"),
    ("2.6.3", 3, "plan", "3.", "提升医疗服务水平"),
    ("2.6.4", 3, "plan", "4.", "统筹城乡协调发展"),
    ("2.7", 2, "plan", "（七）", "守牢安全底线，筑牢平安零陵建设屏障"),
    ("2.7.1", 3, "plan", "1.", "提升社会治理效能"),
    ("2.7.2", 3, "plan", "2.", "防范化解重大风险"),
    ("2.7.3", 3, "plan", "3.", "抓好污染防治攻坚"),
    ("2.7.4", 3, "plan", "4.", "守牢安全生产底线"),
]


def _table(key: str) -> list[tuple[str, int, str, str, str]]:
    doc = seed(key)
    return [(s.id.split(":")[1], s.level, s.part, s.number, s.title) for s in doc.sections]


def test_old_report_outline_is_exact() -> None:
    assert _table("old") == OLD_OUTLINE


def test_new_report_outline_is_exact() -> None:
    assert _table("new") == NEW_OUTLINE


def test_titles_and_years() -> None:
    old, new = seed("old"), seed("new")
    assert old.title == "关于零陵区2019年国民经济和社会发展计划执行情况及2020年计划草案的报告"
    assert (old.review_year, old.plan_year) == (2019, 2020)
    # the new title wraps over two lines in the file
    assert new.title == (
        "永州市零陵区人民政府关于2025年国民经济和社会发展计划执行情况与2026年"
        "国民经济和社会发展计划(草案)的报告"
    )
    assert (new.review_year, new.plan_year) == (2025, 2026)


def test_a_report_without_a_title_line_is_titled_by_what_its_opening_says() -> None:
    text = (
        "各位代表：\n现在，我代表国务院，向大会报告政府工作，请予审议。\n"
        "一、2024年工作回顾\n过去一年，国内生产总值增长5%。\n"
        "二、2025年经济社会发展总体要求和政策取向\n今年发展主要预期目标是：增长5%左右。\n"
    )
    doc = parse_document(text, key="new")
    assert doc.title == "2025年政府工作报告"
    # an opening that does not say what the text is gives no title
    bare = parse_document(text.replace("向大会报告政府工作", "发言"), key="new")
    assert bare.title == ""


def test_artifacts_are_removed_and_quotes_stay_faithful() -> None:
    for key in ("old", "new"):
        doc = seed(key)
        assert "[bookmark" not in doc.text
        assert len(doc.text) == len(doc.norm)
    old = seed("old")
    # mixed punctuation is kept in the faithful text, folded in the analysis copy
    i = old.text.index("80.6万亩, 新增")
    assert old.norm[i : i + len("80.6万亩, 新增")] == "80.6万亩， 新增"


def test_heading_line_with_targets_keeps_the_title_only() -> None:
    sec = seed("new").section("new:2.2")
    assert sec.title == "深挖内需潜力，持续扩大市场需求规模"
    assert sec.inline
    text = seed("new").text[sec.body_start : sec.end]
    assert text.startswith("全年完成地区生产总值330亿元以上，同比增长5.5%以上。")


def test_section_offsets_cover_their_text() -> None:
    old = seed("old")
    item = old.section("old:1.2")
    assert old.text[item.start : item.end].startswith(
        "2.三大攻坚战成果丰硕。一是脱贫攻坚质效提升。"
    )
    assert old.text[item.start : item.end].endswith("石山脚司法所获评“全国先进司法所”。")
    # the review's closing paragraph goes back to the part, not to item 6
    closing = old.text.index("同时，我们也要清醒地看到")
    assert old.section("old:1.6").end < closing < old.section("old:1").end
    # so does the address to the delegates at the end of the plan
    last = old.text.index("各位代表，2020年是实现")
    assert old.section("old:3.7").end < last < old.section("old:3").end


def test_sentences_have_offsets_and_sections() -> None:
    for key in ("old", "new"):
        doc = seed(key)
        ids = {s.id for s in doc.sections}
        for s in doc.sentences:
            assert doc.text[s.start : s.end] == s.text
            assert s.section in ids
            sec = doc.section(s.section)
            assert sec.start <= s.start and s.end <= sec.end
    old = seed("old")
    heading = next(s for s in old.sentences if s.text.startswith("1.高质量发展成效明显"))
    assert heading.is_heading and heading.section == "old:1.1"
    growth = next(s for s in old.sentences if "增长6.7%" in s.text)
    assert growth.section == "old:1"
    assert [s.index for s in old.sentences] == list(range(len(old.sentences)))
    hard = next(s for s in seed("new").sentences if "发展不平衡、不充分" in s.text)
    assert hard.section == "new:1" and not hard.is_heading  # the difficulties paragraph


# --- other governments' habits ------------------------------------------------------------


NATIONAL_STYLE = """政府工作报告
——2024年3月5日在第十四届全国人民代表大会第二次会议上
各位代表：
现在，我代表国务院，向大会报告政府工作。
一、2023年工作回顾
过去一年，经济回升向好。
——经济总体回升向好。国内生产总值超过126万亿元，增长5.2%。
——民生保障有力有效。居民人均可支配收入实际增长6.1%。
二、2024年经济社会发展总体要求和政策取向
今年发展主要预期目标是：国内生产总值增长5%左右。
三、2024年政府工作任务
（一）大力推进现代化产业体系建设，加快发展新质生产力。充分发挥创新主导作用。
推动产业链供应链优化升级。保持工业经济平稳运行。实施制造业重点产业链高质量发展行动。
积极培育新兴产业和未来产业。实施产业创新工程。
（二）着力扩大国内需求。推动经济实现良性循环。
"""


def test_national_style_report() -> None:
    doc = parse_document(NATIONAL_STYLE, key="new", path="n.txt")
    table = [(s.id, s.level, s.part, s.number, s.title) for s in doc.sections]
    assert doc.title == "政府工作报告"
    assert (doc.review_year, doc.plan_year) == (2023, 2024)
    assert table == [
        ("new:0", 1, "other", "", ""),
        ("new:1", 1, "review", "一、", "2023年工作回顾"),
        ("new:1.1", 2, "review", "——", "经济总体回升向好"),
        ("new:1.2", 2, "review", "——", "民生保障有力有效"),
        ("new:2", 1, "targets", "二、", "2024年经济社会发展总体要求和政策取向"),
        ("new:3", 1, "plan", "三、", "2024年政府工作任务"),
        ("new:3.1", 2, "plan", "（一）", "大力推进现代化产业体系建设，加快发展新质生产力"),
        ("new:3.1.1", 3, "plan", "", "推动产业链供应链优化升级"),
        ("new:3.1.2", 3, "plan", "", "积极培育新兴产业和未来产业"),
        ("new:3.2", 2, "plan", "（二）", "着力扩大国内需求"),
    ]


CITY_STYLE = """某市2023年国民经济和社会发展计划执行情况与2024年计划草案的报告
一、2023年计划执行情况
（一）经济运行稳中向好。
1、工业经济回升。规模工业增加值增长6%。
2、投资保持增长。固定资产投资增长5%。
（二）民生持续改善。
（1）就业稳定。城镇新增就业1.2万人。
（2）社保扩面。参保人数增加。
二、2024年主要目标和任务
（一）主要目标。地区生产总值增长6%左右。
（二）重点任务。
①抓产业。②抓项目。
"""


def test_city_style_numbering() -> None:
    doc = parse_document(CITY_STYLE, key="old", path="c.txt")
    table = [(s.id, s.level, s.number, s.title) for s in doc.sections]
    assert (doc.review_year, doc.plan_year) == (2023, 2024)
    assert table == [
        ("old:0", 1, "", ""),
        ("old:1", 1, "一、", "2023年计划执行情况"),
        ("old:1.1", 2, "（一）", "经济运行稳中向好"),
        ("old:1.1.1", 3, "1、", "工业经济回升"),
        ("old:1.1.2", 3, "2、", "投资保持增长"),
        ("old:1.2", 2, "（二）", "民生持续改善"),
        ("old:1.2.1", 3, "（1）", "就业稳定"),
        ("old:1.2.2", 3, "（2）", "社保扩面"),
        ("old:2", 1, "二、", "2024年主要目标和任务"),
        ("old:2.1", 2, "（一）", "主要目标"),
        ("old:2.2", 2, "（二）", "重点任务"),
        ("old:2.2.1", 3, "①", "抓产业"),
        ("old:2.2.2", 3, "②", "抓项目"),
    ]
    assert doc.section("old:2").part == "plan"


def test_decimal_numbers_are_not_headings() -> None:
    doc = parse_document(
        "一、2023年工作回顾\n全年增长6.7%。3.5亿元项目落地。2.高质量发展。\n", key="old", path="x"
    )
    assert [s.number for s in doc.sections] == ["一、"]


def test_an_item_whose_text_starts_with_a_digit_continues_its_series() -> None:
    text = (
        "一、2025年工作回顾\n全年增长5%。\n附件\n"
        "19.“1+N”帮扶政策体系：…。\n"
        "20.2026年10件民生实事：加大就业支持力度。\n"
        "21.5+2就业之家：覆盖省、市、县。\n"
        "3.5亿元项目：不是第22项。\n"
    )
    doc = parse_document(text, key="new", path="x")
    assert [(s.number, s.title) for s in doc.sections if s.level == 2] == [
        ("19.", "“1+N”帮扶政策体系：…"),
        ("20.", "2026年10件民生实事：加大就业支持力度"),
        ("21.", "5+2就业之家：覆盖省、市、县"),
    ]
    last = doc.section("new:2.3")
    assert "3.5亿元项目" in doc.text[last.start : last.end]  # 3 does not continue 21


def test_plain_text_without_headings_is_one_section_with_a_warning() -> None:
    doc = parse_document("今年经济运行平稳。就业形势稳定。\n居民收入增长。", key="old", path="p")
    assert len(doc.sections) == 1
    assert doc.sections[0].start == 0 and doc.sections[0].end == len(doc.text)
    assert doc.warnings == ("no headings found; the whole text is one section",)
    assert [s.text for s in doc.sentences] == [
        "今年经济运行平稳。",
        "就业形势稳定。",
        "居民收入增长。",
    ]


def test_national_corpus_reports_have_their_parts() -> None:
    from lingdiff.reading import load_document

    for name, years, tasks in (
        ("national_2019.txt", (2018, 2019), 10),
        ("national_2024.txt", (2023, 2024), 10),
    ):
        doc = load_document(corpus_file(name), "old")
        tops = [(s.number, s.part) for s in doc.top_sections()]
        assert tops == [("", "other"), ("一、", "review"), ("二、", "targets"), ("三、", "plan")]
        assert (doc.review_year, doc.plan_year) == years
        plan = doc.top_sections()[3]
        assert [s.number for s in doc.children(plan.id)][:3] == ["（一）", "（二）", "（三）"]
        assert len(doc.children(plan.id)) == tasks


# --- properties ----------------------------------------------------------------------------

_ALPHABET = st.sampled_from(
    list("一二三四五六七八九十（）()、.．。，；：“”—是年月日增长亿元万%0123456789 \n")
    + list(string.ascii_letters[:6])
    + ["\u3000", "[bookmark: _GoBack]", "各位代表，"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=300).map("".join))
def test_outline_never_raises_and_offsets_nest(text: str) -> None:
    doc = parse_document(text, key="old", path="h")
    n = len(doc.text)
    by_id = doc.section_map()
    for s in doc.sections:
        assert 0 <= s.start <= s.body_start <= s.end <= n
        if s.parent is not None:
            parent = by_id[s.parent]
            assert parent.start <= s.start and s.end <= parent.end
            assert parent.level + 1 == s.level
    for a, b in zip(doc.sections, doc.sections[1:], strict=False):
        assert a.start <= b.start
    for s in doc.sections:
        kids = [by_id[c] for c in s.children]
        for a, b in pairwise(kids):
            assert a.end <= b.start, (a.id, b.id)  # siblings never overlap
    for s in doc.sentences:
        assert 0 <= s.start < s.end <= n
        assert doc.text[s.start : s.end] == s.text


def test_restarted_series_stay_flat_and_deep_input_does_not_recurse() -> None:
    # （一）…（十）, then （一） again: a new series at the same level, not nested deeper
    lines = [f"（{'一二三四五六七八九十'[i % 10]}）标题{i}。正文{i}。" for i in range(3000)]
    doc = parse_document("\n".join(lines), key="old", path="r")
    assert len(doc.sections) == 3000
    assert {s.level for s in doc.sections} == {1}
    # （1） under （二） is a list of its own; （二） after （1） continues the series
    doc = parse_document(
        "一、回顾\n（1）甲。\n（二）乙。\n（1）丙。\n（2）丁。\n（三）戊。", key="old", path="t"
    )
    assert [(s.id, s.number) for s in doc.sections] == [
        ("old:1", "一、"),
        ("old:1.1", "（1）"),
        ("old:1.2", "（二）"),
        ("old:1.2.1", "（1）"),
        ("old:1.2.2", "（2）"),
        ("old:1.3", "（三）"),
    ]


def test_parts_written_as_chapters() -> None:
    text = (
        "某县2024年国民经济和社会发展计划执行情况与2025年计划草案的报告\n"
        "第一部分 2024年计划执行情况\n"
        "一、经济运行稳中有进。全县地区生产总值增长5.6%。\n"
        "二、民生保障有力。新增城镇就业3200人。\n"
        "第二部分 2025年主要目标和任务\n"
        "一、主要预期目标。地区生产总值增长6%左右。\n"
        "二、重点任务。\n"
    )
    doc = parse_document(text, key="new", path="c")
    assert [(s.id, s.level, s.part, s.number, s.title) for s in doc.sections] == [
        ("new:0", 1, "other", "", ""),
        ("new:1", 1, "review", "第一部分", "2024年计划执行情况"),
        ("new:1.1", 2, "review", "一、", "经济运行稳中有进"),
        ("new:1.2", 2, "review", "二、", "民生保障有力"),
        ("new:2", 1, "plan", "第二部分", "2025年主要目标和任务"),
        ("new:2.1", 2, "plan", "一、", "主要预期目标"),
        ("new:2.2", 2, "plan", "二、", "重点任务"),
    ]
    assert (doc.review_year, doc.plan_year) == (2024, 2025)


def test_enumeration_on_one_line_gives_disjoint_items() -> None:
    doc = parse_document(
        "一、2023年工作回顾\n四、存在的主要问题\n一是需求不足，投资下滑。二是企业困难。三是财政紧张。",
        key="old",
        path="e",
    )
    items = [(s.number, s.title, doc.text[s.start : s.end]) for s in doc.sections if s.level == 2]
    assert items == [
        ("一是", "需求不足，投资下滑", "一是需求不足，投资下滑。"),  # the title up to its full stop
        ("二是", "企业困难", "二是企业困难。"),
        ("三是", "财政紧张", "三是财政紧张。"),
    ]


def test_an_enumeration_inside_running_text_is_a_list_not_sections() -> None:
    doc = parse_document(
        "一、2025年工作回顾\n全年增长5%。\n"
        "我们也清醒地认识到，困难不少：一是需求不足；二是企业经营困难；三是财政紧张。\n"
        "二、2026年工作安排\n（一）扩大内需。一是促消费。二是扩投资。\n",
        key="new",
        path="p",
    )
    assert [(s.id, s.number, s.title) for s in doc.sections] == [
        ("new:1", "一、", "2025年工作回顾"),
        ("new:2", "二、", "2026年工作安排"),
        ("new:2.1", "（一）", "扩大内需"),
        ("new:2.1.1", "一是", "促消费"),  # after a heading, 一是 items are its sub-items
        ("new:2.1.2", "二是", "扩投资"),
    ]


def test_part_with_targets_and_tasks_is_the_plan_and_parts_after_it_too() -> None:
    text = (
        "一、2023年工作回顾\n全年增长5%。\n"
        "二、2024年工作安排\n今年主要预期目标是：地区生产总值增长6%左右。\n（一）扩大内需。\n"
        "三、加强政府自身建设\n一般性支出压减10%以上。\n"
    )
    doc = parse_document(text, key="new", path="p")
    assert [(s.number, s.part) for s in doc.top_sections()] == [
        ("一、", "review"),
        ("二、", "plan"),
        ("三、", "plan"),
    ]
    draft = parse_document(
        "第一部分 2023年计划执行情况\n增长5%。\n第二部分 2024年计划草案\n"
        "一、主要预期目标\n增长6%左右。\n二、重点工作任务\n扩大内需。\n",
        key="new",
        path="d",
    )
    assert [s.part for s in draft.top_sections()] == ["review", "plan"]


def _outline(text: str) -> list[tuple[str, str, str]]:
    return [(s.id, s.number, s.title) for s in parse_document(text, key="new").sections]


def test_a_heading_numeral_broken_after_its_bracket_is_one_heading() -> None:
    # Yunnan 2026 as copied from its web page: "（" alone on a line, then "三）改革开放…"
    text = (
        "一、“十四五”时期和2025年工作回顾\n"
        "（一）经济运行顶住压力、稳中有进。\n强化经济运行分析研究。\n"
        "（二）产业发展提质增效、转型加快。\n非烟非能工业增加值增长8.1%。\n"
        "（\n三）改革开放持续深化、互促共进。\n“云南方案”成为基础性方案。\n"
    )
    doc = parse_document(text, key="new")
    assert [(s.id, s.number, s.title) for s in doc.sections if s.level == 2] == [
        ("new:1.1", "（一）", "经济运行顶住压力、稳中有进"),
        ("new:1.2", "（二）", "产业发展提质增效、转型加快"),
        ("new:1.3", "（三）", "改革开放持续深化、互促共进"),
    ]
    assert "\n（三）改革开放" in doc.text
    # a bracket alone before anything but a numeral stays a line of its own
    assert "（\n注：" in parse_document("一、说明\n（\n注：正文。\n", key="new").text


def test_a_numbered_item_after_a_list_of_its_own_continues_its_series() -> None:
    # Zhejiang 2026: tasks (一)–(九), an 各位代表 paragraph with the 民生实事 list 1.–10.,
    # then (十) 着力加强政府自身建设: (十) is the part's tenth task, not an item of 10.
    text = (
        "三、2026年重点工作\n（一）着力提振市场信心增强社会预期\n正文。\n"
        "（九）着力促进高质量发展和高水平安全良性互动\n正文。\n"
        "各位代表！今年我们要坚持和完善为民办实事长效机制，初步确定十方面民生实事：\n"
        "1.医疗卫生方面。全省30万以上参保孕产妇产前检查费用“免费”。\n"
        "2.养老帮困方面。新增养老护理员。\n"
        "（十）着力加强政府自身建设\n全面加强政治建设。正文。\n"
    )
    assert _outline(text) == [
        ("new:1", "三、", "2026年重点工作"),
        ("new:1.1", "（一）", "着力提振市场信心增强社会预期"),
        ("new:1.2", "（九）", "着力促进高质量发展和高水平安全良性互动"),
        ("new:1.3", "1.", "医疗卫生方面"),
        ("new:1.4", "2.", "养老帮困方面"),
        ("new:1.5", "（十）", "着力加强政府自身建设"),
    ]


def test_review_heading_lines_beside_numbered_items_are_sections() -> None:
    # Yunnan 2026: six 这五年，我们…。 lines over the 十四五 paragraphs, then the 2025 items
    five = [
        "这五年，我们完整准确全面贯彻新发展理念，全力推动高质量发展，经济实力迈上新台阶。",
        "这五年，我们有形有感有效铸牢中华民族共同体意识，民族团结进步示范区建设结出新硕果。",
        "这五年，我们深入践行以人民为中心的发展思想，民生福祉得到新改善。",
    ]
    text = (
        "一、“十四五”时期和2025年工作回顾\n“十四五”这五年，我们坚持稳中求进。\n"
        + "".join(f"{h}\n地区生产总值突破3万亿元。\n" for h in five)
        + "各位代表！刚刚过去的2025年，完成地区生产总值32765亿元、增长4.1%。\n"
        "（一）经济运行顶住压力、稳中有进。\n强化经济运行分析研究。\n"
        "（二）产业发展提质增效、转型加快。\n正文。\n"
    )
    doc = parse_document(text, key="new")
    got = [(s.id, s.number, s.title) for s in doc.sections if s.level == 2]
    assert got == [
        ("new:1.1", "", five[0].rstrip("。")),
        ("new:1.2", "", five[1].rstrip("。")),
        ("new:1.3", "", five[2].rstrip("。")),
        ("new:1.4", "（一）", "经济运行顶住压力、稳中有进"),
        ("new:1.5", "（二）", "产业发展提质增效、转型加快"),
    ]
    last = doc.sections[3]
    assert doc.text[last.end :].lstrip().startswith("各位代表！刚刚过去的2025年")  # the part's
    # two such lines are not enough to make sections beside numbered items
    two = text.replace(five[2], "我们深入践行以人民为中心的发展思想。")
    assert [s.number for s in parse_document(two, key="new").sections if s.level == 2] == [
        "（一）",
        "（二）",
    ]


def test_a_five_year_clause_line_among_unnumbered_sub_headings_is_not_one_of_them() -> None:
    # Hainan 2026: a part of short unnumbered sub-headings, one group of them under a line
    # 五年来，我们…。 of its own (the other two groups' 五年来 sentences open paragraphs)
    subs = ["产业结构持续优化", "重点改革全面推进", "开放水平大幅提升", "就业形势保持稳定"]
    text = (
        "一、2025年和“十四五”时期工作回顾\n"
        + "".join(f"{h}。\n全年完成投资120亿元，增长5%。\n" for h in subs[:3])
        + "五年来，我们坚定不移践行以人民为中心的发展思想，在推进共治共享中谱写幸福海南新篇章。\n"
        + f"{subs[3]}。\n城镇新增就业86.22万人。\n"
    )
    assert [s.title for s in parse_document(text, key="new").sections if s.level == 2] == subs
