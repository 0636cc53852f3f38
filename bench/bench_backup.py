"""Backup and restore of a 10,000-document workspace: time and peak memory.

A synthetic workspace of small generated 通知 (each with a title, 发文字号,
成文日期 and a few sentences, all distinct) is ingested once through the real
pipeline and kept under bench/work/ for later runs. Each operation then runs in
a fresh subprocess that reports its own peak RSS (VmHWM) and the RSS it had
after imports, before the work (VmRSS): the difference is what the operation
itself costs. Constant memory means the same figure at 1k and at 10k.
(`ru_maxrss` is not used: Linux carries the parent's high-water mark across
fork and exec, so a child started by a large parent reports the parent's.)

    .venv/bin/python -m bench.bench_backup [--quick]     (quick: 1,000 documents only)

Writes bench/results/backup.json.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.common import ROOT, WORK, table, write

SIZES_FULL = (1_000, 10_000)
SIZES_QUICK = (1_000,)
OPERATIONS = ("backup_dir", "backup_dir_again", "backup_copy", "backup_tar",
              "verify_tar", "restore_tar_files", "reindex_whoosh", "reindex_tantivy")
SENTENCES = (
    "请各街道、各有关单位按照创建全国文明城市测评体系要求，认真组织开展自查自纠。",
    "对啄木鸟行动和督查组发现的问题，要立行立改，确保整改到位。",
    "重点做好背街小巷、农贸市场、公交站点周边的市容环境卫生整治。",
    "加强社区志愿者队伍建设，组织志愿者参与文明交通劝导。",
    "各单位要安排专人负责资料收集整理，按测评项目分类归档。",
    "整治情况纳入月度通报排位，对工作滞后的单位予以通报批评。",
    "广泛开展宣传教育，提高市民群众对创建工作的知晓率和支持率。",
    "未成年人思想道德建设工作要与学校、家庭、社区形成合力。",
)


def document(n: int) -> str:
    month, day = n % 12 + 1, n % 28 + 1
    body = "".join(SENTENCES[(n + k) % len(SENTENCES)] for k in range(3 + n % 4))
    return (f"区创建全国文明城市工作指挥部办公室\n"
            f"关于开展第{n}批市容环境专项整治的通知\n"
            f"区创建办〔2022〕{n}号\n"
            f"各街道，区直各有关单位：\n{body}\n"
            f"（联系人：王{n % 97}，电话 {80000000 + n}）\n"
            f"区创建办\n2022年{month}月{day}日\n")


def build(size: int) -> Path:
    """The workspace of `size` documents (reused when it is already complete)."""
    from dangan.archive.catalog import Catalog
    from dangan.intake.batch import ingest_paths
    from dangan.workspace import init_workspace

    home = WORK / f"backup-{size}" / "ws"
    if (home / "catalog.sqlite3").exists():
        with Catalog(home / "catalog.sqlite3") as catalog:
            if catalog.count() == size:
                return home
    shutil.rmtree(home.parent, ignore_errors=True)
    source = home.parent / "source"
    for n in range(size):
        folder = source / f"{n // 1000:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"通知{n:05d}.txt").write_text(document(n), encoding="utf-8")
    started = time.perf_counter()
    report = ingest_paths(init_workspace(home), [source])
    print(f"  built {size} documents in {time.perf_counter() - started:.1f} s")
    assert report.count("added") == size, report.to_dict()["failed"][:3]
    shutil.rmtree(source)   # the originals are in the workspace now
    return home


def measure(operation: str, home: Path, target: Path) -> dict[str, Any]:
    """Run one operation in a fresh interpreter; it reports its own time and memory."""
    out = subprocess.run([sys.executable, "-m", "bench.bench_backup", "--child", operation,
                          str(home), str(target)], cwd=ROOT, capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(f"{operation} failed:\n{out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def child(operation: str, home: Path, target: Path) -> None:
    """One operation, then a JSON line: seconds, peak RSS and RSS before the work (MB)."""
    from dangan.archive.backup import backup
    from dangan.archive.restore import verify_backup
    from dangan.ops.restore import restore
    from dangan.workspace import open_workspace

    ws = open_workspace(home)
    base = memory_mb("VmRSS")
    started = time.perf_counter()
    if operation in ("backup_dir", "backup_dir_again"):
        report = backup(ws, target).to_dict()
    elif operation == "backup_copy":
        report = backup(ws, target, link=False).to_dict()
    elif operation == "backup_tar":
        report = backup(ws, target).to_dict()
    elif operation == "verify_tar":
        report = verify_backup(target).to_dict()
    elif operation == "restore_tar_files":
        report = restore(target, home.parent / "restored", rebuild_index=False).to_dict()
    else:   # the index a restore rebuilds: Whoosh (the default), or Tantivy (advised at 10k+)
        from dangan.index.maintain import reindex, switch_backend

        restored = open_workspace(home.parent / "restored")
        count = reindex(restored) if operation == "reindex_whoosh" else \
            switch_backend(restored, "tantivy")
        report = {"ok": True, "problems": [], "indexed": count}
    seconds = time.perf_counter() - started
    peak = memory_mb("VmHWM")
    assert report["ok"], report["problems"][:3]
    keep = ("documents", "new_originals", "kept_originals", "linked", "files_checked", "indexed")
    print(json.dumps({"seconds": round(seconds, 2), "peak_rss_mb": round(peak, 1),
                      "rss_before_mb": round(base, 1), "growth_mb": round(peak - base, 1),
                      **{k: report[k] for k in keep if k in report}}))


def memory_mb(field: str) -> float:
    """VmRSS (now) or VmHWM (peak) of this process, from /proc (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"{field} not in /proc/self/status")


def run_size(size: int) -> dict[str, Any]:
    home = build(size)
    base = home.parent
    for name in ("b-dir", "b-copy", "restored"):
        shutil.rmtree(base / name, ignore_errors=True)
    (base / "b.tar").unlink(missing_ok=True)
    targets = {"backup_dir": base / "b-dir", "backup_dir_again": base / "b-dir",
               "backup_copy": base / "b-copy", "backup_tar": base / "b.tar"}
    results = {op: measure(op, home, targets.get(op, base / "b.tar")) for op in OPERATIONS}
    files, index = results["restore_tar_files"], results["reindex_whoosh"]
    results["restore_tar"] = {   # what `dangan restore` does: both, one after the other
        "seconds": round(files["seconds"] + index["seconds"], 2),
        "peak_rss_mb": max(files["peak_rss_mb"], index["peak_rss_mb"]),
        "growth_mb": max(files["growth_mb"], index["growth_mb"])}
    for name in ("b-dir", "b-copy", "restored"):
        shutil.rmtree(base / name, ignore_errors=True)
    (base / "b.tar").unlink(missing_ok=True)
    return results


def main(quick: bool = False) -> dict[str, Any]:
    sys.path.insert(0, str(ROOT))
    sizes = SIZES_QUICK if quick else SIZES_FULL
    by_size = {str(size): run_size(size) for size in sizes}
    rows = [(size, op, r["seconds"], r["peak_rss_mb"], r["growth_mb"])
            for size, ops in by_size.items() for op, r in ops.items()]
    print(table(rows, ("documents", "operation", "seconds", "peak RSS MB", "growth MB")))
    figures: dict[str, Any] = {"quick": quick, "sizes": list(sizes), "results": by_size}
    if len(sizes) > 1:
        small, large = (by_size[str(s)] for s in (sizes[0], sizes[-1]))
        figures["growth_mb_small_to_large"] = {
            op: round(large[op]["growth_mb"] - small[op]["growth_mb"], 1) for op in large}
    path = write("backup_quick" if quick else "backup", figures)
    print(f"  → {path.relative_to(ROOT)}")
    return figures


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        child(sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4]))
    else:
        main(quick="--quick" in sys.argv)
