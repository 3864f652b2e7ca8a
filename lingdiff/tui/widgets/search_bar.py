"""The search bar of the Sections tab: a text box and the number of matches."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Static


class SearchBar(Horizontal):
    """Search across both reports; Enter or ↓ goes to the next match, ↑ to the previous."""

    DEFAULT_CSS = """
    SearchBar {
        height: 1;
        display: none;
        background: $panel;
        &.-open { display: block; }
        & > Input, & > Input:focus {
            border: none; height: 1; width: 1fr; padding: 0 1; background: $panel;
        }
        & > #search-label { width: auto; padding: 0 1; color: $text-accent; text-style: bold; }
        & > #match-count { width: 26; padding: 0 1; color: $text-muted; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "step(1)", "Next match", show=False),
        Binding("up", "step(-1)", "Previous match", show=False),
        Binding("escape", "close", "Close search"),
    ]

    @dataclass
    class Changed(Message):
        """The search text changed."""

        search_bar: SearchBar
        query: str

    @dataclass
    class Step(Message):
        """Go to the next (1) or previous (-1) match."""

        search_bar: SearchBar
        direction: int

    @dataclass
    class Closed(Message):
        """The search bar was closed (Escape)."""

        search_bar: SearchBar

    count_text = ""
    """The match count as shown."""

    def compose(self) -> ComposeResult:
        """A label, the input and the match count."""
        yield Static(Text("Search"), id="search-label")
        yield Input(placeholder="text in either report…", id="search-input")
        yield Static(Text(""), id="match-count")

    @property
    def input(self) -> Input:
        """The text box."""
        return self.query_one("#search-input", Input)

    def open(self, text: str = "") -> None:
        """Show the bar and focus the text box (holding ``text``, if given: typed early)."""
        self.add_class("-open")
        if text:
            self.input.value = text
            self.input.cursor_position = len(text)
        self.input.focus()

    def show_count(self, position: int, total: int, rows: int) -> None:
        """Show ``12 matches in 9 rows``, ``row 3/9 · 12 matches`` or ``no matches``.

        The search steps row by row, so the position counts rows; the total counts
        every occurrence.
        """
        if not self.input.value:
            text = ""
        elif total == 0:
            text = "no matches"
        elif position:
            text = f"row {position}/{rows} · {total} matches"
        else:
            text = f"{total} matches in {rows} rows"
        self.count_text = text
        self.query_one("#match-count", Static).update(Text(text), layout=False)

    @on(Input.Changed, "#search-input")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(self, event.value))

    @on(Input.Submitted, "#search-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Step(self, 1))

    def action_step(self, direction: int) -> None:
        """Next or previous match."""
        self.post_message(self.Step(self, direction))

    def action_close(self) -> None:
        """Hide the bar (the search text stays highlighted until cleared)."""
        self.remove_class("-open")
        self.post_message(self.Closed(self))
