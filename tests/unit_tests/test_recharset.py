"""lingdiff.recharset changes what compiling a character class costs, never its result."""

from __future__ import annotations

import importlib
import pkgutil
import random
import re
import re._compiler as compiler
import re._parser as parser

import pytest

import lingdiff
from lingdiff import lexicon, recharset


def _original():
    recharset.install()  # installed by lexicon already; idempotent
    wrapper = compiler._optimize_charset
    assert hasattr(wrapper, "original"), "recharset is not installed"
    return wrapper, wrapper.original


def _code(pattern: str, flags: int) -> list[int]:
    return compiler._code(parser.parse(pattern, flags), flags)


def _patterns() -> set[tuple[str, int]]:
    """Every pattern held by a module of lingdiff's core (compiled or lazy)."""
    found: set[tuple[str, int]] = set()
    for info in pkgutil.walk_packages(lingdiff.__path__, "lingdiff."):
        if info.name.startswith("lingdiff.tui") or info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            items = value if isinstance(value, tuple | list) else (value,)
            for item in items:
                item = item[-1] if isinstance(item, tuple) and item else item
                if isinstance(item, re.Pattern | lexicon.LazyPattern) and isinstance(
                    item.pattern, str
                ):
                    found.add((item.pattern, item.flags))
    return found


def test_every_pattern_of_lingdiff_compiles_to_the_same_code() -> None:
    wrapper, original = _original()
    patterns = _patterns()
    assert len(patterns) > 60
    for pattern, flags in sorted(patterns):
        fast = _code(pattern, flags)
        compiler._optimize_charset = original
        try:
            slow = _code(pattern, flags)
        finally:
            compiler._optimize_charset = wrapper
        assert fast == slow, pattern


@pytest.mark.parametrize("seed", range(5))
def test_random_classes_give_the_original_result(seed: int) -> None:
    _, original = _original()
    fast = recharset._fast(compiler)
    rng = random.Random(seed)
    edges = [0, 9, 10, 95, 255, 256, 0x4E00, 0x9FFF, 0xFFFE, 0xFFFF, 0x10000, 0x10FFFF]
    for _ in range(300):
        charset = []
        if rng.random() < 0.2:
            charset.append((compiler.NEGATE, None))
        for _ in range(rng.randint(1, 6)):
            a = (
                rng.choice(edges)
                if rng.random() < 0.5
                else rng.randint(0, 0x10FFFF >> rng.randint(0, 12))
            )
            b = min(0x10FFFF, a + rng.choice((0, 1, 5, 300, 30000)))
            if rng.random() < 0.4:
                charset.append((compiler.LITERAL, a))
            elif rng.random() < 0.9:
                charset.append((compiler.RANGE, (a, b)))
            else:
                charset.append((compiler.CATEGORY, compiler.CATEGORY_WORD))
        assert fast(list(charset)) == original(list(charset)), charset


def test_results_are_remembered_as_copies() -> None:
    wrapper, _ = _original()
    charset = [(compiler.RANGE, (0x4E00, 0x9FFF)), (compiler.RANGE, (65, 90))]
    first, _ = wrapper(list(charset))
    first.append("changed by a caller")
    again, cased = wrapper(list(charset))
    assert again == [(compiler.RANGE, (0x4E00, 0x9FFF)), (compiler.RANGE, (65, 90))]
    assert cased is False
    # case-insensitive classes are not remembered: the original decides each time
    pattern = re.compile("[\u4e00-\u9fffa-z]+", re.IGNORECASE)
    assert pattern.fullmatch("中文ABC") is not None


def test_bitmap_words_are_the_originals() -> None:
    rng = random.Random(7)
    for size in (256, 512, 256 * 30):
        for density in (0.0, 0.01, 0.5, 1.0):
            bits = bytes(rng.random() < density for _ in range(size))
            assert recharset._bitmap(bits) == compiler._mk_bitmap(bits), (size, density)


def test_a_function_of_other_parameters_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    def other(charset, flags=0):  # a future re with another signature
        return charset, False

    monkeypatch.setattr(compiler, "_optimize_charset", other)
    monkeypatch.setattr(recharset, "_installed", False)
    recharset.install()
    assert compiler._optimize_charset is other
