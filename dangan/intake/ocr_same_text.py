"""同文异版 for a scan once OCR has read it: ingest could not tell, as the scan had no text then.

The scan's text is the same as an archived document's (its text key), or the same but for OCR's own
slips (`nearly_same`); it then becomes another original of that document, unless someone has worked on
it already or said the two are not one text (archive.variants).
"""
from __future__ import annotations

import logging
from typing import Any

from dangan.index.session import WriterSession

log = logging.getLogger(__name__)


def nearly_same(catalog: Any, doc_id: int, text: str) -> int | None:
    """The archived document whose text the scan's OCR text repeats but for OCR's own slips (a page
    number, a dash, a glyph): its text layer hashes differently, the words are the same."""
    from dangan.archive.selections import texts_near_length
    from dangan.text.fingerprint import NEAR_SAME, counted_numbers, likeness, reading_chars

    best, best_id, size = NEAR_SAME, None, len(reading_chars(text))
    numbers = counted_numbers(text)
    for other, other_text in texts_near_length(catalog, len(text), 0.2, doc_id):
        if abs(len(reading_chars(other_text)) - size) > 0.03 * size:   # cheap first: lengths this apart differ
            continue
        if counted_numbers(other_text) != numbers:   # another date, 文号 or amount: another document
            continue
        score = likeness(text, other_text)
        if score >= best:
            best, best_id = score, other
    if best_id is not None:
        log.info("文件 %d 的识别文字与第 %d 件相似度 %.1f%%", doc_id, best_id, 100 * best)
    return best_id


def join_same_text(session: WriterSession, doc_id: int, text: str) -> tuple[int | None, str | None]:
    """The check ingest makes, now that the scan has its text: the same text as an archived
    document makes it another original of that one (同文异版), out of the index, unless someone
    has worked on it already. Returns (the document it joined, or None; why it was kept apart)."""
    from dangan.archive.variants import apart_reason, fold_into
    from dangan.archive.variants_apart import is_apart
    from dangan.text.fingerprint import text_key

    key = text_key(text)
    catalog = session.catalog
    same = catalog.find_text_key(key, other_than=doc_id) if key else None
    if same is None:
        same = nearly_same(catalog, doc_id, text)
    if same is not None and fold_into(catalog, doc_id, same):
        session.index.delete([doc_id])
        log.info("同文异版：文件 %d 的识别文字与第 %d 件相同，已并为其另一原件", doc_id, same)
        return same, None
    catalog.set_text_key(doc_id, key)   # later files with this text are linked to it
    if same is None:
        return None, None
    # worked on (not said apart by a clerk): the merge that moves the work over is the clerk's to make
    how = "" if is_apart(catalog, doc_id, same) else f"；核对后可用 dangan variants --join {doc_id} {same} 合并"
    return None, f"与第 {same} 件正文相同，{apart_reason(catalog, doc_id, same)}，未合并{how}"
