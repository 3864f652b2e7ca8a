"""Turn a file (bytes) into clean report text with a map back to the original, or fail with
one clear :class:`LoadError`.

Reads ``.txt`` in UTF-8 (with or without BOM), UTF-16 (with BOM, or plainly recognisable
without one) and GB18030/GBK (:mod:`.encodings`), ``.docx`` (:mod:`.docx`), PDF
(:mod:`.pdf`) and saved web pages (:mod:`.html`), told apart by their content. The file
may be a path, ``-`` (standard input), ``/dev/stdin`` or a pipe. :mod:`.clean` removes
conversion artifacts, terminal controls and invisible characters, trims lines and drops
blank ones, keeping a compact map from the clean text back to the decoded original, and
:func:`normalise` gives the same-length analysis copy so offsets are shared between the two.

Reading a file into a :class:`~lingdiff.model.Document` (text + outline) is
:func:`lingdiff.reading.load_document`; this package knows nothing of outlines.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import LoadError
from ..model import SourceInfo
from ..records import record
from .clean import clean_text, clean_with_map, normalise
from .limits import MAX_BYTES
from .source import is_html, is_pdf, read_input

__all__ = [
    "MAX_BYTES",
    "LoadError",
    "LoadedText",
    "clean_text",
    "decode_report",
    "load_bytes",
    "normalise",
    "read_source",
    "read_text",
]

# The same pattern text as in keyterms and phrases, so re's cache compiles it once (a range
# of Chinese characters takes ~1 ms to compile).
_NON_CJK = re.compile(r"[^\u4e00-\u9fff]+")


@record
class LoadedText:
    """A report read and cleaned: the text analysis reads, its source, and load warnings."""

    text: str
    source: SourceInfo
    warnings: tuple[str, ...] = ()


def read_text(path: str | Path) -> str:
    """Read a report file into clean text, or raise :class:`LoadError`."""
    return read_source(path).text


def read_source(path: str | Path) -> LoadedText:
    """Read a report file (``-`` for standard input) into clean text with its source."""
    name, data = read_input(path)
    return load_bytes(data, name)


def decode_report(data: bytes, name: str = "<input>") -> str:
    """Decode the bytes of a report (.txt, .docx, PDF or web page) into clean text."""
    return load_bytes(data, name).text


def load_bytes(data: bytes, name: str = "<input>") -> LoadedText:
    """Decode, extract and clean the bytes of a report; the format is told by its content."""
    from ..digest import sha256

    raw, fmt, encoding, page_starts = _extract(data, name)
    if fmt in ("pdf", "html") and len(raw.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise LoadError(f"{name}: the text is over 5 MB; lingdiff reads reports up to 5 MB")
    cleaned = clean_with_map(raw)
    text = cleaned.text
    if not text.strip():
        raise LoadError(f"{name}: the file has no text")
    if _NON_CJK.fullmatch(text):
        raise LoadError(f"{name}: no Chinese text found; this does not look like a report")
    warnings = []
    if cleaned.controls:
        warnings.append(
            f"removed {cleaned.controls} control character(s) or terminal escape sequence(s) "
            "(C0/C1 controls, ESC sequences, bidi overrides)"
        )
    empty = _pages_without_text(page_starts, len(raw))
    if empty:
        warnings.append(
            f"page(s) {', '.join(map(str, empty[:12]))}{' …' if len(empty) > 12 else ''} have "
            "no text (blank, or scanned without a text layer: their content is not read)"
        )
    source = SourceInfo(
        name=Path(name).name if name != "-" else "<stdin>",
        size=len(data),
        sha256=sha256(data).hexdigest(),
        format=fmt,
        encoding=encoding,
        original=raw,
        clean_starts=cleaned.clean_starts,
        original_starts=cleaned.raw_starts,
        page_starts=page_starts,
    )
    return LoadedText(text, source, tuple(warnings))


def _extract(data: bytes, name: str) -> tuple[str, str, str, tuple[int, ...]]:
    """The text of a report as its format holds it: (text, format, encoding, page starts)."""
    if data.startswith(b"PK\x03\x04"):
        from .docx import docx_text  # zipfile + ElementTree cost ~5 ms; most reports are .txt

        return docx_text(data, name), "docx", "utf-8", ()
    if is_pdf(data):
        from .pdf import pdf_text  # PDFium is loaded only for PDFs

        raw, page_starts = pdf_text(data, name)
        return raw, "pdf", "", page_starts
    if is_html(data, name):
        from .html import html_text  # lxml is loaded only for web pages

        raw, encoding = html_text(data, name)
        return raw, "html", encoding, ()
    from .encodings import decode_with_encoding, refuse_known_binary

    refuse_known_binary(data, name)
    raw, encoding = decode_with_encoding(data, name)
    return raw, "txt", encoding, ()


def _pages_without_text(page_starts: tuple[int, ...], size: int) -> list[int]:
    """The pages (1-based) of a PDF on which no text begins."""
    if not page_starts:
        return []
    ends = (*page_starts[1:], size)
    return [n for n, (a, b) in enumerate(zip(page_starts, ends, strict=True), 1) if a == b]
