"""Jumps between the tabs and the messages that ask for them: a figure chosen in Sections
opens its indicator in Targets, a headline or a table row opens its quotes, a topic filters
Sections, a phrase's sentence is shown where it stands. Mixed into :class:`LingdiffApp`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Observation
from .index import ComparisonIndex

if TYPE_CHECKING:
    from .widgets.diff_view import DiffView
    from .widgets.headline_table import HeadlineTable
    from .widgets.phrase_list import PhraseList
    from .widgets.priority_bars import PriorityBars
    from .widgets.targets_table import TargetsTable


class Navigation:
    """Jumps between tabs and the message handlers that trigger them (a mixin of the app)."""

    index: ComparisonIndex | None
    topic_filter: str

    # ---------------------------------------------------------------- jumps
    async def goto_pair(self, pair: str) -> None:
        """Show a section pair in the Sections tab."""
        await self.action_tab("sections")
        pane = self._sections()
        pane.goto_pair(pair)
        pane.diff.focus()

    async def goto_metric(self, metric: str) -> None:
        """Show an indicator's row in the Targets tab."""
        from .widgets.targets_table import TargetsTable

        await self.action_tab("targets")
        table = self.query_one(TargetsTable)
        if not table.select_metric(metric):
            self.topic_filter = ""
            table.topic_filter = ""
            table.select_metric(metric)
        table.focus()

    async def show_sentence(self, doc: str, index: int) -> None:
        """Show a sentence's row in the Sections tab."""
        await self.action_tab("sections")
        self._sections().goto_sentence(doc, index)

    async def show_observation(self, obs: Observation | None) -> None:
        """Show the sentence a figure stands in."""
        if obs is None or self.index is None:
            return
        sentence = self.index.observation_sentence(obs)
        if sentence is not None:
            await self.show_sentence(obs.doc, sentence)

    # ------------------------------------------------------------- messages
    # Handlers by name rather than @on: the widget classes are imported lazily, so that
    # the first screen does not wait for the modules of tabs nobody has opened yet.
    def on_diff_view_figure_selected(self, event: DiffView.FigureSelected) -> None:
        """A figure was chosen in Sections: show its indicator in Targets."""
        self.call_later(self.goto_metric, event.metric)

    def on_targets_table_show_quotes(self, event: TargetsTable.ShowQuotes) -> None:
        """Enter in Targets: the quotes of the indicator."""
        self.show_quotes(event.metric)

    def on_headline_table_show_quotes(self, event: HeadlineTable.ShowQuotes) -> None:
        """Enter on a headline in the Overview: the quotes of the indicator."""
        self.show_quotes(event.metric)

    def show_quotes(self, metric: str) -> None:
        """The quotes of an indicator; choosing one shows its sentence in Sections."""
        from .screens.quotes import QuotesScreen

        assert self.index is not None
        row = self.index.metrics.get(metric)
        if row is not None:
            self.push_screen(QuotesScreen(self.index, row), self.show_observation)

    def on_priority_bars_topic_chosen(self, event: PriorityBars.TopicChosen) -> None:
        """A topic chosen in Priorities: filter Sections to it."""
        self.topic_filter = event.topic
        self.call_later(self.action_tab, "sections")

    def on_phrase_list_sentence_chosen(self, event: PhraseList.SentenceChosen) -> None:
        """An occurrence chosen in Phrases: show that sentence."""
        self.call_later(self.show_sentence, event.doc, event.index)
