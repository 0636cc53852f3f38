"""click's own usage errors, said in Chinese (click ships no zh catalogue).

Only the messages a clerk meets are translated; anything else is shown as
click wrote it, after `错误：`.
"""
from __future__ import annotations

import re

_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p), r) for p, r in (
    (r"^Invalid value for (.+?): '(.*)' is not a valid integer\.?$", r"参数 \1 的值无效：“\2”不是整数。"),
    (r"^Invalid value for (.+?): '?(.*?)'? is not a valid integer range\.?$", r"参数 \1 的值无效：“\2”不是整数。"),
    (r"^Invalid value for (.+?): '(.*)' is not a valid float\.?$", r"参数 \1 的值无效：“\2”不是数字。"),
    (r"^Invalid value for (.+?): '(.*)' does not match the formats? (.*)\.$", r"参数 \1 的值无效：“\2”应写成 \3。"),
    (r"^Invalid value for (.+?): '(.*)' is not one of (.*)\.$", r"参数 \1 的值无效：“\2”不在可选值 \3 之中。"),
    (r"^Invalid value for (.+?): (-?\d+) is not in the range (-?\d+)<=x<=(-?\d+)\.$",
     r"参数 \1 的值无效：\2 不在 \3–\4 之间。"),
    (r"^Invalid value for (.+?): (-?[\d.]+) is not in the range x>=(-?[\d.]+)\.$", r"参数 \1 的值无效：\2 小于 \3。"),
    (r"^Invalid value for (.+?): (-?[\d.]+) is not in the range x<=(-?[\d.]+)\.$", r"参数 \1 的值无效：\2 大于 \3。"),
    (r"^Invalid value for (.+?): (?:Path|File|Directory) '(.*)' does not exist\.$", r"路径不存在：\2"),
    (r"^Invalid value for (.+?): (?:Path|File) '(.*)' is a directory\.$", r"“\2”是文件夹，这里需要文件。"),
    (r"^Invalid value for (.+?): (?:Path|Directory) '(.*)' is a file\.$", r"“\2”是文件，这里需要文件夹。"),
    (r"^Invalid value for (.+?): (.*)$", r"参数 \1 的值无效：\2"),
    (r"^Missing argument '([^']+)'\.$", r"缺少参数 \1。"),
    (r"^Missing option '([^']+)'\.$", r"缺少选项 \1。"),
    (r"^Missing command\.$", r"缺少命令。"),
    (r"^No such option:? '?([^'\s]+?)'?\.? \(?Did you mean(?: one of:)? (.+?)\??\)?$", r"没有选项 \1（是不是要用：\2？）"),
    (r"^No such option:? '?([^'\s]+?)'?\.?$", r"没有选项 \1。"),
    (r"^No such command '([^']+)'\.\s*\(?Did you mean(?: one of:)? (.+?)\??\)?$", r"没有命令 \1（是不是要用：\2？）"),
    (r"^No such command '([^']+)'\.$", r"没有命令 \1。"),
    (r"^Got unexpected extra arguments? \((.*)\)$", r"多余的参数：\1"),
    (r"^Option '([^']+)' requires an argument\.$", r"选项 \1 需要一个值。"),
    (r"^Option '([^']+)' does not take a value\.$", r"选项 \1 不带值。"),
))

# Words a clerk types for a command that has another name (the web desk is `serve`, not `web`):
# an unknown command that is one of them is answered with the command meant.
COMMAND_WORDS = {
    "web": "serve", "server": "serve", "desk": "serve", "网页": "serve", "工作台": "serve",
    "list": "search", "ls": "search", "find": "search", "query": "search", "检索": "search", "查找": "search",
    "import": "ingest", "add": "ingest", "收录": "ingest", "catalogue": "catalog", "目录": "catalog",
    "纪要": "minutes", "汇编": "dossier", "迎检": "dossier", "备份": "backup", "恢复": "restore", "核对": "check",
    "统计": "stats", "监视": "watch", "审计": "audit", "档号": "archive", "著录": "tag", "台账": "tasks",
    "缺项": "gaps", "导出": "export", "打包": "package", "账号": "user", "审核": "review",
}


# click appends the choices to a missing option or argument: "Missing option '--role'. Choose from:\n\tadmin,\n\t…"
_CHOICES = re.compile(r"\.\s*Choose from:\s*(.+)$", re.DOTALL)


def translate(message: str) -> str:
    choices = _CHOICES.search(message)
    if choices:
        listed = "、".join(c.strip() for c in choices.group(1).split(",") if c.strip())
        head = translate(message[:choices.start()] + ".")
        return f"{head.rstrip('。')}（可选：{listed}）。"
    for pattern, replacement in _PATTERNS:
        if pattern.match(message):
            text = pattern.sub(replacement, message).replace("'", "").replace(", ", "、")
            return (text.replace("%Y-%m-%d", "YYYY-MM-DD").replace("%H:%M:%S", "hh:mm:ss")
                    .replace("%H:%M", "hh:mm"))
    return message
