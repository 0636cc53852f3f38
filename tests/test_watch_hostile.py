"""48 hostile inputs dropped into a watched inbox: each quarantined, skipped or taken, with a
reason, and the watcher alive throughout with no traceback."""
from __future__ import annotations

import io
import os
import socket
import stat
import struct
import zipfile
import zlib
from pathlib import Path

from test_ingest import encrypted_pdf
from watch_helpers import (
    CORPUS,
    assert_settled,
    doc_bytes,
    inbox_files,
    make_ws,
    reap_watchers,
    spawn,
    terminate,
    wait_started,
    wait_until,
    watch_log,
)

from dangan.archive.catalog import Catalog
from dangan.archive.selections import catalog_stats

__all__ = ["reap_watchers"]   # the autouse fixture: kills a watcher left by a failed test

WAIT = 300.0   # seconds: generous deadlines for a loaded machine
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def zipped(entries: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return buf.getvalue()


def docx_with(document_xml: bytes) -> bytes:
    return zipped({
        "[Content_Types].xml": b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                               b'package/2006/content-types"><Default Extension="xml" ContentType='
                               b'"application/xml"/></Types>',
        "word/document.xml": document_xml,
    })


def billion_laughs() -> bytes:
    entities = b"".join(b'<!ENTITY l%d "%s">' % (i, (b"&l%d;" % (i - 1)) * 10) for i in range(1, 10))
    return (b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY l0 "lol">' + entities + b']>'
            b'<w:document xmlns:w="' + W_NS.encode() + b'"><w:body><w:p><w:r><w:t>&l9;</w:t>'
            b'</w:r></w:p></w:body></w:document>')


def png(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b""))


XREF_LOOP = (b"%PDF-1.4\n1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n2 0 obj <</Type/Pages/Kids[]"
             b"/Count 0>> endobj\nxref\n0 3\n0000000000 65535 f \n0000000009 00000 n \n0000000052 "
             b"00000 n \ntrailer <</Size 3/Root 1 0 R/Prev 94>>\nstartxref\n94\n%%EOF\n")
A_PDF = next((CORPUS / "pdf").rglob("*.pdf"))


def quarantined_content() -> dict[str, bytes]:
    """Bad bytes under plausible names: each must end in quarantine with a reason."""
    return {
        "空.pdf": b"", "空.txt": b"", "空.docx": b"",
        "损坏.pdf": b"%PDF-1.7\n1 0 obj <<>> endobj\ngarbage" * 3,
        "截断.pdf": A_PDF.read_bytes()[:3000],
        "加密.pdf": encrypted_pdf(),
        "仅文件头.pdf": b"%PDF-1.7\n",
        "交叉引用循环.pdf": XREF_LOOP,
        "压缩炸弹.docx": zipped({"word/document.xml": b"\0" * (60 * 2**20)}),
        "假的.docx": b"PK\x03\x04" + os.urandom(2000),
        "无正文.docx": zipped({"readme.txt": "这不是公文".encode()}),
        "十亿笑.docx": docx_with(billion_laughs()),
        "坏XML.docx": docx_with(b"<w:document><w:body><unclosed"),
        "随机50MB.pdf": os.urandom(50 * 2**20),
        "随机.txt": os.urandom(4096),
        "随机.jpg": b"\xff\xd8\xff\xe0" + os.urandom(3000),
        "截断.png": png(10, 10)[:40],
        "巨图.png": png(100_000, 100_000),
        "可执行.docx": Path("/bin/true").read_bytes(),
        "旧格式.doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + os.urandom(3000),
        "含NUL.txt": "通知".encode() + b"\0" * 64 + "正文".encode(),
        "假图.tif": b"II*\x00" + os.urandom(500),
    }


TAKEN_NAMES = ["x\\..\\..\\etc\\passwd.txt", "a..b.txt", "报告..", "换行\n名字.txt",
               "长" * 83 + ".txt", "$(reboot); rm -rf ~.txt", "空格 & 'quotes' \"双引号\".txt",
               "\u202eexe.txt", "网页.pdf"]
SKIPPED = ["~$草稿.docx", "下载.pdf.crdownload", "半截.part", "缓存.tmp", ".隐藏.txt", ".git/config",
           "..\\..\\etc\\passwd.txt"]   # a leading dot: hidden, like any `.*` name
SPECIALS = ["链接到passwd.txt", "链接到目录", "断开的链接.pdf", "循环链接.pdf", "管道.pdf", "套接字.sock"]


def drop_specials(inbox: Path) -> None:
    (inbox / "链接到passwd.txt").symlink_to("/etc/passwd")
    (inbox / "链接到目录").symlink_to("/etc")
    (inbox / "断开的链接.pdf").symlink_to(inbox / "不存在.pdf")
    (inbox / "循环链接.pdf").symlink_to(inbox / "循环链接.pdf")
    os.mkfifo(inbox / "管道.pdf")
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(inbox / "套接字.sock"))
    server.close()


def drop_odd_names(inbox: Path) -> None:
    for n, name in enumerate(TAKEN_NAMES):
        (inbox / name).write_bytes(b"<html><body>hi</body></html>" if name == "网页.pdf"
                                   else doc_bytes(300 + n))
    raw = os.fsencode(inbox)
    for n, name in enumerate((b"/\xb9\xab\xb8\xe6.txt", b"/\xff\xfe\xfd.txt")):   # GBK 公告; junk
        with open(raw + name, "wb") as fh:
            fh.write(doc_bytes(320 + n))
    os.mkdir(raw + b"/\xc0\xc1")
    with open(raw + b"/\xc0\xc1/" + "内.txt".encode(), "wb") as fh:
        fh.write(doc_bytes(330))
    locked = inbox / "无读权限.txt"
    locked.write_bytes(doc_bytes(331))
    locked.chmod(0)  # root still reads it: taken like any file (otherwise quarantined)


def drop_the_rest(inbox: Path) -> None:
    for name in SKIPPED:
        (inbox / name).parent.mkdir(exist_ok=True)
        (inbox / name).write_bytes(doc_bytes(340))
    (inbox / "目录.pdf").mkdir()
    fleeting = inbox / "转瞬即逝.txt"
    fleeting.write_bytes(doc_bytes(341))
    fleeting.unlink()


def test_hostile_inputs_are_quarantined_or_skipped_and_the_watcher_lives(tmp_path):
    ws = make_ws(tmp_path)
    proc = spawn(ws.home, tmp_path / "proc")
    wait_started(ws, proc)
    bad = quarantined_content()
    for name, data in bad.items():
        (ws.inbox / name).write_bytes(data)
    drop_specials(ws.inbox)
    drop_odd_names(ws.inbox)
    drop_the_rest(ws.inbox)
    leftover = sorted(ws.inbox / name for name in SKIPPED)
    # Deadlines, not sleeps: on a loaded machine the 50 MB and bomb files take a while.
    wait_until(lambda: sorted(inbox_files(ws)) == leftover or proc.poll() is not None, WAIT,
               "inbox down to temporary names")
    quarantined = len(bad) + len(SPECIALS)
    wait_until(lambda: watch_log(ws).count("已隔离：") >= quarantined or proc.poll() is not None, WAIT,
               f"the watcher's own word on {quarantined} quarantined files")
    wait_until(lambda: all(name in watch_log(ws) for name in SKIPPED) or proc.poll() is not None, WAIT,
               "the watcher's word on every skipped name")
    wait_until(lambda: "转瞬即逝.txt" in watch_log(ws) or any(ws.quarantine.rglob("转瞬即逝*"))
               or proc.poll() is not None, WAIT, "the fleeting file")
    assert proc.poll() is None, "the watcher died"
    assert terminate(proc, WAIT) == 0

    reasons = {}
    for path in ws.quarantine.rglob("*.reason.txt"):
        text = path.read_text(encoding="utf-8")
        reasons[text.split("\n", 1)[0].removeprefix("文件：")] = text
    for name in [*bad, *SPECIALS]:
        text = reasons.get(str(ws.inbox / name))
        assert text and "原因：" in text and "代码：" in text, name
    assert "PDF 已加密" in reasons[str(ws.inbox / "加密.pdf")]
    assert "解压后" in reasons[str(ws.inbox / "压缩炸弹.docx")]
    assert "符号链接不被跟随（指向 /etc/passwd）" in reasons[str(ws.inbox / "链接到passwd.txt")]
    assert Path("/etc/passwd").is_file() and Path("/etc").is_dir()

    with Catalog(ws.catalog_path) as catalog:
        sources = {row[0] for row in catalog.conn.execute("SELECT path FROM sources")}
        failures = catalog_stats(catalog)["failed"]
    for name in [*TAKEN_NAMES, "公告.txt", "无读权限.txt"]:
        assert str(ws.inbox / name) in sources, name
    assert any("\ufffd" in s and s.endswith(".txt") and "/" not in s[len(str(ws.inbox)) + 1:]
               for s in sources)
    assert any(s.endswith("/内.txt") for s in sources)
    assert failures == len(bad) + len(SPECIALS) + int(os.geteuid() != 0)
    assert (ws.inbox / "目录.pdf").is_dir()
    assert not any(os.path.lexists(ws.inbox / name) for name in SPECIALS)
    kept = [p.lstat().st_mode for p in ws.quarantine.rglob("*")]
    assert all(stat.S_ISREG(mode) or stat.S_ISDIR(mode) for mode in kept)   # no link, pipe, socket
    for log in ((tmp_path / "proc" / "stderr.txt").read_text(encoding="utf-8"), watch_log(ws)):
        assert "Traceback" not in log
    for name in SKIPPED:
        assert name in watch_log(ws)
    for path in leftover:              # then the archive itself is whole
        path.unlink()
    assert_settled(ws, len(TAKEN_NAMES) + 3 + int(os.geteuid() == 0))
