"""Replacements: a phrase gone from the old report whose place a new one took.

Reports rename things: 市场主体 becomes 经营主体 (激发市场主体活力 -> 激发各类经营主体活力),
农村贫困人口 becomes 农村低收入人口. No list of such renamings is kept: a gone phrase is
looked up at its own places. Each use of it in the old report, with two Chinese characters
on either side (its context), is searched for in the new report with something else
between the same two pairs of characters. What stands there (cut back to a part used
often enough in the new report, ``各类经营主体`` -> ``经营主体``) is a candidate, and is
taken when the evidence is more than a coincidence of context (see :func:`replacements`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from .keyterms import _NON_CJK, _START_WORDS, COMMON_WORDS, _plausible, occurrences

__all__ = ["replacements"]

CONTEXT = 2
"""Characters on each side of a use that must be the same in the new report."""
MIN_NEW_USES = 2
"""A replacement is used at least this often in the new report…"""
GROWTH = 2
"""…and more than this many times as often as in the old one (经营主体 1 -> 3)."""
MAX_FILLERS = 2
"""A context with more different things between its two sides in the new report is a
common frame (完善社会保障制度 -> 完善产权保护制度, 完善基本经济制度…), no evidence."""
MAX_GONE = 80
"""Gone phrases looked up (the most used; a pair of reports has 30–120 gone phrases)."""
MAX_CONTEXTS = 8
"""Contexts looked up per gone phrase (its most frequent)."""
MODIFIER = 2
"""Characters that may be cut from the front of what stands in the gone phrase's place
(各类经营主体 -> 经营主体); its end, the head noun, is never cut."""

_WORDS = COMMON_WORDS | frozenset(w for w in _START_WORDS if len(w) == 2)


def _contexts(phrase: str, text: str) -> list[tuple[str, str]]:
    """The (left, right) pairs of Chinese characters around each use of ``phrase``."""
    out = []
    for start in occurrences(phrase, text):
        end = start + len(phrase)
        left, right = text[max(0, start - CONTEXT) : start], text[end : end + CONTEXT]
        if len(left) == len(right) == CONTEXT and _NON_CJK.search(left + right) is None:
            out.append((left, right))
    return out


def _fillers(left: str, right: str, text: str, longest: int) -> set[str]:
    """What stands between ``left`` and ``right`` in ``text`` (2 to ``longest`` Chinese
    characters), found from the rarer of the two sides; at most :data:`MAX_FILLERS` + 1
    (more say the context is a common frame)."""
    found: set[str] = set()
    if text.count(left) <= text.count(right):
        for start in occurrences(left, text):
            inner = start + len(left)
            end = text.find(right, inner + 2, inner + longest + len(right))
            if end >= 0 and _NON_CJK.search(text, inner, end) is None:
                found.add(text[inner:end])
                if len(found) > MAX_FILLERS:
                    break
    else:
        for end in occurrences(right, text):
            start = text.rfind(left, max(0, end - longest - len(left)), end - 2)
            inner = start + len(left)
            if start >= 0 and _NON_CJK.search(text, inner, end) is None:
                found.add(text[inner:end])
                if len(found) > MAX_FILLERS:
                    break
    return found


def _best_form(filler: str, gone: str, counts: dict[str, tuple[int, int]]) -> str:
    """The longest part of ``filler`` that is a phrase on its own: the filler, or the
    filler without a modifier of up to :data:`MODIFIER` characters in front, used at least
    :data:`MIN_NEW_USES` times in the new report and more than :data:`GROWTH` times as
    often as in the old; '' if none. ``counts`` holds the uses of each :func:`_forms`."""
    for form in _forms(filler):
        old, new = counts[form]
        plausible = form not in gone and gone not in form and _plausible(form)
        if plausible and new >= MIN_NEW_USES and new > GROWTH * old:
            return form
    return ""


def replacements(gone: Sequence[str], old_text: str, new_text: str) -> dict[str, str]:
    """Gone phrase -> the phrase that took its place in the new report, each used once.
    ``gone`` comes most used first: the first :data:`MAX_GONE` are looked up, each at its
    :data:`MAX_CONTEXTS` most frequent contexts, so long input costs no more per phrase.

    A candidate is taken when it stands in the contexts of two uses of the gone phrase
    (农村贫困人口 ×3 -> 农村低收入人口), or of one when the two look alike: about as long
    (±1) and with the same head, their last two characters (激发市场主体活力 -> 激发各类
    经营主体活力). A shared place name in front is no likeness (打响“青海绿铝”品牌 ->
    打响“青海家宴”品牌 is another brand)."""
    counts: dict[str, tuple[int, int]] = {}  # form -> (old uses, new uses)
    scored = []
    for phrase in gone[:MAX_GONE]:
        support: dict[str, int] = {}  # candidate -> uses of phrase whose place it takes
        contexts = Counter(_contexts(phrase, old_text)).most_common(MAX_CONTEXTS)
        for (left, right), seen in contexts:
            here = set()
            fillers = _fillers(left, right, new_text, len(phrase) + 2)
            if len(fillers) > MAX_FILLERS:
                continue  # a common frame (完善…制度): says nothing about what replaced what
            for filler in fillers:
                for form in _forms(filler):
                    if form not in counts:
                        counts[form] = (old_text.count(form), new_text.count(form))
                here.add(_best_form(filler, phrase, counts))
            for form in here - {""}:
                support[form] = support.get(form, 0) + seen
        for form, uses in support.items():
            alike = form[-2:] == phrase[-2:] and abs(len(form) - len(phrase)) <= 1
            if uses >= 2 or alike:
                scored.append((-uses, not alike, -counts[form][1], phrase, form))
    out: dict[str, str] = {}
    for *_rank, phrase, form in sorted(scored):
        if phrase not in out and form not in out.values():
            out[phrase] = form
    return out


def _forms(filler: str) -> list[str]:
    """The filler, then the filler without its first one, two… (up to :data:`MODIFIER`)
    characters, none shorter than two and none cut inside a word (增强社会 is no 强社会)."""
    cuts = range(1, min(MODIFIER, len(filler) - 2) + 1)
    return [filler] + [filler[i:] for i in cuts if filler[i - 1 : i + 1] not in _WORDS]
