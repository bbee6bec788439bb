"""Field validation with Dutch messages: dates, phone numbers, the Belgian national number."""

from __future__ import annotations

import re
from datetime import date, datetime

from app.errors import ValidationError

_DATE = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$")


def parse_date(text: str, field: str) -> date:
    """dd/mm/jjjj (also with - or .), or ISO yyyy-mm-dd."""
    s = text.strip()
    m = _DATE.match(s)
    try:
        if m:
            return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        return date.fromisoformat(s)
    except ValueError:
        raise ValidationError(
            f"'{text}' is geen geldige datum; gebruik dd/mm/jjjj.", field=field
        ) from None


def not_in_future(value: date | datetime, today: date, field: str, what: str) -> None:
    day = value.date() if isinstance(value, datetime) else value
    if day > today:
        raise ValidationError(f"{what} kan niet in de toekomst liggen.", field=field)


def normalise_phone(text: str, field: str = "phone") -> str:
    """Belgian and international numbers; returns +32… form. Spaces, dots, slashes allowed."""
    s = re.sub(r"[\s./()-]", "", text)
    if s.startswith("00"):
        s = "+" + s[2:]
    if s.startswith("0"):
        s = "+32" + s[1:]
    if not re.fullmatch(r"\+\d{8,15}", s):
        raise ValidationError(
            f"'{text}' is geen geldig telefoonnummer (bv. 0470 12 34 56 of +32 470 12 34 56).",
            field=field,
        )
    if s.startswith("+324") and len(s) - 3 != 9:
        raise ValidationError(
            f"'{text}' heeft niet het juiste aantal cijfers voor een Belgisch nummer: een "
            "gsm-nummer heeft 10 cijfers (0470 12 34 56).",
            field=field,
        )
    if s.startswith("+32") and not 8 <= len(s) - 3 <= 9:
        raise ValidationError(
            f"'{text}' heeft niet het juiste aantal cijfers voor een Belgisch nummer.",
            field=field,
        )
    return s


def normalise_national_number(text: str, field: str = "national_number") -> str:
    """Rijksregisternummer: 11 digits, the last two a mod-97 check (with a '2' prefix for
    people born from 2000). Returns the 11 digits."""
    digits = re.sub(r"[\s.-]", "", text)
    if not re.fullmatch(r"\d{11}", digits):
        raise ValidationError(
            "Een rijksregisternummer heeft 11 cijfers (bv. 85.07.30-033.28).", field=field
        )
    body, check = int(digits[:9]), int(digits[9:])
    if 97 - body % 97 != check and 97 - int("2" + digits[:9]) % 97 != check:
        raise ValidationError(
            "Dit rijksregisternummer klopt niet (controlegetal). Kijk het na op de "
            "identiteitskaart.",
            field=field,
        )
    return digits


def birth_date_from_national_number(digits: str) -> date | None:
    """The birth date the number encodes, or None when it encodes none (bis numbers, unknown)."""
    yy, mm, dd = int(digits[0:2]), int(digits[2:4]), int(digits[4:6])
    century = 2000 if 97 - int("2" + digits[:9]) % 97 == int(digits[9:]) else 1900
    try:
        return date(century + yy, mm, dd)
    except ValueError:
        return None


def required(text: str | None, field: str, what: str) -> str:
    value = (text or "").strip()
    if not value:
        raise ValidationError(f"{what} is verplicht.", field=field)
    return value
