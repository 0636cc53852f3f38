"""How a reread reads to a clerk: its outcomes counted per field and kind, and the CLI's and the desk's
summary line (重新识别 250 件：发文机关 清除 3 件、标题 更正 5 件、未变 230 件)."""
from __future__ import annotations

from collections import Counter
from typing import Any

from dangan.fields import LABELS

# How a change reads to a clerk (the CLI's summary, the desk's 状态 page): 发文机关 补全 12 件.
NAMES = {**LABELS, "seals": "电子签章", "notes": "读取提示", "text": "正文", "items": "测评项目", "pages": "页数",
         "attachments": "OFD/PDF 附件"}
KINDS = {"filled": "补全", "corrected": "更正", "cleared": "清除"}
ORDER = ("title", "doc_number", "issuer", "doc_date", "doc_type", "recipients", "cc", "secrecy", "urgency",
         "posted_date", "taken_at", "seals", "notes", "pages", "text", "items", "attachments")


def summary(outcomes: list[dict[str, Any]]) -> dict[str, Any]:
    """Counts over outcomes (as `to_dict` gives them): the documents changed per field and kind
    ({"issuer": {"filled": 12}}), changed, unchanged, failed, skipped, with a value kept as a person set it, with
    a 成文日期 kept for the 档号 given by it."""
    fields: dict[str, Counter[str]] = {}
    for o in outcomes:
        for change in o["changes"]:
            fields.setdefault(change["field"], Counter())[change["kind"]] += 1
    read = [o for o in outcomes if not o["error"] and not o["skipped"]]
    return {"documents": len(outcomes), "changed": sum(1 for o in read if o["changes"]),
            "unchanged": sum(1 for o in read if not o["changes"]),
            "failed": sum(1 for o in outcomes if o["error"]), "skipped": sum(1 for o in outcomes if o["skipped"]),
            "kept_manual": sum(1 for o in outcomes if o["kept"]), "kept_coded": sum(1 for o in outcomes if o["held"]),
            "fields": {key: dict(fields[key]) for key in ORDER if key in fields}}


def summary_text(figures: dict[str, Any]) -> str:
    """重新识别 250 件：发文机关 清除 3 件、标题 更正 5 件、未变 230 件；已编档号，成文日期保留 1 件。"""
    counted = [f"{NAMES[key]} {KINDS[kind]} {n} 件" for key, kinds in figures["fields"].items()
               for kind, n in kinds.items()]
    held = f"；已编档号，成文日期保留 {figures['kept_coded']} 件" if figures.get("kept_coded") else ""
    return f"重新识别 {figures['documents']} 件：" + "、".join([*counted, f"未变 {figures['unchanged']} 件"]) + held + "。"
