"""The lingdiff app: keys, view state, the loading worker and the start (the tabs are built
and shown by :mod:`lingdiff.tui.tab_builder`, the keys' actions live in the mixins).

Built by :func:`lingdiff.tui.app.make_app`. With a comparison it shows it at
once; with a loader it shows a loading indicator and runs the loader in a
thread worker. Tabs are built the first time they are shown, so the first
screen comes up fast. With ``LINGDIFF_EXIT_AFTER_FIRST_PAINT=1`` the app exits
as soon as the first screen with the comparison has been painted (for the
start-up benchmark); ``LINGDIFF_FIRST_PAINT_FILE`` names a file that receives the
wall-clock time of that paint (benchmarks/bench_tui.py).
"""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import events, work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.reactive import reactive
from textual.widgets import Header, LoadingIndicator, Static, TabbedContent, TabPane

from ..model import Comparison
from .actions import ViewActions
from .correct import CorrectionActions
from .index import ComparisonIndex
from .navigation import Navigation
from .tab_builder import TABS, TabBuilder
from .widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    from .app import StartAt


def _jump_commands() -> type:
    from .commands import JumpCommands

    return JumpCommands


class LingdiffApp(TabBuilder, Navigation, ViewActions, CorrectionActions, App[None]):
    """Browse a comparison of two planning reports."""

    CSS_PATH = "app.tcss"
    TITLE = "lingdiff"
    COMMANDS = App.COMMANDS | {_jump_commands}

    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(str(n), f"tab('{tab}')", tab.title(), show=False)
            for n, tab in enumerate(TABS, 1)
        ),
        Binding("n", "change(1)", "Next change"),
        Binding("p", "change(-1)", "Prev change"),
        Binding("right_square_bracket", "section(1)", "Next section", key_display="]"),
        Binding("left_square_bracket", "section(-1)", "Prev section", key_display="["),
        Binding("j", "section(1)", "Next section", show=False),
        Binding("k", "section(-1)", "Prev section", show=False),
        Binding("c", "toggle_changes", "Changes only"),
        Binding("h", "toggle_tree", "Tree"),
        Binding("slash", "search", "Search/filter", key_display="/"),
        Binding("t", "topic", "Topic"),
        Binding("y", "copy", "Copy quote"),
        Binding("e", "export", "Export"),
        # one key, two meanings: the tab decides which is on offer (check_action)
        Binding("a", "pair", "Pair with…"),
        Binding("a", "link", "Link with…"),
        Binding("x", "unpair", "Unpair"),
        Binding("x", "unlink", "Unlink"),
        Binding("question_mark", "help", "Help", key_display="?"),
        Binding("q", "quit", "Quit"),
    ]

    @classmethod
    def help_classes(cls) -> tuple[type, ...]:
        """The app and the widgets whose bindings the help screen lists."""
        from .widgets.diff_view import DiffView
        from .widgets.headline_table import HeadlineTable
        from .widgets.phrase_list import PhraseList
        from .widgets.search_bar import SearchBar
        from .widgets.targets_table import TargetsTable

        return (LingdiffApp, DiffView, SearchBar, TargetsTable, HeadlineTable, PhraseList)

    # repaint=False: the tabs are told by the watchers and redraw what changes (a reactive
    # of the app that repaints redrew the whole screen: `c` took two full frames' work)
    changes_only: reactive[bool] = reactive(False, init=False, repaint=False)
    """Sections: only changed sentences and the pairs holding them."""

    topic_filter: reactive[str] = reactive("", init=False, repaint=False)
    """Sections and Targets: only this topic (empty: all)."""

    def __init__(
        self,
        comparison: Comparison | None = None,
        *,
        loader: Callable[[], Comparison] | None = None,
        driver_class: type | None = None,
        start: StartAt | None = None,
        settings: Path | None = None,
    ) -> None:
        super().__init__(driver_class=driver_class)
        self._start = start
        self._settings = settings
        """The settings file that keeps the theme (None: the theme is not kept)."""
        if comparison is None and loader is None:
            raise ValueError("give a comparison or a loader")
        self._loader = loader
        self.comparison = comparison
        self.index: ComparisonIndex | None = None
        self.error_message = ""
        """One line saying why loading failed (printed by :func:`run_app`)."""
        self._early_keys: list[events.Key] = []
        """Keys typed while the reports were being compared, replayed once they are shown."""

    async def on_event(self, event: events.Event) -> None:
        """While loading, keep the keys typed (all but quitting) to replay them afterwards."""
        if (
            isinstance(event, events.Key)
            and self.index is None
            and event.key not in ("q", "ctrl+c", "ctrl+q")
            and not self.error_message
        ):
            self._early_keys.append(events.Key(event.key, event.character))
            return
        await super().on_event(event)

    def action_press(self, key: str) -> None:
        """Press a key (the footer's keys are clickable)."""
        self.simulate_key(key)

    # ---------------------------------------------------------------- start
    def compose(self) -> ComposeResult:
        """Header, the loading state, the (empty) tabs and the footer."""
        yield Header(icon="≡")
        with Vertical(id="loading"):
            yield LoadingIndicator()
            yield Static(Text("Comparing the two reports…"), id="loading-message")
        with TabbedContent(id="tabs", initial="overview"):
            for n, tab in enumerate(TABS, 1):
                yield TabPane(f"{n} {tab.title()}", id=tab)
        yield KeyFooter(id="footer")

    def _remember_theme(self, theme: object) -> None:
        """Keep the theme for the next session."""
        from .settings import save_theme

        if self._settings is not None:
            save_theme(self._settings, self.theme)

    def on_mount(self) -> None:
        """Show the comparison, or start loading it; take the theme chosen last time."""
        if self._settings is not None:
            from .settings import load_theme

            theme = load_theme(self._settings)
            if theme in self.available_themes:
                self.theme = theme
            self.theme_changed_signal.subscribe(self, self._remember_theme)
        if self.comparison is not None:
            self.call_later(self._show, self.comparison)
        else:
            self._load()

    @work(thread=True, exclusive=True, exit_on_error=False, name="compare")
    def _load(self) -> None:
        """Run the loader off the event loop; report the result or the error back."""
        assert self._loader is not None
        try:
            comparison = self._loader()
        except Exception as exc:
            self.call_from_thread(self._fail, exc)
            return
        self.call_from_thread(self._show, comparison)

    def _fail(self, exc: Exception) -> None:
        """End the app with one line (as the CLI words it), printed after the screen is restored."""
        from ..errors import LingdiffError

        if isinstance(exc, LingdiffError):
            self.error_message = f"lingdiff: error: {exc}"
        else:
            self.error_message = (
                f"lingdiff: internal error: {type(exc).__name__}: {exc} "
                "(set LINGDIFF_DEBUG=1 for a traceback)"
            )
            if os.environ.get("LINGDIFF_DEBUG"):
                import traceback

                self.error_message = "".join(traceback.format_exception(exc)).rstrip()
        self.exit(return_code=1)

    async def _show(self, comparison: Comparison) -> None:
        """Swap the loading state for the tabs and build the tab on show (the Overview)."""
        self.comparison = comparison
        self.index = ComparisonIndex(comparison)
        self._settle_memory()
        old, new = comparison.old, comparison.new
        self.sub_title = (
            f"{old.review_year or '?'}/{old.plan_year or '?'} → "
            f"{new.review_year or '?'}/{new.plan_year or '?'}"
        )
        await self.query_one("#loading").remove()
        self._tabs.add_class("-ready")
        first = await self._ensure_tab(self.active_tab)
        if first is not None:
            self._focus_in(first)  # keys scroll the first tab at once (PgDn on a short terminal)
        await self._apply_start()
        await self._apply_early_keys()
        self.call_after_refresh(self._build_in_background)
        for doc in (old, new):
            for warning in doc.warnings:
                self.notify(f"{doc.path}: {warning}", severity="warning", markup=False)
        if os.environ.get("LINGDIFF_FIRST_PAINT_FILE") or os.environ.get(
            "LINGDIFF_EXIT_AFTER_FIRST_PAINT"
        ):
            self.call_after_refresh(self._first_paint_done)

    def _first_paint_done(self) -> None:
        """Benchmark hook: note when the first screen was painted (wall clock); exit if asked."""
        stamp = os.environ.get("LINGDIFF_FIRST_PAINT_FILE")
        if stamp:
            Path(stamp).write_text(f"{time.time():.6f}\n", encoding="utf-8")
        if os.environ.get("LINGDIFF_EXIT_AFTER_FIRST_PAINT") == "1":
            self.exit()

    async def _apply_start(self) -> None:
        """Open where the command line asked (``--tab``, ``--section``, ``--search``)."""
        start, self._start = self._start, None
        if start is None or self.index is None:
            return
        if start.tab:
            await self.action_tab(start.tab)
        if start.section:
            pair = self.index.pair_of_number(start.section)
            if pair is None:
                self.notify(f"No section {start.section} in either report.", severity="warning")
            else:
                await self.goto_pair(pair)
        if start.search:
            await self.action_tab("sections")
            self._sections().open_search(start.search)

    async def _apply_early_keys(self) -> None:
        """Do what the keys typed while loading asked for: the last tab chosen (1–5), the
        search (``/`` and the text typed after it); other keys follow in order."""
        keys, self._early_keys = self._early_keys, []
        tab, search, rest = None, None, []
        for key in keys:
            if search is not None and key.is_printable:
                search += key.character or ""
            elif key.key in {str(n) for n in range(1, len(TABS) + 1)}:
                tab = TABS[int(key.key) - 1]
            elif key.key == "slash":
                search, tab = "", "sections"
            elif key.key not in ("enter", "escape"):
                rest.append(key)
        if tab is not None:
            await self.action_tab(tab)
        if search is not None:
            self._sections().open_search(search)
        for key in rest:
            self.post_message(key)

    async def show_corrected(self, comparison: Comparison) -> None:
        """The comparison made again with the researcher's corrections: rebuild the tabs and
        come back to the section or indicator just corrected."""
        back = self.correction_anchor()
        self.comparison = comparison
        self.index = ComparisonIndex(comparison)
        tab = self.active_tab
        for name in TABS:
            await self._tabs.query_one(f"#{name}", TabPane).remove_children()
        if not self.is_headless:  # the old tabs and comparison were frozen: let them go
            gc.unfreeze()
            gc.collect()
        await self.action_tab(tab)
        if back and back[0] == "sections":
            pair = next((p.id for p in comparison.alignment if back[1] in (*p.old, *p.new)), None)
            if pair:
                await self.goto_pair(pair)
        elif back:
            await self.goto_metric(back[1])
        self.call_after_refresh(self._build_in_background)
