"""TUI timings, as a user feels them: rows for the benchmark table (see :func:`tui_rows`).

Each case runs the real ``lingdiff`` process in a pseudo-terminal (80×24 is not special: the
size is given) and reads what it writes:

- *first paint*: from the process start to the first screen showing the comparison (the app
  writes the wall-clock time of that paint to ``LINGDIFF_FIRST_PAINT_FILE``);
- *first visit of a tab*, *a key*: from writing the key to the terminal to the last byte of
  the screen update it causes (the output is read until it has been quiet for a while; the
  quiet time is not counted);
- *quit*: from writing ``q`` to the end of the process.

Animations are off (``TEXTUAL_ANIMATIONS=none``), so a number is the work, not a tween.
As in ``bench.py``: the tree's bytecode is compiled first (as pip does at install time) and
written, one session is run as a warm-up and not counted, and every session is paired with
a bare ``python -c pass`` whose median gives the first paint's ratio. Run alone with
``python benchmarks/bench_tui.py [--runs N] [--tree PATH]`` (``--tree`` measures another
checkout: before and after a change); ``bench.py`` adds these rows to its table.
"""

from __future__ import annotations

import argparse
import compileall
import os
import pty
import select
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
QUIET = 0.25
"""Seconds without output after which a screen update is taken as finished."""
SETTLE = 1.5
"""Seconds given after the first paint for the tabs to be built in the background."""


def _exe() -> list[str]:
    """This tree's lingdiff, started as the console script would start it."""
    if (ROOT / "lingdiff" / "__main__.py").exists():
        return [sys.executable, "-m", "lingdiff"]
    return [sys.executable, "-m", "lingdiff.cli"]


def _bare_start() -> float:
    """Seconds of a bare ``python -c pass`` (the yardstick of the first paint)."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    return time.perf_counter() - start


class Session:
    """One ``lingdiff`` process in a pseudo-terminal."""

    def __init__(self, args: Sequence[str], size: tuple[int, int], stamp: Path) -> None:
        env = {
            **os.environ,
            "TERM": "xterm-256color",
            "COLUMNS": str(size[0]),
            "LINES": str(size[1]),
            "TEXTUAL_ANIMATIONS": "none",
            "LINGDIFF_FIRST_PAINT_FILE": str(stamp),
            "PYTHONPATH": str(ROOT),
        }
        env.pop("LINGDIFF_EXIT_AFTER_FIRST_PAINT", None)
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: bytecode compiled and used
        stamp.unlink(missing_ok=True)
        self.stamp = stamp
        self.master, slave = pty.openpty()
        os.set_blocking(self.master, False)
        self.started = time.time()
        self.proc = subprocess.Popen(
            [*_exe(), *args], stdin=slave, stdout=slave, stderr=slave, env=env, cwd=ROOT
        )
        os.close(slave)

    def drain(self, quiet: float = QUIET, limit: float = 20.0, first: float = 0.0) -> float | None:
        """Read output until it has been quiet for ``quiet`` s (waiting up to ``first`` s for
        its first byte); the time of its last byte."""
        last = None
        end = time.perf_counter() + limit
        while time.perf_counter() < end:
            wait = max(quiet, first) if last is None else quiet
            ready, _, _ = select.select([self.master], [], [], wait)
            if not ready:
                return last
            try:
                data = os.read(self.master, 65536)
            except OSError:
                return last
            if not data:
                return last
            last = time.perf_counter()
        return last

    def first_paint(self, limit: float = 20.0) -> float:
        """Seconds from the start of the process to its first screen with content."""
        end = time.time() + limit
        while not self.stamp.exists() or not self.stamp.read_text(encoding="utf-8").strip():
            self.drain(0.01, 0.05)
            if time.time() > end or self.proc.poll() is not None:
                raise RuntimeError("the TUI never painted")
        return float(self.stamp.read_text(encoding="utf-8")) - self.started

    def key(self, key: bytes) -> float:
        """Seconds from typing ``key`` to the end of the screen update it causes."""
        self.drain(0.05)
        sent = time.perf_counter()
        os.write(self.master, key)
        last = self.drain(first=5.0)
        return (last - sent) if last is not None else float("nan")

    def quit(self) -> float:
        """Seconds from typing ``q`` to the end of the process."""
        self.drain(0.05)
        sent = time.perf_counter()
        os.write(self.master, b"q")
        while self.proc.poll() is None:
            self.drain(0.005, 0.01)
        took = time.perf_counter() - sent
        os.close(self.master)
        return took


KEYS = {
    "Sections: j (next section)": b"j",
    "Sections: n (next change)": b"n",
    "Sections: c (changes only)": b"c",
    "Sections: page down": b"\x1b[6~",
}


def _row(label: str, samples: list[float], goal: str) -> list[str]:
    return [
        label,
        f"{statistics.median(samples) * 1000:.0f} ms",
        f"{min(samples) * 1000:.0f} ms",
        f"{max(samples) * 1000:.0f} ms",
        "",
        goal,
    ]


def _session(args: list[str], size: tuple[int, int], stamp: Path) -> dict[str, float]:
    """One session: first paint, first visit of each tab, the Sections keys, quit."""
    times: dict[str, float] = {}
    session = Session(args, size, stamp)
    times["first paint"] = session.first_paint()
    session.drain(SETTLE)
    for n, tab in enumerate(("Sections", "Targets", "Priorities", "Phrases"), 2):
        times[f"first visit: {tab}"] = session.key(str(n).encode())
    session.key(b"2")
    for label, key in KEYS.items():
        times[label] = session.key(key)
    times["quit"] = session.quit()
    return times


def measure(runs: int = 5, size: tuple[int, int] = (160, 48)) -> tuple[str, dict, list[float]]:
    """(the pair's name, samples by case, bare Python starts) for the TUI on the national
    pair (the bundled pair when the corpus is absent); sessions paired with a bare start,
    after one warm-up session."""
    compileall.compile_dir(str(ROOT / "lingdiff"), quiet=1)  # as pip does at install time
    old, new = CORPUS / "national_2019.txt", CORPUS / "national_2024.txt"
    args = [str(old), str(new)] if old.exists() and new.exists() else []
    pair = "national pair" if args else "bundled pair"
    samples: dict[str, list[float]] = {}
    bare: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        _bare_start()
        _session(args, size, Path(tmp) / "painted")  # warm-up: caches, page cache
        for _ in range(runs):
            bare.append(_bare_start())
            for label, value in _session(args, size, Path(tmp) / "painted").items():
                samples.setdefault(label, []).append(value)
    return pair, samples, bare


GOALS = {"first paint": "≤ 500 ms", "quit": "≤ 150 ms"}


def _goal(label: str) -> str:
    return GOALS.get(label, "≤ 150 ms" if label.startswith("first visit") else "≤ 50 ms")


def _ratio(label: str, values: list[float], bare: list[float]) -> str:
    """The first paint (a whole process) as a multiple of a bare Python start."""
    if label != "first paint" or not bare:
        return ""
    return f"{statistics.median(values) / statistics.median(bare):.1f}×"


def tui_rows(runs: int = 5, size: tuple[int, int] = (160, 48)) -> list[list[str]]:
    """Rows ``[case, median, min, max, ratio, goal]`` for the TUI (see :func:`measure`)."""
    pair, samples, bare = measure(runs, size)
    rows = []
    for label, values in samples.items():
        row = _row(f"TUI {label} ({pair})", values, _goal(label))
        row[4] = _ratio(label, values, bare)
        rows.append(row)
    return rows


def rows(bench: Any) -> list[Any]:
    """These cases as rows of ``bench.py``'s table (its tree, its number of runs)."""
    global ROOT
    from bench import Row

    ROOT = bench.tree
    return [
        Row(c, m, lo, hi, ratio, "", goal) for c, m, lo, hi, ratio, goal in tui_rows(bench.runs)
    ]


def main() -> None:
    """Print the rows as a table."""
    global ROOT
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--size", default="160x48", help="terminal size, e.g. 80x24")
    parser.add_argument("--tree", type=Path, default=ROOT, help="the lingdiff checkout")
    args = parser.parse_args()
    ROOT = args.tree.resolve()
    width, height = (int(n) for n in args.size.split("x"))
    table = tui_rows(args.runs, (width, height))
    print(f"TUI timings — {ROOT}, {os.cpu_count()} cores, {args.runs} runs after a warm-up")
    head = ["case", "median", "min", "max", "× python -c pass", "goal"]
    widths = [max(len(str(r[i])) for r in [head, *table]) for i in range(len(head))]
    for row in [head, *table]:
        print("| " + " | ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)) + " |")


if __name__ == "__main__":
    main()
