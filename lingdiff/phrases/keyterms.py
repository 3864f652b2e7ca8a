"""Key terms: the words and compounds whose frequency differs between two reports.

Chinese has no spaces, so candidates are character n-grams (2–10 characters),
counted level by level (an n-gram only where its (n-1)-gram prefix is frequent).
A candidate must look like a word (no function character or predicate word at
its edges; two different neighbours on each side, i.e. accessor variety; not
mostly cutting through a known word; not a fragment of a longer candidate with
the same counts) and must differ between the reports by Dunning's log-likelihood
G². Ritual phrases (:data:`BOILERPLATE`) are blanked out before counting.
"""

from __future__ import annotations

import math
import re
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from itertools import compress

__all__ = [
    "BOILERPLATE",
    "COMMON_WORDS",
    "PROSE_CHARS",
    "key_terms",
    "log_likelihood",
    "occurrences",
    "place_names",
]

MAX_TERMS = 80
"""How many key terms are reported at most (the strongest by G²)."""
MIN_TERM_COUNT = 3

CHARS_PER_USE = 10_000
"""A key term is also used at least once per this many characters of the two reports. Two
reports (≤ 100 k characters) keep the floor of three; on far longer input an absolute
floor would let nearly every n-gram through as a candidate and the cost would grow
faster than the text."""
"""A key-term candidate must occur this often in the two reports together."""
G2_THRESHOLD = 2.71
"""Chi-square critical value, one degree of freedom, p = 0.10: the reports are short
(10–20 thousand characters), and a shift such as 脱贫攻坚 5 -> 1 should show."""


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


BOILERPLATE = _words(
    "习近平新时代中国特色社会主义思想 新时代中国特色社会主义 中国特色社会主义 习近平总书记 "
    "以习近平同志为核心的党中央 习近平同志 习近平 总书记 党中央 国务院 各位代表 政协委员 "
    "人大代表 坚强领导 监督支持 决策部署 重要讲话 指示批示 指示精神 全会精神 党的十九大 "
    "党的二十大 十九大 二十大 十九届 二十届 中全会 历次全会 区委 区政府 市委 市政府 省委 "
    "省政府 区人大 区政协 人民代表大会 人民政府 政府工作 总体要求 稳中求进 总基调 "
    "国民经济和社会发展 经济社会发展 执行情况 计划草案 预期目标 目标任务 奋斗目标 踔厉奋发 "
    "勇毅前行 团结奋斗 努力奋斗 各族人民 提请大会 审查 审议 衷心感谢 诚挚感谢 学习贯彻 "
    "贯彻落实 深入贯彻"
)
"""Ritual phrases of every report: never reported, and blanked out before key terms
are counted, so no key term contains or is part of one."""

_NUMERALS = "一二三四五六七八九十两"
# Also used by load and phrases (same pattern text, so re's cache compiles it once).
_NON_CJK = re.compile(r"[^\u4e00-\u9fff]+")
_FUNCTION = "的了和与及或并而在是为对把将被从向于以由等其此该各每这那也都又还更最很较"
_FUNCTION += "就即之所着过但且则如若已要"
PROSE_CHARS = frozenset("的是了着过和与及或把被从向于由其这那也都又还就但且则若已")
"""Particles and conjunctions of running prose (的, 是, 和…): never inside a numeral
slogan's unit (一件是一件 and 唯一的双奥 are prose; 三档并两档 is a slogan)."""
_STOP_START = set(_FUNCTION + "个" + _NUMERALS + "百千万亿零年型性率式不")
_STOP_END = set(_FUNCTION + "个家项次年月日元亿万余多性")
_STOP_INSIDE = set("的了着")
_START_WORDS = tuple(
    _words(
        "推进 加快 加强 推动 实施 开展 培育 发展 建设 打造 深化 完善 提升 提高 促进 支持 扩大 "
        "落实 强化 坚持 优化 全力 大力 积极 持续 着力 深入 扎实 进一步 确保 力争 实现 完成 新增 "
        "达到 增长 同比 突破 累计 全年 今年 去年 明年 年度 工作 方面 重点 主要 有效 不断 稳步 "
        "加大 做好 抓好 办好 建立 健全 构建 统筹 聚焦 围绕 依托 按照 根据 通过 成功 获得 获评 "
        "荣获 建成 投入 有序 加速 切实 认真 严格 牢牢 坚决 更加 继续 同时 以及 我们 全区 全市 "
        "全省 全国 我国 各类 一批 相关 部分 一些 目前 其中 分别 实际 引导 鼓励 保持 形成 提供 "
        "开工 取得 推出 组织 争取 充分 更好 努力 主动 重大 规范 创新 探索 用好 发挥 解决 改善 "
        "决不 减轻 明显 清理 学习 贯彻 深刻 坚定 维护 增强 巩固 拓展"
    )
)
"""Verbs and adverbs that open a predicate (``加快推进…``), never a term."""
_END_WORDS = tuple(
    _words(
        "推进 加快 加强 推动 实施 开展 提升 提高 促进 支持 扩大 落实 强化 优化 完成 实现 新增 "
        "达到 增长 以上 左右 突破 工作 方面 全面 有效 不断 稳步 改造 升级 建成 投入 使用 运营 "
        "提质 增效 有序 取得 进展 成效 明显 显著 问题 情况 水平 能力 力度 作用 任务 要求 目标 "
        "活动 一批 方式 降低 减少 下降"
    )
)
"""Words that close a predicate (``…提质增效``, ``…取得进展``), never a term."""
COMMON_WORDS = _words(
    "产业 企业 项目 建设 发展 工作 经济 社会 服务 管理 市场 政府 群众 人民 城乡 重点 示范 "
    "体系 机制 能力 水平 质量 安全 环境 基地 中心 平台 工程 行动 计划 规划 政策 制度 资金 "
    "资源 设施 公共 基层 领域 地区 区域 乡镇 县区 全省 全市 全区 全国 国家 省级 市级 区级 "
    "现代 新型 高质量 高标准 标准化 一体化 规模化 品牌 特色 综合 专项 重大 主体 结构 升级 "
    "改造 提升 推进 加快 加强 完善 创新 转型 融合 保护 治理 整治 防控 保障 提高 实施 开展 "
    "以上 以下 规上 统一 全面 深入 持续 行业 移动 现代化 市场化 信息化 国际化 法治化 便利化 "
    "产业化 规范化 智能化 工业化 城市化 坚持 共同 共享"
)
"""Everyday words of the reports (beside the topic terms), used to see whether a
candidate n-gram cuts through a word (``业项目`` cuts ``产业``)."""
# Each place a candidate may start: a Chinese character that is no stop character, followed by
# another Chinese character (one character consumed, so that every such place is found).
_CANDIDATE_START = re.compile("[^|" + "".join(sorted(_STOP_START)) + "](?=[^|])")
_BOILERPLATE_RE = re.compile("|".join(map(re.escape, sorted(BOILERPLATE, key=len, reverse=True))))
_TITLE_WORDS = re.compile("关于|人民政府|政府")
# Applied to runs of Chinese characters only (see place_names), so ``.`` is a Chinese character
# here; spelling out the range would cost ~1 ms of compilation.
_PLACE = re.compile(r"(.{2,4}?)(?:特别行政区|自治区|自治州|自治县|省|市|区|县|州|旗|盟)")


def log_likelihood(a: int, b: int, size_a: int, size_b: int) -> float:
    """Dunning's log-likelihood G² of a count ``a`` in ``size_a`` against ``b`` in ``size_b``
    (the keyness statistic of Rayson & Garside 2000)."""
    total = size_a + size_b
    if total <= 0 or a + b == 0:
        return 0.0
    ea, eb = size_a * (a + b) / total, size_b * (a + b) / total
    return 2.0 * ((a * math.log(a / ea) if a else 0.0) + (b * math.log(b / eb) if b else 0.0))


def key_terms(
    old_text: str,
    new_text: str,
    lexicon: frozenset[str] = frozenset(),
    exclude: frozenset[str] = frozenset(),
    taken: Iterable[str] = (),
) -> list[tuple[str, int, int, float]]:
    """Key terms of two texts: (term, old count, new count, G²), strongest first.

    Candidates are Chinese n-grams of 2–10 characters (counted level by level, an
    n-gram only where its (n-1)-gram prefix is frequent; :data:`BOILERPLATE`
    blanked out first) that occur ``MIN_TERM_COUNT`` times in all (and once per
    ``CHARS_PER_USE`` characters), with G² ≥
    ``G2_THRESHOLD``. A candidate must not start or end with a function character
    or a predicate word (推进, 取得进展), must not be a fragment of a longer
    candidate with the same counts, must have two different neighbours on each
    side (accessor variety; ``质生产力`` is always preceded by 新), must not mostly
    start or end inside a known word (``业项目``), and must contain none of
    ``exclude`` (place names). Two-character candidates must be in ``lexicon``
    (the topic terms): most frequent bigrams are generic (利用, 合作). The
    strongest ``MAX_TERMS`` are kept, none inside or around a stronger one or a
    ``taken`` phrase (the slogans already listed).
    """
    old_s = _NON_CJK.sub("|", _BOILERPLATE_RE.sub(lambda m: "|" * len(m[0]), old_text))
    new_s = _NON_CJK.sub("|", _BOILERPLATE_RE.sub(lambda m: "|" * len(m[0]), new_text))
    joined = old_s + "|" + new_s
    sizes = (len(old_s) - old_s.count("|"), len(new_s) - new_s.count("|"))
    counts = _frequent_ngrams(old_s, new_s, max(MIN_TERM_COUNT, sum(sizes) // CHARS_PER_USE))
    scored = []
    for g, (a, b) in counts.items():
        if len(g) == 2 and g not in lexicon:
            continue
        g2 = log_likelihood(a, b, *sizes)
        if g2 >= G2_THRESHOLD and _plausible(g) and not any(x in g for x in exclude):
            scored.append((g, a, b, g2))
    fragments = _fragments({r[0] for r in scored}, counts)
    scored = sorted(
        (r for r in scored if r[0] not in fragments), key=lambda r: (-r[3], -len(r[0]), r[0])
    )
    boundaries = _WordBoundaries(joined, lexicon | COMMON_WORDS)
    taken_set = set(taken)
    blob = "|".join(sorted(taken_set))
    chosen: list[tuple[str, int, int, float]] = []
    for row in scored:
        g = row[0]
        subs = (g[i:j] for i in range(len(g)) for j in range(i + 2, len(g) + 1))
        if g in blob or any(s in taken_set for s in subs):
            continue
        starts = list(occurrences(g, joined))
        if not _varied(g, joined, starts) or boundaries.cut(g, starts):
            continue
        chosen.append(row)
        taken_set.add(g)
        blob += "|" + g
        if len(chosen) >= MAX_TERMS:
            break
    return chosen


def _frequent_ngrams(old_s: str, new_s: str, min_count: int) -> dict[str, tuple[int, int]]:
    """Chinese n-grams (2–10 characters) used ``min_count`` times in all: (old, new) counts.

    An n-gram starts where its prefixes start: a stop character there rules it out, and the
    places whose n-gram is not frequent drop out before level n + 1 (so the work stays linear).
    On long texts (:data:`SHARED_GRAMS_FROM`) places are kept as offsets, and each level's
    n-grams are cut once and held as pointers to one shared string per distinct n-gram
    (:class:`_Shared`): a 5 MB report would otherwise hold a new string for every character
    (~300 MB), and counting and then keeping the places of the frequent ones look up strings
    whose hash is already known. Two reports are cut plainly, twice as fast.
    """
    counts: dict[str, tuple[int, int]] = {}
    texts = (old_s, new_s)
    places: list[Sequence[int]]
    places = [array("q", map(re.Match.start, _CANDIDATE_START.finditer(t))) for t in texts]
    shared_from = len(old_s) + len(new_s) >= SHARED_GRAMS_FROM
    for n in range(2, 11):
        if shared_from:
            shared = _Shared()
            grams = [
                list(map(shared.__getitem__, _grams(t, at, n)))
                for t, at in zip(texts, places, strict=True)
            ]
            del shared
        else:
            grams = [[t[i : i + n] for i in at] for t, at in zip(texts, places, strict=True)]
        c_old = Counter(grams[0])
        c_all = c_old.copy()
        c_all.update(grams[1])
        level = {g for g, c in c_all.items() if c >= min_count and len(g) == n and "|" not in g}
        if not level:
            break
        for g in level:
            counts[g] = (c_old[g], c_all[g] - c_old[g])
        places = [
            array("q", compress(at, map(level.__contains__, held)))
            for held, at in zip(grams, places, strict=True)
        ]
        del grams
    return counts


SHARED_GRAMS_FROM = 1_000_000
"""Characters (both texts) from which :func:`_frequent_ngrams` shares its n-gram strings."""


class _Shared(dict[str, str]):
    """One string object per distinct value: ``shared[s]`` is the first string equal to ``s``
    looked up (an n-gram cut at a million places is a few thousand distinct strings)."""

    def __missing__(self, key: str) -> str:
        self[key] = key
        return key


def _grams(text: str, places: Iterable[int], n: int) -> Iterator[str]:
    """The ``n`` characters of ``text`` at each place (fewer at its end), one at a time."""
    return map(text.__getitem__, map(slice, places, map(n.__add__, places)))


def _plausible(g: str) -> bool:
    """Could ``g`` be a word or compound (not a predicate or function-word fragment)?"""
    if g[0] in _STOP_START or g[-1] in _STOP_END or not _STOP_INSIDE.isdisjoint(g):
        return False
    return not (g.startswith(_START_WORDS) or g.endswith(_END_WORDS))


COVERED = 0.8
"""A candidate is a fragment of a longer one holding it when the longer one accounts for this
share of its uses in each report: ``高质量`` (8 -> 28) is mostly ``高质量发展`` (8 -> 25)."""


def _fragments(valid: set[str], counts: dict[str, tuple[int, int]]) -> set[str]:
    """Candidates inside a longer candidate that accounts for most of their uses in each
    report (:data:`COVERED`), so the compound is reported, not its head word."""
    out: set[str] = set()
    for g in valid:
        long_old, long_new = counts[g]
        for size in range(2, len(g)):
            for i in range(len(g) - size + 1):
                sub = g[i : i + size]
                if sub in valid:
                    old, new = counts[sub]
                    if long_old >= COVERED * old and long_new >= COVERED * new:
                        out.add(sub)
    return out


def occurrences(term: str, text: str) -> Iterable[int]:
    """Start offsets of ``term`` in ``text``, overlapping ones included."""
    start = text.find(term)
    while start >= 0:
        yield start
        start = text.find(term, start + 1)


def _varied(term: str, joined: str, starts: list[int]) -> bool:
    """Two different left and two different right neighbours (each boundary ``|`` counts
    as a new neighbour); ``starts`` are the :func:`occurrences` of ``term``."""
    left: list[str] = []
    right: list[str] = []
    for start in starts:
        end = start + len(term)
        left.append(joined[start - 1] if start else "|")
        right.append(joined[end] if end < len(joined) else "|")

    def variety(side: list[str]) -> int:
        return len({c for c in side if c != "|"}) + side.count("|")

    return variety(left) >= 2 and variety(right) >= 2


class _WordBoundaries:
    """Which known words (2–7 characters) cross each boundary of a text, found on demand
    and remembered, since candidates share their boundaries."""

    def __init__(self, text: str, words: frozenset[str]) -> None:
        self.text, self.words = text, words
        # Word lengths by the word's first two characters: a start is tried only with the
        # lengths of the words that begin there (cut() ~1.5 ms faster on the bundled pair).
        self.sizes_at: dict[str, set[int]] = {}
        for w in words:
            if 2 <= len(w) <= 7:
                self.sizes_at.setdefault(w[:2], set()).add(len(w))
        self.longest = max((len(w) for w in words if 2 <= len(w) <= 7), default=0)
        self.known: dict[int, tuple[str, ...]] = {}

    def crossing(self, boundary: int) -> tuple[str, ...]:
        found = self.known.get(boundary)
        if found is None:
            text, words, sizes_at = self.text, self.words, self.sizes_at
            starts = range(max(0, boundary - self.longest + 1), boundary)
            found = tuple(
                text[q : q + size]
                for q in starts
                for size in sizes_at.get(text[q : q + 2], ())
                if q + size > boundary and text[q : q + size] in words
            )
            if boundary == len(text):  # at the very end, words ending there count too
                found += tuple(text[q:] for q in starts if text[q:] in words)
            self.known[boundary] = found
        return found

    def cut(self, term: str, starts: list[int]) -> bool:
        """True when most uses of ``term`` (at ``starts``) start or end inside a known word
        that is not itself part of ``term``."""
        cut = 0
        for k, start in enumerate(starts):
            edges = self.crossing(start) + self.crossing(start + len(term))
            cut += any(w not in term for w in edges)
            if cut * 2 > len(starts) or (cut + len(starts) - k - 1) * 2 <= len(starts):
                break
        return cut * 2 > len(starts)


def place_names(title: str) -> frozenset[str]:
    """Place names in a report title (``永州市零陵区人民政府关于…`` -> 永州, 零陵): the
    local proper nouns built on them (``永州一中``) are not reported as key terms."""
    out: set[str] = set()
    for run in _NON_CJK.split(title):
        for chunk in _TITLE_WORDS.split(run):
            pos = 0
            while (m := _PLACE.match(chunk, pos)) is not None:
                out.add(m.group(1))
                pos = m.end()
    return frozenset(out)
