"""Reading .docx as Word shows it, and refusing hostile or broken ones with a named error.

Each case is built here, with python-docx or as raw WordprocessingML in a zip.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest

from lingdiff.errors import LoadError
from lingdiff.load import read_text
from lingdiff.load.docx_numbering import chinese_counting, format_number
from lingdiff.reading import load_document

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
HEAD = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    f'<w:document xmlns:w="{W_NS}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"><w:body>'
)
TAIL = "</w:body></w:document>"


def _p(text: str, extra: str = "") -> str:
    return f"<w:p>{extra}<w:r><w:t>{text}</w:t></w:r></w:p>"


def _write_docx(
    path: Path,
    body: str,
    members: dict[str, str] | None = None,
    *,
    document: str | bytes | None = None,
    compression: int = zipfile.ZIP_DEFLATED,
) -> Path:
    with zipfile.ZipFile(path, "w", compression) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", document if document is not None else HEAD + body + TAIL)
        for name, xml in (members or {}).items():
            zf.writestr(name, xml)
    return path


def _fails(path: Path, message: str) -> None:
    with pytest.raises(LoadError) as info:
        read_text(path)
    assert str(path) in str(info.value) and message in str(info.value)
    assert "\n" not in str(info.value)


# ---- faithful reading -------------------------------------------------------------------------


def test_text_box_is_read_once(tmp_path: Path) -> None:
    box = f"<w:txbxContent>{_p('框里的一句话。')}</w:txbxContent>"
    run = (
        "<w:r><mc:AlternateContent>"
        f"<mc:Choice Requires='wps'><w:drawing><wps:txbx>{box}</wps:txbx></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:textbox>{box}</v:textbox></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )
    body = f"<w:p><w:r><w:t>正文开头。</w:t></w:r>{run}</w:p>" + _p("下一段。")
    text = read_text(_write_docx(tmp_path / "box.docx", body))
    assert text == "正文开头。\n框里的一句话。\n下一段。"


def test_tracked_deletions_moves_and_hidden_text_are_skipped(tmp_path: Path) -> None:
    body = (
        "<w:p><w:r><w:t>增长</w:t></w:r>"
        "<w:del><w:r><w:delText>7.5%</w:delText></w:r></w:del>"
        "<w:ins><w:r><w:t>6.5%</w:t></w:r></w:ins>"
        "<w:moveFrom><w:r><w:t>旧位置的话</w:t></w:r></w:moveFrom>"
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏的字</w:t></w:r>"
        '<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>。</w:t></w:r></w:p>'
        "<w:p><w:moveTo><w:r><w:t>新位置的话。</w:t></w:r></w:moveTo></w:p>"
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        "<w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t>尾。</w:t></w:r></w:p>"
    )
    text = read_text(_write_docx(tmp_path / "tracked.docx", body))
    assert text == "增长6.5%。\n新位置的话。\n尾。"


NUMBERING = f"""<?xml version="1.0" encoding="UTF-8"?>
<w:numbering xmlns:w="{W_NS}">
  <w:abstractNum w:abstractNumId="7">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>
      <w:lvlText w:val="%1、"/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>
      <w:lvlText w:val="（%2）"/></w:lvl>
    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/>
      <w:lvlText w:val="%3."/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="8">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/>
      <w:lvlText w:val="•"/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="8"/></w:num>
</w:numbering>"""
STYLES = f"""<?xml version="1.0" encoding="UTF-8"?>
<w:styles xmlns:w="{W_NS}">
  <w:style w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
  <w:style w:styleId="Part"><w:basedOn w:val="Heading1"/></w:style>
</w:styles>"""


def _numbered(level: int | None = None, style: str = "") -> str:
    props = f'<w:pStyle w:val="{style}"/>' if style else ""
    if level is not None:
        props += f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="1"/></w:numPr>'
    return f"<w:pPr>{props}</w:pPr>"


def test_word_numbering_is_written_as_word_shows_it(tmp_path: Path) -> None:
    body = (
        _p("2019年计划执行情况", _numbered(style="Part"))
        + _p("经济运行稳中有进", _numbered(1))
        + _p("工业增长", _numbered(2))
        + _p("农业稳定", _numbered(2))
        + _p("三大攻坚战成果丰硕", _numbered(1))
        + _p("要点", '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr></w:pPr>')
        + _p("2020年主要预期目标", _numbered(0))
        + _p("主要预期目标：地区生产总值增长7.5%。")
    )
    members = {"word/numbering.xml": NUMBERING, "word/styles.xml": STYLES}
    text = read_text(_write_docx(tmp_path / "numbered.docx", body, members))
    assert text.split("\n") == [
        "一、2019年计划执行情况",
        "（一）经济运行稳中有进",
        "1.工业增长",
        "2.农业稳定",
        "（二）三大攻坚战成果丰硕",
        "要点",
        "二、2020年主要预期目标",
        "主要预期目标：地区生产总值增长7.5%。",
    ]
    doc = load_document(tmp_path / "numbered.docx", "old")
    assert [s.number for s in doc.top_sections()][-2:] == ["一、", "二、"]


@pytest.mark.parametrize(
    ("n", "fmt", "label"),
    [
        (1, "chineseCounting", "一"),
        (10, "chineseCounting", "十"),
        (12, "chineseCountingThousand", "十二"),
        (20, "chineseCounting", "二十"),
        (3, "decimalEnclosedCircle", "③"),
        (2, "ideographTraditional", "乙"),
        (4, "upperRoman", "IV"),
        (27, "lowerLetter", "aa"),
        (7, "decimal", "7"),
    ],
)
def test_number_formats(n: int, fmt: str, label: str) -> None:
    assert format_number(n, fmt) == label


def test_chinese_counting_above_ninety_nine() -> None:
    assert [chinese_counting(n) for n in (100, 105, 110, 999)] == [
        "一百",
        "一百零五",
        "一百一十",
        "九百九十九",
    ]


def test_tables_are_read_row_by_row(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("主要指标完成情况")
    table = document.add_table(rows=2, cols=3)
    for i, cells in enumerate((("指标", "单位", "2019年"), ("地区生产总值", "亿元", "2345"))):
        for j, value in enumerate(cells):
            table.cell(i, j).text = value
    document.add_paragraph("表后一句。")
    path = tmp_path / "table.docx"
    document.save(path)
    assert read_text(path).split("\n") == [
        "主要指标完成情况",
        "指标 | 单位 | 2019年",
        "地区生产总值 | 亿元 | 2345",
        "表后一句。",
    ]


# ---- refused with a named error ----------------------------------------------------------------


def test_doctype_is_refused_at_once(tmp_path: Path) -> None:
    lol = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 9))
    document = (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY l0 "一二三四五六七八九十">'
        + lol
        + f']><w:document xmlns:w="{W_NS}"><w:body>{_p("&l8;")}</w:body></w:document>'
    )
    path = _write_docx(tmp_path / "bomb.docx", "", document=document)
    assert path.stat().st_size < 3000
    _fails(path, "DOCTYPE")


def test_extracted_text_is_capped(tmp_path: Path) -> None:
    paragraph = _p("发展" * 5000)  # 30 KB of text per paragraph, compresses to almost nothing
    path = _write_docx(tmp_path / "big.docx", paragraph * 200)
    assert path.stat().st_size < 200_000
    _fails(path, "up to 5 MB")


def test_encrypted_member(tmp_path: Path) -> None:
    path = _write_docx(tmp_path / "enc.docx", _p("正文。"))
    data = bytearray(path.read_bytes())
    # set the "encrypted" flag bit in the local and central headers of word/document.xml
    for signature, flag_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (i := data.find(signature, start)) >= 0:
            data[i + flag_at] |= 0x1
            start = i + 4
    path.write_bytes(bytes(data))
    _fails(path, "encrypted")


def test_encrypted_office_container(tmp_path: Path) -> None:
    path = tmp_path / "locked.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le"))
    _fails(path, "encrypted")


def test_corrupt_member(tmp_path: Path) -> None:
    path = _write_docx(
        tmp_path / "crc.docx", _p("正文一句话。" * 50), compression=zipfile.ZIP_STORED
    )
    data = path.read_bytes()
    at = data.find("正文".encode())
    path.write_bytes(data[:at] + b"XX" + data[at + 2 :])
    _fails(path, "cannot be unpacked")


def test_unsupported_compression(tmp_path: Path) -> None:
    path = _write_docx(tmp_path / "lzma.docx", _p("正文。"), compression=zipfile.ZIP_LZMA)
    data = bytearray(path.read_bytes())
    for signature, method_at in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        start = 0
        while (i := data.find(signature, start)) >= 0:
            data[i + method_at] = 99  # AES/unknown: a method zipfile does not implement
            start = i + 4
    path.write_bytes(bytes(data))
    _fails(path, "compression method 99")


def test_gb2312_declared_xml(tmp_path: Path) -> None:
    document = (
        '<?xml version="1.0" encoding="GB2312"?>'
        f'<w:document xmlns:w="{W_NS}"><w:body>{_p("正文。")}</w:body></w:document>'
    ).encode("gb2312")
    _fails(_write_docx(tmp_path / "gb.docx", "", document=document), "declares the encoding GB2312")


def test_unreadable_xml_names_the_member(tmp_path: Path) -> None:
    _fails(_write_docx(tmp_path / "x.docx", "", document="<w:document"), "document.xml, line 1")


def test_deep_nesting_is_refused_by_name(tmp_path: Path) -> None:
    depth = 5000
    body = "<w:sdt><w:sdtContent>" * depth + _p("正文。") + "</w:sdtContent></w:sdt>" * depth
    _fails(_write_docx(tmp_path / "deep.docx", body), "nested too deeply")
