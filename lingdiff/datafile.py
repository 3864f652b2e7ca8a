"""A user's JSON data file (``--topics``, ``--indicators``) read safely: bounded, UTF-8, shallow.

The "file" may be ``/dev/zero``, a pipe or a hostile document; it is read with a byte limit
and its nesting is measured before any parser sees it, so it can neither hang lingdiff nor
exhaust the parser. Every problem is one line of the caller's error class.
"""

from __future__ import annotations

import re
from pathlib import Path

from .errors import LingdiffError

_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")


def read_json_text(
    path: str | Path,
    *,
    error: type[LingdiffError],
    what: str,
    max_bytes: int,
    max_depth: int,
) -> str:
    """The text of a JSON data file, or ``error`` with one line naming the file."""
    source = str(path)
    p = Path(path)
    if not p.exists():
        raise error(f"{source}: no such file")
    if p.is_dir():
        raise error(f"{source}: is a directory, not {what} file")
    try:
        with p.open("rb") as fh:  # a bounded read: the "file" may be /dev/zero or a pipe
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise error(f"{source}: cannot read ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise error(
            f"{source}: larger than {max_bytes // 1024 // 1024} MB; "
            f"{what} is a few kilobytes of JSON"
        )
    try:
        raw = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise error(f"{source}: not UTF-8 text (byte {exc.start})") from None
    depth = json_depth(raw)
    if depth > max_depth:
        raise error(f"{source}: nested {depth} levels deep; {what} needs {max_depth} at most")
    return raw


def json_depth(raw: str) -> int:
    """How deeply the arrays and objects of a JSON text nest (brackets inside strings do not
    count), found without parsing, so that a hostile file cannot exhaust the parser."""
    brackets = _NOT_BRACKET.sub("", _JSON_STRING.sub("", raw))
    depth = deepest = 0
    for run in re.findall(r"[\[{]+|[\]}]+", brackets):
        depth += len(run) if run[0] in "[{" else -len(run)
        deepest = max(deepest, depth)
    return deepest
