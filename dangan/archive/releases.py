"""What the office has released to units (a unit searches and reads only these)."""
from __future__ import annotations

from collections.abc import Iterable

from dangan.archive import accounts, audit
from dangan.archive.catalog import Catalog, now_iso

EVERY_UNIT = "*"


def release(catalog: Catalog, doc_id: int, units: Iterable[str]) -> list[str]:
    """Release a document to units (`*` = every unit); returns the units newly added."""
    catalog.get(doc_id)   # raises DocumentNotFound
    added = []
    with catalog.transaction() as conn:
        for unit in dict.fromkeys(filter(None, (accounts.unit_name(catalog, u) for u in units))):
            cur = conn.execute("INSERT OR IGNORE INTO releases (document_id, unit, by_user, at) "
                               "VALUES (?,?,?,?)", (doc_id, unit, audit.actor(), now_iso()))
            if cur.rowcount:
                added.append(unit)
        if added:
            audit.append(conn, "release", f"doc:{doc_id}", {"after": {"units": added}})
    return added


def withdraw(catalog: Catalog, doc_id: int, unit: str) -> bool:
    with catalog.transaction() as conn:
        cur = conn.execute("DELETE FROM releases WHERE document_id = ? AND unit = ?", (doc_id, unit))
        if cur.rowcount:
            audit.append(conn, "release.withdraw", f"doc:{doc_id}", {"before": {"units": [unit]}})
    return bool(cur.rowcount)


def units_of(catalog: Catalog, doc_id: int) -> list[str]:
    rows = catalog.conn.execute("SELECT unit FROM releases WHERE document_id = ? ORDER BY unit", (doc_id,))
    return [r[0] for r in rows]


def released_ids(catalog: Catalog, unit: str) -> set[int]:
    rows = catalog.conn.execute("SELECT document_id FROM releases WHERE unit IN (?, ?)", (unit, EVERY_UNIT))
    return {r[0] for r in rows}


def is_released(catalog: Catalog, doc_id: int, unit: str | None) -> bool:
    if not unit:
        return False
    return catalog.conn.execute("SELECT 1 FROM releases WHERE document_id = ? AND unit IN (?, ?)",
                                (doc_id, unit, EVERY_UNIT)).fetchone() is not None
