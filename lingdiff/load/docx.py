"""``.docx`` -> text: a Word document's body as Word shows it, one paragraph per line.

Read with the standard library (zipfile + ElementTree): a .docx is a zip of XML. This module
opens the container safely (encrypted or damaged members, unusual compression, a DOCTYPE
that could amplify entities, oversized members are refused with a named error);
:mod:`.docx_body` walks the XML (text boxes once, tracked deletions and hidden text
skipped, automatic numbering written out, tables row by row).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..errors import LoadError
from .limits import MAX_BYTES

if TYPE_CHECKING:
    import zipfile
    from xml.etree.ElementTree import Element

_MEMBER_LIMIT = MAX_BYTES * 5
"""Largest XML member unpacked: Word's markup is 3–10× the text it holds."""
_DECLARED = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_DOCTYPE = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_XML_ENCODINGS = frozenset({"utf-8", "utf8", "utf-16", "utf16", "us-ascii", "ascii"})


def docx_text(data: bytes, name: str) -> str:
    """Body paragraphs of a .docx, in order, one per line (tables one row per line)."""
    # Imported here: zipfile and ElementTree cost ~5 ms to import, and most reports are .txt.
    import io
    import zipfile

    from .docx_body import body_text

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            try:
                zf.getinfo("word/document.xml")
            except KeyError:
                raise LoadError(f"{name}: a zip file that is not a Word .docx document") from None
            document = parse_xml(_member(zf, "word/document.xml", name), name, "document.xml")
            extra = {}
            for member in ("numbering", "styles"):
                if f"word/{member}.xml" in zf.namelist():
                    xml = _member(zf, f"word/{member}.xml", name)
                    extra[member] = parse_xml(xml, name, f"{member}.xml")
    except zipfile.BadZipFile:
        raise LoadError(f"{name}: a damaged .docx/zip file") from None
    return body_text(document, extra.get("numbering"), extra.get("styles"), name)


def _member(zf: zipfile.ZipFile, member: str, name: str) -> bytes:
    """The bytes of one zip member, or a :class:`LoadError` saying why it cannot be read."""
    import zipfile
    import zlib

    info = zf.getinfo(member)
    if info.flag_bits & 0x1:
        raise LoadError(f"{name}: the .docx is encrypted (password-protected); save an open copy")
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise LoadError(
            f"{name}: {member} uses zip compression method {info.compress_type}, which lingdiff "
            "does not read; re-save the document in Word"
        )
    if info.file_size > _MEMBER_LIMIT:
        raise LoadError(f"{name}: the document is too large to read ({member})")
    try:
        with zf.open(info) as fh:
            xml = fh.read(_MEMBER_LIMIT + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as exc:
        raise LoadError(f"{name}: a damaged .docx: {member} cannot be unpacked ({exc})") from None
    except (RuntimeError, NotImplementedError) as exc:
        raise LoadError(f"{name}: {member} cannot be unpacked ({exc})") from None
    if len(xml) > _MEMBER_LIMIT:
        raise LoadError(f"{name}: the document is too large to read ({member})")
    return xml


def parse_xml(xml: bytes, name: str, member: str) -> Element:
    """Parse one Office XML member, refusing a DOCTYPE and encodings Office never writes."""
    from xml.etree import ElementTree

    if xml.startswith((b"\xff\xfe", b"\xfe\xff")):
        xml = xml.decode("utf-16", errors="replace").encode("utf-8", errors="replace")
        xml = re.sub(rb"^\s*(<\?xml[^>]*?)encoding\s*=\s*[\"'][^\"']*[\"']", rb"\1", xml)
    head = xml[:4096]
    if _DOCTYPE.search(xml):  # the C search over the whole member costs ~1 ms per MB
        raise LoadError(f"{name}: {member} contains a DOCTYPE (Word never writes one); refused")
    declared = _DECLARED.match(head)
    if declared and declared.group(1).decode().lower() not in _XML_ENCODINGS:
        raise LoadError(
            f"{name}: {member} declares the encoding {declared.group(1).decode()}, which Office "
            "XML never uses; re-save the document in Word"
        )
    try:
        return ElementTree.fromstring(xml)
    except ElementTree.ParseError as exc:
        line = exc.position[0] if exc.position else "?"
        raise LoadError(f"{name}: the .docx has unreadable XML ({member}, line {line})") from None
    except ValueError as exc:  # e.g. "multi-byte encodings are not supported"
        raise LoadError(f"{name}: the .docx has unreadable XML ({member}: {exc})") from None
