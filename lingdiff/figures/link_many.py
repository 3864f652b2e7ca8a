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
   year in the two groups (two indicators, as in :mod:`.link`);
5. a researcher's corrections for two of the reports (:mod:`lingdiff.overrides`) come last
   and first: an ``unlink`` refuses every join that would put the two named indicators in one
   group, a ``link`` joins them whatever the rules say.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..lexicon import unit_family
from ..model import Observation
from ..records import record, replace
from .link import link_observations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from ..overrides import Corrections

Tag = tuple[int, str, str]
"""An indicator as a correction names it: (report index, indicator name, measure)."""


@record
class LinkedGroup:
    """The observations of one indicator across N reports: ``(report index, observation)``."""

    observations: tuple[tuple[int, Observation], ...]
    override: str = ""
    """``link`` when a researcher's correction joined the group, ``unlink`` when one kept
    a join from it; "" otherwise."""

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
        self.tags: list[set[Tag]] = [{(r, o.indicator, o.measure)} for r, o in items]
        self.apart: set[frozenset[Tag]] = set()
        """Pairs of indicators a correction keeps in different groups."""
        self.marks: dict[int, str] = {}

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int, *, check: bool = True, force: bool = False) -> None:
        """Join two groups, unless their codes differ, (``check``) their values conflict, or
        a correction keeps them apart; ``force`` (a correction's link) joins them anyway."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if not force and self.code[ra] and self.code[rb] and self.code[ra] != self.code[rb]:
            return
        if not force and check and self._conflict(ra, rb):
            return
        if not force and self.apart and self._kept_apart(ra, rb):
            self.marks[ra] = self.marks.get(ra) or "unlink"
            self.marks[rb] = self.marks.get(rb) or "unlink"
            return
        self.parent[rb] = ra
        self.tags[ra] |= self.tags[rb]
        if rb in self.marks:
            self.marks[ra] = self.marks.get(ra) or self.marks[rb]
        self.code[ra] = self.code[ra] or self.code[rb]
        for key, vals in self.values[rb].items():
            self.values[ra].setdefault(key, set()).update(vals)

    def _kept_apart(self, ra: int, rb: int) -> bool:
        return any(frozenset((a, b)) in self.apart for a in self.tags[ra] for b in self.tags[rb])

    def _conflict(self, ra: int, rb: int) -> bool:
        mine = self.values[ra]
        return any(key in mine and not (mine[key] & vals) for key, vals in self.values[rb].items())


def link_many(
    per_report: Sequence[Sequence[Observation]],
    corrections: Sequence[tuple[int, int, Corrections]] = (),
) -> tuple[LinkedGroup, ...]:
    """Group the observations of several reports (in year order) by indicator.

    ``corrections``: (earlier report's index, later report's index, their corrections).
    Groups come in the order their first observation appears (earliest report first), and
    each group's observations in report order, then text order.
    """
    items = [(r, o) for r, seq in enumerate(per_report) for o in seq]
    index = {(r, o.id): n for n, (r, o) in enumerate(items)}
    groups = _Groups(items)
    for a, b, fixes in corrections:
        for fix in fixes.unlink:
            for tag_a, tag_b in _named(items, a, b, fix.old, fix.new, fix.measure):
                groups.apart.add(frozenset((tag_a, tag_b)))
    first: dict[tuple[object, ...], int] = {}
    for n, (r, o) in enumerate(items):
        family = unit_family(o.unit)
        key = (
            ("code", o.code, o.measure, family)
            if o.code
            else ("name", o.indicator, o.measure, family)
        )
        # within the report first, so that a group an unlink keeps apart stays one group
        groups.union(first.setdefault((*key, r), n), n, check=False)
        groups.union(first.setdefault(key, n), n, check=False)
    for step in (1, 2):
        for a in range(len(per_report) - step):
            _link_pair(groups, index, a, a + step, per_report[a], per_report[a + step])
    for a, b, fixes in corrections:
        for fix in fixes.link:
            _join(groups, items, a, b, fix.old, fix.new, fix.measure)
    members: dict[int, list[int]] = {}
    for n in range(len(items)):
        members.setdefault(groups.find(n), []).append(n)
    ordered = sorted(members.values(), key=lambda ns: ns[0])
    return tuple(
        LinkedGroup(tuple(items[n] for n in ns), groups.marks.get(groups.find(ns[0]), ""))
        for ns in ordered
    )


def _named(
    items: list[tuple[int, Observation]], a: int, b: int, old: str, new: str, measure: str
) -> list[tuple[Tag, Tag]]:
    """The indicator of report ``a`` named ``old`` and of ``b`` named ``new``, as tags (one
    pair per measure both state, or only ``measure`` when given)."""
    measures = {
        o.measure
        for r, o in items
        if r == a and o.indicator == old and (not measure or o.measure == measure)
    }
    return [((a, old, m), (b, new, m)) for m in sorted(measures)]


def _join(
    groups: _Groups,
    items: list[tuple[int, Observation]],
    a: int,
    b: int,
    old: str,
    new: str,
    measure: str,
) -> None:
    """Put every figure of ``old`` in report a and of ``new`` in report b in one group."""
    named = [
        n
        for n, (r, o) in enumerate(items)
        if ((r, o.indicator) in ((a, old), (b, new))) and (not measure or o.measure == measure)
    ]
    if not any(items[n][0] == a for n in named) or not any(items[n][0] == b for n in named):
        return
    for n in named[1:]:
        groups.union(named[0], n, force=True)
    groups.marks[groups.find(named[0])] = "link"


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
