"""Character-level edit scripts between two sentences, with figures kept whole.

A report sentence is cut into tokens: a *figure* (``7.5%``, ``222.5亿元``,
``80.6万亩``, ``30个以上``, ``6%—6.5%``, ``2019年``) is one token, a run of
Latin letters is one token, every other character is its own token. The token
lists are diffed, and the edits are then grouped into readable chunks: an
unchanged stretch of at most :data:`MERGE_GAP` characters between two edits is
folded into one ``replace``, so ``提质增效`` → ``提档升级`` reads as one change
rather than as four alternating single characters.

The script is complete: its ``equal`` and edit steps, in order, spell out both
sentences, and every offset is a character offset into the sentence it names.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from ..lexicon import FIGURE_TOKEN
from ..model import EditOp

MERGE_GAP = 2
"""Longest unchanged stretch (in characters) between two edits that is folded into them."""


def tokenize(text: str) -> list[tuple[int, int]]:
    """Token spans of ``text``: figures and Latin words whole, every other character alone."""
    return [m.span() for m in FIGURE_TOKEN.finditer(text)]


def char_diff(old_text: str, new_text: str) -> tuple[EditOp, ...]:
    """The edit script turning ``old_text`` into ``new_text`` (equal steps included).

    Figures are single units (``7.5%`` → ``5.5%`` is one ``replace``, never
    merged with the words around it), and other edits separated by at most
    :data:`MERGE_GAP` unchanged characters are merged into one chunk.
    """
    old_spans = tokenize(old_text)
    new_spans = tokenize(new_text)
    old_tokens = [old_text[a:b] for a, b in old_spans]
    new_tokens = [new_text[a:b] for a, b in new_spans]
    old_fig = ["0" <= t[0] <= "9" for t in old_tokens]  # tokens are never empty
    new_fig = ["0" <= t[0] <= "9" for t in new_tokens]
    # Token-level steps first: [tag, i1, i2, j1, j2, figure_only].
    steps: list[_Step] = []
    for tag, i1, i2, j1, j2 in _opcodes(old_tokens, new_tokens):
        if tag == "replace":
            steps.extend(_split_figures(i1, i2, j1, j2, old_fig, new_fig))
        else:
            steps.append(_Step(tag, i1, i2, j1, j2, False))
    merged = _merge_small_gaps(steps, old_spans, new_spans)
    ops: list[EditOp] = []
    for st in merged:
        os_, oe = _char_range(old_spans, st.i1, st.i2, len(old_text))
        ns, ne = _char_range(new_spans, st.j1, st.j2, len(new_text))
        ops.append(EditOp(st.tag, old_text[os_:oe], new_text[ns:ne], os_, oe, ns, ne))
    return tuple(ops)


DIFF_MAX = 4_000_000
"""Most old × new tokens diffed in full (2,000 × 2,000: a report's sentences have a few hundred
tokens). Past it — a "sentence" of pages without a full stop — the common beginning and end
stay equal and what lies between is one replacement: a full diff's time grows with the
product of the two lengths (32,000 characters each took 20 s)."""


def _opcodes(a: list[str], b: list[str]) -> list[tuple[str, int, int, int, int]]:
    """``SequenceMatcher.get_opcodes()`` of two token lists, bounded by :data:`DIFF_MAX`."""
    if len(a) * len(b) <= DIFF_MAX:
        return SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    shorter = min(len(a), len(b))
    head = 0
    while head < shorter and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < shorter - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    a_end, b_end = len(a) - tail, len(b) - tail
    out = [("equal", 0, head, 0, head)] if head else []
    if head < a_end or head < b_end:
        tag = "replace" if head < a_end and head < b_end else "delete" if head < a_end else "insert"
        out.append((tag, head, a_end, head, b_end))
    if tail:
        out.append(("equal", a_end, len(a), b_end, len(b)))
    return out


class _Step:
    """One token-level step of the script while it is being built; ``figure``: a figure
    replaced by a figure, shown on its own and never merged."""

    __slots__ = ("figure", "i1", "i2", "j1", "j2", "tag")

    def __init__(self, tag: str, i1: int, i2: int, j1: int, j2: int, figure: bool) -> None:
        self.tag, self.i1, self.i2, self.j1, self.j2, self.figure = tag, i1, i2, j1, j2, figure


def _split_figures(
    i1: int, i2: int, j1: int, j2: int, old_fig: list[bool], new_fig: list[bool]
) -> list[_Step]:
    """Cut a replace block so that figures replaced by figures stand on their own.

    With as many figures on both sides, the k-th old figure pairs with the k-th
    new one; otherwise only figure pairs at the two ends of the block are cut off.
    """
    old_pos = [i for i in range(i1, i2) if old_fig[i]]
    new_pos = [j for j in range(j1, j2) if new_fig[j]]
    if old_pos and len(old_pos) == len(new_pos):
        pairs = list(zip(old_pos, new_pos, strict=True))
    else:
        pairs = []
        a, b = i1, j1
        while a < i2 and b < j2 and old_fig[a] and new_fig[b]:
            pairs.append((a, b))
            a, b = a + 1, b + 1
        tail: list[tuple[int, int]] = []
        c, d = i2 - 1, j2 - 1
        while c >= a and d >= b and old_fig[c] and new_fig[d]:
            tail.insert(0, (c, d))
            c, d = c - 1, d - 1
        pairs.extend(tail)
    out: list[_Step] = []
    a, b = i1, j1
    for fi, fj in [*pairs, (i2, j2)]:
        if a < fi or b < fj:
            tag = "replace" if a < fi and b < fj else ("delete" if a < fi else "insert")
            out.append(_Step(tag, a, fi, b, fj, False))
        if fi < i2:
            out.append(_Step("replace", fi, fi + 1, fj, fj + 1, True))
        a, b = fi + 1, fj + 1
    return out


def _char_range(spans: list[tuple[int, int]], i1: int, i2: int, length: int) -> tuple[int, int]:
    """Character offsets covered by tokens ``i1:i2`` (an empty range sits at the next token)."""
    if i1 < i2:
        return spans[i1][0], spans[i2 - 1][1]
    pos = spans[i1][0] if i1 < len(spans) else length
    return pos, pos


def _merge_small_gaps(
    steps: list[_Step], old_spans: list[tuple[int, int]], new_spans: list[tuple[int, int]]
) -> list[_Step]:
    """Fold short unchanged stretches between two word edits into one chunk.

    A stretch is folded when it is at most :data:`MERGE_GAP` characters and
    shorter than the edits on both sides of it (``现代农业提质增效`` →
    ``农业生产平稳有序`` is one chunk; ``全年`` between two short insertions
    stays visible). Adjacent word edits merge too; figure replacements stay as
    they are.
    """

    def width(st: _Step) -> int:
        """The longer side of a step, in characters."""
        old = old_spans[st.i2 - 1][1] - old_spans[st.i1][0] if st.i2 > st.i1 else 0
        new = new_spans[st.j2 - 1][1] - new_spans[st.j1][0] if st.j2 > st.j1 else 0
        return max(old, new)

    out: list[_Step] = []
    k = 0
    while k < len(steps):
        st = steps[k]
        if st.tag == "equal" or st.figure:
            out.append(st)
            k += 1
            continue
        chunk = _Step(st.tag, st.i1, st.i2, st.j1, st.j2, False)
        k += 1
        while k < len(steps):
            nxt = steps[k]
            if nxt.tag != "equal" and not nxt.figure:
                chunk.i2, chunk.j2 = nxt.i2, nxt.j2
                k += 1
                continue
            if (
                nxt.tag == "equal"
                and k + 1 < len(steps)
                and steps[k + 1].tag != "equal"
                and not steps[k + 1].figure
                and width(nxt) <= MERGE_GAP
                and width(nxt) < min(width(chunk), width(steps[k + 1]))
            ):
                after = steps[k + 1]
                chunk.i2, chunk.j2 = after.i2, after.j2
                k += 2
                continue
            break
        has_old, has_new = chunk.i2 > chunk.i1, chunk.j2 > chunk.j1
        chunk.tag = "replace" if has_old and has_new else ("delete" if has_old else "insert")
        out.append(chunk)
    return out
