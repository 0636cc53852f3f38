"""`tag` and `show` as a clerk meets them, on real files: empty values and explicit clearing, the
words of GB/T 9704, photo times, hand-entered values, local times in `show` and `audit`, estimated
page counts, and where a watched file went."""
from __future__ import annotations

import json
import re
import shutil
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from clerk_desk import BEIJING, JILIN_NO_PAGES, MEETINGS, SHANGHAI, UNDATED, dangan, shown

from dangan.errors import ExitCode


def test_an_empty_value_is_refused_and_clearing_is_explicit(clerk_desk) -> None:
    home, ids = clerk_desk
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


@pytest.fixture
def beijing_clock(monkeypatch: pytest.MonkeyPatch):
    """The machine's clock set to 北京时间 for one test."""
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield ZoneInfo("Asia/Shanghai")
    monkeypatch.delenv("TZ")
    time.tzset()


def test_show_and_audit_speak_local_time_and_chinese(clerk_desk, beijing_clock) -> None:
    home, ids = clerk_desk
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


def test_audit_shows_a_tag_as_before_and_after(clerk_desk) -> None:
    home, ids = clerk_desk
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


def test_show_says_which_page_counts_are_estimates(clerk_desk) -> None:
    home, ids = clerk_desk
    estimate = "（估算：按 A4 每页 22 行 × 28 字）"
    text = dangan(home, "show", str(ids[BEIJING.name])).output
    assert re.search(rf"页数：\d+{re.escape(estimate)}", text)
    with_statistics = dangan(home, "show", str(ids[SHANGHAI.name])).output
    assert "页数：30\n" in with_statistics and "估算" not in with_statistics     # docProps/app.xml <Pages>
    without = shown(home, ids[JILIN_NO_PAGES])
    assert without["pages_estimated"] is True and without["pages"] > 1
    assert f"页数：{without['pages']}{estimate}" in dangan(home, "show", str(ids[JILIN_NO_PAGES])).output


def test_a_photo_time_is_checked_like_a_date(clerk_desk) -> None:
    home, ids = clerk_desk
    doc = str(ids[JILIN_NO_PAGES])
    assert "日期无效：明天" in dangan(home, "tag", doc, "--set", "时间=明天", code=ExitCode.USAGE).output
    late = dangan(home, "tag", doc, "--set", "拍摄时间=2024-06-05 25:00", code=ExitCode.USAGE).output
    assert "时刻应在 00:00 到 23:59 之间" in late and "拍摄时间写成 2024-06-05 14:30" in late
    assert "拍摄时间：2024-06-05 14:30:00" in dangan(home, "tag", doc, "--set", "时间=2024年6月5日 14:30").output
    assert shown(home, int(doc))["taken_at"] == "2024-06-05T14:30:00"                # as EXIF gives it
    assert "拍摄时间：2024-06-05 14:30:00（手工著录）\n" in dangan(home, "show", doc).output
    dangan(home, "tag", doc, "--clear", "时间")
    assert shown(home, int(doc))["taken_at"] is None


def test_show_marks_hand_entered_values_and_the_retention(clerk_desk) -> None:
    home, ids = clerk_desk
    doc = str(ids[SHANGHAI.name])
    dangan(home, "tag", doc, "--set", "发文机关=上海市人民政府", "--item", "A01")
    dangan(home, "archive", "--year", "2025", "--fonds", "0194", "--retention", "Y")
    page = dangan(home, "show", doc).output
    assert "发文机关：上海市人民政府（手工著录）\n" in page and "成文日期：2025-01-15\n" in page
    assert re.search(r"档号：0194-WS·2025-Y-BGS-\d{4}（保管期限：永久）\n", page)
    facets = dangan(home, "search", "上海", "--facets").output
    assert "测评项目：A01 社区综合达标(1)" in facets


@pytest.mark.parametrize(("pair", "ok"), [
    ("密级=机密★1年", True), ("密级=内部", True), ("密级=很高", False),
    ("紧急程度=特急", True), ("紧急程度=急", False),
])
def test_secrecy_and_urgency_take_the_words_of_gb_t_9704(clerk_desk, pair: str, ok: bool) -> None:
    home, ids = clerk_desk
    result = dangan(home, "tag", str(ids[MEETINGS[1]]), "--set", pair, code=0 if ok else ExitCode.USAGE)
    if ok:
        assert pair.replace("=", "：") in result.output
    else:
        assert "不是可用的写法" in result.output and "提示：" in result.output


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
