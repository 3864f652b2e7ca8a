"""PDF and web-page reports read like their text: same outline, same figures, with pages;
PDFs that need OCR or a password are refused in one line."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from lingdiff.errors import LoadError
from lingdiff.figures import extract_observations
from lingdiff.load import read_source, read_text
from lingdiff.model import Document
from lingdiff.reading import load_document
from tests.helpers import NEW_PATH, OLD_PATH
from tests.report_files import no_unicode_pdf, write_html, write_pdf

pytest.importorskip("reportlab", reason="reportlab (a test extra) builds the test PDFs")


def _outline(doc: Document) -> list[tuple[str, str, str, str]]:
    return [(s.id, s.number, s.title, s.part) for s in doc.sections]


def _figures(doc: Document) -> list[tuple]:
    return [
        (o.indicator, o.value, o.unit, o.qualifier, o.kind, o.year, o.section)
        for o in extract_observations(doc)
    ]


@cache
def _pdf(source: Path, folder: Path) -> tuple[Path, int]:
    path = folder / (source.stem + ".pdf")
    pages = write_pdf(source.read_text(encoding="utf-8"), path)
    return path, pages


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("reports")


@pytest.mark.parametrize("source", [OLD_PATH, NEW_PATH], ids=["old", "new"])
def test_pdf_reads_like_the_text(source: Path, folder: Path) -> None:
    path, pages = _pdf(source, folder)
    assert pages >= 8
    pdf, txt = load_document(path), load_document(source)
    assert pdf.title == txt.title
    assert (pdf.review_year, pdf.plan_year) == (txt.review_year, txt.plan_year)
    assert _outline(pdf) == _outline(txt)
    assert _figures(pdf) == _figures(txt)
    assert "零陵区人民政府文件" not in pdf.text  # the running header
    assert not any(line.startswith("- ") and line.endswith(" -") for line in pdf.text.split("\n"))


def test_pdf_pages_of_sentences_and_figures(folder: Path) -> None:
    path, pages = _pdf(OLD_PATH, folder)
    doc = load_document(path)
    assert doc.source.format == "pdf" and len(doc.source.page_starts) == pages
    assert doc.page(doc.sentences[0].start) == 1
    assert doc.page(doc.sentences[-1].start) == pages
    seen = [doc.page(s.start) for s in doc.sentences]
    assert seen == sorted(seen) and set(seen) == set(range(1, pages + 1))
    # a sentence's page holds its text: the page's text (from PDFium) contains its start
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    for s in doc.sentences[::15]:
        page = pdf[doc.page(s.start) - 1]
        text = page.get_textpage().get_text_range().replace("\r\n", "")
        assert s.text[:6] in text, (s.text[:20], doc.page(s.start))
    pdf.close()


def test_markdown_quotes_cite_pdf_pages(folder: Path) -> None:
    from lingdiff.compare import compare
    from lingdiff.render import render_json, render_markdown

    path, _ = _pdf(OLD_PATH, folder)
    c = compare(load_document(path, "old"), load_document(NEW_PATH, "new"))
    text = render_markdown(c)
    old_notes = [line for line in text.split("\n") if line.startswith("[^old-")]
    new_notes = [line for line in text.split("\n") if line.startswith("[^new-")]
    assert old_notes and all(", p. " in line for line in old_notes)
    assert new_notes and not any(", p. " in line for line in new_notes)
    import json

    data = json.loads(render_json(c))
    values = [v for row in data["metrics"] for v in row["values"] if v["doc"] == "old"]
    assert values and all(isinstance(v["page"], int) for v in values)
    original = c.old.source.original
    assert all(original[v["source_start"] : v["source_end"]] == v["quote"] for v in values)


def test_scanned_pdf_needs_ocr(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path))
    for _ in range(3):
        c.rect(50, 50, 400, 600, fill=1)  # an image-like page: marks but no text
        c.showPage()
    c.save()
    with pytest.raises(LoadError, match=r"no text layer .* needs OCR"):
        read_text(path)


def test_pdf_whose_fonts_give_no_unicode_needs_ocr(tmp_path: Path) -> None:
    path = tmp_path / "cid.pdf"
    path.write_bytes(no_unicode_pdf())
    with pytest.raises(LoadError, match=r"fonts give no Unicode text .* needs OCR"):
        read_text(path)


def test_encrypted_pdf(tmp_path: Path) -> None:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    path = tmp_path / "locked.pdf"
    enc = pdfencrypt.StandardEncryption("secret", canPrint=0)
    c = canvas.Canvas(str(path), encrypt=enc)
    c.drawString(50, 800, "hello")
    c.save()
    with pytest.raises(LoadError, match="encrypted"):
        read_text(path)


def test_damaged_pdf(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\n" + b"\x00\x01" * 50)
    with pytest.raises(LoadError, match="damaged PDF"):
        read_text(path)


@pytest.mark.parametrize(
    ("encoding", "charset"),
    [("utf-8", ""), ("gb18030", "gb2312"), ("gbk", "GBK")],
)
def test_web_page_reads_like_the_text(tmp_path: Path, encoding: str, charset: str) -> None:
    path = tmp_path / "page.html"
    text = OLD_PATH.read_text(encoding="utf-8").replace("\u3000", "")
    write_html(text, path, encoding=encoding, charset=charset)
    page, txt = load_document(path), load_document(OLD_PATH)
    assert page.source.format == "html"
    assert _outline(page) == _outline(txt)
    assert _figures(page) == _figures(txt)
    for furniture in ("首页", "版权所有", "分享到", "统计代码", "当前位置", "字体"):
        assert furniture not in page.text


def test_web_page_br_gives_lines(tmp_path: Path) -> None:
    path = tmp_path / "br.htm"
    path.write_bytes(
        "<html><head><meta charset='gbk'><title>报告</title></head><body><div id='content'>"
        "<p>一、2019年计划执行情况<br/>全年增长6.7%。<br>二、2020年目标</p>"
        "<table><tr><td>地区生产总值</td><td>亿元</td><td>2345</td></tr></table>"
        "</div></body></html>".encode("gbk")
    )
    loaded = read_source(path)
    lines = ["报告", "一、2019年计划执行情况", "全年增长6.7%。", "二、2020年目标"]
    assert loaded.text.split("\n") == [*lines, "地区生产总值 | 亿元 | 2345"]
    assert loaded.source.encoding == "gb18030"


def test_web_page_declared_wrongly_names_the_offset(tmp_path: Path) -> None:
    path = tmp_path / "bad.html"
    path.write_bytes(b"<html><meta charset='utf-8'><p>" + "报告".encode("gbk") + b"</p></html>")
    with pytest.raises(LoadError, match="as UTF-8: invalid bytes at byte offset 31"):
        read_text(path)


@pytest.mark.parametrize("depth", [200, 20000])
def test_deeply_nested_web_page_is_read_or_refused_by_name(tmp_path: Path, depth: int) -> None:
    path = tmp_path / "deep.html"
    text = "<html><body>" + "<div>" * depth + "<p>一、报告正文。</p>" + "</div>" * depth
    path.write_text(text + "</body></html>", encoding="utf-8")
    if depth < 256:  # within libxml2's depth limit: read
        assert read_text(path) == "一、报告正文。"
    else:  # libxml2 stops at its depth limit: a named error, not a crash
        with pytest.raises(LoadError, match=r"has no text|nested too deeply"):
            read_text(path)


def test_pdf_page_without_text_is_named_in_a_warning(tmp_path: Path) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "gap.pdf"
    c = canvas.Canvas(str(path))
    for page in range(3):
        c.setFont("STSong-Light", 12)
        if page != 1:
            for row in range(20):
                c.drawString(72, 760 - 20 * row, f"第{page + 1}页第{row + 1}行的报告正文。")
        c.showPage()
    c.save()
    loaded = read_source(path)
    assert loaded.source.page_starts[1] == loaded.source.page_starts[2]
    assert loaded.warnings == (
        "page(s) 2 have no text (blank, or scanned without a text layer: their content is not "
        "read)",
    )


def test_xhtml_declaration_gives_the_charset(tmp_path: Path) -> None:
    path = tmp_path / "x.htm"
    body = "<html><body><div><p>一、2019年工作回顾。</p></div></body></html>"
    path.write_bytes(b'<?xml version="1.0" encoding="GB2312"?>' + body.encode("gb2312"))
    assert read_source(path).text == "一、2019年工作回顾。"


def test_letter_spaced_pdf_lines_lose_their_spaces(tmp_path: Path) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "spaced.pdf"
    c = canvas.Canvas(str(path))
    c.setFont("STSong-Light", 12)
    c.drawString(72, 760, "一 、 2 0 1 9 年 工 作 回 顾")
    c.drawString(72, 740, "地 区 生 产 总 值 增 长 6 . 7 % ， 达 到 2 2 2 . 5 亿 元 。")
    c.drawString(96, 720, "局长 曾新吉，GDP growth 领先。")  # a new, indented paragraph
    c.save()
    assert read_text(path).split("\n") == [
        "一、2019年工作回顾",
        "地区生产总值增长6.7%，达到222.5亿元。",
        "局长 曾新吉，GDP growth 领先。",
    ]
