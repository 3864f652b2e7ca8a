"""The topic filter (``t``): choose one topic, or all."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...model import TopicShare

ALL = "__all__"


class TopicPicker(ModalScreen[str | None]):
    """A list of topics; dismissed with the chosen key ("" for all), or None on Esc."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss(None)", "Cancel")]

    def __init__(self, topics: tuple[TopicShare, ...], current: str) -> None:
        super().__init__()
        self.topics = topics
        self.current = current

    def compose(self) -> ComposeResult:
        """All topics, then one entry per topic."""
        options = [Option(Text("All topics", style="bold"), id=ALL)]
        for t in sorted(self.topics, key=lambda t: t.topic):
            prompt = Text(t.label)
            prompt.append(f"  {t.topic} · {t.new_share * 100:.1f}% new", style="dim")
            options.append(Option(prompt, id=t.topic))
        picker = OptionList(*options, id="topic-list")
        picker.border_title = "Filter by topic"
        picker.border_subtitle = "Enter choose · Esc cancel"
        yield picker

    def on_mount(self) -> None:
        """Highlight the current filter."""
        picker = self.query_one(OptionList)
        key = self.current or ALL
        for i in range(picker.option_count):
            if picker.get_option_at_index(i).id == key:
                picker.highlighted = i

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss("" if event.option.id == ALL else event.option.id)
