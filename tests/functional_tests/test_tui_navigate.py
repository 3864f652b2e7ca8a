"""Quote and navigate: keys typed while loading, --tab/--section/--search, y, / filters,
the headline table's quotes and a palette without twins."""

from __future__ import annotations

import json
import threading

import pytest

from lingdiff.model import Comparison
from lingdiff.tui.app import StartAt, make_app
from lingdiff.tui.commands import _unique
from lingdiff.tui.screens.quotes import QuotesScreen
from lingdiff.tui.widgets.phrase_list import PhraseList
from lingdiff.tui.widgets.sections_pane import SectionsPane
from lingdiff.tui.widgets.targets_table import TargetsTable

pytestmark = pytest.mark.asyncio
KINDS_ALL = ("slogan", "term", "quoted")
SIZE = (120, 36)


async def _until(pilot, test, tries: int = 100) -> None:
    """Pause until ``test()`` holds (the app shows the comparison in a few steps)."""
    for _ in range(tries):
        if test():
            return
        await pilot.pause(0.05)


async def test_keys_typed_while_loading_are_kept(bundled_comparison: Comparison) -> None:
    release = threading.Event()

    def loader() -> Comparison:
        release.wait(5)
        return bundled_comparison

    app = make_app(loader=loader)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "slash", "增", "长")  # typed before the reports are compared
        release.set()
        await app.workers.wait_for_complete()
        await _until(pilot, lambda: app.query(SectionsPane) and app.query_one(SectionsPane).search)
        assert app.active_tab == "sections"
        assert app.query_one(SectionsPane).search == "增长"


async def test_a_tab_asked_for_after_the_app_ends_is_not_built(
    bundled_comparison: Comparison,
) -> None:
    app = make_app(bundled_comparison)
    async with app.run_test(size=SIZE) as pilot:
        await _until(pilot, lambda: app.index is not None)
        assert await app._ensure_tab("targets") is not None
    # a TabActivated handled in the last frames used to find no screen (IndexError)
    assert not app.screen_stack
    assert await app._ensure_tab("phrases") is None


async def test_start_at_a_section_with_a_search(bundled_comparison: Comparison) -> None:
    app = make_app(bundled_comparison, start=StartAt(section="1.2", search="增长"))
    async with app.run_test(size=SIZE) as pilot:
        await _until(pilot, lambda: app.query(SectionsPane) and app.query_one(SectionsPane).search)
        pane = app.query_one(SectionsPane)
        assert app.active_tab == "sections"
        assert pane.diff.current_row.pair == app.index.pair_of_number("1.2")
        assert "new:1.2" in app.index.pairs[pane.diff.current_row.pair].new
        assert pane.search == "增长"


async def test_start_at_a_tab(bundled_comparison: Comparison) -> None:
    app = make_app(bundled_comparison, start=StartAt(tab="phrases"))
    async with app.run_test(size=SIZE) as pilot:
        await _until(pilot, lambda: app.index is not None and app.active_tab == "phrases")
        assert app.active_tab == "phrases"


async def test_y_copies_the_sentence_with_report_year_and_section(
    bundled_comparison: Comparison,
) -> None:
    app = make_app(bundled_comparison)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "n", "y")
        await pilot.pause()
        row = app.query_one(SectionsPane).diff.current_row
        doc, index = ("new", row.new_index) if row.new_index is not None else ("old", row.old_index)
        sentence = bundled_comparison.doc(doc).sentences[index]
        copied = app.clipboard
        one_line = sentence.text.strip().replace("\n", "")  # a wrapped title is one line
        assert copied.startswith(f"“{one_line}” — ")
        assert f"({bundled_comparison.doc(doc).review_year} review" in copied
        assert f"section {sentence.section.split(':')[1]} " in copied


async def test_slash_filters_targets_and_phrases(bundled_comparison: Comparison) -> None:
    app = make_app(bundled_comparison)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "slash", *"总值", "enter")
        await pilot.pause()
        table = app.query_one(TargetsTable)
        names = {r.indicator for r in table.shown_rows()}
        assert names == {r.indicator for r in bundled_comparison.metrics if "总值" in r.indicator}
        assert table.row_count == len(table.shown_rows()) >= 2
        await pilot.press("5", "slash", "燃", "enter")
        await pilot.pause()
        phrases = app.query_one(PhraseList)
        assert [r.phrase for r in phrases._rows] == [
            r.phrase for r in phrases._rows if any("燃" in f for f in (r.phrase, *r.variants))
        ]
        assert phrases.table.row_count == len(phrases._rows) >= 1


async def test_k_shows_one_kind_of_phrase_at_a_time(bundled_comparison: Comparison) -> None:
    app = make_app(bundled_comparison)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        await pilot.pause()
        phrases = app.query_one(PhraseList)
        phrases.table.focus()
        shown = []
        for _ in range(4):
            await pilot.press("k")
            await pilot.pause()
            shown.append(({r.kind for r in phrases._rows}, str(phrases.table.border_title)))
        assert [kinds for kinds, _title in shown] == [
            {"slogan"},
            {"term"},
            {"quoted"},
            set(KINDS_ALL),
        ]
        assert " key terms: " in shown[1][1] and " quoted phrases: " in shown[2][1]
        assert len(phrases._rows) == len(bundled_comparison.phrases)


async def test_t_is_offered_only_where_it_filters(bundled_comparison: Comparison) -> None:
    app = make_app(bundled_comparison)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for key, offered in (("1", False), ("2", True), ("3", True), ("4", False), ("5", False)):
            await pilot.press(key)
            await pilot.pause()
            assert bool(app.check_action("topic", ())) is offered, key


async def test_enter_on_a_headline_shows_its_quotes(bundled_comparison: Comparison) -> None:
    app = make_app(bundled_comparison)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, QuotesScreen)
        assert app.screen.row.indicator == "规模工业增加值"  # the second headline


async def test_palette_entries_never_repeat() -> None:
    entries = [("Go to a", "1 figure: 5%", 1), ("Go to a", "2 figures: 6%", 2), ("b", "", 3)]
    texts = [text for text, _h, _c in _unique(entries)]
    assert texts == ["Go to a · 5%", "Go to a · 6%", "b"]
    twins = [("x", "same", 1), ("x", "same", 2)]
    assert [t for t, _h, _c in _unique(twins)] == ["x · same", "x · same (2)"]


async def test_e_on_targets_exports_the_rows_shown_as_csv(
    bundled_comparison: Comparison, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import csv
    import io

    from lingdiff.tui.screens.export import ExportScreen

    monkeypatch.chdir(tmp_path)
    app = make_app(bundled_comparison)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "slash", *"总值", "enter", "e")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        await pilot.press("enter")
        await pilot.pause()
    rows = list(csv.DictReader(io.StringIO((tmp_path / "lingdiff-targets.csv").read_text("utf-8"))))
    shown = [r for r in bundled_comparison.metrics if "总值" in r.indicator]
    assert {r["row_id"] for r in rows} == {r.id for r in shown}
    assert len(rows) == sum(len(r.observations) for r in shown)


async def test_the_theme_is_kept_between_sessions(bundled_comparison: Comparison, tmp_path) -> None:
    settings = tmp_path / "config" / "tui.json"
    first = make_app(bundled_comparison, settings=settings)
    async with first.run_test(size=SIZE) as pilot:
        await pilot.pause()
        first.theme = "nord"
        await pilot.pause()
    assert json.loads(settings.read_text("utf-8")) == {"theme": "nord"}
    second = make_app(bundled_comparison, settings=settings)
    async with second.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert second.theme == "nord"
    settings.write_text("{not json", encoding="utf-8")  # a broken file is ignored
    third = make_app(bundled_comparison, settings=settings)
    async with third.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert third.theme == make_app(bundled_comparison).theme


async def test_the_overview_lists_phrases_used_more_or_less(bundled_comparison: Comparison) -> None:
    from rich.console import Console

    from lingdiff.tui.widgets.overview import Overview

    app = make_app(bundled_comparison)
    async with app.run_test(size=SIZE) as pilot:
        await _until(pilot, lambda: bool(app.query(Overview)))
        console = Console(width=200, record=True)
        console.print(app.query_one(Overview)._slogans())
        text = console.export_text()
        assert "Used more or less" in text.splitlines()[0]
        assert "基础设施 13→4" in text and "外贸 1→6" in text
