"""Cheaper compilation of regex character classes with CJK ranges (``[\\u4e00-\\u9fff]``).

Python's ``re`` turns a character class into its compiled form in
``re._compiler._optimize_charset``, which marks every code point of a range in a Python
loop: ``[\\u4e00-\\u9fff]`` costs ~1 ms, against ~0.03 ms for an ASCII class, and the same
class is worked out again in every pattern that holds it. lingdiff compiles about a
hundred patterns, many with such classes, at the start of every report.

:func:`install` wraps that function once per process:

- results are remembered by the class's contents (a class is worked out once, whatever the
  number of patterns that hold it), for case-sensitive classes only (``re.IGNORECASE``
  classes go to the original function every time);
- on the Python versions whose function lingdiff knows (3.11–3.13, where its code is the
  same), a range is marked with one slice assignment instead of a loop. This replacement is
  checked against the original on a set of sample classes when installed and is not used if
  any result differs.

The results are the same as the original's (the tests compile every pattern both ways), so
this changes what ``re`` costs, never what a pattern matches. Without ``re._compiler`` (or
its function) nothing is installed.
"""

from __future__ import annotations

import sys
from array import array
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # typing costs ~2 ms to import: annotations only
    from collections.abc import Callable
    from typing import Any

MAX_REMEMBERED = 2048
"""Classes remembered before the memory is emptied (lingdiff uses ~200)."""

_installed = False


def _fast(c: Any) -> Callable[[list[tuple[Any, Any]]], tuple[list[Any], bool]]:
    """The original function's case-sensitive path with ranges marked by slices (module
    ``c`` is ``re._compiler``; :func:`_compress` gives the original's result)."""
    literal, range_, negate = c.LITERAL, c.RANGE, c.NEGATE
    bitmap = _bitmap if c._CODEBITS == 32 and array("I").itemsize == 4 else c._mk_bitmap

    def optimize(charset: list[tuple[Any, Any]]) -> tuple[list[Any], bool]:
        out: list[Any] = []
        tail: list[Any] = []
        charmap = bytearray(256)
        for op, av in charset:
            if op is literal:
                if av >= len(charmap) and len(charmap) == 256:
                    charmap += b"\0" * 0xFF00
                if av > 0xFFFF:
                    tail.append((op, av))
                else:
                    charmap[av] = 1
            elif op is range_:
                lo, hi = av
                if hi >= len(charmap) and len(charmap) == 256:
                    charmap += b"\0" * 0xFF00
                top = min(hi, 0xFFFF)
                if lo <= top:
                    charmap[lo : top + 1] = b"\1" * (top + 1 - lo)
                if hi > 0xFFFF:
                    tail.append((op, av))
            elif op is negate:
                out.append((op, av))
            else:
                tail.append((op, av))
        return _compress(c, bitmap, charset, charmap, out, tail), False

    return optimize


def _compress(
    c: Any,
    bitmap: Callable[[bytes], list[int]],
    charset: list[Any],
    charmap: bytearray,
    out: list[Any],
    tail: list[Any],
) -> list[Any]:
    """The original's compression of the character map: ranges, a bitmap or a big charset."""
    runs: list[tuple[int, int]] | None = []
    q = 0
    while True:
        p = charmap.find(1, q)
        if p < 0:
            break
        if len(runs) >= 2:  # type: ignore[arg-type]
            runs = None
            break
        q = charmap.find(0, p)
        if q < 0:
            runs.append((p, len(charmap)))  # type: ignore[union-attr]
            break
        runs.append((p, q))  # type: ignore[union-attr]
    if runs is not None:
        for p, q in runs:
            out.append((c.LITERAL, p) if q - p == 1 else (c.RANGE, (p, q - 1)))
        out += tail
        return out if len(out) < len(charset) else charset
    if len(charmap) == 256:
        out.append((c.CHARSET, bitmap(charmap)))
        out += tail
        return out
    out.append((c.BIGCHARSET, _big_charset(c, bitmap, bytes(charmap))))
    out += tail
    return out


def _big_charset(c: Any, bitmap: Callable[[bytes], list[int]], whole: bytes) -> list[int]:
    """The original's BIGCHARSET words for a 65,536-character map: its 256-character chunks
    numbered in order of first appearance, a run of empty or of full chunks in one step."""
    comps: dict[bytes, int] = {}
    mapping = bytearray(256)
    data = bytearray()
    i = 0
    while i < 256:
        chunk = whole[i << 8 : (i + 1) << 8]
        until = i + 1
        if chunk.count(chunk[:1]) == 256:  # empty or full: how far does the run go?
            found = whole.find(1 - chunk[0], i << 8)
            until = 256 if found < 0 else found >> 8
        if chunk not in comps:
            comps[chunk] = len(comps)
            data += chunk
        mapping[i:until] = bytes((comps[chunk],)) * (until - i)
        i = until
    codes = bitmap(bytes(data))
    codes[0:0] = [len(comps), *c._bytes_to_codes(mapping)]
    return codes


def _bitmap(bits: bytes) -> list[int]:
    """``re._compiler._mk_bitmap``: 32-bit words of a map of 0/1 bytes, the first byte in the
    lowest bit, made from one big integer instead of one ``int(…, 2)`` per word."""
    whole = int(bits.translate(_DIGITS)[::-1], 2)
    words = array("I", whole.to_bytes(len(bits) // 8, "little"))
    if sys.byteorder == "big":
        words.byteswap()
    return words.tolist()


_DIGITS = b"0" + b"1" * 255


def _samples(c: Any) -> list[list[tuple[Any, Any]]]:
    """Small classes that take every path of the original (cheap to check at install)."""
    lit, rng, neg, cat = c.LITERAL, c.RANGE, c.NEGATE, c.CATEGORY
    digit = c.CATEGORY_DIGIT
    return [
        [(lit, 97)],
        [(rng, (97, 122))],
        [(rng, (65, 90)), (rng, (97, 122)), (lit, 95)],
        [(rng, (48, 57)), (lit, 65), (lit, 67), (lit, 70)],
        [(neg, None), (rng, (0x4E00, 0x4E20))],
        [(lit, 0x4E00), (lit, 0x4E8C), (lit, 0x4E09), (lit, 65)],
        [(rng, (0x4E00, 0x4FFF)), (lit, 65), (lit, 67), (rng, (0xFF00, 0xFFFF))],
        [(rng, (0x300, 0x3FF)), (rng, (65, 90)), (cat, digit)],
        [(lit, 0x1F600), (lit, 97)],
        [(rng, (0xFF00, 0x10010)), (lit, 98)],
        [(rng, (0x10000, 0x10010))],
    ]


def install() -> None:
    """Wrap ``re._compiler._optimize_charset`` (once per process; see the module docstring);
    nothing is done where the function is missing or takes other parameters."""
    global _installed
    if _installed:
        return
    _installed = True
    try:
        import re._compiler as c

        original = c._optimize_charset
        params = original.__code__.co_varnames[: original.__code__.co_argcount]
    except (ImportError, AttributeError):
        return
    if params != ("charset", "iscased", "fixup", "fixes"):  # not the function this wraps
        return
    compute: Callable[[list[Any]], tuple[list[Any], bool]] = original
    if (3, 11) <= sys.version_info[:2] <= (3, 13):
        fast = _fast(c)
        if all(fast(list(s)) == original(list(s)) for s in _samples(c)):
            compute = fast
    memory: dict[tuple[Any, ...], tuple[list[Any], bool]] = {}

    def optimize_charset(charset, iscased=None, fixup=None, fixes=None):  # type: ignore[no-untyped-def]
        if fixup is not None:
            return original(charset, iscased, fixup, fixes)
        try:
            key = tuple(charset)
            found = memory.get(key)
        except TypeError:  # an unhashable item: not remembered
            return compute(charset)
        if found is None:
            if len(memory) >= MAX_REMEMBERED:
                memory.clear()
            result = compute(charset)
            found = memory[key] = (list(result[0]), result[1])
        return list(found[0]), found[1]

    optimize_charset.original = original  # type: ignore[attr-defined]
    c._optimize_charset = optimize_charset
