"""Policy topics: what each sentence and section of a report is about, and how much of
each report goes to each topic.

The taxonomy (``lingdiff/data/topics.json``, replaceable with ``--topics FILE``)
gives every topic a Chinese lexicon. Each document is scanned once, by a
dictionary scan built once per taxonomy; matching is leftmost-longest and without
overlap, so the longer term decides (``农村电网`` counts once, for energy, not also for
agriculture; ``扶贫资金`` counts for agriculture, not for fiscal). Each hit counts
1; a term listed under several topics splits its hit evenly. A topic's
``excludes`` are matched the same way but count for no topic (``健康发展`` is not
about health).

Attention shares: each sentence's characters are spread over its topic mix;
sentences without any topic hit are **not counted** (there is no residual
category), nor are boilerplate sentences (front matter such as the title and
``各位代表``, the guiding-ideology preamble ``以习近平新时代中国特色社会主义思想为指导``,
the closing exhortation). Shares of a report therefore sum to 1 over the topics.
Diversity is the Shannon entropy of the shares in bits (0 = one topic only;
log2 of the number of topics = perfectly even).
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any

from .errors import TaxonomyError
from .model import Document, Topic, TopicShare

__all__ = [
    "TaxonomyError",
    "attention_shares",
    "boilerplate_sentences",
    "front_matter_end",
    "load_taxonomy",
    "section_topics",
    "sentence_topics",
    "shannon_entropy",
    "top_topic",
    "topic_mix",
]

_KEY = re.compile(r"^[a-z][a-z0-9_]*$")

MAX_TAXONOMY_BYTES = 1024 * 1024
"""Largest ``--topics`` file read: the packaged taxonomy is ~20 KB."""
MAX_TAXONOMY_DEPTH = 8
"""Deepest nesting of arrays and objects accepted in a ``--topics`` file (the format uses 3)."""

_BOILERPLATE = re.compile(
    r"^\s*各位代表"
    r"|习近平新时代中国特色社会主义思想"
    r"|以习近平同志为核心的党中央"
    r"|提请大会审查|请予审议"
    r"|而(?:努力|团结|不懈)?奋斗[！!。]?\s*$"
)
"""Sentences that are ritual rather than policy: addresses to the delegates, the
guiding-ideology preamble, loyalty formulas and the closing exhortation."""


# --------------------------------------------------------------------------- loading


def load_taxonomy(path: str | Path | None = None) -> tuple[Topic, ...]:
    """The topic taxonomy: the packaged one, or the user's file of the same format.

    The format is a JSON object ``{"topics": [{"key", "label", "cap", "terms",
    "label_en"?, "excludes"?}, ...]}`` (a bare list of topics is accepted too).
    Raises :class:`TaxonomyError` with a one-line message on any problem.
    """
    if path is None:
        source = "lingdiff/data/topics.json"
        try:
            raw = _packaged_taxonomy()
        except (OSError, UnicodeDecodeError) as exc:  # a broken installation
            raise TaxonomyError(f"{source}: cannot read the packaged taxonomy ({exc})") from None
        return _parse_cached(raw, source)
    source = str(path)
    p = Path(path)
    if not p.exists():
        raise TaxonomyError(f"{source}: no such file")
    if p.is_dir():
        raise TaxonomyError(f"{source}: is a directory, not a taxonomy file")
    try:
        with p.open("rb") as fh:  # a bounded read: the "file" may be /dev/zero or a pipe
            data = fh.read(MAX_TAXONOMY_BYTES + 1)
    except OSError as exc:
        raise TaxonomyError(f"{source}: cannot read ({exc.strerror or exc})") from None
    if len(data) > MAX_TAXONOMY_BYTES:
        raise TaxonomyError(
            f"{source}: larger than {MAX_TAXONOMY_BYTES // 1024 // 1024} MB; "
            "a taxonomy is a few kilobytes of JSON"
        )
    try:
        raw = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise TaxonomyError(f"{source}: not UTF-8 text (byte {exc.start})") from None
    depth = _json_depth(raw)
    if depth > MAX_TAXONOMY_DEPTH:
        raise TaxonomyError(
            f"{source}: nested {depth} levels deep; a taxonomy needs {MAX_TAXONOMY_DEPTH} at most"
        )
    return _parse_cached(raw, source)


_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")


def _json_depth(raw: str) -> int:
    """How deeply the arrays and objects of a JSON text nest (brackets inside strings do not
    count), found without parsing, so that a hostile file cannot exhaust the parser."""
    brackets = _NOT_BRACKET.sub("", _JSON_STRING.sub("", raw))
    depth = deepest = 0
    for run in re.findall(r"[\[{]+|[\]}]+", brackets):
        depth += len(run) if run[0] in "[{" else -len(run)
        deepest = max(deepest, depth)
    return deepest


def _packaged_taxonomy() -> str:
    """The text of the packaged taxonomy, read beside this module; importlib.resources
    (~3 ms to import) only where the package is not a folder (a zip)."""
    try:
        return (Path(__file__).parent / "data" / "topics.json").read_text("utf-8")
    except OSError:
        from importlib import resources

        return resources.files("lingdiff").joinpath("data/topics.json").read_text("utf-8")


@lru_cache(maxsize=8)
def _parse_cached(raw: str, source: str) -> tuple[Topic, ...]:
    """Parse once per distinct file content, so repeated loads share one matcher."""
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise TaxonomyError(
            f"{source}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
    return parse_taxonomy(data, source)


def parse_taxonomy(data: Any, source: str = "<taxonomy>") -> tuple[Topic, ...]:
    """Validate decoded JSON and build the topics (see :func:`load_taxonomy`)."""
    items = data.get("topics") if isinstance(data, dict) else data
    if not isinstance(items, list) or not items:
        raise TaxonomyError(f'{source}: expected a non-empty "topics" list')
    topics: list[Topic] = []
    seen: set[str] = set()
    for n, item in enumerate(items, 1):
        where = f"{source}: topic {n}"
        if not isinstance(item, dict):
            raise TaxonomyError(f"{where} is not an object")
        key = item.get("key")
        if not isinstance(key, str) or not _KEY.match(key):
            raise TaxonomyError(f'{where}: "key" must be lower-case ASCII (e.g. "growth")')
        where = f"{source}: topic {key!r}"
        if key in seen:
            raise TaxonomyError(f"{where} is defined twice")
        seen.add(key)
        label = item.get("label")
        if not isinstance(label, str) or not label.strip():
            raise TaxonomyError(f'{where}: "label" must be a non-empty string')
        cap = item.get("cap", "")
        if isinstance(cap, int) and not isinstance(cap, bool):
            cap = str(cap)
        if not isinstance(cap, str):
            raise TaxonomyError(f'{where}: "cap" must be a string such as "15"')
        label_en = item.get("label_en", "")
        if not isinstance(label_en, str):
            raise TaxonomyError(f'{where}: "label_en" must be a string')
        terms = _strings(item.get("terms"), f'{where}: "terms"')
        if not terms:
            raise TaxonomyError(f'{where}: "terms" must list at least one term')
        excludes = _strings(item.get("excludes", []), f'{where}: "excludes"')
        topics.append(Topic(key, label.strip(), cap.strip(), terms, label_en.strip(), excludes))
    return tuple(topics)


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise TaxonomyError(f"{where} must be a list of strings")
    out: list[str] = []
    for v in value:
        if not isinstance(v, str) or not v.strip():
            raise TaxonomyError(f"{where} must hold non-empty strings (got {v!r})")
        if v.strip() not in out:
            out.append(v.strip())
    return tuple(out)


# --------------------------------------------------------------------------- matching


class _Matcher:
    """The scanner of one taxonomy: every term and exclude, indexed by its first two characters.

    A dictionary scan (no regex) is used because it needs no compilation and runs
    as fast as a compiled alternation of several hundred terms: at each position
    the longest term starting there is taken, then scanning resumes after it.
    """

    __slots__ = ("first", "heads", "keys", "owners", "singles")

    def __init__(self, taxonomy: tuple[Topic, ...]) -> None:
        owners: dict[str, list[int]] = {}
        for i, topic in enumerate(taxonomy):
            for term in topic.terms:
                slot = owners.setdefault(term, [])
                if i not in slot:
                    slot.append(i)
        for topic in taxonomy:
            for phrase in topic.excludes:
                owners.setdefault(phrase, [])
        heads: dict[str, set[int]] = {}
        for term in owners:
            if len(term) > 1:
                heads.setdefault(term[:2], set()).add(len(term))
        self.keys = tuple(t.key for t in taxonomy)
        self.owners = {term: tuple(idx) for term, idx in owners.items()}
        self.heads = {h: tuple(sorted(ls, reverse=True)) for h, ls in heads.items()}
        self.singles = frozenset(t for t in owners if len(t) == 1)
        firsts = sorted({t[0] for t in owners})
        self.first = re.compile("[" + "".join(re.escape(c) for c in firsts) + "]")

    def scan(self, text: str) -> list[tuple[int, str]]:
        """(position, term) of every leftmost-longest, non-overlapping term in ``text``."""
        out: list[tuple[int, str]] = []
        heads, owners, singles = self.heads.get, self.owners, self.singles
        resume = 0
        for m in self.first.finditer(text):
            i = m.start()
            if i < resume:
                continue
            for size in heads(text[i : i + 2], ()):
                cand = text[i : i + size]
                if cand in owners:
                    out.append((i, cand))
                    resume = i + size
                    break
            else:
                if text[i] in singles:
                    out.append((i, text[i]))
        return out

    def counts(self, text: str) -> dict[int, float]:
        """Topic index -> hits in ``text``."""
        out: dict[int, float] = {}
        for _, term in self.scan(text):
            _add(out, self.owners[term])
        return out


def _add(out: dict[int, float], owner: tuple[int, ...]) -> None:
    if owner:
        w = 1.0 / len(owner)
        for i in owner:
            out[i] = out.get(i, 0.0) + w


@lru_cache(maxsize=16)
def _compile(taxonomy: tuple[Topic, ...]) -> _Matcher:
    return _Matcher(taxonomy)


_BY_ID: dict[int, tuple[tuple[Topic, ...], _Matcher]] = {}


def _matcher(taxonomy: Sequence[Topic]) -> _Matcher:
    """The scanner of a taxonomy, built once (tuples are cached by identity, then content)."""
    if isinstance(taxonomy, tuple):
        hit = _BY_ID.get(id(taxonomy))
        if hit is not None and hit[0] is taxonomy:
            return hit[1]
    tax = tuple(taxonomy)
    matcher = _compile(tax)
    if isinstance(taxonomy, tuple):
        if len(_BY_ID) >= 32:
            _BY_ID.clear()
        _BY_ID[id(taxonomy)] = (taxonomy, matcher)
    return matcher


def _mix(counts: dict[int, float], keys: tuple[str, ...]) -> dict[str, float]:
    total = sum(counts.values())
    if total <= 0:
        return {}
    return {keys[i]: counts[i] / total for i in sorted(counts)}


def topic_mix(text: str, taxonomy: Sequence[Topic]) -> dict[str, float]:
    """Weights per topic key summing to 1.0 for a piece of text; ``{}`` when no term occurs."""
    m = _matcher(taxonomy)
    return _mix(m.counts(text), m.keys)


def top_topic(mix: dict[str, float]) -> str:
    """The key with the largest weight (the first in taxonomy order on a tie), or ``""``."""
    best, best_w = "", 0.0
    for key, w in mix.items():
        if w > best_w + 1e-12:
            best, best_w = key, w
    return best


# --------------------------------------------------------------------------- documents


_DOC_CACHE: dict[tuple[int, int], tuple[Document, _Matcher, list[dict[int, float]]]] = {}


def _sentence_counts(doc: Document, matcher: _Matcher) -> list[dict[int, float]]:
    """Hits per sentence (in ``doc.sentences`` order), from one scan of ``doc.norm``."""
    ck = (id(doc), id(matcher))
    hit = _DOC_CACHE.get(ck)
    if hit is not None and hit[0] is doc and hit[1] is matcher:
        return hit[2]
    sents = doc.sentences
    starts = [s.start for s in sents]
    out: list[dict[int, float]] = [{} for _ in sents]
    text = doc.norm or doc.text
    ordered = all(a <= b for a, b in pairwise(starts))
    for pos, term in matcher.scan(text):
        if ordered:
            j = bisect_right(starts, pos) - 1
            if j < 0 or pos >= sents[j].end:
                continue
        else:  # not expected from outline; stay correct anyway
            j = next((k for k, s in enumerate(sents) if s.start <= pos < s.end), -1)
            if j < 0:
                continue
        _add(out[j], matcher.owners[term])
    if len(_DOC_CACHE) >= 16:
        _DOC_CACHE.clear()
    _DOC_CACHE[ck] = (doc, matcher, out)
    return out


def sentence_topics(doc: Document, taxonomy: Sequence[Topic]) -> dict[int, dict[str, float]]:
    """Sentence index -> topic mix, for every sentence (``{}`` where no term occurs)."""
    m = _matcher(taxonomy)
    counts = _sentence_counts(doc, m)
    return {s.index: _mix(c, m.keys) for s, c in zip(doc.sentences, counts, strict=True)}


def section_topics(doc: Document, taxonomy: Sequence[Topic]) -> dict[str, dict[str, float]]:
    """Section id -> topic mix over all text under it (heading and children included)."""
    m = _matcher(taxonomy)
    counts = _sentence_counts(doc, m)
    order = sorted(range(len(doc.sentences)), key=lambda k: doc.sentences[k].start)
    starts = [doc.sentences[k].start for k in order]
    out: dict[str, dict[str, float]] = {}
    for sec in doc.sections:
        total: dict[int, float] = {}
        for k in order[bisect_left(starts, sec.start) : bisect_left(starts, sec.end)]:
            for i, w in counts[k].items():
                total[i] = total.get(i, 0.0) + w
        out[sec.id] = _mix(total, m.keys)
    return out


def front_matter_end(doc: Document) -> int:
    """Where the front matter ends: the untitled ``other`` sections before the first part
    (title, date line, speaker, ``各位代表``). 0 when no part was recognised at all."""
    end = 0
    for sec in doc.top_sections():
        if sec.part != "other":
            return end
        end = max(end, sec.end)
    return 0


def boilerplate_sentences(doc: Document) -> frozenset[int]:
    """Indices of sentences that carry no policy content of their own: the front matter
    (see :func:`front_matter_end`), the title, and ritual sentences anywhere
    (``各位代表``, the guiding-ideology preamble, loyalty formulas, the closing call)."""
    front_end = front_matter_end(doc)
    title = (doc.title or "").strip()
    out = set()
    for s in doc.sentences:
        text = s.text.strip()
        if (
            s.start < front_end
            or (title and len(text) > 3 and (text in title or title in text))
            or _BOILERPLATE.search(text)
        ):
            out.add(s.index)
    return frozenset(out)


def _shares(doc: Document, matcher: _Matcher) -> list[float]:
    """Fractions of the (topical, non-boilerplate) text of ``doc`` per topic index."""
    skip = boilerplate_sentences(doc)
    weights = [0.0] * len(matcher.keys)
    for s, c in zip(doc.sentences, _sentence_counts(doc, matcher), strict=True):
        if not c or s.index in skip:
            continue
        size = len("".join(s.text.split()))
        hits = sum(c.values())
        for i, w in c.items():
            weights[i] += size * w / hits
    total = sum(weights)
    return [w / total if total else 0.0 for w in weights]


def shannon_entropy(shares: Sequence[float]) -> float:
    """Shannon entropy in bits of a distribution (zeros ignored)."""
    return -sum(p * math.log2(p) for p in shares if p > 0)


def attention_shares(
    old: Document, new: Document, taxonomy: Sequence[Topic]
) -> tuple[tuple[TopicShare, ...], tuple[float, float]]:
    """Each topic's share of each report's text, largest absolute change first, and the
    diversity (Shannon entropy in bits) of the old and the new shares."""
    m = _matcher(taxonomy)
    tax = tuple(taxonomy)
    so, sn = _shares(old, m), _shares(new, m)
    rows = [
        TopicShare(t.key, t.label, t.cap, round(so[i], 6), round(sn[i], 6))
        for i, t in enumerate(tax)
    ]
    order = sorted(range(len(rows)), key=lambda i: (-abs(sn[i] - so[i]), i))
    entropy = (round(shannon_entropy(so), 6), round(shannon_entropy(sn), 6))
    return tuple(rows[i] for i in order), entropy


def dominant_topic(mix: dict[str, float]) -> str:
    """The heaviest topic of a mix, ties broken by the smaller key; ``""`` for an empty mix.

    The one rule for "the topic of" a section, a pair or an indicator.
    """
    if not mix:
        return ""
    return min(mix.items(), key=lambda kv: (-kv[1], kv[0]))[0]
