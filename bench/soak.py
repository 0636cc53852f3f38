"""Soak test (issue 22): random kill -9 of `watch`, `ingest`, `backup` and `reindex` while a
slow writer and hostile files keep arriving; then the archive must be whole.

    python -m bench.soak --minutes 30

Not part of `make test`. Every good file carries a unique marker line; at the end
(watch --once drains the inbox, ingest runs once more, a last backup is verified):

- lost: a good file whose full content (sha256) is not in the catalog,
- doubled: a marker found in more than one document (a half-written copy archived too),
- stale temp bytes: `.tmp-*`, `*.restoring-*` left in the workspace and beside the backup,
- peak RSS: the largest resident size any dangan process reached (sampled, and from wait4).

Figures go to bench/results/soak.json.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.common import CORPUS, ROOT, WORK, write

HOSTILE = {
    "损坏.pdf": b"%PDF-1.7\n1 0 obj <<>> endobj\ngarbage" * 3,
    "空.txt": b"",
    "随机.jpg": b"\xff\xd8\xff\xe0" + bytes(range(256)) * 8,
    "巨页.pdf": (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]"
                 b"/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200000 200000]"
                 b"/Contents 4 0 R>>endobj\n4 0 obj<</Length 20>>stream\n0 0 0 rg 0 0 9 9 re f\nendstream"
                 b"\nendobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"),
}
LONG = "关于进一步加强全国文明城市创建工作中市容环境卫生整治的补充通知" * 3


def texts() -> list[bytes]:
    out = []
    for path in sorted((CORPUS / "txt").rglob("*.txt"), key=lambda p: p.stat().st_size)[:40]:
        try:
            out.append(path.read_bytes().decode("utf-8").encode())
        except UnicodeDecodeError:
            continue
    return out


@dataclass
class Figures:
    files: int = 0               # good files written (inbox + ingest folder)
    hostile: int = 0
    slow: int = 0
    kills: dict[str, int] = field(default_factory=lambda: {"watch": 0, "ingest": 0, "backup": 0, "reindex": 0})
    runs: dict[str, int] = field(default_factory=lambda: {"watch": 0, "ingest": 0, "backup": 0, "reindex": 0})
    peak_rss_mb: float = 0.0
    expected: dict[str, str] = field(default_factory=dict)   # marker -> sha256 of the full content


class Soak:
    def __init__(self, home: Path, minutes: float, seed: int):
        self.home, self.seconds = home, minutes * 60
        self.rng = random.Random(seed)
        self.fig = Figures()
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.procs: dict[str, subprocess.Popen[bytes]] = {}
        self.bodies = texts()
        self.inbox = home / "inbox"
        self.drop = home.parent / "soak-ingest"
        self.backup = home.parent / "soak-backup"
        self.n = 0

    # -- processes -----------------------------------------------------------
    def dangan(self, *args: str) -> subprocess.Popen[bytes]:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        return subprocess.Popen([sys.executable, "-m", "dangan", "--home", str(self.home), *args],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=ROOT)

    def start(self, kind: str) -> None:
        args = {"watch": ("watch", "--poll", "0.5") if self.rng.random() < 0.3 else ("watch",),
                "ingest": ("ingest", "--no-ocr", str(self.drop)),
                "backup": ("backup", "--out", str(self.backup)),
                "reindex": ("reindex",)}[kind]
        with self.lock:
            self.procs[kind] = self.dangan(*args)
            self.fig.runs[kind] += 1

    def reap(self) -> None:
        """Collect finished processes (their peak RSS), restart the watcher, start the others now and then."""
        with self.lock:
            for kind, proc in list(self.procs.items()):
                self.sample(proc.pid)
                try:
                    pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
                except ChildProcessError:   # reaped already
                    del self.procs[kind]
                    continue
                if pid:
                    proc.returncode = os.waitstatus_to_exitcode(status)
                    self.fig.peak_rss_mb = max(self.fig.peak_rss_mb, usage.ru_maxrss / 1024)
                    del self.procs[kind]
        if "watch" not in self.procs:
            self.start("watch")
        for kind, chance in (("ingest", 0.03), ("backup", 0.02), ("reindex", 0.01)):
            if kind not in self.procs and self.rng.random() < chance:
                self.start(kind)

    def sample(self, pid: int, depth: int = 0) -> None:
        """Peak resident size of `pid` and its descendants (extraction and OCR workers)."""
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    self.fig.peak_rss_mb = max(self.fig.peak_rss_mb, int(line.split()[1]) / 1024)
            children = [int(c) for task in Path(f"/proc/{pid}/task").iterdir()
                        for c in (task / "children").read_text().split()]
        except (OSError, ValueError):
            return
        for child in children if depth < 3 else []:
            self.sample(child, depth + 1)

    def killer(self) -> None:
        while not self.stop.wait(self.rng.uniform(15.0, 45.0)):
            with self.lock:
                running = [k for k, p in self.procs.items() if p.returncode is None]
                if not running:
                    continue
                kind = self.rng.choice(running)
                self.sample(self.procs[kind].pid)
                try:
                    self.procs[kind].send_signal(signal.SIGKILL)
                    self.fig.kills[kind] += 1
                except ProcessLookupError:
                    pass

    # -- files -----------------------------------------------------------------
    def body(self) -> tuple[str, bytes]:
        self.n += 1
        marker = f"SOAK-{self.n:06d}"
        data = f"编号 {marker}\n".encode() + self.rng.choice(self.bodies) + f"\n（{marker} 完）\n".encode()
        self.fig.expected[marker] = hashlib.sha256(data).hexdigest()
        self.fig.files += 1
        return marker, data

    def writer(self) -> None:
        folders = [self.inbox, self.inbox / "讲话", self.inbox / "佐证材料" / "某社区"]
        while not self.stop.is_set():
            roll = self.rng.random()
            folder = self.rng.choice(folders)
            folder.mkdir(parents=True, exist_ok=True)
            if roll < 0.08:
                name, data = self.rng.choice(list(HOSTILE.items()))
                (folder / f"{self.n}-{name}").write_bytes(data)
                self.fig.hostile += 1
            elif roll < 0.1:
                (folder / f"{LONG[:80]}-{self.n}.pdf").write_bytes(b"%PDF-1.7\nbroken")
                self.fig.hostile += 1
            elif roll < 0.25:
                marker, data = self.body()
                self.fig.slow += 1
                with open(folder / f"{marker}.txt", "wb") as fh:   # a slow writer, pausing with it open
                    half = len(data) // 2
                    fh.write(data[:half])
                    fh.flush()
                    self.stop.wait(self.rng.uniform(0.5, 4.0))
                    fh.write(data[half:])
            elif roll < 0.4:
                marker, data = self.body()
                self.drop.mkdir(parents=True, exist_ok=True)
                (self.drop / f"{marker}.txt").write_bytes(data)
            else:
                marker, data = self.body()
                tmp = folder / f".{marker}.part"
                tmp.write_bytes(data)
                tmp.rename(folder / f"{marker}.txt")
            self.stop.wait(self.rng.uniform(0.2, 1.0))

    # -- the run ---------------------------------------------------------------------
    def run(self) -> dict[str, Any]:
        subprocess.run([sys.executable, "-m", "dangan", "--home", str(self.home), "init"], check=True,
                       env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, cwd=ROOT)
        config = self.home / "dangan.toml"
        text = config.read_text(encoding="utf-8").replace("enabled = true", "enabled = false", 1)
        config.write_text(text.replace("stability_seconds = 2.0", "stability_seconds = 0.5"), encoding="utf-8")
        threads = [threading.Thread(target=self.writer, daemon=True), threading.Thread(target=self.killer, daemon=True)]
        for thread in threads:
            thread.start()
        started = time.monotonic()
        while time.monotonic() - started < self.seconds:
            self.reap()
            time.sleep(0.5)
        self.stop.set()
        for thread in threads:
            thread.join(30)
        with self.lock:
            for proc in self.procs.values():
                proc.send_signal(signal.SIGKILL)
                proc.wait()
            self.procs.clear()
        return self.settle(time.monotonic() - started)

    def finish(self, *args: str, timeout: float = 900) -> int:
        proc = self.dangan(*args)
        _, status, usage = os.wait4(proc.pid, 0)
        self.fig.peak_rss_mb = max(self.fig.peak_rss_mb, usage.ru_maxrss / 1024)
        return os.waitstatus_to_exitcode(status)

    def settle(self, seconds: float) -> dict[str, Any]:
        codes = {"watch_once": self.finish("watch", "--once"),
                 "ingest": self.finish("ingest", "--no-ocr", str(self.drop)),
                 "backup": self.finish("backup", "--out", str(self.backup)),
                 "verify": self.finish("restore", str(self.backup), "--verify-only"),
                 "check": self.finish("check")}
        with sqlite3.connect(self.home / "catalog.sqlite3") as conn:
            shas = {row[0] for row in conn.execute("SELECT sha256 FROM documents")}
            texts_ = [row[0] for row in conn.execute("SELECT text FROM documents")]
        lost = sorted(m for m, sha in self.fig.expected.items() if sha not in shas)
        counts: dict[str, int] = {}
        for text in texts_:
            for marker in set(_markers(text)):
                counts[marker] = counts.get(marker, 0) + 1
        doubled = sorted(m for m, c in counts.items() if c > 1)
        left = [p for p in self.inbox.rglob("*") if p.is_file() and not p.name.startswith(".")]
        return {
            "minutes": round(seconds / 60, 1), "files": self.fig.files, "slow_writes": self.fig.slow,
            "hostile": self.fig.hostile, "kills": self.fig.kills, "runs": self.fig.runs,
            "lost": len(lost), "lost_markers": lost[:20], "doubled": len(doubled), "doubled_markers": doubled[:20],
            "documents": len(shas), "inbox_left": len(left),
            "stale_temp_bytes": stale_bytes(self.home) + stale_bytes(self.backup.parent, self.backup.name),
            "peak_rss_mb": round(self.fig.peak_rss_mb, 1), "exit_codes": codes,
            "check_clean": codes["check"] == 0, "backup_verified": codes["verify"] == 0,
        }


def _markers(text: str) -> list[str]:
    out, start = [], 0
    while (i := text.find("编号 SOAK-", start)) >= 0:
        out.append(text[i + 3:i + 14])
        start = i + 1
    return out


def stale_bytes(root: Path, prefix: str = "") -> int:
    total = 0
    for folder, dirs, files in os.walk(root):
        for name in files + dirs:
            if (".tmp-" in name or ".restoring-" in name) and name.lstrip(".").startswith(prefix):
                path = Path(folder) / name
                total += sum(p.stat().st_size for p in ([path] if path.is_file() else path.rglob("*"))
                             if p.is_file())
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=30.0)
    parser.add_argument("--seed", type=int, default=22)
    args = parser.parse_args()
    base = WORK / "soak"
    if base.exists():
        subprocess.run(["rm", "-rf", str(base)], check=True)
    base.mkdir(parents=True)
    figures = Soak(base / "ws", args.minutes, args.seed).run()
    path = write("soak", figures)
    print(json.dumps(figures, ensure_ascii=False, indent=2))
    print(f"→ {path}")


if __name__ == "__main__":
    main()
