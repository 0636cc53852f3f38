"""The web desk's defences through Flask's test client: untrusted document data escaped, CSRF, security headers and cookies (split from test_web.py)."""
from __future__ import annotations

import stat
from pathlib import Path

import pytest
from web_desk import IMG, SCRIPT, html, token

from dangan.web.app import marks
from dangan.web.lookup import safe_filename


# -- escaping of untrusted document data -----------------------------------------
def test_script_in_document_text_is_escaped(client, desk) -> None:
    _, ids = desk
    for url in (f"/doc/{ids['hostile']}?q=alert", "/?q=alert", "/?q=志愿服务登记"):
        page = html(client.get(url))
        assert "<script>alert" not in page and "<img src=x" not in page, url
    page = html(client.get(f"/doc/{ids['hostile']}"))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


def test_hostile_title_is_escaped_everywhere(client, desk) -> None:
    _, ids = desk
    doc = ids["hostile"]
    client.post(f"/doc/{doc}/tag", data={"csrf_token": token(client), "title": IMG + SCRIPT,
                                         "doc_type": "讲话"})
    pages = [html(client.get(url)) for url in (f"/doc/{doc}", "/?q=志愿服务", "/?type=讲话", "/minutes",
                                               "/dossier?q=志愿服务")]
    for page in pages:
        assert "<img src=x" not in page and "<script>alert" not in page
    assert '&#34;&gt;&lt;img src=x onerror=alert(1)&gt;' in pages[0]
    assert all("onerror=alert(1)&gt;" in page for page in pages[1:4])


def test_marks_filter_escapes_first_and_balances() -> None:
    assert str(marks("a«<b>»c")) == "a<mark>&lt;b&gt;</mark>c"
    assert str(marks("x»y«z")) == "x»y<mark>z</mark>"
    assert str(marks(None)) == ""


@pytest.mark.parametrize("name, expected", [
    ("../../evil.txt", "evil.txt"), ("..\\..\\evil.txt", "evil.txt"), ("/etc/passwd", "passwd"),
    (".bashrc", "bashrc"), ("", "file"), ("..", "file"), ("a\x00b\n.txt", "a_b_.txt"),
    ("通知 2022.pdf", "通知 2022.pdf"), ('a"b;c.docx', "a_b_c.docx"),
])
def test_safe_filename(name: str, expected: str) -> None:
    assert safe_filename(name) == expected


def test_safe_filename_is_bounded() -> None:
    name = safe_filename("长" * 300 + ".pdf")
    assert len(name.encode()) <= 180 and name.endswith(".pdf")


# -- CSRF, headers, cookies --------------------------------------------------------
@pytest.mark.parametrize("url", ["/upload", "/doc/1/tag", "/status/check", "/tasks/1/status",
                                 "/minutes/draft", "/dossier/docx"])
def test_post_without_csrf_token_is_refused(client, url: str) -> None:
    client.get("/")
    assert client.post(url, data={"title": "x"}).status_code == 403
    assert client.post(url, data={"csrf_token": "forged"}).status_code == 403
    assert client.post(url, headers={"X-CSRF-Token": "forged"}).status_code == 403


def test_security_headers_and_cookie(client, desk) -> None:
    response = client.get("/")
    assert response.headers["Content-Security-Policy"].startswith("default-src 'self'")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "same-origin"
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    key = desk[0].home / "web_secret.key"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600


def test_no_document_data_is_marked_safe_in_templates() -> None:
    templates = Path(__file__).resolve().parents[1] / "dangan" / "web" / "templates"
    for path in templates.glob("*.html"):
        assert "|safe" not in path.read_text().replace(" ", ""), path
