"""Phrases as a researcher reads them: no prose fragments or plain words as slogans, quotes
as typography, kept phrases by their change, and gone phrases linked to what replaced them
— on real reports (the bundled pair, the State Council's, a province's)."""

from __future__ import annotations

import pytest

from lingdiff.model import PhraseRow
from lingdiff.outline import parse_document
from lingdiff.phrases import compare_phrases, find_numbered
from lingdiff.phrases.renamings import replacements
from lingdiff.reading import load_document
from lingdiff.summary import kept_changes
from tests.helpers import corpus_file, seed


def _rows(old: str, new: str) -> dict[str, PhraseRow]:
    rows = compare_phrases(parse_document(old, key="old"), parse_document(new, key="new"))
    return {r.phrase: r for r in rows}


@pytest.fixture(scope="module")
def national() -> dict[str, PhraseRow]:
    """The phrases of the State Council's 2019 and 2024 reports."""
    old = load_document(corpus_file("national_2019.txt"), "old")
    new = load_document(corpus_file("national_2024.txt"), "new")
    return {r.phrase: r for r in compare_phrases(old, new)}


@pytest.mark.parametrize(
    "text",
    [
        "全省上下一月接着一月拼，经济增长一季更比一季好",  # Jiangxi 2025
        "一件接着一件干、一天接着一天拼，攻坚克难、善作善成",  # Jiangxi 2026
        "干一件是一件，成一件是一件",
        "北京是全球唯一的双奥之城",
    ],
)
def test_prose_with_numerals_is_no_slogan(text: str) -> None:
    assert find_numbered(text) == {}


def test_a_slogan_may_hold_a_verb() -> None:
    # the State Council 2019: 并 is "merge" here, not prose
    assert find_numbered("将增值税税率三档并两档") == {"三档并两档": "三档并两档"}


def test_plain_words_quoted_once_are_no_slogans_on_the_bundled_pair() -> None:
    # 重点抓好“学位”、“床位”… but 新增学位1000个以上, 新增床位…: words, not slogans
    rows = {r.phrase: r for r in compare_phrases(seed("old"), seed("new"))}
    assert "学位" not in rows and "床位" not in rows
    assert (rows["空心房"].kind, rows["空心房"].old_count, rows["空心房"].new_count) == (
        "quoted",
        3,
        1,
    )
    assert rows["湘超"].kind == "quoted" and rows["三大攻坚战"].kind == "slogan"
    assert {r.kind for r in rows.values()} == {"slogan", "quoted", "term"}


def test_a_phrase_with_its_quotes_moved_is_not_gone() -> None:
    rows = _rows("一、回顾\n严控“三公”经费。\n", "一、回顾\n严控“三公经费”，三公经费只减不增。\n")
    assert rows["三公经费"].status == "kept"
    assert (rows["三公经费"].old_count, rows["三公经费"].new_count) == (1, 2)
    assert "三公" not in rows


def test_replacement_found_at_the_places_of_the_gone_phrase() -> None:
    old = "激发市场主体活力。支持市场主体发展。保护市场主体权益。"
    new = "激发各类经营主体活力。支持经营主体发展。稳定经营主体预期。"
    assert replacements(["市场主体"], old, new) == {"市场主体": "经营主体"}
    # one shared context and nothing alike: a coincidence of wording, no replacement
    assert replacements(["增值税"], "深化增值税改革。", "深化户籍制度改革。户籍制度") == {}


def test_national_replacements_and_shifts(national: dict[str, PhraseRow]) -> None:
    # 激发市场主体活力 -> 激发各类经营主体活力; 农村贫困人口 -> 农村低收入人口
    assert national["市场主体"].replaced_by == "经营主体"
    assert national["经营主体"] == PhraseRow(
        "经营主体",
        "kept",
        1,
        3,
        "term",
        (),
        national["经营主体"].old_sections,
        national["经营主体"].new_sections,
        national["经营主体"].score,
        replaces="市场主体",
    )
    assert national["贫困"].replaced_by == "低收入"
    assert (national["低收入"].status, national["低收入"].new_count) == ("added", 3)
    # the compound, not its head word: 高质量 is 高质量发展 25 times of 28
    assert (national["高质量发展"].old_count, national["高质量发展"].new_count) == (8, 25)
    assert "高质量" not in national
    assert national["三公"].status == "removed"  # “三公”经费 in 2019, none in 2024


def _replaced(old: str, new: str) -> dict[str, str]:
    rows = compare_phrases(
        load_document(corpus_file(old), "old"), load_document(corpus_file(new), "new")
    )
    return {r.phrase: r.replaced_by for r in rows if r.replaced_by}


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        # 加强生态保护和修复工程 ×3 -> 生态保护修复工程
        ("national/national_2018.txt", "national/national_2019.txt", {"保护和修复": "保护修复"}),
        # 完善社会保障制度 / 完善产权保护制度: a common frame (完善…制度), no replacement
        ("national/national_2013.txt", "national/national_2014.txt", {}),
        # 国防和军队建设取得… -> 国防和军队改革取得…: one use, different heads
        ("national/national_2016.txt", "national/national_2017.txt", {}),
        # 数字产业营业收入增长… -> 数字产业营收增长…
        (
            "provinces/2025/2025年黑龙江省政府工作报告.docx",
            "provinces/2026/2026年黑龙江省政府工作报告.txt",
            {"营业收入": "营收"},
        ),
        # 打响“青海绿铝”品牌 / 打响“青海家宴”品牌: another brand, not a new name
        (
            "provinces/2025/2025年青海省政府工作报告.docx",
            "provinces/2026/2026年青海省政府工作报告.txt",
            {},
        ),
    ],
)
def test_replacements_between_consecutive_reports(old: str, new: str, expected) -> None:
    assert _replaced(old, new) == expected


def test_kept_phrases_that_changed_most(national: dict[str, PhraseRow]) -> None:
    top = [(p.phrase, p.old_count, p.new_count) for p in kept_changes(list(national.values()))]
    assert top[0] == ("数字", 1, 21)
    assert ("高质量发展", 8, 25) in top
    assert all(max(o, n) >= 2 * min(o, n) for _, o, n in top)
