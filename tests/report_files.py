"""Report files built from report text, as governments publish them: a PDF typeset with
running headers, page numbers, first-line indents and hard-wrapped lines, and a saved web
page with navigation around the article. Used by the loading tests and the benchmark."""

from __future__ import annotations

import html
import re
from pathlib import Path

HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)")
PAGE = (595.0, 842.0)  # A4 in points
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 72.0, 80.0, 80.0


def write_pdf(
    text: str, path: Path, *, header: str = "零陵区人民政府文件", size: float = 12
) -> int:
    """Typeset ``text`` (one paragraph per line) as a PDF with reportlab's built-in CJK font
    STSong-Light: the first line is a centred title, headings are unindented lines, body
    paragraphs have a two-character indent and wrap at the right margin. Every page has a
    running header and a ``- N -`` page number. Returns the number of pages."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    font = "STSong-Light"
    c = canvas.Canvas(str(path), pagesize=PAGE)
    width = PAGE[0] - 2 * MARGIN_X
    leading = size * 1.6
    page = 1
    y = PAGE[1] - MARGIN_TOP

    def furniture() -> None:
        c.setFont(font, 9)
        c.drawCentredString(PAGE[0] / 2, PAGE[1] - 40, header)
        c.drawCentredString(PAGE[0] / 2, 40, f"- {page} -")
        c.setFont(font, size)

    furniture()
    for n, para in enumerate(p for p in text.split("\n") if p.strip()):
        para = para.strip().strip("\u3000")
        if n == 0:
            c.setFont(font, size + 4)
            c.drawCentredString(PAGE[0] / 2, y, para)
            c.setFont(font, size)
            y -= leading * 1.5
            continue
        indent = 0.0 if HEADING.match(para) else 2 * size
        for line, first in _wrap(para, width, indent, font, size):
            if y < MARGIN_BOTTOM:
                c.showPage()
                page += 1
                furniture()
                y = PAGE[1] - MARGIN_TOP
            c.drawString(MARGIN_X + (indent if first else 0), y, line)
            y -= leading
    c.showPage()
    c.save()
    return page


def _wrap(para: str, width: float, indent: float, font: str, size: float):
    from reportlab.pdfbase.pdfmetrics import stringWidth

    line, first, room = "", True, width - indent
    for ch in para:
        if line and stringWidth(line + ch, font, size) > room:
            yield line, first
            line, first, room = "", False, width
        line += ch
    if line:
        yield line, first


def write_html(text: str, path: Path, *, encoding: str = "utf-8", charset: str = "") -> None:
    """Save ``text`` as a government site's article page: a site header, navigation, a
    breadcrumb and a toolbar before the article (title in ``<h1>``, paragraphs in ``<p>``,
    one paragraph broken with ``<br>``), a footer and scripts after it."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    title, body = lines[0], lines[1:]
    paras = [f"<p>{html.escape(p)}</p>" for p in body[:-2]]
    paras.append(f"<p>{html.escape(body[-2])}<br>{html.escape(body[-1])}</p>")
    charset = charset or encoding
    page = f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{html.escape(title)}_永州市零陵区人民政府</title>
<script>var menu = "首页 政务公开 2026年";</script><style>p {{ margin: 0 }}</style></head>
<body><div class="header"><a href="/">零陵区人民政府门户网站</a> 2026年3月1日 星期日</div>
<nav class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li>
<li><a href="/gzbg">政府工作报告2026年</a></li></ul></nav>
<div class="breadcrumb">当前位置：首页 &gt; 政务公开 &gt; 规划计划</div>
<div class="article"><h1>{html.escape(title)}</h1>
<div class="toolbar">发布时间：2026-01-20 来源：区发改局 【字体：大 中 小】 打印本页</div>
<div id="zoom" class="TRS_Editor">{"".join(paras)}</div>
<div class="share">分享到：微信 微博</div></div>
<div class="footer">版权所有：永州市零陵区人民政府 湘ICP备2026000001号 网站标识码4311020001</div>
<script>document.write("统计代码2026年");</script></body></html>"""
    path.write_bytes(page.encode(encoding))


def no_unicode_pdf(pages: int = 2) -> bytes:
    """A PDF whose font (Type0, Identity-H, not embedded) has no ToUnicode map: its text
    extracts as raw glyph codes, as from a scanned-then-vectorised or badly made file."""
    objs: list[str] = []

    def add(s: str) -> int:
        objs.append(s)
        return len(objs)

    font_desc = add(
        "<< /Type /FontDescriptor /FontName /Secret /Flags 4 /FontBBox [0 0 1000 1000] "
        "/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>"
    )
    cid = add(
        "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Secret /CIDSystemInfo << /Registry "
        f"(Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor {font_desc} 0 R >>"
    )
    font = add(
        "<< /Type /Font /Subtype /Type0 /BaseFont /Secret /Encoding /Identity-H "
        f"/DescendantFonts [{cid} 0 R] >>"
    )
    kids = []
    pages_id = len(objs) + 1 + 2 * pages
    for _ in range(pages):
        lines = ""
        for r in range(30):
            codes = "".join(f"{(r * 7 + i) % 200 + 1:04x}" for i in range(30))
            lines += f"BT /F1 12 Tf 50 {800 - 20 * r} Td <{codes}> Tj ET\n"
        content = add(f"<< /Length {len(lines)} >>\nstream\n{lines}endstream")
        resources = f"<< /Font << /F1 {font} 0 R >> >>"
        kids.append(
            add(
                f"<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 595 842] "
                f"/Resources {resources} /Contents {content} 0 R >>"
            )
        )
    add(f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {pages} >>")
    catalog = add(f"<< /Type /Catalog /Pages {pages_id} 0 R >>")
    out = b"%PDF-1.7\n"
    offsets = []
    for i, s in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{s}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    trailer = f"trailer\n<< /Size {len(objs) + 1} /Root {catalog} 0 R >>\n"
    out += f"{trailer}startxref\n{xref}\n%%EOF\n".encode()
    return out
