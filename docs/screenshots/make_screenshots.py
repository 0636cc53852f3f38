"""Screenshots of every page of the web desk at 1366×768, for the README.

    .venv/bin/python docs/screenshots/make_screenshots.py

Builds a small demo workspace from ../shared/corpus in a temporary folder,
serves it on 127.0.0.1 (a free port, in a thread) and has headless Chromium
(Debian's `chromium`) take one PNG per page into this folder.
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


def shoot(url: str, name: str, profile: Path) -> Path:
    target = OUT / f"{name}.png"
    env = {**os.environ, "LANGUAGE": "zh_CN:zh", "LANG": "zh_CN.UTF-8"}  # date inputs in 年/月/日
    subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", f"--screenshot={target}", url],
                   check=True, capture_output=True, timeout=60, env=env)
    return target


def main() -> int:
    if not Path(CHROMIUM).exists():
        print("需要 Debian 的 chromium：apt-get install chromium fonts-noto-cjk", file=sys.stderr)
        return 1
    import logging

    from werkzeug.serving import make_server

    from dangan.web.app import create_app
    from dangan.web.security import read_password_file

    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    with tempfile.TemporaryDirectory(prefix="dangan-shots-") as tmp:
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
            print(shoot(f"http://127.0.0.1:{locked.server_port}/login", "login", Path(tmp) / "profile"))
        finally:
            locked.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
