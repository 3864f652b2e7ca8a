"""Past the scoring budgets (files of thousands of headings): sibling sections are aligned in
order as a diff aligns lines, anchored on sections headed alike; and sentences with equal
keys are paired before the others are scored, with the pairs all-against-all scoring gives."""

from __future__ import annotations

import random
from collections import Counter

import pytest

import lingdiff.align.sections as sections_mod
import lingdiff.align.sentences as sentences_mod
from lingdiff.align import align_sections, align_sentences
from lingdiff.align.groups import IN_ORDER
from lingdiff.outline import parse_document
from tests.helpers import seed

_TITLES = ("加强生态环境保护", "推进乡村全面振兴", "扩大有效投资", "提升城市品质", "保障改善民生")


def _report(titles: list[str], key: str):  # type: ignore[no-untyped-def]
    numerals = "一二三四五六七八九"
    lines = ["某某区政府工作报告"]
    for i, title in enumerate(titles):
        lines.append(f"{numerals[i]}、{title}")
        lines.append(f"围绕{title}开展第{i + 1}项工作，落实各项措施。")
    return parse_document("\n".join(lines) + "\n", key=key)  # type: ignore[arg-type]


def _pairs(old_titles: list[str], new_titles: list[str]) -> list[tuple[str, str, str]]:
    old, new = _report(old_titles, "old"), _report(new_titles, "new")
    titles = {s.id: s.title for doc in (old, new) for s in doc.sections}
    out = []
    for p in align_sections(old, new, {}, {}):
        if p.level == 1 and (p.old or p.new) != ("old:0",) and "new:0" not in p.new:
            out.append(
                (
                    titles[p.old[0]] if p.old else "",
                    titles[p.new[0]] if p.new else "",
                    p.reason.split(";")[0] if p.old and p.new else p.status,
                )
            )
    return out


def test_past_the_budget_an_added_section_shifts_nothing_after_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sections_mod, "FULL_MATRIX_MAX", 1)
    olds = list(_TITLES[1:])
    news = ["加快数字经济发展", *_TITLES[1:]]
    assert sorted(_pairs(olds, news)) == sorted(
        [("", "加快数字经济发展", "added")] + [(t, t, IN_ORDER) for t in _TITLES[1:]]
    )


def test_between_sections_headed_alike_the_others_pair_by_position(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sections_mod, "FULL_MATRIX_MAX", 1)
    olds = ["加强生态环境保护", "甲方面", "乙方面", "提升城市品质", "丙方面"]
    news = ["加强生态环境保护", "子方面", "提升城市品质", "丑方面", "寅方面", "卯方面"]
    assert sorted(_pairs(olds, news)) == sorted(
        [
            ("加强生态环境保护", "加强生态环境保护", IN_ORDER),
            ("甲方面", "子方面", IN_ORDER),
            ("乙方面", "", "removed"),
            ("提升城市品质", "提升城市品质", IN_ORDER),
            ("丙方面", "丑方面", IN_ORDER),
            ("", "寅方面", "added"),
            ("", "卯方面", "added"),
        ]
    )


def test_equal_sentences_pair_in_order_before_the_others() -> None:
    old = parse_document("一、工作安排\n推进建设。完善制度。推进建设。\n", key="old")
    new = parse_document("一、工作安排\n推进建设。推进建设。完善制度体系。\n", key="new")
    records = align_sentences(old, new, align_sections(old, new, {}, {}))
    pairs = {(r.old, r.new, r.status) for r in records}
    # sentences: 0 heading, 1 推进建设, 2 完善制度, 3 推进建设 (old); the same order in new
    assert {(1, 1, "same"), (3, 2, "same"), (2, 3, "changed"), (0, 0, "same")} == pairs


def test_pairing_equal_sentences_first_changes_no_pair(monkeypatch: pytest.MonkeyPatch) -> None:
    old = seed("old")
    new = parse_document(old.text.replace("发展", "进步"), key="new")
    pairs = align_sections(old, new, {}, {})
    with_shortcut = align_sentences(old, new, pairs)
    monkeypatch.setattr(sentences_mod, "_same_keys", lambda *args: [])
    assert align_sentences(old, new, pairs) == with_shortcut
    assert Counter(r.status for r in with_shortcut)["same"] > 100


def test_past_the_budget_every_section_stands_in_exactly_one_pair(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sections_mod, "FULL_MATRIX_MAX", 1)
    rng = random.Random(3)
    words = ["生态", "乡村", "投资", "城市", "民生", "教育", "医疗", "交通", "产业", "开放"]

    def text(titles: list[str]) -> str:
        lines = ["某某区政府工作报告"]
        for i, title in enumerate(titles):
            lines.append(f"{i % 9 + 1}.{title}")
            lines.extend(f"（{k}）{title}第{k}项。" for k in range(1, rng.randint(1, 4)))
        return "\n".join(["一、工作安排", *lines]) + "\n"

    olds = ["".join(rng.sample(words, 3)) for _ in range(60)]
    news = [t for t in olds if rng.random() > 0.2] + ["新增" + w for w in words[:5]]
    rng.shuffle(news[:10])
    old, new = parse_document(text(olds), key="old"), parse_document(text(news), key="new")
    pairs = align_sections(old, new, {}, {})
    for doc, side in ((old, "old"), (new, "new")):
        listed = Counter(sid for p in pairs for sid in getattr(p, side))
        assert set(listed.values()) == {1}
        # every section is in a pair of its own or under its nearest listed ancestor
        sections = doc.section_map()
        for s in doc.sections:
            sid: str | None = s.id
            while sid is not None and sid not in listed:
                sid = sections[sid].parent
            assert sid is not None
    assert any(p.reason.startswith(IN_ORDER) for p in pairs)
