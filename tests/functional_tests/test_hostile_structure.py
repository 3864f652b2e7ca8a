"""Hostile structure (issue 12.6): a report of tens of thousands of nested numbering levels,
one of nothing but headings, one huge section pair — each is read, aligned and reported
(exit 0, an outline), without recursion limits or all-against-all comparisons."""

from __future__ import annotations

import json
import random
from collections import Counter
from pathlib import Path

import pytest

from lingdiff.align import align_sections, align_sentences
from lingdiff.align.sentences import ALL_PAIRS_MAX
from lingdiff.outline import cap, parse_document
from tests.helpers import OLD_PATH, run_cli

_FAMILIES = ("第{}部分 标题", "{}、标题", "（{}）标题", "{}.标题", "{}是标题", "——标题")
_CN = "一二三四五六七八九"


def _nested_levels(count: int) -> str:
    """``count`` heading lines, each opening one level below the one before it, through
    every numbering family in turn (第一部分, 一、, （一）, 1., 一是, ——), then again."""
    lines = []
    for i in range(count):
        k = i % len(_FAMILIES)
        n = (i // len(_FAMILIES)) % 9
        numeral = _CN[n] if k in (0, 1, 2, 4) else str(n + 1)
        lines.append(_FAMILIES[k].format(numeral) + str(i))
    return "\n".join(lines) + "\n"


def _headings_only(count: int) -> str:
    """A report of nothing but headings: parts, and fifty items under each."""
    lines = ["某某区政府工作报告"]
    for i in range(count):
        if i % 51 == 0:
            lines.append(f"{_CN[(i // 51) % 9]}、第{i // 51 + 1}部分工作")
        else:
            lines.append(f"（{_CN[(i % 51 - 1) % 9]}）推进第{i}项重点任务")
    return "\n".join(lines) + "\n"


def test_60k_nested_numbering_levels_give_an_outline_and_exit_0(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = _nested_levels(60_000)
    monkeypatch.setattr(cap, "MAX_SECTIONS", 10**9)  # the whole tree, as built
    doc = parse_document(text, key="old")
    assert len(doc.sections) == 60_000
    # every family nests once under the one before; a family seen again closes back to it
    assert Counter(s.level for s in doc.sections) == {
        1: 10_000,
        2: 10_000,
        3: 10_000,
        4: 10_000,
        5: 20_000,
    }
    last = doc.sections[-1]
    assert (last.id, last.number, last.title) == ("old:10000.1.1.1.2", "——", "标题59999")
    monkeypatch.undo()
    # as lingdiff reads it: the first 4000 parts, the rest text of the last (no word lost)
    capped = parse_document(text, key="old")
    assert len(capped.sections) == cap.MAX_SECTIONS == 4000
    assert {s.level for s in capped.sections} == {1}
    assert capped.sections[-1].end == len(capped.text)
    assert capped.sentences[-1].text.endswith("标题59999")
    assert capped.warnings == (
        "60000 headings: more than lingdiff aligns one by one; 4000 sections kept, "
        "every top-level heading after it compared as text of the section above",
    )
    deep = tmp_path / "deep.txt"
    deep.write_text(text, encoding="utf-8")
    out = tmp_path / "deep.md"
    result = run_cli("report", str(deep), str(OLD_PATH), "--no-cache", "-o", str(out))
    assert result.returncode == 0
    assert (
        result.stderr == f"lingdiff: warning: {deep}: {capped.warnings[0]}\nlingdiff: wrote {out}\n"
    )
    report = out.read_text(encoding="utf-8")
    assert "## Outlines" in report
    assert "标题59999" in report
    assert "RecursionError" not in result.stderr


def test_a_report_of_nothing_but_headings_is_compared(tmp_path: Path) -> None:
    old_text = _headings_only(5_000)
    new_text = old_text.replace("重点任务", "重点工作")
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(old_text, encoding="utf-8")
    new.write_text(new_text, encoding="utf-8")
    doc = parse_document(old_text, key="old")
    # 99 parts of 50 items and the title line: more than 4000 sections, so the items are
    # folded into their parts as text (a warning says so); every heading stays a sentence
    assert len(doc.sections) == 99 + 1 and {s.level for s in doc.sections} == {1}
    assert len(doc.sentences) == 5_001
    assert doc.warnings[0].startswith("5001 headings: more than lingdiff aligns one by one;")
    out = tmp_path / "report.json"
    result = run_cli("report", str(old), str(new), "-f", "json", "--no-cache", "-o", str(out))
    assert result.returncode == 0 and result.stderr.endswith(f"lingdiff: wrote {out}\n")
    report = json.loads(out.read_text(encoding="utf-8"))
    assert [len(d["sections"]) for d in report["documents"]] == [100, 100]
    # every section of both reports stands in exactly one pair
    for side in ("old", "new"):
        ids = [sid for p in report["alignment"] for sid in p[side]]
        assert len(ids) == len(set(ids)) == 100
    parts = [p for p in report["alignment"] if p["level"] == 1]
    assert {p["status"] for p in parts} == {"matched"}


def _sentences(rng: random.Random, count: int) -> list[str]:
    pool = "经济社会发展城乡建设产业园区科技创新生态环境民生保障教育医疗交通水利文化旅游"
    return [
        f"推进{''.join(rng.sample(pool, 6))}工作，完成投资{rng.randint(1, 99)}亿元。"
        for _ in range(count)
    ]


def test_a_pair_too_large_for_all_against_all_still_pairs_every_sentence() -> None:
    rng = random.Random(7)
    olds = _sentences(rng, 600)
    news = [s.replace("亿元", "万元") for s in olds]
    rng.shuffle(news)
    assert len(olds) * len(news) > ALL_PAIRS_MAX  # compared through the stretch index
    old = parse_document("一、工作安排\n" + "".join(olds) + "\n", key="old")
    new = parse_document("一、工作安排\n" + "".join(news) + "\n", key="new")
    pairs = align_sections(old, new, {}, {})
    records = align_sentences(old, new, pairs)
    statuses = Counter(r.status for r in records)
    assert statuses == {"same": 1, "changed": 600}
    for r in records:
        if r.status == "changed":
            o, n = old.sentences[r.old].text, new.sentences[r.new].text
            assert o.replace("亿元", "万元") == n
