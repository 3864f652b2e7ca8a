"""A ceiling on the number of sections: a file of a hundred thousand headings is read, not
aligned heading by heading.

Real reports have tens to a few hundred sections (the 63 corpus reports: at most ~130). Section
alignment, sentence alignment and the reports all work per section, so a file of nothing but
headings (or of 60k numbering levels) would cost minutes. Past :data:`MAX_SECTIONS`, the
deepest levels are folded into their parents: their headings stay in the text as sentences of
the parent, so no word is lost, and the outline says so in a warning. If even the top level is
too long, the top-level sections after the ceiling are folded into the last one kept.
"""

from __future__ import annotations

from collections import Counter

from ..model import Section
from ..records import replace

MAX_SECTIONS = 4000
"""Most sections an outline keeps (about 30 times the largest real report's)."""


def cap_sections(sections: list[Section], cap: int | None = None) -> tuple[list[Section], str]:
    """``sections`` with the deepest levels folded into their parents until at most ``cap``
    (default :data:`MAX_SECTIONS`) are left, and a warning that says what was done ("" when
    nothing was)."""
    cap = MAX_SECTIONS if cap is None else cap
    if len(sections) <= cap:
        return sections, ""
    per_level = Counter(s.level for s in sections)
    kept, depth = 0, 0
    for level in sorted(per_level):
        if kept + per_level[level] > cap:
            break
        kept, depth = kept + per_level[level], level
    if depth == 0:
        return _fold_top(sections, cap), _warning(len(sections), cap, 0)
    out = [
        replace(s, children=()) if s.level == depth and s.children else s
        for s in sections
        if s.level <= depth
    ]
    return out, _warning(len(sections), len(out), depth)


def _fold_top(sections: list[Section], cap: int) -> list[Section]:
    """The first ``cap`` top-level sections, the last one reaching to the end of the text."""
    top = [replace(s, children=()) for s in sections if s.parent is None]
    kept = top[:cap]
    kept[-1] = replace(kept[-1], end=max(s.end for s in top))
    return kept


def _warning(total: int, kept: int, depth: int) -> str:
    levels = f"headings below level {depth}" if depth else "every top-level heading after it"
    return (
        f"{total} headings: more than lingdiff aligns one by one; "
        f"{kept} sections kept, {levels} compared as text of the section above"
    )
