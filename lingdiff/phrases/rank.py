"""How distinctive a phrase's change is: the measure phrases are ranked by, not raw counts.

A phrase used 12 times in the new report and never in the old says more than one used 30
times in both; 高质量发展 going from 8 to 25 says more than 农村 going from 30 to 14. The score
is the size of the log-ratio of the two counts (each plus a half, so a count of 0 is finite)
times the log of how often the phrase is used at all, so that a phrase seen once is not
ranked by a ratio alone.
"""

from __future__ import annotations

from math import log2

from ..model import PhraseRow

SMOOTHING = 0.5
"""Added to each count before the ratio (a phrase absent from one report has a finite ratio)."""


def distinctiveness(row: PhraseRow) -> float:
    """How much the phrase's use changed, weighed by how much it is used (0 when unchanged)."""
    ratio = (row.new_count + SMOOTHING) / (row.old_count + SMOOTHING)
    return abs(log2(ratio)) * log2(1 + row.old_count + row.new_count)


def ranked(rows: list[PhraseRow] | tuple[PhraseRow, ...]) -> list[PhraseRow]:
    """Phrases by distinctiveness, most distinctive first (ties: by phrase)."""
    return sorted(rows, key=lambda p: (-distinctiveness(p), p.phrase))
