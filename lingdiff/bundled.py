"""Where the bundled report pair lives, in a wheel install and in a source checkout."""

from __future__ import annotations

from pathlib import Path

OLD_NAME = "lingling-2019-review-2020-plan.txt"
NEW_NAME = "lingling-2025-review-2026-plan.txt"


def seeds_dir() -> Path:
    """The folder holding the bundled reports.

    An installed wheel carries them as ``lingdiff/_seeds``; a source checkout
    (editable install) has them in the top-level ``seeds/`` folder.
    """
    here = Path(__file__).resolve().parent
    for candidate in (here / "_seeds", here.parent / "seeds"):
        if (candidate / OLD_NAME).is_file():
            return candidate
    raise FileNotFoundError("the bundled reports are missing from this installation")


def bundled_pair() -> tuple[Path, Path]:
    """Paths of the bundled old (2019/2020) and new (2025/2026) Lingling reports."""
    folder = seeds_dir()
    return folder / OLD_NAME, folder / NEW_NAME
