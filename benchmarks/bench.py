"""lingdiff benchmark: whole-process and in-process timings with peak memory, as a table.

    .venv/bin/python benchmarks/bench.py [--runs 7] [--no-tui] [--no-large] [--tree PATH]

How it measures (so that the figures can be trusted and compared across machines):
- every whole-process case is run in pairs with a bare ``python -c pass`` (A, B, A, B, …)
  after one warm-up of each, and is reported as median, min and max and as the ratio of its
  median to the bare start's median *of the same run*; the machine's speed cancels out;
- lingdiff runs as an installed console script does (``from lingdiff.entry import main``),
  from the tree under test (``--tree``, default this checkout), bytecode compiled first as
  pip does at install time;
- ``--no-cache`` everywhere except the cache-hit row (the cache lives in a temporary folder);
- the large cases use *different* text (corpus reports joined, parts renumbered; varied
  generated text when ``../shared/corpus`` is absent), never one report repeated;
- the ratio is given for wall-clock time and, in brackets, for CPU time (user + system, from
  ``os.wait4``), which a busy machine disturbs less;
- peak memory is the child's maximum resident set size (``os.wait4``) or, if larger, the
  peak of the whole process tree's summed PSS sampled every 50 ms (a pair of a million
  characters or more is compared in two processes; see ``TreeMemory``).

Other benchmark modules add rows: every ``benchmarks/bench_*.py`` defining
``rows(bench: Bench) -> list[Row]`` is imported and its rows appended (PDF/HTML inputs in
``bench_inputs.py``, series and panels in ``bench_series.py``, …).
"""

from __future__ import annotations

import argparse
import compileall
import importlib
import os
import pty
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import texts  # noqa: E402

BARE = [sys.executable, "-c", "pass"]
LINGDIFF = [sys.executable, "-c", "import sys; from lingdiff.entry import main; sys.exit(main())"]
"""The console script's own code (``lingdiff = lingdiff.entry:main``), run from the tree."""


@dataclass
class Row:
    """One line of the table (strings, already formatted)."""

    case: str
    median: str
    low: str = ""
    high: str = ""
    ratio: str = ""
    memory: str = ""
    goal: str = ""


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 10 else f"{seconds:.1f} s"


def run_once(
    cmd: list[str], env: dict[str, str], tty: bool = False
) -> tuple[float, float, float, int]:
    """Run ``cmd`` once; (seconds, CPU seconds, peak RSS in MB, exit code). With ``tty`` it gets a
    pseudo-terminal whose output is drained, and a first-paint file, if the environment
    names one, gives the time to the first painted screen."""
    paint = env.get("LINGDIFF_FIRST_PAINT_FILE")
    if paint:
        Path(paint).unlink(missing_ok=True)
    wall, start = time.time(), time.perf_counter()
    if tty:
        master, slave = pty.openpty()
        proc = subprocess.Popen(cmd, stdin=slave, stdout=slave, stderr=slave, env=env)
        os.close(slave)
        while True:  # drain, so the app never blocks on a full pty buffer
            try:
                if not os.read(master, 65536):
                    break
            except OSError:
                break
        _, status, usage = os.wait4(proc.pid, 0)
        os.close(master)
    else:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        tree = TreeMemory(proc.pid)
        _, status, usage = os.wait4(proc.pid, 0)
        tree.stop()
    elapsed = time.perf_counter() - start
    if paint and Path(paint).exists():
        elapsed = float(Path(paint).read_text(encoding="utf-8")) - wall
    cpu = usage.ru_utime + usage.ru_stime
    peak = max(usage.ru_maxrss / 1024, 0 if tty else tree.peak_mb)
    return elapsed, cpu, peak, os.waitstatus_to_exitcode(status)


class TreeMemory:
    """The peak of a process tree's memory, summed over the process and its descendants (a
    large pair is compared in two processes): each one's proportional set size (PSS, shared
    pages split between the processes sharing them, so a fork's copy-on-write pages count
    once), sampled every 50 ms from ``/proc`` (Linux). ``ru_maxrss`` alone gives one process's
    peak, which would hide the second process."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak_mb = pid, 0.0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop sampling (the process has ended)."""
        self._done.set()
        self._thread.join()

    def _sample(self) -> None:
        while not self._done.wait(0.05):
            total = sum(_pss_kb(pid) for pid in _descendants(self.pid))
            self.peak_mb = max(self.peak_mb, total / 1024)


def _descendants(pid: int) -> list[int]:
    """``pid`` and every process below it (from ``/proc/PID/task/*/children``)."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children", encoding="ascii") as f:
                    todo.extend(int(child) for child in f.read().split())
        except OSError:  # gone meanwhile, or not Linux
            continue
    return found


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


class Bench:
    """What a case needs: the lingdiff command, its environment, a scratch folder, and the
    two ways of timing (:meth:`process`, paired with a bare start; :meth:`in_process`)."""

    def __init__(self, tree: Path, runs: int, tmp: Path) -> None:
        self.tree, self.runs, self.tmp = tree, runs, tmp
        self.env = {**os.environ, "PYTHONPATH": str(tree), "LINGDIFF_CACHE_DIR": str(tmp / "cache")}
        self.env.pop("PYTHONDONTWRITEBYTECODE", None)
        # the console script's module (lingdiff.entry; lingdiff.cli in trees older than it)
        entry = "entry" if (tree / "lingdiff" / "entry.py").exists() else "cli"
        self.lingdiff = [
            *LINGDIFF[:-1],
            LINGDIFF[-1].replace("lingdiff.entry", f"lingdiff.{entry}"),
        ]
        help_text = subprocess.run(
            [*self.lingdiff, "report", "--help"], env=self.env, capture_output=True, text=True
        ).stdout
        self.no_cache = ["--no-cache"] if "--no-cache" in help_text else []

    def process(
        self,
        label: str,
        args: list[str],
        goal: str = "",
        *,
        runs: int | None = None,
        warm_up: bool = True,
        env: dict[str, str] | None = None,
        tty: bool = False,
    ) -> Row:
        """Time ``lingdiff ARGS`` as a whole process, paired with ``python -c pass``."""
        env = env or self.env
        cmd = [*self.lingdiff, *args]
        if warm_up:
            run_once(BARE, env)
            run_once(cmd, env, tty)
        bare, bare_cpu, times, cpus, peaks = [], [], [], [], []
        for _ in range(runs or self.runs):
            seconds, cpu, _, _ = run_once(BARE, env)
            bare.append(seconds)
            bare_cpu.append(cpu)
            seconds, cpu, peak, code = run_once(cmd, env, tty)
            if code != 0:
                return Row(label, "failed", f"exit {code}", goal=goal)
            times.append(seconds)
            cpus.append(cpu)
            peaks.append(peak)
        med = statistics.median(times)
        ratio = med / statistics.median(bare)
        cpu_ratio = statistics.median(cpus) / max(statistics.median(bare_cpu), 1e-3)
        return Row(
            label,
            _ms(med),
            _ms(min(times)),
            _ms(max(times)),
            f"{ratio:.1f}× (CPU {cpu_ratio:.1f}×)",
            f"{max(peaks):.0f} MB",
            goal,
        )

    def in_process(self, label: str, fn: Callable[[], object], goal: str = "", runs: int = 0):
        """Time ``fn`` in this process: one warm-up call, then median, min and max."""
        fn()
        samples = []
        for _ in range(runs or self.runs):
            t0 = time.perf_counter()
            fn()
            samples.append(time.perf_counter() - t0)
        med = statistics.median(samples)
        row = Row(label, _ms(med), _ms(min(samples)), _ms(max(samples)), goal=goal)
        return row, med

    def write(self, name: str, text: str) -> str:
        """Save ``text`` as a UTF-8 file in the scratch folder; its path."""
        path = self.tmp / name
        path.write_text(text, encoding="utf-8")
        return str(path)


def report_rows(bench: Bench) -> list[Row]:
    """The report on the bundled pair: computed, from the cache, and the fixed start-up."""
    nc = bench.no_cache
    tiny = "某区政府工作报告\n一、2019年工作回顾\n地区生产总值增长6%。\n"
    old, new = bench.write("tiny-old.txt", tiny), bench.write("tiny-new.txt", tiny + "二、任务\n")
    rows = [
        bench.process("report --format json", ["report", "--format", "json", *nc], "≤ 10×"),
        bench.process("report (markdown)", ["report", *nc], "≤ 10×"),
        bench.process("fixed start-up (report of 2 tiny files)", ["report", old, new, *nc], "≤ 3×"),
    ]
    if nc:
        rows.append(
            bench.process("report --format json, cache hit", ["report", "-f", "json"], "≤ 4×")
        )
    return rows


def tui_rows(bench: Bench) -> list[Row]:
    """The terminal UI: time to the first painted screen, and start, paint and quit."""
    env = {**bench.env, "LINGDIFF_EXIT_AFTER_FIRST_PAINT": "1", "TERM": "xterm-256color"}
    env["COLUMNS"], env["LINES"] = "160", "48"
    painted = {**env, "LINGDIFF_FIRST_PAINT_FILE": str(bench.tmp / "painted")}
    return [
        bench.process("TUI to first paint", [], "≤ 0.5 s", env=painted, tty=True),
        bench.process("TUI start, paint and exit", [], env=env, tty=True),
    ]


def in_process_rows(bench: Bench) -> list[Row]:
    """Stages on the bundled pair, and ``compare`` on a pair 20 times as long."""
    from lingdiff.bundled import bundled_pair
    from lingdiff.compare import compare
    from lingdiff.figures import extract_observations, link_observations
    from lingdiff.load import read_text
    from lingdiff.outline import parse_document

    raw = tuple(read_text(p) for p in bundled_pair())
    old, new = parse_document(raw[0], key="old"), parse_document(raw[1], key="new")

    def outline() -> None:
        parse_document(raw[0], key="old")
        parse_document(raw[1], key="new")

    def figures() -> None:
        link_observations(extract_observations(old), extract_observations(new))

    rows = [
        bench.in_process("outline (both reports)", outline)[0],
        bench.in_process("figures: extract + link", figures, "≤ 50 ms")[0],
    ]
    row, one = bench.in_process("compare (1×)", lambda: compare(old, new), "≤ 150 ms")
    rows.append(row)
    (big_old, big_new), source = texts.different_texts(raw, 20)
    size = (len(big_old) + len(big_new)) / (len(raw[0]) + len(raw[1]))
    b_old, b_new = parse_document(big_old, key="old"), parse_document(big_new, key="new")
    row, med = bench.in_process(
        f"compare ({size:.1f}× the text: {source})",
        lambda: compare(b_old, b_new),
        "≤ 20× the 1× time",
        runs=max(3, bench.runs // 2),
    )
    row.ratio = f"{med / one:.1f}× 1×"
    rows.append(row)
    return rows


def large_rows(bench: Bench) -> list[Row]:
    """Whole-process reports of a 5 MB pair, of a pair with 100k headings each, of a 5 MB
    pair of nothing but headings (every numbering style, mixed and nested; different text on
    each side) and of a 2 MB pair of nothing but sentences with figures."""
    from lingdiff.bundled import bundled_pair
    from lingdiff.load import read_text

    raw = tuple(read_text(p) for p in bundled_pair())
    heads = texts.many_headings(100_000)
    cases = [  # (row, its two reports, goal)
        ("report of a 5 MB pair", texts.of_size(raw, 4.9), "≤ 15 s, ≤ 500 MB"),
        ("report of 100k headings each", (heads, texts.vary(heads, 7)), "seconds (< 8 s)"),
        (
            "report of a 5 MB pair of nothing but headings",
            texts.headings_only(raw, 4.9),
            "≤ 15 s, ≤ 500 MB",
        ),
        (
            "report of a 2 MB pair of nothing but sentences with figures",
            texts.figures_only(raw, 2.0),
            "≤ 15 s, ≤ 500 MB",
        ),
    ]
    # -o a scratch file: lingdiff writes only regular files (it refuses /dev/null)
    out = str(bench.tmp / "large.json")
    args = ["report", "--format", "json", *bench.no_cache, "-o", out, "--force"]
    rows = []
    for k, (label, (old, new), goal) in enumerate(cases):
        files = [bench.write(f"large{k}-old.txt", old), bench.write(f"large{k}-new.txt", new)]
        runs = min(bench.runs, LARGE_RUNS)
        rows.append(bench.process(label, [*args, *files], goal, runs=runs, warm_up=False))
    return rows


LARGE_RUNS = 3
"""Runs of each large case (fewer with ``--runs``): one run of 15 s can be a third off on a
shared machine, and the median of three is not."""


def extra_rows(bench: Bench) -> list[Row]:
    """Rows of the other benchmark modules (``benchmarks/bench_*.py``): ``rows(bench)``
    returning :class:`Row` objects, or ``<topic>_rows(runs)`` returning lists in the table's
    order (case, median, min, max, note, goal), as ``bench_inputs`` (``input_rows``) and
    ``bench_series`` (``series_rows``) do."""
    out: list[Row] = []
    for path in sorted(HERE.glob("bench_*.py")):
        module = importlib.import_module(path.stem)
        if hasattr(module, "rows"):
            out.extend(module.rows(bench))
            continue
        topic = path.stem.removeprefix("bench_")  # series -> series_rows, inputs -> input_rows
        name = next(
            (n for n in (f"{topic}_rows", f"{topic.rstrip('s')}_rows") if hasattr(module, n)), None
        )
        for cells in getattr(module, name)(bench.runs) if name else ():
            case, median, low, high, note, goal = (list(map(str, cells)) + [""] * 6)[:6]
            out.append(Row(case, median, low, high, "", note, goal))
    return out


def table(rows: list[Row]) -> str:
    """A markdown table of the rows."""
    head = Row("case", "median", "min", "max", "× python -c pass", "peak memory", "goal")
    cells = [list(vars(r).values()) for r in [head, *rows]]
    widths = [max(len(c[i]) for c in cells) for i in range(len(cells[0]))]

    def line(row: list[str]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |"

    sep = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(cells[0]), sep, *(line(c) for c in cells[1:])])


def main() -> None:
    """Run every case and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="runs per case (median reported)")
    parser.add_argument("--no-tui", action="store_true", help="skip the terminal UI cases")
    parser.add_argument("--no-large", action="store_true", help="skip the 5 MB / 100k cases")
    parser.add_argument("--tree", type=Path, default=HERE.parent, help="the lingdiff checkout")
    args = parser.parse_args()
    tree = args.tree.resolve()
    sys.path.insert(0, str(tree))
    compileall.compile_dir(str(tree / "lingdiff"), quiet=1)  # as pip does at install time
    with tempfile.TemporaryDirectory() as tmp:
        os.chdir(tmp)
        bench = Bench(tree, args.runs, Path(tmp))
        rows = report_rows(bench)
        if not args.no_tui:
            rows += tui_rows(bench)
        rows += in_process_rows(bench)
        if not args.no_large:
            rows += large_rows(bench)
        rows += extra_rows(bench)
    print(
        f"lingdiff benchmark — {tree}, {os.cpu_count()} cores, Python {sys.version.split()[0]}, "
        f"{args.runs} paired runs per case after a warm-up"
    )
    print(table(rows))


if __name__ == "__main__":
    main()
