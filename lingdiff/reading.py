"""A report file -> :class:`~lingdiff.model.Document`: read and clean (:mod:`lingdiff.load`),
then build the outline (:mod:`lingdiff.outline`) and attach the source (file name, size,
sha256, original text and the offset map back to it) and the load warnings."""

from __future__ import annotations

import os
import stat
from functools import partial
from pathlib import Path

from .load import read_source
from .model import DocKey, Document
from .outline import parse_document
from .records import replace


def load_document(
    path: str | Path, key: DocKey = "old", meta: str | Path | None = None
) -> Document:
    """Read a report file and build its outline (raises :class:`~lingdiff.errors.LoadError`).

    Provenance comes from ``meta`` if given, else from a ``REPORT.meta.json`` beside it.
    """
    from .load.meta import read_meta, sidecar_for

    loaded = read_source(path)
    doc = parse_document(loaded.text, key=key, path=str(path))
    source = loaded.source
    meta_file = meta if meta is not None else sidecar_for(path)
    if meta_file is not None:
        source = replace(source, meta=read_meta(meta_file))
    if doc.text != loaded.text:  # the outline cleaned further: the map no longer applies
        source = replace(source, clean_starts=(), original_starts=())
    return replace(doc, source=source, warnings=loaded.warnings + doc.warnings)


PARALLEL_BYTES = 1_000_000
"""Bytes of input (both files together) from which :func:`load_pair` reads the new report in
a second process while this one reads the old: two reports of a few hundred kilobytes are
read faster than a fork and a pickled document cost; a pair of 5 MB files saves seconds."""


def load_pair(
    old: str | Path,
    new: str | Path,
    meta: tuple[str | Path | None, str | Path | None] = (None, None),
) -> tuple[Document, Document]:
    """Both reports, read as ``old`` and ``new`` (with their ``meta`` files, as
    :func:`load_document`), the result the same as reading one after the other.

    From :data:`PARALLEL_BYTES` of regular files, the new report is read in a forked child
    meanwhile, where that is safe (:mod:`lingdiff.background`); if the child fails, it is read
    here, so an unreadable new report raises its own :class:`~lingdiff.errors.LoadError` here.
    The old report's error comes first, as when reading them in turn."""
    side = None
    sizes = (_file_size(old), _file_size(new))
    if min(sizes) and sum(sizes) >= PARALLEL_BYTES:
        from .background import Background

        side = Background(partial(load_document, new, "new", meta[1]), fork=True)
    try:
        old_doc = load_document(old, "old", meta[0])
        new_doc = side.result() if side is not None else load_document(new, "new", meta[1])
    except BaseException:
        if side is not None:
            side.cancel()
        raise
    return old_doc, new_doc


def _file_size(path: str | Path) -> int:
    """The size of a regular file; 0 for standard input, a pipe, a device or a missing
    file (read in this process, where its error is named)."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return 0
    return info.st_size if stat.S_ISREG(info.st_mode) else 0
