"""Issue 15's "done when" as a clerk meets it on the command line, on real files.

Searches by 文种 and 发文机关, impossible dates, `archive --year` and the undated, `tag`
with an empty value, times in `show` and `audit`, estimated page counts.
"""
from __future__ import annotations

import json
import re
import shutil
import time
import zipfile
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner, Result
from conftest import CORPUS

from dangan.archive.catalog import Catalog
from dangan.cli import cli
from dangan.errors import ExitCode

DOCS = Path(__file__).resolve().parent / "data" / "elements" / "docs"
MEETINGS = ("东湖社区居民委员会会议记录.txt", "宏福苑业主立案法团第十一届管理委员会第五次会议记录.md")
BEIJING = CORPUS / "txt/encoding_variants_DERIVED/2026_北京市_政府工作报告_UTF16LE_BOM.txt"
SHANGHAI = CORPUS / "docx/cn_provincial_gov_work_reports_2025/2025年上海市政府工作报告.docx"   # app.xml Pages 30
JILIN = CORPUS / "docx/cn_provincial_gov_work_reports_2025/2025年吉林省政府工作报告.docx"
UNDATED = CORPUS / "txt/cn_cpc_congress_reports/10_在中国共产党第十次全国代表大会上的报告.txt"   # no date in the text
JILIN_NO_PAGES = "吉林_无页数统计.docx"


def without_page_statistics(source: Path, out: Path) -> Path:
    """The DOCX as a generator that writes no docProps/app.xml <Pages> leaves it."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "docProps/app.xml":
                data = re.sub(rb"<Pages>\d+</Pages>", b"", data)
            dst.writestr(info, data)
    return out


@pytest.fixture(scope="module")
def built_desk(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    """A workspace with meeting records, the Beijing report, two DOCX reports and an undated report."""
    root = tmp_path_factory.mktemp("clerk")
    home, inbox = root / "ws", root / "in"
    inbox.mkdir()
    for name in MEETINGS:
        shutil.copy(DOCS / "meeting_records" / name, inbox / name)
    for path in (BEIJING, SHANGHAI, UNDATED):
        shutil.copy(path, inbox / path.name)
    without_page_statistics(JILIN, inbox / JILIN_NO_PAGES)
    for args in (["init"], ["ingest", str(inbox)]):
        result = CliRunner().invoke(cli, ["--home", str(home), *args], catch_exceptions=False)
        assert result.exit_code == 0, result.output
    with Catalog(home / "catalog.sqlite3") as catalog:
        ids = dict(catalog.conn.execute("SELECT original_name, id FROM documents"))
    return home, ids


@pytest.fixture
def desk(built_desk: tuple[Path, dict[str, int]], tmp_path: Path) -> tuple[Path, dict[str, int]]:
    """This test's own copy of the desk (built once per module): tags, codes and accounts
    one test sets are not there for the next."""
    home, ids = built_desk
    return Path(shutil.copytree(home, tmp_path / "desk" / "ws")), ids


def dangan(home: Path, *args: str, code: int = 0) -> Result:
    result = CliRunner().invoke(cli, ["--home", str(home), *args])
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    return result


def shown(home: Path, doc_id: int) -> dict:
    return json.loads(dangan(home, "show", str(doc_id), "--json").output)


@pytest.fixture
def beijing_clock(monkeypatch: pytest.MonkeyPatch):
    """The machine's clock set to 北京时间 for one test."""
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield ZoneInfo("Asia/Shanghai")
    monkeypatch.delenv("TZ")
    time.tzset()


def test_search_by_type_and_by_issuer_as_a_clerk_reads_it(desk) -> None:
    home, _ = desk
    meetings = dangan(home, "search", "--type", "会议记录").output
    assert "共找到 2 件" in meetings
    assert "东湖社区居民委员会会议记录" in meetings
    assert "宏福苑业主立案法团第十一届管理委员会第五次会议记录" in meetings      # Markdown, Traditional script
    beijing = dangan(home, "search", "--issuer", "北京市人民政府").output
    assert "共找到 1 件" in beijing and "2026年北京市政府工作报告" in beijing
    short = dangan(home, "search", "报告", "--issuer", "北京市政府").output     # as clerks shorten it
    assert "共找到 1 件" in short and "2026年北京市政府工作报告" in short
    near = dangan(home, "search", "报告", "--issuer", "北京人民政府").output
    assert "没有找到匹配的文件" in near
    assert "您是不是要找发文机关：北京市人民政府（1 件）  dangan search 报告 --issuer 北京市人民政府\n" in near
    unknown = dangan(home, "search", "报告", "--type", "文件").output
    assert "没有找到匹配的文件" in unknown and "注意：“文件”不是已知的文种；可用：决议" in unknown


@pytest.mark.parametrize(("args", "said"), [
    (("search", "--from", "2022-13-45"), "2022-13-45（月份应在 1 到 12 之间）"),
    (("search", "会议", "--to", "2022-02-30"), "2022-02-30（2022年2月只有 28 天）"),
    (("search", "date:2022-13"), "2022-13（月份应在 1 到 12 之间）"),
    (("tag", "1", "--set", "成文日期=2024-13-01"), "2024-13-01（月份应在 1 到 12 之间）"),
])
def test_an_impossible_date_is_a_date_error(desk, args: tuple[str, ...], said: str) -> None:
    home, _ = desk
    result = dangan(home, *args, code=ExitCode.USAGE)
    assert f"错误：日期无效：{said}" in result.output
    hint = "提示：日期须写到日：2022-03-26" if args[0] == "tag" else "提示：日期写成 2022-03-26"
    assert "检索式" not in result.output and hint in result.output


def test_a_range_that_ends_before_it_starts_is_a_date_error(desk) -> None:
    home, _ = desk
    result = dangan(home, "search", "会议", "--from", "2023", "--to", "2022", code=ExitCode.USAGE)
    assert "错误：日期无效：2023-01-01 至 2022-12-31（起始日期晚于截止日期）" in result.output
    assert "检索式" not in result.output and "提示：检查 --from / --to" in result.output


def test_archive_puts_an_undated_document_in_no_year_and_says_how_to_date_it(desk) -> None:
    home, ids = desk
    undated = ids[UNDATED.name]
    data = json.loads(dangan(home, "archive", "--year", "2023", "--fonds", "0194", "--json").output)
    assert [row["title"] for row in data["assigned"]] == ["东湖社区居民委员会会议记录"]     # 2023-09-18
    assert data["undated"]["count"] == 1 and data["undated"]["documents"][0]["id"] == undated
    assert data["undated"]["reasons"] == {"正文没有写明成文日期": 1}
    assert "dangan tag 编号 --set 成文日期=" in data["undated"]["hint"]
    text = dangan(home, "archive", "--year", "2021", "--fonds", "0194").output
    assert "2021 年度：新编档号 1 件" in text                                              # 宏福苑, 二零二一年十二月十一日
    assert "另有 1 件文件没有成文日期，未编入任何年度，也未编档号（正文没有写明成文日期 1 件）" in text
    assert f"编号：{undated}\n" in text and "在中国共产党第十次全国代表大会上的报告" not in text
    assert shown(home, undated)["archival_code"] is None
    said = dangan(home, "catalog", "--year", "2021", "--out", str(home.parent / "2021.xlsx")).output
    assert "另有 1 件文件没有成文日期，不在任何年度的目录中；dangan archive --year 年度 列出其编号和原因" in said

    dangan(home, "tag", str(undated), "--set", "成文日期=一九七三年八月二十四日")
    dated = json.loads(dangan(home, "archive", "--year", "1973", "--fonds", "0194", "--json").output)
    assert [row["id"] for row in dated["assigned"]] == [undated]
    assert dated["undated"] == {"count": 0, "reasons": {}, "documents": [], "hint": None}
    assert "没有成文日期" not in dangan(home, "archive", "--year", "2021", "--fonds", "0194").output


def test_an_empty_value_is_refused_and_clearing_is_explicit(desk) -> None:
    home, ids = desk
    doc = ids[SHANGHAI.name]
    title = shown(home, doc)["title"]
    for args in (("--set", "标题="), ("--set", "标题=  "), ("--title", ""), ("--set", "地点=")):
        refused = dangan(home, "tag", str(doc), *args, code=ExitCode.USAGE)
        assert "的值为空" in refused.output and "--clear" in refused.output
    assert shown(home, doc)["title"] == title
    both = dangan(home, "tag", str(doc), "--set", "标题=新题名", "--clear", "标题", code=ExitCode.USAGE)
    assert "同一著录项不能既设定又清除：标题" in both.output
    unknown = dangan(home, "tag", str(doc), "--clear", "颜色", code=ExitCode.USAGE)
    assert "无法识别的著录项" in unknown.output and "--clear 发文字号" in unknown.output

    cleared = dangan(home, "tag", str(doc), "--clear", "标题").output
    assert "已清除：标题" in cleared
    after = shown(home, doc)
    assert after["title"] is None and after["meta_origin"]["title"]["origin"] == "manual"
    dangan(home, "tag", str(doc), "--set", f"标题={title}")
    assert shown(home, doc)["title"] == title


def test_show_and_audit_speak_local_time_and_chinese(desk, beijing_clock) -> None:
    home, ids = desk
    doc = ids[SHANGHAI.name]
    stored = shown(home, doc)["ingested_at"]
    assert datetime.fromisoformat(stored).tzinfo is not None      # --json: the stored ISO value
    beijing = datetime.fromisoformat(stored).astimezone(beijing_clock).strftime("%Y-%m-%d %H:%M:%S")
    page = dangan(home, "show", str(doc)).output
    assert f"收录时间：{beijing}\n" in page and "类型：DOCX\n" in page
    assert "application/" not in page and "+00:00" not in page and "T0" not in page

    trail = dangan(home, "audit").output.splitlines()
    ingest = next(line for line in trail if f"  收录  文件 {doc}  " in line)
    assert f"  {beijing}  " in ingest and f"文件名：{SHANGHAI.name}" in ingest
    assert not any(re.search(r" (ingest|tag) |doc:\d|\+00:00|\"after\"", line) for line in trail)
    entries = json.loads(dangan(home, "audit", "--json").output)["entries"]
    first = next(e for e in entries if e["object"] == f"doc:{doc}")
    assert first["action"] == "ingest" and first["at"] == stored       # --json keeps codes and ISO


def test_audit_shows_a_tag_as_before_and_after(desk) -> None:
    home, ids = desk
    doc = ids[JILIN_NO_PAGES]
    dangan(home, "tag", str(doc), "--set", "密级=内部")
    dangan(home, "tag", str(doc), "--clear", "密级")
    lines = [line for line in dangan(home, "audit").output.splitlines() if f"  著录  文件 {doc}  " in line]
    assert lines[-2].endswith("密级：（空） → 内部") and lines[-1].endswith("密级：内部 → （空）")
    password = home.parent / "pw.txt"
    password.write_text("一个足够长的密码2024\n", encoding="utf-8")
    dangan(home, "user", "add", "li", "--role", "clerk", "--password-file", str(password))
    added = dangan(home, "audit", "--user", "os:" + __import__("getpass").getuser(), "--since", "2000-01-01 00:00")
    assert re.search(r"  添加账号  用户 li  角色：办公室；来源：命令行$", added.output, re.M)


def test_show_says_which_page_counts_are_estimates(desk) -> None:
    home, ids = desk
    estimate = "（估算：按 A4 每页 22 行 × 28 字）"
    text = dangan(home, "show", str(ids[BEIJING.name])).output
    assert re.search(rf"页数：\d+{re.escape(estimate)}", text)
    with_statistics = dangan(home, "show", str(ids[SHANGHAI.name])).output
    assert "页数：30\n" in with_statistics and "估算" not in with_statistics     # docProps/app.xml <Pages>
    without = shown(home, ids[JILIN_NO_PAGES])
    assert without["pages_estimated"] is True and without["pages"] > 1
    assert f"页数：{without['pages']}{estimate}" in dangan(home, "show", str(ids[JILIN_NO_PAGES])).output


def test_help_is_in_chinese_for_every_command() -> None:
    """click's frame (Usage, Options, [required], Show this message and exit.) in Chinese, columns aligned."""
    from test_cli import all_commands

    for path, _ in all_commands(cli):
        page = CliRunner().invoke(cli, [*path, "-h"], prog_name="dangan", terminal_width=80).output
        assert page.startswith(f"用法：dangan {' '.join(path)} [选项]"), path
        assert "显示本帮助并退出。" in page, path
        assert not re.search(r"Usage:|Options:|Commands:|\[required\]|\[default|Show this|\bTEXT\b|\bINTEGER\b",
                             page), (path, page)
    page = CliRunner().invoke(cli, ["search", "-h"]).output
    assert "［默认：10；1–1000］" in page and "\n  --type 文字                     文种，如 通报。\n" in page
    assert "[必填]" not in page and "［必填］" in CliRunner().invoke(cli, ["export", "-h"]).output


def test_config_names_its_settings_in_chinese(desk) -> None:
    home, _ = desk
    page = dangan(home, "config").output
    assert f"工作区：{home}\n" in page and "全宗号：（未设置，见 dangan.toml）" in page
    assert not re.search(r"^(home|inbox|catalog|index_backend|fonds)：", page, re.M)
    assert json.loads(dangan(home, "config", "--json").output)["home"] == str(home)


def test_catalogue_marks_estimated_page_counts(desk, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    home, _ = desk
    out = tmp_path / "2025年归档文件目录.xlsx"
    dangan(home, "catalog", "--year", "2025", "--out", str(out))
    rows = {row[4]: row for row in load_workbook(out).active.iter_rows(min_row=3, values_only=True)}
    assert rows["2025年上海市政府工作报告"][7] == 30 and "估算" not in (rows["2025年上海市政府工作报告"][8] or "")
    jilin = next(row for title, row in rows.items() if "吉林" in (title or ""))
    assert "页数为估算" in jilin[8]


def test_ocr_of_a_document_with_text_says_there_was_nothing_to_read(desk) -> None:
    home, ids = desk
    said = dangan(home, "ocr", str(ids[SHANGHAI.name])).output
    assert f"文件 {ids[SHANGHAI.name]}：没有需要 OCR 的页（各页已有文字层），未作识别。" in said
    assert "识别 0 页" not in said


def test_a_photo_time_is_checked_like_a_date(desk) -> None:
    home, ids = desk
    doc = str(ids[JILIN_NO_PAGES])
    assert "日期无效：明天" in dangan(home, "tag", doc, "--set", "时间=明天", code=ExitCode.USAGE).output
    late = dangan(home, "tag", doc, "--set", "拍摄时间=2024-06-05 25:00", code=ExitCode.USAGE).output
    assert "时刻应在 00:00 到 23:59 之间" in late and "拍摄时间写成 2024-06-05 14:30" in late
    assert "拍摄时间：2024-06-05 14:30:00" in dangan(home, "tag", doc, "--set", "时间=2024年6月5日 14:30").output
    assert shown(home, int(doc))["taken_at"] == "2024-06-05T14:30:00"                # as EXIF gives it
    assert "拍摄时间：2024-06-05 14:30:00（手工著录）\n" in dangan(home, "show", doc).output
    dangan(home, "tag", doc, "--clear", "时间")
    assert shown(home, int(doc))["taken_at"] is None


def test_show_marks_hand_entered_values_and_the_retention(desk) -> None:
    home, ids = desk
    doc = str(ids[SHANGHAI.name])
    dangan(home, "tag", doc, "--set", "发文机关=上海市人民政府", "--item", "A01")
    dangan(home, "archive", "--year", "2025", "--fonds", "0194", "--retention", "Y")
    page = dangan(home, "show", doc).output
    assert "发文机关：上海市人民政府（手工著录）\n" in page and "成文日期：2025-01-15\n" in page
    assert re.search(r"档号：0194-WS·2025-Y-BGS-\d{4}（保管期限：永久）\n", page)
    facets = dangan(home, "search", "上海", "--facets").output
    assert "测评项目：A01 社区综合达标(1)" in facets


def test_a_code_stays_in_its_year_when_the_date_is_corrected(desk, tmp_path: Path) -> None:
    """DA/T 22: a 档号 never changes; a corrected 成文日期 neither moves the document to another year's list
    nor leaves it in none, and the clerk is told."""
    from openpyxl import load_workbook

    home, ids = desk
    doc = ids[BEIJING.name]
    coded = json.loads(dangan(home, "archive", "--year", "2026", "--fonds", "0194", "--json").output)
    code = next(row["code"] for row in coded["assigned"] if row["id"] == doc)
    said = dangan(home, "tag", str(doc), "--set", "成文日期=2024-01-25")
    assert f"注意：该文件已有档号 {code}（2026 年度），成文日期改为 2024-01-25后档号不变" in said.output

    def titles(year: int) -> list[str]:
        out = tmp_path / f"{year}.xlsx"
        dangan(home, "catalog", "--year", str(year), "--out", str(out))
        return [row[4] for row in load_workbook(out).active.iter_rows(min_row=3, values_only=True)]

    assert "2026年北京市政府工作报告" in titles(2026) and "2026年北京市政府工作报告" not in titles(2024)
    again = json.loads(dangan(home, "archive", "--year", "2024", "--fonds", "0194", "--json").output)
    assert doc not in [row["id"] for row in again["assigned"]] and again["kept"] == 0
    dangan(home, "tag", str(doc), "--set", "成文日期=2026-01-25")
    assert shown(home, doc)["archival_code"] == code


@pytest.mark.parametrize(("pair", "ok"), [
    ("密级=机密★1年", True), ("密级=内部", True), ("密级=很高", False),
    ("紧急程度=特急", True), ("紧急程度=急", False),
])
def test_secrecy_and_urgency_take_the_words_of_gb_t_9704(desk, pair: str, ok: bool) -> None:
    home, ids = desk
    result = dangan(home, "tag", str(ids[MEETINGS[1]]), "--set", pair, code=0 if ok else ExitCode.USAGE)
    if ok:
        assert pair.replace("=", "：") in result.output
    else:
        assert "不是可用的写法" in result.output and "提示：" in result.output


def test_convert_with_nothing_waiting_says_so(desk) -> None:
    home, _ = desk
    assert dangan(home, "convert", "--pending").output == "没有待转换的文件。\n"
    first = sorted(desk[1].values())[0]
    assert dangan(home, "convert", str(first)).output == "所给的文件都不需要转换。\n"
    # a number that is no document was said to need no conversion either
    wrong = max(desk[1].values()) + 100
    said = dangan(home, "convert", str(first), str(wrong), code=3).output
    assert f"找不到编号为 {wrong} 的文件" in said and "不需要转换" not in said


def test_archive_without_a_fonds_says_what_is_missing(desk) -> None:
    home, _ = desk
    missing = dangan(home, "archive", "--year", "2025", code=ExitCode.USAGE).output
    assert "错误：档号参数有误：还没有全宗号" in missing and "--fonds" in missing
    bad = dangan(home, "archive", "--year", "2025", "--fonds", "01/94", code=ExitCode.USAGE).output
    assert "全宗号“01/94”应为 1–12 位字母或数字" in bad and "'" not in bad


def test_show_says_where_a_watched_file_went_and_where_its_original_is(tmp_path: Path) -> None:
    """A file the watcher took was listed under its inbox path, where it no longer is: `show`
    says it left the inbox and names the archived original a clerk can open."""
    home = tmp_path / "ws"
    dangan(home, "init")
    shutil.copy(UNDATED, home / "inbox" / UNDATED.name)
    dangan(home, "watch", "--once")
    assert not (home / "inbox" / UNDATED.name).exists()
    data = shown(home, 1)
    text = dangan(home, "show", "1").output
    assert f"{home / 'inbox' / UNDATED.name}（经收件箱收录，已从收件箱移走）" in text
    assert f"存档原件：{data['original']}" in text and Path(data["original"]).is_file()
    found = "".join(dangan(home, "search", data["title"][:4]).output.split())
    assert "已不在此处；存档原件见danganshow1" in found    # search lists the inbox path too: it says so
    from dangan.web.app import create_app
    from dangan.workspace import open_workspace

    with create_app(open_workspace(home)).test_client() as client:
        assert "经收件箱收录，已从收件箱移走" in client.get("/doc/1").get_data(as_text=True)


# -- the third trial: export, package, backup/restore, review, user, convert, ocr, audit, reindex --

def test_a_missing_option_with_choices_and_a_missing_value_are_said_in_chinese(tmp_path: Path) -> None:
    """click appends `Choose from:` to a missing choice option, and raises an option's missing
    value with no context: both reached the clerk in English or pointed at `dangan -h`."""
    home = tmp_path / "ws"
    dangan(home, "init")
    said = dangan(home, "user", "add", "zhang", code=3).output
    assert "错误：缺少选项 --role（可选：admin、clerk、unit、viewer）。" in said
    assert re.search(r"提示：运行 \S+ user add -h 查看用法。", said)
    assert not re.search(r"Missing|Choose", said)
    said = dangan(home, "review", "list", "--state", code=3).output
    assert "错误：选项 --state 需要一个值。" in said and "提示：运行 dangan review list -h 查看用法。" in said
    said = dangan(home, "export", "--query", "讲话", "--out", code=3).output
    assert "提示：运行 dangan export -h 查看用法。" in said


def test_audit_list_reads_as_user_list_and_filters_typed_first_still_count(desk, tmp_path: Path) -> None:
    """`audit list` (as user list, review list, tasks list) was 没有命令 list; and a filter typed
    before the sub-command (`audit --limit 1 list`, `tasks --owner … list`) was dropped: every row."""
    home, _ = desk
    whole = dangan(home, "audit").output
    assert dangan(home, "audit", "list").output == whole and whole.count("收录") >= 5
    assert len(dangan(home, "audit", "--limit", "2", "list").output.splitlines()) == 2
    assert dangan(home, "audit", "--limit", "2", "list").output == dangan(home, "audit", "list", "--limit", "2").output
    assert len(json.loads(dangan(home, "audit", "--json", "--limit", "1", "list").output)["entries"]) == 1
    speech = CORPUS / "txt/seed_speech/书记在创建办会部署会讲话.txt"
    dangan(home, "minutes", str(speech), "--date", "2022-03-26", "--out", str(tmp_path / "纪要.docx"))
    every = json.loads(dangan(home, "tasks", "list", "--json").output)["tasks"]
    owned = json.loads(dangan(home, "tasks", "--owner", "区委宣传部", "--json", "list").output)["tasks"]
    assert 0 < len(owned) < len(every)
    assert owned == json.loads(dangan(home, "tasks", "list", "--owner", "区委宣传部", "--json").output)["tasks"]


def test_an_account_that_cannot_be_made_is_refused_before_the_password_is_asked(tmp_path: Path) -> None:
    """user add of a name taken or a unit account without its unit, user passwd of no such user:
    the clerk typed a password twice and was only then told."""
    home = tmp_path / "ws"
    dangan(home, "init")
    password = tmp_path / "pw.txt"
    password.write_text("ji-zhang-2022\n", encoding="utf-8")
    dangan(home, "user", "add", "wang", "--role", "clerk", "--password-file", str(password))
    for args, said in ((("user", "add", "wang", "--role", "viewer"), "用户 wang 已存在"),
                       (("user", "add", "xuanchuan", "--role", "unit"), "责任单位账号须指明单位"),
                       (("user", "passwd", "zhang"), "找不到用户 zhang")):
        result = CliRunner().invoke(cli, ["--home", str(home), *args], input="ji-zhang-2022\nji-zhang-2022\n")
        assert result.exit_code == 3, result.output
        assert said in result.output and "密码:" not in result.output and "再输一遍" not in result.output, result.output
    assert [u["name"] for u in json.loads(dangan(home, "user", "list", "--json").output)["users"]] == ["wang"]


def test_package_never_replaces_a_zip_and_writes_no_folder_named_rar(desk, tmp_path: Path, monkeypatch) -> None:
    """A package to a .zip that exists replaced it without a word (a folder is refused); `--out 资料.rar`
    made a folder called 资料.rar. The trail says where the package went, not only its name."""
    home, _ = desk
    monkeypatch.chdir(tmp_path)
    first = json.loads(dangan(home, "package", "--query", "政府工作报告", "--out", "资料.zip", "--json").output)
    assert first["path"] == str(tmp_path / "资料.zip") and first["documents"] >= 2
    before = (tmp_path / "资料.zip").read_bytes()
    said = dangan(home, "package", "--query", "会议记录", "--out", "资料.zip", code=3).output
    assert "输出位置已有内容" in said and (tmp_path / "资料.zip").read_bytes() == before
    said = dangan(home, "package", "--query", "政府工作报告", "--out", "资料.rar", code=3).output
    assert "不能打包成 .rar 文件" in said and ".zip" in said and not (tmp_path / "资料.rar").exists()
    last = json.loads(dangan(home, "audit", "--json", "--limit", "1").output)["entries"][-1]
    assert last["object"] == f"package:{tmp_path / '资料.zip'}"


def test_export_and_package_lists_mark_estimated_page_counts(desk, tmp_path: Path) -> None:
    """The catalogue says 页数为估算; the export's 文件清单 and the package's 佐证材料目录 gave a
    reckoned count (a DOCX without statistics, a text) as if read off the pages."""
    from openpyxl import load_workbook

    home, _ = desk
    dangan(home, "export", "--query", "政府工作报告", "--out", str(tmp_path / "移交"))
    dangan(home, "package", "--query", "政府工作报告", "--out", str(tmp_path / "资料包"))
    for sheet, title_col in ((tmp_path / "移交" / "文件清单.xlsx", "题名"), (tmp_path / "资料包" / "佐证材料目录.xlsx", "题名")):
        rows = list(load_workbook(sheet).active.iter_rows(min_row=2, values_only=True))
        header = rows[0]
        notes = {row[header.index(title_col)]: row[header.index("备注")] or "" for row in rows[1:]}
        assert "估算" not in notes["2025年上海市政府工作报告"], sheet                   # app.xml says 30 pages
        jilin = next(note for title, note in notes.items() if "吉林" in (title or ""))
        assert jilin == "页数为估算", sheet                                            # no statistics: reckoned


def test_restore_says_what_a_folder_is_when_it_is_no_backup_and_shows_progress(desk, tmp_path: Path) -> None:
    """restore of an export folder, a workspace or a folder of files checked every file and listed each
    as 清单中没有的多余文件 (an export's manifest as 不是 dangan 的清单); a real restore said only
    正在核对并恢复…… however long it took."""
    home, _ = desk
    dangan(home, "export", "--query", "政府工作报告", "--out", str(tmp_path / "移交"))
    inbox = tmp_path / "收文"
    inbox.mkdir()
    shutil.copy(SHANGHAI, inbox / SHANGHAI.name)
    for source, said in ((tmp_path / "移交", "是 dangan export 导出的文件夹，不是备份"),
                         (home, "是一个工作区，不是备份"),
                         (inbox, "找不到备份，或它既不是备份文件夹也不是 .tar 文件")):
        result = dangan(home, "restore", str(source), "--home", str(tmp_path / "恢复"), code=3)
        assert said in result.output and "多余文件" not in result.output, result.output
        assert not (tmp_path / "恢复").exists()
    assert "dangan ingest" in dangan(home, "restore", str(tmp_path / "移交"), "--verify-only", code=3).output
    dangan(home, "backup", "--out", str(tmp_path / "备份"))
    done = dangan(home, "restore", str(tmp_path / "备份"), "--home", str(tmp_path / "恢复"))
    files = len([p for p in (tmp_path / "备份").rglob("*") if p.is_file() and p.name != ".dangan-backup"])
    assert f"核对备份文件：{files}/{files} 个（100%）" in done.output, done.output
    assert re.search(r"重建索引：\d+ 件", done.output) and "已恢复到" in done.output
    assert "核对备份文件" not in dangan(home, "restore", str(tmp_path / "备份"), "--verify-only", "--json").output


def test_reindex_answers_json_and_says_a_database_is_needed_for_postgres(desk, monkeypatch) -> None:
    """reindex had no --json; --backend postgres with no database printed 重建索引：0/N 件, then
    索引目录由 （无） 建立 with the hint to run dangan reindex, which was what had failed."""
    home, ids = desk
    monkeypatch.delenv("DANGAN_DATABASE_URL", raising=False)
    assert json.loads(dangan(home, "reindex", "--json").output) == {"indexed": len(ids), "backend": "whoosh"}
    said = dangan(home, "reindex", "--backend", "postgres", code=3).output
    assert "须先给出数据库地址" in said and "init --database" in said
    assert "重建索引：" not in said and "索引目录由" not in said and "运行 dangan reindex" not in said
    assert json.loads(dangan(home, "stats", "--json").output)["index_backend"] == "whoosh"
    assert json.loads(dangan(home, "search", "政府工作报告", "--json").output)["total"] >= 2


def test_what_review_files_under_an_item_is_found_under_it_and_a_wrong_code_is_named(desk, tmp_path: Path) -> None:
    """A unit's material accepted for A02 was 挂在 A02 下 by gaps only: search item:A02, export --item A02
    and package --item A02 found nothing (tag --item links the item too). And export --item Z99
    said 没有符合条件的文件, as if A02's files were missing, where package says the code is unknown."""
    from dangan.intake.review import hand_in
    from dangan.workspace import open_workspace

    home, _ = desk
    speech = CORPUS / "txt/seed_speech/书记在创建办会部署会讲话.txt"
    ws = open_workspace(home)
    with speech.open("rb") as stream:
        handed = hand_in(ws, stream, speech.name, unit="区委宣传部", user="xuanchuan", item_code="A02")
    doc_id = json.loads(dangan(home, "review", "accept", str(handed["id"]), "--json").output)["document_id"]
    found = json.loads(dangan(home, "search", "item:A02", "--json").output)
    assert doc_id in [hit["id"] for hit in found["results"]]
    package = json.loads(dangan(home, "package", "--item", "A02", "--out", str(tmp_path / "资料"), "--json").output)
    assert package["documents"] == 1
    exported = json.loads(dangan(home, "export", "--item", "A02", "--out", str(tmp_path / "移交"), "--json").output)
    assert exported["documents"] == 1
    said = dangan(home, "export", "--item", "Z99", "--out", str(tmp_path / "错"), code=3).output
    assert "未知的测评项目代码 Z99" in said and "dangan taxonomy show" in said
    assert not (tmp_path / "错").exists()


def test_an_export_or_package_stopped_half_way_leaves_nothing_and_the_next_run_works(desk, tmp_path: Path,
                                                                                     monkeypatch) -> None:
    """Ctrl-C during export left 0004_….pdf, 0005_….docx and a .manifest.jsonl.tmp in the folder the
    clerk named (a half export to hand over, and the next run refused: 已存在且不是空文件夹); a package
    folder the same. And export showed no progress."""
    import dangan.compose.package as package_module
    from dangan.compose.export import export
    from dangan.workspace import open_workspace

    home, ids = desk
    ws = open_workspace(home)
    copied = 0

    def stopped() -> None:
        nonlocal copied
        copied += 1
        if copied == 3:
            raise KeyboardInterrupt
    with pytest.raises(KeyboardInterrupt):
        export(ws, tmp_path / "移交", on_doc=stopped)
    assert not (tmp_path / "移交").exists() and not list(tmp_path.glob(".移交*"))
    done = dangan(home, "export", "--out", str(tmp_path / "移交"))
    assert f"导出：{len(ids)}/{len(ids)} 件（100%）" in done.output
    assert len(json.loads(dangan(home, "export", "--out", str(tmp_path / "再"), "--json").output)) > 0

    real_copy, calls = shutil.copyfile, 0

    def copy_then_stop(source, target):  # type: ignore[no-untyped-def]
        nonlocal calls
        calls += 1
        if calls == 3:
            raise KeyboardInterrupt
        return real_copy(source, target)
    monkeypatch.setattr(shutil, "copyfile", copy_then_stop)   # the package copies originals with it
    with pytest.raises(KeyboardInterrupt):
        package_module.make_package(ws, tmp_path / "资料包", query="政府工作报告")
    assert not (tmp_path / "资料包").exists() and not list(tmp_path.glob(".资料包*"))
    monkeypatch.undo()
    made = json.loads(dangan(home, "package", "--query", "政府工作报告", "--out", str(tmp_path / "资料包"),
                             "--json").output)
    assert made["documents"] >= 2 and (tmp_path / "资料包" / "佐证材料目录.xlsx").is_file()


def test_backup_to_a_zip_name_is_refused_not_made_a_folder(desk, tmp_path: Path) -> None:
    """backup --out 备份.zip made a folder called 备份.zip (a .tar is written as one file, a .zip never was)."""
    home, ids = desk
    said = dangan(home, "backup", "--out", str(tmp_path / "备份.zip"), code=3).output
    assert "不能写成 .zip 文件" in said and ".tar" in said and not (tmp_path / "备份.zip").exists()
    made = json.loads(dangan(home, "backup", "--out", str(tmp_path / "备份.tar.gz"), "--json").output)
    assert made["ok"] and made["documents"] == len(ids) and (tmp_path / "备份.tar.gz").is_file()


def test_disabling_an_account_twice_says_so_and_leaves_the_trail_alone(tmp_path: Path) -> None:
    """user disable of an account already disabled said 已停用 and wrote 停用：是 → 是 into the trail."""
    home = tmp_path / "ws"
    dangan(home, "init")
    password = tmp_path / "pw.txt"
    password.write_text("ji-zhang-2022\n", encoding="utf-8")
    dangan(home, "user", "add", "wang", "--role", "clerk", "--password-file", str(password))
    assert dangan(home, "user", "disable", "wang").output == "用户 wang 已停用。\n"
    assert dangan(home, "user", "disable", "wang").output == "用户 wang 本已停用，未作改动。\n"
    assert dangan(home, "user", "disable", "wang", "--enable").output == "用户 wang 已启用。\n"
    actions = [e["action"] for e in json.loads(dangan(home, "audit", "--json").output)["entries"]]
    assert actions.count("user.disable") == 1 and actions.count("user.enable") == 1


@pytest.mark.parametrize("args", [
    ("export", "--query", "政府工作报告", "--out"), ("package", "--query", "政府工作报告", "--out"),
    ("backup", "--out"), ("catalog", "--year", "2025", "--out"), ("restore", "BACKUP", "--home")])
def test_a_file_where_a_folder_must_be_is_said_not_an_internal_error(desk, tmp_path: Path, args) -> None:
    """--out 收文/通知.txt/子 (a file in the middle of the path) was 内部错误（FileExistsError…）."""
    home, _ = desk
    a_file = tmp_path / "通知.txt"
    a_file.write_text("不是文件夹", encoding="utf-8")
    if "BACKUP" in args:
        dangan(home, "backup", "--out", str(tmp_path / "备份"))
        args = tuple(str(tmp_path / "备份") if a == "BACKUP" else a for a in args)
    target = a_file / ("目录.xlsx" if "catalog" in args else "子")
    said = dangan(home, *args, str(target), code=3).output
    assert f"无法使用 {a_file}：这是一个文件，不是文件夹" in said, said
    assert "内部错误" not in said and "Errno" not in said and "：0/" not in said
    assert a_file.read_text(encoding="utf-8") == "不是文件夹"


def test_ocr_shows_its_progress_against_the_pages_to_read(desk, tmp_path: Path) -> None:
    """ocr --pending said OCR：1 页, 2 页… with no total: the clerk could not tell how long a scan would take."""
    import subprocess

    home, _ = desk
    report = CORPUS / "pdf/cn_gov_info_disclosure_annual_reports/hzq2023_working.pdf"
    subprocess.run(["pdftoppm", "-r", "100", "-png", "-f", "1", "-l", "1", "-singlefile", str(report),
                    str(tmp_path / "扫描件")], check=True)
    dangan(home, "ingest", "--no-ocr", str(tmp_path / "扫描件.png"))
    done = dangan(home, "ocr", "--pending")
    assert "OCR：1/1 页（100%）" in done.output, done.output
    assert "识别 1 页" in done.output


@pytest.mark.parametrize(("args", "typed", "meant"), [
    (("package", "--out", "OUT", "--item"), "a01", "A01"),
    (("export", "--out", "OUT", "--item"), "ａ０１", "A01"),
    (("package", "--out", "OUT", "--taxonomy", "national-2015", "--item"), "iii-77", "Ⅲ-77"),
    (("taxonomy", "show", "--taxonomy", "national-2015"), "III-77", "Ⅲ-77"),
    (("tag", "DOC", "--item"), "a02", "A02")])
def test_a_code_typed_loosely_is_answered_with_the_code_meant(desk, tmp_path: Path, args, typed, meant) -> None:
    """package --item a01 (or III-77 for Ⅲ-77, full-width Ａ０１) said only 未知的测评项目代码 a01."""
    home, ids = desk
    args = tuple(str(tmp_path / "out") if a == "OUT" else str(min(ids.values())) if a == "DOC" else a for a in args)
    said = dangan(home, *args, typed, code=3).output
    assert f"{typed}（是不是 {meant}？）" in said, said   # tag: 未知的测评项目代码：a02（是不是 A02？）（测评体系 …）
    assert not (tmp_path / "out").exists()


def test_serve_on_every_address_prints_urls_a_browser_can_open(tmp_path: Path) -> None:
    """serve --host 0.0.0.0 said 网页工作台已启动：http://0.0.0.0:8871/, an address no browser opens."""
    import os
    import socket
    import subprocess
    import sys
    import urllib.request

    home = tmp_path / "ws"
    dangan(home, "init")
    password = tmp_path / "pw.txt"
    password.write_text("ji-zhang-2022\n", encoding="utf-8")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    server = subprocess.Popen([sys.executable, "-m", "dangan", "--home", str(home), "serve", "--host", "0.0.0.0",
                               "--port", str(port), "--password-file", str(password)],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    try:
        assert server.stdout is not None
        first = server.stdout.readline()
        assert f"网页工作台已启动：本机 http://127.0.0.1:{port}/" in first and "0.0.0.0" not in first, first
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/login", timeout=10) as page:
            assert "登录" in page.read().decode("utf-8")
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_export_and_package_lists_give_a_web_copys_posting_day_as_the_catalogue_does(desk, tmp_path: Path) -> None:
    """The seed speech states no date, only its site's posting time: the 归档文件目录 prints [20220326]
    with 日期据网页发布时间推定, the export's 文件清单 and the package's 佐证材料目录 left the date empty."""
    from openpyxl import load_workbook

    home, _ = desk
    dangan(home, "ingest", str(CORPUS / "txt/seed_speech/书记在创建办会部署会讲话.txt"))
    dangan(home, "export", "--query", "创建办会", "--out", str(tmp_path / "移交"))
    dangan(home, "package", "--query", "创建办会", "--out", str(tmp_path / "资料包"))
    for sheet, date in ((tmp_path / "移交" / "文件清单.xlsx", "[20220326]"),
                        (tmp_path / "资料包" / "佐证材料目录.xlsx", "[2022-03-26]")):
        rows = list(load_workbook(sheet).active.iter_rows(min_row=2, values_only=True))
        header, speech = rows[0], next(r for r in rows[1:] if r[rows[0].index("题名")] == "书记在创建办会部署会讲话")
        assert speech[header.index("日期")] == date, sheet
        assert "日期据网页发布时间推定" in speech[header.index("备注")], sheet
