"""The quotes of one indicator of a series (Enter in the Series tab), year by year."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...model import Observation
from ...render.common import fmt_value
from ...series import SeriesRow
from ..wrap import Kinsoku


def quote_line(label: str, report: str, obs: Observation) -> Text:
    """``2019 target · 6%—6.5% · national_2019.txt §2`` and the quote on the next line."""
    head = Text(f"{label} · ", style="bold")
    head.append(fmt_value(obs), style="bold")
    head.append(f" · {Path(report).name} §{obs.section}", style="italic")
    return head + Text("\n  “" + obs.quote.replace("\n", " ") + "”")


class SeriesQuotesScreen(ModalScreen[None]):
    """Every quoted figure of one series row: targets, actuals, five-year figures."""

    DEFAULT_CSS = """
    SeriesQuotesScreen { align: center middle; }
    #series-quote-list {
        width: 110; max-width: 95%; height: auto; max-height: 85%;
        border: thick $primary; background: $surface;
    }
    #series-quote-list > .option-list--option { padding: 0 1; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss(None)", "Close")]

    def __init__(self, row: SeriesRow) -> None:
        super().__init__()
        self.row = row

    def compose(self) -> ComposeResult:
        """One option per figure, in year order."""
        options = []
        for c in self.row.cells:
            if c.target:
                options.append(quote_line(f"{c.year} target", c.target_report, c.target))
            if c.actual:
                suffix = f" ({c.verdict})" if c.verdict else ""
                options.append(quote_line(f"{c.year} actual{suffix}", c.actual_report, c.actual))
        for p in self.row.periods:
            o = p.observation
            label = f"{o.kind} {o.period}" if o.period else f"target for {o.year}"
            options.append(quote_line(label, p.report, o))
        listing = OptionList(*(Option(Kinsoku(t)) for t in options), id="series-quote-list")
        listing.border_title = Text(self.row.indicator)
        listing.border_subtitle = "Esc close"
        yield listing
