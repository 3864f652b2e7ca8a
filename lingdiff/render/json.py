"""Comparison -> the JSON report, schema ``lingdiff/1`` (field names fixed by DESIGN.md)."""

from __future__ import annotations

import codecs
import json
from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence
from functools import cache, partial
from itertools import accumulate, groupby
from typing import IO, Any

from ..model import (
    Comparison,
    Document,
    EditOp,
    MetricRow,
    Observation,
    Section,
    SectionPair,
    Sentence,
    SentencePair,
)
from .common import escape_unsafe_json, is_safe
from .sources import observation_fields, source_record, span_fields_of, span_values_of

SCHEMA = "lingdiff/1"


def render_json(comparison: Comparison) -> str:
    """The JSON report as text: UTF-8, Chinese kept readable, one item per line.

    The outer structure is indented; each section, sentence, observation and
    sentence pair is one compact line. That keeps diffs of two reports readable
    and lets the C encoder do the work (``indent=`` falls back to pure Python,
    several times slower on a report of this size).
    """
    pieces: list[str] = []
    write_json(comparison, pieces.append)
    return "".join(pieces)


def write_json(comparison: Comparison, emit: Callable[[str], None]) -> None:
    """The text of :func:`render_json`, handed to ``emit`` in pieces of about
    :data:`PIECE` characters as it is made: the report of a 5 MB pair is over 100 million
    characters, which as one string (and its pieces, and its UTF-8) took ~500 MB.

    From :data:`PARALLEL_CHARS` characters of report text, the part from ``alignment`` on
    is written by a forked child into a temporary file meanwhile (:func:`_write_halves`)."""
    out = _Handing(emit)
    tree, encode = _tree(comparison, _Rows), _one_line_encoder()
    if len(comparison.old.text) + len(comparison.new.text) < PARALLEL_CHARS:
        _write(tree, 0, out, encode)
    else:
        _write_halves(tree, out, encode)
    out.append("\n")
    out.check()
    out.hand_on()


PARALLEL_CHARS = 1_000_000
"""Characters of report text (both reports) from which :func:`write_json` writes the second
half of the report in a second process: the JSON of a 5 MB pair takes 1.5 s to write, its
documents and its alignment about half of it each; a small report is written faster than a
fork costs."""

SECOND_HALF = "alignment"
"""The first entry of the report written by the second process (the documents come before)."""


def _write_halves(tree: dict[str, Any], out: _Handing, encode: Callable[[Any], str]) -> None:
    """Write the report ``tree`` (a dict, written at depth 0) as :func:`_write` does, its
    entries from :data:`SECOND_HALF` on written into a temporary file by a forked child
    (:mod:`lingdiff.background`) while this process writes those before, then copied on.
    Without a temporary file the whole is written here; where the child cannot run or fails,
    its half is written here afterwards: the text is the same in every case."""
    from ..background import Background

    items = list(tree.items())
    cut = next(k for k, (key, _) in enumerate(items) if key == SECOND_HALF)
    scratch = _scratch_file()
    if scratch is None:
        _write(tree, 0, out, encode)
        return
    with scratch:
        side = Background(partial(_entries_into, scratch, items, cut, encode), fork=True)
        try:
            out.append("{\n")
            _entries(items[:cut], 0, out, encode, more=True)
            written = side.result()
        except BaseException:
            side.cancel()
            raise
        if not written:  # no room for the temporary file: this half is written here
            _entries(items[cut:], 0, out, encode, more=False)
        else:
            out.hand_on()
            scratch.seek(0)
            decode = codecs.getincrementaldecoder("utf-8")("surrogatepass").decode
            while chunk := scratch.read(PIECE):
                out.emit(decode(chunk))
            decode(b"", True)  # the file ends a whole character (raises if it does not)
        out.append("}")


def _scratch_file() -> IO[bytes] | None:
    """A temporary file, deleted when closed (None where none can be made)."""
    import tempfile

    try:
        return tempfile.TemporaryFile()
    except OSError:
        return None


def _entries_into(
    scratch: IO[bytes], items: list[tuple[str, Any]], cut: int, encode: Callable[[Any], str]
) -> bool:
    """Write the entries of ``items`` from ``cut`` on (the last entries of the report's
    dict) into ``scratch`` as UTF-8, from its start; False if it ran out of room."""
    try:
        scratch.seek(0)
        scratch.truncate()
        out = _Handing(lambda piece: scratch.write(piece.encode("utf-8", "surrogatepass")))
        _entries(items[cut:], 0, out, encode, more=False)
        out.check()
        out.hand_on()
        scratch.flush()
    except OSError:
        return False
    return True


PIECE = 1 << 20
"""Characters of JSON text gathered before :func:`write_json` hands them on."""


class _Handing(list[str]):
    """The list :func:`_write` appends to (with ``list.append`` itself: a method of ours,
    called for every piece, took a tenth of the renderer's time), emptied into ``emit``
    (escaped, joined) by :meth:`check` after each piece whose text brings what was gathered
    to :data:`PIECE` characters or more."""

    def __init__(self, emit: Callable[[str], None]) -> None:
        super().__init__()
        self.emit, self.size, self.seen = emit, 0, 0

    def check(self) -> None:
        """Hand on what was gathered up to each piece that reached :data:`PIECE` characters
        since the last hand-on (the pieces appended since the last check are counted now,
        in C): the same pieces as handing on at once, fewer calls."""
        more = sum(map(len, self[self.seen :]))
        while self.size + more >= PIECE:
            sizes = list(accumulate(map(len, self[self.seen :]), initial=self.size))
            cut = self.seen + bisect_left(sizes, PIECE, 1)  # sizes[k]: through piece seen+k-1
            rest = self[cut:]
            del self[cut:]
            self.hand_on()
            self.extend(rest)
            more = sum(map(len, rest))
        self.size += more
        self.seen = len(self)

    def hand_on(self) -> None:
        """Give what was gathered to ``emit``, escaped (:func:`escape_unsafe_json`) but for
        the :class:`_Safe` pieces."""
        if self:
            self.emit(
                "".join(
                    "".join(run) if safe else escape_unsafe_json("".join(run))
                    for safe, run in groupby(self, _Safe.__instancecheck__)
                )
            )
            self.clear()
        self.size = self.seen = 0


class _Safe(str):
    """JSON text that holds no character :func:`escape_unsafe_json` escapes, by the way it
    was made (the records written directly: their strings escaped one by one where needed),
    so that it is not scanned again: scanning 100 MB of JSON took over half a second."""

    __slots__ = ()


class _Rows:
    """A list of records made one at a time as the report is written, so that the records
    of 100,000 sections or sentence pairs never all exist at once (:func:`render_json`).
    ``line``, where given, writes a record's one-line JSON text directly, exactly as
    encoding ``make(item)`` would (the sentences and sentence pairs of a 5 MB pair: 800,000
    dicts built and encoded took seconds), and safe as :func:`escape_unsafe_json` makes it
    (see :class:`_Safe`)."""

    __slots__ = ("items", "line", "make")

    def __init__(
        self,
        items: Sequence[Any],
        make: Callable[[Any], dict[str, Any]],
        line: Callable[[Any], str] | None = None,
    ) -> None:
        self.items, self.make, self.line = items, make, line

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return map(self.make, self.items)


def _listed(
    items: Sequence[Any],
    make: Callable[[Any], dict[str, Any]],
    line: Callable[[Any], str] | None = None,
) -> list[dict[str, Any]]:
    return list(map(make, items))


_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "))


def _one_line_encoder() -> Callable[[Any], str]:
    """``_COMPACT.encode`` with its C encoder made once, not at every call as
    ``JSONEncoder.encode`` does (a report has ~5,000 one-line values: that was most of the
    renderer's time). ``_COMPACT.encode`` itself where the C encoder is missing, takes other
    arguments, or writes a sample differently."""
    from json.encoder import c_make_encoder, encode_basestring

    try:
        encode_c = c_make_encoder(  # type: ignore[misc]
            {}, _COMPACT.default, encode_basestring, None, ": ", ", ", False, False, True
        )

        def encode(value: Any) -> str:
            if isinstance(value, str):
                return encode_basestring(value)
            return "".join(encode_c(value, 0))

        sample = {"a": [1, 2.5, None, True, '中\n\u2028"', -0.0, 1e300], "b": {"c": {}}}
        if encode(sample) == _COMPACT.encode(sample):
            return encode
    except (TypeError, ValueError):
        pass
    return _COMPACT.encode


_ENCODE_LINE = _one_line_encoder()
"""One value as one line of JSON text (the records' one-line fast paths use it)."""
_STRING: Callable[[str], str] = json.encoder.encode_basestring  # type: ignore[attr-defined]
"""A string as JSON text, as the encoder writes it (``ensure_ascii=False``)."""

_SCALARS = frozenset((str, int, float, bool, type(None)))
"""Types :func:`_write` always writes with ``encode`` (exact types: never a dict or list)."""


def _write(value: Any, depth: int, out: _Handing, encode: Callable[[Any], str]) -> None:
    """Indent dicts down to depth 2 and lists of dicts down to depth 3; the rest on one line.
    What was gathered is checked for handing on after each item of an indented list."""
    pad = "  " * (depth + 1)
    if isinstance(value, dict) and value and depth <= 2:
        out.append("{\n")
        _entries(list(value.items()), depth, out, encode, more=False)
        out.append("  " * depth + "}")
    elif isinstance(value, _Rows) and not (value and depth <= 3):
        out.append(encode(list(value)))
    elif isinstance(value, _Rows) or (
        isinstance(value, list) and value and depth <= 3 and isinstance(value[0], dict)
    ):
        out.append("[\n")
        last = len(value) - 1
        if isinstance(value, _Rows) and value.line is not None and depth >= 2:
            # records written directly, a batch of lines per piece (see _batch)
            items, line, between, batch = value.items, value.line, ",\n" + pad, _batch()
            for k in range(0, len(items), batch):
                lines = between.join(map(line, items[k : k + batch]))
                out.append(_Safe(f"{pad}{lines}{',' if k + batch < len(items) else ''}\n"))
                out.check()
            out.append("  " * depth + "]")
            return
        for i, item in enumerate(value):
            end = ",\n" if i < last else "\n"
            if depth >= 2 or not item:  # a record on one line: one string, not three
                out.append(f"{pad}{encode(item)}{end}")
            else:
                out.append(pad)
                _write(item, depth + 1, out, encode)
                out.append(end)
            out.check()
        out.append("  " * depth + "]")
    else:
        out.append(encode(value))


def _entries(
    items: list[tuple[str, Any]],
    depth: int,
    out: _Handing,
    encode: Callable[[Any], str],
    *,
    more: bool,
) -> None:
    """The ``key: value`` lines of (some of) the entries of a dict :func:`_write` indents at
    ``depth``; ``more``: entries follow these (so the last one ends with a comma too)."""
    pad = "  " * (depth + 1)
    last = len(items) - 1
    for i, (key, item) in enumerate(items):
        end = ",\n" if i < last or more else "\n"
        if item.__class__ in _SCALARS:  # what _write's last branch writes, in one piece
            out.append(f"{pad}{encode(key)}: {encode(item)}{end}")
            continue
        out.append(f"{pad}{encode(key)}: ")
        _write(item, depth + 1, out, encode)
        out.append(end)


def _batch() -> int:
    """Records written as one piece by :func:`_write`'s direct path: fewer pieces and checks
    (each check sums the new pieces' lengths), while a piece handed on stays within a few
    kilobytes of :data:`PIECE`."""
    return max(1, min(256, PIECE >> 12))


def comparison_dict(c: Comparison) -> dict[str, Any]:
    """The JSON report as plain Python data."""
    return _tree(c, _listed)


_Lister = Callable[..., Any]
"""``rows(items, make, line=None)``: :func:`_listed` or :class:`_Rows`."""


def _tree(c: Comparison, rows: _Lister) -> dict[str, Any]:
    """The JSON report, its long lists of records made by ``rows`` (plain lists, or
    :class:`_Rows` made while writing)."""
    by_pair: dict[str, list[SentencePair]] = {}
    for sp in c.sentence_pairs:
        by_pair.setdefault(sp.pair, []).append(sp)

    def pair(p: SectionPair) -> dict[str, Any]:
        return {
            "id": p.id,
            "old": list(p.old),
            "new": list(p.new),
            "status": p.status,
            "score": round(p.score, 4),
            "topic": p.topic,
            "reason": p.reason,
            "parent": p.parent,
            "level": p.level,
            "override": p.override,
            "sentences": rows(by_pair.get(p.id, []), _sentence_pair, _sentence_pair_line),
        }

    return {
        "schema": SCHEMA,
        "documents": [_document(c, c.old, rows), _document(c, c.new, rows)],
        "alignment": rows(c.alignment, pair),
        "metrics": rows(c.metrics, lambda r: _row(c, r)),
        "overrides": {
            "file": c.options.overrides_path,
            "applied": list(c.corrections),
            "not_applied": list(c.correction_notes),
        },
        "topics": [
            {
                "topic": t.topic,
                "label": t.label,
                "cap": t.cap,
                "old_share": round(t.old_share, 4),
                "new_share": round(t.new_share, 4),
                "change_pp": t.change_pp,
            }
            for t in c.topics
        ],
        "diversity": {"old": round(c.diversity[0], 4), "new": round(c.diversity[1], 4)},
        "phrases": [
            {
                "phrase": p.phrase,
                "status": p.status,
                "old_count": p.old_count,
                "new_count": p.new_count,
                "variants": list(p.variants),
                "replaced_by": p.replaced_by,
                "replaces": p.replaces,
                "kind": p.kind,
                "old_sections": list(p.old_sections),
                "new_sections": list(p.new_sections),
            }
            for p in c.phrases
        ],
    }


def _mix(mix: dict[str, float]) -> dict[str, float]:
    return {k: round(v, 3) for k, v in sorted(mix.items(), key=lambda kv: (-kv[1], kv[0]))}


def _shared_mix() -> Callable[[dict[str, float]], dict[str, float]]:
    """:func:`_mix`, made once per mix object: the sentences of a report share their mixes
    (one per distinct set of topic hits, see :class:`lingdiff.topics.TopicIndex`), and a
    large report has hundreds of thousands of sentences: sorted and rounded once each."""
    done: dict[int, tuple[dict[str, float], dict[str, float]]] = {}

    def mix(value: dict[str, float]) -> dict[str, float]:
        hit = done.get(id(value))
        if hit is None or hit[0] is not value:
            hit = done[id(value)] = (value, _mix(value))
        return hit[1].copy()  # a row's own dict (comparison_dict's caller may change it)

    return mix


def _document(c: Comparison, d: Document, rows: _Lister) -> dict[str, Any]:
    sentence_mix = c.sentence_topics.get(d.key, {})
    shared_mix = _shared_mix()
    spans = span_fields_of(d)
    span_values = span_values_of(d)
    no_topics: dict[str, float] = {}

    def section(s: Section) -> dict[str, Any]:
        return {
            "id": s.id,
            "parent": s.parent,
            "level": s.level,
            "part": s.part,
            "number": s.number,
            "title": s.title,
            "start": s.start,
            "end": s.end,
            "body_start": s.body_start,
            **spans(s.start, s.end),
            "children": list(s.children),
            "topics": _mix(c.section_topics.get(s.id, {})),
        }

    def sentence(s: Sentence) -> dict[str, Any]:
        return {
            "index": s.index,
            "section": s.section,
            "start": s.start,
            "end": s.end,
            "text": s.text,
            **spans(s.start, s.end),
            "topics": shared_mix(sentence_mix.get(s.index, no_topics)),
        }

    mix_texts: dict[int, tuple[dict[str, float], str]] = {}
    section_texts: dict[str, str] = {}

    def sentence_line(s: Sentence) -> str:  # encode(sentence(s)), written directly and safe
        mix = sentence_mix.get(s.index, no_topics)
        hit = mix_texts.get(id(mix))
        if hit is None or hit[0] is not mix:
            hit = mix_texts[id(mix)] = (mix, escape_unsafe_json(_ENCODE_LINE(_mix(mix))))
        section = section_texts.get(s.section)
        if section is None:
            section = section_texts[s.section] = escape_unsafe_json(_STRING(s.section))
        text = s.text
        text = _STRING(text) if is_safe(text) else escape_unsafe_json(_STRING(text))
        source_start, source_end, page = span_values(s.start, s.end)
        return (
            f'{{"index": {s.index}, "section": {section}, "start": {s.start}, '
            f'"end": {s.end}, "text": {text}, '
            f'"source_start": {source_start}, "source_end": {source_end}, '
            f'"page": {"null" if page is None else page}, "topics": {hit[1]}}}'
        )

    return {
        "key": d.key,
        "path": d.path,
        "title": d.title,
        "place": d.place,
        "place_level": d.place_level,
        "review_year": d.review_year,
        "plan_year": d.plan_year,
        "warnings": list(d.warnings),
        "sha256": d.source.sha256,
        "source": source_record(d),
        "sections": rows(d.sections, section),
        "sentences": rows(d.sentences, sentence, sentence_line),
    }


def _row(c: Comparison, r: MetricRow) -> dict[str, Any]:
    return {
        "id": r.id,
        "indicator": r.indicator,
        "code": r.code,
        "measure": r.measure,
        "topic": r.topic,
        "aliases": list(r.aliases),
        "absent": [{"doc": a.doc, "kind": a.kind, "reason": a.reason} for a in r.absent],
        "override": r.override,
        "values": [_obs(c.doc(o.doc), o) for o in r.observations],
    }


def _obs(doc: Document, o: Observation) -> dict[str, Any]:
    return {
        "id": o.id,
        "doc": o.doc,
        "year": o.year,
        "kind": o.kind,
        "period": o.period,
        "code": o.code,
        "value": o.value,
        "value_high": o.value_high,
        "direction": o.direction,
        "signed_value": o.signed_value,
        "unit": o.unit,
        "qualifier": o.qualifier,
        "value_text": o.value_text,
        "subject": o.subject,
        "scope": o.scope,
        "gap": None
        if o.gap is None
        else {"to": o.gap.to, "value": o.gap.value, "unit": o.gap.unit},
        "section": o.section,
        "quote": o.quote,
        "start": o.start,
        "end": o.end,
        **observation_fields(doc, o),
    }


def _sentence_pair(sp: SentencePair) -> dict[str, Any]:
    return {
        "old": sp.old,
        "new": sp.new,
        "status": sp.status,
        "score": round(sp.score, 4),
        "moved_to": sp.moved_to,
        "ops": [_op(op) for op in sp.ops if op.tag != "equal"],
    }


@cache
def _status_text(status: str) -> str:
    """A sentence pair's status as safe JSON text (one of a handful, made once each)."""
    return escape_unsafe_json(_STRING(status))


def _sentence_pair_line(sp: SentencePair) -> str:
    """``encode(_sentence_pair(sp))``, written directly and safe (see :class:`_Safe`)."""
    ops = [_op(op) for op in sp.ops if op.tag != "equal"]
    tail = f'"moved_to": {_STRING(sp.moved_to)}, "ops": {_ENCODE_LINE(ops) if ops else "[]"}}}'
    if ops or sp.moved_to:
        tail = escape_unsafe_json(tail)
    return (
        f'{{"old": {"null" if sp.old is None else sp.old}, '
        f'"new": {"null" if sp.new is None else sp.new}, '
        f'"status": {_status_text(sp.status)}, '
        f'"score": {round(sp.score, 4)!r}, {tail}'
    )


def _op(op: EditOp) -> dict[str, Any]:
    return {
        "tag": op.tag,
        "old": op.old_text,
        "new": op.new_text,
        "old_start": op.old_start,
        "old_end": op.old_end,
        "new_start": op.new_start,
        "new_end": op.new_end,
    }
