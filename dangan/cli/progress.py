"""Long CLI jobs with a progress bar on stderr (silent with --json or off a terminal)."""
from __future__ import annotations

from pathlib import Path

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from dangan.cli import render
from dangan.intake.batch import BatchReport, count_files, ingest_paths
from dangan.workspace import Workspace


def _progress(quiet: bool) -> Progress:
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeRemainingColumn(), console=render.err,
                    disable=quiet or not render.err.is_terminal)


def _waiting() -> None:
    render.err.print("另一个进程（收录或监视）正在写入工作区，正在等待……")


def run_ingest(ws: Workspace, paths: list[Path], quiet: bool = False,
               ocr: bool | None = None) -> BatchReport:
    with _progress(quiet) as progress:
        task = progress.add_task("收录", total=count_files(paths))
        pages = progress.add_task("OCR", total=None, visible=False)

        def ocr_page() -> None:
            progress.update(pages, visible=True, advance=1)

        return ingest_paths(ws, paths, on_wait=_waiting, ocr=ocr, on_ocr_page=ocr_page,
                            on_file=lambda r: progress.advance(task))


def run_ocr(ws: Workspace, ids: list[int] | None, workers: int | None,
            quiet: bool = False) -> list[dict]:
    from dangan.intake.ocr_stage import ocr_documents

    with _progress(quiet) as progress:
        task = progress.add_task("OCR 页", total=None)
        outcomes = ocr_documents(ws, ids, workers=workers, on_page=lambda: progress.advance(task))
    return [o.to_dict() for o in outcomes]


def run_reindex(ws: Workspace, backend: str | None) -> int:
    from dangan.archive.catalog import Catalog
    from dangan.index.maintain import reindex, switch_backend

    with Catalog(ws.catalog_path) as catalog:
        total = catalog.count()
    with _progress(False) as progress:
        task = progress.add_task("重建索引", total=total)
        step = lambda: progress.advance(task)  # noqa: E731
        if backend and backend != ws.settings.index_backend:
            return switch_backend(ws, backend, on_doc=step, on_wait=_waiting)
        return reindex(ws, on_doc=step, on_wait=_waiting)
