"""`dangan dossier`, `package`, `archive`, `catalog`: 迎检资料汇编, 资料包, 档号, 归档文件目录."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from dangan.cli import render
from dangan.cli.common import json_option, workspace
from dangan.errors import DanganError
from dangan.workspace import Workspace


def selection_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """--item, --taxonomy, --query, --type, --from, --to: what goes into a dossier or a package."""
    for option in reversed((
        click.option("--item", "items", multiple=True,
                     help="测评项目或测评内容代码（如 Ⅰ-11、Ⅲ-77），可多次给出，每项测评内容一部分。"),
        click.option("--taxonomy", "taxonomy_name", metavar="体系",
                     help="按测评体系的测评内容编排并编号（如 national-2015）；不给 --item 时收入全部已有材料的测评内容；"
                          "什么都不选时按工作区的测评体系（dangan.toml 的 [taxonomy] edition）。"),
        click.option("--query", help="检索式（同 dangan search），与 --item 同时给出时取交集。"),
        click.option("--type", "doc_type", help="文种，如 通知。"),
        click.option("--from", "date_from", help="日期起，如 2022-01-01。"),
        click.option("--to", "date_to", help="日期止，如 2022-12-31。"),
    )):
        fn = option(fn)
    return fn


@click.command()
@selection_options
@click.option("--title", help="封面标题（默认：创建全国文明城市迎检资料汇编）。")
@click.option("--unit", help="编制单位（默认取 dangan.toml 的 unit）。")
@click.option("--template", type=click.Path(dir_okay=False, path_type=Path), help="自定义汇编模板（.docx）。")
@click.option("--with-originals", is_flag=True,
              help="在书末附入全部原件：DOCX 原样，PDF 逐页成图，文本、表格转为 PDF 页面，照片原图。")
@click.option("--pdf", is_flag=True, help="同时用 LibreOffice 生成 PDF，并把页码填入目录。")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path),
              help="输出 DOCX 路径（默认：工作区 out/ 下的“标题_编制日期.docx”，与网页下载的文件名相同）。")
@json_option
@workspace
def dossier(ws: Workspace, items: tuple[str, ...], taxonomy_name: str | None, query: str | None,
            doc_type: str | None, date_from: str | None, date_to: str | None, title: str | None, unit: str | None,
            template: Path | None, with_originals: bool, pdf: bool, out: Path | None, as_json: bool) -> None:
    """编制迎检资料汇编（DOCX）：封面、目录、测评材料提交表、按编号排列的佐证材料目录、摘录与照片。

    \b
    例：
      dangan dossier --taxonomy national-2015 --out 迎检资料汇编.docx --pdf
      dangan dossier --taxonomy national-2015 --item Ⅰ-11 --with-originals --out 生态环境.docx
      dangan dossier --item A01 --item A02 --out 迎检资料汇编.docx
      dangan dossier --query '"垃圾分类"' --from 2022-01-01 --title 垃圾分类工作资料汇编 --out 垃圾分类.docx
      dangan dossier --item A03 --with-originals --pdf --out 资料收集整理.docx --json
      dangan dossier --taxonomy national-2015    # 写到 out/创建全国文明城市迎检资料汇编_20220326.docx
    """
    from dangan.compose.dossier import make_dossier
    from dangan.compose.dossier_name import default_dossier_out
    from dangan.read.understand.taxonomy import evidence_taxonomy

    if out is None:
        ws.out.mkdir(parents=True, exist_ok=True)
        out = default_dossier_out(ws.out, title)

    result = make_dossier(ws, out, items=items, query=query, doc_type=doc_type, date_from=date_from,
                          date_to=date_to, title=title, unit=unit, template=template,
                          with_originals=with_originals, pdf=pdf, progress=None if as_json else render.step,
                          taxonomy=evidence_taxonomy(ws, taxonomy_name, whole=not (
                              items or query or doc_type or date_from or date_to))).to_dict()
    if as_json:
        render.print_json(result)
        return
    render.out.print(f"已生成汇编：{result['docx']}")
    # 页 counts the materials' own pages (as the 编制说明 does), not the dossier's: say whose they are
    photos = f"，其中照片 {result['photos']} 张" if result["photos"] else ""
    render.out.print(f"共 {result['sections']} 个部分，收录材料 {result['documents']} 件（原件共 {result['pages']} 页）"
                     f"{photos}。")
    if result.get("pdf"):
        render.out.print(f"PDF：{result['pdf']}")
    if result["classified"]:
        render.out.print(f"注意：汇编中有 {len(result['classified'])} 件标有密级，涉密文件不得随迎检资料提供，除非保密规定允许。"
                         "请核对：不应提供的，用 dangan tag 编号 --remove-item 代码 取下后重新生成；"
                         "密级著录有误的，用 dangan tag 编号 --set 密级=… 更正：")
        for doc in result["classified"]:
            render.out.print(f"  编号 {doc['id']} {render.escape(doc['title'])}（{render.escape(doc['secrecy'])}）")


@click.command()
@selection_options
@click.option("--out", required=True, type=click.Path(path_type=Path), help="输出文件夹（新建）或 .zip 文件。")
@json_option
@workspace
def package(ws: Workspace, items: tuple[str, ...], taxonomy_name: str | None, query: str | None,
            doc_type: str | None, date_from: str | None, date_to: str | None, out: Path, as_json: bool) -> None:
    """打包佐证材料原件：每项测评内容一个文件夹，文件名为“编号_题名”（如 Ⅲ-77-1)-①_…），附佐证材料目录（XLSX）。

    \b
    例：
      dangan package --taxonomy national-2015 --out 迎检资料
      dangan package --item A01 --item A02 --out 迎检资料
      dangan package --query 志愿服务 --out 志愿服务资料.zip
    """
    from dangan.compose.package import make_package
    from dangan.read.understand.taxonomy import evidence_taxonomy

    result = make_package(ws, out, items=items, query=query, doc_type=doc_type, date_from=date_from,
                          date_to=date_to, taxonomy=evidence_taxonomy(ws, taxonomy_name, whole=not (
                              items or query or doc_type or date_from or date_to))).to_dict()
    if as_json:
        render.print_json(result)
        return
    render.out.print(f"已打包 {result['documents']} 件材料（{result['files']} 个文件）：{result['path']}")
    for name in result["missing"]:
        render.err.print(f"原件缺失，未打包：{render.escape(name)}")


@click.command()
@click.option("--year", required=True, type=int, help="年度（按成文日期）。")
@click.option("--fonds", help="全宗号（默认取 dangan.toml 的 fonds：网页工作台“归档”页编档号时所填的全宗号存在这里）。")
@click.option("--retention", type=click.Choice(["Y", "D30", "D10"]),
              help="保管期限：Y 永久、D30 定期30年、D10 定期10年（默认沿用已定的，否则 D30）。")
@click.option("--org-code", help="机构（问题）代码（默认取 dangan.toml 的 org_code，归档页所填的同样存在这里）。")
@json_option
@workspace
def archive(ws: Workspace, year: int, fonds: str | None, retention: str | None, org_code: str | None,
            as_json: bool) -> None:
    """编档号（DA/T 22-2015）：给该年度尚无档号的文件按日期顺序编件号；已编的档号不变。

    \b
    例：
      dangan archive --year 2022 --fonds 0194 --retention D30
      dangan archive --year 2022 --org-code CJB --json
    """
    from dangan.archive.catalog import Catalog
    from dangan.archive.codes import assign_codes
    from dangan.workspace import save_settings

    fonds, org_code = (fonds or ws.settings.fonds).strip(), (org_code or ws.settings.org_code).strip().upper()
    with Catalog(ws.catalog_path) as catalog:
        report = assign_codes(catalog, year, fonds, retention=retention, org_code=org_code).to_dict()
    # the codes given become the workspace's, as the desk's 归档 page keeps them: the next year's
    # `dangan archive --year` needs no --fonds again (it said 还没有全宗号 the day after)
    report["settings_saved"] = (fonds, org_code) != (ws.settings.fonds, ws.settings.org_code)
    if report["settings_saved"]:
        try:
            save_settings(ws, "workspace", {"fonds": fonds, "org_code": org_code})
        except (DanganError, OSError) as exc:   # the codes stand; only the settings file was not written
            report["settings_saved"] = False
            render.err.print(f"档号已编，但全宗号 {fonds}、机构代码 {org_code} 未能存入工作区设置 dangan.toml："
                             f"{exc.message if isinstance(exc, DanganError) else exc}")
    if as_json:
        render.print_json(report)
        return
    for row in report["assigned"]:
        render.out.print(f"{row['code']}  {render.escape(row['title'] or '')}")
    render.out.print(f"{year} 年度：新编档号 {len(report['assigned'])} 件，原有档号 {report['kept']} 件保持不变。")
    if report["inferred"]:
        render.out.print(f"其中 {report['inferred']} 件正文未写成文日期，年度据网页发布时间推定（目录中日期加方括号，如 "
                         "[2022-03-26]）；核实后可用 dangan tag 编号 --set 成文日期=… 补录。")
    if report["batches"]:
        render.out.print(f"另有 {report['batches']} 个压缩包按其中已收录的文件归档，压缩包本身不另编档号。")
    if report["attached"]:
        render.out.print(f"OFD/PDF 附件 {report['attached']} 件随其正文归档（正文与附件为一件），不另编档号。")
    if report["attachments_kept"]:
        render.out.print(f"另有 OFD/PDF 附件 {report['attachments_kept']} 件此前已单独编有档号，档号编定后不收回，"
                         "仍各为一件。")
    render.undated_note(report["undated"])
    if report["settings_saved"]:
        render.out.print(f"全宗号 {fonds}、机构代码 {org_code} 已存入工作区设置（dangan.toml），以后编档号时默认使用。")


@click.command("catalog")
@click.option("--year", required=True, type=int, help="年度（按成文日期）。")
@click.option("--retention", type=click.Choice(["Y", "D30", "D10"]), help="只列一种保管期限。")
@click.option("--template", type=click.Path(dir_okay=False, path_type=Path), help="自定义目录模板（仅 DOCX）。")
@click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="输出路径：.xlsx 或 .docx（横向 A4）。")
@json_option
@workspace
def catalog_command(ws: Workspace, year: int, retention: str | None, template: Path | None, out: Path,
                    as_json: bool) -> None:
    """导出归档文件目录：序号、档号、文号、责任者、题名、日期、密级、页数、备注。

    \b
    例：
      dangan catalog --year 2022 --out 2022年归档文件目录.xlsx
      dangan catalog --year 2022 --retention Y --out 永久卷目录.docx
    """
    from dangan.compose.catalogue import write_catalogue

    result = write_catalogue(ws, year, out, retention=retention, template=template).to_dict()
    if as_json:
        render.print_json(result)
        return
    render.out.print(f"已导出 {year} 年度归档文件目录：{result['rows']} 件（已编档号 {result['coded']} 件）→ "
                     f"{result['path']}")
    if result["undated"]:
        render.out.print(f"另有 {result['undated']} 件文件没有成文日期，不在任何年度的目录中；"
                         "dangan archive --year 年度 列出其编号和原因，补录成文日期后即可编入。")


COMMANDS = [dossier, package, archive, catalog_command]
