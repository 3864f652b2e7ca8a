"""Clean text and its analysis copy: artifacts out, lines trimmed, one spelling per sign.

:func:`clean_with_map` removes conversion artifacts, control characters and invisible
characters, unifies every line-ending style, trims every kind of space from line ends and
drops blank lines, keeping a compact map from offsets in the result to offsets in the raw
text; :func:`normalise` makes the same-length analysis copy (every Unicode space one ASCII
space, full-width ASCII folded, ASCII punctuation in Chinese prose made full-width), so
offsets are shared between the two.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from ..lexicon import UNIT_ALTERNATION, LazyPattern
from ..records import record
from .controls import CONTROL

_ARTIFACT = r"\[(?:bookmark|anchor|image|comment):[^\]\n]{0,120}\]"
_UNIT_START = LazyPattern(rf"(?:万亿|亿|万|千)?(?:{UNIT_ALTERNATION})(?![\u4e00-\u9fff]{{4}})")
"""A line that starts with a unit (and is not a heading that happens to begin with 个/元…)."""
_INVISIBLE = "[\u200b\u200c\u200d\u2060-\u2064\ufeff\u00ad\u180e]"
_LINE_BREAK = "\r\n|[\n\r\v\f\x85\u2028\u2029]"
# One pass finds everything that goes and every line break; which group matched says which.
_TOKENS = re.compile(
    f"(?P<ctl>{CONTROL})|(?P<art>{_ARTIFACT})|{_INVISIBLE}|(?P<nl>{_LINE_BREAK})",
    re.IGNORECASE,
)
# Every token starts with one of these; searching for them first is ~20× faster than letting
# the alternation above try every position of the text.
_TOKEN_START = re.compile(
    "[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200b-\u200f"
    "\u2060-\u2064\ufeff\u00ad\u180e\u061c\\[]"
)
SPACES = " \t\u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000"
"""Every Unicode space: trimmed at line ends, folded to one ASCII space for analysis."""
_NOT_CLEAN = re.compile(
    f"^[{SPACES}\n]|[{SPACES}\n]$|[{SPACES}]\n|\n[{SPACES}\n]|\\d\n|(?:^|\n)[（(]\n"
)
"""Text whose lines are trimmed, not blank, do not end in a digit and are not a lone opening
bracket needs no cleaning."""
_NUMERAL_CLOSE = re.compile(r"[一二三四五六七八九十\d]{1,3}[）)]")
"""The rest of a bracketed heading numeral (``三）``) at the start of a line."""


@record
class CleanText:
    """Clean text, the compact map back to the raw text, and how many controls were removed.

    Run ``i`` of ``text`` starts at ``clean_starts[i]`` and is a verbatim copy of the raw
    text from ``raw_starts[i]`` on (only U+00A0 is written as a space).
    """

    text: str
    clean_starts: tuple[int, ...]
    raw_starts: tuple[int, ...]
    controls: int


def clean_text(raw: str) -> str:
    """Remove conversion artifacts, unify line breaks, trim lines, drop blank lines.

    Characters inside a line are kept as written (quotes stay faithful); only
    the artifacts, control characters and invisible characters go.
    """
    if _already_clean(raw):
        return raw  # the outline re-cleans text the loader cleaned: no need to map it again
    return clean_with_map(raw).text


def _already_clean(text: str) -> bool:
    return not (
        _NOT_CLEAN.search(text) or _TOKEN_START.search(text.replace("\n", " ")) or "\u00a0" in text
    )


def clean_with_map(raw: str) -> CleanText:
    """:func:`clean_text` that also says where each piece of the result stands in ``raw``.

    Terminal escape sequences (CSI, OSC, DCS…), C0 controls other than tab and line breaks,
    C1 controls and bidi overrides are removed and counted. Cleaning is repeated while a
    removal joined what is left into something to remove (``[`` ESC ``[[bookmark: …]``
    leaves ``[bookmark: …]``), so that clean text cleans to itself.
    """
    body = raw.rstrip("\n")
    if body and _already_clean(body):  # cleaning would only drop the final line breaks
        return CleanText(body, (0,), (0,), 0)
    return _clean_fully(raw)


def _clean_fully(raw: str) -> CleanText:
    """:func:`clean_with_map` without its shortcut for text that is already clean."""
    cleaned = _clean_once(raw)
    for _ in range(8):
        if cleaned.text == raw or _already_clean(cleaned.text):
            break
        raw_text, cleaned = cleaned, _compose(cleaned, _clean_once(cleaned.text))
        if cleaned.text == raw_text.text:
            break
    return cleaned


def _compose(first: CleanText, second: CleanText) -> CleanText:
    """The map of cleaning twice: ``second`` cleaned ``first.text``; both map to raw."""
    starts: list[int] = []
    raws: list[int] = []
    bounds = (*first.clean_starts, len(first.text))
    for i, c2 in enumerate(second.clean_starts):
        end2 = second.clean_starts[i + 1] if i + 1 < len(second.clean_starts) else len(second.text)
        at, pos = second.raw_starts[i], c2  # position in first.text, in second.text
        while pos < end2:
            j = bisect_right(first.clean_starts, at) - 1
            run_end = bounds[j + 1]
            take = min(end2 - pos, run_end - at)
            starts.append(pos)
            raws.append(first.raw_starts[j] + at - first.clean_starts[j])
            pos, at = pos + take, at + take
    return CleanText(second.text, tuple(starts), tuple(raws), first.controls + second.controls)


def _clean_once(raw: str) -> CleanText:
    """One pass of :func:`clean_with_map`."""
    out: list[str] = []
    clean_starts: list[int] = []
    raw_starts: list[int] = []
    size = 0  # length of the text built so far
    line: list[tuple[int, int]] = []
    pos, controls = 0, 0
    pending_nl = -1  # where the line break before the next kept line stands in raw
    for m in _tokens(raw):
        if m.start() > pos:
            line.append((pos, m.start()))
        pos = m.end()
        if m.lastgroup == "ctl":
            controls += 1
        elif m.lastgroup == "nl":
            new_size = _emit(raw, line, pending_nl, out, clean_starts, raw_starts, size)
            if new_size != size or pending_nl < 0:
                pending_nl = m.start()  # the first break after a kept line joins it to the next
            size, line = new_size, []
    if pos < len(raw):
        line.append((pos, len(raw)))
    _emit(raw, line, pending_nl, out, clean_starts, raw_starts, size)
    text = "".join(out).replace("\u00a0", " ")
    return CleanText(text, tuple(clean_starts), tuple(raw_starts), controls)


def _tokens(raw: str) -> Iterator[re.Match[str]]:
    """The matches of :data:`_TOKENS` in ``raw``, left to right, not overlapping."""
    at = 0
    while (start := _TOKEN_START.search(raw, at)) is not None:
        m = _TOKENS.match(raw, start.start())
        if m is None:  # a "[" that opens no artifact
            at = start.start() + 1
            continue
        yield m
        at = m.end()


def _emit(
    raw: str,
    pieces: list[tuple[int, int]],
    newline_at: int,
    out: list[str],
    clean_starts: list[int],
    raw_starts: list[int],
    size: int,
) -> int:
    """Append one trimmed line (if it is not blank) with the line break before it; the new
    length of the text."""
    pieces = _trimmed(raw, pieces)
    if not pieces:
        return size
    if out and not _continues_figure(out[-1], raw, pieces):
        _add_run(clean_starts, raw_starts, size, newline_at)
        out.append("\n")
        size += 1
    for a, b in pieces:
        _add_run(clean_starts, raw_starts, size, a)
        out.append(raw[a:b])
        size += b - a
    return size


def _continues_figure(before: str, raw: str, pieces: list[tuple[int, int]]) -> bool:
    """A figure cut by a line break (``…达到74.4`` / ``万亿元，增长6.7%``) stays one paragraph:
    no paragraph opens with a unit. So does a heading numeral cut after its opening bracket
    (a line ``（`` alone, then ``三）改革开放持续深化、互促共进。``, as web pages copied to text
    sometimes break it): no line is a lone bracket."""
    last = before[-1:]
    if last in ("（", "(") and before[-2:-1] in ("", "\n"):
        head = "".join(raw[a:b] for a, b in pieces)[:8]
        return _NUMERAL_CLOSE.match(head) is not None
    if not last.isdigit():
        return False
    head = "".join(raw[a:b] for a, b in pieces)[:40]
    return _UNIT_START.match(head) is not None


def _add_run(clean_starts: list[int], raw_starts: list[int], at: int, raw_at: int) -> None:
    """Start a run at clean offset ``at`` unless it continues the previous run."""
    if clean_starts and raw_starts[-1] + (at - clean_starts[-1]) == raw_at:
        return
    clean_starts.append(at)
    raw_starts.append(raw_at)


def _trimmed(raw: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The pieces of a line without the spaces at its two ends."""
    while pieces:
        a, b = pieces[0]
        a += len(raw[a:b]) - len(raw[a:b].lstrip(SPACES))
        if a < b:
            pieces[0] = (a, b)
            break
        pieces.pop(0)
    while pieces:
        a, b = pieces[-1]
        b -= len(raw[a:b]) - len(raw[a:b].rstrip(SPACES))
        if a < b:
            pieces[-1] = (a, b)
            break
        pieces.pop()
    return pieces


_FOLD = {chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}
# Keep the full-width forms that Chinese prose uses as its own punctuation.
for _ch in "，。：；？！（）":
    _FOLD.pop(_ch, None)
_FOLD.update({ch: " " for ch in SPACES if ch not in " \t"})
_FOLD.update({"．": ".", "－": "-", "～": "~", "﹪": "%", "\u2014": "—"})
_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
# One pass over the text finds both kinds of change; the few matches are decided in Python
# (str.translate with a dict costs ~0.7 ms per report, this ~0.05 ms).
_NORMALISE = re.compile("[" + re.escape("".join(_FOLD) + "".join(_TO_FULL) + ".") + "]")
_CN_NUMERALS = frozenset("一二三四五六七八九十")


def normalise(text: str) -> str:
    """The analysis copy of clean text: same length, same offsets, one spelling per sign.

    Full-width digits, letters and ``％．－`` become ASCII; ASCII ``,;:?!()`` in
    Chinese prose become full-width (but ``1,200`` and ``10:30`` keep theirs); a dot
    between two Chinese characters becomes ``。``.
    """
    return _NORMALISE.sub(_normal_form, text)


def _normal_form(m: re.Match[str]) -> str:
    ch = m.group()
    if ch in ".．":
        # a dot between two Chinese characters ends a sentence (``935亿元.争取``), unless it
        # follows a numeral heading (``一.``); elsewhere it is a decimal point or an item dot
        i, text = m.start(), m.string
        prev, nxt = text[i - 1 : i], text[i + 1 : i + 2]
        if _is_han(prev) and _is_han(nxt) and prev not in _CN_NUMERALS:
            return "。"
        return "."
    folded = _FOLD.get(ch)
    if folded is not None:
        return folded
    # ASCII ,;:?!(): the neighbours are judged folded (no fold yields one of these signs).
    i, text = m.start(), m.string
    prev = _FOLD.get(text[i - 1], text[i - 1]) if i else ""
    nxt = text[i + 1 : i + 2]
    nxt = _FOLD.get(nxt, nxt)
    if ch in ",:" and prev.isdigit() and nxt.isdigit():
        return ch
    if ch in "()" and _ascii_context(prev, nxt):
        return ch
    return _TO_FULL[ch]


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _ascii_context(prev: str, nxt: str) -> bool:
    return (prev.isascii() and prev.isalpha()) or (nxt.isascii() and nxt.isalpha())
