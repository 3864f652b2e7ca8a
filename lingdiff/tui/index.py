"""Look-ups over a :class:`~lingdiff.model.Comparison` that every tab of the TUI needs.

The comparison is a set of flat tuples; the screens need trees, reverse maps
and labels. :class:`ComparisonIndex` builds them once. Pure: no textual import.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import PurePath

from ..model import Comparison, DocKey, MetricRow, Observation, SectionPair, SentencePair
from ..render.common import section_label, short_id
from ..topics import dominant_topic

CHANGE_STATUSES = frozenset({"changed", "added", "removed", "moved"})
"""Sentence-pair statuses that count as a change (for next/previous change)."""

PAIR_MARKS = {"matched": "=", "split": "<", "merged": ">", "added": "+", "removed": "-"}
"""One-character mark of each section-pair status, shown in the tree and the headings."""


@dataclass(frozen=True)
class FigureSpan:
    """A figure inside a sentence: offsets relative to the sentence, and its indicator row."""

    start: int
    end: int
    metric: str | None


@dataclass
class ComparisonIndex:
    """Trees, reverse maps and labels over one comparison, built once."""

    comparison: Comparison
    pairs: dict[str, SectionPair] = field(init=False)
    children: dict[str | None, list[str]] = field(init=False)
    sentence_pairs: dict[str, list[SentencePair]] = field(init=False)

    def __post_init__(self) -> None:
        c = self.comparison
        self.pairs = {p.id: p for p in c.alignment}
        self.children = defaultdict(list)
        for p in c.alignment:
            parent = p.parent if p.parent in self.pairs else None
            self.children[parent].append(p.id)
        self.sentence_pairs = defaultdict(list)
        for sp in c.sentence_pairs:
            self.sentence_pairs[sp.pair].append(sp)

    @cached_property
    def order(self) -> list[str]:
        """Pair ids in tree order (depth first, siblings as the alignment lists them)."""
        out: list[str] = []
        stack = list(reversed(self.children[None]))
        while stack:
            pid = stack.pop()
            out.append(pid)
            stack.extend(reversed(self.children.get(pid, [])))
        return out

    @cached_property
    def metric_of_observation(self) -> dict[tuple[DocKey, int], MetricRow]:
        """The indicator row of each figure, by (document, start offset of the figure)."""
        return {(o.doc, o.start): row for row in self.comparison.metrics for o in row.observations}

    @cached_property
    def metrics(self) -> dict[str, MetricRow]:
        """Indicator rows by id."""
        return {row.id: row for row in self.comparison.metrics}

    def metric_topic(self, row: MetricRow) -> str:
        """An indicator's topic: its own, else the main topic of the sections it is quoted in."""
        if row.topic:
            return row.topic
        totals: dict[str, float] = defaultdict(float)
        for obs in row.observations:
            for topic, weight in self.comparison.section_topics.get(obs.section, {}).items():
                totals[topic] += weight
        return dominant_topic(totals)

    @cached_property
    def topic_labels(self) -> dict[str, str]:
        """Topic key -> its label (the taxonomy's, as the comparison carries it)."""
        return {t.topic: t.label for t in self.comparison.topics}

    def side_label(self, doc: DocKey, section_ids: tuple[str, ...]) -> str:
        """``3.1 （一）加快产业发展…`` for one side of a pair (several joined with `` + ``)."""
        document = self.comparison.doc(doc)
        sections = document.section_map()
        parts = []
        for sid in section_ids:
            sec = sections.get(sid)
            label = section_label(sec) if sec else "?"
            parts.append(f"{short_id(sid)} {label}")
        return " + ".join(parts)

    def pair_title(self, pair_id: str) -> str:
        """The label a pair goes by: the new side's, or for a removed section the old side's,
        marked ``old`` (its number is the old report's, listed inside the new tree)."""
        p = self.pairs[pair_id]
        return self.side_label("new", p.new) if p.new else "old " + self.side_label("old", p.old)

    def citation(self, doc: DocKey, sentence: int) -> str:
        """A sentence as a researcher quotes it: the sentence, then report, years, section and,
        for a PDF, page (``“…” — 关于…的报告 (2025 review, 2026 plan), section 1.2 （二）…,
        p. 3``)."""
        document = self.comparison.doc(doc)
        sent = document.sentences[sentence]
        title = document.title or PurePath(document.path.replace("\\", "/")).name
        years = f"{document.review_year or '?'} review, {document.plan_year or '?'} plan"
        where = self.section_title(doc, sent.section)
        page = document.page(sent.start)
        on_page = f", p. {page}" if page is not None else ""
        text = sent.text.strip().replace("\n", "")
        return f"“{text}” — {title} ({years}), section {where}{on_page}"

    def pair_of_number(self, number: str) -> str | None:
        """The pair holding section ``number`` (``2.3``) of the new report, else of the old."""
        for doc in ("new", "old"):
            wanted = f"{doc}:{number.strip()}"
            for pid, pair in self.pairs.items():
                if wanted in (pair.new if doc == "new" else pair.old):
                    return pid
        return None

    def section_title(self, doc: DocKey, section_id: str) -> str:
        """``3.1 （一）加快产业发展…`` for one section id (``?`` when unknown)."""
        return self.side_label(doc, (section_id,))

    @cached_property
    def changed_pairs(self) -> frozenset[str]:
        """Pairs with a change in them or below them (status other than a perfect match)."""
        own: set[str] = set()
        for pid, p in self.pairs.items():
            if p.status != "matched" or any(
                sp.status in CHANGE_STATUSES for sp in self.sentence_pairs.get(pid, ())
            ):
                own.add(pid)
        return frozenset(self._with_ancestors(own))

    def pairs_of_topic(self, topic: str) -> frozenset[str]:
        """Pairs of a topic, with their ancestors so that the tree keeps its shape."""
        return frozenset(
            self._with_ancestors({p.id for p in self.pairs.values() if p.topic == topic})
        )

    def _with_ancestors(self, ids: set[str]) -> set[str]:
        out = set(ids)
        for pid in ids:
            parent = self.pairs[pid].parent
            while parent in self.pairs and parent not in out:
                out.add(parent)
                parent = self.pairs[parent].parent
        return out

    def figures(self, doc: DocKey, index: int) -> list[FigureSpan]:
        """The figures of one sentence (from the comparison), relative to it, with the
        indicator row of each."""
        sent = self.comparison.doc(doc).sentences[index]
        spans = self._figures_by_sentence[doc].get(index, ())
        out = []
        for start, end in spans:
            row = self.metric_of_observation.get((doc, start))
            out.append(FigureSpan(start - sent.start, end - sent.start, row.id if row else None))
        return out

    @cached_property
    def _figures_by_sentence(self) -> dict[DocKey, dict[int, list[tuple[int, int]]]]:
        """The comparison's figure spans grouped by the sentence they stand in."""
        out: dict[DocKey, dict[int, list[tuple[int, int]]]] = {}
        for key in ("old", "new"):
            starts = [s.start for s in self.comparison.doc(key).sentences]
            grouped: dict[int, list[tuple[int, int]]] = defaultdict(list)
            for start, end in self.comparison.figures.get(key, ()):
                grouped[bisect_right(starts, start) - 1].append((start, end))
            out[key] = dict(grouped)
        return out

    def observation_sentence(self, obs: Observation) -> int | None:
        """The index of the sentence a figure stands in."""
        for sent in self.comparison.doc(obs.doc).sentences:
            if sent.start <= obs.start < sent.end:
                return sent.index
        return None
