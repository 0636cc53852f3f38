"""The ingest journal (`jobs` table): every file the watcher saw, and how far it got.

pending → extracted → archived → indexed | failed. A restart resumes every open job;
`DANGAN_CRASH_AT=journal` lets the recovery tests kill the process right after a step
is committed.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dangan.archive.catalog import Catalog, now_iso
from dangan.faults import crash_point

OPEN_STATES = ("pending", "extracted", "archived")
_OPEN = ",".join(f"'{s}'" for s in OPEN_STATES)
_JOB_FIELDS = frozenset({"sha256", "document_id", "size", "mtime", "error"})


@dataclass(frozen=True, slots=True)
class Job:
    id: int
    path: Path
    inbox: str | None
    state: str
    attempts: int = 0
    document_id: int | None = None


class Journal:
    """Jobs over a catalog connection; each change is one transaction."""

    def __init__(self, catalog: Catalog):
        self.catalog = catalog

    def record(self, path: Path, inbox: Path | None, size: int, mtime: float) -> Job:
        """The open job for `path`, created if there is none (one open job per path)."""
        with self.catalog.transaction() as conn:
            row = self._open_row(conn, path)
            if row is None:
                stamp = now_iso()
                conn.execute("INSERT INTO jobs (path, inbox, state, size, mtime, created_at, "
                             "updated_at) VALUES (?,?,?,?,?,?,?)",
                             (str(path), str(inbox) if inbox else None, "pending", size, mtime,
                              stamp, stamp))
                row = self._open_row(conn, path)
        return _job(row)

    def advance(self, job_id: int, state: str, **fields: Any) -> None:
        unknown = set(fields) - _JOB_FIELDS
        if unknown:
            raise ValueError(f"not a job field: {sorted(unknown)}")
        sets = "".join(f", {name} = ?" for name in fields)
        with self.catalog.transaction() as conn:
            conn.execute(f"UPDATE jobs SET state = ?, updated_at = ?{sets} WHERE id = ?",
                         (state, now_iso(), *fields.values(), job_id))
            crash_point("journal")

    def attempt(self, job_id: int, error: str) -> int:
        """Count a failed attempt; returns how many there have been."""
        with self.catalog.transaction() as conn:
            conn.execute("UPDATE jobs SET attempts = attempts + 1, error = ?, updated_at = ? "
                         "WHERE id = ?", (error, now_iso(), job_id))
            return int(conn.execute("SELECT attempts FROM jobs WHERE id = ?", (job_id,)).fetchone()[0])

    def archived_document(self, job_id: int) -> int | None:
        """The document of a job that reached `archived`, if the catalog still holds it."""
        row = self.catalog.conn.execute(
            "SELECT j.document_id FROM jobs j JOIN documents d ON d.id = j.document_id "
            "WHERE j.id = ? AND j.state = 'archived'", (job_id,)).fetchone()
        return row[0] if row else None

    def open_jobs(self) -> list[Job]:
        rows = self.catalog.conn.execute(f"SELECT * FROM jobs WHERE state IN ({_OPEN}) ORDER BY id")
        return [_job(row) for row in rows]

    def counts(self) -> dict[str, int]:
        return dict(self.catalog.conn.execute("SELECT state, count(*) FROM jobs GROUP BY state"))

    @staticmethod
    def _open_row(conn: Any, path: Path) -> Any:
        return conn.execute(f"SELECT * FROM jobs WHERE path = ? AND state IN ({_OPEN}) "
                            "ORDER BY id LIMIT 1", (str(path),)).fetchone()


def _job(row: Any) -> Job:
    return Job(id=row["id"], path=Path(row["path"]), inbox=row["inbox"], state=row["state"],
               attempts=row["attempts"], document_id=row["document_id"])
