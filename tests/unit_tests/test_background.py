"""A large pair's figures and phrases computed in a forked child: the same result, and the
work is done here when the child cannot run or fails.

The forking cases run in a fresh interpreter: this test process may hold threads left by
the TUI tests, and :mod:`lingdiff.background` rightly never forks with other threads running.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from lingdiff.background import Background

ROOT = Path(__file__).resolve().parents[2]

linux_only = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="lingdiff forks a second process on Linux only"
)


_COUNT_FORKS = """
def count_forks(background):
    \"\"\"The pids of the children lingdiff.background forks from now on.\"\"\"
    import os
    forks, real = [], os.fork
    def fork():
        pid = real()
        if pid:
            forks.append(pid)
        return pid
    background.os.fork = fork
    return forks
"""


def _run(code: str) -> str:
    """What ``code`` prints in a fresh interpreter with this tree first on the path (with
    ``count_forks(background)`` defined)."""
    code = _COUNT_FORKS + code
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@linux_only
def test_a_pair_compared_in_two_processes_gives_the_same_report() -> None:
    out = _run(
        """
import importlib, os
from lingdiff import background
from lingdiff.render.json import render_json
from tests.helpers import seed
compare = importlib.import_module("lingdiff.compare")
old, new = seed("old"), seed("new")
alone = render_json(compare.compare(old, new))
forks = count_forks(background)
compare.PARALLEL_CHARS = 0
print(render_json(compare.compare(old, new)) == alone, len(forks))
"""
    )
    assert out.split() == ["True", "1"]


@linux_only
def test_work_that_fails_in_the_child_is_done_again_here_and_raises_here() -> None:
    out = _run(
        """
import os
from lingdiff.background import Background
calls = []
def work():
    calls.append(os.getpid())
    raise ValueError("no such figure")
side = Background(work, fork=True)
forked = side.forked
try:
    side.result()
except ValueError as e:
    print(forked, e, calls == [os.getpid()])
"""
    )
    assert out.split() == ["True", "no", "such", "figure", "True"]


@linux_only
def test_cancel_kills_and_reaps_the_child() -> None:
    out = _run(
        """
import os, time
from lingdiff.background import Background
side = Background(lambda: time.sleep(3600), fork=True)  # killed, or this test times out
pid = side._pid
side.cancel()
try:
    os.waitpid(pid, 0)
except ChildProcessError:
    print(side.forked, "reaped")
"""
    )
    assert out.split() == ["False", "reaped"]


def test_without_a_fork_the_work_is_done_when_asked() -> None:
    calls: list[int] = []
    side = Background(lambda: calls.append(1) or len(calls), fork=False)
    assert not side.forked and calls == []
    assert side.result() == 1


def test_a_small_pair_is_compared_in_one_process() -> None:
    out = _run(
        """
import sys
from lingdiff.compare import compare
from tests.helpers import seed
compare(seed("old"), seed("new"))
print("lingdiff.background" in sys.modules)  # imported only to fork
"""
    )
    assert out.split() == ["False"]


@linux_only
def test_the_child_dies_with_its_parent(tmp_path) -> None:
    """A parent killed mid-comparison (the TUI's comparing process when the user quits)
    leaves no child computing on."""
    out = _run(
        f"""
import os, signal, time
middle = os.fork()
if middle == 0:  # holds no pipe of the test's, so that a surviving child cannot hang it
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 1)
    os.dup2(null, 2)
    from lingdiff.background import Background
    side = Background(lambda: time.sleep(3600), fork=True)
    with open({str(tmp_path / "pid.tmp")!r}, "w") as f:
        f.write(str(side._pid))
    os.replace({str(tmp_path / "pid.tmp")!r}, {str(tmp_path / "pid")!r})
    time.sleep(3600)
while not os.path.exists({str(tmp_path / "pid")!r}):
    time.sleep(0.05)
child = int(open({str(tmp_path / "pid")!r}).read())
os.kill(middle, signal.SIGKILL)
os.waitpid(middle, 0)
for _ in range(100):  # SIGKILL is delivered at once; allow the kernel its moment
    try:
        with open(f"/proc/{{child}}/stat") as f:
            state = f.read().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        state = "gone"
    if state in ("Z", "X", "gone"):
        break
    time.sleep(0.05)
if state not in ("Z", "X", "gone"):
    os.kill(child, signal.SIGKILL)  # survived its parent: tidy up, and fail
print(state in ("Z", "X", "gone"))
"""
    )
    assert out.split() == ["True"]


@linux_only
def test_a_large_pair_is_read_in_two_processes_as_in_one(tmp_path: Path) -> None:
    """From PARALLEL_BYTES of files the new report is read in a forked child: the same
    documents as reading them in turn."""
    out = _run(
        """
import os
from lingdiff import background, reading
from tests.helpers import OLD_PATH, NEW_PATH
alone = (reading.load_document(OLD_PATH, "old"), reading.load_document(NEW_PATH, "new"))
forks = count_forks(background)
reading.PARALLEL_BYTES = 1
both = reading.load_pair(OLD_PATH, NEW_PATH)
print(both == alone, [d.key for d in both], both[1].sentences == alone[1].sentences, len(forks))
"""
    )
    assert out.split() == ["True", "['old',", "'new']", "True", "1"]


@linux_only
def test_a_new_report_that_cannot_be_read_in_the_child_raises_its_error_here(
    tmp_path: Path,
) -> None:
    broken = tmp_path / "new.txt"
    broken.write_bytes(b"\x00\xff" * 600_000)  # binary: no report
    out = _run(
        f"""
from lingdiff import reading
from lingdiff.errors import LoadError
from tests.helpers import OLD_PATH
reading.PARALLEL_BYTES = 1
try:
    reading.load_pair(OLD_PATH, {str(broken)!r})
except LoadError as e:
    print("LoadError", str(e).startswith({str(broken)!r}))
"""
    )
    assert out.split() == ["LoadError", "True"]


def test_a_small_pair_or_standard_input_is_read_in_one_process() -> None:
    out = _run(
        """
import os, sys
from lingdiff import reading
from tests.helpers import OLD_PATH, NEW_PATH
reading.load_pair(OLD_PATH, NEW_PATH)
print("lingdiff.background" in sys.modules, reading._file_size("-"))
"""
    )
    assert out.split() == ["False", "0"]


@linux_only
def test_a_large_report_is_written_in_two_processes_as_in_one() -> None:
    """From PARALLEL_CHARS of text the JSON report's alignment and what follows it are
    written by a forked child into a temporary file: the same text, byte for byte."""
    out = _run(
        """
from lingdiff import background
from lingdiff.render import json as renderer
from tests.helpers import seed_comparison
c = seed_comparison()
alone = renderer.render_json(c)
forks = count_forks(background)
renderer.PARALLEL_CHARS = 0
renderer.PIECE = 3_000  # the copied half comes in many pieces, cut inside characters
pieces = []
renderer.write_json(c, pieces.append)
print("".join(pieces) == alone, len(forks), len(pieces) > 20, alone.count('"alignment": ['))
"""
    )
    assert out.split() == ["True", "1", "True", "1"]


@linux_only
def test_without_a_temporary_file_or_a_child_the_report_is_written_here() -> None:
    out = _run(
        """
import os
from lingdiff import background
from lingdiff.render import json as renderer
from tests.helpers import seed_comparison
c = seed_comparison()
alone = renderer.render_json(c)
renderer.PARALLEL_CHARS = 0
forks = count_forks(background)
renderer._scratch_file = lambda: None  # no room for a temporary file: one process
no_file = renderer.render_json(c)
print(no_file == alone, len(forks))
renderer._scratch_file = lambda: open("/dev/full", "w+b")  # a full disk: written here
print(renderer.render_json(c) == alone, len(forks))
real = renderer._entries_into
def fails_in_child(*args):
    if os.getpid() != parent:
        os._exit(3)  # the child dies: its half is written again here
    return real(*args)
parent = os.getpid()
renderer._scratch_file = lambda: __import__("tempfile").TemporaryFile()
renderer._entries_into = fails_in_child
print(renderer.render_json(c) == alone, len(forks))
"""
    )
    assert out.split() == ["True", "0", "True", "1", "True", "2"]
