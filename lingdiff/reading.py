"""A report file -> :class:`~lingdiff.model.Document`: read and clean (:mod:`lingdiff.load`),
then build the outline (:mod:`lingdiff.outline`) and attach the source (file name, size,
sha256, original text and the offset map back to it) and the load warnings."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from .load import read_source
from .model import DocKey, Document
from .outline import parse_document


def load_document(path: str | Path, key: DocKey = "old") -> Document:
    """Read a report file and build its outline (raises :class:`~lingdiff.errors.LoadError`)."""
    loaded = read_source(path)
    doc = parse_document(loaded.text, key=key, path=str(path))
    source = loaded.source
    if doc.text != loaded.text:  # the outline cleaned further: the map no longer applies
        source = replace(source, clean_starts=(), original_starts=())
    return replace(doc, source=source, warnings=loaded.warnings + doc.warnings)
