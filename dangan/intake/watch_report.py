"""What a watcher did: the counts it logs (收录 9 件，重复 0 件，…) and, for `watch --once --json`, each file."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from dangan.fields import WATCH_LABELS


@dataclass
class WatchReport:
    added: int = 0
    duplicates: int = 0
    failed: int = 0
    retried: int = 0
    resumed: int = 0
    reindexed: int = 0
    left: int = 0
    ocr: int = 0   # documents read by OCR (`--once`; the live watcher logs them)
    # `--once` only (a live watcher would keep them for weeks; its log names each): every file taken,
    # as `ingest --json` lists them — the counts alone left a cron job unable to say which files went where
    documents: list[dict[str, Any]] = field(default_factory=list)     # path, id, status (added, duplicate)
    quarantined: list[dict[str, Any]] = field(default_factory=list)   # path, reason

    def counts(self) -> dict[str, int]:
        return {k: v for k, v in asdict(self).items() if isinstance(v, int)}

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def summary(self) -> str:
        """收录 9 件，重复 0 件，…: the figures in words, for the log."""
        return "，".join(f"{WATCH_LABELS[k]} {v} 件" for k, v in self.counts().items())
