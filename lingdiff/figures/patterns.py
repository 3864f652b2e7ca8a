"""Finding figures in report text: numbers with a unit, ranges, Chinese numerals — and not names.

A *figure* is a number followed by a unit (``亿元``, ``万亩``, ``人``), a percent sign or
``个百分点``, or a magnitude (``1000万``). The principles that keep names, dates and slogans
out, rather than a list of strings:

* a bare number (no unit) is never a figure: years and dates (``2019年``, ``5月29日``),
  enumerators (``1.``, ``（2）``), codes (``12345``, ``2614``) all fall out this way;
* numbers inside quotation marks or book-title marks are names (``“5个10”工程``);
* numbers glued to Latin letters, ``+`` or ``·`` are names (``5G``, ``4A``, ``G322``,
  ``1234+N``, ``1·31``, ``6·30``), except Latin units (``30万m2``);
* ordinals (``第十届``, ``第1``) and session numbers (``十届人大三次会议``) are not counts;
* Chinese numerals count only with a classifier and a real noun after it (``两条三级公路``,
  ``三家``), not in slogans (``三大攻坚战``, ``一城两翼``, ``一是``, ``四张网``).
"""

from __future__ import annotations

import re

from ..lexicon import (
    CLASS_UNITS,
    CN_NUMERAL_CHARS,
    COUNT_UNITS,
    FIGURE,
    SET_PHRASE_COUNTS,
    UNIT_ALTERNATION,
    parse_chinese_number,
    unit_kind,
)
from ..records import record

_CN_FIGURE = re.compile(
    rf"(?P<cn>[{CN_NUMERAL_CHARS}]{{1,6}})(?P<ap>余|多)?"
    rf"(?P<unit>亿元|万元|元|万人|个|家|所|座|条|项|名|户|处|套|场|件|栋|批|次|位|支|人)"
)
_LATIN = re.compile(r"[A-Za-z]")
_NUMBERED_NAME = re.compile(r"[“\"][^”\"]{0,10}?[\d一二三四五六七八九十百千][^”\"]{0,10}[”\"]")
"""A quoted name with a number in it (``“一号工程”``, ``“十条”``): what a word number before it
counts is a set of named programmes (三条“断头路” counts roads)."""
_GLUE = "+·•#＋_/"
_AFTER_FIGURES = re.compile(r"(?<![A-Za-z\d.])\d+(?:\.\d+)?(?![\d.年月日号])[%\u4e00-\u9fff]{1,3}$")
"""A figure (not a date, not a code such as G322) just before a word count."""
_SET_UNITS = ("件", "项")
"""Classifiers of abstract items: a word number with one names a set of measures or tasks
(``十件民生实事``, ``三项机制``), the way reports title their programmes, not a count."""
_CHENG_WORDS = frozenset("功为立本果效熟员交绩长都型片套网品像就全批规药材")
"""Characters that make a word of 成 (成功, 成为, 成立…): after one, 成 is not tenths."""
_AGE_BRACKET = (
    "及以上",
    "及以下",
    "老",
    "儿童",
    "婴幼儿",
    "人口",
    "以上老",
    "以下儿童",
    "以下婴幼儿",
)
"""What follows an age that bounds a group of people (``65岁及以上老年人``, ``0—6岁儿童``)."""
_ORDINAL_BEFORE = ("第", "每", "届", "前", "初", "周", "星期", "首")
_ABSTRACT_NOUNS = ("方面", "方向", "领域", "层面", "阶段", "环节", "维护", "意识", "自信", "百年")
QUOTE_PAIRS = {"“": "”", "《": "》", "「": "」", "『": "』", '"': '"', "‘": "’"}
_QUOTED = re.compile(
    "|".join(
        f"{re.escape(a)}[^{re.escape(a + b)}]{{0,40}}{re.escape(b)}" for a, b in QUOTE_PAIRS.items()
    )
)


@record
class Figure:
    """A figure found in the analysis text: its span, value and unit as written."""

    start: int
    end: int
    value: float
    value_high: float | None
    unit: str
    approx: str
    chinese: bool = False

    @property
    def unit_kind(self) -> str:
        """``percent``, ``count``, ``measure`` or ``magnitude`` (a bare ``万``/``亿``)."""
        return unit_kind(self.unit)


def quote_spans(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans inside quotation or title marks (names); an unclosed mark quotes nothing."""
    return [m.span() for m in _QUOTED.finditer(norm, start, end)]


_COUNT_VERBS = (
    "共", "累计", "先后", "新增", "新建", "建成", "建好", "创建", "争创", "打造", "引进", "开通",
    "完成", "打通", "实施", "培育", "设立", "举办", "开展", "召开", "建设", "改造", "新培育",
)  # fmt: skip
_CLAUSE_MARKS = "，。；：！？,;:!?\n"
_CLAUSE_CLOSERS = ("以上", "左右", "以内", "以下", "，", "。", "；", "、", "）")


def _clause_start(norm: str, pos: int, lo: int) -> int:
    i = pos
    while i > lo and norm[i - 1] not in _CLAUSE_MARKS:
        i -= 1
    return i


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def _glued_before(norm: str, pos: int, lo: int) -> bool:
    if pos <= lo:
        return False
    prev = norm[pos - 1]
    return bool(_LATIN.match(prev)) or prev in _GLUE or prev == "." or prev.isdigit()


def _in_set_phrase(norm: str, fig: Figure) -> bool:
    """Is the figure the count of a set phrase (``56个民族``)?"""
    return any(
        norm.startswith(phrase, fig.start)
        for phrase in SET_PHRASE_COUNTS
        if phrase[0] == norm[fig.start]
    )


def find_figures(norm: str, start: int, end: int) -> list[Figure]:
    """Every figure in ``norm[start:end]``, in order, names, dates and the counts of set
    phrases (:data:`~lingdiff.lexicon.SET_PHRASE_COUNTS`) left out."""
    found: list[Figure] = []
    quotes: list[tuple[int, int]] | None = None
    digits = False
    for m in FIGURE.finditer(norm, start, end):
        digits = True
        unit, mag, n1_end = m["unit"], m["mag"], m.end("n1")
        bare = unit is None and mag is None
        ratio = bare and not m["dash"] and _RATIO_TO_ONE.match(norm, n1_end, end)
        if bare and not ratio and ("." not in m["n1"] or not norm.startswith("年", n1_end)):
            continue
        if quotes is None:
            quotes = quote_spans(norm, start, end)
        if ratio:
            fig = _ratio(norm, m, ratio.end(), start, quotes)
        elif bare:
            fig = _years_long(norm, m, start, quotes)
        else:
            fig = _arabic(norm, m, start, end, quotes)
        if fig is not None:
            found.append(fig)
    # FIGURE matches every number: without one, the patterns below that need a digit cannot
    # match, nor can they without a digit after 到/至/类 (most sentences: one search for three)
    if digits and _DIGIT_AFTER.search(norm, start, end):
        if quotes is None and "." in norm[start:end]:
            quotes = quote_spans(norm, start, end)
        for m in _UNITLESS_MOVE.finditer(norm, start, end):
            found.extend(_unitless_move(norm, m, start, quotes or []))
        for m in _UNITLESS_END.finditer(norm, start, end):
            fig = _unitless_end(norm, m, start, quotes or [])
            if fig is not None and not any(f.start < fig.end and fig.start < f.end for f in found):
                found.append(fig)
        for m in _CATEGORIES.finditer(norm, start, end):
            if quotes is None:
                quotes = quote_spans(norm, start, end)
            if not _glued_before(norm, m.start(), start) and not _inside(m.start(), quotes):
                found.append(Figure(m.start(), m.end(), float(m[1]), None, m[2], ""))
    if "/" in norm[start:end]:
        found.extend(_fractions(norm, start, end))
    if "分之" in norm[start:end] or "成" in norm[start:end]:
        found.extend(_chinese_parts(norm, start, end))
    for m in BARE_MAGNITUDE.finditer(norm, start, end):
        if quotes is None:
            quotes = quote_spans(norm, start, end)
        fig = _bare_magnitude(norm, m, end, quotes)
        if fig is not None:
            found.append(fig)
    for m in _CN_FIGURE.finditer(norm, start, end):
        if quotes is None:
            quotes = quote_spans(norm, start, end)
        fig = _chinese(norm, m, start, end, quotes)
        if fig is not None and not any(f.start < fig.end and fig.start < f.end for f in found):
            found.append(fig)
    if not found:
        return found
    found.sort(key=lambda f: f.start)
    found = _with_shared_units(norm, found, start)
    return [f for f in found if not _in_set_phrase(norm, f)]


_DIGIT_AFTER = re.compile(r"[到至类]\d")
"""What :data:`_UNITLESS_MOVE`, :data:`_UNITLESS_END` (``缩小至1.81``) and :data:`_CATEGORIES`
(``12类45件``) each need: a digit right after 到, 至 or 类."""


_CATEGORIES = re.compile(rf"(?<![\d.])(\d+)(大类|类)(?=\d+(?:万|千)?(?:{'|'.join(COUNT_UNITS)}))")
"""A count of categories before the count of their items (``12类45件民生实事``,
``10大类52项民生实事``): alone, ``1类创新药`` names a class of drug and is no figure."""

_BARE_ITEM = re.compile(r"(?<![\d.A-Za-z])(\d+(?:\.\d+)?)、$")
_RESPECTIVELY = "分别"
_LIST_REACH = 8
"""How far before a list's first item ``分别`` may stand (``分别比上年提高``)."""


def _with_shared_units(norm: str, found: list[Figure], lo: int) -> list[Figure]:
    """``分别提高11.1、11.2个百分点``: the items of a ``分别`` list written before its last one
    share its unit, so each is a figure of its own (``11.1`` alone had no unit and was lost,
    and the name of the last took the number)."""
    out: list[Figure] = []
    for fig in found:
        if fig.chinese or fig.value_high is not None or fig.unit_kind == "magnitude":
            out.append(fig)
            continue
        items: list[Figure] = []
        at = fig.start
        while True:
            m = _BARE_ITEM.search(norm, max(lo, at - 14), at)
            if not m:
                break
            items.append(Figure(m.start(1), m.end(1), float(m[1]), None, fig.unit, ""))
            at = m.start()
        if items and _RESPECTIVELY in norm[max(lo, at - _LIST_REACH) : at]:
            out.extend(reversed(items))
        out.append(fig)
    return out


def _arabic(
    norm: str, m: re.Match[str], lo: int, hi: int, quotes: list[tuple[int, int]]
) -> Figure | None:
    unit = (m["mag"] or "") + (m["unit"] or "")
    if m["unit"] is None and m["mag"] not in ("万", "亿", "万亿", "千亿", "千万"):
        return None
    if m["unit"] in CLASS_UNITS:
        return None
    if m["dash"] and m["p1"] and m["unit"] != "%":
        return None
    if m["dash"] in ("至", "到") and m["n2"] is None:
        return None
    s, e = m.start(), m.end()
    if m["dash"] and m["n2"] is None:
        return None
    if _glued_before(norm, s, lo) or _inside(s, quotes):
        return None
    if norm[max(lo, s - 1) : s] == "第":
        return None
    if norm[max(lo, s - 2) : s] == "连续" and unit_kind(unit) == "count":
        return None  # 连续48个月, 连续4次获评: a streak, not a count
    nxt = norm[e] if e < hi else ""
    if nxt and (_LATIN.match(nxt) or nxt in "+·•＋" or (nxt.isdigit() and not m["unit"])):
        return None
    if nxt == "." and e + 1 < hi and norm[e + 1].isdigit():
        return None
    if m["unit"] == "成" and (m["mag"] or norm[e : e + 1] in _CHENG_WORDS):
        return None  # 3成功 / 2万成: 成 opens a word here, it is no tenth
    if m["unit"] == "岁" and norm.startswith(_AGE_BRACKET, e):
        return None  # 65岁及以上老年人…: an age bracket in a name, not a figure
    if norm.startswith(("及以上", "及以下"), e) and _noun_follows(norm[e + 3 : e + 5]):
        return None  # 20户及以上自然村: the bound of a group in a name, not a figure
    if m["unit"] == "个" and norm.startswith(_ABSTRACT_NOUNS, e):
        return None  # 15个方面的重点任务: how a plan is divided, not a count of anything
    value = float(m["n1"])
    if m["unit"] == "届" and value >= 1000:
        return None  # 2025届毕业生: a graduating class, not a count
    high = float(m["n2"]) if m["n2"] else None
    if high is not None and high <= value:
        return None
    approx = (m["ap1"] or "") + (m["ap2"] or "")
    if m["unit"] == "倍" and not approx and norm[e : e + 1] in ("多", "余") and e < hi:
        approx, e = norm[e], e + 1  # 增长1倍多: a multiple is said approximately after 倍
    return Figure(s, e, value, high, unit, approx)


def _years_long(
    norm: str, m: re.Match[str], lo: int, quotes: list[tuple[int, int]]
) -> Figure | None:
    """A duration in years with a decimal point (``受教育年限提高到11.7年``): no year is
    written ``11.7年``, so the 年 is a unit here (whole numbers of years stay out: ``连续3年``,
    ``近6年`` are streaks, ``2025年`` a date)."""
    s = m.start()
    if m["dash"] or _glued_before(norm, s, lo) or _inside(s, quotes):
        return None
    return Figure(s, m.end("n1") + 1, float(m["n1"]), None, "年", "")


_UNITLESS_MOVE = re.compile(
    r"(?:从|由)(?P<a>\d+(?:\.\d+)?)"
    r"(?:提高|提升|上升|增加|扩大|下降|降低|减少|缩小|收窄)(?:到|至)"
    r"(?P<b>\d+(?:\.\d+)?)(?![\d.%‰∶:：\u4e00-\u9fff])"
)
"""A move between two numbers without a unit (``收入倍差从1.96缩小至1.81``,
``生态环境公众满意度从84.7提升至89.6``: an index or a multiple, whose unit is no word)."""


def _unitless_move(
    norm: str, m: re.Match[str], lo: int, quotes: list[tuple[int, int]]
) -> list[Figure]:
    """The two ends of a move between unitless numbers, at least one written with a decimal
    point (whole numbers alone could be codes or counts whose unit was dropped)."""
    a, b = m["a"], m["b"]
    if "." not in a + b or _glued_before(norm, m.start("a"), lo) or _inside(m.start(), quotes):
        return []
    return [
        Figure(m.start("a"), m.end("a"), float(a), None, "", ""),
        Figure(m.start("b"), m.end("b"), float(b), None, "", ""),
    ]


_UNITLESS_END = re.compile(
    r"(?:提高|提升|上升|增加|扩大|下降|降低|减少|缩小|收窄)(?:到|至)"
    r"(?P<b>\d+\.\d+)(?![\d.%‰∶:：\u4e00-\u9fff])"
)
"""Where a unitless number moved to, its start left unsaid (``城乡收入比缩小至2.12``,
``收入倍差缩小到1.71``): written with a decimal point, as the ends of a move must be."""


def _unitless_end(
    norm: str, m: re.Match[str], lo: int, quotes: list[tuple[int, int]]
) -> Figure | None:
    if _glued_before(norm, m.start("b"), lo) or _inside(m.start(), quotes):
        return None
    return Figure(m.start("b"), m.end("b"), float(m["b"]), None, "", "")


_RATIO_TO_ONE = re.compile(r"[∶:：]1(?![\d.∶:：])")
"""The ``∶1`` of a ratio to one (``城乡居民收入比由2.9∶1缩小至2.52∶1``); a ratio of three
terms (``三次产业比重为4.0∶37.7∶58.3``) or a time (``10:30``) is not one."""
RATIO_UNIT = "∶1"
"""The unit of a ratio to one, however its colon is written."""


def _ratio(
    norm: str, m: re.Match[str], end: int, lo: int, quotes: list[tuple[int, int]]
) -> Figure | None:
    """A ratio to one (``2.9∶1``): its first term is the figure, in :data:`RATIO_UNIT`."""
    s = m.start()
    if _glued_before(norm, s, lo) or _inside(s, quotes) or norm[max(lo, s - 1) : s] in "∶:：":
        return None
    return Figure(s, end, float(m["n1"]), None, RATIO_UNIT, "")


BARE_MAGNITUDE = re.compile(
    r"(?:突破|超过|跨越|跨过|迈上|跃上|站上|达到|超|破|逾|达|过)(?P<n>百|千|万)"
    rf"(?P<mag>亿|万)?(?P<unit>{UNIT_ALTERNATION})"
)
"""A round magnitude passed, written with no digit (``财政民生支出首次突破万亿元``,
``产值突破千亿元``, ``产量均突破百万吨大关``): 千亿元 is 1000亿元, 万亿元 1万亿元, as a
figure writes them."""
_MAGNITUDE_VALUE = {"百": 100.0, "千": 1000.0, "万": 1.0}
_AFTER_MAGNITUDE = ("的", "大关", "台阶", "以上", "规模", "水平")
"""Words that may follow a round magnitude passed; any other word makes it the bound of a
class (``超千亿元产业集群``, ``超百亿元级``), no figure."""


def _bare_magnitude(
    norm: str, m: re.Match[str], hi: int, quotes: list[tuple[int, int]]
) -> Figure | None:
    unit = m["unit"]
    if unit in CLASS_UNITS or unit_kind(unit) == "percent" or _inside(m.start("n"), quotes):
        return None
    e = m.end()
    after = norm[e:hi]
    if after[:1] and "\u4e00" <= after[0] <= "\u9fff" and not after.startswith(_AFTER_MAGNITUDE):
        return None
    n, mag = m["n"], m["mag"] or ""
    if n == "万":  # 万亿元 = 1万亿元; 万元, 万人 = 1万元, 1万人
        value, unit = 1.0, n + mag + unit
    else:  # 千亿元 = 1000亿元, 百万吨 = 100万吨, 千家 = 1000家
        value, unit = _MAGNITUDE_VALUE[n], mag + unit
    return Figure(m.start("n"), e, value, None, unit, "")


_FRACTION = re.compile(r"(?<![\d./A-Za-z])(\d{1,2})/(\d{1,3})(?![\d./年月日号A-Za-z])")
"""A fraction written with digits (``占全国1/4``, ``近1/3``), not a date or a code."""
_CN_DIGITS = "一二两三四五六七八九十"
_CN_PART = re.compile(
    rf"(?P<den>[{_CN_DIGITS}百]{{1,3}})分之(?P<num>[{_CN_DIGITS}]{{1,3}})"
    rf"|(?<=[占超近约达逾有过])(?P<tenths>[一二三四五六七八九])成(?![{''.join(_CHENG_WORDS)}])"
)
"""A fraction in words (``减少三分之一``, ``占世界三分之二``) and tenths in words after a word of
size (``占全国近三成``, ``财政支出近八成``; not 一成不变, 建成)."""


def _part(start: int, end: int, num: float, den: float) -> Figure | None:
    if not 0 < num < den:
        return None  # a proper fraction only: 3/2 or 0/5 is no part of a whole
    return Figure(start, end, round(100 * num / den, 2), None, "%", "")


def _fractions(norm: str, start: int, end: int) -> list[Figure]:
    """Fractions of a whole written with digits, as percent of it (1/4 is 25%)."""
    out = []
    for m in _FRACTION.finditer(norm, start, end):
        fig = _part(m.start(), m.end(), float(m[1]), float(m[2]))
        if fig is not None:
            out.append(fig)
    return out


def _chinese_parts(norm: str, start: int, end: int) -> list[Figure]:
    """Fractions in words as percent of the whole (三分之一 is 33.33%), tenths as 成."""
    out = []
    for m in _CN_PART.finditer(norm, start, end):
        if m["tenths"]:
            value = parse_chinese_number(m["tenths"])
            if value:
                out.append(Figure(m.start(), m.end(), value, None, "成", "", chinese=True))
            continue
        num, den = parse_chinese_number(m["num"]), parse_chinese_number(m["den"])
        if num and den:
            fig = _part(m.start(), m.end(), num, den)
            if fig is not None:
                out.append(Figure(fig.start, fig.end, fig.value, None, "%", "", chinese=True))
    return out


def _noun_follows(after: str) -> bool:
    """Do two Chinese or Latin characters (or ``+``) follow, after an optional quote mark?

    Plain comparisons: a regex with the Chinese range costs ~1 ms to compile.
    """
    word = after[1:] if after[:1] in ("“", "”") else after
    return len(word) >= 2 and all(
        "\u4e00" <= c <= "\u9fff" or (c.isascii() and c.isalpha()) or c == "+" for c in word[:2]
    )


def _idiom_ends(after: str) -> bool:
    """Does a single character end the phrase after a classifier (``一家亲的`` / ``一家亲，``)?
    A counted noun has two characters or more (``一家企业``)."""
    return (
        len(after) >= 1
        and "\u4e00" <= after[0] <= "\u9fff"
        and (len(after) == 1 or after[1] == "的" or not "\u4e00" <= after[1] <= "\u9fff")
    )


def _chinese(
    norm: str, m: re.Match[str], lo: int, hi: int, quotes: list[tuple[int, int]]
) -> Figure | None:
    cn, unit = m["cn"], m["unit"]
    s, e = m.start(), m.end()
    # keep only the numeral run that ends at the classifier: 统一 / 进一步 are words
    if not any(c in cn for c in "一二两三四五六七八九十"):
        return None  # 千家万户, 百万
    value = parse_chinese_number(cn)
    if value is None or _inside(s, quotes):
        return None
    before = norm[max(lo, s - 2) : s]
    if before.endswith(_ORDINAL_BEFORE) or before[-1:] in CN_NUMERAL_CHARS:
        return None
    if before.endswith("”"):
        return None  # “一老一小”两个: the parts of a quoted name, not a count
    if _NUMBERED_NAME.match(norm, e, hi):
        return None  # 三个“一号工程”, 三个“十条”: a set of programmes named by numbers
    if _AFTER_FIGURES.search(norm[max(lo, s - 10) : s]):
        return None  # 连跨5万亿元、6万亿元两个台阶: the count of the figures before it
    after = norm[e : min(hi, e + 6)]
    if value == 1 and unit not in ("家", "所", "座", "亿元", "万元", "元", "万人"):
        return None  # 一个 / 一批 / 一次: the indefinite article
    if value == 1 and _idiom_ends(after):
        return None  # 军民一家亲的…: one character closes a saying, no noun is counted
    if unit == "次" and after.startswith(("会议", "全会", "产业")):
        return None  # 三次产业: the tertiary sector, not three times
    if unit in _SET_UNITS or (unit == "位" and after.startswith("数")):
        return None  # 十件民生实事, 八项规定: a set's name; 两位数增长: double digits
    if after.startswith(_ABSTRACT_NOUNS):
        return None
    closing = not after or after.startswith(_CLAUSE_CLOSERS)
    if unit in COUNT_UNITS and not (closing and any(c in cn for c in "十百千万亿")):
        # (a count with a magnitude that ends its clause, 新增就业两万人以上, is a figure)
        if not _noun_follows(after):
            return None  # 四张网 / 两翼 / 一是: a slogan, not a count
        clause = norm[_clause_start(norm, s, lo) : s]
        if clause and not ("、" in clause or clause.endswith(_COUNT_VERBS)):
            return None  # 中央八项规定 / 国内国际两个市场: part of a name
    if cn[-1] in "万亿" and len(cn) > 1 and unit in ("元", "人"):
        value = parse_chinese_number(cn[:-1]) or value
        unit = cn[-1] + unit
    return Figure(s, e, value, None, unit, m["ap"] or "", chinese=True)
