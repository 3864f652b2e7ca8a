"""Clean report text -> :class:`~lingdiff.model.Document`: title, years, parts, sections, sentences.

How headings are found (rules meant for any Chinese government report, not two files):

* A heading *family* is a numbering style: ``一、`` (``cn``), ``（一）``/``（1）`` (``paren``),
  ``1.``/``1．``/``1、`` (``arabic``), ``①`` (``circled``), ``一是``/``二是`` (``enum``),
  ``——`` (``dash``). Levels are not fixed per family: the first family seen is the top,
  a new family nests under the current heading, and a family already open pops back to
  its level (the way one reads nested lists). Continuity of numbers decides close cases:
  ``（1）…（二）`` is one series (a typo), and a ``1.`` after ``4.`` starts a new one.
* Headings at the start of a paragraph are taken as they come. Headings inside a
  paragraph (``1.高质量发展成效明显。一是…``, ``…。2.高品质建设园区。``) must follow a
  sentence end and continue a series (or start one at 1).
* Unnumbered inline sub-headings (``做大做强新型工业。1.…``) are short sentences with no
  internal punctuation or figures, at least two in one section, outside ``一是`` items and
  not interrupting a numbered series. Those sharing a two-character prefix or suffix with the
  first of them form the top tier; the others between them nest one level down.
* ``一是/二是`` items are the lowest level and end with their paragraph. A paragraph after a
  run of one-paragraph items goes back to their parent; a paragraph addressed to
  ``各位代表`` goes back to the part.

``sections`` are in document order (pre-order); ids are positional (``old:3.1``).
"""

from __future__ import annotations

from ..gcpause import paused_gc
from ..load import clean_text, normalise
from ..model import DocKey, Document
from .nodes import Node, dismantle, paragraphs
from .parts import document_title, document_years, flatten, implied_title, title_lines
from .place import detect_place
from .sentences import split_sentences
from .tree import build_tree


@paused_gc
def parse_document(raw: str, *, key: DocKey, path: str = "") -> Document:
    """Build the outline of a report from its text (cleaned here if it is not already)."""
    text = clean_text(raw)
    norm = normalise(text)
    paras = paragraphs(norm)
    root = Node("root", None, "", "", 0, 0, -1, False, end=len(text))
    build_tree(norm, paras, root)
    title = document_title(text, norm, paras, root)
    warnings: list[str] = []
    if not root.children:
        warnings.append("no headings found; the whole text is one section")
        whole = Node("none", None, "", title, 0, 0, 0, False, end=len(text), parent=root)
        root.children.append(whole)
    review_year, plan_year = document_years(title, norm, root)
    sections, capped = flatten(key, text, norm, root, review_year, plan_year)
    if capped:
        warnings.append(capped)
    place = detect_place(norm)
    if not title:  # the State Council's reports start at 各位代表
        national = place is None or place.level == "national"
        title = implied_title(norm, root, plan_year, "" if national else place.name)
    wrapped = title_lines(text, norm, paras, root)
    dismantle(root)
    # a title wrapped over two lines is one sentence (one row in the TUI), not two
    joins = (wrapped[0][1], wrapped[1][0]) if len(wrapped) == 2 else None
    sentences = split_sentences(key, text, norm, sections, joins)
    return Document(
        key=key,
        path=path,
        title=title,
        review_year=review_year,
        plan_year=plan_year,
        text=text,
        norm=norm,
        sections=tuple(sections),
        sentences=tuple(sentences),
        warnings=tuple(warnings),
        place=place.name if place else "",
        place_level=place.level if place else "",
    )
