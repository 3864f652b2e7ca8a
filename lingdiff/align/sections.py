"""Section alignment: which parts and items of two reports are about the same thing.

Method (see :mod:`lingdiff.align.section_scores` for the scores):

1. **Parts first.** Top-level sections are compared within their kind: the
   preamble with the preamble (``other``), review with review, targets with
   targets, plan with plan. When both reports have as many parts of a kind,
   they pair in order whatever their scores (reports do not reorder their
   parts); otherwise they are assigned like sections (steps 2–4). A report that
   states its targets inside its plan part
   has no targets part; the other report's targets part is then *merged* into
   (or *split* from) the pair of plan parts — the new plan's target sentences
   are what the old targets part became.
2. **Assignment.** Within a group, every old section is scored against every
   new one, and one-to-one pairs are fixed strongest first (a greedy, stable
   assignment: no two sections both prefer each other over the partners they
   got). A pair must score at least :data:`MATCH_MIN` and at least
   :data:`MATCH_REL` of the best score either of its sections has with anything,
   so a section whose real counterpart is taken stays single rather than
   settling for a weak second choice.
3. **Splits and merges.** A section left over joins the pair of its best
   counterpart when the score is at least :data:`ATTACH_MIN` and
   :data:`ATTACH_REL` of that pair's own score, *and* adding it makes the
   pair's contents more alike (content similarity rises by at least
   :data:`ATTACH_GAIN`, relative; :data:`ATTACH_GAIN_STRONG` for a section scoring at least
   :data:`ATTACH_STRONG_REL` of the pair's own score): the old section really went into both new
   ones (``split``), or both old ones really went into the new one
   (``merged``). Pairs never become many-to-many.
4. **Leftovers** are ``removed`` (old only) or ``added`` (new only).
5. **Nesting.** Inside every pair whose two sides both have sub-items, the
   sub-items of all its old sections are aligned with those of all its new
   sections the same way (steps 2–4), down to the deepest level. Where only one
   side has sub-items, they are not aligned separately: the pair covers them,
   and their sentences are compared in the pair's sentence alignment.
6. **Moves between parents.** A sub-item left single (removed or added) may
   have its counterpart left single under *another* parent: a task's item that
   the new report states under a different task. Within a part family (review
   with review; targets and plan with targets and plan) and at one depth, the
   removed and added sub-items are scored against each other; two that are each
   other's best counterpart, score at least :data:`MOVE_MIN` and sit under
   different parent pairs become a pair (``matched``), and left-overs join it
   as in step 3 (``split``/``merged``, at least :data:`MOVE_MIN` too, every
   section on a side under the same parent). The pair stands where the reader
   saw the old section go — under the old section's parent pair — with a reason
   ``moved: new 2.7 （七）…`` naming the new section's parent, and is nested
   like any pair (step 5). Sub-items of different depths are not paired: a task
   that became one item of another task is a partial transfer, not a move.

Every section is therefore covered by exactly one pair, its own or its
nearest ancestor's. Pairs come out level by level (all top-level pairs first),
each level in the new report's order with removed sections after the pair of
their preceding old sibling; ids are ``p1``, ``p2`` … and ``p2.1`` … for the
pairs nested in ``p2``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from difflib import SequenceMatcher

from ..lexicon import APPENDIX
from ..model import Document, SectionPair
from .assign import greedy_pairs
from .corrections import FORCED_SCORE, SectionFixes, apply_fixes
from .groups import IN_ORDER, Group, emit, heading_label
from .levels import link_level_changes
from .section_scores import Mix, SectionScorer
from .sentence_scores import sentence_key

MATCH_MIN = 0.25
"""Lowest score of a one-to-one pair (below it, both sections stay unmatched)."""

MATCH_REL = 0.6
"""Lowest share of either section's best score that a one-to-one pair must reach."""

ATTACH_MIN = 0.25
"""Lowest score between a left-over section and its best counterpart for a split/merge."""

ATTACH_REL = 0.4
"""Lowest share of the host pair's own score that a joining section must reach."""

ATTACH_TRIES = 2
"""How many of its best counterparts a left-over section tries to join, best first: when the
best one's pair would not become more alike with it, the next may (a merge of three)."""

ATTACH_GAIN = 0.05
"""Relative rise of content similarity that joining a left-over section must bring."""

ATTACH_GAIN_STRONG = 0.02
"""The rise asked of a left-over section that scores at least :data:`ATTACH_STRONG_REL` of its
host pair's own score: the stronger the evidence that it belongs there, the less the pair's
content must gain (Zhejiang's 以创新浙江引领新质生产力发展 going into both 着力提升创新体系整体效能
and its neighbour rises by 4%)."""

ATTACH_STRONG_REL = 0.6
"""Share of the host pair's score from which a left-over section is a strong candidate."""

FULL_MATRIX_MAX = 40_000
"""Most old × new section pairs scored in one group (200 × 200, far past any real report).
Beyond it, sections pair in document order and moves are not searched: pathological input
(tens of thousands of headings) then costs linear time instead of hours."""

SCORE_BUDGET = 50_000
"""Most section pairs scored in full matrices over one whole alignment (a real report pair
uses under 1,000, the benchmark's twenty reports joined ~4,600). Once spent, further sibling
groups pair in document order and moves are not searched, so that 100,000 headings cost
seconds: each of thousands of 50 × 50 groups is cheap, their sum is not."""

WORK_BUDGET = 5_000_000
"""The same budget in work, as pairs × the shorter side's mean section length in characters
(comparing two long parts costs more than two short items): a real report pair needs about
200,000, the benchmark's twenty reports joined (13 corpus pairs) ~3.5 million; two 5 MB
reports of a hundred parts each would need over 100 million, spent on matrices of parts no
real report has (20 million cost a 5 MB pair 6 s of its 15 s budget, 5 million 3.7 s)."""

MOVE_MIN = 0.4
"""Lowest score of a pair of sections found under different parents (step 6): above
:data:`MATCH_MIN`, as a section found away from its place needs more evidence."""


_PART_GROUPS = ("other", "review", "targets", "plan", "appendix")


def align_sections(
    old: Document,
    new: Document,
    old_mix: dict[str, Mix],
    new_mix: dict[str, Mix],
    fixes: SectionFixes | None = None,
) -> tuple[SectionPair, ...]:
    """Align the sections of two reports: top-level pairs first, then nested pairs.

    ``old_mix``/``new_mix`` map section ids to topic mixes (see
    :func:`lingdiff.topics.section_topics`); empty dicts leave topics out of the
    scores. ``fixes`` are a researcher's corrections (pairs to make, pairs never to make),
    obeyed by every step (see :mod:`lingdiff.align.corrections`).
    """
    scorer = SectionScorer(old, new, old_mix, new_mix)
    order = {s.id: i for doc in (old, new) for i, s in enumerate(doc.sections)}
    aligner = _Aligner(old, new, scorer, order, fixes or SectionFixes())
    top = aligner.top_level()
    for group in top:
        aligner.nest(group)
    aligner.link_moves(top)
    link_level_changes(aligner, top)
    apply_fixes(aligner, top)
    return emit(top, scorer, order)


class _Aligner:
    """The alignment steps, sharing one scorer and the documents' section order."""

    def __init__(
        self,
        old: Document,
        new: Document,
        scorer: SectionScorer,
        order: dict[str, int],
        fixes: SectionFixes,
    ) -> None:
        self.old = old
        self.new = new
        self.scorer = scorer
        self.order = order
        self.fixes = fixes
        self.budget = SCORE_BUDGET
        self.work = WORK_BUDGET

    def pair_score(self, o: str, n: str) -> float:
        """The score of two sections as the steps see it: a forced pair above any other, a
        pair the researcher ruled out (or a section forced elsewhere) zero."""
        if not self.fixes.allowed(o, n):
            return 0.0
        if self.fixes.forced(o, n):
            return FORCED_SCORE
        secs = self.scorer.sections
        if _five_years(secs[o].title) != _five_years(secs[n].title):
            return 0.0  # 这是…的五年 (a five-year review's heading) is no one year's item
        return self.scorer.score([o], [n])

    def group(self, o: str, n: str, **kw: bool) -> Group:
        """A one-to-one pair with its real score, marked when a correction forced it."""
        forced = "pair" if self.fixes.forced(o, n) else ""
        return Group([o], [n], self.scorer.score([o], [n]), override=forced, **kw)

    def _affords(self, olds: Sequence[str], news: Sequence[str]) -> bool:
        """Can all pairs of these sections be scored? (Spends the budgets if so.)"""
        size = len(olds) * len(news)
        secs = self.scorer.sections
        mean_old = sum(secs[o].end - secs[o].start for o in olds) / max(1, len(olds))
        mean_new = sum(secs[n].end - secs[n].start for n in news) / max(1, len(news))
        work = size * min(mean_old, mean_new)
        if size > FULL_MATRIX_MAX or size > self.budget or work > self.work:
            return False
        self.budget -= size
        self.work -= work
        return True

    def top_level(self) -> list[Group]:
        """Pairs of top-level sections, part kind by part kind."""
        by_part: dict[str, tuple[list[str], list[str]]] = {p: ([], []) for p in _PART_GROUPS}
        for side, doc in enumerate((self.old, self.new)):
            for sec in doc.top_sections():
                # an appendix (附件, 名词解释) pairs only with an appendix
                group = "appendix" if APPENDIX.fullmatch(sec.title) else sec.part
                by_part[group][side].append(sec.id)
        old_t, new_t = by_part["targets"]
        folded: list[str] = []
        if old_t and not new_t and by_part["plan"][0]:
            folded, by_part["targets"] = old_t, ([], [])
        elif new_t and not old_t and by_part["plan"][1]:
            folded, by_part["targets"] = new_t, ([], [])
        groups: list[Group] = []
        for part in _PART_GROUPS:
            olds, news = by_part[part]
            if len(olds) == len(news) and not self.fixes.touches(*olds, *news):
                # Parts of one kind correspond in order (reports do not reorder their parts).
                groups.extend(self.group(o, n) for o, n in zip(olds, news, strict=True))
            else:
                groups.extend(self.match(olds, news))
        for sid in folded:
            self._fold_targets(sid, groups)
        return groups

    def _fold_targets(self, sid: str, groups: list[Group]) -> None:
        """Join a targets part to the pair of its own report's nearest plan part."""
        is_old = sid.startswith("old:")
        doc = self.old if is_old else self.new
        plans = [s.id for s in doc.top_sections() if s.part == "plan"]
        nearest = min(plans, key=lambda p: (abs(self.order[p] - self.order[sid]), self.order[p]))
        host = next(g for g in groups if nearest in (g.old if is_old else g.new))
        other = host.new if is_old else host.old
        if len(other) != 1 or not self.fixes.allowed(
            *((sid, other[0]) if is_old else (other[0], sid))
        ):
            groups.append(Group([sid], []) if is_old else Group([], [sid]))
            return
        side = host.old if is_old else host.new
        side.append(sid)
        side.sort(key=self.order.__getitem__)
        host.score = self.scorer.score(host.old, host.new)
        host.note = "targets part merged into plan" if is_old else "targets part split from plan"

    def nest(self, group: Group) -> None:
        """Align the sub-items of a pair (recursively) when both sides have some."""
        if not group.old or not group.new:
            return
        sections = self.scorer.sections
        olds = [c for sid in group.old for c in sections[sid].children]
        news = [c for sid in group.new for c in sections[sid].children]
        if not olds or not news:
            return
        group.children = self.match(olds, news)
        for child in group.children:
            self.nest(child)

    def match(self, olds: Sequence[str], news: Sequence[str]) -> list[Group]:
        """Pair two lists of sibling sections: assignment, then splits/merges, then leftovers."""
        scorer = self.scorer
        groups: list[Group] = []
        if olds and news and not self._affords(olds, news):
            return _in_order(olds, news, scorer)
        if olds and news:
            scores = [[self.pair_score(o, n) for n in news] for o in olds]
            pairs = _greedy_pairs(scores)
            owner: dict[str, Group] = {}
            for i, j in pairs:
                g = self.group(olds[i], news[j])
                groups.append(g)
                owner[olds[i]] = owner[news[j]] = g
            self._attach(olds, news, scores, owner)
        else:
            owner = {}
        for sid in olds:
            if sid not in owner:
                groups.append(Group([sid], []))
        for sid in news:
            if sid not in owner:
                groups.append(Group([], [sid]))
        return groups

    def _attach(
        self,
        olds: Sequence[str],
        news: Sequence[str],
        scores: list[list[float]],
        owner: dict[str, Group],
        floor: float = ATTACH_MIN,
        fits: Callable[[str, Group], bool] | None = None,
    ) -> None:
        """Join left-over sections to the pair of their best counterpart (split/merge).

        ``floor`` is the lowest score of a joining section; ``fits`` can veto a join.
        """
        candidates: list[tuple[float, int, str, str]] = []
        for i, o in enumerate(olds):
            if o not in owner:
                ranked = sorted(range(len(news)), key=lambda j, i=i: (-scores[i][j], j))
                candidates.extend(
                    (scores[i][j], self.order[o], o, news[j]) for j in ranked[:ATTACH_TRIES]
                )
        for j, n in enumerate(news):
            if n not in owner:
                ranked = sorted(range(len(olds)), key=lambda i, j=j: (-scores[i][j], i))
                candidates.extend(
                    (scores[i][j], self.order[n], n, olds[i]) for i in ranked[:ATTACH_TRIES]
                )
        candidates.sort(key=lambda c: (-c[0], c[2]))
        for score, _, sid, best in candidates:
            if sid in owner:
                continue  # joined a better counterpart's pair already
            host = owner.get(best)
            if host is None or host.override or score < max(floor, ATTACH_REL * host.score):
                continue
            if fits is not None and not fits(sid, host):
                continue
            is_old = sid.startswith("old:")
            side, other = (host.old, host.new) if is_old else (host.new, host.old)
            if len(other) > 1:
                continue  # would become many-to-many
            grown = sorted([*side, sid], key=self.order.__getitem__)
            before = self.scorer.content(host.old, host.new)
            after = (
                self.scorer.content(grown, host.new)
                if is_old
                else self.scorer.content(host.old, grown)
            )
            gain = ATTACH_GAIN_STRONG if score >= ATTACH_STRONG_REL * host.score else ATTACH_GAIN
            if after < before * (1 + gain):
                continue
            side[:] = grown
            host.score = self.scorer.score(host.old, host.new)
            owner[sid] = host

    def link_moves(self, top: list[Group]) -> None:
        """Step 6: pair single sub-items whose counterpart stands under another parent."""
        pools: dict[tuple[str, int], tuple[list[str], list[str]]] = {}
        held: dict[str, tuple[Group, Group]] = {}  # section id -> (its single group, parent)
        for group in top:
            parts = {self.scorer.sections[sid].part for sid in (*group.old, *group.new)}
            family = "review" if "review" in parts else "other" if parts == {"other"} else "plan"
            self._collect(group, family, 2, pools, held)
        for olds, news in (pools[k] for k in sorted(pools)):
            if olds and news and self._affords(olds, news):
                self._link(olds, news, held)

    def _collect(
        self,
        group: Group,
        family: str,
        depth: int,
        pools: dict[tuple[str, int], tuple[list[str], list[str]]],
        held: dict[str, tuple[Group, Group]],
    ) -> None:
        """Gather the single sub-items under a pair, by part family and depth."""
        for child in group.children:
            if child.old and child.new:
                self._collect(child, family, depth + 1, pools, held)
                continue
            olds, news = pools.setdefault((family, depth), ([], []))
            for sid in child.old:
                olds.append(sid)
                held[sid] = (child, group)
            for sid in child.new:
                news.append(sid)
                held[sid] = (child, group)

    def _link(self, olds: list[str], news: list[str], held: dict[str, tuple[Group, Group]]) -> None:
        """Pair mutual best counterparts under different parents; attach left-overs; re-home."""
        scores = [[self.pair_score(o, n) for n in news] for o in olds]
        row_best = [max(range(len(news)), key=lambda j, r=row: (r[j], -j)) for row in scores]
        col_best = [
            max(range(len(olds)), key=lambda i, j=j: (scores[i][j], -i)) for j in range(len(news))
        ]
        parent = {sid: held[sid][1] for sid in (*olds, *news)}
        owner: dict[str, Group] = {}
        for i, j in enumerate(row_best):
            o, n = olds[i], news[j]
            if col_best[j] == i and scores[i][j] >= MOVE_MIN and parent[o] is not parent[n]:
                owner[o] = owner[n] = self.group(o, n, moved=True)
        if not owner:
            return

        def fits(sid: str, host: Group) -> bool:
            """Every section on a side under one parent, the two sides under different ones."""
            same, other = (host.old, host.new) if sid.startswith("old:") else (host.new, host.old)
            return parent[sid] is parent[same[0]] and parent[sid] is not parent[other[0]]

        self._attach(olds, news, scores, owner, floor=MOVE_MIN, fits=fits)
        for group in dict.fromkeys(owner.values()):  # each pair once, in order
            for sid in (*group.old, *group.new):
                single, holder = held[sid]
                holder.children.remove(single)
            parent[group.old[0]].children.append(group)
            new_parent = self.scorer.sections[group.new[0]].parent
            if new_parent is not None:
                group.note = "moved: " + heading_label(self.scorer.sections[new_parent])
            self.nest(group)


_FIVE_YEARS = re.compile(r"五年|十[一二三四五六]五")
_ONE_YEAR = re.compile(r"\d{4}年|一年")


def _five_years(title: str) -> bool:
    """Is a heading about a five-year period alone (``这是…的五年``, ``“十四五”时期成就``)?"""
    return _FIVE_YEARS.search(title) is not None and _ONE_YEAR.search(title) is None


def _in_order(olds: Sequence[str], news: Sequence[str], scorer: SectionScorer) -> list[Group]:
    """Too many sections to compare all pairs: the two lists aligned in order as a diff
    aligns lines. Sections headed alike (numbering, figures and punctuation aside) anchor the
    alignment where they stand; between anchors the i-th old pairs with the i-th new and the
    rest stay alone. An added or removed section therefore shifts nothing after it (pairing
    by position alone paired every later section with its neighbour's counterpart)."""
    keys = [[sentence_key(scorer.sections[sid].title) for sid in side] for side in (olds, news)]
    groups: list[Group] = []
    for _, i1, i2, j1, j2 in SequenceMatcher(None, *keys).get_opcodes():
        both = min(i2 - i1, j2 - j1)
        groups.extend(
            Group([o], [n], scorer.score([o], [n]), note=IN_ORDER)
            for o, n in zip(olds[i1 : i1 + both], news[j1 : j1 + both], strict=True)
        )
        groups.extend(Group([o], []) for o in olds[i1 + both : i2])
        groups.extend(Group([], [n]) for n in news[j1 + both : j2])
    return groups


def _greedy_pairs(scores: list[list[float]]) -> list[tuple[int, int]]:
    """One-to-one (row, column) pairs, strongest first, within the gates of step 2."""
    n_rows, n_cols = len(scores), len(scores[0])
    row_best = [max(row) for row in scores]
    col_best = [max(scores[i][j] for i in range(n_rows)) for j in range(n_cols)]
    cells = (
        (v, i, j)
        for i, row in enumerate(scores)
        for j, v in enumerate(row)
        if v >= MATCH_MIN and v >= MATCH_REL * max(row_best[i], col_best[j])
    )
    return sorted((i, j) for i, j, _ in greedy_pairs(cells))
