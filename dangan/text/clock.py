"""Stored times as a clerk reads them.

The catalog keeps ISO times with their zone (2026-11-30T05:20:15+00:00); the
command line and the web desk show them on the machine's own clock
(2026-11-30 13:20:15 on a machine in 北京时间), `--json` keeps them as stored.
"""
from __future__ import annotations

from datetime import datetime


def local_time(stamp: str | None, seconds: bool = True) -> str:
    """The stamp in the machine's zone; a time without a zone (a photo's EXIF time) is only
    reformatted, a day alone (拍摄时间 typed without the hour) and anything unreadable kept."""
    if not stamp:
        return ""
    if len(stamp) <= 10:
        return stamp
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")
