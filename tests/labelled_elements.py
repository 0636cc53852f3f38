"""The labelled element set's documents, read as the element tests read them.

tests/data/elements/labels.json names each document by its source: a path under
tests/data/elements/ ("docs/…"), a file of ../shared/corpus, or "ocr:<pdf>#<page>" for a
page rendered and read by OCR (its text kept in tests/data/elements/ocr_cache.json).
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path

from dangan.read.extract.base import Limits
from dangan.read.extract.detect import detect_mime
from dangan.read.extract.registry import extractor_for
from dangan.read.understand import rules
from dangan.read.understand.gongwen import read_metadata
from dangan.read.understand.metadata import read_facts

DATA = Path(__file__).resolve().parent / "data" / "elements"
CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"

# The folders of the labelled web-page families, as `source` values start.
PAGES = "docs/gov_site_pages/"
PAGES3, PAGES4, PAGES5, PAGES6, PAGES7 = (f"docs/gov_site_pages_{n}/" for n in (3, 4, 5, 6, 7))


def source_path(source: str) -> Path:
    source = source.removeprefix("ocr:").split("#")[0]
    return DATA / source if source.startswith("docs/") else CORPUS / source


def meta_of(source: str) -> dict[str, str | None]:
    """Elements of a labelled document; "ocr:<pdf>#<page>" is that page rendered and read by OCR."""
    path = source_path(source)
    cache = json.loads((DATA / "ocr_cache.json").read_text(encoding="utf-8"))
    if path.name in cache:
        return read_metadata(cache[path.name], filename=path.name).values()
    if source.startswith("ocr:"):
        from dangan.read.extract.ocr import ocr_image, render_pdf_page

        page = int(source.partition("#")[2] or 1)
        return read_metadata(ocr_image(render_pdf_page(path, page - 1, dpi=150)).text).values()
    extracted = extractor_for(detect_mime(path)).extract(path, Limits())
    return read_facts(extracted, path.name)[0].values()


def fields_of(source: str) -> dict[str, str]:
    """The five scored elements of a labelled document, "" where none was read."""
    values = meta_of(source)
    return {k: values.get(k) or "" for k in ("title", "doc_number", "issuer", "doc_date", "doc_type")}


def doc_fields(name: str) -> dict[str, str]:
    """fields_of a document under tests/data/elements/docs/, named from there ("validation_r20/….txt")."""
    return fields_of("docs/" + name)


_VALIDATION = re.compile(r"validation_r(\d+)")


def labelled_by(round_family: str) -> list[dict[str, str]]:
    """The labels of every family labelled by the time of `round_family`'s round: the validation
    families collected after it (validation_rN with a larger N) are left out."""
    upto = int(_VALIDATION.fullmatch(round_family).group(1))  # type: ignore[union-attr]
    labels: list[dict[str, str]] = json.loads((DATA / "labels.json").read_text(encoding="utf-8"))
    return [lab for lab in labels
            if not ((m := _VALIDATION.fullmatch(lab["family"])) and int(m.group(1)) > upto)]


def assert_reads_as_before(rules_off: Iterable[str], *, changed: Iterable[str], round_family: str,
                           docs_only: bool = True) -> None:
    """A round's guard: with its rules switched off, every document labelled by then except `changed`
    (sources with or without their "docs/") reads exactly as with them on. Families labelled after the
    round are left out: its rules may read them, rightly, otherwise."""
    skip = set(changed)
    sources = [lab["source"] for lab in labelled_by(round_family)
               if (lab["source"].startswith("docs/") if docs_only else not lab["source"].startswith("ocr:"))
               and lab["source"] not in skip and lab["source"].removeprefix("docs/") not in skip]
    assert len(sources) > 150, len(sources)
    with rules.disabled(rules_off):
        before = {source: fields_of(source) for source in sources}
    after = {source: fields_of(source) for source in sources}
    differ = {source: (before[source], now) for source, now in after.items() if now != before[source]}
    assert not differ, differ   # (with the rules off, with them on)
