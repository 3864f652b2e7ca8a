"""Corrections made in the TUI (``a`` pair/link with…, ``x`` unpair/unlink): saved to the
overrides file and shown at once."""

from __future__ import annotations

from dataclasses import replace

import pytest
from textual.pilot import Pilot

from lingdiff.overrides import Fix, default_overrides_path, read_overrides
from lingdiff.tui.app import make_app
from lingdiff.tui.main_app import LingdiffApp
from lingdiff.tui.screens.pick import CounterpartPicker
from lingdiff.tui.widgets.key_footer import KeyFooter
from lingdiff.tui.widgets.sections_pane import SectionsPane
from lingdiff.tui.widgets.targets_table import TargetsTable

pytestmark = pytest.mark.asyncio
SIZE = (160, 48)


def _pair_of(app: LingdiffApp, sid: str):
    return next(p for p in app.comparison.alignment if sid in (*p.old, *p.new))


async def _wait_for(pilot: Pilot, done) -> None:  # type: ignore[no-untyped-def]
    for _ in range(200):
        if done():
            return
        await pilot.pause(0.05)
    raise AssertionError("the corrected comparison never came")


async def test_pair_and_unpair_are_saved_and_shown(tmp_path, bundled_comparison):
    path = tmp_path / "fixes.toml"
    comparison = replace(
        bundled_comparison, options=replace(bundled_comparison.options, overrides_path=str(path))
    )
    app = make_app(comparison)
    app.animation_level = "none"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await pilot.pause()
        pane = app.query_one(SectionsPane)
        pane.goto_pair(_pair_of(app, "old:3.7").id)  # removed in lingdiff's alignment
        await pilot.pause()
        offered = KeyFooter.keys(app.query_one(KeyFooter))
        assert ("a", "Pair with…") in [(key, what) for key, _shown, what in offered]
        await pilot.press("a")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, CounterpartPicker)
        assert picker.title_text.startswith("Pair old 3.7 ")
        choice = next(i for i, (cid, _label) in enumerate(picker.choices) if cid == "new:2.4")
        picker.query_one("#pick-list").highlighted = choice
        await pilot.press("enter")
        await _wait_for(pilot, lambda: _pair_of(app, "old:3.7").new == ("new:2.4",))
        pair = _pair_of(app, "old:3.7")
        assert (pair.status, pair.override) == ("matched", "pair")
        await pilot.pause()
        tree = app.query_one(SectionsPane).tree
        assert str(tree._labels[pair.id]).startswith("= 0.13 ✎ 2.4 ")
        fixes = read_overrides(path).for_reports(
            comparison.old.source.sha256, comparison.new.source.sha256
        )
        assert (fixes.pair, fixes.unpair) == ((Fix("3.7", "2.4"),), ())
        assert app.active_tab == "sections"

        # x on the corrected pair: the researcher changes their mind
        app.query_one(SectionsPane).goto_pair(pair.id)
        await pilot.pause()
        await pilot.press("x")
        await _wait_for(pilot, lambda: _pair_of(app, "old:3.7").status == "removed")
        assert _pair_of(app, "new:2.4").old == ("old:3.1",)  # lingdiff's split again
        fixes = read_overrides(path).for_reports(
            comparison.old.source.sha256, comparison.new.source.sha256
        )
        assert (fixes.pair, fixes.unpair) == ((), (Fix("3.7", "2.4"),))


async def test_unlink_saves_to_the_data_folder_when_no_file_is_given(
    monkeypatch, tmp_path, bundled_comparison
):
    monkeypatch.setenv("LINGDIFF_DATA_DIR", str(tmp_path))
    app = make_app(bundled_comparison)
    app.animation_level = "none"
    row = next(r for r in bundled_comparison.metrics if r.indicator == "粮食播种面积")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await pilot.pause()
        table = app.query_one(TargetsTable)
        assert table.select_metric(row.id)
        await pilot.press("x")
        await _wait_for(pilot, lambda: any(r.override == "unlink" for r in app.comparison.metrics))
        assert [r.indicator for r in app.comparison.metrics if r.override == "unlink"] == [
            "粮食种植面积",
            "粮食播种面积",
        ]
        assert app.active_tab == "targets"
    old, new = bundled_comparison.old.source.sha256, bundled_comparison.new.source.sha256
    saved = default_overrides_path(old, new)
    assert saved.parent.parent == tmp_path
    assert read_overrides(saved).for_reports(old, new).unlink == (
        Fix("粮食种植面积", "粮食播种面积", "level"),
    )


async def test_the_tui_reads_the_corrections_it_kept(monkeypatch, tmp_path, bundled_comparison):
    from lingdiff.overrides import Overrides, write_overrides
    from lingdiff.tui.app import _compare
    from tests.helpers import NEW_PATH, OLD_PATH

    monkeypatch.setenv("LINGDIFF_DATA_DIR", str(tmp_path))
    old, new = bundled_comparison.old.source.sha256, bundled_comparison.new.source.sha256
    kept = default_overrides_path(old, new)
    write_overrides(kept, Overrides().toggled(old, new, "pair", Fix("3.7", "2.4")))
    comparison = _compare(OLD_PATH, NEW_PATH, None, None)
    assert comparison.corrections == ("pair old 3.7 with new 2.4",)
    assert comparison.options.overrides_path == str(kept)
    given = tmp_path / "mine.json"  # --overrides: that file only (here: not made yet)
    comparison = _compare(OLD_PATH, NEW_PATH, None, str(given))
    assert comparison.corrections == ()
    assert comparison.options.overrides_path == str(given)
