"""Figures in .docx tables: a row read as ``name | unit | value`` gives its figures."""

from __future__ import annotations

from pathlib import Path

import docx

from lingdiff.figures import extract_observations
from lingdiff.figures.tables import table_row_figures
from lingdiff.reading import load_document


def test_a_table_with_a_unit_column_gives_figures(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("一、2024年工作回顾")
    document.add_paragraph("全年经济运行稳中有进，主要指标如下。")
    table = document.add_table(rows=3, cols=3)
    for row, cells in zip(
        table.rows,
        (
            ("指标", "单位", "数值"),
            ("地区生产总值", "亿元", "2345"),
            ("地区生产总值增速", "%", "5.5"),
        ),
        strict=True,
    ):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    path = tmp_path / "t.docx"
    document.save(path)
    doc = load_document(path, "old")
    got = [
        (o.indicator, o.value, o.unit, o.measure, o.kind, o.code) for o in extract_observations(doc)
    ]
    assert got == [
        ("地区生产总值", 2345.0, "亿元", "level", "actual", "gdp"),
        ("地区生产总值", 5.5, "%", "growth", "actual", "gdp"),
    ]


def test_rows_that_are_not_name_unit_value_give_nothing() -> None:
    for row in (
        "指标 | 单位 | 数值",
        "地区生产总值 | 亿元",
        "甲 | 乙 | 3",
        "地区生产总值 | 亿元 | 万元 | 3",
    ):
        assert table_row_figures(row, 0, len(row)) == []
