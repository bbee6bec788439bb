"""Careful file writing: atomic replace, fsync, and Dutch messages for disk errors."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from app.errors import StorageError


def write_atomic(path: Path, data: bytes) -> None:
    """Write beside, flush to disk, then rename over: the old file stays whole on any failure."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with tmp.open("wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise StorageError(describe_os_error(exc, path.parent)) from exc
    fsync_dir(path.parent)


def fsync_dir(directory: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def describe_os_error(exc: OSError, where: Path) -> str:
    if exc.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):
        return (
            f"De schijf is vol ({where}). Maak ruimte vrij en probeer opnieuw; "
            "er werd niets overschreven."
        )
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return f"Er kan niet geschreven worden in {where} (alleen-lezen of geen rechten)."
    return f"Schrijven in {where} mislukte: {exc.strerror or exc}."


def write_new_file(out: Path, data: bytes) -> None:
    """Write a file the user asked for straight to its path (never via a temp file), refusing
    to overwrite; on any failure the partial file is removed and a Dutch error raised."""
    if not out.parent.is_dir():
        raise StorageError(f"De map {out.parent} bestaat niet.")
    try:
        fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError as exc:
        raise StorageError(f"{out} bestaat al; kies een andere naam.") from exc
    except OSError as exc:
        raise StorageError(describe_os_error(exc, out.parent)) from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:
        out.unlink(missing_ok=True)
        raise StorageError(describe_os_error(exc, out.parent)) from exc
