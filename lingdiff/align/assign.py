"""Greedy one-to-one assignment: the strongest remaining pair first.

Section pairing, sentence pairing inside a section pair and the search for moved sentences
all pick pairs the same way: sort the candidate cells by score (ties by position, so the
result never depends on hash order), then take each cell whose row and column are both free.
Greedy rather than optimal (Hungarian) on purpose: a reader expects the most alike pair to be
paired, even when two weaker pairs would add up to more.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import TypeVar

R = TypeVar("R", bound=Hashable)
C = TypeVar("C", bound=Hashable)


def greedy_pairs(cells: Iterable[tuple[float, R, C]]) -> list[tuple[R, C, float]]:
    """One-to-one ``(row, column, score)`` pairs from ``(score, row, column)`` cells.

    Cells are taken by descending score, then ascending row and column; a cell whose row or
    column is already used is skipped. The pairs come back in the order they were taken.
    """
    ordered = sorted(cells, key=lambda c: (-c[0], c[1], c[2]))
    used_rows: set[R] = set()
    used_cols: set[C] = set()
    pairs: list[tuple[R, C, float]] = []
    for score, row, col in ordered:
        if row in used_rows or col in used_cols:
            continue
        used_rows.add(row)
        used_cols.add(col)
        pairs.append((row, col, score))
    return pairs
