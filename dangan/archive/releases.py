"""What the office has released to units (a unit searches and reads only these)."""
from __future__ import annotations

from collections.abc import Iterable

from dangan.archive import accounts, audit
from dangan.archive.catalog import Catalog, now_iso

EVERY_UNIT = "*"
# 国家秘密 (保守国家秘密法): a document marked so is never shown to a unit's account at the desk,
# whatever was released before it was marked; 内部 and 工作秘密 are the office's own call.
STATE_SECRET = ("绝密", "机密", "秘密")
_NOT_SECRET = "NOT (" + " OR ".join(f"COALESCE(d.secrecy, '') LIKE '{level}%'" for level in STATE_SECRET) + ")"


def state_secret(secrecy: str | None) -> bool:
    """A 密级 of 国家秘密 (绝密, 机密★1年, 秘密), not 内部 or 工作秘密."""
    return (secrecy or "").startswith(STATE_SECRET)


def secret_level(catalog: Catalog, doc_id: int) -> str | None:
    """The document's 密级 when it is a state secret level (绝密, 机密★1年, 秘密), else None."""
    row = catalog.conn.execute("SELECT secrecy FROM documents WHERE id = ?", (doc_id,)).fetchone()
    value = row[0] if row else None
    return value if state_secret(value) else None


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
    rows = catalog.conn.execute("SELECT r.document_id FROM releases r JOIN documents d ON d.id = r.document_id "
                                f"WHERE r.unit IN (?, ?) AND {_NOT_SECRET}", (unit, EVERY_UNIT))
    return {r[0] for r in rows}


def is_released(catalog: Catalog, doc_id: int, unit: str | None) -> bool:
    if not unit:
        return False
    return catalog.conn.execute("SELECT 1 FROM releases r JOIN documents d ON d.id = r.document_id "
                                f"WHERE r.document_id = ? AND r.unit IN (?, ?) AND {_NOT_SECRET}",
                                (doc_id, unit, EVERY_UNIT)).fetchone() is not None
