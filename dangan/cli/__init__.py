"""The `dangan` command: each module parses options, calls one library function, prints the result.

Command modules are listed here explicitly, so what the CLI offers is visible in one place.
"""
from __future__ import annotations

from dangan.cli import backup, basic, convert, dossier, inspection, minutes, reread, review, tag, users, watch, web
from dangan.cli import units as unit_list
from dangan.cli import variants as same_text
from dangan.cli.common import cli
from dangan.cli.help_text import chinese_help

for _module in (basic, convert, reread, minutes, tag, watch, dossier, inspection, web, users, unit_list, review, backup,
                same_text):
    for _command in _module.COMMANDS:
        cli.add_command(_command)
chinese_help(cli)


def main() -> None:
    cli(prog_name="dangan")
