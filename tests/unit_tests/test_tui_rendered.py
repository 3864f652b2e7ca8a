"""RenderedOnce: the Overview's Rich tables drawn once per width, the same as drawn directly."""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderResult
from rich.table import Table
from rich.text import Text

from lingdiff.tui.widgets.rendered import KEPT_WIDTHS, RenderedOnce


class Counting:
    """A table that counts how often it is drawn."""

    def __init__(self) -> None:
        self.drawn = 0
        self.table = Table(box=None, expand=True, show_edge=False)
        self.table.add_column("Topic", ratio=3, overflow="ellipsis", no_wrap=True)
        self.table.add_column("Change", justify="right", no_wrap=True)
        self.table.add_row(Text("就业优先政策"), Text("▲ +1.2 pp", style="bold green"))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        self.drawn += 1
        yield from console.render(self.table, options)


def _lines(console: Console, renderable: object, width: int) -> list[list]:
    return console.render_lines(renderable, console.options.update_width(width))


def test_drawn_once_per_width_and_the_same_as_drawn_directly() -> None:
    console = Console(width=80, color_system="truecolor")
    inner = Counting()
    once = RenderedOnce(inner)
    first = _lines(console, once, 40)
    again = _lines(console, once, 40)
    assert inner.drawn == 1
    assert first == again == _lines(console, Counting(), 40)
    narrower = _lines(console, once, 30)
    assert inner.drawn == 2
    assert narrower == _lines(console, Counting(), 30)


def test_only_the_last_widths_are_kept() -> None:
    console = Console(width=80)
    inner = Counting()
    once = RenderedOnce(inner)
    for width in range(20, 20 + KEPT_WIDTHS + 1):
        _lines(console, once, width)
    assert inner.drawn == KEPT_WIDTHS + 1
    _lines(console, once, 20 + KEPT_WIDTHS)  # the last width is kept
    assert inner.drawn == KEPT_WIDTHS + 1
    _lines(console, once, 20)  # the first one was let go
    assert inner.drawn == KEPT_WIDTHS + 2
