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


# Look-alike characters people put in place of letters ("p@ssw0rd").
_LEET = str.maketrans(
    {"@": "a", "4": "a", "0": "o", "1": "i", "!": "i", "|": "i", "3": "e", "€": "e",
     "$": "s", "5": "s", "7": "t", "+": "t"}
)  # fmt: skip
_LEET_KEYS = frozenset("@401!|3€$57+")
MIN_CORE = 4  # shorter cores are not looked up (too many ordinary words would match)


def _strip_end(text: str) -> str:
    end = len(text)
    while end and not text[end - 1].isalpha():
        end -= 1
    return text[:end]


def _strip_start(text: str) -> str:
    start = 0
    while start < len(text) and not text[start].isalpha():
        start += 1
    return text[start:]


def undecorated(text: str) -> set[str]:
    """What is left of a passphrase without the decoration people add to a common word:
    case, spaces, look-alike characters (leetspeak), and digits, years and symbols before or
    after it ("P@ssw0rd1234" and "Welkom12345!" give "password" and "welkom")."""
    folded = _blocklist_form(text)
    end = _strip_end(folded)
    core = _strip_start(end)
    lead = len(end) - len(core)
    tail = folded[len(end) :]
    # A look-alike letter can end or start the word itself ("n1" + "2024", "@bdull@"): keep
    # one or two characters of the stripped runs when they are look-alikes, at either end or
    # at both.
    heads = {end, core}
    tails = {""}
    for k in (1, 2):
        if lead >= k and all(ch in _LEET_KEYS for ch in end[lead - k : lead]):
            heads.add(end[lead - k :])
        if len(tail) >= k and all(ch in _LEET_KEYS for ch in tail[:k]):
            tails.add(tail[:k])
    trims = {h + t for h in heads for t in tails}
    forms: set[str] = set()
    for trimmed in trims:
        plain = trimmed.translate(_LEET)
        forms.update((trimmed, plain, _strip_start(_strip_end(plain))))
    for f in list(forms):
        half = len(f) // 2
        if f and len(f) % 2 == 0 and f[:half] == f[half:]:
            forms.add(f[:half])  # "zomerzomer2024"
    return {f for f in forms if len(f) >= MIN_CORE}


def _mostly_decoration(folded: str) -> bool:
    """Digits and symbols with hardly a letter ("12345678901!", "2024-2025!!")."""
    core = _strip_start(_strip_end(folded))
    return sum(ch.isalpha() for ch in core) < MIN_CORE


def problems(
    passphrase: str, blocklist: Collection[str] = (), common_words: Collection[str] = ()
) -> list[str]:
    """Dutch reasons why `passphrase` is refused; an empty list means it is acceptable.

    Refused: shorter than 12 characters; in the blocklist as typed (case and spaces aside);
    a common word or password (`common_words`, or the blocklist) once its decoration is taken
    off (`undecorated`); trivial runs and repetitions; hardly a letter among digits and
    symbols. No composition rules (NIST SP 800-63B)."""
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
        cores = undecorated(p)
        known = any(c in common_words or c in blocklist or _is_trivial(c) for c in cores)
        if folded in blocklist or _is_trivial(folded) or known or _mostly_decoration(folded):
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
