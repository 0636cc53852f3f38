"""Docs are checked like code: generated references are current, every command and error is in them."""
from __future__ import annotations

import importlib.util
from pathlib import Path

from dangan.errors import all_errors

DOCS = Path(__file__).resolve().parents[1] / "docs"


def load_generator():
    spec = importlib.util.spec_from_file_location("make_docs", DOCS / "make_docs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generated_docs_are_current():
    assert load_generator().main(check=True) == 0, "run: python docs/make_docs.py"


def test_every_command_and_error_code_is_documented():
    generator = load_generator()
    cli_md = (DOCS / "cli.md").read_text(encoding="utf-8")
    for path, _ in generator.commands(generator.cli):
        assert f"## dangan {' '.join(path)}\n" in cli_md, path
    errors_md = (DOCS / "errors.md").read_text(encoding="utf-8")
    generator.errors_md()  # imports every module, so every error class is known
    for cls in all_errors():
        assert f"`{cls.code}`" in errors_md, cls.code


def test_readme_opens_with_demo_and_test():
    head = "\n".join((DOCS.parent / "README.md").read_text(encoding="utf-8").splitlines()[:10])
    assert "make demo" in head and "make test" in head
