"""The footer: the keys that act on what is shown, one line of text, ``? Help`` and ``q Quit``
always on the right.

Textual's own footer rebuilds a widget per key whenever the keys change (every change of tab
or focus), which cost tens of milliseconds a keystroke on the national pair, and at 80
columns it cut off ``?`` and ``q``. This one is a single line: when it is too long the
middle keys give way, never help and quit. Clicking a key runs it.
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.screen import Screen
from textual.widgets import Static

from .styles import CachedStyles

ALWAYS = ("question_mark", "q")
"""Keys shown whatever the width (help and quit), at the right end."""


class KeyFooter(CachedStyles, Static):
    """The keys of the focused widget, its ancestors and the app, as one line."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"key-footer--key", "key-footer--label"}

    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        background: $panel;
        & > .key-footer--key { color: $text-accent; text-style: bold; }
        & > .key-footer--label { color: $text-muted; }
    }
    """

    _shown: Text | None = None
    """The line shown (a change of tab or focus that keeps the keys keeps it, undrawn)."""

    def on_mount(self) -> None:
        """Follow the screen's keys."""
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._show()

    def on_unmount(self) -> None:
        """Stop following them."""
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        if self.is_attached and screen is self.screen:
            self._show()

    def on_resize(self) -> None:
        """Fit the line to the new width."""
        self._show()

    def keys(self) -> list[tuple[str, str, str]]:
        """(key, what it shows, description) of the keys on offer now, ``?`` and ``q`` last."""
        seen: set[str] = set()
        middle: list[tuple[str, str, str]] = []
        last: dict[str, tuple[str, str, str]] = {}
        for key, (_node, binding, enabled, _tip) in self.screen.active_bindings.items():
            if not binding.show or not enabled or binding.action in seen:
                continue
            seen.add(binding.action)
            entry = (key, self.app.get_key_display(binding), binding.description)
            if key in ALWAYS:
                last[key] = entry
            else:
                middle.append(entry)
        return middle + [last[k] for k in ALWAYS if k in last]

    def _show(self) -> None:
        if not self.is_attached:
            return
        key_style = self.cached_style("key-footer--key")
        label_style = self.cached_style("key-footer--label")
        entries = self.keys()
        fixed = [e for e in entries if e[0] in ALWAYS]
        middle = [e for e in entries if e[0] not in ALWAYS]
        width = max(0, self.size.width or self.app.size.width)
        room = width - sum(cell_len(f" {d} {t} ") for _k, d, t in fixed) - 1
        line = Text(no_wrap=True, overflow="crop")
        for key, display, description in middle:
            cells = cell_len(f" {display} {description} ")
            if cells > room:
                break
            room -= cells
            self._append(line, key, display, description, key_style, label_style)
        line.append(" " * max(0, room))
        for key, display, description in fixed:
            self._append(line, key, display, description, key_style, label_style)
        if line != self._shown:
            self._shown = line
            self.update(line, layout=False)

    @staticmethod
    def _append(
        line: Text, key: str, display: str, description: str, key_style: Style, label: Style
    ) -> None:
        click = Style(meta={"@click": f"app.simulate_key({key!r})"})
        line.append(f" {display}", key_style + click)
        line.append(f" {description} ", label + click)
