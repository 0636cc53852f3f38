"""Reads of a Whoosh index that a concurrent commit may pull the files from under: opened and retried."""
from __future__ import annotations

import functools
import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from whoosh import index

from dangan.index.whoosh_fields import schema

log = logging.getLogger(__name__)
T = TypeVar("T")
READ_RETRIES = 5


def retry_read(method: Callable[..., T]) -> Callable[..., T]:
    """Reopen and retry a read that a concurrent commit pulled the segment files from under.

    A commit that merges segments deletes the old segments' files; a searcher
    opened just before reads them lazily and fails (TypeError inside whoosh, or
    FileNotFoundError). Whoosh has no reader lock to prevent it; reopening sees
    the new generation.
    """
    @functools.wraps(method)
    def wrapper(self: Any, *args: Any, **kwargs: Any) -> T:
        for attempt in range(READ_RETRIES):
            try:
                return method(self, *args, **kwargs)
            except (TypeError, OSError, EOFError) as exc:
                if attempt == READ_RETRIES - 1:
                    raise
                log.debug("index read retried after %r", exc)
                time.sleep(0.02 * (attempt + 1))
                self._held = self._vocab_reader = None   # dropped, not returned to the pool
                self.ix = open_index(self.folder)
        raise AssertionError("unreachable")
    return wrapper


def open_index(folder: Path) -> Any:
    for attempt in range(READ_RETRIES):
        try:
            return index.open_dir(str(folder), schema=schema())   # the code's field types, not the pickled ones
        except (TypeError, OSError, EOFError):
            if attempt == READ_RETRIES - 1:
                raise
            time.sleep(0.02 * (attempt + 1))
    raise AssertionError("unreachable")
