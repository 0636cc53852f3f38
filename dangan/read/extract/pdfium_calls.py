"""pdfium functions called per page object, path segment or character, bound for speed.

The table finder makes ~200k such calls on the corpus PDFs (`pdf_tables`), the
first-page layout a few thousand (`pdf`).
"""
from __future__ import annotations

import ctypes
import functools
from typing import Any, NamedTuple


class Native(NamedTuple):
    count_objects: Any
    get_object: Any
    object_type: Any
    get_matrix: Any
    count_segments: Any
    get_segment: Any
    segment_point: Any
    segment_type: Any
    segment_close: Any
    char_box: Any
    loose_char_box: Any
    char_origin: Any
    text_index: Any
    is_generated: Any


class Handle(ctypes.c_void_p):
    """A returned pdfium handle kept as a ctypes object, passed on as it is."""


@functools.cache
def native() -> Native:
    """The pdfium functions called per object, path segment and character, without
    declared argument types.

    These calls are most of the table finder's CPU (~200k on the corpus PDFs), and
    ctypes' per-argument conversion costs about half of each: FPDFText_GetCharBox
    takes 0.26 µs a call this way against 0.47–0.54 µs through pypdfium2's typed
    bindings. Callers pass handles (pypdfium2's or `Handle`), small ints and
    `ctypes.byref` out-parameters only.
    """
    import pypdfium2.raw as pdfium_c

    def bind(function: Any, result: Any = ctypes.c_int) -> Any:
        address = ctypes.cast(function, ctypes.c_void_p).value
        assert address is not None   # a symbol pdfium exports
        return ctypes.CFUNCTYPE(result)(address)

    return Native(
        count_objects=bind(pdfium_c.FPDFPage_CountObjects),
        get_object=bind(pdfium_c.FPDFPage_GetObject, Handle),
        object_type=bind(pdfium_c.FPDFPageObj_GetType),
        get_matrix=bind(pdfium_c.FPDFPageObj_GetMatrix),
        count_segments=bind(pdfium_c.FPDFPath_CountSegments),
        get_segment=bind(pdfium_c.FPDFPath_GetPathSegment, Handle),
        segment_point=bind(pdfium_c.FPDFPathSegment_GetPoint),
        segment_type=bind(pdfium_c.FPDFPathSegment_GetType),
        segment_close=bind(pdfium_c.FPDFPathSegment_GetClose),
        char_box=bind(pdfium_c.FPDFText_GetCharBox),
        loose_char_box=bind(pdfium_c.FPDFText_GetLooseCharBox),
        char_origin=bind(pdfium_c.FPDFText_GetCharOrigin),
        text_index=bind(pdfium_c.FPDFText_GetTextIndexFromCharIndex),
        is_generated=bind(pdfium_c.FPDFText_IsGenerated),
    )


def out(kind: Any, count: int) -> tuple[Any, list[Any]]:
    """An array of `count` values and a by-reference pointer to each, for out-parameters."""
    values = (kind * count)()
    return values, [ctypes.byref(values, k * ctypes.sizeof(kind)) for k in range(count)]
