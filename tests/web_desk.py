"""The web desk's shared test workspace (one per session) and helpers, for the test_web* modules
(registered as a plugin in conftest.py, so the session-wide desk is built once)."""
from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote

import pytest

from dangan.intake.batch import ingest_paths
from dangan.web.app import create_app
from dangan.workspace import Workspace, init_workspace

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
SPEECH = CORPUS / "txt" / "seed_speech" / "书记在创建办会部署会讲话.txt"
PDF = CORPUS / "pdf" / "cn_provincial_budget_reports_2024" / "excerpts" / "Anhui_test.pdf"
DOCX = CORPUS / "docx" / "cn_provincial_gov_work_reports_2025" / "2025年上海市政府工作报告.docx"
SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture(scope="session")
def desk(tmp_path_factory: pytest.TempPathFactory) -> tuple[Workspace, dict[str, int]]:
    """One workspace for the module: the seed speech, a PDF, a DOCX and a hostile text file."""
    root = tmp_path_factory.mktemp("web")
    hostile = root / "hostile.txt"
    hostile.write_text(f"{SCRIPT}{IMG}\n关于开展文明交通劝导志愿服务的通知\n各社区：请于2022年4月30日前完成志愿服务登记。\n",
                       encoding="utf-8")
    plain = root / "plain.txt"
    plain.write_text("区创建办关于市容环境卫生整治的通报\n各街道要迅速开展市容环境卫生整治，清理乱堆乱放。\n",
                     encoding="utf-8")
    ws = init_workspace(root / "ws")
    report = ingest_paths(ws, [SPEECH, PDF, DOCX, hostile, plain]).to_dict()
    ids = {Path(d["path"]).name: d["id"] for d in report["documents"]}
    return ws, {"speech": ids[SPEECH.name], "pdf": ids[PDF.name], "docx": ids[DOCX.name],
                "hostile": ids["hostile.txt"], "plain": ids["plain.txt"]}


@pytest.fixture(scope="session")
def app(desk):  # type: ignore[no-untyped-def]
    return create_app(desk[0])


@pytest.fixture
def client(app):  # type: ignore[no-untyped-def]
    with app.test_client() as client:
        yield client


def token(client) -> str:  # type: ignore[no-untyped-def]
    client.get("/upload")
    with client.session_transaction() as session:
        return str(session["csrf_token"])


def uploaded(client, path: Path) -> dict:  # type: ignore[no-untyped-def]
    """The desk's answer row for one file sent through 上传 (its CSRF token taken first)."""
    csrf = token(client)
    with path.open("rb") as fh:
        return dict(client.post("/upload", data={"file": (fh, path.name)}, headers={"X-CSRF-Token": csrf},
                               content_type="multipart/form-data").get_json())


def html(response) -> str:  # type: ignore[no-untyped-def]
    return response.get_data(as_text=True)


def saved_name(response) -> str:  # type: ignore[no-untyped-def]
    """The file name a download is saved under (Content-Disposition's filename*, RFC 5987)."""
    return unquote(response.headers["Content-Disposition"].split("filename*=UTF-8''", 1)[1])


def csrf(client) -> str:  # type: ignore[no-untyped-def]
    """The CSRF token of the client's session (it must have opened a page)."""
    with client.session_transaction() as session:
        return str(session["csrf_token"])


def signed_in(app, name: str, password: str):  # type: ignore[no-untyped-def]
    """A test client of the desk, logged in as `name`."""
    client = app.test_client()
    client.get("/login")
    assert client.post("/login", data={"name": name, "password": password, "csrf_token": csrf(client)}).status_code == 302
    return client


@contextmanager
def live_desk(ws: Workspace) -> Iterator[str]:
    """The desk of `ws` served on 127.0.0.1 at a free port in a thread, for a browser: its base URL."""
    from werkzeug.serving import make_server

    httpd = make_server("127.0.0.1", 0, create_app(ws), threaded=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}"
    finally:
        httpd.shutdown()
        thread.join(timeout=10)
