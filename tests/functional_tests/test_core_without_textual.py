"""The core and `lingdiff report` never import textual (the TUI is an optional shell)."""

from __future__ import annotations

import subprocess
import sys

CHECK = """
import sys
import lingdiff.compare, lingdiff.render, lingdiff.cli
from lingdiff.cli import main
import contextlib, io
with contextlib.redirect_stdout(io.StringIO()):
    rc = main(["report", "--format", "json"])
assert rc == 0, rc
bad = sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))
print(",".join(bad) or "clean")
"""


def test_core_and_report_do_not_import_textual() -> None:
    result = subprocess.run(
        [sys.executable, "-c", CHECK], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "clean"
