"""A large pair's figures and phrases computed in a forked child: the same result, and the
work is done here when the child cannot run or fails."""

from __future__ import annotations

import importlib
import os
import time

import pytest

from lingdiff import background
from lingdiff.background import Background, can_fork
from lingdiff.render.json import render_json
from tests.helpers import seed

compare_module = importlib.import_module("lingdiff.compare")
"""The module (the package's attribute ``lingdiff.compare`` is the function)."""


def _forks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the forks made from now on (the real ``os.fork`` still runs)."""
    made: list[int] = []
    real = os.fork

    def fork() -> int:
        pid = real()
        if pid:
            made.append(pid)
        return pid

    monkeypatch.setattr(background.os, "fork", fork)
    return made


def test_a_pair_compared_in_two_processes_gives_the_same_report(monkeypatch) -> None:
    if not can_fork():
        pytest.skip("forking is not safe here (not Linux, or other threads run in this process)")
    old, new = seed("old"), seed("new")
    alone = render_json(compare_module.compare(old, new))
    made = _forks(monkeypatch)
    monkeypatch.setattr(compare_module, "PARALLEL_CHARS", 0)
    assert render_json(compare_module.compare(old, new)) == alone
    assert len(made) == 1


def test_a_small_pair_is_compared_in_one_process(monkeypatch) -> None:
    made = _forks(monkeypatch)
    compare_module.compare(seed("old"), seed("new"))
    assert made == []


def test_work_that_fails_in_the_child_is_done_here_and_raises_here() -> None:
    if not can_fork():
        pytest.skip("forking is not safe here (not Linux, or other threads run in this process)")
    calls = []

    def work() -> int:
        calls.append(os.getpid())
        raise ValueError("no such figure")

    side = Background(work, fork=True)
    assert side.forked
    with pytest.raises(ValueError, match="no such figure"):
        side.result()
    assert calls == [os.getpid()]  # the parent's own try (the child's is in its own memory)


def test_without_a_fork_the_work_is_done_when_asked() -> None:
    calls = []
    side = Background(lambda: calls.append(1) or len(calls), fork=False)
    assert not side.forked and calls == []
    assert side.result() == 1


def test_cancel_kills_and_reaps_the_child() -> None:
    if not can_fork():
        pytest.skip("forking is not safe here (not Linux, or other threads run in this process)")
    side = Background(lambda: time.sleep(3600), fork=True)  # killed, or this test hangs
    pid = side._pid
    side.cancel()
    assert not side.forked
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, 0)  # reaped: no zombie left
