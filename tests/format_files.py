"""Make one file per format from real corpus documents, each from a different source.

LibreOffice (`soffice --convert-to`) makes the office formats, python-pptx the
slides, openpyxl the ledgers, zipfile/py7zr the batches (GBK member names
without the UTF-8 flag). Returns {relative file name: the source text it holds}
so a known-item check can cut phrases from that text and expect the file.
"""
from __future__ import annotations

import csv
import html
import os
import re
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

REPORTS = "txt/cn_state_council_gov_work_reports_1954_2025"
DOCX = "docx/cn_provincial_gov_work_reports_2025"
WEB = "txt/cn_provincial_gov_work_reports_2026_web_scrape"


def soffice(inputs: list[Path], fmt: str, outdir: Path, infilter: str | None = None) -> None:
    """One LibreOffice run converting `inputs` to `fmt`, with a throwaway profile."""
    with tempfile.TemporaryDirectory(prefix="fixture-lo-") as profile:
        cmd = ["soffice", "--headless", "--norestore", "--nolockcheck",
               f"-env:UserInstallation={Path(profile).as_uri()}", "--convert-to", fmt,
               "--outdir", str(outdir)]
        if infilter:
            cmd.append(f"--infilter={infilter}")
        subprocess.run(cmd + [str(p) for p in inputs], check=True, capture_output=True, timeout=300,
                       env={**os.environ, "HOME": profile})


def sentences(text: str, limit: int) -> list[str]:
    parts = [s.strip() for s in re.split(r"(?<=[。；！？])", text) if len(s.strip()) > 10]
    return parts[:limit]


def ledger(text: str, out: Path, rows: int = 40) -> str:
    """A 台账 workbook: two sheets, a merged 责任单位 column, header rows."""
    import openpyxl

    sents = sentences(text, rows)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "整改台账"
    ws.append(["序号", "责任单位", "问题描述", "完成时限"])
    half = len(sents) // 2
    for i, s in enumerate(sents[:half]):
        ws.append([i + 1, "区城管局" if i < half // 2 else "区住建局", s, "2022-09-30"])
    ws.merge_cells(start_row=2, start_column=2, end_row=1 + half // 2, end_column=2)
    ws.merge_cells(start_row=2 + half // 2, start_column=2, end_row=1 + half, end_column=2)
    ws2 = wb.create_sheet("宣传教育")
    ws2.append(["项目", "内容"])
    for s in sents[half:]:
        ws2.append(["宣传", s])
    wb.save(out)
    return "\n".join(sents)


def slides(text: str, out: Path) -> str:
    from pptx import Presentation
    from pptx.util import Inches

    paras = [p.strip() for p in text.splitlines() if len(p.strip()) > 4][:48]
    prs = Presentation()
    for i in range(0, len(paras), 4):
        slide = prs.slides.add_slide(prs.slide_layouts[1])
        slide.shapes.title.text = paras[i][:30]
        body = slide.placeholders[1].text_frame
        body.text = paras[i + 1] if i + 1 < len(paras) else ""
        for p in paras[i + 2:i + 4]:
            body.add_paragraph().text = p
        if i == 0:
            table = slide.shapes.add_table(2, 2, Inches(1), Inches(6), Inches(6), Inches(1)).table
            table.cell(0, 0).text, table.cell(0, 1).text = "责任单位", "完成时限"
            table.cell(1, 0).text, table.cell(1, 1).text = "区创建办", "九月底前"
    prs.save(out)
    return "\n".join(p if k % 4 else p[:30] for k, p in enumerate(paras))


GOV_PAGE = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{title}_{site}</title>
<script type="text/javascript">var _hmt = _hmt || []; (function() {{ var hm = document.createElement("script"); hm.src = "//hm.example/hm.js"; }})();</script>
<style>.nav {{ color: #333 }}</style></head>
<body>
<div class="header"><a href="/">首页</a> | <a href="/zwgk/">政务公开</a> | <a href="/hdjl/">互动交流</a> | <a href="/bsfw/">办事服务</a></div>
<div class="nav">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 政府工作报告</div>
<div class="article">
<h1>{title}</h1>
<div class="info">发布时间：2026-01-28 来源：{site} 【字号：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】 【打印】 【关闭】</div>
<div class="content" id="zoom">
{paras}
</div>
<div class="tools"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
</div>
<div class="footer">主办：{site}办公厅 版权所有 网站标识码 4600000001 <script>document.write("访问量统计");</script></div>
</body></html>"""


def web_page(text: str, title: str, site: str, charset: str) -> bytes:
    paras = "\n".join(f"<p>{html.escape(line.strip())}</p>" for line in text.splitlines() if line.strip())
    return GOV_PAGE.format(title=html.escape(title), site=site, paras=paras, charset=charset).encode(charset)


def mht(page: bytes, charset: str, url: str) -> bytes:
    """A page saved by a browser as 'single file web page' (multipart/related, quoted-printable)."""
    from email.charset import QP, Charset
    from email.mime.multipart import MIMEMultipart
    from email.mime.text import MIMEText

    msg = MIMEMultipart("related", type="text/html")
    msg["Subject"] = "=?utf-8?b?5pS/5bqc5bel5L2c5oql5ZGK?="
    msg["MIME-Version"] = "1.0"
    cs = Charset(charset)
    cs.body_encoding = QP
    part = MIMEText(page.decode(charset), "html", cs)
    part["Content-Location"] = url
    msg.attach(part)
    return msg.as_bytes()


class GbkName(zipfile.ZipInfo):
    """A member name written in GBK without the UTF-8 flag, as Windows zip tools do."""

    def _encodeFilenameFlags(self):  # noqa: N802 - zipfile's hook
        return self.filename.encode("gbk"), self.flag_bits & ~0x800


def gbk_member(name: str) -> zipfile.ZipInfo:
    info = GbkName(name, date_time=(2022, 3, 26, 9, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def rar4(files: list[tuple[bytes, bytes]]) -> bytes:
    """A RAR 4.x archive of stored members (no `rar` program is free to install): marker,
    main header, one file header per member (name bytes in the OEM code page, no Unicode
    flag, as WinRAR on a Chinese Windows writes them), end of archive; header CRCs as specified."""
    import struct
    import zlib

    def block(kind: int, flags: int, body: bytes, data: bytes = b"") -> bytes:
        head = struct.pack("<BHH", kind, flags, 7 + len(body)) + body
        return struct.pack("<H", zlib.crc32(head) & 0xFFFF) + head + data

    out = [b"Rar!\x1a\x07\x00", block(0x73, 0, b"\x00" * 6)]
    for name, data in files:
        body = struct.pack("<IIBIIBBHI", len(data), len(data), 2, zlib.crc32(data) & 0xFFFFFFFF,
                           0x5A7A4800, 20, 0x30, len(name), 0x20) + name
        out.append(block(0x74, 0x8000, body, data))
    out.append(block(0x7B, 0x4000, b""))
    return b"".join(out)


def build(out: Path, corpus: Path) -> dict[str, str]:
    """Write the files into `out`; return {file name: the source text it holds}."""
    out.mkdir(parents=True, exist_ok=True)
    work = out / ".work"
    work.mkdir(exist_ok=True)
    src: dict[str, Path | str] = {}

    def report(year: str) -> Path:
        return corpus / REPORTS / f"{year}年中华人民共和国国务院政府工作报告.txt"

    def read(p: Path) -> str:
        return p.read_text(encoding="utf-8")

    # Writer formats from DOCX sources: .doc, .rtf, .odt, a .doc named .wps
    writer = {"doc": "上海市", "rtf": "天津市", "odt": "山西省", "wps": "云南省"}
    for fmt, place in writer.items():
        source = corpus / DOCX / f"2025年{place}政府工作报告.docx"
        shutil.copyfile(source, work / f"{fmt}_{place}.docx")
        src[f"{place}政府工作报告.{fmt}"] = source
    for fmt in ("doc", "rtf", "odt"):
        soffice([work / f"{f}_{p}.docx" for f, p in writer.items() if f == fmt or
                 (fmt == "doc" and f == "wps")], fmt if fmt != "doc" else "doc:MS Word 97", work)
    for fmt, place in writer.items():
        made = work / f"{fmt}_{place}.{'doc' if fmt == 'wps' else fmt}"
        shutil.move(made, out / f"{place}政府工作报告.{fmt}")
    # a WPS file that is really a DOCX
    shutil.copyfile(corpus / DOCX / "2025年吉林省政府工作报告.docx", out / "吉林省政府工作报告.wps")
    src["吉林省政府工作报告.wps"] = corpus / DOCX / "2025年吉林省政府工作报告.docx"
    # Traditional source: plain text → ODT → a second .doc
    trad = corpus / "txt/cn_cpc_congress_reports/03_陈独秀在中国共产党第三次全国代表大会上的报告.txt"
    shutil.copyfile(trad, work / "三大报告.txt")
    soffice([work / "三大报告.txt"], "doc:MS Word 97", work, infilter="Text (encoded):UTF8")
    shutil.move(work / "三大报告.doc", out / "三大报告（繁体）.doc")
    src["三大报告（繁体）.doc"] = trad

    # Spreadsheets: xlsx (openpyxl), xls/ods (LibreOffice from xlsx), .et (an xls), csv (GBK)
    sheets = {"xlsx": "1954", "xls": "1955", "ods": "1957", "et": "1958", "csv": "1960"}
    for fmt, year in sheets.items():
        src[f"{year}年整改台账.{fmt}"] = ledger(read(report(year)), work / f"{fmt}_{year}.xlsx")
    shutil.move(work / "xlsx_1954.xlsx", out / "1954年整改台账.xlsx")
    soffice([work / "xls_1955.xlsx", work / "et_1958.xlsx"], "xls", work)
    soffice([work / "ods_1957.xlsx"], "ods", work)
    shutil.move(work / "xls_1955.xls", out / "1955年整改台账.xls")
    shutil.move(work / "et_1958.xls", out / "1958年整改台账.et")
    shutil.move(work / "ods_1957.ods", out / "1957年整改台账.ods")
    with open(out / "1960年整改台账.csv", "w", encoding="gbk", errors="replace", newline="") as fh:
        rows = csv.writer(fh)
        rows.writerow(["序号", "责任单位", "问题描述"])
        for i, s in enumerate(sentences(read(report("1960")), 40)):
            rows.writerow([i + 1, "区创建办", s])
    src["1960年整改台账.csv"] = "\n".join(sentences(read(report("1960")), 40))
    # an .xlsx named .doc
    src["1975年台账（实为表格）.doc"] = ledger(read(report("1975")), out / "1975年台账（实为表格）.doc")

    # Slides: pptx (python-pptx), ppt and odp (LibreOffice from pptx)
    decks = {"pptx": "2016", "ppt": "2017", "odp": "2018"}
    for fmt, year in decks.items():
        src[f"{year}年工作汇报.{fmt}"] = slides(read(report(year)), work / f"{fmt}_{year}.pptx")
    shutil.move(work / "pptx_2016.pptx", out / "2016年工作汇报.pptx")
    soffice([work / "ppt_2017.pptx"], "ppt", work)
    soffice([work / "odp_2018.pptx"], "odp", work)
    shutil.move(work / "ppt_2017.ppt", out / "2017年工作汇报.ppt")
    shutil.move(work / "odp_2018.odp", out / "2018年工作汇报.odp")

    # Web pages: HTML in GB18030 and an MHT archive
    hainan, zhejiang = corpus / WEB / "2026_海南省_政府工作报告.txt", corpus / WEB / "2026_浙江省_政府工作报告.txt"
    (out / "海南省政府工作报告.html").write_bytes(
        web_page(read(hainan), "2026年海南省政府工作报告", "海南省人民政府网", "gb18030"))
    page = web_page(read(zhejiang), "2026年浙江省政府工作报告", "浙江省人民政府网", "utf-8")
    (out / "浙江省政府工作报告.mht").write_bytes(mht(page, "utf-8", "https://www.zj.gov.cn/art/2026/1/28/x.html"))
    src["海南省政府工作报告.html"], src["浙江省政府工作报告.mht"] = hainan, zhejiang

    # OFD, from the corpus as is, and one named .zip
    for f in sorted((corpus / "ofd").glob("*.ofd")):
        shutil.copyfile(f, out / f.name)
        src[f.name] = f

    # A ZIP batch from a street office: GBK names, a nested zip, a .docx and a .txt member
    nested = work / "nested.zip"
    with zipfile.ZipFile(nested, "w") as z:
        z.writestr(gbk_member("社区/1979年报告摘录.txt"), read(report("1979")).encode("gbk", "replace"))
    with zipfile.ZipFile(out / "街道报送材料.zip", "w") as z:
        z.writestr(gbk_member("各社区材料/1981年工作报告.txt"), read(report("1981")).encode("gbk", "replace"))
        z.write(corpus / DOCX / "2025年河南省政府工作报告.docx", "各社区材料/河南省政府工作报告.docx")
        z.writestr(gbk_member("各社区材料/社区报送.zip"), nested.read_bytes())
    src["街道报送材料.zip/各社区材料/1981年工作报告.txt"] = report("1981")
    src["街道报送材料.zip/各社区材料/河南省政府工作报告.docx"] = corpus / DOCX / "2025年河南省政府工作报告.docx"
    src["街道报送材料.zip/各社区材料/社区报送.zip/社区/1979年报告摘录.txt"] = report("1979")
    # A 7z batch
    import py7zr

    with py7zr.SevenZipFile(out / "社区台账.7z", "w") as z:
        z.writestr(read(report("1982")).encode("utf-8"), "台账/1982年报告.txt")
    src["社区台账.7z/台账/1982年报告.txt"] = report("1982")
    # A RAR batch, GBK names
    (out / "社区材料.rar").write_bytes(rar4([
        ("社区材料/1986年报告.txt".encode("gbk"), read(report("1986")).encode("gbk", "replace"))]))
    src["社区材料.rar/社区材料/1986年报告.txt"] = report("1986")
    shutil.rmtree(work)
    return {name: value if isinstance(value, str) else source_text(value) for name, value in src.items()}


def source_text(path: Path) -> str:
    """The text of a corpus source, as the known-item check cuts phrases from it."""
    if path.suffix == ".docx":
        import docx

        return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    if path.suffix == ".ofd":
        from dangan.read.extract.base import Limits
        from dangan.read.extract.ofd import OfdExtractor

        return OfdExtractor().extract(path, Limits()).text
    return path.read_text(encoding="utf-8")


if __name__ == "__main__":
    import sys
    import time

    started = time.perf_counter()
    made = build(Path(sys.argv[1]), Path(sys.argv[2]))
    print(f"{len(made)} files in {time.perf_counter() - started:.1f}s")
