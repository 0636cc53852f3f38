"""`-h` in Chinese: click writes its help frame in English (Usage, Options, [required],
Show this message and exit.) and ships no zh catalogue; this formatter says it in Chinese.

`chinese_help(cli)` gives every command the context that uses it, and Chinese names to
the arguments and value placeholders (DOC_ID → 编号, TEXT → 文字).
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

import click

HEADINGS = {"Options": "选项", "Commands": "命令", "Arguments": "参数"}
HELP = {"Show this message and exit.": "显示本帮助并退出。", "Show the version and exit.": "显示版本号并退出。"}
ARGUMENTS = {"doc_id": "编号", "doc_ids": "编号", "task_id": "任务编号", "number": "报送编号", "paths": "路径",
             "query": "检索式", "code": "代码", "name": "用户名", "source": "来源", "text": "任务内容",
             "numbers": "报送编号"}
PLACEHOLDERS = {"INTEGER RANGE": "整数", "FLOAT RANGE": "数", "TEXT": "文字", "INTEGER": "整数", "FLOAT": "数",
                "DIRECTORY": "文件夹", "FILE": "文件", "PATH": "路径", "FILENAME": "文件名", "BOOLEAN": "是否"}
PLACEHOLDER = re.compile(r"\b(" + "|".join(PLACEHOLDERS) + r")\b")
MARKS = ((re.compile(r"\[required\]"), "［必填］"), (re.compile(r"\[default: (.*?)\]"), r"［默认：\1］"),
         (re.compile(r"\[(.*?)\]$"), r"［\1］"), (re.compile(r"(-?[\d.]+)<=x<=(-?[\d.]+)"), r"\1–\2"),
         (re.compile(r"x>=(-?[\d.]+)"), r"≥\1"), (re.compile(r"; "), "；"))


class HelpFormatter(click.HelpFormatter):
    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, "用法：" if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{HEADINGS.get(heading, heading)}：\n")

    def write_dl(self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        """click's definition list, its columns measured in display width (a CJK character is two)."""
        rows = [(_term(term), _help(text)) for term, text in rows]
        widths = [display_width(term) for term, _ in rows]
        first = min(max(widths, default=0), col_max) + col_spacing
        indent = " " * self.current_indent
        for (term, text), width in zip(rows, widths, strict=True):
            self.write(f"{indent}{term}")
            if not text:
                self.write("\n")
                continue
            self.write(" " * (first - width) if width <= first - col_spacing else "\n" + indent + " " * first)
            lines = wrap(text, max(self.width - first - self.current_indent, 20))
            self.write(lines[0] + "\n")
            for line in lines[1:]:
                self.write(f"{indent}{' ' * first}{line}\n")


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


TOKEN = re.compile(r"[!-~]+|\s+|.")    # a run of ASCII (a word, an option, a path) is never cut
NO_LINE_START = set("，。；：、）」』】》！？”")   # closing punctuation stays on the line it closes
NO_LINE_END = set("（「『【《“")


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most `width` display columns; Chinese may break between any two characters."""
    lines, line = [], ""
    for token in TOKEN.findall(text):
        if line and display_width(line + token) > width and token not in NO_LINE_START:
            carried = line[-1] if line[-1] in NO_LINE_END else ""     # an opening bracket goes down with its word
            lines.append(line[:len(line) - len(carried)].rstrip())
            line = carried + token.lstrip()
        else:
            line += token
    return [*lines, line.rstrip()]


def _term(term: str) -> str:
    term = PLACEHOLDER.sub(lambda m: PLACEHOLDERS[m[1]], term)
    return term.replace("%Y", "YYYY").replace("%m", "MM").replace("%d", "DD").replace("%H:%M:%S", "hh:mm:ss")


def _help(text: str) -> str:
    text = HELP.get(text, text)
    for pattern, replacement in MARKS:
        text = pattern.sub(replacement, text)
    return text


class Context(click.Context):
    formatter_class = HelpFormatter


def chinese_help(command: click.Command) -> None:
    """The command, and every command under it, writes its help with `HelpFormatter`."""
    command.context_class = Context
    if command.options_metavar == "[OPTIONS]":
        command.options_metavar = "[选项]"
    for param in command.params:
        if isinstance(param, click.Argument) and param.metavar is None and param.name in ARGUMENTS:
            param.metavar = ARGUMENTS[param.name] + ("…" if param.nargs == -1 else "")
    if isinstance(command, click.Group):
        command.subcommand_metavar = (command.subcommand_metavar.replace("COMMAND", "命令")
                                       .replace("ARGS", "参数").replace("...", "…"))
        for sub in command.commands.values():
            chinese_help(sub)
