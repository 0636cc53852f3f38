"""The throwaway PostgreSQL server the multi-machine tests stand on really starts, and
our own tokens with positions make exact phrase queries there."""
from __future__ import annotations

import psycopg


def test_server_starts_and_phrases_over_our_tokens_match_exactly(pg_dsn: str) -> None:
    with psycopg.connect(pg_dsn) as conn:
        assert conn.execute("SELECT current_database()").fetchone()[0] == "dangan"
        vector = "'创建':1 '建文':2 '文明':3 '明城':4 '城市':5"
        hit = conn.execute("SELECT %s::tsvector @@ %s::tsquery", (vector, "'文明' <-> '明城'")).fetchone()[0]
        miss = conn.execute("SELECT %s::tsvector @@ %s::tsquery", (vector, "'明城' <-> '文明'")).fetchone()[0]
        assert (hit, miss) == (True, False)
