"""What a report of two text files imports: none of the modules it has no use for.

``dataclasses`` (which brings in ``inspect``, ``ast``, ``dis`` and ``tokenize``) is replaced by
:mod:`lingdiff.records` in the core; a report of ``.txt`` files needs no PDF, HTML or network
library and no TUI.
"""

from __future__ import annotations

import subprocess
import sys

CHECK = """
import sys
from lingdiff.cli import main
import contextlib, io
with contextlib.redirect_stdout(io.StringIO()):
    rc = main(["report", "--no-cache", "--format", sys.argv[1]])
assert rc == 0, rc
unwanted = ("dataclasses", "inspect", "ast", "certifi", "argparse", "textual", "pypdfium2",
            "lxml", "docx", "urllib.request", "http", "ssl")
print(",".join(sorted(m for m in unwanted if m in sys.modules)) or "clean")
"""


def test_a_text_report_imports_only_what_it_uses() -> None:
    for fmt in ("json", "md"):
        result = subprocess.run(
            [sys.executable, "-c", CHECK, fmt], capture_output=True, text=True, timeout=120
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == "clean", fmt
