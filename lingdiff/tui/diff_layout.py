"""Layout of the side-by-side rows at one width: wrapped cells, row heights, search matches.

Pure (Rich only, no textual): :class:`~lingdiff.tui.widgets.diff_view.DiffView`
draws from a :class:`Layout`, and the tests can check one without an app.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from rich.style import Style
from rich.text import Text

from .diffrows import DiffRow, highlight_matches
from .wrap import HANG, wrap_text

GUTTER = 2
"""Cells of the status mark column."""

SEPARATOR = " │ "
"""What stands between the old and the new column."""


STACK_BELOW = 84
"""A view narrower than this (a terminal under ~120 columns beside the tree) shows each pair
old over new, as ``delta`` does, instead of two cramped columns side by side."""

SIDE_LABEL = 4
"""Cells of the ``old``/``new`` label before each half of a stacked row."""


def is_stacked(width: int) -> bool:
    """True when a view ``width`` cells wide shows old over new."""
    return width < STACK_BELOW


def column_width(width: int) -> int:
    """Cells of each cell's text for a view ``width`` cells wide (side by side, or stacked)."""
    if is_stacked(width):
        return max(4, width - GUTTER - SIDE_LABEL)
    return max(4, (width - GUTTER - len(SEPARATOR)) // 2)


@dataclass
class LaidRow:
    """One row wrapped to the width: lines of each cell (None: nothing on that side)."""

    row: DiffRow
    old: list[Text] | None
    new: list[Text] | None
    height: int
    matches: int
    stacked: bool = False
    """Old lines over new lines, not side by side."""

    def stacked_line(self, sub: int) -> tuple[str, list[Text] | None, int]:
        """Which side line ``sub`` of a stacked row shows: (side, its lines, line in them)."""
        if self.row.kind == "heading":  # no hatching: a missing or repeated title is left out
            old_height = len(self.old or [])
        else:
            old_height = len(self.old) if self.old is not None else 1
        if sub < old_height:
            return "old", self.old, sub
        return "new", self.new, sub - old_height


@dataclass
class Layout:
    """All visible rows at one width, with the first line of each row."""

    width: int
    rows: list[LaidRow] = field(default_factory=list)
    tops: list[int] = field(default_factory=lambda: [0])
    matches: int = 0

    @property
    def height(self) -> int:
        """Lines in all."""
        return self.tops[-1]

    def row_at(self, line: int) -> int:
        """The row holding a line (lines past the end belong to the last row)."""
        return max(0, min(bisect_right(self.tops, line) - 1, len(self.rows) - 1))

    @property
    def match_rows(self) -> int:
        """How many rows hold at least one match."""
        return sum(1 for r in self.rows if r.matches)

    def match_number(self, index: int) -> int:
        """The rank of row ``index`` among the rows with a match (for ``row 3/9``); 0 if none."""
        if not (0 <= index < len(self.rows)) or not self.rows[index].matches:
            return 0
        return sum(1 for r in self.rows[:index] if r.matches) + 1

    def next_match(self, index: int, direction: int) -> int | None:
        """The next row (wrapping around) with a match, or None when nothing matches."""
        count = len(self.rows)
        for step in range(1, count + 1):
            candidate = (index + direction * step) % count
            if self.rows[candidate].matches:
                return candidate
        return None


WrapCache = dict[int, LaidRow]
"""Rows already wrapped at one width and search, by the identity of the row."""


def lay_out(
    rows: Sequence[DiffRow],
    width: int,
    query: str,
    match_style: Style,
    cache: WrapCache | None = None,
) -> Layout:
    """Wrap every row's cells for a view ``width`` cells wide, highlighting ``query``.

    Headings are searched too: a section's title is shown once, in its heading row.
    ``cache`` (rows wrapped before at this same width and query) is used and filled, so that
    filtering the rows again (changes only, a topic) wraps nothing twice.
    """
    wrap_at = max(2, column_width(width) - HANG)
    layout = Layout(width)
    stacked = is_stacked(width)
    for row in rows:
        laid = cache.get(id(row)) if cache is not None else None
        if laid is None:
            laid = _lay_row(row, wrap_at, query, match_style, stacked)
            if cache is not None:
                cache[id(row)] = laid
        layout.rows.append(laid)
        layout.tops.append(layout.tops[-1] + laid.height)
        layout.matches += laid.matches
    return layout


def _lay_row(row: DiffRow, wrap_at: int, query: str, match_style: Style, stacked: bool) -> LaidRow:
    """One row's cells wrapped at ``wrap_at`` cells, with the matches of ``query``; stacked,
    the old lines come first and a missing side takes one (hatched) line."""
    cells: list[list[Text] | None] = []
    found = 0
    for text in (row.old, row.new):
        if text is None:
            cells.append(None)
            continue
        marked, n = highlight_matches(text, query, match_style)
        cells.append(wrap_text(marked, wrap_at))
        found += n
    old, new = cells
    if stacked:
        if row.kind == "heading" and row.old is not None and row.new is not None:
            # a heading row is the pair's title: both sides when they differ, else once
            new = None if row.old.plain == row.new.plain else new
            height = len(old or []) + len(new or [])
        else:
            height = len(old or [1]) + len(new or [1])
        return LaidRow(row, old, new, height, found, stacked=True)
    height = max(len(old or [1]), len(new or [1]))
    return LaidRow(row, old, new, height, found)
