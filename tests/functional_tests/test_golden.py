"""Golden reports of the bundled pair: any change to them is a visible, reviewed diff.

Refresh on purpose with:
    .venv/bin/python -m pytest tests/functional_tests/test_golden.py --update-golden
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lingdiff.compare import compare
from lingdiff.render import render_json, render_markdown
from tests.helpers import ROOT, seed

SNAPSHOTS = ROOT / "snapshots"


def _portable(text: str) -> str:
    """Paths of the bundled files differ between checkouts and installs: keep their names."""
    for key in ("old", "new"):
        path = seed(key).path
        text = text.replace(path.replace("\\", "\\\\"), Path(path).name).replace(
            path, Path(path).name
        )
    return text


@pytest.mark.parametrize(
    ("name", "render"), [("report.md", render_markdown), ("report.json", render_json)]
)
def test_golden_report(name: str, render, request: pytest.FixtureRequest) -> None:
    text = _portable(render(compare(seed("old"), seed("new"))))
    golden = SNAPSHOTS / name
    if request.config.getoption("--update-golden"):
        golden.write_text(text, encoding="utf-8")
    assert golden.is_file(), f"missing {golden}; run with --update-golden"
    assert text == golden.read_text(encoding="utf-8")
