"""The Overview's headline targets: a table with a cursor; Enter shows an indicator's quotes.

Each row shows the measure beside the indicator (a change is never read as a level), each
report's plan-year target with its review-year actual under it, and the change of target in
arrow and, for declines, words. Targets only one report sets follow, marked ``dropped`` or
``new``. Drawn as one Rich table, so cells wrap at any width and values stay whole.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.console import RenderableType
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.containers import ScrollableContainer
from textual.geometry import Region
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from ...model import DocKey, MetricRow, Observation
from ...render.common import fmt_change, fmt_values
from ...summary import Headline, headlines, one_sided_targets
from ..index import ComparisonIndex
from ..wrap import Kinsoku
from .styles import CachedStyles

HEADLINE_ROWS = 12
"""Headline indicators shown (the Targets tab has them all)."""
ONE_SIDED_ROWS = 10
"""Targets set by one report only, shown."""


@dataclass(frozen=True)
class _Line:
    """A row of the table: the indicator it is about, and how its change reads."""

    row: MetricRow
    headline: Headline | None
    sets: DocKey | None = None
    """For a one-sided target: the report that sets it."""


class HeadlineTable(CachedStyles, Widget, can_focus=True):
    """Headline targets old → new with actuals; up/down move, Enter opens the quotes."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "headline-table--up",
        "headline-table--down",
        "headline-table--same",
        "headline-table--muted",
        "headline-table--cursor",
    }

    DEFAULT_CSS = """
    HeadlineTable {
        height: auto;
        & > .headline-table--up { color: $text-success; text-style: bold; }
        & > .headline-table--down { color: $text-error; text-style: bold; }
        & > .headline-table--same { text-style: dim; }
        & > .headline-table--muted { text-style: dim; }
        & > .headline-table--cursor { background: $foreground 10%; }
        &:focus > .headline-table--cursor { background: $accent 30%; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "move(-1)", "Up", show=False),
        Binding("down", "move(1)", "Down", show=False),
        Binding("enter", "select", "Quotes"),
    ]

    cursor: reactive[int] = reactive(0, init=False)
    """The row under the cursor."""

    @dataclass
    class ShowQuotes(Message):
        """Enter on a row: show the quotes of this indicator."""

        table: HeadlineTable
        metric: str

    def __init__(self, index: ComparisonIndex, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.index = index
        c = index.comparison
        lines = [_Line(h.row, h) for h in headlines(c)[:HEADLINE_ROWS]]
        lines += [_Line(row, None, doc) for row, doc in one_sided_targets(c)[:ONE_SIDED_ROWS]]
        self.lines = lines

    def _style(self, role: str) -> Style:
        return self.cached_style(f"headline-table--{role}", partial=True)

    def render(self) -> RenderableType:
        """The table, the cursor row highlighted."""
        c = self.index.comparison
        if not self.lines:
            return Text("No indicator has a target in both reports.", style=self._style("muted"))
        muted = self._style("muted")
        table = Table(box=None, padding=(0, 1), expand=True, show_edge=False)
        table.add_column("Indicator", ratio=1)
        for doc in (c.old, c.new):
            head = Text(f"{doc.plan_year or doc.key} target\n", style="bold")
            head.append(f"{doc.review_year or '?'} actual", style=muted)
            table.add_column(head, no_wrap=True)
        table.add_column(Text("Change", style="bold"), no_wrap=True)
        one_sided_shown = False
        for n, line in enumerate(self.lines):
            if line.headline is None and not one_sided_shown:
                one_sided_shown = True
                table.add_row(Text("Set in one report only", style="bold italic"), "", "", "")
            cells = self._cells(line)
            style = Style(meta={"row": n})
            if n == self.cursor:
                style = self.cached_style("headline-table--cursor") + style
            table.add_row(*cells, style=style)
        return table

    def _cells(self, line: _Line) -> list[RenderableType]:
        row, muted = line.row, self._style("muted")
        name = Text(row.indicator)
        name.append(f" {row.measure}", style=muted)
        cells: list[RenderableType] = [Kinsoku(name)]
        for doc in ("old", "new"):
            cells.append(self._figure_cell(row.values(doc, "target"), row.values(doc, "actual")))
        if line.headline is None:
            other = self.index.comparison.doc("new" if line.sets == "old" else "old")
            said = "sets" if other.key == "new" else "set"
            cells.append(
                Text(
                    f"{'dropped' if line.sets == 'old' else 'new'}\n"
                    f"{other.plan_year or other.key} {said} none",
                    style=muted,
                )
            )
            return cells
        h = line.headline
        role = {"↑": "up", "↓": "down", "→": "same"}.get(h.arrow, "muted")
        change = Text(fmt_change(row).split(" (")[0] or "≠ unit", style=self._style(role))
        notes = [w for w in (h.word, h.outcome and f"old target {h.outcome}") if w]
        if notes:
            change.append("\n" + "; ".join(notes), style=muted)
        cells.append(change)
        return cells

    def _figure_cell(
        self, target: tuple[Observation, ...], actual: tuple[Observation, ...]
    ) -> Text:
        muted = self._style("muted")
        cell = Text(fmt_values(target)) if target else Text("no target", style=muted)
        cell.append("\n")
        cell.append(fmt_values(actual) if actual else "—", style=muted)
        return cell

    # ------------------------------------------------------------- movement
    @property
    def current(self) -> MetricRow | None:
        """The indicator under the cursor."""
        return self.lines[self.cursor].row if 0 <= self.cursor < len(self.lines) else None

    def on_focus(self) -> None:
        """The cursor row is brighter with focus."""
        self.forget_styles()

    def on_blur(self) -> None:
        """And dimmer without."""
        self.forget_styles()

    def watch_cursor(self) -> None:
        """Keep the cursor row on screen."""
        self.refresh()
        self.call_after_refresh(self._reveal)

    def _reveal(self) -> None:
        """Scroll the Overview so that the cursor row (about two lines a row) is seen."""
        scroller = next((a for a in self.ancestors if isinstance(a, ScrollableContainer)), None)
        if scroller is None or not self.lines:
            return
        # header (2 lines), two lines a row, one more line before the one-sided targets
        line = 2 + 2 * self.cursor + (1 if self.lines[self.cursor].headline is None else 0)
        top = self.region.y - scroller.content_region.y + scroller.scroll_offset.y + line
        scroller.scroll_to_region(Region(0, top, 1, 2), animate=False, immediate=True)

    def action_move(self, delta: int) -> None:
        """Move the cursor."""
        self.cursor = max(0, min(len(self.lines) - 1, self.cursor + delta))

    def action_select(self) -> None:
        """Show the quotes of the indicator under the cursor."""
        row = self.current
        if row is not None:
            self.post_message(self.ShowQuotes(self, row.id))

    def on_click(self, event: events.Click) -> None:
        """Click a row to put the cursor there; a second click opens its quotes."""
        n = event.style.meta.get("row") if event.style else None
        if n is None:
            return
        if n == self.cursor and self.has_focus:
            self.action_select()
        self.cursor = n
