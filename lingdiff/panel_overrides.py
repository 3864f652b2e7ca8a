"""What a panel makes of a researcher's overrides file (``lingdiff panel --overrides FILE``).

A panel has no section pairs and no rows that join two reports: its rows are single figures,
and what ties one report's figures to another's is the ``code`` column. So a panel obeys the
indicator corrections through that column, and ignores ``pair``/``unpair`` (they concern
the sections of one comparison, which a panel does not align):

* ``link`` (old report's ``X`` with new report's ``Y``) gives the figures of ``X`` in the old
  report and of ``Y`` in the new one one code: the codebook's code of either name, else
  ``user:X``. Their ``override`` column says ``link``.
* ``unlink`` (``X`` apart from ``Y``) takes the shared code from the new report's figures of
  ``Y`` where it is the code of ``X``: the two no longer meet in a group-by on ``code``.
  Their ``override`` column says ``unlink``.

Rows are matched by the report's sha256 (the file's content, wherever it lies), the indicator
as written and, where the correction names one, the measure.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .figures.codebook import Codebook, load_codebook
from .overrides import Overrides

Key = tuple[str, str, str]
"""(report sha256, indicator, measure or "" for every measure)."""


class PanelCorrections:
    """The link and unlink corrections of an overrides file, ready to apply to panel rows
    (tuples with the panel's ``columns``)."""

    def __init__(
        self, overrides: Overrides, columns: Sequence[str], codebook: Codebook | None = None
    ) -> None:
        book = codebook or load_codebook()
        self._sha, self._name, self._measure, self._code, self._override = map(
            list(columns).index, ("sha256", "indicator", "measure", "code", "override")
        )
        self.links: dict[Key, str] = {}
        self.unlinks: dict[Key, str] = {}
        for entry in overrides.entries:
            for fix in entry.link:
                code = book.code_of(fix.old) or book.code_of(fix.new) or f"user:{fix.old}"
                self.links[(entry.old_sha256, fix.old, fix.measure)] = code
                self.links[(entry.new_sha256, fix.new, fix.measure)] = code
            for fix in entry.unlink:
                shared = book.code_of(fix.old, measure=fix.measure)
                if shared:
                    self.unlinks[(entry.new_sha256, fix.new, fix.measure)] = shared
        self.applied = 0
        """How many rows a correction changed so far."""

    def __bool__(self) -> bool:
        return bool(self.links or self.unlinks)

    def apply(self, row: tuple[Any, ...]) -> tuple[Any, ...]:
        """The row as the corrections have it (the same tuple where none applies)."""
        sha, name, measure = row[self._sha], row[self._name], row[self._measure]
        for key in ((sha, name, measure), (sha, name, "")):
            code = self.links.get(key)
            if code is not None:
                return self._changed(row, code, "link")
            shared = self.unlinks.get(key)
            if shared is not None and row[self._code] == shared:
                return self._changed(row, "", "unlink")
        return row

    def _changed(self, row: tuple[Any, ...], code: str, how: str) -> tuple[Any, ...]:
        self.applied += 1
        out = list(row)
        out[self._code], out[self._override] = code, how
        return tuple(out)
