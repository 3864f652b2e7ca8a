"""The topic taxonomy: the packaged ``lingdiff/data/topics.json`` or a user's ``--topics`` file,
read and validated into :class:`~lingdiff.model.Topic` records.

This is the one place topics are read from a file; the analysis (:mod:`lingdiff.topics`)
receives the taxonomy from its caller and does no I/O.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from .datafile import read_json_text
from .errors import TaxonomyError
from .model import Topic

__all__ = ["TaxonomyError", "load_taxonomy", "parse_taxonomy"]

_KEY = re.compile(r"^[a-z][a-z0-9_]*$")

MAX_TAXONOMY_BYTES = 1024 * 1024
"""Largest ``--topics`` file read: the packaged taxonomy is ~20 KB."""
MAX_TAXONOMY_DEPTH = 8
"""Deepest nesting of arrays and objects accepted in a ``--topics`` file (the format uses 3)."""


def load_taxonomy(path: str | Path | None = None) -> tuple[Topic, ...]:
    """The topic taxonomy: the packaged one, or the user's file of the same format.

    The format is a JSON object ``{"topics": [{"key", "label", "cap", "terms",
    "label_en"?, "excludes"?}, ...]}`` (a bare list of topics is accepted too).
    Raises :class:`TaxonomyError` with a one-line message on any problem.
    """
    if path is None:
        source = "lingdiff/data/topics.json"
        try:
            raw = _packaged_taxonomy()
        except (OSError, UnicodeDecodeError) as exc:  # a broken installation
            raise TaxonomyError(f"{source}: cannot read the packaged taxonomy ({exc})") from None
        return _parse_cached(raw, source)
    source = str(path)
    raw = read_json_text(
        path,
        error=TaxonomyError,
        what="a taxonomy",
        max_bytes=MAX_TAXONOMY_BYTES,
        max_depth=MAX_TAXONOMY_DEPTH,
    )
    return _parse_cached(raw, source)


def _packaged_taxonomy() -> str:
    """The text of the packaged taxonomy, read beside this module; importlib.resources
    (~3 ms to import) only where the package is not a folder (a zip)."""
    try:
        return (Path(__file__).parent / "data" / "topics.json").read_text("utf-8")
    except OSError:
        from importlib import resources

        return resources.files("lingdiff").joinpath("data/topics.json").read_text("utf-8")


@lru_cache(maxsize=8)
def _parse_cached(raw: str, source: str) -> tuple[Topic, ...]:
    """Parse once per distinct file content, so repeated loads share one matcher."""
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise TaxonomyError(
            f"{source}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
    return parse_taxonomy(data, source)


def parse_taxonomy(data: Any, source: str = "<taxonomy>") -> tuple[Topic, ...]:
    """Validate decoded JSON and build the topics (see :func:`load_taxonomy`)."""
    items = data.get("topics") if isinstance(data, dict) else data
    if not isinstance(items, list) or not items:
        raise TaxonomyError(f'{source}: expected a non-empty "topics" list')
    topics: list[Topic] = []
    seen: set[str] = set()
    for n, item in enumerate(items, 1):
        where = f"{source}: topic {n}"
        if not isinstance(item, dict):
            raise TaxonomyError(f"{where} is not an object")
        key = item.get("key")
        if not isinstance(key, str) or not _KEY.match(key):
            raise TaxonomyError(f'{where}: "key" must be lower-case ASCII (e.g. "growth")')
        where = f"{source}: topic {key!r}"
        if key in seen:
            raise TaxonomyError(f"{where} is defined twice")
        seen.add(key)
        label = item.get("label")
        if not isinstance(label, str) or not label.strip():
            raise TaxonomyError(f'{where}: "label" must be a non-empty string')
        cap = item.get("cap", "")
        if isinstance(cap, int) and not isinstance(cap, bool):
            cap = str(cap)
        if not isinstance(cap, str):
            raise TaxonomyError(f'{where}: "cap" must be a string such as "15"')
        label_en = item.get("label_en", "")
        if not isinstance(label_en, str):
            raise TaxonomyError(f'{where}: "label_en" must be a string')
        terms = _strings(item.get("terms"), f'{where}: "terms"')
        if not terms:
            raise TaxonomyError(f'{where}: "terms" must list at least one term')
        excludes = _strings(item.get("excludes", []), f'{where}: "excludes"')
        topics.append(Topic(key, label.strip(), cap.strip(), terms, label_en.strip(), excludes))
    return tuple(topics)


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise TaxonomyError(f"{where} must be a list of strings")
    out: list[str] = []
    for v in value:
        if not isinstance(v, str) or not v.strip():
            raise TaxonomyError(f"{where} must hold non-empty strings (got {v!r})")
        if v.strip() not in out:
            out.append(v.strip())
    return tuple(out)
