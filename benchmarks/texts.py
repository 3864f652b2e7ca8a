"""Inputs for the benchmark: long reports of *different* text, a 5 MB pair, 100k headings, a
5 MB pair of nothing but headings, a pair of nothing but sentences with figures.

A long report repeated 20 times would flatter every cache and every alignment shortcut, so
the large cases join different reports: the corpus (``../shared/corpus``) when it is there,
otherwise varied text generated from the bundled pair (sentences shuffled, figures changed).
Each joined report has its parts renumbered (``一、`` … ``六十、``) so the outline sees one long
report, not the same part numbers again and again.
"""

from __future__ import annotations

import itertools
import random
import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"

CN = "一二三四五六七八九"
_PART = re.compile(r"^([一二三四五六七八九十]+)、", flags=re.M)
_DIGITS = re.compile(r"\d+")


def cn_numeral(n: int) -> str:
    """Chinese numeral for 1–999 (``十``, ``十一``, ``二十``, ``一百零五``)."""
    hundreds, rest = divmod(n, 100)
    tens, ones = divmod(rest, 10)
    head = CN[hundreds - 1] + "百" if hundreds else ""
    if tens:
        head += "十" if tens == 1 and not hundreds else CN[tens - 1] + "十"
    elif hundreds and ones:
        head += "零"
    return head + (CN[ones - 1] if ones else "")


def _cn_value(numeral: str) -> int:
    values = {c: i + 1 for i, c in enumerate(CN)}
    if numeral == "十":
        return 10
    if numeral.startswith("十"):
        return 10 + values[numeral[1]]
    if "十" in numeral:
        tens, _, ones = numeral.partition("十")
        return values[tens] * 10 + (values[ones] if ones else 0)
    return values.get(numeral, 1)


def join_reports(texts: list[str]) -> str:
    """One long report from several: the first one's front matter, then every report's
    parts in turn, renumbered so that part numbers keep rising."""
    out: list[str] = []
    offset = 0
    for k, text in enumerate(texts):
        first = _PART.search(text)
        if first is None:  # no numbered parts: keep the text whole
            out.append(text)
            continue
        if k == 0:
            out.append(text[: first.start()])
        body = text[first.start() :]
        numbers = [_cn_value(m.group(1)) for m in _PART.finditer(body)]
        top = max(numbers)

        def renumber(m: re.Match[str], base: int = offset) -> str:
            return cn_numeral(base + _cn_value(m.group(1))) + "、"

        out.append(_PART.sub(renumber, body))
        offset += top
    return "\n".join(out)


def corpus_pairs() -> list[tuple[Path, Path]]:
    """(older, newer) report files of the corpus: each province 2025 → 2026, then the
    national series year by year. Empty when the corpus is absent."""
    pairs: list[tuple[Path, Path]] = []
    prov = CORPUS / "provinces"
    if prov.is_dir():
        for old in sorted((prov / "2025").glob("*.docx")):
            stem = old.stem[len("2025年") :].removesuffix("政府工作报告")
            news = sorted((prov / "2026").glob(f"2026年{stem[:2]}*.txt"))
            if news:
                pairs.append((old, news[0]))
    national = sorted((CORPUS / "national").glob("national_*.txt"))
    pairs.extend(itertools.pairwise(national))
    return pairs


def _read(path: Path) -> str:
    from lingdiff.load import read_text

    return read_text(path)


def vary(text: str, seed: int) -> str:
    """A different report of the same shape: sentences shuffled inside each paragraph and
    every figure changed, so no two copies share their sentences."""
    rng = random.Random(seed)
    lines = []
    for line in text.split("\n"):
        sentences = [s for s in re.split(r"(?<=[。；])", line) if s]
        if len(sentences) > 2:
            head, rest = sentences[0], sentences[1:]
            rng.shuffle(rest)
            sentences = [head, *rest]
        lines.append(
            _DIGITS.sub(lambda m: str(int(m.group()) + rng.randint(1, 9)), "".join(sentences))
        )
    return "\n".join(lines)


def different_texts(bundled: tuple[str, str], times: int) -> tuple[tuple[str, str], str]:
    """An (old, new) pair about ``times`` as long as ``bundled``, joined from different
    reports, and where the text came from: corpus pairs when present (as many as it takes),
    else the bundled pair and ``times - 1`` varied copies of it."""
    target = times * (len(bundled[0]) + len(bundled[1]))
    olds: list[str] = []
    news: list[str] = []
    for old_path, new_path in corpus_pairs():
        olds.append(_read(old_path))
        news.append(_read(new_path))
        if sum(map(len, olds)) + sum(map(len, news)) >= target:
            return (join_reports(olds), join_reports(news)), f"{len(olds)} corpus pairs"
    copies = times
    olds = [bundled[0]] + [vary(bundled[0], k) for k in range(1, copies)]
    news = [bundled[1]] + [vary(bundled[1], 1000 + k) for k in range(1, copies)]
    return (join_reports(olds), join_reports(news)), f"bundled pair + {copies - 1} varied copies"


def of_size(bundled: tuple[str, str], megabytes: float) -> tuple[str, str]:
    """An (old, new) pair of reports of about ``megabytes`` MB each in UTF-8: the corpus
    pairs (then varied copies of them) joined until the size is reached."""
    target = int(megabytes * 1024 * 1024)
    sources = [(_read(o), _read(n)) for o, n in corpus_pairs()] or [bundled]
    olds: list[str] = []
    news: list[str] = []
    size, k = 0, 0
    while size < target:
        old, new = sources[k % len(sources)]
        if k >= len(sources):  # second round onwards: different sentences and figures
            old, new = vary(old, k), vary(new, 10_000 + k)
        olds.append(old)
        news.append(new)
        size += max(len(old.encode()), len(new.encode()))
        k += 1
    return _trim(join_reports(olds), target), _trim(join_reports(news), target)


def _trim(text: str, size: int) -> str:
    """Cut ``text`` at a line end so that it stays under ``size`` bytes of UTF-8."""
    data = text.encode()
    if len(data) <= size:
        return text
    cut = data[:size].decode(errors="ignore")
    return cut[: cut.rfind("\n")]


def many_headings(count: int) -> str:
    """A report with about ``count`` numbered headings: parts 一、, sections （一）, items 1."""

    def lines() -> Iterator[str]:
        yield "某某区2030年政府工作报告"
        yield "各位代表："
        made, part = 0, 0
        while made < count:
            part += 1
            yield f"{cn_numeral(part)}、第{part}部分工作"
            made += 1
            for sec in range(1, 51):
                yield f"（{cn_numeral(sec)}）推进第{sec}项重点任务"
                made += 1
                for item in range(1, 51):
                    yield f"{item}.建设项目{item}。"
                    made += 1
                    if made >= count:
                        return

    return "\n".join(lines()) + "\n"


_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_MARKERS = (
    lambda n: f"（{cn_numeral(n)}）",
    lambda n: f"{n}.",
    lambda n: f"（{n}）",
    lambda n: f"{n}、",
    lambda n: _CIRCLED[(n - 1) % len(_CIRCLED)],
)
_CLAUSE = re.compile(r"[\u4e00-\u9fff“”]{4,}")


def _heading_shape(rng: random.Random) -> Iterator[tuple[int, str]]:
    """(depth, marker) of heading lines, without end: parts ``一、`` at depth 0, under each a
    random order of the other numbering styles nested to a random depth (one style is a
    section here and an item there). Numbers stay under 100 (a series past 99 starts again
    at 1), as heading numbers do."""
    part = 0
    while True:
        part = part % 99 + 1
        yield 0, f"{cn_numeral(part)}、"
        order = rng.sample(_MARKERS, len(_MARKERS))
        counters = [0] * (len(order) + 1)
        depth = 0
        for _ in range(rng.randint(5, 400)):
            depth = rng.randint(1, min(depth + 1, len(order)))
            counters[depth] = counters[depth] % 99 + 1
            counters[depth + 1 :] = [0] * (len(counters) - depth - 1)
            yield depth, order[depth - 1](counters[depth])


def headings_only(bundled: tuple[str, str], megabytes: float, seed: int = 0) -> tuple[str, str]:
    """An (old, new) pair of reports of about ``megabytes`` MB each (UTF-8) made of nothing
    but numbered heading lines (``一、``, ``（一）``, ``1.``, ``（1）``, ``1、``, ``①`` in every
    mix and depth), titled with clauses of the bundled reports. The new one has the old one's
    shape, half its titles taken from the other report, one heading in twenty dropped and
    one in twenty added: the two share some text, not most of it."""
    rng = random.Random(seed)
    clauses = [_CLAUSE.findall(text) for text in bundled]

    def title(side: int) -> str:
        clause = rng.choice(clauses[side])
        start = rng.randrange(max(1, len(clause) - 4))
        return clause[start : start + rng.randint(4, 20)]

    target = int(megabytes * 1024 * 1024)
    old, new = ["某某区政府工作报告", "各位代表："], ["某某区政府工作报告", "各位代表："]
    size = 0
    for depth, marker in _heading_shape(rng):
        line = marker + title(0)
        old.append(line)
        size += len(line.encode()) + 1
        if size > target:
            break
        roll = rng.random()
        if roll < 0.05 and depth:
            continue  # dropped from the new report
        new.append(line if roll < 0.5 else marker + title(1))
        if roll > 0.95 and depth:
            new.append(marker + title(1))  # an added heading (its number said twice)
    return _trim("\n".join(old), target), _trim("\n".join(new), target)


def figures_only(bundled: tuple[str, str], megabytes: float, seed: int = 0) -> tuple[str, str]:
    """An (old, new) pair of reports of about ``megabytes`` MB each (UTF-8) made of nothing but
    sentences with figures: every sentence of the corpus reports (else of the bundled pair)
    that holds a number, one to a line, shuffled and its figures changed, under a review part
    and a plan part. The extractor's worst case: a real report has hundreds of figures, this
    one tens of thousands."""
    rng = random.Random(seed)
    sources = [_read(p) for pair in corpus_pairs() for p in pair] or list(bundled)
    sentences = [
        s.strip()
        for text in sources
        for s in re.split(r"(?<=[。；])|\n", text)
        if s and _DIGITS.search(s) and len(s.strip()) > 8
    ]
    target = int(megabytes * 1024 * 1024)

    def report(year: int) -> str:
        lines = [f"某某区{year}年政府工作报告", "各位代表：", f"一、{year - 1}年工作回顾"]
        size, half = 0, target // 2
        while size < target:
            line = _DIGITS.sub(
                lambda m: str(int(m.group()) + rng.randint(0, 9)), rng.choice(sentences)
            )
            lines.append(line)
            size += len(line.encode()) + 1
            if half and size >= half:
                lines.append(f"二、{year}年工作安排")
                half = 0
        return _trim("\n".join(lines), target)

    return report(2025), report(2026)
