"""What a correction key (``a`` pair/link with…, ``x`` unpair/unlink) means for the thing under
the cursor: the corrections to record and the counterparts to choose from. Pure: no textual.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..model import DocKey, MetricRow, SectionPair
from ..overrides import Fix, Kind
from .index import ComparisonIndex


@dataclass(frozen=True)
class Choice:
    """A counterpart to choose: its id, how it is listed, and the correction it makes."""

    id: str
    label: str
    fix: Fix


@dataclass(frozen=True)
class Offer:
    """What ``a`` offers on the thing under the cursor: a title and the choices."""

    kind: Kind
    title: str
    choices: tuple[Choice, ...]
    current: str | None = None


def _number(section_id: str) -> str:
    return section_id.split(":", 1)[1]


def pair_offer(index: ComparisonIndex, pair: SectionPair) -> Offer | None:
    """Pair the one section on a side of this pair with any section of the other report
    (None when both sides hold several sections: no one section to pair)."""
    side: DocKey = "old" if len(pair.old) == 1 else "new"
    if len(pair.old) != 1 and len(pair.new) != 1:
        return None
    source = (pair.old if side == "old" else pair.new)[0]
    other: DocKey = "new" if side == "old" else "old"
    partners = pair.new if side == "old" else pair.old
    choices = []
    for sec in index.comparison.doc(other).sections:
        label = "  " * (sec.level - 1) + f"{other} {index.section_title(other, sec.id)}"
        o, n = (source, sec.id) if side == "old" else (sec.id, source)
        choices.append(Choice(sec.id, label, Fix(_number(o), _number(n))))
    title = f"Pair {side} {index.section_title(side, source)} with…"
    return Offer("pair", title, tuple(choices), partners[0] if partners else None)


def unpair_fixes(pair: SectionPair) -> tuple[Fix, ...]:
    """Keep every section of one side of this pair from every section of the other."""
    return tuple(Fix(_number(o), _number(n)) for o in pair.old for n in pair.new)


def main_name(row: MetricRow, doc: DocKey) -> str:
    """The name a report gives an indicator most often in this row ("" if it has none)."""
    names = Counter(o.indicator for o in row.observations if o.doc == doc)
    return names.most_common(1)[0][0] if names else ""


def link_offer(rows: tuple[MetricRow, ...], row: MetricRow) -> Offer:
    """Link this row's figures of one report (the old one when it has some) with any row
    holding figures of the other report."""
    side: DocKey = "old" if main_name(row, "old") else "new"
    other: DocKey = "new" if side == "old" else "old"
    source = main_name(row, side)
    choices = []
    for r in rows:
        name = main_name(r, other)
        if not name or r.id == row.id:
            continue
        both = "" if main_name(r, side) else f" (only in the {other} report)"
        old, new = (source, name) if side == "old" else (name, source)
        measure = row.measure if r.measure == row.measure else ""
        choices.append(Choice(r.id, f"{name} · {r.measure}{both}", Fix(old, new, measure)))
    title = f"Link {side} {source} ({row.measure}) with the {other} report's…"
    return Offer("link", title, tuple(choices))


def unlink_fix(row: MetricRow) -> Fix | None:
    """Split this row into its old and new figures (None when it holds one report's only)."""
    old, new = main_name(row, "old"), main_name(row, "new")
    return Fix(old, new, row.measure) if old and new else None


def describe(kind: Kind, fix: Fix) -> str:
    """A correction in words, for a notification."""
    return f"{kind} old {fix.old} with new {fix.new}"
