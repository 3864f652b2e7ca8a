"""Command line: argument parsing, reading and writing files, exit codes; nothing else.

Exit codes: 0 ok, 1 input or output error (one line on stderr naming the file), 2 usage
error, 130 interrupted (Ctrl-C; see :mod:`lingdiff.entry`).
"""

from __future__ import annotations

import os
import sys

from .bundled import bundled_files
from .cli_args import ReportArgs, cache_parser, main_parser, quick_report_args, report_parser
from .errors import LingdiffError, UsageError

# A cached report is written after importing little more than os, SHA-256 and the output
# module: argparse, typing and the model (dataclasses) are imported where they are needed.
TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Sequence
    from pathlib import Path

    from .model import Comparison
    from .output import Report

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2
STDIN = "-"
"""An input argument naming standard input (``… | lingdiff report - new.txt``)."""


def _input_names(old: str | None, new: str | None) -> tuple[str, str]:
    """The two input files as named on the command line, or the bundled pair."""
    if (old is None) != (new is None):
        raise UsageError("give both OLD and NEW, or neither for the bundled reports")
    if old is None or new is None:
        return bundled_files()
    if old == new == STDIN:
        raise UsageError("only one of OLD and NEW can be read from standard input (-)")
    return old, new


def _inputs(old: str | None, new: str | None) -> tuple[Path, Path]:
    from pathlib import Path

    old, new = _input_names(old, new)
    return Path(old), Path(new)


def build_comparison(
    old: Path,
    new: Path,
    topics: str | None,
    indicators: str | None = None,
    meta: Sequence[str] = (),
    overrides: str | None = None,
) -> Comparison:
    """Load both files and compare them; LoadError/TaxonomyError/OverridesError propagate to
    :func:`main`."""
    from .compare import compare
    from .figures.codebook import load_codebook
    from .model import Options
    from .reading import load_pair
    from .taxonomy import load_taxonomy

    if len(meta) > 2:
        raise UsageError("--meta is given once for OLD and once more for NEW, not more")
    sidecars = (meta[0] if meta else None, meta[1] if len(meta) > 1 else None)
    old_doc, new_doc = load_pair(old, new, sidecars)
    taxonomy = load_taxonomy(topics)
    codebook = load_codebook(indicators)
    fixes = None
    if overrides:
        from .overrides import read_overrides

        fixes = read_overrides(overrides)
    options = Options(topics_path=topics, indicators_path=indicators, overrides_path=overrides)
    return compare(old_doc, new_doc, options, taxonomy, codebook, fixes)


def _warnings(comparison: Comparison) -> list[str]:
    """The input warnings, as printed on stderr (and repeated from the cache)."""
    notes = [f"{comparison.options.overrides_path}: {n}" for n in comparison.correction_notes]
    return [f"{d.path}: {w}" for d in (comparison.old, comparison.new) for w in d.warnings] + notes


def _cache_key(args: ReportArgs | argparse.Namespace) -> str | None:
    """The cache key of this report, or None when it is not to be cached (``--no-cache``,
    standard input, a file that cannot be hashed: the report's own reading explains)."""
    from . import cache

    names = _input_names(args.old, args.new)
    if args.no_cache or STDIN in names:
        return None
    if len(args.meta) > 2:
        return None  # a usage error, said by build_comparison
    files: list[str | None] = [args.topics, args.indicators, args.overrides]
    for i, name in enumerate(names):
        if len(args.meta) > i:
            files += [args.meta[i], None]
        else:  # either sidecar name load.meta.sidecar_for may pick (without importing load)
            both = (os.path.splitext(name)[0] + ".meta.json", name + ".meta.json")
            files += [c if c != name and os.path.isfile(c) else None for c in both]
    try:
        return cache.cache_key(names, args.format, files)
    except OSError:
        return None


def _report_text(args: ReportArgs | argparse.Namespace) -> Report:
    """The report, from the cache when it holds one for these inputs and options; else a
    function that writes it piece by piece (see :data:`lingdiff.output.Report`), storing it
    in the cache as it goes when it is small enough to be kept there."""
    from . import cache

    key = _cache_key(args)
    hit = cache.read_entry(key) if key else None
    if hit is not None:
        text, warnings = hit
        for warning in warnings:
            _err(f"lingdiff: warning: {warning}")
        return text
    old, new = _inputs(args.old, args.new)
    comparison = build_comparison(old, new, args.topics, args.indicators, args.meta, args.overrides)
    warnings = _warnings(comparison)
    for warning in warnings:
        _err(f"lingdiff: warning: {warning}")
    from .render import writer

    write = writer(args.format)

    def report(emit: Callable[[str], None]) -> None:
        if not key:
            write(comparison, emit)
            return
        kept: list[str] | None = []
        size = 0

        def keep(piece: str) -> None:
            nonlocal kept, size
            emit(piece)
            if kept is not None:  # a report larger than the whole cache is not kept
                size += len(piece.encode("utf-8", "surrogateescape"))
                kept.append(piece)
                if size > cache.MAX_BYTES:
                    kept = None

        write(comparison, keep)
        if kept is not None:
            cache.write_entry(key, "".join(kept), warnings)

    return report


def _err(line: str) -> None:
    """One line on stderr, control characters and undecodable bytes shown as ``\\xNN``."""
    from .output import printable

    if sys.stderr is not None:  # stderr closed (2>&-): say nothing rather than fall on stdout
        print(printable(line), file=sys.stderr)


def run_report(argv: Sequence[str]) -> int:
    """``lingdiff report``: write the markdown, JSON or CSV report."""
    args = quick_report_args(argv) or report_parser().parse_args(argv)
    old, new = _inputs(args.old, args.new)
    from pathlib import Path

    from .output import check_output, write_report, write_stdout

    if args.output == "":
        raise UsageError("-o needs a file name")
    output = Path(args.output) if args.output is not None else None
    meta = [Path(m) for m in args.meta]
    option_files = (args.topics, args.indicators, args.overrides)
    inputs = (old, new, *(Path(f) for f in option_files if f), *meta)
    check_output(output, inputs, force=args.force)
    text = _report_text(args)
    if output is None:
        write_stdout(text)
    else:
        write_report(output, text, inputs, replace=args.force)
        _err(f"lingdiff: wrote {output}")
    return EXIT_OK


def run_cache(argv: Sequence[str]) -> int:
    """``lingdiff cache info|clear``: where the cache is and how big; empty it."""
    from . import cache

    args = cache_parser().parse_args(argv)
    if args.action == "clear":
        entries, size = cache.clear()
        print(f"lingdiff: removed {entries} cached reports ({size / 1024:.0f} KB)")
    else:
        entries, size = cache.usage()
        print(f"{cache.cache_dir()}: {entries} cached reports, {size / 1024:.0f} KB")
    return EXIT_OK


def run_tui(argv: Sequence[str]) -> int:
    """``lingdiff [OLD NEW]``: open the terminal UI."""
    args = main_parser().parse_args(argv)
    old, new = _inputs(args.old, args.new)
    if STDIN in (str(old), str(new)):
        raise UsageError("the terminal UI needs standard input; use 'lingdiff report - NEW'")
    # run_app says first if a report cannot be read (it is read in the process that compares
    # it), then if the overrides file is bad, then if there is no terminal (exit 2): all before
    # the screen is taken over
    from .tui.app import StartAt, run_app

    run_app(old, new, args.topics, StartAt(args.tab, args.section, args.search), args.overrides)
    # The screen is restored and nothing is left to write: skip the interpreter's teardown
    # (freeing every object of both reports), which made quitting take half a second.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(EXIT_OK)


def _one_folder(argv: Sequence[str]) -> bool:
    return len(argv) == 1 and os.path.isdir(argv[0])


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``lingdiff`` console script."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] == "report":
            return run_report(argv[1:])
        if argv and argv[0] == "cache":
            return run_cache(argv[1:])
        if (argv and argv[0] in ("series", "panel")) or len(argv) > 2 or _one_folder(argv):
            from . import cli_series

            if argv[0] in ("series", "panel"):
                run = cli_series.run_series if argv[0] == "series" else cli_series.run_panel
                return run(argv[1:])
            if cli_series.wants_series_tui(argv):
                return cli_series.run_series_tui(argv)
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
        from .output import silence_stdout

        silence_stdout()
        return EXIT_OK
    except MemoryError:
        _err("lingdiff: error: out of memory reading the input")
        return EXIT_INPUT
    except OSError as exc:  # an operating-system failure not foreseen above: still named
        from .output import os_reason, printable

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
