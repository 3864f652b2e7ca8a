"""compare(old, new) -> Comparison: the one entry point every shell uses."""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Sequence
from functools import partial
from pathlib import Path

from .align import align_sections, align_sentences
from .align.corrections import applied_section_fixes, section_fixes_of, unmet_section_fixes
from .figures import extract_observations, figure_spans, link_observations
from .figures.absence import with_absences
from .figures.codebook import Codebook, load_codebook
from .figures.corrections import apply_links
from .figures.patterns import Figure
from .gcpause import paused_gc
from .model import Comparison, Document, MetricRow, Options, PhraseRow, Topic
from .phrases import compare_phrases
from .reading import load_pair
from .records import replace
from .taxonomy import load_taxonomy
from .topics import TopicIndex, TopicScanner, compare_attention, dominant_topic, scanner

TYPE_CHECKING = False
if TYPE_CHECKING:  # the overrides module is imported only by those who read a file of them
    from .overrides import Corrections, Overrides


@paused_gc
def compare(
    old: Document,
    new: Document,
    options: Options | None = None,
    taxonomy: Sequence[Topic] | None = None,
    codebook: Codebook | None = None,
    overrides: Overrides | None = None,
) -> Comparison:
    """Align, diff, extract and weigh two reports; pure, no I/O.

    ``taxonomy`` is the topic taxonomy to weigh attention with and ``codebook`` the indicator
    codebook, both loaded by the caller (:func:`lingdiff.taxonomy.load_taxonomy` and
    :func:`lingdiff.figures.codebook.load_codebook`, as :func:`compare_files` does for
    ``options.topics_path`` and ``options.indicators_path``); ``None`` means the packaged one.
    Each document's topics are computed once (a :class:`~lingdiff.topics.TopicIndex`) and
    shared by the section alignment, the indicators' topics, the attention shares and the
    key-term lexicon. ``overrides`` are a researcher's corrections (read by
    :func:`lingdiff.overrides.read_overrides`); those for these two reports' sha256 hashes
    are applied to the section pairs and indicator rows, and listed in
    :attr:`Comparison.corrections`. On a pair of :data:`PARALLEL_CHARS` characters or more
    the figures and phrases are computed in a forked child process meanwhile, where that is
    safe (:mod:`lingdiff.background`); the result is the same either way.
    """
    options = options or Options()
    if (old.key, new.key) != ("old", "new"):  # section ids carry the key (old:3.1)
        raise ValueError("load the reports as 'old' and 'new' (lingdiff.compare re-keys them)")
    if taxonomy is None:
        if options.topics_path is not None:
            raise ValueError("load options.topics_path with load_taxonomy() and pass it")
        taxonomy = load_taxonomy()
    if codebook is None:
        if options.indicators_path is not None:
            raise ValueError("load options.indicators_path with load_codebook() and pass it")
        codebook = load_codebook()
    topics = scanner(taxonomy)
    fixes = None
    if overrides is not None:
        fixes = overrides.for_reports(old.source.sha256, new.source.sha256)
    figures_and_phrases = partial(_figures_and_phrases, old, new, codebook, fixes, topics.terms)
    side = None
    if len(old.text) + len(new.text) >= PARALLEL_CHARS:
        from .background import Background

        side = Background(figures_and_phrases, fork=True)
    try:
        old_topics, new_topics = TopicIndex(old, topics), TopicIndex(new, topics)
        old_mix, new_mix = old_topics.section_mix, new_topics.section_mix
        section_fixes, notes = section_fixes_of(old, new, fixes)
        alignment = align_sections(old, new, old_mix, new_mix, section_fixes)
        sentence_pairs = align_sentences(old, new, alignment)
        # what needs only the topic indexes, while the child may still be working
        sentence_mix = {"old": old_topics.sentence_mix, "new": new_topics.sentence_mix}
        shares, diversity = compare_attention(old_topics, new_topics)
        found = side.result() if side is not None else figures_and_phrases()
    except BaseException:
        if side is not None:
            side.cancel()
        raise
    metrics, linked, link_notes, spans, phrases = found
    metrics = _with_topics(metrics, (old, new), sentence_mix, topics)
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
        figures=spans,
        corrections=(*applied_section_fixes(alignment, section_fixes), *linked),
        correction_notes=(*notes, *unmet_section_fixes(alignment, section_fixes), *link_notes),
    )


PARALLEL_CHARS = 1_000_000
"""Characters of text (both reports together) from which :func:`compare` computes the figures
and phrases in a second process (:mod:`lingdiff.background`), on the second core, while it
aligns sections and sentences: a pair of reports (30–200 thousand characters) is compared
faster than a fork and a pickled result cost; a pair of 5 MB reports saves seconds."""


def _figures_and_phrases(
    old: Document,
    new: Document,
    codebook: Codebook,
    fixes: Corrections | None,
    lexicon: frozenset[str],
) -> tuple[
    tuple[MetricRow, ...],
    list[str],
    list[str],
    dict[str, tuple[tuple[int, int], ...]],
    tuple[PhraseRow, ...],
]:
    """The half of :func:`compare` that needs no alignment: the indicator rows (linked,
    corrected, absences added; topics come later), the corrections applied to links and the
    notes on those not applied, each report's figure spans, and the phrases."""
    observations, spans = {}, {}
    for doc in (old, new):  # each report's figures by sentence, dropped once its spans are made
        found: dict[tuple[int, int], list[Figure]] = {}
        observations[doc.key] = extract_observations(doc, codebook, found)
        spans[doc.key] = figure_spans(doc, found)
    metrics = link_observations(observations["old"], observations["new"])
    metrics, linked, link_notes = apply_links(metrics, fixes)
    metrics = with_absences(metrics, (old, new), codebook)
    # an unlinked row's other report states the indicator, in the row split from it
    metrics = tuple(replace(r, absent=()) if r.override == "unlink" else r for r in metrics)
    return metrics, linked, link_notes, spans, compare_phrases(old, new, lexicon=lexicon)


def _with_topics(
    rows: Sequence[MetricRow],
    docs: tuple[Document, Document],
    sentence_mix: dict[str, dict[int, dict[str, float]]],
    topics: TopicScanner,
) -> tuple[MetricRow, ...]:
    """Give each indicator its topic: the words of its name (counted twice) and the topic
    mixes of the sentences quoting it (averaged), so 旅游综合收入 is tourism and
    城镇居民人均可支配收入 is income, whatever single word they share with other topics."""
    starts = {d.key: [s.start for s in d.sentences] for d in docs}
    out = []
    for row in rows:
        totals: dict[str, float] = defaultdict(float)
        for key, weight in topics.mix(row.indicator).items():
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
    """Load two report files and the taxonomy (``options.topics_path``, else the packaged
    one) and compare them (raises LoadError / TaxonomyError)."""
    options = options or Options()
    old, new = load_pair(old_path, new_path)
    taxonomy = load_taxonomy(options.topics_path)
    return compare(old, new, options, taxonomy, load_codebook(options.indicators_path))
