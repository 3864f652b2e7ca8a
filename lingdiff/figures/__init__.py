"""Figures of a report as typed observations, and their linking across two reports.

Public face of the metrics core (pure Python, no I/O):

* :func:`extract_observations` — every figure of a :class:`~lingdiff.model.Document` as an
  :class:`~lingdiff.model.Observation` (indicator, value and unit as written, qualifier,
  measure, kind, year, section, quote and offsets);
* :func:`link_observations` — observations of the same indicator in the two reports put
  into one :class:`~lingdiff.model.MetricRow`.

Conventions (apply everywhere):

* ``indicator`` is the subject noun phrase without framing (``全年完成地区生产总值`` →
  ``地区生产总值``) and without ``增速``/``增长``: the growth of GDP is indicator
  ``地区生产总值`` with measure ``growth``; a row's key is (indicator, measure, unit family).
* ``measure``: ``growth`` — a rate of change in % or 倍 (``增长6.7%``, ``下降3%``);
  ``change`` — an absolute change (``减少1386万``, ``提高2个百分点``); ``share`` — a part of a
  whole (``占…的76%``, ``比重60%``; indicator is the part, the whole is in ``subject``);
  ``count`` — things counted with a classifier (``6250人``, ``52个``); ``level`` — everything
  else (``222.5亿元``, ``失业率2.3%``, ``降至0.36%``).
* Declines keep the value as written (``下降3%`` → 3) with ``direction`` −1; rises have +1;
  levels, counts and shares 0.
* ``qualifier`` lists the words that hedge or bound the figure, in reading order, separated
  by spaces: stance (``力争``, ``预计``, ``确保``, ``有望``), then bounds before the number
  (``超``, ``突破``, ``约``, ``近``), then ``余``/``多`` and bounds after it (``以上``,
  ``左右``, ``以内``): ``力争…125亿元以上`` → ``力争 以上``.
* ``kind``/``year``: review part → ``actual`` for the review year (a review sentence about
  ``明年`` or the plan year → ``target``); targets and plan parts →
  ``target`` for the plan year (a plan-part sentence that opens with ``去年`` or the review
  year is an actual); other parts only when the sentence says (``目标``, ``力争``, ``确保``
  → target; ``去年`` → actual), else the figure is left out. ``预计`` in a review stays
  ``actual`` with qualifier ``预计`` (an estimate of the review year).
"""

from __future__ import annotations

from ..lexicon import LazyPattern
from ..model import Document, Gap, Observation, Sentence
from ..records import replace
from .codebook import Codebook, load_codebook
from .extract import RawObservation, extract_from_text
from .link import link_observations
from .patterns import Figure, find_figures
from .tables import table_row_figures
from .timeframe import Frame, TimeFrames

__all__ = ["extract_from_text", "extract_observations", "figure_spans", "link_observations"]


def figure_spans(
    doc: Document, found: dict[tuple[int, int], list[Figure]] | None = None
) -> tuple[tuple[int, int], ...]:
    """Where every figure of a report stands (start, end offsets into its text), sentence by
    sentence as the extractor reads them, whether or not it became an observation: the
    shells mark figures from this and never look for them again. ``found``: the figures of
    every sentence that has any, as :func:`extract_observations` kept them while reading the
    whole report; without it, each sentence is read here."""
    if found is not None:
        return tuple((fig.start, fig.end) for key in sorted(found) for fig in found[key])
    spans: list[tuple[int, int]] = []
    for sent in doc.sentences:
        spans.extend((fig.start, fig.end) for fig in find_figures(doc.norm, sent.start, sent.end))
    return tuple(spans)


def extract_observations(
    doc: Document,
    codebook: Codebook | None = None,
    found: dict[tuple[int, int], list[Figure]] | None = None,
) -> tuple[Observation, ...]:
    """Every figure of a report as an observation, in text order, ids ``old:m1``, ``old:m2`` …

    Each gets the ``code`` of its indicator from ``codebook`` (the packaged one by default).
    ``found``, if given, receives the figures of each sentence that has any, for
    :func:`figure_spans`.
    """
    codebook = codebook or load_codebook()
    frames = TimeFrames(doc)
    out: list[Observation] = []
    for sentence in doc.sentences:
        raws = extract_from_text(
            doc.norm, sentence.start, sentence.end, found
        ) or table_row_figures(doc.norm, sentence.start, sentence.end)
        if not raws:
            continue
        frame = frames.frame(sentence.index)
        part = frames.part_of(sentence.section)
        previous: Observation | None = None
        for raw in raws:
            gap = _gap(doc.norm, raw, previous)
            if gap is not None and previous is not None:
                out[-1] = previous = replace(previous, gap=gap)
                continue  # 高于全国0.4个百分点 qualifies the figure before it
            clause_start = max(doc.norm.rfind(mark, sentence.start, raw.start) for mark in "；。")
            clause = doc.norm[max(clause_start + 1, sentence.start) : raw.end]
            own = frames.refine(frame, clause, part)
            if raw.base:
                if own.kind != "five-year review" or not own.period:
                    continue  # 由9.8%降至7.5%: only the level reached is the year's figure
                own = replace(own, year=int(own.period[:4]) - 1)  # 从4.16万亿元增加到…: 2020
            indicator = _indicator(doc, raw)
            code = codebook.code_of(indicator, raw.unit, raw.measure, doc.place)
            local = clause[max(clause.rfind(m, 0, len(clause) - 1) for m in "，；：") + 1 :]
            scope = "" if code or raw.unit.endswith(("家", "个", "户")) else _scope(local)
            previous = _observation(doc, raw, sentence, own, len(out) + 1, indicator, code, scope)
            out.append(previous)
    return tuple(out)


_GAP = LazyPattern(
    r"(?:比|较)?(?P<dir>高于|低于|快于|慢于|超出|领先|落后于?)(?P<to>[^，。；、\d]{1,12}?)"
    r"(?:平均水平|水平|平均)?(?:约|近)?$"
)
"""A comparison with a benchmark just before a figure: ``高于全国0.4个百分点``,
``快于经济增速1个百分点``, ``低于全国平均水平0.3个百分点``."""
_GAP_UNITS = ("个百分点", "百分点")
_COMPANY = LazyPattern(r"[\u4e00-\u9fff”]{2,}(?:集团|公司)(?![\u4e00-\u9fff]{0,2}(?:数|家|户))")
_PROJECT = LazyPattern(
    r"(?:该|此|本)项目|(?<![重大点级类上个建工续各批])项目(?:总投资|计划投资|完成投资|投资)"
)
_COLLECTIVE = ("重点项目", "重大项目", "产业项目", "续建项目", "新建项目", "新开工项目")


def _scope(clause: str) -> str:
    """Whose figure this is: ``""`` for the jurisdiction, ``company`` for one company's
    (``三元集团完成产值120亿元``), ``project`` for one project's (``该项目总投资50亿元``)."""
    # _COMPANY needs 集团 or 公司: most clauses have neither, and the pattern is slow to compile
    if ("集团" in clause or "公司" in clause) and _COMPANY.search(clause) and "等" not in clause:
        return "company"
    if _PROJECT.search(clause) and not any(w in clause for w in _COLLECTIVE):
        return "project"
    return ""


def _gap(norm: str, raw: RawObservation, previous: Observation | None) -> Gap | None:
    """The figure's distance to a benchmark, when it states one for the figure before it."""
    if previous is None or raw.unit not in _GAP_UNITS:
        return None
    between = norm[previous.end : raw.start]
    m = _GAP.search(between)
    if m is None or len(between) - len(m.group()) > 2:  # only a comma or 、 in between
        return None
    sign = -1 if m["dir"] in ("低于", "慢于", "落后", "落后于") else 1
    return Gap(m["to"].strip(), sign * raw.value, raw.unit)


def _indicator(doc: Document, raw: RawObservation) -> str:
    """The indicator name of a figure; a running total is not the year's figure."""
    indicator = raw.indicator
    if "累计" in doc.norm[raw.quote_start : raw.start] and "累计" not in indicator:
        indicator = "累计" + indicator
    return indicator


def _observation(
    doc: Document,
    raw: RawObservation,
    sentence: Sentence,
    frame: Frame,
    n: int,
    indicator: str,
    code: str,
    scope: str,
) -> Observation:
    qs = raw.quote_start
    while qs < raw.start and doc.text[qs] in " \t\u3000":
        qs += 1
    return Observation(
        id=f"{doc.key}:m{n}",
        doc=doc.key,
        indicator=indicator,
        value=raw.value,
        unit=raw.unit,
        qualifier=raw.qualifier,
        measure=raw.measure,
        kind=frame.kind,
        year=frame.year,
        period=frame.period,
        section=sentence.section,
        quote=doc.text[qs : max(raw.quote_end, raw.end)].strip(),
        start=raw.start,
        end=raw.end,
        value_text=doc.text[raw.start : raw.end],
        value_high=raw.value_high,
        subject=raw.subject,
        direction=raw.direction,
        code=code,
        scope=scope,
    )
