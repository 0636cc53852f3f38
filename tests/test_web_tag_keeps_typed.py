"""A refused 著录 edit keeps what the clerk typed.

The desk refused the save (标题 emptied, an impossible 成文日期, an unknown 文种) and redirected to the
document page, whose form showed the saved values again: every other box the clerk had filled in was lost.
Now the form comes back as typed, once, with the saved values in the page heading; the next visit shows
the catalogue again."""
from __future__ import annotations

import re

from web_desk import html, token


def _form(client, doc: int, **typed: object) -> dict:  # type: ignore[no-untyped-def]
    page = html(client.get(f"/doc/{doc}"))
    assert "著录项" in page
    form = {"csrf_token": token(client), "doc_type": "", "title": "区创建办关于市容环境卫生整治的通报", "doc_number": "",
            "issuer": "", "doc_date": "", "posted_date": "", "secrecy": "", "items_shown": "1", "items": []}
    return {name: value for name, value in {**form, **typed}.items() if value is not None}   # None: not sent


def _heading(client, doc: int) -> str:  # type: ignore[no-untyped-def]
    """The page's heading as saved now (other modules of the session's desk may have retitled the document)."""
    return re.search(r"<h1>.*?</h1>", html(client.get(f"/doc/{doc}"))).group(0)


def test_an_emptied_title_keeps_the_other_boxes(client, desk) -> None:  # type: ignore[no-untyped-def]
    doc = desk[1]["plain"]
    saved = _heading(client, doc)
    form = _form(client, doc, title=" ", issuer="区文明办", doc_number="创建办〔2022〕7号", items=["A02"])
    page = html(client.post(f"/doc/{doc}/tag", data=form, follow_redirects=True))
    assert "未保存：标题不能清空。请填写正确的标题；其他著录项也未改动。下方表单保留了您填写的内容" in page
    assert 'name="issuer" value="区文明办"' in page and 'name="doc_number" value="创建办〔2022〕7号"' in page
    assert 'value="A02" checked' in page and 'name="title" value=" "' in page
    again = html(client.get(f"/doc/{doc}"))          # shown once: the next visit is the catalogue's
    assert 'name="issuer" value="区文明办"' not in again and 'value="A02" checked' not in again
    assert saved in again


def test_an_impossible_date_keeps_the_new_title(client, desk) -> None:  # type: ignore[no-untyped-def]
    doc = desk[1]["plain"]
    saved = _heading(client, doc)
    title = "区创建办关于市容环境卫生整治情况的通报"
    page = html(client.post(f"/doc/{doc}/tag", data=_form(client, doc, title=title, doc_date="2022-02-30"),
                            follow_redirects=True))
    assert "未保存：" in page and "日期无效" in page
    assert f'name="title" value="{title}"' in page and 'name="doc_date" value="2022-02-30"' in page
    assert saved in page and title not in saved      # nothing was saved


def test_another_document_does_not_get_the_typed_form(client, desk) -> None:  # type: ignore[no-untyped-def]
    plain, speech = desk[1]["plain"], desk[1]["speech"]
    client.post(f"/doc/{plain}/tag", data=_form(client, plain, title="", issuer="区文明办"))
    other = html(client.get(f"/doc/{speech}"))
    assert 'name="issuer" value="区文明办"' not in other and "下方表单保留了您填写的内容" in other
    assert 'name="issuer" value="区文明办"' not in html(client.get(f"/doc/{plain}"))


def test_a_date_after_today_is_refused(client, desk) -> None:  # type: ignore[no-untyped-def]
    """Chromium's date box took 2024年3月32日 typed into it as 4332-02-02, and the desk saved that 成文日期."""
    from datetime import date, timedelta

    doc = desk[1]["plain"]
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    for typed in ("4332-02-02", tomorrow):
        page = html(client.post(f"/doc/{doc}/tag", data=_form(client, doc, doc_date=typed, items_shown=None), follow_redirects=True))
        assert f"未保存：日期无效：{typed}（晚于今天 {date.today().isoformat()}，请核对年份）。下方表单保留了您填写的内容" in page
        assert f'name="doc_date" value="{typed}"' in page and f"<span>{typed}</span>" not in page
    today = date.today().isoformat()
    saved = html(client.post(f"/doc/{doc}/tag", data=_form(client, doc, doc_date=today, items_shown=None), follow_redirects=True))
    assert f"成文日期 → {today}" in saved
    html(client.post(f"/doc/{doc}/tag", data=_form(client, doc, doc_date="", items_shown=None), follow_redirects=True))   # as it was
