"""The shared unit list: packaged default, workspace override, an office's own list."""
from __future__ import annotations

import json

import pytest
from conftest import REPO

from dangan.errors import DanganError
from dangan.read.understand.units import DEFAULT_UNITS, Unit, UnitList, load_units, units_from_records

DEPARTMENTS = REPO.parent / "shared" / "data" / "cepingtixi" / "departments.json"


def test_default_list_has_a_districts_usual_units():
    units = load_units(None)
    assert units.source == str(DEFAULT_UNITS)
    names = units.names()
    for name in ("区委宣传部", "区创建办", "各街道", "各相关职能部门", "各挂点单位", "区城管局"):
        assert name in names
    assert len(names) == len(set(names))
    assert all(isinstance(u, Unit) and u.level for u in units.units)


@pytest.mark.parametrize(("said", "name"), [
    ("宣传部", "区委宣传部"),
    ("区委宣传部", "区委宣传部"),
    ("创文办", "区创建办"),
    ("区城市管理局", "区城管局"),
    ("相关职能部门", "各相关职能部门"),
    ("各街道办事处", "各街道"),
    ("我区各单位", "各单位"),
    ("市场监督管理局", "区市场监管局"),
    ("区纪委", "区纪委监委"),
])
def test_normalise_maps_spellings_to_the_listed_name(said, name):
    assert load_units(None).normalise(said) == name


def test_normalise_returns_none_for_what_is_not_a_unit():
    units = load_units(None)
    assert units.normalise("三级机关干部队伍") is None
    assert units.normalise("") is None


def test_find_names_every_unit_in_a_sentence():
    found = load_units(None).find("由区委宣传部牵头，各部门、各单位积极配合")
    assert [name for _, _, name in found] == ["区委宣传部", "各部门", "各单位"]


def test_workspace_units_toml_overrides_the_default(tmp_path):
    (tmp_path / "units.toml").write_text(
        '[[unit]]\nname = "南开区创文办"\naliases = ["创文办", "区创文办"]\nlevel = "临时机构"\n'
        '[[unit]]\nname = "鼓楼街道"\nlevel = "街道"\nparent = "南开区创文办"\n', encoding="utf-8")
    units = load_units(tmp_path)
    assert units.names() == ("南开区创文办", "鼓楼街道")
    assert units.normalise("创文办") == "南开区创文办"
    assert units.get("鼓楼街道").parent == "南开区创文办"
    assert units.normalise("区委宣传部") is None


def test_a_broken_units_toml_is_a_clear_chinese_error(tmp_path):
    (tmp_path / "units.toml").write_text("[[unit]]\nname = \n", encoding="utf-8")
    with pytest.raises(DanganError) as caught:
        load_units(tmp_path)
    assert "单位清单" in caught.value.message
    (tmp_path / "units.toml").write_text("[[unit]]\nlevel = \"部门\"\n", encoding="utf-8")
    with pytest.raises(DanganError, match="name"):
        load_units(tmp_path)


def test_an_offices_own_list_in_the_departments_json_shape():
    records = json.loads(DEPARTMENTS.read_text(encoding="utf-8"))
    units = units_from_records(records, source=str(DEPARTMENTS))
    assert isinstance(units, UnitList)
    assert units.normalise("区委宣传部") == "区委宣传部"
    assert units.normalise("鼓楼街道") == "鼓楼街道"
    assert units.get("鼓楼街道指挥部").level == "" and units.get("区发改委").level == "3"
    assert "南开区邮电局" in units.names()
    # "parent" in this list is a category code, not an id: no 指挥部 is another 指挥部's parent, no 社区 a 指挥部's
    assert units.get("诚信体系建设攻关指挥部").parent == ""
    assert not any(u.parent for u in units.units)


def test_a_parent_id_of_a_higher_level_is_kept():
    records = [{"id": "1", "name": "鼓楼街道", "level": "2", "parent": "-1"},
               {"id": "2", "name": "幸福社区", "level": "3", "parent": "1"},
               {"id": "3", "name": "和平社区", "level": "3", "parent": "1"}]
    units = units_from_records(records)
    assert units.get("幸福社区").parent == "鼓楼街道" and units.get("和平社区").parent == "鼓楼街道"
    records.append({"id": "4", "name": "团结社区", "level": "3", "parent": "4"})   # its own parent: codes, not ids
    assert not any(u.parent for u in units_from_records(records).units)
