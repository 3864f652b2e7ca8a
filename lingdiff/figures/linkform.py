"""How indicator names are compared across reports: the form a name is reduced to for fuzzy
matching (``旅游综合收入`` → ``旅游收入``; GDP and 地区生产总值 as one) and the population
modifiers (``城镇``/``农村``, ``进口``/``出口``) across which two names never link."""

from __future__ import annotations

import re

# Modifiers that mark different populations: never link across them.
CONTRASTS = (("城镇", "农村", "城乡", "乡村", "城市"), ("进口", "出口", "进出口"))

_LINK_DROP = re.compile("综合|接待|总|全|年度|规模以上|规上|规模|新增|量$|项目$")
# 累计 stays: a five-year total is not the year's figure.
_GDP = re.compile(r"GDP|(?:地区|国内)生产总值")
"""GDP and its Chinese names are one indicator (单位GDP能耗 ~ 单位地区生产总值能耗)."""


def link_form(indicator: str) -> str:
    """The indicator reduced for fuzzy comparison (``旅游综合收入`` → ``旅游收入``)."""
    reduced = _LINK_DROP.sub("", _GDP.sub("生产总值", indicator))
    return reduced or indicator


def contrast_signature(text: str) -> tuple[str, ...]:
    """The population modifiers a name carries, one per contrast group (``城镇``, ``出口`` …)."""
    return tuple(_marker(text, group) for group in CONTRASTS)


def contrast_marker(text: str) -> str:
    """The first population modifier a name carries (``城镇``, ``农村`` …), or ``""``."""
    for group in CONTRASTS:
        found = _marker(text, group)
        if found:
            return found
    return ""


def _marker(text: str, group: tuple[str, ...]) -> str:
    found = [w for w in group if w in text]
    return max(found, key=len) if found else ""
