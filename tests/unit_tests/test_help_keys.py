"""The help screen's keys come from the bindings: every key of the app and its widgets
is listed, the Series keys (m, o) and the Phrases kind filter (k) too."""

from __future__ import annotations

from textual.binding import Binding

from lingdiff.tui.main_app import LingdiffApp
from lingdiff.tui.screens.help import _KEY_NAMES, key_rows
from lingdiff.tui.series_app import SeriesApp


def test_the_help_lists_every_binding_of_the_app_and_its_widgets() -> None:
    classes = SeriesApp.help_classes()
    rows = key_rows(classes)
    listed = " / ".join(keys for _area, keys, _what in rows).split(" / ")
    for cls in classes:
        for b in cls.__dict__.get("BINDINGS", []):
            assert isinstance(b, Binding)
            shown = b.key_display or _KEY_NAMES.get(b.key, b.key)
            assert shown in listed, (cls.__name__, b.key)
    assert {"m", "o", "k", "y", "0"} <= set(listed)
    whats = {keys: what for _a, keys, what in rows}
    assert whats["m"].startswith("mark the year") and whats["k"].startswith("show one kind")


def test_the_pair_app_lists_no_series_keys() -> None:
    listed = {keys for _area, keys, _what in key_rows(LingdiffApp.help_classes())}
    assert "k" in listed and "y" in listed and "m" not in listed and "0" not in listed
