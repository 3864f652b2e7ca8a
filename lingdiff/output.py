"""Writing reports safely: never over an input, never over anything but a regular file,
never half a file, never over a file that appeared while lingdiff was comparing.

Shared by ``lingdiff report -o`` and the TUI's export screen. The protocol:

1. :func:`output_problem` before the comparison: the path is not an input (same file, by
   inode), not a folder, device, FIFO or socket, its name is not too long, and its folder
   exists and accepts a new file (a probe file is created there and removed at once).
2. :func:`write_report` after it: the text goes whole into a temporary file in the same
   folder, which is then *linked* to the name. ``link`` fails if the name exists, so a file
   created in the meantime (by the user or by a concurrent lingdiff run) is never replaced;
   only ``replace=True`` (``--force``, or a confirmation in the TUI) renames over an existing
   regular file. Where hard links are not supported the name is opened with ``O_EXCL``.

:func:`check_output` is the command line's check (also: a closed stdout, an existing file
without ``--force``); :func:`write_stdout` writes a report to stdout as UTF-8 whatever the
locale, and names a failure (``/dev/full``) instead of raising it.

Devices and FIFOs are refused even with ``--force``: writing to ``/dev/null`` or a pipe is
what stdout is for (``lingdiff report > /dev/null``), and replacing them with a regular
file (as a rename would) breaks the system. Paths that are not valid UTF-8 (a GBK name from
a Chinese archive) are used as the operating system gives them and shown with ``\\xNN``.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from .errors import OutputError

# Pattern texts, compiled by re (and kept in its cache) the first time a line is printed: most
# runs print nothing on stderr.
_ESCAPED_BYTE = r"\\x([0-9a-fA-F]{2})"
_UNPRINTABLE = "[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\udc80-\udcff]"

_REASONS = {
    errno.ENOSPC: "no space left on the disk",
    errno.EDQUOT: "disk quota exceeded",
    errno.ENAMETOOLONG: "the file name is too long",
    errno.EROFS: "the folder is on a read-only file system",
    errno.EACCES: "permission denied (the folder is not writable)",
    errno.EPERM: "permission denied (the folder is not writable)",
    errno.EFBIG: "the file is too large for this file system",
    errno.EIO: "input/output error on the disk",
}


def printable(text: str) -> str:
    """Text as it can be shown on a terminal: undecodable bytes (surrogate escapes) and
    control characters (which could move the cursor or retitle the window) as ``\\xNN``
    or ``\\u202e``. Used for every line lingdiff prints on stderr and every path it shows."""
    return re.sub(_UNPRINTABLE, _escape_char, text)


def display_path(path: str | os.PathLike[str]) -> str:
    """A path as :func:`printable` shows it (reversed by :func:`path_from_display`)."""
    return printable(os.fspath(path))


def _escape_char(m: re.Match[str]) -> str:
    code = ord(m.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def path_from_display(text: str) -> Path:
    """The path a user typed or accepted in :func:`display_path` form (``\\xNN`` back to bytes)."""

    def byte(m: re.Match[str]) -> str:
        value = int(m.group(1), 16)
        return chr(0xDC00 + value) if value >= 0x80 else chr(value)

    return Path(re.sub(_ESCAPED_BYTE, byte, text)).expanduser()


def os_reason(exc: OSError) -> str:
    """A short, plain reason for an operating-system error (``no space left on the disk``)."""
    return _REASONS.get(exc.errno or 0) or (exc.strerror or str(exc)).lower()


def _lstat(path: Path) -> os.stat_result | None:
    """``lstat`` of ``path``, None if nothing is there; :class:`OutputError` if it cannot be."""
    try:
        return path.lstat()
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:
        raise OutputError(f"{display_path(path)}: {os_reason(exc)}") from None


def exists(path: Path) -> bool:
    """Whether anything (a file, a folder, even a dangling symbolic link) has this name."""
    try:
        return _lstat(path) is not None
    except OutputError:
        return False


def _target(path: Path) -> Path:
    """The file a report at ``path`` replaces: the path itself, or the regular file a
    symbolic link points to (the link stays, the file it names gets the report)."""
    if path.is_symlink():
        real = Path(os.path.realpath(path))
        if not real.exists():
            raise OutputError(f"{display_path(path)}: is a symbolic link to nothing")
        return real
    return path


def output_problem(path: Path, inputs: Sequence[Path | None]) -> str | None:
    """Why a report cannot be written at ``path`` (None if it can), checked before comparing.

    ``inputs`` are the reports and the taxonomy file; writing over any of them is refused.
    An existing regular file is not a problem here: the caller decides whether to replace
    it (``--force`` on the command line, a confirmation in the TUI).
    """
    shown = display_path(path)
    try:
        target = _target(path)
        st = _lstat(target)
    except OutputError as exc:
        return str(exc)
    for src in inputs:
        if src is None:
            continue
        try:
            same = st is not None and target.samefile(src)
        except OSError:
            same = False
        if same or os.path.abspath(target) == os.path.abspath(src):
            return f"{shown}: is an input of this comparison; refusing to overwrite it"
    if st is not None and stat.S_ISDIR(st.st_mode):
        return f"{shown}: is a folder"
    if st is not None and not stat.S_ISREG(st.st_mode):
        return (
            f"{shown}: is not a regular file (a device, FIFO or socket); lingdiff writes "
            "reports only to files (leave out -o to write to stdout)"
        )
    folder = target.parent
    if not folder.is_dir():
        return f"{shown}: the folder {display_path(folder)} does not exist"
    try:
        fd, probe = _create_temp(folder)
    except OSError as exc:
        return f"{shown}: cannot write there: {os_reason(exc)}"
    os.close(fd)
    os.unlink(probe)
    return None


def _create_temp(folder: Path) -> tuple[int, str]:
    """A new, empty, exclusively created file in ``folder`` with the mode a new file gets."""
    for _ in range(16):
        name = os.path.join(folder, f".lingdiff-{os.getpid()}-{os.urandom(4).hex()}.tmp")
        try:
            return os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), name
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "could not create a temporary file", str(folder))


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


Report = str | Callable[[Callable[[str], None]], None]
"""What :func:`write_report` and :func:`write_stdout` write: the text, or a function that
writes it piece by piece through the function it is given (a long JSON report is never one
string: :func:`lingdiff.render.writer`)."""


def _pieces(text: Report, emit: Callable[[str], None]) -> None:
    if isinstance(text, str):
        emit(text)
    else:
        text(emit)


def write_report(
    path: Path,
    text: Report,
    inputs: Sequence[Path | None] = (),
    *,
    replace: bool = False,
) -> None:
    """Write ``text`` (UTF-8; a :data:`Report`) to ``path`` whole or not at all; raise
    :class:`OutputError`.

    Without ``replace`` the file must not exist when the report is put in place (even if
    it did not exist when the comparison began); with it, only a regular file is replaced
    (it keeps its mode). The checks of :func:`output_problem` are made again.
    """
    problem = output_problem(path, inputs)
    if problem:
        raise OutputError(problem)
    target = _target(path)
    shown = display_path(path)
    try:
        fd, tmp = _create_temp(target.parent)
    except OSError as exc:
        raise OutputError(f"{shown}: cannot write the report: {os_reason(exc)}") from None
    try:
        try:
            _pieces(text, lambda piece: _write_all(fd, piece.encode("utf-8", "surrogateescape")))
            os.fsync(fd)
        finally:
            os.close(fd)
        if replace:
            _replace(tmp, target, shown)
        else:
            _link_new(tmp, target, shown)
    except OSError as exc:
        raise OutputError(f"{shown}: cannot write the report: {os_reason(exc)}") from None
    finally:
        Path(tmp).unlink(missing_ok=True)


def _already_exists(shown: str) -> OutputError:
    return OutputError(
        f"{shown}: already exists (it appeared while lingdiff was comparing); "
        "use --force to replace it"
    )


def _link_new(tmp: str, target: Path, shown: str) -> None:
    """Give the finished temporary file its name, failing if the name is taken."""
    try:
        os.link(tmp, target)
        return
    except FileExistsError:
        raise _already_exists(shown) from None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
            raise
    # no hard links on this file system: create the name exclusively and write into it
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except FileExistsError:
        raise _already_exists(shown) from None
    try:
        with open(tmp, "rb") as written:
            while data := written.read(1 << 20):
                _write_all(fd, data)
    except BaseException:
        os.close(fd)
        target.unlink(missing_ok=True)
        raise
    os.close(fd)


def _replace(tmp: str, target: Path, shown: str) -> None:
    """Rename the temporary file over ``target`` if that is a regular file (or nothing)."""
    st = _lstat(target)
    if st is not None:
        if not stat.S_ISREG(st.st_mode):
            raise OutputError(f"{shown}: is no longer a regular file; refusing to replace it")
        os.chmod(tmp, stat.S_IMODE(st.st_mode))
    os.replace(tmp, target)


def check_output(output: Path | None, inputs: Sequence[Path | None], *, force: bool) -> None:
    """Refuse, before the comparison, a destination the report could not be written to:
    a closed stdout, or what :func:`output_problem` finds, or an existing file without ``force``."""
    if output is None:
        if sys.stdout is None:
            raise OutputError("stdout is closed; give -o FILE to write the report to a file")
        return
    problem = output_problem(output, inputs)
    if problem:
        raise OutputError(problem)
    if exists(output) and not force:
        raise OutputError(f"{display_path(output)}: already exists; use --force to replace it")


def write_stdout(text: Report) -> None:
    """Write the report (a :data:`Report`) to stdout as UTF-8 whatever the locale says
    (reports are UTF-8 files; ``LANG=C`` or ``PYTHONIOENCODING=ascii`` must not turn them
    into an error)."""
    out = sys.stdout
    try:
        buffer = getattr(out, "buffer", None)
        if buffer is None:
            _pieces(text, out.write)
        else:
            out.flush()
            _pieces(text, lambda piece: buffer.write(piece.encode("utf-8", "surrogateescape")))
        out.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        silence_stdout()
        raise OutputError(f"stdout: cannot write the report: {os_reason(exc)}") from None


def silence_stdout() -> None:
    """Point stdout at /dev/null so that the flush at exit does not fail a second time
    (after a broken pipe or a full disk)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, AttributeError, ValueError):
        pass
