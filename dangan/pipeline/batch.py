"""A batch of paths through `ingest_file`, with progress and a report."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dangan.config import Workspace
from dangan.model import IngestResult
from dangan.pipeline.ingest import Batch, Origin, ingest_file, walk


@dataclass
class BatchReport:
    results: list[IngestResult] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(r.status == status for r in self.results)

    @property
    def failed(self) -> list[IngestResult]:
        return [r for r in self.results if r.status == "failed"]

    def to_dict(self) -> dict[str, Any]:
        return {
            "ingested": self.count("added"),
            "duplicates": self.count("duplicate"),
            "failed": [{"path": str(r.path), "reason": r.reason, "code": r.error_code}
                       for r in self.failed],
            "needs_ocr": [str(r.path) for r in self.results if r.needs_ocr],
            "documents": [{"id": r.document_id, "path": str(r.path), "title": r.title,
                           "status": r.status}
                          for r in self.results if r.document_id is not None],
        }


def ingest_paths(ws: Workspace, paths: Iterable[Path], *,
                 on_file: Callable[[IngestResult], None] | None = None,
                 on_wait: Callable[[], None] | None = None,
                 origin: Origin = Origin()) -> BatchReport:
    """Ingest files and folders (recursively). Sources are only read, never changed."""
    report = BatchReport()
    with Batch(ws, on_wait=on_wait) as batch:
        for path in walk(paths):
            result = ingest_file(path, batch, origin)
            report.results.append(result)
            if on_file:
                on_file(result)
    return report


def count_files(paths: Iterable[Path]) -> int:
    return sum(1 for _ in walk(paths))
