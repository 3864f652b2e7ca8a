"""Sections -> sentences: each sentence with its offsets and its innermost section."""

from __future__ import annotations

import re
from itertools import pairwise

from ..model import DocKey, Section, Sentence

_SENT_END = re.compile(r"[。！？]+[”’」』）]*|\n")


def split_sentences(
    key: DocKey,
    text: str,
    norm: str,
    sections: list[Section],
    joined: tuple[int, int] | None = None,
) -> list[Sentence]:
    """Split at 。！？ and line ends, and at every heading start; assign the deepest section.
    No cut falls inside ``joined`` (the line break of a wrapped title: end of its first
    line, start of its second)."""
    cuts = {s.start for s in sections} | {s.body_start for s in sections if s.inline}
    bounds: list[int] = [0]
    for m in _SENT_END.finditer(norm):
        if joined is None or not joined[0] <= m.start() < joined[1]:
            bounds.append(m.end())
    bounds.extend(cuts)
    bounds.append(len(norm))
    bounds = sorted(set(b for b in bounds if 0 <= b <= len(norm)))
    order = sorted(sections, key=lambda s: (s.start, -s.end))
    starts = {s.start for s in sections if s.number or s.title}
    out: list[Sentence] = []
    open_: list[Section] = []
    ptr = 0
    for a, b in pairwise(bounds):
        while a < b and text[a] in " \n\t\u3000":
            a += 1
        e = b
        while e > a and text[e - 1] in " \n\t\u3000":
            e -= 1
        if e <= a:
            continue
        while ptr < len(order) and order[ptr].start <= a:
            open_.append(order[ptr])
            ptr += 1
        while open_ and not open_[-1].start <= a < max(open_[-1].end, open_[-1].start + 1):
            open_.pop()
        sec = open_[-1] if open_ else None
        out.append(Sentence.cut(text, len(out), a, e, sec.id if sec else "", a in starts))
    return out
