"""The user's TUI settings (the theme), kept between sessions in the user's config directory.

``$LINGDIFF_CONFIG_DIR`` replaces the directory (``~/.config/lingdiff`` on Linux, as
platformdirs says elsewhere). The file is small JSON (``{"theme": "nord"}``); a missing,
unreadable or foreign file is ignored, and a failed write is not an error: the TUI works the
same, it only forgets the theme.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

FILE_NAME = "tui.json"


def settings_path() -> Path:
    """Where the settings live."""
    folder = os.environ.get("LINGDIFF_CONFIG_DIR")
    if folder:
        return Path(folder) / FILE_NAME
    import platformdirs  # textual's own dependency

    return platformdirs.user_config_path("lingdiff") / FILE_NAME


def load_theme(path: Path) -> str | None:
    """The theme saved last time, if any."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    theme = data.get("theme") if isinstance(data, dict) else None
    return theme if isinstance(theme, str) and theme else None


def save_theme(path: Path, theme: str) -> bool:
    """Remember the theme (written atomically; False if it could not be written)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        temporary.write_text(json.dumps({"theme": theme}) + "\n", encoding="utf-8")
        os.replace(temporary, path)
    except OSError:
        return False
    return True
