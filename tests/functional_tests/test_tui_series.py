"""The TUI on more than two reports: the Series tab, its quotes, opening any two years."""

from __future__ import annotations

from pathlib import Path

import pytest

from lingdiff.cli_series import wants_series_tui
from lingdiff.compare import compare
from lingdiff.outline import parse_document
from lingdiff.reading import load_document
from lingdiff.series import series
from lingdiff.tui.series_view import cell_label, shown_rows
from tests.unit_tests.test_series import HEAD, REPORTS


@pytest.fixture
def docs(tmp_path: Path):
    out = []
    for plan in (2023, 2024, 2026):
        path = tmp_path / f"r{plan}.txt"
        path.write_text(
            HEAD.format(place="测试县", review=plan - 1, plan=plan) + REPORTS[plan], "utf-8"
        )
        out.append(load_document(path))
    return out


def test_cell_labels_and_rows(docs) -> None:
    result = series(docs)
    gdp = result.row("地区生产总值")
    assert [cell_label(c) for c in gdp.cells] == [
        "– → 5.2%",
        "6%以上 → 5.5% ✗",
        "5%左右 → –",
        "– → 4.4%",
        "5%左右 → –",
    ]
    assert [r.indicator for r in shown_rows(result)][:2] == ["地区生产总值", "居民消费价格"]


def test_many_inputs_open_the_series_tui(tmp_path: Path) -> None:
    assert wants_series_tui(["a.txt", "b.txt", "c.txt"])
    assert wants_series_tui([str(tmp_path)])
    assert not wants_series_tui(["a.txt", "b.txt"])
    assert not wants_series_tui(["a.txt", "b.txt", "--topics", "t.json"])


@pytest.mark.asyncio
async def test_series_tab_quotes_and_open_pair(docs) -> None:
    from lingdiff.tui.screens.series_quotes import SeriesQuotesScreen
    from lingdiff.tui.series_app import SeriesApp
    from lingdiff.tui.widgets.series_table import SeriesTable

    result = series(docs)
    pair = compare(docs[1], parse_document(docs[2].text, key="new", path=docs[2].path))
    app = SeriesApp(result, pair)
    app.animation_level = "none"
    async with app.run_test(size=(140, 30)) as pilot:
        await pilot.pause()
        table = app.query_one(SeriesTable)
        assert app.active_tab == "series"
        assert table.row_count == len(shown_rows(result))
        assert table.year_at_cursor() == 2022
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SeriesQuotesScreen)
        assert app.screen.row.indicator == "地区生产总值"
        await pilot.press("escape")
        table.focus()
        table.move_cursor(row=0, column=3)  # 2023
        await pilot.press("m")
        table.move_cursor(row=0, column=3 + 3)  # 2026
        await pilot.press("o")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.active_tab == "overview"
        assert Path(app.comparison.old.path).name == "r2023.txt"
        assert Path(app.comparison.new.path).name == "r2026.txt"
        assert app.comparison.new.key == "new"
