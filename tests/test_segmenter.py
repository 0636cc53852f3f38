"""jieba as dangan imports it (dangan/segmenter.py): without pkg_resources, and its dictionary cache the
user's own, read back by the next process; beside a cache file another user made, nothing of theirs is
read or replaced. Each case in a fresh process with its own temporary folder (jieba's state is global)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import REPO

RUN = """
import logging, os, sys
from dangan import segmenter
{patch}
jieba = segmenter.jieba_module()
jieba.setLogLevel(logging.DEBUG)
jieba.initialize()
print(jieba.dt.tmp_dir or "", jieba.dt.cache_file, len(jieba.dt.FREQ) > 300000, "pkg_resources" in sys.modules)
print(jieba.lcut("政府工作报告里的营商环境优化"))
"""


def run(tmp: Path, patch: str = "") -> tuple[list[str], str]:
    done = subprocess.run([sys.executable, "-c", RUN.format(patch=patch)], cwd=REPO, capture_output=True, text=True,
                          check=True, env={**os.environ, "TMPDIR": str(tmp)})
    return done.stdout.splitlines(), done.stderr


def test_the_cache_is_the_users_own_and_read_by_the_next_process(tmp_path: Path) -> None:
    name = f"jieba-{os.getuid()}.cache"
    (first, _), (second, said) = run(tmp_path), run(tmp_path)
    assert first[0] == second[0] == f" {name} True False"
    assert (tmp_path / name).is_file() and not (tmp_path / "jieba.cache").exists()
    assert f"Loading model from cache {tmp_path / name}" in said
    assert first[1] == second[1] == "['政府', '工作', '报告', '里', '的', '营商', '环境', '优化']"
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]   # no temporary file left


def test_another_users_cache_is_neither_read_nor_replaced(tmp_path: Path) -> None:
    other = os.getuid() + 1   # this process's files are another user's to the patched segmenter
    theirs = tmp_path / f"jieba-{other}.cache"
    theirs.write_bytes(b"not a dictionary")
    lines, said = run(tmp_path, f"segmenter.os.getuid = lambda: {other}")
    private, cache, full, _ = lines[0].split()
    assert Path(private).parent == tmp_path and cache == theirs.name and full == "True"
    assert "Loading model from cache" not in said and "Dump cache file failed" not in said
    assert theirs.read_bytes() == b"not a dictionary"
    assert not Path(private).exists()   # removed at exit
    assert lines[1] == "['政府', '工作', '报告', '里', '的', '营商', '环境', '优化']"
