"""Markdown stays markdown, and no control character leaves a renderer (issue 12, parts 3/7).

The markdown is rendered with markdown-it-py (CommonMark + GFM tables; installed with rich)
to check what a reader on GitHub sees, not only which backslashes were added.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from lingdiff.compare import compare
from lingdiff.model import Comparison, Options
from lingdiff.outline import parse_document
from lingdiff.render import render_csv, render_json, render_markdown
from lingdiff.render.common import escape_unsafe_json, scrub
from lingdiff.render.mdtext import code
from lingdiff.taxonomy import load_taxonomy

OLD = """关于测试区2019年国民经济和社会发展计划执行情况及2020年计划草案的报告
一、2019年国民经济和社会发展计划执行情况
全区完成地区生产总值222.5亿元，增长6.7%。文件写作&lt;规划&gt;与A|B两栏。
二、2020年国民经济和社会发展主要预期目标
地区生产总值增长7.5%以上，粮食生产稳定。
"""
NEW = """关于测试区2025年国民经济和社会发展计划执行情况与2026年计划（草案）的报告
一、2025年国民经济和社会发展计划执行情况
全区完成地区生产总值330亿元，增长5.4%。文件写作&lt;规划&gt;与A|B三栏。
二、2026年国民经济和社会发展主要预期目标
地区生产总值增长5.5%以上，粮食生产稳定。
"""
GFM = MarkdownIt("commonmark").enable("table")


def _comparison(tmp_path: Path, topics: list[dict[str, object]], old_path: str) -> Comparison:
    taxonomy = tmp_path / "topics.json"
    taxonomy.write_text(json.dumps({"topics": topics}, ensure_ascii=False), encoding="utf-8")
    return compare(
        parse_document(OLD, key="old", path=old_path),
        parse_document(NEW, key="new", path=str(tmp_path / "new.txt")),
        Options(topics_path=str(taxonomy)),
        load_taxonomy(taxonomy),  # compare() reads no file: the caller loads the taxonomy
    )


def _table_rows(html: str, first_cell: str) -> list[list[str]]:
    """The cells of every table row whose first cell starts with ``first_cell``."""
    rows = re.findall(r"<tr>\n(.*?)</tr>", html, re.S)
    cells = [re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", r, re.S) for r in rows]
    return [c for c in cells if c and c[0].startswith(first_cell)]


def test_taxonomy_fields_cannot_break_the_priorities_table(tmp_path: Path) -> None:
    topics = [
        {
            "key": "grow",
            "label": "经济|增长 <b>粗</b> `x` *y*",
            "cap": "1|2",
            "terms": ["生产总值"],
        },
        {"key": "farm", "label": "农业", "cap": "4", "terms": ["粮食"]},
    ]
    html = GFM.render(render_markdown(_comparison(tmp_path, topics, str(tmp_path / "old.txt"))))
    rows = _table_rows(html, "经济")
    assert len(rows) == 1
    assert len(rows[0]) == 6  # the | in label and cap did not add cells
    assert rows[0][0] == "经济|增长 &lt;b&gt;粗&lt;/b&gt; `x` *y* (grow, CAP 1|2)"
    assert "<b>" not in html and "<em>" not in html


def test_literal_entity_in_a_report_is_shown_as_written(tmp_path: Path) -> None:
    topics = [{"key": "grow", "label": "增长", "cap": "1", "terms": ["生产总值"]}]
    text = render_markdown(_comparison(tmp_path, topics, str(tmp_path / "old.txt")))
    html = GFM.render(text)
    # the reader sees "&lt;规划&gt;" (HTML-escaped once more in the HTML source), never "<规划>"
    assert "&amp;lt;规划&amp;gt;" in html
    assert "&lt;规划&gt;" not in html.replace("&amp;lt;规划&amp;gt;", "")
    assert "A|B" in html


def test_paths_with_backticks_and_undecodable_bytes_stay_in_their_code_span(
    tmp_path: Path,
) -> None:
    topics = [{"key": "grow", "label": "增长", "cap": "1", "terms": ["生产总值"]}]
    odd = str(tmp_path / "a``b` \udcd6\udcd0.txt")  # backticks and GBK bytes in the name
    c = _comparison(tmp_path, topics, odd)
    text = render_markdown(c)
    html = GFM.render(text)
    shown = "a``b` \\xd6\\xd0.txt"  # the file's name, not the folder it was read from
    assert f"<code>{shown}</code>" in html
    assert str(tmp_path) not in html
    text.encode("utf-8")  # no lone surrogate left: the report can be written as UTF-8
    data = json.loads(render_json(c))
    assert data["documents"][0]["path"] == odd  # JSON keeps the real name, as \udcd6 escapes
    render_json(c).encode("utf-8")


@pytest.mark.parametrize(
    ("text", "fence"),
    [("a.txt", "`a.txt`"), ("a`b", "``a`b``"), ("`x", "`` `x ``"), ("a``b`", "``` a``b` ```")],
)
def test_code_span_fences_outrun_the_backticks_inside(text: str, fence: str) -> None:
    assert code(text) == fence
    assert GFM.renderInline(code(text)) == f"<code>{text}</code>"


CONTROLS = "\x1b[2J\x1b]0;pwned\x07\x08\x85\x9b\u202e\u2066\x7f\r"


def test_no_control_character_leaves_any_renderer(tmp_path: Path) -> None:
    topics = [{"key": "grow", "label": "增长" + CONTROLS, "cap": "1\x1b", "terms": ["生产总值"]}]
    c = _comparison(tmp_path, topics, str(tmp_path / ("old\x1b]0;x\x07.txt")))
    # put control characters into report text too, past the loader (a last-line defence)
    sentences = tuple(replace(s, text=s.text + CONTROLS) for s in c.old.sentences)
    c = replace(c, old=replace(c.old, sentences=sentences))
    pairs = list(c.sentence_pairs)  # and into a diff and a pair id (the JSON writes them directly)
    k = next(i for i, p in enumerate(pairs) if any(op.tag != "equal" for op in p.ops))
    op = next(op for op in pairs[k].ops if op.tag != "equal")
    pairs[k] = replace(pairs[k], ops=(replace(op, new_text=CONTROLS),), moved_to="p1" + CONTROLS)
    c = replace(c, sentence_pairs=tuple(pairs))
    unsafe = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
    for rendered in (render_markdown(c), render_json(c), render_csv(c)):
        assert not unsafe.search(rendered)
    data = json.loads(render_json(c))
    label = ("增长" + CONTROLS).strip()  # the taxonomy strips the label's trailing \r
    assert data["topics"][0]["label"] == label  # escaped, not lost, in JSON
    assert data["documents"][0]["sentences"][1]["text"].endswith(CONTROLS)
    written = [sp for p in data["alignment"] for sp in p["sentences"] if sp["moved_to"]]
    assert [(sp["moved_to"], sp["ops"][0]["new"]) for sp in written] == [
        ("p1" + CONTROLS, CONTROLS)
    ]
    rows = list(csv.DictReader(io.StringIO(render_csv(c))))
    assert all("\ufffd" not in r["indicator"] for r in rows)


def test_scrub_and_json_escape_leave_ordinary_text_alone() -> None:
    text = "一、总体要求\t“增长”\n二、A|B <x> &lt;\n"
    assert scrub(text) == text
    assert escape_unsafe_json(text) == text
    assert scrub("a\x1bb\u202ec\x85") == "a\ufffdb\ufffdc\ufffd"
    assert escape_unsafe_json('"a\u202eb\x85"') == '"a\\u202eb\\u0085"'
