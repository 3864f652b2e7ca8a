"""Figures in table rows: ``地区生产总值 | 亿元 | 2345`` (a .docx table read row by row).

A row is a line whose cells are joined by `` | `` (see :mod:`lingdiff.load.docx`). When one
cell names the indicator, one cell is a unit alone (``亿元``, ``%``) and other cells are bare
numbers, each number is a figure of the indicator in that unit — the unit stands in its own
column, so the figure patterns (number + unit) cannot see it. Rows whose cells carry their own
units (``地区生产总值 | 2345亿元``) are read by the ordinary extractor.
"""

from __future__ import annotations

import re

from ..lexicon import UNIT_ALTERNATION, LazyPattern
from .extract import RawObservation
from .names import canonical

_CELL_SEP = " | "
_UNIT_CELL = LazyPattern(rf"(?:万亿|亿|万|千)?(?:{UNIT_ALTERNATION})")
_NUMBER_CELL = LazyPattern(r"[-−]?\d+(?:\.\d+)?")
_NAME_CELL = LazyPattern(r"[\u4e00-\u9fff]{2,}")
_GROWTH = ("增长", "增速", "增幅", "比上年")


def table_row_figures(norm: str, start: int, end: int) -> list[RawObservation]:
    """The figures of one table row in ``norm[start:end]`` (none unless it is such a row)."""
    line = norm[start:end]
    if _CELL_SEP not in line:
        return []
    cells: list[tuple[int, str]] = []
    pos = 0
    for cell in line.split(_CELL_SEP):
        stripped = cell.strip()
        cells.append((start + pos + (len(cell) - len(cell.lstrip())), stripped))
        pos += len(cell) + len(_CELL_SEP)
    names = [c for _, c in cells if _NAME_CELL.fullmatch(c) and not _UNIT_CELL.fullmatch(c)]
    units = [c for _, c in cells if _UNIT_CELL.fullmatch(c)]
    numbers = [(at, c) for at, c in cells if _NUMBER_CELL.fullmatch(c)]
    if len(names) != 1 or len(units) != 1 or not numbers:
        return []
    name, unit = names[0], units[0]
    growth = any(w in name for w in _GROWTH) and unit == "%"
    indicator = canonical(re.sub("|".join(_GROWTH), "", name) if growth else name)
    if not indicator:
        return []
    return [
        RawObservation(
            indicator=indicator,
            subject=indicator,
            value=float(text),
            value_high=None,
            unit=unit,
            qualifier="",
            measure="growth" if growth else "level",
            direction=(1 if not text.startswith(("-", "−")) else -1) if growth else 0,
            start=at,
            end=at + len(text),
            quote_start=start,
            quote_end=end,
        )
        for at, text in numbers
    ]
