"""Pure parts of the TUI (no app): line breaking with kinsoku, the rows and their layout."""

from __future__ import annotations

import pytest
from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from lingdiff.model import Comparison
from lingdiff.tui.wrap import CLOSING, HANG, OPENING, Kinsoku, break_offsets, wrap_text
from tests.helpers import seed


def _check(text: str, width: int) -> list[str]:
    lines = [line.plain for line in wrap_text(Text(text), width)]
    assert "".join(lines) == text.replace("\n", "")
    for i, line in enumerate(lines):
        assert cell_len(line) <= width + HANG, (width, line)
        if i:
            assert line[:1] not in CLOSING, (width, line)
        if i < len(lines) - 1:
            assert line[-1:] not in OPENING, (width, line)
    return lines


def test_wide_characters_count_two_cells() -> None:
    assert _check("零陵区地区生产总值", 8) == ["零陵区地", "区生产总", "值"]


def test_closing_punctuation_hangs_at_the_end_of_the_line() -> None:
    lines = _check("稳粮食，建基地。强质量", 6)
    assert lines[0] == "稳粮食，"  # 8 cells: the comma hangs into the margin
    assert lines[1].startswith("建")


def test_more_closing_punctuation_than_can_hang_takes_a_character_down() -> None:
    lines = _check("甲乙丙）。丁", 6)
    assert lines == ["甲乙", "丙）。", "丁"]


def test_opening_bracket_never_ends_a_line() -> None:
    lines = _check("推进“三大攻坚战”取得", 6)
    assert not lines[0].endswith("“")


def test_figures_stay_whole_when_they_fit() -> None:
    lines = _check("带动线上线下零售额2000余万元。", 20)
    assert any(line.startswith("2000") for line in lines)


def test_overlong_latin_word_is_cut() -> None:
    assert _check("abcdefghijklmnop", 5) == ["abcde", "fghij", "klmno", "p"]


def test_styles_survive_wrapping() -> None:
    text = Text("地区生产总值增长5.5%以上。")
    text.stylize("bold", 8, 12)
    lines = wrap_text(text, 8)
    styled = "".join(line.plain[s.start : s.end] for line in lines for s in line.spans)
    assert styled == "5.5%"


def test_empty_text_is_one_empty_line() -> None:
    assert [line.plain for line in wrap_text(Text(""), 10)] == [""]
    assert break_offsets("", 10) == []


@pytest.mark.parametrize("width", [7, 12, 21, 33, 54])
def test_bundled_reports_never_start_a_line_with_closing_punctuation(width: int) -> None:
    for key in ("old", "new"):
        for sentence in seed(key).sentences:
            _check(sentence.text, width)


def test_kinsoku_renderable_wraps_at_the_width_it_is_given() -> None:
    console = Console(width=12, record=True, color_system=None)
    console.print(Kinsoku(Text("全区完成地区生产总值，增长6.7%。")))
    lines = [line for line in console.export_text().splitlines() if line.strip()]
    assert all(cell_len(line.rstrip()) <= 12 for line in lines)
    assert all(line[:1] not in CLOSING for line in lines)
    assert "".join(line.strip() for line in lines) == "全区完成地区生产总值，增长6.7%。"


def test_rows_hold_every_sentence_once_and_style_edits(bundled_comparison: Comparison) -> None:
    from rich.style import Style

    from lingdiff.tui.diffrows import build_rows
    from lingdiff.tui.index import ComparisonIndex

    index = ComparisonIndex(bundled_comparison)
    styles = {
        "delete": Style(strike=True),
        "insert": Style(bold=True),
        "figure": Style(italic=True),
    }
    rows = build_rows(index, styles)
    old = [r.old_index for r in rows if r.kind == "sentence" and r.old_index is not None]
    new = [r.new_index for r in rows if r.kind == "sentence" and r.new_index is not None]
    for doc, shown in ((bundled_comparison.old, old), (bundled_comparison.new, new)):
        assert len(shown) == len(set(shown))  # once at most
        # a section's own title is not a row of its own: its heading row shows it
        titles = {s.index for s in doc.sentences if s.is_heading}
        assert set(range(len(doc.sentences))) - set(shown) <= titles
        assert len(shown) > len(doc.sentences) - len(titles)
    changed = next(r for r in rows if r.status == "changed")
    assert any(s.style == Style(strike=True) for s in changed.old.spans)
    assert any(
        getattr(s.style, "meta", {}).get("figure") for r in rows for s in (r.new or Text()).spans
    )
    assert {r.pair for r in rows if r.kind == "heading"} == set(index.pairs)


def test_layout_counts_matches_and_rows_are_as_tall_as_the_taller_cell(
    bundled_comparison: Comparison,
) -> None:
    from rich.style import Style

    from lingdiff.tui.diff_layout import column_width, lay_out
    from lingdiff.tui.diffrows import build_rows
    from lingdiff.tui.index import ComparisonIndex

    rows = build_rows(ComparisonIndex(bundled_comparison), {})
    layout = lay_out(rows, 120, "增长", Style(reverse=True))
    c = bundled_comparison
    assert layout.matches == sum(s.text.count("增长") for d in (c.old, c.new) for s in d.sentences)
    for laid in layout.rows:
        cells = [len(x) for x in (laid.old, laid.new) if x is not None]
        assert laid.height == max(cells)
        for lines in (laid.old or [], laid.new or []):
            assert all(cell_len(line.plain) <= column_width(120) for line in lines)
    first = layout.next_match(0, 1)
    assert first is not None and layout.match_number(first) == 1
