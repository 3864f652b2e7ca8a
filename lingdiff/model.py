"""The data model of lingdiff: plain frozen records (:mod:`lingdiff.records`), no I/O, no analysis.

Everything a shell (CLI, TUI, renderers) shows is one of these objects, reached
from a :class:`Comparison`. Offsets are character offsets into
:attr:`Document.text`, the cleaned but faithful text of a report, so every
figure and sentence can be traced back to where it stands.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from itertools import repeat
from operator import attrgetter
from typing import Any, Literal

from .records import MISSING, FrozenInstanceError, field, fields_of_class, record

Part = Literal["review", "targets", "plan", "other"]
DocKey = Literal["old", "new"]
Kind = Literal["actual", "target", "five-year review", "five-year goal", "unknown"]
"""``actual``: the review year's outcome; ``target``: the plan year's goal; the five-year kinds
carry a ``period`` (``"2021-2025"``); ``unknown`` where the report gives no part or cue."""
Measure = Literal["growth", "level", "share", "change", "count"]
PairStatus = Literal["matched", "split", "merged", "added", "removed"]
SentenceStatus = Literal["same", "changed", "added", "removed", "moved"]
PhraseStatus = Literal["added", "removed", "kept"]
OpTag = Literal["equal", "insert", "delete", "replace"]


class Sentence:
    """One sentence of a report, with its place in the text and its section.

    A frozen record, as the others (equality, hashing, repr and pickling over ``index``,
    ``start``, ``end``, ``text``, ``section``, ``is_heading``), but its ``text`` is cut from
    the report's text when asked for: :meth:`cut` makes a sentence that holds the report's
    text (one string, shared by all its sentences) instead of a copy of its own. A report of
    200,000 short sentences keeps ~20 MB less, and a forked child that reads every sentence
    (:mod:`lingdiff.background`) copies that much less of its parent's memory.
    """

    __slots__ = ("_cut", "_source", "end", "index", "is_heading", "section", "start")
    __match_args__ = ("index", "start", "end", "text", "section", "is_heading")

    index: int
    start: int
    end: int
    section: str
    is_heading: bool

    def __init__(
        self, index: int, start: int, end: int, text: str, section: str, is_heading: bool = False
    ) -> None:
        _init_sentence(self, index, start, end, section, is_heading, text, False)

    @classmethod
    def cut(
        cls, source: str, index: int, start: int, end: int, section: str, is_heading: bool
    ) -> Sentence:
        """The sentence ``source[start:end]`` of a report whose text is ``source``."""
        made = cls.__new__(cls)
        _init_sentence(made, index, start, end, section, is_heading, source, True)
        return made

    @property
    def text(self) -> str:
        """The sentence as written (a slice of the report's text, for a sentence :meth:`cut`
        from it; else the text it was made with, whatever its offsets say)."""
        return self._source[self.start : self.end] if self._cut else self._source

    def _key(self) -> tuple[int, int, int, str, str, bool]:
        return (self.index, self.start, self.end, self.text, self.section, self.is_heading)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is Sentence:
            return self._key() == other._key()  # type: ignore[attr-defined]
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        index, start, end, text, section, heading = self._key()
        return (
            f"Sentence(index={index!r}, start={start!r}, end={end!r}, text={text!r}, "
            f"section={section!r}, is_heading={heading!r})"
        )

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        # the shared text is pickled once per pickle (the memo), each sentence as offsets
        return _sentence, (
            self._source, self.index, self.start, self.end, self.section, self.is_heading,
            self._cut,
        )  # fmt: skip

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")


fields_of_class(
    Sentence,
    {
        "index": MISSING,
        "start": MISSING,
        "end": MISSING,
        "text": MISSING,
        "section": MISSING,
        "is_heading": False,
    },
)


def _init_sentence(
    made: Sentence,
    index: int,
    start: int,
    end: int,
    section: str,
    is_heading: bool,
    source: str,
    cut: bool,
) -> None:
    put = object.__setattr__
    put(made, "index", index)
    put(made, "start", start)
    put(made, "end", end)
    put(made, "section", section)
    put(made, "is_heading", is_heading)
    put(made, "_source", source)
    put(made, "_cut", cut)


def _sentence(
    source: str, index: int, start: int, end: int, section: str, heading: bool, cut: bool
) -> Sentence:
    made = Sentence.__new__(Sentence)
    _init_sentence(made, index, start, end, section, heading, source, cut)
    return made


@record
class Section:
    """A node of a report's outline: a part, a numbered item or an inline sub-heading.

    ``id`` is positional (``old:3.1`` is the first child of the third part of the
    old report); ``number`` is the numbering as written (``（一）``, ``1.``, ``一是``).
    ``start``/``end`` cover the heading and everything under it, children included;
    ``body_start`` is where the text after the heading begins.
    """

    id: str
    parent: str | None
    level: int
    part: Part
    number: str
    title: str
    start: int
    end: int
    body_start: int
    children: tuple[str, ...] = ()
    inline: bool = False


@record
class SourceInfo:
    """Where a document's text came from: the file, its original text, and the way back to it.

    ``original`` is the decoded text of the input as lingdiff read it (a ``.txt`` file's text
    exactly; a ``.docx``/PDF/HTML file's extracted text, one paragraph or line per line).
    ``clean_starts``/``original_starts`` are the compact offset map: run ``i`` of
    :attr:`Document.text` starts at ``clean_starts[i]`` and stands, character for character,
    at ``original_starts[i]`` of ``original``. ``page_starts`` holds where each page begins
    in ``original`` (PDFs only). ``meta`` is provenance from a sidecar file: source URL,
    publisher, date, title.
    """

    name: str = ""
    size: int = 0
    sha256: str = ""
    format: str = ""
    encoding: str = ""
    original: str = field(default="", repr=False, compare=False)
    clean_starts: tuple[int, ...] = field(default=(), repr=False)
    original_starts: tuple[int, ...] = field(default=(), repr=False)
    page_starts: tuple[int, ...] = ()
    meta: tuple[tuple[str, str], ...] = ()

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The span of ``original`` that clean-text span ``[start, end)`` was cut from.

        Without a map (a document built from a string) the offsets are returned unchanged.
        """
        if not self.clean_starts:
            return start, end
        first = self._at(start)
        last = self._at(end - 1) + 1 if end > start else first
        return first, last

    def _at(self, offset: int) -> int:
        i = bisect_right(self.clean_starts, offset) - 1
        if i < 0:
            return offset
        return self.original_starts[i] + offset - self.clean_starts[i]

    def page_at(self, original_offset: int) -> int | None:
        """The page (1-based) holding an offset of ``original``; None without pages."""
        if not self.page_starts:
            return None
        return max(1, bisect_right(self.page_starts, original_offset))

    def meta_value(self, key: str) -> str:
        """One provenance field (``url``, ``publisher``, ``date``, ``title``), "" if not given."""
        return dict(self.meta).get(key, "")


@record
class Document:
    """A report read into an outline.

    ``text`` is the cleaned text (artifacts removed, lines trimmed) and is what
    quotes are cut from; ``norm`` has the same length with full-width ASCII,
    ideographic spaces and similar folded, and is what analysis reads.
    """

    key: DocKey
    path: str
    title: str
    review_year: int | None
    plan_year: int | None
    text: str
    norm: str
    sections: tuple[Section, ...]
    sentences: tuple[Sentence, ...]
    warnings: tuple[str, ...] = ()
    place: str = ""
    """The government the report is from, as named in its byline or title (``福建省``)."""
    place_level: str = ""
    """``national``, ``province``, ``prefecture``, ``county`` or "" (see outline/place.py)."""
    source: SourceInfo = field(default_factory=SourceInfo)
    """The input file and the map from offsets in :attr:`text` to its original text."""
    _by_id: dict[str, Section] = field(init=False, repr=False, compare=False)
    """The sections by id, built once: :meth:`section` is a lookup, not a scan."""

    def __post_init__(self) -> None:
        # the first of a (not expected) repeated id wins, as a scan would find it
        object.__setattr__(self, "_by_id", {s.id: s for s in reversed(self.sections)})

    def __getstate__(self) -> dict[str, Any]:
        # pickled with its sentences as columns where they are cut from its text
        state = dict(self.__dict__)
        columns = _SentenceColumns.of(self.sentences, self.text)
        if columns is not None:
            state["sentences"] = columns
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        columns = state["sentences"]
        if isinstance(columns, _SentenceColumns):
            state = {**state, "sentences": columns.sentences(state["text"])}
        self.__dict__.update(state)

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Offsets into the original decoded text for the span ``[start, end)`` of ``text``."""
        return self.source.to_original(start, end)

    def page(self, start: int) -> int | None:
        """The page of a PDF on which offset ``start`` of ``text`` stands (None for others)."""
        return self.source.page_at(self.source.to_original(start, start + 1)[0])

    def section(self, section_id: str) -> Section:
        """The section with this id (KeyError if there is none)."""
        return self._by_id[section_id]

    def section_map(self) -> dict[str, Section]:
        """All sections by id (a new dict; the caller may change it)."""
        return dict(self._by_id)

    def top_sections(self) -> tuple[Section, ...]:
        """The level-1 sections (parts, and the preamble if there is one)."""
        return tuple(s for s in self.sections if s.parent is None)

    def children(self, section_id: str) -> tuple[Section, ...]:
        """The direct children of a section, in order."""
        return tuple(s for s in self.sections if s.parent == section_id)

    def sentences_in(self, section_id: str, *, own_only: bool = False) -> tuple[Sentence, ...]:
        """Sentences of a section: all under it, or only those not in a child."""
        if own_only:
            return tuple(s for s in self.sentences if s.section == section_id)
        sec = self.section(section_id)
        return tuple(s for s in self.sentences if sec.start <= s.start < sec.end)

    def section_text(self, section_id: str) -> str:
        """The faithful text of a section, children included."""
        sec = self.section(section_id)
        return self.text[sec.start : sec.end]


class _SentenceColumns:
    """A document's sentences as they are pickled (a forked child sends the report it read
    to its parent, :func:`lingdiff.reading.load_pair`): offsets, section ids and heading
    flags as columns, not an object each. The 200,000 sentences of a 5 MB file of headings
    pickle in ~0.1 s instead of ~0.3 s, into 2 MB less, with no memo entry per sentence (the
    pair's peak memory fell from 450 to ~420 MB). Only for sentences cut from the document's text
    (:meth:`Sentence.cut`), numbered in order, as a report's always are."""

    __slots__ = ("ends", "heads", "sections", "starts")

    def __init__(
        self, starts: array[int], ends: array[int], sections: list[str], heads: bytes
    ) -> None:
        self.starts, self.ends, self.sections, self.heads = starts, ends, sections, heads

    @classmethod
    def of(cls, sentences: tuple[Sentence, ...], text: str) -> _SentenceColumns | None:
        """The columns of ``sentences`` (None where one is not cut from ``text`` in order)."""
        if not all(s._cut and s._source is text for s in sentences):
            return None
        if not all(s.index == i for i, s in enumerate(sentences)):
            return None
        return cls(
            array("q", map(attrgetter("start"), sentences)),
            array("q", map(attrgetter("end"), sentences)),
            list(map(attrgetter("section"), sentences)),
            bytes(map(attrgetter("is_heading"), sentences)),
        )

    def sentences(self, text: str) -> tuple[Sentence, ...]:
        """The sentences again, each cut from ``text``."""
        n = len(self.starts)
        return tuple(
            map(
                _sentence,
                repeat(text, n),
                range(n),
                self.starts,
                self.ends,
                self.sections,
                map(bool, self.heads),
                repeat(True, n),
            )
        )

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        return _SentenceColumns, (self.starts, self.ends, self.sections, self.heads)


@record
class Gap:
    """A figure's stated distance to a benchmark: ``高于全国0.4个百分点`` is
    ``Gap("全国", 0.4, "个百分点")``; ``低于`` gives a negative value."""

    to: str
    value: float
    unit: str


@record
class Observation:
    """One figure of a report as a typed observation.

    ``value`` and ``unit`` are as written (``222.5`` + ``亿元``); ``value_text``
    is the figure exactly as it stands in the quote. ``year`` is the year the
    figure is about; ``kind`` is ``actual`` for the review year and ``target``
    for the plan year.
    """

    id: str
    doc: DocKey
    indicator: str
    value: float
    unit: str
    qualifier: str
    measure: Measure
    kind: Kind
    year: int | None
    section: str
    quote: str
    start: int
    end: int
    value_text: str = ""
    value_high: float | None = None
    subject: str = ""
    direction: int = 0
    """-1 for a decline (``下降3%``: value 3 as written), +1 for a rise, 0 for a level."""
    code: str = ""
    """The codebook id of a headline indicator (``gdp``, ``cpi``…), "" when none applies."""
    period: str | None = None
    """``"2021-2025"`` for five-year reviews and goals; None for a single year."""
    scope: str = ""
    """"" for the whole jurisdiction; ``"project"`` / ``"company"`` / ``"part"`` for a figure of
    one project, company or sub-area, which is not a jurisdiction total."""
    gap: Gap | None = None
    """A comparison with a benchmark stated with the figure (``高于全国0.4个百分点``)."""

    @property
    def signed_value(self) -> float:
        """The value with its direction: ``下降3%`` is -3."""
        return -self.value if self.direction < 0 else self.value

    @property
    def signed_high(self) -> float | None:
        """The upper end of a range, with its direction (None if not a range)."""
        if self.value_high is None:
            return None
        return -self.value_high if self.direction < 0 else self.value_high


@record
class Absence:
    """A headline indicator's missing figure in one report, and why it is missing."""

    doc: DocKey
    kind: Kind
    reason: Literal[
        "not stated", "stated in another measure", "not extracted", "stated without a figure"
    ]


@record
class MetricRow:
    """Every observation of one indicator, in both reports, followed across years."""

    id: str
    indicator: str
    measure: Measure
    observations: tuple[Observation, ...]
    topic: str = ""
    aliases: tuple[str, ...] = ()
    code: str = ""
    """The codebook code of the indicator (``gdp``), "" when it is not a headline indicator."""
    absent: tuple[Absence, ...] = ()
    """For a codebook row: each report's missing actual or target, with why it is missing."""
    override: str = ""
    """``link`` / ``unlink`` when the row comes from a researcher's overrides file, else ""."""

    def values(self, doc: DocKey, kind: Kind) -> tuple[Observation, ...]:
        """The observations of one report and one kind (actual or target)."""
        return tuple(o for o in self.observations if o.doc == doc and o.kind == kind)


@record
class EditOp:
    """One step of a character-level edit script between two sentences.

    Figures are single units: a ``replace`` turns ``7.5%`` into ``5.5%`` whole.
    """

    tag: OpTag
    old_text: str
    new_text: str
    old_start: int
    old_end: int
    new_start: int
    new_end: int


@record
class SentencePair:
    """Two sentences of aligned sections (or one, when added, removed or moved)."""

    pair: str
    old: int | None
    new: int | None
    status: SentenceStatus
    score: float
    ops: tuple[EditOp, ...] = ()
    moved_to: str = ""


@record
class SectionPair:
    """Sections of the two reports that are about the same thing.

    ``old``/``new`` hold one id each for ``matched``; several on one side for
    ``split`` (one old, several new) and ``merged`` (several old, one new); and
    one side empty for ``added``/``removed``.
    """

    id: str
    old: tuple[str, ...]
    new: tuple[str, ...]
    status: PairStatus
    score: float
    topic: str = ""
    reason: str = ""
    parent: str | None = None
    level: int = 1
    override: str = ""
    """``pair`` / ``unpair`` when the pair comes from a researcher's overrides file, else ""."""


@record
class Topic:
    """A policy topic of the taxonomy, with its Comparative Agendas Project code."""

    key: str
    label: str
    cap: str
    terms: tuple[str, ...]
    label_en: str = ""
    excludes: tuple[str, ...] = ()
    """Phrases that contain one of the terms but are not about the topic (健康发展 for health):
    matched like terms, counted for no topic."""


@record
class TopicShare:
    """A topic's share of attention in each report (fractions of text, 0–1)."""

    topic: str
    label: str
    cap: str
    old_share: float
    new_share: float

    @property
    def change_pp(self) -> float:
        """The change in percentage points, new minus old."""
        return round((self.new_share - self.old_share) * 100, 2)


@record
class PhraseRow:
    """A slogan or key term and how its use changed between the reports."""

    phrase: str
    status: PhraseStatus
    old_count: int
    new_count: int
    kind: str = "term"
    variants: tuple[str, ...] = ()
    old_sections: tuple[str, ...] = ()
    new_sections: tuple[str, ...] = ()
    score: float = 0.0
    """How distinctive the change of use is (see :mod:`lingdiff.phrases.rank`); rows are
    ranked by it, not by raw counts."""
    replaced_by: str = ""
    """For a gone phrase: the phrase that took its place (see :mod:`lingdiff.phrases.renamings`)."""
    replaces: str = ""
    """For the phrase that took a gone one's place: the gone phrase."""


@record
class Options:
    """Settings of one comparison."""

    topics_path: str | None = None
    indicators_path: str | None = None
    """An indicator codebook file replacing the packaged ``lingdiff/data/indicators.json``."""
    overrides_path: str | None = None
    """The overrides file whose corrections were applied (see :mod:`lingdiff.overrides`)."""


@record
class Comparison:
    """Everything lingdiff knows about two reports: the one object every shell presents."""

    old: Document
    new: Document
    alignment: tuple[SectionPair, ...] = ()
    sentence_pairs: tuple[SentencePair, ...] = ()
    metrics: tuple[MetricRow, ...] = ()
    topics: tuple[TopicShare, ...] = ()
    phrases: tuple[PhraseRow, ...] = ()
    diversity: tuple[float, float] = (0.0, 0.0)
    section_topics: dict[str, dict[str, float]] = field(default_factory=dict)
    sentence_topics: dict[str, dict[int, dict[str, float]]] = field(default_factory=dict)
    """Topic mix of each sentence: document key -> sentence index -> topic -> weight."""
    options: Options = field(default_factory=Options)
    figures: dict[str, tuple[tuple[int, int], ...]] = field(default_factory=dict)
    """Every figure of each report (document key -> (start, end) offsets, in text order),
    observation or not: what the TUI underlines."""
    corrections: tuple[str, ...] = ()
    """The researcher's corrections applied (``pair old 3.1 new 2.4``), one line each."""
    correction_notes: tuple[str, ...] = ()
    """Corrections of these reports that could not be applied, and why (warnings)."""

    def doc(self, key: DocKey) -> Document:
        """The old or the new document."""
        return self.old if key == "old" else self.new
