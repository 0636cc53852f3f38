"""The audit trail as a clerk reads it: 收录/著录/登录…, 文件 12, 标题：旧 → 新.

The trail keeps its codes and ISO times (`--json` shows them as stored); `dangan audit`'s
lines and the web desk's 审计 page say them in these words (the page showed doc:24 and the
detail as JSON while the command line read 文件 24 and 角色：管理员；来源：命令行).
"""
from __future__ import annotations

from typing import Any

from dangan.archive.audit import action_name
from dangan.fields import LABELS

OBJECTS = {"doc": "文件", "user": "用户", "submission": "报送", "package": "资料包", "dossier": "汇编",
           "originals": "原件导出", "task": "任务", "draft": "纪要草稿", "catalogue": "归档文件目录",
           "year": "年度"}
WHOLE_OBJECTS = {"gaps": "缺项清单", "ledger": "督办台账"}
DETAIL_NAMES = {
    **LABELS, "name": "文件名", "source": "来源", "inbox": "收件箱", "address": "地址", "reason": "原因",
    "failures": "失败次数", "role": "角色", "unit": "单位", "disabled": "停用", "format": "格式",
    "documents": "件数", "problems": "问题", "query": "检索式", "taxonomy": "测评体系", "originals": "附原件",
    "ids": "编号", "rows": "行数", "owner": "责任单位", "show": "范围", "content": "测评内容",
    "requirement": "申报要求", "task": "任务", "state": "状态", "document": "文件", "folded": "并入的文件", "with": "另一件",
    "moved": "移交到保留的一件",
    "variant": "异版", "status": "状态", "evidence": "佐证", "items": "测评项目", "tags": "照片说明",
    "text": "内容", "owners": "责任单位", "lead": "牵头单位", "leaders": "责任领导", "deadline": "完成时限",
    "frequency": "频次",
    "tasks": "任务", "units": "单位", "year": "年度", "range": "档号",
    "seals": "电子签章", "notes": "读取提示", "reader": "读取程序", "attachments": "OFD/PDF 附件",
    "stored_name": "压缩包内原名",
}
VALUES = {"pending": "待审核", "accepted": "已归档", "returned": "已退回", "rejected": "不予采用",
          "added": "已收录", "duplicate": "重复", "failed": "失败", "tar": "归档包", "dir": "文件夹",
          "open": "未完成", "done": "已完成", "clerk": "办公室", "admin": "管理员", "unit": "责任单位",
          "viewer": "检查组", "cli": "命令行", "web": "网页工作台", "password-file": "旧密码文件"}
SHOWN_ITEMS = 5   # of a list (the ids of an export): the first few, then 等 N 个


def object_text(obj: str | None) -> str:
    """doc:12 → 文件 12, user:wang → 用户 wang; a path (backup, restore) as it is."""
    if not obj:
        return "—"
    if obj in WHOLE_OBJECTS:
        return WHOLE_OBJECTS[obj]
    kind, sep, rest = obj.partition(":")
    return f"{OBJECTS[kind]} {rest}" if sep and kind in OBJECTS else obj


def value_text(value: Any) -> str:
    if value is None or value == "" or value == [] or value == {}:
        return "（空）"
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, list):
        shown = "、".join(value_text(v) for v in value[:SHOWN_ITEMS])
        return shown + (f" 等 {len(value)} 个" if len(value) > SHOWN_ITEMS else "")
    if isinstance(value, dict):
        return "，".join(f"{DETAIL_NAMES.get(k, k)}={value_text(v)}" for k, v in value.items())
    return VALUES.get(value, str(value)) if isinstance(value, str) else str(value)


def detail_text(detail: dict[str, Any] | None) -> str:
    """{"before": {"title": "旧"}, "after": {"title": "新"}} → 标题：旧 → 新; other details as 名称：值."""
    if not detail:
        return ""
    before, after = detail.get("before"), detail.get("after")
    rest = {k: v for k, v in detail.items() if k not in ("before", "after")}
    parts = []
    if isinstance(before, dict) and isinstance(after, dict):
        for key in dict.fromkeys([*before, *after]):
            parts.append(f"{DETAIL_NAMES.get(key, key)}：{value_text(before.get(key))} → {value_text(after.get(key))}")
    elif isinstance(after, dict):
        rest = {**after, **rest}
    if isinstance(rest.get("moved"), dict):   # what a clerk's 同文异版 merge moved onto the one kept
        from dangan.archive.variants_merge import moved_lines

        rest["moved"] = "；".join(moved_lines(rest["moved"]))
    parts += [f"{DETAIL_NAMES.get(k, k)}：{value_text(v)}" for k, v in rest.items() if v not in (None, "", [], {})]
    return "；".join(parts)


def entry_line(row: dict[str, Any], local_time: Any) -> str:
    """One entry: 编号, local time, user, 操作, 对象, 详情, two spaces apart (scripts read --json)."""
    parts = [f"{row['id']}.", local_time(row["at"]), row["user"], action_name(row["action"]),
             object_text(row["object"]), detail_text(row["detail"])]
    return "  ".join(part for part in parts if part)
