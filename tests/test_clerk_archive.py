"""`archive` and `catalog` as a clerk meets them, on real files: the undated document, the 全宗号,
a 档号 that stays in its year, estimated page counts in the 归档文件目录."""
from __future__ import annotations

import json
from pathlib import Path

from clerk_desk import BEIJING, UNDATED, dangan, shown

from dangan.errors import ExitCode


def test_archive_puts_an_undated_document_in_no_year_and_says_how_to_date_it(clerk_desk) -> None:
    home, ids = clerk_desk
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


def test_catalogue_marks_estimated_page_counts(clerk_desk, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    home, _ = clerk_desk
    out = tmp_path / "2025年归档文件目录.xlsx"
    dangan(home, "catalog", "--year", "2025", "--out", str(out))
    rows = {row[4]: row for row in load_workbook(out).active.iter_rows(min_row=3, values_only=True)}
    assert rows["2025年上海市政府工作报告"][7] == 30 and "估算" not in (rows["2025年上海市政府工作报告"][8] or "")
    jilin = next(row for title, row in rows.items() if "吉林" in (title or ""))
    assert "页数为估算" in jilin[8]


def test_a_code_stays_in_its_year_when_the_date_is_corrected(clerk_desk, tmp_path: Path) -> None:
    """DA/T 22: a 档号 never changes; a corrected 成文日期 neither moves the document to another year's list
    nor leaves it in none, and the clerk is told."""
    from openpyxl import load_workbook

    home, ids = clerk_desk
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


def test_archive_without_a_fonds_says_what_is_missing(clerk_desk) -> None:
    home, _ = clerk_desk
    missing = dangan(home, "archive", "--year", "2025", code=ExitCode.USAGE).output
    assert "错误：档号参数有误：还没有全宗号" in missing and "--fonds" in missing
    bad = dangan(home, "archive", "--year", "2025", "--fonds", "01/94", code=ExitCode.USAGE).output
    assert "全宗号“01/94”应为 1–12 位字母或数字" in bad and "'" not in bad


def test_the_fonds_given_once_is_kept_for_the_next_year(clerk_desk) -> None:
    """Day one `archive --year 2025 --fonds 0194`, day two `archive --year 2024`: 还没有全宗号, though the
    desk's 归档 page keeps what it was given in dangan.toml. The CLI keeps it there too, and says so."""
    home, _ = clerk_desk
    first = dangan(home, "archive", "--year", "2025", "--fonds", "0194", "--org-code", "cjb").output
    assert "全宗号 0194、机构代码 CJB 已存入工作区设置（dangan.toml），以后编档号时默认使用。" in first
    assert 'fonds = "0194"          # 全宗号，例如 "0194"' in (home / "dangan.toml").read_text(encoding="utf-8")
    second = json.loads(dangan(home, "archive", "--year", "2026", "--json").output)
    assert second["assigned"] and all(r["code"].startswith("0194-WS·2026-D30-CJB-") for r in second["assigned"])
    assert second["settings_saved"] is False                  # the same codes: nothing written again
    assert "已存入" not in dangan(home, "archive", "--year", "2024").output
