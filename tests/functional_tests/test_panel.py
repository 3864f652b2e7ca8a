"""`lingdiff panel`: one long table, failures that never stop a run, resume, Parquet, Dask."""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import pytest

from lingdiff.panel import PANEL_COLUMNS, panel
from tests.helpers import CORPUS, run_cli

PROVINCES = CORPUS / "provinces"
NO_YEAR = "各位代表：\n现在，我代表县人民政府作报告。\n一、工作回顾\n地区生产总值增长5%。\n"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return run_cli("panel", *args, timeout=300)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Four provincial reports (two .docx, two .txt) and three bad files."""
    if not PROVINCES.is_dir():
        pytest.skip(f"shared corpus not available ({PROVINCES})")
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    for name in ("2025/2025年浙江省政府工作报告.docx", "2025/2025年福建省政府工作报告.docx"):
        shutil.copy(PROVINCES / name, root / Path(name).name)
    for name in ("2026/2026年浙江省政府工作报告.txt", "2026/2026年福建省政府工作报告.txt"):
        shutil.copy(PROVINCES / name, root / "sub" / Path(name).name)
    (root / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    (root / "empty.txt").write_bytes(b"")
    (root / "noyear.txt").write_text(NO_YEAR, encoding="utf-8")
    return root


def test_panel_csv_failures_and_pandas(folder: Path, tmp_path: Path) -> None:
    out, fails = tmp_path / "panel.csv", tmp_path / "failed.csv"
    result = run(str(folder), "-j", "2", "-o", str(out), "--failures", str(fails))
    assert result.returncode == 0, result.stderr
    assert "3 of 7 files failed" in result.stderr
    failures = {Path(r["source"]).name: r["reason"] for r in csv.DictReader(fails.open())}
    assert failures["empty.txt"] == "the file is empty"
    assert failures["noyear.txt"].startswith("no year found in the report")
    assert "photo.png" in failures
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert tuple(rows[0]) == PANEL_COLUMNS
    by_file = {(r["place"], r["report_year"]) for r in rows}
    assert by_file == {
        ("浙江省", "2025"),
        ("浙江省", "2026"),
        ("福建省", "2025"),
        ("福建省", "2026"),
    }
    assert {r["level"] for r in rows} == {"province"}
    assert all(len(r["sha256"]) == 64 for r in rows)
    pd = pytest.importorskip("pandas")
    frame = pd.read_csv(out)
    assert str(frame["value"].dtype) == "float64" and str(frame["report_year"].dtype) == "int64"
    assert str(frame["start"].dtype) == "int64" and len(frame) == len(rows)


def test_panel_same_rows_in_process_and_on_a_pool(folder: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one.csv", tmp_path / "two.csv"
    assert run(str(folder), "-j", "1", "-o", str(one)).returncode == 0
    assert run(str(folder), "-j", "3", "-o", str(two)).returncode == 0
    assert one.read_bytes() == two.read_bytes()
    api = panel([folder])
    assert len(api.rows) == one.read_text(encoding="utf-8").count("\n") - 1 or api.rows
    assert {Path(f.source).name for f in api.failures} == {"photo.png", "empty.txt", "noyear.txt"}


def test_panel_resume_skips_files_already_done(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "panel.csv"
    first = run(str(folder / "sub"), "-o", str(out), "-j", "1")
    assert first.returncode == 0
    before = out.read_text(encoding="utf-8")
    again = run(str(folder), "-o", str(out), "--resume", "-j", "1")
    assert again.returncode == 0 and "2 already done" in again.stderr
    after = out.read_text(encoding="utf-8")
    assert after.startswith(before)
    full = tmp_path / "full.csv"
    assert run(str(folder), "-o", str(full), "-j", "1").returncode == 0
    assert sorted(after.splitlines()) == sorted(full.read_text(encoding="utf-8").splitlines())
    refused = run(str(folder), "-o", str(out))
    assert refused.returncode == 1 and "already exists" in refused.stderr
    other = tmp_path / "other.csv"
    other.write_text("a,b\n1,2\n", encoding="utf-8")
    foreign = run(str(folder), "-o", str(other), "--resume")
    assert foreign.returncode == 1 and "cannot resume it" in foreign.stderr
    assert other.read_text(encoding="utf-8") == "a,b\n1,2\n"


def test_panel_manifest_overrides_place(folder: Path, tmp_path: Path) -> None:
    manifest = tmp_path / "m.csv"
    manifest.write_text(
        "path,place,place_code,level\nin/sub/2026年浙江省政府工作报告.txt,浙江,330000,province\n",
        encoding="utf-8",
    )
    out = tmp_path / "p.csv"
    assert run(str(folder / "sub"), "--manifest", str(manifest), "-o", str(out)).returncode == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    codes = {(r["place"], r["place_code"]) for r in rows}
    assert codes == {("浙江", "330000"), ("福建省", "")}


def test_panel_refuses_what_it_cannot_write(folder: Path, tmp_path: Path) -> None:
    bad = run(str(folder), "-o", str(tmp_path / "p.xlsx"))
    assert bad.returncode == 2 and ".csv or .parquet" in bad.stderr
    onto_input = folder / "sub" / "2026年浙江省政府工作报告.txt"
    onto_input_csv = onto_input.with_suffix(".csv")
    shutil.copy(onto_input, onto_input_csv)
    clash = run(str(folder / "sub"), "-o", str(onto_input_csv), "--force")
    assert clash.returncode == 1 and "is an input of this comparison" in clash.stderr
    nothing = run(str(tmp_path / "missing"), "-o", str(tmp_path / "x.csv"))
    assert nothing.returncode == 1


def test_panel_parquet(folder: Path, tmp_path: Path) -> None:
    pq = pytest.importorskip(
        "pyarrow.parquet", reason="the parquet extra (pyarrow) is not installed"
    )
    out = tmp_path / "p.parquet"
    assert run(str(folder / "sub"), "-o", str(out)).returncode == 0
    table = pq.read_table(out)
    assert table.column_names == list(PANEL_COLUMNS)
    assert str(table.schema.field("value").type) == "double"
    again = run(str(folder), "-o", str(out), "--resume")
    assert again.returncode == 0 and "2 already done" in again.stderr
    assert pq.read_table(out).num_rows > table.num_rows


def test_panel_on_a_dask_cluster_gives_identical_rows(folder: Path, tmp_path: Path) -> None:
    distributed = pytest.importorskip(
        "dask.distributed", reason="the dask extra (dask.distributed) is not installed"
    )
    local = tmp_path / "local.csv"
    assert run(str(folder), "-j", "1", "-o", str(local)).returncode == 0
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True) as cluster:
        on_dask = tmp_path / "dask.csv"
        result = run(str(folder), "--dask", cluster.scheduler_address, "-o", str(on_dask))
    assert result.returncode == 0, result.stderr
    assert on_dask.read_bytes() == local.read_bytes()


def test_panel_api_takes_globs(folder: Path) -> None:
    result = panel([str(folder / "**" / "*.txt")])
    sources = {Path(r["source"]).name for r in result.records()}
    assert sources == {"2026年浙江省政府工作报告.txt", "2026年福建省政府工作报告.txt"}
    assert {Path(f.source).name for f in result.failures} == {"empty.txt", "noyear.txt"}


def test_a_panel_never_replaces_a_file_that_appeared_during_the_run(
    folder: Path, tmp_path: Path
) -> None:
    from lingdiff.errors import OutputError
    from lingdiff.panel_run import run_panel

    out = tmp_path / "panel.csv"
    seen: list[int] = []

    def squat(done: int) -> None:  # another program takes the name while files are read
        seen.append(done)
        if not out.exists():
            out.write_text("someone else's file\n", encoding="utf-8")

    paths = sorted(p for p in folder.rglob("*") if p.is_file())
    with pytest.raises(OutputError, match="appeared there while the panel was made"):
        run_panel(paths, out, fmt="csv", jobs=1, replace=False, progress=squat)
    assert seen and out.read_text(encoding="utf-8") == "someone else's file\n"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".panel.csv.")]
    run_panel(paths, out, fmt="csv", jobs=1, replace=True)
    assert out.read_text(encoding="utf-8").startswith("place,")
