"""Bytes of a plain-text report -> str: BOMs, BOM-less UTF-16, UTF-8, GB18030/GBK.

Known binary formats (images, old .doc, archives, executables) are refused by their
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
    (b"\xd0\xcf\x11\xe0", "an old Word/Office file (.doc); save it as .docx"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BM", ""),  # checked more closely below; "BM" also starts ordinary text
    (b"RIFF", "a RIFF media file"),
    (b"\x7fELF", "an executable"),
)


def refuse_known_binary(data: bytes, name: str) -> None:
    """Refuse images, PDFs, old Office files, archives and executables by their magic bytes."""
    if data.startswith(b"\xd0\xcf\x11\xe0") and "EncryptedPackage".encode("utf-16-le") in data:
        raise LoadError(
            f"{name}: is an encrypted (password-protected) Office document; save an open copy"
        )
    for magic, what in _MAGIC:
        if data.startswith(magic):
            if magic == b"BM" and not (len(data) > 14 and data[6:10] == b"\x00\x00\x00\x00"):
                continue
            raise LoadError(f"{name}: is {what or 'a BMP image'}, not a text report")


def decode_bytes(data: bytes, name: str) -> str:
    """The text of a plain-text report (see :func:`decode_with_encoding`)."""
    return decode_with_encoding(data, name)[0]


def decode_with_encoding(data: bytes, name: str) -> tuple[str, str]:
    """The text of a plain-text report and the encoding it was read in, or :class:`LoadError`.

    BOMs first, then BOM-less UTF-16, UTF-8 and GB18030 (which takes GBK and GB2312). A
    GB18030 reading that is not plausibly Chinese (Shift-JIS or Big5 bytes decode without
    error as rare characters) is refused rather than read as mojibake.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(data[3:], "utf-8", name, 3), "utf-8"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(data, "utf-16", name), "utf-16"
    utf16 = _sniff_utf16(data)
    if utf16:
        return _strict(data, utf16, name), utf16
    # A stray NUL or other control is stripped and counted when the file is cleaned; many of
    # them (over the whole file) mean binary data.
    controls = len(data.translate(None, _NOT_CONTROL_BYTES))  # one pass in C
    if controls > max(2, len(data) // 200):
        raise LoadError(f"{name}: contains binary data (control bytes), not a text report")
    try:
        return _checked(data.decode("utf-8"), name), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc.start
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise LoadError(
            f"{name}: cannot decode the text: invalid bytes at byte offset {utf8_error} for "
            f"UTF-8 and at byte offset {exc.start} for GB18030 (UTF-16 does not fit either)"
        ) from None
    _refuse_mojibake(data, text, name)
    return _checked(text, name), "gb18030"


_CONTROL_BYTES = bytes((*range(0, 9), *range(14, 27), *range(28, 32)))
_NOT_CONTROL_BYTES = bytes(b for b in range(256) if b not in _CONTROL_BYTES)


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _strict(data: bytes, encoding: str, name: str, skipped: int = 0) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise LoadError(
            f"{name}: cannot decode the text as {encoding.upper()}: invalid bytes at byte "
            f"offset {exc.start + skipped}"
        ) from None
    return _checked(text, name)


def _checked(text: str, name: str) -> str:
    if not _looks_like_text(text):
        raise LoadError(f"{name}: contains binary data, not a text report")
    return text


def _refuse_mojibake(data: bytes, text: str, name: str) -> None:
    """Refuse a GB18030 reading in which Chinese characters outside GB2312 abound.

    A real GB-encoded report is >99% GB2312 characters; Shift-JIS kana and Big5 text decode
    as rare GBK characters instead.
    """
    wide = len(text) - len(text.encode("ascii", errors="ignore"))
    if wide < 20:
        return
    outside = len(text.encode("gb2312", errors="replace")) - len(text.encode("gb2312", "ignore"))
    if outside <= wide // 10:
        return
    guess = "Big5 (traditional Chinese) or Shift-JIS (Japanese)"
    fits = [enc for enc in ("big5", "shift_jis") if _decodes(data, enc)]
    if fits == ["big5"]:
        guess = "Big5 (traditional Chinese)"
    elif fits == ["shift_jis"]:
        guess = "Shift-JIS (Japanese)"
    raise LoadError(
        f"{name}: not UTF-8, UTF-16 or GB18030/GBK text (it looks like {guess}); "
        "save it as UTF-8 and try again"
    )


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
    bad = len(_BINARY_CHAR.findall(text))  # the whole text: binary can follow 20 KB of prose
    return bad <= max(2, len(text) // 200)
