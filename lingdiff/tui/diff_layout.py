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


def column_width(width: int) -> int:
    """Cells of each of the two columns for a view ``width`` cells wide."""
    return max(4, (width - GUTTER - len(SEPARATOR)) // 2)


@dataclass
class LaidRow:
    """One row wrapped to the width: lines of each cell (None: nothing on that side)."""

    row: DiffRow
    old: list[Text] | None
    new: list[Text] | None
    height: int
    matches: int


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


def lay_out(rows: Sequence[DiffRow], width: int, query: str, match_style: Style) -> Layout:
    """Wrap every row's cells for a view ``width`` cells wide, highlighting ``query``.

    Headings are not searched: their text is a section title, which is also a sentence row.
    """
    wrap_at = max(2, column_width(width) - HANG)
    layout = Layout(width)
    for row in rows:
        cells: list[list[Text] | None] = []
        found = 0
        for text in (row.old, row.new):
            if text is None:
                cells.append(None)
                continue
            marked, n = highlight_matches(
                text, query if row.kind == "sentence" else "", match_style
            )
            cells.append(wrap_text(marked, wrap_at))
            found += n
        height = max(len(cells[0] or [1]), len(cells[1] or [1]))
        layout.rows.append(LaidRow(row, cells[0], cells[1], height, found))
        layout.tops.append(layout.tops[-1] + height)
        layout.matches += found
    return layout
