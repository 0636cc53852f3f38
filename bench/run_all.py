"""Run every benchmark: `python -m bench.run_all [--quick]`."""
from __future__ import annotations

import importlib
import sys

BENCHES = ("bench_pdf_ingest", "bench_index", "bench_search", "bench_minutes", "bench_ocr", "bench_web", "bench_dossier", "bench_backup",
           "bench_elements", "bench_items", "bench_formats", "bench_slips", "bench_clerk_queries", "bench_snippets",
           "bench_cli")


def main() -> None:
    quick = "--quick" in sys.argv
    for name in BENCHES:
        try:
            module = importlib.import_module(f"bench.{name}")
        except ModuleNotFoundError as exc:
            print(f"== {name}: skipped ({exc})")
            continue
        print(f"== {name}")
        module.main(quick=quick)


if __name__ == "__main__":
    main()
