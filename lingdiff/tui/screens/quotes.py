"""The quotes of one indicator (Enter in Targets): every figure with its sentence and section."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...model import MetricRow, Observation
from ...render.common import fmt_value, frame_label, is_yearly
from ..index import ComparisonIndex
from ..wrap import Kinsoku


def quote_text(index: ComparisonIndex, obs: Observation) -> Text:
    """``old · 2019 actual · 6.7% · §1 一、…`` and the quote with the figure in bold."""
    when = f"{obs.year or '?'} {obs.kind}" if is_yearly(obs) else frame_label(obs)
    head = Text(f"{obs.doc} · {when} · ", style="bold")
    head.append(Text(fmt_value(obs), style="bold"))
    head.append(" · ")
    head.append(Text(index.section_title(obs.doc, obs.section), style="italic"))
    quote = Text("\n  “")
    body = Text(obs.quote.replace("\n", " "))
    figure = obs.value_text or ""
    at = body.plain.find(figure) if figure else -1
    if at >= 0:
        body.stylize("bold underline reverse", at, at + len(figure))
    quote.append(body)
    quote.append("”")
    return head + quote


class QuotesScreen(ModalScreen[Observation | None]):
    """The figures of one indicator from both reports; Enter shows that sentence in Sections."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss(None)", "Close")]

    def __init__(self, index: ComparisonIndex, row: MetricRow) -> None:
        super().__init__()
        self.index = index
        self.row = row

    def compose(self) -> ComposeResult:
        """One option per observation, old report first."""
        ordered = sorted(self.row.observations, key=lambda o: (o.doc != "old", o.kind, o.start))
        self.ordered = ordered
        options = [
            Option(Kinsoku(quote_text(self.index, o)), id=str(i)) for i, o in enumerate(ordered)
        ]
        quotes = OptionList(*options, id="quote-list")
        title = Text(self.row.indicator)
        if self.row.aliases:
            title.append(" ≈ " + "、".join(self.row.aliases))
        quotes.border_title = title
        quotes.border_subtitle = "Enter show in Sections · Esc close"
        yield quotes

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.dismiss(self.ordered[int(event.option.id)])
