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
    (r"^No such option:? '?([^'\s]+?)'?\.? \(?Did you mean(?: one of:)? (.+?)\??\)?$", r"没有选项 \1（是不是要用：\2？）"),
    (r"^No such option:? '?([^'\s]+?)'?\.?$", r"没有选项 \1。"),
    (r"^No such command '([^']+)'\.\s*\(?Did you mean(?: one of:)? (.+?)\??\)?$", r"没有命令 \1（是不是要用：\2？）"),
    (r"^No such command '([^']+)'\.$", r"没有命令 \1。"),
    (r"^Got unexpected extra arguments? \((.*)\)$", r"多余的参数：\1"),
    (r"^Option '([^']+)' requires an argument\.$", r"选项 \1 需要一个值。"),
    (r"^Option '([^']+)' does not take a value\.$", r"选项 \1 不带值。"),
))


def translate(message: str) -> str:
    for pattern, replacement in _PATTERNS:
        if pattern.match(message):
            text = pattern.sub(replacement, message).replace("'", "").replace(", ", "、")
            return (text.replace("%Y-%m-%d", "YYYY-MM-DD").replace("%H:%M:%S", "hh:mm:ss")
                    .replace("%H:%M", "hh:mm"))
    return message
