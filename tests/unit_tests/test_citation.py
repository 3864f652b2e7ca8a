"""What `y` copies: the sentence with report, years, section and, for a PDF, its page."""

from __future__ import annotations

from pathlib import Path

from lingdiff.compare import compare
from lingdiff.reading import load_document
from lingdiff.tui.index import ComparisonIndex
from tests.helpers import OLD_PATH, seed
from tests.report_files import write_pdf


def test_a_quote_from_a_pdf_names_its_page(tmp_path: Path) -> None:
    path = tmp_path / "old.pdf"
    pages = write_pdf(OLD_PATH.read_text(encoding="utf-8"), path)
    old = load_document(path, "old")
    index = ComparisonIndex(compare(old, seed("new")))
    last = old.sentences[-1]
    assert old.page(last.start) == pages
    assert index.citation("old", last.index).endswith(f", p. {pages}")
    first = next(s for s in old.sentences if s.section == "old:1")
    assert index.citation("old", first.index).endswith(
        f"section 1 {old.section('old:1').number}{old.section('old:1').title}, p. 1"
    )


def test_a_quote_from_text_has_no_page_and_a_wrapped_title_is_one_sentence() -> None:
    new = seed("new")
    index = ComparisonIndex(compare(seed("old"), new))
    assert new.sentences[0].section == "new:0"
    assert index.citation("new", 0) == (
        "“永州市零陵区人民政府关于2025年国民经济和社会发展计划执行情况与2026年国民经济和"
        "社会发展计划(草案)的报告” — "
        + new.title
        + " (2025 review, 2026 plan), section 0 (preamble)"
    )


def test_markdown_joins_a_line_wrapped_between_chinese_characters() -> None:
    from lingdiff.render.mdtext import md

    assert md("国民经济和\n社会发展计划") == "国民经济和社会发展计划"
    assert md("5G\n网络 *x*") == "5G 网络 \\*x\\*"
