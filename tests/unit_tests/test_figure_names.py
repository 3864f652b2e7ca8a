"""Figures with no usable name are dropped; the counts of set phrases are no figures (real
sentences of the provinces' 2026 reports and the State Council's 2019 report)."""

from __future__ import annotations

import pytest

from lingdiff.figures import extract_observations
from lingdiff.outline import parse_document


def _figures(sentence: str) -> list[tuple[str, float, str]]:
    doc = parse_document(f"一、2025年工作回顾\n{sentence}。\n", key="new")
    return [(o.indicator, o.value, o.unit) for o in extract_observations(doc)]


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        # Guangxi 2026: 惠 (of 惠及) named nothing; the relief funds keep their name, and 惠及
        # (its 及 no "and") completes it: the people the funds reached
        (
            "发放困难群众救助补助资金127.8亿元、惠及461万人次",
            [
                ("发放困难群众救助补助资金", 127.8, "亿元"),
                ("困难群众救助补助资金惠及", 461.0, "万人次"),
            ],
        ),
        ("涉及10.5万人的保交房任务全部完成", []),  # Jiangsu 2026: 涉
    ],
)
def test_a_one_character_name_is_no_indicator(sentence: str, kept: list) -> None:
    found = _figures(sentence)
    assert all(len(name) >= 2 for name, *_ in found)
    assert found == kept


def test_the_count_of_a_set_phrase_is_no_figure() -> None:
    # the State Council 2019; Guizhou 2026
    assert _figures("同心协力建设56个民族共同团结奋斗、共同繁荣发展的美好家园") == []
    assert [v for _n, v, _u in _figures("全省78个民族自治地方县（市）通高铁或动车")] == [78.0]


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("援疆资金近", ("援疆资金", 4)),  # 近 is left to the figure after it
        ("产业转移项目约", ("产业转移项目", 6)),
        ("整治率达", ("整治率", 3)),
        ("基本公共", ("基本公共", 4)),  # … but a word ending in 共, 约, 近 or 达 is kept
        ("资源节约", ("资源节约", 4)),
        ("经济发达", ("经济发达", 4)),
        ("城乡附近", ("城乡附近", 4)),
    ],
)
def test_a_noun_after_a_count_leaves_a_dangling_qualifier(text: str, noun: tuple) -> None:
    from lingdiff.figures.names import post_np

    assert post_np(text) == noun
