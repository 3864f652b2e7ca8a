"""The cursor of the side-by-side view: moving it (keys, jumps, search matches, clicks) and
keeping it in view. Mixed into :class:`~lingdiff.tui.widgets.diff_view.DiffView`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.style import Style
from textual import events
from textual.geometry import Region

from ..diff_layout import Layout
from ..diffrows import DiffRow


class DiffMoves:
    """Cursor movement of the diff view (a mixin: the view holds the rows and the layout)."""

    cursor: int
    _visible: list[DiffRow]
    _layout: Layout
    _pair: str
    _scroll_pending: bool | None
    pair_listener: Callable[[str], None] | None
    scroll_offset: Any
    size: Any
    scrollable_content_region: Any

    # ------------------------------------------------------------- movement
    def watch_cursor(self, old: int, new: int) -> None:
        """Redraw the old and new cursor rows, report a change of pair."""
        if self._visible and not 0 <= new < len(self._visible):
            self.cursor = max(0, min(new, len(self._visible) - 1))
            return
        self._refresh_row(old)
        self._refresh_row(new)
        row = self.current_row
        if row is not None and row.pair != self._pair:
            self._pair = row.pair
            if self.pair_listener is not None:
                self.pair_listener(row.pair)
            else:
                self.post_message(self.PairEntered(self, row.pair))

    def _refresh_row(self, index: int) -> None:
        if 0 <= index < len(self._layout.rows):
            top = self._layout.tops[index] - self.scroll_offset.y
            self.refresh(Region(0, top, self.size.width, self._layout.rows[index].height))

    def _scroll_cursor_into_view(self, *, top: bool = False) -> None:
        if not 0 <= self.cursor < len(self._layout.rows) or self.size.height <= 0:
            self._scroll_pending = top  # not laid out yet: scroll after the first resize
            return
        tops = self._layout.tops
        y, height = tops[self.cursor], self._layout.rows[self.cursor].height
        view = self.scrollable_content_region.height
        if top:  # the row near the top, with the row before it when that one is short
            before = self.cursor - 1
            lead = y - tops[before] if before >= 0 and y - tops[before] <= 3 else 0
            self.scroll_to(y=max(0, y - lead), animate=False, immediate=True, force=True)
        elif y < self.scroll_offset.y:
            self.scroll_to(y=y, animate=False, immediate=True, force=True)
        elif y + height > self.scroll_offset.y + view:
            self.scroll_to(y=y + height - view, animate=False, immediate=True, force=True)

    def move_to(self, index: int, *, top: bool = True) -> None:
        """Put the cursor on visible row ``index`` and scroll it into view."""
        if self._visible:
            self.cursor = max(0, min(index, len(self._visible) - 1))
            self._scroll_cursor_into_view(top=top)

    def action_cursor(self, delta: int) -> None:
        """Move the cursor by rows."""
        self.move_to(self.cursor + delta, top=False)

    def action_page(self, direction: int) -> None:
        """Move the cursor by about a screen."""
        if self._layout.rows:
            target = self._layout.tops[self.cursor] + direction * self.size.height
            self.move_to(self._layout.row_at(max(0, target)), top=False)

    def action_edge(self, end: int) -> None:
        """Go to the first or the last row."""
        self.move_to(len(self._visible) - 1 if end else 0)

    def next_where(self, test: Callable[[DiffRow], bool], direction: int) -> bool:
        """Move to the next (or previous) row passing ``test``; False if there is none."""
        i = self.cursor + direction
        while 0 <= i < len(self._visible):
            if test(self._visible[i]):
                self.move_to(i)
                return True
            i += direction
        return False

    def next_change(self, direction: int) -> bool:
        """Next or previous changed sentence."""
        return self.next_where(lambda r: r.is_change, direction)

    def next_pair(self, direction: int) -> bool:
        """Next or previous section heading."""
        return self.next_where(lambda r: r.kind == "heading", direction)

    def next_match(self, direction: int) -> bool:
        """Next or previous row with a search match (wrapping around)."""
        found = self._layout.next_match(self.cursor, direction) if self.match_count else None
        if found is not None:
            self.move_to(found)
        return found is not None

    def match_position(self) -> int:
        """The rank of the cursor row among the rows with a match (``row 3/9``); 0 off one."""
        return self._layout.match_number(self.cursor)

    @property
    def match_rows(self) -> int:
        """Rows holding a match (the search steps row by row)."""
        return self._layout.match_rows

    def goto_pair(self, pair: str) -> None:
        """Put the heading row of a pair at the top."""
        self._pair = pair
        for i, row in enumerate(self._visible):
            if row.pair == pair:
                self.move_to(i)
                return

    def goto_sentence(self, doc: str, index: int) -> bool:
        """Put the row of a sentence of ``doc`` at the top; False if it is not shown."""
        attr = "old_index" if doc == "old" else "new_index"
        for i, row in enumerate(self._visible):
            if row.kind == "sentence" and getattr(row, attr) == index:
                self.move_to(i)
                return True
        return False

    # ---------------------------------------------------------------- mouse
    def on_click(self, event: events.Click) -> None:
        """Click a row to put the cursor there; click a figure to see its indicator."""
        line = event.y + self.scroll_offset.y
        if self._layout.rows and 0 <= line < self._layout.height:
            self.cursor = self._layout.row_at(line)
        metric = event.style.meta.get("figure") if event.style else None
        if metric:
            self.post_message(self.FigureSelected(self, metric))

    def action_select(self) -> None:
        """Enter: show the indicator of the first figure of the cursor row."""
        row = self.current_row
        for text in (row.new, row.old) if row else ():
            for span in text.spans if text is not None else ():
                if isinstance(span.style, Style) and span.style.meta.get("figure"):
                    self.post_message(self.FigureSelected(self, span.style.meta["figure"]))
                    return
        self.notify("No linked figure in this row.", severity="warning", timeout=2)
