"""Swapping a restored vault in as one step, even across a crash.

A restore stages the verified database and header as temporary files in the data dir, then
writes `restore-pending.json` naming them and the folder the current vault moves to. From that
moment the swap only goes forward: move the current files aside, put the staged database in
place, then the staged header, then delete the journal. If the process dies anywhere in
between, `finish_interrupted_restore` (called before a vault is looked for) completes it; if the
staged files are gone, it puts the current vault back. A crash before the journal exists leaves
the current vault untouched and only temporary files, which `fsutil.sweep_temps` removes.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from app.fsutil import fsync_dir, private_dir, write_atomic
from app.paths import AppPaths

log = logging.getLogger(__name__)

JOURNAL_NAME = "restore-pending.json"


@dataclass(frozen=True)
class Swap:
    staged_db: str  # file names inside the data dir
    staged_header: str
    kept: str | None  # folder for the current vault, None when there is none

    def to_json(self) -> bytes:
        return json.dumps(
            {"staged_db": self.staged_db, "staged_header": self.staged_header, "kept": self.kept}
        ).encode("utf-8")

    @classmethod
    def load(cls, path: Path) -> Swap | None:
        try:
            doc = json.loads(path.read_bytes()[: 64 * 1024])
            names = (doc["staged_db"], doc["staged_header"])
            kept = doc["kept"]
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError):
            log.error("restore journal unreadable; left in place")
            return None
        plain = all(isinstance(n, str) and n and "/" not in n and "\\" not in n for n in names)
        kept_ok = kept is None or (isinstance(kept, str) and kept.startswith("vervangen-"))
        if not plain or not kept_ok or ".." in str(kept):
            log.error("restore journal invalid; left in place")
            return None
        return cls(names[0], names[1], kept)


def journal_path(paths: AppPaths) -> Path:
    return paths.data_dir / JOURNAL_NAME


def _current_files(paths: AppPaths) -> list[Path]:
    return [paths.header, *paths.database_sidecars()]


def swap_in(paths: AppPaths, swap: Swap) -> None:
    """Journal the swap, then carry it out (the journal is gone when this returns)."""
    write_atomic(journal_path(paths), swap.to_json())
    _forward(paths, swap)


def _forward(paths: AppPaths, swap: Swap) -> None:
    d = paths.data_dir
    staged_db, staged_header = d / swap.staged_db, d / swap.staged_header
    if staged_db.exists():
        # The current vault is still (partly) in place: move it aside first.
        if swap.kept is not None:
            kept = d / swap.kept
            private_dir(kept)
            for p in _current_files(paths):
                if p.exists():
                    os.replace(p, kept / p.name)
            fsync_dir(kept)
        else:
            for p in _current_files(paths):
                p.unlink(missing_ok=True)
        fsync_dir(d)
        os.replace(staged_db, paths.database)
        fsync_dir(d)
    if staged_header.exists():
        os.replace(staged_header, paths.header)
        fsync_dir(d)
    journal_path(paths).unlink(missing_ok=True)
    fsync_dir(d)


def _back(paths: AppPaths, swap: Swap) -> None:
    """The staged files are gone before the new vault was complete: put the old one back."""
    d = paths.data_dir
    if swap.kept is not None and (d / swap.kept).is_dir():
        for p in _current_files(paths):
            aside = d / swap.kept / p.name
            if aside.exists():
                os.replace(aside, p)
        if not any((d / swap.kept).iterdir()):
            (d / swap.kept).rmdir()
    journal_path(paths).unlink(missing_ok=True)
    fsync_dir(d)


def finish_interrupted_restore(paths: AppPaths) -> str | None:
    """Complete (or undo) a restore a crash interrupted; "finished", "rolled back" or None."""
    swap = Swap.load(journal_path(paths))
    if swap is None:
        return None
    d = paths.data_dir
    staged_db, staged_header = d / swap.staged_db, d / swap.staged_header
    if staged_db.exists() and staged_header.exists():
        _forward(paths, swap)
        outcome = "finished"
    elif not staged_db.exists() and (staged_header.exists() or paths.header.exists()):
        _forward(paths, swap)  # the database is in place; only the header (or nothing) left
        outcome = "finished"
    else:
        _back(paths, swap)
        outcome = "rolled back"
    log.warning("an interrupted restore was %s", outcome)
    return outcome
