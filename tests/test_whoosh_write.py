"""Our Whoosh write path (whoosh_fields.py, whoosh_codec.py) writes Whoosh's own bytes.

The same documents are indexed twice: once with Whoosh's token stream and its
W3 codec, once with ours. Every segment file must be byte for byte the same
(only the segment's random name and the table of contents, which pickles the
field classes, differ), so an index written by either reads the same.
Documents: real corpus text (a budget PDF with tables, a work report, a
normative notice with 文号 brackets and numbers), and four reports cut into
200 pieces so that common terms span several posting blocks (128 a block) with
frequencies, and so weights, that differ between documents. The same bytes come out
when a chunk is encoded in two processes, and when the child of that fork dies.
"""
from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import CORPUS, corpus_file
from whoosh import fields, index
from whoosh.codec.whoosh3 import W3Codec

from dangan.index import whoosh_backend, whoosh_codec, whoosh_fields
from dangan.index.base import IndexDoc
from dangan.index.query import parse_query
from dangan.index.whoosh_codec import FastW3Codec
from dangan.index.whoosh_pool import GroupedPool
from dangan.read.extract.base import Limits
from dangan.read.extract.pdf import PdfExtractor
from dangan.read.extract.text import decode_text
from dangan.text.normalize import search_text

OURS = ("grams", "chars", "title", "issuer_grams", "number_grams")


@pytest.fixture(scope="module")
def docs() -> list[IndexDoc]:
    budget = PdfExtractor().extract(corpus_file("pdf/cn_provincial_budget_reports_2024/Anhui.pdf"), Limits())
    report = decode_text(corpus_file(
        "txt/cn_state_council_gov_work_reports_1954_2025/2024年中华人民共和国国务院政府工作报告.txt").read_bytes())[0]
    notice = decode_text(sorted((CORPUS / "txt" / "cn_normative_docs_pkulaw").glob("*.txt"))[0].read_bytes())[0]
    texts = [budget.text, report, notice]
    reports = "".join(decode_text(p.read_bytes())[0] for p in sorted(
        (CORPUS / "txt" / "cn_state_council_gov_work_reports_1954_2025").glob("20*.txt"))[-4:])
    size = len(reports) // 200
    pieces = [reports[i * size:(i + 1) * size] for i in range(200)]
    out = [IndexDoc(id=i + 1, text=search_text(t), title=search_text(t.split()[0][:40]),
                    issuer="国务院" if i % 2 else "安徽省财政厅", doc_number="皖财预〔2024〕12号" if i % 3 else "",
                    doc_type="报告", doc_date=f"2024-0{1 + i % 9}-1{i % 10}", items=("Ⅲ-77",) if i % 5 else ())
           for i, t in enumerate(texts + pieces)]
    assert len(out) == 203 and all(d.text for d in out)
    return out


def _stock_schema() -> fields.Schema:
    """Our schema with Whoosh's own TEXT field (its token stream) where we use ours."""
    schema = whoosh_fields.schema()
    for name in OURS:
        schema[name].__class__ = fields.TEXT
    return schema


def _build(folder: Path, schema: fields.Schema, codec: W3Codec, docs: list[IndexDoc],
           grouped: bool = False) -> Path:
    folder.mkdir(exist_ok=True)
    ix = index.create_in(str(folder), schema)
    writer = ix.writer(limitmb=128, compound=False, codec=codec)
    if grouped:
        writer.pool = GroupedPool()
    for doc in docs:
        writer.update_document(**whoosh_fields.document_fields(doc))
    writer.commit()
    return folder


def _segment_files(folder: Path) -> dict[str, str]:
    """Segment files by their name without the random segment id: their bytes' digest."""
    out = {}
    for path in folder.iterdir():
        if path.name.startswith("MAIN_") and path.name != "MAIN_WRITELOCK":
            kind = re.sub(r"^MAIN_[a-z0-9]+", "", path.name)
            out[kind] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


@pytest.fixture(scope="module")
def ours(tmp_path_factory: pytest.TempPathFactory, docs: list[IndexDoc]) -> Path:
    """The documents indexed by our fields, pool and codec, as the backend writes them (no compression)."""
    return _build(tmp_path_factory.mktemp("ours"), whoosh_fields.schema(), FastW3Codec(compression=0), docs,
                  grouped=True)


@pytest.fixture(scope="module")
def stock(tmp_path_factory: pytest.TempPathFactory, docs: list[IndexDoc]) -> dict[str, str]:
    """The documents indexed by Whoosh's own token stream and W3 codec (no compression)."""
    return _segment_files(_build(tmp_path_factory.mktemp("stock"), _stock_schema(), W3Codec(compression=0), docs))


def test_same_bytes_as_whoosh(stock: dict[str, str], ours: Path) -> None:
    assert {".trm", ".pst", "._grams_len.col"} <= set(stock)
    assert _segment_files(ours) == stock


def test_same_bytes_from_whooshs_own_pool(tmp_path: Path, docs: list[IndexDoc], stock: dict[str, str]) -> None:
    """Our codec also takes Whoosh's sorted items (a writer with its own PostingPool)."""
    assert _segment_files(_build(tmp_path / "pool", whoosh_fields.schema(), FastW3Codec(compression=0), docs)) == stock


def test_same_bytes_in_chunks_on_two_cores(tmp_path: Path, docs: list[IndexDoc], stock: dict[str, str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Many chunks, each cut in two with its second half encoded by a forked child."""
    forks = []
    in_parallel = whoosh_codec._in_parallel
    monkeypatch.setattr(whoosh_codec, "CHUNK", 3000)
    monkeypatch.setattr(whoosh_codec, "PARALLEL_MIN", 100)
    monkeypatch.setattr(whoosh_codec, "may_fork", lambda: True)
    monkeypatch.setattr(whoosh_codec, "_in_parallel", lambda *parts: forks.append(1) or in_parallel(*parts))
    built = _build(tmp_path / "two", whoosh_fields.schema(), FastW3Codec(compression=0), docs, grouped=True)
    assert len(forks) > 10
    assert _segment_files(built) == stock


def test_a_failed_child_costs_nothing(tmp_path: Path, docs: list[IndexDoc], stock: dict[str, str],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """A child that dies (killed, out of memory) leaves its half to this process: same bytes."""
    parent, redone = os.getpid(), []
    in_parallel = whoosh_codec._in_parallel

    def theirs_fails_in_child(mine: Any, theirs: Any) -> Any:
        def theirs_here() -> Any:
            if os.getpid() != parent:
                os._exit(9)
            redone.append(1)
            return theirs()
        return in_parallel(mine, theirs_here)

    monkeypatch.setattr(whoosh_codec, "may_fork", lambda: True)
    monkeypatch.setattr(whoosh_codec, "_in_parallel", theirs_fails_in_child)
    built = _build(tmp_path / "failed", whoosh_fields.schema(), FastW3Codec(compression=0), docs)
    assert redone
    assert _segment_files(built) == stock


def test_same_bytes_compressed(tmp_path: Path, docs: list[IndexDoc]) -> None:
    """Whoosh's default (zlib level 3) blocks, a few documents: the compressed branch."""
    stock = _segment_files(_build(tmp_path / "stock", _stock_schema(), W3Codec(), docs[:20]))
    assert _segment_files(_build(tmp_path / "fast", whoosh_fields.schema(), FastW3Codec(), docs[:20], grouped=True)) == stock


def test_multi_block_terms_present(ours: Path) -> None:
    """The set above really exercises several blocks a term and differing weights."""
    ix = index.open_dir(str(ours))
    with ix.searcher() as searcher:
        reader = searcher.reader()
        common = max(reader.lexicon("grams"), key=lambda t: reader.doc_frequency("grams", t))
        assert reader.doc_frequency("grams", common) > 128
        weights = {w for _, w in reader.postings("grams", common).items_as("weight")}
        assert len(weights) > 3


def test_backend_finds_what_it_wrote(tmp_path: Path, docs: list[IndexDoc]) -> None:
    backend = whoosh_backend.WhooshBackend(tmp_path / "idx")
    try:
        backend.stage(docs[:150])
        assert backend.count() == 0            # staged, not committed
        backend.stage(docs[150:])
        backend.commit()
        assert backend.count() == len(docs)
        hits = backend.search(parse_query('number:"皖财预〔2024〕12号"'), limit=500)
        assert hits.total == sum(1 for d in docs if d.doc_number)
        backend.stage(docs[:1])
        backend.rollback()                     # dropped, and the writer lock released
        assert backend.add(docs[:2]) == 2
        assert backend.count() == len(docs)    # replaced by id, not added twice
    finally:
        backend.close()
