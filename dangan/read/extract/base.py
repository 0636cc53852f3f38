"""The extractor contract: stateless, one per format, bytes → `Extracted`."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, Protocol, runtime_checkable

from dangan.model import Extracted


@dataclass(frozen=True, slots=True)
class Limits:
    """Guards against hostile input, from the workspace's [limits]."""

    max_file_bytes: int = 200 * 2**20
    max_unzipped_bytes: int = 500 * 2**20
    conversion_timeout_s: float = 90.0     # one LibreOffice conversion, wall clock (< seconds)
    soffice: str | None = None             # LibreOffice found by the parent; "" none; None: look on PATH
    max_archive_depth: int = 3             # archives inside archives
    max_archive_members: int = 10_000
    seconds: float = 120.0                  # wall clock per file, in a worker (intake/workers.py)
    memory_bytes: int = 1024 * 2**20        # address space of that worker; 0 = unlimited


@runtime_checkable
class Extractor(Protocol):
    name: ClassVar[str]
    mime_types: ClassVar[frozenset[str]]

    def extract(self, path: Path, limits: Limits) -> Extracted: ...
