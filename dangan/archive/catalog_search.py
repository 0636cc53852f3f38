"""What the search pages read from the catalog beside the index: saved searches (常用检索), facet counts, paths."""
from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from dangan.archive.catalog_db import CatalogDatabase, now_iso


class SearchSupport(CatalogDatabase):
    """The catalog's part the search pages use: 常用检索, the facets beside the hits, a hit's first path."""

    # -- saved searches (the web desk's 常用检索) ------------------------------------
    def save_search(self, name: str, query: str) -> int:
        """Keep `query` (a search page's query string) under `name`; the same name is replaced."""
        with self.conn:
            self.conn.execute("INSERT INTO saved_searches (name, query, created_at) VALUES (?, ?, ?) "
                              "ON CONFLICT(name) DO UPDATE SET query = excluded.query",
                              (name, query, now_iso()))
        return int(self.conn.execute("SELECT id FROM saved_searches WHERE name = ?", (name,)).fetchone()[0])

    def saved_searches(self) -> list[dict[str, Any]]:
        rows = self.conn.execute("SELECT id, name, query, created_at FROM saved_searches ORDER BY name")
        return [dict(r) for r in rows]

    def delete_saved_search(self, search_id: int) -> None:
        with self.conn:
            self.conn.execute("DELETE FROM saved_searches WHERE id = ?", (search_id,))

    # Facet SQL: the values shown beside search hits, counted over the hits' ids. The
    # documents' three facets come from one pass (each row read once: a row holds its text,
    # so reading it is most of the cost), grouped by all three and summed per facet here.
    _FACET_DOCS = ("WITH hits(id) AS (SELECT value FROM json_each(?)) "
                   "SELECT coalesce(doc_type, ''), coalesce(issuer, ''), "
                   "CASE WHEN length(coalesce(doc_date, '')) >= 4 THEN substr(doc_date, 1, 4) ELSE '' END, "
                   "count(*) FROM documents d JOIN hits h ON d.id = h.id GROUP BY 1, 2, 3")
    _FACET_ITEMS = ("WITH hits(id) AS (SELECT value FROM json_each(?)) "
                    "SELECT item_code, count(DISTINCT document_id) FROM document_items i "
                    "JOIN hits h ON i.document_id = h.id GROUP BY 1")

    def facet_counts(self, ids: Iterable[int],
                     names: Iterable[str] = ("doc_type", "issuer", "year", "items")) -> dict[str, dict[str, int]]:
        """For each facet, value → how many of these documents have it; most frequent first.

        The ids go in as one JSON array (no temporary table: the catalog may be opened
        read-only).
        """
        hits = json.dumps([int(i) for i in ids])
        names = tuple(names)
        counts: dict[str, dict[str, int]] = {"doc_type": {}, "issuer": {}, "year": {}, "items": {}}
        if {"doc_type", "issuer", "year"} & set(names):
            for doc_type, issuer, year, n in self.conn.execute(self._FACET_DOCS, (hits,)):
                for name, value in (("doc_type", doc_type), ("issuer", issuer), ("year", year)):
                    if value:
                        counts[name][str(value)] = counts[name].get(str(value), 0) + int(n)
        if "items" in names:
            counts["items"] = {str(v): int(n) for v, n in self.conn.execute(self._FACET_ITEMS, (hits,))}
        return {name: dict(sorted(counts[name].items(), key=lambda kv: (-kv[1], kv[0]))) for name in names}

    def first_paths(self, ids: Iterable[int]) -> dict[int, str]:
        ids = list(ids)
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        rows = self.conn.execute(f"SELECT document_id, path FROM sources WHERE document_id IN "
                                 f"({marks}) ORDER BY id DESC", ids)
        return {doc_id: path for doc_id, path in rows}  # the earliest source wins
