"""The rows of the side-by-side view: one per section-pair heading and per sentence pair.

A row holds the old and the new cell as :class:`rich.text.Text` (``None`` for
the side that has nothing: an added or removed sentence or section). Deleted
characters are styled in the old cell and inserted ones in the new cell from
the pair's :class:`~lingdiff.model.EditOp` script; figures are emphasised and
carry the id of their indicator row in the style's ``meta`` (``figure``), so
that a click on one can jump to the Targets tab. Report text only ever enters
a ``Text`` as plain characters: it is content, never markup.

Pure: no textual import. Styles come in as a mapping from role to Rich style.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from rich.style import Style
from rich.text import Text

from ..model import DocKey, SentencePair
from .index import CHANGE_STATUSES, PAIR_MARKS, ComparisonIndex

ROLES = ("delete", "insert", "figure", "heading", "moved", "match", "hatch", "separator")
"""The style roles a caller provides."""

SENTENCE_MARKS = {"same": " ", "changed": "~", "added": "+", "removed": "-", "moved": ">"}
"""Gutter mark of each sentence-pair status."""


@dataclass(frozen=True)
class DiffRow:
    """One row of the side-by-side view."""

    kind: Literal["heading", "sentence"]
    pair: str
    status: str
    old: Text | None
    new: Text | None
    old_index: int | None = None
    new_index: int | None = None

    @property
    def is_change(self) -> bool:
        """A sentence that was changed, added, removed or moved."""
        return self.kind == "sentence" and self.status in CHANGE_STATUSES

    @property
    def mark(self) -> str:
        """The one-character gutter mark."""
        if self.kind == "heading":
            return PAIR_MARKS.get(self.status, " ")
        return SENTENCE_MARKS.get(self.status, " ")

    def plain(self) -> str:
        """Both cells' text, for searching."""
        return f"{self.old.plain if self.old else ''}\n{self.new.plain if self.new else ''}"


def build_rows(index: ComparisonIndex, styles: Mapping[str, Style]) -> list[DiffRow]:
    """Every row of the comparison, in tree order: a heading row, then the pair's sentences."""
    rows: list[DiffRow] = []
    for pid in index.order:
        pair = index.pairs[pid]
        heading = styles.get("heading", Style())
        old = _styled(index.side_label("old", pair.old), heading) if pair.old else None
        new = _styled(index.side_label("new", pair.new), heading) if pair.new else None
        rows.append(DiffRow("heading", pid, pair.status, old, new))
        for sp in index.sentence_pairs.get(pid, ()):
            if not _is_title(index, sp):
                rows.append(sentence_row(index, sp, styles))
    return rows


def _is_title(index: ComparisonIndex, sp: SentencePair) -> bool:
    """True for the sentence pair of a section's own heading (its title is the heading row's,
    so it is not shown a second time)."""
    pair = index.pairs[sp.pair]
    for doc, at, own in (("old", sp.old, pair.old), ("new", sp.new, pair.new)):
        if at is None:
            continue
        sent = index.comparison.doc(doc).sentences[at]  # type: ignore[arg-type]
        if not (sent.is_heading and sent.section in own):
            return False
    return sp.old is not None or sp.new is not None


def _styled(plain: str, style: Style) -> Text:
    text = Text(plain)
    text.stylize(style)
    return text


def sentence_row(index: ComparisonIndex, sp: SentencePair, styles: Mapping[str, Style]) -> DiffRow:
    """The row of one sentence pair, with edits and figures styled."""
    old = _cell(index, "old", sp, styles) if sp.old is not None else None
    new = _cell(index, "new", sp, styles) if sp.new is not None else None
    return DiffRow("sentence", sp.pair, sp.status, old, new, sp.old, sp.new)


def _cell(
    index: ComparisonIndex, doc: DocKey, sp: SentencePair, styles: Mapping[str, Style]
) -> Text:
    sent_index = sp.old if doc == "old" else sp.new
    assert sent_index is not None
    sentence = index.comparison.doc(doc).sentences[sent_index]
    text = Text(sentence.text.replace("\n", " "))
    if sp.status == "moved":
        text.stylize(styles.get("moved", Style()))
    elif sp.status == "changed":
        role = "delete" if doc == "old" else "insert"
        style = styles.get(role, Style())
        for op in sp.ops:
            if op.tag == "equal":
                continue
            start, end = (op.old_start, op.old_end) if doc == "old" else (op.new_start, op.new_end)
            if end > start:
                text.stylize(style, start, end)
    figure = styles.get("figure", Style())
    for span in index.figures(doc, sent_index):
        meta = Style.from_meta({"figure": span.metric}) if span.metric else Style()
        text.stylize(figure + meta, span.start, span.end)
    if sp.status == "moved" and sp.moved_to:
        where = index.pair_title(sp.moved_to) if sp.moved_to in index.pairs else sp.moved_to
        text.append(f"  (moved → {where})", style=styles.get("moved", Style()))
    return text


def highlight_matches(text: Text, query: str, style: Style) -> tuple[Text, int]:
    """A copy of ``text`` with every (case-insensitive) occurrence of ``query`` styled."""
    if not query:
        return text, 0
    haystack, needle = text.plain.lower(), query.lower()
    if len(haystack) != len(text.plain) or len(needle) != len(query):
        haystack, needle = text.plain, query
    found = 0
    start = haystack.find(needle)
    if start < 0:
        return text, 0
    text = text.copy()
    while start >= 0:
        text.stylize(style, start, start + len(needle))
        found += 1
        start = haystack.find(needle, start + len(needle))
    return text, found
