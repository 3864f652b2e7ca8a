"""The one vocabulary of lingdiff: numerals, heading markers, units, figure patterns, qualifiers.

Every stage that needs to know what a heading number, a unit or a qualifier is reads it
here — the outline (heading markers, numerals), the figure extractor (figures, units,
qualifiers), the character diff (a figure is one token) and the sentence and section scorers
(numbers cut off, figures masked) — so that what one stage treats as one figure or one heading
is what every other stage does.

Only data and tiny pure functions live here; the rules that use them stay with their stage.
Importing it installs :func:`lingdiff.recharset.install` (cheaper CJK character classes) before
any stage compiles its patterns.
"""

from __future__ import annotations

import re

from .recharset import install as _install_recharset

_install_recharset()

# --------------------------------------------------------------------------- patterns


class LazyPattern:
    """A regex compiled on its first use, for patterns many runs never need (table rows,
    company names, a dateline): compiling one with a CJK class costs ~1 ms, and a report of
    two short files would otherwise spend a third of its time compiling patterns.

    Offers the methods of :class:`re.Pattern`; after the first use they are the compiled
    pattern's own (set on the instance), so later calls cost what a compiled pattern's do.
    """

    _METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern, self.flags = pattern, flags

    def __getattr__(self, name: str) -> object:
        compiled = re.compile(self.pattern, self.flags)
        for method in self._METHODS:
            setattr(self, method, getattr(compiled, method))
        self.groups, self.groupindex = compiled.groups, compiled.groupindex
        return getattr(compiled, name)


# --------------------------------------------------------------------------- numerals

CN_DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
    "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
"""Chinese digits (``两`` is 2 in counts: ``两条``)."""
CN_SMALL_UNITS: dict[str, int] = {"十": 10, "百": 100, "千": 1000}
CN_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万亿"
"""Characters a Chinese numeral is written with (``一千二百``, ``三万``)."""
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
"""Circled numbers used as item markers; ① is 1."""
HEADING_CN = "[一二三四五六七八九十]{1,3}"
"""A Chinese numeral as heading numbers write it (一 … 九十九)."""


def parse_chinese_number(s: str) -> float | None:
    """The value of a Chinese numeral (``两`` 2, ``十五`` 15, ``一千`` 1000, ``三万`` 30000).

    None when ``s`` is not a well-formed numeral (``一二`` is two digits, not a number).
    """
    total = 0.0
    section = 0.0
    digit: float | None = None
    for ch in s:
        if ch in CN_DIGITS:
            if digit is not None:
                return None
            digit = CN_DIGITS[ch]
        elif ch in CN_SMALL_UNITS:
            section += (1 if digit is None else digit) * CN_SMALL_UNITS[ch]
            digit = None
        elif ch in ("万", "亿"):
            section += digit or 0
            mult = 1e4 if ch == "万" else 1e8
            total = (total + section) * mult if ch == "亿" else total + section * mult
            section, digit = 0.0, None
        else:
            return None
    if not s:
        return None
    return total + section + (digit or 0)


def heading_numeral(raw: str) -> int | None:
    """The number of a heading marker's numeral: ``3`` → 3, ``十二`` → 12, ``③`` → 3.

    None for anything that is not a heading number (``两``, ``一百``, ``零``).
    """
    if raw.isascii() and raw.isdigit():
        return int(raw)
    if raw in CIRCLED:
        return CIRCLED.index(raw) + 1
    if not raw or any(ch not in "一二三四五六七八九十" for ch in raw):
        return None
    value = parse_chinese_number(raw)
    return int(value) if value is not None and 0 < value < 100 else None


# --------------------------------------------------------------------------- heading markers

HEADING_START: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("chapter", re.compile(rf"第(?P<n>{HEADING_CN})(?:部分|章|篇)\s*[：:、.，]?\s*")),
    ("cn", re.compile(rf"(?P<n>{HEADING_CN})\s*[、.]\s*")),
    ("paren", re.compile(rf"（\s*(?P<n>{HEADING_CN}|\d{{1,2}})\s*）\s*")),
    ("circled", re.compile(rf"(?P<n>[{CIRCLED}])\s*")),
    ("arabic", re.compile(r"(?P<n>\d{1,2})\s*[.、](?![\d.])\s*")),
    ("enum", re.compile(rf"(?:其)?(?P<n>{HEADING_CN})是(?=[^\W\d_]|“)")),
    ("dash", re.compile(r"(?P<n>——|-{2})(?=[^\s\d—-])")),
)
"""Heading markers at the start of a paragraph (analysis text), tried in this order; each
family's group ``n`` is its numeral. ``chapter`` 第一部分, ``cn`` 一、, ``paren`` （一）/（1）,
``circled`` ①, ``arabic`` 1. / 1、, ``enum`` 一是 / 其一是, ``dash`` ——."""

HEADING_INLINE = re.compile(
    rf"(?<=[。；！？：])\s*(?:(?P<arabic>\d{{1,2}})[.](?![\d.])"
    rf"|（(?P<paren>{HEADING_CN}|\d{{1,2}})）"
    rf"|(?P<circled>[{CIRCLED}]))"
    rf"|(?<=[。；！？：，])(?:其)?(?P<enum>{HEADING_CN})是(?=[^\W\d_]|“)"
)
"""Heading markers inside a paragraph: after a sentence end (``一是`` also after a comma)."""

LEADING_NUMBER = re.compile(
    rf"^\s*(?:第{HEADING_CN}(?:部分|章|篇)\s*[：:、.，]?"
    rf"|[（(]\s*(?:{HEADING_CN}|\d{{1,3}})\s*[）)]"
    rf"|{HEADING_CN}\s*[、.．]"
    rf"|(?:其)?{HEADING_CN}是"
    rf"|[{CIRCLED}]"
    r"|\d{1,2}\s*[.、．](?!\d)"
    r"|——)\s*"
)
"""Any heading number at the start of a sentence or title, for cutting it off before comparing
(``（一）``, ``1.``, ``一是``, ``——``); written to accept raw as well as analysis text."""


PART_LINE_WORDS = re.compile(
    r"工作回顾|回顾$|执行情况|过去一年的工作|过去五年的工作|工作安排|重点工作|主要任务|工作任务"
    r"|预期目标|总体要求|政府自身建设|“十五五”|十五五"
)
"""Words that make a plain line (no number) a part heading of a report."""


APPENDIX = re.compile(
    r"(?:(?:附件|附录)\s*[\d一二三四五六七八九十]*(?:\s*[：:、.．]?\s*[^\s。，；：:]{1,24})?"
    r"|附|名词解释|注释|注解)\s*[：:]?"
)
"""A line that opens an appendix after the report itself (a list of 民生实事, a glossary):
``附件1``, ``附件2 名词解释``, ``附录：2025年十件民生实事``, ``名词解释``."""


def strip_heading_number(text: str) -> str:
    """``text`` without the heading number it starts with, if any."""
    return LEADING_NUMBER.sub("", text, count=1)


# --------------------------------------------------------------------------- units

PERCENT_UNITS = ("个百分点", "百分点", "%", "‰", "成")
"""Units of a part or a change of a whole; 成 is tenths (``占全国4成``, ``7成以上``)."""
COUNT_UNITS = (
    "人次", "场次", "户", "人", "名", "个", "家", "所", "座", "条", "处", "项", "件", "张", "套",
    "场", "次", "本", "盏", "头", "只", "羽", "株", "棵", "批", "栋", "宗", "起", "例", "辆", "台",
    "架", "艘", "片", "位", "支", "天", "篇", "部", "门", "对", "组",
    "届", "列", "趟", "款", "轮", "颗", "枚", "批次", "辆次", "艘次", "架次", "车次", "航次",
)  # fmt: skip
MEASURE_UNITS = (
    "美元", "欧元", "元", "公斤", "千克", "斤", "吨标准煤", "吨", "公顷", "亩", "平方公里",
    "平方千米", "平方米", "立方米", "公里", "千米", "米", "千瓦时", "千瓦", "标准箱", "标箱", "倍",
    "岁",
    "微克/立方米", "毫克/升", "分贝",
    "m2", "m²", "㎡", "km", "kg", "kW", "kWh", "MW", "GW",
    "百亿亿次/秒", "EFLOPS", "Eflops", "P",  # computing power: 10.36百亿亿次/秒, 55Eflops, 1.6万P
)  # fmt: skip
CATEGORY_UNITS = ("类", "大类")
"""Counts of categories, a figure only before the count of their items (``12类45件民生实事``):
never matched as a unit by :data:`FIGURE` (``1类创新药`` names a class)."""
CLASS_UNITS = ("千伏",)
"""Units that name a class rather than measure an amount (``110千伏变电站`` is a kind of
substation): one token in a diff, never a figure."""
SET_PHRASE_COUNTS = ("56个民族", "五十六个民族")
"""Set phrases that name a whole by its count (同心协力建设56个民族共同团结奋斗…, the State
Council 2019): their number is part of a name, no figure. ``78个民族自治地方`` is a figure."""
MAGNITUDES = ("万亿", "千亿", "千万", "亿", "万", "千")
"""Magnitude prefixes of a unit (``亿元``, ``万人``); a bare ``万``/``亿`` is a figure too."""
PER_UNIT = r"(?:/每?(?:千瓦时|平方米|立方米|吨|人|户|亩|年|月|天|斤|公斤|度|小时))"
"""A rate's denominator: ``元/吨``, ``千瓦时/每平方米``."""
PER_TIME = r"(?:/(?:日|天|年|小时|时|秒))"
"""A capacity's time: ``16.9万吨/日``, ``1459万吨/年``."""
UNIT_ALTERNATION = "|".join(
    re.escape(u)
    for u in sorted(
        PERCENT_UNITS + COUNT_UNITS + MEASURE_UNITS + CLASS_UNITS, key=len, reverse=True
    )
)
_UNIT_ALIASES = {"m2": "平方米", "m²": "平方米", "㎡": "平方米", "km": "公里", "千米": "公里"}


def unit_kind(unit: str) -> str:
    """The family of a unit: ``percent``, ``count``, ``measure`` or ``magnitude``."""
    base = unit.lstrip("万亿千") or unit
    if unit in PERCENT_UNITS:
        return "percent"
    if base in COUNT_UNITS or unit in CATEGORY_UNITS:
        return "count"
    if base in ("万", "亿", "千", ""):
        return "magnitude"
    return "measure"


MAGNITUDE_FACTORS = {"万亿": 1e12, "千亿": 1e11, "千万": 1e7, "亿": 1e8, "万": 1e4, "千": 1e3}
"""What each magnitude prefix multiplies by."""
_KNOWN_UNITS = frozenset(PERCENT_UNITS + COUNT_UNITS + MEASURE_UNITS + CLASS_UNITS)


def unit_scale(unit: str) -> tuple[str, float]:
    """The unit's family and the factor of its magnitude: ``亿元`` → (元, 1e8), ``万千瓦时`` →
    (千瓦时, 1e4), ``千瓦时`` → (千瓦时, 1): a magnitude is only split off where what is left
    is a unit itself (``瓦时`` and ``克`` are not, so ``千瓦时`` and ``千克`` stay whole).
    Remembered per unit (a report asks about a few dozen units a thousand times)."""
    found = _SCALES.get(unit)
    if found is None:
        found = _unit_scale(unit)
        if len(_SCALES) < 4096:  # units read from JSON files are any text: keep it bounded
            _SCALES[unit] = found
    return found


_SCALES: dict[str, tuple[str, float]] = {}
""":func:`unit_scale` of each unit asked about."""


def _unit_scale(unit: str) -> tuple[str, float]:
    if unit in ("个百分点", "百分点"):
        return "个百分点", 1.0
    if unit in _UNIT_ALIASES:
        return _UNIT_ALIASES[unit], 1.0  # 千米 is 公里, not 1000 米
    for mag, factor in MAGNITUDE_FACTORS.items():
        rest = unit[len(mag) :]
        if unit.startswith(mag) and rest.split("/")[0] in _KNOWN_UNITS:
            return _UNIT_ALIASES.get(rest, rest), factor
    return _UNIT_ALIASES.get(unit, unit), 1.0


def unit_family(unit: str) -> str:
    """The unit without its magnitude: ``亿元`` and ``元`` are one family, ``户`` and ``人`` two."""
    return unit_scale(unit)[0]


# --------------------------------------------------------------------------- qualifiers

PREFIX_QUALIFIERS = (
    "超过", "超", "突破", "约", "近", "接近", "逾", "不低于", "不少于", "不超过", "不高于",
    "至少", "高于", "低于", "多于", "迈上", "跨越", "连跨", "跃上", "跨上",
)  # fmt: skip
"""Qualifiers written before a figure (``超21亿元``, ``不低于90%``)."""
SUFFIX_QUALIFIERS = ("以上", "以下", "以内", "之内", "左右", "上下")
"""Qualifiers written after a figure (``7.5%以上``, ``5%左右``)."""
APPROX_MARKS = ("余", "多")
"""Marks of an approximate count inside a figure (``300余家``, ``2万多人``)."""
FLOOR_QUALIFIERS = ("以上", "超过", "超", "突破", "不低于", "不少于", "至少", "高于", "逾")
"""Qualifiers that make a target a floor (met at or above it)."""
CEILING_QUALIFIERS = ("以内", "以下", "不超过", "不高于", "控制在", "低于", "之内", "内")
"""Qualifiers that make a target a ceiling (met at or below it)."""
STANCES = ("力争", "预计", "确保", "有望")
"""How firmly a figure is stated: a stretch goal, an estimate, a floor, a prospect."""
AFTER_FIGURE = frozenset(SUFFIX_QUALIFIERS + APPROX_MARKS)
"""Words a qualifier string puts after the value when a figure is shown (the rest go before)."""

# --------------------------------------------------------------------------- figures

NUMBER = r"\d+(?:\.\d+)?"
"""An Arabic number as figures write it (analysis text: digits are ASCII)."""
DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
"""A run of digits with decimal points or thousands separators (``1,200.5``)."""
RANGE_DASH = "-—–~〜－～至到"
"""Signs joining the two ends of a range (``6%—6.5%``, ``5至6``)."""

FIGURE = re.compile(
    rf"(?P<n1>{NUMBER})(?:(?P<p1>%)?[ ]?(?P<dash>[{RANGE_DASH}])[ ]?(?P<n2>{NUMBER}))?"
    rf"[ \u3000]?(?P<ap1>余|多)?(?P<mag>万亿|千亿|千万|亿|万|千(?![米瓦克伏]))?(?P<ap2>余|多)?"
    rf"(?P<unit>(?:元|分){PER_UNIT}|(?:吨|立方米|千瓦时|标准箱|标箱){PER_TIME}|{UNIT_ALTERNATION})?"
)
"""A number with its range end, approximation marks, magnitude and unit, all optional but the
first number; the extractor decides which matches are figures (a bare number never is)."""

FIGURE_TOKEN = LazyPattern(
    rf"(?=\d)(?:\d{{4}}年|{FIGURE.pattern}(?:{'|'.join(SUFFIX_QUALIFIERS)})?)|[A-Za-z]+|.", re.S
)
"""One token of a sentence for character diffs: a year (``2019年``), a figure whole with its
qualifier (``7.5%以上``), a Latin word, or any other single character."""
