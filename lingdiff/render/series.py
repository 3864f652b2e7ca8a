"""Series -> markdown (a table per headline indicator, quotes in footnotes), JSON
(schema ``lingdiff-series/1``) and CSV (long: one row per cell, and one per five-year figure)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from ..model import Observation
from ..series import Cell, PeriodFigure, Series, SeriesRow
from ..series_records import CSV_COLUMNS, cell_records
from .common import fmt_number, fmt_value
from .mdtext import md

SCHEMA = "lingdiff-series/1"
RULE = (
    "met / missed: a target with 以上 (超, 突破) is a floor and one with 以内 (以下, 控制在) a "
    "ceiling; a plain or 左右 target is a floor unless less is better (prices, unemployment, "
    "deficits, energy use, emissions) or it is a decline; 左右 allows a shortfall of 10 % of the "
    "target; a range's low end is the floor. Units of different kinds are not comparable."
)
_MARK = {"met": "✓ met", "missed": "✗ missed", "not comparable": "≠ not comparable", "": ""}
_TREND = {"rising": "↗ rising", "falling": "↘ falling", "flat": "→ flat", "mixed": "↕ mixed"}


def render_series(series: Series, fmt: str) -> str:
    """The series in format ``md``, ``json`` or ``csv``."""
    return {"md": series_markdown, "json": series_json, "csv": series_csv}[fmt](series)


def _name(path: str) -> str:
    return Path(path).name


# --- markdown ---------------------------------------------------------------------------


class _Notes:
    def __init__(self) -> None:
        self.items: list[str] = []

    def cite(self, report: str, obs: Observation) -> str:
        n = len(self.items) + 1
        self.items.append(
            f"[^{n}]: {md(_name(report))} {obs.section.split(':', 1)[-1]}: “{md(obs.quote)}”"
        )
        return f"[^{n}]"


def series_markdown(series: Series) -> str:
    """Markdown: the reports, a table per headline indicator, the others in one table."""
    notes = _Notes()
    years = f"{series.years[0]}–{series.years[-1]}"
    out = [f"# Series: {md(series.place or 'unknown place')} ({series.level or '?'}), {years}", ""]
    out += ["| Report | Year | Reviews | File |", "|---|---|---|---|"]
    out += [
        f"| {n} | {r.year} | {r.review_year} | {md(r.path)} |"
        for n, r in enumerate(series.reports, 1)
    ]
    out += ["", f"*Rule.* {RULE}", ""]
    for row in series.rows:
        if row.headline:
            out += _row_table(row, notes)
    others = [r for r in series.rows if not r.headline]
    if others:
        out += ["## Other indicators", "", "| Indicator | Measure | Targets | Actuals | Trend |"]
        out.append("|---|---|---|---|---|")
        for row in others:
            targets = ", ".join(str(c.year) for c in row.cells if c.target)
            actuals = ", ".join(str(c.year) for c in row.cells if c.actual)
            trend = _TREND.get(row.trend, "")
            name = md(row.indicator) + (" (override)" if row.override else "")
            out.append(f"| {name} | {row.measure} | {targets} | {actuals} | {trend} |")
        out.append("")
    out += notes.items
    return "\n".join(out).rstrip() + "\n"


def _row_table(row: SeriesRow, notes: _Notes) -> list[str]:
    code = f" `{row.code}`" if row.code else ""
    trend = f" — targets {_TREND[row.trend]}" if row.trend else ""
    mark = " (override)" if row.override else ""
    out = [f"## {md(row.indicator)}{code} ({row.measure}, {md(row.unit)}){trend}{mark}", ""]
    out += ["| Year | Target | Actual | Actual − target | Realised |", "|---|---|---|---|---|"]
    for c in row.cells:
        target = _figure(c.target, c.target_status, c.target_report, notes)
        actual = _figure(c.actual, c.actual_status, c.actual_report, notes)
        diff = "" if c.difference is None else _signed(c.difference)
        out.append(f"| {c.year} | {target} | {actual} | {diff} | {_MARK[c.verdict]} |")
    if row.periods:
        out.append("")
        out += [f"- {_period_line(p, notes)}" for p in row.periods]
    out.append("")
    return out


def _figure(obs: Observation | None, status: str, report: str, notes: _Notes) -> str:
    if obs is None:
        return f"— ({status})"
    return f"{md(fmt_value(obs))}{notes.cite(report, obs)}"


def _period_line(p: PeriodFigure, notes: _Notes) -> str:
    o = p.observation
    what = o.kind if o.period else f"target for {o.year}"
    period = f" {o.period}" if o.period else ""
    return (
        f"{what}{period} (report of {p.report_year}): {md(fmt_value(o))}{notes.cite(p.report, o)}"
    )


def _signed(value: float) -> str:
    return ("+" if value > 0 else "") + fmt_number(round(value, 4))


# --- JSON ---------------------------------------------------------------------------------


def series_dict(series: Series) -> dict[str, Any]:
    """The JSON series as plain Python data (schema ``lingdiff-series/1``)."""
    return {
        "schema": SCHEMA,
        "place": series.place,
        "level": series.level,
        "years": list(series.years),
        "rule": RULE,
        "reports": [
            {
                "path": r.path,
                "year": r.year,
                "review_year": r.review_year,
                "place": r.place,
                "level": r.level,
            }
            for r in series.reports
        ],
        "indicators": [_row_dict(r) for r in series.rows],
    }


def _row_dict(row: SeriesRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "indicator": row.indicator,
        "code": row.code,
        "measure": row.measure,
        "unit": row.unit,
        "headline": row.headline,
        "trend": row.trend,
        "aliases": list(row.aliases),
        "override": row.override,
        "cells": [_cell_dict(c) for c in row.cells],
        "periods": [
            {"report": p.report, "report_year": p.report_year, **_obs_dict(p.observation)}
            for p in row.periods
        ],
    }


def _cell_dict(c: Cell) -> dict[str, Any]:
    return {
        "year": c.year,
        "target": _obs_dict(c.target) if c.target else None,
        "target_status": c.target_status,
        "target_report": c.target_report,
        "actual": _obs_dict(c.actual) if c.actual else None,
        "actual_status": c.actual_status,
        "actual_report": c.actual_report,
        "difference": c.difference,
        "verdict": c.verdict,
        "rule": c.rule,
    }


def _obs_dict(o: Observation) -> dict[str, Any]:
    return {
        "indicator": o.indicator,
        "kind": o.kind,
        "year": o.year,
        "period": o.period,
        "value": o.value,
        "value_high": o.value_high,
        "unit": o.unit,
        "qualifier": o.qualifier,
        "direction": o.direction,
        "display": fmt_value(o),
        "section": o.section,
        "quote": o.quote,
        "start": o.start,
        "end": o.end,
    }


def series_json(series: Series) -> str:
    """The series as JSON text (UTF-8, Chinese kept readable)."""
    return json.dumps(series_dict(series), ensure_ascii=False, indent=1) + "\n"


# --- CSV ----------------------------------------------------------------------------------


def series_csv(series: Series) -> str:
    """The long table as CSV text (header row first)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(cell_records(series))
    return buf.getvalue()
