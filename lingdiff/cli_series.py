"""``lingdiff series`` and ``lingdiff panel``: argument parsing, files and exit codes only.

The analysis is :mod:`lingdiff.series` and :mod:`lingdiff.panel`; :mod:`lingdiff.cli` hands the
arguments over. Exit codes as everywhere: 0 ok, 1 input error, 2 usage error.
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import LoadError, UsageError

if TYPE_CHECKING:
    from .panel import FileResult
    from .panel_overrides import PanelCorrections

SERIES_EPILOG = """\
examples:
  lingdiff series ../shared/corpus/national/            every report in the folder, markdown
  lingdiff series r2023.txt r2024.txt r2025.docx --format csv -o series.csv
  lingdiff series reports/ --format json | jq '.indicators[0].cells'

One government's reports, in any order; each report's year is read from its text.
formats: md (a table per headline indicator, quotes as footnotes), json (lingdiff-series/1),
csv (long: one row per indicator and year).
"""

PANEL_EPILOG = """\
examples:
  lingdiff panel reports/ -o panel.csv                   all cores, progress on stderr
  lingdiff panel 'reports/**/*.docx' -j 2 -o panel.parquet --failures failed.csv
  lingdiff panel reports/ --manifest places.csv --resume -o panel.csv
  lingdiff panel reports/ --dask tcp://scheduler:8786 -o panel.parquet

One row per figure of every report. A file that cannot be read is listed (and written to
--failures FILE) and the run goes on. Exit 1 only when no file could be read.
"""


def series_parser() -> argparse.ArgumentParser:
    """The parser of ``lingdiff series``."""
    p = argparse.ArgumentParser(
        prog="lingdiff series",
        description="Targets against what was achieved, year by year, for one government.",
        epilog=SERIES_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("paths", nargs="+", metavar="FILE|DIR", help="two or more reports, or a folder")
    p.add_argument("--format", "-f", choices=("md", "json", "csv"), default="md")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")
    p.add_argument(
        "--overrides",
        metavar="FILE",
        help="your corrections (TOML or JSON): link/unlink of indicators between two reports",
    )
    return p


def panel_parser() -> argparse.ArgumentParser:
    """The parser of ``lingdiff panel``."""
    p = argparse.ArgumentParser(
        prog="lingdiff panel",
        description="Many governments' reports, many years: one long table, one row per figure.",
        epilog=PANEL_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="report files, folders or globs")
    p.add_argument(
        "-o", "--output", metavar="FILE", required=True, help="panel.csv or panel.parquet"
    )
    p.add_argument(
        "-j", "--jobs", type=int, default=0, help="worker processes (default: all cores)"
    )
    p.add_argument("--manifest", metavar="CSV", help="path, place, place_code, level per file")
    p.add_argument("--failures", metavar="FILE", help="also write the failures table as CSV")
    p.add_argument("--resume", action="store_true", help="keep FILE's rows; read only new files")
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")
    p.add_argument("--dask", metavar="ADDRESS", help="run on this Dask scheduler (lingdiff[dask])")
    p.add_argument(
        "--overrides",
        metavar="FILE",
        help="your corrections (TOML or JSON): links/unlinks give or take a shared code",
    )
    p.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    return p


def _say(line: str) -> None:
    """One line on stderr, control characters shown as ``\\xNN`` (as the rest of the CLI)."""
    from .output import printable

    if sys.stderr is not None:
        print(printable(line), file=sys.stderr)


def run_series(argv: Sequence[str]) -> int:
    """``lingdiff series``: the series as markdown, JSON or CSV."""
    from .inputs import expand_inputs
    from .output import check_output, write_report, write_stdout
    from .reading import load_document
    from .render.series import render_series
    from .series import series

    args = series_parser().parse_args(argv)
    if args.output == "":
        raise UsageError("-o needs a file name")
    output = Path(args.output) if args.output is not None else None
    paths = expand_inputs(args.paths)
    inputs = [*paths, *([Path(args.overrides)] if args.overrides else [])]
    check_output(output, inputs, force=args.force)
    from .overrides import read_overrides

    fixes = read_overrides(args.overrides) if args.overrides else None
    result = series([load_document(p) for p in paths], fixes)
    for report in result.reports:
        _say(f"lingdiff: {report.path}: report of {report.year}")
    text = render_series(result, args.format)
    if output is None:
        write_stdout(text)
    else:
        write_report(output, text, inputs, replace=args.force)
        _say(f"lingdiff: wrote {output}")
    return 0


def _format_of(output: Path) -> str:
    suffix = output.suffix.lower()
    if suffix in (".csv", ".parquet"):
        return suffix[1:]
    raise UsageError(f"{output}: the panel is written as .csv or .parquet")


def run_panel(argv: Sequence[str]) -> int:
    """``lingdiff panel``: one long table of every figure of every report."""
    from .inputs import expand_inputs

    args = panel_parser().parse_args(argv)
    output = Path(args.output)
    fmt = _format_of(output)
    if args.jobs < 0:
        raise UsageError("-j needs a number of processes ≥ 1 (0 or none: all cores)")
    if fmt == "parquet":
        _need("pyarrow", "parquet")
    paths = expand_inputs(args.paths)
    if not paths:
        raise LoadError(f"{' '.join(args.paths)}: no files found")
    from .output import check_output, write_report

    inputs = [*paths, *([Path(args.overrides)] if args.overrides else [])]
    check_output(output, inputs, force=args.force or args.resume)
    failures = Path(args.failures) if args.failures else None
    if failures is not None:
        check_output(failures, inputs, force=args.force)
    from .panel import panel_corrections, read_manifest

    manifest = read_manifest(args.manifest) if args.manifest else {}
    corrections = panel_corrections(args.overrides)
    summary = _run(args, paths, output, fmt, manifest, corrections)
    from .panel_run import failures_csv

    _print_failures(summary.failures, summary.files)
    if failures is not None:
        write_report(failures, failures_csv(summary.failures), paths, replace=args.force)
    skipped = f", {summary.skipped} already done" if summary.skipped else ""
    _say(
        f"lingdiff: wrote {output}: {summary.rows} rows from "
        f"{summary.files - len(summary.failures)} of {summary.files} files{skipped}"
    )
    if corrections is not None:
        _say(
            f"lingdiff: {corrections.applied} rows set by the corrections in {args.overrides}"
            " (column override)"
        )
    read_ok = summary.files - len(summary.failures) + summary.skipped
    return 0 if read_ok > 0 else 1


def _run(
    args: argparse.Namespace,
    paths: list[Path],
    output: Path,
    fmt: str,
    manifest: dict,
    corrections: PanelCorrections | None = None,
) -> object:
    from .panel_run import run_panel as run

    jobs = args.jobs or os.cpu_count() or 1
    jobs = min(jobs, len(paths))
    executor = None
    client = None
    if args.dask:
        _need("distributed", "dask")
        from dask.distributed import Client

        try:
            client = Client(args.dask, timeout=20)
        except OSError as exc:
            raise LoadError(f"{args.dask}: cannot reach the Dask scheduler ({exc})") from None
        executor = client.get_executor()
    show = not args.no_progress and sys.stderr.isatty()
    go = functools.partial(
        run,
        paths,
        output,
        fmt=fmt,
        jobs=jobs,
        resume=args.resume,
        replace=args.force or args.resume,
        manifest=manifest,
        executor=executor,
        corrections=corrections,
    )
    try:
        if not show:
            return go()
        from rich.console import Console
        from rich.progress import Progress

        with Progress(console=Console(stderr=True), transient=True) as bar:
            task = bar.add_task("reading reports", total=len(paths))
            return go(progress=lambda n: bar.advance(task, n))
    finally:
        if client is not None:
            client.close()


def _need(module: str, extra: str) -> None:
    import importlib.util

    if importlib.util.find_spec(module) is None:
        raise UsageError(f"this needs the {module} package: pip install 'lingdiff[{extra}]'")


_TUI_VALUE_OPTIONS = frozenset({"--topics", "--tab", "--section", "--search", "--overrides"})
"""Options of ``lingdiff [OLD NEW]`` followed by a value (which is not a report)."""


def wants_series_tui(argv: Sequence[str]) -> bool:
    """True when ``lingdiff ARGS`` names more than two reports, or one folder (the Series TUI)."""
    positional: list[str] = []
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg in _TUI_VALUE_OPTIONS:
            skip = True
        elif not arg.startswith("-"):
            positional.append(arg)
    return len(positional) > 2 or (len(positional) == 1 and Path(positional[0]).is_dir())


def run_series_tui(argv: Sequence[str]) -> int:
    """``lingdiff A B C …`` or ``lingdiff FOLDER``: the TUI with a Series tab."""
    p = argparse.ArgumentParser(prog="lingdiff", description="Browse a series of reports.")
    p.add_argument("paths", nargs="+", metavar="FILE|DIR")
    p.add_argument("--topics", metavar="FILE", help="a topic taxonomy JSON replacing the built-in")
    args = p.parse_args(argv)
    from .inputs import expand_inputs
    from .reading import load_document
    from .series import series_reports

    docs = [load_document(path) for path in expand_inputs(args.paths)]
    series_reports(docs)  # two reports of one year, or of two governments: say so now
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UsageError("the terminal UI needs a terminal; use 'lingdiff series' for files")
    from .tui.series_app import run_series_app

    run_series_app(docs, args.topics)
    return 0


def _print_failures(failures: Sequence[FileResult], total: int) -> None:
    """The failures table on stderr (nothing when there are none)."""
    if not failures:
        return
    width = min(60, max(len(f.source) for f in failures))
    _say(f"lingdiff: {len(failures)} of {total} files failed:")
    for f in failures:
        _say(f"  {f.source:<{width}}  {f.error}")
