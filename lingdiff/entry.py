"""The console entry point (``lingdiff``): Ctrl-C at any moment exits 130, quietly.

This module imports nothing of lingdiff's own before its ``try``: a Ctrl-C while the
command line, the core or textual is still being imported ends the run like one during
the comparison (exit code 130, no traceback). Once the run is over, a late Ctrl-C (while
Python shuts down) ends the process at once, again without a traceback.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Sequence

EXIT_INTERRUPTED = 130


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
        signal.signal(signal.SIGINT, _exit_now)
    if code == EXIT_INTERRUPTED:
        try:
            sys.stdout.flush()
        except (OSError, AttributeError, ValueError, KeyboardInterrupt):
            os._exit(EXIT_INTERRUPTED)
    return code


if __name__ == "__main__":
    sys.exit(main())
