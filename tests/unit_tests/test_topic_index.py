"""One TopicIndex per document: the stages share it, and the taxonomy in use (a user's
``--topics`` file) reaches every stage, the key-term lexicon included."""

from __future__ import annotations

import pytest

from lingdiff.compare import compare
from lingdiff.model import Options, Topic
from lingdiff.outline import parse_document
from lingdiff.phrases import compare_phrases
from lingdiff.taxonomy import load_taxonomy
from lingdiff.topics import TopicIndex, scanner, section_topics, sentence_topics
from tests.helpers import seed

OLD = "某区政府工作报告\n一、工作回顾\n推进喝茶。抓好喝茶。落实喝茶。\n"
NEW = "某区政府工作报告\n一、工作回顾\n推进赏花。抓好赏花。落实赏花。\n"
LEISURE = (Topic("leisure", "休闲", "", ("喝茶", "赏花")),)


def test_a_topic_index_gives_the_same_mixes_as_the_functions() -> None:
    doc = seed("new")
    index = TopicIndex(doc, scanner(load_taxonomy()))
    assert index.section_mix == section_topics(doc, load_taxonomy())
    assert index.sentence_mix == sentence_topics(doc, load_taxonomy())
    assert index.section_mix is index.section_mix  # derived once


def test_a_users_taxonomy_reaches_attention_sections_and_key_terms() -> None:
    old, new = parse_document(OLD, key="old"), parse_document(NEW, key="new")
    result = compare(old, new, taxonomy=LEISURE)
    assert [(t.topic, t.old_share, t.new_share) for t in result.topics] == [("leisure", 1.0, 1.0)]
    assert result.section_topics["old:1"] == {"leisure": 1.0}
    terms = {r.phrase: r.status for r in result.phrases if r.kind == "term"}
    assert terms == {"喝茶": "removed", "赏花": "added"}
    packaged = {r.phrase for r in compare(old, new).phrases if r.kind == "term"}
    assert packaged == set()


def test_compare_phrases_takes_the_lexicon_it_is_given() -> None:
    old, new = parse_document(OLD, key="old"), parse_document(NEW, key="new")
    rows = compare_phrases(old, new, lexicon=frozenset({"喝茶"}))
    assert [(r.phrase, r.status, r.old_count) for r in rows] == [("喝茶", "removed", 3)]


def test_compare_reads_no_file_a_topics_path_must_be_loaded_by_the_caller() -> None:
    old, new = parse_document(OLD, key="old"), parse_document(NEW, key="new")
    with pytest.raises(ValueError, match="load_taxonomy"):
        compare(old, new, Options(topics_path="my-topics.json"))
