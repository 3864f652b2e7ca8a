"""Markdown text helpers shared by the report's parts: escaping, code spans, section titles."""

from __future__ import annotations

import re

from ..model import Document
from .common import section_label

_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}<>|#~&])")
_BACKTICKS = re.compile(r"`+")


def md(text: str) -> str:
    """Escape report text for markdown (and for HTML inside it): every sign markdown or
    HTML could read as markup, ``&`` included (so ``&lt;`` stays ``&lt;``), gets a backslash.
    Most text has none of these signs and is returned as it is, without a substitution.
    A line break between Chinese characters (a wrapped title) is dropped, others are spaces."""
    if "\n" in text:
        text = _unwrap(text)
    if _MD_SPECIAL.search(text) is None:
        return text
    return _MD_SPECIAL.sub(r"\\\1", text)


def _unwrap(text: str) -> str:
    """``text`` on one line: a break between two Chinese characters dropped, others spaces."""
    out = ""
    for k, line in enumerate(text.split("\n")):
        cjk = "\u4e00" <= out[-1:] <= "\u9fff" and "\u4e00" <= line[:1] <= "\u9fff"
        out += line if not k or cjk else " " + line
    return out


def code(text: str) -> str:
    """``text`` as an inline code span that no character of it can end or break: fenced
    with more backticks than its longest run, padded when it starts or ends with one.
    (Backslashes are literal in a code span; a ``|`` would still split a table cell, so
    code spans are used outside tables only.)"""
    text = text.replace("\n", " ")
    fence = "`" * (max((len(r) for r in _BACKTICKS.findall(text)), default=0) + 1)
    pad = " " if text[:1] in ("`", " ") or text[-1:] in ("`", " ") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def section_title(doc: Document, section_id: str) -> str:
    try:
        return section_label(doc.section(section_id))
    except KeyError:
        return ""
