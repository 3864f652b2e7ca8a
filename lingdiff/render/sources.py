"""Where each item of a report stands in its input file, shared by every renderer.

Offsets in :attr:`Document.text` (the cleaned text) become offsets into the decoded
original (``source_start``/``source_end``) and, for a PDF, a page; a figure's span is its
quote's. :func:`source_record` is the provenance of one input: name, size, sha256 and the
sidecar metadata (source URL, publisher, date, title).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from typing import Any

from ..model import Comparison, Document, Observation

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


def span_fields_of(doc: Document) -> Callable[[int, int], dict[str, Any]]:
    """:func:`span_fields` for many spans of one report (its sections and sentences): the
    offset map and pages looked up in place, without the calls through
    :meth:`Document.source_span` for each of hundreds of thousands of sentences."""
    values = span_values_of(doc)

    def fields(start: int, end: int) -> dict[str, Any]:
        source_start, source_end, page = values(start, end)
        return {"source_start": source_start, "source_end": source_end, "page": page}

    return fields


def span_values_of(doc: Document) -> Callable[[int, int], tuple[int, int, int | None]]:
    """The values of :func:`span_fields_of` as a tuple (source start, source end, page), for
    a renderer that writes them itself."""
    source = doc.source
    clean, original, pages = source.clean_starts, source.original_starts, source.page_starts
    if clean == (0,) and original == (0,):
        clean = ()  # one run from the start: offsets are the same in the original

    def at(offset: int) -> int:  # SourceInfo._at
        i = bisect_right(clean, offset) - 1
        return offset if i < 0 else original[i] + offset - clean[i]

    def values(start: int, end: int) -> tuple[int, int, int | None]:
        if clean:
            first = at(start)
            start, end = first, at(end - 1) + 1 if end > start else first
        return start, end, max(1, bisect_right(pages, start)) if pages else None

    return values


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


def sources_markdown(c: Comparison, escape: Callable[[str], str]) -> str:
    """The Sources section that ends the markdown report: each input as a researcher cites it
    (title, publisher, date, URL where a sidecar gives them) and the file it was read from."""
    lines = ["## Sources", ""]
    for n, (label, doc) in enumerate((("Old", c.old), ("New", c.new)), 1):
        s = doc.source
        title = s.meta_value("title") or doc.title or "(no title)"
        cited = [f"{n}. **{label}:** {escape(title)}"]
        for key in ("publisher", "date"):
            if s.meta_value(key):
                cited.append(escape(s.meta_value(key)))
        line = ", ".join(cited) + "."
        if s.meta_value("url"):
            line += f" {escape(s.meta_value('url'))}"
        lines.append(line)
        pages = f", {len(s.page_starts)} pages" if s.page_starts else ""
        what = f"{s.format or 'text'}{pages}, {s.size} bytes" if s.name else "no file"
        lines.append(f"   File `{escape(s.name or doc.path)}` ({what}), SHA-256 `{s.sha256}`.")
    return "\n".join(lines) + "\n"
