"""Entry points of the terminal UI: one app factory for the CLI and the tests.

``make_app(comparison)`` shows a comparison already made (tests, snapshots);
``make_app(loader=...)`` starts with a loading indicator and runs the loader in
a thread worker. :func:`run_app` is what ``lingdiff [OLD NEW]`` calls.

This module imports textual only inside the functions: :func:`run_app` first
starts comparing the reports (in a forked process on Linux, so the work runs
on another core while textual is imported and the app starts), then builds
the app. That keeps the first useful screen well under a second.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..model import Comparison, Document
    from .main_app import LingdiffApp


@dataclass(frozen=True)
class StartAt:
    """Where the TUI opens (``--tab``, ``--section 2.3``, ``--search TEXT``); None: as usual."""

    tab: str | None = None
    section: str | None = None
    search: str | None = None


def make_app(
    comparison: Comparison | None = None,
    *,
    loader: Callable[[], Comparison] | None = None,
    driver_class: Any = None,
    start: StartAt | None = None,
    settings: Path | None = None,
) -> LingdiffApp:
    """The app for a comparison, or for a loader run in a worker (the one factory);
    ``settings``: the file that keeps the theme between sessions (none in tests)."""
    from .main_app import LingdiffApp

    return LingdiffApp(
        comparison, loader=loader, driver_class=driver_class, start=start, settings=settings
    )


def run_app(
    old: Path,
    new: Path,
    topics: str | None,
    start: StartAt | None = None,
    overrides: str | None = None,
) -> None:
    """Open the TUI on two report files. A report that cannot be read, a bad ``overrides``
    file (the corrections file: read if it exists, corrections made are saved there) and a
    missing terminal are said in one line, in that order, before the screen is taken over; a
    later loading error ends the app with one line on stderr."""
    comparing = start_comparison(old, new, topics, overrides)
    driver_class: Any = None
    try:
        on_terminal = sys.stdin.isatty() and sys.stdout.isatty()
        if on_terminal:  # textual is imported while the child process reads the reports
            driver_class = _quick_exit_driver()
            from .main_app import LingdiffApp  # noqa: F401  (the same: imported meanwhile)
        comparing.check_inputs()  # a bad file is the first thing to say
        if overrides:
            from ..overrides import check_overrides_file

            check_overrides_file(overrides, (old, new))
        if not on_terminal:
            from ..errors import UsageError

            raise UsageError("the terminal UI needs a terminal; use 'lingdiff report' for files")
    except BaseException:
        comparing.cancel()
        raise
    from .settings import settings_path

    app = make_app(
        loader=comparing, driver_class=driver_class, start=start, settings=settings_path()
    )
    app.run()
    comparing.cancel()  # quit while still comparing: the child stops too
    if app.error_message:
        print(app.error_message, file=sys.stderr)
        raise SystemExit(1)


def _quick_exit_driver() -> Any:
    """Textual's Linux driver, except that on the way out it does not wait for its input
    thread (which polls every 0.1 s, twice, before it sees the stop): the process ends right
    after the terminal is restored. None (textual's choice) elsewhere."""
    if not sys.platform.startswith("linux"):
        return None
    import signal

    from textual.drivers.linux_driver import LinuxDriver

    class QuickExitDriver(LinuxDriver):
        def disable_input(self) -> None:
            if not getattr(self._app, "_exit", False) or self.exit_event.is_set():
                super().disable_input()  # suspending (ctrl+z) or already stopped: as textual
                return
            signal.signal(signal.SIGWINCH, signal.SIG_DFL)
            self._disable_mouse_support()
            self.exit_event.set()  # the input thread ends on its next poll; no one waits

    return QuickExitDriver


def _load(old: Path, new: Path) -> tuple[Document, Document]:
    """Both reports read and outlined (raises the LoadError of one that cannot be read); a
    large pair on two cores where forking is safe (:func:`lingdiff.reading.load_pair`)."""
    from ..reading import load_pair

    return load_pair(old, new)


def _compare(old: Path, new: Path, topics: str | None, overrides: str | None) -> Comparison:
    """Compare two report files with the corrections kept for them: the ``--overrides``
    file, else the one the TUI saved in the data folder for these two reports, if any."""
    return _compare_loaded(_load(old, new), topics, overrides)


def _compare_loaded(
    docs: tuple[Document, Document], topics: str | None, overrides: str | None
) -> Comparison:
    """:func:`_compare` of two reports already read."""
    from ..compare import compare
    from ..figures.codebook import load_codebook
    from ..model import Options
    from ..overrides import default_overrides_path, read_overrides
    from ..taxonomy import load_taxonomy

    old_doc, new_doc = docs
    path = overrides
    if path is None:
        kept = default_overrides_path(old_doc.source.sha256, new_doc.source.sha256)
        path = str(kept) if kept.is_file() else None
    fixes = read_overrides(path) if path and Path(path).exists() else None
    options = Options(topics_path=topics, overrides_path=path)
    return compare(old_doc, new_doc, options, load_taxonomy(topics), load_codebook(), fixes)


class Comparing:
    """A comparison under way: :meth:`check_inputs` says whether both reports can be read
    (raising the LoadError), calling it waits for the comparison (or raises its error).

    On Linux the work runs in a child process forked at once, before textual or the core is
    imported: it imports the core, reads both reports, says so, compares and sends the result
    back pickled, on another core while this process imports textual and starts the app.
    Elsewhere both steps run here when asked.
    """

    def __init__(self, old: Path, new: Path, topics: str | None, overrides: str | None) -> None:
        self._args = (old, new, topics, overrides)
        self._docs: tuple[Document, Document] | None = None
        self._checked = False
        self._child: Any = None
        if not sys.platform.startswith("linux"):
            return
        import multiprocessing

        context = multiprocessing.get_context("fork")
        self._receive, send = context.Pipe(duplex=False)
        self._child = context.Process(
            target=_compare_in_child, args=(send, *self._args), daemon=True, name="compare"
        )
        self._child.start()
        send.close()

    def _next(self) -> object:
        """The child's next message: ("read", None), then ("done", comparison); or
        ("error", exception) at any point."""
        try:
            kind, value = self._receive.recv()
        except EOFError:
            raise RuntimeError("the comparison process ended without a result") from None
        if kind == "error":
            self.cancel()
            raise value
        return value

    def check_inputs(self) -> None:
        """Wait until both reports have been read; raise the error if one could not be."""
        if self._checked:
            return
        self._checked = True
        if self._child is None:
            self._docs = _load(*self._args[:2])
            return
        self._next()

    def __call__(self) -> Comparison:
        """Wait for the comparison (or raise its error)."""
        self.check_inputs()
        if self._child is None:
            old, new, topics, overrides = self._args
            return _compare_loaded(self._docs or _load(old, new), topics, overrides)
        try:
            return self._next()  # type: ignore[return-value]
        finally:
            self.cancel()

    def cancel(self) -> None:
        """Stop the child process (if it still runs) and close the pipe."""
        if self._child is None:
            return
        child, self._child = self._child, None
        self._checked = True
        if child.is_alive():
            child.terminate()
        child.join()
        self._receive.close()


def start_comparison(
    old: Path, new: Path, topics: str | None, overrides: str | None = None
) -> Comparing:
    """Start comparing now; calling the result waits for the comparison (see
    :class:`Comparing`)."""
    return Comparing(old, new, topics, overrides)


def _compare_in_child(
    send: Any, old: Path, new: Path, topics: str | None, overrides: str | None
) -> None:
    """The forked child: ("read", None) once both reports are read, then ("done",
    comparison); ("error", exception) instead when a step fails."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C belongs to the app, not to us
    try:
        try:
            docs = _load(old, new)
            send.send(("read", None))
            result: tuple[str, object] = ("done", _compare_loaded(docs, topics, overrides))
        except Exception as exc:
            result = ("error", exc)
        try:
            send.send(result)
        except Exception as exc:
            send.send(("error", RuntimeError(f"{type(exc).__name__}: {exc}")))
    finally:
        send.close()


def __getattr__(name: str) -> Any:
    """``LingdiffApp`` on demand, so that importing this module does not import textual."""
    if name == "LingdiffApp":
        from .main_app import LingdiffApp

        return LingdiffApp
    raise AttributeError(name)
