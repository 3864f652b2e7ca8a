"""Clean report text -> :class:`~lingdiff.model.Document`: title, years, parts, sections, sentences.

How headings are found (rules meant for any Chinese government report, not two files):

* A heading *family* is a numbering style: ``一、`` (``cn``), ``（一）``/``（1）`` (``paren``),
  ``1.``/``1．``/``1、`` (``arabic``), ``①`` (``circled``), ``一是``/``二是`` (``enum``),
  ``——`` (``dash``). Levels are not fixed per family: the first family seen is the top,
  a new family nests under the current heading, and a family already open pops back to
  its level (the way one reads nested lists). Continuity of numbers decides close cases:
  ``（1）…（二）`` is one series (a typo), and a ``1.`` after ``4.`` starts a new one.
* Headings at the start of a paragraph are taken as they come. Headings inside a
  paragraph (``1.高质量发展成效明显。一是…``, ``…。2.高品质建设园区。``) must follow a
  sentence end and continue a series (or start one at 1).
* Unnumbered inline sub-headings (``做大做强新型工业。1.…``) are short sentences with no
  internal punctuation or figures, at least two in one section, outside ``一是`` items and
  not interrupting a numbered series. Those sharing a two-character prefix or suffix with the
  first of them form the top tier; the others between them nest one level down.
* ``一是/二是`` items are the lowest level and end with their paragraph. A paragraph after a
  run of one-paragraph items goes back to their parent; a paragraph addressed to
  ``各位代表`` goes back to the part.

``sections`` are in document order (pre-order); ids are positional (``old:3.1``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from ..lexicon import HEADING_INLINE, HEADING_START, heading_numeral
from ..load import clean_text, normalise
from ..model import DocKey, Document, Part, Section, Sentence

_SENT_END = re.compile(r"[。！？]+[”’」』）]*|\n")
_BARE_BAD = re.compile(r"[，、；：,;:\d%（）()—]|[a-zA-Z]")
_BARE_STARTS = ("同时", "此外", "其中", "但", "我们", "这", "因此", "所以", "并", "而", "也")
# Narrative words mark a statement of fact, not a heading ("…预计明年底建成").
_NARRATIVE = re.compile(r"预计|已经|已|将|了|正在|目前|年底|明年|今年|去年|被|的是")
_CLAUSE_END = re.compile(r"[。！？；]+[”’」』）]*|\n")
_ADDRESS = re.compile(r"各位代表[，！：,!:]")
_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?=年)")
_REVIEW_WORDS = ("执行情况", "回顾", "完成情况", "工作总结", "过去一年", "过去五年")
_TARGET_WORDS = ("预期目标", "主要目标", "目标")
_TASK_WORDS = ("任务", "安排", "重点工作", "部署", "举措")
"""A part whose heading names tasks is the plan even when it also states the targets."""
_PLAN_WORDS = ("任务", "工作安排", "重点工作", "安排", "部署", "举措", "要求", "取向", "计划草案")


@dataclass
class _Node:
    family: str
    value: int | None
    number: str
    title: str
    start: int
    body_start: int
    paragraph: int
    inline: bool
    end: int = -1
    parent: _Node | None = None
    children: list[_Node] = field(default_factory=list)
    one_paragraph: bool = True
    bare: list[tuple[int, int, str, bool]] = field(default_factory=list)
    tier: int = 0


def parse_document(raw: str, *, key: DocKey, path: str = "") -> Document:
    """Build the outline of a report from its text (cleaned here if it is not already)."""
    text = clean_text(raw)
    norm = normalise(text)
    paras = _paragraphs(norm)
    root = _Node("root", None, "", "", 0, 0, -1, False, end=len(text))
    _build_tree(norm, paras, root)
    title = _title(text, norm, paras, root)
    warnings: list[str] = []
    if not root.children:
        warnings.append("no headings found; the whole text is one section")
        whole = _Node("none", None, "", title, 0, 0, 0, False, end=len(text), parent=root)
        root.children.append(whole)
    review_year, plan_year = _years(title, norm, root)
    sections = _flatten(key, text, norm, root, review_year, plan_year)
    sentences = _sentences(key, text, norm, sections)
    return Document(
        key=key,
        path=path,
        title=title,
        review_year=review_year,
        plan_year=plan_year,
        text=text,
        norm=norm,
        sections=tuple(sections),
        sentences=tuple(sentences),
        warnings=tuple(warnings),
    )


def _paragraphs(norm: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos = 0
    for line in norm.split("\n"):
        if line:
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _heading_title(norm: str, body: int, para_end: int, family: str) -> tuple[str, int]:
    """The title after a marker, and where the text after the title begins."""
    stop = para_end
    m = re.compile(r"[。！？]").search(norm, body, para_end)
    if m:
        stop = m.start()
    title = norm[body:stop]
    if family == "enum" or len(title) > 40:
        cut = re.compile(r"[，；：]").search(title)
        if cut and cut.start() >= 2:
            title = title[: cut.start()]
    after = stop + 1 if m else para_end
    return title.strip(), min(after, para_end)


# --- tree building -------------------------------------------------------------------------


def _build_tree(norm: str, paras: list[tuple[int, int]], root: _Node) -> None:
    stack: list[_Node] = [root]
    for pi, (ps, pe) in enumerate(paras):
        marker = _start_marker(norm, ps, pe)
        if marker is not None:
            family, value, number_end = marker
            if _accept_start(stack, family, value, norm, ps, pe, pi):
                node = _open(norm, stack, family, value, ps, number_end, pe, pi, closing_at=ps)
                if node.body_start < pe:
                    node.inline = True
                _inline_pass(norm, stack, node.body_start, pe, pi)
                continue
        _continue_paragraph(norm, stack, ps, pe, pi)
        _inline_pass(norm, stack, ps, pe, pi)
    for node in stack[1:]:
        node.end = _last_end(paras, len(norm))
    _finish_ends(root, len(norm))


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
            family = _paren_family(raw)
        if m.end() >= pe and family not in ("chapter", "cn", "paren_cn", "paren_num"):
            continue  # a bare number on its own line is not a heading
        if family == "cn" and norm[m.end() - 1 : m.end()] == "." and not norm[m.end() :].strip():
            continue
        return family, value, m.end()
    return None


def _accept_start(
    stack: list[_Node], family: str, value: int | None, norm: str, ps: int, pe: int, pi: int
) -> bool:
    """A paragraph-start marker is a heading unless it is a stray lone number in body text."""
    if family in ("chapter", "cn", "paren_cn", "paren_num", "circled", "dash", "enum"):
        return True
    # arabic: "2019年…" never reaches here (the pattern needs a dot); accept series or a start.
    same = _find_family(stack, family, value)
    return same is None or value in (1, (same.value or 0) + 1) or pe - ps < 60


_TWIN = {"paren_cn": "paren_num", "paren_num": "paren_cn"}
"""Families that are one style written with two scripts: （一） and （1）."""


def _paren_family(numeral: str) -> str:
    return "paren_num" if numeral.isascii() else "paren_cn"


def _find_family(stack: list[_Node], family: str, value: int | None = None) -> _Node | None:
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


def _open(
    norm: str,
    stack: list[_Node],
    family: str,
    value: int | None,
    start: int,
    marker_end: int,
    para_end: int,
    pi: int,
    *,
    closing_at: int,
) -> _Node:
    same = _find_family(stack, family, value)
    # An open series of the same family: this heading continues (or restarts) it, at its level.
    if same is not None:
        _pop_to(stack, stack.index(same), closing_at)
    title, body = _heading_title(norm, marker_end, para_end, family)
    parent = stack[-1]
    node = _Node(family, value, "", title, start, body, pi, False, parent=parent)
    node.number = norm[start:marker_end].strip()
    parent.children.append(node)
    stack.append(node)
    return node


def _pop_to(stack: list[_Node], index: int, at: int) -> None:
    while len(stack) > index:
        stack.pop().end = at


def _continue_paragraph(norm: str, stack: list[_Node], ps: int, pe: int, pi: int) -> None:
    """A paragraph without a heading: decide which open section it belongs to."""
    while len(stack) > 1 and stack[-1].family == "enum":
        stack.pop().end = ps
    if _ADDRESS.match(norm, ps, pe) and len(stack) > 2:
        _pop_to(stack, 2, ps)
        return
    while len(stack) > 2:
        top = stack[-1]
        siblings = top.parent.children if top.parent else []
        earlier = siblings[: siblings.index(top)] if top in siblings else []
        if (
            top.inline
            and top.one_paragraph
            and top.paragraph == pi - 1
            and earlier
            and all(s.one_paragraph and s.inline for s in earlier)
        ):
            stack.pop().end = ps
            continue
        break
    for node in stack[1:]:
        if node.paragraph != pi:
            node.one_paragraph = False


def _inline_pass(norm: str, stack: list[_Node], start: int, end: int, pi: int) -> None:
    """Find inline numbered headings and unnumbered sub-headings inside one paragraph's text.

    Works on the open-heading ``stack`` itself: a heading closed here (``一是`` by ``二是``)
    must not be closed again, later, at a further position.
    """
    owner = stack[-1]
    events = _inline_events(norm, owner, start, end)
    para_start = start == 0 or norm[start - 1] == "\n"
    owner.bare.extend(_bare_candidates(norm, start, end, events, para_start))
    for family, value, pos, marker_end in events:
        if family == "enum":
            same = _find_family(stack, "enum")
            if same is not None:
                _pop_to(stack, stack.index(same), pos)
        _open_inline(norm, stack, family, value, pos, marker_end, end, pi)
    while len(stack) > 1 and stack[-1].family == "enum":  # enumerations end with their paragraph
        stack.pop().end = end


def _owner_stack(owner: _Node) -> list[_Node]:
    chain: list[_Node] = []
    node: _Node | None = owner
    while node is not None:
        chain.append(node)
        node = node.parent
    return list(reversed(chain))


def _open_inline(
    norm: str,
    stack: list[_Node],
    family: str,
    value: int | None,
    pos: int,
    marker_end: int,
    para_end: int,
    pi: int,
) -> None:
    same = _find_family(stack, family, value)
    if same is not None:
        _pop_to(stack, stack.index(same), pos)
    title, body = _heading_title(norm, marker_end, para_end, family)
    parent = stack[-1]
    node = _Node(family, value, norm[pos:marker_end].strip(), title, pos, body, pi, True)
    node.parent = parent
    parent.children.append(node)
    stack.append(node)


def _inline_events(
    norm: str, owner: _Node, start: int, end: int
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
        family = _paren_family(m.group(group)) if group == "paren" else group
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
        if not m.group().startswith("。") or pos >= end:
            continue  # must be a full sentence followed by more text
        if not 2 <= len(body) <= 15 or _BARE_BAD.search(body) or body.startswith(_BARE_STARTS):
            continue
        if _NARRATIVE.search(body):
            continue
        if any(p <= s < q for _, _, p, q in events) or any(p == s for _, _, p, _ in events):
            continue
        out.append((s, e, body, para_start and s == start))
    return out


def _finish_ends(node: _Node, limit: int) -> None:
    for child in node.children:
        if child.end < 0:
            child.end = limit
        _finish_ends(child, child.end)


# --- unnumbered sub-headings -------------------------------------------------------------


def _apply_bare(root: _Node) -> None:
    """Turn accepted unnumbered sub-headings into sections (see the module docstring)."""
    for owner in _walk(root):
        cands, owner.bare = owner.bare, []
        if not cands or _depth(owner) < 2 or owner.family in ("enum", "dash", "bare"):
            continue
        cands = [c for c in cands if not _interrupts_series(owner, c[0])]
        cands = [c for c in cands if _innermost(owner, c[0]) is owner or _numbered_leaf(owner, c)]
        openers = [c for c in cands if c[3]]
        if len(openers) >= 2:
            # Each paragraph opens with its sub-heading: only those count, all on one tier.
            _insert_bare(owner, [c[:3] for c in openers], tiered=False)
        elif len(cands) >= 2:
            # Sub-headings run inside one long paragraph: related ones form the top tier.
            _insert_bare(owner, [c[:3] for c in cands], tiered=True)


def _depth(node: _Node) -> int:
    depth = 0
    while node.parent is not None:
        depth += 1
        node = node.parent
    return depth


def _walk(node: _Node) -> list[_Node]:
    out = [node]
    for child in node.children:
        out.extend(_walk(child))
    return out


def _innermost(owner: _Node, pos: int) -> _Node:
    for child in owner.children:
        if child.start <= pos < child.end:
            return _innermost(child, pos)
    return owner


def _numbered_leaf(owner: _Node, cand: tuple[int, int, str]) -> bool:
    inner = _innermost(owner, cand[0])
    numbered = ("arabic", "paren_cn", "paren_num", "circled")
    return inner.family in numbered and inner.inline and inner is not owner


def _interrupts_series(owner: _Node, pos: int) -> bool:
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


def _insert_bare(owner: _Node, cands: list[tuple[int, int, str]], *, tiered: bool) -> None:
    first = cands[0][2]
    family = [c for c in cands if _related(c[2], first)]
    tiered = tiered and len(family) >= 2
    top_ids = {c[0] for c in family} if tiered else {c[0] for c in cands}
    numbered = [c for c in owner.children if c.start >= cands[0][0]]
    kept = [c for c in owner.children if c.start < cands[0][0]]
    tops: list[_Node] = []
    for s, e, body in cands:
        node = _Node("bare", None, "", body, s, e + 1, -1, True, parent=owner)
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


def _adopt(owner: _Node, tops: list[_Node], child: _Node) -> None:
    for top in tops:
        if top.start <= child.start < top.end:
            host: _Node = top
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


def _trim_numbered(node: _Node) -> None:
    for i, child in enumerate(node.children):
        nxt = node.children[i + 1].start if i + 1 < len(node.children) else node.end
        if child.end > nxt or child.end < 0:
            child.end = nxt
        _trim_numbered(child)


# --- title, years, parts ------------------------------------------------------------------


_DATELINE = re.compile(r"^[—\-－(（]|^\d{4}年\d{1,2}月\d{1,2}日")


def _title(text: str, norm: str, paras: list[tuple[int, int]], root: _Node) -> str:
    """The report's title: the first lines before any heading, joined when wrapped."""
    first_heading = root.children[0].start if root.children else len(norm)
    lines = [(s, e) for s, e in paras if e <= first_heading][:3]
    if not lines:
        return ""
    s, e = lines[0]
    head = text[s:e]
    if _ADDRESS.match(norm, s, e) or _DATELINE.match(norm[s:e]) or len(head) > 80:
        return ""
    if len(lines) > 1 and not head.endswith(("。", "：", ":")) and len(head) >= 20:
        s2, e2 = lines[1]
        nxt = norm[s2:e2]
        if len(nxt) <= 40 and not _DATELINE.match(nxt) and not _ADDRESS.match(nxt):
            head += text[s2:e2]
    return re.sub(r"\s+", " ", head).strip()


def _years(title: str, norm: str, root: _Node) -> tuple[int | None, int | None]:
    """Review year and plan year: from the title, else the part headings, else the text."""
    years = sorted({int(y) for y in _YEAR.findall(normalise(title))})
    if len(years) >= 2:
        return years[0], years[-1]
    review = plan = None
    for part in root.children:
        found = [int(y) for y in _YEAR.findall(part.title)]
        if not found:
            continue
        kind = _part_of(part.title, "")
        if kind == "review" and review is None:
            review = found[0]
        elif kind in ("targets", "plan") and plan is None:
            plan = found[0]
    if review and not plan:
        plan = review + 1
    if plan and not review:
        review = plan - 1
    if review or plan:
        return review, plan
    if len(years) == 1:
        return years[0] - 1, years[0]
    counts: dict[int, int] = {}
    for y in _YEAR.findall(norm[:20000]):
        counts[int(y)] = counts.get(int(y), 0) + 1
    if not counts:
        return None, None
    top = max(counts, key=lambda y: (counts[y], y))
    return top - 1, top


def _part_of(title: str, body: str, child_titles: tuple[str, ...] = ()) -> Part:
    """Which part of a report a top-level section is, from its heading, its body and the
    headings of its children (a part with a tasks section is the plan)."""
    if any(w in title for w in _REVIEW_WORDS):
        return "review"
    has_target = any(w in title for w in _TARGET_WORDS)
    has_plan = any(w in title for w in _PLAN_WORDS)
    has_tasks = any(w in t for t in (title, *child_titles) for w in _TASK_WORDS)
    if has_target and has_tasks:
        return "plan"
    if has_target:
        return "targets"
    if "预期目标" in body and not has_tasks:
        return "targets"
    if has_plan:
        return "plan"
    return "other"


def _flatten(
    key: DocKey,
    text: str,
    norm: str,
    root: _Node,
    review_year: int | None,
    plan_year: int | None,
) -> list[Section]:
    _apply_bare(root)
    out: list[Section] = []
    first = root.children[0].start if root.children else len(text)
    if norm[:first].strip() and root.children and root.children[0].family != "none":
        end = first
        while end > 0 and text[end - 1] in "\n ":
            end -= 1
        out.append(Section(f"{key}:0", None, 1, "other", "", "", 0, end, 0))

    after_plan = [False]  # set once a plan part has been seen

    def visit(node: _Node, sid: str, parent: str | None, level: int, part: Part) -> None:
        if parent is None:
            part = _part_of(
                node.title,
                norm[node.body_start : node.end],
                tuple(child.title for child in node.children),
            )
            if node.family == "none":
                part = "other"
            elif part == "other":
                part = _part_by_year(node.title, review_year, plan_year)
            if part == "other" and after_plan[0]:
                part = "plan"  # a part after the plan (加强政府自身建设) is about the plan year
            after_plan[0] = after_plan[0] or part == "plan"
        start, end = node.start, node.end
        while end > start and text[end - 1] in "\n \t":
            end -= 1
        kids = node.children
        ids = tuple(f"{sid}.{i + 1}" for i in range(len(kids)))
        out.append(
            Section(
                id=sid,
                parent=parent,
                level=level,
                part=part,
                number=text[node.start : node.start + len(node.number)] if node.number else "",
                title=_faithful(text, norm, node.title, node.start, node.body_start),
                start=start,
                end=max(end, start),
                body_start=min(node.body_start, max(end, start)),
                children=ids,
                inline=node.inline,
            )
        )
        for child, cid in zip(kids, ids, strict=True):
            visit(child, cid, sid, level + 1, part)

    for i, node in enumerate(root.children):
        visit(node, f"{key}:{i + 1}", None, 1, "other")
    return out


def _part_by_year(title: str, review_year: int | None, plan_year: int | None) -> Part:
    years = {int(y) for y in _YEAR.findall(title)}
    if plan_year in years:
        return "plan"
    if review_year in years:
        return "review"
    return "other"


def _faithful(text: str, norm: str, title: str, start: int, body_start: int) -> str:
    """The title as written in the clean text (not the normalised copy)."""
    if not title:
        return ""
    at = norm.find(title, start, max(body_start, start + len(title)) + 1)
    if at < 0:
        return title
    return text[at : at + len(title)].strip()


# --- sentences -----------------------------------------------------------------------------


def _sentences(key: DocKey, text: str, norm: str, sections: list[Section]) -> list[Sentence]:
    """Split at 。！？ and line ends, and at every heading start; assign the deepest section."""
    cuts = {s.start for s in sections} | {s.body_start for s in sections if s.inline}
    bounds: list[int] = [0]
    for m in _SENT_END.finditer(norm):
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
        out.append(Sentence(len(out), a, e, text[a:e], sec.id if sec else "", a in starts))
    return out
