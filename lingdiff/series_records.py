"""A series as a long table: one record per indicator and year (and per five-year figure).

Shared by ``Series.to_pandas()`` and the CSV writer (:mod:`lingdiff.render.series`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .model import Observation
    from .series import Series

CSV_COLUMNS = (
    "place",
    "level",
    "indicator_id",
    "indicator",
    "code",
    "measure",
    "headline",
    "year",
    "period",
    "figure",
    "target",
    "target_high",
    "target_unit",
    "target_qualifier",
    "target_direction",
    "target_status",
    "target_source",
    "target_section",
    "target_quote",
    "actual",
    "actual_high",
    "actual_unit",
    "actual_qualifier",
    "actual_direction",
    "actual_status",
    "actual_source",
    "actual_section",
    "actual_quote",
    "difference",
    "verdict",
    "rule",
)


def cell_records(series: Series) -> list[tuple[Any, ...]]:
    """One tuple per cell (and per five-year figure), in :data:`CSV_COLUMNS` order; None where a
    number is missing (written as an empty field)."""
    out: list[tuple[Any, ...]] = []
    for row in series.rows:
        head = (
            series.place,
            series.level,
            row.id,
            row.indicator,
            row.code,
            row.measure,
            row.headline,
        )
        for c in row.cells:
            target = _side(c.target, c.target_status, c.target_report)
            actual = _side(c.actual, c.actual_status, c.actual_report)
            out.append(
                (*head, c.year, "", "year", *target, *actual, c.difference, c.verdict, c.rule)
            )
        for p in row.periods:
            o = p.observation
            is_target = o.kind in ("five-year goal", "target")
            side = _side(o, "stated", p.report)
            empty = _side(None, "", "")
            target, actual = (side, empty) if is_target else (empty, side)
            out.append((*head, o.year, o.period or "", o.kind, *target, *actual, None, "", ""))
    return out


def _side(obs: Observation | None, status: str, report: str) -> tuple[Any, ...]:
    if obs is None:
        return (None, None, "", "", None, status, "", "", "")
    high = obs.value_high
    return (
        obs.value,
        high,
        obs.unit,
        obs.qualifier,
        obs.direction,
        status,
        report,
        obs.section,
        obs.quote,
    )
