"""Shared test helpers: paths of the bundled reports and of the shared corpus."""

from __future__ import annotations

import os
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

from lingdiff.bundled import bundled_pair
from lingdiff.model import Comparison, Document
from lingdiff.reading import load_document

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
OLD_PATH, NEW_PATH = bundled_pair()


@cache
def seed(key: str) -> Document:
    """The bundled old or new report, parsed once per test session."""
    return load_document(OLD_PATH if key == "old" else NEW_PATH, key)  # type: ignore[arg-type]


def corpus_file(name: str) -> Path:
    """A report of the shared corpus; skips the test (with the reason) when the corpus is not
    beside the repo — and fails it instead when ``LINGDIFF_REQUIRE_CORPUS`` is set, as .ci/run
    does: CI always has the corpus, so a skip there would hide untested behaviour."""
    path = CORPUS / name
    if not path.is_file():
        message = f"shared corpus not available ({path})"
        if os.environ.get("LINGDIFF_REQUIRE_CORPUS"):
            pytest.fail(message + " but LINGDIFF_REQUIRE_CORPUS is set")
        pytest.skip(message)
    return path


@cache
def seed_comparison() -> Comparison:
    """The bundled pair compared once per test session."""
    from lingdiff.compare import compare

    return compare(seed("old"), seed("new"))


def outputs_under_hash_seeds(code: str, seeds: tuple[str, ...] = ("1", "2")) -> set[str]:
    """What ``code`` prints in fresh interpreters with different ``PYTHONHASHSEED``s.

    One element means the result does not depend on the order of sets and dicts.
    """
    import subprocess
    import sys

    return {
        subprocess.run(
            [sys.executable, "-c", code],
            cwd=ROOT,
            env={"PYTHONHASHSEED": seed, "PATH": ""},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in seeds
    }


def run_cli(
    *args: str, cwd: Path | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Run the real console entry point in a subprocess (as a user would), UTF-8 output."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("LINGDIFF_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "lingdiff.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=timeout,
    )
