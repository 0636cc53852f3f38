"""Field accuracy of read_metadata against hand labels of real corpus documents.

The labels (tests/data/gongwen_labels.toml) were written from reading the
documents; their header says what each field means. Run with -s to see the
per-field figures and every miss.
"""
from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from dangan.read.understand.gongwen import read_metadata

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
LABELS = Path(__file__).resolve().parent / "data" / "gongwen_labels.toml"
FIELDS = ("title", "doc_number", "issuer", "doc_date", "doc_type")

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="corpus not found at ../shared/corpus")


def read_text(path: Path) -> str:
    """Plain text of a corpus file, the simple way (not the project's extractors)."""
    if path.suffix == ".docx":
        import docx

        return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    if path.suffix == ".pdf":
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(str(path))
        try:
            return "\n\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
        finally:
            pdf.close()
    data = path.read_bytes()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("gb18030")


def load_labels() -> list[dict[str, Any]]:
    with LABELS.open("rb") as fh:
        return list(tomllib.load(fh)["doc"])


def test_labels_cover_enough_documents() -> None:
    docs = load_labels()
    assert len(docs) >= 30
    assert len({d["path"] for d in docs}) == len(docs)
    assert all(set(FIELDS) <= set(d) for d in docs)


def test_field_accuracy() -> None:
    docs = load_labels()
    right = dict.fromkeys(FIELDS, 0)
    misses: list[str] = []
    for doc in docs:
        path = CORPUS / doc["path"]
        meta = read_metadata(read_text(path), filename=path.name).values()
        for field in FIELDS:
            got = meta[field] or ""
            if got == doc[field]:
                right[field] += 1
            else:
                misses.append(f"  {field:10} {doc['path'][-40:]}: want {doc[field]!r}, got {got!r}")
    print(f"\nread_metadata on {len(docs)} labelled documents:")
    for field in FIELDS:
        print(f"  {field:10} {right[field]:3}/{len(docs)} = {right[field] / len(docs):.1%}")
    if misses:
        print("misses:\n" + "\n".join(misses))
    assert right["doc_number"] == len(docs)
    for field in FIELDS:
        assert right[field] / len(docs) >= 0.95, field
