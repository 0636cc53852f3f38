"""Run LibreOffice headless to convert one file, safely.

Each conversion gets its own user profile directory (`-env:UserInstallation`)
in a fresh temporary folder, so two conversions never share a profile (a
shared profile makes the second soffice hand its job to the first, or wait on
its lock). soffice runs in its own process group with a wall-clock timeout; on
a hang the whole group (oosplash and soffice.bin) is killed, and it is killed
again after a normal exit in case a child lingers.
"""
from __future__ import annotations

import logging
import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

from dangan.errors import ConversionFailed, ConverterMissing

log = logging.getLogger(__name__)

BINARIES = ("soffice", "libreoffice")
PACKAGES = {"docx": "libreoffice-writer-nogui", "pptx": "libreoffice-impress-nogui",
            "xlsx": "libreoffice-calc-nogui"}
# The import filter is named, never guessed: left to guess, LibreOffice reads a damaged .doc
# as plain text and "converts" its bytes into a document of garbage.
FILTERS = {".doc": "MS Word 97", ".rtf": "Rich Text Format", ".odt": "writer8",
           ".ppt": "MS PowerPoint 97", ".odp": "impress8", ".xls": "MS Excel 97"}


def find_soffice() -> str | None:
    for name in BINARIES:
        found = shutil.which(name)
        if found:
            return found
    return None


def convert(source: Path, suffix: str, target_format: str, outdir: Path, *, timeout: float,
            binary: str | None = None) -> Path:
    """Convert `source` (read as a `suffix` file) into `outdir` as `target_format`; return the new file.

    `binary` is the soffice the caller found (workers do not look at PATH themselves: they
    were forked before a test or a user changed it); None looks it up here.
    Raises ConverterMissing when LibreOffice is not installed, ConversionFailed
    on a timeout or when LibreOffice produced nothing (a damaged or protected file).
    """
    binary = find_soffice() if binary is None else binary   # "" : the caller found none
    if not binary:
        raise ConverterMissing(package=PACKAGES.get(target_format, "libreoffice-writer-nogui"))
    with tempfile.TemporaryDirectory(prefix="dangan-soffice-") as scratch:
        work = Path(scratch)
        # a plain name with the suffix of the detected type: soffice names its output
        # after the input, and takes a .wps for MS Works unless told it is a .doc
        staged = work / f"input{suffix}"
        shutil.copyfile(source, staged)
        profile = work / "profile"
        command = [binary, "--headless", "--invisible", "--norestore", "--nolockcheck",
                   "--nodefault", "--nologo", f"-env:UserInstallation={profile.as_uri()}",
                   "--convert-to", target_format, "--outdir", str(work / "out")]
        if suffix in FILTERS:
            command.append(f"--infilter={FILTERS[suffix]}")
        command.append(str(staged))
        started = time.monotonic()
        stderr = _run(command, work, timeout, source)
        produced = work / "out" / f"input.{target_format.split(':')[0]}"
        if not produced.is_file() or produced.stat().st_size == 0:
            said = stderr.strip().splitlines()[-1][:160] if stderr.strip() else None   # English: aside
            raise ConversionFailed(detail="LibreOffice 无法打开此文件，可能已损坏或设有密码", technical=said)
        outdir.mkdir(parents=True, exist_ok=True)
        final = outdir / f"{source.stem[:80] or 'converted'}.{target_format.split(':')[0]}"
        shutil.move(str(produced), final)
        log.debug("soffice %s → %s in %.1fs", source.name, target_format, time.monotonic() - started)
        return final


def _run(command: list[str], work: Path, timeout: float, source: Path) -> str:
    env = {**os.environ, "HOME": str(work), "TMPDIR": str(work), "SAL_USE_VCLPLUGIN": "svp"}
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, start_new_session=True, env=env, cwd=work)
    try:
        _, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill_group(process.pid)
        process.communicate()
        raise ConversionFailed(detail=f"LibreOffice 转换超时（{timeout:g} 秒），已终止") from None
    finally:
        _kill_group(process.pid)
    return err.decode("utf-8", "replace")


def _kill_group(pgid: int) -> None:
    try:
        os.killpg(pgid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
