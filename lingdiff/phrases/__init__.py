"""Slogans, quoted phrases and key terms: which are new, which are gone, which stayed,
which replaced which, and where they stand.

Three kinds of phrase are collected from both reports (from ``Document.norm``):

* ``slogan``: numeral slogans, found by pattern, not from a list: numeral +
  short unit, repeated (``六稳六保``, ``三高四新``, ``一城两翼三片多示范``, also
  written with ``、``; never a unit holding a particle of prose, so ``干一件是一件``
  and ``唯一的双奥之城`` are none), numeral + 大/个/项 + a head noun (``三大攻坚战``,
  ``五个坚持``), five-year-plan names (``十四五``), and quoted phrases built on
  numerals (``五化``, ``5个10``);
* ``quoted``: anything else quoted with “…”, "…" or 「…」 (2–20 characters, at least
  one Chinese character, no sentence punctuation inside), except plain words: a word
  of two characters quoted but mostly used unquoted (“学位”、“床位”);
* ``term``: key terms, Chinese n-grams whose frequency differs between the
  reports (:func:`lingdiff.phrases.keyterms.key_terms`; two-character ones must be
  topic terms, and none may contain a place name of the report titles).

Counting: one leftmost-longest scan over all listed phrases in the texts without
quotation marks (“三公”经费 is 三公经费), so a use inside a longer listed phrase counts for
the longer one. Status is ``kept`` (in both), ``added`` (new only) or ``removed`` (old
only). An added and a removed phrase that are variants (one contains the other, e.g.
``脱贫攻坚`` in ``巩固拓展脱贫攻坚成果``; or rapidfuzz ``ratio`` ≥ 75 for phrases that are
no numeral slogans; always with the same numerals) become one ``kept`` row under the new
spelling, the old one in ``variants`` and the counts summed per side. A gone phrase whose
place a new one took in the same contexts (激发市场主体活力 -> 激发各类经营主体活力) is
linked to it (:mod:`lingdiff.phrases.renamings`). Ritual phrases (:data:`BOILERPLATE`)
are never reported.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable

from rapidfuzz import fuzz

from ..lexicon import LazyPattern
from ..model import Document, PhraseRow
from ..records import replace
from ..textscan import DictionaryScanner
from ..topics import front_matter_end
from .keyterms import BOILERPLATE, PROSE_CHARS, key_terms, place_names
from .rank import distinctiveness
from .renamings import replacements

__all__ = ["compare_phrases", "find_numbered", "find_quoted", "is_numbered"]

VARIANT_RATIO = 75.0
"""rapidfuzz ratio (0–100) from which an added and a removed phrase are variants."""

_NUMERALS = "一二三四五六七八九十两"
_N = f"[{_NUMERALS}]"
_UNIT = f"(?:(?![{_NUMERALS}多双])[\u4e00-\u9fff])"
# Two or more units, the first opening with a numeral or 双 (not 多, not 、), the next ones
# with a numeral, 多 or 双, after an optional 、. Each pattern opens with the character class
# of its first character, the look-behind coming after it (``(?<!X.)``): the regex engine
# then skips ahead to the places where that character stands, instead of trying every
# position of the report (find_numbered 2.2 -> 0.6 ms on the bundled pair; same matches).
_SEQUENCE = re.compile(
    rf"[{_NUMERALS}双](?<![第进{_NUMERALS}].){_UNIT}{{1,3}}(?:、?(?:{_N}|多|双){_UNIT}{{1,3}})+"
)
_COUNTED = re.compile(rf"[{_NUMERALS[1:]}](?<![第{_NUMERALS}].)[大个项]({_UNIT}{{2,5}})")
_PLAN = re.compile(r"十(?<![第一二三四五六七八九十].)[一二三四五]五(?![年个])")
_HEADS = (
    "攻坚战", "保卫战", "战役", "攻坚", "行动", "工程", "体系", "支点", "品牌", "战略", "产业",
    "产业链", "任务", "坚持", "意识", "自信", "维护", "确立", "主题年", "板块", "基地", "机制",
    "领域", "举措", "革命", "覆盖", "融合", "一体化", "突破", "全面", "毫不动摇", "区分开来",
    "大抓", "连城", "权力", "保障", "计划", "政策", "示范",
)  # fmt: skip
"""Head nouns that end a numeral slogan: ``三大攻坚战`` in ``三大攻坚战成果丰硕``."""
_GENERIC_COUNTED = ("个方面", "个百分点", "项工作", "个重点", "个月", "大类", "个领域")
_MEASURE = set("条级次届中年个名种家座所批位期号分")
"""Measure words: ``两条三级``, ``九届九次``, ``三分之一`` are counts, not slogans."""
_NUMERAL_WORDS = (
    "一体", "一批", "一步", "一些", "一定", "一般", "一直", "一起", "一切", "一致", "一样",
    "一系列", "一揽子", "一方", "一季", "三角", "两岸", "十分",
)  # fmt: skip
"""Ordinary words that start with a numeral (``长三角区域一体化``) and so do not make a
numeral slogan."""

_QUOTED = re.compile(r"“([^“”\n]{2,20}?)”|\"([^\"\n]{2,20}?)\"|「([^「」\n]{2,20}?)」")
# The pattern text of keyterms._NON_CJK: compiled once, by re's cache.
_NON_CJK = re.compile(r"[^\u4e00-\u9fff]+")
_BAD_IN_QUOTE = re.compile(r"[。！？；：!?;:]")


# --------------------------------------------------------------------------- slogans


def find_quoted(text: str) -> dict[str, str]:
    """Quoted phrases of ``text``: surface form -> phrase (numbered ones without ``、``)."""
    out: dict[str, str] = {}
    for m in _QUOTED.finditer(text):
        inner = next(g for g in m.groups() if g is not None).strip()
        if len(inner) < 2 or _NON_CJK.fullmatch(inner) or _BAD_IN_QUOTE.search(inner):
            continue
        if inner not in BOILERPLATE:
            out.setdefault(inner, _canonical(inner))
    return out


def _canonical(phrase: str) -> str:
    """One spelling for a numeral sequence: ``一城、两翼、三片`` -> ``一城两翼三片``."""
    return phrase.replace("、", "") if _SEQUENCE.fullmatch(phrase) else phrase


def is_numbered(phrase: str) -> bool:
    """Is ``phrase`` built on numerals (``六稳六保``, ``五个坚持``, ``十四五``, ``5个10``)?"""
    if not PROSE_CHARS.isdisjoint(phrase):
        return False
    if phrase[0] in _NUMERALS or (phrase[0] == "双" and len(phrase) <= 4):
        return True
    return bool(_SEQUENCE.search(phrase) or _PLAN.search(phrase) or re.match(r"\d+个\d", phrase))


def find_numbered(text: str) -> dict[str, str]:
    """Unquoted numeral slogans of ``text``: surface form -> canonical phrase."""
    out: dict[str, str] = {}
    for m in _SEQUENCE.finditer(text):
        form = _trim_sequence(m.group())
        if form and form not in BOILERPLATE:
            out.setdefault(form, _canonical(form))
    for m in _COUNTED.finditer(text):
        run = m.group(1)
        head = next((run[:k] for k in range(len(run), 1, -1) if run[:k].endswith(_HEADS)), "")
        form = m.group()[:2] + head
        if head and not form.endswith(_GENERIC_COUNTED) and form not in BOILERPLATE:
            out.setdefault(form, form)
    for m in _PLAN.finditer(text):
        out.setdefault(m.group(), m.group())
    return out


def _trim_sequence(form: str) -> str:
    """Check a numeral sequence and cut its last unit back when it runs on past the others
    (slogans are parallel): ``三高四新美好`` -> ``三高四新``, ``六稳六保工作`` -> ``六稳六保``;
    a head noun (``五支点``) or one extra character (``多示范``) is kept. A unit holding a
    function character is prose, not a slogan: ``干一件是一件``, ``唯一的双奥之城``."""
    units = re.findall(rf"(?:{_N}|多|双)[^{_NUMERALS}多双、]*", form)
    if len(units) < 2 or any(
        u[1] in _MEASURE or u.startswith(_NUMERAL_WORDS) or not PROSE_CHARS.isdisjoint(u)
        for u in units
    ):
        return ""
    body, first = units[-1][1:], len(units[0]) - 1
    keep = next((k for k in range(len(body), 0, -1) if body[:k].endswith(_HEADS)), 0)
    if not keep:
        keep = len(body) if len(body) - first <= 1 else first
    return form[: len(form) - len(body) + keep]


# --------------------------------------------------------------------------- comparing


_STATUS_ORDER = {"added": 0, "removed": 1, "kept": 2}
_KIND_ORDER = {"slogan": 0, "quoted": 1, "term": 2}
_QUOTE_MARKS = LazyPattern('[“”"「」]')
"""Quotation marks: found and cut by the regex engine (``str.translate`` looks every
character of a report up in a table, ~0.15 s for a 5 MB one)."""


def compare_phrases(
    old: Document, new: Document, lexicon: frozenset[str] | None = None
) -> tuple[PhraseRow, ...]:
    """Slogans, quoted phrases and key terms of two reports, with status, counts, variants,
    replacements and the sections they occur in, sorted by status (added, removed, kept),
    then by how distinctive the change is (:func:`~lingdiff.phrases.rank.distinctiveness`),
    kind and phrase.

    ``lexicon`` holds the domain words that may be two-character key terms: the terms of
    the taxonomy in use (``compare`` passes them); ``None`` means the packaged taxonomy's."""
    if lexicon is None:
        from ..taxonomy import load_taxonomy

        lexicon = frozenset(t for topic in load_taxonomy() for t in topic.terms)
    texts = (_body(old), _body(new))
    forms, kinds = _slogans(texts)
    places = place_names(old.title) | place_names(new.title)
    for term, *_ in key_terms(*texts, lexicon=lexicon, exclude=places, taken=kinds):
        forms.setdefault(term, term)
        kinds[term] = "term"
    plain = [_unquoted(t) for t in texts]
    use = _count(forms, (old, new), plain)
    for word in _plain_words(texts, kinds, use):
        del kinds[word]
    live = sorted(p for p in kinds if sum(use[p][0]))
    links = _link(
        [p for p in live if not use[p][0][0]], [p for p in live if not use[p][0][1]], kinds
    )
    absorbed = set(links.values())
    gone = [p for p in live if not use[p][0][1] and p not in absorbed]
    gone.sort(key=lambda p: -use[p][0][0])  # most used first (stable: then by phrase)
    swaps = replacements(gone, plain[0][0], plain[1][0])
    took = {f: g for g, f in swaps.items()}
    for p in took:
        if p not in kinds:  # a replacement that is no listed phrase: count it too
            kinds[p] = "term"
            use[p] = _count_one(p, (old, new), plain)
            live.append(p)
    rows: list[PhraseRow] = []
    for p in live:
        if p in absorbed:
            continue
        ((o, n), (old_secs, new_secs)), variants = use[p], ()
        if p in links:
            v = links[p]
            o, old_secs, variants = use[v][0][0], use[v][1][0], (v,)
        row = PhraseRow(
            p,
            "kept" if o and n else ("added" if n else "removed"),
            o,
            n,
            kinds[p],
            variants,
            tuple(old_secs),
            tuple(new_secs),
            replaced_by=swaps.get(p, ""),
            replaces=took.get(p, ""),
        )
        rows.append(replace(row, score=round(distinctiveness(row), 4)))
    rows.sort(
        key=lambda r: (_STATUS_ORDER[r.status], -r.score, _KIND_ORDER.get(r.kind, 3), r.phrase)
    )
    return tuple(rows)


def _slogans(texts: tuple[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    """Surface form -> phrase, and phrase -> kind (``slogan`` for numeral slogans, else
    ``quoted``), of the slogans of both texts."""
    forms: dict[str, str] = {}
    kinds: dict[str, str] = {}
    for found in [find_quoted(t) for t in texts] + [find_numbered(t) for t in texts]:
        for form, phrase in found.items():
            forms.setdefault(form, phrase)
            kinds.setdefault(phrase, "slogan" if is_numbered(phrase) else "quoted")
    return forms, kinds


def _plain_words(texts: tuple[str, str], kinds: dict[str, str], use: dict[str, _Use]) -> list[str]:
    """Quoted words of two characters used more often unquoted than quoted (“学位”、“床位”
    beside 新增学位1000个): plain words, no slogans. ``use`` holds every phrase's uses."""
    short = {p for p, kind in kinds.items() if kind == "quoted" and len(p) <= 2}
    if not short:
        return []
    marked = Counter(
        inner.strip()
        for t in texts
        for m in _QUOTED.finditer(t)
        if (inner := next(g for g in m.groups() if g is not None)).strip() in short
    )
    return sorted(p for p in short if 2 * marked[p] < sum(use[p][0]))


def _unquoted(text: str) -> tuple[str, list[int]]:
    """``text`` without quotation marks (“三公”经费 reads 三公经费: quotes are typography, not
    wording), and where the marks were: for the j-th mark removed, its offset in the text
    without marks (non-decreasing), so an offset ``p`` there is ``p + bisect_right(marks, p)``
    in ``text``."""
    marks = [m.start() for m in _QUOTE_MARKS.finditer(text)]
    return _QUOTE_MARKS.sub("", text), [r - j for j, r in enumerate(marks)]


_Use = tuple[list[int], list[dict[str, None]]]
"""Uses in (old, new) of one phrase, and the sections used in (ordered sets of ids)."""


def _count(
    forms: dict[str, str], docs: tuple[Document, Document], plain: list[tuple[str, list[int]]]
) -> dict[str, _Use]:
    """Uses and sections of each phrase in both reports: one leftmost-longest scan of the
    texts without quotation marks, so a use inside a longer phrase counts for the longer."""
    use: dict[str, _Use] = {p: ([0, 0], [{}, {}]) for p in forms.values()}
    scanner = DictionaryScanner(forms)
    for d, (doc, (text, marks)) in enumerate(zip(docs, plain, strict=True)):
        section_at = _section_finder(doc)
        for pos, form in scanner.scan(text):
            uses, secs = use[forms[form]]
            uses[d] += 1
            sec = section_at(pos + bisect_right(marks, pos))
            if sec:
                secs[d].setdefault(sec)
    return use


def _count_one(
    phrase: str, docs: tuple[Document, Document], plain: list[tuple[str, list[int]]]
) -> _Use:
    """Uses and sections of one phrase that is in no scan (a replacement found later)."""
    uses, secs = [0, 0], [{}, {}]
    for d, (doc, (text, marks)) in enumerate(zip(docs, plain, strict=True)):
        section_at = _section_finder(doc)
        pos = text.find(phrase)
        while pos >= 0:
            uses[d] += 1
            sec = section_at(pos + bisect_right(marks, pos))
            if sec:
                secs[d].setdefault(sec)
            pos = text.find(phrase, pos + len(phrase))
    return uses, secs


def _body(doc: Document) -> str:
    """The analysis text of ``doc`` with the front matter (title, speaker, date line)
    blanked out, same length, so the speaker's job title is no finding."""
    text = doc.norm or doc.text
    end = front_matter_end(doc)
    return " " * end + text[end:]


def _section_finder(doc: Document) -> Callable[[int], str]:
    """A function from a character offset to the id of the section it stands in."""
    sents = sorted(doc.sentences, key=lambda s: s.start)
    starts = [s.start for s in sents]
    sections = sorted(doc.sections, key=lambda s: (s.start, -s.end))

    def find(pos: int) -> str:
        j = bisect_right(starts, pos) - 1
        if j >= 0 and pos < sents[j].end:
            return sents[j].section
        inner = [s.id for s in sections if s.start <= pos < s.end]
        return inner[-1] if inner else ""

    return find


def _numerals(phrase: str) -> str:
    return "".join(ch for ch in phrase if ch in _NUMERALS or ch.isdigit())


def _variant_score(new: str, old: str, kind_new: str, kind_old: str) -> float:
    """How surely ``new`` respells ``old`` (0 = not at all): 100 when one contains the
    other (3+ characters, 40% of the longer), else rapidfuzz ``ratio`` from
    ``VARIANT_RATIO`` up, except for numbered slogans, whose look-alikes are other
    campaigns (一主一特, 一区一特); never across different numerals (三大攻坚战, 七大攻坚)."""
    if _numerals(new) != _numerals(old):
        return 0.0
    short, long_ = sorted((new, old), key=len)
    if len(short) >= 3 and short in long_ and len(short) / len(long_) >= 0.4:
        return 100.0
    if "slogan" in (kind_new, kind_old) or len(short) < 3:
        return 0.0
    score = fuzz.ratio(new, old)
    return float(score) if score >= VARIANT_RATIO else 0.0


def _link(added: list[str], removed: list[str], kinds: dict[str, str]) -> dict[str, str]:
    """Variant pairs, added phrase -> removed phrase, best first, each phrase used once.
    Only pairs sharing a character bigram are scored (variants always do)."""
    index: dict[str, set[str]] = {}
    for r in removed:
        for i in range(len(r) - 1):
            index.setdefault(r[i : i + 2], set()).add(r)
    pairs = []
    for a in added:
        near = set().union(*(index.get(a[i : i + 2], set()) for i in range(len(a) - 1)))
        for r in near:
            if (score := _variant_score(a, r, kinds[a], kinds[r])) > 0:
                pairs.append((-score, a, r))
    out: dict[str, str] = {}
    for _neg, a, r in sorted(pairs):
        if a not in out and r not in out.values():
            out[a] = r
    return out
