"""Provenance of a report from a sidecar file: where it was published, by whom, when.

A report ``REPORT.pdf`` may have ``REPORT.meta.json`` (or ``REPORT.pdf.meta.json``) beside
it, or the user names one with ``--meta FILE``: a JSON object with any of ``url`` (or
``source_url``), ``publisher``, ``date``, ``title``. Other keys are ignored.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import LoadError

META_LIMIT = 64 * 1024
"""Largest metadata file read: four short fields fit in a few hundred bytes."""
_KEYS = {
    "url": "url",
    "source_url": "url",
    "publisher": "publisher",
    "date": "date",
    "title": "title",
}


def sidecar_for(report: str | Path) -> Path | None:
    """The sidecar metadata file of a report, if one stands beside it."""
    if str(report) == "-":
        return None
    p = Path(report)
    for candidate in (p.with_suffix(".meta.json"), p.with_name(p.name + ".meta.json")):
        if candidate != p and candidate.is_file():
            return candidate
    return None


def read_meta(path: str | Path) -> tuple[tuple[str, str], ...]:
    """The provenance fields of a metadata file, in a fixed order, or :class:`LoadError`."""
    name = str(path)
    try:
        with open(path, "rb") as fh:
            data = fh.read(META_LIMIT + 1)
    except OSError as exc:
        raise LoadError(f"{name}: cannot read the metadata file ({exc.strerror or exc})") from None
    if len(data) > META_LIMIT:
        raise LoadError(f"{name}: the metadata file is over {META_LIMIT // 1024} KB")
    try:
        value = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise LoadError(f"{name}: the metadata file is not valid JSON ({exc})") from None
    if not isinstance(value, dict):
        raise LoadError(f"{name}: the metadata file must hold a JSON object")
    found: dict[str, str] = {}
    for key, field in _KEYS.items():
        item = value.get(key)
        if item is None or field in found:
            continue
        if not isinstance(item, (str, int, float)):
            raise LoadError(f"{name}: metadata field {key!r} must be text")
        found[field] = " ".join(str(item).split())[:2000]
    return tuple((k, found[k]) for k in ("title", "publisher", "date", "url") if k in found)
