"""lingdiff benchmark: whole-process timings and peak memory, medians of several runs, as a table.

    .venv/bin/python benchmarks/bench.py [--runs 7]

Measures
- ``lingdiff report --format json`` / markdown on the bundled pair (goal: ≤ 0.3 s, ≤ 120 MB);
- the TUI to first paint (``LINGDIFF_EXIT_AFTER_FIRST_PAINT=1 lingdiff`` in a pseudo-terminal,
  goal ≤ 0.8 s);
- in-process stages on the bundled pair: outline, figures (extraction + linking, goal ≤ 50 ms),
  the whole ``compare`` (goal ≤ 150 ms), and ``compare`` on a pair 20 times larger (goal: about
  20 times the 1× time or less);
- reading a 30-page PDF (goal ≤ 1 s) and a saved web page (goal ≤ 0.1 s): bench_inputs.py.
Peak memory is the child's maximum resident set size, from ``os.wait4``.
"""

from __future__ import annotations

import argparse
import compileall
import os
import pty
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lingdiff.bundled import bundled_pair  # noqa: E402

CN = "一二三四五六七八九"


def cn_numeral(n: int) -> str:
    """Chinese numeral for 1–99 (``十``, ``十一``, ``二十``, ``四十七``)."""
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else CN[tens - 1] + "十")
    return head + (CN[ones - 1] if ones else "")


def enlarge(text: str, copies: int) -> str:
    """``copies`` copies of a report, its parts renumbered so every part stays distinct.

    The front matter (before the first part) is kept once; copy ``k`` has its parts
    ``一、二、三、`` renumbered ``3k+1`` … so the outline sees one long report.
    """
    first = re.search(r"^一、", text, flags=re.M)
    if not first:
        raise ValueError("the report has no part 一、")
    front, body = text[: first.start()], text[first.start() :]
    parts = re.findall(r"^([一二三四五六七八九十]+)、", body, flags=re.M)
    out = [front]
    for k in range(copies):
        out.append(
            re.sub(
                r"^([一二三四五六七八九十]+)、",
                lambda m, k=k: cn_numeral(k * len(parts) + parts.index(m.group(1)) + 1) + "、",
                body,
                flags=re.M,
            )
        )
    return "\n".join(out)


def lingdiff_exe() -> list[str]:
    exe = Path(sys.executable).with_name("lingdiff")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "lingdiff.cli"]


def run_process(cmd: list[str], env: dict[str, str] | None = None, tty: bool = False):
    """Run once; return (seconds, peak RSS in MB, exit status)."""
    start = time.perf_counter()
    if env and env.get("LINGDIFF_FIRST_PAINT_FILE"):
        Path(env["LINGDIFF_FIRST_PAINT_FILE"]).unlink(missing_ok=True)
    wall_start = time.time()
    if tty:
        master, slave = pty.openpty()
        proc = subprocess.Popen(cmd, stdin=slave, stdout=slave, stderr=slave, env=env)
        os.close(slave)
        # drain the terminal output so the app never blocks on a full pty buffer
        while True:
            try:
                if not os.read(master, 65536):
                    break
            except OSError:
                break
        _, status, usage = os.wait4(proc.pid, 0)
        os.close(master)
    else:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if env and env.get("LINGDIFF_FIRST_PAINT_FILE"):
        # time to the first painted screen, without the app's shutdown
        painted = float(Path(env["LINGDIFF_FIRST_PAINT_FILE"]).read_text(encoding="utf-8"))
        elapsed = painted - wall_start
    return elapsed, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def measure(label: str, cmd: list[str], runs: int, goal: str, **kw) -> list[str]:
    times, peaks = [], []
    for _ in range(runs):
        t, peak, code = run_process(cmd, **kw)
        if code != 0:
            return [label, "failed", f"exit {code}", "", "", goal]
        times.append(t)
        peaks.append(peak)
    return [
        label,
        f"{statistics.median(times) * 1000:.0f} ms",
        f"{min(times) * 1000:.0f} ms",
        f"{max(times) * 1000:.0f} ms",
        f"{max(peaks):.0f} MB",
        goal,
    ]


def timed(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    samples = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t0)
    return statistics.median(samples), min(samples)


def in_process_rows(runs: int) -> list[list[str]]:
    from lingdiff.compare import compare
    from lingdiff.figures import extract_observations, link_observations
    from lingdiff.load import read_text
    from lingdiff.outline import parse_document
    from lingdiff.reading import load_document

    old_path, new_path = bundled_pair()
    old_raw, new_raw = read_text(old_path), read_text(new_path)
    old, new = load_document(old_path, "old"), load_document(new_path, "new")
    compare(old, new)  # warm caches (taxonomy, regexes) as a long-running TUI would

    def outline() -> None:
        parse_document(old_raw, key="old")
        parse_document(new_raw, key="new")

    def figures() -> None:
        link_observations(extract_observations(old), extract_observations(new))

    rows = []
    for label, fn, goal in (
        ("outline (both reports)", outline, ""),
        ("figures: extract + link", figures, "≤ 50 ms"),
        ("compare (1×)", lambda: compare(old, new), "≤ 150 ms"),
    ):
        med, low = timed(fn, runs)
        rows.append([label, f"{med * 1000:.1f} ms", f"{low * 1000:.1f} ms", "", "", goal])
    one = timed(lambda: compare(old, new), runs)[0]
    big_old = parse_document(enlarge(old_raw, 20), key="old")
    big_new = parse_document(enlarge(new_raw, 20), key="new")
    med, low = timed(lambda: compare(big_old, big_new), max(3, runs // 2))
    rows.append(
        [
            f"compare (20×, {len(big_old.text) + len(big_new.text):,} chars)",
            f"{med * 1000:.0f} ms",
            f"{low * 1000:.0f} ms",
            "",
            f"{med / one:.1f}× the 1× time",
            "≤ ~20×",
        ]
    )
    return rows


def table(rows: list[list[str]]) -> str:
    head = ["case", "median", "min", "max", "peak memory / note", "goal"]
    widths = [max(len(str(r[i])) for r in [head, *rows]) for i in range(len(head))]

    def line(row: list[str]) -> str:
        return "| " + " | ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)) + " |"

    sep = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(head), sep, *(line(r) for r in rows)])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="runs per case (median reported)")
    parser.add_argument("--no-tui", action="store_true", help="skip the first-paint case")
    args = parser.parse_args()
    exe = lingdiff_exe()
    # Measure what an installed lingdiff does: bytecode compiled once (pip does this at install
    # time), not recompiled from source on every start.
    compileall.compile_dir(str(ROOT / "lingdiff"), quiet=1)
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    env = {**os.environ, "LINGDIFF_EXIT_AFTER_FIRST_PAINT": "1", "TERM": "xterm-256color"}
    env["COLUMNS"], env["LINES"] = "160", "48"
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        os.chdir(tmp)
        rows.append(
            measure(
                "lingdiff report --format json",
                [*exe, "report", "--format", "json"],
                args.runs,
                "≤ 300 ms, ≤ 120 MB",
            )
        )
        rows.append(measure("lingdiff report (markdown)", [*exe, "report"], args.runs, ""))
        if not args.no_tui:
            painted = {**env, "LINGDIFF_FIRST_PAINT_FILE": str(Path(tmp) / "painted")}
            rows.append(
                measure(
                    "lingdiff (TUI) to first paint",
                    exe,
                    args.runs,
                    "≤ 800 ms",
                    env=painted,
                    tty=True,
                )
            )
            rows.append(
                measure(
                    "lingdiff (TUI) start, paint and exit", exe, args.runs, "", env=env, tty=True
                )
            )
    rows.extend(in_process_rows(args.runs))
    from bench_inputs import input_rows  # PDF and web-page reading (benchmarks/bench_inputs.py)

    rows.extend(input_rows(args.runs))
    print(
        f"lingdiff benchmark — {os.cpu_count()} cores, Python {sys.version.split()[0]}, "
        f"{args.runs} runs per case"
    )
    print(table(rows))
    if shutil.which("lingdiff") is None and not Path(exe[0]).exists():
        print("(lingdiff is not installed as a command; timed `python -m lingdiff.cli`)")


if __name__ == "__main__":
    main()
