"""What changed, at a glance: the headline facts of a Comparison, for every shell.

The markdown report's summary and the TUI's Overview tab both present these, so
they agree on what the headlines are.
"""

from __future__ import annotations

from collections.abc import Sequence

from .lexicon import APPENDIX, unit_scale
from .model import (
    Comparison,
    DocKey,
    Document,
    Kind,
    MetricRow,
    Observation,
    PhraseRow,
    SectionPair,
    TopicShare,
)
from .records import record

SLOGAN_KINDS = ("slogan", "quoted")


@record
class Overview:
    """The headlines of a comparison."""

    targets: tuple[MetricRow, ...]
    gains: tuple[TopicShare, ...]
    losses: tuple[TopicShare, ...]
    added_sections: tuple[SectionPair, ...]
    removed_sections: tuple[SectionPair, ...]
    new_slogans: tuple[PhraseRow, ...]
    gone_slogans: tuple[PhraseRow, ...]
    headlines: tuple[Headline, ...] = ()
    one_sided: tuple[tuple[MetricRow, DocKey], ...] = ()
    """Targets set by one report only, with the report that sets them."""
    shifted_phrases: tuple[PhraseRow, ...] = ()
    """Phrases of both reports whose use changed most (高质量发展 8 -> 25)."""
    replaced_phrases: tuple[PhraseRow, ...] = ()
    """Gone phrases whose place a new one took (市场主体 -> 经营主体)."""


def in_both(row: MetricRow) -> bool:
    """True when both reports give a figure for the row's indicator."""
    return {o.doc for o in row.observations} == {"old", "new"}


def _point(obs: Observation) -> float:
    """A figure as one signed number: ``下降3%`` is -3, a range (``6%—6.5%``) its midpoint."""
    high = obs.signed_high
    return obs.signed_value if high is None else (obs.signed_value + high) / 2


def _is_decline(row: MetricRow) -> bool:
    """True when both plan-year targets are declines (``下降3%左右 → 下降2.5%左右``)."""
    old = row.values("old", "target")
    new = row.values("new", "target")
    return bool(old and new) and old[0].direction < 0 and new[0].direction < 0


def target_change(row: MetricRow) -> tuple[str, float | None]:
    """Arrow and difference between the old and the new plan-year target, in the new one's
    unit (``8000人 → 1万人`` is +0.2 万人; units of different families are not compared).

    A range is compared by its midpoint (6%—6.5% → 5% is -1.25). When both targets are
    declines the size of the decline is compared, so ``下降3% → 下降2.5%`` is ``↓ -0.5``: the
    target asks for less (a rise of the signed value would read as a more ambitious target).
    """
    old = row.values("old", "target")
    new = row.values("new", "target")
    if len(old) != 1 or len(new) != 1:
        return "", None
    (old_family, old_factor), (new_family, new_factor) = map(unit_scale, (old[0].unit, new[0].unit))
    if old_family != new_family:
        return "", None
    diff = _point(new[0]) - _point(old[0]) * old_factor / new_factor  # in the new target's unit
    if _is_decline(row):
        diff = -diff
    if abs(diff) < 1e-9:
        return "→", 0.0
    return ("↑" if diff > 0 else "↓"), diff


def not_comparable_reason(row: MetricRow) -> str:
    """Why two plan-year targets have no change (for a headline row with both): ``several
    figures`` (财政赤字 1.62万亿元、1.12万亿元、5000亿元: central, local, bonds) or ``units
    differ``; "" when they compare or one is missing."""
    old, new = row.values("old", "target"), row.values("new", "target")
    if not old or not new or target_change(row)[1] is not None:
        return ""
    return "several figures" if len(old) > 1 or len(new) > 1 else "units differ"


def change_word(row: MetricRow) -> str:
    """What the arrow means in words: ``smaller decline`` / ``larger decline`` for declines,
    "" when the arrow alone is clear (a higher or lower rate, level or count)."""
    _arrow, diff = target_change(row)
    if diff is None or not diff or not _is_decline(row):
        return ""
    return "larger decline" if diff > 0 else "smaller decline"


@record
class Headline:
    """One headline indicator: each report's review-year actual beside its plan-year target.

    ``outcome`` says whether the old target was met when the new report reviews the old
    report's plan year (``met`` / ``missed``), else "".
    """

    row: MetricRow
    arrow: str
    diff: float | None
    word: str
    outcome: str = ""

    def figures(self, doc: DocKey, kind: Kind) -> tuple[Observation, ...]:
        """The figures of one report and kind (``actual`` or ``target``)."""
        return self.row.values(doc, kind)


def _outcome(c: Comparison, row: MetricRow) -> str:
    """``met`` / ``missed`` when the new report's actual is for the old target's year."""
    if not c.old.plan_year or c.old.plan_year != c.new.review_year:
        return ""
    target = row.values("old", "target")
    actual = row.values("new", "actual")
    if len(target) != 1 or len(actual) != 1 or target[0].unit != actual[0].unit:
        return ""
    goal, got = _point(target[0]), _point(actual[0])
    if _is_decline(row) or target[0].direction < 0:
        return "met" if got <= goal + 1e-9 else "missed"
    return "met" if got >= goal - 1e-9 else "missed"


def headlines(c: Comparison) -> tuple[Headline, ...]:
    """The headline targets with their actuals, change and, where knowable, outcome."""
    out = []
    for row in headline_targets(c):
        arrow, diff = target_change(row)
        out.append(Headline(row, arrow, diff, change_word(row), _outcome(c, row)))
    return tuple(out)


def one_sided_targets(c: Comparison) -> tuple[tuple[MetricRow, DocKey], ...]:
    """Indicators followed in both reports whose plan-year target only one report sets,
    with the report that sets it (``2026 sets no target for 地方财政收入``)."""
    out: list[tuple[MetricRow, DocKey]] = []
    for row in c.metrics:
        if not in_both(row):
            continue
        old, new = row.values("old", "target"), row.values("new", "target")
        if bool(old) != bool(new):
            out.append((row, "old" if old else "new"))
    return tuple(out)


def headline_targets(c: Comparison) -> tuple[MetricRow, ...]:
    """Indicators with a plan-year target in both reports: comparable ones (one target each,
    same unit) first, each group in report order."""
    both = [r for r in c.metrics if r.values("old", "target") and r.values("new", "target")]
    comparable = [r for r in both if target_change(r)[1] is not None]
    return tuple(comparable + [r for r in both if r not in comparable])


def by_size_of_change(shares: tuple[TopicShare, ...]) -> list[TopicShare]:
    """Topics by the size of their change of share, largest first (a gain before a loss of the
    same size): the order of the Priorities tab and of the Overview's shifts."""
    return sorted(shares, key=lambda t: (-abs(t.change_pp), -t.change_pp, t.topic))


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
    """Sections (down to nesting ``max_level``) added in the new report and dropped from the old.

    An appendix's entries (a glossary's ``1.“岳山造林”`` under ``附件1``/``名词解释``) are no
    headline: a report that has a glossary and one that has none would list every term."""
    shallow = [
        p
        for p in c.alignment
        if p.level <= max_level
        and not any(_in_appendix(c.doc(sid.split(":")[0]), sid) for sid in p.old + p.new)
    ]
    return (
        tuple(p for p in shallow if p.status == "added"),
        tuple(p for p in shallow if p.status == "removed"),
    )


def _in_appendix(doc: Document, section_id: str) -> bool:
    """Is this section an appendix or inside one (附件1, 名词解释)?"""
    top = doc.section(section_id)
    while top.parent is not None:
        top = doc.section(top.parent)
    return APPENDIX.fullmatch(top.title) is not None


def slogan_changes(
    c: Comparison, n: int = 8, *, with_terms: bool = False
) -> tuple[tuple[PhraseRow, ...], tuple[PhraseRow, ...]]:
    """The most distinctive slogans that are new, and those that are gone (``with_terms``: key
    terms too, after the slogans), by :attr:`~lingdiff.model.PhraseRow.score`."""

    def top(status: str) -> tuple[PhraseRow, ...]:
        rows = [
            p for p in c.phrases if p.status == status and (with_terms or p.kind in SLOGAN_KINDS)
        ]
        rows.sort(key=lambda p: (p.kind not in SLOGAN_KINDS, -p.score, p.phrase))
        return tuple(rows[:n])

    return top("added"), top("removed")


def kept_changes(phrases: Sequence[PhraseRow], n: int = 8) -> tuple[PhraseRow, ...]:
    """The phrases used in both reports whose use changed most (by
    :attr:`~lingdiff.model.PhraseRow.score`), at least doubled or halved."""
    rows = [
        p
        for p in phrases
        if p.status == "kept" and max(p.old_count, p.new_count) >= 2 * min(p.old_count, p.new_count)
    ]
    return tuple(sorted(rows, key=lambda p: (-p.score, p.phrase))[:n])


def overview(c: Comparison) -> Overview:
    """All the headlines of a comparison."""
    gains, losses = priority_shifts(c)
    added, removed = section_changes(c)
    new, gone = slogan_changes(c)
    lines = headlines(c)
    targets = tuple(h.row for h in lines)
    replaced = tuple(p for p in c.phrases if p.replaced_by)
    return Overview(
        targets,
        gains,
        losses,
        added,
        removed,
        new,
        gone,
        lines,
        one_sided_targets(c),
        kept_changes(c.phrases),
        replaced,
    )
