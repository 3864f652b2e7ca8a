"""Turn a file (bytes) into clean report text, or fail with one clear :class:`LoadError`.

Reads ``.txt`` in UTF-8 (with or without BOM), UTF-16 (with BOM, or plainly
recognisable without one) and GB18030/GBK, and ``.docx`` (body paragraphs in
order). Removes conversion artifacts (``[bookmark: _GoBack]``, zero-width
characters), trims lines and drops blank ones. :func:`normalise` gives the
same-length analysis copy (full-width ASCII folded, ASCII punctuation in
Chinese text made full-width) so offsets are shared between the two.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model import DocKey, Document

MAX_BYTES = 5 * 1024 * 1024
"""Largest input read. A report is 30–100 KB (a national 政府工作报告 ~60 KB); 5 MB is fifty
reports' worth, still processed in seconds, and keeps a wrong file from eating time and memory."""

_DOCX_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

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

_ARTIFACT = re.compile(r"\[(?:bookmark|anchor|image|comment):[^\]\n]{0,120}\]", re.IGNORECASE)
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# The same pattern text as in keyterms and phrases, so re's cache compiles it once (a range
# of Chinese characters takes ~1 ms to compile).
_NON_CJK = re.compile(r"[^\u4e00-\u9fff]+")


class LoadError(Exception):
    """A file lingdiff cannot read; the message is one line naming the file and the problem."""


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
        raw = _docx_text(data, name)
    else:
        _refuse_known_binary(data, name)
        raw = _decode_bytes(data, name)
    text = clean_text(raw)
    if not text.strip():
        raise LoadError(f"{name}: the file has no text")
    if _NON_CJK.fullmatch(text):
        raise LoadError(f"{name}: no Chinese text found; this does not look like a report")
    return text


def _refuse_known_binary(data: bytes, name: str) -> None:
    for magic, what in _MAGIC:
        if data.startswith(magic):
            if magic == b"BM" and not (len(data) > 14 and data[6:10] == b"\x00\x00\x00\x00"):
                continue
            raise LoadError(f"{name}: is {what or 'a BMP image'}, not a text report")


def _decode_bytes(data: bytes, name: str) -> str:
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


def _docx_text(data: bytes, name: str) -> str:
    """Body paragraphs of a .docx, in order, one per line (tables' paragraphs included)."""
    # Imported here: zipfile and ElementTree cost ~5 ms to import, and most reports are .txt.
    import io
    import zipfile
    from xml.etree import ElementTree

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            try:
                info = zf.getinfo("word/document.xml")
            except KeyError:
                raise LoadError(f"{name}: a zip file that is not a Word .docx document") from None
            if info.file_size > MAX_BYTES * 5:
                raise LoadError(f"{name}: the document is too large to read")
            xml = zf.read(info)
    except zipfile.BadZipFile:
        raise LoadError(f"{name}: a damaged .docx/zip file") from None
    try:
        root = ElementTree.fromstring(xml)
    except ElementTree.ParseError:
        raise LoadError(f"{name}: the .docx has unreadable XML") from None
    paragraphs: list[str] = []
    for para in root.iter(f"{_DOCX_NS}p"):
        parts: list[str] = []
        for node in para.iter():
            if node.tag == f"{_DOCX_NS}t" and node.text:
                parts.append(node.text)
            elif node.tag == f"{_DOCX_NS}tab":
                parts.append("\t")
            elif node.tag in (f"{_DOCX_NS}br", f"{_DOCX_NS}cr"):
                parts.append("\n")
        paragraphs.append("".join(parts))
    return "\n".join(paragraphs)


def clean_text(raw: str) -> str:
    """Remove conversion artifacts, unify line breaks, trim lines, drop blank lines.

    Characters inside a line are kept as written (quotes stay faithful); only
    the artifacts and invisible characters go.
    """
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n").replace("\f", "\n")
    text = _ARTIFACT.sub("", text)
    text = _INVISIBLE.sub("", text)
    text = text.replace("\u00a0", " ")
    lines = (line.strip(" \t\u3000\v") for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


_FOLD = {chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}
# Keep the full-width forms that Chinese prose uses as its own punctuation.
for _ch in "，。：；？！（）":
    _FOLD.pop(_ch, None)
_FOLD.update({"\u3000": " ", "．": ".", "－": "-", "～": "~", "﹪": "%", "\u2014": "—"})
_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
# One pass over the text finds both kinds of change; the few matches are decided in Python
# (str.translate with a dict costs ~0.7 ms per report, this ~0.05 ms).
_NORMALISE = re.compile("[" + re.escape("".join(_FOLD) + "".join(_TO_FULL) + ".") + "]")
_CN_NUMERALS = frozenset("一二三四五六七八九十")


def normalise(text: str) -> str:
    """The analysis copy of clean text: same length, same offsets, one spelling per sign.

    Full-width digits, letters and ``％．－`` become ASCII; ASCII ``,;:?!()`` in
    Chinese prose become full-width (but ``1,200`` and ``10:30`` keep theirs); a dot
    between two Chinese characters becomes ``。``.
    """
    return _NORMALISE.sub(_normal_form, text)


def _normal_form(m: re.Match[str]) -> str:
    ch = m.group()
    if ch in ".．":
        # a dot between two Chinese characters ends a sentence (``935亿元.争取``), unless it
        # follows a numeral heading (``一.``); elsewhere it is a decimal point or an item dot
        i, text = m.start(), m.string
        prev, nxt = text[i - 1 : i], text[i + 1 : i + 2]
        if _is_han(prev) and _is_han(nxt) and prev not in _CN_NUMERALS:
            return "。"
        return "."
    folded = _FOLD.get(ch)
    if folded is not None:
        return folded
    # ASCII ,;:?!(): the neighbours are judged folded (no fold yields one of these signs).
    i, text = m.start(), m.string
    prev = _FOLD.get(text[i - 1], text[i - 1]) if i else ""
    nxt = text[i + 1 : i + 2]
    nxt = _FOLD.get(nxt, nxt)
    if ch in ",:" and prev.isdigit() and nxt.isdigit():
        return ch
    if ch in "()" and _ascii_context(prev, nxt):
        return ch
    return _TO_FULL[ch]


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _ascii_context(prev: str, nxt: str) -> bool:
    return (prev.isascii() and prev.isalpha()) or (nxt.isascii() and nxt.isalpha())


def load_document(path: str | Path, key: DocKey) -> Document:
    """Read a report file and build its outline (see :func:`lingdiff.outline.parse_document`)."""
    from ..outline import parse_document

    return parse_document(read_text(path), key=key, path=str(path))
