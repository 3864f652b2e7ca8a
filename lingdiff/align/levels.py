"""Alignment step 7: sections whose level or part type changed between the reports.

A part typed differently in the two reports (``plan`` in one, ``other`` in the other) but
headed the same (``全面加强政府自身建设``) is one pair; a part that became an item of another
part (demoted), or an item that became a part (promoted), is found by its heading. Part typing
and depth never block a pair that the headings make plain. See :mod:`.sections` for steps 1–6.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .groups import Group, heading_label

if TYPE_CHECKING:
    from .sections import _Aligner

LEVEL_TITLE_MIN = 0.8
"""Least heading similarity (Dice of bigrams) of a section found one level up or down (step 7):
the heading, not the content, is what survives a promotion or demotion."""


def link_level_changes(al: _Aligner, top: list[Group]) -> None:
    """Step 7: a part that became an item of another part (demoted), or an item that
    became a part (promoted), found by its heading: ``三、全面加强政府自身建设`` and
    ``（八）全面加强政府自身建设`` are one section whatever their parts are typed."""
    _link_retyped(al, top)
    for demote in (True, False):
        loose_top = _loose_top(top, old_side=demote)
        if not loose_top:
            continue
        items = _single_items(top, old_side=not demote)
        for sid, holder in loose_top:
            best = max(
                items,
                key=lambda it, sid=sid: (al.scorer.title([sid], [it[0]]), -al.order[it[0]]),
                default=None,
            )
            if best is None or al.scorer.title([sid], [best[0]]) < LEVEL_TITLE_MIN:
                continue
            if not al.fixes.allowed(*((sid, best[0]) if demote else (best[0], sid))):
                continue
            item, single, parent = best
            items.remove(best)
            _detach(al, sid, holder, top)
            parent.children.remove(single)
            o, n = (sid, item) if demote else (item, sid)
            group = Group([o], [n], al.scorer.score([o], [n]))
            group.note = ("demoted to " if demote else "promoted from ") + heading_label(
                al.scorer.sections[item]
            )
            (parent.children if demote else top).append(group)
            al.nest(group)


def _link_retyped(al: _Aligner, top: list[Group]) -> None:
    """Parts typed differently in the two reports (plan in one, other in the other) but
    headed the same (``全面加强政府自身建设``) are one pair: part typing never blocks it."""
    news = _loose_top(top, old_side=False)
    for sid, holder in _loose_top(top, old_side=True):
        best = max(
            news,
            key=lambda it, sid=sid: (al.scorer.title([sid], [it[0]]), -al.order[it[0]]),
            default=None,
        )
        if best is None or al.scorer.title([sid], [best[0]]) < LEVEL_TITLE_MIN:
            continue
        if not al.fixes.allowed(sid, best[0]):
            continue
        news.remove(best)
        _detach(al, sid, holder, top)
        _detach(al, best[0], best[1], top)
        group = Group([sid], [best[0]], al.scorer.score([sid], [best[0]]))
        group.note = "same heading, parts typed differently"
        top.append(group)
        al.nest(group)


def _loose_top(top: list[Group], *, old_side: bool) -> list[tuple[str, Group]]:
    """Top-level sections of one side that are single, or joined to another part's pair."""
    out = []
    for group in top:
        side, other = (group.old, group.new) if old_side else (group.new, group.old)
        if not other:
            out.extend((sid, group) for sid in side)
        elif len(side) > 1:
            out.extend((sid, group) for sid in side[1:])
    return out


def _single_items(top: list[Group], *, old_side: bool) -> list[tuple[str, Group, Group]]:
    """Second-level sections of one side left single: (id, its group, the parent pair)."""
    out = []
    for group in top:
        for child in group.children:
            side, other = (child.old, child.new) if old_side else (child.new, child.old)
            if len(side) == 1 and not other:
                out.append((side[0], child, group))
    return out


def _detach(al: _Aligner, sid: str, holder: Group, top: list[Group]) -> None:
    for side in (holder.old, holder.new):
        if sid in side:
            side.remove(sid)
    if holder.old or holder.new:
        holder.score = al.scorer.score(holder.old, holder.new) if holder.old and holder.new else 0.0
    else:
        top.remove(holder)
