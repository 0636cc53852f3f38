"""档号 (dangan.archive.codes) and the 归档文件目录 (dangan.compose.catalogue), XLSX and DOCX."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document as open_docx
from openpyxl import load_workbook

from dangan.archive.catalog import Catalog
from dangan.archive.codes import ArchivalCodeError, assign_codes, format_code, parse_code
from dangan.cli import cli
from dangan.compose.catalogue import COLUMNS, eight_digits, write_catalogue
from dangan.errors import DanganError
from dangan.intake.batch import ingest_paths
from dangan.workspace import Workspace

Filed = tuple[Workspace, list[int]]
Row = tuple[str, str | None, str | None, str | None]   # title, 文号, 责任者, 成文日期
CODE = re.compile(r"^0194-WS·2022-D30-BGS-\d{4}$")
DOCS = (  # title, 文号, 责任者, 成文日期 (None: undated)
    ("关于开展文明交通劝导活动的通知", "区创建办〔2022〕5号", "区创建办", "2022-05-10"),
    ("关于公益广告设置情况的通报", "区创建办〔2022〕2号", "区创建办", "2022-02-14"),
    ("社区综合达标工作方案", "区文明委〔2022〕1号", "区文明委", "2022-03-26"),
    ("2021年创建工作总结", "区创建办〔2021〕9号", "区创建办", "2021-12-30"),
    ("志愿服务照片说明", None, None, None),
)


def add_documents(ws: Workspace, folder: Path, docs: tuple[Row, ...]) -> list[int]:
    """Small text files ingested, their elements set by hand."""
    folder.mkdir(parents=True, exist_ok=True)
    ids = []
    for index, (title, number, issuer, day) in enumerate(docs):
        path = folder / f"{index:02d}_{title}.txt"
        path.write_text(f"{title}\n\n各社区、各单位：\n现将有关事项通知如下。（{folder.name}）\n", encoding="utf-8")
        doc_id = ingest_paths(ws, [path]).results[0].document_id
        with Catalog(ws.catalog_path) as catalog:
            catalog.update_fields(doc_id, {"title": title, "doc_number": number, "issuer": issuer,
                                           "doc_date": day}, origin="manual")
        ids.append(doc_id)
    return ids


@pytest.fixture
def filed(workspace: Workspace, tmp_path: Path) -> Filed:
    return workspace, add_documents(workspace, tmp_path / "docs", DOCS)


def codes_by_id(ws: Workspace) -> dict[int, str | None]:
    with Catalog(ws.catalog_path) as catalog:
        return dict(catalog.conn.execute("SELECT id, archival_code FROM documents"))


def test_codes_follow_date_order_and_pattern(filed: Filed) -> None:
    ws, ids = filed
    with Catalog(ws.catalog_path) as catalog:
        report = assign_codes(catalog, 2022, "0194", org_code="bgs")
    codes = codes_by_id(ws)
    assert [row["code"] for row in report.assigned] == [f"0194-WS·2022-D30-BGS-{n:04d}" for n in (1, 2, 3)]
    assert codes[ids[1]].endswith("-0001") and codes[ids[2]].endswith("-0002") and codes[ids[0]].endswith("-0003")
    assert all(CODE.match(codes[i]) for i in ids[:3])
    assert codes[ids[3]] is None and codes[ids[4]] is None   # 2021, undated
    assert [row["id"] for row in report.undated] == [ids[4]]      # in no year's list, reported apart
    assert parse_code(codes[ids[0]]).number == 3
    assert format_code("0194", 2022, "Y", "BGS", 12) == "0194-WS·2022-Y-BGS-0012"


def test_numbers_are_stable_and_new_documents_get_the_next(filed: Filed, tmp_path: Path) -> None:
    ws, ids = filed
    with Catalog(ws.catalog_path) as catalog:
        assign_codes(catalog, 2022, "0194")
        before = codes_by_id(ws)
        again = assign_codes(catalog, 2022, "0194")
    assert again.assigned == [] and len(again.kept) == 3 and codes_by_id(ws) == before
    (late,) = add_documents(ws, tmp_path / "late", (("补充：一月份创建工作简报", "创建简报第1期", "区创建办",
                                                     "2022-01-05"),))
    with Catalog(ws.catalog_path) as catalog:
        report = assign_codes(catalog, 2022, "0194")
        permanent = assign_codes(catalog, 2021, "0194", retention="Y")
    after = codes_by_id(ws)
    assert [row["id"] for row in report.assigned] == [late]
    assert after[late] == "0194-WS·2022-D30-BGS-0004"       # next number, although dated earliest
    assert {k: v for k, v in after.items() if k != late} == {**before, ids[3]: "0194-WS·2021-Y-BGS-0001"}
    assert permanent.assigned[0]["code"] == "0194-WS·2021-Y-BGS-0001"


def test_bad_arguments_are_usage_errors(filed: Filed) -> None:
    ws, _ = filed
    with Catalog(ws.catalog_path) as catalog:
        for kwargs in ({"fonds": ""}, {"fonds": "01/94"}, {"fonds": "0194", "retention": "D20"},
                       {"fonds": "0194", "org_code": "办公室"}):
            with pytest.raises(ArchivalCodeError):
                assign_codes(catalog, 2022, **kwargs)  # type: ignore[arg-type]
    assert codes_by_id(ws) == dict.fromkeys(codes_by_id(ws))


def test_catalogue_xlsx(filed: Filed, tmp_path: Path) -> None:
    ws, ids = filed
    with Catalog(ws.catalog_path) as catalog:
        assign_codes(catalog, 2022, "0194")
    result = write_catalogue(ws, 2022, tmp_path / "目录.xlsx")
    sheet = load_workbook(result.path).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0].startswith("归档文件目录")
    assert rows[1] == COLUMNS == ("序号", "档号", "文号", "责任者", "题名", "日期", "密级", "页数", "备注")
    body = rows[2:]
    assert [r[0] for r in body] == [1, 2, 3]
    assert [r[1] for r in body] == [f"0194-WS·2022-D30-BGS-{n:04d}" for n in (1, 2, 3)]
    assert [r[5] for r in body] == ["20220214", "20220326", "20220510"]
    assert all(re.fullmatch(r"\d{8}", r[5]) for r in body)
    assert body[0][2:5] == ("区创建办〔2022〕2号", "区创建办", "关于公益广告设置情况的通报")
    assert sheet.page_setup.orientation == "landscape" and sheet.print_title_rows == "$2:$2"


def test_catalogue_docx_is_landscape(filed: Filed, tmp_path: Path) -> None:
    ws, _ = filed
    with Catalog(ws.catalog_path) as catalog:
        assign_codes(catalog, 2022, "0194", retention="Y")
    add_documents(ws, tmp_path / "new", (("新收文件", "区创建办〔2022〕8号", "区创建办", "2022-06-01"),))
    result = write_catalogue(ws, 2022, tmp_path / "目录.docx")
    document = open_docx(str(result.path))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (297, 210)
    table = document.tables[0]
    assert tuple(c.text for c in table.rows[0].cells) == COLUMNS
    rows = [[c.text for c in row.cells] for row in table.rows[1:]]
    assert [r[1] for r in rows] == [f"0194-WS·2022-Y-BGS-{n:04d}" for n in (1, 2, 3)] + [""]
    assert rows[-1][8] == "未编档号；页数为估算" and all(re.fullmatch(r"\d{8}", r[5]) for r in rows)
    assert result.rows == 4 and result.coded == 3
    # the 题名 is the widest column and the table fills the line between the side margins
    widths = [round(c.width.mm) for c in table.columns]
    assert max(widths) == widths[COLUMNS.index("题名")], widths
    line = section.page_width.mm - section.left_margin.mm - section.right_margin.mm
    assert abs(sum(widths) - line) <= 1, (widths, line)


def test_eight_digits() -> None:
    assert eight_digits("2022-03-26") == "20220326"
    assert eight_digits("2022-03") == "20220300"
    assert eight_digits(None) == ""


def test_cli_archive_and_catalog(filed: Filed, tmp_path: Path) -> None:
    ws, ids = filed
    runner = CliRunner()
    home = ["--home", str(ws.home)]
    done = runner.invoke(cli, [*home, "archive", "--year", "2022", "--fonds", "0194", "--json"],
                         catch_exceptions=False)
    assert done.exit_code == 0, done.output
    data = json.loads(done.output)
    assert len(data["assigned"]) == 3 and "成文日期" in data["undated"]["documents"][0]["reason"]
    text = runner.invoke(cli, [*home, "archive", "--year", "2022", "--fonds", "0194"], catch_exceptions=False)
    assert "新编档号 0 件" in text.output and "原有档号 3 件" in text.output
    kept = runner.invoke(cli, [*home, "archive", "--year", "2022"], catch_exceptions=False)
    assert kept.exit_code == 0 and "原有档号 3 件" in kept.output     # the 全宗号 given above is the workspace's now
    out = tmp_path / "目录.xlsx"
    listed = runner.invoke(cli, [*home, "catalog", "--year", "2022", "--out", str(out)], catch_exceptions=False)
    assert listed.exit_code == 0 and out.is_file() and "3 件" in listed.output
    wrong = runner.invoke(cli, [*home, "catalog", "--year", "2022", "--out", str(tmp_path / "目录.csv")])
    assert wrong.exit_code == 3 and ".xlsx" in wrong.output


def test_errors_are_dangan_errors() -> None:
    assert issubclass(ArchivalCodeError, DanganError)


def test_catalogue_pdf_keeps_each_code_and_date_on_one_line(filed: Filed, tmp_path: Path) -> None:
    """Printed through LibreOffice (as `dossier --pdf` does), a 档号 and an 8-digit 日期 are never
    broken over two lines of their cell (a clerk reads 202205 / 10 as two numbers)."""
    import pypdfium2

    from dangan.compose.topdf import to_pdf

    ws, _ = filed
    with Catalog(ws.catalog_path) as catalog:
        assign_codes(catalog, 2022, "0194", retention="D30")
    result = write_catalogue(ws, 2022, tmp_path / "目录.docx")
    pdf = pypdfium2.PdfDocument(str(to_pdf(result.path, tmp_path / "pdf")))
    try:
        page = pdf[0]
        lines = {line.strip() for line in page.get_textpage().get_text_range().splitlines()}
    finally:
        pdf.close()
    text = "\n".join(lines)
    for n in (1, 2, 3):
        assert any(f"0194-WS·2022-D30-BGS-{n:04d}" in line for line in lines), text
    for day in ("20220214", "20220326", "20220510"):
        assert any(day in line for line in lines), text


def test_a_title_taken_from_the_file_name_is_bracketed_as_supplied(workspace: Workspace, tmp_path: Path) -> None:
    """DA/T 22-2015 7.7: a 自拟 title is written in [ ]. A text with no heading stands under its file's name (the
    reader's stand-in): bracketed, until a clerk enters a title; a heading the text bears that happens to be the
    file's name too is the document's own: not bracketed."""
    from dangan.compose.catalogue import catalogue_rows

    folder = tmp_path / "in"
    folder.mkdir()
    untitled = folder / "03_创城督查整改情况.txt"
    untitled.write_text("各社区、各单位：\n现将5月督查发现的问题整改情况通报如下，请抓紧落实。\n区创建办\n2022年5月20日\n",
                        encoding="utf-8")
    headed = folder / "关于开展文明交通劝导活动的通知.txt"
    headed.write_text("关于开展文明交通劝导活动的通知\n\n各社区、各单位：\n现将有关事项通知如下。\n区创建办\n"
                      "2022年5月10日\n", encoding="utf-8")
    ids = [r.document_id for r in ingest_paths(workspace, [untitled, headed]).results]
    with Catalog(workspace.catalog_path) as catalog:
        assert [catalog.get(i).title for i in ids] == ["创城督查整改情况", "关于开展文明交通劝导活动的通知"]
        titles = {row["title"] for row in catalogue_rows(catalog, 2022)}
        assert titles == {"[创城督查整改情况]", "关于开展文明交通劝导活动的通知"}
        catalog.update_fields(ids[0], {"title": "关于5月创城督查问题整改情况的通报"}, origin="manual")
        titles = {row["title"] for row in catalogue_rows(catalog, 2022)}
        assert "关于5月创城督查问题整改情况的通报" in titles and not any(t.startswith("[") for t in titles)
