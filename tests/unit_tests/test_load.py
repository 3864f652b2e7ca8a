"""Loading: every supported encoding and .docx give the same outline; bad files fail clearly."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest

from lingdiff.errors import LoadError
from lingdiff.load import clean_text, normalise, read_text
from lingdiff.reading import load_document
from tests.helpers import OLD_PATH

SEED_TEXT = OLD_PATH.read_text(encoding="utf-8")


def _outline(path: Path) -> list[tuple[str, str, str, int, int]]:
    doc = load_document(path, "old")
    return [(s.id, s.number, s.title, s.start, s.end) for s in doc.sections]


@pytest.fixture(scope="module")
def reference() -> list[tuple[str, str, str, int, int]]:
    return _outline(OLD_PATH)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("utf8.txt", SEED_TEXT.encode("utf-8")),
        ("utf8bom.txt", b"\xef\xbb\xbf" + SEED_TEXT.encode("utf-8")),
        ("utf16.txt", SEED_TEXT.encode("utf-16")),  # with BOM
        ("utf16le.txt", SEED_TEXT.encode("utf-16-le")),  # without BOM
        ("gb18030.txt", SEED_TEXT.encode("gb18030")),
        ("gbk.txt", SEED_TEXT.replace("\u3000", " ").encode("gbk")),
        ("crlf.txt", SEED_TEXT.replace("\n", "\r\n").encode("utf-8")),
    ],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_every_encoding_gives_the_same_outline(
    tmp_path: Path, name: str, data: bytes, reference: list
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert _outline(path) == reference


def test_docx_gives_the_same_outline(tmp_path: Path, reference: list) -> None:
    document = docx.Document()
    for line in SEED_TEXT.split("\n"):
        document.add_paragraph(line)
    path = tmp_path / "report.docx"
    document.save(path)
    assert _outline(path) == reference


def test_docx_keeps_paragraph_order_and_runs(tmp_path: Path) -> None:
    document = docx.Document()
    p = document.add_paragraph("一、")
    p.add_run("2019年计划执行情况")
    document.add_paragraph("全年增长6.7%。")
    table = document.add_table(rows=1, cols=1)
    table.cell(0, 0).text = "表格里的一句话。"
    document.add_paragraph("二、2020年主要预期目标")
    path = tmp_path / "t.docx"
    document.save(path)
    assert read_text(path) == (
        "一、2019年计划执行情况\n全年增长6.7%。\n表格里的一句话。\n二、2020年主要预期目标"
    )


def test_clean_text_removes_artifacts_and_blank_lines() -> None:
    raw = " [bookmark: _GoBack]标题\r\n\r\n\u3000\u3000正文[bookmark: OLE_LINK2]一句。\u200b\t\n"
    assert clean_text(raw) == "标题\n正文一句。"


def test_normalise_keeps_length_and_folds_width() -> None:
    text = "增长６．５％，(草案)达到1,200人:10:30(A)"
    norm = normalise(text)
    assert len(norm) == len(text)
    assert norm == "增长6.5%，（草案）达到1,200人：10:30(A)"


def test_a_dot_between_chinese_characters_ends_a_sentence() -> None:
    assert normalise("完成投资935亿元.争取更多") == "完成投资935亿元。争取更多"
    assert normalise("元．争取") == "元。争取"
    for kept in ("1.高质量发展", "一.总体要求", "增长6.5%", "PM2.5浓度"):
        assert normalise(kept) == kept


def _fails(path: Path, message: str) -> None:
    with pytest.raises(LoadError) as info:
        read_text(path)
    text = str(info.value)
    assert str(path) in text and message in text
    assert "\n" not in text


def test_missing_file(tmp_path: Path) -> None:
    _fails(tmp_path / "nope.txt", "no such file")


def test_directory(tmp_path: Path) -> None:
    _fails(tmp_path, "is a directory")


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    _fails(path, "empty")


def test_whitespace_only_file(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_text(" \n\u3000\n", encoding="utf-8")
    _fails(path, "no text")


def test_binary_data(tmp_path: Path) -> None:
    path = tmp_path / "data.txt"
    path.write_bytes(bytes(range(256)) * 20)
    _fails(path, "binary")


def test_png_renamed_txt(tmp_path: Path) -> None:
    path = tmp_path / "picture.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    _fails(path, "PNG image")


def test_pdf(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(b"%PDF-1.7\n" + b"\x00\x01" * 50)
    _fails(path, "PDF")


def test_undecodable_bytes(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes("一、2019年".encode() + b"\xff\xfe\xfd\x80\x81" * 40)
    _fails(path, "cannot decode")


def test_english_text_is_not_a_report(tmp_path: Path) -> None:
    path = tmp_path / "english.txt"
    path.write_text("Hello world.\nThis is not a report.\n", encoding="utf-8")
    _fails(path, "no Chinese text")


def test_zip_that_is_not_docx(tmp_path: Path) -> None:
    path = tmp_path / "a.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("hello.txt", "hi")
    _fails(path, "not a Word .docx")


def test_damaged_docx(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04" + b"garbage" * 10)
    _fails(path, "damaged")


def test_huge_file_is_refused_at_once(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse: costs no disk and no time
    _fails(path, "up to 5 MB")
