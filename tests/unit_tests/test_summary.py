"""The headlines of the bundled comparison, as a researcher would state them."""

from __future__ import annotations

from lingdiff.compare import compare
from lingdiff.reading import load_document
from lingdiff.render.common import fmt_values
from lingdiff.summary import overview
from tests.helpers import corpus_file, seed_comparison


def test_headline_targets_old_and_new() -> None:
    o = overview(seed_comparison())
    table = {
        (r.indicator, r.measure): (
            fmt_values(r.values("old", "target")),
            fmt_values(r.values("new", "target")),
        )
        for r in o.targets
    }
    assert table[("地区生产总值", "growth")] == ("7.5%以上", "5.5%以上")
    assert table[("规模工业增加值", "growth")] == ("8.5%以上", "7.5%以上")
    assert table[("粮食播种面积", "level")] == ("83.6万亩", "确保86万亩以上")
    assert table[("新增城镇就业", "count")] == ("5800人", "力争5600人以上")


def test_biggest_shifts_sections_and_slogans() -> None:
    c = seed_comparison()
    o = overview(c)
    assert [t.topic for t in o.gains] == ["industry", "safety", "science"]
    assert [t.topic for t in o.losses] == ["agriculture", "investment", "ecology"]
    assert [p.old for p in o.removed_sections] == [("old:3.7",)]
    assert o.added_sections == ()  # the difficulties paragraph is no longer three new sections
    assert "三大攻坚战" in [p.phrase for p in o.gone_slogans]
    assert "三高四新" in [p.phrase for p in o.new_slogans]


def test_indicators_and_sentences_carry_topics() -> None:
    c = seed_comparison()
    topic = {(r.indicator, r.measure): r.topic for r in c.metrics}
    assert topic[("地区生产总值", "growth")] == "growth"
    assert topic[("旅游综合收入", "level")] == "culture"
    assert topic[("城镇居民人均可支配收入", "growth")] == "employment"
    assert topic[("粮食播种面积", "level")] == "agriculture"
    assert topic[("空气质量优良率", "level")] == "ecology"
    # every sentence has a mix (possibly empty), keyed by document and index
    assert set(c.sentence_topics) == {"old", "new"}
    assert len(c.sentence_topics["old"]) == len(c.old.sentences)
    first = c.old.sentences[0].index
    assert isinstance(c.sentence_topics["old"][first], dict)


def test_headlines_carry_actuals_and_one_sided_targets() -> None:
    o = overview(seed_comparison())
    gdp = next(
        h for h in o.headlines if (h.row.indicator, h.row.measure) == ("地区生产总值", "growth")
    )
    assert fmt_values(gdp.figures("old", "actual")) == "6.7%"
    assert fmt_values(gdp.figures("new", "actual")) == "5.4%"
    assert (gdp.arrow, gdp.diff, gdp.word, gdp.outcome) == ("↓", -2.0, "", "")
    sides = {(r.indicator, r.measure): doc for r, doc in o.one_sided}
    assert sides[("地方财政收入", "growth")] == "old"  # 2026 sets no target for it
    assert sides[("外贸进出口总额", "growth")] == "new"
    assert all(r not in o.targets for r, _doc in o.one_sided)


def test_a_glossary_is_no_headline() -> None:
    """Guangdong's 2025 report ends with two appendices, 附件1 (ten 民生实事) and 附件2 名词解释
    (18 numbered terms); the 2026 report has none. Their entries are no dropped sections to
    headline, the real review items are."""
    old = load_document(corpus_file("provinces/2025/2025年广东省政府工作报告.docx"), "old")
    new = load_document(corpus_file("provinces/2026/2026年广东省政府工作报告.txt"), "new")
    o = overview(compare(old, new))
    dropped = [old.section(p.old[0]) for p in o.removed_sections]
    assert dropped, "the 2024 review items 一是… are dropped sections"
    assert all(s.id.startswith("old:1.") and s.number.endswith("是") for s in dropped)
    appendices = {s.title: len(old.children(s.id)) for s in old.top_sections()[-2:]}
    assert appendices == {"附件1": 10, "附件2 名词解释": 18}
