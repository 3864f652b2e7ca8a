"""The Python API: lingdiff.read / compare / series / panel, loaded on first use."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import lingdiff
from tests.helpers import NEW_PATH, OLD_PATH, ROOT
from tests.unit_tests.test_series import HEAD, REPORTS


def test_import_lingdiff_loads_nothing_else() -> None:
    code = "import sys, lingdiff; print(sorted(m for m in sys.modules if m.startswith('lingdiff')))"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert out.stdout.strip() == "['lingdiff']"


@pytest.fixture
def reports(tmp_path: Path) -> list[Path]:
    paths = []
    for plan in (2024, 2023, 2026):
        path = tmp_path / f"r{plan}.txt"
        text = HEAD.format(place="测试县", review=plan - 1, plan=plan) + REPORTS[plan]
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def test_read_and_compare() -> None:
    doc = lingdiff.read(OLD_PATH)
    assert (doc.review_year, doc.plan_year) == (2019, 2020)
    comparison = lingdiff.compare(doc, NEW_PATH)
    assert comparison.old.key == "old" and comparison.new.plan_year == 2026
    assert comparison.metrics


def test_series_and_panel_objects(reports: list[Path]) -> None:
    from lingdiff.series import Series

    result = lingdiff.series(reports)
    assert isinstance(result, Series)
    assert [r.year for r in result.reports] == [2023, 2024, 2026]
    assert lingdiff.series(reports[0].parent).years == result.years  # a folder works too
    table = lingdiff.panel(reports)
    assert not table.failures
    records = list(table.records())
    assert {r["place"] for r in records} == {"测试县"}
    gdp_2023 = [
        r
        for r in records
        if r["indicator"] == "地区生产总值" and r["year"] == 2023 and r["kind"] == "actual"
    ]
    assert [(r["value"], r["report_year"], r["section"]) for r in gdp_2023] == [(5.5, 2024, "1")]


def test_to_pandas(reports: list[Path]) -> None:
    pytest.importorskip("pandas")
    frame = lingdiff.series(reports).to_pandas()
    row = frame[(frame.indicator == "地区生产总值") & (frame.year == 2023)].iloc[0]
    assert (row.target, row.actual, row.verdict) == (6.0, 5.5, "missed")
    panel = lingdiff.panel(reports).to_pandas()
    assert str(panel["year"].dtype) == "Int64" and str(panel["value"].dtype) == "float64"


def test_the_core_compare_refuses_documents_not_keyed_old_and_new() -> None:
    from lingdiff.compare import compare as core_compare
    from lingdiff.reading import load_document

    old, new = load_document(OLD_PATH), load_document(NEW_PATH)  # both keyed "old"
    with pytest.raises(ValueError, match="'old' and 'new'"):
        core_compare(old, new)
    # the API re-keys a document read without a key, so the same two documents compare
    assert lingdiff.compare(old, new).new.sections[0].id.startswith("new:")
