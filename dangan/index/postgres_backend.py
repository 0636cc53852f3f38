"""PostgreSQL backend: the index of a multi-machine archive, one database for every node.

Our own tokens (grams.py: bigrams at consecutive positions, single characters) are
stored as `tsvector`s with positions under the `simple` configuration, so PostgreSQL
never re-tokenises Chinese; a quoted span is a `<->` phrase over its bigrams, found
exactly wherever it was cut, as on the other backends. A tsvector keeps positions only
up to 16,383, so a document's body is stored in chunks of `CHUNK_TOKENS` bigrams that
overlap by `OVERLAP` (a span up to that long is found across a chunk boundary too).
GIN indexes serve the `@@` matches; facets are one GROUP BY over the matching ids.

The index folder of the workspace holds only a marker naming the database and the
schema, so `open_backend` finds the same index from any node.
"""
from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from pathlib import Path
from typing import Any

from dangan.errors import IndexMismatch, MissingDependency
from dangan.index.analyzer import phrase_grams, units
from dangan.index.base import FACET_FIELDS, BufferedStaging, IndexDoc, Ranked, Sort
from dangan.index.grams import Grams, gram_string, tokenize_stream
from dangan.index.query import Query, Term, words
from dangan.index.tantivy_query import ymd
from dangan.text.normalize import search_text
from dangan.text.organs import organ_forms

log = logging.getLogger(__name__)

SCHEMA_VERSION = 6   # 3: the file name (field name); 4: × a mark of its own, markup read as shown;
#                      5: the 文号's bigrams (number_grams), the 发文机关's as search text: plain words find them
#                      6: 〇 (and ○) a unit: 二〇〇三年 is no longer 二三年, a span of 二〇二三年
MARKER = "dangan-index.json"
CHUNK_TOKENS = 16_000        # under tsvector's 16,383 position limit
OVERLAP = 256                # a span this long is still found across a chunk boundary
BATCH = 200                  # documents per transaction in a bulk build
PHRASE_BOOST = 4.0           # as the other backends: a bare query found whole ranks first
TITLE_BOOST = 2.0
YEAR_HINT = TITLE_BOOST      # soft hints (query_forms.py), as the other backends: a document of a year the query
TYPE_HINT = TITLE_BOOST / 2  # names, one of a 文种 typed as a word, ranks higher; neither filters
_SCHEMA_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,40}$")


def create_marker(folder: Path, dsn: str, schema: str = "dangan") -> None:
    """Point a workspace's index folder at a PostgreSQL index (`dangan init --database`)."""
    if not _SCHEMA_NAME.match(schema):
        raise ValueError(f"not a schema name: {schema!r}")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / MARKER).write_text(json.dumps({"backend": "postgres", "schema": SCHEMA_VERSION,
                                             "dsn": dsn, "pg_schema": schema}), encoding="utf-8")


def read_marker(folder: Path) -> dict[str, Any] | None:
    try:
        data = json.loads((folder / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if data.get("backend") == "postgres" else None


def tsvector(tokens: Sequence[str]) -> str:
    """A tsvector literal with each token at its position (1-based)."""
    positions: dict[str, list[int]] = {}
    for number, token in enumerate(tokens, start=1):
        positions.setdefault(token, []).append(number)
    return " ".join(f"{_lexeme(t)}:{','.join(map(str, p))}" for t, p in positions.items())


def phrase(tokens: Sequence[str]) -> str:
    """A tsquery literal: the tokens at consecutive positions."""
    return " <-> ".join(_lexeme(t) for t in tokens)


def _lexeme(token: str) -> str:
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"


def number_in(column: str, number: str) -> tuple[str, list[Any]]:
    """A number as a unit of a bigram field (1982年…, as whoosh_query._number_in and tantivy_query's): the
    lexemes it starts, found by a prefix (the GIN index), then kept to those where the number ends: 1982年,
    not 19821年 (a tsquery prefix has no pattern; the lexemes of the few rows it finds are read)."""
    return (f"({column} @@ %s::tsquery AND EXISTS (SELECT 1 FROM unnest({column}) u WHERE u.lexeme ~ %s))",
            [_lexeme(number) + ":*", "^" + re.escape(number) + "([^0-9].*)?$"])


def chunks(body: str) -> list[list[str]]:
    tokens = body.split()
    if len(tokens) <= CHUNK_TOKENS:
        return [tokens]
    step = CHUNK_TOKENS - OVERLAP
    return [tokens[start:start + CHUNK_TOKENS] for start in range(0, len(tokens) - OVERLAP, step)]


class PostgresBackend(BufferedStaging):
    name = "postgres"

    def __init__(self, folder: Path, dsn: str | None = None, pg_schema: str | None = None):
        marker = read_marker(folder)
        if marker is None and dsn is None:
            raise IndexMismatch(found="（无）", configured="postgres（缺少数据库地址）")
        if marker is not None and marker.get("schema") != SCHEMA_VERSION:
            raise IndexMismatch(found=f"postgres（索引结构 {marker.get('schema')}）",
                                configured=f"postgres（索引结构 {SCHEMA_VERSION}）")
        if marker is None:
            create_marker(folder, str(dsn), pg_schema or "dangan")
            marker = read_marker(folder)
        assert marker is not None
        try:
            import psycopg
        except ImportError as exc:  # pragma: no cover - declared dependency
            raise MissingDependency(name="psycopg") from exc
        self.schema = marker["pg_schema"]
        self.conn = psycopg.connect(marker["dsn"], autocommit=True)
        self._create()

    # -- schema ------------------------------------------------------------
    def _create(self) -> None:
        s = self.schema
        with self.conn.transaction():
            self.conn.execute(f"SELECT pg_advisory_xact_lock(hashtext('dangan-index-{s}'))")
            self.conn.execute(f"CREATE SCHEMA IF NOT EXISTS {s}")
            self.conn.execute(f"""CREATE TABLE IF NOT EXISTS {s}.docs (
                id integer PRIMARY KEY, title tsvector NOT NULL, chars tsvector NOT NULL,
                issuer_grams tsvector NOT NULL, doc_type text NOT NULL DEFAULT '',
                issuer text NOT NULL DEFAULT '', doc_number text NOT NULL DEFAULT '',
                year text NOT NULL DEFAULT '', items text[] NOT NULL DEFAULT '{{}}',
                date integer NOT NULL DEFAULT 0)""")
            # the file name (schema 3): a table an older dangan made in this database gains it
            self.conn.execute(f"ALTER TABLE {s}.docs ADD COLUMN IF NOT EXISTS name tsvector NOT NULL DEFAULT ''")
            # the 文号's bigrams (schema 5), likewise
            self.conn.execute(f"ALTER TABLE {s}.docs ADD COLUMN IF NOT EXISTS number_grams tsvector NOT NULL DEFAULT ''")
            self.conn.execute(f"""CREATE TABLE IF NOT EXISTS {s}.chunks (
                doc_id integer NOT NULL REFERENCES {s}.docs(id) ON DELETE CASCADE,
                number integer NOT NULL, body tsvector NOT NULL, PRIMARY KEY (doc_id, number))""")
            for table, column in (("chunks", "body"), ("docs", "title"), ("docs", "chars"),
                                  ("docs", "issuer_grams"), ("docs", "number_grams"), ("docs", "name")):
                self.conn.execute(f"CREATE INDEX IF NOT EXISTS {table}_{column}_gin "
                                  f"ON {s}.{table} USING gin ({column})")
            self.conn.execute(f"CREATE INDEX IF NOT EXISTS docs_date ON {s}.docs (date)")

    # -- writing -----------------------------------------------------------
    def add(self, docs: Iterable[IndexDoc]) -> int:
        window: list[IndexDoc] = []

        def fields() -> Iterator[tuple[str, str, str]]:
            for doc in docs:
                window.append(doc)
                yield doc.text, doc.title, doc.issuer_text

        count = 0
        pairs = ((window.pop(0), grams) for grams in tokenize_stream(fields()))
        while group := list(islice(pairs, BATCH)):
            with self.conn.transaction():
                for doc, grams in group:
                    self._write(doc, grams)
            count += len(group)
        return count

    def _write(self, doc: IndexDoc, grams: Grams) -> None:
        s = self.schema
        self.conn.execute(f"DELETE FROM {s}.docs WHERE id = %s", (doc.id,))
        self.conn.execute(
            f"INSERT INTO {s}.docs (id, title, chars, issuer_grams, number_grams, name, doc_type, issuer, "
            f"doc_number, year, items, date) VALUES (%s, %s::tsvector, %s::tsvector, %s::tsvector, %s::tsvector, "
            f"%s::tsvector, %s, %s, %s, %s, %s, %s)",
            (doc.id, tsvector(grams.title.split()), tsvector(sorted(set(grams.chars.split()))),
             tsvector(grams.issuer.split()), tsvector(gram_string(doc.number_text).split()),
             tsvector(gram_string(doc.name).split()), doc.doc_type, doc.issuer, doc.doc_number, doc.year,
             list(doc.items), ymd(doc.doc_date)))
        with self.conn.cursor() as cur:
            cur.executemany(f"INSERT INTO {s}.chunks (doc_id, number, body) VALUES (%s, %s, %s::tsvector)",
                            [(doc.id, n, tsvector(part)) for n, part in enumerate(chunks(grams.body))])

    def delete(self, ids: Iterable[int]) -> None:
        ids = [int(i) for i in ids]
        if ids:
            self.conn.execute(f"DELETE FROM {self.schema}.docs WHERE id = ANY(%s)", (ids,))

    # -- reading -----------------------------------------------------------
    def search(self, query: Query, *, limit: int = 10, offset: int = 0,
               sort: Sort = "relevance") -> Ranked:
        where, args, score, score_args = self._translate(query)
        s = self.schema
        total = self._count(f"SELECT count(*) FROM {s}.docs d WHERE {where}", args)
        order = {"relevance": "score DESC, d.id", "date": "d.date DESC, d.id", "date_asc": "d.date ASC, d.id"}[sort]
        rows = self.conn.execute(
            f"SELECT d.id, {score} AS score FROM {s}.docs d WHERE {where} ORDER BY {order} LIMIT %s OFFSET %s",
            [*score_args, *args, limit, offset]).fetchall()
        return Ranked(total=int(total),
                      hits=tuple((int(i), float(sc) if sort == "relevance" else 0.0) for i, sc in rows))

    def facets(self, query: Query, fields: Sequence[str] = FACET_FIELDS) -> dict[str, dict[str, int]]:
        where, args, _, _ = self._translate(query)
        out: dict[str, dict[str, int]] = {}
        for name in fields:
            column = "unnest(d.items)" if name == "items" else f"d.{name}"
            rows = self.conn.execute(
                f"SELECT v, count(*) FROM (SELECT {column} AS v FROM {self.schema}.docs d WHERE {where}) f "
                f"WHERE v <> '' GROUP BY v ORDER BY 2 DESC, 1", args).fetchall()
            out[name] = {str(v): int(n) for v, n in rows}
        return out

    def count(self) -> int:
        return self._count(f"SELECT count(*) FROM {self.schema}.docs")

    def all_ids(self) -> set[int]:
        return {int(r[0]) for r in self.conn.execute(f"SELECT id FROM {self.schema}.docs")}

    # -- vocabulary (suggest.py) ---------------------------------------------
    def doc_freq(self, field: str, token: str) -> int:
        table, column = ("chunks c", "c.body") if field == "grams" else ("docs c", f"c.{field}")
        key = "c.doc_id" if field == "grams" else "c.id"
        return self._count(f"SELECT count(DISTINCT {key}) FROM {self.schema}.{table} "
                           f"WHERE {column} @@ %s::tsquery", [_lexeme(token)])

    def _count(self, sql: str, args: Sequence[object] = ()) -> int:
        row = self.conn.execute(sql, args).fetchone()
        assert row is not None   # an aggregate without GROUP BY gives one row
        return int(row[0])

    def terms_with_prefix(self, field: str, prefix: str) -> list[str] | None:
        """The units of the archive (one scan of the documents' unit sets, kept for this
        connection); None for bigrams: PostgreSQL has no cheap walk of a GIN index's keys."""
        if field != "chars":
            return None
        if getattr(self, "_units", None) is None:
            rows = self.conn.execute(f"SELECT word FROM ts_stat('SELECT chars FROM {self.schema}.docs')")
            self._units = sorted(str(r[0]) for r in rows)
        return [u for u in self._units if u.startswith(prefix)]

    def span_count(self, text: str) -> int:
        return self.search(Query(terms=(Term(text, quoted=True),)), limit=1).total

    def close(self) -> None:
        self.conn.close()

    # -- our query model as SQL ----------------------------------------------
    def _translate(self, query: Query) -> tuple[str, list[Any], str, list[Any]]:
        """WHERE clause and its arguments; score expression and its arguments."""
        clauses: list[str] = []
        args: list[Any] = []
        scores: list[str] = []
        score_args: list[Any] = []
        groups: list[tuple[str, list[Any]]] = []
        for group in query.groups:
            parts = [self._term(term) for term in group]
            clause = " OR ".join(c for c, _, _ in parts)
            clause_args = [a for _, aa, _ in parts for a in aa]
            clause = clause if len(parts) == 1 else f"({clause})"
            groups.append((clause, clause_args))
            scores.append(f"(CASE WHEN {clause} THEN 1.0 ELSE 0 END)")
            score_args.extend(clause_args)
            for term, (_, _, boost) in zip(group, parts):
                if boost is not None:
                    scores.append(f"(CASE WHEN {boost[0]} THEN {PHRASE_BOOST} ELSE 0 END)")
                    score_args.extend(boost[1])
                for title in (self._title(term.text), self._organ(term.text)):
                    if title is not None:
                        scores.append(f"(CASE WHEN {title[0]} THEN {TITLE_BOOST} ELSE 0 END)")
                        score_args.extend(title[1])
                rank = self._rank(term.text)
                if rank is not None:
                    scores.append(rank[0])
                    score_args.extend(rank[1])
        if 0 < query.at_least < len(groups):   # the looser pass (loose.py): at least so many groups, not all
            clauses.append("(" + " + ".join(f"(CASE WHEN {c} THEN 1 ELSE 0 END)" for c, _ in groups) + f") >= {int(query.at_least)}")
            args.extend(a for _, aa in groups for a in aa)
        else:
            for clause, clause_args in groups:
                clauses.append(clause)
                args.extend(clause_args)
        for year in query.years:   # dated in the year, else titled with it
            titled, titled_args = number_in("d.title", year)
            scores.append(f"(CASE WHEN d.date BETWEEN %s AND %s OR {titled} THEN {YEAR_HINT} ELSE 0 END)")
            score_args += [int(year) * 10_000 + 101, int(year) * 10_000 + 1231, *titled_args]
        for doc_type in query.types:
            scores.append(f"(CASE WHEN d.doc_type = %s THEN {TYPE_HINT} ELSE 0 END)")
            score_args.append(doc_type)
        for term in query.negated:
            clause, clause_args = self._span(term.text)
            clauses.append(f"NOT {clause}")
            args.extend(clause_args)
        filters, filter_args = self._filters(query)
        clauses += filters
        args += filter_args
        return (" AND ".join(clauses) or "TRUE", args, " + ".join(scores) or "0", score_args)

    def _term(self, term: Term) -> tuple[str, list[Any], tuple[str, list[Any]] | None]:
        whole = self._span(term.text)
        if term.quoted or len(term.units) <= 2:
            return whole[0], whole[1], None
        parts = [w for w in words(term.text) if w]
        if len(parts) <= 1:
            return whole[0], whole[1], None
        spans = [self._span(w) for w in parts]
        # or the term whole (as whoosh_query._term: a one-character word of a 发文机关 is only inside its bigrams)
        return ("((" + " AND ".join(c for c, _ in spans) + f") OR {whole[0]})",
                [a for _, aa in spans for a in aa] + whole[1], whole)

    def _span(self, text: str) -> tuple[str, list[Any]]:
        """A span of units found exactly in the body, the title, the 发文机关, the 文号 or (two units or
        more) the file name. A match in the name adds nothing to the score beyond the group's: any body
        match of the span (its ts_rank) ranks above it; one in the title, 发文机关 or 文号 adds TITLE_BOOST."""
        s = self.schema
        us = units(text)
        if not us:
            return ("FALSE", [])
        if len(us) == 1:
            lexeme = _lexeme(us[0])
            number: tuple[str, list[Any]] = ("", [])
            if us[0][0].isdigit():
                (title, title_args), (name, name_args) = number_in("d.title", us[0]), number_in("d.name", us[0])
                number = (f"OR {title} OR {name}", title_args + name_args)
            return ("(d.chars @@ %s::tsquery OR d.title @@ %s::tsquery OR d.issuer_grams @@ %s::tsquery "
                    f"OR d.number_grams @@ %s::tsquery {number[0]})", [lexeme] * 4 + number[1])
        grams = phrase_grams(text)
        if not grams:
            return ("FALSE", [])
        q = phrase(grams)
        return (f"(d.title @@ %s::tsquery OR d.name @@ %s::tsquery OR d.issuer_grams @@ %s::tsquery "
                f"OR d.number_grams @@ %s::tsquery OR d.id IN (SELECT c.doc_id "
                f"FROM {s}.chunks c WHERE c.body @@ %s::tsquery))", [q] * 5)

    def _title(self, text: str) -> tuple[str, list[Any]] | None:
        grams = phrase_grams(text)
        if not grams:
            return None
        if len(grams) == 1 and grams[0][0].isdigit() and units(text) == grams:   # a number: the bigrams it starts
            return number_in("d.title", grams[0])
        return ("d.title @@ %s::tsquery", [phrase(grams)])

    def _organ(self, text: str) -> tuple[str, list[Any]] | None:
        """The span in the 发文机关 or the 文号: weighed as the title."""
        grams = phrase_grams(text)
        if not grams:
            return None
        return ("(d.issuer_grams @@ %s::tsquery OR d.number_grams @@ %s::tsquery)", [phrase(grams)] * 2)

    def _rank(self, text: str) -> tuple[str, list[Any]] | None:
        """How often the span occurs, for ranking among documents that hold it."""
        grams = phrase_grams(text)
        if not grams:
            return None
        return (f"coalesce((SELECT max(ts_rank(c.body, %s::tsquery)) FROM {self.schema}.chunks c "
                f"WHERE c.doc_id = d.id), 0)", [phrase(grams)])

    def _filters(self, query: Query) -> tuple[list[str], list[Any]]:
        clauses: list[str] = []
        args: list[Any] = []
        if query.doc_type:
            clauses.append("d.doc_type = %s")
            args.append(query.doc_type)
        if query.issuer:   # the name as typed or any spelling it stands for (文明办 → …精神文明建设委员会办公室)
            either: list[str] = []
            for form in organ_forms(query.issuer):
                grams = phrase_grams(search_text(form))
                if grams:
                    either.append("d.issuer = %s OR d.issuer_grams @@ %s::tsquery")
                    args += [form, phrase(grams)]
                else:
                    either.append("d.issuer = %s")
                    args.append(form)
            clauses.append("(" + " OR ".join(either) + ")")
        if query.doc_number:
            clauses.append("strpos(d.doc_number, %s) > 0")
            args.append(query.doc_number)
        for item in query.items:
            clauses.append("EXISTS (SELECT 1 FROM unnest(d.items) i WHERE i = %s OR starts_with(i, %s))")
            args += [item, item + "."]
        if query.title:
            grams = phrase_grams(search_text(query.title))
            if grams:
                clauses.append("d.title @@ %s::tsquery")
                args.append(phrase(grams))
        if query.date_from or query.date_to:
            low = ymd(query.date_from) if query.date_from else 1
            high = ymd(query.date_to) if query.date_to else 99_999_999
            clauses.append("d.date BETWEEN %s AND %s")
            args += [max(low, 1), high]
        if query.undated:
            clauses.append("d.date = 0")
        return clauses, args
