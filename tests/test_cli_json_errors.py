"""A script that asks for --json gets its error as JSON on stdout too (code, message, hint, exit_code), the
Chinese lines still on stderr for a person: `dangan show 99 --json | jq` had nothing to parse. Without --json
stdout stays empty on an error."""
from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from conftest import CORPUS

from dangan.cli import cli

NOTICE = CORPUS / "txt" / "seed_speech" / "书记在创建办会部署会讲话.txt"


def _run(home: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--home", str(home), *args])
    return result.exit_code, result.stdout, result.stderr


def test_errors_of_a_json_command_are_json_on_stdout(tmp_path: Path) -> None:
    home = tmp_path / "ws"
    assert _run(home, "init")[0] == 0
    assert _run(home, "ingest", "--no-ocr", str(NOTICE))[0] == 0

    code, out, err = _run(home, "show", "99", "--json")
    assert code == 3 and "找不到编号为 99 的文件" in err
    said = json.loads(out)["error"]
    assert said == {"code": "DOCUMENT_NOT_FOUND", "message": "找不到编号为 99 的文件",
                    "hint": said["hint"], "exit_code": 3} and "dangan search" in said["hint"]

    code, out, err = _run(home, "search", "创建办", "--from", "2022-13-45", "--json")
    assert code == 3 and json.loads(out)["error"]["code"] == "INVALID_DATE" and "月份" in err

    code, out, err = _run(home, "tag", "1", "--set", "成文日期=2024-13-01", "--json")
    assert code == 3 and json.loads(out)["error"]["code"] == "INVALID_DATE", out

    code, out, err = _run(home, "show", "99")   # a person's command: the words only, on stderr
    assert code == 3 and out == "" and "找不到编号为 99 的文件" in err
