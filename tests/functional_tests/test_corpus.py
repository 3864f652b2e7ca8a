"""The corpus check (benchmarks/corpus.py) as tests: every real report of ../shared/corpus read
as a careful reader would, and lingdiff's scores on the hand-checked pairs in tests/gold/.

Each report is checked against facts read by hand (tests/corpus_expected/*.json): its years,
its review and plan parts, its real top-level sections, the plan year's GDP growth target with
its qualifier and the review year's GDP growth. The gold pairs are scored for figure recall,
link F1 and section-pair F1; the floors below are what lingdiff reaches today (the goals are
0.95 / 0.9 / 0.9 — see the README) and may only go up.
"""

from __future__ import annotations

import sys

import pytest

from tests.helpers import CORPUS, ROOT, corpus_file

sys.path.insert(0, str(ROOT / "benchmarks"))

import corpus as check

pytestmark = pytest.mark.corpus

FACTS = check.expected_facts()


@pytest.mark.parametrize("rel", sorted(FACTS))
def test_report_reads_as_expected(rel: str) -> None:
    row = check.check_report(corpus_file(rel), FACTS[rel])
    assert row.problems == []
    assert not row.collapsed


def test_every_corpus_report_has_expected_facts() -> None:
    if not CORPUS.is_dir():
        corpus_file("README.md")  # skips (or fails in CI) with the reason
    on_disk = {
        str(p.relative_to(CORPUS))
        for p in CORPUS.rglob("*")
        if p.suffix in (".txt", ".docx") and p.parent != CORPUS
    }
    assert on_disk == set(FACTS)


FLOORS = {
    # name: (figure recall, link F1, section-pair F1)
    # 1.00 recall once the gold gave 跃上 its qualifier (as hubei's gives 迈上)
    "national-2024-2025": (1.0, 0.95, 0.9),
    # 0.98 recall once 约为全国平均的 and a count's noun before 、产值占… are read
    # 1.00 / 1.00 once 过去的五年… turned 连跨5万亿元、6万亿元 into the five-year review
    "fujian-2025-2026": (1.0, 1.0, 0.9),
    # link F1 1.00 once 粮食生产再获丰收，总产… names the grain output (was 总产)
    # 0.97 recall once a share before its population (86%的县建成三级医院) is read
    # 0.98 once the categories of 10大类52项民生实事 are counted
    "hubei-2025-2026": (0.977, 0.95, 0.85),
    # 1.00 recall once from-lists (分别从771家、481家增加到…) and 约合 are read
    "shanghai-2025-2026": (0.99, 0.9, 0.95),
    # not tuned on: 0.95 / 1.00 / 0.98 when added; 0.98 recall after the fixes it showed,
    # 1.00 once figures before their noun (93%以上行政村, 100亿元…专项资金) are read
    "xinjiang-2025-2026": (0.99, 0.95, 0.95),
    # not tuned on: 0.95 / 0.92 / 0.98 when added; 1.00 / 1.00 / 0.98 after the fixes it
    # showed (moves 由7家增至16家, 11.7年, 粮食总产量再上新台阶)
    "heilongjiang-2025-2026": (1.0, 1.0, 0.97),
    # not tuned on: 0.58 / 0.97 / 0.05 when added (its 十四五 review read as 2025 actuals, its
    # 十五五 part paired with the old plan part); 0.97 / 1.00 / 1.00 after the fixes it showed
    # (five-year review frames, the 十五五 part's label, unnumbered headings of a part)
    "qinghai-2025-2026": (0.97, 1.0, 1.0),
    # not tuned on: 0.94 / 1.00 / 0.89 when added (unitless moves 从1.96缩小至1.81 not read,
    # (十) after the 民生实事 list read under it); 1.00 / 1.00 / 0.93 after the fixes it showed
    # (its 2.4 -> 3.2+3.3 split and 2.9 -> 3.8 merge stay below the aligner's gain gate);
    # 0.96 once a strong left-over needs only a 2% gain (its 2.4 -> 3.2+3.3 split)
    "zhejiang-2025-2026": (1.0, 1.0, 0.95),
    # not tuned on: 0.95 / 1.00 / 0.71 when added (ratios 2.9∶1 not read, 这五年 heading lines
    # and a （ / 三） heading broken over two lines not read as sections); 0.99 / 1.00 / 0.87
    # after the fixes it showed (its targets part's five directions stay unpaired); 0.89 once
    # a strong left-over needs only a 2% gain (old 2.3 生态文明体制改革 joins 3.7's pair)
    "yunnan-2025-2026": (0.98, 1.0, 0.88),
    # not tuned on: 0.98 / 1.00 / 0.87 when added (颗 not a unit, 城乡收入比缩小至2.12 not
    # read); 1.00 / 1.00 / 0.87 after the fixes it showed (its review items 基础设施 and 民生
    # joining new ones stay just below the aligner's gain gate)
    "shandong-2025-2026": (1.0, 1.0, 0.85),
    # not tuned on: 0.89 / 1.00 / 0.91 when added (9千亿元 not read, the 十五五 outline's
    # GDP goal read as a five-year review figure); 1.00 / 1.00 / 0.91 after the fixes it showed
    "guangxi-2025-2026": (1.0, 1.0, 0.9),
    # not tuned on: 0.97 / 1.00 / 0.94 when added (税占比 not read, the 12类 of 12类45件民生实事
    # not read); 1.00 / 1.00 / 0.94 after the fixes it showed (old 1.4 城乡区域 -> new 1.4 and
    # old 3.5 -> new 3.5 stay unpaired); 0.99 once its whole five-year review was read (9266种:
    # 种 is no unit)
    "jiangsu-2025-2026": (0.99, 1.0, 0.9),
    # not tuned on: 0.96 / 1.00 / 0.94 when added (增长1倍多 not read, 34.6% given the 预计 of
    # a clause two figure-less clauses before); 1.00 / 1.00 / 0.94 after the fixes it showed
    # (new 1.7 文化旅游 stays added, old 1.1 -> new 1.5 and old 1.3 -> new 1.2 unpaired); 0.96
    # once its whole five-year review was read (1342种/3541种/47种, 3大系统, 由51家整合为33家)
    "chongqing-2025-2026": (0.96, 1.0, 0.9),
    # not tuned on: 0.98 / 1.00 / 0.96 when added (10.36百亿亿次/秒 and 沿黄生态廊道1194公里 not
    # read; old 1.6 绿色发展 -> new 1.4 民生 unpaired); 0.99 once 1194公里全线贯通 is read,
    # 1.00 once computing power has its units
    "henan-2025-2026": (1.0, 1.0, 0.95),
    # not tuned on: 0.97 / 0.97 / 0.90 when added (跨上5万亿元 without its qualifier, 高于全国0.3个
    # 百分点 and 4.8万P not read; old 1.4 -> new 1.3, 1.6 -> 1.6, 1.7 -> 1.5 unpaired); 0.98 / 1.00
    # once 跨上 is a qualifier (经济总量 is then coded gdp and links); 1.00 once computing power
    # has its units and the gap 高于全国0.3个百分点 left the gold (it is the 5.7%'s gap)
    "anhui-2025-2026": (1.0, 1.0, 0.88),
}


@pytest.mark.parametrize("gold", check.gold_files(), ids=lambda g: g["name"])
def test_gold_pair_scores(gold: dict) -> None:
    corpus_file(gold["old"])
    score = check.score_gold(gold)
    recall, link, pairs = FLOORS[gold["name"]]
    assert score.target_recall >= 0.95, score.misses  # the issue's goal, met on every pair
    assert score.recall >= recall, score.misses
    assert score.precision >= 0.9
    assert score.link_f1 >= link
    assert score.pair_f1 >= pairs


def test_the_issues_goals_over_all_gold_pairs() -> None:
    """Micro-averaged over the fifteen pairs: targets recall ≥ 0.95, link F1 ≥ 0.9, section-pair
    F1 ≥ 0.9 (per pair, Hubei's and Yunnan's section pairs stay below: see FLOORS)."""
    golds = check.gold_files()
    corpus_file(golds[0]["old"])
    total = check.GoldScore("all")
    for gold in golds:
        total = check.pool(total, check.score_gold(gold))
    assert total.target_recall >= 0.95
    assert total.link_f1 >= 0.9
    assert total.pair_f1 >= 0.9
    assert total.recall >= 0.95


def test_scores_are_computed_from_real_matches() -> None:
    """The scorer itself: a gold figure the tool does not read counts as a miss."""
    gold = next(g for g in check.gold_files() if g["name"] == "national-2024-2025")
    corpus_file(gold["old"])
    broken = {**gold, "figures": [{**gold["figures"][0], "value": -1.0}]}
    score = check.score_gold(broken)
    assert (score.figures, score.figures_right) == (1, 0)
