"""The outline under construction: :class:`Node` and the small operations every pass uses."""

from __future__ import annotations

import re

from ..records import field, record


@record(frozen=False, eq=False)
class Node:
    """A heading being placed: its family and numeral, where it stands, and its children.

    Compared by identity (``eq=False``): field-wise equality would walk whole subtrees on
    every ``in`` test and make building the outline quadratic.
    """

    family: str
    value: int | None
    number: str
    title: str
    start: int
    body_start: int
    paragraph: int
    inline: bool
    end: int = -1
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)
    one_paragraph: bool = True
    bare: list[tuple[int, int, str, bool]] = field(default_factory=list)
    tier: int = 0
    inline_run: tuple[int, Node | None] = (0, None)
    """How many leading children are known to be inline one-paragraph headings, and the last
    of them (so that a moved child is noticed; see :func:`.tree._in_inline_run`)."""


def paragraphs(norm: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos = 0
    for line in norm.split("\n"):
        if line:
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


HEADING_TITLE_MAX = 40
"""A heading sentence longer than this is cut at its first comma for a title (the rest is body
text run on after the heading); a shorter one is the title whole, up to its full stop."""


_FULL_STOP = re.compile(r"[。！？]")
_TITLE_CUT = re.compile(r"[，；：]")


def heading_title(norm: str, body: int, para_end: int, family: str) -> tuple[str, int]:
    """The title after a marker, and where the text after the title begins."""
    stop = para_end
    m = _FULL_STOP.search(norm, body, para_end)
    if m:
        stop = m.start()
    title = norm[body:stop]
    if len(title) > HEADING_TITLE_MAX:
        cut = _TITLE_CUT.search(title)
        if cut and cut.start() >= 2:
            title = title[: cut.start()]
    after = stop + 1 if m else para_end
    return title.strip(), min(after, para_end)


_TWIN = {"paren_cn": "paren_num", "paren_num": "paren_cn"}


"""Families that are one style written with two scripts: （一） and （1）."""


def paren_family(numeral: str) -> str:
    return "paren_num" if numeral.isascii() else "paren_cn"


def find_family(stack: list[Node], family: str, value: int | None = None) -> Node | None:
    """The open heading whose series a new heading continues, if any.

    ``（二）`` after ``（1）`` continues it (a slip of the script); ``（1）`` under
    ``（二）`` does not (it starts a list of its own).
    """
    for node in reversed(stack[1:]):
        if node.family == family:
            return node
    twin = _TWIN.get(family)
    if twin and value is not None and value >= 2:
        for node in reversed(stack[1:]):
            if node.family == twin and node.value == value - 1:
                return node
    return None


def _resumed_series(stack: list[Node], family: str, value: int | None) -> int | None:
    """Where a closed series resumes: the index in ``stack`` of the open heading whose last
    child of ``family`` is the item before ``value`` (``（十）`` after ``（九）``, when a list
    of ``1.``–``10.`` opened between them under an ``各位代表`` paragraph took the part's
    items' level), or None. The innermost such heading wins."""
    if value is None or value < 2:
        return None
    for i in range(len(stack) - 1, 0, -1):
        for child in reversed(stack[i].children):
            if child.family == family:
                if child.value == value - 1:
                    return i
                break
    return None


def pop_to(stack: list[Node], index: int, at: int) -> None:
    while len(stack) > index:
        stack.pop().end = at


ADDRESS = re.compile(r"各位代表[，！：,!:]")


def open_heading(
    norm: str,
    stack: list[Node],
    family: str,
    value: int | None,
    span: tuple[int, int, int],
    pi: int,
    *,
    inline: bool,
    closing_at: int,
) -> Node:
    """Open a heading found at ``span`` (marker start, marker end, paragraph end): an open
    series of the same family is continued (or restarted) at its level, closed at
    ``closing_at``; the new node becomes the innermost open heading."""
    start, marker_end, para_end = span
    same = find_family(stack, family, value)
    if same is not None:
        pop_to(stack, stack.index(same), closing_at)
    else:
        resumed = _resumed_series(stack, family, value)
        if resumed is not None:
            pop_to(stack, resumed + 1, closing_at)
    title, body = heading_title(norm, marker_end, para_end, family)
    parent = stack[-1]
    node = Node(family, value, "", title, start, body, pi, inline, parent=parent)
    node.number = norm[start:marker_end].strip()
    parent.children.append(node)
    stack.append(node)
    return node


def dismantle(root: Node) -> None:
    """Take the tree apart once its sections are made: parents and children refer to each
    other, so without this the whole tree (100,000 nodes in a file of headings) would wait for
    the cyclic collector, which :mod:`lingdiff.gcpause` holds off."""
    todo = [root]
    while todo:
        node = todo.pop()
        todo.extend(node.children)
        node.children = []
        node.parent = None
        node.inline_run = (0, None)
