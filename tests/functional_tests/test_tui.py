"""Pilot tests of the TUI on the bundled reports: every tab and every binding changes real state."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.text import Text
from textual.pilot import Pilot

from lingdiff.collation import pinyin_key
from lingdiff.tui.main_app import TABS, LingdiffApp
from lingdiff.tui.screens.export import ExportScreen
from lingdiff.tui.screens.help import HelpScreen
from lingdiff.tui.screens.quotes import QuotesScreen
from lingdiff.tui.screens.topic_picker import TopicPicker
from lingdiff.tui.widgets.diff_view import DiffView
from lingdiff.tui.widgets.phrase_list import PhraseList
from lingdiff.tui.widgets.priority_bars import PriorityBars
from lingdiff.tui.widgets.sections_pane import SectionsPane
from lingdiff.tui.widgets.targets_table import TargetsTable

pytestmark = pytest.mark.asyncio
SIZE = (160, 48)


async def _sections(app: LingdiffApp, pilot: Pilot) -> SectionsPane:
    await pilot.press("2")
    await pilot.pause()
    return app.query_one(SectionsPane)


async def test_tabs_are_built_after_the_first_screen_and_keys_switch_them(
    app: LingdiffApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.active_tab == "overview"
        assert app.tab_widget("overview") is not None
        for _ in range(100):  # the other tabs follow in the background, none asked for
            if all(app.tab_widget(tab) is not None for tab in TABS):
                break
            await pilot.pause(0.05)
        assert [type(app.tab_widget(t)).__name__ for t in TABS] == [
            "Overview",
            "SectionsPane",
            "TargetsTable",
            "PriorityBars",
            "PhraseList",
        ]
        for n, tab in reversed(list(enumerate(TABS, 1))):
            await pilot.press(str(n))
            assert app.active_tab == tab
            assert app.tab_widget(tab) is not None
        await pilot.click("#--content-tab-targets")
        await pilot.pause()
        assert app.active_tab == "targets"
        assert app.query_one(TargetsTable).row_count == len(app.comparison.metrics)


async def test_change_and_section_keys_move_rows_and_tree_together(app: LingdiffApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        pane = await _sections(app, pilot)
        diff, tree = pane.diff, pane.tree
        await pilot.press("n")
        first = diff.cursor
        assert diff.current_row.is_change
        assert isinstance(app.focused, DiffView)
        await pilot.press("n")
        assert diff.cursor > first and diff.current_row.is_change
        await pilot.press("p")
        assert diff.cursor == first
        for key in ("right_square_bracket", "j"):
            await pilot.press(key)
            assert diff.current_row.kind == "heading"
            assert tree.cursor_node.data == diff.current_row.pair
        second = diff.cursor
        await pilot.press("left_square_bracket")
        assert diff.cursor < second and diff.current_row.kind == "heading"
        await pilot.press("k")
        assert tree.cursor_node.data == diff.current_row.pair
        tree.focus()
        await pilot.press("down", "down", "down")
        assert diff.current_row.pair == tree.cursor_node.data
        await pilot.click("#pair-tree", offset=(8, 5))
        await pilot.pause()
        assert diff.current_row.pair == tree.cursor_node.data


def _figure_metrics(text: Text | None) -> set[str]:
    return {
        s.style.meta["figure"]
        for s in (text.spans if text is not None else ())
        if getattr(s.style, "meta", {}).get("figure")
    }


async def test_a_figure_leads_to_its_indicator_by_enter_and_by_click(app: LingdiffApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        pane = await _sections(app, pilot)
        diff = pane.diff
        row_index = next(
            i
            for i, r in enumerate(diff.visible_rows)
            if _figure_metrics(r.new) | _figure_metrics(r.old)
        )
        diff.move_to(row_index)
        diff.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert app.active_tab == "targets"
        table = app.query_one(TargetsTable)
        assert isinstance(app.focused, TargetsTable)
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        row = diff.visible_rows[row_index]
        assert key in _figure_metrics(row.new) | _figure_metrics(row.old)
        await pilot.press("2")
        await pilot.pause()
        target = None
        for y in range(diff.size.height):
            x = 0
            for segment in diff.render_line(y):
                if segment.style and segment.style.meta.get("figure"):
                    target = (x, y, segment.style.meta["figure"])
                    break
                x += segment.cell_length
            if target:
                break
        assert target is not None
        await pilot.click(DiffView, offset=(target[0], target[1]))
        await pilot.pause()
        assert app.active_tab == "targets"
        assert table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value == target[2]


async def test_overview_shows_headline_targets_and_shifts(app: LingdiffApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        svg = app.export_screenshot()
        assert "地区生产总值" in svg
        assert "Headline&#160;targets" in svg and "Largest&#160;priority&#160;shifts" in svg


async def test_changes_only_hides_unchanged_rows(app: LingdiffApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        pane = await _sections(app, pilot)
        everything = len(pane.diff.visible_rows)
        await pilot.press("c")
        await pilot.pause()
        assert app.changes_only and pane.changes_only
        rows = pane.diff.visible_rows
        assert all(r.kind == "heading" or r.is_change for r in rows)
        assert len(rows) <= everything
        assert "changes only" in str(pane.tree.border_title)
        await pilot.press("c")
        await pilot.pause()
        assert len(pane.diff.visible_rows) == everything


async def test_search_counts_matches_in_both_reports_and_jumps(app: LingdiffApp) -> None:
    c = app.comparison
    expected = sum(s.text.count("增长") for d in (c.old, c.new) for s in d.sentences)
    async with app.run_test(size=SIZE) as pilot:
        pane = await _sections(app, pilot)
        await pilot.press("slash")
        await pilot.press(*"增长")
        await pilot.pause()
        assert pane.search == "增长"
        rows = pane.diff.match_rows
        assert 0 < rows < expected
        assert pane.search_bar.count_text == f"{expected} matches in {rows} rows"
        await pilot.press("enter")
        await pilot.pause()
        assert pane.search_bar.count_text == f"row 1/{rows} · {expected} matches"
        assert "增长" in pane.diff.current_row.plain()
        first = pane.diff.cursor
        await pilot.press("enter")
        await pilot.pause()
        assert pane.diff.cursor > first
        assert pane.search_bar.count_text == f"row 2/{rows} · {expected} matches"
        await pilot.press("up")
        assert pane.diff.cursor == first
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.focused, DiffView)
        await pilot.press("slash")
        pane.search_bar.input.value = "qqqzz"
        await pilot.pause()
        assert pane.search_bar.count_text == "no matches"


async def test_targets_sort_by_key_and_by_header_click(app: LingdiffApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await pilot.pause()
        table = app.query_one(TargetsTable)
        await pilot.press("s")
        assert table.sort_column == 0
        names = [r.indicator for r in table.shown_rows()]
        assert names == sorted(
            names, key=pinyin_key
        )  # by pinyin (500强 before 500万: qiang2 < wan4)
        assert names.index("地区生产总值") < names.index("粮食播种面积") < names.index("重点项目")
        assert table.get_row_at(0)[0].plain == names[0]
        await pilot.press("S")
        assert table.sort_reverse
        assert table.get_row_at(0)[0].plain == names[-1]
        await pilot.click(TargetsTable, offset=(2, 1))  # the heading row, under the border
        await pilot.pause()
        assert table.sort_column == 0 and not table.sort_reverse


async def test_targets_enter_shows_quotes_and_they_lead_to_the_sentence(app: LingdiffApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await pilot.pause()
        table = app.query_one(TargetsTable)
        row = table.shown_rows()[0]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, QuotesScreen)
        assert app.screen.row.id == row.id
        svg = app.screen.export_screenshot() if hasattr(app.screen, "export_screenshot") else ""
        svg = svg or app.export_screenshot()
        assert row.observations[0].section.split(":")[1] in svg
        await pilot.press("end", "enter")  # the last quote: a sentence far down the report
        await pilot.pause()
        assert app.active_tab == "sections"
        diff = app.query_one(SectionsPane).diff
        obs = sorted(row.observations, key=lambda o: (o.doc != "old", o.kind, o.start))[-1]
        sentence = app.index.observation_sentence(obs)
        current = diff.current_row
        assert current.kind == "sentence"
        assert (current.old_index if obs.doc == "old" else current.new_index) == sentence
        top = diff.scroll_offset.y
        assert top > 0 and top <= diff._layout.tops[diff.cursor] < top + diff.size.height


async def test_topic_filter_from_priorities_and_from_t(app: LingdiffApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await pilot.pause()
        bars = app.query_one(PriorityBars)
        assert bars.option_count == len(app.comparison.topics)
        sizes = [abs(t.change_pp) for t in app.comparison.topics]
        assert bars.topic_order[0] == app.comparison.topics[sizes.index(max(sizes))].topic
        await pilot.press("enter")  # the largest change: the Sections tree shows its pairs
        await pilot.pause()
        await pilot.pause()
        index = app.index
        assert app.active_tab == "sections"
        assert app.topic_filter == bars.topic_order[0]
        pane = app.query_one(SectionsPane)
        assert pane.topic_filter == app.topic_filter
        assert set(pane.tree.pair_ids) <= index.pairs_of_topic(app.topic_filter)
        assert "pairs · " in str(pane.tree.border_title)
        await pilot.press("3", "t")  # another topic, chosen with t, filters Targets too
        await pilot.pause()
        assert isinstance(app.screen, TopicPicker)
        picker = app.screen
        listed = [t.topic for t in sorted(picker.topics, key=lambda t: t.topic)]  # as shown
        other = next(t for t in listed if t != bars.topic_order[0])
        steps = listed.index(other) + 1  # after "all topics"
        await pilot.press("home", *["down"] * steps, "enter")
        await pilot.pause()
        topic = app.topic_filter
        assert topic and topic != bars.topic_order[0]
        table = app.query_one(TargetsTable)
        assert all(index.metric_topic(r) == topic for r in table.shown_rows())
        assert table.row_count == len(table.shown_rows()) < len(app.comparison.metrics)
        assert set(pane.tree.pair_ids) <= index.pairs_of_topic(topic)
        await pilot.press("t", "home", "enter")  # All topics
        await pilot.pause()
        assert app.topic_filter == ""
        assert table.row_count == len(app.comparison.metrics)


async def test_phrases_show_where_they_occur_and_open_the_sentence(app: LingdiffApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        await pilot.pause()
        phrases = app.query_one(PhraseList)
        occurrences = phrases.query_one("#occurrences")
        assert phrases.table.row_count == len(app.comparison.phrases)
        assert occurrences.option_count >= 1
        await pilot.press("down")
        await pilot.pause()
        assert str(occurrences.border_title).startswith("“")
        await pilot.press("enter", "enter")
        await pilot.pause()
        await pilot.pause()
        assert app.active_tab == "sections"
        assert app.query_one(SectionsPane).diff.current_row.kind == "sentence"


async def _palette(pilot: Pilot, query: str) -> None:
    """Open the command palette and type a query (set at once: typing is slow to test)."""
    from textual.command import CommandPalette
    from textual.widgets import Input

    await pilot.press("ctrl+p")
    await pilot.pause()
    assert isinstance(pilot.app.screen, CommandPalette)
    pilot.app.screen.query_one(Input).value = query
    await pilot.pause(0.3)


async def test_command_palette_jumps_to_an_indicator_and_a_section(app: LingdiffApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        row = app.comparison.metrics[0]
        await _palette(pilot, f"indicator {row.indicator}")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert app.active_tab == "targets"
        table = app.query_one(TargetsTable)
        assert table.get_row_at(table.cursor_row)[0].plain == row.indicator
        pid = app.index.order[5]
        await _palette(pilot, f"section {app.index.pair_title(pid)}")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert app.active_tab == "sections"
        assert app.query_one(SectionsPane).diff.current_row.pair == pid


async def test_export_asks_before_overwriting_and_refuses_inputs(
    app: LingdiffApp, tmp_path: Path
) -> None:
    target = tmp_path / "report.md"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        app.screen.query_one("#export-path").value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert target.read_text(encoding="utf-8").startswith("# lingdiff report")
        target.write_text("mine", encoding="utf-8")
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#export-path").value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)  # asks first
        assert target.read_text(encoding="utf-8") == "mine"
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ExportScreen)
        assert target.read_text(encoding="utf-8").startswith("# lingdiff report")
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#export-path").value = app.comparison.old.path
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)  # an input report is never written
        await pilot.press("escape")


async def test_help_screen_opens_and_closes_and_q_quits(app: LingdiffApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("q")
        await pilot.pause()
        assert app.return_code == 0
        assert not app.is_running


async def test_targets_reverse_keeps_blanks_last_and_home_end_move_rows(
    app: LingdiffApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", *["s"] * 7)  # sort by change of target (relative), ascending
        await pilot.pause()
        table = app.query_one(TargetsTable)
        first_up = table.get_row_at(0)[0].plain
        await pilot.press("S")  # descending: biggest rise first, rows without a change last
        await pilot.pause()
        assert table.sort_column == 6 and table.sort_reverse
        assert table.get_row_at(0)[0].plain != first_up
        last_change = table.get_row_at(table.row_count - 1)[-1]
        assert last_change.plain.strip() in ("—", "")
        await pilot.press("end")
        assert table.cursor_row == table.row_count - 1
        await pilot.press("home")
        assert table.cursor_row == 0


async def test_sections_opens_on_the_rows_and_tab_reaches_the_tree(app: LingdiffApp) -> None:
    """j/k/n/p act on the rows, so the tab opens with them focused (no focus move on the
    first key); Shift+Tab moves to the tree, where the arrows pick a pair."""
    from lingdiff.tui.widgets.pair_tree import PairTree

    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await pilot.pause()
        assert isinstance(app.focused, DiffView)
        await pilot.press("j")
        assert isinstance(app.focused, DiffView)
        await pilot.press("shift+tab")
        assert isinstance(app.focused, PairTree)
