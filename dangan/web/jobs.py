"""Long builds of the web desk (the 迎检资料 DOCX) run beside the request, telling their steps.

A dossier over dozens of documents takes minutes; a plain form post showed nothing until
the file came. The page's script starts the build here and asks for its steps (the same
words `dangan dossier` prints: 选取材料, 编排目录与摘录：N 个部分, 生成 DOCX…) until the file
is ready, then fetches it. Jobs live in this process, belong to the user who started them,
and are forgotten an hour after they end.
"""
from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from dangan.errors import DanganError

log = logging.getLogger(__name__)

KEEP_SECONDS = 3600


@dataclass
class Job:
    id: str
    owner: str
    download_name: str
    started: float = field(default_factory=time.monotonic)
    steps: list[str] = field(default_factory=list)
    path: Path | None = None
    error: str | None = None
    hint: str | None = None
    ended: float | None = None

    def tell(self, step: str) -> None:
        self.steps.append(step)

    def to_dict(self) -> dict[str, object]:
        done = self.ended is not None
        return {"id": self.id, "steps": list(self.steps), "step": self.steps[-1] if self.steps else "准备中",
                "seconds": round((self.ended or time.monotonic()) - self.started, 1),
                "done": done and self.error is None, "error": self.error, "hint": self.hint}


_JOBS: dict[str, Job] = {}
_LOCK = threading.Lock()


def start(owner: str, download_name: str, work: Callable[[Callable[[str], None]], Path]) -> Job:
    """Run `work(tell)` in a thread; it returns the file built."""
    job = Job(uuid.uuid4().hex, owner, download_name)
    with _LOCK:
        _forget_old()
        _JOBS[job.id] = job

    def run() -> None:
        try:
            job.path = work(job.tell)
        except DanganError as exc:
            job.error, job.hint = exc.message, exc.hint
        except Exception as exc:  # noqa: BLE001 - the page says it failed; the log has why
            log.exception("web job %s failed", job.id)
            job.error = f"生成失败：{type(exc).__name__}"
        finally:
            job.ended = time.monotonic()

    threading.Thread(target=run, name=f"dangan-web-job-{job.id[:8]}", daemon=True).start()
    return job


def get(job_id: str, owner: str) -> Job | None:
    with _LOCK:
        job = _JOBS.get(job_id)
    return job if job is not None and job.owner == owner else None


def _forget_old() -> None:
    now = time.monotonic()
    for key in [k for k, j in _JOBS.items() if j.ended is not None and now - j.ended > KEEP_SECONDS]:
        del _JOBS[key]
