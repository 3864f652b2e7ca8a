"""Word's automatic numbering: ``w:numPr`` + ``numbering.xml`` -> the label Word displays.

A heading numbered by Word has no ``一、`` in its text; the label (``一、``, ``（一）``,
``1.``, ``①``) comes from its list level's ``w:lvlText`` and ``w:numFmt``, and its counter
from the paragraphs numbered before it. Lists that share an abstract definition share
counters (as in Word) unless a ``w:startOverride`` restarts them.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_VAL = W + "val"
_CN = "〇一二三四五六七八九"
_CN_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"


class Numbering:
    """The numbering definitions of one document and the running counters."""

    def __init__(self, numbering: Element | None, styles: Element | None) -> None:
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}  # abstract -> lvl -> def
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}  # numId -> (abstract, overrides)
        self.style_num: dict[str, tuple[str, int]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[str] = set()
        if numbering is not None:
            self._read_numbering(numbering)
        if styles is not None:
            self._read_styles(styles)

    def _read_numbering(self, root: Element) -> None:
        for abstract in root.iter(W + "abstractNum"):
            levels = {}
            for lvl in abstract.iter(W + "lvl"):
                start = _int(_val(lvl, "start"), 1)
                levels[_int(lvl.get(W + "ilvl"), 0)] = (
                    start,
                    _val(lvl, "numFmt") or "decimal",
                    _val(lvl, "lvlText") or "",
                )
            self.levels[abstract.get(W + "abstractNumId", "")] = levels
        for num in root.iter(W + "num"):
            overrides = {}
            for override in num.iter(W + "lvlOverride"):
                start = override.find(W + "startOverride")
                if start is not None:
                    overrides[_int(override.get(W + "ilvl"), 0)] = _int(start.get(_VAL), 1)
            self.nums[num.get(W + "numId", "")] = (_val(num, "abstractNumId") or "", overrides)

    def _read_styles(self, root: Element) -> None:
        based: dict[str, str] = {}
        own: dict[str, tuple[str, int]] = {}
        for style in root.iter(W + "style"):
            sid = style.get(W + "styleId", "")
            based[sid] = _val(style, "basedOn") or ""
            num_pr = style.find(f"{W}pPr/{W}numPr")
            if num_pr is not None:
                own[sid] = (_val(num_pr, "numId") or "", _int(_val(num_pr, "ilvl"), 0))
        for sid in based:
            seen, cur = set(), sid
            while cur and cur not in own and cur not in seen:
                seen.add(cur)
                cur = based.get(cur, "")
            if cur in own:
                self.style_num[sid] = own[cur]

    def label(self, p: Element) -> str:
        """The number Word shows before paragraph ``p`` ("" if it is not numbered)."""
        num_id, ilvl = self._num_pr(p)
        if not num_id or num_id == "0" or num_id not in self.nums:
            return ""
        abstract, overrides = self.nums[num_id]
        levels = self.levels.get(abstract, {})
        if ilvl not in levels:
            return ""
        counters = self.counters.setdefault(abstract, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for lvl, start in overrides.items():
                counters[lvl] = start - 1
        counters[ilvl] = counters.get(ilvl, levels[ilvl][0] - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        text = levels[ilvl][2]
        for lvl in range(ilvl + 1):
            start, fmt, _ = levels.get(lvl, (1, "decimal", ""))
            text = text.replace(f"%{lvl + 1}", format_number(counters.get(lvl, start), fmt))
        return "" if levels[ilvl][1] in ("bullet", "none") else text

    def _num_pr(self, p: Element) -> tuple[str, int]:
        ppr = p.find(W + "pPr")
        if ppr is None:
            return "", 0
        num_pr = ppr.find(W + "numPr")
        style = _val(ppr, "pStyle") or ""
        from_style = self.style_num.get(style, ("", 0))
        if num_pr is None:
            return from_style
        num_id = _val(num_pr, "numId") or from_style[0]
        return num_id, _int(_val(num_pr, "ilvl"), from_style[1])


def format_number(n: int, fmt: str) -> str:
    """``n`` in one of Word's number formats (``chineseCounting`` 12 -> ``十二``)."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting",
               "taiwaneseCounting", "koreanCounting"):  # fmt: skip
        return chinese_counting(n)
    if fmt == "chineseLegalSimplified":
        return "".join(_CN_LEGAL[int(d)] for d in str(n))
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join(_CN[int(d)] for d in str(n))
    if fmt == "ideographTraditional":
        return _STEMS[(n - 1) % 10]
    if fmt == "ideographZodiac":
        return _BRANCHES[(n - 1) % 12]
    if fmt.startswith("decimalEnclosedCircle") and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return "".join(chr(0xFF10 + int(d)) for d in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("upperLetter", "lowerLetter"):
        letter = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman"):
        roman = _roman(n)
        return roman if fmt == "upperRoman" else roman.lower()
    return str(n)


def chinese_counting(n: int) -> str:
    """Chinese numerals as counted in headings: 1 一, 10 十, 12 十二, 20 二十, 105 一百零五."""
    if n <= 0:
        return str(n)
    if n < 10:
        return _CN[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else _CN[tens]) + "十" + (_CN[ones] if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        if not rest:
            return _CN[hundreds] + "百"
        tail = chinese_counting(rest)
        if rest < 10:
            return _CN[hundreds] + "百零" + tail
        return _CN[hundreds] + "百" + ("一" + tail if rest < 20 else tail)
    return str(n)


def _roman(n: int) -> str:
    out = []
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"),
                           (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"),
                           (4, "IV"), (1, "I")):  # fmt: skip
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def _val(element: Element, child: str) -> str | None:
    found = element.find(W + child)
    return None if found is None else found.get(_VAL)


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default
