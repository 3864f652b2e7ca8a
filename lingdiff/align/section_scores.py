"""How alike two sets of sections are: the scores behind section alignment.

A score in 0–1 blends three views of the text, each computed on a *set* of
sections so that a section can be compared with the union of the sections it
split into:

* **content** — cosine of TF-IDF weighted character bigrams of the sections'
  text (children included). Document frequencies count sentences of both
  reports, so boilerplate bigrams (``推进``, ``建设``) weigh little and names and
  terms (``稀土``, ``脱贫``, ``污水``) weigh much. Figures are left out: they
  change every year and say nothing about what a section is about.
* **topics** — overlap (histogram intersection) of the sections' topic mixes,
  passed in from :mod:`lingdiff.topics` (mixed by section length for a union).
* **title** — Dice overlap of the character bigrams of the headings.

Without topic mixes (empty dicts) the topic weight is spread over the others.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter
from collections.abc import Sequence
from itertools import chain, repeat
from operator import add, mul, neg, truediv

from ..lexicon import strip_heading_number
from ..model import Document, Section

Mix = dict[str, float]

W_CONTENT = 0.55
W_TOPIC = 0.25
W_TITLE = 0.20
"""Weights of the three views; content decides, topics and titles break near-ties."""

CONTENT_SCALE = 0.25
"""Content cosine at which the content view counts as a full match (cosines of
reworded sections rarely pass 0.5; scaling keeps the views comparable)."""

SHARED_TOPIC_MIN = 0.05
"""Least weight a topic must have on both sides to be named as shared in a pair's reason
(below it a topic is a passing mention: one term in a long section)."""
_RUN = re.compile(r"[\u4e00-\u9fffA-Za-z]+")
_AT_EACH = re.compile(r"(?=([\u4e00-\u9fffA-Za-z]{2}))|(?=.)", re.S)
"""Matches (empty) at every position of a text; group 1 is the word bigram starting there."""


_LOG_TF = [0.0, 1.0]
"""Sublinear term-frequency weights 1 + log(tf), by tf (grown on demand)."""


def _all_bigrams(text: str) -> list[str]:
    """The bigram starting at every position of ``text`` (``""`` where it is not a word bigram).

    A bigram holding a character outside the CJK/Latin runs (punctuation, a
    digit, a line break) is blanked, and bigram ``i`` covers ``text[i:i+2]``, so
    the bigrams of a span of text are one list slice. Equal bigrams are one shared
    string (the list holds pointers, not a new two-character string per position: a
    5 MB report would otherwise spend ~75 bytes per character here), found a chunk at
    a time so that the unshared strings never all exist at once.
    """
    shared: dict[str, str] = {}
    out: list[str] = []
    for start in range(0, len(text), _CHUNK):
        end = min(start + _CHUNK, len(text))
        # one character more, so the bigram at end - 1 sees its second character
        grams = _AT_EACH.findall(text, start, end + 1)
        del grams[end - start :]
        out.extend(map(shared.setdefault, grams, grams))
    if out:
        out.pop()  # the last position starts no bigram
    return out


_CHUNK = 1 << 16
"""Characters of text turned into bigrams at a time (see :func:`_all_bigrams`)."""


def bigrams(text: str) -> list[str]:
    """The character bigrams of the CJK/Latin runs of ``text`` (figures and punctuation cut)."""
    out: list[str] = []
    for run in _RUN.findall(text):
        out.extend(map(str.__add__, run, run[1:]))
    return out


class SectionScorer:
    """Scores sets of sections of two documents against each other; caches per section."""

    def __init__(
        self,
        old: Document,
        new: Document,
        old_mix: dict[str, Mix],
        new_mix: dict[str, Mix],
    ) -> None:
        self.docs = {"old": old, "new": new}
        self.mixes = {**old_mix, **new_mix}
        self.use_topics = bool(old_mix) and bool(new_mix)
        self.sections: dict[str, Section] = {}
        # The bigrams of each document, by position: a section's bigrams are one slice.
        self._grams: dict[str, list[str]] = {}
        for key, doc in self.docs.items():
            self.sections.update(doc.section_map())
            self._grams[key] = _all_bigrams(doc.norm or doc.text)
        # Document frequencies: in how many sentences (of both reports) each bigram stands.
        df = Counter(
            chain.from_iterable(
                set(self._grams[key][s.start : s.end - 1])
                for key, doc in self.docs.items()
                for s in doc.sentences
            )
        )
        df.pop("", None)
        n_sent = float(len(old.sentences) + len(new.sentences) + 1)
        # log((n + 1) / (df + 0.5)) for every bigram, computed in one sweep.
        logs = map(math.log, map(truediv, repeat(n_sent), map(add, df.values(), repeat(0.5))))
        self.idf = dict(zip(df, logs, strict=True))
        self._vectors: dict[tuple[str, ...], tuple[dict[str, float], float]] = {}
        self._mixes: dict[tuple[str, ...], Mix] = {}
        self._title: dict[str, frozenset[str]] = {}

    # ----------------------------------------------------------------- features

    def counts(self, section_id: str) -> Counter[str]:
        """Bigram counts of a section's text, children included (not kept: the section's
        vector is, and counting again is rarer than holding every level's counts)."""
        hit = Counter(self._slice(section_id))
        hit.pop("", None)
        return hit

    def vector(self, ids: Sequence[str]) -> tuple[dict[str, float], float]:
        """TF-IDF weights (1 + log tf) of the union of some sections, and their norm."""
        key = tuple(ids)
        hit = self._vectors.get(key)
        if hit is None:
            if len(key) == 1:
                hit = self._weigh(self.counts(key[0]))
            else:  # the sections are disjoint: count their slices in one go
                total = Counter(chain.from_iterable(map(self._slice, key)))
                total.pop("", None)
                hit = self._weigh(total)
            self._vectors[key] = hit
        return hit

    def _slice(self, section_id: str) -> list[str]:
        """The bigrams of a section's text (``""`` where none starts), children included."""
        sec = self.sections[section_id]
        return self._grams[section_id.split(":", 1)[0]][sec.start : sec.end - 1]

    def _weigh(self, counts: Counter[str]) -> tuple[dict[str, float], float]:
        top = max(counts.values(), default=0)
        while len(_LOG_TF) <= top:
            _LOG_TF.append(1.0 + math.log(len(_LOG_TF)))
        weights = list(
            map(mul, map(_LOG_TF.__getitem__, counts.values()), map(self.idf.get, counts))
        )
        return dict(zip(counts, weights, strict=True)), math.hypot(*weights)

    def mix(self, ids: Sequence[str]) -> Mix:
        """Topic mix of a union of sections, each weighted by its length."""
        key = tuple(ids)
        hit = self._mixes.get(key)
        if hit is None:
            hit = self._mixes[key] = self._mix(key)
        return hit

    def _mix(self, ids: Sequence[str]) -> Mix:
        out: Mix = {}
        total = 0.0
        for sid in ids:
            sec = self.sections[sid]
            size = float(max(1, sec.end - sec.start))
            m = self.mixes.get(sid) or {}
            if not m:
                continue
            total += size
            for k, w in m.items():
                out[k] = out.get(k, 0.0) + w * size
        return {k: w / total for k, w in out.items()} if total else {}

    def title_grams(self, section_id: str) -> frozenset[str]:
        """Bigrams of a section's heading, numbering and figures left out."""
        hit = self._title.get(section_id)
        if hit is None:
            title = strip_heading_number(self.sections[section_id].title)
            hit = frozenset(bigrams(title))
            self._title[section_id] = hit
        return hit

    # ----------------------------------------------------------------- views

    def content(self, a: Sequence[str], b: Sequence[str]) -> float:
        """Cosine of the TF-IDF bigram vectors of two sets of sections."""
        (va, na), (vb, nb) = self.vector(a), self.vector(b)
        if not na or not nb:
            return 0.0
        if len(va) > len(vb):
            va, vb = vb, va
        # over the smaller vector only; a bigram missing from the other adds an exact 0.0
        # (fsum is exactly rounded, so neither the zeros nor the order change the sum)
        weights = map(mul, va.values(), map(vb.get, va, repeat(0.0)))
        return math.fsum(weights) / (na * nb)

    def topic(self, a: Sequence[str], b: Sequence[str]) -> float:
        """Overlap (sum of minima) of the topic mixes of two sets of sections."""
        ma, mb = self.mix(a), self.mix(b)
        return sum(min(w, mb[k]) for k, w in ma.items() if k in mb)

    def title(self, a: Sequence[str], b: Sequence[str]) -> float:
        """Dice overlap of heading bigrams of two sets of sections."""
        ga = self.title_grams(a[0]) if len(a) == 1 else frozenset().union(*map(self.title_grams, a))
        gb = self.title_grams(b[0]) if len(b) == 1 else frozenset().union(*map(self.title_grams, b))
        if not ga or not gb:
            return 0.0
        return 2 * len(ga & gb) / (len(ga) + len(gb))

    def score(self, a: Sequence[str], b: Sequence[str]) -> float:
        """The blended score (0–1) of two sets of sections."""
        content = min(1.0, self.content(a, b) / CONTENT_SCALE)
        if self.use_topics:
            s = W_CONTENT * content + W_TOPIC * self.topic(a, b) + W_TITLE * self.title(a, b)
        else:
            w = W_CONTENT + W_TITLE
            s = (W_CONTENT * content + W_TITLE * self.title(a, b)) / w
        return round(s, 4)

    # ----------------------------------------------------------------- explanations

    def shared_topics(self, a: Sequence[str], b: Sequence[str], limit: int = 2) -> list[str]:
        """Topic keys present on both sides, largest overlap first."""
        ma, mb = self.mix(a), self.mix(b)
        both = sorted(
            ((min(w, mb[k]), k) for k, w in ma.items() if k in mb), key=lambda t: (-t[0], t[1])
        )
        return [k for w, k in both if w >= SHARED_TOPIC_MIN][:limit]

    def shared_phrases(self, a: Sequence[str], b: Sequence[str], limit: int = 3) -> list[str]:
        """The most telling words both sides use.

        The shared bigrams weighing most in both vectors, each grown into the
        longer phrase it always stands in (``实体`` → ``实体经济``); units of
        figures (``亿元``, ``家以上``) are left out.
        """
        va, vb = self.vector(a)[0], self.vector(b)[0]
        both = va.keys() & vb.keys()
        weights = map(neg, map(mul, map(va.__getitem__, both), map(vb.__getitem__, both)))
        top = heapq.nsmallest(limit * 4, zip(weights, both, strict=True))
        text_a = "\n".join(self._text(s) for s in a)
        text_b = "\n".join(self._text(s) for s in b)
        out: list[str] = []
        for _, gram in top:
            phrase = _grow(gram, text_a, text_b)
            if (
                not phrase
                or _unit_of_figures(phrase, text_a)
                or any(phrase in p or p in phrase for p in out)
            ):
                continue
            out.append(phrase)
            if len(out) == limit:
                break
        return out

    def _text(self, section_id: str) -> str:
        sec = self.sections[section_id]
        doc = self.docs[section_id.split(":", 1)[0]]
        return (doc.norm or doc.text)[sec.start : sec.end]


def _grow(gram: str, text_a: str, text_b: str, longest: int = 8) -> str:
    """Extend a shared bigram to the phrase it always stands in, in both texts.

    ``宗元`` grows to ``柳宗元`` when every ``宗元`` of both texts is preceded by
    ``柳``; growth stops at the first position where the texts differ, at
    punctuation; a phrase longer than ``longest`` characters gives ``""`` (the
    bigram is a fragment of a long set phrase and says little on its own).
    """
    phrase = gram
    for after in (True, False):
        while len(phrase) <= longest:
            ch = _forced(phrase, text_a, text_b, after=after)
            if ch is None:
                break
            phrase = phrase + ch if after else ch + phrase
    return phrase if len(phrase) <= longest else ""


def _unit_of_figures(phrase: str, text: str) -> bool:
    """Whether every occurrence of ``phrase`` in ``text`` follows a digit (``10家以上``)."""
    pos = text.find(phrase)
    while pos >= 0:
        if pos == 0 or not text[pos - 1].isdigit():
            return False
        pos = text.find(phrase, pos + 1)
    return True


def _forced(phrase: str, text_a: str, text_b: str, *, after: bool) -> str | None:
    """The one CJK character that follows (or precedes) every occurrence of ``phrase``."""
    seen: str | None = None
    for text in (text_a, text_b):
        pos = text.find(phrase)
        while pos >= 0:
            at = pos + len(phrase) if after else pos - 1
            ch = text[at] if 0 <= at < len(text) else ""
            if not ch or not _RUN.match(ch) or (seen is not None and ch != seen):
                return None
            seen = ch
            pos = text.find(phrase, pos + 1)
    return seen
