"""The report cache: a stored report is used only when everything it was made from is the
same; a corrupt or foreign entry is ignored and rewritten; the folder stays bounded."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from lingdiff import cache
from lingdiff.cli import main
from tests.helpers import NEW_PATH, OLD_PATH

OLD = "某区政府工作报告\n一、2019年工作回顾\n地区生产总值增长6%。\n"
NEW = "某区政府工作报告\n一、2020年工作回顾\n地区生产总值增长5%。\n"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("LINGDIFF_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    return old, new


def report(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["report", *args]) == 0
    return capsys.readouterr().out


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*" + cache.SUFFIX)) if folder.is_dir() else []


def plant(path: Path, key: str, body: str, magic: str = cache.MAGIC, count: str = "0") -> None:
    """Write an entry the way the cache does, with header fields overridable."""
    data = body.encode()
    head = f"{magic} {key} {hashlib.sha256(data).hexdigest()} {count}"
    path.write_bytes(head.encode() + b"\n" + data)


def test_the_second_run_reads_the_stored_report(folder, pair, capsys) -> None:
    fresh = report(capsys, *map(str, pair), "-f", "json", "--no-cache")
    assert entries(folder) == []  # --no-cache stores nothing
    assert report(capsys, *map(str, pair), "-f", "json") == fresh
    [entry] = entries(folder)
    # the stored text is what the next run prints: replace it (validly) and see it come back
    plant(entry, entry.name.removesuffix(cache.SUFFIX), "stored\n")
    assert report(capsys, *map(str, pair), "-f", "json") == "stored\n"
    assert report(capsys, *map(str, pair), "-f", "json", "--no-cache") == fresh


def test_another_format_input_or_taxonomy_is_another_entry(folder, pair, tmp_path, capsys) -> None:
    old, new = map(str, pair)
    report(capsys, old, new)
    report(capsys, old, new, "-f", "csv")
    assert len(entries(folder)) == 2
    pair[1].write_text(NEW + "二、任务\n", encoding="utf-8")
    assert "任务" in report(capsys, old, new)
    topics = tmp_path / "topics.json"
    topics.write_text('[{"key": "growth", "label": "增长", "terms": ["增长"]}]', encoding="utf-8")
    report(capsys, old, new, "--topics", str(topics))
    assert len(entries(folder)) == 4
    topics.write_text('[{"key": "growth", "label": "发展", "terms": ["增长"]}]', encoding="utf-8")
    assert "发展" in report(capsys, old, new, "--topics", str(topics))


@pytest.mark.parametrize(
    "spoil",
    [
        lambda p, k: p.write_bytes(p.read_bytes()[:-20]),  # truncated
        lambda p, k: p.write_bytes(p.read_bytes().replace(b"schema", b"scheme")),  # edited
        lambda p, k: p.write_bytes(b"\x80\x81 not json\n{}"),  # garbage
        lambda p, k: plant(p, k, "old\n", magic="lingdiff-cache/0"),  # another format
        lambda p, k: plant(p, "0" * 64, "other\n"),  # another key
        lambda p, k: plant(p, k, "x\n", count="two"),  # malformed header
        lambda p, k: plant(p, k, "x\n", count="2"),  # fewer lines than it says
    ],
)
def test_a_corrupt_or_foreign_entry_is_ignored_and_rewritten(folder, pair, capsys, spoil) -> None:
    fresh = report(capsys, *map(str, pair), "-f", "json", "--no-cache")
    report(capsys, *map(str, pair), "-f", "json")
    [entry] = entries(folder)
    spoil(entry, entry.name.removesuffix(cache.SUFFIX))
    assert report(capsys, *map(str, pair), "-f", "json") == fresh
    assert cache.read_entry(entry.name.removesuffix(cache.SUFFIX)) == (fresh, [])


def test_the_folder_keeps_the_most_recently_used_entries(folder) -> None:
    for n in range(5):
        cache.write_entry(f"{n:064x}", "x" * 1000)
        os.utime(folder / f"{n:064x}{cache.SUFFIX}", (n, n))
    assert cache.read_entry(f"{0:064x}") == ("x" * 1000, [])  # used now: the newest
    assert cache.trim(str(folder), max_entries=3) == 2
    left = {p.name[:64] for p in entries(folder)}
    assert left == {f"{n:064x}" for n in (0, 3, 4)}
    assert cache.trim(str(folder), max_bytes=2500) == 1
    assert {p.name[:64] for p in entries(folder)} == {f"{n:064x}" for n in (0, 4)}


def test_cache_info_and_clear(folder, pair, capsys) -> None:
    report(capsys, *map(str, pair))
    (folder / "notes.txt").write_text("not an entry", encoding="utf-8")
    assert main(["cache", "info"]) == 0
    assert capsys.readouterr().out.startswith(f"{folder}: 1 cached reports, ")
    assert main(["cache", "clear"]) == 0
    assert capsys.readouterr().out.startswith("lingdiff: removed 1 cached reports")
    assert entries(folder) == [] and (folder / "notes.txt").exists()
    with pytest.raises(SystemExit) as exc:
        main(["cache", "drop"])
    assert exc.value.code == 2


def test_the_cache_folder_follows_xdg(monkeypatch, tmp_path) -> None:
    monkeypatch.delenv("LINGDIFF_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.cache_dir() == str(tmp_path / "lingdiff")
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/ignored")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache.cache_dir() == str(tmp_path / "home" / ".cache" / "lingdiff")


def test_an_unwritable_cache_folder_only_means_no_cache(tmp_path, monkeypatch, capsys) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("LINGDIFF_CACHE_DIR", str(blocker / "cache"))
    assert report(capsys, str(OLD_PATH), str(NEW_PATH), "-f", "csv").startswith("row_id")


def test_warnings_are_repeated_from_the_cache(folder, pair, capsys) -> None:
    cache.write_entry("f" * 64, "report\n", ["a.txt: first\nwarning", "b.txt: second"])
    assert cache.read_entry("f" * 64) == ("report\n", ["a.txt: first warning", "b.txt: second"])


@pytest.mark.parametrize(
    "argv",
    [
        ["a", "b", "-f", "json", "-o", "x.json", "--force", "--no-cache", "--topics", "t.json"],
        ["--format", "csv", "a", "b", "--output", "x.csv"],
        [],
    ],
)
def test_plain_report_arguments_read_as_argparse_reads_them(argv: list[str]) -> None:
    from lingdiff.cli_args import quick_report_args, report_parser

    assert vars(quick_report_args(argv)) == vars(report_parser().parse_args(argv))


@pytest.mark.parametrize(
    "argv", [["--format=json"], ["-fjson"], ["--form", "json"], ["-f", "pdf"], ["a", "b", "c"]]
)
def test_other_report_arguments_are_left_to_argparse(argv: list[str]) -> None:
    from lingdiff.cli_args import quick_report_args

    assert quick_report_args(argv) is None


def test_special_files_are_never_read_for_a_key(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    for path in ("/dev/zero", str(fifo), str(tmp_path)):
        with pytest.raises(OSError):
            cache.cache_key((path, path), "md", (None, None))
        with pytest.raises(OSError):
            cache.cache_key((str(OLD_PATH), str(NEW_PATH)), "md", (path, None))


def test_the_option_files_contents_are_part_of_the_key(tmp_path: Path) -> None:
    codebook = tmp_path / "indicators.json"
    codebook.write_text("[]", encoding="utf-8")
    inputs = (str(OLD_PATH), str(NEW_PATH))
    packaged = cache.cache_key(inputs, "json", (None, None))
    first = cache.cache_key(inputs, "json", (None, str(codebook)))
    codebook.write_text("[ ]", encoding="utf-8")
    second = cache.cache_key(inputs, "json", (None, str(codebook)))
    as_topics = cache.cache_key(inputs, "json", (str(codebook), None))
    assert len({packaged, first, second, as_topics}) == 4
    assert second == cache.cache_key(inputs, "json", (None, str(codebook)))


def test_a_provenance_sidecar_is_part_of_the_key_and_stdin_is_never_cached(
    folder, pair, capsys, monkeypatch
) -> None:
    import io
    import sys

    old, new = map(str, pair)
    report(capsys, old, new, "-f", "bibtex")
    sidecar = pair[0].with_suffix(".meta.json")
    sidecar.write_text('{"publisher": "测试区人民政府"}', encoding="utf-8")
    assert "测试区人民政府" in report(capsys, old, new, "-f", "bibtex")
    assert len(entries(folder)) == 2
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(OLD.encode())))
    report(capsys, "-", new, "-f", "bibtex")
    assert len(entries(folder)) == 2


def test_a_report_larger_than_the_cache_is_written_but_not_kept(
    folder, pair, capsys, monkeypatch
) -> None:
    whole = report(capsys, *map(str, pair), "-f", "json", "--no-cache")
    monkeypatch.setattr(cache, "MAX_BYTES", len(whole.encode()) - 1)
    assert report(capsys, *map(str, pair), "-f", "json") == whole
    assert entries(folder) == []
    monkeypatch.setattr(cache, "MAX_BYTES", len(whole.encode()))
    assert report(capsys, *map(str, pair), "-f", "json") == whole
    assert len(entries(folder)) == 1
    assert cache.read_entry(entries(folder)[0].name.removesuffix(cache.SUFFIX)) == (whole, [])
