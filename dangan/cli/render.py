"""Human-readable output for the CLI (rich on a terminal, plain text in a pipe)."""
from __future__ import annotations

import json
import sys
from typing import Any

from rich.console import Console
from rich.markup import escape as markup_escape
from rich.table import Table

from dangan.fields import FACET_LABELS, LABELS, STAT_LABELS, format_name
from dangan.text.clock import local_time
from dangan.text.paths import terminal_safe

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)  # a long 提示 stays one line in a pipe


def escape(text: str) -> str:
    """Text from files and documents, safe for rich markup and for the terminal."""
    return markup_escape(terminal_safe(text))


def step(text: str) -> None:
    """One step of a long job, on stderr with the time, so a clerk sees it is still working."""
    from datetime import datetime

    err.print(f"{datetime.now():%H:%M:%S} {escape(text)}……")


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")
    sys.stdout.flush()


FACET_NAMES = FACET_LABELS
FIELD_NAMES = LABELS


def seal_text(seal: dict[str, Any]) -> str:
    """An electronic seal as a clerk reads it: the organ it names (else its name as the seal holds it), its full
    name when that says more, when it was signed (local time) and on which page."""
    organ, name = seal.get("organ") or "", seal.get("name") or ""
    parts = [organ or name]
    if organ and name != organ:
        parts.append(f"印章名称 {name}")
    if when := local_time(seal.get("signed_at")):
        parts.append(f"签章时间 {when}")
    if seal.get("page"):
        parts.append(f"第 {seal['page']} 页")
    return "，".join(parts)


def evidence_text(row: dict[str, Any]) -> str:
    """Ⅲ-28 政务公开 第1条（手工；全国文明城市测评体系（2015年版·城区））"""
    how = ORIGINS.get(row["origin"], row["origin"])
    how += f" {row['confidence']:.2f}" if row["origin"] == "auto" and row.get("confidence") is not None else ""
    where = f"；{row['taxonomy_name'] or row['taxonomy']}"
    return f"{row['content']} {row['name']}".strip() + (f" 第{row['req']}条" if row["req"] else "") + f"（{how}{where}）"


def document(data: dict[str, Any], text_chars: int = 600) -> None:
    """`show`: the elements with Chinese labels, the format as clerks name it, times in local time."""
    origins = data.get("meta_origin") or {}
    for key, label in FIELD_NAMES.items():
        value = data.get(key)
        if key == "pages" and value and data.get("pages_estimated"):
            value = f"{value}（估算：按 A4 每页 22 行 × 28 字）"
        elif key == "mime" and value:
            value = format_name(value)
            if data.get("photo_evidence"):
                value += f"（照片佐证：文件中 {len(data['pictures'])} 张图片，文字只是说明）"
        elif key in ("ingested_at", "taken_at"):
            value = local_time(value)
        elif key == "archival_code" and value and data.get("retention") in RETENTION_NAMES:
            value = f"{value}（保管期限：{RETENTION_NAMES[data['retention']]}）"
        if key in origins and value and origins[key].get("origin") in MANUAL_ORIGINS:
            value = f"{value_text(value)}（{MANUAL_ORIGINS[origins[key]['origin']]}）"
        if value not in (None, "", {}, []):
            out.print(f"[bold]{label}[/bold]：{escape(value_text(value))}")
    if data.get("ocr_failed"):
        out.print(f"[bold][red]文字识别失败[/red][/bold]：图片或扫描页无法读取，正文为空；原件已保存。"
                  f"换用完整的原件重新收录，或运行 dangan ocr {data['id']} 重试。")
    if data.get("ocr_pages"):
        confidence = f"，平均置信度 {data['ocr_confidence']:.1%}" if data.get("ocr_confidence") is not None else ""
        out.print(f"[bold]识别文字[/bold]：{page_ranges(data['ocr_pages'])}的正文为识别所得{confidence}，"
                  "引用前请与原件核对。")
    for row in data.get("evidence") or []:
        out.print(f"[bold]佐证[/bold]：{escape(evidence_text(row))}")
    for seal in data.get("seals") or []:
        out.print(f"[bold]电子签章[/bold]：{escape(seal_text(seal))}")
    for note in data.get("warnings") or []:
        out.print(f"[bold]读取提示[/bold]：{escape(note)}")
    if data.get("older_reader"):
        when = f"（{local_time(data['reader']['read_at'])}）" if data.get("reader") else ""
        out.print(f"[bold]识别[/bold]：由较早版本的读取程序识别{when}，可运行 dangan reread {data['id']} "
                  "用当前版本重新识别（手工著录的值不变）。")
    out.print("[bold]来源[/bold]：")
    for source in data.get("sources", []):
        out.print(f"  {escape(source.get('shown') or source['path'])}{SOURCE_NOTES.get(_inbox_kind(source.get('inbox')), '')}")
        if source.get("name_note"):
            out.print(f"    （{escape(source['name_note'])}）")
    if data.get("original"):
        out.print(f"[bold]存档原件[/bold]：{escape(data['original'])}")
    if data.get("members"):
        out.print(f"[bold]压缩包内的文件[/bold]：{len(data['members'])} 件，各自收录为一件文件：")
        for member in data["members"]:
            out.print(f"  {escape(member['member'])} → 编号 {member['id']}  {escape(member['title'] or '')}")
    if data.get("attachments"):
        kind = "PDF" if data.get("mime") == "application/pdf" else "OFD"
        apart = any(member.get("filed_apart") for member in data["attachments"])
        out.print(f"[bold]{kind} 附件[/bold]：{len(data['attachments'])} 个，各自收录、可单独检索，归档时与本文件为一件"
                  f"{'（注明“另为一件”的除外）' if apart else ''}：")
        for member in data["attachments"]:
            out.print(f"  {escape(member['member'])} → 编号 {member['id']}  {escape(member['title'] or '')}"
                      f"{attachment_apart(member)}")
    if parent := data.get("attachment_of"):
        out.print(f"[bold]所属件[/bold]：{attachment_line(parent)}")
    for variant in data.get("variants", []):
        out.print(f"[bold]同文异版[/bold]：{escape(variant['original_name'])}（正文相同，字节不同；"
                  f"原件 {escape(variant['original'])}）")
    for other in data.get("same_text_candidates", []):
        why = (f"，{escape(other['kept_apart'])}，核对后可用 dangan variants --join {data['id']} {other['id']} --keep 编号 "
               "指定保留的一件合并（另一件的处理移过去）" if other["kept_apart"] else "，可用 dangan variants --join 合并")
        out.print(f"[bold]同文异版候选[/bold]：与 {other['id']}《{escape(other['title'])}》正文相同而分别收录{why}；"
                  f"不是同一文件的用 dangan variants --dismiss {data['id']} {other['id']} 标明")
    text = data.get("text") or ""
    pictures = data.get("pictures") or []
    out.print("[bold]正文[/bold]：")
    if not text.strip():
        if pictures:
            out.print("（文件本身没有文字，只有图片：图片文字见下）")
        elif data.get("ocr_failed"):
            out.print("（没有文字：文字识别失败，见上）")
        else:
            out.print("（尚无文字：扫描件或照片，运行 dangan ocr "
                      f"{data['id']} 识别）" if data.get("needs_ocr") else "（没有提取到文字）")
    else:
        out.print(escape(text[:text_chars]) + ("…" if len(text) > text_chars else ""))
    if pictures:
        picture_texts(data, pictures, text_chars)


def picture_texts(data: dict[str, Any], pictures: list[dict[str, Any]], text_chars: int) -> None:
    """`show`: 图片文字, what OCR read in each picture of a Word or PowerPoint file, in document order."""
    out.print(f"[bold]图片文字[/bold]：文件中 {len(pictures)} 张图片的识别文字（引用前请与原件核对）")
    for picture in pictures:
        size = f"{picture['width']}×{picture['height']} 像素"
        said = "\n    ".join(line for line in picture["text"].strip().splitlines() if line.strip())
        if picture["origin"] == "none" and not said:
            state = "识别失败" if data.get("ocr_failed") else f"待识别，运行 dangan ocr {data['id']}"
            out.print(f"  图 {picture['number']}（{size}）：（{state}）")
            continue
        shown = escape(said[:text_chars]) + ("…" if len(said) > text_chars else "") if said else "（未识别出文字）"
        out.print(f"  图 {picture['number']}（{size}）：{shown}")


SOURCE_NOTES: dict[str | None, str] = {"folder": "（经收件箱收录，已从收件箱移走）", "web": "（网页上传）", "review": "（责任单位报送）"}


def _inbox_kind(inbox: str | None) -> str | None:
    """An inbox is a folder the watcher empties, or the desk's uploads (web) or hand-ins (review)."""
    if not inbox:
        return None
    return "folder" if inbox.startswith("/") else inbox


def page_ranges(pages: list[int]) -> str:
    """[1, 2, 3, 5] → 第 1–3、5 页."""
    spans: list[list[int]] = []
    for page in sorted(pages):
        if spans and page == spans[-1][1] + 1:
            spans[-1][1] = page
        else:
            spans.append([page, page])
    return "第 " + "、".join(f"{a}–{b}" if b > a else str(a) for a, b in spans) + " 页"


MANUAL_ORIGINS = {"manual": "手工著录", "folder": "按文件夹默认", "import": "随清单导入"}
RETENTION_NAMES = {"Y": "永久", "D30": "定期30年", "D10": "定期10年"}


def key_values(data: dict[str, Any], names: dict[str, str] | None = None) -> None:
    for key, value in data.items():
        if value is None:
            continue
        label = (names or {}).get(key, key)
        out.print(f"[bold]{escape(label)}[/bold]：{escape(value_text(value))}")


ORIGINS = {"manual": "手工", "auto": "自动", "folder": "文件夹"}


def value_text(value: Any) -> str:
    """A field's value as a clerk reads it: 是/否, 社区=青龙镇, A05 市容环境卫生整治（自动 0.997）."""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dict):   # counts as 报告 12, tags as 社区=青龙镇
        return "  ".join(f"{k} {v}" if isinstance(v, int) else f"{k}={v}" for k, v in value.items()) or "—"
    if isinstance(value, (list, tuple)):
        return "；".join(_item_text(v) for v in value) or "—"
    return str(value)


def stats_lines(data: dict[str, Any]) -> None:
    by_format: dict[str, int] = {}
    for mime, count in (data.get("by_mime") or {}).items():
        by_format[format_name(mime)] = by_format.get(format_name(mime), 0) + count
    # desk_advice is the desk's wording of 建议 (a button, not a command): the CLI shows its own
    key_values({key: value for key, value in {**data, "by_mime": by_format}.items() if key != "desk_advice"},
               STAT_NAMES)


def _item_text(item: Any) -> str:
    if isinstance(item, dict) and "code" in item:
        how = ORIGINS.get(item.get("origin") or "", item.get("origin") or "")
        # a score is the reader's confidence: a hand's link has none to tell (it read 手工 1.000)
        score = (f" {item['score']:.3f}" if isinstance(item.get("score"), (int, float))
                 and item.get("origin") not in MANUAL_ORIGINS else "")
        return f"{item['code']} {item.get('name') or ''}".strip() + (f"（{how}{score}）" if how or score else "")
    return value_text(item)


STAT_NAMES = STAT_LABELS


def attachment_line(parent: dict[str, Any]) -> str:
    """Whose attachment a document is, and the 件 it is filed in (show, search): the CLI's and the desk's words."""
    said = f"{parent.get('kind', 'OFD')} 文件 编号 {parent['ofd']}《{escape(parent['title'] or '')}》的附件（{escape(parent['member'])}）"
    if not parent["filed"]:
        return said + "；此前已单独编有档号，档号编定后不收回，仍单独为一件"
    code = f"，档号 {parent['archival_code']}" if parent["archival_code"] else "，尚未编档号"
    return said + f"，与其正文为一件{code}"


def attachment_apart(member: dict[str, Any]) -> str:
    """After an attachment that is a 件 of its own (show): why, and its 档号."""
    if not member.get("filed_apart"):
        return ""
    code = f"档号 {member['archival_code']}" if member.get("archival_code") else "尚未编档号"
    return f"（另为一件：{member['apart_reason']}，{code}）"


def ingest_summary(data: dict[str, Any]) -> None:
    busy = f"，正在写入未收录 {len(data['busy'])} 件" if data.get("busy") else ""
    out.print(f"收录 {data['ingested']} 件，重复 {data['duplicates']} 件，"
              f"失败 {len(data['failed'])} 件，待文字识别 {len(data['needs_ocr'])} 件{busy}。")
    if data.get("system_files"):
        from dangan.intake.system_files import summary

        out.print(escape(summary([item["kind"] for item in data["system_files"]])))
    if data.get("archive_members"):   # 22 files given, 25 outcomes: say where the other 3 came from
        out.print(f"以上含压缩包内的文件 {data['archive_members']} 个，每个计为一件；压缩包本身另计一件。")
    if data.get("pdf_attachments"):
        out.print(f"以上含 PDF 附件 {data['pdf_attachments']} 个，各自收录、可单独检索；归档时与其 PDF 正文为一件，"
                  "不另编档号。")
    if data.get("ofd_attachments"):
        out.print(f"以上含 OFD 附件 {data['ofd_attachments']} 个，各自收录、可单独检索；归档时与其 OFD 正文为一件，"
                  "不另编档号。")
    if data.get("same_text"):
        out.print(f"其中同文异版 {len(data['same_text'])} 件：正文与已收录的文件相同（编码或另存不同），"
                  "原件已另存并链接到原文件，不另计件、不另编档号。")
    if data.get("repaired"):
        ids = "、".join(str(r["id"]) for r in data["repaired"])
        out.print(f"其中 {len(data['repaired'])} 件的存档原件缺失或已损坏，已用这次收录的文件重新存档（文件 {ids}）。")
    read = [o for o in data.get("ocr") or () if not o.get("error")]
    scans = [o for o in read if not o.get("pictures")]
    if scans:
        out.print(f"已识别 {len(scans)} 件扫描件或照片的文字，共 {sum(o['pages'] for o in scans)} 页。")
    if office := [o for o in read if o.get("pictures")]:
        out.print(f"已识别 {len(office)} 件 Word/演示文稿中图片的文字，共 {sum(o['pages'] for o in office)} 张"
                  "（图片文字可检索，dangan show 可见）。")
    for o in data.get("ocr") or ():
        if o.get("error"):
            out.print(f"  [red]文字识别失败[/red] 文件 {o['document_id']}{escape(o['error'])}（文件已收录，文字未识别；"
                      f"可补录著录项，或换用完整的原件后运行 dangan ocr {o['document_id']}）")
    if data.get("ocr_unavailable"):
        out.print(f"[yellow]未能识别文字[/yellow]：{escape(data['ocr_unavailable'])}")
    if noted := data.get("warnings") or []:
        ids = "、".join(str(item["id"]) for item in noted[:10]) + (" 等" if len(noted) > 10 else "")
        out.print(f"其中 {len(noted)} 件读取时有提示（正文已照常读取），可用 dangan show 查看：编号 {ids}。")
    waiting = data.get("needs_conversion") or []
    for item in waiting:
        out.print(f"  [yellow]待转换[/yellow] {escape(item['path'])}")
    if waiting:
        out.print(escape(waiting[0]["reason"] or ""))
    for item in data.get("busy") or ():
        out.print(f"  [yellow]正在写入[/yellow] {escape(item['path'])}：{escape(item['reason'] or '')}")
    for failure in data["failed"]:
        out.print(f"  [red]失败[/red] {escape(failure['path'])}：{escape(failure['reason'] or '')}")
    if data["failed"]:
        out.print("失败的文件已复制到工作区的 quarantine/ 文件夹，旁附原因说明。")


def undated_note(undated: dict[str, Any], shown: int = 10) -> None:
    """`archive`: documents without a 成文日期 are in no year; how many, why, which, and how to date them."""
    if not undated["count"]:
        return
    reasons = "；".join(f"{reason} {count} 件" for reason, count in undated["reasons"].items())
    ids = "、".join(str(row["id"]) for row in undated["documents"][:shown])
    more = " 等（全部编号见 --json）" if undated["count"] > shown else ""
    out.print(f"另有 {undated['count']} 件文件没有成文日期，未编入任何年度，也未编档号（{escape(reasons)}）。")
    out.print(f"  编号：{ids}{more}")
    out.print(f"  {escape(undated['hint'])}")


def ocr_summary(outcomes: list[dict[str, Any]]) -> None:
    if not outcomes:
        out.print("没有待文字识别的文件。")
    for o in outcomes:
        if o.get("error"):
            out.print(f"[red]文字识别失败[/red] 文件 {o['document_id']}：{escape(o['error'])}"
                      "（文件已收录，文字未识别）")
            continue
        unit = "张图片" if o.get("pictures") else "页"
        if not o["pages"] and not o.get("skipped_pages"):
            none = "没有待识别的图片" if o.get("pictures") else "没有需要识别文字的页（各页已有文字层）"
            out.print(f"文件 {o['document_id']}：{none}，未作识别。")
            if o.get("no_pictures"):
                out.print(f"  文件中没有登记待识别的图片；收录早于图片识别的 Word/演示文稿，可运行 dangan reread "
                          f"{o['document_id']} --ocr 读取其中的图片。")
            continue
        confidence = f"{o['confidence']:.1%}" if o["confidence"] is not None else "—"
        out.print(f"文件 {o['document_id']}：识别 {o['pages']} {unit}，{o['chars']} 字，平均置信度 {confidence}")
        if o.get("skipped_pages"):
            out.print(f"  另有 {o['skipped_pages']} {unit}超过每件页数上限（dangan.toml 的 [ocr] max_pages），未识别")
        if o.get("same_as"):
            out.print(f"  同文异版：识别出的正文与第 {o['same_as']} 件相同，已并为其另一原件（原件保留，不重复编号）")
        elif o.get("same_text_kept"):
            out.print(f"  同文异版：{escape(o['same_text_kept'])}")


def check_report(data: dict[str, Any]) -> None:
    if data["ok"]:
        out.print(f"核对通过：{data['documents']} 件原件齐全，索引一致。")
    else:
        from dangan.ops.check import problem_lines

        out.print(f"[red]发现 {len(data['problems'])} 个问题：[/red]")
        for line in problem_lines(data["problems"]):
            out.print(f"  {escape(line)}")
    if data.get("advice"):
        out.print(f"建议：{escape(data['advice'])}")


def minutes_summary(data: dict[str, Any]) -> None:
    stats = data.get("stats") or {}
    out.print(f"[bold]{escape(data['title'])}[/bold]（{data.get('date') or '日期未定'}）")
    if data.get("opening"):
        out.print(escape(data["opening"]))
    for point in data.get("points", []):
        out.print(f"{escape(point['number'])}{escape(point['heading'])} {escape(point['text'])}")
        for sub in point.get("subpoints", []):
            out.print(f"  {escape(sub['label'])}{escape(sub['heading'])} {escape(sub['text'])}")
    if stats.get("speech_chars"):
        out.print(f"正文 {stats['body_chars']} 字，为讲话稿 {stats['speech_chars']} 字的 {stats['ratio']:.0%}。")
    if data.get("stored", True):
        out.print(f"任务 {len(data['tasks'])} 项已存入督办台账（重新起草会替换本纪要未完成的任务）。")
        if data.get("replaced"):
            out.print(f"[yellow]本次会议此前起草的未完成任务 {data['replaced']} 项已被替换"
                      "（已标记完成的任务保留不变）。[/yellow]")
    else:
        out.print(f"试起草：任务 {len(data['tasks'])} 项，未存入督办台账。")
    if data.get("docx"):
        out.print(f"纪要已生成：{escape(data['docx'])}")


def task_table(rows: list[dict[str, Any]]) -> None:
    from dangan.compose import ledger  # here: it loads the spreadsheet and template machinery

    if not rows:
        out.print("没有任务。")
        return
    table = Table(show_lines=False, title=f"督办台账（{len(rows)} 项）")
    leaders = any(row.get("leaders") for row in rows)   # 责任领导 only when some task names one
    for name in ("编号", "任务", "责任单位", *([ledger.LEADERS] if leaders else []), "完成时限", "频次", "状态"):
        table.add_column(name, overflow="fold")
    for row in rows:
        table.add_row(str(row["id"]), escape(row["text"]), escape(ledger.owners_cell(row) or "（未定）"),
                      *([escape(ledger.leaders_cell(row))] if leaders else []),
                      row.get("deadline") or "", escape(row.get("frequency") or ""),
                      "已完成" if row["status"] == "done" else "未完成")
    out.print(table)
