"""The result cache of ``lingdiff report``: a report already written for the same inputs,
options and lingdiff is written again without comparing anything.

An entry is the *rendered* report (text, never a pickled object) under a key that hashes
both inputs' contents and paths, the format, the ``--topics`` file's contents, lingdiff's
version and a fingerprint of its code. Each entry starts with one header line (JSON: the
key, the body's sha256 and the input warnings to repeat); an entry whose header, key or
body hash does not check out — truncated, edited, from another version — is ignored and
rewritten, never trusted. The folder is kept under :data:`MAX_BYTES` and
:data:`MAX_ENTRIES`, the least recently used entries going first.

Where: ``$LINGDIFF_CACHE_DIR``, else ``$XDG_CACHE_HOME/lingdiff``, else ``~/.cache/lingdiff``.
``lingdiff report --no-cache`` bypasses it; ``lingdiff cache clear`` empties it. The cache is
best effort: a folder that cannot be read or written only means no caching.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Sequence
from pathlib import Path

from . import __version__

MAX_BYTES = 64 * 1024 * 1024
"""The folder's size cap (a report is 50 KB–1 MB of text; a 5 MB pair's JSON ~30 MB)."""
MAX_ENTRIES = 256
"""The folder's entry cap, whatever the entries' sizes."""
SUFFIX = ".report"
MAGIC = "lingdiff-cache/1"


def cache_dir() -> Path:
    """The folder of the cache (not created here)."""
    explicit = os.environ.get("LINGDIFF_CACHE_DIR")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".cache"
    return base / "lingdiff"


def _code_fingerprint() -> str:
    """Sizes and modification times of lingdiff's own modules: an edited checkout (same
    version number, different code) never reads an entry written by the old code."""
    root = os.path.dirname(os.path.abspath(__file__))
    parts: list[str] = []
    stack = [root]
    while stack:
        folder = stack.pop()
        with os.scandir(folder) as entries:
            for e in entries:
                if e.is_dir() and e.name != "__pycache__" and not e.name.startswith("."):
                    stack.append(e.path)
                elif e.name.endswith((".py", ".json")):
                    st = e.stat()
                    parts.append(f"{e.path[len(root) :]}:{st.st_size}:{st.st_mtime_ns}")
    return hashlib.sha256("\n".join(sorted(parts)).encode()).hexdigest()


def cache_key(inputs: Sequence[Path], fmt: str, option_files: Sequence[Path | None]) -> str:
    """The key of a report: hashes of both inputs (content and path as given), the format,
    the option files' contents (``--topics``, ``--indicators``; None for the packaged
    one), lingdiff's version and code. Raises OSError if a file cannot be read (the caller
    then computes the report as usual)."""
    h = hashlib.sha256()
    for part in (MAGIC, __version__, _code_fingerprint(), fmt):
        h.update(part.encode() + b"\0")
    for path in (*inputs, *option_files):
        if path is None:
            h.update(b"packaged\0")
            continue
        h.update(str(path).encode("utf-8", "surrogateescape") + b"\0")
        h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def read_entry(key: str) -> tuple[str, list[str]] | None:
    """The cached report and its warnings, or None for a miss or an entry not to trust."""
    path = cache_dir() / (key + SUFFIX)
    try:
        data = path.read_bytes()
    except OSError:
        return None
    head, sep, body = data.partition(b"\n")
    try:
        meta = json.loads(head)
        ok = (
            sep
            and meta.get("magic") == MAGIC
            and meta.get("key") == key
            and meta.get("sha256") == hashlib.sha256(body).hexdigest()
            and isinstance(meta.get("warnings"), list)
        )
        text = body.decode("utf-8") if ok else None
    except (ValueError, AttributeError):  # not JSON, not an object, not UTF-8
        return None
    if text is None:
        return None
    warnings = [str(w) for w in meta["warnings"]]
    try:
        os.utime(path)  # most recently used
    except OSError:  # a read-only cache still serves its entries
        return text, warnings
    return text, warnings


def write_entry(key: str, text: str, warnings: Sequence[str] = ()) -> None:
    """Store a report (atomically), then trim the folder to its caps. Never raises."""
    folder = cache_dir()
    body = text.encode("utf-8")
    meta = {
        "magic": MAGIC,
        "key": key,
        "sha256": hashlib.sha256(body).hexdigest(),
        "warnings": list(warnings),
    }
    head = json.dumps(meta, ensure_ascii=False).encode("utf-8")
    tmp = folder / f".{key}.{os.getpid()}.tmp"
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(head + b"\n" + body)
        os.replace(tmp, folder / (key + SUFFIX))
        trim(folder)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)


def _entries(folder: Path) -> list[tuple[float, int, Path]]:
    out = []
    with os.scandir(folder) as it:
        for e in it:
            if e.name.endswith(SUFFIX) and e.is_file():
                st = e.stat()
                out.append((st.st_mtime, st.st_size, Path(e.path)))
    return out


def trim(folder: Path, max_bytes: int = MAX_BYTES, max_entries: int = MAX_ENTRIES) -> int:
    """Delete the least recently used entries until the folder is within both caps;
    how many were deleted."""
    entries = sorted(_entries(folder), reverse=True)  # newest first
    total, removed = 0, 0
    for n, (_, size, path) in enumerate(entries):
        total += size
        if n >= max_entries or total > max_bytes:
            path.unlink(missing_ok=True)
            removed += 1
    return removed


def clear() -> tuple[int, int]:
    """Delete every entry; (entries, bytes) deleted. Other files are left alone."""
    folder = cache_dir()
    if not folder.is_dir():
        return 0, 0
    entries = _entries(folder)
    for _, _, path in entries:
        path.unlink(missing_ok=True)
    return len(entries), sum(size for _, size, _ in entries)


def usage() -> tuple[int, int]:
    """(entries, bytes) in the cache now."""
    folder = cache_dir()
    if not folder.is_dir():
        return 0, 0
    entries = _entries(folder)
    return len(entries), sum(size for _, size, _ in entries)
