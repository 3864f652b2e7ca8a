"""Start-up of the TUI: the loading state, loader errors, the benchmark hook, the forked loader."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from lingdiff.bundled import bundled_pair
from lingdiff.errors import LoadError
from lingdiff.model import Comparison
from lingdiff.tui.app import make_app, start_comparison
from lingdiff.tui.widgets.overview import Overview


@pytest.mark.asyncio
async def test_loader_runs_in_a_worker_behind_a_loading_indicator(
    bundled_comparison: Comparison,
) -> None:
    from textual.widgets import LoadingIndicator

    release = threading.Event()

    def loader() -> Comparison:
        release.wait(5)
        return bundled_comparison

    app = make_app(loader=loader)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.query(LoadingIndicator)  # visible while the worker runs
        assert app.index is None
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not app.query(LoadingIndicator)
        assert app.index is not None
        assert app.query_one(Overview)


@pytest.mark.asyncio
async def test_a_loader_error_ends_the_app_with_one_line() -> None:
    def loader() -> Comparison:
        raise LoadError("old.txt: not a text or .docx file")

    app = make_app(loader=loader)
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(50):
            if not app.is_running:
                break
            await pilot.pause(0.05)
    assert app.return_code == 1
    assert app.error_message == "lingdiff: error: old.txt: not a text or .docx file"


@pytest.mark.asyncio
async def test_exit_after_first_paint_hook(
    bundled_comparison: Comparison, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LINGDIFF_EXIT_AFTER_FIRST_PAINT", "1")
    app = make_app(bundled_comparison)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.2)
        assert app.index is not None
    assert app.return_code == 0
    assert not app.is_running


def test_start_comparison_returns_the_comparison(bundled_comparison: Comparison) -> None:
    result = start_comparison(*bundled_pair(), None)()
    assert result.metrics == bundled_comparison.metrics
    assert result.alignment == bundled_comparison.alignment


def test_start_comparison_raises_the_load_error(tmp_path: Path) -> None:
    old, _new = bundled_pair()
    loader = start_comparison(old, tmp_path / "missing.txt", None)
    with pytest.raises(LoadError):
        loader()


def test_a_report_that_cannot_be_read_is_said_before_the_comparison(tmp_path: Path) -> None:
    old, _new = bundled_pair()
    comparing = start_comparison(old, tmp_path / "missing.txt", None)
    with pytest.raises(LoadError, match=r"missing\.txt: no such file"):
        comparing.check_inputs()  # what run_app waits for before taking over the screen


def test_inputs_checked_then_the_comparison_follows(bundled_comparison: Comparison) -> None:
    comparing = start_comparison(*bundled_pair(), None)
    comparing.check_inputs()
    assert comparing().alignment == bundled_comparison.alignment
