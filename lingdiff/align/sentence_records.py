"""The records of sentence alignment: one :class:`SentencePair` per sentence, each matched or
moved pair with its status and edit script (:mod:`lingdiff.align.sentences` finds the pairs).

A pair of sentences is diffed once however often it recurs: reports of thousands of list
items or headings (``1.建设项目3。`` → ``1.建设项目4。`` a hundred thousand times over) repeat
the same pair of sentences, and their records share one edit script (:class:`Scripts`).
"""

from __future__ import annotations

from operator import itemgetter

from ..model import EditOp, SentencePair, SentenceStatus
from .characters import char_diff

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .sentences import _Side


class Scripts:
    """Status and edit script of matched sentences (:meth:`of`), each distinct pair of
    sentences diffed once: one per alignment of two reports, then dropped."""

    __slots__ = ("_done", "new", "old")

    def __init__(self, old: _Side, new: _Side) -> None:
        self.old, self.new = old, new
        self._done: dict[tuple[str, str, int, int], tuple[EditOp, ...]] = {}

    def of(self, i: int, j: int) -> tuple[SentenceStatus, tuple[EditOp, ...]]:
        """Status (same/changed) and edit script of old sentence ``i`` and new sentence
        ``j`` (numbering of headings left out, offsets into the whole sentences)."""
        old, new = self.old, self.new
        so, sn = old.doc.sentences[i], new.doc.sentences[j]
        mo, mn = old.marks.get(i, 0), new.marks.get(j, 0)
        norm_o = (old.doc.norm or old.doc.text)[so.start + mo : so.end]
        norm_n = (new.doc.norm or new.doc.text)[sn.start + mn : sn.end]
        if norm_o == norm_n or "".join(norm_o.split()) == "".join(norm_n.split()):
            return "same", ()
        # the script is made of the normalised texts and cut from the faithful ones: the
        # faithful texts stand for both where they are the normalised ones (nearly always)
        if norm_o == so.text[mo:] and norm_n == sn.text[mn:]:
            key = (so.text, sn.text, mo, mn)
            ops = self._done.get(key)
            if ops is None:
                ops = self._done[key] = _script(so.text, sn.text, mo, mn, norm_o, norm_n)
            return "changed", ops
        return "changed", _script(so.text, sn.text, mo, mn, norm_o, norm_n)


def _script(
    old_text: str, new_text: str, mo: int, mn: int, norm_o: str, norm_n: str
) -> tuple[EditOp, ...]:
    """The edit script of two sentences: :func:`char_diff` of their normalised texts past
    their numbering (``mo``/``mn`` characters), texts and offsets of the whole sentences."""
    return tuple(
        EditOp(
            op.tag,
            old_text[mo + op.old_start : mo + op.old_end],
            new_text[mn + op.new_start : mn + op.new_end],
            mo + op.old_start,
            mo + op.old_end,
            mn + op.new_start,
            mn + op.new_end,
        )
        for op in char_diff(norm_o, norm_n)
    )


def pair_records(
    pid: str,
    olds: list[int],
    news: list[int],
    matches: dict[str, list[tuple[int, int, float]]],
    moved: tuple[dict[int, tuple[int, float]], set[int]],
    scripts: Scripts,
) -> list[SentencePair]:
    """The records of one pair, in the new report's order (see
    :mod:`lingdiff.align.sentences`). ``moved`` is the moves (old index -> new index,
    similarity) and the set of new indices moved in."""
    moves, moved_in = moved
    partner = {i: (j, s) for i, j, s in matches[pid]}
    keyed: list[tuple[tuple[int, int, int], SentencePair]] = []
    for i, (j, s) in partner.items():
        status, ops = scripts.of(i, j)
        keyed.append(((j, 0, i), SentencePair(pid, i, j, status, round(s, 3), ops)))
    matched_new = {j for j, _ in partner.values()}
    for j in news:
        if j not in matched_new and j not in moved_in:
            keyed.append(((j, 0, -1), SentencePair(pid, None, j, "added", 0.0)))
    anchor = -1
    owner = scripts.new.owner
    for i in sorted(olds):
        if i in partner:
            anchor = partner[i][0]
            continue
        if i in moves:
            j, s = moves[i]
            _, ops = scripts.of(i, j)
            rec = SentencePair(pid, i, j, "moved", round(s, 3), ops, moved_to=owner[j])
        else:
            rec = SentencePair(pid, i, None, "removed", 0.0)
        keyed.append(((anchor, 1, i), rec))
    keyed.sort(key=itemgetter(0))
    return [r for _, r in keyed]
