"""Clean text and its analysis copy: artifacts out, lines trimmed, one spelling per sign.

:func:`clean_text` removes conversion artifacts and invisible characters and trims lines;
:func:`normalise` makes the same-length analysis copy (full-width ASCII folded, ASCII
punctuation in Chinese prose made full-width), so offsets are shared between the two.
"""

from __future__ import annotations

import re

from ..lexicon import UNIT_ALTERNATION

_ARTIFACT = re.compile(r"\[(?:bookmark|anchor|image|comment):[^\]\n]{0,120}\]", re.IGNORECASE)
_UNIT_START = re.compile(rf"(?:万亿|亿|万|千)?(?:{UNIT_ALTERNATION})(?![\u4e00-\u9fff]{{4}})")
"""A line that starts with a unit (and is not a heading that happens to begin with 个/元…)."""
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def clean_text(raw: str) -> str:
    """Remove conversion artifacts, unify line breaks, trim lines, drop blank lines.

    Characters inside a line are kept as written (quotes stay faithful); only
    the artifacts and invisible characters go.
    """
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n").replace("\f", "\n")
    text = _ARTIFACT.sub("", text)
    text = _INVISIBLE.sub("", text)
    text = text.replace("\u00a0", " ")
    lines = (line.strip() for line in text.split("\n"))  # every Unicode space (U+2003, U+3000…)
    return _join_split_figures([line for line in lines if line])


def _join_split_figures(lines: list[str]) -> str:
    """Lines joined into text, except where a figure was cut by a line break: a line ending
    in a number followed by one starting with its unit (``…达到74.4`` / ``万亿元，增长6.7%``) is
    one paragraph — no paragraph opens with a unit."""
    out: list[str] = []
    for line in lines:
        if out and out[-1][-1:].isdigit() and _UNIT_START.match(line):
            out[-1] += line
        else:
            out.append(line)
    return "\n".join(out)


_FOLD = {chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}
# Keep the full-width forms that Chinese prose uses as its own punctuation.
for _ch in "，。：；？！（）":
    _FOLD.pop(_ch, None)
_FOLD.update({"\u3000": " ", "．": ".", "－": "-", "～": "~", "﹪": "%", "\u2014": "—"})
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
