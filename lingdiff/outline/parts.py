"""The title, the years, and the typing of parts (review / targets / plan / other);
the tree flattened into :class:`~lingdiff.model.Section` records."""

from __future__ import annotations

import re

from ..load import normalise
from ..model import DocKey, Part, Section
from .cap import cap_warning, level_counts, levels_kept
from .inline import apply_bare
from .nodes import ADDRESS, Node

_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?=年)")


_REVIEW_WORDS = ("执行情况", "回顾", "完成情况", "工作总结", "过去一年", "过去五年")


_TARGET_WORDS = ("预期目标", "主要目标", "目标")


_TASK_WORDS = ("任务", "安排", "重点工作", "部署", "举措")


"""A part whose heading names tasks is the plan even when it also states the targets."""


_PLAN_WORDS = (
    "任务", "工作安排", "重点工作", "安排", "部署", "举措", "要求", "取向", "计划草案", "建议",
)  # fmt: skip


_DELIVERED = re.compile(r"(20\d\d)年\d{1,2}月\d{1,2}日在")
"""The dateline of a speech: ``——2023年3月5日在第十四届全国人民代表大会第一次会议上``."""
FRONT_MATTER = 600
"""How far from the start the dateline is looked for (title, dateline and speaker come first)."""
_DATELINE = re.compile(r"^[—\-－(（]|^\d{4}年\d{1,2}月\d{1,2}日")


def title_lines(
    text: str, norm: str, paras: list[tuple[int, int]], root: Node
) -> list[tuple[int, int]]:
    """The spans of the report's title lines: the first line before any heading, and the
    next one too when the title is wrapped over two ([] when there is no title)."""
    first_heading = root.children[0].start if root.children else len(norm)
    lines = [(s, e) for s, e in paras if e <= first_heading][:3]
    if not lines:
        return []
    s, e = lines[0]
    head = text[s:e]
    if ADDRESS.match(norm, s, e) or _DATELINE.match(norm[s:e]) or len(head) > 80:
        return []
    if len(lines) > 1 and not head.endswith(("。", "：", ":")) and len(head) >= 20:
        s2, e2 = lines[1]
        nxt = norm[s2:e2]
        if len(nxt) <= 40 and not _DATELINE.match(nxt) and not ADDRESS.match(nxt):
            return lines[:2]
    return lines[:1]


def document_title(text: str, norm: str, paras: list[tuple[int, int]], root: Node) -> str:
    """The report's title: the first lines before any heading, joined when wrapped."""
    head = "".join(text[s:e] for s, e in title_lines(text, norm, paras, root))
    return re.sub(r"\s+", " ", head).strip()


_WORK_REPORT = re.compile(r"报告(?:过去[一二三四五]年的?)?政府工作|政府工作报告")


def implied_title(norm: str, root: Node, plan_year: int | None, place: str) -> str:
    """The title of a report that has no title line, where its opening names what it is
    (``我代表国务院，向大会报告政府工作``): that year's 政府工作报告 of its place; else ``""``."""
    first_heading = root.children[0].start if root.children else len(norm)
    if not _WORK_REPORT.search(norm, 0, min(first_heading, FRONT_MATTER)):
        return ""
    return f"{plan_year or ''}{'年' if plan_year else ''}{place}政府工作报告"


def document_years(title: str, norm: str, root: Node) -> tuple[int | None, int | None]:
    """Review year and plan year: from the title, else the part headings, else the text."""
    years = sorted({int(y) for y in _YEAR.findall(normalise(title))})
    if len(years) >= 2:
        return years[0], years[-1]
    delivered = _DELIVERED.search(norm, 0, FRONT_MATTER)
    if delivered:  # a report is delivered early in the year it plans for
        return int(delivered.group(1)) - 1, int(delivered.group(1))
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
    # The most cited year is the review year when the next one is named too (``今年`` is
    # mostly written as 今年, so the plan year is cited less); else it is the plan year.
    return (top, top + 1) if top + 1 in counts else (top - 1, top)


def _part_of(
    title: str,
    body: str,
    child_titles: tuple[str, ...] = (),
    years: tuple[int | None, int | None] = (None, None),
) -> Part:
    """Which part of a report a top-level section is: from its heading, then the years it
    names, then how its text opens (``2024年是…``, ``一年来`` → review; ``今年是…`` → plan),
    then its content (a part stating the targets with a list of tasks is the plan)."""
    if any(w in title for w in _REVIEW_WORDS):
        return "review"
    review_year, plan_year = years
    if _FIVE_YEAR_PLAN.search(title) and not (plan_year and f"{plan_year}年" in title):
        return "other"  # “十五五”时期主要目标和重点任务: the next five years, not the plan year
    has_target = any(w in title for w in _TARGET_WORDS)
    has_tasks = any(w in t for t in (title, *child_titles) for w in _TASK_WORDS)
    if has_target or "总体要求" in title or "总体部署" in title:
        # 主要预期目标和任务 with its tasks listed under it is the plan; 工作总体要求和目标任务
        # stated in a paragraph or two (the tasks in a part of their own) is the targets part
        tasks_inside = len(child_titles) >= PLAN_MIN_TASKS or any(
            w in t for t in child_titles for w in _TASK_WORDS
        )
        return "plan" if has_tasks and tasks_inside else "targets"
    if "预期目标" in body and not has_tasks:
        return "plan" if len(child_titles) >= PLAN_MIN_TASKS else "targets"
    if any(w in title for w in _PLAN_WORDS):
        return "plan"
    by_year = _part_by_year(title, *years)
    if by_year != "other":
        return by_year
    opening = body.lstrip()[:OPENING]
    if _FIVE_YEAR_PLAN.search(opening) and not opening.startswith(f"{plan_year}年"):
        return "other"
    if opening.startswith(_opening_words(review_year, _REVIEW_OPENERS)) or any(
        w in opening for w in ("一年来", "过去一年", "刚刚过去的")
    ):
        return "review"
    if opening.startswith(_opening_words(plan_year, _PLAN_OPENERS)):
        return "plan"
    return "other"


OPENING = 80
"""How much of a part's first paragraph is read to tell a review from a plan."""
PLAN_MIN_TASKS = 3
"""A part stating the targets with this many numbered items or more is the plan (its items are
the tasks), not a targets part."""
_REVIEW_OPENERS = ("过去一年", "过去五年", "五年来", "一年来")
_PLAN_OPENERS = ("今年是", "今年经济社会发展", "今年政府工作", "今年工作")
_FIVE_YEAR_PLAN = re.compile(r"“?十[一二三四五六七八九]五”?(?:时期|期间|主要目标|目标|规划)")


def _opening_words(year: int | None, words: tuple[str, ...]) -> tuple[str, ...]:
    return (*words, f"{year}年是", f"{year}年，") if year else words


def flatten(
    key: DocKey,
    text: str,
    norm: str,
    root: Node,
    review_year: int | None,
    plan_year: int | None,
) -> tuple[list[Section], str]:
    """The tree as :class:`Section` records in document order (pre-order), at most
    :data:`.cap.MAX_SECTIONS` of them, and the warning of :mod:`.cap` when levels were folded
    ("" when none was). Only the sections kept are made."""
    apply_bare(root, norm)
    first = root.children[0].start if root.children else len(text)
    front = None  # the text before the first heading (title, address), when there is some
    if norm[:first].strip() and root.children and root.children[0].family != "none":
        front = first
        while front > 0 and text[front - 1] in "\n ":
            front -= 1
    per_level = level_counts(root)
    per_level[1] += front is not None
    depth, most = levels_kept(per_level)
    tops = root.children
    fold_end = None
    if depth == 0:  # even the top level is too long: the last part kept runs to the end
        fold_end = max([front or 0] + [_trimmed_span(text, n)[1] for n in tops])
        tops = tops[: most - (front is not None)]
    out: list[Section] = []
    if front is not None:
        end = fold_end if fold_end is not None and not tops else front
        out.append(Section(f"{key}:0", None, 1, "other", "", "", 0, end, 0))
    limit = None if depth is None else max(depth, 1)
    _emit(out, key, (text, norm), tops, limit, (review_year, plan_year), fold_end)
    if depth is None:
        return out, ""
    return out, cap_warning(sum(per_level.values()), len(out), depth)


def _trimmed_span(text: str, node: Node) -> tuple[int, int]:
    """A node's start and end, its trailing white space left out."""
    start, end = node.start, node.end
    while end > start and text[end - 1] in "\n \t":
        end -= 1
    return start, max(end, start)


def _emit(
    out: list[Section],
    key: DocKey,
    texts: tuple[str, str],
    tops: list[Node],
    depth: int | None,
    years: tuple[int | None, int | None],
    fold_end: int | None,
) -> None:
    """Append the sections of ``tops`` and their descendants down to level ``depth`` to
    ``out``, parents first (all levels when ``depth`` is None; those at ``depth`` listed
    without children); the last top-level one ends at ``fold_end`` when given. Iterative: a
    deep tree needs no deep recursion."""
    text, norm = texts
    after_plan = False  # set once a plan part has been seen
    todo: list[tuple[Node, str, str | None, int, Part]] = [
        (node, f"{key}:{i + 1}", None, 1, "other") for i, node in reversed(list(enumerate(tops)))
    ]
    while todo:
        node, sid, parent, level, part = todo.pop()
        if parent is None:
            part = _part_of(
                node.title,
                norm[node.body_start : node.end],
                tuple(child.title for child in node.children),
                years,
            )
            if node.family in ("none", "appendix"):
                part = "other"
                after_plan = after_plan and node.family != "appendix"
            if part == "other" and after_plan and not _FIVE_YEAR_PLAN.search(node.title):
                part = "plan"  # a part after the plan (加强政府自身建设) is about the plan year
            after_plan = after_plan or part in ("plan", "targets")  # tasks follow targets
        start, end = _trimmed_span(text, node)
        body_start = min(node.body_start, end)
        if fold_end is not None and parent is None and node is tops[-1]:
            end = fold_end
        kids = node.children if depth is None or level < depth else []
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
                end=end,
                body_start=body_start,
                children=ids,
                inline=node.inline,
            )
        )
        todo.extend((kids[i], ids[i], sid, level + 1, part) for i in reversed(range(len(kids))))


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
