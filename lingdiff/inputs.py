"""Naming many reports at once: files, folders (read whole) and globs."""

from __future__ import annotations

import glob
from collections.abc import Sequence
from pathlib import Path


def expand_inputs(paths: Sequence[str | Path]) -> list[Path]:
    """Files named, folders read for their non-hidden files (sorted), globs expanded."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and not _hidden(f, p)))
        elif not p.exists() and any(ch in str(raw) for ch in "*?["):
            out.extend(
                Path(m) for m in sorted(glob.glob(str(raw), recursive=True)) if Path(m).is_file()
            )
        else:
            out.append(p)
    return out


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)
