"""A series of one government's reports: each year's target against what was achieved.

``series(docs)`` takes N ≥ 2 reports of one government (any order) and gives, per indicator, a
timeline by year: the **target** set in year Y's report (its plan year is Y), the **actual**
stated in year Y+1's report (its review year is Y), and the **realisation**. Five-year reviews
and goals (``kind`` ``five-year review`` / ``five-year goal``, with a ``period``) are kept
beside the timeline, never in a year's cell. A year whose report is absent shows as ``no
report``; a report that does not state the figure shows as ``not stated``. Nothing is carried
over from a neighbouring year.

A report's year is its year of delivery, read from the byline (``——2024年3月5日在…会议上``) or
the title, else its plan year; observations about its plan year belong to that year and those
about its review year to the year before.

**The realisation rule** (:func:`realise`). ``difference`` is actual − target in the target's
unit, on signed values (``下降3%`` is −3), against the nearest end of a range and 0 inside it.
The target sets a bound on the signed actual:

* ``以上`` / ``超过`` / ``突破`` / ``不低于`` / ``至少`` — a floor: met when actual ≥ target (for a
  decline, ``下降3%以上``, the decline must be at least 3: signed actual ≤ −3);
* ``以内`` / ``以下`` / ``不超过`` / ``控制在`` / ``低于`` — a ceiling: met when actual ≤ target
  (for a decline, the decline may be at most the figure);
* no bound word, or ``左右`` — the indicator's polarity decides: a rise or level is a floor,
  unless the indicator is one where less is better (prices, unemployment, deficits, energy
  use, emissions, accidents, debt: :data:`LOWER_IS_BETTER`) or the target is a decline, which are
  ceilings. ``左右`` widens the bound by a tolerance of 10 % of the target's size (``5%左右``
  is met from 4.5 %);
* a range (``6%－6.5%``) — its low end is the floor (its high end the ceiling when less is
  better); exceeding a floor or undershooting a ceiling is met;
* **not comparable** — the two figures are in units of different kinds (``%`` against
  ``个百分点``), or of different size with no known factor, or the target has no figure.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import combinations, pairwise
from pathlib import Path
from typing import Any, Literal

from .errors import LingdiffError
from .figures import extract_observations
from .figures.codebook import load_codebook
from .figures.link_many import LinkedGroup, link_many
from .lexicon import CEILING_QUALIFIERS, FLOOR_QUALIFIERS, unit_scale
from .model import Document, Observation
from .outline.place import delivery_year
from .records import record, replace

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .overrides import Overrides

Verdict = Literal["met", "missed", "not comparable", ""]
Status = Literal["stated", "not stated", "no report"]

LOWER_IS_BETTER = ("消费价格", "物价", "失业率", "赤字", "能耗", "排放", "污染", "事故", "死亡")
"""Words of indicators where a smaller figure is the aim (their plain targets are ceilings)."""
ABOUT_TOLERANCE = 0.10
"""``左右`` accepts a shortfall of this fraction of the target's size."""


class SeriesError(LingdiffError):
    """Reports that do not make one series (two of the same year, two governments, too few)."""


@record
class SeriesReport:
    """One report of the series: which file, which government, which year."""

    path: str
    year: int
    place: str
    level: str

    @property
    def review_year(self) -> int:
        """The year the report looks back on."""
        return self.year - 1


@record
class Cell:
    """One indicator in one year: the target set for it and what was achieved."""

    year: int
    target: Observation | None
    actual: Observation | None
    target_status: Status
    actual_status: Status
    target_report: str = ""
    actual_report: str = ""
    difference: float | None = None
    verdict: Verdict = ""
    rule: str = ""


@record
class PeriodFigure:
    """A five-year review or goal (or a target for a later year) stated in one report."""

    report: str
    report_year: int
    observation: Observation


@record
class SeriesRow:
    """One indicator across the years of the series."""

    id: str
    indicator: str
    code: str
    measure: str
    unit: str
    cells: tuple[Cell, ...]
    periods: tuple[PeriodFigure, ...] = ()
    trend: str = ""
    """Of the targets over the years: ``rising``, ``falling``, ``flat``, ``mixed``, "" (< 2)."""
    headline: bool = False
    aliases: tuple[str, ...] = ()
    override: str = ""
    """``link`` / ``unlink`` when a researcher's correction joined or split the row."""

    def cell(self, year: int) -> Cell:
        """The cell of one year (KeyError outside the series' years)."""
        for c in self.cells:
            if c.year == year:
                return c
        raise KeyError(year)


@record
class Series:
    """Every indicator of one government's reports, year by year."""

    place: str
    level: str
    reports: tuple[SeriesReport, ...]
    years: tuple[int, ...]
    rows: tuple[SeriesRow, ...]

    def row(self, key: str) -> SeriesRow:
        """The row with this id, code or indicator name, with measure ``growth`` preferred."""
        hits = [r for r in self.rows if key in (r.id, r.code, r.indicator)]
        if not hits:
            raise KeyError(key)
        return min(hits, key=lambda r: (r.measure != "growth", not r.headline))

    def to_pandas(self) -> Any:
        """The long table (one row per cell) as a pandas DataFrame (needs pandas)."""
        import pandas as pd

        from .series_records import CSV_COLUMNS, cell_records

        return pd.DataFrame(cell_records(self), columns=list(CSV_COLUMNS))


def series_reports(docs: Sequence[Document]) -> list[tuple[SeriesReport, Document]]:
    """Each document with its year and place, sorted by year; refuses what is not one series."""
    if len(docs) < 2:
        raise SeriesError("a series needs at least two reports")
    found: list[tuple[SeriesReport, Document]] = []
    for doc in docs:
        year = delivery_year(doc.text) or doc.plan_year
        if year is None:
            raise SeriesError(f"{doc.path}: no year found in the report")
        report = SeriesReport(doc.path, year, doc.place, doc.place_level)
        found.append((report, doc))
    found.sort(key=lambda rd: rd[0].year)
    for (a, _), (b, _) in pairwise(found):
        if a.year == b.year:
            raise SeriesError(f"{a.path} and {b.path} are both the report of {a.year}")
    places = {r.place for r, _ in found if r.place}
    if len(places) > 1:
        first = {r.place: r.path for r, _ in reversed(found)}
        (pa, fa), (pb, fb) = sorted(first.items())[:2]
        raise SeriesError(f"{fa} is {pa}'s report but {fb} is {pb}'s: a series is one government")
    return found


def series(docs: Sequence[Document], overrides: Overrides | None = None) -> Series:
    """Targets against actuals, year by year, for N reports of one government (pure).

    ``overrides``: a researcher's corrections; the ``link``/``unlink`` ones of any two of the
    reports (earlier as ``old``, later as ``new``) decide how indicators are linked."""
    found = series_reports(docs)
    reports = tuple(r for r, _ in found)
    per_report = [_observations(r, d) for r, d in found]
    first, last = reports[0].year, reports[-1].year
    years = tuple(range(first - 1, last + 1))
    corrections = []
    if overrides is not None:
        hashes = [d.source.sha256 for _, d in found]
        for a, b in combinations(range(len(found)), 2):
            fixes = overrides.for_reports(hashes[a], hashes[b])
            if fixes.link or fixes.unlink:
                corrections.append((a, b, fixes))
    groups = link_many(per_report, corrections)
    rows = [_row(f"s{n:03d}", g, reports, years) for n, g in enumerate(groups, 1)]
    rows = [r for r in rows if any(c.target or c.actual for c in r.cells) or r.periods]
    headline = _headline(rows, max(1, len(reports) // 4))
    rows = [replace(r, headline=r.id in headline) for r in rows]
    rows.sort(key=lambda r: (not r.headline, r.id))
    place = next((r.place for r in reports if r.place), "")
    level = next((r.level for r in reports if r.level), "")
    return Series(place, level, reports, years, tuple(rows))


def _observations(report: SeriesReport, doc: Document) -> tuple[Observation, ...]:
    """The report's jurisdiction-wide figures, their years relative to the report's year.

    ``section`` is prefixed with the part (``targets|2.1``) so a cell can prefer the figure of
    the targets statement (or the review) to a mention elsewhere; :func:`_part` reads it back.
    """
    shift = {doc.plan_year: report.year, doc.review_year: report.review_year}
    parts = {s.id: s.part for s in doc.sections}
    out = []
    for o in extract_observations(doc):
        if o.scope:
            continue
        year = shift.get(o.year, o.year) if o.year is not None else None
        out.append(replace(o, year=year, section=f"{parts.get(o.section, 'other')}|{o.section}"))
    return tuple(out)


def _part(o: Observation) -> str:
    return o.section.split("|", 1)[0]


def _unpart(o: Observation | None) -> Observation | None:
    return o if o is None else replace(o, section=o.section.split("|", 1)[-1].split(":", 1)[-1])


def _row(
    row_id: str, group: LinkedGroup, reports: tuple[SeriesReport, ...], years: tuple[int, ...]
) -> SeriesRow:
    obs = group.observations
    last = max(r for r, _ in obs)
    names = Counter(o.indicator for r, o in obs if r == last)
    indicator = names.most_common(1)[0][0]
    aliases = tuple(dict.fromkeys(o.indicator for _, o in obs if o.indicator != indicator))
    units = Counter(o.unit for _, o in obs)
    by_year = {r.year: n for n, r in enumerate(reports)}
    cells = tuple(_cell(y, obs, reports, by_year, indicator) for y in years)
    periods = tuple(
        PeriodFigure(reports[r].path, reports[r].year, _unpart(o))  # type: ignore[arg-type]
        for r, o in obs
        if o.kind in ("five-year review", "five-year goal")
        or (o.kind == "target" and o.year is not None and o.year > reports[r].year)
    )
    return SeriesRow(
        id=row_id,
        indicator=indicator,
        code=group.code,
        measure=obs[0][1].measure,
        unit=units.most_common(1)[0][0],
        cells=cells,
        periods=periods,
        trend=_trend(cells),
        aliases=aliases,
        override=group.override,
    )


def _cell(
    year: int,
    obs: tuple[tuple[int, Observation], ...],
    reports: tuple[SeriesReport, ...],
    by_year: dict[int, int],
    indicator: str,
) -> Cell:
    t_report = by_year.get(year)
    a_report = by_year.get(year + 1)
    target = _pick(obs, t_report, "target", year)
    actual = _pick(obs, a_report, "actual", year)
    target, actual = _unpart(target), _unpart(actual)
    cell = Cell(
        year=year,
        target=target,
        actual=actual,
        target_status=_status(t_report, target),
        actual_status=_status(a_report, actual),
        target_report=reports[t_report].path if target and t_report is not None else "",
        actual_report=reports[a_report].path if actual and a_report is not None else "",
    )
    if target is None or actual is None:
        return cell
    lower = lower_is_better(indicator, target.code or actual.code)
    difference, verdict, rule = realise(target, actual, lower)
    return replace(cell, difference=difference, verdict=verdict, rule=rule)


def _pick(
    obs: tuple[tuple[int, Observation], ...], report: int | None, kind: str, year: int
) -> Observation | None:
    """The report's figure of this kind for this year: the first that is not a running total
    or an average over years."""
    if report is None:
        return None
    hits = [o for r, o in obs if r == report and o.kind == kind and o.year == year]
    home = ("targets", "plan") if kind == "target" else ("review",)
    ranked = sorted(
        hits,
        key=lambda o: ("年均" in o.quote or "累计" in o.indicator, _part(o) not in home, o.start),
    )
    return ranked[0] if ranked else None


def _status(report: int | None, found: Observation | None) -> Status:
    if report is None:
        return "no report"
    return "stated" if found is not None else "not stated"


def lower_is_better(indicator: str, code: str = "") -> bool:
    """True for indicators whose aim is a smaller figure: the codebook's ``better: lower``
    for a headline indicator, else the words of :data:`LOWER_IS_BETTER`."""
    entry = load_codebook().by_code.get(code) if code else None
    if entry is not None and entry.better:
        return entry.better == "lower"
    return any(w in indicator for w in LOWER_IS_BETTER)


def realise(
    target: Observation, actual: Observation, less_is_better: bool = False
) -> tuple[float | None, Verdict, str]:
    """Actual − target, met or missed, and the rule applied (see the module docstring)."""
    t_family, t_factor = unit_scale(target.unit)
    a_family, a_factor = unit_scale(actual.unit)
    if t_family != a_family or target.measure != actual.measure:
        return None, "not comparable", f"units differ ({target.unit} / {actual.unit})"
    a = actual.signed_value * a_factor / t_factor
    low = target.signed_value
    high = target.signed_high if target.signed_high is not None else low
    low, high = min(low, high), max(low, high)
    words = target.qualifier.split()
    declining = target.direction < 0
    if any(w in FLOOR_QUALIFIERS for w in words):
        ceiling, rule = declining, "bound (以上)"
    elif any(w in CEILING_QUALIFIERS for w in words):
        ceiling, rule = not declining, "bound (以内)"
    else:
        ceiling = declining or less_is_better
        rule = "less is better" if ceiling else "more is better"
    tolerance = ABOUT_TOLERANCE * max(abs(low), abs(high)) if "左右" in words else 0.0
    if "左右" in words:
        rule += f", 左右 ±{tolerance:.3g}"
    difference = 0.0 if low <= a <= high else (a - high if a > high else a - low)
    met = a <= high + tolerance if ceiling else a >= low - tolerance
    return (
        round(difference, 6),
        ("met" if met else "missed"),
        ("ceiling: " if ceiling else "floor: ") + rule,
    )


def _trend(cells: tuple[Cell, ...]) -> str:
    values = [c.target.signed_value for c in cells if c.target is not None]
    if len(values) < 2:
        return ""
    steps = [b - a for a, b in pairwise(values)]
    if all(s == 0 for s in steps):
        return "flat"
    if all(s <= 0 for s in steps):
        return "falling"
    if all(s >= 0 for s in steps):
        return "rising"
    return "mixed"


def _headline(rows: Sequence[SeriesRow], least: int) -> set[str]:
    """The indicators a government sets targets for year after year: rows with a codebook code
    whose target is stated in at least ``least`` years (a quarter of the reports); when no row
    has a code, rows whose target and actual are both stated in at least ``least`` years."""
    if any(r.code for r in rows):
        return {r.id for r in rows if r.code and sum(1 for c in r.cells if c.target) >= least}
    return {r.id for r in rows if sum(1 for c in r.cells if c.target and c.actual) >= least}


def read_series(paths: Sequence[str | Path], overrides: Overrides | None = None) -> Series:
    """Load report files (a folder is read whole) and build their series."""
    from .inputs import expand_inputs
    from .reading import load_document

    return series([load_document(p) for p in expand_inputs(paths)], overrides)
