"""Dossier benchmark: a 200-document 迎检资料汇编 rendered to DOCX, target < 10 s.

The workspace is built directly through the catalog (no extraction): 190 text
documents cut from the corpus's campaign speech and government work reports
(3,000 characters each, dated, with 文号 and 责任者) and 10 photos (1600 × 1200 JPEGs), spread over
the nine default evaluation items. Timed: selection (catalog + passages) and
the docxtpl render, i.e. `make_dossier`. Baseline, measured in the same run:
python-docx writing as many plain paragraphs as the dossier holds, to show
what the template machinery, tables, runs and photos add. Writes
`bench/results/dossier.json`.

    .venv/bin/python -m bench.bench_dossier [--quick]
"""
from __future__ import annotations

import shutil
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.common import CORPUS, WORK, peak_rss_mb, write
from dangan.archive.catalog import Catalog
from dangan.archive.store import sha256_of, store_original
from dangan.model import MetaValue, OfficialMeta, Page
from dangan.workspace import Workspace, init_workspace

TARGET_SECONDS = 10.0
CHARS = 3000
ITEMS = ("A01", "A02", "A03", "A04", "A05", "A06", "A07", "A08", "A09")


def timed(func: Callable[[], Any], runs: int) -> tuple[float, Any]:
    result = func()  # warm-up: jieba, OpenCC, the template
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        result = func()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples), result


def texts(count: int) -> list[tuple[str, str]]:
    """(title, text) windows of 3,000 characters: the campaign speech alternating with long reports."""
    reports = sorted((CORPUS / "txt" / "cn_state_council_gov_work_reports_1954_2025").glob("*.txt"))
    speech = CORPUS / "txt" / "seed_speech" / "书记在创建办会部署会讲话.txt"
    sources = [path for pair in zip([speech] * len(reports), reports) for path in pair]
    out: list[tuple[str, str]] = []
    while len(out) < count:
        for path in sources:
            body = path.read_text(encoding="utf-8", errors="replace")
            start = (len(out) * 977) % max(1, len(body) - CHARS)
            out.append((f"{path.stem}（摘编{len(out) + 1}）", body[start:start + CHARS]))
            if len(out) == count:
                break
    return out


def photo(path: Path, index: int) -> Path:
    from PIL import Image

    image = Image.new("RGB", (1600, 1200), (40 + index * 12 % 200, 120, 180))
    image.paste((230, 220, 180), (200, 250, 1400, 950))
    exif = Image.Exif()
    exif[0x0132] = f"2022:0{1 + index % 9}:1{index % 10} 09:30:00"
    image.save(path, "JPEG", quality=85, exif=exif)
    return path


def build_workspace(documents: int) -> Workspace:
    from dangan.read.understand.classify import load_taxonomy
    from dangan.read.understand.metadata import taxonomy_rows

    home = WORK / "dossier-ws"
    shutil.rmtree(home, ignore_errors=True)
    ws = init_workspace(home)
    photos = max(1, documents // 20)
    with Catalog(ws.catalog_path) as catalog:
        catalog.sync_items(taxonomy_rows(load_taxonomy()))
        links = []
        for n, (title, text) in enumerate(texts(documents - photos)):
            meta = OfficialMeta(title=MetaValue(title, 1.0), doc_number=MetaValue(f"区创建办〔2022〕{n + 1}号", 1.0),
                                issuer=MetaValue("区创建办", 1.0),
                                doc_date=MetaValue(f"2022-{1 + n % 12:02d}-{1 + n % 28:02d}", 1.0))
            doc_id = catalog.add_document(
                sha256=f"{n:064x}", size=len(text.encode()), mime="text/plain", relpath=f"bench/{n}.txt",
                original_name=f"{title}.txt", pages=(Page(1, text), Page(2, "")), meta=meta, needs_ocr=False,
                taken_at=None, tags={}, overrides={}, source=Path(f"/bench/{n}.txt"), inbox=None)
            links.append((doc_id, ITEMS[n % len(ITEMS)]))
        for n in range(photos):
            source = photo(WORK / f"dossier-photo-{n}.jpg", n)
            digest = sha256_of(source)
            stored = store_original(source, digest, "image/jpeg", ws.originals)
            doc_id = catalog.add_document(
                sha256=digest, size=stored.size, mime="image/jpeg", relpath=stored.relpath,
                original_name=source.name, pages=(Page(1, ""),),
                meta=OfficialMeta(title=MetaValue(f"点位整治现场{n + 1}", 1.0)),
                needs_ocr=True, taken_at=f"2022-0{1 + n % 9}-1{n % 10}T09:30:00", tags={"社区": f"第{n + 1}社区"},
                overrides={}, source=source, inbox=None)
            links.append((doc_id, ITEMS[n % len(ITEMS)]))
        with catalog.transaction() as conn:
            conn.executemany("INSERT INTO document_items VALUES (?, ?, 1.0, 'manual')", links)
    return ws


def baseline(paragraphs: int, out: Path) -> None:
    from docx import Document

    document = Document()
    for n in range(paragraphs):
        document.add_paragraph(f"第{n + 1}段：创建全国文明城市佐证材料摘录，用于基线比较。")
    document.save(str(out))


def main(quick: bool = False) -> dict[str, Any]:
    from docx import Document

    from dangan.compose.dossier import make_dossier

    documents, runs = (50, 1) if quick else (200, 3)
    ws = build_workspace(documents)
    out = ws.out / "dossier.docx"
    seconds, result = timed(lambda: make_dossier(ws, out, items=ITEMS), runs)
    paragraphs = len(Document(str(out)).paragraphs)
    base, _ = timed(lambda: baseline(paragraphs, ws.out / "baseline.docx"), runs)
    figures = {
        "documents": result.documents, "sections": result.sections, "photos": result.photos,
        "dossier_paragraphs": paragraphs, "dossier_bytes": out.stat().st_size,
        "seconds": round(seconds, 3), "baseline_plain_paragraphs_seconds": round(base, 3),
        "ratio_to_baseline": round(seconds / base, 1),
        "documents_per_second": round(result.documents / seconds, 1),
        "peak_rss_mb": round(peak_rss_mb()), "target_seconds": TARGET_SECONDS,
        "meets_target": seconds < TARGET_SECONDS, "quick": quick, "runs": runs,
    }
    path = write("dossier_quick" if quick else "dossier", figures)
    print(f"迎检资料汇编：{result.documents} 件（{result.photos} 张照片，{paragraphs} 段），"
          f"{seconds:.2f} s（目标 < {TARGET_SECONDS:.0f} s）")
    print(f"基线 python-docx 写 {paragraphs} 段：{base:.2f} s，比值 {seconds / base:.1f}×")
    print(f"结果已写入 {path}")
    return figures


if __name__ == "__main__":
    sys.exit(0 if main(quick="--quick" in sys.argv)["meets_target"] else 1)
