"""The base of every error: a stable code, an exit status, a Chinese message and hint."""
from __future__ import annotations

from enum import IntEnum
from typing import Any


class ExitCode(IntEnum):
    OK = 0
    PROBLEMS = 1        # `check` found problems
    PARTIAL = 2         # a batch finished, some files failed
    USAGE = 3           # bad input from the user (query, option, id)
    WORKSPACE = 4       # workspace missing or unusable
    DEPENDENCY = 5      # a required library or program is missing
    BUSY = 6            # another writer holds the lock
    DISK_FULL = 7       # no space left where dangan had to write
    INTERRUPTED = 130   # stopped by the user (Ctrl-C, an aborted prompt)
    INTERNAL = 70


class DanganError(Exception):
    """Base class: `code` is stable, `message` is Chinese and user-facing."""

    code = "DANGAN_ERROR"
    exit_code = ExitCode.INTERNAL
    template = "操作失败"
    hint = ""

    def __init__(self, message: str | None = None, *, hint: str | None = None, technical: str | None = None,
                 **context: Any):
        self.context = context
        self.message = message or self.template.format(**context)
        if hint is not None:
            self.hint = hint
        # A library's own (English) words: for the reason file's 技术细节 and the log, never the message.
        self.technical = technical
        super().__init__(self.message)


def all_errors() -> list[type[DanganError]]:
    """Every error class, for docs and their contract test."""
    out, todo = [], [DanganError]
    while todo:
        cls = todo.pop()
        out.append(cls)
        todo.extend(cls.__subclasses__())
    return out
