"""One dictionary scanner: the leftmost-longest, non-overlapping occurrences of a set of words.

Used for topic terms (:mod:`lingdiff.topics`) and for slogans and key terms
(:mod:`lingdiff.phrases`). A dictionary scan (no regex alternation) needs no compilation of a
pattern of hundreds of words and runs as fast: words are indexed by their first two characters,
at each position where a word may start the longest word starting there is taken, and scanning
resumes after it. On a long text the places to try are first narrowed by the regex engine
to those whose next character can also continue a word (:meth:`DictionaryScanner._starts`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

LONG_TEXT = 100_000
"""Characters from which a text is scanned with the narrower pattern of places (see
:meth:`DictionaryScanner._starts`); a report (10–40 thousand characters) does not repay
its compilation."""


class DictionaryScanner:
    """Finds the words of one vocabulary in text (see the module docstring)."""

    __slots__ = ("_first", "_heads", "_pairs", "_singles", "_words")

    def __init__(self, words: Iterable[str]) -> None:
        self._words = frozenset(w for w in words if w)
        heads: dict[str, set[int]] = {}
        for word in self._words:
            if len(word) > 1:
                heads.setdefault(word[:2], set()).add(len(word))
        self._heads = {h: tuple(sorted(sizes, reverse=True)) for h, sizes in heads.items()}
        self._singles = frozenset(w for w in self._words if len(w) == 1)
        firsts = sorted({w[0] for w in self._words})
        self._first = (
            re.compile("[" + "".join(re.escape(c) for c in firsts) + "]") if firsts else None
        )
        self._pairs: re.Pattern[str] | None = None

    def _starts(self) -> re.Pattern[str]:
        """Places where a word may start, narrower than a first character: a character that
        starts a longer word followed by one that is some longer word's second, or a word
        of one character (made on first use, for long texts)."""
        if self._pairs is None:
            longer = [w for w in self._words if len(w) > 1]
            alternatives = []
            if longer:
                alternatives.append(
                    _char_class(w[0] for w in longer) + _char_class(w[1] for w in longer)
                )
            if self._singles:
                alternatives.append(_char_class(self._singles))
            self._pairs = re.compile("(?=" + "|".join(alternatives) + ")")
        return self._pairs

    def scan(self, text: str) -> list[tuple[int, str]]:
        """(position, word) of every leftmost-longest, non-overlapping word in ``text``."""
        if self._first is None:
            return []
        starts = self._starts() if len(text) >= LONG_TEXT else self._first
        out: list[tuple[int, str]] = []
        heads, words, singles = self._heads.get, self._words, self._singles
        resume = 0
        for m in starts.finditer(text):
            i = m.start()
            if i < resume:
                continue
            for size in heads(text[i : i + 2], ()):
                cand = text[i : i + size]
                if cand in words:
                    out.append((i, cand))
                    resume = i + size
                    break
            else:
                if text[i] in singles:
                    out.append((i, text[i]))
                    resume = i + 1
        return out


def _char_class(chars: Iterable[str]) -> str:
    """A regex character class of ``chars``."""
    return "[" + "".join(re.escape(c) for c in sorted(set(chars))) + "]"
