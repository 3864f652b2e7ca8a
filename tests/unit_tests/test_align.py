"""Section and sentence alignment: the bundled pair as a careful reader pairs it, a synthetic
pair whose answer is known by construction, the national pair, and general properties
(coverage, determinism, edge cases)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from collections.abc import Sequence
from functools import cache

import pytest

from lingdiff.align import align_sections, align_sentences
from lingdiff.model import Document, SectionPair, SentencePair
from lingdiff.outline import parse_document
from lingdiff.reading import load_document
from lingdiff.topics import load_taxonomy, section_topics
from tests.helpers import ROOT, corpus_file, seed
from tests.unit_tests.align_fixtures import MOVED_SENTENCE, NEW_TASK, synthetic_docs

Row = tuple[str, tuple[str, ...], tuple[str, ...], str]


def align(old: Document, new: Document) -> tuple[tuple[SectionPair, ...], tuple[SentencePair, ...]]:
    """Both alignments as compare() computes them (topic mixes from the packaged taxonomy)."""
    taxonomy = load_taxonomy()
    pairs = align_sections(old, new, section_topics(old, taxonomy), section_topics(new, taxonomy))
    return pairs, align_sentences(old, new, pairs)


@cache
def bundled() -> tuple[tuple[SectionPair, ...], tuple[SentencePair, ...]]:
    return align(seed("old"), seed("new"))


@cache
def synthetic() -> tuple[tuple[SectionPair, ...], tuple[SentencePair, ...]]:
    return align(*synthetic_docs())


def rows(pairs: Sequence[SectionPair], parent: str | None) -> list[Row]:
    """(pair id, old section numbers, new section numbers, status) of one level of pairs."""

    def short(ids: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(i.split(":", 1)[1] for i in ids)

    return [(p.id, short(p.old), short(p.new), p.status) for p in pairs if p.parent == parent]


def text_of(doc: Document, index: int | None) -> str:
    return "" if index is None else doc.sentences[index].text


# --------------------------------------------------------------------------- bundled pair

BUNDLED_TOP: list[Row] = [
    ("p1", ("0",), ("0",), "matched"),  # front matter
    ("p2", ("1",), ("1",), "matched"),  # review of 2019 / of 2025
    # the 2020 targets part and task part became the 2026 part "targets and tasks"
    ("p3", ("2", "3"), ("2",), "merged"),
]

BUNDLED_REVIEW: list[Row] = [
    ("p2.1", ("1.1",), ("1.1",), "matched"),  # 高质量发展成效明显 / 三产协同共进
    ("p2.2", ("1.3",), ("1.2",), "matched"),  # 投资消费稳中提质 / 供需两端发力
    ("p2.3", ("1.5",), ("1.3",), "matched"),  # 改革开放全面深化 / 改革创新引领
    ("p2.4", ("1.4",), ("1.4",), "matched"),  # 城乡建设统筹推进 / 城乡协同发展
    ("p2.5", ("1.6",), ("1.5",), "matched"),  # 民生保障不断改善 / 民生福祉不断增进
    ("p2.6", ("1.2",), ("1.6",), "matched"),  # 三大攻坚战成果丰硕 / 安全底线、治理效能
]

BUNDLED_PLAN: list[Row] = [
    # 加快产业发展 -> 激活产业动能 + 擦亮文旅招牌 (its tourism item became a task of its own)
    ("p3.1", ("3.1",), ("2.1", "2.4"), "split"),
    ("p3.2", ("3.2",), ("2.2",), "matched"),  # 狠抓项目建设 / 深挖内需潜力
    ("p3.3", ("3.5",), ("2.3",), "matched"),  # 推进城乡协同发展 / 夯实“三农”根基
    ("p3.4", ("3.4",), ("2.5",), "matched"),  # 扩大改革开放 / 强化创新驱动，深化改革
    ("p3.5", ("3.6",), ("2.6",), "matched"),  # 办好民生实事 / 聚焦民生关切
    ("p3.6", ("3.7",), (), "removed"),  # 强化规划引领
    ("p3.7", ("3.3",), ("2.7",), "matched"),  # 打好三大攻坚战 / 守牢安全底线
]


def test_bundled_top_level_pairs() -> None:
    pairs, _ = bundled()
    assert rows(pairs, None) == BUNDLED_TOP


def test_bundled_review_items() -> None:
    pairs, _ = bundled()
    assert rows(pairs, "p2") == BUNDLED_REVIEW


def test_bundled_plan_tasks() -> None:
    pairs, _ = bundled()
    assert rows(pairs, "p3") == BUNDLED_PLAN


def test_bundled_nested_items() -> None:
    pairs, _ = bundled()
    # 现代农业 / 新型工业 / 文化旅游 against 工业 / 农业 / 现代服务业: reordered
    assert rows(pairs, "p2.1") == [
        ("p2.1.1", ("1.1.2",), ("1.1.1",), "matched"),
        ("p2.1.2", ("1.1.1",), ("1.1.2",), "matched"),
        ("p2.1.3", ("1.1.3",), ("1.1.3",), "matched"),
    ]
    # 供给侧结构性改革 gone; 放管服 + 农村综合改革 -> 重点改革; 科技创新, 营商环境 new
    assert rows(pairs, "p2.3") == [
        ("p2.3.1", ("1.5.1",), (), "removed"),
        ("p2.3.2", ("1.5.2", "1.5.3"), ("1.3.1",), "merged"),
        ("p2.3.3", (), ("1.3.2",), "added"),
        ("p2.3.4", (), ("1.3.3",), "added"),
        ("p2.3.5", ("1.5.4",), ("1.3.4",), "matched"),
    ]
    # 就业创业 + 社会保障 -> 社会保障坚实有力 (which reports employment too)
    assert rows(pairs, "p2.5") == [
        ("p2.5.1", ("1.6.1", "1.6.2"), ("1.5.1",), "merged"),
        ("p2.5.2", ("1.6.3",), ("1.5.2",), "matched"),
    ]
    # 三大攻坚战: poverty gone; risks -> safety + governance; environment -> green development
    assert rows(pairs, "p2.6") == [
        ("p2.6.1", ("1.2.1",), (), "removed"),
        ("p2.6.2", ("1.2.3",), ("1.6.1", "1.6.2"), "split"),
        ("p2.6.3", ("1.2.2",), ("1.6.3",), "matched"),
    ]
    # 打好三大攻坚战 / 守牢安全底线 (its first item 提升社会治理效能 came from （六）: p3.5.3)
    assert rows(pairs, "p3.7") == [
        ("p3.7.1", ("3.3.1",), (), "removed"),
        ("p3.7.2", ("3.3.3",), ("2.7.2", "2.7.4"), "split"),
        ("p3.7.3", ("3.3.2",), ("2.7.3",), "matched"),
    ]


def test_bundled_pairs_are_explained() -> None:
    pairs, _ = bundled()
    keys = {t.key for t in load_taxonomy()}
    for p in pairs:
        assert 0 < len(p.reason) < 80, p
        assert p.topic in keys, p
        if p.status in ("added", "removed"):
            assert p.score == 0.0
        else:
            assert 0.0 < p.score <= 1.0
    by_id = {p.id: p for p in pairs}
    assert by_id["p3"].reason.startswith("targets part merged into plan")
    assert by_id["p2.6.3"].topic == "ecology"
    assert "topics: ecology" in by_id["p2.6.3"].reason
    assert by_id["p3.7.3"].reason.endswith("shared: 污染, 矿山, 问题")


def test_bundled_pair_levels_and_parents() -> None:
    pairs, _ = bundled()
    ids = {p.id for p in pairs}
    for p in pairs:
        if p.parent is None:
            assert p.level == 1 and "." not in p.id
        else:
            assert p.parent in ids and p.id.rsplit(".", 1)[0] == p.parent
            assert p.level == p.id.count(".") + 1
    levels = [p.level for p in pairs]
    assert levels == sorted(levels)  # top-level pairs first, then each deeper level


def test_every_section_is_covered_once() -> None:
    old, new = seed("old"), seed("new")
    pairs, _ = bundled()
    for doc, side in ((old, "old"), (new, "new")):
        listed = [sid for p in pairs for sid in getattr(p, side)]
        assert len(listed) == len(set(listed))
        sections = doc.section_map()
        for sec in doc.sections:
            cur: str | None = sec.id
            while cur is not None and cur not in listed:
                cur = sections[cur].parent
            assert cur is not None, sec.id


def test_bundled_sentence_statistics() -> None:
    _, sents = bundled()
    # the new title, wrapped over two lines, is one sentence: paired with the old title
    # (changed), while the old 受区人民政府委托… no longer pairs with its second line (removed)
    assert Counter(s.status for s in sents) == {
        "same": 2,
        "changed": 44,
        "added": 255,
        "removed": 200,
    }


def test_bundled_sentences_with_figures_kept_whole() -> None:
    old, new = seed("old"), seed("new")
    _, sents = bundled()
    tourism = next(s for s in sents if text_of(old, s.old).startswith("全年游客突破700万人次"))
    assert tourism.pair == "p2.1.3" and tourism.status == "changed"
    assert text_of(new, tourism.new) == "预计全年接待游客766万人次、旅游综合收入78.1亿元。"
    edits = [(op.tag, op.old_text, op.new_text) for op in tourism.ops if op.tag != "equal"]
    assert ("replace", "700万人次", "766万人次") in edits
    assert ("replace", "50亿元", "78.1亿元") in edits
    jobs = next(s for s in sents if text_of(old, s.old).startswith("新增城镇就业6250人"))
    assert jobs.pair == "p2.5.1" and jobs.status == "changed"
    edits = [(op.tag, op.old_text, op.new_text) for op in jobs.ops if op.tag != "equal"]
    assert ("replace", "6250人", "5967人") in edits
    assert ("replace", "5010人", "5127人") in edits


def test_bundled_moved_and_same_sentences() -> None:
    old, new = seed("old"), seed("new")
    _, sents = bundled()
    # the one sentence that moved between tasks (提升社会治理效能) is in the moved pair p3.5.3
    assert [s for s in sents if s.status == "moved"] == []
    same = [s for s in sents if s.status == "same"]
    assert [(s.pair, text_of(new, s.new)) for s in same] == [
        ("p3", "重点抓好七个方面的工作："),
        ("p3.5.3", "1.提升社会治理效能。"),
    ]
    # corresponding headings stand together, whatever their wording
    heading = next(
        s for s in sents if text_of(old, s.old) == "（六）办好民生实事，推动社会全面进步。"
    )
    assert heading.pair == "p3.5" and heading.status == "changed"
    assert text_of(new, heading.new) == "（六）聚焦民生关切，持续提升居民生活品质。"


def test_every_sentence_appears_exactly_once() -> None:
    for (old, new), (_, sents) in (
        ((seed("old"), seed("new")), bundled()),
        (synthetic_docs(), synthetic()),
    ):
        assert sorted(s.old for s in sents if s.old is not None) == list(range(len(old.sentences)))
        assert sorted(s.new for s in sents if s.new is not None) == list(range(len(new.sentences)))
        for s in sents:
            assert (s.old is None) == (s.status == "added")
            assert (s.new is None) == (s.status == "removed")
            assert bool(s.moved_to) == (s.status == "moved")
            differ = text_of(old, s.old) != text_of(new, s.new)
            assert bool(s.ops) == (s.status == "changed" or (s.status == "moved" and differ))
            for op in s.ops:  # offsets index the sentences
                assert text_of(old, s.old)[op.old_start : op.old_end] == op.old_text
                assert text_of(new, s.new)[op.new_start : op.new_end] == op.new_text


def test_sentences_come_pair_by_pair_in_tree_order() -> None:
    pairs, sents = bundled()
    order = {p.id: tuple(int(x) for x in p.id[1:].split(".")) for p in pairs}
    keys = [order[s.pair] for s in sents]
    assert keys == sorted(keys)


# --------------------------------------------------------------------------- synthetic pair


def test_synthetic_sections_as_constructed() -> None:
    pairs, _ = synthetic()
    assert rows(pairs, None) == [
        ("p1", ("0",), ("0",), "matched"),
        ("p2", ("1",), ("1",), "matched"),
        ("p3", ("2",), ("2",), "matched"),
        ("p4", ("3",), ("3",), "matched"),
    ]
    # review item 2 moved to the end
    assert rows(pairs, "p2") == [
        ("p2.1", ("1.1",), ("1.1",), "matched"),
        ("p2.2", ("1.3",), ("1.2",), "matched"),
        ("p2.3", ("1.4",), ("1.3",), "matched"),
        ("p2.4", ("1.5",), ("1.4",), "matched"),
        ("p2.5", ("1.6",), ("1.5",), "matched"),
        ("p2.6", ("1.2",), ("1.6",), "matched"),
    ]
    assert rows(pairs, "p4") == [
        ("p4.1", ("3.1",), ("3.1",), "matched"),  # heading reworded
        ("p4.2", ("3.3",), ("3.2",), "matched"),  # （二）/（三） swapped
        ("p4.3", ("3.2",), ("3.3",), "matched"),
        ("p4.4", ("3.4", "3.5"), ("3.4",), "merged"),
        ("p4.5", ("3.6",), ("3.5", "3.6"), "split"),
        ("p4.6", ("3.7",), (), "removed"),
        ("p4.7", (), ("3.7",), "added"),
    ]
    assert rows(pairs, "p4.4") == [
        ("p4.4.1", ("3.5.1",), ("3.4.1",), "matched"),
        ("p4.4.2", ("3.5.2",), ("3.4.2",), "matched"),
    ]
    assert rows(pairs, "p4.5") == [
        ("p4.5.1", ("3.6.1",), ("3.5.1",), "matched"),
        ("p4.5.2", ("3.6.2",), ("3.5.2",), "matched"),
        ("p4.5.3", ("3.6.3",), ("3.6.1",), "matched"),
        ("p4.5.4", ("3.6.4",), ("3.6.2",), "matched"),
    ]
    # item 3.就业 of （六）'s 办好社会事业 moved to （一）'s 做大做强现代服务业, as its item 4.
    assert rows(pairs, "p4.5.2") == [
        ("p4.5.2.1", ("3.6.2.1",), ("3.5.2.1",), "matched"),
        ("p4.5.2.2", ("3.6.2.2",), ("3.5.2.2",), "matched"),
        ("p4.5.2.3", ("3.6.2.3",), ("3.1.3.4",), "matched"),
        ("p4.5.2.4", ("3.6.2.4",), ("3.5.2.3",), "matched"),
        ("p4.5.2.5", ("3.6.2.5",), ("3.5.2.4",), "matched"),
    ]
    assert rows(pairs, "p4.1.3") == [
        (f"p4.1.3.{k}", (f"3.1.3.{k}",), (f"3.1.3.{k}",), "matched") for k in range(1, 4)
    ]
    moved = [p for p in pairs if p.reason.startswith("moved: ")]
    assert [(p.id, p.parent) for p in moved] == [("p4.5.2.3", "p4.5.2")]
    assert moved[0].reason.startswith("moved: new 3.1.3 做大做强现代服务…; topics: employment")
    assert moved[0].score == 1.0
    assert rows(pairs, "p4.1.1") == [
        (f"p4.1.1.{k}", (f"3.1.1.{k}",), (f"3.1.1.{k}",), "matched") for k in range(1, 5)
    ]


def test_synthetic_sentences_as_constructed() -> None:
    old, new = synthetic_docs()
    _, sents = synthetic()
    changes = [
        (
            s.pair,
            s.status,
            text_of(old, s.old),
            text_of(new, s.new),
            [(op.old_text, op.new_text) for op in s.ops if op.tag != "equal"],
        )
        for s in sents
        if s.status != "same"
    ]
    long_old = [s for s in sents if text_of(old, s.old).startswith("全区粮食种植面积80.6万亩")]
    targets = [s for s in sents if text_of(old, s.old).startswith("主要预期目标：")]
    assert [(s.pair, s.status) for s in long_old + targets] == [
        ("p2.1.1", "changed"),
        ("p3", "changed"),
    ]
    assert [(op.old_text, op.new_text) for op in long_old[0].ops if op.tag != "equal"] == [
        ("80.6万亩", "81.2万亩")
    ]
    assert [(op.old_text, op.new_text) for op in targets[0].ops if op.tag != "equal"] == [
        ("7.5%以上", "6.5%以上")
    ]
    short = [c for c in changes if c[0] not in ("p2.1.1", "p3")]
    assert short == [
        ("p2.1", "changed", "1.高质量发展成效明显。", "1.高质量发展取得新成效。",
         [("", "取得新"), ("明显", "")]),
        # renumbered headings (review items 2-6, tasks （二）（三）（五）, items of 办好社会事业)
        # are the same headings: numbering is no change
        ("p4.1", "changed", "（一）加快产业发展，做大做强实体经济。",
         "（一）激活产业动能，推动实体经济转型升级。",
         [("加快", "激活"), ("发展，做大做强", "动能，推动"), ("", "转型升级")]),
        ("p4.2.3", "moved", MOVED_SENTENCE, MOVED_SENTENCE, []),
        ("p4.4", "changed", "（四）扩大改革开放，持续增强发展动力。",
         "（四）扩大改革开放，推进城乡协同发展。", [("持续增强", "推进城乡协同"), ("动力", "")]),
        ("p4.4", "removed", "（五）推进城乡协同发展，着力打造美丽零陵。", "", []),
        ("p4.5", "added", "", "（六）关爱特殊群体，提升社会治理效能。", []),
        ("p4.6", "removed", "（七）强化规划引领，精心描绘发展蓝图。", "", []),
        ("p4.6", "removed", old.section_text("old:3.7").split("\n")[1], "", []),
        *(("p4.7", "added", "", line, []) for line in _sentences_of(NEW_TASK)),
    ]  # fmt: skip
    moved = next(s for s in sents if s.status == "moved")
    assert moved.moved_to == "p4.4"
    not_same = sum(1 for c in changes if c[2])  # old sentences changed, moved or removed
    assert not_same == 9
    assert Counter(s.status for s in sents)["same"] == len(old.sentences) - not_same


def _sentences_of(text: str) -> list[str]:
    out: list[str] = []
    for line in text.split("\n"):
        out.extend(part + "。" for part in line.split("。") if part)
    return out


# --------------------------------------------------------------------------- national pair


@cache
def national() -> tuple[Document, Document, tuple[SectionPair, ...], tuple[SentencePair, ...]]:
    old = load_document(corpus_file("national_2019.txt"), "old")
    new = load_document(corpus_file("national_2024.txt"), "new")
    pairs, sents = align(old, new)
    return old, new, pairs, sents


def test_national_pair_tasks() -> None:
    _, _, pairs, _ = national()
    assert rows(pairs, None) == [
        ("p1", ("0",), ("0",), "matched"),
        ("p2", ("1",), ("1",), "matched"),  # 工作回顾
        ("p3", ("2",), ("2",), "matched"),  # 总体要求和政策取向 (with the targets)
        ("p4", ("3",), ("3",), "matched"),  # 政府工作任务
    ]
    assert rows(pairs, "p4") == [
        ("p4.1", ("3.1",), (), "removed"),  # 宏观调控: 2024 states macro policy in part 二
        ("p4.2", ("3.2",), (), "removed"),  # 激发市场主体活力
        # 创新引领发展 -> 现代化产业体系 + 科教兴国
        ("p4.3", ("3.3",), ("3.1", "3.2"), "split"),
        ("p4.4", ("3.4",), ("3.3",), "matched"),  # 强大国内市场 / 扩大国内需求
        # 深化重点领域改革 -> 深化改革 + 防范化解重点领域风险
        ("p4.5", ("3.8",), ("3.4", "3.6"), "split"),
        ("p4.6", ("3.9",), ("3.5",), "matched"),  # 对外开放
        ("p4.7", ("3.5",), ("3.7",), "matched"),  # 脱贫攻坚和乡村振兴 / “三农”
        ("p4.8", ("3.6",), ("3.8",), "matched"),  # 区域协调, 新型城镇化
        ("p4.9", ("3.7",), ("3.9",), "matched"),  # 污染防治和生态 / 生态文明
        ("p4.10", ("3.10",), ("3.10",), "matched"),  # 社会事业, 民生
    ]
    assert rows(pairs, "p4.4") == [
        ("p4.4.1", ("3.4.1",), ("3.3.1",), "matched"),  # 消费
        ("p4.4.2", ("3.4.2",), ("3.3.2",), "matched"),  # 有效投资
    ]


def test_national_pair_sentences() -> None:
    old, new, _, sents = national()
    assert sorted(s.old for s in sents if s.old is not None) == list(range(len(old.sentences)))
    assert sorted(s.new for s in sents if s.new is not None) == list(range(len(new.sentences)))
    cpi = next(s for s in sents if text_of(old, s.old) == "居民消费价格上涨2.1%。")
    assert (cpi.status, text_of(new, cpi.new)) == ("changed", "居民消费价格上涨0.2%。")
    assert [(op.tag, op.old_text, op.new_text) for op in cpi.ops if op.tag != "equal"] == [
        ("replace", "2.1%", "0.2%")
    ]
    belt = next(s for s in sents if text_of(old, s.old) == "推动共建“一带一路”。")
    assert (belt.status, belt.pair, belt.moved_to) == ("moved", "p4.6.3", "p4.6.2")


# --------------------------------------------------------------------------- properties


def test_alignment_is_deterministic() -> None:
    first = bundled()
    old = parse_document(seed("old").text, key="old", path="again")
    new = parse_document(seed("new").text, key="new", path="again")
    assert align(old, new) == first
    assert align(old, new) == first


_DIGEST = """
import hashlib
from lingdiff.align import align_sections, align_sentences
from lingdiff.topics import load_taxonomy, section_topics
from tests.helpers import seed
old, new = seed("old"), seed("new")
tax = load_taxonomy()
pairs = align_sections(old, new, section_topics(old, tax), section_topics(new, tax))
out = repr(pairs) + repr(align_sentences(old, new, pairs))
print(hashlib.sha256(out.encode()).hexdigest())
"""


def test_alignment_does_not_depend_on_hash_order() -> None:
    """Set and dict orders change with PYTHONHASHSEED; the alignment must not."""
    digests = set()
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        done = subprocess.run(
            [sys.executable, "-c", _DIGEST],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        digests.add(done.stdout.strip())
    assert len(digests) == 1


def test_identical_reports_align_with_themselves() -> None:
    old = seed("old")
    new = parse_document(old.text, key="new")
    pairs = align_sections(old, new, {}, {})
    assert {p.status for p in pairs} == {"matched"}
    assert all(p.old[0].split(":")[1] == p.new[0].split(":")[1] for p in pairs)
    assert len(pairs) == len(old.sections)
    sents = align_sentences(old, new, pairs)
    assert {s.status for s in sents} == {"same"} and len(sents) == len(old.sentences)


def test_reports_without_parts() -> None:
    old = parse_document("全年粮食产量稳定增长。新建高标准农田2万亩。", key="old")
    new = parse_document("新建高标准农田3万亩。全年粮食产量稳定增长。加强农村公路建设。", key="new")
    pairs = align_sections(old, new, {}, {})
    assert [(p.status, p.old, p.new) for p in pairs] == [("matched", ("old:1",), ("new:1",))]
    sents = align_sentences(old, new, pairs)
    got = [(s.status, text_of(old, s.old), text_of(new, s.new)) for s in sents]
    assert got == [
        ("changed", "新建高标准农田2万亩。", "新建高标准农田3万亩。"),
        ("same", "全年粮食产量稳定增长。", "全年粮食产量稳定增长。"),
        ("added", "", "加强农村公路建设。"),
    ]


def test_no_pairs_no_sentence_pairs() -> None:
    assert align_sentences(seed("old"), seed("new"), ()) == ()


@pytest.mark.parametrize("key", ["old", "new"])
def test_one_report_against_an_empty_outline(key: str) -> None:
    doc = seed(key)  # type: ignore[arg-type]
    other = parse_document("各位代表：", key="new" if key == "old" else "old")
    old, new = (doc, other) if key == "old" else (other, doc)
    pairs = align_sections(old, new, {}, {})
    assert rows(pairs, None)[0][3] == "matched"  # the two front matters
    assert {p.status for p in pairs[1:] if p.parent is None} == {
        "removed" if key == "old" else "added"
    }
    sents = align_sentences(old, new, pairs)
    assert len(sents) == len(doc.sentences) + len(other.sentences) - sum(
        1 for s in sents if s.old is not None and s.new is not None
    )


def _pairs(old_text: str, new_text: str) -> list[tuple[tuple[str, ...], tuple[str, ...], str]]:
    from lingdiff.compare import compare
    from lingdiff.outline import parse_document

    c = compare(parse_document(old_text, key="old"), parse_document(new_text, key="new"))
    return [(p.old, p.new, p.status) for p in c.alignment]


_SELF_BUILDING = "坚持依法行政，建设法治政府，持续改进作风，严格落实八项规定精神，加强廉政建设。"
_REVIEW_OLD = "一、2024年工作回顾\n全年增长5%。\n二、2025年工作安排\n"
_REVIEW_NEW = "一、2025年工作回顾\n全年增长5.2%。\n二、2026年工作安排\n"
_PART = "三、全面加强政府自身建设\n"
_ITEM = "（三）全面加强政府自身建设。"
_PLAN = (
    "（一）扩大内需。促进消费，扩大投资，稳定外贸增长。\n"
    "（二）发展产业。做强制造业，培育新兴产业集群。\n"
)


def test_a_part_demoted_to_an_item_still_aligns() -> None:
    old = _REVIEW_OLD + _PLAN + _PART
    new = _REVIEW_NEW + _PLAN + _ITEM
    got = _pairs(old + _SELF_BUILDING, new + _SELF_BUILDING)
    assert (("old:3",), ("new:2.3",), "matched") in got
    assert (("old:2",), ("new:2",), "matched") in got


def test_an_item_promoted_to_a_part_still_aligns() -> None:
    old = (
        f"一、2024年工作回顾\n全年增长5%。\n二、2025年工作安排\n{_PLAN}（三）全面加强政府自身建设。"
    )
    new = (
        f"一、2025年工作回顾\n全年增长5.2%。\n二、2026年工作安排\n{_PLAN}三、全面加强政府自身建设\n"
    )
    got = _pairs(old + _SELF_BUILDING, new + _SELF_BUILDING)
    assert (("old:2.3",), ("new:3",), "matched") in got


def test_parts_headed_the_same_align_whatever_their_type() -> None:
    old = _REVIEW_OLD + _PLAN + _PART
    new = (
        "一、2025年工作回顾\n全年增长5.2%。\n"
        "二、“十五五”时期主要目标\n年均增长5%左右。\n"
        "三、全面加强政府自身建设\n"
    )
    got = _pairs(old + _SELF_BUILDING, new + _SELF_BUILDING)
    assert (("old:3",), ("new:3",), "matched") in got
