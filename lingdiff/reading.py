"""A report file -> :class:`~lingdiff.model.Document`: read and clean (:mod:`lingdiff.load`),
then build the outline (:mod:`lingdiff.outline`) and attach the source (file name, size,
sha256, original text and the offset map back to it) and the load warnings."""

from __future__ import annotations

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
