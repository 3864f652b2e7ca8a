"""Fuzzing the whole pipeline (issue 12, part 8): mutated real reports through load → compare
→ every renderer, through the real command line.

Deterministic (fixed seed) and bounded: a fixed number of cases, each under a timeout. The
mutations are those a real archive produces or an attacker tries: byte flips, truncation
(also inside a multi-byte character), shuffled lines, stray numbering tokens, control
characters and terminal escapes, re-encodings, a broken .docx. For every case: no traceback,
no "internal error", no hang, exit code 0, 1 or 2, and no control character in anything
written (stdout, the -o file, stderr). Most cases call :func:`lingdiff.cli.main` in-process
(fast); a few run the real ``python -m lingdiff.cli`` in a subprocess.
"""

from __future__ import annotations

import csv
import io
import json
import os
import random
import re
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from lingdiff.cli import main
from tests.helpers import CORPUS, NEW_PATH, OLD_PATH, ROOT

pytestmark = pytest.mark.fuzz

SEED = 20261130
CASES = 72
SUBPROCESS_CASES = 3
CASE_TIMEOUT = 20  # seconds; a case takes well under one
CORPUS_FILES = ("national_2019.txt", "national_2024.txt")
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
NUMBERING = [
    "一、",
    "（三）",
    "2.",
    "①",
    "(十)",
    "第一章",
    "3）",
    "二十一、",
    "（一百）",
    "1.1",
    "⑳",
]
CONTROLS = [
    "\x1b[2J",
    "\x1b]0;pwned\x07",
    "\x1bc",
    "\x1bP1;2|x\x1b\\",
    "\x07",
    "\x08",
    "\x00",
    "\x85",
    "\x9b31m",
    "\u202e",
    "\u2066",
    "\r",
    "\x7f",
]
ENCODINGS = ["gb18030", "utf-16", "utf-16-le", "utf-8-sig", "big5", "shift_jis", "latin-1"]


class CaseTimeout(BaseException):
    """A case ran past its time (a BaseException, so lingdiff cannot swallow it)."""


@contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    def expire(signum: int, frame: object) -> None:
        raise CaseTimeout(f"case ran longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# ---------------------------------------------------------------- mutations


def flip_bytes(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 40)):
        out[rng.randrange(len(out))] ^= rng.randint(1, 255)
    return bytes(out)


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randint(1, len(data))]


def _text(data: bytes) -> str:
    return data.decode("utf-8", "replace")


def shuffle_lines(data: bytes, rng: random.Random) -> bytes:
    lines = _text(data).split("\n")
    rng.shuffle(lines)
    return "\n".join(lines).encode("utf-8")


def numbering_tokens(data: bytes, rng: random.Random) -> bytes:
    lines = _text(data).split("\n")
    for _ in range(rng.randint(5, 200)):
        i = rng.randrange(len(lines))
        token = rng.choice(NUMBERING)
        if rng.random() < 0.5:
            lines[i] = token + lines[i]
        else:
            cut = rng.randint(0, len(lines[i]))
            lines[i] = lines[i][:cut] + token + lines[i][cut:]
    return "\n".join(lines).encode("utf-8")


def control_characters(data: bytes, rng: random.Random) -> bytes:
    text = _text(data)
    for _ in range(rng.randint(1, 60)):
        cut = rng.randint(0, len(text))
        text = text[:cut] + rng.choice(CONTROLS) + text[cut:]
    return text.encode("utf-8")


def reencode(data: bytes, rng: random.Random) -> bytes:
    return _text(data).encode(rng.choice(ENCODINGS), "replace")


def broken_docx(data: bytes, rng: random.Random) -> bytes:
    return b"PK\x03\x04" + bytes(rng.randrange(256) for _ in range(rng.randint(0, 3000)))


MUTATIONS: list[Callable[[bytes, random.Random], bytes]] = [
    flip_bytes,
    truncate,
    shuffle_lines,
    numbering_tokens,
    control_characters,
    reencode,
]


def sources() -> list[bytes]:
    """The bundled reports, and two reports of the shared corpus when it is there."""
    found = [OLD_PATH.read_bytes(), NEW_PATH.read_bytes()]
    found += [(CORPUS / n).read_bytes() for n in CORPUS_FILES if (CORPUS / n).is_file()]
    return found


def make_case(rng: random.Random, pool: list[bytes]) -> tuple[bytes, str]:
    """One mutated report and the name of what was done to it."""
    data = rng.choice(pool)
    if rng.random() < 0.08:
        return broken_docx(data, rng), "broken_docx"
    steps = rng.sample(MUTATIONS, rng.choice((1, 1, 2)))
    for step in steps:
        data = step(data, rng) or b" "
    return data, "+".join(s.__name__ for s in steps)


def cases() -> list[tuple[bytes, bytes, str, str]]:
    """(old bytes, new bytes, format, description) for every case, from the fixed seed."""
    rng = random.Random(SEED)
    pool = sources()
    out = []
    for n in range(CASES + SUBPROCESS_CASES):
        old, how = make_case(rng, pool)
        new = NEW_PATH.read_bytes()
        if rng.random() < 0.3:
            new, how_new = make_case(rng, pool)
            how += f" vs {how_new}"
        out.append((old, new, ("md", "json", "csv")[n % 3], how))
    return out


# ---------------------------------------------------------------- checks


def check_outcome(code: int, out: bytes, err: bytes, fmt: str, how: str) -> None:
    """What every case must satisfy, whatever the input."""
    assert code in (0, 1, 2), (how, code, err)
    text_err = err.decode("utf-8", "replace")
    assert "Traceback" not in text_err and "internal error" not in text_err, (how, text_err)
    assert not UNSAFE.search(text_err), (how, text_err)
    if code != 0:
        errors = [
            line for line in text_err.splitlines() if not line.startswith("lingdiff: warning")
        ]
        assert len(errors) == 1 and errors[0].startswith("lingdiff: error: "), (how, text_err)
        return
    text = out.decode("utf-8")  # the report is always valid UTF-8
    assert not UNSAFE.search(text), (how, UNSAFE.search(text))
    if fmt == "json":
        assert json.loads(text)["schema"] == "lingdiff/1"
    elif fmt == "csv":
        assert next(csv.reader(io.StringIO(text)))[0] == "row_id"
    else:
        assert text.startswith("# lingdiff report\n")


def _write_inputs(folder: Path, n: int, old: bytes, new: bytes) -> tuple[Path, Path]:
    suffix = ".docx" if old.startswith(b"PK") else ".txt"
    old_path, new_path = folder / f"old{n}{suffix}", folder / f"new{n}.txt"
    old_path.write_bytes(old)
    new_path.write_bytes(new)
    return old_path, new_path


def test_fuzzed_reports_through_the_command_line(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("LINGDIFF_DEBUG", raising=False)
    outcomes: dict[int, int] = {}
    for n, (old, new, fmt, how) in enumerate(cases()[:CASES]):
        old_path, new_path = _write_inputs(tmp_path, n, old, new)
        argv = ["report", str(old_path), str(new_path), "--format", fmt]
        target = tmp_path / f"out{n}.{fmt}" if n % 2 else None
        if target is not None:
            argv += ["-o", str(target)]
        with time_limit(CASE_TIMEOUT):
            try:
                code = main(argv)
            except SystemExit as exc:  # argparse
                code = int(exc.code or 0)
        captured = capsysbinary.readouterr()
        written = target.read_bytes() if target is not None and target.exists() else captured.out
        check_outcome(code, written, captured.err, fmt, how)
        outcomes[code] = outcomes.get(code, 0) + 1
    assert outcomes.get(0, 0) >= CASES // 3, outcomes  # most mutations still read as reports
    assert outcomes.get(1, 0) >= 1, outcomes  # and some are refused, by name


def test_fuzzed_reports_through_a_real_process(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "ascii"}
    env.pop("LINGDIFF_DEBUG", None)
    for n, (old, new, fmt, how) in enumerate(cases()[CASES:]):
        old_path, new_path = _write_inputs(tmp_path, n, old, new)
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "lingdiff.cli",
                "report",
                str(old_path),
                str(new_path),
                "-f",
                fmt,
            ],
            capture_output=True,
            env=env,
            cwd=tmp_path,
            timeout=60,
        )
        check_outcome(result.returncode, result.stdout, result.stderr, fmt, how)
