"""The section ceiling decided on the heading tree (lingdiff.outline.cap), the heading tree
taken apart after use, and the collector pause (lingdiff.gcpause) around the big stages."""

from __future__ import annotations

import gc
from collections import Counter

import pytest

from lingdiff.gcpause import gc_paused, paused_gc
from lingdiff.outline import cap, parse_document
from lingdiff.outline.nodes import Node, dismantle


def _three_levels() -> str:
    """A title line, then 3 parts of 3 sections of 2 items each (30 headings)."""
    lines = ["某某区政府工作报告"]
    for p, part in enumerate("一二三"):
        lines.append(f"{part}、第{p + 1}部分")
        for s, sec in enumerate("一二三"):
            lines.append(f"（{sec}）第{p + 1}部分第{s + 1}项工作。")
            lines.extend(f"{i}.第{p + 1}.{s + 1}.{i}项任务。" for i in (1, 2))
    return "\n".join(lines) + "\n"


def test_levels_kept_is_the_deepest_level_that_fits() -> None:
    per_level = Counter({1: 10, 2: 100, 3: 5000})
    assert cap.levels_kept(per_level, 200) == (2, 200)
    assert cap.levels_kept(per_level, 110) == (2, 110)
    assert cap.levels_kept(per_level, 109) == (1, 109)
    assert cap.levels_kept(per_level, 9) == (0, 9)
    assert cap.levels_kept(per_level, 5110) == (None, 5110)


def test_level_counts_counts_every_heading_of_the_tree() -> None:
    root = Node("root", None, "", "", 0, 0, -1, False)
    for _ in range(2):
        part = Node("cn", 1, "", "", 0, 0, 0, False, parent=root)
        root.children.append(part)
        part.children = [Node("arabic", 1, "", "", 0, 0, 0, False, parent=part) for _ in range(3)]
    assert cap.level_counts(root) == {1: 2, 2: 6}


def test_no_ceiling_reached_keeps_the_whole_outline() -> None:
    doc = parse_document(_three_levels(), key="old")
    assert Counter(s.level for s in doc.sections) == {1: 4, 2: 9, 3: 18}
    assert doc.warnings == ()


def test_past_the_ceiling_the_deepest_level_is_folded_into_its_parent(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    full = parse_document(_three_levels(), key="old")
    monkeypatch.setattr(cap, "MAX_SECTIONS", 20)
    doc = parse_document(_three_levels(), key="old")
    # the title line and 3 parts (4) + 9 sections = 13 <= 20; with the 18 items, 31 > 20
    kept = [s for s in full.sections if s.level <= 2]
    assert [s.id for s in doc.sections] == [s.id for s in kept]
    assert [(s.start, s.end, s.title) for s in doc.sections] == [
        (s.start, s.end, s.title) for s in kept
    ]
    assert all(s.children == () for s in doc.sections if s.level == 2)
    assert doc.warnings == (
        "31 headings: more than lingdiff aligns one by one; 13 sections kept, "
        "headings below level 2 compared as text of the section above",
    )
    # the items are sentences of their sections now, none lost
    assert [s.text for s in doc.sentences] == [s.text for s in full.sentences]
    item = next(s for s in doc.sentences if s.text == "2.第3.3.2项任务。")
    assert (item.section, item.is_heading) == ("old:3.3", False)


def test_a_top_level_past_the_ceiling_folds_into_its_last_kept_section(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = _three_levels()
    monkeypatch.setattr(cap, "MAX_SECTIONS", 3)
    doc = parse_document(text, key="old")
    # the title line counts: it and the first two parts; the second runs to the end
    assert [(s.id, s.level, s.children) for s in doc.sections] == [
        ("old:0", 1, ()),
        ("old:1", 1, ()),
        ("old:2", 1, ()),
    ]
    assert doc.sections[-1].end == len(doc.text.rstrip())
    assert {s.section for s in doc.sentences if "第3部分" in s.text} == {"old:2"}
    monkeypatch.setattr(cap, "MAX_SECTIONS", 1)
    doc = parse_document(text, key="old")
    assert [(s.id, s.start, s.end) for s in doc.sections] == [("old:0", 0, len(doc.text.rstrip()))]
    assert {s.section for s in doc.sentences} == {"old:0"}


def test_dismantle_leaves_no_node_referring_to_another() -> None:
    root = Node("root", None, "", "", 0, 0, -1, False)
    part = Node("cn", 1, "", "", 0, 0, 0, False, parent=root)
    item = Node("arabic", 1, "", "", 0, 0, 0, False, parent=part)
    root.children, part.children = [part], [item]
    part.inline_run = (1, item)
    dismantle(root)
    for node in (root, part, item):
        assert (node.children, node.parent, node.inline_run) == ([], None, (0, None))


def test_reading_a_report_leaves_no_reference_cycles_behind() -> None:
    text = _three_levels() * 3
    parse_document(text, key="old")  # patterns compiled, caches filled
    gc.collect()
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        doc = parse_document(text, key="old")
        assert gc.collect() == 0
    finally:
        if was_enabled:
            gc.enable()
    assert len(doc.sections) == 1 + 3 * 30  # the repeated title lines are body text


def test_gc_paused_turns_the_collector_off_and_back_as_it_was() -> None:
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer block still runs
    assert gc.isenabled()
    gc.disable()
    try:
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # it was off before: it stays off
    finally:
        gc.enable()


def test_paused_gc_keeps_the_result_and_resumes_after_an_error() -> None:
    @paused_gc
    def double(x: int) -> tuple[int, bool]:
        return 2 * x, gc.isenabled()

    @paused_gc
    def fail() -> None:
        raise ValueError("no")

    assert double(4) == (8, False)
    with pytest.raises(ValueError, match="no"):
        fail()
    assert gc.isenabled()
