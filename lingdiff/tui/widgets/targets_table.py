"""The Targets tab: per indicator, the review-year actual and plan-year target of each report."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey, RowDoesNotExist

from ...collation import pinyin_key
from ...model import DocKey, Kind, MetricRow
from ...render.common import (
    fmt_change,
    fmt_other,
    fmt_values,
    is_yearly,
    other_values,
    target_change,
    year_heading,
)
from ...summary import in_both
from ..index import ComparisonIndex
from .fast_table import FastTable
from .styles import CachedStyles

COLUMNS: tuple[tuple[DocKey, Kind], ...] = (
    ("old", "actual"),
    ("old", "target"),
    ("new", "actual"),
    ("new", "target"),
)
"""The figure columns, in order: old report's actual and target, new report's."""

FIRST_FIGURE = 2
"""Index of the first figure column (after indicator and measure)."""
LAST_COLUMN = FIRST_FIGURE + len(COLUMNS)
"""Index of the change column."""
COMPACT_BELOW = 120
"""Below this width (cells) each target shows with its actual under it, in four columns."""
FIGURE_WIDTH = 16
"""Cells of a figure column in the compact layout (longer cells wrap, values stay whole)."""
COMPACT_COLUMNS = (0, FIRST_FIGURE + 1, FIRST_FIGURE + 3, LAST_COLUMN)
"""The logical columns of the compact layout: indicator, old target, new target, change."""
OTHER_COLUMN = LAST_COLUMN + 1
"""Index of the column of five-year and undated figures (wide layout, when there are any)."""


def _first_value(row: MetricRow, doc: DocKey, kind: Kind) -> float | None:
    values = row.values(doc, kind)
    return values[0].signed_value if values else None


def ordered_key(column: int, reverse: bool) -> Callable[[MetricRow], tuple]:
    """The key that sorts by ``column`` ascending or descending, blanks last either way."""
    key = sort_key(column)
    if not reverse:
        return key
    if column < FIRST_FIGURE:  # text columns have no blanks: reverse the text order
        return lambda row: tuple(_Reversed(part) for part in key(row))

    def descending(row: MetricRow) -> tuple:
        blank, value = key(row)
        return (blank, -value)

    return descending


class _Reversed:
    """Wraps a value so that sorting it ascending sorts the value descending."""

    __slots__ = ("value",)

    def __init__(self, value: object) -> None:
        self.value = value

    def __lt__(self, other: _Reversed) -> bool:
        return other.value < self.value  # type: ignore[operator]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Reversed) and self.value == other.value

    __hash__ = None  # type: ignore[assignment]


def sort_key(column: int) -> Callable[[MetricRow], tuple]:
    """The sort key of a column (0 indicator by pinyin, 1 measure, 2–5 figures, 6 change
    relative to the old target); blanks last."""
    if column == 0:
        return lambda row: (0, pinyin_key(row.indicator))  # 地区… under d, as a reader looks
    if column == 1:
        return lambda row: (0, row.measure)
    if 2 <= column < FIRST_FIGURE + len(COLUMNS):
        doc, kind = COLUMNS[column - FIRST_FIGURE]

        def by_value(row: MetricRow) -> tuple:
            value = _first_value(row, doc, kind)
            return (1, 0.0) if value is None else (0, value)

        return by_value

    def by_change(row: MetricRow) -> tuple:
        # relative to the old target, so changes in 人, 亿元 and pp can be ranked together
        _arrow, diff = target_change(row)
        if diff is None:
            return (1, 0.0)
        base = abs(_first_value(row, "old", "target") or 0.0)
        return (0, diff / base if base else diff)

    return by_change


class TargetsTable(CachedStyles, FastTable):
    """Indicators × figures; ``s`` sorts by the next column, ``S`` reverses, Enter shows quotes."""

    COMPONENT_CLASSES: ClassVar[set[str]] = DataTable.COMPONENT_CLASSES | {
        "targets-table--up",
        "targets-table--down",
        "targets-table--same",
        "targets-table--missing",
    }

    DEFAULT_CSS = """
    TargetsTable {
        & > .targets-table--up { color: $text-success; text-style: bold; }
        & > .targets-table--down { color: $text-error; text-style: bold; }
        & > .targets-table--same { text-style: dim; }
        & > .targets-table--missing { text-style: dim; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "sort_next", "Sort"),
        Binding("S", "sort_reverse", "Reverse", show=False),
        Binding("home", "first_row", "First", show=False),
        Binding("end", "last_row", "Last", show=False),
    ]

    sort_column: reactive[int] = reactive(-1, init=False)
    """The column the rows are sorted by (-1: the order of the report)."""

    sort_reverse: reactive[bool] = reactive(False, init=False)
    """Sort descending."""

    topic_filter: reactive[str] = reactive("", init=False)
    """Show only indicators of this topic (empty: all)."""

    text_filter: reactive[str] = reactive("", init=False)
    """Show only indicators whose name (or an alias) holds this text (empty: all)."""

    @dataclass
    class ShowQuotes(Message):
        """Enter on a row: show the quotes of this indicator."""

        table: TargetsTable
        metric: str

    def __init__(self, index: ComparisonIndex, *, id: str | None = None) -> None:
        # the indicator and its measure stay on screen when the figures scroll sideways
        super().__init__(id=id, cursor_type="row", zebra_stripes=True, fixed_columns=2)
        self.index = index
        self._metric_of_cell: dict[int, MetricRow] = {}
        """The indicator of each row, by the identity of its first cell (for sorting)."""
        self._other: bool | None = None

    compact: reactive[bool] = reactive(False, init=False)
    """Narrow terminal: each report's target with its actual under it, no sideways scroll."""

    def on_mount(self) -> None:
        """Add the columns and the rows."""
        self.set_reactive(TargetsTable.compact, self.app.size.width < COMPACT_BELOW)
        self._fill()

    def on_resize(self) -> None:
        """Switch between the wide and the compact layout."""
        self.compact = self.app.size.width < COMPACT_BELOW

    def watch_compact(self) -> None:
        """Rebuild in the other layout."""
        self._fill()

    def _shown_columns(self) -> tuple[int, ...]:
        """The logical columns shown (see :func:`sort_key`), left to right."""
        if self.compact:
            return COMPACT_COLUMNS
        last = OTHER_COLUMN if self._has_other() else LAST_COLUMN
        return tuple(range(last + 1))

    def _has_other(self) -> bool:
        """True when some figure is five-year or undated (the yearly columns cannot show it)."""
        if self._other is None:
            metrics = self.index.comparison.metrics
            self._other = any(not is_yearly(o) for r in metrics for o in r.observations)
        return self._other

    def _headers(self) -> list[str]:
        c = self.index.comparison
        # the years tell the reports apart (old review, old plan, new review, new plan)
        heads = ["Indicator", "Measure"] + [year_heading(c, d, k) for d, k in COLUMNS]
        heads.append("Change" if self.compact else "Change of target")
        heads.append("Five-year and undated")
        if 0 <= self.sort_column < len(heads):
            heads[self.sort_column] += " ▼" if self.sort_reverse else " ▲"
        return heads

    def shown_rows(self) -> list[MetricRow]:
        """The indicator rows shown, filtered and sorted."""
        text = self.text_filter
        rows = [
            r
            for r in self.index.comparison.metrics
            if (not self.topic_filter or self.index.metric_topic(r) == self.topic_filter)
            and (not text or any(text in name for name in (r.indicator, *r.aliases)))
        ]
        if self.sort_column >= 0:
            rows.sort(key=ordered_key(self.sort_column, self.sort_reverse))
        else:
            order = self._default_order()
            rows.sort(key=lambda r: order[r.id])
        return rows

    def _default_order(self) -> dict[str, tuple[int, int]]:
        """Indicators followed across both reports first, each group in report order."""
        return {
            row.id: (0 if in_both(row) else 1, n)
            for n, row in enumerate(self.index.comparison.metrics)
        }

    def _fill(self) -> None:
        """Rebuild all rows (after a change of topic; sorting only reorders)."""
        current = self._current_metric()
        self.clear(columns=True)
        name_width = self._name_width()
        self.header_height = 2 if self.compact else 1
        self.fixed_columns = 1 if self.compact else 2
        heads = self._headers()
        for i in self._shown_columns():
            # room for ▲/▼; the indicator column is capped so the figures get the screen
            width = name_width if i == 0 else FIGURE_WIDTH if self.compact else None
            self.add_column(self._head(i, heads), key=str(i), width=width)
        rows = self.shown_rows()
        self._metric_of_cell = {}
        for row in rows:
            cells = self._cells(row)
            self._metric_of_cell[id(cells[0])] = row
            self.add_row(*cells, key=row.id, height=None if self.compact else 1)
        self.border_title = self._status(len(rows))
        self.expect_scrollbars()
        if current is not None:
            self.select_metric(current)

    def _head(self, column: int, heads: list[str]) -> Text:
        """The heading of a logical column; compact: the actual's year under the target's."""
        head = Text(heads[column] + "  ", style="bold")
        if self.compact and FIRST_FIGURE <= column < LAST_COLUMN:
            head.append("\n" + heads[column - 1], style="dim")
        return head

    def _name_width(self) -> int:
        """Cells of the (frozen) indicator column: its longest name, at most a quarter of the
        screen (a longer name ends in …; Enter shows it whole with its quotes)."""
        longest = max((cell_len(r.indicator) for r in self.index.comparison.metrics), default=9)
        return max(10, min(longest, self.app.size.width // 4))

    def _resort(self) -> None:
        """Reorder the rows in place, mark the sorted column and show the top of the order."""
        heads = self._headers()
        for i in self._shown_columns():
            self.columns[ColumnKey(str(i))].label = self._head(i, heads)
        order = self._default_order()
        by_column = (
            ordered_key(self.sort_column, self.sort_reverse) if self.sort_column >= 0 else None
        )

        def key(cell: Text) -> tuple:
            row = self._metric_of_cell[id(cell)]
            return by_column(row) if by_column else order[row.id]

        self.sort("0", key=key)
        self.border_title = self._status(self.row_count)
        # a new order is read from its top: the cursor goes there, not after the old row
        self.move_cursor(row=0, column=0)
        self.scroll_home(animate=False)

    def _current_metric(self) -> str | None:
        if not self.row_count:
            return None
        return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value

    def _status(self, shown: int) -> Text:
        total = len(self.index.comparison.metrics)
        topic = self.index.topic_labels.get(self.topic_filter, self.topic_filter) or "all topics"
        if self.text_filter:
            topic += f" · “{self.text_filter}”"
        heads = self._headers()
        order = heads[self.sort_column] if self.sort_column >= 0 else "both reports first"
        return Text(
            f"{shown} of {total} indicators · {topic} · sorted by {order} · "
            "Enter quotes · s sort · t topic · / filter"
        )

    def _cells(self, row: MetricRow) -> list[Text]:
        missing = self.cached_style("targets-table--missing", partial=True)
        name = Text(
            ("✎ " if row.override else "") + row.indicator, no_wrap=True, overflow="ellipsis"
        )
        figures = []
        for doc, kind in COLUMNS:
            values = row.values(doc, kind)
            figures.append(Text(fmt_values(values)) if values else Text("—", style=missing))
        arrow, _diff = target_change(row)
        role = {"↑": "up", "↓": "down", "→": "same"}.get(arrow, "missing")
        style = self.cached_style(f"targets-table--{role}", partial=True)
        change = fmt_change(row) or "—"
        others = {d: fmt_other(other_values(row, d)) for d in ("old", "new")}
        if not self.compact:
            cells = [name, Text(row.measure, style=missing), *figures, Text(change, style=style)]
            if self._has_other():
                parts = [f"{d} {p}" for d in ("old", "new") for p in others[d]]
                cells.append(Text(" · ".join(parts)) if parts else Text("—", style=missing))
            return cells
        name.append("\n" + row.measure, style=missing)
        count = len(others["old"]) + len(others["new"])
        if count:  # no room for them here: Enter lists them with their quotes
            name.append(f" · +{count} more", style=missing)
        for target in (1, 3):  # each target with its actual under it
            actual = figures[target - 1].copy()
            actual.stylize(missing)
            figures[target].append("\n")
            figures[target].append_text(actual)
        return [name, figures[1], figures[3], Text(change.replace(" (", "\n("), style=style)]

    def sentence_under_cursor(self) -> tuple[DocKey, int] | None:
        """The sentence quoting the row's latest figure (new report first, targets first)."""
        metric = self._current_metric()
        row = self.index.metrics.get(metric) if metric else None
        if row is None:
            return None
        for doc, kind in (
            ("new", "target"),
            ("new", "actual"),
            ("old", "target"),
            ("old", "actual"),
        ):
            for obs in row.values(doc, kind):  # type: ignore[arg-type]
                sentence = self.index.observation_sentence(obs)
                if sentence is not None:
                    return obs.doc, sentence
        for obs in sorted(row.observations, key=lambda o: o.doc != "new"):
            sentence = self.index.observation_sentence(obs)  # a five-year or undated figure
            if sentence is not None:
                return obs.doc, sentence
        return None

    def select_metric(self, metric: str) -> bool:
        """Put the cursor on an indicator's row (False if it is not shown)."""
        try:
            index = self.get_row_index(metric)
        except RowDoesNotExist:
            return False
        self.move_cursor(row=index, animate=False, scroll=True)
        return True

    def watch_sort_column(self) -> None:
        """Re-sort."""
        self._resort()

    def watch_sort_reverse(self) -> None:
        """Re-sort."""
        self._resort()

    def watch_topic_filter(self) -> None:
        """Re-filter."""
        self._fill()

    def watch_text_filter(self) -> None:
        """Re-filter."""
        self._fill()

    def action_sort_next(self) -> None:
        """Sort by the next column (after the last, back to the report's order); the column
        of five-year and undated figures has no order of its own."""
        self.sort_column = self.sort_column + 1 if self.sort_column < LAST_COLUMN else -1

    def action_first_row(self) -> None:
        """Home: the first indicator (not the first column)."""
        self.move_cursor(row=0)

    def action_last_row(self) -> None:
        """End: the last indicator."""
        self.move_cursor(row=max(0, self.row_count - 1))

    def action_sort_reverse(self) -> None:
        """Reverse the sort."""
        self.sort_reverse = not self.sort_reverse

    @on(DataTable.HeaderSelected)
    def _header_clicked(self, event: DataTable.HeaderSelected) -> None:
        """Click a heading to sort by it; click it again to reverse."""
        event.stop()
        column = int(event.column_key.value or 0)
        if column > LAST_COLUMN:
            return
        if column == self.sort_column:
            self.sort_reverse = not self.sort_reverse
        else:
            self.sort_column = column

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value:
            self.post_message(self.ShowQuotes(self, event.row_key.value))
