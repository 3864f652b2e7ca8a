"""Clause-length indicator names made shorter where the subject is clear: a ranking said after
the figure's noun (``一类创新药获批上市、数量居全国前列``) and a leading verb phrase whose
object is the subject (``提请省人大常委会审议地方性法规草案``, ``中央财政安排…补助资金``).
Only names of :data:`LONG_NAME` characters or more are cut, never below :data:`SHORTEST`."""

from __future__ import annotations

import re

LONG_NAME = 10
"""Names shorter than this are left as they are."""
SHORTEST = 4
"""A cut that would leave fewer characters than this is not made."""

_RANK_TAIL = re.compile(r"[、，](?:数量|总量|规模|增速|排名|总数)?(?:位居|位列|居|列)全国[^、，]*$")
"""``、数量居全国第2`` / ``、居全国第5位``: where the subject ranks, said after it."""
_LEADS = re.compile(
    r"^(?:提请[^，、审]{1,12}审议|(?:中央|省级|市级|县级|各级)?财政(?:安排|下达|投入))"
)
"""Verb phrases before the object a figure counts: a motion put to the legislature, money a
budget gives (the figure is the same without them)."""
_BECOMES_NTH = re.compile(r"成为[^，、]{0,8}?第[\d一二三四五六七八九十]{1,3}(?:个|家|座|位)")
"""``工业经济总量成为全区第四个（突破2000亿元大关的地区）``: a rank in the middle of the name;
the figure is the subject's (``揭阳潮汕机场成为全省第4个吞吐量…`` → 揭阳潮汕机场吞吐量)."""


def trim_clause(name: str) -> str:
    """``name`` without a trailing ranking clause or a leading verb phrase (see the module)."""
    if len(name) < LONG_NAME:
        return name
    nth = _BECOMES_NTH.search(name)
    if nth and nth.start() >= 2:
        name = name[: nth.start()] + name[nth.end() :]
    tail = _RANK_TAIL.search(name)
    if tail and tail.start() >= SHORTEST:
        name = name[: tail.start()]
    while (lead := _LEADS.match(name)) is not None and len(name) - lead.end() >= SHORTEST:
        name = name[lead.end() :]
    return name
