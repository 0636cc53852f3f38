"""The desk's 同文异版候选 page: the office sees each pair (both titles, originals, sources); an administrator
folds it (合并) or says the two are not one text (不是同一文件, and 撤销), as `dangan variants` does; a clerk
sees the list without buttons and cannot post. On the corpus resolution and its OpenCC copies catalogued apart
as before migration 17."""
from __future__ import annotations

import json
from pathlib import Path

from cli_run import dangan
from test_same_text_join import PHRASE, RESOLUTION, _archived_apart
from web_desk import csrf, html, signed_in

from dangan.archive import accounts
from dangan.archive.catalog import Catalog
from dangan.web.app import create_app
from dangan.workspace import open_workspace

PASSWORD = "correct-horse-battery"


def _desk(tmp_path: Path):  # type: ignore[no-untyped-def]
    home, copies, ids = _archived_apart(tmp_path, ("s2t", "s2tw"))
    with Catalog(home / "catalog.sqlite3") as catalog:
        accounts.add_user(catalog, "wang", "admin", PASSWORD)
        accounts.add_user(catalog, "li", "clerk", PASSWORD)
        accounts.add_user(catalog, "zhao", "viewer", PASSWORD)
    dangan(home, "check")   # the 状态 page's 上次核对
    return home, copies, ids, create_app(open_workspace(home))


def test_a_clerk_sees_the_pairs_without_buttons(tmp_path: Path) -> None:
    home, copies, (first, plain, taiwan), app = _desk(tmp_path)
    clerk = signed_in(app, "li", PASSWORD)
    status = html(clerk.get("/status"))
    assert "查看并处理同文异版候选" in status and "请管理员在“同文异版候选”页" in status
    page = html(clerk.get("/status/variants"))
    assert "候选 <small class=\"muted\">（2 对）" in page and 'id="admin-only"' in page
    for doc_id, path in ((first, RESOLUTION), (plain, copies[0]), (taiwan, copies[1])):
        assert f"{doc_id}《" in page and f"原件：{path.name}" in page and f"来源：{path}" in page
    assert f'id="pair-{plain}-{first}"' in page and f'id="pair-{taiwan}-{first}"' in page
    assert "/status/variants/join" not in page and "不是同一文件</button>" not in page
    refused = clerk.post("/status/variants/join", data={"other": plain, "into": first, "csrf_token": csrf(clerk)})
    assert refused.status_code == 403
    assert clerk.post("/status/variants/dismiss", data={"a": plain, "b": first,
                                                        "csrf_token": csrf(clerk)}).status_code == 403
    assert json.loads(dangan(home, "variants", "--json"))["pairs"] == 2
    shown = html(clerk.get(f"/doc/{taiwan}"))   # the document's page names the other and the page
    assert 'id="same-text"' in shown and f'/doc/{first}">{first}《' in shown and "到同文异版候选页查看" in shown
    viewer = signed_in(app, "zhao", PASSWORD)   # the 检查组 reads the document, not the office's housekeeping
    read = viewer.get(f"/doc/{taiwan}")
    assert read.status_code == 200 and f"{taiwan}" in html(read) and 'id="same-text"' not in html(read)


def test_an_administrator_keeps_one_apart_folds_the_other_and_takes_it_back(tmp_path: Path) -> None:
    home, _, (first, plain, taiwan), app = _desk(tmp_path)
    admin = signed_in(app, "wang", PASSWORD)
    assert "到同文异版候选页合并或标为不是同一文件" in html(admin.get(f"/doc/{first}"))
    page = html(admin.get("/status/variants"))
    assert page.count("合并</button>") == 2 and page.count("不是同一文件</button>") == 2 and 'id="admin-only"' not in page
    assert admin.post("/status/variants/dismiss", data={"a": taiwan, "b": first}).status_code == 403   # no CSRF

    said = html(admin.post("/status/variants/dismiss", data={"a": taiwan, "b": first, "csrf_token": csrf(admin)},
                           follow_redirects=True))
    assert f"已标明{first}《" in said and "不是同一文件：此后核对和本页不再列出这一对" in said
    assert f'id="pair-{taiwan}-{first}"' not in said and f'id="apart-{first}-{taiwan}"' in said
    assert "候选 <small class=\"muted\">（1 对）" in said and "撤销</button>" in said

    said = html(admin.post("/status/variants/join", data={"other": plain, "into": first, "csrf_token": csrf(admin)},
                           follow_redirects=True))
    assert f"已合并：{plain}《" in said and "两件原件都保留" in said and "没有同文异版候选" in said
    found = json.loads(dangan(home, "search", PHRASE, "--json"))
    assert {r["id"] for r in found["results"]} == {first, taiwan}
    assert len(json.loads(dangan(home, "show", str(first), "--json"))["variants"]) == 1
    again = html(admin.post("/status/variants/join", data={"other": plain, "into": first, "csrf_token": csrf(admin)},
                            follow_redirects=True))
    assert "这一对已不是同文异版候选" in again

    wrong = html(admin.post("/status/variants/dismiss", data={"a": first, "b": first, "csrf_token": csrf(admin)},
                            follow_redirects=True))
    assert "未改动：不能标记这一对同文异版候选：两个编号相同" in wrong
    gone = html(admin.post("/status/variants/dismiss", data={"a": plain, "b": first, "csrf_token": csrf(admin)},
                           follow_redirects=True))
    assert f"已并入编号 {first}" in gone   # the folded number says where it went
    assert admin.post("/status/variants/join", data={"other": "x", "csrf_token": csrf(admin)}).status_code == 400

    said = html(admin.post("/status/variants/dismiss", data={"a": first, "b": taiwan, "undo": "1",
                                                             "csrf_token": csrf(admin)}, follow_redirects=True))
    assert "已撤销" in said and f'id="pair-{taiwan}-{first}"' in said
    admin.post("/status/variants/join", data={"other": taiwan, "into": first, "csrf_token": csrf(admin)})
    assert json.loads(dangan(home, "search", PHRASE, "--json"))["total"] == 1
    assert 'id="same-text"' not in html(admin.get(f"/doc/{first}"))   # one document now: nothing to name
    trail = [(e["user"], e["action"]) for e in json.loads(dangan(home, "audit", "--json"))["entries"]
             if e["action"].startswith("same_text")]
    assert trail == [("wang", "same_text.dismiss"), ("wang", "same_text"), ("wang", "same_text.undismiss"),
                     ("wang", "same_text")], trail


def test_an_administrator_merges_two_worked_on_keeping_the_one_chosen(tmp_path: Path) -> None:
    """The original placed under Ⅲ-77 and the s2tw copy retitled by hand: the page says what a merge would move;
    the administrator keeps the copy instead, and the original's Ⅲ-77 moves onto it. The s2t copy, both it and
    the original given a different 成文日期 by hand, shows the conflict; its merge is refused, nothing changed."""
    home, _, (first, plain, taiwan), app = _desk(tmp_path)
    dangan(home, "tag", str(first), "--item", "Ⅲ-77", "--req", "1", "--taxonomy", "national-2015",
           "--set", "成文日期=1960-04-10")
    dangan(home, "tag", str(taiwan), "--title", "关于政府工作报告的决议（转载）")
    dangan(home, "tag", str(plain), "--set", "成文日期=1960-04-11")
    clerk = signed_in(app, "li", PASSWORD)
    shown = html(clerk.get("/status/variants"))   # the office sees what a merge would do, not the button
    assert f'id="plan-{taiwan}-{first}"' in shown and "标题：关于政府工作报告的决议（转载）（手工著录）" in shown
    assert clerk.post("/status/variants/join", data={"other": taiwan, "into": first, "keep": taiwan,
                                                     "csrf_token": csrf(clerk)}).status_code == 403
    admin = signed_in(app, "wang", PASSWORD)
    page = html(admin.get("/status/variants"))
    assert page.count('name="keep"') == 2 and f'<option value="{taiwan}">第 {taiwan} 件</option>' in page
    assert (f"两件都手工著录了成文日期且不同（第 {first} 件：1960-04-10；第 {plain} 件：1960-04-11）") in page
    assert "不能合并" in page.split(f'id="plan-{plain}-{first}"')[1].split("</div>")[0]

    said = html(admin.post("/status/variants/join", data={"other": plain, "into": first, "keep": first,
                                                          "csrf_token": csrf(admin)}, follow_redirects=True))
    assert "未合并：第" in said and "两件都手工著录了成文日期且不同" in said, said
    assert json.loads(dangan(home, "search", PHRASE, "--json"))["total"] == 3

    said = html(admin.post("/status/variants/join", data={"other": taiwan, "into": first, "keep": taiwan,
                                                          "csrf_token": csrf(admin)}, follow_redirects=True))
    assert f"已合并：{first}《" in said and f"成为 {taiwan}《关于政府工作报告的决议（转载）》的同文异版" in said, said
    assert f"已移交到 {taiwan}：" in said and "成文日期：1960-04-10（手工著录）" in said
    assert {r["id"] for r in json.loads(dangan(home, "search", PHRASE, "--json"))["results"]} == {plain, taiwan}
    kept = json.loads(dangan(home, "show", str(taiwan), "--json"))
    assert kept["title"] == "关于政府工作报告的决议（转载）" and kept["doc_date"] == "1960-04-10"
    assert [(e["content"], e["req"]) for e in kept["evidence"] if e["origin"] == "manual"] == [("Ⅲ-77", 1)]
    assert [v["original_name"] for v in kept["variants"]] == [RESOLUTION.name]
    [entry] = [e for e in json.loads(dangan(home, "audit", "--json"))["entries"] if e["action"] == "same_text"]
    assert entry["user"] == "wang" and entry["object"] == f"doc:{taiwan}" and entry["detail"]["folded"] == first
    left = html(admin.get("/status/variants"))   # the s2t copy and the one kept now: the same conflict
    assert f'id="pair-{taiwan}-{plain}"' in left and "两件都手工著录了成文日期且不同" in left
