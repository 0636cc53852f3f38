"""The prebuilt readings (dangan/text/pinyin_table.py) are pypinyin's own, character by character."""
from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import pytest
from conftest import REPO

from dangan.text import pinyin
from dangan.text.pinyin import FIRST, LAST, library_main_reading, library_readings, main_reading, readings


@pytest.fixture
def fresh() -> Iterator[None]:
    """No reading or table left over from another test, before and after."""
    def clear() -> None:
        for cached in (pinyin._table, readings, main_reading):
            cached.cache_clear()
    clear()
    yield
    clear()


def test_the_table_is_the_installed_pypinyins(fresh: None) -> None:
    from importlib.metadata import version

    from dangan.text import pinyin_table

    differ = [chr(c) for c in range(FIRST, LAST + 1)
              if readings(chr(c)) != library_readings(chr(c)) or main_reading(chr(c)) != library_main_reading(chr(c))]
    assert differ == [], "run tools/build_pinyin_table.py"
    assert pinyin_table.PYPINYIN_VERSION == version("pypinyin")
    assert readings("行") == {"xing", "hang", "heng"} and main_reading("行") == "xing"
    assert main_reading("重") == "zhong" and {"zhong", "chong"} <= readings("重")
    assert readings("〇") == library_readings("〇") and main_reading("〇") == library_main_reading("〇")   # outside


def test_the_table_is_read_without_pypinyin() -> None:
    """The suggester's first slip costs no 0.3 s import of pypinyin."""
    code = "import sys; from dangan.text.pinyin import readings; readings('行'); print('pypinyin' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
