"""Records (lingdiff.records) behave as the frozen dataclasses they stand in for."""

from __future__ import annotations

import copy
import dataclasses
import pickle

import pytest

from lingdiff.model import Comparison, Document, Observation, Section, Sentence, SourceInfo
from lingdiff.records import FrozenInstanceError, field, record, replace


@record
class Point:
    """A test record."""

    x: int
    y: int = 2
    tags: list[str] = field(default_factory=list)
    note: str = field(default="", repr=False, compare=False)


@dataclasses.dataclass(frozen=True)
class DataPoint:
    """The same as a frozen dataclass."""

    x: int
    y: int = 2
    tags: list[str] = dataclasses.field(default_factory=list)
    note: str = dataclasses.field(default="", repr=False, compare=False)


@record(frozen=False, eq=False)
class Mutable:
    """A record that may change, compared by identity."""

    name: str
    items: list[int] = field(default_factory=list)


def test_construction_defaults_and_factories() -> None:
    p = Point(1)
    assert (p.x, p.y, p.tags, p.note) == (1, 2, [], "")
    assert Point(1).tags is not Point(1).tags  # a new list each time
    assert Point(1, 3, ["a"], note="n").note == "n"
    assert Point(x=5, y=6).y == 6
    with pytest.raises(TypeError):
        Point()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Point(1, 2, [], "", 5)  # type: ignore[call-arg]


def test_repr_equality_and_hash_match_a_frozen_dataclass() -> None:
    assert repr(Point(1, 3)) == repr(DataPoint(1, 3)).replace("DataPoint", "Point")
    assert Point(1, note="a") == Point(1, note="b")  # note is not compared
    assert Point(1) != Point(2)
    assert Point(1).__eq__(DataPoint(1)) is NotImplemented
    assert Point(1, 2, ()) in {Point(1, 2, ())}  # type: ignore[arg-type]
    assert hash(Point(1, 2, ())) == hash(Point(1, 2, ()))  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        hash(Point(1))  # the list field, as with a dataclass


def test_frozen() -> None:
    p = Point(1)
    with pytest.raises(FrozenInstanceError):
        p.x = 3  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del p.y  # type: ignore[misc]
    assert p.x == 1


def test_replace_here_and_with_dataclasses() -> None:
    p = Point(1, 3, ["a"], "n")
    q = replace(p, y=4)
    assert (q.x, q.y, q.tags, q.note) == (1, 4, ["a"], "n")
    r = dataclasses.replace(p, x=9)
    assert (r.x, r.y, r.note) == (9, 3, "n") and type(r) is Point
    assert [f.name for f in dataclasses.fields(Point)] == ["x", "y", "tags", "note"]
    assert replace(DataPoint(1), y=7) == DataPoint(1, 7)  # plain dataclasses too
    with pytest.raises(TypeError):
        replace(p, z=1)


def test_pickle_and_copy() -> None:
    p = Point(1, 3, ["a"], "n")
    for q in (pickle.loads(pickle.dumps(p)), copy.copy(p), copy.deepcopy(p)):
        assert q == p and q.note == "n" and type(q) is Point


def test_mutable_identity_record() -> None:
    a, b = Mutable("a"), Mutable("a")
    assert a != b and a == a and len({a, b}) == 2
    a.items.append(1)
    a.name = "c"
    assert (a.name, a.items, b.items) == ("c", [1], [])
    assert repr(b) == "Mutable(name='a', items=[])"


def test_model_keeps_dataclass_behaviour() -> None:
    sec = Section("old:1", None, 1, "review", "一、", "回顾", 0, 10, 3)
    doc = Document("old", "", "t", 2019, 2020, "x" * 10, "x" * 10, (sec,), ())
    assert doc.section("old:1") is sec  # __post_init__ ran
    other = Document(*_args(doc))
    assert doc.source == other.source == SourceInfo() and doc.source is not other.source
    moved = replace(doc, title="u")
    assert moved.title == "u" and moved.section("old:1") is sec
    assert dataclasses.replace(doc, key="new").key == "new"
    assert "_by_id" not in repr(doc) and "original=" not in repr(SourceInfo(original="z"))
    s = Sentence(0, 0, 2, "ab", "old:1")
    assert s == Sentence(0, 0, 2, "ab", "old:1", False) and s.is_heading is False
    c = Comparison(doc, doc)
    assert c.section_topics == {} and c.section_topics is not Comparison(doc, doc).section_topics
    obs = Observation(
        "o1", "old", "GDP", 6.0, "%", "", "growth", "actual", 2019, "old:1", "q", 0, 1
    )
    assert pickle.loads(pickle.dumps(obs)) == obs and obs.gap is None


def _args(doc: Document) -> tuple:
    return (
        doc.key,
        doc.path,
        doc.title,
        doc.review_year,
        doc.plan_year,
        doc.text,
        doc.norm,
        (),
        (),
    )


def test_a_sentence_cut_from_its_report_is_the_record_it_was() -> None:
    text = "一、回顾\n经济增长6%。"
    cut = Sentence.cut(text, 1, 5, 12, "old:1", False)
    made = Sentence(1, 5, 12, "经济增长6%。", "old:1")
    assert cut.text == made.text == "经济增长6%。"
    assert cut == made and hash(cut) == hash(made) and repr(cut) == repr(made)
    assert repr(made) == (
        "Sentence(index=1, start=5, end=12, text='经济增长6%。', section='old:1', is_heading=False)"
    )
    assert cut != Sentence(1, 5, 12, "经济增长7%。", "old:1")
    with pytest.raises(FrozenInstanceError):
        cut.start = 0  # type: ignore[misc]
    match made:
        case Sentence(1, 5, 12, sentence_text):
            assert sentence_text == "经济增长6%。"
        case _:
            pytest.fail("a sentence matches its fields in order")
    # pickled with its report: the report's text once, every sentence as offsets into it
    many = [Sentence.cut(text, 0, 0, 4, "old:1", True), cut]
    back = pickle.loads(pickle.dumps(many))
    assert back == many and back[0].text == "一、回顾" and back[1].text == "经济增长6%。"
    assert pickle.loads(pickle.dumps(made)) == made
    report = "经济增长6%。" * 1000  # 7,000 characters, 21,000 bytes of UTF-8
    two = [Sentence.cut(report, i, 7 * i, 7 * i + 7, "old:1", False) for i in (0, 1)]
    assert len(pickle.dumps(two)) < 21_000 + 500  # the report's text pickled once


def test_a_sentence_is_replaced_as_a_record_is() -> None:
    cut = Sentence.cut("一、回顾\n经济增长6%。", 1, 5, 12, "old:1", False)
    marked = replace(cut, text="经济增长6%。[注]")
    assert marked == Sentence(1, 5, 12, "经济增长6%。[注]", "old:1")
    assert dataclasses.replace(cut, is_heading=True).is_heading is True
    assert [f.name for f in dataclasses.fields(cut)] == [
        "index", "start", "end", "text", "section", "is_heading"
    ]  # fmt: skip
    assert cut.__replace__(index=4).index == 4 and cut.index == 1
    # a text longer or shorter than its offsets say is kept whole (a marked or cleaned copy)
    assert replace(cut, text="经济增长6%。" + "\x1b[2J").text == "经济增长6%。\x1b[2J"
    assert Sentence(0, 0, 9, "短", "old:1").text == "短"


def test_a_document_pickles_its_sentences_as_columns() -> None:
    """A read report's sentences, cut from its text, are pickled as columns (a forked child
    sends the report it read): the same document comes back, its sentences cut from its text."""
    from tests.helpers import seed

    doc = seed("new")
    data = pickle.dumps(doc, protocol=pickle.HIGHEST_PROTOCOL)
    back = pickle.loads(data)
    assert back == doc and back.sentences == doc.sentences and len(doc.sentences) > 300
    assert [s.text for s in back.sentences] == [s.text for s in doc.sentences]
    assert all(s._source is back.text and type(s.is_heading) is bool for s in back.sentences)
    assert b"_SentenceColumns" in data and b"_sentence" not in data  # not one by one
    assert back.section(doc.sections[3].id) == doc.sections[3]


def test_a_document_of_sentences_made_whole_pickles_them_one_by_one() -> None:
    sec = Section("old:1", None, 1, "review", "一、", "回顾", 0, 10, 3)
    whole = (
        Sentence(0, 0, 4, "一、回顾", "old:1", True),
        Sentence(1, 4, 10, "其他文字。", "old:1"),
    )
    doc = Document(
        "old", "", "t", 2019, 2020, "一、回顾其他文字。", "一、回顾其他文字。", (sec,), whole
    )
    data = pickle.dumps(doc)
    back = pickle.loads(data)
    assert b"_sentence" in data and b"_SentenceColumns" not in data
    assert back == doc and [s.text for s in back.sentences] == ["一、回顾", "其他文字。"]
