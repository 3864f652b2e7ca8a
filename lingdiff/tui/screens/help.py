"""The help screen (``?``): every key, by area, and what the marks mean."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

KEYS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        "Everywhere",
        (
            ("1 – 5", "Overview, Sections, Targets, Priorities, Phrases"),
            ("t", "Sections, Targets: filter by topic"),
            ("y", "copy the sentence under the cursor, with report, years and section"),
            ("e", "export what is shown: Targets as CSV (filters applied), else the report"),
            ("ctrl+p", "command palette: go to any section or indicator"),
            ("?", "this help"),
            ("q", "quit"),
        ),
    ),
    (
        "Sections",
        (
            ("n / p", "next / previous change"),
            ("] / [  or  j / k", "next / previous section pair"),
            ("c", "changes only (hide unchanged sentences and pairs)"),
            ("h", "hide or show the tree (under ~120 columns old is shown over new)"),
            ("/", "search both reports; Enter or ↓ next match, ↑ previous, Esc close"),
            ("Enter", "on a row with a figure: show the indicator in Targets"),
            ("a", "pair a section of the pair under the cursor with one you choose"),
            ("x", "unpair the pair under the cursor (corrections are saved, see below)"),
            ("↑ ↓ PgUp PgDn", "move in the tree or the rows; click a figure to jump"),
        ),
    ),
    (
        "Targets",
        (
            ("Enter", "quotes of the indicator from both reports, with section numbers"),
            (
                "s / S",
                "sort by the next column / reverse (or click a heading); names sort by"
                " Unicode code point, not pinyin",
            ),
            ("/", "show only indicators whose name holds the text (Phrases: phrases)"),
            ("a", "link the indicator under the cursor with one of the other report"),
            ("x", "unlink it: its old and new figures become two indicators"),
        ),
    ),
    (
        "Corrections",
        (
            ("a / x", "saved in the --overrides file, else in lingdiff's data folder"),
            ("", "(the notice says where); lingdiff report --overrides FILE uses them"),
        ),
    ),
    (
        "Overview, Priorities, Phrases",
        (
            ("Enter", "Overview: the quotes of the headline target under the cursor"),
            ("Enter", "Priorities: filter the Sections tree to the topic"),
            ("Enter", "Phrases: list where it occurs; Enter again opens that sentence"),
        ),
    ),
)

MARKS = (
    ("=  <  >  +  -", "section pair matched, split, merged, added, removed (tree and headings)"),
    ("0.95", "beside a pair: how alike its two sides are, 0 (nothing shared) to 1 (same)"),
    ("old 1.3.2", "in the tree: a section only the old report has, by its old number"),
    ("✎", "in the tree and Targets: made by your correction (a / x), kept in the overrides file"),
    ("~  +  -  >", "sentence changed, added, removed, moved (gutter of the rows)"),
    ("red strike / green", "deleted characters in the old report / inserted in the new"),
    ("bold underline", "a figure; ╱╱╱ hatching: the side that has nothing"),
)


def help_table() -> Table:
    """The keys and marks as one table."""
    table = Table(box=None, padding=(0, 2), show_header=False, expand=True)
    table.add_column("key", style="bold", no_wrap=True, width=20)
    table.add_column("what", ratio=1)
    for area, keys in KEYS:
        table.add_row(Text(area, style="bold underline"), "")
        for key, what in keys:
            table.add_row(key, what)
        table.add_row("", "")
    table.add_row(Text("Marks", style="bold underline"), "")
    for mark, what in MARKS:
        table.add_row(mark, what)
    return table


class HelpScreen(ModalScreen[None]):
    """Keys and marks; any of Esc, ? or q closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "Close"),
        Binding("question_mark", "dismiss", "Close", show=False),
        Binding("q", "dismiss", "Close", show=False),
    ]

    def compose(self) -> ComposeResult:
        """The table in a framed scroll area."""
        with VerticalScroll(id="help-body") as body:
            body.border_title = "lingdiff — keys"
            body.border_subtitle = "Esc to close"
            yield Static(help_table())
