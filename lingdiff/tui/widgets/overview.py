"""The Overview tab: what changed, at a glance.

Four panels: headline targets (old plan-year target → new one, with the actuals; Enter
shows an indicator's quotes), the largest
shifts of attention between topics, sections added and dropped, and slogans
new and gone. Everything is built from the comparison with report text as
plain :class:`~rich.text.Text`.
"""

from __future__ import annotations

from typing import ClassVar

from rich.console import RenderableType
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Grid, Vertical, VerticalScroll
from textual.widgets import Static

from ...summary import by_size_of_change, kept_changes, section_changes, slogan_changes
from ..index import ComparisonIndex
from ..wrap import Kinsoku
from .headline_table import HeadlineTable
from .rendered import RenderedOnce
from .styles import CachedStyles

NARROW = 130
"""Below this width (cells) the panels stack in one column."""
SHIFT_ROWS = 8
LIST_ROWS = 12


class Overview(CachedStyles, VerticalScroll, can_focus=False):
    """Headline targets, priority shifts, sections added/dropped, slogans new/gone.

    Not focusable itself: the headline table takes the focus, and the page keys scroll this.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "overview--up",
        "overview--down",
        "overview--same",
        "overview--added",
        "overview--removed",
        "overview--muted",
    }

    DEFAULT_CSS = """
    Overview {
        & > .overview--up { color: $text-success; text-style: bold; }
        & > .overview--down { color: $text-error; text-style: bold; }
        & > .overview--same { text-style: dim; }
        & > .overview--added { color: $text-success; }
        & > .overview--removed { color: $text-error; }
        & > .overview--muted { text-style: dim; }
    }
    """

    def __init__(self, index: ComparisonIndex, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.index = index

    def _style(self, role: str) -> Style:
        return self.cached_style(f"overview--{role}", partial=True)

    def compose(self) -> ComposeResult:
        """The title block and the four panels."""
        yield Static(RenderedOnce(self._title()), id="overview-title")
        with Grid(id="overview-grid"):
            with Vertical(id="panel-headline", classes="panel") as headline:
                headline.border_title = "Headline targets · Enter quotes"
                yield HeadlineTable(self.index, id="headline-table")
            for panel_id, title, body in (
                ("shifts", "Largest priority shifts", self._shifts()),
                ("sections", "Sections added and dropped", self._sections()),
                ("slogans", "Slogans and terms: new, gone, used more or less", self._slogans()),
            ):
                panel = Static(RenderedOnce(body), id=f"panel-{panel_id}", classes="panel")
                panel.border_title = title
                yield panel

    def _title(self) -> RenderableType:
        c = self.index.comparison
        grid = Table.grid(padding=(0, 2))
        grid.add_column(no_wrap=True, style="bold")
        grid.add_column(ratio=1)
        for key, doc in (("old", c.old), ("new", c.new)):
            title = Text(doc.title or "(no title)")
            title.append(f"  ({doc.review_year or '?'} review, {doc.plan_year or '?'} plan)")
            grid.add_row(key, Kinsoku(title))
        statuses = [p.status for p in c.alignment if p.level == 1]
        counts = ", ".join(
            f"{statuses.count(s)} {s}"
            for s in ("matched", "split", "merged", "added", "removed")
            if statuses.count(s)
        )
        summary = Text(
            f"{len(c.old.sections)} sections old, {len(c.new.sections)} new; "
            f"top level: {counts or 'no alignment'}; {len(c.metrics)} indicators; "
            f"{len(c.phrases)} phrases",
            style=self._style("muted"),
        )
        grid.add_row("", summary)
        return grid

    def on_resize(self) -> None:
        """One column of panels when the terminal is narrow."""
        self.set_class(self.size.width < NARROW, "-narrow")

    def _shifts(self) -> RenderableType:
        c = self.index.comparison
        shifts = by_size_of_change(c.topics)[:SHIFT_ROWS]  # the order of the Priorities tab
        if not shifts:
            return Text("No topic shares.", style=self._style("muted"))
        table = Table(box=None, padding=(0, 1), expand=True, show_edge=False)
        table.add_column("Topic", ratio=3, overflow="ellipsis", no_wrap=True)
        table.add_column(f"{c.old.plan_year or 'old'}", justify="right", no_wrap=True)
        table.add_column(f"{c.new.plan_year or 'new'}", justify="right", no_wrap=True)
        table.add_column("Change", justify="right", no_wrap=True)
        for t in shifts:
            role = "up" if t.change_pp > 0 else "down" if t.change_pp < 0 else "same"
            arrow = "▲" if t.change_pp > 0 else "▼" if t.change_pp < 0 else "="
            table.add_row(
                Text(t.label),
                f"{t.old_share * 100:.1f}%",
                f"{t.new_share * 100:.1f}%",
                Text(f"{arrow} {t.change_pp:+.1f} pp", style=self._style(role)),
            )
        return table

    def _sections(self) -> RenderableType:
        index = self.index
        pairs = [p for p in index.comparison.alignment if p.level <= 2]
        added, removed = section_changes(index.comparison)
        table = Table(box=None, padding=(0, 1), expand=True, show_edge=False, show_header=False)
        table.add_column("mark", width=1, no_wrap=True)
        table.add_column("section", ratio=1, no_wrap=True, overflow="ellipsis")
        groups = (
            (added, "+", "added", "new", "added in the new report"),
            (removed, "-", "removed", "old", "dropped from the old report"),
        )
        for chosen, mark, role, doc, heading in groups:
            table.add_row("", Text(f"{len(chosen)} {heading}", style="bold"))
            for p in chosen[: LIST_ROWS // 2]:
                label = index.side_label(doc, p.new if doc == "new" else p.old)
                table.add_row(Text(mark, style=self._style(role)), Text(label))
            if len(chosen) > LIST_ROWS // 2:
                more = f"… {len(chosen) - LIST_ROWS // 2} more (Sections tab)"
                table.add_row("", Text(more, style=self._style("muted")))
        regrouped = [p for p in pairs if p.status in ("split", "merged")]
        if regrouped:
            table.add_row("", Text(f"{len(regrouped)} split or merged", style="bold"))
            for p in regrouped[:4]:
                mark = "<" if p.status == "split" else ">"
                table.add_row(Text(mark, style="bold"), Text(index.side_label("old", p.old)))
                table.add_row("", Text("→ " + index.side_label("new", p.new)))
        return table

    def _slogans(self) -> RenderableType:
        phrases = self.index.comparison.phrases
        columns: list[list[Text]] = []
        counts: list[int] = []
        new, gone = slogan_changes(self.index.comparison, LIST_ROWS, with_terms=True)
        for status, chosen, mark, role in (
            ("added", new, "+", "added"),
            ("removed", gone, "-", "removed"),
        ):
            counts.append(sum(1 for p in phrases if p.status == status))
            cells = []
            for p in chosen:
                cell = Text(f"{mark} ", style=self._style(role))
                cell.append(Text(p.phrase))
                count = p.new_count if status == "added" else p.old_count
                cell.append(f" ×{count}", style=self._style("muted"))
                if p.replaced_by:
                    cell.append(f" → {p.replaced_by}", style=self._style("muted"))
                cells.append(cell)
            columns.append(cells)
        shifted = kept_changes(phrases, LIST_ROWS)
        columns.append(
            [
                Text(p.phrase).append(f" {p.old_count}→{p.new_count}", style=self._style("muted"))
                for p in shifted
            ]
        )
        table = Table(box=None, padding=(0, 1), expand=True, show_edge=False)
        table.add_column(f"New ({counts[0]})", ratio=1, overflow="ellipsis", no_wrap=True)
        table.add_column(f"Gone ({counts[1]})", ratio=1, overflow="ellipsis", no_wrap=True)
        table.add_column("Used more or less", ratio=1, overflow="ellipsis", no_wrap=True)
        for i in range(max(len(col) for col in columns) or 1):
            table.add_row(*(col[i] if i < len(col) else Text("") for col in columns))
        return table
