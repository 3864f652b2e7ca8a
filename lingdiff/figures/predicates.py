"""Bare predicates: a subject that names what happened but not to what (``5万人受益``,
``挂牌283个``, ``投产1000万千瓦``) completes the subject before it in the sentence
(``农村安全饮水工程受益``, ``新能源投产``).

The words are ordinary vocabulary of Chinese statistical reporting, not terms of any
particular report.
"""

from __future__ import annotations

from .names import ACTION_VERBS, domain_join

BARE_PREDICATES = (
    "受益", "惠及", "涉及", "参保", "挂牌", "投产", "开工", "竣工", "开行", "覆盖", "增量",
    "存量", "增产",
    "置换", "改造", "新建", "建成", "投用", "运营", "通车", "开通", "落地", "签约", "入选",
)  # fmt: skip
"""Words that name what happened, not to what (``5万人受益``, ``挂牌283个``): as a whole
subject they complete the subject before them in the sentence."""


def completes(subject: str, prev: str) -> str:
    """A bare predicate joined to the subject before it (``留守儿童之家`` + ``挂牌``), else
    ``subject`` unchanged."""
    if subject not in BARE_PREDICATES or not prev or prev in BARE_PREDICATES:
        return subject
    for word in BARE_PREDICATES + ACTION_VERBS:  # 新能源开工… 投产: 新能源投产
        if prev.endswith(word) and len(prev) > len(word) + 1:
            return prev[: -len(word)].removesuffix("新") + subject
    return domain_join(prev, subject)
