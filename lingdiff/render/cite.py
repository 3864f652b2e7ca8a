"""Comparison -> the two sources as citations: BibTeX (``--format bibtex``) and CSL-JSON
(``--format csl-json``, for Zotero, Pandoc and other reference managers).

Title, publisher, date and URL come from the sidecar metadata where given; else the title
is the report's own and the year its plan year. The note names the file and its sha256 so
the exact version read can be checked.
"""

from __future__ import annotations

import json
import re
from typing import Any

from ..model import Comparison, Document


def render_bibtex(c: Comparison) -> str:
    """Both reports as BibTeX ``@techreport`` entries (publisher as institution)."""
    entries = []
    for doc in (c.old, c.new):
        item = _item(doc)
        fields = [("title", item["title"]), ("institution", item.get("publisher", ""))]
        year, month = _year_month(item.get("date", ""), doc)
        fields += [("year", year), ("month", month), ("url", item.get("url", ""))]
        fields.append(("note", item["note"]))
        body = ",\n".join(f"  {k} = {{{_bib_escape(v, url=k == 'url')}}}" for k, v in fields if v)
        entries.append(f"@techreport{{{item['id']},\n{body}\n}}\n")
    return "\n".join(entries)


def render_csl_json(c: Comparison) -> str:
    """Both reports as CSL-JSON items of type ``report``."""
    items = []
    for doc in (c.old, c.new):
        item = _item(doc)
        csl: dict[str, Any] = {"id": item["id"], "type": "report", "title": item["title"]}
        if item.get("publisher"):
            csl["publisher"] = item["publisher"]
        parts = _date_parts(item.get("date", ""), doc)
        if parts:
            csl["issued"] = {"date-parts": [parts]}
        if item.get("url"):
            csl["URL"] = item["url"]
        csl["note"] = item["note"]
        items.append(csl)
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


def _item(doc: Document) -> dict[str, str]:
    s = doc.source
    item = {k: v for k, v in s.meta}
    item["title"] = item.get("title") or doc.title or s.name or doc.path
    item["id"] = f"lingdiff-{doc.key}-{(s.sha256 or '0' * 8)[:8]}"
    item["note"] = f"File {s.name or doc.path}, {s.size} bytes, SHA-256 {s.sha256}"
    return item


def _date_parts(date: str, doc: Document) -> list[int]:
    m = re.match(r"(\d{4})(?:\D+(\d{1,2}))?(?:\D+(\d{1,2}))?", date)
    if m:
        return [int(x) for x in m.groups() if x]
    return [doc.plan_year] if doc.plan_year else []


def _year_month(date: str, doc: Document) -> tuple[str, str]:
    parts = _date_parts(date, doc)
    year = str(parts[0]) if parts else ""
    return year, str(parts[1]) if len(parts) > 1 else ""


def _bib_escape(text: str, *, url: bool = False) -> str:
    """Braces and backslashes balanced away; TeX specials escaped (URLs keep theirs)."""
    text = text.replace("\\", "/").replace("{", "(").replace("}", ")")
    return text if url else re.sub(r"([&%$#_])", r"\\\1", text)
