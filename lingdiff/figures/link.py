"""Linking observations of the same indicator across two reports into metric rows.

Two observations belong to one row when they measure the same thing the same way:

1. same indicator, measure and unit family (``亿元``/``万元`` one family, ``户``/``人`` two);
2. or names that differ only by drift in wording, judged with rapidfuzz on a reduced form
   (``旅游综合收入`` ~ ``旅游收入``, ``粮食种植面积`` ~ ``粮食播种面积``, ``新增城镇就业`` ~
   ``城镇新增就业``), never across a swapped two-character word (``规模工业增加值`` vs
   ``规模工业总产值``, ``城镇登记失业率`` vs ``城镇调查失业率``), never across population
   modifiers (``城镇`` vs ``农村`` vs ``城乡``), and never when one report gives both names
   different values for the same year (then they are two indicators);
3. a shared unit alone never links anything.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel

from ..lexicon import unit_family
from ..model import MetricRow, Observation
from ..records import replace
from .linkform import contrast_signature, link_form

LINK_THRESHOLD = 78.0
"""Least rapidfuzz ratio (0–100) of two reduced names for them to link."""
PREFILTER_RATIO = 60
"""Least rapidfuzz ratio for a pair of names to be scored at all: well below
:data:`LINK_THRESHOLD`, so anagrams and narrower names (scored on their own rules) still get in,
while unrelated names are never compared one by one."""
NARROWER = 78.5
"""Score of a name that only adds a modifier in front (``产业项目`` / ``重大产业项目``): such
names link only when one report gives both the same value for the same year."""


class _Group:
    __slots__ = ("key", "names", "obs", "order")

    @property
    def code(self) -> str:
        """The codebook code the group was keyed by, or ``""``."""
        return self.key[0][1:] if self.key[0].startswith("#") else ""

    def __init__(self, key: tuple[str, str, str, str], order: tuple[int, int]) -> None:
        self.key = key
        self.order = order
        self.obs: list[Observation] = []
        self.names: list[str] = []


def link_observations(
    old: Sequence[Observation], new: Sequence[Observation]
) -> tuple[MetricRow, ...]:
    """One row per indicator (and measure) across both reports, ids ``m001``… by first appearance.

    Rows are ordered by where their indicator first appears: the old report first, then
    indicators only the new report has. A row's ``indicator`` is the newer report's wording
    (its most frequent spelling), because researchers read the comparison from the current
    report backwards and the newer term is the one in use; older spellings are ``aliases``.
    """
    groups: dict[tuple[str, str, str, str], _Group] = {}
    for doc_rank, seq in ((0, old), (1, new)):
        for i, o in enumerate(seq):
            span = _span_key(o.period)
            key = (o.indicator, o.measure, unit_family(o.unit), span)
            if o.code:  # the codebook knows it: every name of the indicator is one row
                key = ("#" + o.code, o.measure, unit_family(o.unit), span)
            g = groups.get(key)
            if g is None:
                g = groups[key] = _Group(key, (doc_rank, i))
            g.obs.append(o)
            g.names.append(o.indicator)
    merged = _merge(list(groups.values()))
    merged.sort(key=lambda g: g.order)
    return tuple(_row(f"m{n:03d}", g) for n, g in enumerate(merged, 1))


def _span_key(period: str | None) -> str:
    """What a row's figures must share in time: nothing for yearly figures (their columns
    tell the years apart), the end year for a period. ``到2030年`` written in a 2025 report
    (``2025-2030``) and in a 2026 one (``2026-2030``) is one goal, and a five-year goal meets
    the review of the same period."""
    if not period:
        return ""
    return "~" + period.rpartition("-")[2]


def _merge(groups: list[_Group]) -> list[_Group]:
    buckets: dict[tuple[str, str, str], list[int]] = {}
    for n, g in enumerate(groups):
        buckets.setdefault((g.key[1], g.key[2], g.key[3]), []).append(n)
    candidates: list[tuple[float, int, int, bool]] = []
    for members in buckets.values():
        candidates.extend(_candidates(groups, members))
    parent = list(range(len(groups)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    members_of: dict[int, list[_Group]] = {n: [g] for n, g in enumerate(groups)}
    for _, a, b, narrower in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        ra, rb = find(a), find(b)
        if ra == rb or _conflict(members_of[ra], members_of[rb]):
            continue
        if narrower and not _corroborated(groups[a], groups[b]):
            continue
        parent[rb] = ra
        members_of[ra].extend(members_of.pop(rb))
    out: list[_Group] = []
    for members in members_of.values():
        first = min(members, key=lambda g: g.order)
        combined = _Group(first.key, first.order)
        for g in sorted(members, key=lambda g: g.order):
            combined.obs.extend(g.obs)
            combined.names.extend(g.names)
        combined.obs.sort(key=lambda o: (o.doc != "old", o.start))
        out.append(combined)
    return out


def _candidates(groups: list[_Group], members: list[int]) -> list[tuple[float, int, int, bool]]:
    """Pairs of groups of one bucket (same measure and unit family) whose names may link:
    ``(score, group, group, narrower)``, where ``narrower`` marks a name that only adds a
    modifier in front of the other (linked only when a shared value corroborates it)."""
    names = [_name(groups[n]) for n in members]
    codes = [groups[n].code for n in members]
    forms = [link_form(name) for name in names]
    marks = [contrast_signature(name) for name in names]
    keys = ["".join(sorted(form)) for form in forms]
    anagrams: dict[str, list[int]] = {}
    for k, key in enumerate(keys):
        anagrams.setdefault(key, []).append(k)
    out: list[tuple[float, int, int, bool]] = []
    for i, form in enumerate(forms):
        rest = forms[i + 1 :]
        if not rest:
            break
        near = process.extract(
            form, rest, scorer=fuzz.ratio, score_cutoff=PREFILTER_RATIO, limit=None
        )
        scored = {i + 1 + k: score for _choice, score, k in near}
        for k in anagrams.get(keys[i], ()):
            if k > i:
                scored.setdefault(k, 95.0)
        for k, ratio in scored.items():
            if marks[i] != marks[k] or (codes[i] and codes[k]):
                continue  # two codebook indicators are two indicators, however alike
            score = _score(names[i], names[k], forms[i], forms[k], ratio)
            if score >= LINK_THRESHOLD:
                narrower = _adds_modifier(forms[i], forms[k])
                out.append((score, members[i], members[k], narrower))
    return out


def _score(a: str, b: str, la: str, lb: str, ratio: float) -> float:
    if a == b:
        return 100.0
    if la == lb:
        return 99.0
    if sorted(la) == sorted(lb):
        return 95.0
    if _swapped_word(la, lb):
        return 0.0
    shorter, longer = sorted((la, lb), key=len)
    if longer.startswith(shorter):
        return 0.0  # 油茶新造 / 油茶新造低改: a different head noun (Chinese is head-final)
    if _adds_modifier(la, lb):
        return NARROWER if ratio >= LINK_THRESHOLD else 0.0
    return ratio


def _adds_modifier(la: str, lb: str) -> bool:
    """Does one reduced name only add a modifier (two characters or more) in front of the
    other (``产业项目`` / ``重大产业项目``)?"""
    shorter, longer = sorted((la, lb), key=len)
    return la != lb and longer.endswith(shorter) and len(longer) - len(shorter) >= 2


def _conflict(a: list[_Group], b: list[_Group]) -> bool:
    """True when one report gives the two sides different values for the same year and kind."""
    seen: dict[tuple[str, str, int | None], set[float]] = {}
    for g in a:
        for o in g.obs:
            seen.setdefault((o.doc, o.kind, o.year), set()).add(o.value)
    for g in b:
        for o in g.obs:
            values = seen.get((o.doc, o.kind, o.year))
            if values and o.value not in values:
                return True
    if len({g.code for g in (*a, *b) if g.code}) > 1:
        return True
    marks_a = {contrast_signature(_name(g)) for g in a}
    return any(contrast_signature(_name(g)) not in marks_a for g in b)


def _corroborated(a: _Group, b: _Group) -> bool:
    seen = {(o.doc, o.kind, o.year, o.value) for o in a.obs}
    return any((o.doc, o.kind, o.year, o.value) in seen for o in b.obs)


def name_similarity(a: str, b: str) -> float:
    """How alike two indicator names are (0–100), 0 when they name different things."""
    if contrast_signature(a) != contrast_signature(b):
        return 0.0
    la, lb = link_form(a), link_form(b)
    return _score(a, b, la, lb, fuzz.ratio(la, lb))


def _swapped_word(a: str, b: str) -> bool:
    """True when one name has a word of two or more characters where the other has another."""
    deleted = inserted = 0
    for tag, s1, e1, s2, e2 in Indel.opcodes(a, b):
        if tag == "equal":
            if deleted >= 2 and inserted >= 2:
                return True
            deleted = inserted = 0
        elif tag == "delete":
            deleted += e1 - s1
        elif tag == "insert":
            inserted += e2 - s2
        else:
            deleted += e1 - s1
            inserted += e2 - s2
    return deleted >= 2 and inserted >= 2


def _row(row_id: str, g: _Group) -> MetricRow:
    return make_row(row_id, g.key[1], g.obs)


def make_row(row_id: str, measure: str, observations: Sequence[Observation]) -> MetricRow:
    """A row of these observations, named by the newer report's most frequent spelling,
    older spellings as aliases, and the codebook code of any of them on all of them."""
    new_names = [o.indicator for o in observations if o.doc == "new"]
    pool = new_names or [o.indicator for o in observations]
    counts = Counter(pool)
    best = max(counts.values())
    indicator = next(name for name in pool if counts[name] == best)
    aliases: list[str] = []
    for o in observations:
        if o.indicator != indicator and o.indicator not in aliases:
            aliases.append(o.indicator)
    code = next((o.code for o in observations if o.code), "")
    return MetricRow(
        id=row_id,
        indicator=indicator,
        measure=measure,  # type: ignore[arg-type]
        observations=tuple(replace(o, code=code) if code else o for o in observations),
        aliases=tuple(aliases),
        code=code,
    )


def _name(g: _Group) -> str:
    """The name a group is fuzzy-matched on: its indicator (a codebook group: its first name)."""
    return g.names[0] if g.key[0].startswith("#") else g.key[0]
