"""Provenance in every output: file name, size and sha256 of each input, sidecar or --meta
metadata, the markdown Sources section, and the two sources as BibTeX and CSL-JSON."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from lingdiff.cli import main
from lingdiff.errors import LoadError
from lingdiff.load.meta import read_meta
from tests.helpers import NEW_PATH, OLD_PATH

META = {
    "url": "http://www.example.gov.cn/art/2020/1/15/art_1.html",
    "publisher": "永州市零陵区发展和改革局",
    "date": "2020-01-15",
    "title": "关于零陵区2019年计划执行情况及2020年计划草案的报告",
    "ignored": {"nested": True},
}


@pytest.fixture
def reports(tmp_path: Path) -> tuple[Path, Path]:
    old = tmp_path / "old.txt"
    new = tmp_path / "new.txt"
    shutil.copy(OLD_PATH, old)
    shutil.copy(NEW_PATH, new)
    (tmp_path / "old.meta.json").write_text(json.dumps(META, ensure_ascii=False), "utf-8")
    return old, new


def _report(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["report", *args]) == 0
    return capsys.readouterr().out


def test_json_carries_name_size_sha256_and_sidecar(reports, capsys) -> None:
    old, new = reports
    data = json.loads(_report(capsys, str(old), str(new), "--format", "json"))
    source = data["documents"][0]["source"]
    assert source == {
        "name": "old.txt",
        "size": old.stat().st_size,
        "sha256": hashlib.sha256(old.read_bytes()).hexdigest(),
        "format": "txt",
        "encoding": "utf-8",
        "title": META["title"],
        "publisher": META["publisher"],
        "date": META["date"],
        "url": META["url"],
    }
    assert data["documents"][1]["source"]["url"] is None


def test_markdown_ends_with_sources(reports, capsys) -> None:
    old, new = reports
    text = _report(capsys, str(old), str(new))
    sources = text[text.index("## Sources") :]
    assert text.rstrip().endswith(sources.rstrip())
    digest = hashlib.sha256(new.read_bytes()).hexdigest()
    assert f"File `new.txt` (txt, {new.stat().st_size} bytes), SHA-256 `{digest}`." in sources
    assert (
        "永州市零陵区发展和改革局, 2020-01-15. http://www.example.gov.cn/art/2020/1/15/art"
        in sources
    )


def test_meta_option_names_the_files(reports, tmp_path, capsys) -> None:
    old, new = reports
    meta_new = tmp_path / "n.json"
    meta_new.write_text('{"publisher": "零陵区人民政府", "date": "2026年1月"}', "utf-8")
    meta_old = str(tmp_path / "old.meta.json")
    out = _report(
        capsys, str(old), str(new), "-f", "csl-json", "--meta", meta_old, "--meta", str(meta_new)
    )
    items = json.loads(out)
    assert [i["type"] for i in items] == ["report", "report"]
    assert items[0]["URL"] == META["url"] and items[0]["issued"] == {"date-parts": [[2020, 1, 15]]}
    assert items[1]["publisher"] == "零陵区人民政府"
    assert items[1]["issued"] == {"date-parts": [[2026, 1]]}
    assert hashlib.sha256(new.read_bytes()).hexdigest() in items[1]["note"]


def test_bibtex(reports, capsys) -> None:
    old, new = reports
    out = _report(capsys, str(old), str(new), "--format", "bibtex")
    entries = out.split("\n\n")
    assert entries[0].startswith("@techreport{lingdiff-old-")
    assert "  institution = {永州市零陵区发展和改革局},\n" in entries[0]
    assert "  year = {2020},\n  month = {1},\n" in entries[0]
    assert f"  url = {{{META['url']}}},\n" in entries[0]
    assert "  year = {2026},\n" in entries[1]  # no metadata: the plan year
    assert out.count("{") == out.count("}")


def test_csv_names_each_figure_source(reports, capsys) -> None:
    import csv
    import io

    old, new = reports
    rows = list(csv.DictReader(io.StringIO(_report(capsys, str(old), str(new), "-f", "csv"))))
    assert {r["source_file"] for r in rows} == {"old.txt", "new.txt"}
    texts = {"old.txt": old.read_text("utf-8"), "new.txt": new.read_text("utf-8")}
    for r in rows:
        assert texts[r["source_file"]][int(r["source_start"]) : int(r["source_end"])] == r["quote"]


@pytest.mark.parametrize(
    ("content", "message"),
    [("[1, 2]", "a JSON object"), ("{", "not valid JSON"), ('{"url": [1]}', "must be text")],
)
def test_bad_metadata_is_one_line(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "m.json"
    path.write_text(content, "utf-8")
    with pytest.raises(LoadError, match=message):
        read_meta(path)


def test_too_many_meta_options_is_a_usage_error(capsys) -> None:
    assert main(["report", "--meta", "a", "--meta", "b", "--meta", "c"]) == 2
