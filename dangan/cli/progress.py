"""Long CLI jobs with progress on stderr: a bar on a terminal, a line every few seconds
elsewhere (a pipe, cron, CI); nothing with --quiet or --json."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from dangan.cli import render
from dangan.cli.progress_lines import LineProgress
from dangan.intake.batch import BatchReport, count_files, ingest_paths
from dangan.model import IngestResult
from dangan.workspace import Workspace

if TYPE_CHECKING:
    from dangan.read.understand.taxonomy import Taxonomy


def _progress(quiet: bool) -> Progress | LineProgress:
    if not quiet and not render.err.is_terminal:
        return LineProgress()
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeRemainingColumn(), console=render.err, disable=quiet)


def waiting() -> None:
    render.err.print("另一个进程（收录或监视）正在写入工作区，正在等待……")


def run_ingest(ws: Workspace, paths: list[Path], quiet: bool = False,
               ocr: bool | None = None) -> BatchReport:
    with _progress(quiet) as progress:
        task = progress.add_task("收录", total=count_files(paths), pages=0)
        pages = progress.add_task("文字识别", total=None, visible=False, unit="页")
        read = 0

        def ocr_page() -> None:
            progress.update(pages, visible=True, advance=1)

        def ocr_start(total: int) -> None:   # 文字识别：3/6 页（50%）… as `dangan ocr` says it, not 3 页 of no total
            progress.update(pages, total=total)

        def file_done(result: IngestResult) -> None:
            nonlocal read
            read += result.pages
            progress.update(task, advance=1, pages=read)

        return ingest_paths(ws, paths, on_wait=waiting, ocr=ocr, on_ocr_page=ocr_page,
                            on_ocr_start=ocr_start, on_file=file_done)


def run_ocr(ws: Workspace, ids: list[int] | None, workers: int | None,
            quiet: bool = False) -> list[dict]:
    from dangan.intake.ocr_stage import ocr_documents

    with _progress(quiet) as progress:
        task = progress.add_task("文字识别", total=None, unit="页")

        def started(pages: int) -> None:
            progress.update(task, total=pages)

        outcomes = ocr_documents(ws, ids, workers=workers, on_page=lambda: progress.advance(task),
                                 on_start=started)
    return [o.to_dict() for o in outcomes]


def run_reread(ws: Workspace, ids: list[int] | None, *, year: int | None, since: str | None, older: bool,
               dry_run: bool, ocr: bool, quiet: bool = False) -> list[dict]:
    """Read archived originals again, each document counted (重新识别：120/3000 件)."""
    from dangan.intake.reread import reread

    with _progress(quiet) as progress:
        task = progress.add_task("重新识别", total=None)
        pages = progress.add_task("文字识别", total=None, visible=False, unit="页")

        def started(total: int) -> None:
            progress.update(task, total=total)

        def ocr_started(total: int) -> None:
            progress.update(pages, total=total, visible=True)

        outcomes = reread(ws, ids, year=year, since=since, older=older, dry_run=dry_run, ocr=ocr, on_start=started,
                          on_document=lambda _: progress.advance(task), on_wait=waiting,
                          on_ocr_start=ocr_started, on_ocr_page=lambda: progress.advance(pages))
    return [o.to_dict() for o in outcomes]


def run_join(ws: Workspace, dry_run: bool, quiet: bool = False) -> dict:
    """Fold the 同文异版候选 (`dangan variants --join`), each pair counted (合并同文异版：12/40 对)."""
    from dangan.ops.same_text import join

    with _progress(quiet) as progress:
        task = progress.add_task("合并同文异版", total=None, unit="对")
        return join(ws, dry_run=dry_run, on_start=lambda total: progress.update(task, total=total),
                    on_step=lambda: progress.advance(task), on_wait=waiting)


def run_reindex(ws: Workspace, backend: str | None, quiet: bool = False) -> int:
    from dangan.archive.catalog import Catalog
    from dangan.errors import DatabaseMissing
    from dangan.index.maintain import reindex, switch_backend

    if backend == "postgres" and ws.settings.index_backend != "postgres" and not ws.settings.index_database:
        raise DatabaseMissing()   # before a progress line that would read 0/23 件
    with Catalog(ws.catalog_path) as catalog:
        total = catalog.count()
    with _progress(quiet) as progress:
        task = progress.add_task("重建索引", total=total)
        step = lambda: progress.advance(task)  # noqa: E731
        if backend and backend != ws.settings.index_backend:
            return switch_backend(ws, backend, on_doc=step, on_wait=waiting)
        return reindex(ws, on_doc=step, on_wait=waiting)


def run_restore(source: Path, home: Path, verify_only: bool, quiet: bool = False) -> dict:
    """Verify (and restore) a backup with every file hashed counted, then the index rebuilt."""
    from dangan.archive.restore import verify_backup
    from dangan.ops.restore import restore

    with _progress(quiet) as progress:
        files = progress.add_task("核对备份文件", total=None, unit="个")
        documents = progress.add_task("重建索引", total=None, visible=False)
        checked = 0

        def file_checked() -> None:
            nonlocal checked
            checked += 1
            progress.advance(files)

        def document_indexed() -> None:
            progress.update(files, total=checked)   # every file is checked once indexing starts
            progress.update(documents, visible=True, advance=1)

        if verify_only:
            return verify_backup(source, on_file=file_checked).to_dict()
        return restore(source, home, on_file=file_checked, on_doc=document_indexed).to_dict()


def run_export(ws: Workspace, out: Path, query: str, items: tuple[str, ...], taxonomy: Taxonomy | None,
               quiet: bool = False) -> dict:
    """Export with every original copied counted (导出：120/3000 件)."""
    from dangan.compose.export import export

    with _progress(quiet) as progress:
        task = progress.add_task("导出", total=None)

        def started(total: int) -> None:
            progress.update(task, total=total)

        return export(ws, out, query=query, items=items, taxonomy=taxonomy,
                      on_doc=lambda: progress.advance(task), on_start=started).to_dict()
