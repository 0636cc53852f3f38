"""Extraction ahead of the writer: order kept, unwanted files not read, a crash fails only its file."""
from __future__ import annotations

import pytest
from conftest import CORPUS, SEED_SPEECH

from dangan.errors import ExtractionFailed
from dangan.intake.prefetch import Prefetcher
from dangan.intake.workers import WorkerPool
from dangan.read.extract.base import Limits

FILES = sorted((CORPUS / "txt/cn_normative_docs_pkulaw").iterdir()) + [SEED_SPEECH]


@pytest.fixture
def pool():
    with WorkerPool(2, Limits(seconds=60)) as p:
        yield p


def test_results_come_in_the_order_given_and_unwanted_are_not_read(pool):
    prefetcher = Prefetcher(Limits(), pool=pool, ahead=2)
    wanted = [(path, i != 1) for i, path in enumerate(FILES)]
    seen = [(path, prepared() if prepared else None) for path, prepared in prefetcher.run(iter(wanted))]
    assert [p for p, _ in seen] == FILES
    assert seen[1][1] is None
    assert seen[0][1][0].path == FILES[0] and "余府发" in seen[0][1][1].text


def test_a_file_that_kills_its_worker_fails_with_a_reason_and_the_next_is_read(pool, monkeypatch):
    prefetcher = Prefetcher(Limits(), pool=pool, ahead=4)
    from fakes import crash

    real_submit = pool.submit
    monkeypatch.setattr(pool, "submit", lambda fn, path, *a: real_submit(crash) if path == FILES[0]
                        else real_submit(fn, path, *a))
    results = prefetcher.run(iter([(FILES[0], True), (SEED_SPEECH, True)]))
    _, first = next(results)
    with pytest.raises(ExtractionFailed, match="解析进程异常退出"):
        first()
    path, second = next(results)
    assert path == SEED_SPEECH and "創(chuàng)建" in second()[1].text


def test_closing_early_drops_what_was_read_ahead(pool):
    prefetcher = Prefetcher(Limits(), pool=pool, ahead=6)
    results = prefetcher.run((path, True) for path in FILES)
    next(results)
    prefetcher.close()
    assert not prefetcher.window and not pool._queue
    assert pool.run(len, "余府发") == 3   # the pool serves on
