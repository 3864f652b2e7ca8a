"""Inputs on the command line: ``-`` reads a report from standard input."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.helpers import NEW_PATH, OLD_PATH, ROOT


def run(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "PYTHONPATH": str(ROOT)}
    env.pop("LINGDIFF_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "lingdiff.cli", *args],
        input=stdin,
        capture_output=True,
        env=env,
        timeout=120,
    )


def test_dash_reads_the_old_report_from_stdin() -> None:
    piped = run("report", "-", str(NEW_PATH), "--format", "json", stdin=OLD_PATH.read_bytes())
    assert piped.returncode == 0, piped.stderr
    named = run("report", str(OLD_PATH), str(NEW_PATH), "--format", "json")
    a, b = json.loads(piped.stdout), json.loads(named.stdout)
    assert a["metrics"] == b["metrics"] and a["alignment"] == b["alignment"]
    assert a["documents"][0]["source"]["name"] == "<stdin>"
    assert a["documents"][0]["sha256"] == b["documents"][0]["sha256"]


def test_dash_reads_the_new_report_from_stdin() -> None:
    piped = run("report", str(OLD_PATH), "-", "--format", "csv", stdin=NEW_PATH.read_bytes())
    named = run("report", str(OLD_PATH), str(NEW_PATH), "--format", "csv")
    assert piped.returncode == 0
    assert piped.stdout.replace(b"<stdin>", NEW_PATH.name.encode()) == named.stdout


def test_an_empty_stdin_is_one_line_exit_1() -> None:
    result = run("report", "-", str(NEW_PATH))
    assert result.returncode == 1
    assert result.stderr.decode() == "lingdiff: error: <stdin>: the file is empty\n"


def test_both_from_stdin_is_a_usage_error() -> None:
    result = run("report", "-", "-", stdin=b"x")
    assert result.returncode == 2
    assert b"only one of OLD and NEW" in result.stderr


def test_the_tui_does_not_take_a_report_from_stdin() -> None:
    result = run("-", str(NEW_PATH), stdin=OLD_PATH.read_bytes())
    assert result.returncode == 2
    assert b"lingdiff report - NEW" in result.stderr
