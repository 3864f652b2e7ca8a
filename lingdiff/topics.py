"""Policy topics: what each sentence and section of a report is about, and how much of
each report goes to each topic.

The taxonomy (``lingdiff/data/topics.json``, replaceable with ``--topics FILE``)
gives every topic a Chinese lexicon. Each document is scanned once, by a
dictionary scan built once per taxonomy; matching is leftmost-longest and without
overlap, so the longer term decides (``农村电网`` counts once, for energy, not also for
agriculture; ``扶贫资金`` counts for agriculture, not for fiscal). Each hit counts
1; a term listed under several topics splits its hit evenly. A topic's
``excludes`` are matched the same way but count for no topic (``健康发展`` is not
about health).

Attention shares: each sentence's characters are spread over its topic mix;
sentences without any topic hit are **not counted** (there is no residual
category), nor are boilerplate sentences (front matter such as the title and
``各位代表``, the guiding-ideology preamble ``以习近平新时代中国特色社会主义思想为指导``,
the closing exhortation). Shares of a report therefore sum to 1 over the topics.
Diversity is the Shannon entropy of the shares in bits (0 = one topic only;
log2 of the number of topics = perfectly even).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from functools import lru_cache
from itertools import pairwise

from .model import Document, Sentence, Topic, TopicShare
from .taxonomy import TaxonomyError, load_taxonomy
from .textscan import DictionaryScanner

__all__ = [
    "TaxonomyError",
    "TopicIndex",
    "TopicScanner",
    "attention_shares",
    "boilerplate_sentences",
    "compare_attention",
    "dominant_topic",
    "front_matter_end",
    "load_taxonomy",
    "scanner",
    "section_topics",
    "sentence_topics",
    "shannon_entropy",
    "top_topic",
    "topic_mix",
]

_BOILERPLATE = re.compile(
    r"^\s*各位代表"
    r"|习近平新时代中国特色社会主义思想"
    r"|以习近平同志为核心的党中央"
    r"|提请大会审查|请予审议"
    r"|而(?:努力|团结|不懈)?奋斗[！!。]?\s*$"
)
"""Sentences that are ritual rather than policy: addresses to the delegates, the
guiding-ideology preamble, loyalty formulas and the closing exhortation."""


# --------------------------------------------------------------------------- matching


class TopicScanner:
    """The scanner of one taxonomy: every term and exclude (a :class:`DictionaryScanner`),
    with the topics each term counts for (an exclude counts for none)."""

    __slots__ = ("_words", "keys", "owners", "taxonomy", "terms")

    def __init__(self, taxonomy: tuple[Topic, ...]) -> None:
        owners: dict[str, list[int]] = {}
        for i, topic in enumerate(taxonomy):
            for term in topic.terms:
                slot = owners.setdefault(term, [])
                if i not in slot:
                    slot.append(i)
        for topic in taxonomy:
            for phrase in topic.excludes:
                owners.setdefault(phrase, [])
        self.taxonomy = taxonomy
        self.terms = frozenset(t for topic in taxonomy for t in topic.terms)
        """Every topic term: the domain words phrases accepts as two-character key terms."""
        self.keys = tuple(t.key for t in taxonomy)
        self.owners = {term: tuple(idx) for term, idx in owners.items()}
        self._words = DictionaryScanner(owners)

    def scan(self, text: str) -> list[tuple[int, str]]:
        """(position, term) of every leftmost-longest, non-overlapping term in ``text``."""
        return self._words.scan(text)

    def mix(self, text: str) -> dict[str, float]:
        """Weights per topic key summing to 1.0 for a piece of text; ``{}`` without a term."""
        return _mix(self.counts(text), self.keys)

    def counts(self, text: str) -> dict[int, float]:
        """Topic index -> hits in ``text``."""
        out: dict[int, float] = {}
        for _, term in self.scan(text):
            _add(out, self.owners[term])
        return out


def _add(out: dict[int, float], owner: tuple[int, ...]) -> None:
    if owner:
        w = 1.0 / len(owner)
        for i in owner:
            out[i] = out.get(i, 0.0) + w


@lru_cache(maxsize=8)
def _build(taxonomy: tuple[Topic, ...]) -> TopicScanner:
    return TopicScanner(taxonomy)


def scanner(taxonomy: Sequence[Topic]) -> TopicScanner:
    """The scanner of a taxonomy, built once per distinct taxonomy (keyed by its content)."""
    return _build(tuple(taxonomy))


def _mix(counts: dict[int, float], keys: tuple[str, ...]) -> dict[str, float]:
    total = sum(counts.values())
    if total <= 0:
        return {}
    return {keys[i]: counts[i] / total for i in sorted(counts)}


def topic_mix(text: str, taxonomy: Sequence[Topic] | TopicScanner) -> dict[str, float]:
    """Weights per topic key summing to 1.0 for a piece of text; ``{}`` when no term occurs."""
    s = taxonomy if isinstance(taxonomy, TopicScanner) else scanner(taxonomy)
    return s.mix(text)


def top_topic(mix: dict[str, float]) -> str:
    """The key with the largest weight (the first in taxonomy order on a tie), or ``""``."""
    best, best_w = "", 0.0
    for key, w in mix.items():
        if w > best_w + 1e-12:
            best, best_w = key, w
    return best


# --------------------------------------------------------------------------- documents


class TopicIndex:
    """The topics of one document under one taxonomy, computed once and shared by every
    stage that needs them (section alignment, indicator topics, attention shares).

    The document is scanned once; the hits are kept per sentence, and the sentence and
    section mixes are derived from them on first use.
    """

    __slots__ = ("_section_mix", "_sentence_mix", "counts", "doc", "scanner")

    def __init__(self, doc: Document, scanner: TopicScanner) -> None:
        self.doc = doc
        self.scanner = scanner
        self.counts = _sentence_counts(doc, scanner)
        """Topic index -> hits, per sentence (in ``doc.sentences`` order; read-only, and
        shared by the sentences with equal hits)."""
        self._sentence_mix: dict[int, dict[str, float]] | None = None
        self._section_mix: dict[str, dict[str, float]] | None = None

    @property
    def sentence_mix(self) -> dict[int, dict[str, float]]:
        """Sentence index -> topic mix, for every sentence (``{}`` where no term occurs)."""
        if self._sentence_mix is None:
            keys = self.scanner.keys
            # sentences with equal counts share one counts dict (see _sentence_counts), and
            # so one (read-only) mix: a large report has hundreds of thousands of sentences
            shared: dict[int, dict[str, float]] = {}  # id of a counts dict -> its mix
            mixes: dict[int, dict[str, float]] = {}
            for s, c in zip(self.doc.sentences, self.counts, strict=True):
                mix = shared.get(id(c))
                if mix is None:
                    mix = shared[id(c)] = _mix(c, keys)
                mixes[s.index] = mix
            self._sentence_mix = mixes
        return self._sentence_mix

    @property
    def section_mix(self) -> dict[str, dict[str, float]]:
        """Section id -> topic mix over all text under it (heading and children included)."""
        if self._section_mix is None:
            self._section_mix = _section_mix(self.doc, self.counts, self.scanner.keys)
        return self._section_mix

    def shares(self) -> list[float]:
        """Fractions of the (topical, non-boilerplate) text per topic index."""
        boilerplate = _boilerplate_test(self.doc)
        weights = [0.0] * len(self.scanner.keys)
        for s, c in zip(self.doc.sentences, self.counts, strict=True):
            if not c or boilerplate(s):  # tried only where a term occurs: half the sentences
                continue
            size = len("".join(s.text.split()))
            hits = sum(c.values())
            for i, w in c.items():
                weights[i] += size * w / hits
        total = sum(weights)
        return [w / total if total else 0.0 for w in weights]


def _sentence_counts(doc: Document, scanner: TopicScanner) -> list[dict[int, float]]:
    """Hits per sentence (in ``doc.sentences`` order), from one scan of ``doc.norm``."""
    sents = doc.sentences
    starts = [s.start for s in sents]
    out: list[dict[int, float]] = [_NO_HITS] * len(sents)  # shared until a sentence has a hit
    text = doc.norm or doc.text
    ordered = all(a <= b for a, b in pairwise(starts))
    if not ordered:  # not expected from outline; stay correct anyway
        order = sorted(range(len(sents)), key=lambda k: sents[k].start)
    else:
        order = range(len(sents))
    starts = [sents[k].start for k in order]
    for pos, term in scanner.scan(text):
        j = bisect_right(starts, pos) - 1
        if j < 0 or pos >= sents[order[j]].end:
            continue
        hits = out[order[j]]
        if hits is _NO_HITS:
            hits = out[order[j]] = {}
        _add(hits, scanner.owners[term])
    # sentences with equal hits share one (read-only) dict: most have one to three topics,
    # so a report of 400,000 sentences has a few thousand distinct ones (~30 MB saved)
    shared: dict[tuple[tuple[int, float], ...], dict[int, float]] = {}
    for k, hits in enumerate(out):
        if hits is not _NO_HITS:
            out[k] = shared.setdefault(tuple(sorted(hits.items())), hits)
    return out


_NO_HITS: dict[int, float] = {}
"""The hits of every sentence without any (one dict, never written to: read-only to all)."""


def _section_mix(
    doc: Document, counts: list[dict[int, float]], keys: tuple[str, ...]
) -> dict[str, dict[str, float]]:
    order = sorted(range(len(doc.sentences)), key=lambda k: doc.sentences[k].start)
    starts = [doc.sentences[k].start for k in order]
    out: dict[str, dict[str, float]] = {}
    for sec in doc.sections:
        total: dict[int, float] = {}
        for k in order[bisect_left(starts, sec.start) : bisect_left(starts, sec.end)]:
            for i, w in counts[k].items():
                total[i] = total.get(i, 0.0) + w
        out[sec.id] = _mix(total, keys)
    return out


def sentence_topics(doc: Document, taxonomy: Sequence[Topic]) -> dict[int, dict[str, float]]:
    """Sentence index -> topic mix, for every sentence (``{}`` where no term occurs)."""
    return TopicIndex(doc, scanner(taxonomy)).sentence_mix


def section_topics(doc: Document, taxonomy: Sequence[Topic]) -> dict[str, dict[str, float]]:
    """Section id -> topic mix over all text under it (heading and children included)."""
    return TopicIndex(doc, scanner(taxonomy)).section_mix


def front_matter_end(doc: Document) -> int:
    """Where the front matter ends: the untitled ``other`` sections before the first part
    (title, date line, speaker, ``各位代表``). 0 when no part was recognised at all."""
    end = 0
    for sec in doc.top_sections():
        if sec.part != "other":
            return end
        end = max(end, sec.end)
    return 0


def boilerplate_sentences(doc: Document) -> frozenset[int]:
    """Indices of sentences that carry no policy content of their own: the front matter
    (see :func:`front_matter_end`), the title, and ritual sentences anywhere
    (``各位代表``, the guiding-ideology preamble, loyalty formulas, the closing call)."""
    boilerplate = _boilerplate_test(doc)
    return frozenset(s.index for s in doc.sentences if boilerplate(s))


def _boilerplate_test(doc: Document) -> Callable[[Sentence], bool]:
    """Is a sentence of ``doc`` boilerplate (see :func:`boilerplate_sentences`)?"""
    front_end = front_matter_end(doc)
    title = (doc.title or "").strip()
    search = _BOILERPLATE.search

    def boilerplate(s: Sentence) -> bool:
        text = s.text.strip()
        return (
            s.start < front_end
            or bool(title and len(text) > 3 and (text in title or title in text))
            or search(text) is not None
        )

    return boilerplate


def shannon_entropy(shares: Sequence[float]) -> float:
    """Shannon entropy in bits of a distribution (zeros ignored)."""
    return -sum(p * math.log2(p) for p in shares if p > 0)


def attention_shares(
    old: Document, new: Document, taxonomy: Sequence[Topic]
) -> tuple[tuple[TopicShare, ...], tuple[float, float]]:
    """Each topic's share of each report's text, largest absolute change first, and the
    diversity (Shannon entropy in bits) of the old and the new shares."""
    s = scanner(taxonomy)
    return compare_attention(TopicIndex(old, s), TopicIndex(new, s))


def compare_attention(
    old: TopicIndex, new: TopicIndex
) -> tuple[tuple[TopicShare, ...], tuple[float, float]]:
    """:func:`attention_shares` from the two documents' topic indexes (same taxonomy)."""
    so, sn = old.shares(), new.shares()
    rows = [
        TopicShare(t.key, t.label, t.cap, round(so[i], 6), round(sn[i], 6))
        for i, t in enumerate(old.scanner.taxonomy)
    ]
    order = sorted(range(len(rows)), key=lambda i: (-abs(sn[i] - so[i]), i))
    entropy = (round(shannon_entropy(so), 6), round(shannon_entropy(sn), 6))
    return tuple(rows[i] for i in order), entropy


def dominant_topic(mix: dict[str, float]) -> str:
    """The heaviest topic of a mix, ties broken by the smaller key; ``""`` for an empty mix.

    The one rule for "the topic of" a section, a pair or an indicator.
    """
    if not mix:
        return ""
    return min(mix.items(), key=lambda kv: (-kv[1], kv[0]))[0]
