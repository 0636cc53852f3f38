"""The `dangan` command: each module parses options, calls one library function, prints the result.

Command modules are listed here explicitly, so what the CLI offers is visible in one place. A module
is imported when one of its commands is asked for (run, or listed by `dangan -h`): a process that
searches never imports what the web desk, the dossier or the accounts need (bench/bench_cli.py).
tests/test_cli.py checks this table against each module's COMMANDS.
"""
from __future__ import annotations

from dangan.cli.common import cli
from dangan.cli.help_text import chinese_help

MODULES = {   # module of dangan/cli → the commands it defines
    "basic": ("init", "config", "ingest", "show", "stats", "check", "ocr", "reindex"), "search": ("search",),
    "convert": ("convert",), "reread": ("reread",), "minutes": ("minutes", "tasks"), "tag": ("tag",),
    "watch": ("watch",), "dossier": ("dossier", "package", "archive", "catalog"), "inspection": ("taxonomy", "gaps"),
    "web": ("serve",), "users": ("user", "audit"), "units": ("units",), "review": ("review",),
    "backup": ("backup", "restore", "export"), "variants": ("variants",),
}
cli.lazy_commands = {name: f"dangan.cli.{module}" for module, names in MODULES.items() for name in names}
chinese_help(cli)


def main() -> None:
    cli(prog_name="dangan")
