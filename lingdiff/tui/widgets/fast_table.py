"""A DataTable whose one-line text cells are drawn without Rich's general layout.

Textual's ``DataTable`` draws every cell through ``Console.render_lines(Styled(Padding(cell)))``:
word wrapping, cropping and padding for any renderable, about 0.12 ms a cell. A table's first
show on the national pair draws ~390 cells (the Targets tab: ~50 ms of a first visit), and it
draws them all again whenever focus or the theme changes. Most cells are one line of plain
:class:`~rich.text.Text` that fits its column: :class:`FastTable` draws those directly (the
same segments, styles and padding, checked against textual's own drawing in the tests) and
leaves every other cell (headers, wrapped rows, text too wide, justified text) to textual.
"""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.widgets import DataTable

from .quiet_scroll import expect_scrollbars

_NULL = Style.null()
_JOINER = Text("\n")


def one_line(
    cell: object, width: int, console: Console, justify: str | None = None
) -> list[Segment] | None:
    """The segments of a one-line ``Text`` cell ``width`` cells wide (padding included, no
    cell padding), as Rich draws it; None when Rich has more to do (not a Text, several
    lines, tabs, centred or full justification, or too wide: cropped with its overflow).
    ``justify``: the console options' (a Text's own comes first, as in Rich)."""
    if not isinstance(cell, Text):
        return None
    justify = cell.justify or justify
    plain = cell.plain
    used = cell_len(plain)
    if used > width or "\n" in plain or "\t" in plain:
        return None
    if justify == "right":  # as Rich's Lines.justify: the spaces join the text
        cell = cell.copy()
        cell.rstrip()
        cell.pad_left(width - cell.cell_len)
        used = width
    elif justify not in (None, "default"):
        return None
    # joined, as Rich's Text.__rich_console__ does: the text's own style becomes a span
    line = list(_JOINER.join([cell]).render(console, end=""))
    if used < width:
        line.append(Segment(" " * (width - used), _NULL))
    return line


class FastTable(DataTable[Any]):
    """Textual's DataTable, with one-line text cells drawn directly (see the module)."""

    def _render_cell(
        self,
        row_index: int,
        column_index: int,
        base_style: Style,
        width: int,
        cursor: bool = False,
        hover: bool = False,
    ) -> list[list[Segment]]:
        """A cell's lines: drawn here when it is one line of text that fits, else by textual
        (the same cache, keyed as textual keys it)."""
        lines = self._fast_cell(row_index, column_index, base_style, width, cursor, hover)
        if lines is None:
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        return lines

    def _fast_cell(
        self,
        row_index: int,
        column_index: int,
        base_style: Style,
        width: int,
        cursor: bool,
        hover: bool,
    ) -> list[list[Segment]] | None:
        if row_index < 0 or column_index < 0:
            return None  # headers and row labels: textual's way
        row_key = self._row_locations.get_key(row_index)
        row = self.rows.get(row_key) if row_key is not None else None
        if row is None or row.height != 1:
            return None  # a row that wraps: textual's way
        column_key = self._column_locations.get_key(column_index)
        key = (
            row_key,
            column_key,
            base_style,
            cursor,
            hover,
            self._show_hover_cursor,
            self._update_count,
            self._pseudo_class_state,
        )
        cached = self._cell_render_cache.get(key)
        if cached is not None:
            return cached
        pad = self.cell_padding
        cell = self._get_row_renderables(row_index).cells[column_index]
        options = self.app.console_options
        content = one_line(cell, width - 2 * pad, self.app.console, options.justify)
        if content is None:
            return None
        component_style, post_style = self._get_styles_to_render_cell(
            False,
            False,
            row_index < self.fixed_rows or column_index < self.fixed_columns,
            hover,
            cursor,
            self.show_cursor,
            self._show_hover_cursor,
            self.cursor_foreground_priority == "css",
            self.cursor_background_priority == "css",
        )
        pre_style = base_style + Style.from_meta({"row": row_index, "column": column_index})
        if pad:
            content = [Segment(" " * pad, _NULL), *content, Segment(" " * pad, _NULL)]
        lines = [list(Segment.apply_style(content, pre_style + component_style, post_style))]
        self._cell_render_cache[key] = lines
        return lines

    def watch_virtual_size(self) -> None:
        """The rows' extent is known (textual measures them when idle): see
        :meth:`expect_scrollbars`."""
        self.expect_scrollbars()

    def expect_scrollbars(self) -> None:
        """Show the scrollbars now if the rows cannot fit even the whole screen (a table built
        in a hidden tab: see :func:`~lingdiff.tui.widgets.quiet_scroll.expect_scrollbars`)."""
        expect_scrollbars(self, self.row_count + self.header_height)
