"""A figure written before the noun it measures: ``设立100亿元南疆发展专项资金`` (an amount of
money before the fund it is the size of) and ``所有乡镇和93%以上行政村`` (a percent before the
population it is a share of).

Most figures before a noun only describe it (``5000万元以上项目``, ``年产10万片触摸屏``) and
are no figures of their own; these two shapes are. The word lists are ordinary vocabulary of
Chinese statistical reporting: what money is kept in, and what coverage is counted over.
"""

from __future__ import annotations

import re

from ..lexicon import unit_family
from .names import leads_a_figure, post_np

MONEY_HEADS = (
    "专项资金",
    "资金",
    "母基金",
    "基金",
    "贷款",
    "补贴",
    "补助",
    "奖补",
    "债券",
    "国债",
    "专项债务限额",
    "专项债",
    "消费券",
)
"""Nouns that hold money: an amount right before one is its size (a government's borrowing
too: ``增发1万亿元国债``, ``增加6万亿元地方专项债务限额``)."""
_MONEY = re.compile("|".join(MONEY_HEADS))
NAMED_ALONE = frozenset(("国债", "消费券"))
"""Heads that name the money without a word before them (``增发1万亿元国债``); a bare
``资金`` or ``贷款`` says only that it is money."""
POPULATION_HEADS = (
    "行政村", "村庄", "村", "社区", "乡镇", "镇", "乡", "县", "县区", "区县", "地市", "市", "户",
    "家庭", "企业", "学校", "院校", "医院", "卫生院", "卫生室", "机构", "园区", "对象", "人口",
    "学生", "患者", "群众", "职工",
)  # fmt: skip
"""Units that coverage is counted over (villages, households, schools …)."""
_POPULATION = re.compile("|".join(sorted(POPULATION_HEADS, key=len, reverse=True)))
_SHARE_LEADS = ("和", "、", "及", "与", "覆盖", "扩大到", "超", "超过")
"""What may stand before a population share in its clause (or nothing at all)."""
_CLAUSE = re.compile(r"[^，。；：！？,;:!?\n]+")
_BREAKS = "，。；：！？,;:!?、）)\n“”"


def measured_noun(unit: str, unit_kind: str, pre: str, post: str) -> str:
    """The noun a figure measures when the figure is written before it, else ``""``.

    ``pre`` is the clause's text before the figure, ``post`` the text after it (and after its
    trailing qualifier)."""
    if not post or post[0] in _BREAKS:
        return ""
    if unit_family(unit) == "元":
        m = _MONEY.search(post, 0, 16)
        if m is None or (m.start() == 0 and m.group() not in NAMED_ALONE):
            return ""  # 52.3亿元资金: a bare 资金 names nothing
        end = m.end()
        while (more := _MONEY.match(post, end)) is not None:
            end = more.end()  # 专项奖补资金: the heads run on
        noun = post[:end]
        return "" if any(c in _BREAKS for c in noun) else noun
    if unit_kind != "percent":
        return ""
    lead = pre.rstrip()
    named = _of_population(post[1:]) if post.startswith("的") and _bare_lead(lead) else ""
    if named:
        return named
    if lead and not _share_lead(lead):
        return ""  # 完成1%人口抽样调查: a percent after a verb names a kind of thing
    np = post_np(post)[0].split("、")[0]
    last = None
    for m in _POPULATION.finditer(np, 0, 8):
        last = m
    return np[: last.end()] if last else ""


_WHOLE_PLACES = ("全省", "全市", "全区", "全县", "全国", "全疆", "全自治区")
"""The whole jurisdiction, said before a share of its population (``全省86%的县…``)."""


def _share_lead(lead: str) -> bool:
    """Does the clause before a percent lead into a population (``镇区和``, ``覆盖全省``)?"""
    for word in _WHOLE_PLACES:
        if lead.endswith(word):
            lead = lead[: -len(word)]
            break
    return lead.endswith(_SHARE_LEADS)


def _bare_lead(lead: str) -> bool:
    """Is nothing but a place (or nothing) said before the percent (``全省86%的县…``)?"""
    return not lead or lead in _WHOLE_PLACES


def _of_population(post: str) -> str:
    """``86%的县建成三级医院``: the share of a population that did something, named by the
    population and what it did (``县建成三级医院``); "" when no population word leads, or when
    the clause goes on to a figure of its own (``的村集体经营性收入超过10万元``)."""
    m = _POPULATION.match(post)
    if m is None:
        return ""
    clause = _CLAUSE.match(post)
    name = clause.group() if clause else ""
    if len(name) <= m.end() or any(c.isdigit() for c in name) or leads_a_figure(name):
        return ""  # …收入超过10万元: the clause goes on to a figure of its own
    return name
