"""Extractors registered by mime type."""
from __future__ import annotations

from dangan.errors import UnsupportedFormat
from dangan.read.extract.base import Extractor

_REGISTRY: dict[str, type[Extractor]] = {}


def register(cls: type[Extractor]) -> type[Extractor]:
    for mime in cls.mime_types:
        _REGISTRY[mime] = cls
    return cls


def extractor_for(mime: str) -> Extractor:
    _load_builtin()
    try:
        return _REGISTRY[mime]()
    except KeyError:
        raise UnsupportedFormat(mime=mime) from None


def registered() -> dict[str, type[Extractor]]:
    _load_builtin()
    return dict(_REGISTRY)


def _load_builtin() -> None:
    # Imported here, not at module top: each format module pulls in its library lazily.
    from dangan.read.extract import archive, docx, encrypted, html, image, markdown, ofd, office, pdf, pptx, sheet, text  # noqa: F401
