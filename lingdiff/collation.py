"""Sorting Chinese names as a Chinese reader expects: by pinyin, then tone, then the characters.

Code-point order puts 重点项目 after 高新技术企业 and 地区生产总值 after both (U+91CD > U+9AD8 >
U+5730); a reader looks for 地区… under d. pypinyin gives each character's syllable with its
tone number (``di4 qu1 sheng1 chan3 zong3 zhi2``); Latin letters and digits are kept as they are.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=8192)
def pinyin_key(text: str) -> tuple[tuple[str, ...], str]:
    """The sort key of a name: its syllables (lower case, tone number last), then the name
    itself to order homophones; the name alone where pypinyin is not installed."""
    try:
        from pypinyin import Style, lazy_pinyin
    except ImportError:  # pragma: no cover - a dependency; kept working without it
        return ((), text)
    syllables = lazy_pinyin(text, style=Style.TONE3, errors=lambda rest: list(rest))
    return tuple(s.lower() for s in syllables), text
