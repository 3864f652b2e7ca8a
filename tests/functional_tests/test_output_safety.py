"""Output safety and named failures of ``lingdiff report`` (issue 12, parts 4 and 5).

Every refusal is one line on stderr and exit 1; nothing but a regular file is ever replaced;
a file that appears while lingdiff compares is never overwritten without ``--force``.
Tests that need a full disk or a read-only folder make one in a private mount namespace
(``unshare -rm``) and skip, saying so, where that is not allowed.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lingdiff import cli
from lingdiff.cli import main
from tests.helpers import NEW_PATH, OLD_PATH, ROOT

PY = sys.executable


def run(
    *args: str | bytes, env: dict[str, str] | None = None, **kw: object
) -> subprocess.CompletedProcess[bytes]:
    """The real command line in a subprocess; output kept as bytes."""
    base = {**os.environ, "PYTHONPATH": str(ROOT)}
    base.pop("LINGDIFF_DEBUG", None)
    return subprocess.run(
        [PY, "-m", "lingdiff.cli", *args],
        capture_output=kw.pop("capture_output", True),  # type: ignore[arg-type]
        env={**base, **(env or {})},
        cwd=ROOT,
        timeout=120,
        **kw,  # type: ignore[arg-type]
    )


def one_line(result: subprocess.CompletedProcess[bytes]) -> str:
    """The single stderr line of a refused run (and check there is exactly one)."""
    err = result.stderr.decode("utf-8")
    assert err.count("\n") == 1, err
    assert "Traceback" not in err and "internal error" not in err
    return err


@pytest.fixture
def broken_topics(tmp_path: Path) -> Path:
    """A taxonomy that fails only when the comparison starts: an output error reported
    instead of it proves the output was checked before comparing."""
    path = tmp_path / "broken-topics.json"
    path.write_text("{not json", encoding="utf-8")
    return path


# ---------------------------------------------------------------- only regular files


@pytest.mark.parametrize("device", ["/dev/null", "/dev/zero"])
def test_force_never_replaces_a_device(device: str) -> None:
    before = os.stat(device)
    if not stat.S_ISCHR(before.st_mode):  # something else on this machine broke it
        pytest.skip(f"{device} is not a device on this machine")
    result = run("report", "-o", device, "--force")
    assert result.returncode == 1
    assert one_line(result) == (
        f"lingdiff: error: {device}: is not a regular file (a device, FIFO or socket); "
        "lingdiff writes reports only to files (leave out -o to write to stdout)\n"
    )
    after = os.stat(device)
    assert stat.S_ISCHR(after.st_mode) and after.st_ino == before.st_ino


def test_force_never_replaces_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    result = run("report", "-o", str(fifo), "--force")  # must not open it (that would block)
    assert result.returncode == 1
    assert "is not a regular file" in one_line(result)
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_symlink_to_a_file_keeps_the_link_and_refuses_a_dangling_one(tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    assert main(["report", "-o", str(link), "--force"]) == 0
    assert link.is_symlink() and real.read_text(encoding="utf-8").startswith("# lingdiff")
    dangling = tmp_path / "dangling.md"
    dangling.symlink_to(tmp_path / "nowhere.md")
    result = run("report", "-o", str(dangling), "--force")
    assert result.returncode == 1
    assert one_line(result).endswith(f"{dangling}: is a symbolic link to nothing\n")
    assert not (tmp_path / "nowhere.md").exists()


# ---------------------------------------------------------------- never over an input


def test_output_may_not_be_the_topics_file_or_a_hard_link_to_an_input(tmp_path: Path) -> None:
    topics = tmp_path / "topics.json"
    shutil.copy(ROOT / "lingdiff" / "data" / "topics.json", topics)
    before = topics.read_bytes()
    result = run("report", "--topics", str(topics), "-o", str(topics), "--force")
    assert result.returncode == 1
    assert one_line(result) == (
        f"lingdiff: error: {topics}: is an input of this comparison; refusing to overwrite it\n"
    )
    assert topics.read_bytes() == before
    old = tmp_path / "old.txt"
    shutil.copy(OLD_PATH, old)
    alias = tmp_path / "alias.md"
    os.link(old, alias)
    result = run("report", str(old), str(NEW_PATH), "-o", str(alias), "--force")
    assert result.returncode == 1
    assert "is an input of this comparison" in one_line(result)
    assert old.read_bytes() == OLD_PATH.read_bytes()


# ---------------------------------------------------------------- exclusive creation


def test_a_file_created_while_comparing_is_not_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "r.md"
    real = cli.build_comparison

    def meanwhile(*args: object) -> object:
        out.write_text("mine", encoding="utf-8")  # another program writes the file now
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(cli, "build_comparison", meanwhile)
    assert main(["report", "-o", str(out), "--no-cache"]) == 1  # compared, not cached
    assert capsys.readouterr().err == (
        f"lingdiff: error: {out}: already exists (it appeared while lingdiff was comparing); "
        "use --force to replace it\n"
    )
    assert out.read_text(encoding="utf-8") == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.md"]  # no temporary file left


def test_two_concurrent_runs_cannot_both_win(tmp_path: Path) -> None:
    out = tmp_path / "r.md"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [
        subprocess.Popen(
            [PY, "-m", "lingdiff.cli", "report", "-o", str(out)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            cwd=ROOT,
        )
        for _ in range(2)
    ]
    results = [(p.wait(timeout=120), p.stderr.read().decode()) for p in procs]  # type: ignore[union-attr]
    assert sorted(code for code, _ in results) == [0, 1]
    loser = next(err for code, err in results if code == 1)
    assert "already exists" in loser and loser.count("\n") == 1
    assert out.read_text(encoding="utf-8").startswith("# lingdiff report")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.md"]


# ---------------------------------------------------------------- names


def test_output_name_that_is_not_utf8_works(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path) + b"/\xd6\xd0\xce\xc4"  # 中文 in GBK
    os.mkdir(folder)
    target = folder + b"/\xb1\xa8\xb8\xe6.md"  # 报告.md in GBK
    result = run(b"report", b"-o", target)
    assert result.returncode == 0, result.stderr
    with open(target, "rb") as fh:
        assert fh.read().decode("utf-8").startswith("# lingdiff report")
    assert (
        result.stderr
        == f"lingdiff: wrote {tmp_path}/\\xd6\\xd0\\xce\\xc4/\\xb1\\xa8\\xb8\\xe6.md\n".encode()
    )


def test_name_too_long_is_named_before_comparing(tmp_path: Path, broken_topics: Path) -> None:
    out = tmp_path / ("报告" * 60 + ".md")  # 363 bytes: longer than a name may be
    result = run("report", "--topics", str(broken_topics), "-o", str(out))
    assert result.returncode == 1
    assert one_line(result) == f"lingdiff: error: {out}: the file name is too long\n"


def test_empty_output_name_is_a_usage_error() -> None:
    result = run("report", "-o", "")
    assert result.returncode == 2
    assert one_line(result) == "lingdiff: usage error: -o needs a file name\n"
    assert result.stdout == b""


def test_control_characters_in_a_name_are_shown_escaped(tmp_path: Path) -> None:
    out = tmp_path / "no\x1b]0;pwned\x07" / "r.md"
    result = run("report", "-o", str(out))
    assert result.returncode == 1
    assert b"\x1b" not in result.stderr and b"\x07" not in result.stderr
    assert "no\\x1b]0;pwned\\x07" in one_line(result)


# ---------------------------------------------------------------- full disk, read-only folder


def _in_private_mount(setup: str, folder: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    """Run lingdiff inside ``unshare -rm`` after ``setup`` (shell, $1 = folder) mounted
    something on ``folder``; skip when namespaces are not allowed here."""
    unshare = shutil.which("unshare")
    if not unshare or subprocess.run([unshare, "-rm", "true"], capture_output=True).returncode:
        pytest.skip("cannot make a private mount namespace (unshare -rm) on this machine")
    script = f'{setup} && shift && exec "$@"'
    return subprocess.run(
        [unshare, "-rm", "sh", "-c", script, "sh", str(folder), PY, "-m", "lingdiff.cli", *args],
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        cwd=ROOT,
        timeout=120,
    )


def test_full_disk_is_named_and_leaves_nothing(tmp_path: Path) -> None:
    disk = tmp_path / "disk"
    disk.mkdir()
    result = _in_private_mount(
        'mount -t tmpfs -o size=32k tmpfs "$1"', disk, "report", "-o", str(disk / "r.md")
    )
    assert result.returncode == 1
    assert one_line(result) == (
        f"lingdiff: error: {disk}/r.md: cannot write the report: no space left on the disk\n"
    )


def test_read_only_folder_is_named_before_comparing(tmp_path: Path, broken_topics: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    result = _in_private_mount(
        'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1"',
        folder,
        *("report", "--topics", str(broken_topics), "-o", str(folder / "r.md")),
    )
    assert result.returncode == 1
    assert one_line(result) == (
        f"lingdiff: error: {folder}/r.md: cannot write there: "
        "the folder is on a read-only file system\n"
    )


# ---------------------------------------------------------------- stdout


def test_stdout_on_a_full_device_is_named() -> None:
    with open("/dev/full", "wb") as full:
        result = run(
            "report", "--format", "csv", stdout=full, stderr=subprocess.PIPE, capture_output=False
        )
    assert result.returncode == 1
    assert (
        one_line(result)
        == "lingdiff: error: stdout: cannot write the report: no space left on the disk\n"
    )


def test_closed_stdout_is_named_before_comparing(broken_topics: Path) -> None:
    result = subprocess.run(
        ["sh", "-c", 'exec "$0" -m lingdiff.cli report --topics "$1" >&-', PY, str(broken_topics)],
        capture_output=False,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 1
    assert one_line(result) == (
        "lingdiff: error: stdout is closed; give -o FILE to write the report to a file\n"
    )


@pytest.mark.parametrize(
    "env", [{"PYTHONIOENCODING": "ascii"}, {"LANG": "C", "LC_ALL": "C", "PYTHONUTF8": "0"}]
)
def test_report_is_utf8_whatever_the_locale(env: dict[str, str]) -> None:
    result = run("report", "--format", "json", env=env)
    assert result.returncode == 0, result.stderr
    assert result.stderr == b""
    data = json.loads(result.stdout.decode("utf-8"))
    assert data["documents"][0]["title"].startswith("关于零陵区2019年")


# ---------------------------------------------------------------- hostile --topics


def test_huge_deep_or_endless_topics_file_is_refused(tmp_path: Path) -> None:
    huge = tmp_path / "huge.json"
    huge.write_text('{"topics": [' + '"x", ' * 400_000 + '"x"]}', encoding="utf-8")
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    cases = [
        (huge, f"{huge}: larger than 1 MB; a taxonomy is a few kilobytes of JSON"),
        (deep, f"{deep}: nested 200000 levels deep; a taxonomy needs 8 at most"),
        (Path("/dev/zero"), "/dev/zero: larger than 1 MB; a taxonomy is a few kilobytes of JSON"),
    ]
    for path, message in cases:
        result = run("report", "--topics", str(path))
        assert result.returncode == 1
        assert one_line(result) == f"lingdiff: error: {message}\n"
        assert result.stdout == b""


# ---------------------------------------------------------------- Ctrl-C


@pytest.mark.parametrize("delay", [0.0, 0.02, 0.08, 0.15])
def test_ctrl_c_at_any_moment_exits_130_quietly(delay: float) -> None:
    """SIGINT soon after the entry point starts: during the imports, the loading or the
    comparison (where it lands varies with the machine; the outcome must not). ``--no-cache``:
    a cached report would be written before any but the first signal."""
    code = (
        "import sys, lingdiff.entry; print('go', flush=True); "
        "sys.exit(lingdiff.entry.main(['report', '--no-cache']))"
    )
    proc = subprocess.Popen(
        [PY, "-c", code],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        cwd=ROOT,
    )
    assert proc.stdout is not None and proc.stdout.readline() == b"go\n"
    time.sleep(delay)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    if proc.returncode == 0:
        pytest.skip("the report was finished before the signal arrived")
    assert proc.returncode == 130
    assert err == b""
