"""What the Series tab shows, as plain text (no textual): cell labels, marks, row order.

Kept apart from the widget so it can be tested without an app.
"""

from __future__ import annotations

from ..render.common import fmt_value
from ..series import Cell, Series, SeriesRow

VERDICT_MARK = {"met": "✓", "missed": "✗", "not comparable": "≠", "": ""}
TREND_MARK = {"rising": "↗", "falling": "↘", "flat": "→", "mixed": "↕", "": " "}


def cell_label(cell: Cell) -> str:
    """``7.5%左右 → 7.4% ✓``: the target, the actual and the verdict; ``·`` for a figure not
    stated, ``–`` for a year without the report."""
    target = fmt_value(cell.target) if cell.target else _missing(cell.target_status)
    actual = fmt_value(cell.actual) if cell.actual else _missing(cell.actual_status)
    mark = VERDICT_MARK[cell.verdict]
    return f"{target} → {actual}{' ' + mark if mark else ''}"


def _missing(status: str) -> str:
    return "–" if status == "no report" else "·"


def shown_rows(series: Series) -> list[SeriesRow]:
    """Headline indicators first, then every other indicator stated in two years or more."""

    def filled(row: SeriesRow) -> int:
        return sum(1 for c in row.cells if c.target or c.actual)

    return [r for r in series.rows if r.headline or filled(r) >= 2]


def report_of_year(series: Series, year: int) -> str | None:
    """The path of the report delivered in ``year`` (None if the series has none)."""
    return next((r.path for r in series.reports if r.year == year), None)


def previous_report_year(series: Series, year: int) -> int | None:
    """The latest year before ``year`` that has a report."""
    earlier = [r.year for r in series.reports if r.year < year]
    return max(earlier) if earlier else None
