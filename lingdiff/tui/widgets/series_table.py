"""The Series tab: indicators × years, target → actual per cell, met/missed marks, a trend mark.

Enter shows the quotes of the row; ``m`` marks the year under the cursor and ``o`` opens the
marked year's report against the cursor's (or, with no mark, the report before it) in the
pairwise tabs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import DataTable

from ...series import Series, SeriesRow
from ..series_view import (
    TREND_MARK,
    cell_label,
    previous_report_year,
    report_of_year,
    shown_rows,
)

FIRST_YEAR_COLUMN = 2
"""Columns before the years: indicator, trend."""


class SeriesTable(DataTable[Text]):
    """One government's indicators across the years of its reports."""

    DEFAULT_CSS = """
    SeriesTable {
        height: 1fr;
        border-top: solid $primary 50%;
        border-title-color: $text-primary;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("m", "mark_year", "Mark year"),
        Binding("o", "open_pair", "Open pair"),
    ]

    @dataclass
    class ShowQuotes(Message):
        """Enter on a row: the quotes of this indicator."""

        table: SeriesTable
        row: SeriesRow

    @dataclass
    class OpenPair(Message):
        """Open two reports of the series in the pairwise tabs."""

        table: SeriesTable
        old: str
        new: str

    def __init__(self, series: Series, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="cell", zebra_stripes=True)
        self.series = series
        self.rows_shown = shown_rows(series)
        self.marked: int | None = None

    def on_mount(self) -> None:
        """Columns: indicator, trend, one per year; a row per indicator."""
        self.add_column(Text("Indicator", style="bold"), key="indicator")
        self.add_column(Text("Trend", style="bold"), key="trend")
        for year in self.series.years:
            self.add_column(Text(str(year), style="bold"), key=str(year))
        for row in self.rows_shown:
            name = Text(row.indicator, style="bold" if row.headline else "")
            name.append(f" ({row.measure})", style="dim")
            cells = [name, Text(TREND_MARK[row.trend], justify="center")]
            cells += [_styled(c.verdict, cell_label(c)) for c in row.cells]
            self.add_row(*cells, key=row.id)
        self.border_title = self._title()
        if self.rows_shown:
            self.move_cursor(row=0, column=FIRST_YEAR_COLUMN)

    def _title(self) -> str:
        place = self.series.place or "?"
        mark = f" · marked {self.marked}" if self.marked else ""
        years = f"{self.series.years[0]}–{self.series.years[-1]}"
        return f"{place} {years}: target → actual · Enter quotes · m mark · o open pair{mark}"

    def year_at_cursor(self) -> int | None:
        """The year of the column under the cursor (None on the indicator or trend column)."""
        column = self.cursor_coordinate.column - FIRST_YEAR_COLUMN
        return self.series.years[column] if 0 <= column < len(self.series.years) else None

    def action_mark_year(self) -> None:
        """Remember the cursor's year as one side of a pair."""
        year = self.year_at_cursor()
        if year is None or report_of_year(self.series, year) is None:
            self.notify("No report of that year to mark.", timeout=2)
            return
        self.marked = year
        self.border_title = self._title()

    def action_open_pair(self) -> None:
        """Open the marked year (or the year before) against the cursor's year."""
        year = self.year_at_cursor()
        new = report_of_year(self.series, year) if year is not None else None
        if year is None or new is None:
            self.notify("No report of that year.", timeout=2)
            return
        other = self.marked if self.marked not in (None, year) else None
        other = other or previous_report_year(self.series, year)
        old = report_of_year(self.series, other) if other is not None else None
        if old is None or other is None:
            self.notify("No earlier report to compare with.", timeout=2)
            return
        first, second = (old, new) if other < year else (new, old)
        self.post_message(self.OpenPair(self, first, second))

    @on(DataTable.CellSelected)
    def _selected(self, event: DataTable.CellSelected) -> None:
        event.stop()
        if 0 <= event.coordinate.row < len(self.rows_shown):
            self.post_message(self.ShowQuotes(self, self.rows_shown[event.coordinate.row]))


def _styled(verdict: str, label: str) -> Text:
    style = {"met": "green", "missed": "red", "not comparable": "yellow"}.get(verdict, "")
    return Text(label, style=style)
