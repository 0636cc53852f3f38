"""`dangan minutes 防汛`: a word, not a file or a document number, gets the archive's speeches holding it."""
from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from conftest import SEED_SPEECH

from dangan.cli import cli
from dangan.workspace import init_workspace

FLOOD = Path(__file__).parent / "data/elements/docs/speeches/在全镇防汛工作会议上的讲话_BIG5.txt"


def _minutes(home: Path, source: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, ["--home", str(home), "minutes", source, "--date", "2019-06-12"])


def test_a_word_names_the_speeches_that_hold_it(tmp_path: Path) -> None:
    ws = init_workspace(tmp_path / "ws")
    empty = _minutes(ws.home, "防汛")
    assert empty.exit_code == 3 and "档案中也没有含这些词的讲话稿" in empty.output and "dangan search" in empty.output
    assert CliRunner().invoke(cli, ["--home", str(ws.home), "ingest", str(FLOOD), str(SEED_SPEECH)]).exit_code == 0

    said = _minutes(ws.home, "防汛")
    assert said.exit_code == 3
    assert "找不到讲话稿：“防汛”既不是文件编号，也不是文件路径" in said.output
    assert "含“防汛”的讲话稿：编号 1 在全镇防汛工作会议上的讲话" in said.output   # the Big5 speech, read as Simplified
    assert "dangan minutes 1 --date 会议日期" in said.output and "编号 2" not in said.output
    assert "编号 2 书记在创建办会部署会讲话" in _minutes(ws.home, "創建辦會").output   # Traditional finds it too
    assert _minutes(ws.home, "1").exit_code == 0                                   # the number it named drafts

    path = _minutes(ws.home, str(tmp_path / "讲话稿" / "防汛.txt"))
    assert path.exit_code == 3 and "找不到讲话稿文件" in path.output and "检查文件路径" in path.output
    marks = _minutes(ws.home, "、、")
    assert marks.exit_code == 3 and "含“" not in marks.output and "档案中也没有" in marks.output
