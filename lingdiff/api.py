"""The Python API for notebooks: ``lingdiff.read``, ``compare``, ``series``, ``panel``.

Reached through :mod:`lingdiff` (``import lingdiff; lingdiff.series([...])``), which imports
this module only when one of them is first used, so ``import lingdiff`` stays cheap.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from .model import Comparison, DocKey, Document, Options
from .panel import Panel
from .series import Series

PathLike = str | Path


def read(path: PathLike) -> Document:
    """One report file (.txt or .docx) read into a :class:`~lingdiff.model.Document`."""
    from .reading import load_document

    return load_document(path)


def compare(
    old: PathLike | Document,
    new: PathLike | Document,
    topics: str | None = None,
    overrides: PathLike | None = None,
) -> Comparison:
    """Two reports (paths or documents from :func:`read`) compared: sections, figures, topics;
    ``overrides``: a file of your corrections (see :mod:`lingdiff.overrides`)."""
    from .compare import compare as _compare
    from .overrides import read_overrides
    from .taxonomy import load_taxonomy

    fixes = read_overrides(overrides) if overrides is not None else None
    path = str(overrides) if overrides is not None else None
    options = Options(topics, overrides_path=path)
    taxonomy = load_taxonomy(topics)
    return _compare(_as(old, "old"), _as(new, "new"), options, taxonomy, overrides=fixes)


def _as(report: PathLike | Document, key: DocKey) -> Document:
    """A document keyed ``old`` or ``new`` (its section ids carry the key)."""
    from .outline import parse_document
    from .reading import load_document

    if not isinstance(report, Document):
        return load_document(report, key)
    if report.key == key:
        return report
    return parse_document(report.text, key=key, path=report.path)


def series(
    paths: Sequence[PathLike | Document] | PathLike, overrides: PathLike | None = None
) -> Series:
    """One government's reports (files, a folder, or documents) as a :class:`Series`;
    ``.to_pandas()`` gives the long table, one row per indicator and year. ``overrides``: a
    file of your corrections (its link/unlink of indicators between two of the reports)."""
    from .overrides import read_overrides
    from .series import read_series
    from .series import series as _series

    fixes = read_overrides(overrides) if overrides is not None else None
    if isinstance(paths, (str, Path)):
        paths = [paths]
    if all(isinstance(p, Document) for p in paths):
        return _series(list(paths), fixes)  # type: ignore[arg-type]
    return read_series([p for p in paths if not isinstance(p, Document)], fixes)


def panel(paths: Sequence[PathLike] | PathLike, manifest: PathLike | None = None) -> Panel:
    """Many reports (files, folders, globs) as one :class:`Panel` of rows, one per figure;
    files that cannot be read are in ``.failures``; ``.to_pandas()`` gives a DataFrame."""
    from .panel import panel as _panel

    if isinstance(paths, (str, Path)):
        paths = [paths]
    return _panel(list(paths), manifest)
