"""`tasks edit --deadline` in the words the speech uses: a clerk correcting a drafted task's deadline to
四月底 was refused (无法识别的日期写法), though the draft itself reads 月底前 and 一个月内 against the
meeting's date. A task of a meeting now counts such a deadline from that date and says what it made."""
from __future__ import annotations

import json
from pathlib import Path

from cli_run import dangan
from conftest import SEED_SPEECH


def test_a_meetings_task_takes_a_deadline_as_the_speech_says_it(tmp_path: Path) -> None:
    home = tmp_path / "ws"
    dangan(home, "init")
    dangan(home, "minutes", str(SEED_SPEECH), "--date", "2022-03-26", "--out", str(tmp_path / "纪要.docx"))
    task = json.loads(dangan(home, "tasks", "list", "--json"))["tasks"][0]["id"]
    said = dangan(home, "tasks", "edit", str(task), "--deadline", "四月底")
    assert "完成时限“四月底”按会议日期 2022-03-26 推算为 2022-04-30。" in said
    assert json.loads(dangan(home, "tasks", "edit", str(task), "--deadline", "一个月内", "--json"))["deadline"] == "2022-04-26"
    typed = dangan(home, "tasks", "edit", str(task), "--deadline", "2022年5月6日")
    assert "推算" not in typed and "2022-05-06" in typed
    refused = dangan(home, "tasks", "edit", str(task), "--deadline", "尽快", code=3)
    assert "会议任务也可写成“四月底”“一个月内”，按会议日期推算" in refused and "Traceback" not in refused
