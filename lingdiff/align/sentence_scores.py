"""How alike two sentences are: the comparison keys and scores behind sentence alignment.

Sentences are compared on a *key*: the normalised sentence with its numbering,
punctuation and whitespace dropped and every figure replaced by ``#``, so that
a sentence whose figures changed still matches itself. A heading's numbering is
known exactly (its section's ``number``) and is cut by length instead
(:func:`heading_mark`). Keys are scored by :func:`similarity`; the four-character
stretches of :func:`shingles` find candidates for moves without comparing all
sentences with all.
"""

from __future__ import annotations

import math
import re

from rapidfuzz import process
from rapidfuzz.distance import Indel, LCSseq

from ..lexicon import DIGITS, strip_heading_number

_NOISE = re.compile(r"[\s，。、；：？！,.;:?!“”‘’\"'《》（）()「」『』【】—\-]+")


def sentence_key(text: str) -> str:
    """What two sentences are compared on: no numbering, punctuation or spaces; figures as ``#``."""
    return plain_key(strip_heading_number(text))


KEY_MAX = 2_000
"""Longest comparison key, in characters (a report's sentences have at most a few hundred):
a "sentence" of pages without a full stop is compared on its first 2,000, as the work of
comparing two keys grows with the product of their lengths."""


def plain_key(text: str) -> str:
    """:func:`sentence_key` of a sentence whose numbering is already cut off."""
    return _NOISE.sub("", DIGITS.sub("#", text))[:KEY_MAX]


def heading_mark(sentence: str, number: str) -> int:
    """Length of the numbering ``number`` (and the spaces after it) at the start of a sentence."""
    if not number or not sentence.startswith(number):
        return 0
    end = len(number)
    while end < len(sentence) and sentence[end].isspace():
        end += 1
    return end


def similarity(a: str, b: str) -> float:
    """How alike two sentence keys are, 0–1.

    The geometric mean of the Indel similarity (the longest common subsequence
    against both lengths: a rewrite scores low) and the containment (against the
    shorter length: a sentence that gained a clause still scores high). A short
    sentence inside a long one scores low on the first, a rewrite on the second.
    """
    if not a or not b:
        return float(a == b)
    lcs = LCSseq.similarity(a, b)
    return math.sqrt((2 * lcs / (len(a) + len(b))) * (lcs / min(len(a), len(b))))


def candidates(key: str, choices: dict[int, str], cutoff: float) -> list[tuple[float, int]]:
    """(similarity, index) of the choices at least ``cutoff`` alike to ``key``.

    The Indel similarity bounds :func:`similarity` from below by its square root
    (containment is at most 1), so it prefilters in C before the exact score.
    """
    out: list[tuple[float, int]] = []
    for _, pre, j in process.extract(
        key, choices, scorer=Indel.normalized_similarity, limit=None, score_cutoff=cutoff**2
    ):
        if pre >= cutoff**2:
            score = similarity(key, choices[j])
            if score >= cutoff:
                out.append((score, j))
    return out


def shingles(key: str) -> set[str]:
    """The four-character stretches of a sentence key (the key itself when shorter)."""
    if len(key) <= 4:
        return {key}
    return {key[i : i + 4] for i in range(len(key) - 3)}
