"""A minutes draft kept on the desk (out/web/drafts) names the speech it was drafted from by number. When a clerk
merges that speech into another original of the same text (`variants --join … --keep`), the number is no document
any more: saving the reviewed draft must put its tasks under the document kept, not fail on a removed number."""
from __future__ import annotations

import json
import re
from pathlib import Path

from cli_run import dangan
from test_same_text_join import _archived_apart
from test_same_text_merge import SPEECH
from web_desk import html, token

from dangan.web.app import create_app
from dangan.workspace import open_workspace


def test_a_desk_draft_of_a_merged_speech_saves_under_the_one_kept(tmp_path: Path) -> None:
    home, _, (speech, copy) = _archived_apart(tmp_path, ("s2hk",), source=SPEECH)
    dangan(home, "tag", str(speech), "--set", "发文机关=区创建办")   # both worked on: the clerk picks the one kept
    app = create_app(open_workspace(home))
    with app.test_client() as client:
        drafted = client.post("/minutes/draft", data={"csrf_token": token(client), "doc_id": str(copy),
                                                      "date": "2022-03-26"})
        assert drafted.status_code == 302, html(drafted)
        review = drafted.headers["Location"]
        page = html(client.get(review))
        count = int(re.search(r'name="task_count" value="(\d+)"', page).group(1))
        assert count >= 3

        said = dangan(home, "variants", "--join", str(copy), str(speech), "--keep", str(speech))
        assert f"已合并：第 {copy} 件《" in said, said

        saved = client.post(review, data={"csrf_token": token(client), "task_count": "0", "title": "创建办会部署会议纪要",
                                          "date": "2022-03-26", "task-0-text": "区委宣传部牵头编制迎检宣传方案。",
                                          "task-0-owners": "区委宣传部", "task-0-deadline": "2022-04-15"})
        assert saved.status_code == 302, html(saved)
        assert "修改已保存" in html(client.get(review))
    tasks = json.loads(dangan(home, "tasks", "--json"))["tasks"]
    assert [t["document_id"] for t in tasks if t["text"] == "区委宣传部牵头编制迎检宣传方案。"] == [speech], tasks
    assert all(t["document_id"] != copy for t in tasks)
