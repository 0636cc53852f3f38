"""`dangan units import`: the office's own unit list (the real task system's departments.json) into the
workspace. Its 社区 and 攻关指挥部 are on no default list, so `user add --unit 官易里社区` was refused until
someone wrote units.toml by hand."""
from __future__ import annotations

import json
from pathlib import Path

from cli_run import dangan

DEPARTMENTS = Path(__file__).resolve().parents[2] / "shared" / "data" / "cepingtixi" / "departments.json"


def test_the_offices_unit_list_is_imported_once_and_its_units_get_accounts(tmp_path: Path) -> None:
    home = tmp_path / "ws"
    dangan(home, "init")
    password = tmp_path / "pw.txt"
    password.write_text("correct horse 12\n", encoding="utf-8")
    refused = dangan(home, "user", "add", "gyl", "--role", "unit", "--unit", "官易里社区",
                     "--password-file", str(password), code=3)
    assert "单位不在单位名单中：官易里社区" in refused
    records = json.loads(DEPARTMENTS.read_text(encoding="utf-8"))
    names = {r["name"] for r in records}
    done = json.loads(dangan(home, "units", "import", str(DEPARTMENTS), "--json"))
    added = {a["name"]: a["level"] for a in done["added"]}
    assert added["官易里社区"] == "社区" and added["诚信体系建设攻关指挥部"] == "临时机构"
    assert len(added) + len({k["name"] for k in done["known"]}) == len(names)        # each name once, none lost
    assert {"name": "区委宣传部", "unit": "区委宣传部"} in done["known"] or "区委宣传部" not in names
    assert "已加入 1 个单位" not in dangan(home, "units", "import", str(DEPARTMENTS))
    again = json.loads(dangan(home, "units", "import", str(DEPARTMENTS), "--json"))
    assert again["added"] == [] and again["total"] == done["total"]
    assert "已添加用户 gyl（责任单位，官易里社区）" in dangan(home, "user", "add", "gyl", "--role", "unit", "--unit",
                                                   "官易里社区", "--password-file", str(password))
    listed = json.loads(dangan(home, "units", "list", "--json"))
    assert listed["source"].endswith("units.toml") and len(listed["units"]) == done["total"]
    assert "区委宣传部" in {u["name"] for u in listed["units"]}                          # the default list kept


def test_a_plain_list_of_names_and_a_bad_file(tmp_path: Path) -> None:
    home = tmp_path / "ws"
    dangan(home, "init")
    names = tmp_path / "单位.txt"
    names.write_text("鼓楼街道\n\n幸福里社区\n区委宣传部\n", encoding="utf-8")
    said = dangan(home, "units", "import", str(names))
    assert "已加入 2 个单位（街道 1 个、社区 1 个）" in said and "1 个已在名单中" in said
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    refused = dangan(home, "units", "import", str(bad), code=4)
    assert "错误：" in refused and "不是有效的 JSON" in refused and "Traceback" not in refused
    lines = tmp_path / "混杂.txt"
    lines.write_text("password123\n官易里社区\n", encoding="utf-8")
    mixed = dangan(home, "units", "import", str(lines))
    assert "已加入 1 个单位（社区 1 个）" in mixed and "另有 1 行不像单位名称（没有汉字），未加入：password123" in mixed
