"""`lingdiff series` on the State Council's reports 2012–2025 (2020 missing), and its refusals."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from lingdiff.series import read_series
from tests.helpers import CORPUS, run_cli

NATIONAL = CORPUS / "national"

# GDP growth, read from the reports by hand: (year, target, target qualifier, actual,
# difference, verdict). The target of year Y is in report Y, the actual in report Y+1.
# None: that report is absent (2020 was never in the corpus; 2011's target and 2025's actual
# would be in the reports of 2011 and 2026).
GDP = [
    (2011, None, "", 9.2, None, ""),  # 2012: 国内生产总值47.2万亿元，比上年增长9.2％
    (2012, (7.5,), "", 7.8, 0.3, "met"),  # 2012: 增长7.5％; 2013: 国内生产总值增长7.8%
    (2013, (7.5,), "左右", 7.7, 0.2, "met"),  # 2013: 增长7.5%左右; 2014: 比上年增长7.7%
    (2014, (7.5,), "左右", 7.4, -0.1, "met"),  # 2015: 比上年增长7.4%
    (2015, (7.0,), "左右", 6.9, -0.1, "met"),  # 2015: 增长7%左右; 2016: 增长6.9%
    (2016, (6.5, 7.0), "", 6.7, 0.0, "met"),  # 2016: 增长6.5%－7%; 2017: 74.4万亿元，增长6.7%
    (2017, (6.5,), "左右", 6.9, 0.4, "met"),  # 2018: 国内生产总值增长6.9%
    (2018, (6.5,), "左右", 6.6, 0.1, "met"),  # 2019: 国内生产总值增长6.6%
    (2019, (6.0, 6.5), "", None, None, ""),  # 2019: 增长6%－6.5%; no 2020 report
    (2020, None, "", 2.3, None, ""),  # 2021: 全年国内生产总值增长2.3％
    (2021, (6.0,), "以上", 8.1, 2.1, "met"),  # 2021: 增长6%以上; 2022: 增长8.1%
    (2022, (5.5,), "左右", 3.0, -2.5, "missed"),  # 2022: 5.5%左右; 2023: 全年…增长3%
    (2023, (5.0,), "左右", 5.2, 0.2, "met"),  # 2024: 超过126万亿元，增长5.2%
    (2024, (5.0,), "左右", 5.0, 0.0, "met"),  # 2025: 134.9万亿元、增长5%
    (2025, (5.0,), "左右", None, None, ""),  # 2025: 增长5%左右; no 2026 report
]


def national_files(exclude: tuple[str, ...] = ()) -> list[Path]:
    if not NATIONAL.is_dir():
        pytest.skip(f"shared corpus not available ({NATIONAL})")
    return [p for p in sorted(NATIONAL.glob("*.txt")) if p.stem[-4:] not in exclude]


def check_gdp(files: list[Path]) -> None:
    result = read_series(files)
    row = result.row("国内生产总值")
    assert row.measure == "growth"
    for year, target, qualifier, actual, difference, verdict in GDP:
        if not result.years[0] <= year <= result.years[-1]:
            continue
        cell = row.cell(year)
        got_target = None if cell.target is None else (cell.target.value, cell.target.value_high)
        want_target = (
            None if target is None else (target[0], target[1] if len(target) > 1 else None)
        )
        assert got_target == want_target, year
        assert (cell.target.qualifier if cell.target else "") == qualifier, year
        assert (cell.actual.value if cell.actual else None) == actual, year
        got_diff = None if cell.difference is None else round(cell.difference, 6)
        assert (got_diff, cell.verdict) == (difference, verdict), year
        if target is None:
            assert cell.target_status == "no report", year


def test_gdp_row_right_for_every_year() -> None:
    check_gdp(national_files())


def test_a_missing_report_is_shown_as_missing() -> None:
    files = national_files(exclude=("2013",))
    row = read_series(files).row("国内生产总值")
    assert row.cell(2012).actual_status == "no report"  # the 2012 actual is in the 2013 report
    assert row.cell(2013).target_status == "no report"
    assert row.cell(2012).verdict == "" and row.cell(2014).verdict == "met"


run = run_cli


def test_series_cli_markdown_json_csv(tmp_path: Path) -> None:
    files = [str(p) for p in national_files(exclude=("2013",))]
    md = run("series", *files)
    assert md.returncode == 0, md.stderr
    assert "## 国内生产总值 `gdp` (growth, %) — targets ↘ falling" in md.stdout
    assert "| 2022 | 5.5%左右[^" in md.stdout and "| -2.5 | ✗ missed |" in md.stdout
    assert "| 2020 | — (no report) | 2.3%[^" in md.stdout
    assert f"lingdiff: {files[0]}: report of 2012" in md.stderr
    out = tmp_path / "s.json"
    assert run("series", *files, "-f", "json", "-o", str(out)).returncode == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["schema"] == "lingdiff-series/1"
    assert [r["year"] for r in data["reports"]][:3] == [2012, 2014, 2015]
    gdp = next(
        i
        for i in data["indicators"]
        if (i["indicator"], i["measure"]) == ("国内生产总值", "growth")
    )
    cell = next(c for c in gdp["cells"] if c["year"] == 2021)
    assert (cell["target"]["value"], cell["target"]["qualifier"], cell["actual"]["value"]) == (
        6.0,
        "以上",
        8.1,
    )
    assert cell["verdict"] == "met" and cell["actual_report"].endswith("national_2022.txt")
    again = run("series", *files, "-f", "json", "-o", str(out))
    assert again.returncode == 1 and "already exists; use --force" in again.stderr
    table = run("series", *files, "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(table.stdout)))
    gdp_rows = [
        r
        for r in rows
        if (r["indicator"], r["measure"], r["figure"]) == ("国内生产总值", "growth", "year")
    ]
    assert [r["year"] for r in gdp_rows] == [str(y) for y in range(2011, 2026)]
    assert next(r for r in gdp_rows if r["year"] == "2019")["actual_status"] == "no report"


def test_series_cli_refusals(tmp_path: Path) -> None:
    files = national_files()
    same = run("series", str(files[0]), str(files[0]))
    assert same.returncode == 1
    assert same.stderr.strip().splitlines()[-1] == (
        f"lingdiff: error: {files[0]} and {files[0]} are both the report of 2012"
    )
    shanghai = CORPUS / "provinces" / "2026" / "2026年上海市政府工作报告.txt"
    two = run("series", str(files[-1]), str(shanghai))
    assert two.returncode == 1
    assert "is 上海市's report but" in two.stderr and "a series is one government" in two.stderr
    one = run("series", str(files[-1]))
    assert one.returncode == 1 and "at least two reports" in one.stderr
    over = run("series", str(files[-1]), str(files[-2]), "-o", str(files[-1]))
    assert over.returncode == 1 and "is an input of this comparison" in over.stderr
    assert run("series").returncode == 2


def test_many_reports_without_a_terminal_is_a_usage_error() -> None:
    files = [str(p) for p in national_files()[:3]]
    result = run(*files)
    assert result.returncode == 2
    assert "use 'lingdiff series' for files" in result.stderr
    same = run(files[0], files[0], files[0])
    assert same.returncode == 1 and "are both the report of 2012" in same.stderr
