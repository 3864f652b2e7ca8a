"""Bytes of a plain-text report -> str: BOMs, BOM-less UTF-16, UTF-8, GB18030/GBK.

Known binary formats (images, PDF, old .doc, archives, executables) are refused by their
magic bytes; text that decodes only by luck (many controls or private-use characters) too.
"""

from __future__ import annotations

import re

from ..errors import LoadError

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF", "a PDF file (convert it to text or .docx first)"),
    (b"\xd0\xcf\x11\xe0", "an old Word/Office file (.doc); save it as .docx"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BM", ""),  # checked more closely below; "BM" also starts ordinary text
    (b"RIFF", "a RIFF media file"),
    (b"\x7fELF", "an executable"),
)


def refuse_known_binary(data: bytes, name: str) -> None:
    for magic, what in _MAGIC:
        if data.startswith(magic):
            if magic == b"BM" and not (len(data) > 14 and data[6:10] == b"\x00\x00\x00\x00"):
                continue
            raise LoadError(f"{name}: is {what or 'a BMP image'}, not a text report")


def decode_bytes(data: bytes, name: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(data[3:], "utf-8", name)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(data, "utf-16", name)
    utf16 = _sniff_utf16(data)
    if utf16:
        return _strict(data, utf16, name)
    if b"\x00" in data[:4096]:
        raise LoadError(f"{name}: contains binary data (NUL bytes), not a text report")
    for encoding in ("utf-8", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return text
    raise LoadError(f"{name}: cannot decode the text (tried UTF-8, UTF-16 and GB18030)")


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        raise LoadError(f"{name}: cannot decode the text as {encoding.upper()}") from None
    if not _looks_like_text(text):
        raise LoadError(f"{name}: contains binary data, not a text report")
    return text


# Compiled on first use (a CJK range costs ~1 ms to compile): only BOM-less UTF-16 needs it.
_PLAUSIBLE = r"[\n\r\t\x20-\x7e\u2000-\u206f\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]"


def _sniff_utf16(data: bytes) -> str | None:
    """Recognise BOM-less UTF-16: the byte order whose decoding reads as Chinese/ASCII text."""
    sample = data[:4096]
    if len(data) % 2 or b"\x00" not in sample:
        return None
    best, best_score = None, 0.0
    plausible = re.compile(_PLAUSIBLE)
    for encoding in ("utf-16-le", "utf-16-be"):
        text = sample.decode(encoding, errors="replace")  # a cut surrogate pair is fine
        score = len(plausible.findall(text)) / max(1, len(text))
        if score > best_score:
            best, best_score = encoding, score
    return best if best_score >= 0.9 else None


# Controls other than \t \n \f \r, private-use characters and U+FFFD (a decoding error).
_BINARY_CHAR = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\ue000-\uf8ff\ufffd]")


def _looks_like_text(text: str) -> bool:
    """False when too many characters are controls or private-use: binary decoded by luck."""
    if not text:
        return False
    sample = text[:20000]
    bad = len(_BINARY_CHAR.findall(sample))
    return bad <= max(2, len(sample) // 200)
