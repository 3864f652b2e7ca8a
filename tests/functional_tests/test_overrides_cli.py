"""`--overrides FILE` on `lingdiff report` and `lingdiff series`: the corrections are obeyed and
said, a bad file is one line and exit 1."""

from __future__ import annotations

import json

from lingdiff.overrides import FORMAT
from tests.helpers import NEW_PATH, OLD_PATH, run_cli, seed

OLD_SHA = seed("old").source.sha256
NEW_SHA = seed("new").source.sha256


def _toml(tmp_path, body: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "fixes.toml"
    path.write_text(
        f'format = "{FORMAT}"\n\n[[comparison]]\nold = "{OLD_SHA}"\nnew = "{NEW_SHA}"\n{body}',
        encoding="utf-8",
    )
    return path


def test_report_json_says_which_results_come_from_an_override(tmp_path):
    fixes = _toml(
        tmp_path,
        'pair = [{ old = "3.7", new = "2.4" }, { old = "9.9", new = "1" }]\n'
        'unlink = [{ old = "粮食种植面积", new = "粮食播种面积" }]\n',
    )
    result = run_cli("report", "--format", "json", "--overrides", str(fixes))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["overrides"] == {
        "file": str(fixes),
        "applied": [
            "pair old 3.7 with new 2.4",
            "unlink indicator old 粮食种植面积 with new 粮食播种面积",
        ],
        "not_applied": ["cannot pair old 9.9 with new 1: no section old 9.9"],
    }
    forced = [p for p in data["alignment"] if p["override"]]
    assert [(p["old"], p["new"], p["status"], p["override"]) for p in forced] == [
        (["old:3.7"], ["new:2.4"], "matched", "pair")
    ]
    assert [(m["indicator"], m["override"]) for m in data["metrics"] if m["override"]] == [
        ("粮食种植面积", "unlink"),
        ("粮食播种面积", "unlink"),
    ]
    assert result.stderr == (
        f"lingdiff: warning: {fixes}: cannot pair old 9.9 with new 1: no section old 9.9\n"
    )


def test_report_markdown_and_csv_mark_the_overrides(tmp_path):
    fixes = _toml(tmp_path, 'unpair = [{ old = "1.2", new = "1.6" }]\n')
    md = run_cli("report", "--overrides", str(fixes), "--no-cache")
    assert md.returncode == 0, md.stderr
    assert "**Corrections** from `fixes.toml` (1 applied;" in md.stdout
    assert "- unpair old 1.2 with new 1.6" in md.stdout
    assert md.stdout.count("| removed (override) |") == 1
    assert md.stdout.count("| added (override) |") == 1
    unlink = _toml(tmp_path, 'unlink = [{ old = "粮食种植面积", new = "粮食播种面积" }]\n')
    csv = run_cli("report", "--overrides", str(unlink), "--format", "csv")
    assert csv.returncode == 0, csv.stderr
    lines = csv.stdout.splitlines()
    assert lines[0].endswith(",source_sha256,row_override")
    assert sum(1 for line in lines if line.endswith(",unlink")) == 4  # 2 old + 2 new figures


def test_the_cache_tells_overrides_apart(tmp_path):
    fixes = _toml(tmp_path, 'pair = [{ old = "3.7", new = "2.4" }]\n')
    first = run_cli("report", "--format", "json", "--overrides", str(fixes))
    fixes.write_text(fixes.read_text(encoding="utf-8").replace("2.4", "2.5"), encoding="utf-8")
    second = run_cli("report", "--format", "json", "--overrides", str(fixes))
    assert json.loads(first.stdout)["overrides"]["applied"] == ["pair old 3.7 with new 2.4"]
    assert json.loads(second.stdout)["overrides"]["applied"] == ["pair old 3.7 with new 2.5"]


def test_bad_overrides_file_is_one_line_and_exit_1(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "lingdiff-overrides/7"}', encoding="utf-8")
    for args in ((), ("report",), ("series", str(OLD_PATH), str(NEW_PATH))):  # () the TUI
        result = run_cli(*args, "--overrides", str(bad))
        assert result.returncode == 1
        assert result.stdout == ""
        assert result.stderr == (
            f"lingdiff: error: {bad}: format 'lingdiff-overrides/7' is not "
            "'lingdiff-overrides/1' (written by another lingdiff?)\n"
        )
    report = run_cli(str(OLD_PATH), str(NEW_PATH), "--overrides", str(OLD_PATH))
    assert (report.returncode, report.stderr) == (
        1,
        f"lingdiff: error: {OLD_PATH}: is one of the reports, not an overrides file\n",
    )
    missing = run_cli("report", "--overrides", str(tmp_path / "none.toml"))
    assert (missing.returncode, missing.stderr) == (
        1,
        f"lingdiff: error: {tmp_path / 'none.toml'}: no such file\n",
    )


def test_series_obeys_unlink(tmp_path):
    fixes = _toml(tmp_path, 'unlink = [{ old = "粮食种植面积", new = "粮食播种面积" }]\n')
    plain = run_cli("series", str(OLD_PATH), str(NEW_PATH), "--format", "json")
    fixed = run_cli(
        "series", str(OLD_PATH), str(NEW_PATH), "--format", "json", "--overrides", str(fixes)
    )
    assert plain.returncode == fixed.returncode == 0, fixed.stderr

    def grain(out: str) -> list[tuple[str, list[int], str]]:
        rows = json.loads(out)["indicators"]
        return [
            (r["indicator"], [c["year"] for c in r["cells"] if c["target"]], r["override"])
            for r in rows
            if {"粮食种植面积", "粮食播种面积"} & {r["indicator"], *r["aliases"]}
        ]

    assert grain(plain.stdout) == [("粮食播种面积", [2020, 2026], "")]
    assert grain(fixed.stdout) == [
        ("粮食种植面积", [2020], "unlink"),
        ("粮食播种面积", [2026], "unlink"),
    ]


def test_python_api_takes_an_overrides_file(tmp_path):
    import lingdiff

    fixes = _toml(tmp_path, 'pair = [{ old = "3.7", new = "2.4" }]\n')
    comparison = lingdiff.compare(OLD_PATH, NEW_PATH, overrides=fixes)
    assert comparison.corrections == ("pair old 3.7 with new 2.4",)
    assert comparison.options.overrides_path == str(fixes)


def test_tui_options_with_values_are_not_taken_for_reports(tmp_path):
    # lingdiff OLD NEW --tab targets / --overrides FILE: two reports, not a series of three
    for option in (("--tab", "targets"), ("--overrides", str(tmp_path / "new.toml"))):
        result = run_cli(str(OLD_PATH), str(NEW_PATH), *option)
        assert (result.returncode, result.stderr) == (
            2,
            "lingdiff: usage error: the terminal UI needs a terminal; "
            "use 'lingdiff report' for files\n",
        )


def test_panel_obeys_links_and_unlinks_through_the_code_column(tmp_path):
    """A panel's rows are single figures: a link gives both indicators one code (the codebook's
    of either name, else ``user:`` the old name), an unlink takes the shared code from the
    later report's figures; the override column says which rows a correction set."""
    import csv

    fixes = _toml(
        tmp_path,
        'link = [{ old = "游客", new = "接待游客" },\n'
        '        { old = "新增高新技术企业", new = "新增高新技术企业" }]\n'
        'unlink = [{ old = "地区生产总值", new = "地区生产总值", measure = "growth" }]\n',
    )
    out = tmp_path / "panel.csv"
    result = run_cli(
        "panel", str(OLD_PATH), str(NEW_PATH), "-j", "1", "-o", str(out), "--overrides", str(fixes)
    )
    assert result.returncode == 0, result.stderr
    assert f"rows set by the corrections in {fixes}" in result.stderr
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    got = sorted(
        {
            (r["report_year"], r["indicator"], r["measure"], r["code"], r["override"])
            for r in rows
            if r["override"]
        }
    )
    assert got == [
        ("2020", "新增高新技术企业", "count", "user:新增高新技术企业", "link"),
        ("2020", "游客", "count", "tourists", "link"),
        ("2026", "地区生产总值", "growth", "", "unlink"),
        ("2026", "接待游客", "count", "tourists", "link"),
        ("2026", "新增高新技术企业", "count", "user:新增高新技术企业", "link"),
    ]
    old_gdp = {
        r["code"] for r in rows if r["report_year"] == "2020" and r["indicator"] == "地区生产总值"
    }
    assert old_gdp == {"gdp"}  # the earlier report keeps its code


def test_panel_refuses_to_write_over_its_overrides_file(tmp_path):
    fixes = _toml(tmp_path, 'unlink = [{ old = "a", new = "b" }]\n')
    result = run_cli("panel", str(OLD_PATH), "-o", str(fixes), "--force", "--overrides", str(fixes))
    assert result.returncode != 0
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
