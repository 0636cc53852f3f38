"""The order the xdist workers are handed test modules in (tests/module_order.py)."""
from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

from module_order import TABLE, UNKNOWN_SECONDS_A_TEST, most_expensive_first


def items(*nodeids: str) -> list[SimpleNamespace]:
    return [SimpleNamespace(nodeid=nodeid) for nodeid in nodeids]


def test_modules_go_dearest_first_and_keep_their_tests_in_order() -> None:
    collected = items("tests/test_a.py::one", "tests/test_a.py::two", "tests/test_b.py::one",
                      "tests/test_c.py::Cls::one", "tests/test_c.py::Cls::two", "tests/test_a.py::three")
    known = {"tests/test_a.py": 1.0, "tests/test_b.py": 30.0, "tests/test_c.py": 5.0}
    assert [i.nodeid for i in most_expensive_first(collected, known)] == [
        "tests/test_b.py::one", "tests/test_c.py::Cls::one", "tests/test_c.py::Cls::two",
        "tests/test_a.py::one", "tests/test_a.py::two", "tests/test_a.py::three"]


def test_a_module_missing_from_the_table_counts_by_its_tests() -> None:
    collected = items("tests/test_new.py::a", "tests/test_new.py::b", "tests/test_new.py::c", "tests/test_old.py::a")
    cheap = {"tests/test_old.py": 3 * UNKNOWN_SECONDS_A_TEST - 0.1}
    assert most_expensive_first(collected, cheap)[0].nodeid == "tests/test_new.py::a"
    dear = {"tests/test_old.py": 3 * UNKNOWN_SECONDS_A_TEST + 0.1}
    assert most_expensive_first(collected, dear)[0].nodeid == "tests/test_old.py::a"


def test_the_table_knows_most_test_modules() -> None:
    """New modules count by their tests until the table is written again (`--module-seconds-out`)."""
    seconds = json.loads(TABLE.read_text(encoding="utf-8"))["seconds"]
    root = Path(__file__).resolve().parents[1]
    modules = {f"tests/{path.name}" for path in (root / "tests").glob("test_*.py")}
    assert all(value >= 0 for value in seconds.values())
    assert len(modules & seconds.keys()) >= 0.8 * len(modules), sorted(modules - seconds.keys())
