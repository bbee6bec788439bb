"""Turn database driver errors into Dutch user errors without quoting any data."""

from __future__ import annotations

from pathlib import Path

from app.errors import BrugfiguurError, StorageError, VaultCorrupt


def translate(exc: BaseException, where: Path) -> BrugfiguurError:
    text = str(getattr(exc, "orig", None) or exc).lower()
    if "not a database" in text or "malformed" in text or "hmac" in text:
        return VaultCorrupt("databank onleesbaar")
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
