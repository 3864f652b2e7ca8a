"""SVG snapshots of the TUI on the bundled reports, stored in ``snapshots/test_tui_snapshots/``.

Update them with ``pytest tests/functional_tests/test_tui_snapshots.py --snapshot-update``
after looking at the differences (``snapshot_report.html``).
"""

from __future__ import annotations

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from lingdiff.tui.main_app import LingdiffApp

WIDE = (160, 48)
NARROW = (100, 30)
SMALL = (80, 24)
TAB_KEYS = {
    "overview": ("1",),
    "sections": ("2", "j", "n"),
    "targets": ("3",),
    "priorities": ("4",),
    "phrases": ("5", "down"),
}
"""Each tab as a user first sees it (Sections: after moving to the first change)."""


def keys(*presses: str):
    """Press keys, then stop every text cursor from blinking (a steady picture)."""

    async def run_before(pilot: Pilot) -> None:
        await pilot.pause()
        for key in presses:
            await pilot.press(key)
            await pilot.pause()
        for box in pilot.app.screen.query(Input):
            box.cursor_blink = False
        # a widget fitted to its width (the Priorities bars) refills on the Resize that the
        # tab's first layout sends; let that arrive before the picture is taken
        await pilot.pause(0.1)
        await pilot.pause()

    return run_before


def test_overview(snap_compare, app: LingdiffApp) -> None:
    """Headline targets, priority shifts, sections added/dropped, slogans new/gone."""
    assert snap_compare(app, terminal_size=WIDE, run_before=keys())


def test_sections(snap_compare, app: LingdiffApp) -> None:
    """Tree of pairs; old | new rows of the review part with edits, figures and hatching."""
    assert snap_compare(app, terminal_size=WIDE, run_before=keys("2", "j", "n", "n"))


def test_sections_changes_only(snap_compare, app: LingdiffApp) -> None:
    """Only changed sentences, only pairs holding one."""
    assert snap_compare(app, terminal_size=WIDE, run_before=keys("2", "c", "j", "j", "j"))


def test_sections_search(snap_compare, app: LingdiffApp) -> None:
    """A search for 增长 across both reports: highlights and the match count."""
    run = keys("2", "slash", "增", "长", "enter", "enter")
    assert snap_compare(app, terminal_size=WIDE, run_before=run)


def test_targets(snap_compare, app: LingdiffApp) -> None:
    """Indicators with the actual and target of each report, sorted by change of target."""
    run = keys("3", *["s"] * 7)
    assert snap_compare(app, terminal_size=WIDE, run_before=run)


def test_priorities(snap_compare, app: LingdiffApp) -> None:
    """Topic shares old vs new as bars, largest gain first."""
    assert snap_compare(app, terminal_size=WIDE, run_before=keys("4"))


def test_phrases(snap_compare, app: LingdiffApp) -> None:
    """Phrases added, removed and kept, and where the highlighted one occurs."""
    assert snap_compare(app, terminal_size=WIDE, run_before=keys("5", "down"))


def test_help(snap_compare, app: LingdiffApp) -> None:
    """The help screen over the Sections tab."""
    assert snap_compare(app, terminal_size=WIDE, run_before=keys("2", "question_mark"))


def test_narrow_sections(snap_compare, app: LingdiffApp) -> None:
    """A 100×30 terminal: the Sections tab still shows both columns."""
    assert snap_compare(app, terminal_size=NARROW, run_before=keys("2", "j", "n"))


@pytest.mark.parametrize("size", [SMALL, NARROW], ids=["80x24", "100x30"])
@pytest.mark.parametrize("tab", list(TAB_KEYS))
def test_every_tab_fits_small_terminals(snap_compare, app: LingdiffApp, tab: str, size) -> None:
    """At 80×24 and 100×30: Targets keeps the indicator and whole values, Phrases its columns,
    Sections stacks old over new; the footer keeps ? and q."""
    assert snap_compare(app, terminal_size=size, run_before=keys(*TAB_KEYS[tab]))


def test_series(snap_compare, tmp_path) -> None:
    """The Series tab of three reports of one county: target → actual by year, ✓/✗ met."""
    from lingdiff.compare import compare
    from lingdiff.outline import parse_document
    from lingdiff.reading import load_document
    from lingdiff.series import series
    from lingdiff.tui.series_app import SeriesApp
    from tests.unit_tests.test_series import HEAD, REPORTS

    docs = []
    for plan in (2023, 2024, 2026):
        path = tmp_path / f"r{plan}.txt"
        text = HEAD.format(place="测试县", review=plan - 1, plan=plan) + REPORTS[plan]
        path.write_text(text, "utf-8")
        docs.append(load_document(path))
    pair = compare(docs[1], parse_document(docs[2].text, key="new", path=docs[2].path))
    app = SeriesApp(series(docs), pair)
    app.animation_level = "none"

    async def settled(pilot: Pilot) -> None:
        """The pairwise tabs are rebuilt in the background: wait for that first."""
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await keys()(pilot)

    assert snap_compare(app, terminal_size=NARROW, run_before=settled)
