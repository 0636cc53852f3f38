"""Render a docxtpl template in a locked-down Jinja2 sandbox.

A template may come from the user (`--template`), so it is untrusted:

- the environment is Jinja2's immutable sandbox with `StrictUndefined` and
  autoescaping (a value holding `&` or `<` would otherwise break the XML);
- attributes may be read only on plain data (dict, list, str, numbers, dates,
  Jinja's own loop helpers). docxtpl's `InlineImage` carries the whole
  `DocxTemplate` in `.tpl`, whose `save()` a plain sandbox would let a
  template call; here `{{ d.photo.tpl }}` is refused like `{{ ''.__class__ }}`;
- `*` and `**` are bounded, so `{{ 'x' * 10**9 }}` fails instead of eating memory;
  `lipsum()` and the padding filters (center, indent, wordwrap) are not offered.

Every failure becomes `dangan.errors.TemplateError`; the output is written
atomically.
"""
from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import StrictUndefined
from jinja2.exceptions import SecurityError, TemplateSyntaxError, UndefinedError
from jinja2.exceptions import TemplateError as JinjaError
from jinja2.runtime import LoopContext
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import Cycler, Joiner, Namespace

from dangan.errors import TemplateError

__all__ = ["DocxSandbox", "render_docx", "save_atomically"]

PLAIN = (str, int, float, bool, type(None), dict, list, tuple, dt.date, LoopContext, Cycler, Joiner, Namespace)
MAX_SIZE = 1_000_000


class DocxSandbox(ImmutableSandboxedEnvironment):
    """Jinja2's immutable sandbox, reading attributes of plain data only."""

    intercepted_binops = frozenset({"*", "**"})

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if not isinstance(obj, PLAIN):
            return False
        return bool(super().is_safe_attribute(obj, attr, value))

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(right, (int, float)) and abs(right) > 64:
            raise SecurityError("指数过大")
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(times, int) and len(seq) * times > MAX_SIZE:
                    raise SecurityError("重复次数过多")
        return super().call_binop(context, operator, left, right)


def environment() -> DocxSandbox:
    env = DocxSandbox(undefined=StrictUndefined, autoescape=True)
    env.globals.pop("lipsum", None)          # lipsum(n=10**6): text without end
    for name in ("center", "indent", "wordwrap"):
        env.filters.pop(name, None)          # widths a template could make enormous
    return env


def describe(exc: Exception) -> str:
    """A Chinese account of a template failure."""
    if isinstance(exc, SecurityError):
        return f"模板试图访问不允许的属性或方法（{exc}）"
    if isinstance(exc, UndefinedError):
        return f"模板使用了未定义的变量（{exc}）"
    if isinstance(exc, TemplateSyntaxError):
        return f"模板语法错误：{exc.message}"
    return f"{type(exc).__name__}: {exc}"


def save_atomically(save: Callable[[str], Any], out: Path) -> Path:
    """Call `save(tmp)` on a temporary name beside `out`, then rename it into place."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(prefix=f".{out.stem}-", suffix=out.suffix, dir=out.parent)
    os.close(handle)
    try:
        save(tmp)
        os.replace(tmp, out)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return out


def render_docx(template: Path, context: Callable[[Any], dict[str, Any]], out: Path, *,
                missing_hint: str = "运行 `python -m dangan.templates.docx.build_templates` 生成默认模板。") -> Path:
    """Render `template` with `context(tpl)` (a function, so images can be made for `tpl`) into `out`."""
    from docxtpl import DocxTemplate

    template = Path(template)
    if not template.is_file():
        raise TemplateError(detail=f"找不到模板文件 {template}", hint=missing_hint)
    try:
        document = DocxTemplate(str(template))
        document.render(context(document), jinja_env=environment(), autoescape=True)
    except JinjaError as exc:
        raise TemplateError(detail=describe(exc)) from exc
    except (KeyError, ValueError, OSError) as exc:
        raise TemplateError(detail=f"无法读取模板 {template.name}（{type(exc).__name__}）") from exc
    except Exception as exc:  # zipfile / lxml errors from a damaged template
        if type(exc).__module__.split(".")[0] in ("zipfile", "lxml", "docx", "docxtpl"):
            raise TemplateError(detail=f"模板文件已损坏（{type(exc).__name__}）") from exc
        raise
    return save_atomically(document.save, out)
