"""Benchmark rows for reading published formats: a 30-page PDF report (goal ≤ 1 s) and a
saved web page (goal ≤ 0.1 s). Called from bench.py; runnable alone:

    .venv/bin/python benchmarks/bench_inputs.py [--runs 7]

Both files are built from the bundled reports' text (the PDF with reportlab, a test extra).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lingdiff.bundled import bundled_pair  # noqa: E402

CHARS_PER_PAGE = 1250
"""Characters of report text on one A4 page of tests/report_files.write_pdf (12 pt)."""


def _median_min(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    samples = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t0)
    return statistics.median(samples), min(samples)


def input_rows(runs: int) -> list[list[str]]:
    """Rows ``[case, median, min, max, note, goal]`` for the PDF and the HTML reader."""
    from lingdiff.load import read_source
    from tests.report_files import write_html, write_pdf

    old_path, new_path = bundled_pair()
    text = (old_path.read_text("utf-8") + "\n" + new_path.read_text("utf-8")) * 2
    text = text[: text.rfind("\n", 0, 30 * CHARS_PER_PAGE)]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        os.chdir(tmp)  # reportlab reads the working directory, which bench.py may have removed
        pdf = Path(tmp) / "report.pdf"
        pages = write_pdf(text, pdf)
        page = Path(tmp) / "report.html"
        write_html(new_path.read_text("utf-8"), page, encoding="gb18030", charset="gb2312")
        for label, path, note, goal in (
            (f"read a {pages}-page PDF", pdf, f"{pdf.stat().st_size // 1024} KB", "≤ 1 s"),
            ("read a web page (GB2312)", page, f"{page.stat().st_size // 1024} KB", "≤ 100 ms"),
        ):
            t0 = time.perf_counter()
            read_source(path)  # the first read imports PDFium / lxml
            first = time.perf_counter() - t0
            med, low = _median_min(lambda p=path: read_source(p), runs)
            rows.append(
                [
                    label,
                    f"{med * 1000:.1f} ms",
                    f"{low * 1000:.1f} ms",
                    "",
                    f"{note}; first read {first * 1000:.0f} ms",
                    goal,
                ]
            )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="runs per case (median reported)")
    for row in input_rows(parser.parse_args().runs):
        print(" | ".join(row))


if __name__ == "__main__":
    main()
