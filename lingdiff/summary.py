"""What changed, at a glance: the headline facts of a Comparison, for every shell.

The markdown report's summary and the TUI's Overview tab both present these, so
they agree on what the headlines are.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Comparison, MetricRow, Observation, PhraseRow, SectionPair, TopicShare

SLOGAN_KINDS = ("slogan", "numbered")


@dataclass(frozen=True)
class Overview:
    """The headlines of a comparison."""

    targets: tuple[MetricRow, ...]
    gains: tuple[TopicShare, ...]
    losses: tuple[TopicShare, ...]
    added_sections: tuple[SectionPair, ...]
    removed_sections: tuple[SectionPair, ...]
    new_slogans: tuple[PhraseRow, ...]
    gone_slogans: tuple[PhraseRow, ...]


def in_both(row: MetricRow) -> bool:
    """True when both reports give a figure for the row's indicator."""
    return {o.doc for o in row.observations} == {"old", "new"}


def _point(obs: Observation) -> float:
    """A figure as one signed number: ``下降3%`` is -3, a range (``6%—6.5%``) its midpoint."""
    high = obs.signed_high
    return obs.signed_value if high is None else (obs.signed_value + high) / 2


def target_change(row: MetricRow) -> tuple[str, float | None]:
    """Arrow and difference between the old and the new plan-year target (same unit only).

    A range is compared by its midpoint (6%—6.5% → 5% is -1.25).
    """
    old = row.values("old", "target")
    new = row.values("new", "target")
    if len(old) != 1 or len(new) != 1 or old[0].unit != new[0].unit:
        return "", None
    diff = _point(new[0]) - _point(old[0])
    if abs(diff) < 1e-9:
        return "→", 0.0
    return ("↑" if diff > 0 else "↓"), diff


def headline_targets(c: Comparison) -> tuple[MetricRow, ...]:
    """Indicators with a plan-year target in both reports: comparable ones (one target each,
    same unit) first, each group in report order."""
    both = [r for r in c.metrics if r.values("old", "target") and r.values("new", "target")]
    comparable = [r for r in both if target_change(r)[1] is not None]
    return tuple(comparable + [r for r in both if r not in comparable])


def priority_shifts(
    c: Comparison, n: int = 3, min_pp: float = 0.5
) -> tuple[tuple[TopicShare, ...], tuple[TopicShare, ...]]:
    """The ``n`` topics that gained most attention and the ``n`` that lost most."""
    ordered = sorted(c.topics, key=lambda t: (-t.change_pp, t.topic))
    gains = tuple(t for t in ordered if t.change_pp >= min_pp)[:n]
    losses = tuple(t for t in reversed(ordered) if t.change_pp <= -min_pp)[:n]
    return gains, losses


def section_changes(
    c: Comparison, max_level: int = 2
) -> tuple[tuple[SectionPair, ...], tuple[SectionPair, ...]]:
    """Sections (down to nesting ``max_level``) added in the new report and dropped from the old."""
    shallow = [p for p in c.alignment if p.level <= max_level]
    return (
        tuple(p for p in shallow if p.status == "added"),
        tuple(p for p in shallow if p.status == "removed"),
    )


def slogan_changes(
    c: Comparison, n: int = 8, *, with_terms: bool = False
) -> tuple[tuple[PhraseRow, ...], tuple[PhraseRow, ...]]:
    """The most used slogans that are new, and those that are gone (``with_terms``: key
    terms too, after the slogans)."""

    def top(status: str) -> tuple[PhraseRow, ...]:
        rows = [
            p for p in c.phrases if p.status == status and (with_terms or p.kind in SLOGAN_KINDS)
        ]
        rows.sort(
            key=lambda p: (p.kind not in SLOGAN_KINDS, -(p.old_count + p.new_count), p.phrase)
        )
        return tuple(rows[:n])

    return top("added"), top("removed")


def overview(c: Comparison) -> Overview:
    """All the headlines of a comparison."""
    gains, losses = priority_shifts(c)
    added, removed = section_changes(c)
    new, gone = slogan_changes(c)
    return Overview(headline_targets(c), gains, losses, added, removed, new, gone)
