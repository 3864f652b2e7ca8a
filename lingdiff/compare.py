"""compare(old, new) -> Comparison: the one entry point every shell uses."""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from .align import align_sections, align_sentences
from .figures import extract_observations, link_observations
from .figures.absence import with_absences
from .figures.codebook import load_codebook
from .model import Comparison, Document, MetricRow, Options, Topic
from .phrases import compare_phrases
from .reading import load_document
from .topics import (
    attention_shares,
    dominant_topic,
    load_taxonomy,
    section_topics,
    sentence_topics,
    topic_mix,
)


def compare(old: Document, new: Document, options: Options | None = None) -> Comparison:
    """Align, diff, extract and weigh two reports; pure (no I/O beyond a --topics file)."""
    options = options or Options()
    taxonomy = load_taxonomy(options.topics_path)
    old_mix = section_topics(old, taxonomy)
    new_mix = section_topics(new, taxonomy)
    alignment = align_sections(old, new, old_mix, new_mix)
    sentence_pairs = align_sentences(old, new, alignment)
    sentence_mix = {"old": sentence_topics(old, taxonomy), "new": sentence_topics(new, taxonomy)}
    codebook = load_codebook(options.indicators_path)
    metrics = link_observations(
        extract_observations(old, codebook), extract_observations(new, codebook)
    )
    metrics = with_absences(metrics, (old, new), codebook)
    metrics = _with_topics(metrics, (old, new), sentence_mix, taxonomy)
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
        sentence_topics=sentence_mix,
        options=options,
    )


def _with_topics(
    rows: Sequence[MetricRow],
    docs: tuple[Document, Document],
    sentence_mix: dict[str, dict[int, dict[str, float]]],
    taxonomy: Sequence[Topic],
) -> tuple[MetricRow, ...]:
    """Give each indicator its topic: the words of its name (counted twice) and the topic
    mixes of the sentences quoting it (averaged), so 旅游综合收入 is tourism and
    城镇居民人均可支配收入 is income, whatever single word they share with other topics."""
    starts = {d.key: [s.start for s in d.sentences] for d in docs}
    out = []
    for row in rows:
        totals: dict[str, float] = defaultdict(float)
        for key, weight in topic_mix(row.indicator, taxonomy).items():
            totals[key] += 2 * weight
        for o in row.observations:
            index = bisect_right(starts[o.doc], o.start) - 1
            for key, weight in sentence_mix[o.doc].get(index, {}).items():
                totals[key] += weight / len(row.observations)
        out.append(replace(row, topic=dominant_topic(totals)))
    return tuple(out)


def compare_files(
    old_path: str | Path, new_path: str | Path, options: Options | None = None
) -> Comparison:
    """Load two report files and compare them (raises LoadError / TaxonomyError)."""
    return compare(load_document(old_path, "old"), load_document(new_path, "new"), options)
