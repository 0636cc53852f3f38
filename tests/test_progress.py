"""Progress off a terminal: a line every few seconds on stderr (files, pages, rate, ETA); --quiet silences it."""
from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

from conftest import CORPUS, SEED_SPEECH

from dangan.cli.progress_lines import LineProgress, duration

REPO = Path(__file__).resolve().parents[1]


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_line_every_few_seconds_with_rate_and_time_left_then_one_last_line():
    clock, out = Clock(), io.StringIO()
    with LineProgress(out, every=5.0, clock=clock) as progress:
        task = progress.add_task("收录", total=100, pages=0)
        for n in range(1, 101):
            clock.now += 0.25                      # 4 files a second, 10 pages each
            progress.update(task, advance=1, pages=10 * n)
    lines = out.getvalue().splitlines()
    assert len(lines) == 5                         # at 5, 10, 15, 20 s, and the last one at 25 s
    assert lines[0] == "收录：20/100 件（20%），200 页，每秒 40.0 页，预计还需 20 秒"
    assert lines[-1] == "收录：100/100 件（100%），1000 页，每秒 40.0 页，完成，用时 25 秒"


def test_a_batch_of_duplicates_reads_no_rate():
    """A folder ingested again: every file a duplicate, no page read — no 每分钟 0.0 页."""
    clock, out = Clock(), io.StringIO()
    with LineProgress(out, every=5.0, clock=clock) as progress:
        task = progress.add_task("收录", total=26, pages=0)
        for _ in range(26):
            clock.now += 0.01
            progress.update(task, advance=1, pages=0)
    assert out.getvalue().splitlines()[-1] == "收录：26/26 件（100%），0 页，完成，用时 0 秒"


def test_slow_counts_are_per_minute_and_durations_read_naturally():
    clock, out = Clock(), io.StringIO()
    with LineProgress(out, clock=clock) as progress:
        task = progress.add_task("文字识别", unit="页")
        clock.now += 90
        progress.update(task, advance=3)
    assert out.getvalue().splitlines() == ["文字识别：3 页，每分钟 2.0 页"]
    assert (duration(42), duration(130), duration(7300)) == ("42 秒", "2 分 10 秒", "2 小时 1 分")


def run_ingest(tmp_path: Path, *options: str) -> subprocess.CompletedProcess:
    home = tmp_path / "ws"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    dangan = [sys.executable, "-m", "dangan", "--home", str(home)]
    subprocess.run([*dangan, "init"], check=True, env=env, capture_output=True)
    folder = CORPUS / "pdf/cn_provincial_budget_reports_2024/excerpts"
    return subprocess.run([*dangan, "ingest", "--no-ocr", *options, str(folder), str(SEED_SPEECH)],
                          env=env, capture_output=True, text=True, timeout=300)


def test_piped_ingest_prints_progress_to_stderr_and_quiet_silences_it(tmp_path):
    piped = run_ingest(tmp_path)
    assert piped.returncode == 0, piped.stderr
    assert "收录 4 件" in piped.stdout and "收录：" not in piped.stdout
    last = [line for line in piped.stderr.splitlines() if line.startswith("收录：")][-1]
    assert last.startswith("收录：4/4 件（100%），") and "页，每秒" in last and "完成" in last
    quiet = run_ingest(tmp_path / "q", "--quiet")
    assert quiet.returncode == 0 and "收录：" not in quiet.stderr and "收录 4 件" in quiet.stdout
