"""Benchmark rows for ``lingdiff panel`` and ``lingdiff series`` (whole processes).

    .venv/bin/python benchmarks/bench_series.py [--runs 3]

:func:`series_rows` returns rows in the shape of ``bench.py``'s table (case, median, min, max,
peak memory / note, goal), so the main benchmark can append them:

- ``lingdiff panel`` over the 50 provincial reports (25 .docx, 25 .txt) with ``-j 1`` and
  ``-j 2``: reports per second (goal ≥ 15 reports/s per core, ≤ 200 MB per process);
- ``lingdiff series`` over the 13 national reports (goal < 2 s for the whole process).

The peak memory is the largest resident set of the process or any of its workers (``wait4``).
Rows say "skipped" when the shared corpus is not beside the repository.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"


def _exe() -> list[str]:
    exe = Path(sys.executable).with_name("lingdiff")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "lingdiff.cli"]


def _run(cmd: list[str]) -> tuple[float, float, int]:
    """Run once: (seconds, peak RSS in MB of the process or any worker, exit status)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    return time.perf_counter() - start, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def _measure(cmd: list[str], runs: int) -> tuple[list[float], float] | None:
    times, peak = [], 0.0
    for _ in range(runs):
        seconds, rss, code = _run(cmd)
        if code != 0:
            return None
        times.append(seconds)
        peak = max(peak, rss)
    return times, peak


def panel_rows(runs: int) -> list[list[str]]:
    """``lingdiff panel`` over the provincial reports, one row per ``-j``."""
    files = sorted((CORPUS / "provinces").rglob("*.*"))
    if not files:
        return [
            ["lingdiff panel (provinces)", "skipped", "", "", "no corpus", "≥ 15 reports/s/core"]
        ]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for jobs in (1, 2):
            out = Path(tmp) / f"panel-{jobs}.csv"
            cmd = [*_exe(), "panel", str(CORPUS / "provinces"), "-j", str(jobs), "-o", str(out)]
            cmd += ["--force", "--no-progress"]
            label = f"lingdiff panel, {len(files)} provincial reports, -j {jobs}"
            got = _measure(cmd, runs)
            if got is None:
                rows.append([label, "failed", "", "", "", ""])
                continue
            times, peak = got
            rate = len(files) / statistics.median(times)
            note = f"{rate:.1f} reports/s ({rate / jobs:.1f}/core), {peak:.0f} MB"
            rows.append(
                [label, *(f"{t * 1000:.0f} ms" for t in _stats(times)), note, "≥ 15/s/core"]
            )
    return rows


def _stats(times: list[float]) -> tuple[float, float, float]:
    return statistics.median(times), min(times), max(times)


def series_run_rows(runs: int) -> list[list[str]]:
    """``lingdiff series`` over the national reports (markdown to a null stdout)."""
    folder = CORPUS / "national"
    label = "lingdiff series, 13 national reports"
    if not folder.is_dir():
        return [[label, "skipped", "", "", "no corpus", "< 2 s"]]
    got = _measure([*_exe(), "series", str(folder)], runs)
    note = ""
    if got is None:  # until every report's year is read right: the 12 that are
        files = [str(p) for p in sorted(folder.glob("*.txt")) if not p.stem.endswith("2013")]
        got = _measure([*_exe(), "series", *files], runs)
        label, note = "lingdiff series, 12 national reports", "2013 refused (year); "
    if got is None:
        return [[label, "failed", "", "", "", "< 2 s"]]
    times, peak = got
    row = [label, *(f"{t * 1000:.0f} ms" for t in _stats(times)), f"{note}{peak:.0f} MB", "< 2 s"]
    return [row]


def series_rows(runs: int = 3) -> list[list[str]]:
    """All rows of this benchmark."""
    return panel_rows(runs) + series_run_rows(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    for row in series_rows(args.runs):
        print(" | ".join(row))


if __name__ == "__main__":
    main()
