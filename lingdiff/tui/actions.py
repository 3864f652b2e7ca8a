"""The view-state actions of the app: changes only, topic filter, next/previous change and
section, search, topic picker, copy, help and export. Mixed into :class:`LingdiffApp`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..model import Comparison
from .index import ComparisonIndex

if TYPE_CHECKING:
    from .widgets.sections_pane import SectionsPane


SECTIONS_ONLY = {"change", "section", "toggle_changes", "toggle_tree"}
"""Actions that only mean something on the Sections tab."""


class ViewActions:
    """The keys' actions on the view (a mixin of the app; see the module docstring)."""

    index: ComparisonIndex | None
    comparison: Comparison | None

    # ---------------------------------------------------------- view state
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Sections keys only work (and show) on the Sections tab; the topic filter on the
        tabs it filters (Sections and Targets)."""
        if action in SECTIONS_ONLY:
            return self.index is not None and self.active_tab == "sections"
        if action == "search":
            return self.index is not None and self.active_tab in ("sections", "targets", "phrases")
        if action == "topic":
            return self.index is not None and self.active_tab in ("sections", "targets")
        if action in ("pair", "unpair", "link", "unlink"):
            tab = "sections" if action in ("pair", "unpair") else "targets"
            return self._correctable() and self.active_tab == tab
        if action == "copy":
            return self.index is not None and self.active_tab in ("sections", "targets", "phrases")
        return True

    def _correctable(self) -> bool:
        """Can corrections be kept for these reports? (They are keyed by the files' sha256; a
        report re-read from text, as the series view does, has none.)"""
        c = self.comparison
        return (
            self.index is not None
            and c is not None
            and bool(c.old.source.sha256 and c.new.source.sha256)
        )

    def action_copy(self) -> None:
        """Copy the sentence under the cursor, with report, years and section, to the
        clipboard (OSC 52: works over ssh, in terminals that allow it)."""
        widget = self.tab_widget(self.active_tab)
        at = widget.sentence_under_cursor() if hasattr(widget, "sentence_under_cursor") else None
        if at is None or self.index is None:
            self.notify("No sentence under the cursor.", severity="warning", timeout=2)
            return
        text = self.index.citation(*at)
        self.copy_to_clipboard(text)
        self.notify(f"Copied: {text[:60]}…" if len(text) > 60 else f"Copied: {text}", markup=False)

    def watch_changes_only(self, value: bool) -> None:
        """Pass the toggle to the Sections tab."""
        from .widgets.sections_pane import SectionsPane

        for pane in self.query(SectionsPane):
            pane.changes_only = value

    def watch_topic_filter(self, value: str) -> None:
        """Pass the topic to the Sections and Targets tabs."""
        from .widgets.sections_pane import SectionsPane
        from .widgets.targets_table import TargetsTable

        for pane in self.query(SectionsPane):
            pane.topic_filter = value
        for table in self.query(TargetsTable):
            table.topic_filter = value

    def _sections(self) -> SectionsPane:
        from .widgets.sections_pane import SectionsPane

        return self.query_one(SectionsPane)

    def action_change(self, direction: int) -> None:
        """Next or previous changed sentence."""
        pane = self._sections()
        pane.diff.focus()
        if not pane.next_change(direction):
            self.notify("No more changes that way.", timeout=2)

    def action_section(self, direction: int) -> None:
        """Next or previous section pair."""
        pane = self._sections()
        pane.diff.focus()
        if not pane.next_section(direction):
            self.notify("No more sections that way.", timeout=2)

    def action_toggle_changes(self) -> None:
        """Changes only, on or off."""
        self.changes_only = not self.changes_only

    def action_toggle_tree(self) -> None:
        """Hide or show the tree of section pairs."""
        self._sections().toggle_tree()

    def action_search(self) -> None:
        """Sections: open the search bar; Targets and Phrases: filter the rows by text."""
        from .screens.text_filter import TextFilter

        tab = self.active_tab
        if tab == "sections":
            self._sections().open_search()
            return
        widget = self.tab_widget(tab)
        if not hasattr(widget, "text_filter"):
            return
        what = "indicators" if tab == "targets" else "phrases"

        def chosen(text: str | None) -> None:
            if text is not None:
                widget.text_filter = text  # type: ignore[union-attr]

        self.push_screen(TextFilter(what, widget.text_filter), chosen)

    def action_topic(self) -> None:
        """Choose a topic to filter Sections and Targets by."""
        from .screens.topic_picker import TopicPicker

        if self.comparison is None:
            return

        def chosen(topic: str | None) -> None:
            if topic is not None:
                self.topic_filter = topic

        self.push_screen(TopicPicker(self.comparison.topics, self.topic_filter), chosen)

    def action_help(self) -> None:
        """Show the keys."""
        from .screens.help import HelpScreen

        self.push_screen(HelpScreen(self.help_classes()))

    def action_export(self) -> None:
        """Export what is shown: on Targets the indicators shown (filters and all) as CSV, one
        row per figure; elsewhere the markdown report. Asks for a path."""
        from dataclasses import replace

        from .screens.export import ExportScreen

        comparison = self.comparison
        if comparison is None:
            return

        def done(path: Path | None) -> None:
            if path is not None:
                from ..output import display_path

                self.notify(f"Wrote {display_path(path)}", markup=False)

        inputs = [Path(comparison.old.path), Path(comparison.new.path)]
        for extra in (comparison.options.topics_path, comparison.options.overrides_path):
            if extra:  # the taxonomy and the corrections are inputs too
                inputs.append(Path(extra))
        table = self.tab_widget("targets")
        if self.active_tab == "targets" and hasattr(table, "shown_rows"):
            from ..render.csv import render_csv

            shown = replace(comparison, metrics=tuple(table.shown_rows()))
            screen = ExportScreen(
                lambda: render_csv(shown), inputs, "lingdiff-targets.csv", "the targets shown (CSV)"
            )
        else:
            from ..render.markdown import render_markdown

            screen = ExportScreen(lambda: render_markdown(comparison), inputs)
        self.push_screen(screen, done)
