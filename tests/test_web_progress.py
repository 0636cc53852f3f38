"""迎检进度 page: covered/total per 测评项目, missing rows, linking by hand from the page."""
from __future__ import annotations

import pytest
from test_gaps import write_texts

from dangan.intake.batch import ingest_paths
from dangan.web.app import create_app
from dangan.workspace import init_workspace


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    root = tmp_path_factory.mktemp("progress")
    ws = init_workspace(root / "ws")
    report = ingest_paths(ws, write_texts(root / "t", {"权力清单和政务公开情况说明.txt", "两学一做学习教育实施方案.txt"}),
                          ocr=False).to_dict()
    return ws, {d["path"].rsplit("/", 1)[-1]: d["id"] for d in report["documents"]}


@pytest.fixture
def client(desk):
    app = create_app(desk[0])
    app.config["TESTING"] = True
    return app.test_client()


def token(client) -> str:
    client.get("/progress")
    with client.session_transaction() as session:
        return str(session["csrf_token"])


def test_progress_page_counts_and_lists_the_missing(client) -> None:
    page = client.get("/progress?taxonomy=national-2015")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and "迎检进度" in html
    assert 'id="covered">2/84<' in html
    assert "Ⅰ-4 廉洁高效的政务环境" in html and "Ⅲ-77 公众参与" in html
    assert "提供本区部署开展环境保护主题活动的年度安排" in html            # a missing requirement row
    default = client.get("/progress").get_data(as_text=True)           # the workspace's own edition
    assert "区级创建工作九个方面" in default
    sheet = client.get("/progress/gaps.xlsx?taxonomy=national-2015")
    assert sheet.status_code == 200 and sheet.data[:2] == b"PK"


def test_link_and_refuse_from_the_page(client, desk) -> None:
    ws, ids = desk
    doc = ids["两学一做学习教育实施方案.txt"]
    csrf = token(client)
    done = client.post("/progress/link", data={"csrf_token": csrf, "taxonomy": "national-2015", "content": "Ⅲ-77",
                                               "req": "1", "doc_id": f"#{doc}"}, follow_redirects=True)
    html = done.get_data(as_text=True)
    assert done.status_code == 200 and "已将材料" in html and 'id="covered">3/84<' in html
    refused = client.post("/progress/link", data={"csrf_token": csrf, "taxonomy": "national-2015",
                                                  "content": "Ⅲ-1", "doc_id": str(doc), "action": "remove"},
                          follow_redirects=True)
    assert 'id="covered">2/84<' in refused.get_data(as_text=True)
    bad = client.post("/progress/link", data={"csrf_token": csrf, "taxonomy": "national-2015", "content": "Ⅲ-77",
                                              "req": "9", "doc_id": str(doc)})
    assert bad.status_code in (400, 422) or "没有第 9 条" in bad.get_data(as_text=True)
    forged = client.post("/progress/link", data={"taxonomy": "national-2015", "content": "Ⅲ-77", "doc_id": str(doc)})
    assert forged.status_code in (400, 403)
