"""PDF -> text: the report's paragraphs in reading order, with the page each one is on.

Read with pypdfium2 (PDFium, Apache/BSD; not PyMuPDF, which is AGPL). Per page, lines in
reading order (top to bottom, runs on one baseline joined left to right); running headers
and footers (the same text at the top or bottom of most pages) and page numbers
(``- 7 -``, ``第7页``, ``7/30``) removed; lines that a hard wrap or a page break split joined
back into paragraphs: a line that reaches the right margin continues on the next line if
that one starts flush left. Headings (short lines, numbered lines) stay lines of their own.

A scanned PDF (no text layer), an encrypted one, or one whose fonts map to no Unicode is
refused with one line saying what is needed (OCR, or an unprotected copy).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from statistics import median

from ..errors import LoadError

_PAGE_NUMBER = re.compile(
    r"^[-—–－\s]*(?:\d{1,4}|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d+\s*页)?|\d{1,4}\s*/\s*\d{1,4})"
    r"[-—–－\s]*$"
)
_HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十\d]+）|\d{1,2}[.．、](?!\d))"
)
_GARBAGE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd\ue000-\uf8ff]")
"""What PDFium gives for glyphs without Unicode: raw codes (controls), U+FFFD, private use."""
_FURNITURE_LINES = 2
"""How many lines at the top and at the bottom of a page may be running headers/footers."""


@dataclass
class _Line:
    text: str
    page: int
    x0: float
    x1: float
    y: float
    size: float


def pdf_text(data: bytes, name: str) -> tuple[str, tuple[int, ...]]:
    """The text of a PDF report (one paragraph per line) and where each page begins in it."""
    import pypdfium2 as pdfium  # imported here: only PDFs need PDFium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise LoadError(
                f"{name}: the PDF is encrypted (password-protected); save an unprotected copy"
            ) from None
        raise LoadError(f"{name}: a damaged PDF file ({exc})") from None
    try:
        pages = [_page_lines(pdf, i) for i in range(len(pdf))]
    finally:
        pdf.close()
    _refuse_without_text(pages, name)
    body = _without_furniture(pages)
    return _paragraphs(body, len(pages))


def _page_lines(pdf: object, index: int) -> list[_Line]:
    """The text lines of one page, top to bottom, with their left and right ends."""
    page = pdf[index]  # type: ignore[index]
    textpage = page.get_textpage()
    try:
        text = textpage.get_text_range()
        boxes = len(text) == textpage.count_chars()  # one UTF-16 unit per char: boxes line up
        lines: list[_Line] = []
        for m in re.finditer(r"[^\r\n]+", text):
            raw = m.group()
            stripped = raw.strip()
            if not stripped:
                continue
            first = m.start() + len(raw) - len(raw.lstrip())
            last = m.start() + len(raw.rstrip()) - 1
            if boxes:
                left, bottom, right_first, _ = textpage.get_charbox(first)
                _, _, right, _ = textpage.get_charbox(last)
                size = max(1.0, right_first - left)
            else:
                left, bottom, right, size = 0.0, -len(lines), 0.0, 12.0
            lines.append(_Line(_unspaced(stripped), index + 1, left, right, bottom, size))
    finally:
        textpage.close()
        page.close()
    return _baselines(lines)


_SPACED = re.compile(
    r"(?<=[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]) (?=[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef])"
)


_LETTER_SPACE = re.compile(r"(?<![A-Za-z ]) (?! )|(?<![ ]) (?![A-Za-z ])")


def _unspaced(text: str) -> str:
    """A letter-spaced line (``地 区 生 产 总 值``, as some PDF writers emit Chinese) without
    the spaces; a line with an occasional space keeps it."""
    spaces = len(_SPACED.findall(text))
    if spaces < 4 or spaces * 3 < len(text) // 2:
        return text
    return _LETTER_SPACE.sub("", text)  # every single space but one between two English words


def _baselines(lines: list[_Line]) -> list[_Line]:
    """Lines sorted top to bottom; runs on one baseline joined left to right."""
    lines.sort(key=lambda ln: (-round(ln.y, 0), ln.x0))
    out: list[_Line] = []
    for line in lines:
        prev = out[-1] if out else None
        if prev and abs(prev.y - line.y) < 0.3 * line.size and line.x0 >= prev.x1 - 1:
            gap = " " if line.x0 - prev.x1 > 2 * line.size else ""
            prev.text += gap + line.text
            prev.x1 = line.x1
        else:
            out.append(line)
    return out


def _refuse_without_text(pages: list[list[_Line]], name: str) -> None:
    chars = sum(len(ln.text) for page in pages for ln in page)
    if chars < 20 * max(1, len(pages)):
        raise LoadError(
            f"{name}: the PDF has no text layer (a scanned document?); it needs OCR first"
        )
    garbage = sum(len(_GARBAGE.findall(ln.text)) for page in pages for ln in page)
    if garbage > chars // 20:
        raise LoadError(
            f"{name}: the PDF's fonts give no Unicode text (glyphs without characters); "
            "it needs OCR first"
        )


def _without_furniture(pages: list[list[_Line]]) -> list[_Line]:
    """Every line but running headers, footers and page numbers."""

    def key(line: _Line) -> str:
        return re.sub(r"\d+", "#", re.sub(r"\s+", "", line.text))

    edges: Counter[str] = Counter()
    for page in pages:
        edge = page[:_FURNITURE_LINES] + page[-_FURNITURE_LINES:]
        edges.update({key(ln) for ln in edge})
    repeated = max(2, len(pages) * 2 // 5)
    body: list[_Line] = []
    for page in pages:
        n = len(page)
        for i, line in enumerate(page):
            at_edge = i < _FURNITURE_LINES or i >= n - _FURNITURE_LINES
            if at_edge and (_PAGE_NUMBER.match(line.text) or edges[key(line)] >= repeated):
                continue
            body.append(line)
    return body


def _paragraphs(lines: list[_Line], n_pages: int) -> tuple[str, tuple[int, ...]]:
    """Join wrapped lines into paragraphs; where each page begins in the text."""
    if not lines:
        return "", tuple(0 for _ in range(n_pages))
    left = Counter(round(ln.x0) for ln in lines).most_common(1)[0][0]
    right = sorted(ln.x1 for ln in lines)[int(0.9 * (len(lines) - 1))]
    char = median(ln.size for ln in lines)
    out: list[str] = []
    size = 0
    page_starts = [0] * (n_pages + 1)
    seen_page = 0
    prev: _Line | None = None
    for line in lines:
        joins = (
            prev is not None
            and prev.x1 >= right - 1.5 * char
            and line.x0 <= left + 0.5 * char
            and not _HEADING.match(line.text)
        )
        if prev is not None and not joins:
            out.append("\n")
            size += 1
        elif joins and prev is not None and _word_break(prev.text[-1:], line.text[:1]):
            out.append(" ")  # two English words wrapped apart
            size += 1
        while seen_page < line.page:
            seen_page += 1
            page_starts[seen_page] = size
        out.append(line.text)
        size += len(line.text)
        prev = line
    while seen_page < n_pages:
        seen_page += 1
        page_starts[seen_page] = size
    return "".join(out), tuple(page_starts[1:])


def _word_break(before: str, after: str) -> bool:
    """Two English words wrapped apart get a space back; digits of one number never do."""
    return before.isascii() and after.isascii() and before.isalpha() and after.isalpha()
