"""Alignment is blocked by section: sentences are compared only within their section pair,
never all against all. (Timings are measured by benchmarks/bench.py, not by tests.)"""

from __future__ import annotations

from collections.abc import Callable

import pytest

import lingdiff.align.sentence_scores as sentsim
from lingdiff.align import align_sections, align_sentences
from lingdiff.model import Document
from lingdiff.topics import load_taxonomy, section_topics
from tests.helpers import seed


def alignment_run(old: Document, new: Document) -> Callable[[], object]:
    """A function running both alignments (topic mixes computed beforehand, as compare does)."""
    taxonomy = load_taxonomy()
    old_mix, new_mix = section_topics(old, taxonomy), section_topics(new, taxonomy)

    def run() -> object:
        pairs = align_sections(old, new, old_mix, new_mix)
        return align_sentences(old, new, pairs)

    return run


def test_sentences_are_compared_only_within_their_pairs(monkeypatch: pytest.MonkeyPatch) -> None:
    compared = 0
    extract = sentsim.process.extract

    def counting(query: str, choices: dict, **kw: object) -> list:
        nonlocal compared
        compared += len(choices)
        return extract(query, choices, **kw)

    monkeypatch.setattr(sentsim.process, "extract", counting)
    old, new = seed("old"), seed("new")
    alignment_run(old, new)()
    assert 0 < compared < 0.1 * len(old.sentences) * len(new.sentences)
