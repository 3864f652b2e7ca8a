"""Renderers: figures formatted as written, report text escaped, CSV/JSON shapes."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace

from lingdiff.model import Comparison, EditOp, MetricRow, Observation
from lingdiff.outline import parse_document
from lingdiff.render import render_csv, render_json, render_markdown
from lingdiff.render.common import bar, fmt_change, fmt_value, fmt_values, split_qualifier
from lingdiff.render.markdown_changes import _ops_markup
from lingdiff.render.mdtext import md


def obs(value: float, unit: str = "%", qualifier: str = "", **kw) -> Observation:
    base = dict(
        id="old:m1",
        doc="old",
        indicator="地区生产总值",
        value=value,
        unit=unit,
        qualifier=qualifier,
        measure="growth",
        kind="target",
        year=2020,
        section="old:2",
        quote="地区生产总值增长7.5%以上",
        start=0,
        end=4,
    )
    base.update(kw)
    return Observation(**base)


def test_fmt_value_places_qualifiers_as_written() -> None:
    assert fmt_value(obs(7.5, "%", "以上")) == "7.5%以上"
    assert fmt_value(obs(21, "亿元", "超")) == "超21亿元"
    assert fmt_value(obs(86, "万亩", "确保 以上")) == "确保86万亩以上"
    assert fmt_value(obs(6, "%", "力争 以上")) == "力争6%以上"
    assert fmt_value(obs(1.4, "万人", "余")) == "1.4万余人"
    assert fmt_value(obs(2000, "个", "余")) == "2000余个"
    assert fmt_value(obs(13, "亿元", "超")) == "超13亿元"
    assert fmt_value(obs(6.0, "%", "", value_high=6.5)) == "6%—6.5%"
    assert fmt_value(obs(6250.0, "人")) == "6250人"
    assert split_qualifier("") == ("", "")


def test_fmt_change_compares_plan_targets_only() -> None:
    old_t = obs(7.5, qualifier="以上")
    new_t = obs(5.5, qualifier="以上", doc="new", id="new:m1", year=2026)
    row = MetricRow("m001", "地区生产总值", "growth", (old_t, new_t))
    assert fmt_change(row) == "↓ -2 pp"
    level_old = obs(83.6, "万亩", measure="level")
    level_new = obs(86, "万亩", "以上", doc="new", id="new:m2", measure="level")
    assert fmt_change(MetricRow("m2", "粮食播种面积", "level", (level_old, level_new))) == (
        "↑ +2.4 万亩"
    )
    ranged = obs(6.0, value_high=6.5)
    about = obs(5.0, qualifier="左右", doc="new", id="new:m4")
    assert fmt_change(MetricRow("m4", "国内生产总值", "growth", (ranged, about))) == "↓ ~-1.25 pp"
    other_unit = obs(86, "亿元", doc="new", id="new:m3")
    assert fmt_change(MetricRow("m3", "x", "level", (level_old, other_unit))) == ""


def test_fmt_change_across_magnitudes_of_one_unit() -> None:
    """Zhejiang's 双持证护理员: 8000人 in 2025, 1万人 in 2026 — one unit family, in 万人."""
    old_t = obs(8000, "人", measure="count")
    new_t = obs(1, "万人", doc="new", id="new:m2", measure="count")
    assert fmt_change(MetricRow("m5", "护理员", "count", (old_t, new_t))) == "↑ +0.2 万人"
    old_kwh = obs(500, "亿千瓦时", measure="level")
    new_kwh = obs(4.8e10, "千瓦时", doc="new", id="new:m3", measure="level")
    assert (
        fmt_change(MetricRow("m6", "电量", "level", (old_kwh, new_kwh))) == "↓ -2000000000 千瓦时"
    )


def test_bar_has_eighth_blocks() -> None:
    assert bar(0.5, 4) == "██  "
    assert bar(1.0, 4) == "████"
    assert bar(0.0, 4) == "    "
    assert bar(0.53125, 4) == "██▏ "


def test_markdown_escapes_report_text() -> None:
    assert md("[red]x[/red]") == r"\[red\]x\[/red\]"
    assert md("a|b") == r"a\|b"
    assert md("<script>") == r"\<script\>"
    ops = (
        EditOp("equal", "增长", "增长", 0, 2, 0, 2),
        EditOp("replace", "7.5%", "5.5%", 2, 6, 2, 6),
        EditOp("insert", "", "<b>", 6, 6, 6, 9),
    )
    assert _ops_markup(ops) == r"增长<del>7.5%</del><ins>5.5%</ins><ins>\<b\></ins>"


def _tiny() -> Comparison:
    old = parse_document(
        "[red]标题[/red]\n一、2019年工作回顾\n[@click=app.quit]增长6%。", key="old", path="o"
    )
    new = parse_document("一、2025年工作回顾\n增长5%。", key="new", path="n")
    row = MetricRow(
        "m001",
        "增长|率",
        "growth",
        (obs(6.0, kind="actual", year=2019, quote="[@click=app.quit]增长6%"),),
    )
    return Comparison(old=old, new=new, metrics=(row,))


def test_markdown_report_never_passes_markup_through() -> None:
    text = render_markdown(_tiny())
    assert "[red]" not in text and r"\[red\]标题\[/red\]" in text
    assert r"\[@click=app.quit\]" in text
    assert "增长\\|率" in text


def test_json_and_csv_shapes() -> None:
    c = _tiny()
    data = json.loads(render_json(c))
    assert data["schema"] == "lingdiff/1"
    assert data["documents"][0]["title"] == "[red]标题[/red]"
    assert data["metrics"][0]["values"][0]["value"] == 6.0
    rows = list(csv.DictReader(io.StringIO(render_csv(c))))
    assert len(rows) == 1
    assert rows[0]["row_id"] == "m001" and rows[0]["quote"] == "[@click=app.quit]增长6%"
    assert rows[0]["display"] == "6%"


def test_declines_read_as_declines_and_change_is_signed() -> None:
    rise = obs(3.0, qualifier="", direction=1)
    fall = obs(2.0, qualifier="以上", direction=-1, doc="new", id="new:m9")
    assert fmt_value(fall) == "下降2%以上"
    assert fall.signed_value == -2.0
    # 增长3% → 下降2%: the target went down by 5 points, not by 1
    assert fmt_change(MetricRow("m9", "固定资产投资", "growth", (rise, fall))) == "↓ -5 pp"


def test_a_repeated_figure_shows_once() -> None:
    a = obs(10.5, kind="actual", year=2019)
    b = obs(10.5, kind="actual", year=2019, id="old:m2")
    assert fmt_values((a, b)) == "10.5%"
    assert fmt_values((a, obs(9.4, kind="actual", year=2019, id="old:m3"))) == "10.5%、9.4%"


def test_a_smaller_decline_reads_as_a_lower_target() -> None:
    # 能耗下降3%左右 → 下降2.5%左右: the target asks for less, so ↓, and the words say so
    old = obs(3.0, qualifier="左右", direction=-1, indicator="单位国内生产总值能耗")
    new = obs(2.5, qualifier="左右", direction=-1, doc="new", id="new:m1", year=2024)
    row = MetricRow("m5", "单位国内生产总值能耗", "growth", (old, new))
    assert fmt_change(row) == "↓ -0.5 pp (smaller decline)"
    deeper = obs(4.0, qualifier="左右", direction=-1, doc="new", id="new:m2", year=2024)
    assert fmt_change(MetricRow("m6", "x", "growth", (old, deeper))) == "↑ +1 pp (larger decline)"


def test_a_change_never_reads_as_a_level() -> None:
    more = obs(8000, "亿元", measure="change", direction=1)
    assert fmt_value(more) == "增加8000亿元"
    assert fmt_value(obs(8000, "亿元", measure="level")) == "8000亿元"


def test_markdown_header_names_the_inputs_not_their_folders() -> None:
    c = _tiny()
    old = replace(c.old, path="/usr/lib/python3/site-packages/lingdiff/_seeds/a_b.txt")
    new = replace(c.new, path="C:\\Users\\x\\new_2026.txt")
    header = render_markdown(replace(c, old=old, new=new)).split("## At a glance")[0]
    assert "`a_b.txt`" in header and "`new_2026.txt`" in header
    assert "site-packages" not in header and "Users" not in header


def test_an_empty_headline_cell_says_why() -> None:
    from lingdiff.render.markdown import render_markdown
    from tests.helpers import seed_comparison

    text = render_markdown(seed_comparison())
    gdp_level = next(
        line for line in text.splitlines() if line.startswith("| 地区生产总值 | level")
    )
    assert gdp_level.count("(other measure)") == 2  # the old target and new actual are growth
    assert "(not stated)" in text


def test_the_json_renderers_one_line_encoder_writes_what_json_dumps_writes() -> None:
    from lingdiff.render.json import _one_line_encoder

    encode = _one_line_encoder()
    values = [
        "中文\n\u2028\"\\", 3, -0.0, 2.5, 1e300, None, True, [], {},
        [1, "二", None], {"a": [1.25, {"b": "c"}], "d": False}, float("nan"), float("-inf"),
    ]  # fmt: skip
    for value in values:
        assert encode(value) == json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def test_why_two_targets_do_not_compare() -> None:
    """National 2015 -> 2016: the deficit is three figures (central, local, bonds) each year."""
    from lingdiff.summary import not_comparable_reason

    old = [obs(v, "万亿元", measure="level", id=f"old:m{i}") for i, v in enumerate((1.62, 1.12))]
    new = obs(2.18, "万亿元", doc="new", id="new:m1", measure="level")
    assert not_comparable_reason(MetricRow("m7", "财政赤字", "level", (*old, new))) == (
        "several figures"
    )
    other = obs(86, "亿元", doc="new", id="new:m2", measure="level")
    level_old = obs(83.6, "万亩", measure="level")
    assert not_comparable_reason(MetricRow("m8", "x", "level", (level_old, other))) == (
        "units differ"
    )
    same = obs(90, "万亩", doc="new", id="new:m3", measure="level")
    assert not_comparable_reason(MetricRow("m9", "x", "level", (level_old, same))) == ""
