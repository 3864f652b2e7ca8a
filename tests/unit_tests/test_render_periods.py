"""Five-year reviews and goals, and figures of no clear year: linked by the period's end year,
shown in a table of their own in markdown and in a column of the TUI's Targets table."""

from __future__ import annotations

from pathlib import Path

import pytest

import lingdiff
from lingdiff.model import Comparison
from lingdiff.render.common import fmt_other, frame_label
from lingdiff.render.markdown import render_markdown

OLD = """2025年政府工作报告

一、2024年工作回顾
2024年，全省地区生产总值增长5.1%。

二、2025年工作安排
今年主要预期目标是：地区生产总值增长5%左右。到2030年，城镇化率达到70%。
"""

NEW = """2026年政府工作报告

一、2025年和“十四五”工作回顾
“十四五”时期，地区生产总值年均增长5.5%，迈上6万亿元台阶。
刚刚过去的2025年，全省地区生产总值增长5.2%。

二、2026年工作安排
今年主要预期目标是：地区生产总值增长5%左右。到2030年，城镇化率达到72%。
"""


@pytest.fixture(scope="module")
def comparison(tmp_path_factory: pytest.TempPathFactory) -> Comparison:
    folder = tmp_path_factory.mktemp("periods")
    (folder / "old.txt").write_text(OLD, encoding="utf-8")
    (folder / "new.txt").write_text(NEW, encoding="utf-8")
    return lingdiff.compare(Path(folder / "old.txt"), Path(folder / "new.txt"))


def _rows(c: Comparison) -> list[tuple[str, str, list[tuple[str, str, str | None, str]]]]:
    return [
        (
            r.indicator,
            r.measure,
            [(o.doc, o.kind, o.period, o.value_text) for o in r.observations],
        )
        for r in c.metrics
    ]


def test_a_goal_for_the_same_year_is_one_row_and_a_period_never_joins_the_years(
    comparison: Comparison,
) -> None:
    assert _rows(comparison) == [
        (
            "地区生产总值",
            "growth",
            [
                ("old", "actual", None, "5.1%"),
                ("old", "target", None, "5%"),
                ("new", "actual", None, "5.2%"),
                ("new", "target", None, "5%"),
            ],
        ),
        (
            "城镇化率",
            "level",
            [
                ("old", "five-year goal", "2025-2030", "70%"),
                ("new", "five-year goal", "2026-2030", "72%"),
            ],
        ),
        ("地区生产总值", "growth", [("new", "five-year review", "2021-2025", "5.5%")]),
        ("地区生产总值", "level", [("new", "five-year review", "2021-2025", "6万亿元")]),
    ]


def test_markdown_shows_the_five_year_figures_in_their_own_table(comparison: Comparison) -> None:
    text = render_markdown(comparison)
    yearly = text[text.index("## Targets and figures") : text.index("### Five-year")]
    assert "城镇化率" not in yearly  # no row of dashes in the yearly table
    assert "1 indicators appear in both reports; 0 in only one." in yearly
    table = text[text.index("### Five-year") : text.index("## Sections aligned")]
    assert table.splitlines()[4:9] == [
        "| Indicator | Measure | 2025 report (old) | 2026 report (new) |",
        "|---|---|---|---|",
        "| 城镇化率 | level | 2025-2030 goal: 70%[^old-m3] | 2026-2030 goal: 72%[^new-m5] |",
        "| 地区生产总值 | growth | — | 2021-2025 review: 5.5%[^new-m1] |",
        "| 地区生产总值 | level | — | 2021-2025 review: 迈上6万亿元[^new-m2] |",
    ]
    assert (
        "[^new-m2]: new 1 一、2025年和“十四五”工作回顾: “地区生产总值年均增长5.5%，迈上6万亿元台阶”"
        in text
    )


def test_a_report_without_such_figures_has_no_such_table(tmp_path: Path) -> None:
    yearly = OLD.replace("到2030年，城镇化率达到70%。", "")
    (tmp_path / "old.txt").write_text(yearly, "utf-8")
    (tmp_path / "new.txt").write_text(
        yearly.replace("2025", "2026").replace("2024", "2025"), "utf-8"
    )
    c = lingdiff.compare(tmp_path / "old.txt", tmp_path / "new.txt")
    assert "### Five-year" not in render_markdown(c)


def test_time_frames_are_labelled(comparison: Comparison) -> None:
    new = [o for r in comparison.metrics for o in r.observations if o.doc == "new"]
    assert [frame_label(o) for o in new] == [
        "2025 actual",
        "2026 target",
        "2026-2030 goal",
        "2021-2025 review",
        "2021-2025 review",
    ]
    review = [o for o in new if o.kind == "five-year review"]
    assert fmt_other(review) == ["2021-2025 review: 5.5%、迈上6万亿元"]
