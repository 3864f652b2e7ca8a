"""Why a headline indicator has no figure in a report.

A blank cell in a targets table can mean different things, and a researcher must not confuse
them. For every codebook row and every report, the review part is searched for the indicator's
names when the row has no actual there, and the targets and plan parts when it has no target:

* ``not stated`` — the report does not name the indicator there;
* ``stated in another measure`` — it gives a figure of the indicator, but of another measure
  (the growth of GDP, not its level);
* ``not extracted`` — it names the indicator in a clause that holds a number lingdiff did not
  read as its figure (look at the quote: this is lingdiff's gap, not the report's);
* ``stated without a figure`` — it names the indicator with no number
  (``居民收入增长与经济增长同步``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate

from ..model import Absence, Document, MetricRow
from ..records import replace
from .codebook import Codebook

_PARTS = {"actual": ("review",), "target": ("targets", "plan")}


def with_absences(
    rows: Sequence[MetricRow], docs: Sequence[Document], codebook: Codebook
) -> tuple[MetricRow, ...]:
    """The rows, each codebook row with the reason for each missing actual or target."""
    clauses = {
        (doc.key, kind): _named_clauses(_part_text(doc, parts), codebook)
        for doc in docs
        for kind, parts in _PARTS.items()
    }
    stated = {(row.code, o.doc, o.kind) for row in rows if row.code for o in row.observations}
    out = []
    for row in rows:
        entry = codebook.by_code.get(row.code) if row.code else None
        if entry is None:
            out.append(row)
            continue
        absent = []
        for doc in docs:
            for kind in ("actual", "target"):
                if row.values(doc.key, kind):  # type: ignore[arg-type]
                    continue
                found = [c for c, codes in clauses[doc.key, kind] if row.code in codes]
                if not found:
                    reason = "not stated"
                elif (row.code, doc.key, kind) in stated:
                    reason = "stated in another measure"
                elif any(_DIGIT.search(c) for c in found):
                    reason = "not extracted"
                else:
                    reason = "stated without a figure"
                absent.append(Absence(doc.key, kind, reason))  # type: ignore[arg-type]
        out.append(replace(row, absent=tuple(absent)))
    return tuple(out)


_CLAUSE_MARKS = "，。；！？\n"
_CLAUSE = re.compile(f"[{_CLAUSE_MARKS}]")
_DIGIT = re.compile(r"\d")
_MIN_NAME = 3
"""Names shorter than this (``投资``, ``粮食``) are too common to say a clause names them."""


def _named_clauses(text: str, codebook: Codebook) -> list[tuple[str, set[str]]]:
    """Each clause with the codes of the indicators it names; a name inside a longer name
    (``居民人均可支配收入`` in ``城镇居民人均可支配收入``) counts only as the longer one (the
    codebook's name scan is leftmost-longest)."""
    codes_of, scanner = codebook.name_scanner(_MIN_NAME)
    clauses = _CLAUSE.split(text)
    if any(mark in name for name in codes_of for mark in _CLAUSE_MARKS):
        named = [{codes_of[name] for _, name in scanner.scan(clause)} for clause in clauses]
        return [(clause, codes) for clause, codes in zip(clauses, named, strict=True) if codes]
    # no name crosses a clause mark: one scan of the text, each name to its clause (a set only
    # for the clauses naming one: a file of headings has hundreds of thousands of clauses)
    starts = list(accumulate((len(c) + 1 for c in clauses[:-1]), initial=0))
    named_at: dict[int, set[str]] = {}
    for pos, name in scanner.scan(text):
        named_at.setdefault(bisect_right(starts, pos) - 1, set()).add(codes_of[name])
    return [(clauses[k], codes) for k, codes in sorted(named_at.items())]


def _part_text(doc: Document, parts: tuple[str, ...]) -> str:
    return "\n".join(doc.norm[s.start : s.end] for s in doc.top_sections() if s.part in parts)
