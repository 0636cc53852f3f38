"""Text that reaches a catalogued document after ingest: pages read by OCR, files converted by LibreOffice,
an archived original read again by a newer reader (`dangan reread`).

Each update replaces the document's text and its page rows in one transaction; OCR
also drops the document's evidence runs, so the evidence matcher reads the new text.
"""
from __future__ import annotations

from dangan.archive.catalog import (
    OCR_FAILED,
    PAGE_BREAK,
    Catalog,
    now_iso,
    stamp_reader_in,
    write_big5_key,
    write_notes,
    write_pages,
    write_pictures,
    write_seals,
)
from dangan.model import Page, Picture, Seal

__all__ = ["apply_conversion", "apply_ocr", "apply_picture_ocr", "apply_reading", "ocr_again", "ocr_failed",
           "pictures_again", "pictures_done", "stamp_reader"]


def apply_ocr(catalog: Catalog, doc_id: int, texts: list[str], confidences: dict[int, float | None],
              *, done: bool = True) -> None:
    """Store the pages OCR read (1-based numbers in `confidences`); with `done` the document
    is no longer pending (a page at a time, it stays pending until its last page)."""
    pending = "0" if done else "needs_ocr"
    with catalog.transaction() as conn:
        conn.execute("DELETE FROM evidence_runs WHERE document_id = ?", (doc_id,))  # new text: match again
        conn.execute(f"UPDATE documents SET text = ?, needs_ocr = {pending}, "
                     "pages = max(coalesce(pages, 0), ?), updated_at = ? WHERE id = ?",
                     (PAGE_BREAK.join(texts), len(texts), now_iso(), doc_id))
        conn.executemany(
            "INSERT INTO pages (document_id, number, origin, confidence, chars) VALUES (?,?,'ocr',?,?) "
            "ON CONFLICT(document_id, number) DO UPDATE SET origin = 'ocr', "
            "confidence = excluded.confidence, chars = excluded.chars",
            [(doc_id, number, confidence, len(texts[number - 1]))
             for number, confidence in confidences.items()])


def apply_picture_ocr(catalog: Catalog, doc_id: int, number: int, text: str, confidence: float | None) -> None:
    """Store what OCR read in picture `number` of an office file (图片文字): the document's own text, page count
    and text key are not touched; it stays pending until `pictures_done`."""
    with catalog.transaction() as conn:
        conn.execute("UPDATE document_pictures SET origin = 'ocr', text = ?, confidence = ? "
                     "WHERE document_id = ? AND number = ?", (text, confidence, doc_id, number))


def pictures_done(catalog: Catalog, doc_id: int) -> None:
    """The office file's pictures are read: no longer pending; the evidence matcher reads it again."""
    with catalog.transaction() as conn:
        conn.execute("DELETE FROM evidence_runs WHERE document_id = ?", (doc_id,))
        conn.execute("UPDATE documents SET needs_ocr = 0, updated_at = ? WHERE id = ?", (now_iso(), doc_id))


def pictures_again(catalog: Catalog, doc_id: int, pictures: tuple[Picture, ...]) -> None:
    """The pictures today's reader finds in the original are to be read by OCR (`dangan reread --ocr`): pending,
    the text read before kept till then."""
    with catalog.transaction() as conn:
        write_pictures(conn, doc_id, pictures)
        conn.execute("UPDATE documents SET needs_ocr = ?, updated_at = ? WHERE id = ?",
                     (int(bool(pictures)), now_iso(), doc_id))


def ocr_failed(catalog: Catalog, doc_id: int) -> None:
    """OCR could not read this document: not retried automatically (`dangan ocr ID` tries again)."""
    with catalog.transaction() as conn:
        conn.execute(f"UPDATE documents SET needs_ocr = {OCR_FAILED}, updated_at = ? WHERE id = ?",
                     (now_iso(), doc_id))


def apply_conversion(catalog: Catalog, doc_id: int, pages: tuple[Page, ...], text_key: str | None = None,
                     notes: tuple[str, ...] = ()) -> None:
    """Store the text of a file LibreOffice has now converted, and what its reading noted (读取提示, in place
    of the notes before); it no longer waits."""
    with catalog.transaction() as conn:
        write_notes(conn, doc_id, notes)
        text = PAGE_BREAK.join(p.text for p in pages)
        conn.execute("UPDATE documents SET text = ?, needs_conversion = 0, pages = ?, text_key = ?, "
                     "updated_at = ? WHERE id = ?", (text, len(pages) or None, text_key, now_iso(), doc_id))
        write_pages(conn, doc_id, pages)
        write_big5_key(conn, doc_id, text)


def apply_reading(catalog: Catalog, doc_id: int, *, seals: tuple[Seal, ...], notes: tuple[str, ...],
                  pages: tuple[Page, ...] | None = None, page_count: int | None = None,
                  pages_estimated: bool = False, text_key: str | None = None, needs_ocr: bool = False) -> None:
    """Store what reading the archived original again gave: its seals and notes (in place of those before)
    and, unless `pages` is None (a document read by OCR keeps the text OCR gave it), its text, page rows,
    page count and text key. The evidence matcher reads the document again."""
    with catalog.transaction() as conn:
        write_notes(conn, doc_id, notes)
        write_seals(conn, doc_id, seals)
        conn.execute("DELETE FROM evidence_runs WHERE document_id = ?", (doc_id,))
        if pages is None:
            conn.execute("UPDATE documents SET updated_at = ? WHERE id = ?", (now_iso(), doc_id))
            return
        text = PAGE_BREAK.join(p.text for p in pages)
        conn.execute("UPDATE documents SET text = ?, pages = ?, pages_estimated = ?, text_key = ?, "
                     "needs_ocr = ?, updated_at = ? WHERE id = ?",
                     (text, page_count or len(pages) or None, int(pages_estimated and bool(page_count)), text_key,
                      int(needs_ocr), now_iso(), doc_id))
        write_pages(conn, doc_id, pages)
        write_big5_key(conn, doc_id, text)


def ocr_again(catalog: Catalog, doc_id: int, pages: tuple[int, ...] = ()) -> None:
    """The pages OCR read (or `pages`: those whose text layer today's reader rejects) are to be read by OCR
    (`dangan reread --ocr`): pending, their text kept till then."""
    with catalog.transaction() as conn:
        conn.execute("UPDATE pages SET origin = 'none' WHERE document_id = ? AND origin = 'ocr'", (doc_id,))
        conn.executemany("INSERT INTO pages (document_id, number, origin) VALUES (?, ?, 'none') "
                         "ON CONFLICT (document_id, number) DO UPDATE SET origin = 'none'",
                         [(doc_id, number) for number in pages])
        conn.execute("UPDATE documents SET needs_ocr = 1, updated_at = ? WHERE id = ?", (now_iso(), doc_id))


def stamp_reader(catalog: Catalog, ids: list[int], reader: str) -> None:
    """These documents' elements were just read by `reader` (read.version.reader_version, migration 14)."""
    with catalog.transaction() as conn:
        stamp_reader_in(conn, ids, reader)
