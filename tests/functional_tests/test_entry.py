"""The console entry point (``lingdiff`` / ``python -m lingdiff``) ends ``report`` without the
interpreter's teardown (``os._exit`` once stdout and stderr are flushed): the output must still
be whole, and every exit code and error line as before."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.helpers import ROOT

GOLDEN_MD = (ROOT / "snapshots" / "report.md").read_bytes()


def entry(*args: str, tmp_path: Path, **kw: object) -> subprocess.CompletedProcess[bytes]:
    """``python -m lingdiff ARGS`` (the console script's code), cache in ``tmp_path``."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LINGDIFF_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("LINGDIFF_DEBUG", None)
    kw.setdefault("capture_output", True)
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "lingdiff", *args], env=env, cwd=tmp_path, timeout=120, **kw
    )


def test_report_on_stdout_is_whole(tmp_path: Path) -> None:
    result = entry("report", "--no-cache", tmp_path=tmp_path)
    assert result.returncode == 0
    assert result.stderr == b""
    assert result.stdout == GOLDEN_MD


def test_report_from_the_cache_and_to_a_file_is_whole(tmp_path: Path) -> None:
    first = entry("report", tmp_path=tmp_path)  # computed and stored
    second = entry("report", tmp_path=tmp_path)  # from the cache
    assert (first.returncode, second.returncode) == (0, 0)
    assert first.stdout == second.stdout == GOLDEN_MD
    written = entry("report", "-o", "out.md", tmp_path=tmp_path)
    assert written.returncode == 0
    assert written.stderr == b"lingdiff: wrote out.md\n"
    assert (tmp_path / "out.md").read_bytes() == GOLDEN_MD


def test_errors_keep_their_exit_codes_and_lines(tmp_path: Path) -> None:
    missing = entry("report", "nothing.txt", "nothing-either.txt", tmp_path=tmp_path)
    assert missing.returncode == 1
    assert missing.stderr == b"lingdiff: error: nothing.txt: no such file\n"
    usage = entry("report", "only-one.txt", tmp_path=tmp_path)
    assert usage.returncode == 2
    assert usage.stderr.startswith(b"lingdiff: usage error: ")
    with open("/dev/full", "wb") as full:
        result = entry(
            "report", "--no-cache", tmp_path=tmp_path, stdout=full, stderr=subprocess.PIPE,
            capture_output=False,
        )  # fmt: skip
    assert result.returncode == 1
    assert (
        result.stderr
        == b"lingdiff: error: stdout: cannot write the report: no space left on the disk\n"
    )


def test_cache_commands_print_whole_lines(tmp_path: Path) -> None:
    assert entry("report", tmp_path=tmp_path).returncode == 0
    info = entry("cache", "info", tmp_path=tmp_path)
    assert info.returncode == 0
    assert info.stdout.decode().startswith(f"{tmp_path / 'cache'}: 1 cached reports, ")
    cleared = entry("cache", "clear", tmp_path=tmp_path)
    assert cleared.returncode == 0
    assert cleared.stdout.decode().startswith("lingdiff: removed 1 cached reports (")
