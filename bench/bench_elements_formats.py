"""Official-document elements when the same document arrives in another format.

The office receives the same 公文 as DOCX, as a PDF printed from Word/WPS, as .doc/.rtf/.odt,
and as a scan. For every labelled document whose source is a DOCX (docx_wps, docx_word) and
every one of the short written families (written_notices, meeting_records, speeches,
fresh_holdout, fresh_holdout_2; their files under tests/data/elements/docs/), LibreOffice
headless makes the variants: a text source first becomes a DOCX (`docx` form: its text as
the original's reader gives it, one paragraph a line), then that DOCX, or the corpus DOCX,
becomes `pdf`, `odt`, `rtf` and `doc` (MS Word 97). Ten of the short documents, every fifth
in label order (not chosen for difficulty), are also scanned: each page of the PDF rendered
by `pdftoppm -r 150` and read by the project's OCR, as the OCR stage reads a scan. The written
documents are also typeset to GB/T 9704-2012 as an office types them (tests/styled_gongwen.py: a red
版头 mark larger than the title, the 发文字号 and the red rule, the title block in 二号, 主送, body in
三号, 署名 and 成文日期, the 版记 between rules, — 1 — page numbers; the label says only which lines
are the title block): `styled_docx`, and that DOCX printed to PDF by LibreOffice, `styled_pdf`; and typed
as many clerks type it, the two-field header lines, 署名 and 成文日期 set by fixed runs of full-width spaces
in place of tab stops and right alignment (a long line wraps): `styled_spaces_docx`, `styled_spaces_pdf`.
And each written document set inside the furniture of every labelled web page (`web_wrapped`: the page's lines
before the document's head and after its end, bench/web_furniture.py, bench/data/web_furniture.json), scored
per furniture family with every rule on and with that family's own rules off (leave-one-site-out in spirit).
Both styled PDFs are also written as OFD, the format e-government systems hand 公文 out in
(bench/ofd_writer.py: each glyph where pdfium puts it, in a producer's style drawn from the document's
name: a TextObject a line, a character or a wrapped paragraph, Boundary-relative, page or CTM-scaled
coordinates, shuffled file order, the 版头 on a template page): `styled_ofd`, `styled_spaces_ofd`; and
the plain `pdf` form so, `ofd` (all 64 documents, the 15 corpus DOCX among them).

Each variant is read the way ingest reads it (detect → extractor → read_facts, under the
original's file name with the variant's suffix) and scored with every rule on against the
document's label; the original file is read in the same run as the baseline. A form's figure
below the baseline is what the format costs.

Variants and OCR text are cached under the system temp folder (the variants keyed by the
source's bytes and the LibreOffice version); the .doc/.rtf/.odt readers' own LibreOffice
conversion is cached there too (`--fresh` runs it again, as ingest would: same output,
~3 minutes more).

    python -m bench.bench_elements_formats [--fresh] [-v]   # writes bench/results/elements_formats.json
"""
from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench.bench_elements import DATA, FIELDS, load_extracted, source_path
from bench.common import ROOT, write
from bench.elements_wrapped import facts, print_web_wrapped, score, web_wrapped

sys.path.insert(0, str(ROOT / "tests"))

FAMILIES = ("docx_wps", "docx_word", "written_notices", "meeting_records", "speeches",
            "fresh_holdout", "fresh_holdout_2")
FORMS = ("docx", "pdf", "odt", "rtf", "doc", "scan", "styled_docx", "styled_pdf", "styled_spaces_docx",
         "styled_spaces_pdf", "ofd", "styled_ofd", "styled_spaces_ofd")
OFFICE = {"pdf": "pdf", "odt": "odt", "rtf": "rtf", "doc": "doc:MS Word 97"}
SCAN_EVERY = 5           # every fifth short document is scanned
CACHE = Path(tempfile.gettempdir()) / "dangan-bench-elements-formats"


def chosen(labels: list[dict]) -> list[dict]:
    """The labelled documents with a DOCX source, and the written ones kept in the project."""
    return [lab for lab in labels if lab["family"] in FAMILIES and
            (lab["source"].endswith(".docx") or lab["source"].startswith("docs/"))]


def scanned(docs: list[dict]) -> list[dict]:
    short = [lab for lab in docs if not lab["source"].endswith(".docx")]
    return short[::SCAN_EVERY]


def soffice_version() -> str:
    done = subprocess.run(["soffice", "--version"], capture_output=True, text=True, timeout=120)
    return done.stdout.strip()


def make_variants(docs: list[dict], cache: Path) -> dict[str, dict[str, Path]]:
    """{source: {form: file}}: each document's variants, made once per source bytes."""
    version = soffice_version()
    out: dict[str, dict[str, Path]] = {}
    todo: dict[str, list[tuple[Path, Path]]] = {"docx": [], **{f: [] for f in OFFICE}}
    for lab in docs:
        src = lab["source"]
        path = source_path(src)
        key = hashlib.sha256(path.read_bytes() + version.encode()).hexdigest()[:16]
        folder = cache / "variants" / key
        stem = path.stem
        forms: dict[str, Path] = {}
        if path.suffix == ".docx":
            docx = folder / f"{stem}.docx"
            if not docx.exists():
                folder.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, docx)
        else:
            docx = forms["docx"] = folder / f"{stem}.docx"
            text = folder / f"{stem}.txt"
            if not docx.exists():
                folder.mkdir(parents=True, exist_ok=True)
                text.write_text(load_extracted(src, {}).text, encoding="utf-8")
                todo["docx"].append((text, folder))
        for form in OFFICE:
            forms[form] = folder / f"{stem}.{form}"
            if not forms[form].exists():
                todo[form].append((docx, folder))
        out[src] = forms
    todo["styled_pdf"] = styled_variants(docs, cache, version, out)
    for form in ("docx", *OFFICE):   # one LibreOffice run a form, inputs staged under their key
        if todo[form]:
            convert_all(todo[form], form, cache / "staging")
    if todo["styled_pdf"]:
        convert_all(todo["styled_pdf"], "pdf", cache / "staging-styled")
    for forms in out.values():
        for form, path in forms.items():
            if not path.exists():
                raise SystemExit(f"LibreOffice made no {form} for {path.name}")
    for forms in out.values():
        for name in ("", "styled_", "styled_spaces_"):
            if f"{name}pdf" in forms:
                forms[f"{name}ofd"] = ofd_variant(forms[f"{name}pdf"], cache)
    return out


def ofd_variant(pdf: Path, cache: Path) -> Path:
    """The styled PDF's pages written as OFD (bench/ofd_writer.py: each glyph where pdfium puts it,
    in a producer's style drawn from the document's name), keyed by the PDF's bytes and the writer."""
    from bench.ofd_writer import write_ofd

    code = (ROOT / "bench" / "ofd_writer.py").read_bytes()
    key = hashlib.sha256(pdf.read_bytes() + code).hexdigest()[:16]
    out = cache / "ofd" / key / f"{pdf.stem}.ofd"
    if not out.exists():
        write_ofd(pdf, out, pdf.stem)
    return out


def styled_variants(docs: list[dict], cache: Path, version: str,
                    out: dict[str, dict[str, Path]]) -> list[tuple[Path, Path]]:
    """Each written document's text laid out to GB/T 9704 (tests/styled_gongwen.py: 版头, title
    block, 主送, body, 署名, 版记, page numbers) as `styled_docx`, and that DOCX printed to PDF by
    LibreOffice as `styled_pdf`; keyed by the text, the label's title (it says only which lines are
    the title block) and the builder's code. Returns the PDFs still to print."""
    from styled_gongwen import styled_docx

    code = b"".join(p.read_bytes() for p in (ROOT / "tests" / "styled_gongwen.py",
                                             ROOT / "dangan" / "compose" / "typography.py"))
    todo = []
    for lab in docs:
        src = lab["source"]
        if src.endswith(".docx"):
            continue
        text = load_extracted(src, {}).text
        for name, spaces in (("styled", False), ("styled_spaces", True)):
            key = hashlib.sha256(text.encode() + lab["title"].encode() + code + version.encode()
                                 + name.encode()).hexdigest()[:16]
            folder = cache / "styled" / key
            stem = source_path(src).stem
            docx, pdf = folder / f"{stem}.docx", folder / f"{stem}.pdf"
            if not docx.exists():
                styled_docx(text, lab["title"], docx, spaces=spaces)
            if not pdf.exists():
                todo.append((docx, folder))
            out[src].update({f"{name}_docx": docx, f"{name}_pdf": pdf})
    return todo


def convert_all(jobs: list[tuple[Path, Path]], form: str, staging: Path) -> None:
    """Convert every (input, folder) in one LibreOffice run; each output lands in its folder
    under the input's stem (stems of different documents may be the same)."""
    from format_files import soffice

    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    names = {}
    for source, folder in jobs:
        staged = staging / f"{folder.name}{source.suffix}"
        shutil.copyfile(source, staged)
        names[folder.name] = (source.stem, folder)
    soffice(sorted(staging.iterdir()), OFFICE.get(form, "docx:MS Word 2007 XML"), staging / "out",
            infilter="Text (encoded):UTF8" if form == "docx" else None)
    suffix = form
    for key, (stem, folder) in names.items():
        made = staging / "out" / f"{key}.{suffix}"
        if made.exists():
            shutil.move(made, folder / f"{stem}.{suffix}")
    shutil.rmtree(staging, ignore_errors=True)


def scan_text(pdf: Path, cache: Path) -> str:
    """The PDF's pages rendered at 150 dpi by pdftoppm and read by OCR, pages joined as the
    OCR stage joins them; cached by the PDF's bytes."""
    from dangan.read.extract.ocr import ocr_image

    key = hashlib.sha256(pdf.read_bytes()).hexdigest()[:16]
    saved = cache / "scans" / f"{key}.json"
    if saved.exists():
        return str(json.loads(saved.read_text(encoding="utf-8")))
    with tempfile.TemporaryDirectory(prefix="scan-") as tmp:
        subprocess.run(["pdftoppm", "-r", "150", "-png", str(pdf), f"{tmp}/page"], check=True, timeout=300)
        pages = [ocr_image(p).text for p in sorted(Path(tmp).glob("page*.png"))]
    text = "\n\f".join(pages)
    saved.parent.mkdir(parents=True, exist_ok=True)
    saved.write_text(json.dumps(text, ensure_ascii=False), encoding="utf-8")
    return text


@contextmanager
def cached_conversions(cache: Path, fresh: bool) -> Iterator[None]:
    """The office reader's own LibreOffice conversion (.doc/.rtf/.odt → DOCX) kept by input bytes."""
    from dangan.read.extract import soffice as lo

    if fresh:
        yield
        return
    real: Callable[..., Path] = lo.convert

    def convert(source: Path, suffix: str, target: str, outdir: Path, **kw: Any) -> Path:
        key = hashlib.sha256(source.read_bytes() + suffix.encode() + target.encode()).hexdigest()[:16]
        kept = cache / "converted" / f"{key}.{target.split(':')[0]}"
        final = outdir / f"{source.stem[:80] or 'converted'}.{target.split(':')[0]}"
        if not kept.exists():
            made = real(source, suffix, target, outdir, **kw)
            kept.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(made, kept)
            return made
        outdir.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(kept, final)
        return final

    lo.convert = convert   # type: ignore[assignment]
    try:
        yield
    finally:
        lo.convert = real   # type: ignore[assignment]


def read_file(path: Path, name: str) -> tuple[dict[str, str], str]:
    from dangan.model import Extracted
    from dangan.read.extract.base import Limits
    from dangan.read.extract.detect import detect_mime
    from dangan.read.extract.registry import extractor_for
    from dangan.read.understand.metadata import read_facts

    extracted: Extracted = extractor_for(detect_mime(path)).extract(path, Limits())
    return facts(extracted, name, read_facts), extracted.extractor


def main(fresh: bool = False, verbose: bool = False) -> dict[str, Any]:
    from bench.ofd_writer import traits
    from dangan.model import Extracted, Page
    from dangan.read.understand.metadata import read_facts

    if shutil.which("soffice") is None or shutil.which("pdftoppm") is None:
        raise SystemExit("soffice and pdftoppm are needed (libreoffice-writer-nogui, poppler-utils)")
    labels = json.loads((DATA / "labels.json").read_text(encoding="utf-8"))
    docs = chosen(labels)
    scans = {lab["source"] for lab in scanned(docs)}
    started = time.perf_counter()
    variants = make_variants(docs, CACHE)
    made = time.perf_counter() - started
    answers: dict[str, list[tuple[dict, dict[str, str]]]] = {f: [] for f in ("original", *FORMS)}
    base_of: dict[str, list[tuple[dict, dict[str, str]]]] = {f: [] for f in FORMS}
    readers: dict[str, set[str]] = {f: set() for f in FORMS}
    with cached_conversions(CACHE, fresh):
        for lab in docs:
            src = lab["source"]
            stem = source_path(src).stem
            original = facts(load_extracted(src, {}), source_path(src).name, read_facts)
            answers["original"].append((lab, original))
            forms = dict(variants[src])
            for form, path in forms.items():
                got, reader = read_file(path, f"{stem}{path.suffix}")
                answers[form].append((lab, got))
                base_of[form].append((lab, original))
                readers[form].add(reader)
            if src in scans:
                text = scan_text(forms["pdf"], CACHE)
                pages = tuple(Page(i + 1, t) for i, t in enumerate(text.split("\n\f")))
                answers["scan"].append((lab, facts(Extracted(pages=pages, extractor="ocr"),
                                                   f"{stem}.pdf", read_facts)))
                base_of["scan"].append((lab, original))
                readers["scan"].add("pdftoppm+ocr")
    per_form = {}
    for form in FORMS:
        got, base = score(answers[form]), score(base_of[form])
        per_form[form] = {"documents": got["documents"], "readers": sorted(readers[form]),
                          "accuracy": got["accuracy"], "baseline": base["accuracy"],
                          "right": got["right"], "scored": got["scored"],
                          "lost": [m for m in got["misses"] if (m["source"], m["field"]) not in
                                   {(b["source"], b["field"]) for b in base["misses"]}],
                          "misses": got["misses"]}
    original = score(answers["original"])
    print(f"{'form':18} docs  " + "  ".join(f"{f[:8]:>13}" for f in FIELDS) + "   (variant / same documents' original)")
    print(f"{'original':18} {original['documents']:4}  " + "  ".join(
        f"{original['accuracy'][f]:13.2f}" for f in FIELDS))
    for form, r in per_form.items():
        print(f"{form:18} {r['documents']:4}  " + "  ".join(
            f"{r['accuracy'][f]:6.2f}/{r['baseline'][f]:<6.2f}" for f in FIELDS))
    styles = {lab["source"]: traits(source_path(lab["source"]).stem) for lab in docs}
    if verbose:
        for form, r in per_form.items():
            for m in r["lost"]:
                style = styles.get(m["source"]) if form.endswith("_ofd") else None
                print(f"  {form:18} {m['field']:10} {Path(m['source']).name[:30]:30} want {m['want']!r} got {m['got']!r}"
                      + (f"  {style}" if style else ""))
    wrapped = web_wrapped(docs, labels)
    overall = print_web_wrapped(wrapped, sum(1 for d in docs if not d["source"].endswith(".docx")), verbose)
    figures = {
        "what": "GB/T 9704 elements of the same documents in other formats (LibreOffice variants, a scan, the styled PDFs written as OFD), every rule on",
        "documents": len(docs), "families": list(FAMILIES), "soffice": soffice_version(),
        "original": {k: original[k] for k in ("accuracy", "right", "scored", "misses")},
        "per_form": per_form, "scanned": sorted(scans), "ofd_styles": styles,
        "web_wrapped": {"what": "the written documents wrapped in each labelled web page's furniture (bench/data/"
                                "web_furniture.json), per furniture family: accuracy with every rule on (that family's "
                                "rules were tuned on its pages), held_out with the rules only it motivated off",
                        "overall": overall, "per_family": wrapped},
        "seconds_making_variants": round(made, 1), "seconds": round(time.perf_counter() - started, 1),
        "conversions_cached": not fresh,
    }
    write("elements_formats", figures)
    return figures


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fresh", action="store_true", help="run the readers' LibreOffice conversions again")
    parser.add_argument("-v", action="store_true", help="list what each form lost against the original")
    args = parser.parse_args()
    main(args.fresh, args.v)
