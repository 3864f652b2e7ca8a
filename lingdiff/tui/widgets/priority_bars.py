"""The Priorities tab: each topic's share of attention, old vs new, as bars sorted by change."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.style import Style
from rich.text import Text
from textual import on
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...model import TopicShare
from ...render.common import bar
from ...summary import by_size_of_change
from ..index import ComparisonIndex

LABEL_CELLS = 26
"""Width of the topic label column."""


def sorted_shares(shares: tuple[TopicShare, ...]) -> list[TopicShare]:
    """Topics by the size of their change, largest first (as the Overview lists them)."""
    return by_size_of_change(shares)


def _fit(text: str, cells: int) -> str:
    """``text`` cut (with ``…``) or padded to exactly ``cells`` cells."""
    if cell_len(text) > cells:
        while text and cell_len(text) > cells - 1:
            text = text[:-1]
        text += "…"
    return text + " " * (cells - cell_len(text))


class _Bars:
    """One topic's two lines, drawn at the width the list gives it (so that the bars fill the
    width the terminal has, whatever it is, without rebuilding the options on a resize)."""

    def __init__(self, parts: list[tuple[str, str | Style]], bars: list[tuple[float, Style]]):
        self.parts = parts  # text pieces; a piece "\x00" stands for the next bar
        self.bars = bars

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max(10, min(64, options.max_width - BAR_SLACK))
        text = Text()
        bars = iter(self.bars)
        for piece, style in self.parts:
            if piece == "\x00":
                share, bar_style = next(bars)
                text.append(bar(share, width), style=bar_style)
            else:
                text.append(piece, style=style)
        yield text


BAR_SLACK = LABEL_CELLS + 32
"""Cells of a line that are not the bar: the label, the year, the share and the change."""


class PriorityBars(OptionList):
    """One entry per topic: a bar for each report and the change in percentage points."""

    COMPONENT_CLASSES: ClassVar[set[str]] = OptionList.COMPONENT_CLASSES | {
        "priority-bars--old",
        "priority-bars--new",
        "priority-bars--up",
        "priority-bars--down",
        "priority-bars--label",
    }

    DEFAULT_CSS = """
    PriorityBars {
        & > .priority-bars--old { color: $foreground-darken-3; }
        & > .priority-bars--new { color: $accent; }
        & > .priority-bars--up { color: $text-success; text-style: bold; }
        & > .priority-bars--down { color: $text-error; text-style: bold; }
        & > .priority-bars--label { text-style: bold; }
    }
    """

    @dataclass
    class TopicChosen(Message):
        """A topic was chosen: filter the Sections tree to it."""

        priority_bars: PriorityBars
        topic: str

    def __init__(self, index: ComparisonIndex, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.index = index

    def on_mount(self) -> None:
        """Add one option per topic."""
        c = self.index.comparison
        self.border_title = Text(
            "Share of each report's text by topic, largest change first · "
            "Enter: that topic's sections"
        )
        old, new = c.diversity
        self.border_subtitle = Text(f"diversity (Shannon entropy): {old:.2f} → {new:.2f} bits")
        self.fill()
        if self.option_count:
            self.highlighted = 0

    def fill(self) -> None:
        """(Re)build the options."""
        highlighted = self.highlighted
        self.clear_options()
        c = self.index.comparison
        top = max([t.old_share for t in c.topics] + [t.new_share for t in c.topics] + [0.01])
        for share in sorted_shares(c.topics):
            self.add_option(Option(self._prompt(share, top), id=share.topic))
        if highlighted is not None and self.option_count:
            self.highlighted = min(highlighted, self.option_count - 1)

    def _prompt(self, share: TopicShare, top: float) -> _Bars:
        c = self.index.comparison

        def style(name: str) -> Style:
            return self.get_component_rich_style(name, partial=True)

        change = share.change_pp
        role = "up" if change > 0 else "down" if change < 0 else "label"
        arrow = "▲" if change > 0 else "▼" if change < 0 else "="
        parts: list[tuple[str, str | Style]] = []
        bars: list[tuple[float, Style]] = []
        for n, (doc, value) in enumerate((("old", share.old_share), ("new", share.new_share))):
            d = c.doc(doc)
            if n == 0:
                parts.append((_fit(share.label, LABEL_CELLS), style("priority-bars--label")))
            else:
                parts.append((_fit(f"CAP {share.cap} · {share.topic}", LABEL_CELLS), "dim"))
            parts.append((f"{d.plan_year or doc!s:>5} ", ""))
            parts.append(("\x00", ""))
            bars.append((value / top, style(f"priority-bars--{doc}")))
            parts.append((f" {value * 100:5.1f}%", ""))
            if n == 0:
                parts.append((f"   {arrow} {change:+.1f} pp", style(f"priority-bars--{role}")))
                parts.append(("\n", ""))
        return _Bars(parts, bars)

    @property
    def topic_order(self) -> list[str]:
        """Topic keys in the order shown."""
        return [t.topic for t in sorted_shares(self.index.comparison.topics)]

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.TopicChosen(self, event.option.id))
