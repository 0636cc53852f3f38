"""Consistent copies of the live catalog with SQLite's online backup API.

A copy taken while the watcher writes is still one point in time: the backup
step holds a read transaction, and in WAL mode readers never block writers.
"""
from __future__ import annotations

import logging
import os
import sqlite3
from datetime import datetime
from pathlib import Path

log = logging.getLogger(__name__)

BACKUPS_DIR = "backups"


def snapshot_sqlite(source: Path, target: Path) -> Path:
    """Copy the database `source` to `target` (rollback-journal mode), atomically.

    The copy goes to a hidden temporary name beside `target`, is fsynced and
    renamed: a crash never leaves a half-written snapshot under the final name.
    """
    if not source.is_file():
        raise FileNotFoundError(source)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.tmp-{os.getpid()}")
    tmp.unlink(missing_ok=True)
    src = sqlite3.connect(source, timeout=60)
    try:
        src.execute("PRAGMA busy_timeout = 60000")
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)                            # one step: one read transaction
            dst.execute("PRAGMA journal_mode = DELETE")  # a self-contained file, no -wal
        finally:
            dst.close()
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        src.close()
    _fsync(tmp)
    os.replace(tmp, target)
    return target


def backup_before_migrate(catalog_path: Path, version: int) -> Path:
    """`<home>/backups/catalog-v<version>-<timestamp>.sqlite3`, taken before a migration."""
    folder = catalog_path.parent / BACKUPS_DIR
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"catalog-v{version}-{stamp}.sqlite3"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"catalog-v{version}-{stamp}-{n}.sqlite3"
    snapshot_sqlite(catalog_path, target)
    log.warning("catalog backed up before migration: %s", target)
    return target


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
