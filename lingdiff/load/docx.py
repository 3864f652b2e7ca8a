"""``.docx`` -> text: the body paragraphs of a Word document, in order, one per line.

Read with the standard library (zipfile + ElementTree): a .docx is a zip of XML.
"""

from __future__ import annotations

from ..errors import LoadError
from .limits import MAX_BYTES

_DOCX_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_text(data: bytes, name: str) -> str:
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
