"""Alignment across parents and headings without numbering: items a report moved from one
task to another pair where the reader saw them go (bundled, synthetic and national pairs;
none where nothing moved), and headings compared on their titles."""

from __future__ import annotations

from lingdiff.model import SentencePair
from lingdiff.outline import parse_document
from tests.helpers import seed
from tests.unit_tests.align_fixtures import nothing_moved_docs, synthetic_docs
from tests.unit_tests.test_align import align, bundled, national, rows, synthetic, text_of


def test_bundled_items_moved_between_tasks() -> None:
    """Items the new report states under another task pair across parents, where the old
    item stood."""
    pairs, _ = bundled()
    # 加快产业发展: its 做大做强现代农业 went to （三）三农 as 筑牢农业基础 + 做强农业产业
    assert rows(pairs, "p3.1") == [
        ("p3.1.1", (), ("2.1.1",), "added"),
        ("p3.1.2", ("3.1.1",), ("2.1.2",), "matched"),
        ("p3.1.3", ("3.1.2",), ("2.3.1", "2.3.2"), "split"),
        ("p3.1.4", (), ("2.1.3",), "added"),
        ("p3.1.5", ("3.1.3",), ("2.4.1", "2.4.2", "2.4.3"), "split"),
    ]
    # 推进城乡协同发展: 全面提升城镇品质 went to （六）民生 as 统筹城乡协调发展
    assert rows(pairs, "p3.3") == [
        ("p3.3.1", ("3.5.1",), ("2.6.4",), "matched"),
        ("p3.3.2", (), ("2.3.3",), "added"),
        ("p3.3.3", ("3.5.2",), ("2.3.4",), "matched"),
    ]
    # 办好民生实事: 提升社会治理效能 went to （七）守牢安全底线; 补齐民生短板 + 关心关爱特殊群体
    # -> 兜牢民生保障底线 (补齐民生短板 scores 0.6 of the pair's own score or more, so a 2%
    # rise of the pair's likeness is enough for it to join)
    assert rows(pairs, "p3.5") == [
        ("p3.5.1", ("3.6.1", "3.6.3"), ("2.6.1",), "merged"),
        ("p3.5.2", ("3.6.2",), ("2.6.2",), "matched"),
        ("p3.5.3", ("3.6.4",), ("2.7.1",), "matched"),
        ("p3.5.4", (), ("2.6.3",), "added"),
    ]
    moved = {p.id: p.reason for p in pairs if p.reason.startswith("moved: ")}
    assert sorted(moved) == ["p3.1.3", "p3.3.1", "p3.5.3"]
    assert moved["p3.1.3"].startswith("moved: new 2.3 （三）夯实“三农”根基…; topics: agriculture")
    assert moved["p3.3.1"].startswith("moved: new 2.6 （六）聚焦民生关切…; topics: urban")
    assert (
        moved["p3.5.3"]
        == "moved: new 2.7 （七）守牢安全底线…; topics: safety; shared: 法治, 治理, 经验"
    )


def test_sentences_of_moved_items_stay_in_their_pair() -> None:
    old, new = seed("old"), seed("new")
    _, sents = bundled()
    for pid, olds, news in (
        ("p3.1.3", ["old:3.1.2"], ["new:2.3.1", "new:2.3.2"]),
        ("p3.3.1", ["old:3.5.1"], ["new:2.6.4"]),
        ("p3.5.3", ["old:3.6.4"], ["new:2.7.1"]),
    ):
        want_old = {s.index for sid in olds for s in old.sentences_in(sid)}
        want_new = {s.index for sid in news for s in new.sentences_in(sid)}
        assert {s.old for s in sents if s.pair == pid and s.old is not None} == want_old
        assert {s.new for s in sents if s.pair == pid and s.new is not None} == want_new
    # the heading of the moved 提升社会治理效能 is the same heading, renumbered
    same = [s for s in sents if s.pair == "p3.5.3" and s.status == "same"]
    assert [(text_of(old, s.old), text_of(new, s.new)) for s in same] == [
        ("提升社会治理效能。", "1.提升社会治理效能。")
    ]


def test_nothing_moved_no_link_across_parents() -> None:
    """An item dropped from one task and an unrelated item added to another stay apart."""
    old, new = nothing_moved_docs()
    pairs, _ = align(old, new)
    assert not [p for p in pairs if p.reason.startswith("moved")]
    assert [r for r in rows(pairs, "p4.6.2") if r[3] != "matched"] == [
        ("p4.6.2.5", ("3.6.2.5",), (), "removed")
    ]
    assert [r for r in rows(pairs, "p4.1.3") if r[3] != "matched"] == [
        ("p4.1.3.4", (), ("3.1.3.4",), "added")
    ]
    # the same two reports with nothing changed: no moves either
    same_pairs, _ = align(old, parse_document(old.text, key="new"))
    assert not [p for p in same_pairs if p.reason.startswith("moved")]


def test_national_pair_moves_between_tasks() -> None:
    """Only education moved: from 社会事业 (2019) to 科教兴国 (2024)."""
    _, _, pairs, _ = national()
    moved = [p for p in pairs if p.reason.startswith("moved: ")]
    assert [(p.id, p.parent, p.old, p.new, p.status) for p in moved] == [
        ("p4.10.1", "p4.10", ("old:3.10.1",), ("new:3.2.1",), "matched")
    ]
    assert moved[0].reason.startswith("moved: new 3.2 （二）深入实施科教兴国…; topics: education")


def test_heading_numbering_is_not_diffed() -> None:
    """Headings are compared on their titles: numbering is where a section stands."""
    old, new = seed("old"), seed("new")
    _, sents = bundled()

    def heading(old_text: str) -> SentencePair:
        return next(s for s in sents if text_of(old, s.old) == old_text)

    industry = heading("二是新型工业转型升级。")
    assert (industry.pair, industry.status) == ("p2.1.1", "changed")
    assert text_of(new, industry.new) == "1.工业发展持续向好。"
    assert [(op.tag, op.old_text, op.new_text) for op in industry.ops if op.tag != "equal"] == [
        ("delete", "新型", ""),
        ("replace", "转型升级", "发展持续向好"),
    ]
    # the script covers the title: it starts after the numbering, offsets index the sentence
    first = industry.ops[0]
    assert (first.old_start, first.new_start) == (2, 2)
    assert industry.score == 0.25
    part = heading("（一）加快产业发展，做大做强实体经济。")
    assert [(op.old_text, op.new_text) for op in part.ops if op.tag != "equal"] == [
        ("加快", "激活"),
        ("发展，做大做强", "动能，推动"),
        ("", "转型升级"),
    ]
    assert (part.ops[0].old_start, part.ops[0].new_start) == (3, 3)  # after （一）
    # renumbered but not reworded: the same heading
    _, synth = synthetic()
    s_old, s_new = synthetic_docs()
    renumbered = next(s for s in synth if text_of(s_old, s.old) == "3.投资消费稳中提质。")
    assert (renumbered.status, text_of(s_new, renumbered.new)) == ("same", "2.投资消费稳中提质。")
