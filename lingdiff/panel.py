"""A panel: many governments' reports, many years, as one long table (one row per figure).

:func:`file_rows` is the per-file task (bytes in, rows or a failure reason out): pure, picklable,
run in-process, on a process pool or on a Dask cluster with identical results.
:func:`panel` is the in-memory entry point of the Python API; :mod:`lingdiff.panel_run` drives
large runs (pool, progress, resume, failures) for ``lingdiff panel``.

The place and the year come from the text (:mod:`lingdiff.outline.place`); a manifest CSV
(columns ``path, place, place_code, level``) can override or add them. A report whose year cannot
be found is a failure, never a row with a guessed year.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .panel_overrides import PanelCorrections

PANEL_COLUMNS = (
    "place",
    "place_code",
    "level",
    "report_year",
    "review_year",
    "year",
    "period",
    "kind",
    "indicator",
    "code",
    "measure",
    "value",
    "value_high",
    "unit",
    "qualifier",
    "direction",
    "scope",
    "gap_to",
    "gap_value",
    "gap_unit",
    "quote",
    "section",
    "section_title",
    "start",
    "end",
    "source",
    "sha256",
    "override",
)
"""The columns of the panel, in order (documented in the README)."""
INT_COLUMNS = frozenset({"report_year", "review_year", "year", "direction", "start", "end"})
FLOAT_COLUMNS = frozenset({"value", "value_high", "gap_value"})


@dataclass(frozen=True)
class ManifestEntry:
    """What a manifest says about one file (empty fields leave the text's reading)."""

    place: str = ""
    place_code: str = ""
    level: str = ""


@dataclass(frozen=True)
class FileResult:
    """The rows of one file, or why it has none."""

    source: str
    sha256: str
    rows: tuple[tuple[Any, ...], ...] = ()
    error: str = ""


@dataclass
class Panel:
    """Rows of a panel (tuples in :data:`PANEL_COLUMNS` order) and the files that failed."""

    rows: list[tuple[Any, ...]] = field(default_factory=list)
    failures: list[FileResult] = field(default_factory=list)

    @property
    def columns(self) -> tuple[str, ...]:
        """The column names, in row order."""
        return PANEL_COLUMNS

    def records(self) -> Iterator[dict[str, Any]]:
        """Each row as a dict keyed by column name."""
        for row in self.rows:
            yield dict(zip(PANEL_COLUMNS, row, strict=True))

    def to_pandas(self) -> Any:
        """The panel as a pandas DataFrame (needs pandas), with the CSV's dtypes."""
        import pandas as pd

        frame = pd.DataFrame(self.rows, columns=list(PANEL_COLUMNS))
        for col in INT_COLUMNS:
            frame[col] = pd.to_numeric(frame[col]).astype("Int64")
        for col in FLOAT_COLUMNS:
            frame[col] = pd.to_numeric(frame[col]).astype("float64")
        return frame


def sha256_of(data: bytes) -> str:
    """The hex sha256 of a file's bytes (the key of ``--resume``)."""
    return hashlib.sha256(data).hexdigest()


def file_rows(source: str, data: bytes, entry: ManifestEntry | None = None) -> FileResult:
    """Read one report's bytes into panel rows; any problem becomes ``error`` (never raises)."""
    digest = sha256_of(data)
    try:
        rows = _rows(source, data, digest, entry or ManifestEntry())
    except MemoryError:
        return FileResult(source, digest, error="out of memory reading the file")
    except Exception as exc:  # a failure row must never stop a run of thousands of files
        from .errors import LingdiffError

        if isinstance(exc, LingdiffError):
            reason = str(exc).removeprefix(f"{source}: ")
        else:
            reason = f"internal error: {type(exc).__name__}: {exc}"
        return FileResult(source, digest, error=reason)
    return FileResult(source, digest, rows=rows)


def _rows(
    source: str, data: bytes, digest: str, entry: ManifestEntry
) -> tuple[tuple[Any, ...], ...]:
    from .errors import LoadError
    from .figures import extract_observations
    from .load import decode_report
    from .outline import parse_document
    from .outline.place import delivery_year, level_of

    text = decode_report(data, source)
    doc = parse_document(text, key="old", path=source)
    year = delivery_year(doc.text) or doc.plan_year
    if year is None:
        raise LoadError(
            f"{source}: no year found in the report (no byline date, title or plan year)"
        )
    place = entry.place or doc.place  # read from the byline or title by the outline
    level = entry.level or (doc.place_level if not entry.place else level_of(place))
    shift = {doc.plan_year: year, doc.review_year: year - 1}
    titles = {s.id: s.title for s in doc.sections}
    out = []
    for o in extract_observations(doc):
        gap = o.gap
        out.append(
            (
                place,
                entry.place_code,
                level,
                year,
                year - 1,
                shift.get(o.year, o.year) if o.year is not None else None,
                o.period or "",
                o.kind,
                o.indicator,
                o.code,
                o.measure,
                o.value,
                o.value_high,
                o.unit,
                o.qualifier,
                o.direction,
                o.scope,
                gap.to if gap else "",
                gap.value if gap else None,
                gap.unit if gap else "",
                o.quote,
                o.section.split(":", 1)[-1],
                titles.get(o.section, ""),
                o.start,
                o.end,
                source,
                digest,
                "",  # override: set by lingdiff.panel_overrides when a correction applies
            )
        )
    return tuple(out)


def read_manifest(path: str | Path) -> dict[str, ManifestEntry]:
    """A manifest CSV (``path, place, place_code, level``) keyed by resolved file path;
    relative paths are relative to the manifest's folder."""
    import csv

    from .errors import LoadError

    p = Path(path)
    try:
        with p.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            if not reader.fieldnames or "path" not in reader.fieldnames:
                raise LoadError(f"{p}: a manifest needs a header with a 'path' column")
            out = {}
            for rec in reader:
                file = Path(rec["path"] or "")
                key = str((file if file.is_absolute() else p.parent / file).resolve())
                out[key] = ManifestEntry(
                    (rec.get("place") or "").strip(),
                    (rec.get("place_code") or "").strip(),
                    (rec.get("level") or "").strip(),
                )
            return out
    except OSError as exc:
        raise LoadError(f"{p}: cannot read the manifest ({exc.strerror or exc})") from None
    except (UnicodeDecodeError, csv.Error) as exc:
        raise LoadError(f"{p}: not a UTF-8 CSV manifest ({exc})") from None


def panel(
    paths: Sequence[str | Path],
    manifest: str | Path | None = None,
    overrides: str | Path | None = None,
) -> Panel:
    """Read reports (files, folders, globs) into one panel, in-process (the Python API).

    ``overrides``: a researcher's overrides file, obeyed as :mod:`lingdiff.panel_overrides`
    says (links and unlinks through the ``code`` column)."""
    from .inputs import expand_inputs

    entries = read_manifest(manifest) if manifest else {}
    fixes = panel_corrections(overrides)
    out = Panel()
    for path in expand_inputs(paths):
        try:
            data = path.read_bytes()
        except OSError as exc:
            out.failures.append(
                FileResult(str(path), "", error=f"cannot read ({exc.strerror or exc})")
            )
            continue
        result = file_rows(str(path), data, entries.get(str(path.resolve())))
        if result.error:
            out.failures.append(result)
        out.rows.extend(map(fixes.apply, result.rows) if fixes else result.rows)
    return out


def panel_corrections(path: str | Path | None) -> PanelCorrections | None:
    """The :class:`~lingdiff.panel_overrides.PanelCorrections` of an overrides file, or None."""
    if path is None:
        return None
    from .overrides import read_overrides
    from .panel_overrides import PanelCorrections as Corrections

    return Corrections(read_overrides(path), PANEL_COLUMNS)
