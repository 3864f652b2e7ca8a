"""The side-by-side view: old sentence | new sentence, one aligned pair per row.

A single line-API widget draws both columns, so they scroll together and a
sentence pair always shares its row. Cells are wrapped with kinsoku by
:mod:`lingdiff.tui.diff_layout`; a row is as tall as its taller cell. A side
with nothing (added or removed sentence or section) is hatched with the same
``╱`` glyph as CSS ``hatch: right``, in the ``diff-view--hatch`` style. (A
widget per row with CSS hatch was measured at ~2 s for 300 rows; the reports
have 600. This draws only the lines on screen.) The cursor's movement is in
:mod:`lingdiff.tui.widgets.diff_moves`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ..diff_layout import (
    GUTTER,
    SEPARATOR,
    SIDE_LABEL,
    Layout,
    WrapCache,
    column_width,
    lay_out,
)
from ..diffrows import ROLES, DiffRow
from ..wrap import text_segments
from .diff_moves import DiffMoves
from .quiet_scroll import QuietVirtualSize
from .styles import CachedStyles

_OVERLAY_ROLES = frozenset({"figure", "heading", "moved"})
"""Roles applied over other styles as they are (their colours are opaque)."""


class DiffView(DiffMoves, QuietVirtualSize, CachedStyles, ScrollView, can_focus=True):
    """Aligned sentence pairs of the whole comparison, with a cursor row."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *(f"diff-view--{role}" for role in ROLES),
        "diff-view--cursor",
        "diff-view--mark-changed",
        "diff-view--mark-added",
        "diff-view--mark-removed",
    }

    DEFAULT_CSS = """
    DiffView {
        background: $surface;
        scrollbar-gutter: stable;
        & > .diff-view--delete { color: $text-error; background: $error 25%; text-style: strike; }
        & > .diff-view--insert { color: $text-success; background: $success 30%; text-style: bold; }
        & > .diff-view--figure { text-style: bold underline; }
        & > .diff-view--heading { color: $text-accent; text-style: bold; }
        & > .diff-view--moved { color: $text-warning; text-style: italic; }
        & > .diff-view--match { color: $background; background: $warning; }
        & > .diff-view--hatch { color: $error 45%; }
        & > .diff-view--separator { color: $foreground 30%; }
        & > .diff-view--cursor { background: $foreground 8%; }
        & > .diff-view--mark-changed { color: $warning; text-style: bold; }
        & > .diff-view--mark-added { color: $success; text-style: bold; }
        & > .diff-view--mark-removed { color: $error; text-style: bold; }
        /* neutral grey: a tinted cursor is lost among the red/green edits in 256 colours */
        &:focus > .diff-view--cursor { background: $foreground 16%; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor(-1)", "Up", show=False),
        Binding("down", "cursor(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "edge(0)", "First", show=False),
        Binding("end", "edge(1)", "Last", show=False),
        Binding("enter", "select", "Figure → Targets", show=False),
    ]

    cursor: reactive[int] = reactive(0, always_update=True, init=False)
    """Index of the highlighted row among the visible rows."""

    @dataclass
    class PairEntered(Message):
        """The cursor moved into another section pair."""

        diff_view: DiffView
        pair: str

    @dataclass
    class FigureSelected(Message):
        """A figure was chosen (click, or Enter on its row): show its indicator row."""

        diff_view: DiffView
        metric: str

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._rows: list[DiffRow] = []
        self._visible: list[DiffRow] = []
        self._layout = Layout(-1)
        self._pairs: frozenset[str] | None = None
        self._changes_only = False
        self._query = ""
        self._pair = ""
        self._strips: dict[tuple[int, bool], Strip] = {}
        self._scroll_pending: bool | None = None
        self._planned_width = 0
        """The width the view will have when shown (see :meth:`prepare`); 0: unknown."""
        self._stale = False
        """The rows or search changed while hidden: the layout is out of date."""
        self._cache: WrapCache = {}
        self._cache_key: tuple[int, str] = (-1, "")
        """The width and search the wrapped rows in ``_cache`` were made for."""
        self.pair_listener: Callable[[str], None] | None = None
        """Called at once when the cursor enters another pair (the tree and the pair's line
        then change in the same frame as the rows); without one, :class:`PairEntered` is
        posted."""

    # ----------------------------------------------------------------- data
    def row_styles(self) -> dict[str, Style]:
        """The Rich styles of the row roles (see :data:`~lingdiff.tui.diffrows.ROLES`)."""
        return {role: self._role_style(role) for role in ROLES}

    def _role_style(self, role: str) -> Style:
        """A component style; roles with translucent colours are blended with the background."""
        name = f"diff-view--{role}"
        return self.cached_style(name, partial=role in _OVERLAY_ROLES)

    def set_rows(self, rows: list[DiffRow]) -> None:
        """Show these rows (all of them; filters apply on top)."""
        self._rows = rows
        self._cache_key, self._cache = (-1, ""), {}
        self._refilter()

    def prepare(self, width: int) -> None:
        """Wrap every row for a view ``width`` cells wide ahead of time (while the tab is
        hidden), so that showing it at that width wraps nothing, and lay the rows out for
        that width while hidden, so that showing it lays out nothing again (a second layout
        of the whole screen, tens of milliseconds, on a tab's first visit)."""
        self._planned_width = width
        if width > 0 and self._cache_key != (width, self._query):
            self._cache_key, self._cache = (width, self._query), {}
            lay_out(self._rows, width, self._query, self._role_style("match"), self._cache)
        if self.scrollable_content_region.width <= 0:
            self._relayout()

    def set_filter(self, pairs: frozenset[str] | None, changes_only: bool) -> None:
        """Show only these pairs' rows (None: all), and only changed sentences if asked."""
        self._pairs, self._changes_only = pairs, changes_only
        self._refilter()

    def set_search(self, query: str) -> int:
        """Highlight ``query`` in both columns; returns how many times it occurs."""
        self._query = query
        self._relayout()
        return self.match_count

    @property
    def layout_width(self) -> int:
        """The width the rows are wrapped for (-1: not yet)."""
        return self._layout.width

    @property
    def match_count(self) -> int:
        """Occurrences of the search text in the visible rows."""
        return self._layout.matches

    @property
    def visible_rows(self) -> list[DiffRow]:
        """The rows shown, filters applied."""
        return self._visible

    @property
    def current_row(self) -> DiffRow | None:
        """The row under the cursor."""
        return self._visible[self.cursor] if 0 <= self.cursor < len(self._visible) else None

    @property
    def hidden_unchanged(self) -> int:
        """Unchanged sentence rows that "changes only" hides (0 when it is off)."""
        if not self._changes_only:
            return 0
        pairs = self._pairs
        return sum(
            1
            for r in self._rows
            if (pairs is None or r.pair in pairs) and r.kind != "heading" and not r.is_change
        )

    def _refilter(self) -> None:
        current = self.current_row
        pairs, changes_only = self._pairs, self._changes_only
        self._visible = [
            r
            for r in self._rows
            if (pairs is None or r.pair in pairs)
            and (not changes_only or r.kind == "heading" or r.is_change)
        ]
        self._relayout()
        self.cursor = self._index_near(current)

    def _index_near(self, row: DiffRow | None) -> int:
        """Where a row went after filtering: itself, else its pair's first row, else the top."""
        if row is None:
            return 0
        same_pair = None
        for i, r in enumerate(self._visible):
            if r is row:
                return i
            if same_pair is None and r.pair == row.pair:
                same_pair = i
        return same_pair or 0

    # --------------------------------------------------------------- layout
    def _relayout(self) -> None:
        width = self.scrollable_content_region.width or self._planned_width
        if width <= 0:  # hidden (another tab is shown): lay out when shown again
            self._stale = True
            return
        self._stale = False
        match_style = self._role_style("match")
        if self._cache_key != (width, self._query):
            self._cache_key, self._cache = (width, self._query), {}
        self._layout = lay_out(self._visible, width, self._query, match_style, self._cache)
        self._strips.clear()
        self.virtual_size = Size(width, self._layout.height)
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        """Re-wrap when the width changes; finish a jump made before the first layout."""
        width = self.scrollable_content_region.width
        if width > 0 and (width != self._layout.width or self._stale):
            self._relayout()
            top = self._scroll_pending if self._scroll_pending is not None else False
            self._scroll_pending = None
            # after the refresh: only then does the scroll range know the new virtual size
            self.call_after_refresh(self._scroll_cursor_into_view, top=top)
        elif width > 0 and self._scroll_pending is not None:  # laid out while hidden
            top, self._scroll_pending = self._scroll_pending, None
            # after the refresh: only then does the scroll range know the new virtual size
            self.call_after_refresh(self._scroll_cursor_into_view, top=top)

    def notify_style_update(self) -> None:
        """Theme or CSS changed: forget rendered lines (component styles may differ)."""
        super().notify_style_update()
        self._strips.clear()
        self.refresh()

    def on_focus(self) -> None:
        """The cursor is brighter with focus: redraw."""
        self.forget_styles()
        self._strips.clear()
        self.refresh()

    def on_blur(self) -> None:
        """The cursor is dimmer without focus: redraw."""
        self.forget_styles()
        self._strips.clear()
        self.refresh()

    # ------------------------------------------------------------ rendering
    def render_line(self, y: int) -> Strip:
        """One screen line: gutter mark, old cell, separator, new cell."""
        line = y + self.scroll_offset.y
        if not self._layout.rows or line >= self._layout.height:
            return Strip.blank(self.size.width, self.rich_style)
        row_index = self._layout.row_at(line)
        key = (line, row_index == self.cursor)
        strip = self._strips.get(key)
        if strip is None:
            strip = self._strips[key] = self._render_row_line(row_index, line, key[1])
        return strip

    def _render_row_line(self, row_index: int, line: int, cursor: bool) -> Strip:
        laid = self._layout.rows[row_index]
        sub = line - self._layout.tops[row_index]
        width = self._layout.width
        col = column_width(width)
        mark_role = {"+": "added", "-": "removed"}.get(laid.row.mark, "changed")
        mark_style = self.cached_style(f"diff-view--mark-{mark_role}", partial=True)
        mark = laid.row.mark if sub == 0 else " "
        segments = [Segment(mark.ljust(GUTTER), mark_style)]
        if laid.stacked:
            side, lines, at = laid.stacked_line(sub)
            once = laid.row.kind == "heading" and laid.new is None and laid.row.new is not None
            label = side if at == 0 and not once else ""  # a title both share: no label
            segments.append(Segment(label.ljust(SIDE_LABEL), self._role_style("separator")))
            segments += self._cell(lines, at, col)
        else:
            segments += self._cell(laid.old, sub, col)
            segments.append(Segment(SEPARATOR, self._role_style("separator")))
            segments += self._cell(laid.new, sub, col)
        segments = Segment.adjust_line_length(segments, width)
        # under the cells' own styles: the widget's background, or the cursor's
        base = self.cached_style("diff-view--cursor") if cursor else self.rich_style
        return Strip(Segment.apply_style(segments, style=base), width)

    def _cell(self, lines: list[Text] | None, sub: int, width: int) -> list[Segment]:
        if lines is None:
            return [Segment("╱" * width, self._role_style("hatch"))]
        if sub >= len(lines):
            return [Segment(" " * width)]
        return Segment.adjust_line_length(text_segments(lines[sub], self.app.console), width)
