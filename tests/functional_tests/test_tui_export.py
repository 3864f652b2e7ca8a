"""The TUI's export (``e``) under hostile paths: non-UTF-8 folders, FIFOs, files appearing."""

from __future__ import annotations

import os
import stat
from dataclasses import replace
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from lingdiff.model import Comparison, Options
from lingdiff.tui.app import make_app
from lingdiff.tui.main_app import LingdiffApp
from lingdiff.tui.screens.export import ExportScreen

pytestmark = pytest.mark.asyncio
SIZE = (160, 48)


def _message(app: LingdiffApp) -> str:
    return str(app.screen.query_one("#export-message", Static).render())


async def test_export_into_a_folder_whose_name_is_not_utf8(
    app: LingdiffApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = os.fsencode(tmp_path) + b"/\xd6\xd0\xce\xc4"  # 中文 in GBK
    os.mkdir(folder)
    monkeypatch.chdir(folder)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        shown = app.screen.query_one("#export-path", Input).value
        assert shown == f"{tmp_path}/\\xd6\\xd0\\xce\\xc4/lingdiff-report.md"
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ExportScreen)
    written = folder + b"/lingdiff-report.md"
    with open(written, "rb") as fh:
        assert fh.read().decode("utf-8").startswith("# lingdiff report")


async def test_export_refuses_a_fifo_and_a_file_that_appeared_is_not_replaced_unasked(
    app: LingdiffApp, tmp_path: Path
) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    target = tmp_path / "r.md"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExportScreen)
        screen.query_one("#export-path", Input).value = str(fifo)
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert app.screen is screen and "is not a regular file" in _message(app)
        assert stat.S_ISFIFO(fifo.lstat().st_mode)

        render = screen.render_report

        def meanwhile() -> str:
            target.write_text("mine", encoding="utf-8")  # appears while the report renders
            return render()

        screen.render_report = meanwhile
        screen.query_one("#export-path", Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        assert target.read_text(encoding="utf-8") == "mine"
        assert "exists. Enter again" in _message(app)
        screen.render_report = render
        await pilot.press("enter")  # the user confirms: now it is replaced
        await pilot.pause()
        assert not isinstance(app.screen, ExportScreen)
        assert target.read_text(encoding="utf-8").startswith("# lingdiff report")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe", "r.md"]


async def test_export_refuses_the_topics_file(
    bundled_comparison: Comparison, tmp_path: Path
) -> None:
    topics = tmp_path / "topics.json"
    topics.write_text('{"topics": []}', encoding="utf-8")
    c = replace(bundled_comparison, options=Options(topics_path=str(topics)))
    app = make_app(c)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#export-path", Input).value = str(topics)
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        assert "is an input of this comparison" in _message(app)
    assert topics.read_text(encoding="utf-8") == '{"topics": []}'
