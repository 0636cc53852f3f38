"""Screenshots of every page of the web desk at 1366×768, for the README.

    .venv/bin/python docs/screenshots/make_screenshots.py [NAME...]

Builds a small demo workspace from ../shared/corpus in a temporary folder,
serves it on 127.0.0.1 (a free port, in a thread) and has headless Chromium
(Debian's `chromium`) take one PNG per page into this folder; with names
(`variants`, `status`, `login`…) only those.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import threading
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent
CORPUS = ROOT.parent / "shared" / "corpus"
SPEECH = CORPUS / "txt" / "seed_speech" / "书记在创建办会部署会讲话.txt"
SAMPLES = (
    SPEECH,
    CORPUS / "pdf" / "cn_provincial_budget_reports_2024" / "excerpts" / "Anhui_test.pdf",
    CORPUS / "docx" / "cn_provincial_gov_work_reports_2025" / "2025年上海市政府工作报告.docx",
    CORPUS / "txt" / "cn_normative_docs_pkulaw",
    CORPUS / "txt" / "cn_cpc_congress_reports",
)
# 同文异版候选: the 2019 NPC resolution on the government work report and its OpenCC copies
RESOLUTION = (CORPUS / "txt" / "cn_state_council_gov_work_reports_1954_2025" /
              "第十三届全国人民代表大会第二次会议关于政府工作报告的决议.txt")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--window-size=1366,768", "--lang=zh-CN")


def demo_workspace(home: Path) -> tuple[object, str]:
    """A workspace with a few real documents, drafted minutes (tasks) and a check result."""
    from dangan.compose.minutes.source import draft
    from dangan.intake.batch import ingest_paths
    from dangan.web import drafts
    from dangan.workspace import init_workspace

    ws = init_workspace(home)
    report = ingest_paths(ws, [p for p in SAMPLES if p.exists()])
    speech_id = next(d["id"] for d in report.to_dict()["documents"] if d["path"] == str(SPEECH))
    meeting = {"place": "区行政中心第一会议室", "host": "区委书记", "attendees": "区创建办成员单位负责人"}
    made = draft(ws, str(speech_id), meeting_date=date(2022, 3, 26), meeting=meeting)
    return ws, drafts.save(ws, made, meeting)


def variants_workspace(home: Path) -> object:
    """The resolution and two Traditional copies catalogued apart, as a catalog from before migration 17 holds
    them (each under the text key of its own script, no Big5 keys; tests/test_same_text_join.py does the same),
    then opened by today's catalog: three documents of one text, the 同文异版候选 page's case. The original is
    placed under Ⅲ-79 and the s2tw copy retitled by hand: a pair both worked on, under which the page says
    what a merge would move; the s2t copy nobody touched."""
    import hashlib
    import re
    import sqlite3
    import unicodedata

    import opencc

    from dangan.archive.migrations import MIGRATIONS
    from dangan.intake.batch import ingest_paths
    from dangan.intake.tag import tag_document
    from dangan.read.understand.taxonomy import workspace_taxonomy
    from dangan.text.fingerprint import without_page_numbers
    from dangan.workspace import init_workspace, open_workspace

    def key_before_one_script(text: str) -> str:
        chars = re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", without_page_numbers(text)))
        return hashlib.sha256(chars.encode("utf-8")).hexdigest()

    ws = init_workspace(home)
    received = home.parent / "收文"   # as a clerk's folder of what came in
    received.mkdir()
    text = RESOLUTION.read_text(encoding="utf-8")
    paths = [received / RESOLUTION.name]
    shutil.copyfile(RESOLUTION, paths[0])
    for config, said in (("s2t", "繁体"), ("s2tw", "台湾转载")):
        paths.append(received / f"{RESOLUTION.stem}（{said}）.txt")
        paths[-1].write_text(opencc.OpenCC(config).convert(text), encoding="utf-8")
    ids = []
    for path in paths:
        ids.append(ingest_paths(ws, [path], ocr=False).to_dict()["documents"][0]["id"])
        with sqlite3.connect(ws.catalog_path) as conn:   # the key an earlier version stored
            stored = conn.execute("SELECT text FROM documents WHERE id = ?", (ids[-1],)).fetchone()[0]
            conn.execute("UPDATE documents SET text_key = ? WHERE id = ?", (key_before_one_script(stored), ids[-1]))
            conn.execute("DELETE FROM document_big5_keys")
    big5_keys = next(n for n, script in enumerate(MIGRATIONS, start=1) if "document_big5_keys" in script)
    with sqlite3.connect(ws.catalog_path) as conn:
        conn.execute("DROP TABLE document_big5_keys")
        conn.execute(f"PRAGMA user_version = {big5_keys - 1}")
    ws = open_workspace(home)
    original, _, taiwan = ids
    tag_document(ws, original, add_items=["Ⅲ-79"], req=1, taxonomy=workspace_taxonomy(ws, "national-2015"))
    tag_document(ws, taiwan, fields={"title": "十三届全国人大二次会议关于政府工作报告的决议（台湾转载）"})
    return ws


def shoot(url: str, name: str, profile: Path) -> Path:
    target = OUT / f"{name}.png"
    env = {**os.environ, "LANGUAGE": "zh_CN:zh", "LANG": "zh_CN.UTF-8"}  # date inputs in 年/月/日
    subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", f"--screenshot={target}", url],
                   check=True, capture_output=True, timeout=60, env=env)
    return target


def main(names: list[str]) -> int:
    wanted = set(names)
    if not Path(CHROMIUM).exists():
        print("需要 Debian 的 chromium：apt-get install chromium fonts-noto-cjk", file=sys.stderr)
        return 1
    import logging

    from werkzeug.serving import make_server

    from dangan.web.app import create_app
    from dangan.web.security import read_password_file

    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    with tempfile.TemporaryDirectory(prefix="dangan-shots-") as tmp:
        if not wanted or "variants" in wanted:
            pairs = make_server("127.0.0.1", 0, create_app(variants_workspace(Path(tmp) / "variants" / "ws")),  # type: ignore[arg-type]
                                threaded=True)
            threading.Thread(target=pairs.serve_forever, daemon=True).start()
            try:
                print(shoot(f"http://127.0.0.1:{pairs.server_port}/status/variants", "variants", Path(tmp) / "profile"))
            finally:
                pairs.shutdown()
        if wanted == {"variants"}:   # its own workspace: the demo one is not needed
            return 0
        ws, token = demo_workspace(Path(tmp) / "ws")
        app = create_app(ws)  # type: ignore[arg-type]
        with app.test_client() as client:  # a check result for the status page, through the page's own POST
            client.get("/status")
            with client.session_transaction() as session:
                csrf = session["csrf_token"]
            client.post("/status/check", data={"csrf_token": csrf})
        server = make_server("127.0.0.1", 0, app, threaded=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_port}"
        pages = {
            "search": "/?q=文明",
            "document": "/doc/1?q=创建",
            "upload": "/upload",
            "progress": "/progress",
            "dossier": "/dossier?items=A01&items=A05&items=A08",
            "minutes": "/minutes",
            "minutes_review": f"/minutes/{token}",
            "tasks": "/tasks",
            "status": "/status",
        }
        try:
            for name, path in pages.items():
                if not wanted or name in wanted:
                    print(shoot(base + path, name, Path(tmp) / "profile"))
        finally:
            server.shutdown()
        # A password makes the admin account, and from then on every page asks to log in:
        # the open desk is shot first, the login page last.
        password = Path(tmp) / "password"
        password.write_text("demo-password\n", encoding="utf-8")
        locked = make_server("127.0.0.1", 0, create_app(ws, read_password_file(password)), threaded=True)  # type: ignore[arg-type]
        threading.Thread(target=locked.serve_forever, daemon=True).start()
        try:
            if not wanted or "login" in wanted:
                print(shoot(f"http://127.0.0.1:{locked.server_port}/login", "login", Path(tmp) / "profile"))
        finally:
            locked.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
