from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.passphrase import normalise, problems
from app.services.vault import blocklist, passphrase_problems

BLOCK = frozenset({"wachtwoord1234", "passwordpassword"})


@pytest.mark.parametrize("weak", ["", "kort", "elf tekens!"])
def test_short_passphrases_are_refused_with_the_length_in_dutch(weak: str) -> None:
    found = problems(weak, BLOCK)
    assert found and "minstens 12 tekens" in found[0]


@pytest.mark.parametrize(
    "common",
    [
        "wachtwoord1234",
        "Wachtwoord 1234",
        "PASSWORDPASSWORD",
        "aaaaaaaaaaaaaa",
        "abababababababab",
        "abcdefghijklmnop",
        "1234567890123",
        "qwertyuiopasdf",
    ],
)
def test_common_and_trivial_passphrases_are_refused(common: str) -> None:
    found = problems(common, BLOCK)
    assert found and "te bekend" in found[0]


@pytest.mark.parametrize(
    "good",
    ["lange zomeravond aan de schelde", "fietsbel-koffie-regen-7", "Zoë's kat eet pannenkoeken"],
)
def test_no_composition_rules_a_long_uncommon_phrase_is_fine(good: str) -> None:
    assert problems(good, BLOCK) == []


@given(st.text(min_size=12, max_size=40))
def test_policy_never_crashes_and_length_rule_is_consistent(text: str) -> None:
    found = problems(text, BLOCK)
    if len(normalise(text)) < 12:
        assert any("minstens" in p for p in found)


def test_the_shipped_blocklist_is_loaded_and_used() -> None:
    words = blocklist()
    assert len(words) > 1000, "resources/security/common-passwords.txt should be bundled"
    sample = next(w for w in sorted(words) if len(w) >= 12)
    assert passphrase_problems(sample)
