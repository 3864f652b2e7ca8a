"""The command line as a user runs it: exit codes, stdout/stderr, files written or refused."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest

from lingdiff import __version__
from lingdiff.cli import main
from tests.helpers import NEW_PATH, OLD_PATH, run_cli

run = run_cli


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"lingdiff {__version__}"


def test_help_has_examples() -> None:
    result = run("--help")
    assert result.returncode == 0
    assert "lingdiff report old.txt new.txt --format json" in result.stdout
    report = run("report", "--help")
    assert report.returncode == 0
    assert "--format" in report.stdout and "examples:" in report.stdout


def test_report_markdown_on_bundled_pair_from_any_directory(tmp_path: Path) -> None:
    result = run("report", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# lingdiff report\n")
    assert "关于零陵区2019年国民经济和社会发展计划执行情况及2020年计划草案的报告" in result.stdout
    assert "## Outlines" in result.stdout
    assert "**（七）** 强化规划引领，精心描绘发展蓝图" in result.stdout
    assert list(tmp_path.iterdir()) == []  # nothing written next to anything


def test_report_json_schema(tmp_path: Path) -> None:
    result = run("report", "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["schema"] == "lingdiff/1"
    assert set(data) >= {"documents", "alignment", "metrics", "topics", "phrases"}
    old, new = data["documents"]
    assert (old["review_year"], old["plan_year"]) == (2019, 2020)
    assert (new["review_year"], new["plan_year"]) == (2025, 2026)
    item = next(s for s in old["sections"] if s["id"] == "old:1.2")
    assert item == {
        **item,
        "parent": "old:1",
        "level": 2,
        "part": "review",
        "number": "2.",
        "title": "三大攻坚战成果丰硕",
    }
    assert item["start"] < item["end"]


def test_report_csv_one_row_per_observation(tmp_path: Path) -> None:
    out = tmp_path / "figures.csv"
    assert main(["report", "--format", "csv", "-o", str(out)]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows, "no observations"
    assert set(rows[0]) >= {"row_id", "indicator", "doc", "year", "kind", "value", "unit", "quote"}
    data = json.loads(run("report", "--format", "json").stdout)
    assert len(rows) == sum(len(m["values"]) for m in data["metrics"])


def test_output_file_is_written_and_not_overwritten(tmp_path: Path) -> None:
    out = tmp_path / "r.md"
    first = run("report", "-o", str(out))
    assert first.returncode == 0, first.stderr
    assert out.read_text(encoding="utf-8").startswith("# lingdiff report")
    out.write_text("mine", encoding="utf-8")
    again = run("report", "-o", str(out))
    assert again.returncode == 1
    assert "already exists" in again.stderr and "Traceback" not in again.stderr
    assert out.read_text(encoding="utf-8") == "mine"
    forced = run("report", "-o", str(out), "--force")
    assert forced.returncode == 0
    assert out.read_text(encoding="utf-8").startswith("# lingdiff report")


def test_output_may_not_be_an_input(tmp_path: Path) -> None:
    old = tmp_path / "old.txt"
    new = tmp_path / "new.txt"
    old.write_bytes(OLD_PATH.read_bytes())
    new.write_bytes(NEW_PATH.read_bytes())
    before = old.read_bytes()
    result = run("report", str(old), str(new), "-o", str(old), "--force")
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "is an input of this comparison" in result.stderr
    assert old.read_bytes() == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "PNG image"),
        (bytes(range(256)) * 8, "binary"),
        (b"\xff\xfe\xfd" * 3 + "一、".encode() + b"\x81\xff" * 50, "cannot decode"),
        (b"just some english words\n", "no Chinese text"),
    ],
    ids=["missing", "empty", "png", "binary", "undecodable", "english"],
)
def test_bad_input_one_line_exit_1(tmp_path: Path, content: bytes | None, message: str) -> None:
    bad = tmp_path / "bad.txt"
    if content is not None:
        bad.write_bytes(content)
    result = run("report", str(bad), str(NEW_PATH))
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1, result.stderr
    assert str(bad) in result.stderr and message in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_directory_as_input(tmp_path: Path) -> None:
    result = run("report", str(tmp_path), str(NEW_PATH))
    assert result.returncode == 1
    assert "is a directory" in result.stderr


def test_plain_text_without_headings_warns_but_works(tmp_path: Path) -> None:
    plain = tmp_path / "plain.txt"
    plain.write_text("今年经济运行平稳，地区生产总值增长6%。就业形势稳定。", encoding="utf-8")
    result = run("report", str(plain), str(NEW_PATH), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert "warning" in result.stderr and "no headings found" in result.stderr
    data = json.loads(result.stdout)
    assert len(data["documents"][0]["sections"]) == 1


def test_usage_errors_exit_2() -> None:
    assert run("report", str(OLD_PATH)).returncode == 2  # only one path
    assert run("report", "--format", "pdf").returncode == 2
    assert run("--no-such-option").returncode == 2


def test_tui_needs_a_terminal() -> None:
    result = run(str(OLD_PATH), str(NEW_PATH))
    assert result.returncode == 2
    assert "needs a terminal" in result.stderr


def test_missing_output_folder(tmp_path: Path) -> None:
    result = run("report", "-o", str(tmp_path / "no" / "such" / "r.md"))
    assert result.returncode == 1
    assert "does not exist" in result.stderr


def test_topics_file_replaces_taxonomy_and_bad_one_fails(tmp_path: Path) -> None:
    mine = tmp_path / "topics.json"
    mine.write_text(
        json.dumps(
            [
                {"key": "farm", "label": "农业", "cap": "4", "terms": ["粮食", "农业", "蔬菜"]},
                {"key": "factory", "label": "工业", "cap": "15", "terms": ["工业", "园区"]},
            ],
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    result = run("report", "--format", "json", "--topics", str(mine))
    assert result.returncode == 0, result.stderr
    assert {t["topic"] for t in json.loads(result.stdout)["topics"]} == {"farm", "factory"}
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    bad = run("report", "--topics", str(broken))
    assert bad.returncode == 1
    assert bad.stderr.count("\n") == 1 and str(broken) in bad.stderr
    assert "Traceback" not in bad.stderr


def test_reports_without_phrases_or_structure_compare_cleanly(tmp_path: Path) -> None:
    # many headings, no slogans, no key terms, the same file twice
    text = "\n".join(f"（{'一二三四五六七八九十'[i % 10]}）标题{i}。正文{i}。" for i in range(300))
    report = tmp_path / "flat.txt"
    report.write_text(text, encoding="utf-8")
    result = run("report", str(report), str(report), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["phrases"] == []
    assert {p["status"] for p in data["alignment"]} == {"matched"}


def test_written_report_has_ordinary_permissions(tmp_path: Path) -> None:
    out = tmp_path / "r.md"
    assert main(["report", "-o", str(out)]) == 0
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask


def test_tui_reports_a_bad_file_before_asking_for_a_terminal(tmp_path: Path) -> None:
    result = run(str(tmp_path / "missing.txt"), str(NEW_PATH))
    assert result.returncode == 1
    assert "no such file" in result.stderr and "terminal" not in result.stderr


def test_indicators_file_replaces_the_codebook(tmp_path: Path) -> None:
    book = tmp_path / "codes.json"
    book.write_text(
        '{"indicators": [{"code": "growth_all", "names": ["地区生产总值"], "units": ["%"]}]}',
        encoding="utf-8",
    )
    result = run("report", "--format", "json", "--indicators", str(book))
    assert result.returncode == 0, result.stderr
    import json

    codes = {r["code"] for r in json.loads(result.stdout)["metrics"]}
    assert codes == {"", "growth_all"}
    missing = run("report", "--indicators", str(tmp_path / "none.json"))
    assert missing.returncode == 1
    assert missing.stderr.strip().endswith("none.json: no such file")
