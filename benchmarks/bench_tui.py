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
Run alone with ``python benchmarks/bench_tui.py [--runs N]``.
"""

from __future__ import annotations

import argparse
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


def tui_rows(runs: int = 5, size: tuple[int, int] = (160, 48)) -> list[list[str]]:
    """Rows ``[case, median, min, max, "", goal]`` for the TUI on the national pair (the
    bundled pair when the corpus is absent)."""
    old, new = CORPUS / "national_2019.txt", CORPUS / "national_2024.txt"
    args = [str(old), str(new)] if old.exists() and new.exists() else []
    pair = "national pair" if args else "bundled pair"
    samples: dict[str, list[float]] = {}

    def add(label: str, value: float) -> None:
        samples.setdefault(label, []).append(value)

    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(runs):
            session = Session(args, size, Path(tmp) / "painted")
            add("first paint", session.first_paint())
            session.drain(SETTLE)
            for n, tab in enumerate(("Sections", "Targets", "Priorities", "Phrases"), 2):
                add(f"first visit: {tab}", session.key(str(n).encode()))
            session.key(b"2")
            for label, key in KEYS.items():
                add(label, session.key(key))
            add("quit", session.quit())
    goals = {"first paint": "≤ 500 ms", "quit": "≤ 150 ms"}
    rows = []
    for label, values in samples.items():
        goal = goals.get(label, "≤ 150 ms" if label.startswith("first visit") else "≤ 50 ms")
        rows.append(_row(f"TUI {label} ({pair})", values, goal))
    return rows


def main() -> None:
    """Print the rows as a table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--size", default="160x48", help="terminal size, e.g. 80x24")
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.split("x"))
    rows = tui_rows(args.runs, (width, height))
    head = ["case", "median", "min", "max", "peak", "goal"]
    widths = [max(len(str(r[i])) for r in [head, *rows]) for i in range(len(head))]
    for row in [head, *rows]:
        print("| " + " | ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)) + " |")


if __name__ == "__main__":
    main()
