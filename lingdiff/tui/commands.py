"""Command palette entries: go to any section pair or indicator."""

from __future__ import annotations

from collections import Counter
from collections.abc import AsyncIterator
from functools import partial
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.fuzzy import Matcher
from textual.markup import escape

from ..render.common import fmt_values

if TYPE_CHECKING:
    from .main_app import LingdiffApp


def highlighted(matcher: Matcher, candidate: str) -> Text:
    """The candidate as plain text (never markup) with the matched characters styled."""
    text = Text(candidate)
    _score, offsets = matcher.fuzzy_search.match(matcher.query, candidate)
    for offset in offsets:
        text.stylize(Style(reverse=True), offset, offset + 1)
    return text


def _unique(entries: list[tuple[str, str, object]]) -> list[tuple[str, str, object]]:
    """Entries with distinct texts: a text met before gets its help appended (``· 5%``), then
    a number, so that the palette never lists two entries alike."""
    seen: set[str] = set()
    counts = Counter(text for text, _help, _command in entries)
    out = []
    for text, help_text, command in entries:
        if counts[text] > 1:
            text = f"{text} · {help_text.split(': ', 1)[-1]}"
        base, n = text, 2
        while text in seen:
            text, n = f"{base} ({n})", n + 1
        seen.add(text)
        out.append((text, help_text, command))
    return out


class JumpCommands(Provider):
    """``Go to section …`` for every section pair, ``Go to indicator …`` for every indicator."""

    _cache: list[tuple[str, str, object]] | None = None

    def _entries(self) -> list[tuple[str, str, object]]:
        if self._cache is None:
            self._cache = self._build_entries()
        return self._cache

    def _build_entries(self) -> list[tuple[str, str, object]]:
        app: LingdiffApp = self.app  # type: ignore[assignment]
        index = app.index
        if index is None:
            return []
        entries: list[tuple[str, str, object]] = []
        for pid in index.order:
            pair = index.pairs[pid]
            text = f"Go to section {index.pair_title(pid)}"
            if pair.old and pair.new:
                help_text = f"{pair.status}: old {index.side_label('old', pair.old)}"
            else:
                help_text = pair.status
            entries.append((text, help_text, partial(app.goto_pair, pid)))
        for row in index.comparison.metrics:
            figures = len(row.observations)
            entries.append(
                (
                    f"Go to indicator {row.indicator} ({row.measure})",
                    f"{figures} figure{'s' if figures != 1 else ''} in Targets: "
                    + fmt_values(row.observations[:3]),
                    partial(app.goto_metric, row.id),
                )
            )
        return _unique(entries)

    async def discover(self) -> Hits:
        """The first few sections, so the palette is not empty before typing."""
        for text, help_text, command in self._entries()[:8]:
            yield DiscoveryHit(Text(text), command, text=text, help=escape(help_text))  # type: ignore[arg-type]

    async def search(self, query: str) -> AsyncIterator[Hit]:
        """Fuzzy-match the query against every entry."""
        matcher = self.matcher(query)
        for text, help_text, command in self._entries():
            score = matcher.match(text)
            if score > 0:
                yield Hit(
                    score,
                    highlighted(matcher, text),
                    command,  # type: ignore[arg-type]
                    text=text,
                    help=escape(help_text),
                )
