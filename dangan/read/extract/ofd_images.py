"""The scanned image of an OFD page, for OCR.

Archives and e-government systems also hand out scans as OFD: a page holding one ImageObject that
covers it, no text. The extractor marks such a document for OCR (`needs_ocr`); the OCR stage reads
each such page from its largest image (the page's own or its template's), found through the
ImageObject's ResourceID in the document's and page's resource files (MultiMedia → MediaFile, under
the resource file's BaseLoc; GB/T 33190 §7.9). JBIG2 (the .jb2 a scanner's bilevel page is often
stored as) is not something Pillow reads: such a page fails with a Chinese reason, the file is kept.
"""
from __future__ import annotations

import io
import itertools
import posixpath
import zipfile
from pathlib import Path
from typing import Any

from dangan.errors import ExtractionFailed, TooLarge
from dangan.read.extract.base import Limits
from dangan.read.extract.ofd import _Package
from dangan.read.extract.ofd_xml import all_named, first_named, numbers, resolve


def scanned_pages(path: Path, limits: Limits | None = None) -> list[int]:
    """The indexes (0-based) of the pages that hold an image."""
    with zipfile.ZipFile(path) as zf:
        package = _Package(zf, limits or Limits())
        return [i for i, (_, _, _, root, templates) in enumerate(package.pages())
                if root is not None and _images([root, *templates])]


def page_image(path: Path, index: int, limits: Limits | None = None) -> Any:
    """Page `index` (0-based): its largest image, as a PIL image."""
    from PIL import Image

    limits = limits or Limits()
    with zipfile.ZipFile(path) as zf:
        package = _Package(zf, limits)
        doc_file, _, page_file, root, templates = next(itertools.islice(package.pages(), index, None))
        objects = _images([root, *templates]) if root is not None else []
        media = _media(package, doc_file, page_file, root)
        found = [(_area(obj), media[obj.get("ResourceID")]) for obj in objects
                 if media.get(obj.get("ResourceID")) in package.names]
        if not found:
            raise ExtractionFailed(detail=f"OFD 第 {index + 1} 页没有可识别的图像")
        name = max(found)[1]
        if zf.getinfo(name).file_size > limits.max_file_bytes:
            raise TooLarge(detail=f"OFD 第 {index + 1} 页的图像过大")
        data = zf.read(name)
    try:
        image = Image.open(io.BytesIO(data))
        image.load()
    except (OSError, ValueError, Image.DecompressionBombError) as exc:
        kind = posixpath.splitext(name)[1].lstrip(".").upper() or "未知"
        raise ExtractionFailed(detail=f"OFD 第 {index + 1} 页的图像（{kind}）无法解码") from exc
    return image


def _images(roots: list[Any]) -> list[Any]:
    return [obj for root in roots for obj in all_named(root, "ImageObject")]


def _area(obj: Any) -> float:
    box = numbers(obj.get("Boundary"))
    return box[2] * box[3] if len(box) >= 4 else 0.0


def _media(package: _Package, doc_file: str, page_file: str, page: Any) -> dict[str, str]:
    """{resource ID: package path} of every MultiMedia the document's and the page's resource files list."""
    doc = package.xml(doc_file)
    res_files = [resolve(doc_file, r.text) for tag in ("DocumentRes", "PublicRes")
                 for r in all_named(doc, tag) if (r.text or "").strip()]
    if page is not None:
        res_files += [resolve(page_file, r.text) for r in all_named(page, "PageRes") if (r.text or "").strip()]
    found: dict[str, str] = {}
    for res_file in res_files:
        if res_file not in package.names:
            continue
        root = package.xml(res_file)
        base = root.get("BaseLoc", "")
        folder = resolve(res_file, base) if base else posixpath.dirname(res_file)
        for item in all_named(root, "MultiMedia"):
            media_file = first_named(item, "MediaFile")
            if media_file is not None and (media_file.text or "").strip():
                found[item.get("ID", "")] = resolve(folder + "/_", media_file.text)
    return found
