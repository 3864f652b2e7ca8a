"""Report text is content, never markup: brackets in the reports show as written and do nothing."""

from __future__ import annotations

import html
import re
from dataclasses import replace
from pathlib import Path

import pytest
from textual.widgets import Input

from lingdiff.compare import compare
from lingdiff.model import Comparison
from lingdiff.reading import load_document
from lingdiff.tui.app import make_app
from lingdiff.tui.main_app import LingdiffApp
from lingdiff.tui.widgets.diff_view import DiffView
from lingdiff.tui.widgets.pair_tree import PairTree

pytestmark = pytest.mark.asyncio

OLD = """关于[red]测试[/red]区2019年国民经济和社会发展计划执行情况及2020年计划草案的报告
一、2019年[@click=app.quit]国民经济[/]和社会发展计划执行情况
全区完成地区生产总值222.5亿元，增长6.7%。[red]x[/red]标记保留。
二是[b]生态环境[/b]持续向好，打好“三大攻坚战”。
二、2020年国民经济和社会发展主要预期目标
地区生产总值增长7.5%以上，[link=https://example.com]链接[/link]不变。
"""
NEW = """关于[red]测试[/red]区2025年国民经济和社会发展计划执行情况与2026年计划（草案）的报告
一、2025年[@click=app.quit]国民经济[/]和社会发展计划执行情况
全区完成地区生产总值330亿元，增长5.4%。[red]x[/red]标记保留并修改。
二、2026年国民经济和社会发展主要预期目标
地区生产总值增长5.5%以上，[link=https://example.com]链接[/link]改变。
新增[@click=app.bell]一句[/]话，培育“新质生产力”。
"""
BOOKMARK = "[bookmark: _GoBack]"


def _with_bookmark(c: Comparison) -> Comparison:
    """Put a conversion artifact back into a title and a sentence (loading removes them)."""
    old = c.old
    sections = tuple(
        replace(s, title=s.title + BOOKMARK) if s.id == "old:2" else s for s in old.sections
    )
    sentences = tuple(
        replace(s, text=s.text + BOOKMARK) if s.index == 2 else s for s in old.sentences
    )
    return replace(c, old=replace(old, sections=sections, sentences=sentences))


@pytest.fixture
def tricky(tmp_path: Path) -> LingdiffApp:
    """The app on two tiny reports full of markup-like text."""
    (tmp_path / "old.txt").write_text(OLD, encoding="utf-8")
    (tmp_path / "new.txt").write_text(NEW, encoding="utf-8")
    c = compare(
        load_document(tmp_path / "old.txt", "old"), load_document(tmp_path / "new.txt", "new")
    )
    app = make_app(_with_bookmark(c))
    app.animation_level = "none"
    return app


def _screen_text(app: LingdiffApp) -> str:
    svg = app.export_screenshot()
    return html.unescape(re.sub(r"<[^>]+>", "", svg)).replace("\xa0", " ")


async def test_markup_in_reports_is_shown_as_written(tricky: LingdiffApp) -> None:
    async with tricky.run_test(size=(240, 48)) as pilot:  # wide: no sentence wraps
        await pilot.pause()
        overview = _screen_text(tricky)
        assert "关于[red]测试[/red]区2019年" in overview
        await pilot.press("2")
        await pilot.pause()
        sections = _screen_text(tricky)
        for written in (
            "[red]x[/red]",
            "[@click=app.quit]",
            "[link=https://example.com]",
            BOOKMARK,
        ):
            assert written in sections, written
        assert "[@click=app.bell]一句[/]" in sections
        await pilot.press("5")
        await pilot.pause()
        assert "三大攻坚战" in _screen_text(tricky)


async def test_clicking_markup_like_text_triggers_nothing(tricky: LingdiffApp) -> None:
    async with tricky.run_test(size=(160, 48)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        diff = tricky.query_one(DiffView)
        spots = []
        for y in range(diff.size.height):
            x = 0
            for segment in diff.render_line(y):
                if "[" in segment.text:
                    spots.append((x + segment.cell_length // 2, y))
                x += segment.cell_length
        assert len(spots) >= 6
        for spot in spots[:8]:
            await pilot.click(DiffView, offset=spot)
        await pilot.click(PairTree, offset=(20, 2))
        await pilot.press("ctrl+p")
        await pilot.pause()
        tricky.screen.query_one(Input).value = "section"
        await pilot.pause(0.3)
        assert "[@click=app.quit]" in _screen_text(tricky)  # palette entries as written
        await pilot.press("escape")
        await pilot.pause()
        assert tricky.is_running
        assert tricky.return_code is None
