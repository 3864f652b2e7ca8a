"""Shared pytest configuration: the --update-golden option for the golden report files, and
the folder of the TUI's SVG snapshots."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

_CACHE_DIR = tempfile.mkdtemp(prefix="lingdiff-test-cache-")


def pytest_configure(config: pytest.Config) -> None:
    """Reports cached by the tests (in-process and in subprocesses) go to a folder of their
    own, never to the user's cache."""
    os.environ["LINGDIFF_CACHE_DIR"] = _CACHE_DIR


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(_CACHE_DIR, ignore_errors=True)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite snapshots/report.md and snapshots/report.json from the current output",
    )


# ---- TUI snapshots -------------------------------------------------------------------------
# pytest-textual-snapshot stores SVGs through syrupy's single-file extension, whose dirname is
# ``<test dir>/__snapshots__/<test module>``. They belong in the top-level ``snapshots/`` folder,
# with the test module's folder innermost: ``snapshots/test_tui_snapshots/<test name>.svg``.
SNAPSHOTS_DIR = Path(__file__).resolve().parents[1] / "snapshots"


def _svg_snapshot_dirname(cls: type, *, test_location: object) -> str:
    return str(SNAPSHOTS_DIR / test_location.basename)  # type: ignore[attr-defined]


try:
    from pytest_textual_snapshot import SVGImageExtension
except ImportError:  # the snapshot plugin is a test extra; without it there is nothing to move
    pass
else:
    SVGImageExtension.dirname = classmethod(_svg_snapshot_dirname)  # type: ignore[method-assign]


@pytest.fixture(scope="session")
def bundled_comparison():
    """The comparison of the bundled report pair, made once per test session."""
    from tests.helpers import seed_comparison

    return seed_comparison()


@pytest.fixture
def app(bundled_comparison):
    """A fresh TUI app on the bundled comparison, without animations (the tests wait for none).

    textual is imported here, not at the top, so the core tests never load it.
    """
    from lingdiff.tui.app import make_app

    app = make_app(bundled_comparison)
    app.animation_level = "none"
    return app
