"""Phrases: quoted and numbered slogans, key terms, statuses and counts, fuzzy variants,
the boilerplate stoplist, on synthetic reports, the bundled pair and the national pair."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest

from lingdiff.model import PhraseRow
from lingdiff.outline import parse_document
from lingdiff.phrases import compare_phrases, find_numbered, find_quoted, is_numbered
from lingdiff.phrases.keyterms import BOILERPLATE, key_terms, log_likelihood, place_names
from lingdiff.reading import load_document
from tests.helpers import corpus_file, outputs_under_hash_seeds, seed

OLD = """关于某县2019年计划执行情况的报告
各位代表：
一、2019年工作回顾
坚决打好“三大攻坚战”，全面完成“脱贫攻坚”任务。深化“一件事一次办”改革。持续推进“六城同创”。
二、2020年主要任务
（一）加快农业发展。完成“六稳”工作，加大“优化营商环境提升年”力度，落实“一主一特”。
"""
NEW = """关于某县2025年计划执行情况的报告
一、2025年工作回顾
持续“巩固拓展脱贫攻坚成果”。推进“高效办成一件事”。持续推进“六城同创”，打造“七大攻坚”。
二、2026年主要任务
（一）发展新质生产力。开展“优化营商环境攻坚年”行动，推进“一区一特”。六城同创再上台阶。
"""


def _rows(old: str, new: str) -> dict[str, PhraseRow]:
    rows = compare_phrases(parse_document(old, key="old"), parse_document(new, key="new"))
    return {r.phrase: r for r in rows}


# --------------------------------------------------------------------------- finding


def test_quoted_phrases_in_all_three_quote_styles() -> None:
    text = '打好“三大攻坚战”，推进"放管服"改革，建设「智慧城市」，“一城、两翼、三片”。'
    assert find_quoted(text) == {
        "三大攻坚战": "三大攻坚战",
        "一城、两翼、三片": "一城两翼三片",
        "放管服": "放管服",
        "智慧城市": "智慧城市",
    }


@pytest.mark.parametrize(
    "text",
    [
        "他说“我们要坚持下去。”",  # a quoted sentence, not a slogan
        "“135”工程和“A+”评级",  # no Chinese character
        "“各位代表”",  # ritual
        "“夜”经济",  # one character
        "“这是一个长度超过二十个字的引用语不能算作口号吧”",
    ],
)
def test_quotes_that_are_not_slogans(text: str) -> None:
    assert find_quoted(text) == {}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("坚决打好三大攻坚战成果丰硕", ["三大攻坚战"]),
        ("打好三大标志性战役", ["三大标志性战役"]),
        ("全面做好六稳六保工作", ["六稳六保"]),
        ("锚定三高四新美好蓝图", ["三高四新"]),
        ("一城、两翼、三片、多示范富有成效", ["一城、两翼、三片、多示范"]),
        ("构建一核三带五支点区域经济格局", ["一核三带五支点"]),
        ("实现两不愁三保障，", ["两不愁三保障"]),
        ("落实三去一降一补重点任务", ["三去一降一补"]),
        ("坚持两个毫不动摇，增强四个意识", ["两个毫不动摇", "四个意识"]),
        ("编制好十四五规划", ["十四五"]),
        # counts, ordinary words and meetings are not slogans
        ("两条三级公路已通车", []),
        ("重点抓好七个方面的工作", []),
        ("长三角区域一体化发展", []),
        ("进一步落实一揽子化债方案", []),
        ("党的十九届四中全会", []),
        ("全国统一大市场", []),
        ("实现第一个百年奋斗目标", []),
        ("增长三分之一以上", []),
    ],
)
def test_numbered_slogans_by_pattern(text: str, found: list[str]) -> None:
    assert list(find_numbered(text)) == found


def test_numbered_phrases() -> None:
    assert all(
        map(is_numbered, ["六稳", "五化", "十四五", "5个10", "双倍增", "高效办成一件事一次办"])
    )
    assert not any(map(is_numbered, ["放管服", "湘超", "双向开放合作机制"]))


# --------------------------------------------------------------------------- statuses


def test_statuses_counts_sections_and_variants_of_a_small_pair() -> None:
    scored = _rows(OLD, NEW)
    assert scored["三大攻坚战"].score == 1.585  # log2(1.5 / 0.5) · log2(2)
    assert scored["六城同创"].score == 1.4739  # log2(2.5 / 1.5) · log2(4), 4 decimals
    assert scored["巩固拓展脱贫攻坚成果"].score == 0.0  # used as often
    rows = {p: replace(r, score=0.0) for p, r in scored.items()}
    assert rows["三大攻坚战"] == PhraseRow(
        "三大攻坚战", "removed", 1, 0, "slogan", (), ("old:1",), ()
    )
    assert rows["六稳"] == PhraseRow("六稳", "removed", 1, 0, "slogan", (), ("old:2.1",), ())
    assert rows["七大攻坚"] == PhraseRow("七大攻坚", "added", 0, 1, "slogan", (), (), ("new:1",))
    # quoted and unquoted uses count alike
    assert rows["六城同创"] == PhraseRow(
        "六城同创", "kept", 1, 2, "slogan", (), ("old:1",), ("new:1", "new:2.1")
    )
    # containment: the old slogan lives on inside the new one
    assert rows["巩固拓展脱贫攻坚成果"] == PhraseRow(
        "巩固拓展脱贫攻坚成果", "kept", 1, 1, "quoted", ("脱贫攻坚",), ("old:1",), ("new:1",)
    )
    # rapidfuzz ratio 78: a renamed campaign
    assert rows["优化营商环境攻坚年"] == PhraseRow(
        "优化营商环境攻坚年", "kept", 1, 1, "quoted", ("优化营商环境提升年",), ("old:2.1",),
        ("new:2.1",),
    )  # fmt: skip
    # look-alike numbered slogans are different campaigns: not linked
    assert rows["一主一特"].status == "removed" and rows["一区一特"].status == "added"
    assert rows["三大攻坚战"].variants == () and rows["七大攻坚"].variants == ()
    assert "脱贫攻坚" not in rows and "优化营商环境提升年" not in rows
    assert rows["高效办成一件事"].status == "added"  # different numerals from 一件事一次办
    assert rows["一件事一次办"].status == "removed"


def test_rows_are_sorted_by_status_then_change_then_kind_and_phrase() -> None:
    rows = compare_phrases(parse_document(OLD, key="old"), parse_document(NEW, key="new"))
    order = {"added": 0, "removed": 1, "kept": 2}
    keys = [(order[r.status], -abs(r.new_count - r.old_count)) for r in rows]
    assert keys == sorted(keys)
    assert [r.phrase for r in rows if r.status == "added"] == [
        "一区一特",
        "七大攻坚",
        "高效办成一件事",
    ]


def test_a_use_inside_a_longer_listed_phrase_counts_for_the_longer_one() -> None:
    rows = _rows(
        "一、回顾\n推进“乡村振兴”。\n",
        "一、回顾\n推进“乡村振兴”。全面推进“乡村全面振兴”与“乡村振兴示范”。\n",
    )
    assert (rows["乡村振兴"].old_count, rows["乡村振兴"].new_count) == (1, 1)
    assert rows["乡村振兴示范"].new_count == 1


def test_identical_reports_keep_everything() -> None:
    rows = compare_phrases(seed("old"), seed("old"))
    assert {r.status for r in rows} == {"kept"}
    assert all(r.old_count == r.new_count and not r.variants for r in rows)


# --------------------------------------------------------------------------- key terms


def test_log_likelihood() -> None:
    assert math.isclose(log_likelihood(3, 0, 1000, 1000), 6 * math.log(2))
    assert log_likelihood(5, 5, 1000, 1000) == 0.0
    assert log_likelihood(0, 0, 10, 10) == 0.0
    assert math.isclose(log_likelihood(10, 2, 500, 900), log_likelihood(2, 10, 900, 500))


def test_key_terms_are_whole_words_not_fragments_or_boilerplate() -> None:
    old = (
        "打赢脱贫攻坚战，推进脱贫攻坚。" * 3
        + "充分利用资源。" * 3
        + "以习近平新时代中国特色社会主义思想为指导。" * 5
    )
    new = "因地制宜发展新质生产力，培育新质生产力。" * 2 + "充分利用资源。" * 3
    # sizes: 77 and 54 Chinese characters once the ritual phrase is blanked out; not
    # 攻坚战 (always after 坚), 质生产力 (always after 新), 利用 (same use), 习近平…
    assert key_terms(old, new, frozenset({"利用"})) == [
        ("新质生产力", 0, 4, pytest.approx(log_likelihood(0, 4, 77, 54))),
        ("脱贫攻坚", 6, 0, pytest.approx(log_likelihood(6, 0, 77, 54))),
    ]


def test_two_character_key_terms_must_be_domain_words() -> None:
    old, new = "推进扶贫。抓好扶贫。落实扶贫。", "推进合作。抓好合作。落实合作。"
    assert [t for t, *_ in key_terms(old, new, frozenset({"扶贫"}))] == ["扶贫"]
    assert key_terms(old, new) == []


def test_place_names_of_titles() -> None:
    assert place_names("永州市零陵区人民政府关于2025年计划的报告") == {"永州", "零陵"}
    assert place_names("关于零陵区2019年计划执行情况的报告") == {"零陵"}
    assert place_names("广西壮族自治区政府工作报告") == {"广西壮族"}
    assert place_names("政府工作报告") == frozenset()


# --------------------------------------------------------------------------- real reports


def test_slogans_and_terms_of_the_bundled_reports() -> None:
    rows = {r.phrase: r for r in compare_phrases(seed("old"), seed("new"))}
    expect = {
        "三大攻坚战": ("removed", 5, 0, "slogan"),
        "六城同创": ("removed", 5, 0, "slogan"),
        "六稳": ("removed", 2, 0, "slogan"),
        "一城两翼三片多示范": ("removed", 2, 0, "slogan"),
        "全面建成小康社会": ("removed", 4, 0, "term"),
        "扶贫": ("removed", 10, 0, "term"),
        "三高四新": ("added", 0, 2, "slogan"),
        "十五五": ("added", 0, 3, "slogan"),
        "新质生产力": ("added", 0, 3, "term"),
        "数字化": ("added", 0, 4, "term"),
        "脱贫攻坚": ("kept", 5, 1, "term"),
        "平安零陵": ("kept", 2, 2, "quoted"),
        "十四五": ("kept", 2, 1, "slogan"),
    }
    for phrase, (status, old_count, new_count, kind) in expect.items():
        row = rows[phrase]
        assert (row.status, row.old_count, row.new_count, row.kind) == (
            status,
            old_count,
            new_count,
            kind,
        ), phrase
    assert rows["新质生产力"].new_sections == ("new:2", "new:2.5.2")
    assert rows["六稳"].old_sections == ("old:2", "old:3.2")
    assert rows["高效办成一件事"].variants == ("一件事",)
    assert rows["高效办成一件事"].status == "kept"
    # no ritual, no fragment, no place-name term, nothing from the speaker's title line
    for phrase in rows:
        assert not any(b in phrase for b in ("习近平", "各位代表", "坚强领导", "党中央"))
    for fragment in ("新质生产", "质生产力", "攻坚战", "永州一中", "发展和改革局"):
        assert fragment not in rows
    assert "old:0" not in rows["改革"].old_sections


def test_slogans_and_terms_of_the_national_reports() -> None:
    old = load_document(corpus_file("national_2019.txt"), "old")
    new = load_document(corpus_file("national_2024.txt"), "new")
    rows = {r.phrase: r for r in compare_phrases(old, new)}
    for phrase in (
        "三大攻坚战",
        "全面建成小康社会",
        "精准脱贫",
        "贫困",
        "三去一降一补",
        "两不愁三保障",
    ):
        assert rows[phrase].status == "removed", phrase
    for phrase in ("两个确立", "未来产业", "民族复兴", "高效办成一件事", "乡村全面振兴"):
        assert rows[phrase].status == "added", phrase
    assert (rows["一带一路"].old_count, rows["一带一路"].new_count) == (5, 5)
    assert rows["改革"].old_count > 2 * rows["改革"].new_count
    assert rows["数字"].new_count > 10 * rows["数字"].old_count


def test_the_boilerplate_list_holds_the_ritual_phrases() -> None:
    assert {"习近平新时代中国特色社会主义思想", "各位代表", "坚强领导"} <= BOILERPLATE


def test_results_are_deterministic_within_and_across_processes() -> None:
    old, new = seed("old"), seed("new")
    assert compare_phrases(old, new) == compare_phrases(old, new)
    code = (
        "from tests.helpers import seed; from lingdiff.phrases import compare_phrases;"
        "print(repr(compare_phrases(seed('old'), seed('new'))))"
    )
    assert len(outputs_under_hash_seeds(code)) == 1


def test_phrases_rank_by_how_distinctive_the_change_is() -> None:
    from lingdiff.model import PhraseRow
    from lingdiff.phrases.rank import distinctiveness, ranked

    grew = PhraseRow("高质量发展", "kept", 8, 25)
    halved = PhraseRow("农村", "kept", 30, 14)
    same = PhraseRow("改革", "kept", 10, 10)
    once = PhraseRow("上云", "added", 0, 1)
    assert distinctiveness(same) == 0.0
    assert round(distinctiveness(grew), 3) == 8.063  # log2(25.5/8.5) · log2(34)
    assert round(distinctiveness(once), 3) == 1.585  # log2(3) · log2(2)
    # 8→25 says more than 30→14, though 农村 is used more; a phrase seen once says little
    assert [p.phrase for p in ranked([same, once, halved, grew])] == [
        "高质量发展",
        "农村",
        "上云",
        "改革",
    ]


def test_compared_phrases_carry_their_score_and_are_ranked_by_it() -> None:
    from tests.helpers import seed_comparison

    rows = seed_comparison().phrases
    assert all(r.score > 0 for r in rows if r.old_count != r.new_count)
    for status in ("added", "removed", "kept"):
        scores = [r.score for r in rows if r.status == status]
        assert scores == sorted(scores, reverse=True)
