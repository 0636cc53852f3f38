"""The XML of an OFD package (GB/T 33190), as the text, seal and image readers walk it: elements by their
local name whatever the namespace (producers write ofd: or none, and older ones another URI), locations
inside the package, and the numbers attributes hold."""
from __future__ import annotations

import posixpath
from typing import Any


def resolve(base_file: str, loc: str) -> str:
    """An OFD location: absolute from the package root, else relative to the referring file."""
    loc = loc.strip().replace("\\", "/")
    if loc.startswith("/"):
        return posixpath.normpath(loc.lstrip("/"))
    return posixpath.normpath(posixpath.join(posixpath.dirname(base_file), loc))


def local_name(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def children(element: Any, name: str) -> list[Any]:
    return [c for c in element if local_name(c.tag) == name]


def all_named(element: Any, name: str) -> list[Any]:
    return [c for c in element.iter() if local_name(c.tag) == name]


def first_named(element: Any, name: str) -> Any:
    """The first element of that name inside `element` (itself included), or None; None in, None out."""
    if element is None:
        return None
    return next((c for c in element.iter() if local_name(c.tag) == name), None)


def number(text: str | None, default: float) -> float:
    try:
        return float(text) if text is not None else default
    except ValueError:
        return default


def numbers(text: str | None) -> list[float]:
    return [number(t, 0.0) for t in (text or "").split()]
