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

from ..model import Comparison

if TYPE_CHECKING:
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
    """Open the TUI on two report files; a loading error ends it with one line on stderr.
    ``overrides``: the corrections file (read if it exists; the corrections made are saved
    there)."""
    loader = start_comparison(old, new, topics, overrides)
    from .settings import settings_path

    app = make_app(
        loader=loader, driver_class=_quick_exit_driver(), start=start, settings=settings_path()
    )
    app.run()
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


def _compare(old: Path, new: Path, topics: str | None, overrides: str | None) -> Comparison:
    """Compare two files with the corrections kept for them: the ``--overrides`` file, else
    the one the TUI saved in the data folder for these two reports, if any."""
    from ..compare import compare
    from ..figures.codebook import load_codebook
    from ..model import Options
    from ..overrides import default_overrides_path, read_overrides
    from ..reading import load_document
    from ..taxonomy import load_taxonomy

    old_doc, new_doc = load_document(old, "old"), load_document(new, "new")
    path = overrides
    if path is None:
        kept = default_overrides_path(old_doc.source.sha256, new_doc.source.sha256)
        path = str(kept) if kept.is_file() else None
    fixes = read_overrides(path) if path and Path(path).exists() else None
    options = Options(topics_path=topics, overrides_path=path)
    return compare(old_doc, new_doc, options, load_taxonomy(topics), load_codebook(), fixes)


def start_comparison(
    old: Path, new: Path, topics: str | None, overrides: str | None = None
) -> Callable[[], Comparison]:
    """Start comparing now; the returned loader waits for the result (or raises its error).

    On Linux the work runs in a forked child process and comes back pickled
    (true parallelism while the parent imports textual); elsewhere the loader
    simply compares when the app's worker calls it.
    """
    if not sys.platform.startswith("linux"):
        return lambda: _compare(old, new, topics, overrides)
    import multiprocessing

    from .. import compare as _core  # noqa: F401  (imported once, before the fork: see below)

    # The child would import the core itself after the fork, on the critical path (the parent
    # then waits for it); importing it first costs the parent time it has to spare anyway.
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(
        target=_compare_in_child,
        args=(send, old, new, topics, overrides),
        daemon=True,
        name="compare",
    )
    child.start()
    send.close()

    def loader() -> Comparison:
        try:
            ok, value = receive.recv()
        except EOFError:
            raise RuntimeError("the comparison process ended without a result") from None
        finally:
            receive.close()
            child.join()
        if not ok:
            raise value
        return value

    return loader


def _compare_in_child(
    send: Any, old: Path, new: Path, topics: str | None, overrides: str | None
) -> None:
    """The forked child: compare, send back (True, comparison) or (False, exception)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C belongs to the app, not to us
    try:
        result: tuple[bool, object] = (True, _compare(old, new, topics, overrides))
    except Exception as exc:
        result = (False, exc)
    try:
        send.send(result)
    except Exception as exc:
        send.send((False, RuntimeError(f"{type(exc).__name__}: {exc}")))
    finally:
        send.close()


def __getattr__(name: str) -> Any:
    """``LingdiffApp`` on demand, so that importing this module does not import textual."""
    if name == "LingdiffApp":
        from .main_app import LingdiffApp

        return LingdiffApp
    raise AttributeError(name)
