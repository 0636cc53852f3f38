"""Minutes benchmark: draft a 10,000-character speech, and render it.

The seed speech (Traditional, with pinyin annotations) is repeated until its
cleaned text holds at least 10,000 characters. After a warm-up (OpenCC and
the regexes loaded), `draft_minutes` is timed over several runs; the baseline,
measured in the same run on the same text, is a plain OpenCC `t2s`
conversion, so the ratio says how much work the drafting adds to the
cheapest pass over the text. Target: drafting < 1 s. Writes
`bench/results/minutes.json`.

    .venv/bin/python -m bench.bench_minutes

`run_all` calls `main(quick=...)`: the bench is a few seconds, so the quick form is the full one.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "corpus" / "txt" / "seed_speech" / "书记在创建办会部署会讲话.txt"
RESULTS = ROOT / "bench" / "results" / "minutes.json"
TARGET_CHARS = 10_000
TARGET_SECONDS = 1.0
RUNS = 7
MEETING = dt.date(2022, 3, 26)


def timed(func: Callable[[], Any], runs: int = RUNS) -> tuple[float, Any]:
    """Median wall time of `runs` calls (after one warm-up call), and the last result."""
    result = func()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        result = func()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples), result


def speech_text() -> tuple[str, int]:
    """The seed speech repeated to ≥ 10,000 cleaned characters."""
    from dangan.compose.minutes.speech import prepare_text

    seed = SEED.read_text(encoding="utf-8")
    text = seed
    while len(prepare_text(text)) < TARGET_CHARS:
        text += "\n\n" + seed
    return text, len(prepare_text(text))


def main(quick: bool = False) -> int:
    sys.path.insert(0, str(ROOT))
    load = os.getloadavg()
    from dangan.compose.minutes.render import render_minutes
    from dangan.compose.minutes.speech import draft_minutes, to_simplified

    text, cleaned_chars = speech_text()
    baseline, _ = timed(lambda: to_simplified(text))
    drafting, minutes = timed(lambda: draft_minutes(text, MEETING))
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "minutes.docx"
        rendering, _ = timed(lambda: render_minutes(minutes, out), runs=3)
    figures = {
        "input_chars": len(text),
        "cleaned_chars": cleaned_chars,
        "draft_seconds": round(drafting, 4),
        "baseline_t2s_seconds": round(baseline, 5),
        "ratio_to_baseline": round(drafting / baseline, 1),
        "draft_chars_per_second": round(cleaned_chars / drafting),
        "render_docx_seconds": round(rendering, 4),
        "top_parts": len(minutes.outline),
        "tasks": len(minutes.tasks),
        "target_seconds": TARGET_SECONDS,
        "meets_target": drafting < TARGET_SECONDS,
    }
    result = {
        "benchmark": "minutes",
        "date": dt.datetime.now().isoformat(timespec="seconds"),
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "runs": RUNS,
        "load_average": {"start": [round(x, 2) for x in load], "end": [round(x, 2) for x in os.getloadavg()]},
        "figures": figures,
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"起草纪要：{cleaned_chars} 字，{drafting * 1000:.1f} ms（目标 < {TARGET_SECONDS:.0f} s）")
    print(f"基线 OpenCC t2s：{baseline * 1000:.2f} ms，比值 {drafting / baseline:.1f}×")
    print(f"生成 DOCX：{rendering * 1000:.1f} ms；{len(minutes.outline)} 个部分，{len(minutes.tasks)} 项任务")
    print(f"结果已写入 {RESULTS}")
    return 0 if drafting < TARGET_SECONDS else 1


if __name__ == "__main__":
    raise SystemExit(main())
