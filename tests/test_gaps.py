"""Evidence under requirements and the 缺项清单: four texts land under their 测评内容, nothing else does."""
from __future__ import annotations

import csv
import json
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import PKULAW, REPO, SEED_SPEECH

from dangan.archive.catalog import Catalog
from dangan.archive.evidence_links import evidence_rows
from dangan.cli import cli
from dangan.compose.gaps import gap_report, write_gaps_xlsx
from dangan.intake.batch import ingest_paths
from dangan.read.understand.taxonomy import load_edition

LABELLED = REPO / "bench" / "data" / "items" / "written.toml"
FOUR = {"环境保护主题活动年度安排.txt": "Ⅲ-77", "区委常委会会议纪要_精神文明建设.txt": "Ⅲ-79",
        "权力清单和政务公开情况说明.txt": "Ⅲ-28", "区司法局普法工作总结.txt": "Ⅲ-29"}


def write_texts(folder: Path, names: set[str]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for doc in tomllib.loads(LABELLED.read_text(encoding="utf-8"))["doc"]:
        if doc["file"] in names:
            out.append(folder / doc["file"])
            out[-1].write_text(doc["text"], encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def national():
    return load_edition("national-2015")


def covered(report) -> set[str]:
    return {c["code"] for c in report.to_dict()["contents"] if c["covered"]}


def test_four_texts_land_under_their_contents_and_nothing_else(workspace, tmp_path, national) -> None:
    ingest_paths(workspace, [SEED_SPEECH, PKULAW], ocr=False)
    before = gap_report(workspace, national)
    assert before.total == len(national.contents()) >= 80
    assert covered(before) == set()                     # the speech and the notices evidence nothing here
    ingest_paths(workspace, write_texts(tmp_path / "texts", set(FOUR)), ocr=False)
    after = gap_report(workspace, national).to_dict()
    assert after["total"] == before.total and after["covered"] == 4
    assert {c["code"] for c in after["contents"] if c["covered"]} == set(FOUR.values())
    c77 = next(c for c in after["contents"] if c["code"] == "Ⅲ-77")
    assert c77["name"] == "公众参与" and len(c77["evidence"]) == 1
    assert [r["kind"] for r in c77["requirements"]] == ["规范文件", "说明报告、实景图片"]
    assert sum(1 for r in c77["requirements"] if r["evidence"]) == 1 and not c77["complete"]
    assert c77["documents"][0]["origin"] == "auto" and 0.6 <= c77["documents"][0]["confidence"] <= 1
    item = next(i for i in after["items"] if i["code"] == "Ⅰ-11")
    assert item["covered"] == 1 and item["total"] == sum(1 for c in national.contents() if c.item == "Ⅰ-11")
    with Catalog(workspace.catalog_path) as catalog:   # the proving passage is kept for the dossier
        link = evidence_rows(catalog, "national-2015", c77["evidence"][0])[0]
    assert "生态文明理念" in link["passage"]


def test_gaps_command_json_and_xlsx(workspace, tmp_path) -> None:
    ingest_paths(workspace, write_texts(tmp_path / "texts", {"权力清单和政务公开情况说明.txt"}), ocr=False)
    runner = CliRunner()
    home = ["--home", str(workspace.home)]
    result = runner.invoke(cli, [*home, "gaps", "--taxonomy", "national-2015", "--json"], catch_exceptions=False)
    data = json.loads(result.output)
    assert data["taxonomy"] == "national-2015" and data["total"] == len(data["contents"]) >= 80
    assert data["covered"] == 1 and set(data["contents"][0]) >= {"code", "name", "covered", "evidence",
                                                                  "requirements"}
    out = tmp_path / "缺项清单.xlsx"
    text = runner.invoke(cli, [*home, "gaps", "--taxonomy", "national-2015", "--missing", "--out", str(out)],
                         catch_exceptions=False).output
    assert "Ⅲ-28 政务公开" in text and "已有材料的测评内容 1/" in text
    from openpyxl import load_workbook

    sheet = load_workbook(out).active
    rows = list(sheet.iter_rows(min_row=3, values_only=True))
    assert sum(1 for r in rows if r[6] == "已有") == 1 and any(r[5] == "区委宣传部" for r in rows)
    # 序号 as the CLI and `tag --req N` count, the source's own marks (① ② ③ ① ② ④) beside where they differ
    every = tmp_path / "全部.xlsx"
    runner.invoke(cli, [*home, "gaps", "--taxonomy", "national-2015", "--out", str(every)], catch_exceptions=False)
    numbers = {code: [r[2] for r in load_workbook(every).active.iter_rows(min_row=3, values_only=True) if r[0] == code]
               for code in ("Ⅲ-1", "Ⅲ-2")}
    assert numbers == {"Ⅲ-1": ["1", "2", "3", "4（原编号①）", "5（原编号②）", "6（原编号④）"], "Ⅲ-2": ["1", "2", "3", "4"]}
    as_csv = tmp_path / "缺项清单.csv"
    runner.invoke(cli, [*home, "gaps", "--taxonomy", "national-2015", "--out", str(as_csv)], catch_exceptions=False)
    lines = list(csv.reader(as_csv.open(encoding="utf-8-sig", newline="")))
    assert lines[0][:2] == ["测评内容", "名称"] and len(lines) - 1 == len(rows)
    refused = runner.invoke(cli, [*home, "gaps", "--taxonomy", "national-2015", "--out", str(tmp_path / "g.txt")])
    assert refused.exit_code == 3 and "不支持的表格格式" in refused.output
    unknown = runner.invoke(cli, [*home, "gaps", "--taxonomy", "no-such"])
    assert unknown.exit_code == 3 and "未知的测评体系" in unknown.output


def test_the_district_nine_default_counts_the_aspects(workspace) -> None:
    ingest_paths(workspace, [SEED_SPEECH], ocr=False)
    report = gap_report(workspace, load_edition()).to_dict()
    assert report["taxonomy"] == "district-nine" and report["total"] == 9


def test_gaps_xlsx_of_the_default_edition(workspace, tmp_path) -> None:
    """district-nine's short name put the '/' of 4/9 into the sheet's name: Excel forbids it, and
    `dangan gaps --out 缺项.xlsx` on a workspace as `init` made it was an internal error."""
    from openpyxl import load_workbook

    ingest_paths(workspace, [SEED_SPEECH], ocr=False)
    out = tmp_path / "缺项.xlsx"
    result = CliRunner().invoke(cli, ["--home", str(workspace.home), "gaps", "--missing", "--out", str(out)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    sheet = load_workbook(out).active
    assert sheet["A1"].value.startswith("缺项清单（区级创建工作九个方面") and "/9 项" in sheet["A1"].value
    assert not set(sheet.title) & set('[]:*?/\\') and sheet.title.startswith("缺项清单")


def test_xlsx_writer_alone(workspace, tmp_path, national) -> None:
    path = write_gaps_xlsx(gap_report(workspace, national), tmp_path / "g.xlsx")
    assert path.is_file()


def test_manual_links_are_never_overwritten(workspace, tmp_path, national) -> None:
    ids = {r["path"].rsplit("/", 1)[-1]: r["id"] for r in ingest_paths(
        workspace, write_texts(tmp_path / "t", {"权力清单和政务公开情况说明.txt", "区司法局普法工作总结.txt"}),
        ocr=False).to_dict()["documents"]}
    runner = CliRunner()
    home = ["--home", str(workspace.home)]
    law, power = ids["区司法局普法工作总结.txt"], ids["权力清单和政务公开情况说明.txt"]
    out = runner.invoke(cli, [*home, "tag", str(law), "--item", "Ⅲ-77", "--req", "1", "--taxonomy",
                              "national-2015", "--json"], catch_exceptions=False)
    assert {"taxonomy": "national-2015", "content": "Ⅲ-77", "req": 1, "origin": "manual"} in \
        json.loads(out.output)["evidence"]
    runner.invoke(cli, [*home, "tag", str(power), "--remove-item", "Ⅲ-28", "--taxonomy", "national-2015"],
                  catch_exceptions=False)
    with Catalog(workspace.catalog_path) as catalog:       # even a full re-match keeps both decisions
        catalog.conn.execute("DELETE FROM evidence_runs")
    data = gap_report(workspace, national).to_dict()
    by_code = {c["code"]: c for c in data["contents"]}
    assert by_code["Ⅲ-77"]["requirements"][0]["evidence"] == [law]
    assert by_code["Ⅲ-29"]["evidence"] == [law]            # the automatic link stays beside the manual one
    assert not by_code["Ⅲ-28"]["covered"]                   # removed by hand: not brought back
    bad = runner.invoke(cli, [*home, "tag", str(law), "--item", "Ⅲ-77", "--req", "9", "--taxonomy",
                              "national-2015"])
    assert bad.exit_code == 3 and "没有第 9 条" in bad.output
    bad = runner.invoke(cli, [*home, "tag", str(law), "--item", "Ⅲ-999", "--taxonomy", "national-2015"])
    assert bad.exit_code == 3 and "未知的测评项目代码" in bad.output


def test_photo_caption_fields_are_editable(workspace, tmp_path) -> None:
    from PIL import Image

    photo = tmp_path / "活动.jpg"
    Image.new("RGB", (64, 48), "white").save(photo)
    doc_id = ingest_paths(workspace, [photo], ocr=False).to_dict()["documents"][0]["id"]
    runner = CliRunner()
    out = runner.invoke(cli, ["--home", str(workspace.home), "tag", str(doc_id), "--set", "时间=2024-06-05",
                              "--set", "地点=幸福里社区", "--set", "人物=社区志愿者", "--set", "事由=垃圾分类宣传",
                              "--json"], catch_exceptions=False)
    data = json.loads(out.output)
    assert data["caption"] == {"地点": "幸福里社区", "人物": "社区志愿者", "事由": "垃圾分类宣传"}
    with Catalog(workspace.catalog_path) as catalog:
        assert catalog.get(doc_id).taken_at.startswith("2024-06-05")


def test_search_and_export_take_the_taxonomy(workspace, tmp_path) -> None:
    ingest_paths(workspace, write_texts(tmp_path / "t", {"环境保护主题活动年度安排.txt", "区司法局普法工作总结.txt"}),
                 ocr=False)
    runner = CliRunner()
    home = ["--home", str(workspace.home)]
    found = json.loads(runner.invoke(cli, [*home, "search", "--taxonomy", "national-2015", "--item", "Ⅰ-11",
                                           "--json"], catch_exceptions=False).output)
    assert found["total"] == 1 and "环境保护" in found["results"][0]["title"]
    words = json.loads(runner.invoke(cli, [*home, "search", "普法", "--taxonomy", "national-2015", "--item",
                                           "Ⅲ-77", "--json"], catch_exceptions=False).output)
    assert words["total"] == 0                     # the word is in the other document only
    out = tmp_path / "exp"
    done = runner.invoke(cli, [*home, "export", "--out", str(out), "--taxonomy", "national-2015", "--item", "Ⅲ-29",
                               "--json"], catch_exceptions=False)
    assert json.loads(done.output)["documents"] == 1
    bad = runner.invoke(cli, [*home, "search", "--taxonomy", "national-2015", "--item", "Ⅲ-999"])
    assert bad.exit_code == 3 and "Ⅲ-999" in bad.output


def test_an_edition_without_requirements_claims_none_complete(workspace) -> None:
    """district-nine records no 网上申报要求: 迎检进度 said 申报要求齐全 4 (of nothing) beside 4/9, and gaps the same."""
    from dangan.web.app import create_app

    ingest_paths(workspace, [SEED_SPEECH], ocr=False)
    said = CliRunner().invoke(cli, ["--home", str(workspace.home), "gaps"], catch_exceptions=False).output
    assert said.rstrip().endswith("项；此体系未录入网上申报要求。") and "申报要求齐全" not in said
    page = create_app(workspace).test_client().get("/progress").get_data(as_text=True)
    assert '<span class="label">未录入网上申报要求</span>' in page and "申报要求齐全" not in page
    national = create_app(workspace).test_client().get("/progress?taxonomy=national-2015").get_data(as_text=True)
    assert '<span class="label">申报要求齐全</span>' in national
