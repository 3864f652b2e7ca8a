"""Which time a sentence's figures are about: the review year, the plan year, a five-year
period reviewed or planned, or (where nothing says) unknown.

Reports in the first year of a five-year plan review the past five years (``“十四五”时期``,
``五年来``, ``过去五年``, ``年均``, ``累计``) beside the last year, and set five-year goals
(``“十五五”时期…年均增长``, ``到2030年``) beside the plan year's targets. Those figures get
their own kind and period and never stand as the plan year's actuals or targets.

How it is decided, for each sentence:

1. The part (review / targets / plan / other) gives the default: review → the review year's
   actual; targets and plan → the plan year's target.
2. Inside a part, a paragraph that opens with a five-year cue (``“十四五”时期是…的五年``,
   ``过去五年``) switches to the five-year frame, one that opens with a one-year cue
   (``2025年是…``, ``一年来``, ``今年``) switches back; the frame holds until switched.
3. A sentence's own cues win over its paragraph: ``年均`` / ``“十四五”时期`` / ``过去五年``
   make a five-year figure; ``到2030年`` a goal for that year; ``去年`` an actual.
4. In parts that are neither review nor plan (government self-building, a “十五五” outline)
   only cues decide; with none the kind is ``unknown`` — never a default of "target".
"""

from __future__ import annotations

import re
from bisect import bisect_right

from ..lexicon import APPENDIX, LazyPattern
from ..model import Document, Kind
from ..records import record

FIVE_YEAR_PLANS = {
    "十一五": (2006, 2010),
    "十二五": (2011, 2015),
    "十三五": (2016, 2020),
    "十四五": (2021, 2025),
    "十五五": (2026, 2030),
    "十六五": (2031, 2035),
}
"""China's five-year plan periods by name."""

_PLAN_PERIOD = re.compile(
    r"(?<![较比与同“])(?<![较比与同]“)“?(十[一二三四五六]五)”?(?:时期|期间|以来|规划期|规划纲要|末)"
    r"|第(十[一二三四五六])个五年规划"
)
"""A five-year plan's period named (``“十四五”时期``), or the plan itself (``“十五五”规划纲要``,
``第十五个五年规划的建议``) — not as a base of comparison (``较“十三五”时期增长148%`` is about
the current period)."""
_FIVE_WORDS = re.compile(
    r"过去的?五年|五年来|五年间|这五年|近五年|五年里|本届政府任期|今后五年|未来五年"
    r"|^这是[^，。；]{2,24}的五年"
)
"""Words naming the five years under review or ahead; ``这是…的五年`` (a five-year review's
headings: ``这是综合经济实力显著提升的五年。``) only at the start of a text."""
_TITLE_LINE_MAX = 30
"""Longest line read as an appendix's title (``2025年省十件民生实事``)."""
_SENTENCE_MARK = re.compile(r"[。；！？，：;!?,:]")
_SENTENCE_CUE = re.compile(
    r"(?:各位代表[！，：!,:]?)?(?:过去的?五年|五年来|这五年|今后五年|未来五年)"
)
"""A sentence that opens with one of these turns what follows, in its paragraph and after, to
the five years it names (``2025年主要目标任务如期完成。过去的五年极不平凡…经济总量连跨…``)."""
_AVERAGE = re.compile(r"年均(?!浓度|值|气温|降水)|年平均(?!浓度|值|气温|降水)")
"""An average over years (``年均增长5.5%``), not an annual mean (``PM2.5年均浓度``)."""
_ADDRESS = re.compile(r"^各位代表[！，：!,:]?")
_NAMED_YEAR = re.compile(r"[^，。]{0,3}(?:收官|开局|第一|最后|的?关键|决胜)")
"""``“十四五”收官之年`` / ``“十五五”开局之年``: one year named by its plan, not the period."""
_HORIZON = re.compile(r"(?:到|至|于|在)(20\d\d)年(?:底|末|前)?")
_TARGET_WORDS = ("目标", "力争", "确保", "预期", "计划", "今年", "明年", "争取")
_ACTUAL_OPENERS = ("去年", "过去一年", "上年", "一年来", "刚刚过去的")
_ONE_YEAR_OPENERS = ("今年", "明年", *_ACTUAL_OPENERS)
_STRONG_TARGET = ("目标", "力争", "确保", "预期目标", "计划", "明年", "争取", "将")
"""Words that make a sentence a plan whatever part it stands in."""
_ACTUAL_CUES = ("今年以来", "年初以来", "已经", "完成了", "实现了", "预计全年", "累计")
"""Words of a statement of what happened (``今年以来…增长5%``, ``预计全年达到…``)."""


def _any_of(words: tuple[str, ...]) -> LazyPattern:
    """A pattern found in a text when one of ``words`` is (one search in C, not a loop over
    the words: a report has hundreds of thousands of sentences), compiled on first use."""
    return LazyPattern("|".join(map(re.escape, words)))


_STRONG_TARGET_IN = _any_of(_STRONG_TARGET)
_TARGET_WORDS_IN = _any_of(_TARGET_WORDS)


@record
class Frame:
    """The time of a sentence's figures."""

    kind: Kind
    year: int | None
    period: str | None = None


class TimeFrames:
    """Decides the :class:`Frame` of each sentence of one document (see the module doc).

    The walk over the document keeps what each sentence inherits (its part, its paragraph's
    frame, its appendix's year); the sentence's own frame is decided when asked for, since
    only the few sentences with figures need one (a file of 200,000 headings: ~0.5 s)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.parts = {s.id: s.part for s in doc.sections}
        self.top = {s.id: _top_id(s.id) for s in doc.sections}
        self.titles = {s.id: s.title for s in doc.sections}
        self._breaks = _line_breaks(doc.norm)
        self._known_years: tuple[int, ...] | None = None
        self._year_cues: tuple[tuple[str, str], ...] | None = None
        self._made: dict[tuple[str, int | None], Frame] = {}
        ry = doc.review_year
        self._actual_in = _any_of((*_ACTUAL_OPENERS, *_ACTUAL_CUES, f"{ry}年" if ry else "去年"))
        self._parts: list[str] = []
        self._states: list[Frame | None] = []
        self._dated: list[Frame | None] = []
        self._walk()

    def frame(self, index: int) -> Frame:
        """The frame of sentence ``index`` of the document (see :meth:`refine` per figure)."""
        sentence = self.doc.sentences[index]
        text = self.doc.norm[sentence.start : sentence.end]
        frame = self._decide(text, self._parts[index], self._states[index])
        dated = self._dated[index]
        return dated if frame.kind == "unknown" and dated is not None else frame

    def part_of(self, section_id: str) -> str:
        """The part (review, targets, plan, other) a section belongs to."""
        return self.parts.get(self.top.get(section_id, ""), "other")

    # ----------------------------------------------------------------- the walk

    def _walk(self) -> None:
        doc = self.doc
        parts, states, dates = self._parts, self._states, self._dated
        state: dict[str, Frame | None] = {}  # top-level part -> its five-year frame, if in one
        dated: dict[str, Frame] = {}  # appendix -> the year its title line names
        last_para = -1
        for sentence in doc.sentences:
            top = self.top.get(sentence.section, "")
            part = self.parts.get(top, "other")
            para = bisect_right(self._breaks, sentence.start)
            if top not in state:
                state[top] = self._initial(top)
            if para != last_para or sentence.is_heading:
                start = self._breaks[para - 1] + 1 if para else 0
                opening = doc.norm[start : start + OPENING_CHARS * 2].lstrip()
                line = opening.split("\n", 1)[0]
                state[top] = self._switch(line, state[top])
                if part == "other" and APPENDIX.match(self.titles.get(top, "")):
                    year = self._dated_title(line)
                    if year is not None:
                        dated[top] = year
            else:
                text = doc.norm[sentence.start : sentence.end].lstrip()
                if _SENTENCE_CUE.match(text):
                    state[top] = self._cue_frame(text[:OPENING_CHARS]) or state[top]
            last_para = para
            parts.append(part)
            states.append(state[top])
            dates.append(dated.get(top))

    def _dated_title(self, line: str) -> Frame | None:
        """The year an appendix's title line names (``2025年省十件民生实事``: the plan year's
        commitments are its targets); ``None`` for a sentence or a line naming both years."""
        ry, py = self.doc.review_year, self.doc.plan_year
        if len(line) > _TITLE_LINE_MAX or _SENTENCE_MARK.search(line):
            return None
        plan = py is not None and f"{py}年" in line
        review = ry is not None and f"{ry}年" in line
        if plan and not review:
            return Frame("target", py)
        if review and not plan:
            return Frame("actual", ry)
        return None

    def _initial(self, top: str) -> Frame | None:
        title = self.titles.get(top, "")
        if any(f"{y}年" in title for y in self._years()) or "一年" in title:
            return None
        return self._cue_frame(title)

    def _switch(self, opening: str, current: Frame | None) -> Frame | None:
        head = _unaddressed(opening)[:OPENING_CHARS]
        if self._opens_one_year(head) and not _SENTENCE_CUE.match(head):
            return None  # 2025年…，为过去五年最高: the year, compared with the five
        cue = self._cue_frame(head)
        if cue is not None:
            return cue
        return current

    def _cue_frame(self, text: str) -> Frame | None:
        """The five-year frame a text names (``“十四五”时期``, ``过去五年``, ``今后五年``)."""
        if "五" not in text and "本届政府任期" not in text:  # what both patterns need
            return None
        m = _PLAN_PERIOD.search(text)
        if m and not _NAMED_YEAR.match(text, m.end()):
            start, end = FIVE_YEAR_PLANS[_plan_name(m)]
            ry = self.doc.review_year
            kind: Kind = "five-year review" if ry and end <= ry else "five-year goal"
            return Frame(kind, end, f"{start}-{end}")
        w = _FIVE_WORDS.search(text)
        if w:
            return self._five(reviewing=w.group() not in ("今后五年", "未来五年"))
        return None

    def _opens_one_year(self, head: str) -> bool:
        if head.startswith(_ONE_YEAR_OPENERS):
            return True
        if self._year_cues is None:
            self._year_cues = tuple((f"{y}年", f"{y}年是") for y in self._years())
        return any(head.startswith(year) or said in head for year, said in self._year_cues)

    def _years(self) -> tuple[int, ...]:
        if self._known_years is None:
            years = (self.doc.review_year, self.doc.plan_year)
            self._known_years = tuple(y for y in years if y)
        return self._known_years

    # ----------------------------------------------------------------- one sentence

    def _decide(self, text: str, part: str, state: Frame | None) -> Frame:
        """A sentence's frame from its part, its paragraph's frame and how it opens."""
        doc = self.doc
        ry, py = doc.review_year, doc.plan_year
        opening = _unaddressed(text.lstrip())
        if state is not None and not self._opens_one_year(opening[:OPENING_CHARS]):
            return state
        if part == "review":
            ahead = "明年" in text or (py is not None and f"{py}年" in text)
            return self._shared("target", py) if ahead else self._shared("actual", ry)
        if part in ("targets", "plan"):
            opener = (*_ACTUAL_OPENERS, f"{ry}年") if ry else _ACTUAL_OPENERS
            if opening.startswith(opener) and not self._targety(text):
                return self._shared("actual", ry)
            return self._shared("target", py)
        # A part that says nothing of its time: the sentence's tense and cue words decide.
        if _STRONG_TARGET_IN.search(text):
            return self._shared("target", py)
        if self._actual_in.search(text):
            return self._shared("actual", ry)
        if self._targety(text):
            return self._shared("target", py)
        return self._shared("unknown", None)

    def _shared(self, kind: Kind, year: int | None) -> Frame:
        """``Frame(kind, year)``, one object for all the sentences that have it (a report
        of hundreds of thousands of sentences has a handful of distinct frames)."""
        frame = self._made.get((kind, year))
        if frame is None:
            frame = self._made[kind, year] = Frame(kind, year)
        return frame

    def refine(self, frame: Frame, clause: str, part: str) -> Frame:
        """The frame of one figure: its sentence's frame, unless the clause it stands in (from
        the last ``；`` or ``。``) names a time of its own (``到2030年``, ``“十四五”时期``,
        ``年均``)."""
        py = self.doc.plan_year
        horizon = _HORIZON.search(clause)
        if horizon and py and int(horizon.group(1)) > py:
            year = int(horizon.group(1))
            if year - py >= FIVE_YEAR_HORIZON:
                return Frame("five-year goal", year, self._goal_period(clause, year))
            return Frame("target", year)
        own = self._cue_frame(clause)
        if own is not None:
            return own
        if _AVERAGE.search(clause) and frame.period is None:
            reviewing = part == "review" or frame.kind == "actual"
            if reviewing or part == "other":
                return self._five(reviewing=reviewing)
        return frame

    def _targety(self, text: str) -> bool:
        py = self.doc.plan_year
        return bool(_TARGET_WORDS_IN.search(text)) or (py is not None and f"{py}年" in text)

    def _five(self, *, reviewing: bool) -> Frame:
        ry, py = self.doc.review_year, self.doc.plan_year
        if reviewing and ry:
            return Frame("five-year review", ry, f"{ry - 4}-{ry}")
        if py:
            return Frame("five-year goal", py + 4, f"{py}-{py + 4}")
        return Frame("unknown", None)

    def _goal_period(self, text: str, year: int) -> str:
        m = _PLAN_PERIOD.search(text)
        if m:
            start, end = FIVE_YEAR_PLANS[_plan_name(m)]
            return f"{start}-{end}"
        py = self.doc.plan_year or year - 4
        return f"{py}-{year}"


OPENING_CHARS = 40
"""How much of a paragraph's start is read for a cue that switches its time frame."""
FIVE_YEAR_HORIZON = 3
"""A horizon this many years past the plan year or more (``到2030年`` in a 2026 report) is a
five-year goal; a nearer one (``到2027年``) a target for that year."""


def _plan_name(m: re.Match[str]) -> str:
    """The plan a :data:`_PLAN_PERIOD` match names: ``十五五`` for ``第十五个五年规划`` too."""
    return m.group(1) or m.group(2) + "五"


def _unaddressed(text: str) -> str:
    """``text`` without the address it may open with (``各位代表：``)."""
    return _ADDRESS.sub("", text, count=1) if text.startswith("各位代表") else text


def _line_breaks(text: str) -> list[int]:
    """Offsets of the line breaks of ``text``, found by ``str.find`` (a 5 MB report has a
    few thousand lines: a Python loop over its millions of characters took ~0.2 s)."""
    out: list[int] = []
    at = text.find("\n")
    while at >= 0:
        out.append(at)
        at = text.find("\n", at + 1)
    return out


def _top_id(section_id: str) -> str:
    head, _, rest = section_id.partition(":")
    return f"{head}:{rest.split('.')[0]}"
