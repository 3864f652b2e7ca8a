"""A report file -> :class:`~lingdiff.model.Document`: read and clean (:mod:`lingdiff.load`),
then build the outline (:mod:`lingdiff.outline`)."""

from __future__ import annotations

from pathlib import Path

from .load import read_text
from .model import DocKey, Document
from .outline import parse_document


def load_document(path: str | Path, key: DocKey = "old") -> Document:
    """Read a report file and build its outline (raises :class:`~lingdiff.errors.LoadError`)."""
    return parse_document(read_text(path), key=key, path=str(path))
