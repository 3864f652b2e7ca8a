"""Which government a report is from, and the year it was delivered, read from its text.

Reports name their session in the byline: ``——2026年1月27日在浙江省第十四届人民代表大会第四次
会议上`` (the place is between ``在`` and ``第…届``; the date gives the year of delivery, which is
the plan year). The State Council's reports say ``在第十四届全国人民代表大会…`` or, without a
byline, ``我代表国务院``. When the byline is missing, a title such as ``2025年浙江省政府工作报告``
or ``永州市零陵区人民政府关于…的报告`` still names the place.

Levels: ``national``; ``province`` (省, 自治区 and the four municipalities 北京, 天津, 上海,
重庆); ``prefecture`` (other 市, 州, 盟); ``county`` (区, 县, 旗); "" when unknown. A county-level
city (``…县级市``) reads as ``prefecture``: a manifest can say otherwise.
"""

from __future__ import annotations

import re

from ..lexicon import LazyPattern
from ..records import record

_SUFFIX = r"(?:特别行政区|自治区|自治州|自治县|省|市|州|盟|县|区|旗)"
_SESSION = re.compile(
    rf"在\s*(?P<place>[\u4e00-\u9fff]{{1,16}}?{_SUFFIX})\s*第[一二三四五六七八九十]{{1,3}}届\s*"
    r"人民代表大会"
)
_NATIONAL = re.compile(r"全国人民代表大会第|我代表国务院|向大会报告.{0,10}国务院")
_TITLE = re.compile(
    rf"(?:20\d\d年)?(?P<place>[\u4e00-\u9fff]{{2,16}}?{_SUFFIX})(?:人民政府|政府工作报告|人民政府关于)"
)
_DATE = LazyPattern(r"(?<!\d)(?P<year>20\d\d)\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
_TITLE_YEAR = LazyPattern(r"(?<!\d)(?P<year>20\d\d)年[^\n]{0,20}政府工作报告")
_MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")
_HEAD = 1500
"""The byline and title stand in the first lines; looking further finds quoted meetings."""


@record
class Place:
    """The government whose report this is: its name as written and its level."""

    name: str
    level: str


NATIONAL = Place("全国", "national")


def detect_place(text: str) -> Place | None:
    """The government a report is from, from its byline or title (None if the text never says)."""
    head = text[:_HEAD]
    m = _SESSION.search(head)
    if m:
        return _place(m.group("place"))
    if _NATIONAL.search(head):
        return NATIONAL
    m = _TITLE.search(head)
    if m:
        return _place(m.group("place"))
    return None


def delivery_year(text: str) -> int | None:
    """The year the report was delivered: the byline's date, else a title such as
    ``2025年…政府工作报告`` (None when neither is in the first lines)."""
    head = text[:_HEAD]
    session = _SESSION.search(head) or re.search(r"人民代表大会第", head)
    if session:
        dates = [m for m in _DATE.finditer(head) if abs(m.start() - session.start()) <= 40]
        if dates:
            return int(dates[-1].group("year"))
    m = _TITLE_YEAR.search(head[:200])
    return int(m.group("year")) if m else None


def _place(name: str) -> Place:
    return Place(name, level_of(name))


def level_of(name: str) -> str:
    """The administrative level a place name implies (see the module docstring)."""
    if name in ("全国", "国务院"):
        return "national"
    if name.endswith(("省", "自治区", "特别行政区")) or name in _MUNICIPALITIES:
        return "province"
    if name.endswith(("区", "县", "旗", "自治县")):
        return "county"
    if name.endswith(("市", "州", "盟")):
        return "prefecture"
    return ""
