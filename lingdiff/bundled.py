"""Where the bundled report pair lives, in a wheel install and in a source checkout."""

from __future__ import annotations

import os

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (~3 ms)
if TYPE_CHECKING:
    from pathlib import Path

OLD_NAME = "lingling-2019-review-2020-plan.txt"
NEW_NAME = "lingling-2025-review-2026-plan.txt"


def seeds_folder() -> str:
    """The folder holding the bundled reports, as a string (no pathlib: the cached report's
    fast path uses it before anything else is imported).

    An installed wheel carries them as ``lingdiff/_seeds``; a source checkout
    (editable install) has them in the top-level ``seeds/`` folder.
    """
    here = os.path.dirname(os.path.realpath(__file__))
    for candidate in (os.path.join(here, "_seeds"), os.path.join(os.path.dirname(here), "seeds")):
        if os.path.isfile(os.path.join(candidate, OLD_NAME)):
            return candidate
    raise FileNotFoundError("the bundled reports are missing from this installation")


def bundled_files() -> tuple[str, str]:
    """Paths (strings) of the bundled old (2019/2020) and new (2025/2026) Lingling reports."""
    folder = seeds_folder()
    return os.path.join(folder, OLD_NAME), os.path.join(folder, NEW_NAME)


def seeds_dir() -> Path:
    """The folder holding the bundled reports (see :func:`seeds_folder`)."""
    from pathlib import Path

    return Path(seeds_folder())


def bundled_pair() -> tuple[Path, Path]:
    """Paths of the bundled old (2019/2020) and new (2025/2026) Lingling reports."""
    from pathlib import Path

    old, new = bundled_files()
    return Path(old), Path(new)
