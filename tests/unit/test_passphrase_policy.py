from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.passphrase import normalise, problems
from app.services.vault import blocklist, common_words, passphrase_problems

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


# --- decoration does not hide a common word (issue 11) -------------------------------------------


@pytest.mark.parametrize(
    "decorated",
    ["Welkom12345!", "wachtwoord2025!", "P@ssw0rd1234", "Azerty12345!", "Zomer2024!!!",
     "Voetbal12345", "2024Anderlecht!", "!!Kortrijk2024", "zomerzomer2024", "12345678901!",
     "1@bdull@1234"],
)  # fmt: skip
def test_a_decorated_common_word_is_refused(decorated: str) -> None:
    found = passphrase_problems(decorated)
    assert found and "te bekend" in found[0]


_LEET_BACK = {"a": "@4", "o": "0", "i": "1!", "e": "3", "s": "$5", "t": "7"}
_WORDS = sorted(w for w in common_words() if w.isalpha() and w.isascii() and len(w) >= 5)


@st.composite
def decorated_word(draw: st.DrawFn) -> str:
    word = draw(st.sampled_from(_WORDS))
    chars = []
    for ch in word:
        ch = ch.upper() if draw(st.booleans()) else ch
        if ch.lower() in _LEET_BACK and draw(st.integers(0, 3)) == 0:
            ch = draw(st.sampled_from(_LEET_BACK[ch.lower()]))
        chars.append(ch)
    tail = draw(st.sampled_from(["", "1", "123", "12345", "2024", "1990", "!", "!!", "?", "#1"]))
    head = draw(st.sampled_from(["", "", "1", "2025", "!", "@"]))
    text = head + "".join(chars) + tail
    pad = draw(st.sampled_from(["1234567890", "!!!!!!!!", "2024202420", "0000000000"]))
    return text + pad[: max(0, 12 - len(text))]


@settings(deadline=None)  # the first call loads the blocklists (hundreds of ms under load)
@given(decorated_word())
def test_any_common_word_with_decoration_is_refused(text: str) -> None:
    assert passphrase_problems(text), text


@pytest.mark.parametrize(
    "ordinary",
    ["zeven bruggen over de leie bij nacht", "de soep van tante rita is koud",
     "meten is weten, zei de brugfiguur op de fiets", "Mijn fiets staat aan het station 7",
     "oma bakt wafels op zondag om 3 uur", "Voetbal is leuk maar regen niet"],
)  # fmt: skip
def test_ordinary_passphrases_pass_the_undecorated_check(ordinary: str) -> None:
    assert passphrase_problems(ordinary) == []
