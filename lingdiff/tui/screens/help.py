"""The help screen (``?``): every key, by area, and what the marks mean. The keys are read
from the bindings of the app and its widgets, so the help lists each one."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

AREAS = (
    "Everywhere",
    "Sections",
    "Targets",
    "Corrections",
    "Overview",
    "Priorities",
    "Phrases",
    "Series",
)
"""The help's areas, in order."""

DETAILS: dict[tuple[str, str], tuple[str, str]] = {
    ("LingdiffApp", "tab"): ("Everywhere", "Overview, Sections, Targets, Priorities, Phrases"),
    ("SeriesApp", "tab"): ("Series", "the Series tab (targets and actuals by year)"),
    ("LingdiffApp", "topic"): ("Everywhere", "Sections, Targets: filter by topic"),
    ("LingdiffApp", "copy"): (
        "Everywhere",
        "copy the sentence under the cursor, with report, years, section and (PDF) page",
    ),
    ("LingdiffApp", "export"): (
        "Everywhere",
        "export what is shown: Targets as CSV (filters applied), else the report",
    ),
    ("LingdiffApp", "help"): ("Everywhere", "this help"),
    ("LingdiffApp", "quit"): ("Everywhere", "quit"),
    ("LingdiffApp", "change"): ("Sections", "next / previous change"),
    ("LingdiffApp", "section"): ("Sections", "next / previous section pair"),
    ("LingdiffApp", "toggle_changes"): (
        "Sections",
        "changes only (hide unchanged sentences and pairs)",
    ),
    ("LingdiffApp", "toggle_tree"): (
        "Sections",
        "hide or show the tree (under ~120 columns old is shown over new)",
    ),
    ("LingdiffApp", "pair"): (
        "Sections",
        "pair a section of the pair under the cursor with one you choose",
    ),
    ("LingdiffApp", "unpair"): (
        "Sections",
        "unpair the pair under the cursor (corrections are saved, see below)",
    ),
    ("LingdiffApp", "link"): (
        "Targets",
        "link the indicator under the cursor with one of the other report",
    ),
    ("LingdiffApp", "unlink"): (
        "Targets",
        "unlink it: its old and new figures become two indicators",
    ),
    ("LingdiffApp", "search"): (
        "Sections",
        "search both reports (Targets, Phrases: show only rows holding the text)",
    ),
    ("SearchBar", "step"): ("Sections", "in the search: next / previous match"),
    ("SearchBar", "close"): ("Sections", "close the search"),
    ("DiffView", "cursor"): ("Sections", "move in the rows; click a figure to jump"),
    ("DiffView", "page"): ("Sections", "a page up / down"),
    ("DiffView", "edge"): ("Sections", "first / last row"),
    ("DiffView", "select"): ("Sections", "on a row with a figure: show it in Targets"),
    ("TargetsTable", "sort_next"): (
        "Targets",
        "sort by the next column (or click a heading); names sort by pinyin",
    ),
    ("TargetsTable", "sort_reverse"): ("Targets", "reverse the sort"),
    ("TargetsTable", "first_row"): ("Targets", "first / last indicator"),
    ("HeadlineTable", "move"): ("Overview", "move in the headline targets"),
    ("HeadlineTable", "select"): ("Overview", "the quotes of the headline target"),
    ("PhraseList", "next_kind"): ("Phrases", "show one kind: slogans, key terms, quoted, all"),
    ("SeriesTable", "mark_year"): (
        "Series",
        "mark the year under the cursor as the old side of a pair",
    ),
    ("SeriesTable", "open_pair"): (
        "Series",
        "open the marked year (else the year before) against the cursor's year",
    ),
}
"""What each binding does, by class and action name, where its own description is too
short; a binding missing here is still listed, with its description."""
DETAILS[("TargetsTable", "last_row")] = DETAILS[("TargetsTable", "first_row")]

OTHER_KEYS: tuple[tuple[str, str, str], ...] = (
    ("Everywhere", "ctrl+p", "command palette: go to any section or indicator"),
    ("Corrections", "a / x", "saved in the --overrides file, else in lingdiff's data folder"),
    ("Corrections", "", "(the notice says where); lingdiff report --overrides FILE uses them"),
    ("Targets", "Enter", "quotes of the indicator from both reports, with section numbers"),
    ("Priorities", "Enter", "filter the Sections tree to the topic"),
    ("Phrases", "Enter", "list where it occurs; Enter again opens that sentence"),
    ("Series", "Enter", "quotes of the indicator's targets and actuals"),
)
"""Keys that are no bindings (a table's or a list's own selection, Textual's palette)."""

_KEY_NAMES = {
    "up": "↑",
    "down": "↓",
    "pageup": "PgUp",
    "pagedown": "PgDn",
    "home": "Home",
    "end": "End",
    "enter": "Enter",
    "escape": "Esc",
}


def key_rows(classes: Sequence[type]) -> list[tuple[str, str, str]]:
    """(area, keys, what) for every binding of ``classes`` (the app and its widgets: the
    app's ``help_classes()``), from the bindings themselves so the help cannot miss one,
    keys of one action joined; then the keys that are no bindings."""
    grouped: dict[tuple[str, str], list[str]] = {}
    for cls in classes:
        for binding in cls.__dict__.get("BINDINGS", []):
            if not isinstance(binding, Binding):
                continue
            action = binding.action.split("(", 1)[0]
            area, what = DETAILS.get(
                (cls.__name__, action), (AREAS[0], binding.description or action)
            )
            key = binding.key_display or _KEY_NAMES.get(binding.key, binding.key)
            keys = grouped.setdefault((area, what), [])
            if key not in keys:
                keys.append(key)
    rows = [(area, " / ".join(keys), what) for (area, what), keys in grouped.items()]
    rows += list(OTHER_KEYS)
    return sorted(rows, key=lambda r: AREAS.index(r[0]))  # stable: binding order kept


MARKS = (
    ("=  <  >  +  -", "section pair matched, split, merged, added, removed (tree and headings)"),
    ("0.95", "beside a pair: how alike its two sides are, 0 (nothing shared) to 1 (same)"),
    ("old 1.3.2", "in the tree: a section only the old report has, by its old number"),
    ("✎", "in the tree and Targets: made by your correction (a / x), kept in the overrides file"),
    ("~  +  -  >", "sentence changed, added, removed, moved (gutter of the rows)"),
    ("red strike / green", "deleted characters in the old report / inserted in the new"),
    ("bold underline", "a figure; ╱╱╱ hatching: the side that has nothing"),
)


def help_table(classes: Sequence[type]) -> Table:
    """The keys of ``classes`` (see :func:`key_rows`) and the marks as one table."""
    table = Table(box=None, padding=(0, 2), show_header=False, expand=True)
    table.add_column("key", style="bold", no_wrap=True, width=20)
    table.add_column("what", ratio=1)
    rows = key_rows(classes)
    for area in AREAS:
        table.add_row(Text(area, style="bold underline"), "")
        for _area, key, what in (r for r in rows if r[0] == area):
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

    def __init__(self, classes: Sequence[type]) -> None:
        super().__init__()
        self.classes_with_keys = tuple(classes)

    def compose(self) -> ComposeResult:
        """The table in a framed scroll area."""
        with VerticalScroll(id="help-body") as body:
            body.border_title = "lingdiff — keys"
            body.border_subtitle = "Esc to close"
            yield Static(help_table(self.classes_with_keys))
