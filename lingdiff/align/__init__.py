"""Alignment of two reports: sections, sentences inside them, characters inside sentences.

The public API used by :func:`lingdiff.compare.compare`:

* :func:`align_sections` — which parts and items correspond (``matched``,
  ``split``, ``merged``, ``added``, ``removed``), with a score, the dominant
  shared topic and a short reason (``moved: …`` for items found under another
  parent); method in :mod:`lingdiff.align.sections`, output in
  :mod:`lingdiff.align.groups`, scores in :mod:`lingdiff.align.section_scores`.
* :func:`align_sentences` — sentence pairs inside every aligned section pair
  (``same``, ``changed``, ``added``, ``removed``, ``moved``); method in
  :mod:`lingdiff.align.sentences`, keys and scores in :mod:`lingdiff.align.sentence_scores`.
* :func:`char_diff` — the character-level edit script of two sentences with
  figures kept whole; method in :mod:`lingdiff.align.characters`.

All three are pure and deterministic: the same input gives the same output.
"""

from __future__ import annotations

from .characters import char_diff
from .sections import align_sections
from .sentences import align_sentences

__all__ = ["align_sections", "align_sentences", "char_diff"]
