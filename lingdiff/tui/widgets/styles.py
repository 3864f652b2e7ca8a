"""Component styles looked up once per theme, not once per line drawn.

``Widget.get_component_rich_style`` resolves the CSS each time it is called (about a
millisecond); a view that asks for it per line or per table row spends most of a keystroke
there. Widgets mixing in :class:`CachedStyles` ask :meth:`CachedStyles.cached_style`
instead; the cache is emptied whenever textual updates the widget's styles (theme, focus).
"""

from __future__ import annotations

from typing import Any

from rich.style import Style


class CachedStyles:
    """Mix into a textual widget (before the widget class) to cache its component styles."""

    def cached_style(self, name: str, *, partial: bool = False) -> Style:
        """The widget's component style ``name``, looked up once until the styles change."""
        cache: dict[tuple[str, bool], Style] = self.__dict__.setdefault("_style_cache", {})
        key = (name, partial)
        style = cache.get(key)
        if style is None:
            widget: Any = self
            style = cache[key] = widget.get_component_rich_style(name, partial=partial)
        return style

    def forget_styles(self) -> None:
        """Look the styles up again next time (focus or theme changed)."""
        self.__dict__["_style_cache"] = {}

    def notify_style_update(self) -> None:
        """Textual updated this widget's styles: the cached ones may be stale."""
        self.forget_styles()
        super().notify_style_update()  # type: ignore[misc]
