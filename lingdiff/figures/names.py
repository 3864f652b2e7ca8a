"""Reading the words around a figure: verb, qualifier, measure, and the indicator's name.

The words before a figure are read from the right: ``城乡居民人均可支配收入分别达到`` is a
subject (``城乡居民人均可支配收入``) followed by a flag (``分别``) and a verb (``达到``). The
verbs decide the measure (``增长`` growth, ``占`` share, ``降至`` level) and the direction
(``下降`` −1). What is left is the subject; framing words (``全年``, ``全区``, ``完成``,
``力争``) are stripped so the indicator is the bare noun phrase.

The word lists are ordinary vocabulary of Chinese statistical reporting, not terms of any
particular report.
"""

from __future__ import annotations

import re

from ..lexicon import PREFIX_QUALIFIERS, STANCES
from .clauses import trim_clause
from .linkform import CONTRASTS, contrast_marker
from .patterns import BARE_MAGNITUDE

GROWTH_UP = ("同比增长", "比上年增长", "增长", "增速", "增幅", "涨幅", "上涨", "提高", "提升")
GROWTH_UP += ("增加", "上升", "提速", "扩大", "增收", "新增", "净增", "高", "多")
GROWTH_DOWN = ("下降", "降低", "减少", "回落", "降幅", "降价", "缩小", "压降", "压减", "下调")
GROWTH_DOWN += ("缩减", "减幅", "低", "少")
LEVEL_VERBS = (
    "达到", "达", "为", "是", "在", "稳定在", "保持在", "控制在", "降至", "降低至", "降低到",
    "下降至", "下降到", "降到", "减少到", "减少至", "减至", "提升至", "提升到", "提高至",
    "提高到", "升至", "上升至", "上升到", "跃升至", "跃升到", "跃升为", "增至", "增加到",
    "增加至", "增长到", "增长至", "扩大到", "扩大至", "缩小至", "缩小到", "收窄至", "收窄到",
    "稳定", "保持", "控制", "实现", "完成", "累计", "总计", "合计", "共计", "可", "将", "可达",
    "了", "的", "等", "已", "再", "又", "也", "都", "继续", "全部", "总共", "年均", "平均",
    "实际", "名义", "同比", "比上年", "较上年", "比去年", "较去年", "较上年同期", "要", "按",
    "拟按", "安排", "拟", "约合", "折合", "进入", "从", "由", "跨过", "迈过", "迈上", "站上",
)  # fmt: skip
SHARE_WORDS = ("比重", "占比")
# The role of a word just before a figure; a later group wins where a word is in two.
_TAIL: dict[str, str] = {
    word: role
    for words, role in (
        (LEVEL_VERBS, "level"),
        (GROWTH_UP, "up"),
        (GROWTH_DOWN, "down"),
        (PREFIX_QUALIFIERS, "qual"),
        (STANCES, "stance"),
        (SHARE_WORDS, "share"),
        (("分别",), "resp"),
        (("均", "双双", "双"), "each"),
        (("首次", "再次", "首度", "一举", "历史性", "连续", "率先", "在全国率先"), "noise"),
    )
    for word in words
}
_TAIL_RE = re.compile("(?:" + "|".join(sorted(_TAIL, key=len, reverse=True)) + ")$")

FRAMING = (
    "全年", "全区", "全县", "全市", "全省", "全国", "全镇", "全乡", "全疆", "全州", "全盟", "全旗",
    "全岛", "全自治区", "今年", "年内", "年底前",
    "年底", "本年", "当年", "力争", "确保", "预计", "有望", "努力", "完成", "实现", "达到",
    "计划", "共", "累计", "其中", "同时", "另外", "此外", "并", "主要预期目标", "分别", "同比",
    "较去年", "较上年", "比上年", "全面", "合计", "总计", "共计", "实际", "年度", "实施", "铺排",
    "滚动实施", "稳定", "保持", "落实", "持续", "大力", "积极", "着力", "全力", "进一步", "为企业",
    "、", "已", "将", "可", "要", "把", "推进", "成功", "高质高效", "高标准", "加快",
    "获得", "获", "开展", "先后", "拟安排", "拟", "将", "用于", "我国", "各地", "落实好",
    "先发行", "拟发行", "继续发行", "发行", "包括", "提出", "十五五时期", "今后五年", "未来五年",
)  # fmt: skip
_FRAMING_RE = re.compile(
    "^(?:为(?:企业|个人|患者|群众|居民)(?:和(?:企业|个人|患者|群众|居民))?|"
    "[一二三四五六七八九十]{1,3}是(?=.{2})|"  # 十一是维修…: an item's enumerator
    "(?:19|20)\\d{2}年(?:底|末)?(?!以来)(?=.{2})|"  # 2025年全省地区生产总值: when, not what
    # 1—11月规模以上工业能耗强度, 四季度…, 前三季度…: the months a figure covers, not what
    "(?:\\d{1,2}[—–~-]\\d{1,2}月份?|前[一二三四五六七八九十\\d]{1,2}个?月|[一二三四]季度"
    "|前三季度|上半年|下半年)(?=.{2})|" + "|".join(sorted(FRAMING, key=len, reverse=True)) + ")"
)
# A from-value inside a subject (``由9.8%``, ``现行16%的``) is not part of its name.
_FROM_VALUE = re.compile(r"(?:由|从|现行)[^，；、]*?\d[\d.%]*[^，；、\d]{0,3}?(?:的|$)")
# 提升至2025年的10.2年: the year a move ends in is no part of the subject
_TO_YEAR = re.compile(r"(?:\d{4}年|去年|上年|今年)(?:底|末)?的?$")
_OF_AVERAGE = re.compile(
    r"(?P<qual>约|近|超过|超)?(?:为|是|相当于|达到|达)"
    r"(?P<base>(?:全国|全省|全市|全区|城镇居民|东部地区)(?:平均|平均水平))的$"
)
_COMPARISON = re.compile(
    "^(?:(?:比|较)(?:去年|上年|上一年|年初|上年年初)|(?P<dir>高于|低于)"
    "|(?:比|较)(?:上年同期|同期|上次|上届|改革前|[12]\\d{3}年(?:底|末)?"
    "|[\\d一二三四五六七八九十两]{1,2}年前|十[一二三四五]五(?:时期|期间|末)?)$)"
)
"""What the growth said after it is measured against (``比2007年增加2.8平方米``, ``较3年前增长44%``,
``较十三五末净增1万亿元``), or a comparison with another place's figure (``高于全国``): no
subject of its own, the figure is said of the subject before it."""
_RATIO = re.compile("^(?:完成|达到|相当于|占)(?P<base>[^的]{1,15})的$")
_PLAN_RATIO = re.compile("(?:完成|相当于)(?P<base>[^的，、]{0,6}(?:计划|目标任务|预算))的$")
"""The share of a plan said of the subject in the same clause (``城镇新增就业完成年计划的``)."""
ACTION_VERBS = ("新建", "建成", "引进", "签约", "争取", "开工", "竣工", "建设", "打造", "培育")
ACTION_VERBS += ("创建", "发放", "新增", "建好", "完成", "实施", "打通", "消除", "改造", "下调")
HEADS = (
    "总产量", "产量", "总产值", "年产值", "产值", "增加值", "总量", "规模", "总额", "零售额",
    "销售额", "交易额", "收入", "总收入", "支出", "投资", "投资额", "面积", "播种面积", "种植面积",
    "人数", "户数", "数量", "增速", "增幅", "比重", "占比", "天数", "出口额", "进口额", "总数",
    "生产",
)  # fmt: skip
_HEADS_BY_LEN = sorted(HEADS, key=len, reverse=True)
_NP_CUT = re.compile(
    "保持|实现|完成|达到|增长|下降|稳定|提高|提升|获得|成为|突破|超过|位居|均|分别|持续|加快"
    "|呈现|继续|明显|大幅|稳步|有所|进一步|快速|较快|同比|比上年|增幅|增速|全面|不断"
    "|全线|投产|建成|相继|正式|已"
    # 粮食总产量再上新台阶，突破… / 粮食生产再获丰收，总产…: a milestone ends the noun phrase
    "|再上|迈上|跃上|登上|站上|跨上|再创|创下|刷新|再获|喜获"
)
_POST_CUT = re.compile(
    "建成|投用|投入|拿到|吃上|走上|得到|实现|完成|获得|开工|竣工|通车|入选|纳入|落地|签约"
    "|投产|运营|参与|覆盖|惠及|达到|已|将|正在|全面|有序|陆续|顺利|成功|和|及(?!以上|以下)|与|等"
    "|（|\\("
    "|验收|初具|初见|开展|年内|精准|结对|吃上|用于|共同|保持|两位数"
    "|为(?=牵引|引领|抓手|重点|核心|主线|龙头|载体|依托|支撑)"  # 以10件民生实事为牵引
)
_AMONG = re.compile("中(?=.*(?:占比|比例|比重|率)$)")
"""``中`` as "among" in the noun after a count, a share of the counted things following it
(``160个国控断面中I类及以上水质占比86.1%``)."""
_MARKS = re.compile(r"[“”‘’《》「」『』\"'\s|]|[［\[]\d{1,3}[］\]]")
"""Quote marks, spaces, and note calls (``四大主导产业［7］增加值``: the ［7］ points to a note)."""
COMPOUND_SPLITS = {"城乡": ("城镇", "农村"), "进出口": ("进口", "出口"), "中小学": ("中学", "小学")}
COMPOUND_SPLITS["产销量"] = ("产量", "销量")


class PreReading:
    """What the words just before a figure say: subject, measure hints, qualifiers, flags.

    Made by :func:`read_pre` with the subject only and filled in as the words are read."""

    __slots__ = (
        "conversion", "direction", "each", "growth", "qualifiers", "ratio", "respectively",
        "share", "share_base", "subject",
    )  # fmt: skip

    def __init__(self, subject: str) -> None:
        self.subject = subject
        self.direction = 0
        self.growth = False
        self.share = False
        self.share_base = ""
        self.ratio = False
        self.qualifiers: list[str] = []
        self.respectively = False
        self.each = False
        self.conversion = False
        """``约合``/``折合`` before the figure: the amount before it in another currency."""


def leads_a_figure(text: str) -> bool:
    """Does ``text`` end in a verb, qualifier or share word that governs a figure after it
    (``产值占全省比重超``)?"""
    m = _TAIL_RE.search(_MARKS.sub("", text))
    return m is not None and m.group() not in ("的", "了", "等", "也", "都", "可", "将", "要")


def read_pre(pre: str) -> PreReading:
    """Strip verbs, flags and qualifiers off the right end of the words before a figure."""
    text = _TO_YEAR.sub("", _MARKS.sub("", pre))
    reading = PreReading("")
    ratio = _RATIO.match(text)
    if ratio:  # 完成预算的101.3%: a share of the plan, said of the subject before
        reading.ratio, reading.share_base = True, ratio["base"]
        return reading
    ratio = _PLAN_RATIO.search(text)
    if ratio:  # 城镇新增就业、新增发放创业担保贷款分别完成年计划的113.4%、256.1%
        reading.ratio, reading.share_base = True, ratio["base"]
        head = text[: ratio.start()]
        reading.respectively = "分别" in head
        reading.subject = strip_framing(head)
        return reading
    average = _OF_AVERAGE.search(text)
    if average:  # 分别约为全国平均的70%: a share of the average, said of the subject
        reading.share, reading.share_base = True, average["base"]
        reading.qualifiers = [average["qual"]] if average["qual"] else []
        text = text[: average.start()]
    while True:
        m = _TAIL_RE.search(text)
        if m is None or not m.group():
            break
        word = m.group()
        role = _TAIL[word]
        text = text[: m.start()]
        if role in ("up", "down"):
            reading.growth = True
            if not reading.direction:
                reading.direction = 1 if role == "up" else -1
        elif role == "qual":
            reading.qualifiers.insert(0, word)
        elif word in ("约合", "折合"):  # 约合1243亿元人民币: a conversion (约: approximate)
            reading.conversion = True
            if word == "约合":
                reading.qualifiers.insert(0, "约")
        elif role == "share":
            reading.share = True
        elif role == "resp":
            reading.respectively = True
        elif role == "each":
            reading.each = True
    text = _FROM_VALUE.sub("", text)
    if "分别" in text:
        reading.respectively = True
        text = text.replace("分别", "")
    at, after = _share_at(text)
    if at >= 0:
        reading.share = True
        reading.share_base = strip_framing(text[after:])
        text = text[:at]
        qual = _QUAL_BEFORE_SHARE.search(text)
        if qual:  # 约占全国1/10: the qualifier is the share's, no part of the subject
            reading.qualifiers.insert(0, qual.group())
            text = text[: qual.start()]
    comparison = _COMPARISON.match(text.lstrip("、"))  # 澳资企业超6600户、较3年前增长44%
    if comparison and (reading.growth or comparison["dir"]):
        if comparison["dir"]:
            reading.growth = True
            reading.direction = 1 if comparison["dir"] == "高于" else -1
        return reading
    circumstance = _CIRCUMSTANCE.search(text)
    if circumstance and circumstance.start() >= 2:  # 外贸进出口在…情况下增长12%
        text = text[: circumstance.start()]
    subject = strip_framing(text)
    # 五年增加70%以上, 5年提高4.5个百分点: growth over a span of years is said of the subject
    # before it, not of the span
    reading.subject = "" if reading.growth and _SPAN_ONLY.fullmatch(subject) else subject
    if reading.subject:  # 居民人均可支配收入五年增长30.8%: the span is no part of the name
        reading.subject = _SPAN_AFTER.sub("", reading.subject)
        # 城镇调查失业率全年控制在5.5%, 人均预期寿命较2020年提高1.16岁: nor is the time
        reading.subject = _TIME_AFTER.sub("", reading.subject)
    return reading


_TIME_AFTER = re.compile(
    r"(?<=[^\W\d_]{2})(?:(?:较|比)?(?:19|20)\d\d年(?:底|末)?|全年|今年|当年|年内|(?<![人亩户])每年)$"
)
"""A time after the subject: the year it is compared with or reached by, the whole year."""


_SPAN_AFTER = re.compile(
    r"(?<=[\u4e00-\u9fff]{2})(?<!连续)(?:[一二三四五六七八九十两]+|\d{1,2})年(?:来|以来)?$"
)
"""A span of years after the subject (``国家财政性教育经费支出五年累计…``), not after 连续."""


_SPAN_ONLY = re.compile(r"(?:过去|近|这)?(?:[一二三四五六七八九十两]+|\d{1,2})年(?:来|以来)?")
"""A subject that is only a span of years (``五年``, ``近十年来``, ``5年``)."""


def _share_at(text: str) -> tuple[int, int]:
    """Where a share's marker stands (``占``; ``贡献了`` as in 贡献了全国38.7%的增量) and ends."""
    for m in _SHARE_MARK.finditer(text):
        if not text.startswith(("占地面积", "占用", "占领", "占有", "贡献率"), m.start()):
            return m.start(), m.end()
    return -1, -1


_SHARE_MARK = re.compile("占|贡献了")
_CIRCUMSTANCE = re.compile(r"在[^在，；]*?(?:情况|背景|前提|形势|条件)下$")
"""``在对美贸易下降超3成情况下``: the circumstances of a figure, no part of its subject."""
_QUAL_BEFORE_SHARE = re.compile("(?:约|近|接近|超过|超|逾)$")


_DURATION = re.compile(
    r"连续[\d一二三四五六七八九十两]+年(?:以上)?|^近[\d一二三四五六七八九十两]+年(?:来)?"
    r"|^每年$"
)
SHORT_ITEM = 4
"""A list item this short (``蔬菜``, ``能源``) is a modifier sharing the last item's head noun."""


def strip_framing(text: str) -> str:
    """Drop framing words (全年, 全区, 完成, 力争 …) from the left and filler from the right."""
    text = _MARKS.sub("", text).replace("分别", "")
    text = _LEFTOVER.sub("", text)
    if "年" in text:  # (the patterns below are skipped where they cannot match: faster)
        text = _DURATION.sub("", text)  # 粮食产量连续12年…: how long, not what
    while True:
        m = _FRAMING_RE.match(text)
        if m is None or not m.group():
            break
        text = text[m.end() :]
    while text.endswith(("的", "等", "、", "和", "及", "与")) and not text.endswith(_JI_WORDS):
        text = text[:-1]
    return _FROM_TAIL.sub("", text) if "由" in text or "从" in text else text


_LEFTOVER = re.compile(r"^(?:[（(][^（()）]{0,8})?[）)][^、，（()）]{0,4}[、，]")
"""The tail of the figure before, left at the start of the next one's words: ``280余万件（辆）、
惠及消费者150余万人``, ``3000人（次）左右、银龄技师…``."""
_JI_WORDS = ("惠及", "涉及", "普及", "波及")
"""Words ending in 及 where it is no "and" (惠及310多万户)."""
_FROM_TAIL = re.compile(r"(?<![自经理])(?:由|从)(?:每[^，；、\d由从]{1,5})?$")
"""The head of a move whose values are figures of their own (``财政补助由每人每年``)."""


def clause_np(clause: str) -> str:
    """The noun phrase that opens a clause without figures (its subject), or ``""``."""
    text = strip_framing(clause)
    m = _NP_CUT.search(text)
    np = strip_actions(strip_framing(text[: m.start()] if m else text))
    return np if 2 <= len(np) <= 30 else ""


def post_np(text: str) -> tuple[str, int]:
    """The noun after a count (``2个城区敬老院`` → ``城区敬老院``) and how much text it took.

    The noun is cut at its verb; modifiers joined by ``的`` are dropped
    (``1个面积超200亩的示范基地`` → ``示范基地``).
    """
    m = _POST_CUT.search(text)
    while m and m.group() == "等" and _WORDS_WITH_DENG.match(text, max(0, m.start() - 1)):
        m = _POST_CUT.search(text, m.end())  # 3所高等院校: 高等 is a word, not "etc."
    raw = text[: m.start()] if m else text
    dangling = _QUAL_AFTER.search(raw)
    if dangling:  # left to the figure it qualifies (援疆资金近200亿元: 近 is the amount's)
        raw = raw[: dangling.start()]
    np = _MARKS.sub("", raw)
    if "的" in np:
        at = np.rindex("的")
        figure = any(c.isdigit() for c in np[:at]) or BARE_MAGNITUDE.search(np, 0, at)
        np = np[at + 1 :] if figure else np[:at]
    for tail in ("建设", "提质"):
        if np.endswith(tail) and len(np) > len(tail) + 1:
            np = np[: -len(tail)]
    among = _AMONG.search(raw)
    if among and len(_MARKS.sub("", raw[: among.start()])) >= 2:
        # 160个国控断面中I类…占比86.1%: the count is of 国控断面, the rest names the share
        np = _MARKS.sub("", raw[: among.start()])
        return np, among.start()  # 中… is left to name the share
    return (np, len(raw)) if len(np) >= 2 else ("", 0)


_QUAL_AFTER = re.compile(
    r"(?<=[^\W\d_]{2})(?:(?<![节集制契签])约|(?<![附邻就最接将])近|(?<![公总])共|超过"
    r"|(?<![高])超|逾|(?<![发通到抵直送下传表])达)$"
)
"""A qualifier or verb at the end of a noun that runs into the next figure
(``22条重点入黄排水沟整治率达100%``: the noun is not ``…整治率达``); not the end of a word
(公共, 节约, 附近, 发达)."""


def is_elliptical(subject: str, prev: str) -> bool:
    """True when a subject only makes sense with the previous one (``总产量``, ``优良率``)."""
    if not prev or subject == prev:
        return False
    if subject == "总产":  # 粮食增产42.2亿斤，总产466亿斤: the total of what was produced
        return prev.endswith(("增产", "生产", "产量"))
    return subject in HEADS or (len(subject) <= 4 and _overlap(subject, prev) > 0)


def _overlap(subject: str, prev: str) -> int:
    for n in range(len(subject) - 1, 1, -1):
        at = prev.find(subject[:n])
        if at > 0:
            return at
    return -1


def domain_join(prev: str, subject: str) -> str:
    """Complete an elliptical subject from the one before it (``粮食播种面积`` + ``总产量``)."""
    if subject == "总数":  # 新增X家、总数达23家: the total of X, not of the new ones
        for flow in _FLOW_VERBS:
            if prev.startswith(flow) and len(prev) > len(flow) + 1:
                return prev[len(flow) :]
        return prev
    if subject in ("总量", "规模", "总额"):
        return prev
    at = _overlap(subject, prev)
    if at > 0:
        return prev[:at] + subject
    for head in _HEADS_BY_LEN:
        if prev.endswith(head) and len(prev) > len(head):
            return prev[: -len(head)] + subject
    for change in ("增产", "增收", "新增"):  # 粮食增产42.2亿斤，总产466亿斤: 粮食总产
        if prev.endswith(change) and len(prev) > len(change) + 1:
            return prev[: -len(change)] + subject
    return strip_actions(prev) + subject


FRAMING_VERBS = ("完成", "实现", "达到", "落实", "稳定", "保持", "实施", "累计")
_FLOW_VERBS = ("新增", "新建", "新培育", "新引进", "引进", "新改建")


def carry_list_head(prev: str, subject: str, raw: str = "", *, verb: bool = True) -> str:
    """What a list item shares with the item before it (``新增A5家、B13家`` → ``新增B``).

    The flow verb (``新增``, ``新建``, ``引进``; only when ``verb``, i.e. both figures are of
    one kind) and the population (``城镇``) of the first item carry over to items that do not
    state their own.
    """
    own_verb = (raw or subject).startswith(ACTION_VERBS + _FLOW_VERBS + FRAMING_VERBS)
    for flow in _FLOW_VERBS:
        if verb and prev.startswith(flow) and not own_verb:
            return flow + subject
    marker = contrast_marker(prev)
    if marker and prev.startswith(marker) and not contrast_marker(subject):
        return marker + subject
    return subject


def strip_actions(text: str) -> str:
    """A noun phrase without its opening action verb (``实施重点项目`` → ``重点项目``)."""
    for verb in ACTION_VERBS:
        if text.startswith(verb) and len(text) > len(verb) + 1:
            return text[len(verb) :]
    return text


def split_subjects(subject: str, n: int) -> list[str] | None:
    """N subjects from one (``城乡居民收入`` → 城镇…/农村…, ``A、B发案率`` → A发案率/B发案率)."""
    parts = [p for p in subject.split("、") if p]
    if len(parts) == n and n > 1:
        return _share_tail(parts)
    if 1 < len(parts) < n:  # 学前教育毛入园率、义务教育巩固率、高中阶段和高等教育毛入学率: four
        joined = _split_joined(parts, n)
        if joined is not None:
            return _share_tail(joined)
    if n == 2:
        for compound, pair in COMPOUND_SPLITS.items():
            if compound in subject:
                return [
                    subject.replace(compound, pair[0], 1),
                    subject.replace(compound, pair[1], 1),
                ]
        for conj in ("和", "与", "及"):
            halves = [h for h in subject.split(conj) if h]
            if len(halves) == 2:
                return _share_tail(halves)
    return None


def _split_joined(parts: list[str], n: int) -> list[str] | None:
    """The items of a list whose last items are joined by 和/与/及 rather than 、, where that
    makes exactly ``n`` of them (one item of each part holding one joiner)."""
    out: list[str] = []
    for part in parts:
        for conj in ("和", "与", "及"):
            halves = part.split(conj)
            if len(halves) == 2 and all(len(h) >= 2 for h in halves) and _joins(*halves):
                first, second = halves
                if len(first) <= SHORT_ITEM and second.endswith("率") and first[-1] != "率":
                    # 高中阶段和高等教育毛入学率, 生活垃圾和污水治理率: each a rate of the kind
                    # the second names (its last three or four characters, what follows what
                    # it is a rate of)
                    first += second[max(2, len(second) - 4) :]
                out.extend((first, second))
                break
        else:
            out.append(part)
    return out if len(out) == n else None


def _joins(first: str, second: str) -> bool:
    """Is the 和/与/及 between ``first`` and ``second`` a joiner of two names, not part of a
    word or a bound (65岁及以上, 以及, 惠及, 参与, 和谐)?"""
    return not second.startswith(("以上", "以下", "谐")) and not first.endswith(
        ("以", "惠", "涉", "普", "波", "参", "共")
    )


_NUMERALS = "一二三四五六七八九十"


def _numbered_items(parts: list[str]) -> list[str] | None:
    """Items that differ only in a numeral: ``一产、二产、三产增加值``, ``第一、二、三产业
    增加值`` → 第一产业增加值 / 第二产业增加值 / 第三产业增加值 (each takes the last's tail)."""
    last = parts[-1].removeprefix("第")
    run = len(last) - len(last.lstrip(_NUMERALS))
    if run == 0 or run == len(last):
        return None
    heads = [p.removeprefix("第") for p in parts[:-1]]
    if not all(h and h.strip(_NUMERALS) in ("", last[run : run + len(h) - 1]) for h in heads):
        return None
    tail = last[run:]
    ordinal = "第" if tail.startswith("产业") else ""
    return [ordinal + h[:run] + tail for h in (*heads, last)]


def _share_tail(parts: list[str]) -> list[str]:
    """Give earlier list items the head noun the last one carries (``刑事案件`` + 发案率)."""
    numbered = _numbered_items(parts)
    if numbered is not None:
        return numbered
    at = etc_at(parts[-1])
    if 0 <= at < len(parts[-1]) - 1:  # 食品、石化、信息等产业增加值: each takes what follows 等
        head, tail = parts[-1][:at], parts[-1][at + 1 :]
        if head and tail:
            return [p + tail for p in (*parts[:-1], head)]
    last = parts[-1]
    out = []
    for part in parts[:-1]:
        for n in range(min(len(part), len(last) - 1), 1, -1):
            at = last.rfind(part[-n:])
            if at >= 0 and at + n < len(last):
                part += last[at + n :]
                break
        else:
            # parallel modifiers (``城镇和农村居民…``): the first takes the tail after the last's
            lead = last[: len(part)]
            if any(part in group and lead in group for group in CONTRASTS):
                part += last[len(part) :]
            else:
                # 水果、蔬菜、茶叶产量: short items share the head noun the last one ends with
                head = next((h for h in _HEADS_BY_LEN if last.endswith(h)), "")
                short = len(part) <= SHORT_ITEM and len(last) > len(head)
                if head and short and not part.endswith(head):
                    part += head
        out.append(part)
    return [*out, last]


def canonical(subject: str) -> str:
    """The indicator name shown to users: the subject without marks, framing and ``的``.

    A list ending in ``等`` names its category after it (``香零山、马坝等示范点`` →
    ``示范点``); a verb inside the phrase keeps what follows it (``…项目完成房屋修缮`` →
    ``房屋修缮``).
    """
    text = strip_framing(subject)
    joined = _AND_THEN.split(text)
    if len(joined) > 1 and len(joined[-1]) >= 2:
        text = strip_framing(joined[-1]) or text
    at = etc_at(text)
    if 0 <= at < len(text) - 1:
        after = text[at + 1 :]
        text = after if len(after) >= 3 and "、" in text[:at] else text[:at] + after
    for verb in ("完成", "实现"):
        at = text.rfind(verb)
        if at > 0 and len(text) - at - len(verb) >= 2 and not text.endswith("率"):
            text = text[at + len(verb) :]
    return trim_clause(strip_framing(text.replace("的", "")) or text)


_WORDS_WITH_DENG = re.compile("(?:[高中初同平对均相优上次]等|等(?:级|于|同|值|效|待|候))")
"""Words in which 等 is no "etc." (高等学校, 同等条件, 等级公路)."""


def etc_at(text: str) -> int:
    """Where the last 等 meaning "etc." stands in ``text`` (-1 where none)."""
    at = text.rfind("等")
    while at >= 0:
        if not any(m.start() <= at < m.end() for m in _WORDS_WITH_DENG.finditer(text)):
            return at
        at = text.rfind("等", 0, at)
    return -1


_AND_THEN = re.compile("并(?=获|实现|完成|达到)")
