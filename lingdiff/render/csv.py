"""Comparison -> CSV, one row per observation, for pandas / R / Stata users."""

from __future__ import annotations

import csv
import io

from ..model import Comparison
from .common import fmt_value, scrub
from .sources import observation_fields

COLUMNS = (
    "row_id",
    "indicator",
    "code",
    "measure",
    "doc",
    "year",
    "period",
    "kind",
    "value",
    "value_high",
    "direction",
    "signed_value",
    "unit",
    "qualifier",
    "value_text",
    "display",
    "section",
    "section_title",
    "quote",
    "start",
    "end",
    "observation_id",
    "source_start",
    "source_end",
    "page",
    "source_file",
    "source_sha256",
    "row_override",
)
"""Columns of the CSV; ``start``/``end`` are the figure's offsets in lingdiff's clean text,
``source_start``/``source_end`` its quote's offsets in the decoded original file;
``row_override`` is ``link``/``unlink`` when a researcher's correction made the row."""


def render_csv(comparison: Comparison) -> str:
    """All observations, grouped by their row (indicator followed across years)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    titles = {key: {s.id: s.title for s in comparison.doc(key).sections} for key in ("old", "new")}
    for row in comparison.metrics:
        for o in row.observations:
            doc = comparison.doc(o.doc)
            where = observation_fields(doc, o)
            writer.writerow(
                (
                    row.id,
                    row.indicator,
                    row.code,
                    row.measure,
                    o.doc,
                    "" if o.year is None else o.year,
                    o.period or "",
                    o.kind,
                    o.value,
                    "" if o.value_high is None else o.value_high,
                    o.direction,
                    o.signed_value,
                    o.unit,
                    o.qualifier,
                    o.value_text,
                    fmt_value(o),
                    o.section,
                    titles[o.doc].get(o.section, ""),
                    o.quote,
                    o.start,
                    o.end,
                    o.id,
                    where["source_start"],
                    where["source_end"],
                    "" if where["page"] is None else where["page"],
                    doc.source.name,
                    doc.source.sha256,
                    row.override,
                )
            )
    return scrub(out.getvalue())
