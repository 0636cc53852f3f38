"""The 审计 filter takes the names the page shows: a clerk types 著录, 删除 or 合并, as the 操作 column
reads (the filter took only the stored codes, tag or task.remove); `dangan audit --action` alike. One table
of names (audit.ACTION_NAMES) serves the column and the filter."""
from __future__ import annotations

import json
import re

from click.testing import CliRunner
from conftest import CORPUS

from dangan.archive import audit
from dangan.cli import cli
from dangan.web.app import create_app
from dangan.workspace import init_workspace

NOTICE = next((CORPUS / "txt" / "cn_normative_docs_pkulaw").glob("新余市人民政府办公室*.txt"))


def run(home, *args: str) -> str:  # type: ignore[no-untyped-def]
    result = CliRunner().invoke(cli, ["--home", str(home), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def shown_actions(page: str) -> list[tuple[str, str]]:
    """(name, code) of each row of the page's table, as the 操作 column shows them."""
    return re.findall(r'<tr><td class="num">\d+</td><td>[^<]*</td><td>[^<]*</td>'
                      r'<td>([^<]+)<br><small class="muted mono">([^<]+)</small></td>', page)


def test_the_names_the_page_shows_are_what_the_filter_takes(tmp_path) -> None:  # type: ignore[no-untyped-def]
    ws = init_workspace(tmp_path / "ws")
    run(ws.home, "ingest", "--no-ocr", str(NOTICE))
    run(ws.home, "tag", "1", "--title", "关于印发绿色建筑管理办法的通知")
    added = json.loads(run(ws.home, "tasks", "add", "报送绿色建筑管理台账", "--owner", "区住建局", "--json"))
    task_id = (added.get("tasks") or [added])[0]["id"]
    run(ws.home, "tasks", "delete", str(task_id))
    with create_app(ws).test_client() as client:
        everything = shown_actions(client.get("/admin/audit").get_data(as_text=True))
        assert {code for _, code in everything} >= {"ingest", "tag", "task.add", "task.remove"}
        # every name the column shows, typed back into the filter, gives that action's rows
        for name, code in dict(everything).items():
            found = shown_actions(client.get("/admin/audit", query_string={"action": name}).get_data(as_text=True))
            assert found and {c for _, c in found} == {code}, (name, found)
        tagged = client.get("/admin/audit?action=著录").get_data(as_text=True)
        deleted = client.get("/admin/audit?action=删除").get_data(as_text=True)
        tasks = client.get("/admin/audit?action=任务").get_data(as_text=True)
        by_code = client.get("/admin/audit?action=task").get_data(as_text=True)
        unknown = client.get("/admin/audit?action=改名").get_data(as_text=True)
    assert [c for _, c in shown_actions(tagged)] == ["tag"] and "标题：" in tagged
    assert [c for _, c in shown_actions(deleted)] == ["task.remove"]
    assert sorted(c for _, c in shown_actions(tasks)) == sorted(c for _, c in shown_actions(by_code)) \
        == ["task.add", "task.remove"]
    assert 'id="audit-unknown"' in unknown and "没有名为“改名”的操作" in unknown and "没有符合条件的审计记录" in unknown
    assert 'id="audit-unknown"' not in tagged and '<option value="著录">' in tagged   # the names offered as typed
    assert audit.action_codes("合并") == ("same_text",) and audit.action_codes("审核") == (
        "review.accept", "review.return", "review.reject")

    lines = run(ws.home, "audit", "--action", "著录").splitlines()
    assert len(lines) == 1 and "著录" in lines[0] and "文件 1" in lines[0]
    listed = json.loads(run(ws.home, "audit", "list", "--action", "删除任务", "--json"))["entries"]
    assert [e["action"] for e in listed] == ["task.remove"]
    told = run(ws.home, "audit", "--action", "改名")
    assert "没有符合条件的审计记录。" in told and "提示：没有名为“改名”的操作" in told and "著录" in told
