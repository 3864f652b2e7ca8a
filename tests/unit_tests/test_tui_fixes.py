"""What the correction keys offer on the thing under the cursor (pure view model, no textual)."""

from __future__ import annotations

from lingdiff.overrides import Fix
from lingdiff.tui.fixes import link_offer, pair_offer, unlink_fix, unpair_fixes
from lingdiff.tui.index import ComparisonIndex


def _pair(c, sid):  # type: ignore[no-untyped-def]
    return next(p for p in c.alignment if sid in (*p.old, *p.new))


def test_pair_offer_lists_the_other_reports_sections(bundled_comparison):
    index = ComparisonIndex(bundled_comparison)
    removed = pair_offer(index, _pair(bundled_comparison, "old:3.7"))
    assert removed is not None and removed.kind == "pair"
    assert removed.title.startswith("Pair old 3.7 ")
    assert [c.id for c in removed.choices] == [s.id for s in bundled_comparison.new.sections]
    choice = next(c for c in removed.choices if c.id == "new:2.4")
    assert choice.fix == Fix("3.7", "2.4")
    assert choice.label.startswith("  new 2.4 ")  # indented by level
    added = pair_offer(index, _pair(bundled_comparison, "new:2.1.1"))
    assert added is not None and added.title.startswith("Pair new 2.1.1 ")
    assert next(c for c in added.choices if c.id == "old:1.3.2").fix == Fix("1.3.2", "2.1.1")
    split = _pair(bundled_comparison, "old:3.1")  # old 3.1 -> new 2.1 + new 2.4
    assert pair_offer(index, split).current == "new:2.1"  # type: ignore[union-attr]


def test_unpair_fixes_every_old_and_new_section_of_the_pair(bundled_comparison):
    split = _pair(bundled_comparison, "old:3.1")
    assert unpair_fixes(split) == (Fix("3.1", "2.1"), Fix("3.1", "2.4"))
    assert unpair_fixes(_pair(bundled_comparison, "old:3.7")) == ()


def test_link_and_unlink_name_the_indicators_as_the_reports_do(bundled_comparison):
    rows = bundled_comparison.metrics
    grain = next(r for r in rows if r.indicator == "粮食播种面积")
    assert unlink_fix(grain) == Fix("粮食种植面积", "粮食播种面积", "level")
    only_old = next(r for r in rows if not any(o.doc == "new" for o in r.observations))
    assert unlink_fix(only_old) is None
    offer = link_offer(rows, only_old)
    assert offer.kind == "link"
    assert all(
        any(o.doc == "new" for o in r.observations)
        for r in rows
        if r.id in {c.id for c in offer.choices}
    )
    target = next(c for c in offer.choices if c.id == grain.id)
    old_name = next(o.indicator for o in only_old.observations)
    measure = only_old.measure if grain.measure == only_old.measure else ""
    assert target.fix == Fix(old_name, "粮食播种面积", measure)
