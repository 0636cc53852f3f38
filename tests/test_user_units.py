"""`dangan user add --unit`: the unit is held to the workspace's unit list (units.py, load_units)."""
from __future__ import annotations

import json

from click.testing import CliRunner

from dangan.cli import cli
from dangan.workspace import init_workspace


def dangan(home, *args: str, code: int = 0):  # type: ignore[no-untyped-def]
    result = CliRunner().invoke(cli, ["--home", str(home), *args], catch_exceptions=code != 0)
    assert result.exit_code == code, result.output
    return result


def flat(text: str) -> str:
    return "".join(text.split())


def stored_units(home) -> dict[str, str | None]:  # type: ignore[no-untyped-def]
    return {row["name"]: row["unit"] for row in json.loads(dangan(home, "user", "list", "--json").output)["users"]}


def test_unit_off_the_list_is_refused_with_close_names_and_an_alias_is_stored_by_its_name(tmp_path) -> None:
    home = init_workspace(tmp_path / "ws").home
    password = tmp_path / "pw.txt"
    password.write_text("a-long-password\n", encoding="utf-8")
    add = ("user", "add")
    pw = ("--password-file", str(password))
    # An alias on the default list is stored under the list's name, and the clerk is told so.
    said = flat(dangan(home, *add, "xuanchuan", "--role", "unit", "--unit", "宣传部", *pw).output)
    assert "单位按单位名单记为区委宣传部（输入的是宣传部）" in said
    said = flat(dangan(home, *add, "caizheng", "--role", "unit", "--unit", "区财政局", *pw).output)
    assert "区财政局" in said and "记为" not in said
    # A unit the list does not hold: refused, with the names meant, and no account is made.
    for typed, meant in (("宣传局", "区委宣传部"), ("区财务局", "区财政局"), ("区宣传部", "区委宣传部")):
        said = flat(dangan(home, *add, "x" + str(len(typed)), "--role", "unit", "--unit", typed, *pw, code=3).output)
        assert f"单位不在单位名单中：{typed}（是不是" in said and meant in said, said
        assert "units.toml" in said
    said = flat(dangan(home, *add, "mars", "--role", "unit", "--unit", "火星开发局", *pw, code=3).output)
    assert "单位不在单位名单中：火星开发局" in said and "是不是" not in said
    assert stored_units(home) == {"xuanchuan": "区委宣传部", "caizheng": "区财政局"}
    # The workspace's own list replaces the default one: a unit only the default holds is refused there.
    (home / "units.toml").write_text(
        '[[unit]]\nname = "南开区文学艺术界联合会"\naliases = ["区文联"]\nlevel = "人民团体"\nparent = ""\n',
        encoding="utf-8")
    said = flat(dangan(home, *add, "wenlian", "--role", "unit", "--unit", "区文联", *pw).output)
    assert "记为南开区文学艺术界联合会" in said
    said = flat(dangan(home, *add, "jiaoyu", "--role", "unit", "--unit", "区教育局", *pw, code=3).output)
    assert "单位不在单位名单中：区教育局" in said and str(home / "units.toml") in said.replace(" ", "")
    said = flat(dangan(home, *add, "wenlian2", "--role", "unit", "--unit", "文学艺术界联合会", *pw, code=3).output)
    assert "是不是南开区文学艺术界联合会" in said
    assert set(stored_units(home)) == {"xuanchuan", "caizheng", "wenlian"}
