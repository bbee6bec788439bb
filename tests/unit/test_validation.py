from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain import validation as v
from app.errors import ValidationError


@pytest.mark.parametrize(
    "text, expected",
    [
        ("03/02/2026", date(2026, 2, 3)),
        ("3-2-2026", date(2026, 2, 3)),
        ("2026-02-03", date(2026, 2, 3)),
    ],
)
def test_dates_in_belgian_and_iso_form(text: str, expected: date) -> None:
    assert v.parse_date(text, "d") == expected


@pytest.mark.parametrize("text", ["31/02/2026", "gisteren", "2026-13-01", ""])
def test_impossible_dates_get_a_dutch_message(text: str) -> None:
    with pytest.raises(ValidationError) as info:
        v.parse_date(text, "d")
    assert "geen geldige datum" in info.value.message and info.value.field == "d"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("0470 12 34 56", "+32470123456"),
        ("+32 9 123 45 67", "+3291234567"),
        ("0032470/12.34.56", "+32470123456"),
        ("+31 6 12345678", "+31612345678"),
    ],
)
def test_phone_numbers_normalise(text: str, expected: str) -> None:
    assert v.normalise_phone(text) == expected


@pytest.mark.parametrize("text", ["12", "0470 12 34 56 78 9", "bel me", "+32 47"])
def test_bad_phone_numbers_are_refused(text: str) -> None:
    with pytest.raises(ValidationError):
        v.normalise_phone(text)


def _nn(born: date, serial: int) -> str:
    body = f"{born:%y%m%d}{serial:03d}"
    base = int(("2" if born.year >= 2000 else "") + body)
    return f"{body}{97 - base % 97:02d}"


@given(
    st.dates(min_value=date(1920, 1, 1), max_value=date(2025, 12, 31)),
    st.integers(min_value=1, max_value=998),
)
def test_valid_national_numbers_pass_and_encode_the_birth_date(born: date, serial: int) -> None:
    nn = _nn(born, serial)
    formatted = f"{nn[:2]}.{nn[2:4]}.{nn[4:6]}-{nn[6:9]}.{nn[9:]}"
    assert v.normalise_national_number(formatted) == nn
    assert v.birth_date_from_national_number(nn) == born


@given(
    st.dates(min_value=date(1920, 1, 1), max_value=date(2025, 12, 31)),
    st.integers(min_value=1, max_value=998),
    st.integers(min_value=1, max_value=96),
)
def test_a_wrong_check_number_is_refused(born: date, serial: int, delta: int) -> None:
    nn = _nn(born, serial)
    bad = nn[:9] + f"{(int(nn[9:]) + delta) % 97:02d}"
    other_century = f"{97 - int(('' if born.year >= 2000 else '2') + nn[:9]) % 97:02d}"
    if bad[9:] == other_century or bad[9:] == "00":
        return
    with pytest.raises(ValidationError) as info:
        v.normalise_national_number(bad)
    assert "controlegetal" in info.value.message
