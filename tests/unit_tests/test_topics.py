"""Topics: the packaged taxonomy, user taxonomies and their errors, topic mixes of text,
sentences and sections, attention shares and diversity, on synthetic and real reports."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from lingdiff.model import Topic
from lingdiff.outline import parse_document
from lingdiff.reading import load_document
from lingdiff.topics import (
    TaxonomyError,
    attention_shares,
    boilerplate_sentences,
    load_taxonomy,
    section_topics,
    sentence_topics,
    shannon_entropy,
    top_topic,
    topic_mix,
)
from tests.helpers import corpus_file, outputs_under_hash_seeds, seed

KEYS = [
    "growth", "fiscal", "investment", "industry", "science", "agriculture", "consumption",
    "opening", "employment", "social_security", "education", "health", "urban", "ecology",
    "energy", "culture", "safety", "reform",
]  # fmt: skip
TAX = load_taxonomy()


def _write(tmp_path: Path, data: object, name: str = "topics.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return path


def _sentence(doc, fragment: str):
    hits = [s for s in doc.sentences if fragment in s.text]
    assert len(hits) == 1, fragment
    return hits[0]


# --------------------------------------------------------------------------- taxonomy


def test_packaged_taxonomy_has_the_eighteen_topics_with_cap_codes_and_lexicons() -> None:
    assert [t.key for t in TAX] == KEYS
    caps = {t.key: t.cap for t in TAX}
    assert caps == {
        "growth": "1", "fiscal": "1", "investment": "14", "industry": "15", "science": "17",
        "agriculture": "4", "consumption": "15", "opening": "18", "employment": "5",
        "social_security": "13", "education": "6", "health": "3", "urban": "14", "ecology": "7",
        "energy": "8", "culture": "23", "safety": "12", "reform": "20",
    }  # fmt: skip
    for topic in TAX:
        assert 20 <= len(topic.terms) <= 70, topic.key
        assert topic.label and topic.label_en
        assert len(set(topic.terms)) == len(topic.terms)
    owners: dict[str, str] = {}
    for topic in TAX:
        for term in topic.terms:
            assert term not in owners, f"{term} in {owners.get(term)} and {topic.key}"
            owners[term] = topic.key
    assert next(t for t in TAX if t.key == "industry").label == "工业与产业发展"


def test_load_taxonomy_is_cached_and_returns_the_same_object() -> None:
    assert load_taxonomy() is load_taxonomy(None)


def test_a_user_file_replaces_the_taxonomy(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        {"topics": [
            {"key": "farm", "label": "农业", "cap": 4, "terms": ["农业", "粮食"]},
            {"key": "money", "label": "钱", "cap": "1", "terms": ["资金"], "excludes": ["资金链"]},
        ]},
    )  # fmt: skip
    tax = load_taxonomy(path)
    assert tax == (
        Topic("farm", "农业", "4", ("农业", "粮食")),
        Topic("money", "钱", "1", ("资金",), "", ("资金链",)),
    )
    assert topic_mix("粮食资金资金链", tax) == {"farm": 0.5, "money": 0.5}
    assert load_taxonomy(str(path)) == tax  # a str path works as well


def test_a_bare_list_of_topics_is_accepted(tmp_path: Path) -> None:
    path = _write(tmp_path, [{"key": "x", "label": "某", "cap": "1", "terms": ["某某"]}])
    assert [t.key for t in load_taxonomy(path)] == ["x"]


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("{not json", "not valid JSON (line 1, column 2"),
        ("{}", 'expected a non-empty "topics" list'),
        ('{"topics": []}', 'expected a non-empty "topics" list'),
        ('{"topics": [1]}', "topic 1 is not an object"),
        ('{"topics": [{"key": "Bad Key", "label": "x", "terms": ["a"]}]}', "lower-case ASCII"),
        ('{"topics": [{"key": "a", "label": "", "terms": ["a"]}]}', '"label" must be'),
        ('{"topics": [{"key": "a", "label": "x", "cap": [], "terms": ["a"]}]}', '"cap" must'),
        ('{"topics": [{"key": "a", "label": "x", "terms": []}]}', "at least one term"),
        ('{"topics": [{"key": "a", "label": "x", "terms": "农业"}]}', "list of strings"),
        ('{"topics": [{"key": "a", "label": "x", "terms": [""]}]}', "non-empty strings"),
        (
            '{"topics": [{"key": "a", "label": "x", "terms": ["b"]},'
            ' {"key": "a", "label": "y", "terms": ["c"]}]}',
            "topic 'a' is defined twice",
        ),
    ],
)
def test_invalid_taxonomy_files_raise_one_line_errors_naming_the_file(
    tmp_path: Path, content: str, problem: str
) -> None:
    path = tmp_path / "mine.json"
    path.write_text(content, "utf-8")
    with pytest.raises(TaxonomyError) as info:
        load_taxonomy(path)
    message = str(info.value)
    assert message.startswith(f"{path}: ")
    assert problem in message
    assert "\n" not in message
    assert isinstance(info.value, ValueError)


def test_missing_directory_and_undecodable_taxonomy_files(tmp_path: Path) -> None:
    with pytest.raises(TaxonomyError, match=r"nope\.json: no such file$"):
        load_taxonomy(tmp_path / "nope.json")
    with pytest.raises(TaxonomyError, match="is a directory"):
        load_taxonomy(tmp_path)
    bad = tmp_path / "gbk.json"
    bad.write_bytes('{"topics": [{"key": "a", "label": "财政"}]}'.encode("gbk"))
    with pytest.raises(TaxonomyError, match="not UTF-8 text"):
        load_taxonomy(bad)


# --------------------------------------------------------------------------- mixes


@pytest.mark.parametrize(
    ("text", "mix"),
    [
        # the longest term decides: 农村电网 is energy, not also agriculture
        ("加快农村电网改造", {"energy": 1.0}),
        # money for farms is agriculture, not fiscal
        ("筹集扶贫资金2.4亿元", {"agriculture": 1.0}),
        # 健康发展 is an exclude of health: matched, counted for no topic
        ("支持实体经济持续健康发展", {"industry": 1.0}),
        ("社会消费品零售总额增长10.5%", {"consumption": 1.0}),
        ("新增城镇就业6250人，城镇登记失业率2.3%", {"employment": 1.0}),
        ("以供给侧结构性改革为主线，发展新质生产力", {"science": 0.5, "reform": 0.5}),
        ("减少电费支出2000万元", {}),
        ("", {}),
    ],
)
def test_topic_mix_of_text(text: str, mix: dict[str, float]) -> None:
    assert topic_mix(text, TAX) == mix


def test_topic_mix_accepts_a_list_and_weights_sum_to_one() -> None:
    mix = topic_mix("粮食安全、医疗保险、高速公路和5G网络", list(TAX))
    assert mix == {"science": 0.25, "agriculture": 0.25, "health": 0.25, "urban": 0.25}
    assert math.isclose(sum(topic_mix("扶贫资金投向农村公路和学校", TAX).values()), 1.0)


def test_a_term_listed_under_two_topics_splits_its_hit() -> None:
    tax = (Topic("a", "甲", "1", ("园区",)), Topic("b", "乙", "2", ("园区", "科技")))
    assert topic_mix("园区", tax) == {"a": 0.5, "b": 0.5}
    assert topic_mix("科技园区", tax) == {"a": 0.25, "b": 0.75}


def test_top_topic_takes_the_largest_weight_and_the_first_on_a_tie() -> None:
    assert top_topic({"fiscal": 0.25, "industry": 0.5, "science": 0.25}) == "industry"
    assert top_topic({"science": 0.5, "reform": 0.5}) == "science"
    assert top_topic({}) == ""


def test_sentence_topics_of_the_bundled_reports() -> None:
    old, new = seed("old"), seed("new")
    old_mix, new_mix = sentence_topics(old, TAX), sentence_topics(new, TAX)
    assert set(old_mix) == {s.index for s in old.sentences}
    assert old_mix[_sentence(old, "新建220千伏变电站1座").index] == {"energy": 1.0}
    assert old_mix[_sentence(old, "全区实现社会消费品零售总额99亿元").index] == {"consumption": 1.0}
    assert old_mix[_sentence(old, "筹集扶贫资金2.4亿元").index] == {
        "investment": 1 / 3,
        "agriculture": 2 / 3,
    }
    assert new_mix[_sentence(new, "强化科技创新引领，培育新质生产力").index] == {"science": 1.0}
    assert new_mix[_sentence(new, "高效处置“1·31”粗苯泄漏事故").index] == {
        "ecology": 0.5,
        "safety": 0.5,
    }
    assert old_mix[_sentence(old, "这些问题我们必须高度重视").index] == {}


def test_section_topics_cover_every_section_and_nested_text() -> None:
    old, new = seed("old"), seed("new")
    mixes = section_topics(old, TAX)
    assert list(mixes) == [s.id for s in old.sections]
    assert top_topic(mixes["old:1.2.1"]) == "agriculture"  # 脱贫攻坚质效提升
    assert top_topic(mixes["old:3.6.2.1"]) == "education"  # 1.教育
    assert top_topic(section_topics(new, TAX)["new:2.5.2"]) == "science"
    for mix in mixes.values():
        assert not mix or math.isclose(sum(mix.values()), 1.0)
    # a parent's mix is the pooled hits of everything under it
    assert mixes["old:1.2"]["agriculture"] < mixes["old:1.2.1"]["agriculture"]


# --------------------------------------------------------------------------- attention


OLD_TEXT = """关于某县2019年计划执行情况的报告
各位代表：
一、2019年工作回顾
全县粮食产量稳定。
新建变电站两座。
"""


def _doc(text: str, key: str = "old"):
    return parse_document(text, key=key)  # type: ignore[arg-type]


def test_attention_shares_are_shares_of_topical_text_and_sum_to_one() -> None:
    old = _doc(OLD_TEXT)
    new = _doc(OLD_TEXT.replace("新建变电站两座。", "新建变电站两座，推进农村电网改造。"), "new")
    rows, (h_old, h_new) = attention_shares(old, new, TAX)
    shares = {r.topic: (r.old_share, r.new_share) for r in rows}
    # 全县粮食产量稳定。(9 characters, agriculture) and 新建变电站两座。(8, energy)
    assert shares["agriculture"] == (round(9 / 17, 6), round(9 / 26, 6))
    assert shares["energy"] == (round(8 / 17, 6), round(17 / 26, 6))
    assert [r.topic for r in rows[:2]] == ["agriculture", "energy"]
    assert rows[0].change_pp == round((9 / 26 - 9 / 17) * 100, 2)
    assert h_old == round(shannon_entropy([9 / 17, 8 / 17]), 6)
    assert h_new == round(shannon_entropy([9 / 26, 17 / 26]), 6)
    assert math.isclose(sum(r.old_share for r in rows), 1.0, abs_tol=1e-5)
    assert all(r.label and r.cap for r in rows)


def test_untopical_and_boilerplate_sentences_do_not_count() -> None:
    base = _doc(OLD_TEXT)
    padded = _doc(
        OLD_TEXT.replace(
            "新建变电站两座。",
            "新建变电站两座。这些问题我们必须高度重视。"
            "坚持以习近平新时代中国特色社会主义思想为指导，推进农业农村现代化。",
        )
    )
    assert attention_shares(base, base, TAX) == attention_shares(padded, padded, TAX)
    texts = [padded.sentences[i].text for i in sorted(boilerplate_sentences(padded))]
    assert texts[0].startswith("关于某县") and "各位代表：" in texts
    assert texts[-1].startswith("坚持以习近平新时代")


def test_documents_without_topic_hits_get_zero_shares() -> None:
    empty = _doc("一、工作回顾\n这些问题我们必须高度重视。\n")
    rows, entropy = attention_shares(empty, empty, TAX)
    assert {r.old_share for r in rows} == {0.0}
    assert entropy == (0.0, 0.0)


def test_entropy_in_bits() -> None:
    assert shannon_entropy([0.5, 0.5]) == 1.0
    assert shannon_entropy([1.0, 0.0]) == 0.0
    assert math.isclose(shannon_entropy([1 / 18] * 18), math.log2(18))


def test_attention_shift_between_the_bundled_reports() -> None:
    rows, (h_old, h_new) = attention_shares(seed("old"), seed("new"), TAX)
    assert len(rows) == 18
    changes = [abs(r.new_share - r.old_share) for r in rows]
    assert changes == sorted(changes, reverse=True)
    by_key = {r.topic: r for r in rows}
    assert rows[0].topic == "agriculture"  # poverty alleviation and farming fade
    assert by_key["agriculture"].change_pp < -4
    assert by_key["investment"].change_pp < -3  # 项目建设 rhetoric recedes
    for rising in ("science", "safety", "industry"):
        assert by_key[rising].change_pp > 2, rising
    assert 3.5 < h_old < h_new < math.log2(18)


def test_attention_shift_between_the_national_reports() -> None:
    old = load_document(corpus_file("national_2019.txt"), "old")
    new = load_document(corpus_file("national_2024.txt"), "new")
    rows, _ = attention_shares(old, new, TAX)
    by_key = {r.topic: r for r in rows}
    assert rows[0].topic == "reform"  # 改革 109 times in 2019, 35 in 2024
    assert by_key["fiscal"].change_pp < -2  # tax and fee cuts of 2019
    assert by_key["science"].change_pp > 1 and by_key["industry"].change_pp > 1


def test_results_are_deterministic_within_and_across_processes() -> None:
    old, new = seed("old"), seed("new")
    first = (attention_shares(old, new, TAX), section_topics(old, TAX))
    assert first == (attention_shares(old, new, TAX), section_topics(old, TAX))
    code = (
        "from tests.helpers import seed; from lingdiff.topics import *; t = load_taxonomy();"
        "o, n = seed('old'), seed('new');"
        "print(repr((attention_shares(o, n, t), section_topics(n, t))))"
    )
    assert len(outputs_under_hash_seeds(code)) == 1
