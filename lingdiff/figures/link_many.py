"""Linking the figures of N reports (a series) into one group per indicator.

Built on the two-report linking of :mod:`.link`, so the same rules decide (drift in wording
links, a swapped word or a population modifier never does):

1. observations that carry a codebook ``code`` link by ``code`` + ``measure`` + unit family,
   and two groups with different codes never join;
2. the rest link by exact (indicator, measure, unit family) across every report;
3. then :func:`~.link.link_observations` runs on each pair of neighbouring reports (and the
   reports two apart, so one report that does not mention an indicator does not cut its
   chain), and each of its rows joins its observations;
4. a join is refused when one report would then hold different values for the same kind and
   year in the two groups (two indicators, as in :mod:`.link`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..lexicon import unit_family
from ..model import Observation
from .link import link_observations


@dataclass(frozen=True)
class LinkedGroup:
    """The observations of one indicator across N reports: ``(report index, observation)``."""

    observations: tuple[tuple[int, Observation], ...]

    @property
    def code(self) -> str:
        """The codebook id of the group ("" when none of its observations has one)."""
        return next((o.code for _, o in self.observations if o.code), "")


class _Groups:
    """Union-find over observation positions, with the values each group states."""

    def __init__(self, items: list[tuple[int, Observation]]) -> None:
        self.parent = list(range(len(items)))
        self.code = [o.code for _, o in items]
        self.values: list[dict[tuple[int, str, int | None], set[float]]] = [
            {(r, o.kind, o.year): {o.value}} for r, o in items
        ]

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int, *, check: bool = True) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if self.code[ra] and self.code[rb] and self.code[ra] != self.code[rb]:
            return
        if check and self._conflict(ra, rb):
            return
        self.parent[rb] = ra
        self.code[ra] = self.code[ra] or self.code[rb]
        for key, vals in self.values[rb].items():
            self.values[ra].setdefault(key, set()).update(vals)

    def _conflict(self, ra: int, rb: int) -> bool:
        mine = self.values[ra]
        return any(key in mine and not (mine[key] & vals) for key, vals in self.values[rb].items())


def link_many(per_report: Sequence[Sequence[Observation]]) -> tuple[LinkedGroup, ...]:
    """Group the observations of several reports (in year order) by indicator.

    Groups come in the order their first observation appears (earliest report first), and
    each group's observations in report order, then text order.
    """
    items = [(r, o) for r, seq in enumerate(per_report) for o in seq]
    index = {(r, o.id): n for n, (r, o) in enumerate(items)}
    groups = _Groups(items)
    first: dict[tuple[str, ...], int] = {}
    for n, (_r, o) in enumerate(items):
        family = unit_family(o.unit)
        key = (
            ("code", o.code, o.measure, family)
            if o.code
            else ("name", o.indicator, o.measure, family)
        )
        groups.union(first.setdefault(key, n), n, check=False)
    for step in (1, 2):
        for a in range(len(per_report) - step):
            _link_pair(groups, index, a, a + step, per_report[a], per_report[a + step])
    members: dict[int, list[int]] = {}
    for n in range(len(items)):
        members.setdefault(groups.find(n), []).append(n)
    ordered = sorted(members.values(), key=lambda ns: ns[0])
    return tuple(LinkedGroup(tuple(items[n] for n in ns)) for ns in ordered)


def _link_pair(
    groups: _Groups,
    index: dict[tuple[int, str], int],
    a: int,
    b: int,
    old: Sequence[Observation],
    new: Sequence[Observation],
) -> None:
    """Join the observations that :func:`link_observations` puts in one row for reports a, b."""
    tagged_old = [replace(o, doc="old") for o in old]
    tagged_new = [replace(o, doc="new") for o in new]
    for row in link_observations(tagged_old, tagged_new):
        ns = [index[(a if o.doc == "old" else b, o.id)] for o in row.observations]
        for n in ns[1:]:
            groups.union(ns[0], n)
