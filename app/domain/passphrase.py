"""Passphrase policy after NIST SP 800-63B: length and a blocklist, no composition rules."""

from __future__ import annotations

import unicodedata
from collections.abc import Collection

from app import settings


def normalise(passphrase: str) -> str:
    """NFC so the same passphrase typed on another keyboard layout derives the same key."""
    return unicodedata.normalize("NFC", passphrase)


def _blocklist_form(text: str) -> str:
    return "".join(ch for ch in normalise(text).casefold() if not ch.isspace())


def problems(passphrase: str, blocklist: Collection[str] = ()) -> list[str]:
    """Dutch reasons why `passphrase` is refused; an empty list means it is acceptable."""
    p = normalise(passphrase)
    found: list[str] = []
    length = len(p)
    if length < settings.MIN_PASSPHRASE_LENGTH:
        found.append(
            f"Gebruik minstens {settings.MIN_PASSPHRASE_LENGTH} tekens (nu {length}). "
            "Een zin van enkele woorden is makkelijk te onthouden en sterk."
        )
    if length > settings.MAX_PASSPHRASE_LENGTH:
        found.append(f"Gebruik hoogstens {settings.MAX_PASSPHRASE_LENGTH} tekens.")
    folded = _blocklist_form(p)
    if folded and length >= settings.MIN_PASSPHRASE_LENGTH:
        if folded in blocklist or _is_trivial(folded):
            found.append(
                "Deze wachtwoordzin is te bekend of te voorspelbaar; kies iets dat niet in "
                "lijsten van veelgebruikte wachtwoorden staat."
            )
        elif "brugfiguur" in folded and len(folded) < 20:
            found.append("Gebruik niet (vooral) de naam van de app in uw wachtwoordzin.")
    return found


def _is_trivial(folded: str) -> bool:
    """One repeated character or unit, or a plain run of the keyboard or alphabet."""
    if len(set(folded)) <= 2:
        return True
    for unit in range(1, 5):
        chunk = folded[:unit]
        if chunk * (len(folded) // unit) + chunk[: len(folded) % unit] == folded:
            return True
    runs = (
        "abcdefghijklmnopqrstuvwxyz",
        "0123456789012345678901234567890",
        "qwertyuiopasdfghjklzxcvbnm",
        "azertyuiopqsdfghjklmwxcvbn",
        "1234567890",
    )
    return any(folded in r or folded in r[::-1] for r in runs)
