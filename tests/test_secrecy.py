"""密级: the desk's document page shows it, a state-secret document is never released to a unit (one
marked secret after its release stops being shown to the unit's account), and `export` names the
classified documents it hands over.

Found in a clerk's trial: `dangan tag 5 --set 密级=绝密` was taken, but the desk's document page
showed no 密级 anywhere (neither the heading nor the 著录项 form) and offered 向单位公开 as for any
other file; the unit then read the 绝密 report in full; `dangan export` copied it out with the rest, its 密级
only in a column of the list.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from cli_run import dangan
from docx import Document as open_docx
from web_desk import csrf, signed_in

from dangan.archive import accounts
from dangan.archive.catalog import Catalog
from dangan.web.app import create_app
from dangan.workspace import init_workspace

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
REPORT = CORPUS / "pdf" / "cn_gov_info_disclosure_annual_reports" / "hzq2023_working.pdf"
NOTICE = next((CORPUS / "txt" / "cn_normative_docs_pkulaw").glob("海口市水务局*.txt"))
PASSWORD = "correct-horse-battery"
UNIT = "区委宣传部"


def login(app: Any, name: str) -> Any:
    return signed_in(app, name, PASSWORD)


@pytest.fixture
def desk(tmp_path: Path) -> dict[str, Any]:
    ws = init_workspace(tmp_path / "ws")
    dangan(ws.home, "ingest", "--no-ocr", str(REPORT), str(NOTICE))
    with Catalog(ws.catalog_path) as catalog:
        ids = dict(catalog.conn.execute("SELECT original_name, id FROM documents"))
        accounts.add_user(catalog, "wang", "clerk", PASSWORD)
        accounts.add_user(catalog, "xuanchuan", "unit", PASSWORD, unit=UNIT)
    app = create_app(ws)
    return {"ws": ws, "report": ids[REPORT.name], "notice": ids[NOTICE.name],
            "clerk": login(app, "wang"), "unit": login(app, "xuanchuan")}


def test_a_secret_document_shows_its_level_and_is_not_released(desk: dict[str, Any]) -> None:
    home, report, clerk = desk["ws"].home, desk["report"], desk["clerk"]
    dangan(home, "tag", str(report), "--set", "密级=绝密")
    page = clerk.get(f"/doc/{report}").get_data(as_text=True)
    assert '<span class="tag secret" title="密级">绝密</span>' in page
    assert "此文件标有密级“绝密”：涉密文件不经网页工作台向单位公开" in page
    assert f'action="/doc/{report}/release"' not in page              # no 公开 form to fill in
    assert 'name="secrecy" value="绝密"' in page                        # and 密级 is in the 著录项 form
    refused = clerk.post(f"/doc/{report}/release", data={"unit": UNIT, "csrf_token": csrf(clerk)},
                         follow_redirects=True).get_data(as_text=True)
    assert "未公开：此文件标有密级“绝密”" in refused
    with Catalog(desk["ws"].catalog_path) as catalog:
        assert catalog.conn.execute("SELECT COUNT(*) FROM releases").fetchone()[0] == 0
    assert desk["unit"].get(f"/doc/{report}").status_code == 403


def test_marked_secret_after_release_the_unit_no_longer_sees_it(desk: dict[str, Any]) -> None:
    notice, clerk, unit = desk["notice"], desk["clerk"], desk["unit"]
    clerk.post(f"/doc/{notice}/release", data={"unit": UNIT, "csrf_token": csrf(clerk)})
    assert unit.get(f"/doc/{notice}").status_code == 200
    assert "水土保持" in unit.get("/?q=水土保持").get_data(as_text=True)
    # the clerk corrects the 密级 at the desk, as the form now allows
    saved = clerk.post(f"/doc/{notice}/tag", data={"secrecy": "秘密★1年", "csrf_token": csrf(clerk)},
                       follow_redirects=True).get_data(as_text=True)
    assert "著录项已保存：密级 → 秘密★1年。" in saved
    assert "此前的公开已停止显示" in saved
    assert unit.get(f"/doc/{notice}").status_code == 403
    assert "共找到" not in unit.get("/?q=水土保持").get_data(as_text=True)
    # 内部 is the office's own call: released documents marked so stay with the unit
    clerk.post(f"/doc/{notice}/tag", data={"secrecy": "内部", "csrf_token": csrf(clerk)})
    assert unit.get(f"/doc/{notice}").status_code == 200
    assert "<span class=\"tag\" title=\"密级\">内部</span>" in clerk.get(f"/doc/{notice}").get_data(as_text=True)
    bad = clerk.post(f"/doc/{notice}/tag", data={"secrecy": "随便", "csrf_token": csrf(clerk)},
                     follow_redirects=True).get_data(as_text=True)
    assert "未保存：密级“随便”不是可用的写法" in bad


def test_export_names_the_classified_documents_it_hands_over(desk: dict[str, Any], tmp_path: Path) -> None:
    home, report = desk["ws"].home, desk["report"]
    dangan(home, "tag", str(report), "--set", "密级=机密★1年")
    dangan(home, "tag", str(desk["notice"]), "--set", "密级=内部")
    said = dangan(home, "export", "--out", str(tmp_path / "移交"))
    assert "已导出 2 件" in said
    assert "注意：其中 1 件标有密级，请按保密规定办理交接" in said
    [line] = [ln for ln in said.splitlines() if ln.startswith("  ")]
    assert line.endswith("洪泽区人民政府2023年政府信息公开工作年度报告.pdf（机密★1年）"), said
    assert (tmp_path / "移交" / line.strip().removesuffix("（机密★1年）")).is_file()
    data = json.loads(dangan(home, "export", "--out", str(tmp_path / "移交2"), "--query", "水土保持", "--json"))
    assert data["documents"] == 1 and data["classified"] == []            # 内部 is no state secret


def test_a_dossier_with_a_classified_document_says_so(desk: dict[str, Any], tmp_path: Path) -> None:
    """The 迎检资料汇编 goes to the inspection team: a 绝密 report filed under Ⅲ-28 went into it unmarked,
    in the CLI's summary as in the desk's preview."""
    home, report = desk["ws"].home, desk["report"]
    dangan(home, "tag", str(report), "--set", "密级=绝密", "--item", "Ⅲ-28", "--req", "1", "--taxonomy", "national-2015")
    dangan(home, "tag", str(desk["notice"]), "--item", "Ⅲ-27", "--req", "1", "--taxonomy", "national-2015")
    said = dangan(home, "dossier", "--taxonomy", "national-2015", "--item", "Ⅲ-27", "--item", "Ⅲ-28",
                  "--out", str(tmp_path / "迎检.docx"))
    assert "注意：汇编中有 1 件标有密级，涉密文件不得随迎检资料提供" in said
    assert f"  编号 {report} 洪泽区人民政府2023年政府信息公开工作年度报告（绝密）" in said
    assert "水土保持" not in said.split("注意：")[1]                        # the notice named the 绝密 one only
    texts = [p.text for p in open_docx(str(tmp_path / "迎检.docx")).paragraphs]
    assert any(t.startswith("密级：绝密　责任者：洪泽区人民政府") for t in texts), texts   # on its own page too
    page = desk["clerk"].get("/dossier?taxonomy=national-2015&items=Ⅲ-27&items=Ⅲ-28&preview=1").get_data(as_text=True)
    assert "汇编中有 1 件标有密级（下表中红色标出）" in page
    assert page.count('<span class="tag secret" title="密级">绝密</span>') == 1
    dangan(home, "tag", str(report), "--set", "密级=内部")
    calm = dangan(home, "dossier", "--taxonomy", "national-2015", "--item", "Ⅲ-28", "--out", str(tmp_path / "二.docx"))
    assert "注意" not in calm


def test_the_desks_catalogue_preview_has_the_secrecy_column(desk: dict[str, Any]) -> None:
    """The 归档 page's preview of the 归档文件目录 left out DA/T 22's 密级 column, which the XLSX has."""
    dangan(desk["ws"].home, "tag", str(desk["report"]), "--set", "密级=秘密", "--set", "成文日期=2024-01-20")
    page = desk["clerk"].get("/archive?year=2024").get_data(as_text=True)
    assert '<th class="w-num">密级</th>' in page and "<td>秘密</td>" in page
