"""Section pairs under construction, and how they come out as :class:`SectionPair` objects.

Used by :mod:`lingdiff.align.sections`: a :class:`Group` is a pair being built
(old and new section ids, a score, nested groups); :func:`emit` numbers the
finished tree level by level and explains every pair in a short reason.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from ..model import PairStatus, Section, SectionPair
from ..topics import dominant_topic
from .section_scores import SectionScorer

REASON_MAX = 79
"""Longest reason text, in characters."""

TITLE_MAX = 8
"""Longest heading text quoted in a reason (the first clause of the heading, cut to this)."""

IN_ORDER = "paired in order (too many sections)"
"""The note of a pair made by document position once the scoring budgets are spent."""

_CLAUSE_END = re.compile(r"[，,；;：:。、]")


class Group:
    """A pair under construction: old and new section ids (document order) and a score.

    ``moved`` marks a pair of sections found under different parents (see
    :mod:`lingdiff.align.sections`, step 6): it stands where its old section stood.
    Groups compare by identity.
    """

    __slots__ = ("children", "moved", "new", "note", "old", "override", "score")

    def __init__(
        self,
        old: list[str],
        new: list[str],
        score: float = 0.0,
        note: str = "",
        children: list[Group] | None = None,
        moved: bool = False,
        override: str = "",
    ) -> None:
        self.old, self.new, self.score, self.note = old, new, score, note
        self.children: list[Group] = [] if children is None else children
        self.moved = moved
        self.override = override
        """``pair`` or ``unpair`` when a researcher's correction made this pair (see
        :mod:`lingdiff.align.corrections`)."""

    @property
    def status(self) -> PairStatus:
        if not self.new:
            return "removed"
        if not self.old:
            return "added"
        if len(self.old) > 1:
            return "merged"
        if len(self.new) > 1:
            return "split"
        return "matched"


def heading_label(section: Section) -> str:
    """A section as a reason names it: ``new 2.7 （七）守牢安全底线…``."""
    title = section.title
    clause = _CLAUSE_END.split(title, maxsplit=1)[0][:TITLE_MAX]
    more = "…" if clause != title else ""
    return f"{section.id.replace(':', ' ', 1)} {section.number}{clause}{more}"


def emit(top: list[Group], scorer: SectionScorer, order: dict[str, int]) -> tuple[SectionPair, ...]:
    """Number the pairs and turn them into :class:`SectionPair` objects, level by level."""
    out: list[SectionPair] = []
    level: list[tuple[Group, str | None]] = [(g, None) for g in _ordered(top, order)]
    depth = 1
    counters: dict[str | None, int] = {}
    while level:
        nxt: list[tuple[Group, str | None]] = []
        for group, parent in level:
            counters[parent] = counters.get(parent, 0) + 1
            pid = f"{parent}.{counters[parent]}" if parent else f"p{counters[parent]}"
            out.append(_pair(group, pid, parent, depth, scorer))
            nxt.extend((c, pid) for c in _ordered(group.children, order))
        level = nxt
        depth += 1
    return tuple(out)


def _ordered(groups: list[Group], order: dict[str, int]) -> list[Group]:
    """Pairs in the new report's order; a removed (or moved-away) section follows its old
    predecessor's pair."""
    hosts = sorted(
        (min(order[s] for s in h.old), min(order[s] for s in h.new))
        for h in groups
        if h.new and h.old and not h.moved
    )

    def key_of(g: Group) -> tuple[int, int, int]:
        if g.new and not g.moved:
            return (min(order[s] for s in g.new), 0, min((order[s] for s in g.old), default=-1))
        pos = min(order[s] for s in g.old)
        # the greatest host before pos: found by bisection, not by a scan of every host
        at = bisect_left(hosts, (pos, -1))
        anchor = hosts[at - 1][1] if at else -1
        return (anchor, 1, pos)

    return sorted(groups, key=key_of)


def _pair(
    group: Group, pid: str, parent: str | None, depth: int, scorer: SectionScorer
) -> SectionPair:
    """A finished :class:`SectionPair` with its dominant topic and a short reason."""
    status = group.status
    if group.old and group.new:
        shared = scorer.shared_topics(group.old, group.new)
        topic = shared[0] if shared else dominant_topic(scorer.mix([*group.old, *group.new]))
        bits = []
        if group.note:
            bits.append(group.note)
        if shared:
            bits.append("topics: " + ", ".join(shared))
        # a pair made by position (past the scoring budgets) is not explained by its words:
        # looking for them in each of 100,000 such pairs cost more than aligning them
        in_order = group.note == IN_ORDER
        phrases = [] if in_order else scorer.shared_phrases(group.old, group.new)
        if phrases:
            bits.append("shared: " + ", ".join(phrases))
        if group.override:
            bits.insert(0, "override: paired by hand")
        reason = "; ".join(bits) or "same place in the report"
        score = round(group.score, 3)
    else:
        ids = group.old or group.new
        topic = dominant_topic(scorer.mix(ids))
        reason = "no counterpart" + (f" (topic: {topic})" if topic else "")
        if group.override:
            reason = "override: unpaired by hand; " + reason
        score = 0.0
    if len(reason) > REASON_MAX:
        reason = reason[: REASON_MAX - 1].rstrip("，, ;") + "…"
    return SectionPair(
        id=pid,
        old=tuple(group.old),
        new=tuple(group.new),
        status=status,
        score=score,
        topic=topic,
        reason=reason,
        parent=parent,
        level=depth,
        override=group.override,
    )
