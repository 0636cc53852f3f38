"""A faster writer for Whoosh's own segment format (W3): same bytes, fewer calls, two cores.

Whoosh writes a segment's postings one term at a time through five objects
(field writer, postings writer, block, term info, hash writer), about forty
Python calls a term. Unit bigrams make many terms with few postings (24,000
terms, 39,000 postings for the eleven corpus PDFs), so that per-term cost was
most of the commit. `FastW3Codec` writes the same files: a field's terms are
encoded in chunks by one callable (`_Encoder`) into the posting bytes and
the term-index records, and each chunk is written at once. The bytes are
identical to `W3Codec`'s (tests/test_whoosh_write.py builds both and compares
every segment file), so the index reads with Whoosh's own reader.

The commit runs after the last document of a batch, when the extraction
workers are done and one core would sit idle: a large chunk is cut in two and
the second half is encoded by a forked child while this process encodes the
first (`_in_parallel`). Only the posting-list path is replaced; per-document
columns, stored fields and the term-index hash tables are still Whoosh's.
"""
from __future__ import annotations

import os
import pickle
import zlib
from array import array
from collections.abc import Callable, Iterable, Iterator
from hashlib import md5
from pickle import dumps
from struct import Struct
from typing import Any, NamedTuple

from whoosh.codec.base import OutOfOrderError
from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3Codec, W3FieldWriter, W3TermInfo
from whoosh.system import pack_int, pack_ushort
from whoosh.util.numeric import byte_to_length, length_to_byte

from dangan.index.whoosh_pool import Grouped
from dangan.threads import may_fork

_TERMINFO = W3TermInfo._struct
_KV_LENGTHS = Struct("!ii")   # filetables.HashWriter: key and value lengths before each pair
_LONG = Struct("!q")          # whoosh.system.pack_long: a term's offset in the postings file
CHUNK = 200_000               # postings encoded at once: bounds the memory of a big commit
PARALLEL_MIN = 12_000         # postings in a chunk before a second process pays (a fork is ~5 ms)

Posting = tuple[str, bytes, int, float, Any]   # Whoosh's item: field, term, docnum, weight, value
Term = tuple[bytes, list[Posting]]


class FastW3Codec(W3Codec):
    def __init__(self, blocklimit: int = 128, compression: int = 3, inlinelimit: int = 1):
        if inlinelimit != 1:   # W3 never inlines at 1 (its own `len < limit` test); other values are not ours
            raise ValueError("FastW3Codec writes posting blocks only: inlinelimit must be 1")
        super().__init__(blocklimit, compression, inlinelimit)

    def field_writer(self, storage: Any, segment: Any) -> FastW3FieldWriter:
        return FastW3FieldWriter(self, storage, segment)


class Encoded(NamedTuple):
    """A run of terms as written: posting bytes, term-index records and, per term, the
    record's position, its key's hash and where its posting offset sits in `records`."""

    postings: bytes
    records: bytes
    entries: array   # flat (record position, hash, offset field position) triples
    first: bytes
    last: bytes


class FastW3FieldWriter(W3FieldWriter):
    def add_postings(self, schema: Any, lengths: Any, items: Any) -> None:
        """Write (fieldname, btext, docnum, weight, value) postings, sorted by field and term."""
        if self._tindex.hashtype != 0:   # not MD5 (Whoosh's default): not ours to write
            raise ValueError("FastW3Codec writes MD5 term indexes only")
        current: str | None = None
        fieldobj: Any = None
        doc_lengths: list[int] = []
        chunks = _grouped_chunks(items) if isinstance(items, Grouped) else _chunks(items)
        for fieldname, terms, count in chunks:
            if fieldname != current:
                if current is not None:
                    self.finish_field()
                fieldobj, current = schema[fieldname], fieldname
                doc_lengths = _field_lengths(lengths, fieldname)
                self.start_field(fieldname, fieldobj)
            if terms:
                self._write(fieldobj, terms, count, doc_lengths)
        if current is not None:
            self.finish_field()

    def _write(self, fieldobj: Any, terms: list[Term], count: int, doc_lengths: list[int]) -> None:
        codec, postfile, dbfile = self._codec, self._postfile, self._tindex.dbfile
        encode = _Encoder(self._fieldid, fieldobj.format.fixed_value_size(),
                          codec._blocklimit, codec._compression, doc_lengths)
        if count >= PARALLEL_MIN and len(terms) > 1 and may_fork():
            half, seen = 0, 0
            while seen < count // 2:   # cut where half the postings are behind
                seen += len(terms[half][1])
                half += 1
            half = min(half, len(terms) - 1)
            mine, theirs = _in_parallel(lambda: encode(terms[:half], postfile.tell(), dbfile.tell()),
                                        lambda: encode(terms[half:], 0, 0))
            self._emit(mine)
            self._emit(_moved(theirs, postfile.tell(), dbfile.tell()))
        else:
            self._emit(encode(terms, postfile.tell(), dbfile.tell()))

    def _emit(self, run: Encoded) -> None:
        tindex = self._tindex
        if run.first <= tindex.lastkey:
            raise ValueError(f"Keys must increase: {tindex.lastkey!r}..{run.first!r}")
        self._postfile.write(run.postings)
        tindex.dbfile.write(run.records)
        index, buckets, entries = tindex.index, tindex.buckets, run.entries
        for i in range(0, len(entries), 3):
            pos, h = entries[i], entries[i + 1]
            index.append(pos)
            buckets[h & 255].append((h, pos))
        tindex.lastkey = run.last


def _chunks(items: Iterable[tuple[str, bytes, int, float, bytes]]) -> Iterator[tuple[str, list[Term], int]]:
    """Sorted (field, term, docnum, weight, value) postings as (field, terms, postings) chunks of
    about CHUNK postings, a term never split; a field of spelling words only comes as one empty chunk."""
    fieldname: str | None = None
    terms: list[Term] = []
    postings: list[Posting] = []
    lasttext: bytes | None = None
    count = 0
    for item in items:
        name, btext, docnum = item[0], item[1], item[2]
        if name != fieldname:
            if fieldname is not None:
                if name < fieldname:
                    raise OutOfOrderError(f"Field {fieldname!r} .. {name!r}")
                yield fieldname, terms, count
            fieldname, terms, lasttext, count = name, [], None, 0
        if docnum == -1:   # a spelling word, not a posting (as Whoosh's own loop skips it)
            continue
        if btext != lasttext:
            if lasttext is not None and btext < lasttext:
                raise OutOfOrderError(f"Term {name}:{lasttext!r} .. {btext!r}")
            if count >= CHUNK:
                yield name, terms, count
                terms, count = [], 0
            postings = []
            terms.append((btext, postings))
            lasttext = btext
        postings.append(item)
        count += 1
    if fieldname is not None:
        yield fieldname, terms, count


def _grouped_chunks(grouped: Grouped) -> Iterator[tuple[str, list[Term], int]]:
    """`_chunks` of a pool that grouped its postings as they came: only the terms are sorted."""
    for fieldname in sorted(grouped.fields):
        found = grouped.fields[fieldname]
        terms: list[Term] = []
        count = 0
        for btext in sorted(found):
            if count >= CHUNK:
                yield fieldname, terms, count
                terms, count = [], 0
            postings = found[btext]
            terms.append((btext, postings))
            count += len(postings)
        yield fieldname, terms, count


class _Encoder:
    """A field's terms as W3PostingsWriter's blocks and OrderedHashWriter's records."""

    def __init__(self, fieldid: int, fixedsize: int | None, blocklimit: int, compression: int,
                 doc_lengths: list[int]):
        self.prefix = pack_ushort(fieldid)
        self.fixedsize, self.limit, self.comp = fixedsize, blocklimit, compression
        self.lengths = doc_lengths   # the field's quantised length per document, [] when not scored

    def __call__(self, terms: list[Term], post_at: int, record_at: int) -> Encoded:
        """The terms written as if the postings file were at `post_at` and the term index at `record_at`."""
        posts: list[bytes] = []
        records: list[bytes] = []
        entries = array("q")
        single: dict[tuple[int, float, int], tuple[bytes, bytes, float]] = {}
        prefix, kv, long_, md5_ = self.prefix, _KV_LENGTHS.pack, _LONG.pack, md5
        for btext, postings in terms:
            if len(postings) == 1:   # most terms (a bigram of one document): no blocks to cut
                written, terminfo = self._single(postings[0], single)
            else:
                written, terminfo = self._blocks(postings)
            key = prefix + btext
            value = terminfo + long_(post_at) + pack_int(len(written))
            h = int.from_bytes(md5_(key, usedforsecurity=False).digest()[-4:], "big")
            entries.extend((record_at, h, record_at + 8 + len(key) + len(terminfo)))
            record = kv(len(key), len(value)) + key + value
            posts.append(written)
            records.append(record)
            post_at += len(written)
            record_at += len(record)
        return Encoded(b"".join(posts), b"".join(records), entries,
                       prefix + terms[0][0], prefix + terms[-1][0])

    def _single(self, posting: Posting, seen: dict[tuple[int, float, int], tuple[bytes, bytes, float]]
                ) -> tuple[bytes, bytes]:
        """A one-posting list: the same bytes as `_blocks`, without its loops. A document's
        terms share their block header and term info wherever weight and length agree."""
        _, _, docnum, weight, value = posting
        length = self.lengths[docnum] if self.lengths else 0
        shared = seen.get((docnum, weight, length))
        if shared is None:
            stored = _float32(weight)
            bmax: float = weight if weight > 0 else 0
            lbyte = _byte(length or None)
            info = dumps((1, docnum, bmax, self.comp, lbyte, lbyte), 2)
            terminfo = _TERMINFO.pack(0, 0.0 + stored, 1, lbyte, lbyte, bmax, docnum, docnum)
            shared = seen[(docnum, weight, length)] = (info, terminfo, stored)
        info, terminfo, stored = shared
        fixedsize = self.fixedsize
        if fixedsize == 0:
            mini_values: Any = None
        elif fixedsize is None or fixedsize < 0:
            mini_values = (value,) if value else ()
        else:
            mini_values = value or b""
        data = dumps(((docnum,), None if stored == 1.0 else stored, mini_values), 2)
        if self.comp:
            data = zlib.compress(data, self.comp)
        return WHOOSH3_HEADER_MAGIC + pack_int(-(len(info) + len(data))) + info + data, terminfo

    def _blocks(self, postings: list[Posting]) -> tuple[bytes, bytes]:
        """A posting list in blocks of `limit` (W3PostingsWriter), and its term info."""
        limit, comp, fixedsize, lengths = self.limit, self.comp, self.fixedsize, self.lengths
        out = [WHOOSH3_HEADER_MAGIC]
        total_weight, minlength, maxlength = 0.0, None, 0
        maxweight: float = 0
        count = len(postings)
        for first in range(0, count, limit):
            block = postings[first:first + limit]
            ids = [p[2] for p in block]
            weights = array("f", [p[3] for p in block])   # stored as 32-bit floats, as Whoosh does
            bmax: float = 0
            bmin: int | None = None
            blen = 0
            for _, _, docnum, weight, _ in block:
                length = lengths[docnum] if lengths else 0
                if weight > bmax:
                    bmax = weight
                if length:
                    if bmin is None or length < bmin:
                        bmin = length
                    if length > blen:
                        blen = length
            total_weight += sum(weights)
            if bmin is not None:   # a block without lengths leaves the field's minimum as it was
                minlength = bmin if minlength is None else min(minlength, bmin)
            maxlength, maxweight = max(maxlength, blen), max(maxweight, bmax)
            if len(ids) == 1:
                deltas: tuple[int, ...] = (ids[0],)
            else:
                base, gaps = 0, []
                for docnum in ids:
                    gaps.append(docnum - base)
                    base = docnum
                deltas = tuple(gaps)
            first_weight = weights[0]
            if first_weight == 1.0 and all(w == 1.0 for w in weights):
                mini_weights: Any = None
            elif all(w == first_weight for w in weights):
                mini_weights = first_weight
            else:
                mini_weights = tuple(weights)
            if fixedsize == 0:
                mini_values: Any = None
            else:
                values = [p[4] for p in block if p[4]]
                mini_values = tuple(values) if fixedsize is None or fixedsize < 0 else b"".join(values)
            data = dumps((deltas, mini_weights, mini_values), 2)
            if comp:
                data = zlib.compress(data, comp)
            info = dumps((len(ids), ids[-1], bmax, comp, _byte(bmin), _byte(blen)), 2)
            size = len(info) + len(data)
            out += (pack_int(-size if first + limit >= count else size), info, data)
        terminfo = _TERMINFO.pack(0, total_weight, count, 0 if minlength is None else _byte(minlength),
                                  _byte(maxlength), maxweight, postings[0][2], postings[-1][2])
        return b"".join(out), terminfo


def _moved(run: Encoded, post_at: int, record_at: int) -> Encoded:
    """A run encoded at offset 0 of both files, moved to where it is written."""
    records = bytearray(run.records)
    entries = array("q", run.entries)
    unpack, pack = _LONG.unpack_from, _LONG.pack_into
    for i in range(0, len(entries), 3):
        at = entries[i + 2]
        pack(records, at, unpack(records, at)[0] + post_at)
        entries[i] += record_at
        entries[i + 2] += record_at
    return run._replace(records=bytes(records), entries=entries)


def _in_parallel(mine: Callable[[], Encoded], theirs: Callable[[], Encoded]) -> tuple[Encoded, Encoded]:
    """(mine(), theirs()), `theirs` computed by a forked child at the same time.

    The child sends its result through a pipe and leaves with `os._exit` (no
    cleanup of the parent's files, locks or connections runs twice). Should the
    child fail, its part is computed here: the commit never depends on it."""
    read, write = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read)
        os.close(write)
        return mine(), theirs()
    if pid == 0:   # the child
        code = 1
        try:
            os.close(read)
            with os.fdopen(write, "wb") as out:
                pickle.dump(theirs(), out, pickle.HIGHEST_PROTOCOL)
            code = 0
        finally:
            os._exit(code)
    os.close(write)
    try:
        result = mine()
        with os.fdopen(read, "rb") as received:
            try:
                other = pickle.load(received)
            except (EOFError, pickle.UnpicklingError):
                other = None
    finally:
        _, status = os.waitpid(pid, 0)
    if other is None or status != 0:
        other = theirs()
    return result, other


_float32_of: dict[float, float] = {}


def _float32(value: float) -> float:
    """The value as Whoosh stores a weight (array "f"), remembered: weights are few."""
    found = _float32_of.get(value)
    if found is None:
        found = array("f", [value])[0]
        if len(_float32_of) < 10_000:
            _float32_of[value] = found
    return found


_byte_of: dict[int | None, int] = {}


def _byte(length: int | None) -> int:
    """length_to_byte, remembered: a segment has few distinct field lengths."""
    found = _byte_of.get(length)
    if found is None:
        if length is not None and length > 200_000:   # 255 either way; keeps the table bounded
            return length_to_byte(length)
        found = _byte_of[length] = length_to_byte(length)
    return found


def _field_lengths(lengths: Any, fieldname: str) -> list[int]:
    """The field's quantised length per document of the new segment (what
    `W3PerDocReader.doc_field_length` answers), read once per field, not once per posting."""
    from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield

    if not lengths:
        return []
    reader = lengths._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
    if reader is None:
        return []
    return [byte_to_length(b) if b else 0 for b in (reader[i] for i in range(len(reader)))]
