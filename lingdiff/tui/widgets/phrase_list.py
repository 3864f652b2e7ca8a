"""The Phrases tab: slogans and key terms added, removed and kept, and where each occurs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import DataTable, OptionList
from textual.widgets.option_list import Option

from ...model import DocKey, PhraseRow
from ...render.common import short_id
from ..index import ComparisonIndex
from ..wrap import Kinsoku
from .fast_table import FastTable
from .rendered import RenderedOnce
from .styles import CachedStyles

STATUS_ORDER = {"added": 0, "removed": 1, "kept": 2}
MAX_OCCURRENCES = 40
"""Sentences listed for one phrase (each is wrapped and measured when shown)."""
NARROW = 120
"""Below this width (cells) the table and the occurrences are stacked, not side by side."""


KINDS = ("", "slogan", "term", "quoted")
"""The kind filter's steps (``k``): all, slogans, key terms, quoted phrases."""
KIND_LABELS = {"slogan": "slogan", "term": "key term", "quoted": "quoted"}
PLURALS = {"": "phrases", "slogan": "slogans", "term": "key terms", "quoted": "quoted phrases"}
_QUOTES = str.maketrans("", "", '“”"「」')


def ordered_phrases(phrases: tuple[PhraseRow, ...]) -> list[PhraseRow]:
    """Added, then removed, then kept; within each the most distinctive change first."""
    return sorted(
        phrases,
        key=lambda p: (STATUS_ORDER.get(p.status, 3), -p.score, p.phrase),
    )


def occurrences(index: ComparisonIndex, phrase: PhraseRow) -> list[tuple[DocKey, int]]:
    """Sentences (document, index) holding the phrase or one of its variants."""
    forms = (phrase.phrase, *phrase.variants)
    found: list[tuple[DocKey, int]] = []
    for doc in (index.comparison.old, index.comparison.new):
        for sent in doc.sentences:
            norm = doc.norm[sent.start : sent.end].translate(_QUOTES)  # “三公”经费 is 三公经费
            if any(f and (f in norm or f in sent.text) for f in forms):
                found.append((doc.key, sent.index))
    return found


class PhraseList(CachedStyles, Horizontal):
    """A table of phrases beside the sentences where the highlighted one occurs."""

    text_filter: reactive[str] = reactive("", init=False)
    """Show only phrases (or variants) holding this text (empty: all)."""

    kind_filter: reactive[str] = reactive("", init=False)
    """Show only phrases of this kind (``slogan``, ``term``, ``quoted``; empty: all)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("k", "next_kind", "Kind")]

    def action_next_kind(self) -> None:
        """Show the next kind of phrase only (all → slogans → key terms → quoted → all)."""
        self.kind_filter = KINDS[(KINDS.index(self.kind_filter) + 1) % len(KINDS)]

    def watch_kind_filter(self) -> None:
        """Show only the phrases of that kind."""
        self._fill(self.table)

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "phrase-list--added",
        "phrase-list--removed",
        "phrase-list--kept",
        "phrase-list--hit",
    }

    DEFAULT_CSS = """
    PhraseList {
        & > .phrase-list--added { color: $text-success; }
        & > .phrase-list--removed { color: $text-error; }
        & > .phrase-list--kept { text-style: dim; }
        & > .phrase-list--hit { background: $warning 40%; text-style: bold; }
    }
    """

    @dataclass
    class SentenceChosen(Message):
        """An occurrence was chosen: show that sentence in the Sections tab."""

        phrase_list: PhraseList
        doc: DocKey
        index: int

    def __init__(self, index: ComparisonIndex, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.index = index
        self._rows = ordered_phrases(index.comparison.phrases)
        self._occurrences: list[tuple[DocKey, int]] = []

    def compose(self) -> ComposeResult:
        """The table and the occurrence list."""
        yield FastTable(id="phrase-table", cursor_type="row", zebra_stripes=True)
        yield OptionList(id="occurrences")

    def on_resize(self) -> None:
        """Under ``NARROW`` columns the occurrences go under the table, which gets the width."""
        self.set_class(self.app.size.width < NARROW, "-narrow")

    def on_mount(self) -> None:
        """Fill the table."""
        self.set_class(self.app.size.width < NARROW, "-narrow")
        found = self.query("#phrase-table")
        if not found:
            return  # mounted while the app ends
        self._fill(found.first(DataTable))

    def watch_text_filter(self) -> None:
        """Show only the phrases holding the text."""
        self._fill(self.table)

    def _fill(self, table: DataTable) -> None:
        """The table's rows: every phrase, or those holding :attr:`text_filter`."""
        text = self.text_filter
        everything = ordered_phrases(self.index.comparison.phrases)
        kind = self.kind_filter
        self._rows = [
            r
            for r in everything
            if (not text or any(text in f for f in (r.phrase, *r.variants)))
            and (not kind or r.kind == kind)
        ]
        table.clear(columns=True)
        for head in ("Phrase", "Status", "Old", "New", "Kind"):
            table.add_column(Text(head, style="bold"), key=head.lower())
        for i, row in enumerate(self._rows):
            style = self.cached_style(f"phrase-list--{row.status}", partial=True)
            phrase = Text(row.phrase)
            if row.variants:
                phrase.append(" ≈ " + "、".join(row.variants), style="dim")
            if row.replaced_by:
                phrase.append(f" → {row.replaced_by}", style="dim")
            if row.replaces:
                phrase.append(f" ← {row.replaces}", style="dim")
            table.add_row(
                phrase,
                Text(row.status, style=style),
                Text(str(row.old_count), justify="right"),
                Text(str(row.new_count), justify="right"),
                Text(KIND_LABELS.get(row.kind, row.kind), style="dim"),
                key=str(i),
            )
        counts = {s: sum(1 for r in self._rows if r.status == s) for s in STATUS_ORDER}
        shown = f"{len(self._rows)} of {len(everything)}" if text or kind else f"{len(self._rows)}"
        table.border_title = Text(
            f"{shown} {PLURALS.get(kind, kind)}{f' with “{text}”' if text else ''}: "
            + ", ".join(f"{n} {s}" for s, n in counts.items())
            + " · Enter: where · / filter · k kind"
        )
        if isinstance(table, FastTable):
            table.expect_scrollbars()
        if self._rows:
            self.show_phrase(0)
        else:
            self.query_one("#occurrences", OptionList).clear_options()

    @property
    def table(self) -> DataTable:
        """The phrase table."""
        return self.query_one("#phrase-table", DataTable)

    def show_phrase(self, row_index: int) -> None:
        """List the sentences holding the phrase of a table row."""
        phrase = self._rows[row_index]
        occ = self.query_one("#occurrences", OptionList)
        occ.clear_options()
        self._occurrences = occurrences(self.index, phrase)
        occ.border_title = Text(f"“{phrase.phrase}” — {len(self._occurrences)} sentences")
        hit = self.cached_style("phrase-list--hit")
        options = []
        for n, (doc, sent_index) in enumerate(self._occurrences[:MAX_OCCURRENCES]):
            sent = self.index.comparison.doc(doc).sentences[sent_index]
            body = Text(sent.text.replace("\n", " "))
            body.highlight_words([f for f in (phrase.phrase, *phrase.variants) if f], style=hit)
            row = Table.grid(padding=(0, 1), expand=True)
            row.add_column(no_wrap=True, min_width=10, style="bold")
            row.add_column(ratio=1)
            row.add_row(f"{doc} {short_id(sent.section)}", Kinsoku(body))
            options.append(Option(RenderedOnce(row), id=str(n)))  # drawn once per width
        more = len(self._occurrences) - MAX_OCCURRENCES
        if more > 0:
            note = f"… {more} more (search for it in Sections with /)"
            options.append(Option(Text(note, style="dim"), disabled=True))
        if not self._occurrences:
            options.append(Option(Text("(not found in the sentences)", style="dim"), disabled=True))
        occ.add_options(options)  # at once: one layout, not one per sentence

    def sentence_under_cursor(self) -> tuple[DocKey, int] | None:
        """The highlighted occurrence (the first one when none is highlighted)."""
        occ = self.query_one("#occurrences", OptionList)
        if not self._occurrences:
            return None
        return self._occurrences[occ.highlighted or 0]

    @on(DataTable.RowHighlighted, "#phrase-table")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key.value is not None:
            self.show_phrase(int(event.row_key.value))

    @on(DataTable.RowSelected, "#phrase-table")
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        occ = self.query_one("#occurrences", OptionList)
        if occ.option_count and occ.highlighted is None:
            occ.highlighted = 0
        occ.focus()

    @on(OptionList.OptionSelected, "#occurrences")
    def _occurrence_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            doc, sent_index = self._occurrences[int(event.option.id)]
            self.post_message(self.SentenceChosen(self, doc, sent_index))
