"""Running a large panel: files in chunks on a process pool (or a Dask cluster), rows written
in input order as they come, a progress bar on stderr, failures collected, ``--resume``.

The output is written to a temporary file beside it and renamed at the end, so an interrupted
run leaves the previous file (or none) untouched; ``--resume`` keeps the rows of files already
in the output (by content sha256) and reads only the others.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Executor, Future, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .load.limits import MAX_BYTES

if TYPE_CHECKING:
    from .panel_overrides import PanelCorrections
from .panel import (
    FLOAT_COLUMNS,
    INT_COLUMNS,
    PANEL_COLUMNS,
    FileResult,
    ManifestEntry,
    file_rows,
    sha256_of,
)

Item = tuple[str, bytes, ManifestEntry | None]


@dataclass
class RunSummary:
    """What a panel run did: files read, files skipped by ``--resume``, rows, failures."""

    files: int = 0
    skipped: int = 0
    rows: int = 0
    failures: list[FileResult] = field(default_factory=list)


def run_chunk(items: Sequence[Item]) -> list[FileResult]:
    """The task sent to a worker: several files, each read into rows or a failure."""
    return [file_rows(source, data, entry) for source, data, entry in items]


def done_hashes(output: Path, fmt: str) -> set[str]:
    """The sha256 of every file that already has rows in ``output`` (for ``--resume``)."""
    if not output.exists():
        return set()
    if fmt == "parquet":
        import pyarrow.parquet as pq

        return set(pq.read_table(output, columns=["sha256"]).column("sha256").to_pylist())
    from .errors import LoadError

    with output.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader, [])
        if tuple(header) != PANEL_COLUMNS:
            raise LoadError(f"{output}: not a panel of this lingdiff's columns; cannot resume it")
        at = header.index("sha256")
        return {row[at] for row in reader if len(row) > at}


def _items(
    paths: Iterable[Path], manifest: dict[str, ManifestEntry], skip: set[str], summary: RunSummary
) -> Iterator[Item]:
    for path in paths:
        source = str(path)
        try:
            size = path.stat().st_size
            if size == 0:
                summary.failures.append(FileResult(source, "", error="the file is empty"))
                summary.files += 1
                continue
            if size > MAX_BYTES:
                mb = f"{size / 1024 / 1024:.1f}"
                reason = f"the file is {mb} MB; reports are read up to {MAX_BYTES >> 20} MB"
                summary.failures.append(FileResult(source, "", error=reason))
                summary.files += 1
                continue
            data = path.read_bytes()
        except OSError as exc:
            summary.failures.append(
                FileResult(source, "", error=f"cannot read ({exc.strerror or exc})")
            )
            summary.files += 1
            continue
        if skip and sha256_of(data) in skip:
            summary.skipped += 1
            continue
        yield source, data, manifest.get(str(path.resolve()))


def _chunks(items: Iterator[Item], size: int) -> Iterator[list[Item]]:
    chunk: list[Item] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def execute(
    chunks: Iterator[list[Item]],
    executor: Executor | None,
    window: int,
    on_result: Callable[[list[FileResult]], None],
) -> None:
    """Run every chunk (in-process when ``executor`` is None) and hand the results to
    ``on_result`` in input order, keeping at most ``window`` chunks in flight."""
    if executor is None:
        for chunk in chunks:
            on_result(run_chunk(chunk))
        return
    pending: dict[Future[list[FileResult]], int] = {}
    ready: dict[int, list[FileResult]] = {}
    submitted = flushed = 0
    exhausted = False
    while True:
        while not exhausted and len(pending) < window:
            chunk = next(chunks, None)
            if chunk is None:
                exhausted = True
                break
            pending[executor.submit(run_chunk, chunk)] = submitted
            submitted += 1
        if not pending:
            break
        finished, _ = wait(pending, return_when=FIRST_COMPLETED)
        for fut in finished:
            ready[pending.pop(fut)] = fut.result()
        while flushed in ready:
            on_result(ready.pop(flushed))
            flushed += 1


class _CsvSink:
    """Rows to CSV through a temporary file; the previous rows first when resuming."""

    def __init__(self, output: Path, keep_existing: bool) -> None:
        import tempfile

        fd, name = tempfile.mkstemp(prefix=f".{output.name}.", dir=output.parent)
        self.tmp = Path(name)
        self.fh = os.fdopen(fd, "w", encoding="utf-8", newline="")
        self.writer = csv.writer(self.fh, lineterminator="\n")
        self.writer.writerow(PANEL_COLUMNS)
        if keep_existing and output.exists():
            with output.open(encoding="utf-8", newline="") as old:
                reader = csv.reader(old)
                next(reader, None)
                self.writer.writerows(reader)

    def write(self, rows: Sequence[tuple[Any, ...]]) -> None:
        self.writer.writerows(tuple("" if v is None else v for v in row) for row in rows)

    def close(self) -> None:
        self.fh.close()


class _ParquetSink:
    """Rows to Parquet (pyarrow) in row groups; the previous table first when resuming."""

    def __init__(self, output: Path, keep_existing: bool) -> None:
        import tempfile

        import pyarrow as pa
        import pyarrow.parquet as pq

        self.pa = pa
        types = {
            c: pa.int64()
            if c in INT_COLUMNS
            else pa.float64()
            if c in FLOAT_COLUMNS
            else pa.string()
            for c in PANEL_COLUMNS
        }
        self.schema = pa.schema([(c, types[c]) for c in PANEL_COLUMNS])
        fd, name = tempfile.mkstemp(prefix=f".{output.name}.", dir=output.parent)
        os.close(fd)
        self.tmp = Path(name)
        self.writer = pq.ParquetWriter(self.tmp, self.schema)
        if keep_existing and output.exists():
            self.writer.write_table(pq.read_table(output).cast(self.schema))

    def write(self, rows: Sequence[tuple[Any, ...]]) -> None:
        if rows:
            columns = list(zip(*rows, strict=True))
            self.writer.write_table(
                self.pa.Table.from_arrays(
                    [self.pa.array(c, t) for c, t in zip(columns, self.schema.types, strict=True)],
                    schema=self.schema,
                )
            )

    def close(self) -> None:
        self.writer.close()


def run_panel(
    paths: Sequence[Path],
    output: Path,
    *,
    fmt: str,
    jobs: int,
    resume: bool = False,
    replace: bool = True,
    manifest: dict[str, ManifestEntry] | None = None,
    executor: Executor | None = None,
    progress: Callable[[int], None] | None = None,
    corrections: PanelCorrections | None = None,
) -> RunSummary:
    """Read ``paths`` into the panel at ``output`` (csv or parquet) and say what happened.

    ``executor`` overrides the process pool (a Dask executor); ``jobs`` 1 without one runs
    in this process. ``progress`` is called with the number of files finished each time.
    ``corrections`` (from ``--overrides``) are applied to each row as it is written.
    Without ``replace`` (``--force`` or ``--resume``) the finished panel takes its name only
    if nothing has appeared there meanwhile (an exclusive link, as ``report -o`` does).
    """
    summary = RunSummary()
    skip = done_hashes(output, fmt) if resume else set()
    sink: _CsvSink | _ParquetSink = (
        _ParquetSink(output, resume) if fmt == "parquet" else _CsvSink(output, resume)
    )

    def take(results: list[FileResult]) -> None:
        rows = [r for res in results for r in res.rows]
        if corrections:
            rows = [corrections.apply(r) for r in rows]
        sink.write(rows)
        summary.rows += len(rows)
        summary.files += len(results)
        summary.failures.extend(res for res in results if res.error)
        if progress:
            progress(len(results))

    size = 4 if jobs > 1 or executor is not None else 16
    chunks = _chunks(_items(paths, manifest or {}, skip, summary), size)
    pool: Executor | None = executor
    try:
        if pool is None and jobs > 1:
            from concurrent.futures import ProcessPoolExecutor

            _warm()  # forked workers inherit the imported core instead of each importing it
            pool = ProcessPoolExecutor(max_workers=jobs)
        execute(chunks, pool, max(2, jobs) * 4, take)
        sink.close()
        _replace(sink.tmp, output) if replace else _link_new(sink.tmp, output)
    except BaseException:
        sink.tmp.unlink(missing_ok=True)
        raise
    finally:
        if pool is not None and pool is not executor:
            pool.shutdown(cancel_futures=True)
    return summary


def _warm() -> None:
    """Import what reading a report needs (:func:`lingdiff.panel.file_rows`), once, here."""
    from . import outline  # noqa: F401
    from .figures.codebook import load_codebook
    from .load import decode_report  # noqa: F401
    from .outline import place  # noqa: F401

    load_codebook()  # the packaged codebook, parsed once for every worker


def _link_new(tmp: Path, output: Path) -> None:
    """Give the finished panel its name unless something took the name during the run."""
    from .errors import OutputError

    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)
    try:
        os.link(tmp, output)
    except FileExistsError:
        raise OutputError(
            f"{output}: a file appeared there while the panel was made; use --force to replace it"
        ) from None
    except OSError:  # no hard links here: the name was free when checked, take it
        os.replace(tmp, output)
        return
    tmp.unlink(missing_ok=True)


def _replace(tmp: Path, output: Path) -> None:
    umask = os.umask(0)
    os.umask(umask)
    mode = output.stat().st_mode & 0o777 if output.exists() else 0o666 & ~umask
    os.chmod(tmp, mode)
    os.replace(tmp, output)


def failures_csv(failures: Sequence[FileResult]) -> str:
    """The failures table as CSV text: ``source, sha256, reason``."""
    import io

    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(("source", "sha256", "reason"))
    writer.writerows((f.source, f.sha256, f.error) for f in failures)
    return buf.getvalue()
