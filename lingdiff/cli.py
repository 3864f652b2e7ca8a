"""Command line: argument parsing, reading and writing files, exit codes; nothing else.

Exit codes: 0 ok, 1 input or output error (one line on stderr naming the file), 2 usage
error, 130 interrupted (Ctrl-C; see :mod:`lingdiff.entry`).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .bundled import bundled_pair
from .errors import LingdiffError
from .model import Comparison, Options
from .output import check_output, os_reason, printable, silence_stdout, write_report, write_stdout
from .render import FORMATS

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2
STDIN = "-"
"""An input argument naming standard input (``… | lingdiff report - new.txt``)."""

MAIN_EPILOG = """\
examples:
  lingdiff                          browse the bundled Lingling 2019/2020 vs 2025/2026 reports
  lingdiff old.txt new.docx         browse two reports of your own
  lingdiff report                   markdown report of the bundled pair on stdout
  lingdiff report old.txt new.txt --format json -o diff.json
  lingdiff r2023.txt r2024.txt r2025.txt   browse a series (or give a folder)
  lingdiff series reports/          targets against actuals, year by year (see --help)
  lingdiff panel reports/ -o p.csv  every figure of many reports, one long table

Inputs may be .txt (UTF-8, UTF-16 or GB18030), .docx, PDF or a saved web page (.html).
"""

REPORT_EPILOG = """\
examples:
  lingdiff report                                   the bundled pair, markdown to stdout
  lingdiff report a.txt b.txt --format csv -o targets.csv
  lingdiff report a.txt b.txt --format json | jq '.metrics[].indicator'
  curl -s URL | lingdiff report - new.txt           the old report from standard input

formats: md (readable on GitHub), json (schema lingdiff/1), csv (one row per figure),
bibtex and csl-json (the two sources, to cite them).
Provenance: REPORT.meta.json beside a report (or --meta FILE) with url, publisher, date, title.
"""


class UsageError(Exception):
    """Arguments that do not make sense together (exit 2)."""


def _main_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="lingdiff",
        description="Compare two Chinese government planning reports of different years: "
        "aligned sections, targets across years, wording changes, priorities and slogans. "
        "Without a command, opens the terminal UI.",
        epilog=MAIN_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--version", action="version", version=f"lingdiff {__version__}")
    p.add_argument("old", nargs="?", help="the earlier report (default: bundled 2019/2020)")
    p.add_argument("new", nargs="?", help="the later report (default: bundled 2025/2026)")
    p.add_argument("--topics", metavar="FILE", help="a topic taxonomy JSON replacing the built-in")
    return p


def _report_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="lingdiff report",
        description="Write the comparison as a report a researcher can cite.",
        epilog=REPORT_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "old",
        nargs="?",
        help="the earlier report, - for standard input (default: bundled 2019/2020)",
    )
    p.add_argument(
        "new", nargs="?", help="the later report, - for standard input (default: bundled 2025/2026)"
    )
    p.add_argument("--format", "-f", choices=FORMATS, default="md")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")
    p.add_argument("--topics", metavar="FILE", help="a topic taxonomy JSON replacing the built-in")
    p.add_argument(
        "--indicators", metavar="FILE", help="an indicator codebook JSON replacing the built-in"
    )
    p.add_argument(
        "--meta",
        metavar="FILE",
        action="append",
        default=[],
        help="provenance JSON (url, publisher, date, title) of OLD, then of NEW if given again; "
        "default: REPORT.meta.json beside each report",
    )
    return p


def _inputs(old: str | None, new: str | None) -> tuple[Path, Path]:
    if (old is None) != (new is None):
        raise UsageError("give both OLD and NEW, or neither for the bundled reports")
    if old is None or new is None:
        return bundled_pair()
    if old == new == STDIN:
        raise UsageError("only one of OLD and NEW can be read from standard input (-)")
    return Path(old), Path(new)


def build_comparison(
    old: Path,
    new: Path,
    topics: str | None,
    indicators: str | None = None,
    meta: Sequence[str] = (),
) -> Comparison:
    """Load both files and compare them; LoadError/TaxonomyError propagate to :func:`main`."""
    from .compare import compare
    from .reading import load_document
    from .taxonomy import load_taxonomy

    if len(meta) > 2:
        raise UsageError("--meta is given once for OLD and once more for NEW, not more")
    old_doc = load_document(old, "old", meta[0] if meta else None)
    new_doc = load_document(new, "new", meta[1] if len(meta) > 1 else None)
    taxonomy = load_taxonomy(topics)
    for doc in (old_doc, new_doc):
        for warning in doc.warnings:
            _err(f"lingdiff: warning: {doc.path}: {warning}")
    options = Options(topics_path=topics, indicators_path=indicators)
    return compare(old_doc, new_doc, options, taxonomy)


def _err(line: str) -> None:
    """One line on stderr, control characters and undecodable bytes shown as ``\\xNN``."""
    if sys.stderr is not None:  # stderr closed (2>&-): say nothing rather than fall on stdout
        print(printable(line), file=sys.stderr)


def run_report(argv: Sequence[str]) -> int:
    """``lingdiff report``: write the markdown, JSON or CSV report."""
    args = _report_parser().parse_args(argv)
    old, new = _inputs(args.old, args.new)
    if args.output == "":
        raise UsageError("-o needs a file name")
    output = Path(args.output) if args.output is not None else None
    meta = [Path(m) for m in args.meta]
    inputs = (old, new, *(Path(f) for f in (args.topics, args.indicators) if f), *meta)
    check_output(output, inputs, force=args.force)
    comparison = build_comparison(old, new, args.topics, args.indicators, args.meta)
    from .render import renderer

    text = renderer(args.format)(comparison)
    if output is None:
        write_stdout(text)
    else:
        write_report(output, text, inputs, replace=args.force)
        _err(f"lingdiff: wrote {output}")
    return EXIT_OK


def run_tui(argv: Sequence[str]) -> int:
    """``lingdiff [OLD NEW]``: open the terminal UI."""
    args = _main_parser().parse_args(argv)
    old, new = _inputs(args.old, args.new)
    if STDIN in (str(old), str(new)):
        raise UsageError("the terminal UI needs standard input; use 'lingdiff report - NEW'")
    from .load import read_text

    for path in (old, new):
        read_text(path)  # a bad file is the first thing to say, before the screen is taken over
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UsageError("the terminal UI needs a terminal; use 'lingdiff report' for files")
    from .tui.app import run_app

    run_app(old, new, args.topics)
    return EXIT_OK


def _one_folder(argv: Sequence[str]) -> bool:
    return len(argv) == 1 and os.path.isdir(argv[0])


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``lingdiff`` console script."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] == "report":
            return run_report(argv[1:])
        if (argv and argv[0] in ("series", "panel")) or len(argv) > 2 or _one_folder(argv):
            from . import cli_series

            try:
                if argv[0] in ("series", "panel"):
                    run = cli_series.run_series if argv[0] == "series" else cli_series.run_panel
                    return run(argv[1:])
                if cli_series.wants_series_tui(argv):
                    return cli_series.run_series_tui(argv)
            except cli_series.UsageError as exc:
                raise UsageError(str(exc)) from None
        return run_tui(argv)
    except UsageError as exc:
        _err(f"lingdiff: usage error: {exc}")
        return EXIT_USAGE
    except LingdiffError as exc:
        _err(f"lingdiff: error: {exc}")
        return EXIT_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        silence_stdout()
        return EXIT_OK
    except MemoryError:
        _err("lingdiff: error: out of memory reading the input")
        return EXIT_INPUT
    except OSError as exc:  # an operating-system failure not foreseen above: still named
        where = printable(str(exc.filename)) + ": " if exc.filename else ""
        _err(f"lingdiff: error: {where}{os_reason(exc)}")
        return EXIT_INPUT
    except Exception as exc:  # a bug: say so in one line; LINGDIFF_DEBUG=1 shows the traceback
        if os.environ.get("LINGDIFF_DEBUG"):
            raise
        _err(
            f"lingdiff: internal error: {type(exc).__name__}: {exc} "
            "(set LINGDIFF_DEBUG=1 for a traceback)"
        )
        return EXIT_INPUT


if __name__ == "__main__":
    raise SystemExit(main())
