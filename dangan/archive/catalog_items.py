"""The catalog's evaluation items (测评项目 from the taxonomy) and each document's links to them."""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from dangan.archive.catalog_db import CatalogDatabase, now_iso


class ItemLinks(CatalogDatabase):
    """The catalog's part that keeps the items and which documents are filed under them."""

    # -- evaluation items ----------------------------------------------------
    def sync_items(self, rows: Iterable[tuple[str, str, str | None, str | None]]) -> None:
        """(code, name, parent, standard) of every item; the taxonomy is the source."""
        rows = list(rows)
        with self.transaction() as conn:
            conn.executemany("INSERT INTO items (code, name, parent, standard) VALUES (?,?,?,?) "
                             "ON CONFLICT(code) DO UPDATE SET name = excluded.name, "
                             "parent = excluded.parent, standard = excluded.standard", rows)

    def set_items(self, doc_id: int, scores: dict[str, float], origin: str) -> None:
        """Replace a document's links of this origin (a fresh automatic reading, say)."""
        self.link_items(doc_id, scores, origin, replace=True)

    def link_items(self, doc_id: int, scores: Mapping[str, float], origin: str, *,
                   replace: bool = False) -> None:
        """Link evaluation items to a document: the one place of the rule that a manual
        link replaces an automatic one and an automatic link never replaces a manual one.

        `replace` first drops the document's links of this origin.
        """
        with self.transaction() as conn:
            if replace:
                conn.execute("DELETE FROM document_items WHERE document_id = ? AND origin = ?",
                             (doc_id, origin))
            manual = {r[0] for r in conn.execute("SELECT item_code FROM document_items WHERE "
                                                 "document_id = ? AND origin = 'manual'", (doc_id,))}
            conn.executemany("INSERT OR REPLACE INTO document_items (document_id, item_code, score, "
                             "origin) VALUES (?,?,?,?)",
                             [(doc_id, code, score, origin) for code, score in scores.items()
                              if origin == "manual" or code not in manual])
            conn.execute("UPDATE documents SET updated_at = ? WHERE id = ?", (now_iso(), doc_id))

    def unlink_items(self, doc_id: int, codes: Iterable[str]) -> None:
        """Remove links by hand, whatever their origin."""
        with self.transaction() as conn:
            conn.executemany("DELETE FROM document_items WHERE document_id = ? AND item_code = ?",
                             [(doc_id, code) for code in codes])
            conn.execute("UPDATE documents SET updated_at = ? WHERE id = ?", (now_iso(), doc_id))

    def item_codes(self, doc_id: int) -> tuple[str, ...]:
        rows = self.conn.execute("SELECT item_code FROM document_items WHERE document_id = ? "
                                 "ORDER BY score DESC", (doc_id,))
        return tuple(r[0] for r in rows)

    def item(self, code: str) -> dict[str, Any] | None:
        row = self.conn.execute("SELECT * FROM items WHERE code = ?", (code,)).fetchone()
        return dict(row) if row else None
