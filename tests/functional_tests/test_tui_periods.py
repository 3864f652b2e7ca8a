"""The Targets tab shows five-year and undated figures: a column of their own in the wide
layout, a count under the name in the compact one, and their period in the quotes."""

from __future__ import annotations

from pathlib import Path

import pytest

import lingdiff
from lingdiff.model import Comparison
from lingdiff.tui.app import make_app
from lingdiff.tui.screens.quotes import QuotesScreen, quote_text
from lingdiff.tui.widgets.targets_table import TargetsTable
from tests.unit_tests.test_render_periods import NEW, OLD

pytestmark = pytest.mark.asyncio


@pytest.fixture(scope="module")
def comparison(tmp_path_factory: pytest.TempPathFactory) -> Comparison:
    folder = tmp_path_factory.mktemp("tui-periods")
    (folder / "old.txt").write_text(OLD, encoding="utf-8")
    (folder / "new.txt").write_text(NEW, encoding="utf-8")
    return lingdiff.compare(Path(folder / "old.txt"), Path(folder / "new.txt"))


async def test_wide_layout_has_a_column_of_five_year_figures(comparison: Comparison) -> None:
    app = make_app(comparison)
    async with app.run_test(size=(160, 30)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        table = app.query_one(TargetsTable)
        labels = [c.label.plain.strip() for c in table.columns.values()]
        assert labels[-1] == "Five-year and undated"
        rows = {m.id: [str(cell) for cell in table.get_row(m.id)] for m in comparison.metrics}
        by_name = {(r[0], r[1]): r for r in rows.values()}
        assert by_name[("城镇化率", "level")][2:] == [
            "—",
            "—",
            "—",
            "—",
            "—",
            "old 2025-2030 goal: 70% · new 2026-2030 goal: 72%",
        ]
        growth = [r for r in rows.values() if r[0] == "地区生产总值" and r[1] == "growth"]
        assert [r[-1] for r in growth] == ["—", "new 2021-2025 review: 5.5%"]


async def test_compact_layout_counts_them_and_the_quotes_name_the_period(
    comparison: Comparison,
) -> None:
    app = make_app(comparison)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        table = app.query_one(TargetsTable)
        assert len(table.columns) == 4
        row = next(m for m in comparison.metrics if m.indicator == "城镇化率")
        assert str(table.get_row(row.id)[0]) == "城镇化率\nlevel · +2 more"
        table.move_cursor(row=table.get_row_index(row.id))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, QuotesScreen)
        heads = [quote_text(app.index, o).plain.split(" · ")[:2] for o in app.screen.ordered]
        assert heads == [["old", "2025-2030 goal"], ["new", "2026-2030 goal"]]
