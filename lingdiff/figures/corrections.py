"""A researcher's corrections of indicator links between two reports (``link`` / ``unlink``).

Applied to the rows of :func:`lingdiff.figures.link.link_observations`, unlinks first:

* ``unlink old=A new=B`` splits the row holding the old report's figures named ``A`` and the
  new report's named ``B`` into a row of its old figures (keeping its id) and a row of its new
  figures (a new id, right after it);
* ``link old=A new=B`` joins the old figures of the row holding ``A`` (old report) and the new
  figures of the row holding ``B`` (new report) into one row, in the place and with the id of
  ``A``'s row; what is left of either row stays a row of its own.

``measure`` (optional) narrows the rows to one measure. Every row a correction made carries
``override`` (``link`` / ``unlink``); a correction that names no figure of these reports is
returned as a note, never an error (the reports may be read differently by another version).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..model import DocKey, MetricRow
from ..records import replace
from .link import make_row

if TYPE_CHECKING:
    from ..overrides import Corrections, Fix


def apply_links(
    rows: Sequence[MetricRow], corrections: Corrections | None
) -> tuple[tuple[MetricRow, ...], list[str], list[str]]:
    """The rows with the corrections applied, the corrections applied (one line each) and
    the ones that could not be (why)."""
    out = list(rows)
    applied: list[str] = []
    notes: list[str] = []
    if corrections is None:
        return tuple(out), applied, notes
    for fix in corrections.unlink:
        line = _unlink(out, fix)
        (notes if line.startswith("cannot") else applied).append(line)
    for fix in corrections.link:
        line = _link(out, fix)
        (notes if line.startswith("cannot") else applied).append(line)
    return tuple(out), applied, notes


def _label(kind: str, fix: Fix) -> str:
    measure = f" ({fix.measure})" if fix.measure else ""
    return f"{kind} indicator old {fix.old} with new {fix.new}{measure}"


def _has(row: MetricRow, doc: DocKey, name: str, measure: str) -> bool:
    if measure and row.measure != measure:
        return False
    return any(o.doc == doc and o.indicator == name for o in row.observations)


def _next_id(rows: Sequence[MetricRow]) -> str:
    numbers = [int(r.id[1:]) for r in rows if r.id[:1] == "m" and r.id[1:].isdigit()]
    return f"m{max(numbers, default=0) + 1:03d}"


def _side(row: MetricRow, doc: DocKey) -> list:  # type: ignore[type-arg]
    return [o for o in row.observations if o.doc == doc]


def _unlink(rows: list[MetricRow], fix: Fix) -> str:
    label = _label("unlink", fix)
    at = next(
        (
            i
            for i, r in enumerate(rows)
            if _has(r, "old", fix.old, fix.measure) and _has(r, "new", fix.new, fix.measure)
        ),
        None,
    )
    if at is None:
        return f"cannot {label}: no row holds both"
    row = rows[at]
    old_part = make_row(row.id, row.measure, _side(row, "old"))
    new_part = make_row(_next_id(rows), row.measure, _side(row, "new"))
    rows[at : at + 1] = [replace(old_part, override="unlink"), replace(new_part, override="unlink")]
    return label


def _link(rows: list[MetricRow], fix: Fix) -> str:
    label = _label("link", fix)
    i = next((k for k, r in enumerate(rows) if _has(r, "old", fix.old, fix.measure)), None)
    j = next((k for k, r in enumerate(rows) if _has(r, "new", fix.new, fix.measure)), None)
    if i is None or j is None:
        which = "old" if i is None else "new"
        name = fix.old if i is None else fix.new
        return f"cannot {label}: the {which} report has no figure of {name}"
    if i == j:
        rows[i] = replace(rows[i], override="link")
        return label
    x, y = rows[i], rows[j]
    merged = make_row(x.id, x.measure, [*_side(x, "old"), *_side(y, "new")])
    rest_x = _side(x, "new")
    rest_y = _side(y, "old")
    spare = _next_id(rows)
    rows[i] = replace(merged, override="link")
    if rest_y:
        rows[j] = make_row(y.id, y.measure, rest_y)
    else:
        del rows[j]
    if rest_x:
        rows.append(make_row(spare, x.measure, rest_x))
    return label
