"""Work done once for what recurs in a large report: the edit script of a pair of sentences
that recurs, a sentence's time frame, a sentence's rounded topic mix. Each shortcut gives what
the work done every time gives."""

from __future__ import annotations

from lingdiff.align import align_sections, align_sentences
from lingdiff.align.characters import char_diff
from lingdiff.figures.timeframe import Frame, TimeFrames
from lingdiff.model import EditOp
from lingdiff.outline import parse_document
from lingdiff.render.json import comparison_dict
from tests.helpers import seed


def _items(old_items: list[str], new_items: list[str]):  # type: ignore[no-untyped-def]
    def doc(items: list[str], key: str):  # type: ignore[no-untyped-def]
        lines = ["某某区政府工作报告", "一、工作安排", *items]
        return parse_document("\n".join(lines) + "\n", key=key)  # type: ignore[arg-type]

    return doc(old_items, "old"), doc(new_items, "new")


def test_a_recurring_pair_of_sentences_is_diffed_once_and_shares_its_script() -> None:
    old, new = _items(["建设项目3。", "建设项目3。", "推进工作。"], ["建设项目4。", "建设项目4。"])
    records = align_sentences(old, new, align_sections(old, new, {}, {}))
    changed = [r for r in records if r.status == "changed"]
    assert [(r.old, r.new) for r in changed] == [(2, 2), (3, 3)]
    assert changed[0].ops is changed[1].ops
    assert changed[0].ops == (
        EditOp("equal", "建设项目", "建设项目", 0, 4, 0, 4),
        EditOp("replace", "3", "4", 4, 5, 4, 5),
        EditOp("equal", "。", "。", 5, 6, 5, 6),
    )
    assert changed[0].ops == char_diff("建设项目3。", "建设项目4。")


def test_a_pair_whose_faithful_text_differs_from_its_normalised_text_is_cut_from_the_faithful() -> (
    None
):
    # full-width Ｂ is folded to B for the diff; the step's text is cut from the sentence as written
    old, new = _items(["建设Ａ项目。"], ["建设Ｂ项目。"])
    records = align_sentences(old, new, align_sections(old, new, {}, {}))
    (changed,) = [r for r in records if r.status == "changed"]
    assert [(op.tag, op.old_text, op.new_text) for op in changed.ops] == [
        ("equal", "建设", "建设"),
        ("replace", "Ａ", "Ｂ"),
        ("equal", "项目。", "项目。"),
    ]


def test_sentences_of_one_time_frame_share_one_frame_object() -> None:
    doc = seed("new")
    frames = TimeFrames(doc)
    decided = [frames.frame(s.index) for s in doc.sentences]
    distinct = {id(f) for f in decided}
    assert len(distinct) == len(set(decided))  # one object per distinct frame
    assert Frame("target", doc.plan_year) in decided


def test_sentences_sharing_a_topic_mix_each_get_their_own_rounded_dict() -> None:
    old, new = seed("old"), seed("new")
    from lingdiff.compare import compare

    data = comparison_dict(compare(old, new))
    rows = data["documents"][1]["sentences"]
    with_topics = [r["topics"] for r in rows if r["topics"]]
    first = with_topics[0]
    twin = next(t for t in with_topics[1:] if t == first)
    assert twin is not first
    assert all(round(v, 3) == v for v in first.values())
    assert list(first.values()) == sorted(first.values(), reverse=True)


def test_span_fields_of_a_report_are_span_fields_of_each_span() -> None:
    from lingdiff.records import replace
    from lingdiff.render.sources import span_fields, span_fields_of

    doc = parse_document("某某区政府工作报告\n一、工作回顾\n推进建设。完善制度。\n", key="old")
    mapped = replace(
        doc,
        source=replace(
            doc.source, clean_starts=(0, 10, 20), original_starts=(0, 14, 30), page_starts=(0, 25)
        ),
    )
    spans = [(s.start, s.end) for s in mapped.sentences] + [(12, 12), (0, 1), (19, 21)]
    made = span_fields_of(mapped)
    assert [made(a, b) for a, b in spans] == [span_fields(mapped, a, b) for a, b in spans]
    assert made(19, 21) == {"source_start": 23, "source_end": 31, "page": 1}
    assert made(21, 22) == {"source_start": 31, "source_end": 32, "page": 2}
    assert made(12, 12) == {"source_start": 16, "source_end": 16, "page": 1}
    assert span_fields_of(doc)(3, 5) == {"source_start": 3, "source_end": 5, "page": None}
