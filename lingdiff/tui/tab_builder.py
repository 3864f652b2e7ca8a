"""The tabs of the app: built the first time they are needed, the others in the background
after the first paint (one at a time, keys first), shown by the keys 1–5, focused where the
keys act. Mixed into :class:`~lingdiff.tui.main_app.LingdiffApp`."""

from __future__ import annotations

import asyncio
import gc
from typing import Any

from textual.widget import Widget
from textual.widgets import LoadingIndicator, TabbedContent, TabPane
from textual.widgets._tabbed_content import ContentTabs

from .index import ComparisonIndex

TABS = ("overview", "sections", "targets", "priorities", "phrases")
FRAME = 1 / 30
"""Seconds that let the screen paint a loading indicator before a tab is built."""
BUILD_PAUSE = 0.02
"""Seconds between building one tab in the background and the next (keys go first)."""


class TabBuilder:
    """Building, showing and focusing the tabs (a mixin of the app; see the module)."""

    index: ComparisonIndex | None
    changes_only: bool
    topic_filter: str
    screen_stack: Any
    animation_level: Any
    is_headless: bool
    is_running: bool

    @property
    def _tabs(self) -> TabbedContent:
        """The tabs (on the main screen, whatever screen is on top of it)."""
        return self.screen_stack[0].query_one(TabbedContent)

    @property
    def _quitting(self) -> bool:
        """The app is ending (nothing more to build)."""
        return not self.is_running or not self.screen_stack or bool(getattr(self, "_exit", False))

    def _build_in_background(self) -> None:
        """After the first paint, build the other tabs one by one while the user reads, so
        that a first visit only shows what is built (each build yields to pending keys)."""
        if self._quitting:
            return
        missing = [t for t in TABS if self.tab_widget(t) is None]
        if missing:
            self.set_timer(BUILD_PAUSE, lambda: self._build_one(missing[0]))
        else:
            self._settle_memory()

    async def _build_one(self, tab: str) -> None:
        if self._quitting:
            return
        await self._ensure_tab(tab)
        self.call_after_refresh(self._build_in_background)

    def _settle_memory(self) -> None:
        """Take the objects alive now (the comparison, its index, the built tabs: hundreds of
        thousands) out of the cyclic garbage collector's full passes, which otherwise walked
        them all every few keystrokes (30–160 ms on the national pair: a stalled key). Only
        in a terminal session: they stay until it ends (in tests, apps come and go)."""
        if not self.is_headless:
            gc.freeze()

    # ----------------------------------------------------------------- tabs
    @property
    def active_tab(self) -> str:
        """Id of the tab shown."""
        return self._tabs.active or "overview"

    def tab_widget(self, tab: str) -> Widget | None:
        """The content of a tab, if it has been built (its loading indicator, while it is)."""
        pane = self._tabs.query_one(f"#{tab}", TabPane)
        return pane.children[0] if pane.children else None

    async def _ensure_tab(self, tab: str) -> Widget | None:
        """Build a tab's content the first time it is needed (nothing once the app ends: a
        tab activated in its last frames would find no screen)."""
        if self.index is None or self._quitting:
            return None
        existing = self.tab_widget(tab)
        if existing is not None:
            return existing
        pane = self._tabs.query_one(f"#{tab}", TabPane)
        indicator = None
        if tab == self.active_tab and tab != "overview":
            # shown before it is built (not yet reached by the background builds): say so,
            # and give the screen a frame to paint that before the work starts
            indicator = LoadingIndicator(classes="tab-loading")
            await pane.mount(indicator)
            self.refresh_bindings()
            await asyncio.sleep(FRAME)
            if self._quitting:
                return None
            existing = self.tab_widget(tab)
            if existing is not indicator:  # built meanwhile
                return existing
        widget = self._make_tab(tab, self.index)
        if indicator is not None:
            await pane.mount(widget, before=indicator)
        else:
            await pane.mount(widget)
        if indicator is not None:
            await indicator.remove()
        return widget

    def _make_tab(self, tab: str, index: ComparisonIndex) -> Widget:
        if tab == "overview":
            from .widgets.overview import Overview

            return Overview(index, id="overview-view")
        if tab == "sections":
            from .widgets.sections_pane import SectionsPane

            pane = SectionsPane(index, id="sections-view")
            pane.set_reactive(SectionsPane.changes_only, self.changes_only)
            pane.set_reactive(SectionsPane.topic_filter, self.topic_filter)
            return pane
        if tab == "targets":
            from .widgets.targets_table import TargetsTable

            table = TargetsTable(index, id="targets-view")
            table.set_reactive(TargetsTable.topic_filter, self.topic_filter)
            return table
        if tab == "priorities":
            from .widgets.priority_bars import PriorityBars

            return PriorityBars(index, id="priorities-view")
        from .widgets.phrase_list import PhraseList

        return PhraseList(index, id="phrases-view")

    async def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        """A tab was chosen (a key, a click): build it if need be, focus it if nothing is."""
        if self._quitting:
            return
        if event.pane.id:
            widget = await self._ensure_tab(event.pane.id)
            if widget is not None and not self.screen.focused:
                widget.focus()
        self.refresh_bindings()

    async def action_tab(self, tab: str) -> None:
        """Show a tab (keys 1–5)."""
        if self.index is None:
            return
        self._tabs.active = tab
        self._underline_now()
        widget = await self._ensure_tab(tab)
        if widget is not None:
            self._focus_in(widget)

    def _underline_now(self) -> None:
        """Without animations, move the tabs' underline in the frame that shows the tab
        (textual moves it after that frame: one more frame for every change of tab)."""
        if self.animation_level != "none":
            return  # textual slides it
        tabs = self._tabs.query_one(ContentTabs)
        for active in tabs.query("#tabs-list > Tab.-active"):
            start, end = active.virtual_region.shrink(active.styles.gutter).column_span
            underline = tabs.query_one("Underline")
            underline.highlight_start, underline.highlight_end = start, end  # type: ignore[attr-defined]

    def _focus_in(self, widget: Widget) -> None:
        if widget.focusable:
            widget.focus()
            return
        rows = getattr(widget, "diff", None)
        if rows is not None and rows.focusable:
            # Sections: the rows, where j/k/n/p act (moving focus there on the first key
            # repainted every tree line and relaid the screen: 80–100 ms on the national pair)
            rows.focus(scroll_visible=False)
            return
        for child in widget.query("*"):
            if child.focusable and child.display:
                child.focus(scroll_visible=False)  # the tab opens at its top (Overview's title)
                return
