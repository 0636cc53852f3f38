"""Extraction ahead of the writer: order kept, a crashed worker replaced, a file that kills two fails."""
from __future__ import annotations

from concurrent.futures.process import BrokenProcessPool

import pytest
from conftest import CORPUS, SEED_SPEECH

from dangan.errors import ExtractionFailed
from dangan.intake.prefetch import Prefetcher
from dangan.read.extract.base import Limits

FILES = sorted((CORPUS / "txt/cn_normative_docs_pkulaw").iterdir()) + [SEED_SPEECH]


class Broken:
    def result(self):
        raise BrokenProcessPool("a worker died")


@pytest.fixture
def prefetcher():
    p = Prefetcher(Limits(), workers=2, ahead=2)
    yield p
    p.close()


def test_results_come_in_the_order_given_and_unwanted_are_not_read(prefetcher):
    wanted = [(path, i != 1) for i, path in enumerate(FILES)]
    seen = [(path, prepared() if prepared else None) for path, prepared in prefetcher.run(iter(wanted))]
    assert [p for p, _ in seen] == FILES
    assert seen[1][1] is None
    assert seen[0][1][0].path == FILES[0] and "余府发" in seen[0][1][1].text


def test_a_crashed_worker_is_replaced_and_the_file_read_again(prefetcher):
    prefetcher.window.append((SEED_SPEECH, Broken(), 1))
    incoming, extracted = prefetcher._result()
    assert incoming.path == SEED_SPEECH and "創(chuàng)建" in extracted.text


def test_a_file_that_breaks_two_workers_fails_with_a_reason(prefetcher):
    prefetcher.window.append((SEED_SPEECH, Broken(), 2))
    with pytest.raises(ExtractionFailed, match="两次崩溃"):
        prefetcher._result()
