"""A researcher's corrections of section pairs and indicator links, kept in an overrides file.

The file (``--overrides FILE``) is JSON or TOML (by its suffix: ``.toml`` is TOML, anything
else JSON), versioned by its ``format`` field, and keyed by the two reports' sha256 hashes, so
a correction applies only to the very reports it was made on, wherever they are stored::

    format = "lingdiff-overrides/1"

    [[comparison]]
    old = "9f2c…"                 # sha256 of the earlier report
    new = "41ab…"                 # sha256 of the later report
    old_name = "2020.txt"         # for the reader only
    new_name = "2026.txt"
    pair = [{ old = "3.1", new = "2.4" }]        # section numbers as lingdiff shows them
    unpair = [{ old = "1", new = "1" }]
    link = [{ old = "粮食种植面积", new = "粮食播种面积", measure = "level" }]
    unlink = [{ old = "地区生产总值", new = "地区生产总值", measure = "growth" }]

``pair`` makes two sections one matched pair; ``unpair`` keeps two sections out of one pair;
``link`` puts the old report's figures of one indicator and the new report's of another in one
row; ``unlink`` splits a row into the old and the new report's figures. ``measure`` is
optional (without it, every measure both names share). Entries for other reports are ignored.
This module reads, changes and writes the file; :mod:`lingdiff.align.sections` and
:mod:`lingdiff.figures.corrections` apply it.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

from .datafile import read_json_text
from .errors import OverridesError
from .records import record, replace

FORMAT = "lingdiff-overrides/1"
"""The ``format`` value of the files this version reads and writes."""
MAX_BYTES = 4 * 1024 * 1024
"""Largest overrides file read (a few hundred corrections are a few kilobytes)."""
MAX_DEPTH = 6
"""Deepest nesting of arrays and tables accepted (the format uses 4)."""
KINDS = ("pair", "unpair", "link", "unlink")
Kind = Literal["pair", "unpair", "link", "unlink"]


@record
class Fix:
    """One correction: ``old``/``new`` are section numbers (``3.1``) for pair/unpair, and
    indicator names for link/unlink (with an optional ``measure``)."""

    old: str
    new: str
    measure: str = ""


@record
class Corrections:
    """The corrections of one pair of reports, named by their sha256 hashes."""

    old_sha256: str = ""
    new_sha256: str = ""
    pair: tuple[Fix, ...] = ()
    unpair: tuple[Fix, ...] = ()
    link: tuple[Fix, ...] = ()
    unlink: tuple[Fix, ...] = ()
    old_name: str = ""
    new_name: str = ""

    def __len__(self) -> int:
        return len(self.pair) + len(self.unpair) + len(self.link) + len(self.unlink)

    def fixes(self, kind: Kind) -> tuple[Fix, ...]:
        """The corrections of one kind."""
        return getattr(self, kind)  # type: ignore[no-any-return]


@record
class Overrides:
    """Every comparison's corrections in one file (``path``: where it was read from)."""

    entries: tuple[Corrections, ...] = ()
    path: str = ""

    def for_reports(self, old_sha256: str, new_sha256: str) -> Corrections:
        """The corrections of these two reports (all entries for them, in file order)."""
        found = [
            e for e in self.entries if (e.old_sha256, e.new_sha256) == (old_sha256, new_sha256)
        ]
        merged = Corrections(old_sha256, new_sha256)
        for e in found:
            merged = replace(
                merged,
                **{k: merged.fixes(k) + e.fixes(k) for k in KINDS},  # type: ignore[arg-type]
                old_name=merged.old_name or e.old_name,
                new_name=merged.new_name or e.new_name,
            )
        return merged

    def toggled(
        self,
        old_sha256: str,
        new_sha256: str,
        kind: Kind,
        fix: Fix,
        names: tuple[str, str] = ("", ""),
    ) -> Overrides:
        """These overrides with one correction added, so that the last word counts: its
        opposite (``unpair`` for ``pair``…) of the same two sections or indicators is removed
        (whatever measure either names), and so is a ``pair`` of either section with another.
        ``names`` are the reports' file names, kept for the reader of the file."""
        opposite = _OPPOSITE[kind]
        mine = self.for_reports(old_sha256, new_sha256)

        def same(f: Fix) -> bool:
            both = (f.old, f.new) == (fix.old, fix.new)
            return both and (f.measure == fix.measure or not f.measure or not fix.measure)

        def taken(f: Fix) -> bool:
            return same(f) or (kind == "pair" and (f.old == fix.old or f.new == fix.new))

        changes: dict[str, Any] = {
            kind: (*(f for f in mine.fixes(kind) if not taken(f)), fix),
            opposite: tuple(f for f in mine.fixes(opposite) if not same(f)),
            "old_name": mine.old_name or names[0],
            "new_name": mine.new_name or names[1],
        }
        others = tuple(
            e for e in self.entries if (e.old_sha256, e.new_sha256) != (old_sha256, new_sha256)
        )
        return replace(self, entries=(*others, replace(mine, **changes)))


_OPPOSITE: dict[Kind, Kind] = {
    "pair": "unpair",
    "unpair": "pair",
    "link": "unlink",
    "unlink": "link",
}


def read_overrides(path: str | Path) -> Overrides:
    """Read an overrides file (JSON, or TOML for a ``.toml`` name); raises
    :class:`OverridesError` with one line naming the file on any problem."""
    source = str(path)
    raw = read_json_text(
        path, error=OverridesError, what="an overrides", max_bytes=MAX_BYTES, max_depth=MAX_DEPTH
    )
    if _is_toml(path):
        import tomllib

        try:
            data: Any = tomllib.loads(raw)
        except tomllib.TOMLDecodeError as exc:
            raise OverridesError(f"{source}: not valid TOML ({exc})") from None
    else:
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise OverridesError(
                f"{source}: not valid JSON ({exc.msg}, line {exc.lineno})"
            ) from None
    return parse_overrides(data, source)


def _is_toml(path: str | Path) -> bool:
    return str(path).lower().endswith(".toml")


def parse_overrides(data: Any, source: str = "overrides") -> Overrides:
    """Validate parsed JSON/TOML data into :class:`Overrides` (one-line OverridesError)."""
    if not isinstance(data, dict) or "format" not in data:
        raise OverridesError(f'{source}: not a lingdiff overrides file (no "format" field)')
    if data["format"] != FORMAT:
        raise OverridesError(
            f"{source}: format {data['format']!r} is not {FORMAT!r} (written by another lingdiff?)"
        )
    items = data.get("comparison", data.get("comparisons", []))
    if not isinstance(items, list):
        raise OverridesError(f'{source}: "comparison" must be a list of tables')
    return Overrides(tuple(_entry(item, n, source) for n, item in enumerate(items, 1)), source)


def _entry(item: Any, n: int, source: str) -> Corrections:
    where = f"{source}: comparison {n}"
    if not isinstance(item, dict):
        raise OverridesError(f"{where} is not a table")
    for key in ("old", "new"):
        value = item.get(key)
        if not isinstance(value, str) or not value:
            raise OverridesError(f'{where}: "{key}" (the report\'s sha256) is missing')
    fixes = {kind: _fixes(item.get(kind, []), f"{where}, {kind}") for kind in KINDS}
    return Corrections(
        old_sha256=item["old"].lower(),
        new_sha256=item["new"].lower(),
        old_name=str(item.get("old_name", "")),
        new_name=str(item.get("new_name", "")),
        **fixes,
    )


def _fixes(value: Any, where: str) -> tuple[Fix, ...]:
    if not isinstance(value, list):
        raise OverridesError(f"{where}: must be a list")
    out = []
    for k, fix in enumerate(value, 1):
        if not isinstance(fix, dict):
            raise OverridesError(f"{where} {k}: must be a table with old and new")
        parts = [fix.get("old"), fix.get("new"), fix.get("measure", "")]
        if not all(isinstance(p, str) for p in parts) or not parts[0] or not parts[1]:
            raise OverridesError(f"{where} {k}: old and new must be non-empty strings")
        out.append(Fix(*parts))  # type: ignore[arg-type]
    return tuple(out)


def dumps_overrides(overrides: Overrides, toml: bool = False) -> str:
    """The file's text: JSON (one correction a line), or TOML when ``toml``."""
    entries = [_entry_dict(e) for e in overrides.entries if len(e)]
    if not toml:
        lines = ["{", f'  "format": {json.dumps(FORMAT)},', '  "comparison": [']
        for i, e in enumerate(entries):
            lines.append("    {")
            keys = list(e)
            for j, key in enumerate(keys):
                end = "," if j + 1 < len(keys) else ""
                value = e[key]
                if isinstance(value, list):
                    rows = [f"      {json.dumps(key)}: ["]
                    rows += [
                        f"        {_json(f)}" + ("," if m + 1 < len(value) else "")
                        for m, f in enumerate(value)
                    ]
                    lines.extend([*rows, f"      ]{end}"])
                else:
                    lines.append(f"      {json.dumps(key)}: {_json(value)}{end}")
            lines.append("    }" + ("," if i + 1 < len(entries) else ""))
        return "\n".join([*lines, "  ]", "}", ""])
    lines = [f"format = {_json(FORMAT)}"]
    for e in entries:
        lines += ["", "[[comparison]]"]
        for key, value in e.items():
            if isinstance(value, list):
                body = ",\n".join(
                    "  { " + ", ".join(f"{k} = {_json(v)}" for k, v in f.items()) + " }"
                    for f in value
                )
                lines.append(f"{key} = [\n{body},\n]")
            else:
                lines.append(f"{key} = {_json(value)}")
    return "\n".join(lines) + "\n"


def _json(value: Any) -> str:
    """JSON text of a value; a JSON string is also a TOML basic string."""
    return json.dumps(value, ensure_ascii=False)


def _entry_dict(e: Corrections) -> dict[str, Any]:
    out: dict[str, Any] = {"old": e.old_sha256, "new": e.new_sha256}
    if e.old_name or e.new_name:
        out["old_name"], out["new_name"] = e.old_name, e.new_name
    for kind in KINDS:
        if e.fixes(kind):
            out[kind] = [
                {"old": f.old, "new": f.new, **({"measure": f.measure} if f.measure else {})}
                for f in e.fixes(kind)
            ]
    return out


def write_overrides(path: str | Path, overrides: Overrides) -> None:
    """Write the file whole: a temporary file in the same folder, then a rename, so a reader
    never sees half a file; a path that exists and is not a regular file is refused."""
    target = Path(path)
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise OverridesError(f"{target}: cannot write ({exc.strerror or exc})") from None
    if mode is not None and not stat.S_ISREG(mode):
        raise OverridesError(f"{target}: not a regular file; the overrides are not written")
    text = dumps_overrides(overrides, toml=_is_toml(target))
    import tempfile  # only here: reports that read no overrides file do not pay for it

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".lingdiff-", suffix=".tmp", dir=target.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
            os.replace(tmp, target)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError as exc:
        raise OverridesError(f"{target}: cannot write ({exc.strerror or exc})") from None


def check_overrides_file(path: str | Path, inputs: Sequence[Path]) -> None:
    """An overrides file the TUI will save corrections to: read now if it exists (a bad one
    is said before the screen is taken over), never one of the reports."""
    target = Path(path)
    if any(target.resolve() == Path(p).resolve() for p in inputs):
        raise OverridesError(f"{path}: is one of the reports, not an overrides file")
    if target.exists():
        read_overrides(target)


def default_overrides_path(old_sha256: str, new_sha256: str) -> Path:
    """Where the TUI keeps corrections when no ``--overrides`` file is given: the user's data
    folder (``$LINGDIFF_DATA_DIR`` replaces it), one file per pair of reports."""
    explicit = os.environ.get("LINGDIFF_DATA_DIR")
    if explicit:
        base = Path(explicit)
    else:
        from platformdirs import user_data_dir

        base = Path(user_data_dir("lingdiff", appauthor=False))
    return base / "overrides" / f"{old_sha256[:12]}-{new_sha256[:12]}.toml"
