"""Saved web page -> text: the article body of a government site's page, one paragraph per
line.

Parsed with lxml (libxml2's HTML parser: fast, tolerant of the broken markup such sites
serve, BSD-licensed). The charset comes from a BOM, the page's ``<meta charset>`` or
``http-equiv`` Content-Type (what the server's header said when the page was saved), else
UTF-8, else GB18030; GB2312 and GBK are read as GB18030, their superset. Scripts, styles,
navigation, headers, footers, toolbars and share bars are dropped; the article is the
element holding most paragraph text; the page's ``<h1>`` (or ``<title>``) stands first as
the report's title. ``<p>``, ``<br>``, ``<div>``, headings and list items give lines; a
table row is one line, its cells joined by `` | ``.
"""

from __future__ import annotations

import re
from typing import Any

from ..errors import LoadError

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)"""
    rb"""|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.I,
)
_GB = frozenset(
    {"gb2312", "gbk", "gb_2312-80", "x-gbk", "cp936", "gb18030", "euc-cn", "hz-gb-2312"}
)
_DROP_TAGS = (
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe",
    "button", "select", "textarea", "svg", "template", "object", "embed",
)  # fmt: skip
_DROP_CLASS = re.compile(
    r"nav|menu|header|footer|breadcrumb|crumb|toolbar|tool-bar|share|sidebar|side-bar|"
    r"copyright|banner|position|location|topbar|bottom|print|fontsize|font-size|related|"
    r"pagination|comment|login|search|qrcode|ewm",
    re.I,
)
_BLOCKS = frozenset(
    ("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "tr", "section",
     "article", "blockquote", "pre", "table", "ul", "ol", "dl", "center", "address",
     "figcaption", "caption", "td", "th")
)  # fmt: skip


def html_text(data: bytes, name: str) -> tuple[str, str]:
    """The article text of a saved web page and the charset it was read in."""
    from lxml import html as lxml_html  # imported here: only web pages need lxml

    text, charset = _decode(data, name)
    text = re.sub(r"^\ufeff?\s*<\?xml[^>]*>", "", text)  # lxml takes no declaration in a str
    try:
        root = lxml_html.document_fromstring(text)
    except Exception as exc:  # lxml raises ParserError/ValueError on empty or non-HTML input
        raise LoadError(f"{name}: the web page cannot be parsed ({exc})") from None
    title = _title(root)
    _drop_furniture(root)
    article = _article(root)
    try:
        lines = _lines(article)
    except RecursionError:
        raise LoadError(f"{name}: the web page is nested too deeply to read") from None
    if title and not any(title in line for line in lines[:3]):
        lines.insert(0, title)
    return "\n".join(lines), charset


def _decode(data: bytes, name: str) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        charset = "utf-8"
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        charset = "utf-16"
    else:
        m = _META_CHARSET.search(data[:8192])
        charset = (m.group(1) or m.group(2)).decode("ascii").lower() if m else ""
    if charset in _GB:
        charset = "gb18030"
    for candidate in [charset] if charset else ["utf-8", "gb18030"]:
        try:
            return data.decode(candidate), candidate
        except LookupError:
            raise LoadError(f"{name}: the web page declares an unknown charset {charset}") from None
        except UnicodeDecodeError as exc:
            if charset:
                raise LoadError(
                    f"{name}: cannot decode the web page as {charset.upper()}: invalid bytes at "
                    f"byte offset {exc.start}"
                ) from None
    raise LoadError(f"{name}: cannot decode the web page (tried UTF-8 and GB18030)")


def _title(root: Any) -> str:
    for path in ("//h1", "//title"):
        for node in root.xpath(path):
            text = " ".join(node.text_content().split())
            if text:
                return re.split(r"[_|｜]", text)[0].strip() if path == "//title" else text
    return ""


def _drop_furniture(root: Any) -> None:
    """Drop scripts, navigation, headers, footers, toolbars: by tag, or by a class or id that
    names them, unless the element holds a third of the page's text (then it is the article)."""
    for node in list(root.iter(*_DROP_TAGS)):
        if node.getparent() is not None:
            node.drop_tree()
    total = len(root.text_content())
    for node in list(root.iter()):
        if not isinstance(node.tag, str) or node.tag in ("html", "body"):
            continue
        marks = f"{node.get('class', '')} {node.get('id', '')}"
        if not marks.strip() or not _DROP_CLASS.search(marks) or node.getparent() is None:
            continue
        if len(node.text_content()) * 3 < total:
            node.drop_tree()


def _article(root: Any) -> Any:
    """The element whose paragraphs hold most of the page's text."""
    scores: dict[Any, int] = {}
    for node in root.iter("p", "br", "div", "td"):
        parent = node.getparent() if node.tag in ("p", "br") else node
        if parent is None:
            continue
        own = len((node.text or "").strip()) + len((node.tail or "").strip())
        if node.tag == "p":
            own = len(node.text_content().strip())
        scores[parent] = scores.get(parent, 0) + own
    body = root.find("body")
    if not scores:
        return body if body is not None else root
    best = max(scores, key=lambda n: scores[n])
    return best


def _lines(element: Any) -> list[str]:
    """The text of an element, a line per block, ``<br>`` or table row."""
    out: list[str] = []
    current: list[str] = []

    def flush() -> None:
        line = " ".join("".join(current).split(" ")).strip()
        if line:
            out.append(line)
        current.clear()

    def walk(node: Any) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag == "tr":
            flush()
            cells = [" ".join(c.text_content().split()) for c in node if c.tag in ("td", "th")]
            line = " | ".join(c for c in cells if c)
            if line:
                out.append(line)
        else:
            if tag in _BLOCKS:
                flush()
            if tag == "br":
                flush()
            elif node.text and tag:
                current.append(node.text)
            for child in node:
                walk(child)
            if tag in _BLOCKS:
                flush()
        if node.tail:
            current.append(node.tail)

    walk(element)
    flush()
    return [re.sub(r"[ \t\r\n]+", " ", line) for line in out]
