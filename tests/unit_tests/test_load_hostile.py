"""Hostile and unusual text inputs: terminal controls stripped and counted, encodings named,
binary found anywhere in the file, pipes and standard input read."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from lingdiff.errors import LoadError
from lingdiff.load import read_source, read_text
from lingdiff.reading import load_document
from tests.helpers import OLD_PATH, ROOT

SEED_TEXT = OLD_PATH.read_text(encoding="utf-8")
HOSTILE = (
    "\x1b[2J\x1b]0;pwned\x07一、2019年\x1bc计划\x07执行\x08情况\n"
    "\x1bP1;2|secret\x1b\\全年\u009b31m增长\u202e6.7%\u2066。\u0090x\u009c\x7f\n"
)


def test_controls_escapes_and_bidi_are_removed_and_counted(tmp_path: Path) -> None:
    path = tmp_path / "hostile.txt"
    path.write_text(HOSTILE + SEED_TEXT, encoding="utf-8")
    loaded = read_source(path)
    assert loaded.text == "一、2019年计划执行情况\n全年增长6.7%。\n" + read_text(OLD_PATH)
    assert loaded.warnings == (
        "removed 11 control character(s) or terminal escape sequence(s) "
        "(C0/C1 controls, ESC sequences, bidi overrides)",
    )
    doc = load_document(path, "old")
    assert doc.warnings[0] == loaded.warnings[0]


def test_no_warning_for_a_clean_report() -> None:
    assert read_source(OLD_PATH).warnings == ()


def test_binary_after_twenty_thousand_characters_is_found(tmp_path: Path) -> None:
    path = tmp_path / "tail.txt"
    path.write_bytes(SEED_TEXT[:20000].encode() + bytes(range(1, 32)) * 2000)
    with pytest.raises(LoadError, match="binary"):
        read_text(path)


def test_decoding_failure_names_the_byte_offset(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    head = "一、2019年".encode()
    path.write_bytes(head + b"\xff\xfe\xfd\x80\x81" * 40)
    with pytest.raises(LoadError, match=f"byte offset {len(head)} for UTF-8"):
        read_text(path)


def test_bad_utf8_after_a_bom_names_the_offset(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + "增长".encode() + b"\xff" + "。".encode())
    with pytest.raises(LoadError, match="as UTF-8: invalid bytes at byte offset 9"):
        read_text(path)


def test_shift_jis_is_not_read_as_gb18030_mojibake(tmp_path: Path) -> None:
    path = tmp_path / "japanese.txt"
    text = "令和元年度の予算について、市の経済はゆるやかに回復しています。" * 20
    path.write_bytes(text.encode("shift_jis"))
    with pytest.raises(LoadError, match="Shift-JIS"):
        read_text(path)


def test_big5_is_not_read_as_gb18030_mojibake(tmp_path: Path) -> None:
    path = tmp_path / "traditional.txt"
    path.write_bytes("臺灣地區經濟發展報告，國內生產總值增長百分之三點五。".encode("big5") * 20)
    with pytest.raises(LoadError, match=r"looks like Big5 \(traditional Chinese\)"):
        read_text(path)


def test_one_stray_nul_is_a_control_not_binary(tmp_path: Path) -> None:
    path = tmp_path / "nul.txt"
    path.write_bytes(SEED_TEXT.encode()[:3000] + b"\x00" + SEED_TEXT.encode()[3000:])
    loaded = read_source(path)
    assert loaded.text == read_text(OLD_PATH)
    assert loaded.warnings[0].startswith("removed 1 control character(s)")


def test_gbk_report_still_reads(tmp_path: Path) -> None:
    path = tmp_path / "gbk.txt"
    path.write_bytes(SEED_TEXT.replace("\u3000", " ").encode("gbk"))
    assert read_source(path).source.encoding == "gb18030"


def test_em_space_indent_reads_like_ideographic_spaces(tmp_path: Path) -> None:
    lines = SEED_TEXT.split("\n")
    em = tmp_path / "em.txt"
    em.write_text("\n".join("\u2003\u2003" + x.lstrip("\u3000 ") for x in lines), encoding="utf-8")
    ideo = tmp_path / "ideo.txt"
    ideo.write_text(
        "\n".join("\u3000\u3000" + x.lstrip("\u3000 ") for x in lines), encoding="utf-8"
    )
    assert load_document(em).sections == load_document(ideo).sections
    assert load_document(em).norm == load_document(ideo).norm


def test_inner_unicode_spaces_fold_for_analysis() -> None:
    from lingdiff.load import normalise

    assert normalise("增长\u20036.7%\u00a0以上\u2002。\u3000") == "增长 6.7% 以上 。 "


def test_a_fifo_is_read_not_called_empty(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)

    def feed() -> None:
        with fifo.open("wb") as fh:
            fh.write(SEED_TEXT.encode())

    writer = threading.Thread(target=feed)
    writer.start()
    try:
        assert read_text(fifo) == read_text(OLD_PATH)
    finally:
        writer.join()


@pytest.mark.parametrize("name", ["/dev/stdin", "-"])
def test_standard_input_is_read(name: str) -> None:
    code = (
        "import sys; from lingdiff.load import read_source; "
        f"s = read_source({name!r}); print(len(s.text), s.source.name, s.source.size)"
    )
    data = OLD_PATH.read_bytes()
    out = subprocess.run(
        [sys.executable, "-c", code], input=data, cwd=ROOT, capture_output=True, check=True
    ).stdout.decode()
    expected_name = "stdin" if name == "/dev/stdin" else "<stdin>"
    assert out.split() == [str(len(read_text(OLD_PATH))), expected_name, str(len(data))]


def test_empty_pipe_is_empty() -> None:
    code = "from lingdiff.load import read_text; read_text('-')"
    proc = subprocess.run([sys.executable, "-c", code], input=b"", cwd=ROOT, capture_output=True)
    assert b"<stdin>: the file is empty" in proc.stderr


@pytest.mark.parametrize("fmt", ["md", "json", "csv"])
def test_no_control_reaches_any_report(
    tmp_path: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from lingdiff.cli import main
    from tests.helpers import NEW_PATH

    path = tmp_path / "hostile.txt"
    path.write_text(HOSTILE + SEED_TEXT, encoding="utf-8")
    assert main(["report", str(path), str(NEW_PATH), "--format", fmt]) == 0
    out, err = capsys.readouterr()
    assert not any(ch in out for ch in "\x1b\x07\x08\x7f\x9b\x90\x9c\u202e\u2066")
    assert "removed 11 control character(s)" in err
