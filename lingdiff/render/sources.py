"""Where each item of a report stands in its input file, shared by every renderer.

Offsets in :attr:`Document.text` (the cleaned text) become offsets into the decoded
original (``source_start``/``source_end``) and, for a PDF, a page; a figure's span is its
quote's. :func:`source_record` is the provenance of one input: name, size, sha256 and the
sidecar metadata (source URL, publisher, date, title).
"""

from __future__ import annotations

from typing import Any

from ..model import Document, Observation

META_KEYS = ("title", "publisher", "date", "url")
"""Provenance fields read from ``REPORT.meta.json`` / ``--meta``, in the order shown."""


def quote_span(doc: Document, obs: Observation) -> tuple[int, int]:
    """The span of ``doc.text`` that a figure's quote was cut from (the figure's own span if
    the quote cannot be found around it)."""
    quote = obs.quote
    if not quote:
        return obs.start, obs.end
    at = doc.text.find(quote, max(0, obs.end - len(quote)), obs.start + len(quote))
    return (at, at + len(quote)) if at >= 0 else (obs.start, obs.end)


def span_fields(doc: Document, start: int, end: int) -> dict[str, Any]:
    """``source_start``, ``source_end`` and ``page`` (None unless a PDF) of a clean span."""
    source_start, source_end = doc.source_span(start, end)
    return {
        "source_start": source_start,
        "source_end": source_end,
        "page": doc.source.page_at(source_start),
    }


def observation_fields(doc: Document, obs: Observation) -> dict[str, Any]:
    """:func:`span_fields` of a figure's quote."""
    return span_fields(doc, *quote_span(doc, obs))


def source_record(doc: Document) -> dict[str, Any]:
    """The provenance of one input: file name, size, sha256, format, and sidecar metadata."""
    s = doc.source
    record: dict[str, Any] = {
        "name": s.name,
        "size": s.size,
        "sha256": s.sha256,
        "format": s.format,
        "encoding": s.encoding,
    }
    if s.page_starts:
        record["pages"] = len(s.page_starts)
    for key in META_KEYS:
        record[key] = s.meta_value(key) or None
    return record
