"""link_many: one group per indicator across N reports (codes first, then names, then drift)."""

from __future__ import annotations

from lingdiff.figures.link_many import link_many
from lingdiff.model import Observation


def obs(n: int, indicator: str, value: float, *, code: str = "", year: int = 2020) -> Observation:
    return Observation(
        id=f"old:m{n}", doc="old", indicator=indicator, value=value, unit="%", qualifier="",
        measure="growth", kind="target", year=year, section="old:1", quote="", start=n, end=n,
        code=code,
    )  # fmt: skip


def names(groups) -> list[list[tuple[int, str]]]:
    return [[(r, o.indicator) for r, o in g.observations] for g in groups]


def test_codes_link_different_wordings_and_keep_different_codes_apart() -> None:
    groups = link_many(
        [
            [
                obs(1, "地区生产总值", 6.0, code="gdp"),
                obs(2, "一般公共预算收入", 5.0, code="revenue"),
            ],
            [obs(1, "全市生产总值", 5.5, code="gdp", year=2021)],
            [obs(1, "一般公共预算收入", 4.0, code="other", year=2022)],
        ]
    )
    assert names(groups) == [
        [(0, "地区生产总值"), (1, "全市生产总值")],
        [(0, "一般公共预算收入")],
        [(2, "一般公共预算收入")],
    ]
    assert [g.code for g in groups] == ["gdp", "revenue", "other"]


def test_names_link_across_a_report_that_does_not_mention_them() -> None:
    groups = link_many(
        [
            [obs(1, "城镇新增就业", 1.0)],
            [obs(1, "居民消费价格", 3.0, year=2021)],
            [obs(1, "新增城镇就业", 1.1, year=2022)],
        ]
    )
    assert names(groups) == [[(0, "城镇新增就业"), (2, "新增城镇就业")], [(1, "居民消费价格")]]


def test_two_values_for_one_year_in_one_report_stay_two_indicators() -> None:
    groups = link_many(
        [
            [obs(1, "城镇居民人均可支配收入", 8.0), obs(2, "农村居民人均可支配收入", 9.0)],
            [obs(1, "城镇居民人均可支配收入", 7.0, year=2021)],
        ]
    )
    assert names(groups) == [
        [(0, "城镇居民人均可支配收入"), (1, "城镇居民人均可支配收入")],
        [(0, "农村居民人均可支配收入")],
    ]
