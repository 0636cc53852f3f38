"""The layer contract: every module imports only its own floor and the floors below it.

Floors, lowest first (docs/architecture.md explains them). A module may import its
own package and any lower floor; `intake`, `compose` and `ops` are one floor of use
cases that do not import each other; the web desk is a face, and the CLI sits above it
only to start it (`dangan serve`). Lazy imports inside functions count too.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "dangan"

CORE = {"model", "errors", "fields", "faults", "lock", "pictures", "segmenter", "threads", "workspace", "__init__",
        "__main__"}
FLOORS: dict[str, int] = {
    "core": 0, "text": 1, "read": 2, "archive": 3, "index": 4,
    "intake": 5, "compose": 5, "ops": 5, "templates": 5,
    "web": 6, "cli": 7,
}
# Same-floor packages that may use each other: templates are built with compose's typography.
ALLOWED_SIDEWAYS = {("templates", "compose"), ("compose", "templates")}


def _unit(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 1 or parts[1] in CORE:
        return "core"
    return parts[1]


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "dangan":
                found.update(f"dangan.{alias.name}" for alias in node.names)
            elif node.module.startswith("dangan."):
                found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("dangan"))
    return found


def _modules() -> list[tuple[str, Path]]:
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        out.append((".".join(rel.parts), path))
    return out


def violations() -> list[str]:
    found = []
    for module, path in _modules():
        unit = _unit(module)
        if module in ("dangan.__main__",):
            continue
        for target in sorted(_imports(path)):
            other = _unit(target)
            if other == unit:
                continue
            if other not in FLOORS:
                found.append(f"{module} imports {target}: unknown floor {other!r}")
            elif FLOORS[other] > FLOORS[unit]:
                found.append(f"{module} imports {target} (upward: {unit} → {other})")
            elif FLOORS[other] == FLOORS[unit] and (unit, other) not in ALLOWED_SIDEWAYS:
                found.append(f"{module} imports {target} (sideways: {unit} → {other})")
    return found


def test_every_package_has_a_floor() -> None:
    units = {_unit(module) for module, _ in _modules()}
    assert units <= set(FLOORS), units - set(FLOORS)


def test_imports_only_go_down() -> None:
    assert violations() == []


@pytest.mark.parametrize("pure", ["text"])
def test_pure_floors_do_no_io(pure: str) -> None:
    """`text/` is pure functions: no file, network or process modules."""
    banned = {"os", "shutil", "subprocess", "socket", "sqlite3", "tempfile", "io", "urllib"}
    for path in sorted((PACKAGE / pure).rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {a.name.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        names |= {n.module.split(".")[0] for n in ast.walk(tree)
                  if isinstance(n, ast.ImportFrom) and n.module and n.level == 0}
        assert not names & banned, f"{path.name} imports {sorted(names & banned)}"
