"""Turn a file (bytes) into clean report text, or fail with one clear :class:`LoadError`.

Reads ``.txt`` in UTF-8 (with or without BOM), UTF-16 (with BOM, or plainly
recognisable without one) and GB18030/GBK (:mod:`.encodings`), and ``.docx`` (body
paragraphs in order, :mod:`.docx`). :mod:`.clean` removes conversion artifacts
(``[bookmark: _GoBack]``, zero-width characters), trims lines and drops blank ones, and
:func:`normalise` gives the same-length analysis copy so offsets are shared between the two.

Reading a file into a :class:`~lingdiff.model.Document` (text + outline) is
:func:`lingdiff.reading.load_document`; this package knows nothing of outlines.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import LoadError
from .clean import clean_text, normalise
from .limits import MAX_BYTES

__all__ = ["MAX_BYTES", "LoadError", "clean_text", "decode_report", "normalise", "read_text"]

# The same pattern text as in keyterms and phrases, so re's cache compiles it once (a range
# of Chinese characters takes ~1 ms to compile).
_NON_CJK = re.compile(r"[^\u4e00-\u9fff]+")


def read_text(path: str | Path) -> str:
    """Read a report file into clean text, or raise :class:`LoadError`."""
    p = Path(path)
    name = str(path)
    if not p.exists():
        raise LoadError(f"{name}: no such file")
    if p.is_dir():
        raise LoadError(f"{name}: is a directory, not a report file")
    try:
        size = p.stat().st_size
    except OSError as exc:
        raise LoadError(f"{name}: cannot read ({exc.strerror or exc})") from None
    if size == 0:
        raise LoadError(f"{name}: the file is empty")
    if size > MAX_BYTES:
        raise LoadError(
            f"{name}: the file is {size / 1024 / 1024:.1f} MB; lingdiff reads reports up to "
            f"{MAX_BYTES // 1024 // 1024} MB"
        )
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise LoadError(f"{name}: cannot read ({exc.strerror or exc})") from None
    return decode_report(data, name)


def decode_report(data: bytes, name: str = "<input>") -> str:
    """Decode the bytes of a ``.txt`` or ``.docx`` report into clean text."""
    if data.startswith(b"PK\x03\x04"):
        from .docx import docx_text  # zipfile + ElementTree cost ~5 ms; most reports are .txt

        raw = docx_text(data, name)
    else:
        from .encodings import decode_bytes, refuse_known_binary

        refuse_known_binary(data, name)
        raw = decode_bytes(data, name)
    text = clean_text(raw)
    if not text.strip():
        raise LoadError(f"{name}: the file has no text")
    if _NON_CJK.fullmatch(text):
        raise LoadError(f"{name}: no Chinese text found; this does not look like a report")
    return text
