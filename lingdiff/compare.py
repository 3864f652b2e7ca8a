"""compare(old, new) -> Comparison: the one entry point every shell uses."""

from __future__ import annotations

from pathlib import Path

from .align import align_sections, align_sentences
from .load import load_document
from .metrics import extract_observations, link_observations
from .model import Comparison, Document, Options
from .phrases import compare_phrases
from .topics import attention_shares, load_taxonomy, section_topics


def compare(old: Document, new: Document, options: Options | None = None) -> Comparison:
    """Align, diff, extract and weigh two reports; pure (no I/O beyond a --topics file)."""
    options = options or Options()
    taxonomy = load_taxonomy(options.topics_path)
    old_mix = section_topics(old, taxonomy)
    new_mix = section_topics(new, taxonomy)
    alignment = align_sections(old, new, old_mix, new_mix)
    sentence_pairs = align_sentences(old, new, alignment)
    metrics = link_observations(extract_observations(old), extract_observations(new))
    shares, diversity = attention_shares(old, new, taxonomy)
    phrases = compare_phrases(old, new)
    return Comparison(
        old=old,
        new=new,
        alignment=alignment,
        sentence_pairs=sentence_pairs,
        metrics=metrics,
        topics=shares,
        phrases=phrases,
        diversity=diversity,
        section_topics={**old_mix, **new_mix},
        options=options,
    )


def compare_files(
    old_path: str | Path, new_path: str | Path, options: Options | None = None
) -> Comparison:
    """Load two report files and compare them (raises LoadError / TaxonomyError)."""
    return compare(load_document(old_path, "old"), load_document(new_path, "new"), options)
