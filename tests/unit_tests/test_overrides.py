"""A researcher's corrections (overrides file): reading, writing, and their effect on a
comparison of the bundled pair."""

from __future__ import annotations

import json
import os
from functools import cache

import pytest

from lingdiff.compare import compare
from lingdiff.errors import OverridesError
from lingdiff.model import Comparison
from lingdiff.overrides import (
    FORMAT,
    Corrections,
    Fix,
    Overrides,
    default_overrides_path,
    dumps_overrides,
    read_overrides,
    write_overrides,
)
from tests.helpers import seed

OLD_SHA = seed("old").source.sha256
NEW_SHA = seed("new").source.sha256


def _mine(**fixes: tuple[Fix, ...]) -> Overrides:
    return Overrides((Corrections(OLD_SHA, NEW_SHA, **fixes),))


@cache
def _corrected(kind: str, old: str, new: str) -> Comparison:
    return compare(seed("old"), seed("new"), overrides=_mine(**{kind: (Fix(old, new),)}))


def _pair_of(c: Comparison, sid: str):
    return next(p for p in c.alignment if sid in p.old or sid in p.new)


# ---- the file ------------------------------------------------------------------------------


def test_toml_and_json_read_the_same(tmp_path):
    toml = tmp_path / "fixes.toml"
    toml.write_text(
        f'format = "{FORMAT}"\n\n[[comparison]]\nold = "{OLD_SHA}"\nnew = "{NEW_SHA}"\n'
        'pair = [{ old = "3.7", new = "2.4" }]\n'
        'link = [{ old = "旅游收入", new = "接待游客", measure = "level" }]\n',
        encoding="utf-8",
    )
    from_toml = read_overrides(toml)
    as_json = tmp_path / "fixes.json"
    as_json.write_text(dumps_overrides(from_toml), encoding="utf-8")
    from_json = read_overrides(as_json)
    assert from_toml.entries == from_json.entries
    mine = from_json.for_reports(OLD_SHA, NEW_SHA)
    assert mine.pair == (Fix("3.7", "2.4"),)
    assert mine.link == (Fix("旅游收入", "接待游客", "level"),)
    assert len(mine) == 2


def test_written_file_reads_back_in_both_formats(tmp_path):
    fixes = _mine(pair=(Fix("1", "1"),), unlink=(Fix('a"b', "c\\d"),))
    for name in ("x.toml", "x.json"):
        write_overrides(tmp_path / name, fixes)
        assert read_overrides(tmp_path / name).entries == fixes.entries
    assert sorted(os.listdir(tmp_path)) == ["x.json", "x.toml"]  # no temporary file left


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{}", 'not a lingdiff overrides file (no "format" field)'),
        ('{"format": "lingdiff-overrides/9"}', "format 'lingdiff-overrides/9' is not"),
        ('{"format": "lingdiff-overrides/1", "comparison": [{"old": "a"}]}', '"new"'),
        (
            '{"format": "lingdiff-overrides/1", "comparison": [{"old": "a", "new": "b", '
            '"pair": [{"old": 3}]}]}',
            "comparison 1, pair 1: old and new must be non-empty strings",
        ),
        ("{not json", "not valid JSON"),
    ],
)
def test_bad_files_are_one_line_errors(tmp_path, text, message):
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(OverridesError) as exc:
        read_overrides(path)
    assert message in str(exc.value)
    assert str(exc.value).startswith(str(path))
    assert "\n" not in str(exc.value)


def test_bad_toml_and_missing_file(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("format = ", encoding="utf-8")
    with pytest.raises(OverridesError, match="not valid TOML"):
        read_overrides(bad)
    with pytest.raises(OverridesError, match="no such file"):
        read_overrides(tmp_path / "absent.toml")


def test_write_refuses_a_non_regular_file(tmp_path):
    os.mkfifo(tmp_path / "fifo.json")
    with pytest.raises(OverridesError, match="not a regular file"):
        write_overrides(tmp_path / "fifo.json", _mine(pair=(Fix("1", "1"),)))


def test_toggled_keeps_the_last_word():
    fixes = Overrides().toggled(OLD_SHA, NEW_SHA, "pair", Fix("3.7", "2.4"), ("a.txt", "b.txt"))
    fixes = fixes.toggled(OLD_SHA, NEW_SHA, "unpair", Fix("3.7", "2.4"))
    fixes = fixes.toggled(OLD_SHA, NEW_SHA, "unpair", Fix("3.7", "2.4"))
    mine = fixes.for_reports(OLD_SHA, NEW_SHA)
    assert (mine.pair, mine.unpair) == ((), (Fix("3.7", "2.4"),))
    assert (mine.old_name, mine.new_name) == ("a.txt", "b.txt")
    assert json.loads(dumps_overrides(fixes))["comparison"][0]["unpair"] == [
        {"old": "3.7", "new": "2.4"}
    ]


def test_toggled_a_new_pair_replaces_the_old_and_unlink_undoes_any_link():
    fixes = Overrides().toggled(OLD_SHA, NEW_SHA, "pair", Fix("3.7", "2.4"))
    fixes = fixes.toggled(OLD_SHA, NEW_SHA, "pair", Fix("3.7", "2.5"))
    fixes = fixes.toggled(OLD_SHA, NEW_SHA, "pair", Fix("1.1", "2.5"))
    fixes = fixes.toggled(OLD_SHA, NEW_SHA, "link", Fix("a", "b"))
    fixes = fixes.toggled(OLD_SHA, NEW_SHA, "unlink", Fix("a", "b", "level"))
    mine = fixes.for_reports(OLD_SHA, NEW_SHA)
    assert mine.pair == (Fix("1.1", "2.5"),)
    assert (mine.link, mine.unlink) == ((), (Fix("a", "b", "level"),))


def test_default_path_is_in_the_data_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("LINGDIFF_DATA_DIR", str(tmp_path))
    path = default_overrides_path(OLD_SHA, NEW_SHA)
    assert path == tmp_path / "overrides" / f"{OLD_SHA[:12]}-{NEW_SHA[:12]}.toml"


# ---- the effect on a comparison of the bundled pair ----------------------------------------


def test_no_overrides_changes_nothing(bundled_comparison):
    plain = compare(seed("old"), seed("new"), overrides=Overrides())
    assert plain.alignment == bundled_comparison.alignment
    assert plain.metrics == bundled_comparison.metrics
    assert plain.corrections == plain.correction_notes == ()


def test_pair_of_two_siblings(bundled_comparison):
    # lingdiff: old 3.7 has no counterpart, new 2.4 is split from old 3.1
    assert _pair_of(bundled_comparison, "old:3.7").status == "removed"
    assert _pair_of(bundled_comparison, "new:2.4").old == ("old:3.1",)
    c = _corrected("pair", "3.7", "2.4")
    pair = _pair_of(c, "old:3.7")
    assert (pair.old, pair.new, pair.status, pair.override) == (
        ("old:3.7",),
        ("new:2.4",),
        "matched",
        "pair",
    )
    assert pair.reason.startswith("override: paired by hand")
    assert _pair_of(c, "old:3.1").new == ("new:2.1",)  # no longer split
    assert c.corrections == ("pair old 3.7 with new 2.4",)
    # the forced pair's sentences are aligned like any pair's
    assert any(sp.pair == pair.id and sp.status != "removed" for sp in c.sentence_pairs)


def test_pair_across_parents(bundled_comparison):
    assert _pair_of(bundled_comparison, "old:1.3.2").status == "removed"
    c = _corrected("pair", "1.3.2", "2.1.1")
    pair = _pair_of(c, "old:1.3.2")
    assert (pair.new, pair.override) == (("new:2.1.1",), "pair")
    assert pair.parent == _pair_of(c, "old:1.3").id  # stands under the old parent's pair
    assert "moved: new 2.1" in pair.reason


def test_unpair(bundled_comparison):
    assert _pair_of(bundled_comparison, "old:1.2").new == ("new:1.6",)
    c = _corrected("unpair", "1.2", "1.6")
    old_side, new_side = _pair_of(c, "old:1.2"), _pair_of(c, "new:1.6")
    assert (old_side.status, old_side.override) == ("removed", "unpair")
    assert (new_side.status, new_side.override) == ("added", "unpair")
    assert not any(p.id.startswith(old_side.id + ".") for p in c.alignment)  # no sub-pairs left
    assert c.corrections == ("unpair old 1.2 with new 1.6",)


def test_unlink_and_link(bundled_comparison):
    row = next(r for r in bundled_comparison.metrics if r.indicator == "粮食播种面积")
    assert {o.doc for o in row.observations} == {"old", "new"}
    c = _corrected("unlink", "粮食种植面积", "粮食播种面积")
    split = [r for r in c.metrics if r.override == "unlink"]
    assert [(r.indicator, {o.doc for o in r.observations}) for r in split] == [
        ("粮食种植面积", {"old"}),
        ("粮食播种面积", {"new"}),
    ]
    assert split[0].id == row.id
    assert len(c.metrics) == len(bundled_comparison.metrics) + 1

    linked = _corrected("link", "旅游收入", "接待游客")
    row = next(r for r in linked.metrics if r.override == "link")
    assert [(o.doc, o.indicator) for o in row.observations] == [
        ("old", "旅游收入"),
        ("new", "接待游客"),
        ("new", "接待游客量"),
    ]


def test_other_reports_and_unknown_sections_are_not_applied():
    other = Overrides((Corrections("0" * 64, NEW_SHA, pair=(Fix("3.7", "2.4"),)),))
    c = compare(seed("old"), seed("new"), overrides=other)
    assert c.corrections == ()
    c = _corrected("pair", "9.9", "2.4")
    assert c.corrections == ()
    assert c.correction_notes == ("cannot pair old 9.9 with new 2.4: no section old 9.9",)
    c = _corrected("link", "没有这个指标", "接待游客")
    assert c.correction_notes == (
        "cannot link indicator old 没有这个指标 with new 接待游客: "
        "the old report has no figure of 没有这个指标",
    )


# ---- every forced pair or ruled-out pair keeps the alignment whole ------------------------


def _align(fixes):  # type: ignore[no-untyped-def]
    from lingdiff.align import align_sections, align_sentences
    from lingdiff.taxonomy import load_taxonomy
    from lingdiff.topics import TopicIndex, scanner

    old, new = seed("old"), seed("new")
    topics = scanner(load_taxonomy())
    mixes = TopicIndex(old, topics).section_mix, TopicIndex(new, topics).section_mix
    pairs = align_sections(old, new, *mixes, fixes)
    return pairs, align_sentences(old, new, pairs)


def _assert_whole(pairs, sentence_pairs) -> None:  # type: ignore[no-untyped-def]
    old, new = seed("old"), seed("new")
    ids = {p.id for p in pairs}
    assert len(ids) == len(pairs)
    for p in pairs:
        assert p.old or p.new
        assert p.parent is None or p.parent in ids
    for doc, side in ((old, "old"), (new, "new")):
        listed = [sid for p in pairs for sid in getattr(p, side)]
        assert len(listed) == len(set(listed))  # no section in two pairs
        sections = doc.section_map()
        for sec in doc.sections:  # every section covered, by its own pair or an ancestor's
            cur: str | None = sec.id
            while cur is not None and cur not in listed:
                cur = sections[cur].parent
            assert cur is not None, sec.id
        key = "old" if side == "old" else "new"
        seen = sorted(getattr(s, key) for s in sentence_pairs if getattr(s, key) is not None)
        assert seen == list(range(len(doc.sentences)))


def _sample(ids: list[str], n: int) -> list[str]:
    step = max(1, len(ids) // n)
    return ids[::step][:n]


def test_any_forced_pair_keeps_the_alignment_whole():
    from lingdiff.align.corrections import SectionFixes

    olds = _sample([s.id for s in seed("old").sections], 9)
    news = _sample([s.id for s in seed("new").sections], 5)
    for o in olds:
        for n in news:
            pairs, sentences = _align(SectionFixes(((o, n),)))
            _assert_whole(pairs, sentences)
            forced = [p for p in pairs if p.override == "pair"]
            assert [(p.old, p.new, p.status) for p in forced] == [((o,), (n,), "matched")], (o, n)


def test_any_ruled_out_pair_is_never_made(bundled_comparison):
    from lingdiff.align.corrections import SectionFixes

    made = [(o, n) for p in bundled_comparison.alignment for o in p.old for n in p.new]
    for o, n in _sample(made, 12):
        pairs, sentences = _align(SectionFixes((), frozenset({(o, n)})))
        _assert_whole(pairs, sentences)
        assert not any(o in p.old and n in p.new for p in pairs), (o, n)
