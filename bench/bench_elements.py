"""Official-document elements, per family, leave-one-family-out.

Reads every labelled document (tests/data/elements/labels.json) the way ingest
does (detect → extract → read_facts) and scores 标题, 发文字号, 发文机关, 成文日期,
文种 against the hand labels. An empty answer where the label has a value is
wrong; a label "?" is not scored (the text is ambiguous).

Leave-one-family-out: every reading rule in dangan.read.understand.rules names
the families whose documents it was written from. For each family F the
documents of F are read with the rules that only F motivated switched off, so
the figure reported for F comes from rules tuned on the other families. Rules
written before any family was looked at (the baseline reader) stay on.
A stricter reading is reported beside it (`held_out_strict`): a rule counts for F only
when at least two families other than F motivated it.

    python -m bench.bench_elements            # writes bench/results/elements.json
"""
from __future__ import annotations

import json
import sys
import time
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "elements"
CORPUS = ROOT.parent / "shared" / "corpus"
FIELDS = ("title", "doc_number", "issuer", "doc_date", "doc_type")
TARGETS = {"title": 0.98, "doc_number": 0.98, "issuer": 0.95, "doc_date": 0.95, "doc_type": 0.95}


def _norm(value: str) -> str:
    s = unicodedata.normalize("NFKC", value or "")
    s = "".join(s.split())
    return s.translate(str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"}))


def source_path(src: str) -> Path:
    src = src.removeprefix("ocr:").split("#")[0]
    return DATA / src if src.startswith("docs/") else CORPUS / src


def ocr_text(src: str, cache: dict[str, str]) -> str:
    """Text of a corpus PDF's page(s) rendered at 150 dpi and read by OCR ("ocr:path#page");
    kept in a cache file under the system temp folder, as OCR takes seconds a page."""
    import tempfile

    from dangan.read.extract.ocr import ocr_image, render_pdf_page

    if src in cache:
        return cache[src]
    disk = Path(tempfile.gettempdir()) / "dangan-bench-elements-ocr.json"
    saved = json.loads(disk.read_text(encoding="utf-8")) if disk.exists() else {}
    if src not in saved:
        path = source_path(src)
        page = src.partition("#")[2]
        import pypdfium2 as pdfium

        count = len(pdfium.PdfDocument(str(path)))
        numbers = [int(page)] if page else range(1, count + 1)
        saved[src] = "\n\n".join(ocr_image(render_pdf_page(path, n - 1, dpi=150)).text for n in numbers)
        disk.write_text(json.dumps(saved, ensure_ascii=False), encoding="utf-8")
    cache[src] = saved[src]
    return cache[src]


def load_extracted(src: str, ocr_cache: dict[str, str]):
    """Extracted for one labelled document, as ingest would get it (OCR text from a cache)."""
    from dangan.errors import DanganError
    from dangan.model import Extracted, Page
    from dangan.read.extract.base import Limits
    from dangan.read.extract.detect import detect_mime
    from dangan.read.extract.registry import extractor_for

    path = source_path(src)
    if src.startswith("ocr:"):
        return Extracted(pages=(Page(1, ocr_text(src, ocr_cache)),), extractor="ocr")
    if path.name in ocr_cache:
        return Extracted(pages=(Page(1, ocr_cache[path.name]),), extractor="ocr-cache")
    try:
        return extractor_for(detect_mime(path)).extract(path, Limits())
    except DanganError as exc:   # a format the pipeline cannot read yet: nothing to read from
        log_unreadable[src] = exc.code
        return Extracted(pages=(), extractor="unreadable")


log_unreadable: dict[str, str] = {}


def read(src: str, ocr_cache: dict[str, str]) -> dict[str, str]:
    from dangan.read.understand.metadata import read_facts

    extracted = load_extracted(src, ocr_cache)
    if not extracted.text.strip():
        return dict.fromkeys(FIELDS, "")
    meta, _ = read_facts(extracted, source_path(src).name)
    values = meta.values()
    return {f: values.get(f) or "" for f in FIELDS}


def score(labels: list[dict], answers: dict[int, dict[str, str]]) -> dict:
    right: dict[str, int] = defaultdict(int)
    scored: dict[str, int] = defaultdict(int)
    misses = []
    for i, lab in enumerate(labels):
        got = answers[i]
        for f in FIELDS:
            if lab[f] == "?":
                continue
            scored[f] += 1
            if _norm(got[f]) == _norm(lab[f]):
                right[f] += 1
            else:
                misses.append({"source": lab["source"], "field": f, "want": lab[f], "got": got[f]})
    acc = {f: round(right[f] / scored[f], 4) if scored[f] else None for f in FIELDS}
    return {"documents": len(labels), "accuracy": acc, "right": dict(right), "scored": dict(scored), "misses": misses}


def _baseline() -> dict | None:
    """Figures of the reader before issue 15, measured once on the same documents."""
    path = ROOT / "bench" / "results" / "elements_baseline.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def main(quick: bool = False) -> None:
    """`quick` changes nothing: the whole set takes about a minute (OCR pages come from a cache)."""
    from dangan.read.understand import rules

    labels = json.loads((DATA / "labels.json").read_text(encoding="utf-8"))
    ocr_cache = json.loads((DATA / "ocr_cache.json").read_text(encoding="utf-8"))
    families = sorted({lab["family"] for lab in labels})
    started = time.perf_counter()
    per_family = {}
    all_answers: dict[int, dict[str, str]] = {}
    strict_answers: dict[int, dict[str, str]] = {}
    for fam in families:
        idx = [i for i, lab in enumerate(labels) if lab["family"] == fam]
        off = rules.only_from(fam)
        with rules.disabled(off):
            held = {k: read(labels[i]["source"], ocr_cache) for k, i in enumerate(idx)}
        strict_off = rules.fewer_than_two_others(fam)
        with rules.disabled(strict_off):
            strict = {k: read(labels[i]["source"], ocr_cache) for k, i in enumerate(idx)}
        full = {k: read(labels[i]["source"], ocr_cache) for k, i in enumerate(idx)}
        fam_labels = [labels[i] for i in idx]
        strict_score = score(fam_labels, strict)
        per_family[fam] = {"held_out": score(fam_labels, held), "all_rules": score(fam_labels, full),
                           "held_out_strict": {k: strict_score[k] for k in ("accuracy", "right", "scored")},
                           "rules_switched_off": sorted(off)}
        for k, i in enumerate(idx):
            all_answers[i] = held[k]
            strict_answers[i] = strict[k]
    overall = score(labels, all_answers)
    overall_strict = score(labels, strict_answers)
    result = {
        "what": "GB/T 9704 elements per family, leave-one-family-out (rules motivated only by the family off)",
        "documents": len(labels), "families": len(families),
        "field_labels": sum(1 for lab in labels for f in FIELDS if lab[f] != "?"),
        "targets": TARGETS, "overall_held_out": {k: overall[k] for k in ("accuracy", "right", "scored")},
        "overall_held_out_strict": {k: overall_strict[k] for k in ("accuracy", "right", "scored")},
        "per_family": per_family, "rules": {name: sorted(fams) for name, fams in rules.RULES.items()},
        "unreadable": log_unreadable,
        "baseline": _baseline(),
        "seconds": round(time.perf_counter() - started, 1),
    }
    out = ROOT / "bench" / "results" / "elements.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{'family':24} docs  " + "  ".join(f"{f[:8]:>8}" for f in FIELDS))
    for fam, r in per_family.items():
        acc = r["held_out"]["accuracy"]
        print(f"{fam:24} {r['held_out']['documents']:4}  " + "  ".join(
            f"{acc[f]:8.2f}" if acc[f] is not None else "       -" for f in FIELDS))
    acc = overall["accuracy"]
    print(f"{'ALL (held out)':24} {len(labels):4}  " + "  ".join(f"{acc[f]:8.2f}" for f in FIELDS))
    acc = overall_strict["accuracy"]
    print(f"{'ALL (strict held out)':24} {len(labels):4}  " + "  ".join(f"{acc[f]:8.2f}" for f in FIELDS))
    if "-v" in sys.argv:
        for fam, r in per_family.items():
            for m in r["held_out"]["misses"]:
                print(f"  {fam:20} {m['field']:10} {Path(m['source']).name[:28]:28} want {m['want']!r} got {m['got']!r}")


if __name__ == "__main__":
    main("--quick" in sys.argv)
