"""The labelled element set's documents, read as the element tests read them.

tests/data/elements/labels.json names each document by its source: a path under
tests/data/elements/ ("docs/…"), a file of ../shared/corpus, or "ocr:<pdf>#<page>" for a
page rendered and read by OCR (its text kept in tests/data/elements/ocr_cache.json).
"""
from __future__ import annotations

import importlib
import importlib.util
import json
import pkgutil
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from types import ModuleType
from typing import Any

from test_layers import CORE

from dangan.model import Extracted
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
    ocr_texts = json.loads((DATA / "ocr_cache.json").read_text(encoding="utf-8"))
    if path.name in ocr_texts:
        return read_metadata(ocr_texts[path.name], filename=path.name).values()
    if source.startswith("ocr:"):
        from dangan.read.extract.ocr import ocr_image, render_pdf_page

        page = int(source.partition("#")[2] or 1)
        return read_metadata(ocr_image(render_pdf_page(path, page - 1, dpi=150)).text).values()
    return read_facts(_extracted(path), path.name)[0].values()


# path → [(the rules its extraction asked about, those of them that were off, what it gave)]
_EXTRACTED: dict[Path, list[tuple[frozenset[str], frozenset[str], Extracted]]] = {}


def _extracted(path: Path) -> Extracted:
    """A labelled file's extraction, made once per test process and reused while the rules it asked
    about (html, markdown, records and typst ask some) are on or off as they were: the guards read
    every labelled file twice a test, and extraction depends only on the file and those rules, never
    on what the tests patch in the reader (gongwen_*)."""
    off = rules._OFF.get()
    for asked, were_off, extracted in _EXTRACTED.get(path, ()):
        if off & asked == were_off:
            return extracted
    asked_now: set[str] = set()
    ask = rules.on

    def on(name: str) -> bool:
        asked_now.add(name)
        return ask(name)

    rules.on = on   # type: ignore[assignment]
    try:
        extracted = extractor_for(detect_mime(path)).extract(path, Limits())
    finally:
        rules.on = ask   # type: ignore[assignment]
    _EXTRACTED.setdefault(path, []).append((frozenset(asked_now), off & frozenset(asked_now), extracted))
    return extracted


def fields_of(source: str) -> dict[str, str]:
    """The five scored elements of a labelled document, "" where none was read."""
    values = meta_of(source)
    return {k: values.get(k) or "" for k in ("title", "doc_number", "issuer", "doc_date", "doc_type")}


# The readings of the labelled files with every rule on and nothing in the reader patched, and the reader
# as it stood: each of its modules with what its names were bound to.
_UNTOUCHED: dict[str, dict[str, str]] = {}
_STATE: dict[str, tuple[ModuleType, dict[str, Any]]] = {}
# What reads the elements (read_facts): understand, text and the core modules it may import (tests/test_layers.py
# keeps it from anything above). Extraction is kept apart (`_extracted`).
_CORE = sorted(CORE - {"__init__", "__main__"})   # __main__ runs the CLI
_READER = ("dangan.read.understand", "dangan.text", *(f"dangan.{name}" for name in _CORE))


def _reader(name: str) -> bool:
    return any(name == part or name.startswith(part + ".") for part in _READER)


def _untouched() -> bool:
    """No rule is switched off and no module of the reader has a name bound otherwise than when the first
    reading was kept (a test's monkeypatch rebinds one). Every module of the reader is imported first, so
    none imported later could have been patched unseen."""
    if rules._OFF.get():
        return False
    if not _STATE:
        for package in ("dangan.read.understand", "dangan.text"):
            for found in pkgutil.walk_packages(importlib.import_module(package).__path__, package + "."):
                importlib.import_module(found.name)
        for name in _CORE:
            if importlib.util.find_spec(f"dangan.{name}") is not None:
                importlib.import_module(f"dangan.{name}")
        _STATE.update({name: (module, dict(vars(module))) for name, module in list(sys.modules.items())
                       if _reader(name)})
    return {name for name in sys.modules if _reader(name)} <= _STATE.keys() and all(
        vars(module).keys() == kept.keys() and all(vars(module)[key] is value for key, value in kept.items())
        for module, kept in _STATE.values())


def fields_now(sources: Iterable[str]) -> dict[str, dict[str, str]]:
    """fields_of each source as the reader stands now; the guards' reading with every rule on is made
    once per test process and reused while nothing is switched off or patched (`_untouched`)."""
    if not _untouched():
        return {source: fields_of(source) for source in sources}
    for source in sources:
        if source not in _UNTOUCHED:
            _UNTOUCHED[source] = fields_of(source)
    return {source: _UNTOUCHED[source] for source in sources}


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
    after = fields_now(sources)
    differ = {source: (before[source], now) for source, now in after.items() if now != before[source]}
    assert not differ, differ   # (with the rules off, with them on)
