"""Character-level edit scripts: figures stay whole, rewordings come in readable chunks,
and the script always spells out both sentences."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from lingdiff.align.characters import char_diff, tokenize


def edits(old: str, new: str) -> list[tuple[str, str, str]]:
    return [(op.tag, op.old_text, op.new_text) for op in char_diff(old, new) if op.tag != "equal"]


def test_a_figure_is_one_unit() -> None:
    assert edits("7.5%", "5.5%") == [("replace", "7.5%", "5.5%")]
    assert edits("增长7.5%以上", "增长5.5%以上") == [("replace", "7.5%以上", "5.5%以上")]
    assert edits("完成地区生产总值222.5亿元", "完成地区生产总值330亿元以上") == [
        ("replace", "222.5亿元", "330亿元以上")
    ]
    assert edits("粮食种植面积80.6万亩", "粮食种植面积83.6万亩") == [
        ("replace", "80.6万亩", "83.6万亩")
    ]
    assert edits("国内生产总值增长6%－6.5%", "国内生产总值增长5%左右") == [
        ("replace", "6%－6.5%", "5%左右")
    ]
    assert edits("比去年预算高0.2个百分点", "比去年预算高0.5个百分点") == [
        ("replace", "0.2个百分点", "0.5个百分点")
    ]


def test_figures_pair_up_inside_a_reworded_stretch() -> None:
    assert edits(
        "全年游客突破700万人次，旅游收入突破50亿元。",
        "预计全年接待游客766万人次、旅游综合收入78.1亿元。",
    ) == [
        ("insert", "", "预计"),
        ("insert", "", "接待"),
        ("delete", "突破", ""),
        ("replace", "700万人次", "766万人次"),
        ("replace", "，", "、"),
        ("insert", "", "综合"),
        ("delete", "突破", ""),
        ("replace", "50亿元", "78.1亿元"),
    ]
    assert edits("分别增长9.5%、9.4%", "分别增长4.8%、5.7%") == [
        ("replace", "9.5%", "4.8%"),
        ("replace", "9.4%", "5.7%"),
    ]


def test_rewording_comes_in_readable_chunks() -> None:
    # short unchanged characters between longer edits are folded into one chunk
    assert edits("一是现代农业提质增效。", "1.农业生产平稳有序。") == [
        ("replace", "一是现代农业提质增效", "1.农业生产平稳有序")
    ]
    assert edits(
        "（一）加快产业发展，做大做强实体经济。", "（一）激活产业动能，推动实体经济转型升级。"
    ) == [
        ("replace", "加快", "激活"),
        ("replace", "发展，做大做强", "动能，推动"),
        ("insert", "", "转型升级"),
    ]
    # a figure next to a word edit is not swallowed by it
    assert edits("规模工业增加值增长8.5%以上", "规模工业增加值同比增长7.5%以上") == [
        ("insert", "", "同比"),
        ("replace", "8.5%以上", "7.5%以上"),
    ]


def test_script_offsets_and_equal_steps() -> None:
    old, new = "新增城镇就业6250人，", "新增城镇就业5967人，"
    ops = char_diff(old, new)
    assert [(op.tag, op.old_start, op.old_end, op.new_start, op.new_end) for op in ops] == [
        ("equal", 0, 6, 0, 6),
        ("replace", 6, 11, 6, 11),
        ("equal", 11, 12, 11, 12),
    ]
    assert char_diff("", "") == ()
    assert [op.tag for op in char_diff("同", "同")] == ["equal"]
    assert edits("", "新增") == [("insert", "", "新增")]
    assert edits("新增", "") == [("delete", "新增", "")]


def test_tokens() -> None:
    def tokens(text: str) -> list[str]:
        return [text[a:b] for a, b in tokenize(text)]

    assert tokens("分别达到32386元、20961元") == [*"分别达到", "32386元", "、", "20961元"]
    assert tokens("新建厂房30万m2和5G基站") == [*"新建厂房", "30万m2", "和", "5", "G", *"基站"]
    assert tokens("2.76万亿元，220千伏，0.2个百分点") == [
        "2.76万亿元", "，", "220千伏", "，", "0.2个百分点"
    ]  # fmt: skip
    assert tokens("形成1-2条线路，2019年是") == [*"形成", "1-2条", *"线路，", "2019年", "是"]
    assert tokens("1.高标准规划园区") == ["1", ".", *"高标准规划园区"]


_WORDS = st.sampled_from(
    ["增长", "地区生产总值", "以上", "，", "。", "新增", "亿元", "粮食", "A", "、", "左右"]
)
_FIGURES = st.sampled_from(["7.5%", "5.5%以上", "222.5亿元", "80.6万亩", "6250人", "30个以上"])
_SENTENCE = st.lists(st.one_of(_WORDS, _FIGURES), max_size=14).map("".join)


@settings(max_examples=200, deadline=None)
@given(_SENTENCE, _SENTENCE)
def test_script_spells_both_sentences_and_never_cuts_a_figure(old: str, new: str) -> None:
    ops = char_diff(old, new)
    assert "".join(op.old_text for op in ops) == old
    assert "".join(op.new_text for op in ops) == new
    for op in ops:
        assert old[op.old_start : op.old_end] == op.old_text
        assert new[op.new_start : op.new_end] == op.new_text
    for text, cuts in (
        (old, {op.old_start for op in ops} | {op.old_end for op in ops}),
        (new, {op.new_start for op in ops} | {op.new_end for op in ops}),
    ):
        for a, b in tokenize(text):
            assert not any(a < cut < b for cut in cuts), (text, text[a:b])


def test_a_sentence_of_pages_is_diffed_within_bounds() -> None:
    # a "sentence" of 30,000 characters without a full stop: past DIFF_MAX tokens squared,
    # the common beginning and end stay equal and the middle is one replacement
    from lingdiff.align.characters import DIFF_MAX

    old = "推进" * 7_000 + "甲乙丙" + "建设" * 8_000
    new = "推进" * 7_000 + "丁戊" + "建设" * 8_000
    assert len(old) * len(new) > DIFF_MAX
    ops = char_diff(old, new)
    assert [(op.tag, op.old_text, op.new_text) for op in ops] == [
        ("equal", "推进" * 7_000, "推进" * 7_000),
        ("replace", "甲乙丙", "丁戊"),
        ("equal", "建设" * 8_000, "建设" * 8_000),
    ]
    assert (ops[1].old_start, ops[1].old_end, ops[1].new_start, ops[1].new_end) == (
        14_000,
        14_003,
        14_000,
        14_002,
    )


def test_comparison_keys_are_cut_at_key_max() -> None:
    from lingdiff.align.sentence_scores import KEY_MAX, sentence_key

    assert sentence_key("推进" * 5_000) == ("推进" * 5_000)[:KEY_MAX]
    assert sentence_key("一、推进工作2025年。") == "推进工作#年"
