"""Careful file writing: atomic replace, fsync, private modes, and Dutch messages for disk
errors.

Everything Brugfiguur writes is private to the user on POSIX, whatever the umask: folders
0700, files 0600 (created with that mode, and existing ones tightened when a vault opens)."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
from pathlib import Path

from app.errors import StorageError

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700
_POSIX = os.name == "posix"


def open_private(path: Path, *, exclusive: bool = True) -> int:
    """A new file opened for writing with mode 0600 (the umask can only narrow it); with
    `exclusive`, FileExistsError if it exists."""
    flags = os.O_WRONLY | os.O_CREAT | (os.O_EXCL if exclusive else os.O_TRUNC)
    return os.open(path, flags | getattr(os, "O_CLOEXEC", 0), PRIVATE_FILE)


def create_private(path: Path) -> None:
    """Create `path` empty with mode 0600 unless it exists (so SQLite, which copies the main
    file's mode to its -wal and -shm files, keeps them private too)."""
    with contextlib.suppress(FileExistsError):
        os.close(open_private(path))


def private_dir(path: Path) -> None:
    """Make `path` (and missing parents) and set it to 0700; parents keep their modes."""
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
    make_private(path)


def make_private(path: Path) -> None:
    """Tighten an existing file to 0600 or folder to 0700 (POSIX; missing paths are skipped)."""
    if not _POSIX:
        return
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return
    want = PRIVATE_DIR if stat.S_ISDIR(mode) else PRIVATE_FILE
    if stat.S_IMODE(mode) & ~want:
        path.chmod(stat.S_IMODE(mode) & want)


TEMP_SUFFIX = ".bftmp"
_TEMP = re.compile(r"^\..*\.(\d+)\.bftmp(-journal|-wal|-shm)?$")


def temp_path(target: Path, tag: str = "") -> Path:
    """A hidden temporary file beside `target`, named after this process so that a leftover of
    a killed process can be recognised and swept (`sweep_temps`)."""
    return target.with_name(f".{target.name}{tag}.{os.getpid()}{TEMP_SUFFIX}")


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # someone else's process: leave its files alone
    return True


def sweep_temps(directory: Path) -> int:
    """Remove temporary files (`temp_path`) in `directory` left by processes that no longer
    run, such as a backup killed halfway. Returns how many were removed."""
    removed = 0
    try:
        entries = list(directory.iterdir())
    except OSError:
        return 0
    for p in entries:
        m = _TEMP.match(p.name)
        if m and not _alive(int(m.group(1))):
            with contextlib.suppress(OSError):
                p.unlink()
                removed += 1
    return removed


def write_atomic(path: Path, data: bytes) -> None:
    """Write beside, flush to disk, then rename over: the old file stays whole on any failure.
    The file is private (0600)."""
    tmp = temp_path(path)
    try:
        tmp.unlink(missing_ok=True)  # a leftover of a killed process with this pid
        with os.fdopen(open_private(tmp), "wb") as fh:
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
        fd = open_private(out)
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
