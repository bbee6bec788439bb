"""Turn database driver errors into Dutch user errors without quoting any data."""

from __future__ import annotations

import os
from pathlib import Path

from app.errors import BrugfiguurError, StorageError, VaultCorrupt

DAMAGED = "een deel van de databank is beschadigd"


def _text(exc: BaseException) -> str:
    return str(getattr(exc, "orig", None) or exc).lower()


def _writable(database: Path) -> bool:
    """Whether the disk would let us write the database (the file and its folder)."""
    try:
        return os.access(database.parent, os.W_OK) and (
            not database.exists() or os.access(database, os.W_OK)
        )
    except OSError:
        return False


def is_damage(exc: BaseException, database: Path | None = None) -> bool:
    """Whether `exc` means the database file is damaged or was altered.

    A page whose HMAC fails reads as "malformed"; after that SQLCipher refuses every write on
    the connection as "readonly", even on a writable disk. So a read-only error for a
    `database` the disk lets us write is damage too, not a read-only folder."""
    text = _text(exc)
    if "not a database" in text or "malformed" in text or "hmac" in text:
        return True
    if database is not None and ("readonly" in text or "read-only" in text):
        return _writable(database)
    return False


def translate(exc: BaseException, where: Path, database: Path | None = None) -> BrugfiguurError:
    """A Dutch error for a driver error; `where` names the folder, `database` (when known) lets
    a read-only error on a writable disk be recognised as damage."""
    text = _text(exc)
    if is_damage(exc, database):
        return VaultCorrupt(DAMAGED)
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return StorageError(
            f"Er kan niet geschreven worden in {where} (alleen-lezen of geen rechten). "
            "Er werd niets gewijzigd."
        )
    if "disk is full" in text:
        return StorageError(
            f"De schijf is vol ({where}). Maak ruimte vrij en probeer opnieuw; "
            "er werd niets overschreven."
        )
    if "disk i/o error" in text:
        return StorageError(
            f"Schrijven in {where} mislukte (schijf vol, verwijderd of defect). "
            "Er werd niets overschreven."
        )
    if "locked" in text or "busy" in text:
        return StorageError("De kluis is in gebruik door een ander Brugfiguur-venster of -proces.")
    return StorageError(f"De kluis kon niet gebruikt worden ({type(exc).__name__}).")
