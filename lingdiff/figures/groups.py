"""The figures of one clause as a reading of them needs them: each with the qualifier after
it (``以上``, ``左右``), modifiers of a noun left out (``5000万元以上项目``), the from-value of a
move marked (``由9.8%降至7.5%``), and figures grouped where they share one subject
(``32386元、20961元``, ``1644户5159人``). :mod:`lingdiff.figures.extract` names the groups."""

from __future__ import annotations

import re
from collections.abc import Generator

from ..lexicon import SUFFIX_QUALIFIERS, LazyPattern
from .measured import measured_noun
from .patterns import Figure

SUFFIX_RE = re.compile("|".join(SUFFIX_QUALIFIERS))
BREAKS = "，。；：！？,;:!?、）)\n"
"""Characters that end what follows a figure (a clause, a list item, a bracket)."""

MILESTONES = ("台阶", "新台阶", "大关", "关口")
"""Words for a milestone a figure reaches (``突破200万大关``): no noun the figure counts."""
# Words that may follow a figure that is complete (not a modifier of the next noun).
_POST_OK = (
    "的", "用于", "受益", "同比", "比", "较", "增长", "下降", "和", "与", "及", "等", "其中",
    "是", "为", "占", "居", "位", "实现", "建成", "投", "完成", "达", "分别", "均", "左右",
    "以上", "，", "。", "”", "（", "(", "安排",
    *MILESTONES,  # 迈上6万亿元台阶 / 突破1万亿元大关: a milestone reached
    "人民币",  # 约合1243亿元人民币: the currency named after the amount
    "支持", "扶持",  # 安排3000亿元支持消费品以旧换新: the amount given, no modifier of 支持…
    "全线", "贯通", "通车",  # 沿黄生态廊道1194公里全线贯通: the length opened, no modifier
)  # fmt: skip


class Item:
    """A figure of a clause with its trailing qualifier (a plain class: made per figure, and
    a dataclass costs ~0.5 ms to create at import)."""

    __slots__ = ("base", "fig", "suffix", "tail_end")

    def __init__(self, fig: Figure, suffix: str, tail_end: int, base: bool = False) -> None:
        self.fig, self.suffix, self.tail_end, self.base = fig, suffix, tail_end, base


def clause_items(norm: str, figures: list[Figure], cs: int, ce: int) -> list[Item]:
    """Figures of a clause with their trailing qualifier; modifiers of a noun dropped.

    ``5000万元以上项目`` and ``年产10万片触摸屏`` describe the noun after them, and
    ``1个面积超200亩的基地`` has one count whose noun carries a measure: none of these
    modifiers is a figure of its own.
    """
    items: list[Item] = []
    led: list[bool] = []  # per item: does 由/从 lead it (or the from-list it belongs to)?
    for i, f in enumerate(figures):
        m = SUFFIX_RE.match(norm, f.end)
        tail_end = m.end() if m else f.end
        nxt = figures[i + 1].start if i + 1 < len(figures) else ce
        post = norm[tail_end:nxt]
        lead = norm[max(cs, f.start - 3) : f.start]
        from_lead = bool(_FROM_LEAD.search(norm, max(cs, f.start - 8), f.start)) or bool(
            items and led[-1] and norm[items[-1].tail_end : f.start] == "、"
        )  # 分别从771家、481家增加到…: a from-list
        base = from_lead and bool(_TO_VERB.match(post))
        # 由9.8%降至7.5%: the figure it moves from (kept only where a period starts there)
        modifier = (
            _is_modifier(f, post)
            or (lead.endswith(_CAPACITY) and _starts_noun(post))
            or (f.unit in ("户", "人") and norm[f.end : tail_end] == "以上" and _village(post))
        )
        if (
            modifier
            and not base
            and not measured_noun(f.unit, f.unit_kind, norm[cs : f.start], post)
        ):
            continue
        if items and post.startswith("的") and f.unit_kind != "count":
            prev = items[-1]
            between = norm[prev.tail_end : f.start]
            if prev.fig.unit_kind == "count" and not any(c in BREAKS for c in between):
                continue
        items.append(Item(f, m.group() if m else "", tail_end, base))
        led.append(from_lead)
    for k in range(len(items) - 2, -1, -1):  # the list's earlier items move too
        a, b = items[k], items[k + 1]
        if b.base and led[k] and norm[a.tail_end : b.fig.start] == "、":
            a.base = True
    return items


_FROM_LEAD = LazyPattern(r"(?:由|从|现行)(?:\d{4}年(?:底|末)?)?[^，；、\d]{0,5}$")
_TO_VERB = LazyPattern(
    "[^，；。]{0,6}?(?:提高|降低|下降|降|增加|增|提升|升|上调|下调|调整|扩大|缩小|压缩|增长|减少|减)"
    "(?:到|至|为)"
)
_VILLAGE = LazyPattern("自然村|村|[^\\d，。；、]{0,8}村寨")
"""Villages named by their size: ``20户以上自然村`` (villages of 20 households or more), ``50户以上
农村木质房屋连片村寨``; the households are a threshold of the villages, no figure."""
_CAPACITY = ("年产", "日产", "日处理", "年处理", "年吞吐", "装机")


def _village(post: str) -> bool:
    return _VILLAGE.match(post) is not None


def _starts_noun(post: str) -> bool:
    return bool(post) and "\u4e00" <= post[0] <= "\u9fff"


def _is_modifier(f: Figure, post: str) -> bool:
    if not post or post[0] in BREAKS or post[0].isdigit() or post.startswith(_POST_OK):
        return False
    if post[0] in "两三四五六七八九十" and post[1:2] and post[1] in "个项件大条类":
        return False  # 连跨5万亿元、6万亿元两个台阶: the count of the list, not a noun after it
    if f.unit_kind in ("count", "magnitude"):
        return False  # 6250人 / 6600多万纳税人: a count of what follows
    return _starts_noun(post)


class Group:
    """Figures sharing one subject (``32386元、20961元``, ``1644户5159人``), with their context."""

    __slots__ = ("each", "items", "post", "pre")

    def __init__(self, items: list[Item], pre: str, post: str, each: int = 0) -> None:
        self.items, self.pre, self.post, self.each = items, pre, post, each


def group_figures(norm: str, items: list[Item], cs: int, ce: int) -> Generator[Group, int, None]:
    """Yield the groups of a clause in order; ``send`` back how much of ``post`` was used."""
    cursor = cs
    i = 0
    while i < len(items):
        head = items[i]
        pre_end = head.fig.start
        each = 0
        if (
            head.fig.unit == "个"
            and i + 1 < len(items)
            and items[i + 1].fig.start == head.tail_end
            and items[i + 1].fig.unit_kind == "percent"
        ):
            each = int(head.fig.value)  # 4个100%: one value for each of four
            i += 1
            head = items[i]
        members = [head]
        j = i + 1
        while j < len(items) and _joined(norm, members[-1], items[j]):
            if members[-1].tail_end == items[j].fig.start and members[-1].fig.unit_kind != "count":
                break
            members.append(items[j])
            j += 1
        nxt_at = items[j].fig.start if j < len(items) else ce
        tail = members[-1].tail_end
        used = yield Group(members, norm[cursor:pre_end], norm[tail:nxt_at], each)
        cursor = tail + (used or 0)
        i = j


def _joined(norm: str, prev: Item, item: Item) -> bool:
    """Two figures of one list: side by side, or with ``、`` between them, or a lone
    ``和``/``及``/``与`` between two of one kind (``分别增长4.2%和6.1%``)."""
    between = norm[prev.tail_end : item.fig.start]
    if between in ("", "、"):
        return True
    return between in ("和", "及", "与") and prev.fig.unit_kind == item.fig.unit_kind
