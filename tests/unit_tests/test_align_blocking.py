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


@pytest.mark.parametrize("budget", ["SCORE_BUDGET", "WORK_BUDGET"])
def test_past_the_score_budget_siblings_pair_in_document_order(
    monkeypatch: pytest.MonkeyPatch, budget: str
) -> None:
    import lingdiff.align.sections as sections

    old, new = seed("old"), seed("new")
    full = align_sections_only(old, new)
    assert not any("paired in order" in p.reason for p in full)
    monkeypatch.setattr(sections, budget, 0)
    spent = align_sections_only(old, new)
    in_order = [p for p in spent if "paired in order" in p.reason]
    assert in_order and all(len(p.old) == len(p.new) == 1 for p in in_order)
    assert {p.status for p in in_order} == {"matched"}
    assert not any("shared:" in p.reason for p in in_order)  # placed, not explained by words


def align_sections_only(old: Document, new: Document) -> tuple:
    taxonomy = load_taxonomy()
    return align_sections(old, new, section_topics(old, taxonomy), section_topics(new, taxonomy))
