"""Choose a counterpart for a correction (``a``): a section of the other report to pair with,
or an indicator of the other report to link with."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option


class CounterpartPicker(ModalScreen[str | None]):
    """A list of choices (id, label); dismissed with the chosen id, or None on Esc."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss(None)", "Cancel")]

    def __init__(
        self, title: str, choices: Sequence[tuple[str, Text]], current: str | None = None
    ) -> None:
        super().__init__()
        self.title_text = title
        self.choices = tuple(choices)
        self.current = current

    def compose(self) -> ComposeResult:
        """One option per choice."""
        picker = OptionList(*(Option(label, id=cid) for cid, label in self.choices), id="pick-list")
        picker.border_title = self.title_text
        picker.border_subtitle = "Enter choose · Esc cancel"
        yield picker

    def on_mount(self) -> None:
        """Highlight the current counterpart, if any."""
        picker = self.query_one(OptionList)
        for i, (cid, _label) in enumerate(self.choices):
            if cid == self.current:
                picker.highlighted = i

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
