"""Offsets into the original: every section, sentence and figure can be found in the decoded
input file, not only in lingdiff's cleaned text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from lingdiff.compare import compare
from lingdiff.figures import extract_observations
from lingdiff.load import read_source
from lingdiff.load.clean import _clean_fully, clean_text, clean_with_map
from lingdiff.model import Comparison, Document, SourceInfo
from lingdiff.reading import load_document
from lingdiff.render import render_json
from lingdiff.render.sources import quote_span
from tests.helpers import CORPUS, OLD_PATH, seed_comparison


def _check_figures(c: Comparison) -> int:
    """Every figure whose quote is one contiguous span of the original is found there."""
    checked = 0
    for row in c.metrics:
        for o in row.observations:
            doc = c.doc(o.doc)
            start, end = doc.source_span(*quote_span(doc, o))
            original = doc.source.original[start:end]
            if end - start == len(o.quote):
                assert original == o.quote.replace(" ", "\u00a0") or original == o.quote
                checked += 1
            else:  # cleaning removed something inside the quote (an artifact, a line's indent)
                assert len(original) > len(o.quote)
    return checked


def test_bundled_pair_figures_are_found_in_the_original_files() -> None:
    c = seed_comparison()
    total = sum(len(r.observations) for r in c.metrics)
    assert _check_figures(c) == total > 100


def test_offsets_map_every_character_of_the_clean_text() -> None:
    loaded = read_source(OLD_PATH)
    doc = load_document(OLD_PATH)
    original = doc.source.original
    assert original == OLD_PATH.read_text(encoding="utf-8")
    for i, ch in enumerate(doc.text):
        j = doc.source_span(i, i + 1)[0]
        assert original[j] == ch or (ch == "\n" and original[j] in "\r\n")
    assert doc.source.size == OLD_PATH.stat().st_size and len(doc.source.sha256) == 64
    assert doc.text == loaded.text


def test_offsets_survive_indents_crlf_artifacts_and_controls(tmp_path: Path) -> None:
    raw = OLD_PATH.read_text(encoding="utf-8")
    messy = "\r\n".join(f"\u2003\u2003{line}\x1b[0m\u3000" for line in raw.split("\n"))
    path = tmp_path / "messy.txt"
    path.write_text("\ufeff[bookmark: _GoBack]\r\n\r\n" + messy, encoding="utf-8")
    messy_doc, clean_doc = load_document(path), load_document(OLD_PATH)
    assert messy_doc.text == clean_doc.text
    original = messy_doc.source.original
    for s in messy_doc.sentences:
        start, end = messy_doc.source_span(s.start, s.end)
        if "\n" not in s.text:
            assert original[start:end] == s.text
    c = compare(messy_doc, load_document(OLD_PATH.with_name(OLD_PATH.name), "new"))
    assert _check_figures(c) > 100


def test_json_carries_source_offsets_and_provenance() -> None:
    c = seed_comparison()
    data = json.loads(render_json(c))
    doc = data["documents"][0]
    assert doc["sha256"] == doc["source"]["sha256"] == c.old.source.sha256
    assert doc["source"]["name"] == OLD_PATH.name
    assert doc["source"]["size"] == OLD_PATH.stat().st_size
    original = c.old.source.original
    for s in doc["sentences"]:
        if "\n" not in s["text"]:
            assert original[s["source_start"] : s["source_end"]] == s["text"]
        assert s["page"] is None
    for section in doc["sections"]:
        assert section["source_start"] <= section["source_end"]
    value = data["metrics"][0]["values"][0]
    key = value["doc"]
    text = c.doc(key).source.original
    assert text[value["source_start"] : value["source_end"]] == value["quote"]


def _corpus_docx() -> list[Path]:
    found = sorted((CORPUS / "provinces" / "2025").glob("*.docx"))
    if not found:
        pytest.skip(f"shared corpus not available ({CORPUS})")
    return found


def test_corpus_docx_figures_are_found_in_the_original() -> None:
    for path in _corpus_docx():
        doc: Document = load_document(path, "old")
        assert doc.source.format == "docx"
        figures = extract_observations(doc)
        assert len(figures) > 10, path.name
        for o in figures:
            start, end = doc.source_span(*quote_span(doc, o))
            assert doc.source.original[start:end] == o.quote, (path.name, o.quote)


PIECES = [
    *"增长一、。 \t\n\r\u3000\u2003\u00a0\u200b\x1b[]2J\x07\u202e\u0085\x0c7",
    "万元",
    "[bookmark: _GoBack]",
    "\r\n",
    "\x1b]0;t\x07",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
@example("[\x1b[[bookmark: _GoBack]")  # removing ESC [ [ leaves an artifact to remove again
@example("ab\n[\x1b[[bookmark: _GoBack]cd\u00a0e")
def test_every_clean_character_maps_to_itself_in_the_original(raw: str) -> None:
    cleaned = clean_with_map(raw)
    assert clean_with_map(cleaned.text).text == cleaned.text  # the outline may clean again
    assert clean_text(raw) == cleaned.text and clean_text(cleaned.text) == cleaned.text
    info = SourceInfo(
        original=raw, clean_starts=cleaned.clean_starts, original_starts=cleaned.raw_starts
    )
    last = -1
    for i, ch in enumerate(cleaned.text):
        j = info.to_original(i, i + 1)[0]
        assert j > last  # the map keeps order
        last = j
        if ch == "\n":
            assert raw[j] in "\r\n\x0b\x0c\x85\u2028\u2029"
        else:
            assert raw[j] == ch or (raw[j] == "\u00a0" and ch == " ")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*PIECES, "一、增长7万元\n", "增长\n"]), max_size=40).map("".join))
@example("一、增长\n（二）7万元\n\n")
@example("增长\n")
@example("\n\n")
def test_text_already_clean_is_mapped_as_cleaning_would(raw: str) -> None:
    """Text that only has line breaks at its end to drop skips the cleaning pass (a 5 MB
    file of clean lines: ~1 s), with the same text and map as the pass gives."""
    assert clean_with_map(raw) == _clean_fully(raw)
