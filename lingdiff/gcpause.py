"""Python's cyclic garbage collector held off while lingdiff builds large structures.

Reading a report and comparing two make hundreds of thousands of objects that all live on
(sentences, sections, scores, pairs) and almost no reference cycles. The collector cannot know
that: each time the objects it tracks grow by a quarter it walks all of them, and on a 5 MB
pair those walks took over a third of the time (7 of 19 s). :func:`paused_gc` turns it off
for the duration of such a stage and back on after (the stage's own cycles, few and small, are
collected then). Code run under it must not make large cyclic garbage: the outline's heading
tree, the one large cyclic structure, is taken apart when its sections are made
(:func:`lingdiff.outline.nodes.dismantle`).
"""

from __future__ import annotations

import _thread
import functools
import gc
from collections.abc import Callable

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing is not imported by a report run
    from typing import ParamSpec, TypeVar

    P = ParamSpec("P")
    R = TypeVar("R")


class _Pause:
    """The collector off while any ``with gc_paused():`` block runs; back as it was after the
    last one ends (nested blocks, and blocks in two threads, share one pause)."""

    def __init__(self) -> None:
        self.lock = _thread.allocate_lock()
        self.depth = 0
        self.was_enabled = False

    def __enter__(self) -> None:
        with self.lock:
            if self.depth == 0:
                self.was_enabled = gc.isenabled()
                gc.disable()
            self.depth += 1

    def __exit__(self, *exc: object) -> None:
        with self.lock:
            self.depth -= 1
            if self.depth == 0 and self.was_enabled:
                gc.enable()


_PAUSE = _Pause()


def gc_paused() -> _Pause:
    """A context manager: the cyclic collector off inside the block (see the module doc)."""
    return _PAUSE


def paused_gc(fn: Callable[P, R]) -> Callable[P, R]:
    """``fn`` run with the collector paused (:func:`gc_paused`)."""

    @functools.wraps(fn)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        with _PAUSE:
            return fn(*args, **kwargs)

    return run
