"""Sentence alignment inside aligned sections, with moves between them.

Method:

1. **Ownership.** Every sentence belongs to the deepest section pair that lists
   its section or an ancestor of it (see :mod:`lingdiff.align.sections`: every
   section is covered by exactly one pair), so every sentence of both reports
   is handled in exactly one pair and compared with the sentences of that
   pair only — never all sentences against all sentences.
2. **Headings.** In a pair, the heading of the one section on a side is paired
   with the best-scoring heading of the other side (for a one-to-one pair: with
   the other heading), whatever their wording, so corresponding headings stand
   on the same row.
3. **Matching.** The other sentences are paired strongest first (a greedy,
   order-free assignment, so reordered sentences are found) when their
   similarity reaches :data:`SENTENCE_MIN` (keys and scores in
   :mod:`lingdiff.align.sentence_scores`: numbering, punctuation and whitespace dropped,
   figures replaced by one placeholder, so that a sentence whose figures
   changed still matches itself).
4. **Moves.** Sentences left unmatched in one pair are compared with those
   left unmatched in *other* pairs of the same family (review with review,
   targets and plans with targets and plans) that share a four-character
   stretch with them; those reaching :data:`MOVED_MIN` are reported as
   ``moved``.
5. **Diffs.** ``changed`` and ``moved`` pairs carry the character-level edit
   script of :func:`lingdiff.align.characters.char_diff`, computed on the normalised
   sentences (so full-width/half-width variants are no change) with the texts
   of the steps cut from the faithful sentences. A heading sentence is compared
   without its numbering (the section's ``number``, ``（一）``, ``1.``, ``一是``):
   renumbering is where a section stands, not what it says, so two headings
   differing only in their numbers are ``same``, and the edit script of a
   reworded heading covers its title only (its offsets still index the whole
   sentence; the numbering before the first step is in no step). Records and edit
   scripts are made in :mod:`lingdiff.align.sentence_records`.

Output: one :class:`SentencePair` per old sentence and per new sentence — a
sentence appears in exactly one record (as ``old`` or ``new``). A ``moved``
record holds both sentences: ``pair`` is the pair of the old sentence and
``moved_to`` the pair of the new one. Records come pair by pair (tree order,
parents first), and within a pair in the new report's order, with removed and
moved-away sentences after the record of their preceding old sentence.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Sequence
from itertools import repeat

from ..model import Document, SectionPair, SentencePair
from .assign import greedy_pairs
from .sentence_records import Scripts, pair_records
from .sentence_scores import (
    candidates,
    heading_mark,
    plain_key,
    sentence_key,
    shingles,
    similarity,
)

SENTENCE_MIN = 0.5
"""Lowest similarity at which two sentences of the same pair are the same sentence, changed."""

MOVED_MIN = 0.65
"""Lowest similarity at which sentences of two different pairs are one sentence that moved."""

ALL_PAIRS_MAX = 250_000
"""Most old × new sentences of one pair compared all with all (500 × 500; the largest pair of
the corpus, national 2015 → 2016, holds about 390 × 390). A larger pair (joined or generated
text) compares each old sentence only with the new ones sharing its rarest four-character
stretches: linear, not quadratic."""

BLOCK_POSTINGS = 64
"""Most candidate sentences an old sentence of such a large pair is compared with."""

COMMON_SHINGLE = 8
"""A four-character stretch in more left-over sentences than this does not propose moves."""


class _Side:
    """One report's sentences, prepared for comparison: ``keys`` the comparison key and
    ``owner`` the pair id per sentence index, ``headings`` section id -> index of its heading
    sentence, ``marks`` heading sentence index -> length of its numbering (with spaces)."""

    __slots__ = ("doc", "headings", "keys", "marks", "owner")

    def __init__(
        self,
        doc: Document,
        keys: list[str],
        owner: list[str],
        headings: dict[str, int],
        marks: dict[int, int],
    ) -> None:
        self.doc, self.keys, self.owner, self.headings, self.marks = (
            doc,
            keys,
            owner,
            headings,
            marks,
        )


def align_sentences(
    old: Document, new: Document, pairs: Sequence[SectionPair]
) -> tuple[SentencePair, ...]:
    """Align the sentences of two reports inside their aligned section pairs (see module doc)."""
    if not pairs:
        return ()
    sides = (_prepare(old, pairs, is_old=True), _prepare(new, pairs, is_old=False))
    ordered = _tree_order(pairs)
    by_pair_old: dict[str, list[int]] = {p.id: [] for p in ordered}
    by_pair_new: dict[str, list[int]] = {p.id: [] for p in ordered}
    for i, pid in enumerate(sides[0].owner):
        by_pair_old[pid].append(i)
    for j, pid in enumerate(sides[1].owner):
        by_pair_new[pid].append(j)

    matches: dict[str, list[tuple[int, int, float]]] = {}
    for pair in ordered:
        matches[pair.id] = _match_pair(pair, by_pair_old[pair.id], by_pair_new[pair.id], sides)

    matched_old = {i for ms in matches.values() for i, _, _ in ms}
    matched_new = {j for ms in matches.values() for _, j, _ in ms}
    moves = _find_moves(sides, _families(ordered, old, new), matched_old, matched_new)

    moved = (moves, {j for j, _ in moves.values()})
    scripts = Scripts(*sides)
    records: list[SentencePair] = []
    for pair in ordered:
        olds, news = by_pair_old[pair.id], by_pair_new[pair.id]
        records.extend(pair_records(pair.id, olds, news, matches, moved, scripts))
    return tuple(records)


# --------------------------------------------------------------------------- preparation


def _families(pairs: Sequence[SectionPair], old: Document, new: Document) -> dict[str, str]:
    """Pair id -> ``review`` or ``plan``: moves are looked for within one family only.

    A sentence of last year's review that reappears in this year's plan did not
    move; it is a result restated as a task.
    """
    parts = {s.id: s.part for doc in (old, new) for s in doc.sections}
    top: dict[str, str] = {}
    for p in pairs:
        if p.parent is None:
            review = any(parts.get(sid) == "review" for sid in (*p.old, *p.new))
            top[p.id] = "review" if review else "plan"
    return {p.id: top.get(p.id.split(".", 1)[0], "plan") for p in pairs}


def _prepare(doc: Document, pairs: Sequence[SectionPair], *, is_old: bool) -> _Side:
    """Comparison keys and owning pair of every sentence of one report."""
    listed: dict[str, str] = {}
    for p in pairs:
        for sid in p.old if is_old else p.new:
            listed[sid] = p.id
    sections = doc.section_map()
    owner_of_section: dict[str, str] = {}

    def owner(sid: str) -> str:
        hit = owner_of_section.get(sid)
        if hit is None:
            cur: str | None = sid
            while cur is not None and cur not in listed:
                cur = sections[cur].parent if cur in sections else None
            hit = listed[cur] if cur is not None else _fallback(listed)
            owner_of_section[sid] = hit
        return hit

    text = doc.norm or doc.text
    keys = [sentence_key(text[s.start : s.end]) for s in doc.sentences]
    owners = [owner(s.section) for s in doc.sentences]
    headings: dict[str, int] = {}
    marks: dict[int, int] = {}
    seen: set[str] = set()
    for s in doc.sentences:
        if s.section not in seen:
            seen.add(s.section)
            sec = sections.get(s.section)
            if s.is_heading and sec is not None and sec.title and sec.title in s.text:
                headings[s.section] = s.index
                mark = heading_mark(s.text, sec.number)
                if mark:
                    marks[s.index] = mark
                    keys[s.index] = plain_key(text[s.start + mark : s.end])
    return _Side(doc, keys, owners, headings, marks)


def _fallback(listed: dict[str, str]) -> str:
    """The pair for a sentence outside every listed section (not expected): the first pair."""
    return min(listed.values(), key=_pair_sort_key)


def _pair_sort_key(pid: str) -> tuple[int, ...]:
    return tuple(int(x) for x in pid[1:].split("."))


def _tree_order(pairs: Sequence[SectionPair]) -> list[SectionPair]:
    """Pairs in tree order (each pair followed by its nested pairs), by id."""
    return sorted(pairs, key=lambda p: _pair_sort_key(p.id))


# --------------------------------------------------------------------------- matching


def _match_pair(
    pair: SectionPair, olds: list[int], news: list[int], sides: tuple[_Side, _Side]
) -> list[tuple[int, int, float]]:
    """(old index, new index, similarity) of the sentences matched inside one pair."""
    if not olds or not news:
        return []
    old_side, new_side = sides
    out: list[tuple[int, int, float]] = []
    used_old: set[int] = set()
    used_new: set[int] = set()
    # Headings: the lone section's heading with the best heading of the other side.
    old_heads = [old_side.headings[sid] for sid in pair.old if sid in old_side.headings]
    new_heads = [new_side.headings[sid] for sid in pair.new if sid in new_side.headings]
    if old_heads and new_heads and (len(old_heads) == 1 or len(new_heads) == 1):
        i, j = max(
            ((i, j) for i in old_heads for j in new_heads),
            key=lambda ij: (similarity(old_side.keys[ij[0]], new_side.keys[ij[1]]), -ij[0], -ij[1]),
        )
        out.append((i, j, similarity(old_side.keys[i], new_side.keys[j])))
        used_old.add(i)
        used_new.add(j)
    # Everything else: strongest pairs first; the same key on both sides first of all.
    rest_new = [j for j in news if j not in used_new]
    rest_old = [i for i in olds if i not in used_old and old_side.keys[i]]
    same = _same_keys(rest_old, rest_new, old_side.keys, new_side.keys)
    if same:
        out.extend(same)
        taken_old, taken_new = {i for i, _, _ in same}, {j for _, j, _ in same}
        rest_old = [i for i in rest_old if i not in taken_old]
        rest_new = [j for j in rest_new if j not in taken_new]
    if len(rest_old) * len(rest_new) > ALL_PAIRS_MAX:
        cells = _blocked_cells(rest_old, rest_new, old_side.keys, new_side.keys)
    else:
        choices = {j: new_side.keys[j] for j in rest_new}
        cells = [
            (score, i, j)
            for i in rest_old
            for score, j in candidates(old_side.keys[i], choices, SENTENCE_MIN)
        ]
    out.extend(greedy_pairs(cells))
    return out


def _same_keys(
    olds: list[int], news: list[int], old_keys: list[str], new_keys: list[str]
) -> list[tuple[int, int, float]]:
    """(old, new, 1.0) for sentences whose keys are equal, each old one (in order) with the
    first free new one of its key: what :func:`greedy_pairs` takes first from all the cells
    (only equal keys score 1.0, and ties go by position), found without scoring the others.
    The rest are then scored among themselves only, as a cell of a taken sentence is never
    taken."""
    waiting: dict[str, list[int]] = {}
    for j in reversed(news):
        waiting.setdefault(new_keys[j], []).append(j)
    out: list[tuple[int, int, float]] = []
    for i in olds:
        free = waiting.get(old_keys[i])
        if free:
            out.append((i, free.pop(), 1.0))
    return out


def _blocked_cells(
    olds: list[int], news: list[int], old_keys: list[str], new_keys: list[str]
) -> list[tuple[float, int, int]]:
    """(similarity, old, new) cells of a pair too large to compare all with all: each old
    sentence is compared with the new sentences that share its rarest four-character
    stretches (at most :data:`BLOCK_POSTINGS` of them), found through an index."""
    index: dict[str, list[int]] = defaultdict(list)
    for j in news:
        if new_keys[j]:
            for g in shingles(new_keys[j]):
                index[g].append(j)
    cells: list[tuple[float, int, int]] = []
    for i in olds:
        key = old_keys[i]
        lists = sorted((index[g] for g in shingles(key) if g in index), key=len)
        near: set[int] = set()
        for postings in lists:
            if near and len(near) + len(postings) > BLOCK_POSTINGS:
                break
            near.update(postings)
        if near:
            choices = {j: new_keys[j] for j in sorted(near)}
            cells.extend((score, i, j) for score, j in candidates(key, choices, SENTENCE_MIN))
    return cells


def _find_moves(
    sides: tuple[_Side, _Side],
    family: dict[str, str],
    matched_old: set[int],
    matched_new: set[int],
) -> dict[int, tuple[int, float]]:
    """Old index -> (new index, similarity) for sentences that moved to another pair.

    Left-over sentences are compared across pairs of the same family (the review
    of last year, or the plans and targets), and only with sentences sharing at
    least one four-character stretch with them (a sentence this alike to
    another always does), found through an index: never all against all. A
    stretch found in more than :data:`COMMON_SHINGLE` sentences is formulaic
    (``坚持以习近``) and proposes no candidates, which keeps the work linear.
    """
    old_side, new_side = sides
    # Where each stretch stands among the left-over new sentences of each family: the
    # sentences holding it (ascending), so that its count is the length of that list.
    postings: dict[str, defaultdict[str, list[int]]] = {}
    for j, pid in enumerate(new_side.owner):
        if j not in matched_new and new_side.keys[j]:
            index = postings.get(family[pid])
            if index is None:
                index = postings[family[pid]] = defaultdict(list)
            # index[g].append(j) for every stretch g of the sentence, looped in C: a 5 MB
            # report has millions of stretches
            held = map(index.__getitem__, shingles(new_side.keys[j]))
            deque(map(list.append, held, repeat(j)), 0)
    # A formulaic stretch proposes no candidates: out of the index.
    for index in postings.values():
        for g in [g for g, held in index.items() if len(held) > COMMON_SHINGLE]:
            del index[g]
    # Each left-over old sentence against the new ones sharing a telling (not formulaic)
    # stretch with it.
    cells: list[tuple[float, int, int]] = []
    for i, pid in enumerate(old_side.owner):
        key = old_side.keys[i]
        index = postings.get(family[pid])
        if i in matched_old or not key or index is None:
            continue
        near: set[int] = set()
        for held in filter(None, map(index.get, shingles(key))):  # the telling stretches
            near.update(held)
        choices = {j: new_side.keys[j] for j in sorted(near) if new_side.owner[j] != pid}
        if choices:
            cells.extend((score, i, j) for score, j in candidates(key, choices, MOVED_MIN))
    return {i: (j, score) for i, j, score in greedy_pairs(cells)}
