"""Rich renderables drawn once per width, not once per layout and again per paint.

Textual asks a ``Static`` holding a Rich table for its height (a full render, counting
the lines) and then renders it again to paint, and again on every repaint; a table of the
Overview costs milliseconds each time. :class:`RenderedOnce` keeps the segments of the
last widths it was drawn at, so the second and later renders are a list walk.
"""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.measure import Measurement
from rich.segment import Segment

KEPT_WIDTHS = 4
"""Widths remembered (a resize draws at a new width; a few are kept for going back)."""


class RenderedOnce:
    """Wrap a Rich renderable whose content does not change: its segments are cached per
    width (and the few console options that change how it is drawn)."""

    def __init__(self, renderable: RenderableType) -> None:
        self.renderable = renderable
        self._segments: dict[tuple[object, ...], list[Segment]] = {}

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        key = (options.max_width, options.justify, options.overflow, options.no_wrap)
        segments = self._segments.get(key)
        if segments is None:
            if len(self._segments) >= KEPT_WIDTHS:
                self._segments.pop(next(iter(self._segments)))
            segments = self._segments[key] = list(console.render(self.renderable, options))
        yield from segments

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.renderable)
