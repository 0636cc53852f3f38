"""Restore a backup into a new workspace, then rebuild its index from the restored catalog."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from dangan.archive import audit
from dangan.archive.catalog import Catalog
from dangan.archive.restore import RESTORING_MARKER, RestoreReport, restore_files
from dangan.index.maintain import reindex
from dangan.workspace import init_workspace


def restore(source: Path, home: Path, *, on_file: Callable[[], None] | None = None,
            on_doc: Callable[[], None] | None = None, rebuild_index: bool = True) -> RestoreReport:
    """Verify and restore a backup into the new workspace `home`, then rebuild its index.

    `rebuild_index=False` leaves the index to a later `dangan reindex` (benchmarks time it apart).
    A restore killed while indexing is finished by running it again: the restored home keeps
    a marker until its index is built.
    """
    report = restore_files(source, home, on_file=on_file)
    if report.restored:
        home = Path(report.home or home)
        ws = init_workspace(home)
        with Catalog(ws.catalog_path) as catalog:   # the restore continues the restored trail
            audit.record(catalog, "restore", str(source),
                         {"documents": report.documents, "problems": len(report.problems)})
        if rebuild_index:
            report.indexed = reindex(ws, on_doc=on_doc)
        (home / RESTORING_MARKER).unlink(missing_ok=True)
    return report
