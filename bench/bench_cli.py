"""How long a clerk waits at the command line: each `dangan` command as a fresh process.

A CLI process pays its imports and tables on every command, so every figure here is a
new `python -m dangan …` (as the console script runs it), on a workspace of
../shared/corpus/txt (`init; ingest --no-ocr`, ~40 s, made under bench/work unless a
workspace is given), with the Whoosh index and, where the backend matters, a copy
switched to Tantivy. Per command, in one run:

- wall time and CPU time (user + sys of the child), medians of N runs after one warm-up
  run (bytecode written, OS caches warm, jieba's word table built): on shared cores the
  CPU time is the steadier figure;
- what its imports cost (one run under `-X importtime`: the sum of the modules' own times,
  the packages that cost most) and which heavy libraries it loads at all (sys.modules at exit).

Baselines measured in the same run: `python -c pass` (the interpreter, with the
venv's site-packages), `import click, rich.console` (the floor of a click + rich CLI)
and `dangan --version`. Child processes run with bytecode writing on, as an
installed package has its .pyc files (PYTHONDONTWRITEBYTECODE is dropped).

    python -m bench.bench_cli [--quick] [--runs N] [--against OTHER_CHECKOUT] [WORKSPACE]

`--against` measures another checkout (the code before a change) too, each command there just
before it is measured here, so that both see the same load: the figures of both, and their commits.
"""
from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from bench.common import CORPUS, ROOT, WORK, table, write

COMMANDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("help", ("--help",)),
    ("search", ("search", "政府工作报告")),
    ("search_slip", ("search", "正府工作报告")),         # one slip: 您是不是要找 政府工作报告
    ("search_two_slips", ("search", "正府工做报告")),    # two slips: looked for, none offered
    ("search_type_json", ("search", "--type", "通知", "--json")),
    ("show", ("show", "1")),
    ("stats", ("stats",)),
    ("check", ("check",)),
)
BACKEND_COMMANDS = ("search", "search_slip", "search_type_json", "stats", "check")   # run on Tantivy too
BASELINES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("python", ("-c", "pass")),
    ("click_rich", ("-c", "import click, rich.console")),
    ("version", ("-m", "dangan", "--version")),
)
HEAVY = ("jieba", "pkg_resources", "pypinyin", "opencc", "whoosh", "tantivy", "pypdfium2", "flask", "werkzeug",
         "docx", "openpyxl", "rich.progress", "sqlite3")
IMPORT_LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)")


def child_env(tree: Path = ROOT) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(tree)
    return env


def timed(argv: list[str], tree: Path = ROOT) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (user + sys of the child) and exit code of one process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    done = subprocess.run(argv, cwd=tree, env=child_env(tree), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done.returncode


def measure(argv: list[str], runs: int, tree: Path = ROOT) -> dict[str, Any]:
    timed(argv, tree)   # warm-up: bytecode, OS caches, jieba's word table
    walls, cpus, codes = [], [], set()
    for _ in range(runs):
        wall, cpu, code = timed(argv, tree)
        walls.append(wall)
        cpus.append(cpu)
        codes.add(code)
    return {"wall_ms": round(1000 * statistics.median(walls)), "cpu_ms": round(1000 * statistics.median(cpus)),
            "wall_min_ms": round(1000 * min(walls)), "exit": sorted(codes), "runs": runs}


WRAP = """
import sys
out, kind, target, *args = sys.argv[1:]
sys.argv = [target, *args]
try:
    exec(target) if kind == "code" else __import__("runpy").run_module(target, run_name="__main__", alter_sys=True)
except SystemExit:
    pass
loaded = "\\n".join(sorted(sys.modules))
with open(out, "w", encoding="utf-8") as f:
    f.write(loaded)
"""


def imports(argv: list[str], tree: Path = ROOT) -> dict[str, Any]:
    """One run under -X importtime: the modules' own times summed, by top-level package (an import
    that failed is listed too, so what was loaded is read from sys.modules at exit)."""
    kind, target, args = ("code", argv[2], argv[3:]) if argv[1] == "-c" else ("module", argv[2], argv[3:])
    with tempfile.NamedTemporaryFile(suffix=".json") as listing:
        done = subprocess.run([argv[0], "-X", "importtime", "-c", WRAP, listing.name, kind, target, *args],
                              cwd=tree, env=child_env(tree), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              text=True)
        loaded = set(Path(listing.name).read_text(encoding="utf-8").split())
    by_package: Counter[str] = Counter()
    for line in done.stderr.splitlines():
        m = IMPORT_LINE.match(line)
        if m and m[4] in loaded:
            by_package[m[4].split(".")[0]] += int(m[1])
    return {"import_ms": round(sum(by_package.values()) / 1000), "modules": len(loaded),
            "top": {k: round(v / 1000, 1) for k, v in by_package.most_common(6)},
            "heavy": [h for h in HEAVY if h in loaded]}


def dangan(home: Path, args: tuple[str, ...]) -> list[str]:
    return [sys.executable, "-m", "dangan", "--home", str(home), *args]


def workspaces(home: Path | None) -> tuple[Path, Path]:
    """The Whoosh workspace (given or made fresh) and a copy switched to Tantivy."""
    if home is None:
        home = WORK / "cli-ws"
        shutil.rmtree(home, ignore_errors=True)
        subprocess.run(dangan(home, ("init",)), cwd=ROOT, env=child_env(), check=True, stdout=subprocess.DEVNULL)
        subprocess.run(dangan(home, ("ingest", "--no-ocr", "--quiet", str(CORPUS / "txt"))), cwd=ROOT,
                       env=child_env(), check=True, stdout=subprocess.DEVNULL)
    tantivy = WORK / "cli-ws-tantivy"
    shutil.rmtree(tantivy, ignore_errors=True)
    shutil.copytree(home, tantivy)
    subprocess.run(dangan(tantivy, ("reindex", "--backend", "tantivy")), cwd=ROOT, env=child_env(), check=True,
                   stdout=subprocess.DEVNULL)
    return home, tantivy


def commit(tree: Path) -> str:
    return subprocess.run(["git", "-C", str(tree), "rev-parse", "--short", "HEAD"], capture_output=True,
                          text=True).stdout.strip()


def main(quick: bool = False) -> dict[str, Any]:
    ap = argparse.ArgumentParser()
    ap.add_argument("home", type=Path, nargs="?", help="a workspace of corpus/txt (default: made fresh)")
    ap.add_argument("--runs", type=int, default=0, help="runs per command (default 9; quick 3)")
    ap.add_argument("--against", type=Path, help="another checkout (the code before a change), each command "
                                                 "measured there too, just before it is here")
    args, _ = ap.parse_known_args()
    runs = args.runs or (3 if quick else 9)
    whoosh, tantivy = workspaces(args.home)
    trees = {"here": ROOT, **({"against": args.against.resolve()} if args.against else {})}
    figures: dict[str, Any] = {"runs": runs, "commits": {k: commit(t) for k, t in trees.items()}}
    for label, tree in trees.items():
        figures[label] = {"baselines": {}, "whoosh": {}, "tantivy": {}}
    for name, argv in BASELINES:
        for label, tree in reversed(trees.items()):
            figures[label]["baselines"][name] = {**measure([sys.executable, *argv], runs, tree),
                                                 **imports([sys.executable, *argv], tree)}
    for backend, home in (("whoosh", whoosh), ("tantivy", tantivy)):
        for name, command in COMMANDS:
            if backend == "tantivy" and name not in BACKEND_COMMANDS:
                continue
            for label, tree in reversed(trees.items()):
                figures[label][backend][name] = {**measure(dangan(home, command), runs, tree),
                                                 **imports(dangan(home, command), tree)}
    print(report(figures))
    name = "cli_quick" if quick else "cli"
    print(write(name, figures))
    return figures


def report(figures: dict[str, Any]) -> str:
    here, against = figures["here"], figures.get("against")
    rows = []
    for group in ("baselines", "whoosh", "tantivy"):
        for name, f in here[group].items():
            was = against[group][name] if against else None
            rows.append((f"{group} {name}", f"{was['cpu_ms']} → " if was else "", f["cpu_ms"],
                         f"{was['wall_ms']} → " if was else "", f["wall_ms"],
                         f"{was['import_ms']} → " if was else "", f["import_ms"], " ".join(f["heavy"])))
    return table(rows, ("command", "cpu ms", "(median)", "wall ms", "(median)", "imports ms", "", "heavy libraries"))


if __name__ == "__main__":
    main(quick="--quick" in sys.argv)
