"""Writing reports safely: never over an input report, never half a file.

Shared by ``lingdiff report -o`` and the TUI's export screen.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path


def output_problem(path: Path, inputs: Sequence[Path]) -> str | None:
    """Why a report cannot be written at ``path`` (None if it can).

    An existing file is not a problem here: the caller decides whether to replace it
    (``--force`` on the command line, a confirmation in the TUI).
    """
    for src in inputs:
        try:
            same = path.exists() and path.samefile(src)
        except OSError:
            same = False
        if same or path.resolve() == src.resolve():
            return f"{path}: is an input report; refusing to overwrite it"
    if path.is_dir():
        return f"{path}: is a folder"
    if not path.parent.is_dir():
        return f"{path}: the folder {path.parent} does not exist"
    return None


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` whole or not at all: a temporary file in the same folder, then a rename.

    The file gets the mode a new file would get (or keeps the mode of the file it
    replaces), not the owner-only mode of the temporary file.
    """
    import tempfile  # only here: ~4 ms to import, and most runs write to stdout

    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        umask = os.umask(0)
        os.umask(umask)
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~umask
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
