"""Headings at the start of paragraphs and inline headings that continue a series -> the tree.

See the package docstring for the rules; :mod:`.inline` adds unnumbered inline sub-headings.
"""

from __future__ import annotations

import re

from ..lexicon import APPENDIX, HEADING_START, PART_LINE_WORDS, heading_numeral
from .inline import finish_ends, inline_pass
from .nodes import ADDRESS, Node, find_family, open_heading, paren_family, pop_to

PART_LINE_MAX = 40
"""Longest plain line read as a part heading (the longest seen, ``“十四五”时期发展成就和2025年
工作回顾``, has 24 characters; body paragraphs are far longer)."""
DASH_HEADING_MAX = 60
"""Longest paragraph opened by ``——`` that is read as a heading rather than a bullet."""
_SENTENCE_MARK = re.compile(r"[。；！？，：;!?,:]")


def build_tree(norm: str, paras: list[tuple[int, int]], root: Node) -> None:
    stack: list[Node] = [root]
    for pi, (ps, pe) in enumerate(paras):
        if APPENDIX.fullmatch(norm, ps, pe):
            # 附件1 / 名词解释 / 注释: what follows is not the report; its numbering starts anew
            pop_to(stack, 1, ps)
            _open(norm, stack, "appendix", None, ps, ps, pe, pi, closing_at=ps)
            continue
        marker = (
            _start_marker(norm, ps, pe)
            or _glued_arabic(norm, ps, pe, stack)
            or _part_line(norm, ps, pe, root)
        )
        if marker is not None:
            family, value, number_end = marker
            if _accept_start(stack, family, value, norm, ps, pe, pi):
                node = _open(norm, stack, family, value, ps, number_end, pe, pi, closing_at=ps)
                if node.body_start < pe:
                    node.inline = True
                inline_pass(norm, stack, node.body_start, pe, pi)
                continue
        _continue_paragraph(norm, stack, ps, pe, pi)
        inline_pass(norm, stack, ps, pe, pi, headed=False)
    for node in stack[1:]:
        node.end = _last_end(paras, len(norm))
    finish_ends(root, len(norm))


def _last_end(paras: list[tuple[int, int]], n: int) -> int:
    return paras[-1][1] if paras else n


def _start_marker(norm: str, ps: int, pe: int) -> tuple[str, int | None, int] | None:
    for family, pattern in HEADING_START:
        m = pattern.match(norm, ps, pe)
        if not m:
            continue
        raw = m.group("n")
        value = None if family == "dash" else heading_numeral(raw)
        if family != "dash" and value is None:
            continue
        if family == "paren":
            family = paren_family(raw)
        if m.end() >= pe and family not in ("chapter", "cn", "paren_cn", "paren_num"):
            continue  # a bare number on its own line is not a heading
        if family == "cn" and norm[m.end() - 1 : m.end()] == "." and not norm[m.end() :].strip():
            continue
        return family, value, m.end()
    return None


_GLUED_ARABIC = re.compile(r"(?P<n>\d{1,2})[.](?=\d)")


def _glued_arabic(norm: str, ps: int, pe: int, stack: list[Node]) -> tuple[str, int, int] | None:
    """``20.2026年10件民生实事：…`` or ``21.5+2就业之家：…`` right after item 19 (or 20): an
    arabic heading whose text starts with a digit reads like a decimal (``20.2026``), so it
    is taken as a heading only where it continues the open series by one."""
    m = _GLUED_ARABIC.match(norm, ps, pe)
    if not m:
        return None
    value = int(m.group("n"))
    same = find_family(stack, "arabic", value)
    if same is None or same.value != value - 1 or value < 2:
        return None
    return "arabic", value, m.end()


def _part_line(norm: str, ps: int, pe: int, root: Node) -> tuple[str, None, int] | None:
    """A part heading written as a plain line (``2024年工作回顾``, ``今年工作安排``,
    ``“十四五”时期发展成就和2025年工作回顾``): short, no sentence punctuation, naming a part.

    Only while the report's top level is not numbered (no ``一、`` part opened before): a
    plain line after numbered parts is a sub-heading, not a part.
    """
    numbered = any(n.family not in ("part", "appendix") for n in root.children)
    if not ps or pe - ps > PART_LINE_MAX or numbered:
        return None
    line = norm[ps:pe]
    if _SENTENCE_MARK.search(line) or not PART_LINE_WORDS.search(line):
        return None
    return "part", None, ps


def _accept_start(
    stack: list[Node], family: str, value: int | None, norm: str, ps: int, pe: int, pi: int
) -> bool:
    """A paragraph-start marker is a heading unless it is a stray lone number in body text."""
    if family == "dash":
        # ——经济运行持续向好。… (a whole paragraph) is a bullet of a summary; a dash item is a
        # heading only as a line of its own (——扎实抓好稳增长…三项基本任务，…。)
        return pe - ps <= DASH_HEADING_MAX
    if family in ("part", "chapter", "cn", "paren_cn", "paren_num", "circled", "enum"):
        return True
    # arabic: "2019年…" never reaches here (the pattern needs a dot); accept series or a start.
    same = find_family(stack, family, value)
    return same is None or value in (1, (same.value or 0) + 1) or pe - ps < 60


def _open(
    norm: str,
    stack: list[Node],
    family: str,
    value: int | None,
    start: int,
    marker_end: int,
    para_end: int,
    pi: int,
    *,
    closing_at: int,
) -> Node:
    return open_heading(
        norm, stack, family, value, (start, marker_end, para_end), pi,
        inline=False, closing_at=closing_at,
    )  # fmt: skip


def _continue_paragraph(norm: str, stack: list[Node], ps: int, pe: int, pi: int) -> None:
    """A paragraph without a heading: decide which open section it belongs to."""
    while len(stack) > 1 and stack[-1].family == "enum":
        stack.pop().end = ps
    if ADDRESS.match(norm, ps, pe) and len(stack) > 2:
        pop_to(stack, 2, ps)
        return
    while len(stack) > 2:
        top = stack[-1]
        if top.inline and top.one_paragraph and top.paragraph == pi - 1 and _in_inline_run(top):
            stack.pop().end = ps
            continue
        break
    for node in stack[1:]:
        if node.paragraph != pi:
            node.one_paragraph = False


def _in_inline_run(node: Node) -> bool:
    """Whether ``node`` follows siblings that are all inline one-paragraph headings (and at
    least one). The siblings before it are closed, so their flags are final: the length of
    that leading run is kept on the parent and only extended, never scanned again (a report
    of thousands of such items would otherwise be rescanned for each)."""
    parent = node.parent
    if parent is None:
        return False
    kids = parent.children
    k = len(kids) - 1 if kids and kids[-1] is node else _index(kids, node)
    if k <= 0:
        return False
    run, last = parent.inline_run
    if run and (run > k or kids[run - 1] is not last):
        run = 0  # a child was moved, added or removed before the run's end: count again
    while run < k and kids[run].one_paragraph and kids[run].inline:
        run += 1
    parent.inline_run = (run, kids[run - 1] if run else None)
    return run >= k


def _index(kids: list[Node], node: Node) -> int:
    for i, kid in enumerate(kids):
        if kid is node:
            return i
    return -1
