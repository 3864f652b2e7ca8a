"""The command line's arguments: the parsers of ``lingdiff``, ``lingdiff report`` and
``lingdiff cache``, their help texts, and a quick reader of the plain ``report`` forms that
spares a report argparse's import (~7 ms). :mod:`lingdiff.cli` runs what they describe."""

from __future__ import annotations

from . import __version__
from .render import FORMATS

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence

MAIN_EPILOG = """\
examples:
  lingdiff                          browse the bundled Lingling 2019/2020 vs 2025/2026 reports
  lingdiff old.txt new.docx         browse two reports of your own
  lingdiff report                   markdown report of the bundled pair on stdout
  lingdiff report old.txt new.txt --format json -o diff.json
  lingdiff cache clear              empty the cache of reports
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
Corrections: --overrides FILE (TOML or JSON, as the TUI saves with a / x) pairs or unpairs
sections and links or unlinks indicators; the report marks what they made "(override)".
Reports are cached (see 'lingdiff cache --help'): the same inputs, options and lingdiff
give the stored report at once; --no-cache computes it afresh.
"""

CACHE_EPILOG = """\
The cache holds reports already written, keyed by the contents of both inputs, of their
provenance files and of the --topics, --indicators and --overrides files, the format and lingdiff's
version. It lives in $LINGDIFF_CACHE_DIR, else $XDG_CACHE_HOME/lingdiff, else
~/.cache/lingdiff, and is kept under 64 MB (least recently used entries go first).
"""


OVERRIDES_HELP = "your corrections of section pairs and indicator links (TOML or JSON)"


def main_parser() -> argparse.ArgumentParser:
    import argparse

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
    p.add_argument(
        "--tab",
        choices=("overview", "sections", "targets", "priorities", "phrases"),
        help="open on this tab",
    )
    p.add_argument(
        "--section", metavar="NUMBER", help="open Sections at this section (2.3: new report's)"
    )
    p.add_argument("--search", metavar="TEXT", help="open Sections searching both reports for TEXT")
    p.add_argument("--overrides", metavar="FILE", help=OVERRIDES_HELP + " (corrections saved here)")
    return p


def report_parser() -> argparse.ArgumentParser:
    import argparse

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
    p.add_argument(
        "--no-cache", action="store_true", help="compute the report afresh; do not store it"
    )
    p.add_argument("--overrides", metavar="FILE", help=OVERRIDES_HELP)
    return p


def cache_parser() -> argparse.ArgumentParser:
    import argparse

    p = argparse.ArgumentParser(
        prog="lingdiff cache",
        description="Show or empty the cache of reports.",
        epilog=CACHE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "action",
        choices=("info", "clear"),
        help="info: where the cache is and its size; clear: delete every cached report",
    )
    return p


class ReportArgs:
    """The arguments of ``lingdiff report`` (what argparse would give)."""

    def __init__(self) -> None:
        self.old: str | None = None
        self.new: str | None = None
        self.format = "md"
        self.output: str | None = None
        self.force = False
        self.topics: str | None = None
        self.indicators: str | None = None
        self.meta: list[str] = []
        self.no_cache = False
        self.overrides: str | None = None


_FLAGS = {"--force": "force", "--no-cache": "no_cache"}
_VALUES = {"--format": "format", "-f": "format", "-o": "output", "--output": "output"}
_VALUES.update({"--topics": "topics", "--indicators": "indicators", "--overrides": "overrides"})


def quick_report_args(argv: Sequence[str]) -> ReportArgs | None:
    """The plain forms of ``lingdiff report`` arguments, read without argparse (~7 ms to
    import); None for anything else (``--help``, ``--format=json``, ``--meta``, ``-``,
    abbreviations, errors), which :func:`report_parser` then reads or explains."""
    args = ReportArgs()
    positional: list[str] = []
    it = iter(argv)
    for arg in it:
        if arg in _FLAGS:
            setattr(args, _FLAGS[arg], True)
        elif arg in _VALUES:
            value = next(it, None)
            if value is None or value.startswith("-"):
                return None
            setattr(args, _VALUES[arg], value)
        elif arg.startswith("-"):
            return None
        else:
            positional.append(arg)
    if len(positional) > 2 or args.format not in FORMATS:
        return None
    args.old, args.new = (*positional, None, None)[:2]
    return args
