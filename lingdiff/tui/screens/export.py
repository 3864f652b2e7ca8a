"""Export of what is shown (``e``): the markdown report, or on Targets the rows shown as CSV;
asks for a path, never overwrites silently.

The path is shown and edited in :func:`~lingdiff.output.display_path` form, so a folder
whose name is not UTF-8 (``\\xd6\\xd0`` for GBK bytes) can be shown and written to.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from ...errors import OutputError
from ...output import display_path, exists, output_problem, path_from_display, write_report

DEFAULT_NAME = "lingdiff-report.md"


class ExportScreen(ModalScreen[Path | None]):
    """Asks for a path and writes the report there; dismissed with the path written."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss(None)", "Cancel")]

    def __init__(
        self,
        render: Callable[[], str],
        inputs: Sequence[Path],
        name: str = DEFAULT_NAME,
        what: str = "the markdown report",
    ) -> None:
        super().__init__()
        self.render_report = render
        self.inputs = tuple(inputs)
        self.file_name = name
        self.what = what
        self.confirm: Path | None = None
        """A path the user has been warned exists; a second Enter replaces it."""

    def compose(self) -> ComposeResult:
        """Path, message line and buttons."""
        with Vertical(id="export-box") as box:
            box.border_title = f"Export {self.what}"
            yield Input(display_path(Path.cwd() / self.file_name), id="export-path")
            yield Static(Text("Enter to write, Esc to cancel."), id="export-message")
            with Horizontal(id="export-buttons"):
                yield Button("Export", variant="primary", id="export-ok")
                yield Button("Cancel", id="export-cancel")

    def _say(self, message: str, *, error: bool = False) -> None:
        note = self.query_one("#export-message", Static)
        note.update(Text(message))
        note.set_class(error, "-error")

    @on(Input.Changed, "#export-path")
    def _path_changed(self) -> None:
        if self.confirm is not None:
            self.confirm = None
            self.query_one("#export-ok", Button).label = "Export"
            self._say("Enter to write, Esc to cancel.")

    @on(Input.Submitted, "#export-path")
    @on(Button.Pressed, "#export-ok")
    def _export(self) -> None:
        raw = self.query_one("#export-path", Input).value.strip()
        if not raw:
            self._say("Give a file name.", error=True)
            return
        path = path_from_display(raw)
        problem = output_problem(path, self.inputs)
        if problem:
            self._say(problem, error=True)
            return
        if exists(path) and self.confirm != path:
            self._ask_to_replace(path)
            return
        try:
            write_report(path, self.render_report(), self.inputs, replace=self.confirm == path)
        except OutputError as exc:
            if exists(path) and self.confirm != path:  # it appeared while rendering
                self._ask_to_replace(path)
            else:
                self._say(str(exc), error=True)
            return
        self.dismiss(path)

    def _ask_to_replace(self, path: Path) -> None:
        self.confirm = path
        self.query_one("#export-ok", Button).label = "Overwrite"
        self._say(
            f"{display_path(path)} exists. Enter again (or Overwrite) replaces it.", error=True
        )

    @on(Button.Pressed, "#export-cancel")
    def _cancel(self) -> None:
        self.dismiss(None)
