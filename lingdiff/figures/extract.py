"""Figures of a passage -> raw observations: indicator, measure, qualifier, quote span.

Works on the analysis text (``Document.norm`` or any string) and knows nothing of
documents, parts or years; :mod:`lingdiff.figures` adds those. A passage is cut into
sentences (``。！？``) and clauses (``，；：``); inside a clause each figure takes its subject
from the words before it, from the noun after it (``建好2个城区敬老院``), or from what came
before in the sentence (``完成地区生产总值222.5亿元，增长6.7%``: the growth is GDP's).
"""

from __future__ import annotations

import re
from typing import Any

from ..lexicon import CATEGORY_UNITS, STANCES
from ..model import Measure
from ..records import record
from .groups import BREAKS, MILESTONES, Group, clause_items, group_figures
from .measured import measured_noun
from .names import (
    COMPOUND_SPLITS,
    HEADS,
    PreReading,
    canonical,
    carry_list_head,
    clause_np,
    domain_join,
    is_elliptical,
    leads_a_figure,
    post_np,
    read_pre,
    split_subjects,
)
from .patterns import Figure, find_figures
from .predicates import completes

_SENTENCE_END = re.compile(r"[。！？!?\n]")
_CLAUSE_END = re.compile(r"[，。；：！？;!?\n]|,(?!\d{3})|:(?!\d)")
_STANCE_RE = re.compile("|".join(STANCES))
_SEMICOLON = re.compile("[；;]")
_OPENS_CLAUSE = re.compile(
    r"[\s—“”]*(?:(?:\d{4}年|今年|全年|当年|明年|同时|并|还|也|其中|此外|到|至|年底|年末|初步)[\s，]*)*"
)
"""What may stand before a stance that opens its clause: nothing, or a time word and a joiner
(``全年预计``, ``初步预计``, ``到2027年力争``); a subject before it (``研发投入强度预计
达到``) keeps the stance to its own clause and the list of figures it heads."""


@record
class RawObservation:
    """One figure read in context, before documents, years and ids are attached."""

    indicator: str
    subject: str
    value: float
    value_high: float | None
    unit: str
    qualifier: str
    measure: Measure
    direction: int
    start: int
    end: int
    quote_start: int
    quote_end: int
    base: bool = False
    """A from-value (``从4.16万亿元增加到…``): the level at the start of a change."""


class _State:
    """What the sentence said so far: the last subject(s) and the last figure-less clause."""

    __slots__ = (
        "direction", "group", "measure", "moving", "np", "np_at", "recent", "recent_at",
        "subject", "subject_at", "unit_kind",
    )  # fmt: skip

    def __init__(self) -> None:
        self.subject = ""
        self.subject_at = -1
        self.group: list[str] = []
        self.recent: list[str] = []
        self.np = ""
        self.np_at = -1
        self.recent_at = -1
        self.unit_kind = ""
        self.measure = ""
        self.direction = 0
        self.moving = False  # the last figure is a from-value (由X…)


def extract_from_text(
    norm: str,
    start: int = 0,
    end: int | None = None,
    found: dict[tuple[int, int], list[Figure]] | None = None,
) -> list[RawObservation]:
    """Every observation in ``norm[start:end]``, in text order (offsets into ``norm``).

    ``found``, if given, receives the figures of each sentence read that has any, by (start,
    end): what :func:`lingdiff.figures.figure_spans` needs, so that it does not look for them
    again (a report of 400,000 sentences without figures would hold 400,000 empty entries)."""
    end = len(norm) if end is None else end
    out: list[RawObservation] = []
    pos = start
    for m in _SENTENCE_END.finditer(norm, start, end):
        out.extend(_sentence(norm, pos, m.end(), found))
        pos = m.end()
    if pos < end:
        out.extend(_sentence(norm, pos, end, found))
    return out


def _clauses(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    pos = start
    for m in _CLAUSE_END.finditer(norm, start, end):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < end:
        out.append((pos, end))
    return out


def _sentence(
    norm: str, start: int, end: int, found: dict[tuple[int, int], list[Figure]] | None
) -> list[RawObservation]:
    figures = find_figures(norm, start, end)
    if not figures:
        return []
    if found is not None:
        found[start, end] = figures
    stances = [(m.start(), m.group()) for m in _STANCE_RE.finditer(norm, start, end)]
    semis = [m.start() for m in _SEMICOLON.finditer(norm, start, end)]
    state = _State()
    out: list[RawObservation] = []
    clauses = _clauses(norm, start, end)
    # A stance right after a figure of its clause (``增长6.5%左右、力争7%``) qualifies that
    # alternate only; one that opens a clause (``力争A…，B…``, ``初步预计，…``) governs what
    # follows; one after its clause's subject (``地区生产总值预计增长5.1%左右，一般公共预算
    # 收入增长5.2%``) governs the list of figures it heads, up to a clause without a figure
    # (``研发投入强度预计达到2.6%，一批重大技术攻关…实现突破，…比重达到34.6%``: not the last).
    governing = []
    for p, w in stances:
        at = next((i for i, (cs, ce) in enumerate(clauses) if cs <= p < ce), None)
        if at is None or any(clauses[at][0] <= f.start < p for f in figures):
            continue
        reach = end
        if not _OPENS_CLAUSE.fullmatch(norm, clauses[at][0], p):
            reach = next(
                (
                    cs
                    for cs, ce in clauses[at + 1 :]
                    if not any(cs <= f.start < ce for f in figures)
                ),
                end,
            )
        governing.append((p, w, reach))
    for cs, ce in clauses:
        in_clause = [f for f in figures if cs <= f.start < ce]
        if not in_clause:
            np = clause_np(norm[cs:ce])
            if np:
                state.np, state.np_at = np, cs
            continue
        items = clause_items(norm, in_clause, cs, ce)
        groups = group_figures(norm, items, cs, ce)
        group = next(groups, None)
        while group is not None:
            at = group.items[0].fig.start
            stance = [
                w
                for p, w, reach in governing
                if p < at < reach and not any(p < q < at for q in semis)
            ]
            stance = stance[-1:]  # 确保…，力争…: the nearest stance governs
            own = [w for p, w in stances if cs <= p < at][-1:]  # the clause's own stance
            found, used = _emit(group, cs, ce, (own, stance), state)
            out.extend(found)
            try:
                group = groups.send(used)
            except StopIteration:
                group = None
    return out


def _emit(
    group: Group, cs: int, ce: int, stances: tuple[list[str], list[str]], state: _State
) -> tuple[list[RawObservation], int]:
    """The observations of one group, and how many characters of the noun after it were used.

    Three steps: choose the subject (:func:`_choose_subjects`), build one observation per
    figure and subject (:func:`_build`), remember what later figures may refer back to
    (:func:`_remember`). ``stances`` are the stance word of the clause itself and the nearest
    governing one before the figure (see :func:`_sentence`); the clause's own wins.
    """
    head = group.items[0].fig
    rd = read_pre(group.pre)
    # ``、力争7%`` after ``增长6.5%左右``: nothing but a stance before the figure, so it
    # continues the figure before it (same indicator, same measure and direction)
    continuation = (
        not _CONTINUATION_NOISE.sub("", group.pre)
        and state.measure != ""
        and head.unit_kind == state.unit_kind
    ) or (state.moving and not rd.subject and head.unit_kind == state.unit_kind)
    # (占比由20.8%上升到25%: the value a move ends at is measured as the one it starts from)
    if rd.ratio:
        rd.share = head.unit_kind == "percent"
        if not rd.share:
            rd.subject = rd.share_base
    subjects, quote_from, used = _choose_subjects(group, rd, state, cs)
    stance = stances[0] or stances[1]
    out = _build(group, rd, subjects, stance, state if continuation else None, (quote_from, ce))
    if out:
        _remember(state, out, group, quote_from)
    return out, used


def _choose_subjects(group: Group, rd: Any, state: _State, cs: int) -> tuple[list[str], int, int]:
    """The subject of each figure of a group, where the quote starts, and how much of the noun
    after the group was read as its subject (``建好2个城区敬老院``)."""
    head = group.items[0].fig
    subject = rd.subject
    quote_from = cs
    subjects: list[str] | None = None
    n = len(group.items)
    post = group.post
    post_subject, used = ("", 0)
    # a count's noun follows it (建好2个城区敬老院) — unless it is the from-value of a move
    # (年接待游客由1.58亿人次增加到3.23亿人次: 增加到 is no noun)
    from_value = group.items[-1].base
    if (
        head.unit_kind in ("count", "magnitude")
        and post
        and post[0] not in BREAKS
        and not from_value
        and not post.startswith(MILESTONES)  # 旅客吞吐量突破200万大关: 大关 is not counted
    ):
        # 164条…产业链、产值占全省比重超50%: the noun stops where the next figure's words begin
        at = post.rfind("、")
        post_subject, used = post_np(post[:at] if at > 0 and leads_a_figure(post[at:]) else post)
    elif head.unit_kind in ("percent", "measure") and not from_value:
        noun = measured_noun(head.unit, head.unit_kind, group.pre, post)
        if noun:  # 设立100亿元南疆发展专项资金, 93%以上行政村: the noun names the figure alone
            rd.share = rd.share or head.unit_kind == "percent"
            at = post.find(noun)  # after a 的 (86%的县建成三级医院) the noun starts one in
            return [noun] * n, quote_from, (at if at > 0 else 0) + len(noun)
    raw_pre = group.pre.rstrip()
    if rd.share and not subject and state.subject:
        subject, quote_from = state.subject, min(cs, state.subject_at)
    elif rd.share and raw_pre.startswith("中") and subject.startswith("中") and state.subject:
        # 160个国控断面中I类及以上水质占比86.1%: a share among the things just counted
        subject, quote_from = state.subject + subject[1:], min(cs, state.subject_at)
    elif post_subject:
        plain = (
            subject
            and len(subject) <= 4
            and not raw_pre.endswith(_JOINERS)
            and not subject.removesuffix("以").endswith(_DOING)  # 继续实施55项…, 办好以10件…
        )
        subject = subject + post_subject if plain and "、" not in subject else post_subject
    elif not subject and post.startswith("的"):
        subject, used = post_np(post[1:])
        used = used + 1 if used else 0
    elif not subject:
        if n > 1 and len(state.group) == n:
            subjects, quote_from = list(state.group), min(cs, state.subject_at)
        elif n > 1 and rd.respectively and len(state.recent) >= n:
            subjects, quote_from = state.recent[-n:], min(cs, state.recent_at)
        elif state.subject:
            subject, quote_from = state.subject, min(cs, state.subject_at)
        elif state.np:
            subject, quote_from = state.np, min(cs, state.np_at)
    elif subject in HEADS and not state.subject:
        if post.startswith("的"):
            subject = post_np(post[1:])[0] + subject
        elif state.np and "、" not in state.np:
            subject, quote_from = state.np + subject, min(cs, state.np_at)
    elif subject == "总产" and not state.subject and state.np.endswith("生产"):
        # 粮食生产再获丰收，总产达到557亿斤: the total output of what was produced
        subject, quote_from = domain_join(state.np, subject), min(cs, state.np_at)
    elif is_elliptical(subject, state.subject):
        subject = domain_join(state.subject, subject)
    elif raw_pre.startswith("、"):
        same_kind = head.unit_kind == state.unit_kind
        subject = carry_list_head(state.subject, subject, raw_pre[1:], verb=same_kind)
    # 5万人受益: who benefited from what (the latest subject or short figure-less clause)
    if state.np_at <= state.subject_at:
        subject = completes(subject, state.subject)
    elif len(state.np) <= _SHORT_NP and not any(c.isdigit() for c in state.np):
        subject = completes(subject, state.np)
    if subject.startswith("和") and subject[1:2] not in _HE_WORDS:
        subject = subject[1:]  # ``…180亿元和新增就业5000人``: the joiner is not the subject
    purpose = _purpose(head.unit, subject, post) if subjects is None else ""
    if purpose:
        subject, used = purpose, len(purpose)
    if subjects is None:
        subjects = _spread(subject, n, group.each, rd.respectively, rd.each)
    return subjects, quote_from, used


_PURPOSE = re.compile(r"(?:支持|扶持|用于)[^，。；：！？,;:!?、\n]{2,22}")
_NAMES_NOTHING = re.compile(
    r"(?:(?:\d+|[一两二三四五六七八九十]+)年|每年|累计|统筹|安排|投入|筹集|下达|争取|拨付|整合)*"
)


def _purpose(unit: str, subject: str, post: str) -> str:
    """An amount of money named by what it is for (``统筹4416.6亿元支持巩固拓展脱贫攻坚成果…``,
    ``三年安排450亿元支持…``) when the words before it name nothing but the act of giving it
    and when (统筹, 三年安排); "" otherwise."""
    if not unit.endswith("元"):
        return ""
    m = _PURPOSE.match(post)
    if m is None or _NAMES_NOTHING.fullmatch(canonical(subject)) is None:
        return ""
    return m.group()


def currency(unit: str) -> str:
    """The currency a money unit counts in: ``亿美元`` → 美元, ``亿元`` → 人民币."""
    for name in ("美元", "欧元", "港元", "日元"):
        if unit.endswith(name):
            return name
    return "人民币"


def _build(
    group: Group,
    rd: PreReading,
    subjects: list[str],
    stance: list[str],
    continued: _State | None,
    quote: tuple[int, int],
) -> list[RawObservation]:
    """One observation per figure and subject (every subject for ``均``/``each`` groups).

    ``continued`` is the state whose measure and direction a continuation keeps."""
    if group.each or rd.each:
        pairs = [(item, s) for item in group.items for s in subjects]
    else:
        pairs = list(zip(group.items, subjects, strict=False))
    out: list[RawObservation] = []
    for item, subj in pairs:
        f = item.fig
        indicator = canonical(subj)
        if len(indicator) == 1 and rd.share and f"{subj}占比" in group.pre:
            indicator = f"{indicator}占比"  # 税占比达77.4%, 煤占比: a share named by one word
        if len(indicator) < 2 or indicator in _NAMELESS:
            continue  # 惠及461万人次, 涉及10.5万人 with nothing before: no indicator's name
        if f.unit in CATEGORY_UNITS:  # 12类45件民生实事: the categories of the items
            indicator += "（类别）"
        if rd.conversion:  # 160.6亿美元、折合1148亿元人民币: the same flow in another currency
            indicator += f"（折合{currency(f.unit)}）"
        if f.unit_kind == "count" and indicator.endswith("指标"):
            continue  # 21个主要指标, 8个约束性指标: a count of goals, not a goal
        measure = continued.measure if continued else _measure(f, rd.share, rd.growth)
        direction = continued.direction if continued else rd.direction
        words = [*stance, *rd.qualifiers, f.approx, item.suffix]
        out.append(
            RawObservation(
                indicator=indicator,
                subject=subj + (f"占{rd.share_base}" if rd.share_base else ""),
                value=f.value,
                value_high=f.value_high,
                unit=f.unit,
                qualifier=" ".join(w for w in words if w),
                measure=measure,
                direction=direction if measure in ("growth", "change") else 0,
                start=f.start,
                end=f.end,
                quote_start=quote[0],
                quote_end=quote[1],
                base=item.base,
            )
        )
    return out


def _remember(state: _State, out: list[RawObservation], group: Group, quote_from: int) -> None:
    """What later figures of the sentence may refer back to (the subject, the measure…)."""
    if not state.recent:
        state.recent_at = quote_from
    state.subject = out[-1].indicator
    state.subject_at = quote_from
    state.unit_kind = group.items[-1].fig.unit_kind
    state.measure, state.direction = out[-1].measure, out[-1].direction
    state.moving = group.items[-1].base
    state.group = [o.indicator for o in out]
    for o in out:
        if o.indicator not in state.recent:
            state.recent.append(o.indicator)


_NAMELESS = ("惠及", "涉及")
_SHORT_NP = 10
"""A figure-less clause this short is a noun phrase a bare predicate may complete; a longer
one is a whole statement (加大对各类学校家庭困难学生资助力度)."""
_JOINERS = ("和", "及", "与", "、", "等")
_DOING = ("实施", "办好", "办成", "安排", "抓好")
"""Verbs that end the words before a count of measures or tasks (``继续实施10大类55项民生实事``,
``今年将办好12类45件民生实事``, ``办好以10件民生实事为引领的…``): what is counted is named
after the count alone."""
_HE_WORDS = frozenset("谐平美睦畅善")
"""Characters that make a leading 和 part of a word (和谐, 和平…), not a joiner."""
_CONTINUATION_NOISE = re.compile(r"[、，,；;\s]|力争|争取|确保|预计|有望|或")


def _spread(subject: str, n: int, each: int, respectively: bool, each_flag: bool) -> list[str]:
    """The subject of each figure of a group (split for ``分别``, shared otherwise)."""
    if (each or each_flag) and "、" in subject:
        return split_subjects(subject, subject.count("、") + 1) or [subject]
    # 城乡居民收入增长5.3%、8.1%: two figures after a paired name split it even without 分别
    paired = n == 2 and any(c in subject for c in COMPOUND_SPLITS)
    if n > 1 and (respectively or paired or "、" in subject):
        return split_subjects(subject, n) or [subject] * n
    return [subject] * n


def _measure(f: Figure, share: bool, growth: bool) -> Measure:
    if share:
        return "share"
    if f.unit in ("个百分点", "百分点"):
        return "change"
    if growth:
        return "growth" if f.unit_kind == "percent" or f.unit == "倍" else "change"
    return "count" if f.unit_kind == "count" else "level"
