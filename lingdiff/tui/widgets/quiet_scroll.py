"""Scroll views whose content length changes without a layout of the whole screen, and
whose scrollbars are known before their first show.

A textual widget's ``virtual_size`` (the length of what it scrolls) is a reactive that lays
the whole screen out again when it changes. For a view whose own size is fixed by its
container (``1fr``, a share of the screen) only its scrollbars depend on that length, yet a
layout on the national pair's Sections tab cost a frame of ~40 ms plus a second frame for
the scrollbars (``c``: the rows and the tree shrink to the changes). Widgets mixing in
:class:`QuietVirtualSize` (before the textual class) update their scrollbars in the same
frame instead; a scrollbar that appears or goes still lays the screen out (textual's own
``show_vertical_scrollbar`` reactive does that).

A view built in a hidden tab learns that it needs a scrollbar only on its first show, and
textual then lays the screen out and draws the view a second time (a frame more on a tab's
first visit). :func:`expect_scrollbars` shows them while it is hidden when its content cannot
fit even the whole screen (so the guess is never wrong).
"""

from __future__ import annotations

from typing import Any

from textual.geometry import Size
from textual.reactive import Reactive


class QuietVirtualSize:
    """Mix into a scroll view whose size does not depend on its content's length."""

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)
    """As textual's, without the layout of the screen (see the module docstring)."""

    def watch_virtual_size(self, size: Size) -> None:
        """The content got longer or shorter: move the scrollbars' thumbs (and show or hide
        a scrollbar, which lays the screen out), keep the scroll offset in range, redraw."""
        widget: Any = self
        if widget.is_mounted and widget.container_size:
            widget._scroll_update(size)
        else:
            expect_scrollbars(widget)
        widget.refresh()


def expect_scrollbars(widget: Any, height: int = 0) -> None:
    """Show a scroll view's scrollbars now if what it scrolls is longer (``height``: at least
    this many lines) or wider than the whole screen (see the module docstring)."""
    width, screen_height = widget.app.size
    styles = widget.styles
    longer = max(widget.virtual_size.height, height) > screen_height
    if longer and not widget.show_vertical_scrollbar and styles.overflow_y == "auto":
        widget.show_vertical_scrollbar = True
        widget.vertical_scrollbar.display = True
    wider = widget.virtual_size.width > width
    if wider and not widget.show_horizontal_scrollbar and styles.overflow_x == "auto":
        widget.show_horizontal_scrollbar = True
        widget.horizontal_scrollbar.display = True
