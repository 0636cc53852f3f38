"""jieba as every module that cuts Chinese into words imports it: `jieba_module()`.

Two things jieba 0.42.1 (its last release, 2020) does that cost a clerk's command for nothing:

- it imports pkg_resources (~0.1 s) only to open its own dict.txt, and falls back to the file beside
  it when that import fails, as it will once setuptools drops pkg_resources (fxsjy/jieba#1043). So the
  import is made to fail for the moment jieba is imported (a module importing pkg_resources in another
  thread then would fail too; none of ours does);
- it keeps the prefix dictionary it builds from dict.txt (~1.5 s) in `<temp>/jieba.cache` and reads it
  back in the next process (~0.7 s). A file of that name another user made (0600) this user can
  neither read nor replace (/tmp is sticky): each of their processes would build it again, print
  jieba's traceback (Dump cache file failed.) and leave a 9 MB temporary file behind. So each user's
  cache is their own, `jieba-<uid>.cache`, trusted only when it is theirs (as dangan/index/wordsplit.py
  does with its word table); beside one that is not, the dictionary is built again in a private folder
  removed at exit.
"""
from __future__ import annotations

import atexit
import functools
import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any


@functools.cache
def jieba_module() -> Any:
    """The jieba module, its log at WARNING and its dictionary cache the user's own."""
    if "jieba" not in sys.modules and "pkg_resources" not in sys.modules:
        sys.modules["pkg_resources"] = None   # type: ignore[assignment]   # `import` raises ImportError
        try:
            import jieba
        finally:
            if sys.modules.get("pkg_resources", False) is None:
                del sys.modules["pkg_resources"]
    import jieba

    jieba.setLogLevel(logging.WARNING)
    if not jieba.dt.initialized and not jieba.dt.cache_file:
        jieba.dt.cache_file = cache_name()
        if not _ours(Path(jieba.dt.tmp_dir or tempfile.gettempdir()) / jieba.dt.cache_file):
            jieba.dt.tmp_dir = tempfile.mkdtemp(prefix="dangan-jieba-")   # private, this process only
            atexit.register(shutil.rmtree, jieba.dt.tmp_dir, True)
    return jieba


def cache_name() -> str:
    return f"jieba-{os.getuid()}.cache"


def _ours(path: Path) -> bool:
    """Whether the cache file at `path` may be read and written by this user: absent, or theirs."""
    try:
        return path.lstat().st_uid == os.getuid() and path.is_file()
    except FileNotFoundError:
        return True
