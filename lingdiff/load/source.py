"""Where a report's bytes come from: a regular file, ``-`` (standard input), a pipe or a
device such as ``/dev/stdin`` — each read within :data:`~.limits.MAX_BYTES`."""

from __future__ import annotations

import stat
import sys
from pathlib import Path
from typing import BinaryIO

from ..errors import LoadError
from .limits import MAX_BYTES, MAX_PDF_BYTES

STDIN = "-"


def read_input(path: str | Path) -> tuple[str, bytes]:
    """The name to report errors under and the bytes of the input, or :class:`LoadError`."""
    name = str(path)
    if name == STDIN:
        if sys.stdin is None or sys.stdin.isatty():
            raise LoadError("-: standard input is a terminal; pipe a report in (… | lingdiff …)")
        return "<stdin>", _read_stream(sys.stdin.buffer, "<stdin>")
    p = Path(path)
    try:
        info = p.stat()
    except FileNotFoundError:
        raise LoadError(f"{name}: no such file") from None
    except OSError as exc:
        raise LoadError(f"{name}: cannot read ({exc.strerror or exc})") from None
    if stat.S_ISDIR(info.st_mode):
        raise LoadError(f"{name}: is a directory, not a report file")
    if stat.S_ISREG(info.st_mode):
        if info.st_size == 0:
            raise LoadError(f"{name}: the file is empty")
        if info.st_size > MAX_BYTES and not (info.st_size <= MAX_PDF_BYTES and _pdf_file(p)):
            raise LoadError(f"{name}: {_too_large(info.st_size)}")
    try:
        with p.open("rb") as fh:  # a pipe, /dev/stdin or a FIFO has no size: read up to the cap
            data = _read_stream(fh, name)
    except OSError as exc:
        raise LoadError(f"{name}: cannot read ({exc.strerror or exc})") from None
    return name, data


def _read_stream(fh: BinaryIO, name: str) -> bytes:
    data = fh.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES and is_pdf(data):  # PDFs carry fonts and images: a larger cap
        data += fh.read(MAX_PDF_BYTES - len(data) + 1)
        if len(data) > MAX_PDF_BYTES:
            raise LoadError(f"{name}: the PDF is over {MAX_PDF_BYTES // 1024 // 1024} MB")
    elif len(data) > MAX_BYTES:
        raise LoadError(f"{name}: {_too_large(None)}")
    if not data:
        raise LoadError(f"{name}: the file is empty")
    return data


def _too_large(size: int | None) -> str:
    limit = f"lingdiff reads reports up to {MAX_BYTES // 1024 // 1024} MB"
    if size is None:
        return f"the input is over {MAX_BYTES // 1024 // 1024} MB; {limit}"
    return f"the file is {size / 1024 / 1024:.1f} MB; {limit}"


def _pdf_file(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return is_pdf(fh.read(1024))
    except OSError:
        return False


def is_pdf(data: bytes) -> bool:
    """A PDF starts with ``%PDF-`` (some writers put a few bytes of junk before it)."""
    return b"%PDF-" in data[:1024]


_HTML_START = (b"<!doctype html", b"<html", b"<head", b"<meta", b"<!--", b"<title")


def is_html(data: bytes, name: str) -> bool:
    """A saved web page: named ``.html``/``.htm``, or starting like one."""
    if name.lower().endswith((".html", ".htm", ".xhtml", ".shtml")):
        return True
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith(_HTML_START) and b"<html" in data[:4096].lower()
