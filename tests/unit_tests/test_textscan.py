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


def test_long_texts_find_the_same_words(monkeypatch) -> None:
    """A long text is scanned from the narrower places of the pair pattern: same words."""
    from lingdiff import textscan

    words = ["新质", "新质生产力", "生产力", "力", "三农", "农业"]
    text = "发展新质生产力，新人新事，抓好三农业务，力量，生产，新质"
    expected = [(2, "新质生产力"), (15, "三农"), (20, "力"), (26, "新质")]
    assert DictionaryScanner(words).scan(text) == expected
    monkeypatch.setattr(textscan, "LONG_TEXT", 10)
    assert DictionaryScanner(words).scan(text) == expected
    assert DictionaryScanner(["力"]).scan(text) == [(6, "力"), (20, "力")]
    assert DictionaryScanner(["三农"]).scan(text) == [(15, "三农")]
