"""A pure computation run on the second core: in a forked child, while this process goes on.

:func:`lingdiff.compare.compare` hands the figures and phrases of a large pair (from
:data:`lingdiff.compare.PARALLEL_CHARS` characters; this module is imported only then) to a
child process and aligns sections and sentences meanwhile: on two cores a 5 MB pair takes the
time of the longer half, not of both. The child is a fork of this process (the same code, data
and string hashes), so it computes exactly what this process would; it sends the result
pickled and leaves at once (``os._exit``: no exit handlers, no buffered output flushed twice).
Where forking is unsafe or impossible (not Linux, other threads running — a TUI, a notebook's
kernel —, a failed fork) or the child fails, the work is done here when its result is asked
for, so the result never depends on where it was made.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


def can_fork() -> bool:
    """Is forking this process safe: Linux, and no thread but this one (a thread holding a
    lock at the fork would leave the child waiting for it forever)?"""
    return sys.platform.startswith("linux") and threading.active_count() == 1


class Background(Generic[T]):
    """``work()`` started in a forked child (when ``fork`` is true and :func:`can_fork`);
    :meth:`result` waits for it, :meth:`cancel` stops it."""

    def __init__(self, work: Callable[[], T], fork: bool) -> None:
        self._work = work
        self._pid = 0
        self._pipe = -1
        if fork and can_fork():
            self._start()

    @property
    def forked(self) -> bool:
        """Does a child compute the result (not yet collected)?"""
        return self._pid != 0

    def _start(self) -> None:
        read, write = os.pipe()
        parent = os.getpid()
        try:
            pid = os.fork()
        except OSError:  # no memory or processes left: the work is done here instead
            os.close(read)
            os.close(write)
            return
        if pid == 0:  # the child: compute, send, and leave without running anything else
            code = 1
            try:
                os.close(read)
                _die_with(parent)
                data = pickle.dumps(self._work(), protocol=pickle.HIGHEST_PROTOCOL)
                with os.fdopen(write, "wb") as out:
                    out.write(data)
                code = 0
            finally:
                os._exit(code)
        os.close(write)
        self._pid, self._pipe = pid, read

    def result(self) -> T:
        """The result: the child's, or computed here (no child, or the child failed — then
        an error of the work is raised here, as it would have been without a child)."""
        if not self._pid:
            return self._work()
        pid, pipe = self._pid, self._pipe
        self._pid = 0
        with os.fdopen(pipe, "rb") as source:
            data = source.read()
        _, status = os.waitpid(pid, 0)
        if status == 0 and data:
            from .gcpause import gc_paused

            with gc_paused():  # a large result is many objects and no cycles
                return pickle.loads(data)
        return self._work()

    def cancel(self) -> None:
        """Stop the child, if one still runs (the comparison failed or was interrupted)."""
        if not self._pid:
            return
        pid, self._pid = self._pid, 0
        os.close(self._pipe)
        os.kill(pid, signal.SIGKILL)  # not reaped yet, so the pid is still the child's
        os.waitpid(pid, 0)


def _die_with(parent: int) -> None:
    """Have this child killed when its parent ends (``PR_SET_PDEATHSIG``): a parent killed
    mid-comparison — a TUI's comparing process stopped when the user quits — must not leave
    the child computing for seconds. Leave at once if the parent has already ended."""
    import contextlib
    import ctypes

    # without prctl the child ends when it finds the pipe closed, after its work
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1: PR_SET_PDEATHSIG
    if os.getppid() != parent:
        os._exit(1)
