"""The app on more than two reports: a Series tab before the pairwise tabs.

:class:`SeriesApp` is the ordinary :class:`~.main_app.LingdiffApp` with one more tab (key
``0``): the series of all the reports. The pairwise tabs start on the last two reports; ``o`` in
the Series tab opens any two years there (the comparison runs in a thread worker and the
pairwise tabs are rebuilt on it).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Header, LoadingIndicator, Static, TabbedContent, TabPane

from ..model import Comparison, Document
from ..series import Series
from .index import ComparisonIndex
from .main_app import TABS, LingdiffApp
from .widgets.key_footer import KeyFooter


class SeriesApp(LingdiffApp):
    """Browse a series of one government's reports, and any two of them side by side."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("0", "tab('series')", "Series", show=False),
    ]

    @classmethod
    def help_classes(cls) -> tuple[type, ...]:
        """The pair app's, then the Series tab's bindings."""
        from .widgets.series_table import SeriesTable

        return (*super().help_classes(), SeriesApp, SeriesTable)

    def __init__(
        self,
        series: Series | None = None,
        comparison: Comparison | None = None,
        *,
        loader: Callable[[], tuple[Series, Comparison]] | None = None,
        topics: str | None = None,
    ) -> None:
        self.series = series
        self._series_loader = loader
        self._topics = topics
        super().__init__(comparison, loader=self._load_both if loader else None)

    def _load_both(self) -> Comparison:
        assert self._series_loader is not None
        self.series, comparison = self._series_loader()
        return comparison

    def compose(self) -> ComposeResult:
        """As the pairwise app, with the Series tab first and shown first."""
        yield Header(icon="≡")
        with Vertical(id="loading"):
            yield LoadingIndicator()
            yield Static("Reading the reports…", id="loading-message")
        with TabbedContent(id="tabs", initial="series"):
            yield TabPane("0 Series", id="series")
            for n, tab in enumerate(TABS, 1):
                yield TabPane(f"{n} {tab.title()}", id=tab)
        yield KeyFooter(id="footer")

    @property
    def active_tab(self) -> str:
        """Id of the tab shown."""
        return self._tabs.active or "series"

    def _make_tab(self, tab: str, index: ComparisonIndex) -> Widget:
        if tab == "series":
            from .widgets.series_table import SeriesTable

            assert self.series is not None
            return SeriesTable(self.series, id="series-view")
        return super()._make_tab(tab, index)

    def on_series_table_show_quotes(self, event: object) -> None:
        """Enter in the Series tab: the quotes of that indicator."""
        from .screens.series_quotes import SeriesQuotesScreen

        self.push_screen(SeriesQuotesScreen(event.row))  # type: ignore[attr-defined]

    def on_series_table_open_pair(self, event: object) -> None:
        """``o`` in the Series tab: compare two of the reports in the pairwise tabs."""
        old, new = event.old, event.new  # type: ignore[attr-defined]
        self.notify(f"Comparing {Path(old).name} and {Path(new).name}…", timeout=3, markup=False)
        self._compare_pair(old, new)

    @work(thread=True, exclusive=True, exit_on_error=False, group="pair")
    def _compare_pair(self, old: str, new: str) -> None:
        from ..compare import compare_files
        from ..model import Options

        try:
            comparison = compare_files(old, new, Options(topics_path=self._topics))
        except Exception as exc:
            self.call_from_thread(self.notify, f"{exc}", severity="error", markup=False)
            return
        self.call_from_thread(self._swap_pair, comparison)

    async def _swap_pair(self, comparison: Comparison) -> None:
        """Drop the built pairwise tabs and show the new pair's Overview."""
        self.comparison = comparison
        self.index = ComparisonIndex(comparison)
        old, new = comparison.old, comparison.new
        self.sub_title = f"{Path(old.path).name} → {Path(new.path).name}"
        for tab in TABS:
            await self.query_one(f"#{tab}", TabPane).remove_children()
        await self.action_tab("overview")
        self.call_after_refresh(self._build_in_background)


def run_series_app(docs: Sequence[Document], topics: str | None) -> None:
    """Open the TUI on several reports (already read and checked to form one series): the
    series, and the last two reports side by side."""

    def load() -> tuple[Series, Comparison]:
        from ..compare import compare
        from ..model import Options
        from ..outline import parse_document
        from ..series import series as build

        result = build(docs)
        by_path = {d.path: d for d in docs}
        first, last = (by_path[r.path] for r in result.reports[-2:])
        newer = parse_document(last.text, key="new", path=last.path)
        return result, compare(first, newer, Options(topics_path=topics))

    app = SeriesApp(loader=load, topics=topics)
    app.run()
    if app.error_message:
        print(app.error_message, file=sys.stderr)
        raise SystemExit(1)
