"""Chinese names sorted by pinyin, as the Targets tab sorts its indicator column."""

from __future__ import annotations

from lingdiff.collation import pinyin_key
from lingdiff.tui.widgets.targets_table import sort_key
from tests.helpers import seed_comparison


def test_names_sort_by_pinyin_not_code_point() -> None:
    names = [
        "重点项目",
        "高新技术企业",
        "地区生产总值",
        "GDP增速",
        "城镇新增就业",
        "5G基站",
        "长沙",
    ]
    assert sorted(names, key=pinyin_key) == [
        "5G基站",
        "长沙",  # chang2: 长 read as in 长沙, before cheng2
        "城镇新增就业",
        "地区生产总值",
        "GDP增速",
        "高新技术企业",
        "重点项目",  # zhong4, last though U+91CD comes before U+9AD8 (高)
    ]
    assert sorted(names) != sorted(names, key=pinyin_key)  # code-point order differs


def test_targets_sorted_by_indicator_follow_pinyin() -> None:
    rows = seed_comparison().metrics
    ordered = [r.indicator for r in sorted(rows, key=sort_key(0))]
    first = [pinyin_key(name)[0][0] for name in ordered]
    assert first == sorted(first)  # each row's first syllable in alphabetical order
    assert ordered.index("地区生产总值") < ordered.index("粮食播种面积")
