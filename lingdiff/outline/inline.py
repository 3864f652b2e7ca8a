"""Inline headings: numbered markers inside a paragraph, and unnumbered inline sub-headings
(short sentences, at least two in a section) that form tiers of their own. A short sentence on
a line of its own counts as one that opens its paragraph; a top-level part without numbered
items takes such sub-headings too, when at least four of its paragraphs open with one."""

from __future__ import annotations

import re
from itertools import pairwise

from ..lexicon import HEADING_INLINE, heading_numeral
from .nodes import ADDRESS, Node, find_family, open_heading, paren_family, pop_to

_BARE_BAD = re.compile(r"[，、；：,;:\d%（）()—]|[a-zA-Z]")


TOP_BARE_MIN = 4
"""Fewest paragraph-opening sub-headings that make the items of a part with no numbered items
(``生态环境在担当作为中提质增优。…``, ``生态底色更加亮丽。`` on a line of its own)."""

_REVIEW_HEADING = re.compile(
    r"这是[^，、；：,;:\d]{2,20}的(?:五|一)年|(?:这五年|五年来|过去五年)，[^。；：;:\d%]{8,48}"
)
"""A five-year (or one-year) review's heading line: ``这是改革开放步伐显著加快的五年。``, or
``这五年，我们…，民生福祉得到新改善。`` (one sentence on a line of its own)."""
_FIVE_YEAR_CLAUSES = re.compile(r"(?:这五年|五年来|过去五年)，")
"""The second form above, taken only beside numbered items: in a part of unnumbered
sub-headings (Hainan 2026) such a line heads a group of them, not one more of them."""
_ADDRESS_LINE = re.compile(rf"\n(?={ADDRESS.pattern})")
REVIEW_HEADINGS_MIN = 3
"""Fewest review heading lines that make sections of a part that also has numbered items."""

_BARE_STARTS = ("同时", "此外", "其中", "但", "我们", "这", "因此", "所以", "并", "而", "也")


# Narrative words mark a statement of fact, not a heading ("…预计明年底建成").
_NARRATIVE = re.compile(r"预计|已经|已|将|了|正在|目前|年底|明年|今年|去年|被|的是")


_CLAUSE_END = re.compile(r"[。！？；]+[”’」』）]*|\n")
_INNER_MARK = re.compile(r"[。；！？：，]")
"""What an inline marker (:data:`~lingdiff.lexicon.HEADING_INLINE`) must follow."""


def inline_pass(
    norm: str, stack: list[Node], start: int, end: int, pi: int, *, headed: bool = True
) -> None:
    """Find inline numbered headings and unnumbered sub-headings inside one paragraph's text.

    ``headed``: the paragraph opens with a heading. In a paragraph of running text
    (``我们也清醒地认识到…一是…；二是…``) an ``一是`` series is a list inside the paragraph,
    not a run of sections.

    Works on the open-heading ``stack`` itself: a heading closed here (``一是`` by ``二是``)
    must not be closed again, later, at a further position.
    """
    owner = stack[-1]
    events: list[tuple[str, int | None, int, int]] = []
    # an inline marker follows one of these, a bare sub-heading ends with 。: a line without
    # them (a heading of a file of headings) has neither
    if _INNER_MARK.search(norm, max(start - 1, 0), end):
        events = _inline_events(norm, owner, start, end)
        if not headed:
            events = [e for e in events if e[0] != "enum"]
        para_start = start == 0 or norm[start - 1] == "\n"
        owner.bare.extend(_bare_candidates(norm, start, end, events, para_start))
    for family, value, pos, marker_end in events:
        if family == "enum":
            same = find_family(stack, "enum")
            if same is not None:
                pop_to(stack, stack.index(same), pos)
        _open_inline(norm, stack, family, value, pos, marker_end, end, pi)
    while len(stack) > 1 and stack[-1].family == "enum":  # enumerations end with their paragraph
        stack.pop().end = end


def _owner_stack(owner: Node) -> list[Node]:
    chain: list[Node] = []
    node: Node | None = owner
    while node is not None:
        chain.append(node)
        node = node.parent
    return list(reversed(chain))


def _open_inline(
    norm: str,
    stack: list[Node],
    family: str,
    value: int | None,
    pos: int,
    marker_end: int,
    para_end: int,
    pi: int,
) -> None:
    open_heading(
        norm, stack, family, value, (pos, marker_end, para_end), pi, inline=True, closing_at=pos
    )


def _inline_events(
    norm: str, owner: Node, start: int, end: int
) -> list[tuple[str, int | None, int, int]]:
    """Inline markers that continue a series open here (or start one at 1)."""
    last: dict[str, int] = {}
    for node in _owner_stack(owner)[1:]:  # the owner itself may be an item of the series
        if node.value is not None:
            last[node.family] = node.value
    for child in owner.children:
        if child.value is not None:
            last[child.family] = child.value
    events: list[tuple[str, int | None, int, int]] = []
    for m in HEADING_INLINE.finditer(norm, start, end):
        group = next(f for f in ("arabic", "paren", "circled", "enum") if m.group(f))
        value = heading_numeral(m.group(group))
        family = paren_family(m.group(group)) if group == "paren" else group
        if value is None:
            continue
        if value not in (1, last.get(family, 0) + 1):
            continue
        pos = m.start(group)
        if group == "paren":
            pos = m.start("paren") - 1
        elif family == "enum" and norm[pos - 1 : pos] == "其":
            pos -= 1
        marker_end = m.end(group) + (1 if group in ("arabic", "paren") else 0)
        if family == "enum":
            marker_end = m.end(group) + 1
        last[family] = value
        events.append((family, value, pos, marker_end))
    return events


def _bare_candidates(
    norm: str,
    start: int,
    end: int,
    events: list[tuple[str, int | None, int, int]],
    para_start: bool,
) -> list[tuple[int, int, str, bool]]:
    """Short heading-like sentences (no commas, figures or connectives) in a paragraph."""
    enum_from = min((pos for fam, _, pos, _ in events if fam == "enum"), default=end)
    out: list[tuple[int, int, str, bool]] = []
    pos = start
    for m in _CLAUSE_END.finditer(norm, start, end):
        s, e = pos, m.start()
        pos = m.end()
        body = norm[s:e].strip()
        if not body or s >= enum_from or m.group().startswith("\n"):
            continue
        alone = para_start and s == start and pos >= end and len(body) >= 4
        if not m.group().startswith("。") or (pos >= end and not alone):
            continue  # a full sentence followed by more text, or a line of its own
        if alone and _REVIEW_HEADING.fullmatch(body):
            out.append((s, e, body, True))  # 这是综合经济实力显著提升的五年。 (a review's heading)
            continue
        if not 2 <= len(body) <= 15 or _BARE_BAD.search(body) or body.startswith(_BARE_STARTS):
            continue
        if _NARRATIVE.search(body):
            continue
        if any(p <= s < q for _, _, p, q in events) or any(p == s for _, _, p, _ in events):
            continue
        out.append((s, e, body, para_start and s == start))
    return out


def finish_ends(node: Node, limit: int) -> None:
    for child in node.children:
        if child.end < 0:
            child.end = limit
        finish_ends(child, child.end)


def apply_bare(root: Node, norm: str) -> None:
    """Turn accepted unnumbered sub-headings into sections (see the module docstring)."""
    for owner in _walk(root):
        cands, owner.bare = owner.bare, []
        if not cands or _depth(owner) < 1 or owner.family in ("enum", "dash", "bare"):
            continue
        if _depth(owner) < 2 and owner.children:
            _review_headings(owner, cands, norm)
            continue
        cands = [c for c in cands if not _FIVE_YEAR_CLAUSES.match(c[2])]
        if _depth(owner) < 2 and sum(c[3] for c in cands) < TOP_BARE_MIN:
            continue  # a part's own sub-headings: every one opens a paragraph, none numbered
        cands = [c for c in cands if not _interrupts_series(owner, c[0])]
        cands = [c for c in cands if _innermost(owner, c[0]) is owner or _numbered_leaf(owner, c)]
        openers = [c for c in cands if c[3]]
        if len(openers) >= 2:
            # Each paragraph opens with its sub-heading: only those count, all on one tier.
            _insert_bare(owner, [c[:3] for c in openers], tiered=False)
        elif len(cands) >= 2:
            # Sub-headings run inside one long paragraph: related ones form the top tier.
            _insert_bare(owner, [c[:3] for c in cands], tiered=True)


def _review_headings(owner: Node, cands: list[tuple[int, int, str, bool]], norm: str) -> None:
    """A part with numbered items whose five-year review runs under heading lines of their
    own (Yunnan 2026: six ``这五年，我们…。`` lines, then ``（一）``–``（七）`` on 2025;
    Guangdong 2026: ``一是``–``六是`` on 2025, then seven ``这是…的五年。`` lines): the
    lines are sections beside the numbered items, each running to the next heading or to the
    next paragraph addressed to ``各位代表`` (the part's own text again), and none is taken
    inside a numbered item's paragraphs of its own."""
    lines = [c for c in cands if c[3] and _REVIEW_HEADING.fullmatch(c[2])]
    lines = [c for c in lines if all(not (k.start < c[0] < k.end) for k in owner.children)]
    if len(lines) < REVIEW_HEADINGS_MIN:
        return
    starts = sorted([k.start for k in owner.children] + [c[0] for c in lines])
    for s, e, body, _ in lines:
        nxt = next((x for x in starts if x > s), owner.end)
        address = _ADDRESS_LINE.search(norm, e, nxt)
        end = address.end() if address is not None else nxt
        node = Node("bare", None, "", body, s, e + 1, -1, True, end=end, parent=owner)
        owner.children.append(node)
    owner.children.sort(key=lambda n: n.start)
    _trim_numbered(owner)


def _depth(node: Node) -> int:
    depth = 0
    while node.parent is not None:
        depth += 1
        node = node.parent
    return depth


def _walk(node: Node) -> list[Node]:
    out = [node]
    for child in node.children:
        out.extend(_walk(child))
    return out


def _innermost(owner: Node, pos: int) -> Node:
    for child in owner.children:
        if child.start <= pos < child.end:
            return _innermost(child, pos)
    return owner


def _numbered_leaf(owner: Node, cand: tuple[int, int, str]) -> bool:
    inner = _innermost(owner, cand[0])
    numbered = ("arabic", "paren_cn", "paren_num", "circled")
    return inner.family in numbered and inner.inline and inner is not owner


def _interrupts_series(owner: Node, pos: int) -> bool:
    """True when a numbered series continues after ``pos`` (the sentence is an item's body)."""
    kids = owner.children
    for a, b in pairwise(kids):
        same_series = a.family == b.family and a.value is not None and b.value == a.value + 1
        if same_series and a.start < pos < b.start:
            return True
    for child in kids:
        if child.start <= pos < child.end and child.children and _interrupts_series(child, pos):
            return True
    return any(child.family == "enum" and child.start <= pos < child.end for child in kids)


def _related(a: str, b: str) -> bool:
    return a[:2] == b[:2] or a[-2:] == b[-2:]


def _insert_bare(owner: Node, cands: list[tuple[int, int, str]], *, tiered: bool) -> None:
    first = cands[0][2]
    family = [c for c in cands if _related(c[2], first)]
    tiered = tiered and len(family) >= 2
    top_ids = {c[0] for c in family} if tiered else {c[0] for c in cands}
    numbered = [c for c in owner.children if c.start >= cands[0][0]]
    kept = [c for c in owner.children if c.start < cands[0][0]]
    tops: list[Node] = []
    for s, e, body in cands:
        node = Node("bare", None, "", body, s, e + 1, -1, True, parent=owner)
        if s in top_ids:
            tops.append(node)
        else:
            node.tier = 1
            parent = tops[-1] if tops else owner
            node.parent = parent
            parent.children.append(node)
    owner.children = kept + tops
    for i, top in enumerate(tops):
        top.end = tops[i + 1].start if i + 1 < len(tops) else owner.end
        # sub-tier bare nodes were attached above; fix their ends
        subs = top.children
        for j, sub in enumerate(subs):
            sub.end = subs[j + 1].start if j + 1 < len(subs) else top.end
    for child in numbered:
        _adopt(owner, tops, child)
    _trim_numbered(owner)


def _adopt(owner: Node, tops: list[Node], child: Node) -> None:
    for top in tops:
        if top.start <= child.start < top.end:
            host: Node = top
            for sub in top.children:
                if sub.family == "bare" and sub.start <= child.start < sub.end:
                    host = sub
            child.parent = host
            host.children.append(child)
            host.children.sort(key=lambda n: n.start)
            if child.end > host.end:
                child.end = host.end
            return
    child.parent = owner
    owner.children.append(child)
    owner.children.sort(key=lambda n: n.start)


def _trim_numbered(node: Node) -> None:
    for i, child in enumerate(node.children):
        nxt = node.children[i + 1].start if i + 1 < len(node.children) else node.end
        if child.end > nxt or child.end < 0:
            child.end = nxt
        _trim_numbered(child)
