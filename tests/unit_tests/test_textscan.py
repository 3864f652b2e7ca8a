"""The one dictionary scanner shared by topics and phrases."""

from __future__ import annotations

from lingdiff.textscan import DictionaryScanner


def test_leftmost_longest_without_overlaps() -> None:
    scan = DictionaryScanner(["新质", "新质生产力", "生产力", "力", "三农"]).scan
    assert scan("发展新质生产力，抓好三农工作，力量") == [
        (2, "新质生产力"),
        (10, "三农"),
        (15, "力"),
    ]
    assert scan("生产力和新质") == [(0, "生产力"), (4, "新质")]


def test_an_empty_vocabulary_finds_nothing() -> None:
    assert DictionaryScanner([]).scan("任何文字") == []
    assert DictionaryScanner([""]).scan("任何文字") == []
