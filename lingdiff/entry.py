"""The console entry point (``lingdiff``): Ctrl-C at any moment exits 130, quietly.

This module imports nothing of lingdiff's own before its ``try``: a Ctrl-C while the
command line, the core or textual is still being imported ends the run like one during
the comparison (exit code 130, no traceback). Once the run is over, a late Ctrl-C (while
Python shuts down) ends the process at once, again without a traceback.

``lingdiff report`` and ``lingdiff cache`` run from the command line end with ``os._exit``
once stdout and stderr are flushed: nothing is left to do, and the interpreter's teardown
(freeing every object of both reports and every module) took 10–15 ms, as long as Python's
own start. Called with ``argv`` (tests, scripts), :func:`main` returns as usual.
"""

from __future__ import annotations

import _signal  # the C module: signal.py's enums cost ~1 ms to import, for one call
import contextlib
import os
import sys
from collections.abc import Sequence

EXIT_INTERRUPTED = 130
_QUICK_EXIT = ("report", "cache")
"""Commands that hold no threads, child processes or pending files once they return."""


def _exit_now(signum: int, frame: object) -> None:
    os._exit(EXIT_INTERRUPTED)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line (:func:`lingdiff.cli.main`) with Ctrl-C handled everywhere."""
    try:
        from .cli import main as cli_main

        code = cli_main(argv)
    except KeyboardInterrupt:
        code = EXIT_INTERRUPTED
    with contextlib.suppress(ValueError, OSError):  # not the main thread: nothing to guard
        _signal.signal(_signal.SIGINT, _exit_now)
    if code == EXIT_INTERRUPTED:
        try:
            sys.stdout.flush()
        except (OSError, AttributeError, ValueError, KeyboardInterrupt):
            os._exit(EXIT_INTERRUPTED)
    elif argv is None and sys.argv[1:2] and sys.argv[1] in _QUICK_EXIT:
        _exit_without_teardown(code)
    return code


def _exit_without_teardown(code: int) -> None:
    """End the process now, its output flushed; return (for the usual exit) if a flush
    fails, so that a closed or full stdout is handled as before."""
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except (OSError, ValueError, KeyboardInterrupt):
        return
    os._exit(code)


if __name__ == "__main__":
    sys.exit(main())
