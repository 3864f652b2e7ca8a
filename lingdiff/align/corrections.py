"""A researcher's corrections of the section alignment: pairs to make, pairs never to make.

Every step of :mod:`lingdiff.align.sections` asks :class:`SectionFixes` first: a pair ruled
out (``unpair``) scores zero everywhere, so the two sections never end up in one pair (each
may still find another counterpart); a forced pair (``pair``) outscores anything when its two
sections meet in one step, and neither section pairs with anything else. A forced pair whose
sections never meet (different parents or depths) is made at the end by :func:`apply_fixes`:
both sections (and their sub-items) leave the pairs they were in, and the new pair stands
under the old section's parent pair, nested like any pair. Pairs made by a correction are
marked ``override = "pair"``; sections left single by an ``unpair`` ``override = "unpair"``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from ..model import Document, SectionPair
from ..records import field, record
from .groups import Group, heading_label

if TYPE_CHECKING:
    from ..overrides import Corrections
    from .sections import _Aligner

FORCED_SCORE = 10.0
"""The score a forced pair has in the assignment steps (real scores are 0–1)."""


@record
class SectionFixes:
    """Section ids (``old:3.1``, ``new:2.4``) to pair, and pairs never to make."""

    pairs: tuple[tuple[str, str], ...] = ()
    unpairs: frozenset[tuple[str, str]] = frozenset()
    _partner: dict[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        partner = {}
        for o, n in self.pairs:
            partner[o], partner[n] = n, o
        object.__setattr__(self, "_partner", partner)

    def allowed(self, o: str, n: str) -> bool:
        """May ``o`` and ``n`` be in one pair? Not when ruled out, nor when either is forced
        to pair with another section."""
        if (o, n) in self.unpairs:
            return False
        return self._partner.get(o, n) == n and self._partner.get(n, o) == o

    def forced(self, o: str, n: str) -> bool:
        """Is ``o`` with ``n`` a pair the researcher made?"""
        return self._partner.get(o) == n

    def touches(self, *ids: str) -> bool:
        """Does any correction name one of these sections?"""
        named = {s for pair in (*self.pairs, *self.unpairs) for s in pair}
        return any(s in named for s in ids)


def apply_fixes(al: _Aligner, top: list[Group]) -> None:
    """Make the forced pairs the steps could not make, and mark the unpaired sections."""
    for o, n in al.fixes.pairs:
        found = _find(top, o)
        if found and found[0].old == [o] and found[0].new == [n]:
            continue
        _force(al, top, o, n)
    for o, n in al.fixes.unpairs:
        for sid in (o, n):
            found = _find(top, sid)
            if found and not (found[0].old and found[0].new):
                found[0].override = "unpair"


def _force(al: _Aligner, top: list[Group], o: str, n: str) -> None:
    sections = al.scorer.sections
    for sid in (o, n, *_descendants(al, o), *_descendants(al, n)):
        _detach(al, top, sid)
    group = al.group(o, n)
    host = _covering(al, top, sections[o].parent)
    new_parent = sections[n].parent
    if _covering(al, top, new_parent) is not host:
        group.moved = True
        if new_parent is not None:
            group.note = "moved: " + heading_label(sections[new_parent])
    (host.children if host else top).append(group)
    al.nest(group)


def _descendants(al: _Aligner, sid: str) -> Iterable[str]:
    for child in al.scorer.sections[sid].children:
        yield child
        yield from _descendants(al, child)


def _walk(groups: list[Group]) -> Iterable[tuple[Group, list[Group]]]:
    for g in groups:
        yield g, groups
        yield from _walk(g.children)


def _find(top: list[Group], sid: str) -> tuple[Group, list[Group]] | None:
    """The pair that names a section, and the list it stands in (None: covered by an
    ancestor's pair only)."""
    return next(((g, h) for g, h in _walk(top) if sid in g.old or sid in g.new), None)


def _covering(al: _Aligner, top: list[Group], sid: str | None) -> Group | None:
    """The pair that names a section or its nearest named ancestor (None: top level)."""
    while sid is not None:
        found = _find(top, sid)
        if found:
            return found[0]
        sid = al.scorer.sections[sid].parent
    return None


def _detach(al: _Aligner, top: list[Group], sid: str) -> None:
    """Take a section out of its pair; the rest of the pair is re-scored and re-nested, or
    stands alone (under its own parent's pair) when one side is left."""
    found = _find(top, sid)
    if found is None:
        return
    group, holder = found
    (group.old if sid.startswith("old:") else group.new).remove(sid)
    group.children = []
    if not group.old and not group.new:
        holder.remove(group)
    elif group.old and group.new:
        group.score = al.scorer.score(group.old, group.new)
        al.nest(group)
    else:
        group.score, group.note = 0.0, ""
        if group.moved or group.override:
            group.moved, group.override = False, ""
            holder.remove(group)
            rest = (group.old or group.new)[0]
            host = _covering(al, top, al.scorer.sections[rest].parent)
            (host.children if host else top).append(group)


def section_fixes_of(
    old: Document, new: Document, corrections: Corrections | None
) -> tuple[SectionFixes, list[str]]:
    """The section corrections as section ids, and notes on those naming no section."""
    notes: list[str] = []
    if corrections is None:
        return SectionFixes(), notes
    resolved: dict[str, list[tuple[str, str]]] = {"pair": [], "unpair": []}
    taken: set[str] = set()
    for kind in ("unpair", "pair"):
        for fix in corrections.fixes(kind):  # type: ignore[arg-type]
            o, n = f"old:{fix.old}", f"new:{fix.new}"
            missing = [s for s, doc in ((o, old), (n, new)) if s not in doc.section_map()]
            if missing:
                where = " and ".join(s.replace(":", " ", 1) for s in missing)
                notes.append(f"cannot {kind} old {fix.old} with new {fix.new}: no section {where}")
            elif kind == "pair" and (o in taken or n in taken):
                notes.append(f"cannot pair old {fix.old} with new {fix.new}: paired twice")
            else:
                taken.update((o, n) if kind == "pair" else ())
                resolved[kind].append((o, n))
    fixes = SectionFixes(tuple(resolved["pair"]), frozenset(resolved["unpair"]))
    return fixes, notes


def _label(kind: str, o: str, n: str) -> str:
    return f"{kind} {o.replace(':', ' ', 1)} with {n.replace(':', ' ', 1)}"


def applied_section_fixes(pairs: Sequence[SectionPair], fixes: SectionFixes) -> list[str]:
    """The section corrections the alignment obeys, one line each."""
    together = {(o, n) for p in pairs for o in p.old for n in p.new}
    made = [_label("pair", o, n) for o, n in fixes.pairs if (o, n) in together]
    kept = [_label("unpair", o, n) for o, n in sorted(fixes.unpairs) if (o, n) not in together]
    return [*made, *kept]


def unmet_section_fixes(pairs: Sequence[SectionPair], fixes: SectionFixes) -> list[str]:
    """Forced pairs the alignment could not make (a section covered by another's pair)."""
    together = {(o, n) for p in pairs for o in p.old for n in p.new}
    return [f"cannot {_label('pair', o, n)}" for o, n in fixes.pairs if (o, n) not in together]
