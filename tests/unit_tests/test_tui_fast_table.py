"""FastTable: one-line text cells drawn directly, the same segments as textual draws them;
scrollbars known before a hidden table's first show."""

from __future__ import annotations

import pytest
from rich.text import Text
from textual.app import App, ComposeResult
from textual.containers import Container
from textual.widgets import DataTable

from lingdiff.tui.widgets.fast_table import FastTable

pytestmark = pytest.mark.asyncio

CELLS = [
    Text("国内生产总值", no_wrap=True, overflow="ellipsis"),
    Text("growth", style="dim"),
    Text.assemble(("6%", "bold"), "－", ("6.5%", "underline")),
    Text("12", justify="right"),
    Text("  3 ", justify="right", style="green"),
    Text("centred", justify="center"),
    Text("two\nlines"),
    "plain string",
]
FAST = [True, True, True, True, True, False, False, True]
"""Which cells the fast path takes at a width they fit (centred and multi-line cells are
textual's; a string reaches it as Text)."""


class TableApp(App[None]):
    def __init__(self, rows: int, hidden: bool = False) -> None:
        super().__init__()
        self.rows, self.hidden = rows, hidden

    def compose(self) -> ComposeResult:
        with Container(id="box"):
            yield FastTable(id="table", zebra_stripes=True, cursor_type="row")

    def on_mount(self) -> None:
        if self.hidden:
            self.query_one("#box").display = False
        table = self.query_one(FastTable)
        for n in range(len(CELLS)):
            table.add_column(f"c{n}", key=str(n))
        for r in range(self.rows):
            table.add_row(*CELLS, key=str(r))


async def test_fast_cells_are_drawn_as_textual_draws_them() -> None:
    app = TableApp(rows=3)
    async with app.run_test(size=(120, 20)) as pilot:
        await pilot.pause()
        table = app.query_one(FastTable)
        taken = []
        for row in range(3):
            for column in range(len(CELLS)):
                for width, cursor in ((16, False), (16, True), (5, False), (30, True)):
                    base = table.rich_style
                    table._cell_render_cache.clear()
                    fast = table._fast_cell(row, column, base, width, cursor, False)
                    table._cell_render_cache.clear()
                    slow = DataTable._render_cell(table, row, column, base, width, cursor)
                    if fast is not None:
                        assert fast == slow, (row, column, width, cursor)
                    if width == 16:
                        taken.append(fast is not None)
        assert taken == [f for _ in range(3) for f in FAST for _ in (0, 1)]
        # too narrow for the text: cropped by textual, not here
        assert table._fast_cell(0, 0, table.rich_style, 5, False, False) is None


async def test_a_hidden_table_too_long_for_the_screen_shows_its_scrollbar_before_it_is_shown() -> (
    None
):
    app = TableApp(rows=40, hidden=True)
    async with app.run_test(size=(120, 20)) as pilot:
        await pilot.pause()
        table = app.query_one(FastTable)
        assert table.size.height == 0  # never laid out
        assert table.show_vertical_scrollbar
        app.query_one("#box").display = True
        await pilot.pause()
        assert table.size.height > 0 and table.show_vertical_scrollbar


async def test_a_short_hidden_table_shows_no_scrollbar() -> None:
    app = TableApp(rows=3, hidden=True)
    async with app.run_test(size=(120, 20)) as pilot:
        await pilot.pause()
        table = app.query_one(FastTable)
        assert not table.show_vertical_scrollbar
        app.query_one("#box").display = True
        await pilot.pause()
        assert not table.show_vertical_scrollbar
