"""Shared pytest configuration: the --update-golden option for the golden report files."""

from __future__ import annotations

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite snapshots/report.md and snapshots/report.json from the current output",
    )
