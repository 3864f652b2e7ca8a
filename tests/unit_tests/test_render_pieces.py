"""A long report is written piece by piece (lingdiff.render.writer, lingdiff.output): the
JSON text made in pieces is the text of render_json, and a report given as pieces reaches
its file or stdout whole."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from lingdiff import output
from lingdiff.errors import OutputError
from lingdiff.render import json as json_renderer
from lingdiff.render import render_json, render_markdown, writer
from tests.helpers import seed_comparison


def test_the_json_written_in_pieces_is_the_json_rendered_whole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(json_renderer, "PIECE", 5_000)
    pieces: list[str] = []
    writer("json")(seed_comparison(), pieces.append)
    whole = render_json(seed_comparison())
    assert "".join(pieces) == whole
    assert len(pieces) >= len(whole) // 5_000 - 1 and len(pieces) > 10
    assert all(len(p) < 5_000 + 2_000 for p in pieces[:-1])  # handed on as they are made


def test_the_other_formats_are_written_whole() -> None:
    pieces: list[str] = []
    writer("md")(seed_comparison(), pieces.append)
    assert pieces == [render_markdown(seed_comparison())]


def _in_pieces(emit) -> None:  # type: ignore[no-untyped-def]
    for piece in ("一、", "规划\n", "\x1b"):
        emit(piece)


def test_a_report_given_in_pieces_is_written_whole(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    output.write_report(target, _in_pieces)
    assert target.read_text(encoding="utf-8") == "一、规划\n\x1b"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]  # no temporary file left


def test_without_hard_links_the_pieces_are_copied_to_the_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_link(src: str, dst: object) -> None:
        raise OSError(errno.EPERM, "hard links not supported")

    monkeypatch.setattr(os, "link", no_link)
    target = tmp_path / "report.json"
    output.write_report(target, _in_pieces)
    assert target.read_text(encoding="utf-8") == "一、规划\n\x1b"
    with pytest.raises(OutputError, match="already exists"):
        output.write_report(target, _in_pieces)
    assert target.read_text(encoding="utf-8") == "一、规划\n\x1b"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_a_report_given_in_pieces_goes_to_stdout_as_utf8(
    capsysbinary: pytest.CaptureFixture[bytes],
) -> None:
    output.write_stdout(_in_pieces)
    assert capsysbinary.readouterr().out == "一、规划\n\x1b".encode()


def test_records_written_directly_are_the_records_encoded() -> None:
    """The sentences and sentence pairs are written as text directly (a fast path): the
    report is the one made by encoding each record's dict, byte for byte."""
    c = seed_comparison()

    def encoded_rows(items, make, line=None):  # type: ignore[no-untyped-def]
        return json_renderer._Rows(items, make)  # no fast path: each dict encoded

    pieces: list[str] = []
    out = json_renderer._Handing(pieces.append)
    json_renderer._write(
        json_renderer._tree(c, encoded_rows), 0, out, json_renderer._one_line_encoder()
    )
    out.append("\n")
    out.hand_on()
    direct = render_json(c)
    assert "".join(pieces) == direct
    assert direct.count('"ops": [{"tag": ') > 40 and direct.count('"topics": {"') > 500
