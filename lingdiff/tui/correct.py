"""Corrections from the TUI (``a`` pair/link with…, ``x`` unpair/unlink): recorded in the
overrides file, then the comparison is made again with them and the tabs rebuilt. Mixed into
:class:`LingdiffApp`.

The file is the one given with ``--overrides``; without it, one per pair of reports in the
user's data folder (:func:`lingdiff.overrides.default_overrides_path`), never beside the
inputs. It is read afresh before each change (edits made by hand meanwhile are kept) and
written whole (a temporary file, then a rename).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.worker import get_current_worker

from ..errors import LingdiffError
from ..model import Comparison
from ..overrides import (
    Fix,
    Kind,
    Overrides,
    default_overrides_path,
    read_overrides,
    write_overrides,
)
from .fixes import describe, link_offer, pair_offer, unlink_fix, unpair_fixes
from .index import ComparisonIndex

if TYPE_CHECKING:
    from .widgets.sections_pane import SectionsPane


def overrides_file(comparison: Comparison) -> Path:
    """Where this comparison's corrections are kept."""
    given = comparison.options.overrides_path
    if given:
        return Path(given)
    return default_overrides_path(comparison.old.source.sha256, comparison.new.source.sha256)


class CorrectionActions:
    """The correction keys' actions (a mixin of the app; see the module docstring)."""

    index: ComparisonIndex | None
    comparison: Comparison | None

    def _current_pair_id(self) -> str | None:
        pane: SectionsPane = self._sections()  # type: ignore[attr-defined]
        row = pane.diff.current_row
        if row is not None:
            return row.pair  # type: ignore[no-any-return]
        node = pane.tree.cursor_node
        return node.data if node is not None else None

    def _current_row(self):  # type: ignore[no-untyped-def]
        table = self.tab_widget("targets")  # type: ignore[attr-defined]
        metric = table._current_metric() if table is not None else None
        return self.index.metrics.get(metric) if metric and self.index else None

    def action_pair(self) -> None:
        """Sections: pair a section of the pair under the cursor with one of the other
        report; Targets: link the indicator under the cursor with one of the other report."""
        from .screens.pick import CounterpartPicker

        if self.index is None:
            return
        if self.active_tab == "sections":  # type: ignore[attr-defined]
            pid = self._current_pair_id()
            pair = self.index.pairs.get(pid) if pid else None
            offer = pair_offer(self.index, pair) if pair else None
            self._anchor = ("sections", (*pair.old, *pair.new)[0]) if pair else None
            if offer is None:
                self._say("Several sections on each side: unpair them first (x).")
                return
        else:
            row = self._current_row()
            if row is None:
                return
            offer = link_offer(self.index.comparison.metrics, row)
            self._anchor = ("targets", row.id)
        labelled = [(c.id, _text(c.label)) for c in offer.choices]
        fixes = {c.id: c.fix for c in offer.choices}

        def chosen(cid: str | None) -> None:
            if cid is not None:
                self.record(offer.kind, (fixes[cid],))

        self.push_screen(  # type: ignore[attr-defined]
            CounterpartPicker(offer.title, labelled, offer.current), chosen
        )

    def action_link(self) -> None:
        """Targets: link the indicator under the cursor with one of the other report."""
        self.action_pair()

    def action_unlink(self) -> None:
        """Targets: the indicator under the cursor is two indicators, one per report."""
        self.action_unpair()

    def action_unpair(self) -> None:
        """Sections: the pair under the cursor is not a pair; Targets: the indicator under the
        cursor is two indicators, one per report."""
        if self.index is None:
            return
        if self.active_tab == "sections":  # type: ignore[attr-defined]
            pid = self._current_pair_id()
            pair = self.index.pairs.get(pid) if pid else None
            fixes = unpair_fixes(pair) if pair else ()
            self._anchor = ("sections", (*pair.old, *pair.new)[0]) if pair else None
            if not fixes:
                self._say("This section has no counterpart; a pairs it with one.")
                return
            self.record("unpair", fixes)
        else:
            row = self._current_row()
            fix = unlink_fix(row) if row is not None else None
            self._anchor = ("targets", row.id) if row is not None else None
            if fix is None:
                self._say("This indicator is in one report only; a links it with another.")
                return
            self.record("unlink", (fix,))

    _anchor: tuple[str, str] | None = None

    def correction_anchor(self) -> tuple[str, str] | None:
        """Where to come back after a correction: ("sections", a section id of the pair) or
        ("targets", the indicator's row id)."""
        return self._anchor

    def _say(self, message: str) -> None:
        self.notify(message, severity="warning", timeout=4, markup=False)  # type: ignore[attr-defined]

    def record(self, kind: Kind, fixes: tuple[Fix, ...]) -> None:
        """Add corrections to the overrides file and show the comparison made with them."""
        c = self.comparison
        if c is None:
            return
        path = overrides_file(c)
        inputs = {Path(c.old.path).resolve(), Path(c.new.path).resolve()}
        if path.resolve() in inputs:
            self._say(f"{path} is a report; the corrections are not written.")
            return
        try:
            current = read_overrides(path) if path.exists() else Overrides()
            names = (Path(c.old.path).name, Path(c.new.path).name)
            for fix in fixes:
                current = current.toggled(
                    c.old.source.sha256, c.new.source.sha256, kind, fix, names
                )
            write_overrides(path, current)
        except LingdiffError as exc:
            self.notify(str(exc), severity="error", markup=False)  # type: ignore[attr-defined]
            return
        what = "; ".join(describe(kind, f) for f in fixes)
        self.notify(f"Saved {what} to {path}", timeout=8, markup=False)  # type: ignore[attr-defined]
        self._recompare(c, current, str(path))

    @work(thread=True, exclusive=True, exit_on_error=False, group="correct")
    def _recompare(self, c: Comparison, overrides: Overrides, path: str) -> None:
        from dataclasses import replace

        from ..compare import compare
        from ..figures.codebook import load_codebook
        from ..taxonomy import load_taxonomy

        options = replace(c.options, overrides_path=path)
        try:
            taxonomy = load_taxonomy(options.topics_path)
            codebook = load_codebook(options.indicators_path)
            fresh = compare(c.old, c.new, options, taxonomy, codebook, overrides)
        except Exception as exc:
            self.call_from_thread(self.notify, str(exc), severity="error", markup=False)  # type: ignore[attr-defined]
            return
        if get_current_worker().is_cancelled:
            return  # a later correction's comparison is on its way
        self.call_from_thread(self.show_corrected, fresh)  # type: ignore[attr-defined]


def _text(label: str):  # type: ignore[no-untyped-def]
    from rich.text import Text

    return Text(label)
