"""The body of a Word document as Word shows it: one line per paragraph, one per table row.

- text boxes (``mc:AlternateContent``) are read once, from the ``mc:Choice``, and their
  paragraphs follow the paragraph that anchors them;
- tracked deletions and moves away (``w:del``, ``w:moveFrom``) and hidden text
  (``w:vanish``) are skipped; field codes (``w:instrText``) are not text;
- automatic numbering (``w:numPr`` on the paragraph or its style) is written out as Word
  displays it (``一、``, ``（一）``, ``1.``) before the paragraph's text;
- a table row is one line, its non-empty cells joined by `` | ``.
"""

from __future__ import annotations

from collections.abc import Iterator
from xml.etree.ElementTree import Element

from ..errors import LoadError
from .docx_numbering import Numbering
from .limits import MAX_BYTES

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_P, _R, _T, _TBL, _TR, _TC = (W + t for t in ("p", "r", "t", "tbl", "tr", "tc"))
_TXBX = W + "txbxContent"
_BREAKS = frozenset({W + "br", W + "cr"})
_SKIP = frozenset(
    W + t
    for t in (
        "del", "moveFrom", "pPr", "rPr", "tblPr", "tblGrid", "trPr", "tcPr", "sectPr",
        "sdtPr", "instrText", "delText", "footnoteReference", "endnoteReference",
    )
)  # fmt: skip
_OFF = frozenset({"0", "false", "off"})
CELL_SEPARATOR = " | "


def body_text(
    document: Element, numbering: Element | None, styles: Element | None, name: str
) -> str:
    """The text of ``word/document.xml``: paragraphs and table rows, one per line."""
    body = document.find(W + "body")
    walker = _Walker(Numbering(numbering, styles), name)
    try:
        walker.block(body if body is not None else document, walker.lines)
    except RecursionError:
        raise LoadError(f"{name}: the .docx is nested too deeply to read") from None
    return "\n".join(walker.lines)


class _Walker:
    """Collects lines, keeping the total within the same limit as a text file."""

    def __init__(self, numbering: Numbering, name: str) -> None:
        self.numbering = numbering
        self.name = name
        self.lines: list[str] = []
        self.size = 0

    def add(self, line: str, into: list[str]) -> None:
        self.size += len(line.encode("utf-8", "surrogatepass")) + 1
        if self.size > MAX_BYTES:
            raise LoadError(
                f"{self.name}: the document's text is over {MAX_BYTES // 1024 // 1024} MB; "
                f"lingdiff reads reports up to {MAX_BYTES // 1024 // 1024} MB"
            )
        into.append(line)

    def block(self, element: Element, into: list[str]) -> None:
        """Paragraphs and tables of a block container (body, cell, text box, content control)."""
        for child in element:
            tag = child.tag
            if tag == _P:
                self.paragraph(child, into)
            elif tag == _TBL:
                self.table(child, into)
            elif tag not in _SKIP:
                self.block(child, into)

    def paragraph(self, p: Element, into: list[str]) -> None:
        parts: list[str] = []
        boxes: list[Element] = []
        self.inline(p, parts, boxes)
        text = "".join(parts)
        label = self.numbering.label(p) if text.strip() else self.numbering.label(p) and ""
        self.add(_join_label(label, text), into)
        for box in boxes:
            self.block(box, into)

    def inline(self, element: Element, parts: list[str], boxes: list[Element]) -> None:
        """The visible text of a paragraph's content; text boxes are collected in ``boxes``."""
        for child in element:
            tag = child.tag
            if tag == _T:
                parts.append(child.text or "")
            elif tag == W + "tab":
                parts.append("\t")
            elif tag in _BREAKS:
                parts.append("\n")
            elif tag in _SKIP or (tag == _R and _hidden(child)):
                continue
            elif tag == _TXBX:
                boxes.append(child)
            elif tag == MC + "AlternateContent":
                chosen = _alternative(child)
                if chosen is not None:
                    self.inline(chosen, parts, boxes)
            else:
                self.inline(child, parts, boxes)

    def table(self, tbl: Element, into: list[str]) -> None:
        for row in _children(tbl, _TR):
            if row.find(f"{W}trPr/{W}del") is not None:
                continue
            cells = []
            for cell in _children(row, _TC):
                lines: list[str] = []
                self.block(cell, lines)
                text = " ".join(line.strip() for line in lines if line.strip())
                if text:
                    cells.append(text)
            if cells:
                self.add(CELL_SEPARATOR.join(cells), into)


def _children(element: Element, tag: str) -> Iterator[Element]:
    """Direct children with ``tag``, looking through content controls and custom XML."""
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag in (W + "sdt", W + "sdtContent", W + "customXml"):
            yield from _children(child, tag)


def _hidden(run: Element) -> bool:
    vanish = run.find(f"{W}rPr/{W}vanish")
    return vanish is not None and vanish.get(W + "val", "true").lower() not in _OFF


def _alternative(alternate: Element) -> Element | None:
    """The one branch of ``mc:AlternateContent`` to read: the first Choice, else Fallback."""
    chosen = alternate.find(MC + "Choice")
    return chosen if chosen is not None else alternate.find(MC + "Fallback")


def _join_label(label: str, text: str) -> str:
    """A number label before its paragraph: ``一、`` joins directly, ``第一章`` with a space."""
    if not label:
        return text
    if label[-1].isalnum():
        return f"{label} {text.lstrip()}"
    return label + text.lstrip()
