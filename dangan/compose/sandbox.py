"""Render a docxtpl template in a locked-down Jinja2 sandbox.

A template may come from the user (`--template`), so it is untrusted:

- the environment is Jinja2's immutable sandbox with `StrictUndefined` and
  autoescaping (a value holding `&` or `<` would otherwise break the XML);
- attributes may be read only on plain data (dict, list, str, numbers, dates,
  Jinja's own loop helpers). docxtpl's `InlineImage` carries the whole
  `DocxTemplate` in `.tpl`, whose `save()` a plain sandbox would let a
  template call; here `{{ d.photo.tpl }}` is refused like `{{ ''.__class__ }}`;
- `*` and `**` are bounded, so `{{ 'x' * 10**9 }}` fails instead of eating memory;
  so are the widths of `format`, `%` and `str.format` (`"%0600000000d"|format(1)`)
  and the items all `range()` calls of one render may produce (nested ranges);
  `lipsum()` and the padding filters (center, indent, wordwrap) are not offered;
- a template is rendered in a child process with a memory limit and a wall-clock
  timeout: whatever slips past the checks above is killed, not waited for. The child
  is forked, or started by the fork server when other threads run (the web desk).

Every failure becomes `dangan.errors.TemplateError`; the output is written
atomically.
"""
from __future__ import annotations

import datetime as dt
import functools
import multiprocessing
import os
import re
import resource
import string
import tempfile
import traceback
from collections.abc import Callable
from multiprocessing.context import ForkContext, ForkServerContext
from pathlib import Path
from typing import Any

from jinja2 import StrictUndefined
from jinja2.exceptions import SecurityError, TemplateSyntaxError, UndefinedError
from jinja2.exceptions import TemplateError as JinjaError
from jinja2.runtime import LoopContext
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import Cycler, Joiner, Namespace

from dangan.errors import TemplateError
from dangan.read.extract.failures import library_reason
from dangan.threads import may_fork

__all__ = ["DocxSandbox", "current_umask", "render_docx", "save_atomically"]

PLAIN = (str, int, float, bool, type(None), dict, list, tuple, dt.date, LoopContext, Cycler, Joiner, Namespace)
MAX_SIZE = 1_000_000
MAX_WIDTH = 1000             # field width or precision in `format`, `%`, `str.format`
MAX_RANGE_ITEMS = 200_000    # items all `range()` calls of one render may produce
RENDER_SECONDS = 120.0       # a render (with its images) taking longer is killed
RENDER_MEMORY = 2 * 2**30    # address space the rendering child may add to what it inherits
_PRINTF = re.compile(r"%(?:\([^)]*\))?[#0 +\-]*(\*|\d+)?(?:\.(\*|\d+))?")
_NUMBERS = re.compile(r"\d+")


def _check_printf(fmt: str) -> None:
    for width, precision in _PRINTF.findall(fmt):
        for value in (width, precision):
            if value == "*" or (value and int(value) > MAX_WIDTH):
                raise SecurityError("格式宽度过大")


def _check_braces(fmt: str) -> None:
    try:
        fields = list(string.Formatter().parse(fmt))
    except ValueError as exc:
        raise SecurityError(f"格式串有误：{exc}") from exc
    for _, _, spec, _ in fields:
        if spec and ("{" in spec or any(int(n) > MAX_WIDTH for n in _NUMBERS.findall(spec))):
            raise SecurityError("格式宽度过大")


class DocxSandbox(ImmutableSandboxedEnvironment):
    """Jinja2's immutable sandbox, reading attributes of plain data only."""

    intercepted_binops = frozenset({"*", "**", "%"})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.range_left = MAX_RANGE_ITEMS
        self.globals["range"] = self._range
        self.filters["format"] = self._format

    def _range(self, *args: int) -> range:
        items = range(*args)
        self.range_left -= len(items)
        if self.range_left < 0:
            raise SecurityError("range() 产生的项目过多")
        return items

    @staticmethod
    def _format(value: str, *args: Any, **kwargs: Any) -> str:
        _check_printf(str(value))
        if args and kwargs:
            raise SecurityError("format 过滤器不能同时使用位置参数和关键字参数")
        return str(value) % (kwargs or args)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        """`"{:>9}".format(x)` in a template: widths are bounded like `format`'s."""
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        template = str(value.__self__)

        def checked(*args: Any, **kwargs: Any) -> str:
            _check_braces(template)
            return str(wrapped(*args, **kwargs))
        return checked

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if not isinstance(obj, PLAIN):
            return False
        return bool(super().is_safe_attribute(obj, attr, value))

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(right, (int, float)) and abs(right) > 64:
            raise SecurityError("指数过大")
        if operator == "%" and isinstance(left, str):
            _check_printf(left)
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


def current_umask() -> int:
    """The process's umask, read without changing it (os.umask would race other threads)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o022


def save_atomically(save: Callable[[str], Any], out: Path) -> Path:
    """Call `save(tmp)` on a temporary name beside `out`, then rename it into place."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(prefix=f".{out.stem}-", suffix=out.suffix, dir=out.parent)
    os.close(handle)
    try:
        save(tmp)
        os.chmod(tmp, 0o666 & ~current_umask())   # mkstemp's 0600 would hide it from colleagues on a share
        os.replace(tmp, out)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return out


def fixed(context: dict[str, Any]) -> Callable[[Any], dict[str, Any]]:
    """A context that needs no template object, as `render_docx` takes it (picklable:
    a child started by the fork server receives it through a pipe)."""
    return functools.partial(_fixed, context)


def _fixed(context: dict[str, Any], tpl: Any) -> dict[str, Any]:
    return context


def render_docx(template: Path, context: Callable[[Any], dict[str, Any]], out: Path, *,
                missing_hint: str = "运行 `python -m dangan.templates.docx.build_templates` 生成默认模板。",
                seconds: float = RENDER_SECONDS) -> Path:
    """Render `template` with `context(tpl)` (a function, so images can be made for `tpl`; picklable:
    a module-level function or a partial of one) into `out`.

    The rendering runs in a forked child with a memory limit, killed after `seconds`.
    """
    template = Path(template)
    if not template.is_file():
        raise TemplateError(detail=f"找不到模板文件 {template}", hint=missing_hint)
    return save_atomically(lambda tmp: _in_child(_render_to, (template, context, tmp), seconds), out)


def _render_to(template: Path, context: Callable[[Any], dict[str, Any]], target: str) -> None:
    from docxtpl import DocxTemplate

    try:
        document = DocxTemplate(str(template))
        document.render(context(document), jinja_env=environment(), autoescape=True)
    except JinjaError as exc:
        raise TemplateError(detail=describe(exc)) from exc
    except MemoryError as exc:
        raise TemplateError(detail="模板渲染所需内存超过上限") from exc
    except (KeyError, ValueError, OSError) as exc:
        raise TemplateError(detail=f"无法读取模板 {template.name}：{library_reason(exc, '模板内容不完整')}") from exc
    except Exception as exc:  # zipfile / lxml errors from a damaged template
        if type(exc).__module__.split(".")[0] in ("zipfile", "lxml", "docx", "docxtpl"):
            raise TemplateError(detail=f"模板文件已损坏：{library_reason(exc, '并非有效的 DOCX 模板')}") from exc
        raise
    document.save(target)


def _in_child(work: Callable[..., None], args: tuple[Any, ...], seconds: float) -> None:
    """Run `work(*args)` in a forked child limited to RENDER_MEMORY and `seconds`.

    A TemplateError in the child comes back as one; anything else as its description.
    """
    # Forked where that is safe (the command line: nothing to import again); from the fork
    # server where threads run (the web desk), which costs the child its imports.
    context: ForkContext | ForkServerContext = (
        multiprocessing.get_context("fork") if may_fork() else multiprocessing.get_context("forkserver"))
    reader, writer = context.Pipe(duplex=False)
    child = context.Process(target=_child_main, args=(writer, work, args), daemon=True)
    child.start()
    writer.close()
    try:
        if not reader.poll(seconds):
            raise TemplateError(detail=f"模板渲染超过 {seconds:.0f} 秒，已中止（模板可能含有过大的循环）")
        kind, message = reader.recv()
    except EOFError:
        kind, message = "crash", "渲染进程意外退出（可能超出内存上限）"
    finally:
        if child.is_alive():
            child.kill()
        child.join(5)
        reader.close()
    if kind == "template":
        raise TemplateError(detail=message)
    if kind != "ok":
        raise TemplateError(detail=message)


def _address_space() -> int:
    """This process's virtual size in bytes (what a fork inherits)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as fh:
            return int(fh.read().split()[0]) * resource.getpagesize()
    except (OSError, ValueError, IndexError):
        return 2 * 2**30


def _child_main(writer: Any, work: Callable[..., None], args: tuple[Any, ...]) -> None:
    try:
        limit = _address_space() + RENDER_MEMORY
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        work(*args)
        writer.send(("ok", ""))
    except TemplateError as error:
        writer.send(("template", error.context.get("detail") or error.message))
    except MemoryError:
        writer.send(("crash", "模板渲染所需内存超过上限"))
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, never raised here
        writer.send(("crash", f"{type(exc).__name__}: {exc}"[:300]))
        traceback.print_exc()
    finally:
        writer.close()
        os._exit(0)
