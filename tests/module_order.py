"""The order xdist hands test modules to its workers: most expensive first (registered in conftest.py).

Under `--dist loadscope` each module is one unit of work, given to the next worker that runs short, in the
order the workers collected the modules (`--no-loadscope-reorder`; xdist's own order is by test count). By
count, modules of one or two long tests (a watcher's status log, a browser flow, photos read by OCR) came
last, and one worker sat idle while the other ran them. Ordered by what each module costs
(`module_seconds.json`: seconds per module on a full run), the long modules start first and the many
short ones even out the end. A module not in the table counts `UNKNOWN_SECONDS_A_TEST` a test.

`pytest -n 2 --module-seconds-out tests/module_seconds.json` writes the table again from the run (each
module's setup, call and teardown durations as the workers report them; run it on an idle machine).
"""
from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

TABLE = Path(__file__).with_name("module_seconds.json")
UNKNOWN_SECONDS_A_TEST = 0.4


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--module-seconds-out", metavar="PATH", default=None,
                     help="write the seconds each test module took on this run (JSON) to PATH")


def _module(nodeid: str) -> str:
    return nodeid.split("::", 1)[0]


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """In each xdist worker (all sort alike, so their collections stay identical; a worker's own
    `dist` option reads "no", whatever the run's): modules by cost, most expensive first; the tests of a
    module keep their order. A run without workers keeps the collected order."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return
    known: dict[str, float] = json.loads(TABLE.read_text(encoding="utf-8"))["seconds"] if TABLE.exists() else {}
    items[:] = most_expensive_first(items, known)


def most_expensive_first(items: list[Any], known: dict[str, float]) -> list[Any]:
    """`items` (anything with a `nodeid`) with their modules by cost, dearest first, ties in collected order."""
    counts = Counter(_module(item.nodeid) for item in items)
    first_seen: dict[str, int] = {}
    for index, item in enumerate(items):
        first_seen.setdefault(_module(item.nodeid), index)

    def key(item: Any) -> tuple[float, int]:
        module = _module(item.nodeid)
        return -known.get(module, counts[module] * UNKNOWN_SECONDS_A_TEST), first_seen[module]

    return sorted(items, key=key)


class _Seconds:
    """Sums the durations of every report per module (in the controller under xdist)."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.seconds: Counter[str] = Counter()

    def pytest_runtest_logreport(self, report: Any) -> None:
        self.seconds[_module(report.nodeid)] += report.duration

    def pytest_sessionfinish(self) -> None:
        table = {"about": "seconds each test module's setup, call and teardown took on one full run "
                          "(tests/module_order.py hands the most expensive modules to the xdist workers first)",
                 "seconds": {m: round(s, 1) for m, s in sorted(self.seconds.items())}}
        self.out.write_text(json.dumps(table, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def pytest_configure(config: pytest.Config) -> None:
    out = config.getoption("module_seconds_out", None)
    if out and not os.environ.get("PYTEST_XDIST_WORKER"):
        config.pluginmanager.register(_Seconds(Path(out)), "module-seconds-out")
