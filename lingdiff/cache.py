"""The result cache of ``lingdiff report``: a report already written for the same inputs,
options and lingdiff is written again without comparing anything.

An entry is the *rendered* report (text, never a pickled object) under a key that hashes
both inputs' contents and paths (as given), the format, the ``--topics`` file's contents,
lingdiff's version and a fingerprint of its code. Each entry starts with a header line
(``MAGIC key sha256-of-body number-of-warnings``), the input warnings to repeat, one a line,
then the report; an entry whose header, key or body hash does not check out — truncated,
edited, from another version — is ignored and rewritten, never trusted. Reading an entry
needs only ``os`` and SHA-256 (:mod:`lingdiff.digest`): a hit costs little more than
starting Python. The folder is kept under :data:`MAX_BYTES` and :data:`MAX_ENTRIES`, least
recently used entries first.

Where: ``$LINGDIFF_CACHE_DIR``, else ``$XDG_CACHE_HOME/lingdiff``, else ``~/.cache/lingdiff``.
``lingdiff report --no-cache`` bypasses it; ``lingdiff cache clear`` empties it. The cache is
best effort: a folder that cannot be read or written only means no caching.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence

from . import __version__
from .digest import sha256

MAX_BYTES = 64 * 1024 * 1024
"""The folder's size cap (a report is 50 KB–1 MB of text; a 5 MB pair's JSON ~30 MB)."""
MAX_ENTRIES = 256
"""The folder's entry cap, whatever the entries' sizes."""
SUFFIX = ".report"
MAGIC = "lingdiff-cache/1"


def cache_dir() -> str:
    """The folder of the cache (not created here)."""
    explicit = os.environ.get("LINGDIFF_CACHE_DIR")
    if explicit:
        return explicit
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = xdg if xdg and os.path.isabs(xdg) else os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "lingdiff")


def _entry(key: str) -> str:
    return os.path.join(cache_dir(), key + SUFFIX)


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
    return sha256("\n".join(sorted(parts)).encode()).hexdigest()


def cache_key(inputs: Sequence[str], fmt: str, option_files: Sequence[str | None]) -> str:
    """The key of a report: hashes of both inputs (content and path as given), the format,
    the option files' contents (``--topics``, ``--indicators``; None for the packaged
    one), lingdiff's version and code. Raises OSError if a file cannot be read (the caller
    then computes the report as usual)."""
    h = sha256()
    for part in (MAGIC, __version__, _code_fingerprint(), fmt):
        h.update(part.encode() + b"\0")
    for path in (*inputs, *option_files):
        if path is None:
            h.update(b"packaged\0")
            continue
        h.update(str(path).encode("utf-8", "surrogateescape") + b"\0")
        h.update(_file_hash(path))
    return h.hexdigest()


MAX_HASHED = 16 * 1024 * 1024
"""Largest file hashed for a key: inputs are refused past 5 MB anyway (no key, no cache)."""


def _file_hash(path: str) -> bytes:
    """The sha256 of a regular file of at most :data:`MAX_HASHED` bytes. Anything else
    (``/dev/zero``, a FIFO, a folder, a huge file) raises OSError: no caching, and the
    report's own reading says what is wrong with it."""
    st = os.stat(path)  # before opening: opening a FIFO would wait for a writer
    if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_HASHED:
        raise OSError(f"{path}: not a regular file of reasonable size")
    with open(path, "rb") as f:
        return sha256(f.read(MAX_HASHED + 1)).digest()


def read_entry(key: str) -> tuple[str, list[str]] | None:
    """The cached report and its warnings, or None for a miss or an entry not to trust."""
    path = _entry(key)
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError:
        return None
    head, _, rest = data.partition(b"\n")
    fields = head.split(b" ")
    if len(fields) != 4 or fields[0] != MAGIC.encode() or fields[1] != key.encode():
        return None
    if not fields[3].isdigit():
        return None
    lines = rest.split(b"\n", int(fields[3]))
    if len(lines) != int(fields[3]) + 1:
        return None
    body = lines.pop()
    if fields[2] != sha256(body).hexdigest().encode():
        return None
    try:
        text = body.decode("utf-8")
        warnings = [w.decode("utf-8") for w in lines]
    except UnicodeDecodeError:
        return None
    try:
        os.utime(path)  # most recently used
    except OSError:  # a read-only cache still serves its entries
        return text, warnings
    return text, warnings


def write_entry(key: str, text: str, warnings: Sequence[str] = ()) -> None:
    """Store a report (atomically), then trim the folder to its caps. Never raises."""
    folder = cache_dir()
    body = text.encode("utf-8")
    lines = [" ".join(w.split()).encode("utf-8") for w in warnings]  # one line each
    head = f"{MAGIC} {key} {sha256(body).hexdigest()} {len(lines)}".encode()
    tmp = os.path.join(folder, f".{key}.{os.getpid()}.tmp")
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(b"\n".join([head, *lines, body]))
        os.replace(tmp, os.path.join(folder, key + SUFFIX))
        trim(folder)
    except OSError:
        try:
            os.unlink(tmp)
        except OSError:  # never written
            return


def _entries(folder: str) -> list[tuple[float, int, str]]:
    out = []
    with os.scandir(folder) as it:
        for e in it:
            if e.name.endswith(SUFFIX) and e.is_file():
                st = e.stat()
                out.append((st.st_mtime, st.st_size, e.path))
    return out


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:  # another lingdiff removed it first
        return


def trim(folder: str, max_bytes: int = MAX_BYTES, max_entries: int = MAX_ENTRIES) -> int:
    """Delete the least recently used entries until the folder is within both caps;
    how many were deleted."""
    entries = sorted(_entries(folder), reverse=True)  # newest first
    total, removed = 0, 0
    for n, (_, size, path) in enumerate(entries):
        total += size
        if n >= max_entries or total > max_bytes:
            _remove(path)
            removed += 1
    return removed


def clear() -> tuple[int, int]:
    """Delete every entry; (entries, bytes) deleted. Other files are left alone."""
    folder = cache_dir()
    if not os.path.isdir(folder):
        return 0, 0
    entries = _entries(folder)
    for _, _, path in entries:
        _remove(path)
    return len(entries), sum(size for _, size, _ in entries)


def usage() -> tuple[int, int]:
    """(entries, bytes) in the cache now."""
    folder = cache_dir()
    if not os.path.isdir(folder):
        return 0, 0
    entries = _entries(folder)
    return len(entries), sum(size for _, size, _ in entries)
