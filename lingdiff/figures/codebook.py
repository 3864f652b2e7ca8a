"""The codebook of headline indicators: which code an indicator name stands for.

Reports name one indicator many ways (``经济增长`` = ``地区生产总值增长`` = ``全省生产总值增长``;
``农村居民收入`` = ``农村居民人均可支配收入``). The codebook (``lingdiff/data/indicators.json``,
replaceable with ``--indicators FILE``) lists each headline indicator with a code and its
names; a figure whose indicator name is one of them — after place and framing prefixes
(``全省``, ``福建省``, ``全年``) are removed — gets the code, provided its unit fits the
indicator (``粮食`` in 万亩 is an area, not grain output). Linking across reports, series and
panels uses the code first.

Matching is exact on purpose: ``数字经济增加值`` is not GDP and ``城镇居民人均可支配收入`` is not
``居民人均可支配收入``; near-misses are left to the fuzzy name linking.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

from ..datafile import read_json_text
from ..errors import CodebookError
from ..lexicon import PERCENT_UNITS, unit_family
from ..records import record
from ..textscan import DictionaryScanner

MAX_CODEBOOK_BYTES = 1024 * 1024
"""Largest codebook file read (the packaged one is ~8 KB)."""
MAX_CODEBOOK_DEPTH = 6
"""Deepest nesting of a codebook file (the format uses 3)."""
_PLACE = re.compile(
    r"^[\u4e00-\u9fff]{2,8}?(?:省|市|自治区|特别行政区|区|县|州|盟)(?=[\u4e00-\u9fffA-Z])"
)


@record
class Indicator:
    """One headline indicator of the codebook."""

    code: str
    label: str
    names: tuple[str, ...]
    units: tuple[str, ...] = ()
    label_en: str = ""
    note: str = ""
    patterns: tuple[re.Pattern[str], ...] = ()
    better: str = ""
    """``lower`` where a smaller figure is the aim (prices, unemployment, energy use), ``higher``
    where a larger one is, "" when the codebook does not say."""


class Codebook:
    """Indicator names -> codes (see the module docstring)."""

    def __init__(self, indicators: tuple[Indicator, ...], strip_prefixes: tuple[str, ...]) -> None:
        self.indicators = indicators
        self.by_code = {i.code: i for i in indicators}
        self._names: dict[str, list[Indicator]] = {}
        for ind in indicators:
            for name in ind.names:
                self._names.setdefault(name, []).append(ind)
        self._prefixes = tuple(sorted(strip_prefixes, key=len, reverse=True))
        self._name_scanners: dict[int, tuple[dict[str, str], DictionaryScanner]] = {}
        self._patterned = tuple(i for i in indicators if i.patterns)

    def name_scanner(self, min_len: int) -> tuple[dict[str, str], DictionaryScanner]:
        """Every name of at least ``min_len`` characters with its code, and a scanner that
        finds them in text (built once per codebook and length)."""
        held = self._name_scanners.get(min_len)
        if held is None:
            codes = {n: i.code for i in self.indicators for n in i.names if len(n) >= min_len}
            held = self._name_scanners[min_len] = (codes, DictionaryScanner(codes))
        return held

    def code_of(self, name: str, unit: str = "", measure: str = "", place: str = "") -> str:
        """The code of an indicator name with a figure in ``unit``, or ``""``.

        A share (``占国内生产总值比重``) is a share of the indicator, not the indicator: it
        gets no code unless the indicator is itself a share (``unit`` is then a percent and
        the entry lists no level unit, e.g. ``rd_intensity``). ``place`` is the government of
        the report (``新疆维吾尔自治区``): a name led by another place (``南疆五地州地区生产总值``,
        ``武汉市地区生产总值`` in Hubei's report) is a part's figure, not the report's own."""
        if measure == "share":
            return self._share_code(name, unit, place)
        candidates = self._candidates(name, place)
        for candidate in candidates:
            for ind in self._names.get(candidate, ()):
                if _unit_fits(ind, unit):
                    return ind.code
        for ind in self._patterned:
            if _unit_fits(ind, unit) and any(p.search(c) for p in ind.patterns for c in candidates):
                return ind.code
        return ""

    def _candidates(self, name: str, place: str = "") -> list[str]:
        gloss = _GLOSS.search(name)
        if gloss and gloss.start() >= 2:  # 使用外资（折合人民币）: no other indicator's name
            name = name[: gloss.start()]
        out = [name]
        stripped = name
        for _ in range(2):
            if not stripped.startswith(self._prefixes):
                break  # one C call rules out every prefix (most names have none)
            for prefix in self._prefixes:
                if stripped.startswith(prefix) and len(stripped) > len(prefix):
                    stripped = stripped[len(prefix) :]
                    out.append(stripped)
                    break
        led = _PLACE.match(stripped)
        if led and (not place or led.group()[:2] == place[:2]):
            out.append(stripped[led.end() :])
        return out

    def _share_code(self, name: str, unit: str, place: str = "") -> str:
        code = self.code_of(name, unit, place=place)
        ind = self.by_code.get(code)
        return code if ind is not None and ind.units and set(ind.units) <= {"%"} else ""


_GLOSS = re.compile(r"（[^（）]+）$")
"""A bracketed gloss that ends a name."""


def _unit_fits(ind: Indicator, unit: str) -> bool:
    if not ind.units or not unit:
        return True
    if unit in PERCENT_UNITS:
        return "%" in ind.units
    family = unit_family(unit)
    return any(family == u or family.endswith(u) for u in ind.units)


def load_codebook(path: str | Path | None = None) -> Codebook:
    """The packaged codebook, or the one in ``path`` (raises :class:`CodebookError`)."""
    if path is None:
        return _packaged()
    raw = read_json_text(
        path,
        error=CodebookError,
        what="a codebook",
        max_bytes=MAX_CODEBOOK_BYTES,
        max_depth=MAX_CODEBOOK_DEPTH,
    )
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise CodebookError(f"{path}: not valid JSON ({exc})") from None
    return parse_codebook(data, str(path))


@cache
def _packaged() -> Codebook:
    """The packaged codebook, read beside the package; importlib.resources (which imports
    zipfile and tempfile, ~10 ms) only where the package is not a folder (a zip)."""
    try:
        text = (Path(__file__).parent.parent / "data" / "indicators.json").read_text("utf-8")
    except OSError:
        from importlib import resources

        text = resources.files("lingdiff").joinpath("data/indicators.json").read_text("utf-8")
    return parse_codebook(json.loads(text), "lingdiff/data/indicators.json")


def parse_codebook(data: Any, source: str) -> Codebook:
    """A codebook from its JSON data; every problem is one :class:`CodebookError` line."""
    if not isinstance(data, dict) or not isinstance(data.get("indicators"), list):
        raise CodebookError(f'{source}: expected an object with an "indicators" list')
    indicators: list[Indicator] = []
    seen: set[str] = set()
    for n, entry in enumerate(data["indicators"], 1):
        where = f"{source}: indicator {n}"
        if not isinstance(entry, dict):
            raise CodebookError(f"{where} is not an object")
        code, names = entry.get("code"), entry.get("names")
        if not isinstance(code, str) or not re.fullmatch(r"[a-z][a-z0-9_]*", code):
            raise CodebookError(f'{where}: "code" must be lower-case ASCII (e.g. "gdp")')
        if code in seen:
            raise CodebookError(f"{where}: code {code!r} is defined twice")
        if not isinstance(names, list) or not names or not all(isinstance(x, str) for x in names):
            raise CodebookError(f'{where}: "names" must be a non-empty list of strings')
        seen.add(code)
        try:
            patterns = tuple(re.compile(str(x)) for x in entry.get("patterns", ()))
        except re.error as exc:
            raise CodebookError(f"{where}: a pattern is not a valid regex ({exc})") from None
        indicators.append(
            Indicator(
                code=code,
                label=str(entry.get("label", names[0])),
                names=tuple(names),
                units=tuple(str(u) for u in entry.get("units", ())),
                label_en=str(entry.get("label_en", "")),
                note=str(entry.get("note", "")),
                patterns=patterns,
                better=str(entry.get("better", "")),
            )
        )
    prefixes = data.get("strip_prefixes", [])
    if not isinstance(prefixes, list):
        raise CodebookError(f'{source}: "strip_prefixes" must be a list')
    return Codebook(tuple(indicators), tuple(str(p) for p in prefixes))
