"""The text filter of Targets and Phrases (``/``): type, Enter keeps the rows holding it."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widgets import Input


class TextFilter(ModalScreen[str | None]):
    """One line of text; dismissed with it ("" clears the filter), or None on Esc."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss(None)", "Cancel")]

    def __init__(self, what: str, current: str) -> None:
        super().__init__()
        self.what = what
        self.current = current

    def compose(self) -> ComposeResult:
        """The text box, holding the current filter."""
        box = Input(value=self.current, placeholder=f"text in the {self.what}…", id="filter-input")
        box.border_title = f"Show only {self.what} containing (Enter; empty shows all)"
        yield box

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip())
