"""A ceiling on the number of sections: a file of a hundred thousand headings is read, not
aligned heading by heading.

Real reports have tens to a few hundred sections (the 63 corpus reports: at most ~130). Section
alignment, sentence alignment and the reports all work per section, so a file of nothing but
headings (or of 60k numbering levels) would cost minutes. Past :data:`MAX_SECTIONS`, the
deepest levels are folded into their parents: their headings stay in the text as sentences of
the parent, so no word is lost, and the outline says so in a warning. If even the top level is
too long, the top-level sections after the ceiling are folded into the last one kept.

The ceiling is decided on the heading tree, before any :class:`~lingdiff.model.Section` is
made (:func:`.parts.flatten` makes only the sections kept): a file of 200,000 headings never
holds 200,000 section records.
"""

from __future__ import annotations

from collections import Counter

from .nodes import Node

MAX_SECTIONS = 4000
"""Most sections an outline keeps (about 30 times the largest real report's)."""


def level_counts(root: Node) -> Counter[int]:
    """How many headings the tree under ``root`` has at each level (its children: 1)."""
    counts: Counter[int] = Counter()
    todo = [(child, 1) for child in root.children]
    while todo:
        node, level = todo.pop()
        counts[level] += 1
        todo.extend((child, level + 1) for child in node.children)
    return counts


def levels_kept(per_level: Counter[int], cap: int | None = None) -> tuple[int | None, int]:
    """The deepest level kept so that at most ``cap`` (default :data:`MAX_SECTIONS`) sections
    are left, and ``cap``: the level is ``None`` when every section fits, 0 when even the top
    level is too long (then only its first ``cap`` sections are kept)."""
    cap = MAX_SECTIONS if cap is None else cap
    if sum(per_level.values()) <= cap:
        return None, cap
    kept, depth = 0, 0
    for level in sorted(per_level):
        if kept + per_level[level] > cap:
            break
        kept, depth = kept + per_level[level], level
    return depth, cap


def cap_warning(total: int, kept: int, depth: int) -> str:
    """What folding did: ``total`` headings, ``kept`` sections, levels below ``depth`` folded
    (every top-level heading after the last kept when ``depth`` is 0)."""
    levels = f"headings below level {depth}" if depth else "every top-level heading after it"
    return (
        f"{total} headings: more than lingdiff aligns one by one; "
        f"{kept} sections kept, {levels} compared as text of the section above"
    )
