"""Cells of a team's spreadsheet as Brugfiguur values: pure functions with Dutch messages.

What real Flemish spreadsheets hold: dates as Excel date cells, as dd/mm/jjjj, d-m-jj,
"3 mrt 2024" or ISO text; times as "10u30"; durations as "1u30" or 90; Belgian phone numbers
whose leading zero Excel dropped (470123456) or that a CSV export turned into 4,70123E+08;
national numbers as numbers that lost their leading zero; yes/no as "x", "ja", "nee".
Every function either returns the value or raises `ValidationError` with a message that says
what is wrong and how to fix it. Nothing here does I/O.
"""

from __future__ import annotations

import calendar
import math
import re
import unicodedata
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from functools import lru_cache

from app.domain import validation as v
from app.errors import ValidationError

# What an openpyxl or csv cell can hold.
Cell = str | int | float | bool | date | datetime | time | timedelta | None

EXCEL_EPOCH = date(1899, 12, 30)  # serial 1 = 1900-01-01 (with Excel's leap-year bug)
MIN_YEAR = 1900
EXCEL_ERRORS = frozenset(
    {"#n/a", "#value!", "#ref!", "#div/0!", "#name?", "#num!", "#null!", "#getting_data"}
)
EMPTY_MARKERS = frozenset({"-", "–", "—", "/", "n.v.t.", "nvt", "n.v.t", "n/a", "#n/b"})
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None)
_SCIENTIFIC = re.compile(r"^[+-]?\d+(?:[.,]\d+)?[eE][+-]?\d+$")

MONTHS = {
    # Dutch, as Excel and LibreOffice in nl-BE write them ("3 mrt. 2024", "03-mrt-24").
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "febr": 2, "maart": 3, "mrt": 3,
    "maa": 3, "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7,
    "augustus": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10,
    "november": 11, "nov": 11, "december": 12, "dec": 12,
    # English (an Excel set to English writes "3-Mar-24"), and French month names.
    "january": 1, "february": 2, "march": 3, "mar": 3, "may": 5, "june": 6, "july": 7,
    "august": 8, "october": 10, "oct": 10, "janvier": 1, "fevrier": 2, "mars": 3, "avril": 4,
    "mai": 5, "juin": 6, "juillet": 7, "aout": 8, "septembre": 9, "octobre": 10,
    "novembre": 11, "decembre": 12,
}  # fmt: skip


class CellError(ValidationError):
    """A cell that cannot become a value; `message` says why, in Dutch."""


@lru_cache(maxsize=65_536)
def fold(text: str) -> str:
    """Case- and accent-insensitive, whitespace collapsed."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join(plain.split())


@lru_cache(maxsize=65_536)
def header_key(text: str) -> str:
    """A column header reduced to what identifies it: "Geb. datum (dd/mm/jjjj) *" and
    "geb datum" give the same key."""
    s = fold(text)
    s = re.sub(r"\([^)]*\)", " ", s)
    s = re.sub(r"[^a-z0-9]+", " ", s)
    return " ".join(s.split())


def shown(value: Cell) -> str:
    """A cell as the user saw it in the sheet, for messages."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "WAAR" if value else "ONWAAR"
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return value.strftime("%d/%m/%Y")
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


def text(value: Cell) -> str | None:
    """A cell as clean text, or None when empty ("", "-", "n.v.t."). Newlines inside the cell
    are kept (notes); other whitespace is tidied. Excel error values are refused."""
    if value is None:
        return None
    if isinstance(value, str):
        if value.isascii() and not any(c in value for c in "\n\r\t\x0b\x0c") and "  " not in value:
            s = value.strip()  # the common case, without the work below
        else:
            s = value.translate(_INVISIBLE).replace("\u00a0", " ").replace("\r\n", "\n")
            s = "\n".join(" ".join(line.split()) for line in s.split("\n")).strip()
    else:
        s = shown(value).strip()
    if not s or s.casefold() in EMPTY_MARKERS:
        return None
    if s.casefold() in EXCEL_ERRORS:
        raise CellError(f"De cel bevat een Excel-fout ({s}) in plaats van een waarde.")
    return s


def one_line(value: Cell) -> str | None:
    s = text(value)
    return None if s is None else " ".join(s.split())


# --- dates and times ---------------------------------------------------------------------------
def _century(yy: int, month: int, day: int, today: date, future_ok: bool) -> int:
    """The full year of a two-digit year: the latest that is not in the future (a birth date,
    a contact), or the one nearest to today when the future is allowed (a due date)."""
    candidates = [c + yy for c in (1900, 2000, 2100) if c + yy >= MIN_YEAR]
    if future_ok:
        return min(candidates, key=lambda y: abs(y - today.year))
    past = []
    for y in candidates:
        # A day the month lacks that year (29/02) compares as the month's last day.
        if date(y, month, min(day, calendar.monthrange(y, month)[1])) <= today:
            past.append(y)
    return max(past) if past else min(candidates)


def _make_date(y: int, m: int, d: int, original: str) -> date:
    if not 1 <= m <= 12:
        if 1 <= d <= 12 and 1 <= m <= 31:
            raise CellError(
                f"'{original}': maand {m} bestaat niet. Staat de dag achteraan (Amerikaanse "
                "volgorde)? Gebruik dd/mm/jjjj."
            )
        raise CellError(f"'{original}': maand {m} bestaat niet; gebruik dd/mm/jjjj.")
    try:
        return date(y, m, d)
    except ValueError:
        raise CellError(f"'{original}' bestaat niet: die maand heeft geen {d} dagen.") from None


_NUMERIC_DATE = re.compile(
    r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2}|\d{4})"
    r"(?:[ T,]+(\d{1,2})\s*[:.uUhH]\s*(\d{2})?(?:[:.](\d{2}))?\s*(?:u|uur|h)?)?$"
)
_ISO_DATE = re.compile(
    r"^(\d{4})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})"
    r"(?:[ T]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$"
)
_WORD_DATE = re.compile(
    r"^(\d{1,2})\s*[\s.\-/]\s*([a-z]+)\.?\s*[\s.\-/]\s*(\d{2}|\d{4})"
    r"(?:[ ,]+(\d{1,2})\s*[:.uUhH]\s*(\d{2})?\s*(?:u|uur|h)?)?$"
)
_COMPACT_DATE = re.compile(r"^(\d{2})(\d{2})(\d{4})$")


def _date_parts(s: str) -> tuple[int, int, int, int | None, int | None, bool]:
    """(year, month, day, hour, minute, two_digit_year) of a date written as text."""
    m = _NUMERIC_DATE.match(s)
    if m:
        d, mo, y = int(m.group(1)), int(m.group(2)), m.group(3)
        hour = int(m.group(4)) if m.group(4) else None
        minute = int(m.group(5) or 0) if m.group(4) else None
        return int(y), mo, d, hour, minute, len(y) == 2
    m = _ISO_DATE.match(s)
    if m:
        hour = int(m.group(4)) if m.group(4) else None
        minute = int(m.group(5)) if m.group(4) else None
        return int(m.group(1)), int(m.group(2)), int(m.group(3)), hour, minute, False
    folded = fold(s)
    m = _WORD_DATE.match(folded)
    if m and m.group(2) in MONTHS:
        y = m.group(3)
        hour = int(m.group(4)) if m.group(4) else None
        minute = int(m.group(5) or 0) if m.group(4) else None
        return int(y), MONTHS[m.group(2)], int(m.group(1)), hour, minute, len(y) == 2
    m = _COMPACT_DATE.match(s)
    if m:
        return int(m.group(3)), int(m.group(2)), int(m.group(1)), None, None, False
    raise CellError(f"'{s}' is geen datum; gebruik dd/mm/jjjj (bv. 03/04/2024).")


def excel_serial(value: float) -> datetime:
    """An Excel serial day number (what a date cell holds when its format was lost)."""
    if not 1 <= value < 2_958_466 or math.isnan(value):
        raise CellError(f"'{shown(value)}' is geen datum; gebruik dd/mm/jjjj.")
    days = math.floor(value)
    minutes = round((value - days) * 24 * 60)
    return datetime.combine(EXCEL_EPOCH + timedelta(days=days), time()) + timedelta(minutes=minutes)


def parse_datetime_parts(
    value: Cell, *, today: date, future_ok: bool = False
) -> tuple[date, time | None]:
    """A date cell: the day, and the time of day when the cell holds one."""
    if isinstance(value, datetime):
        t = value.time().replace(second=0, microsecond=0)
        return value.date(), (None if t == time(0, 0) else t)
    if isinstance(value, date):
        return value, None
    if isinstance(value, bool | time | timedelta):
        raise CellError(f"'{shown(value)}' is geen datum; gebruik dd/mm/jjjj.")
    if isinstance(value, int | float):
        serial = excel_serial(float(value))
        t = serial.time()
        return serial.date(), (None if t == time(0, 0) else t)
    s = text(value)
    if s is None:
        raise CellError("Er staat geen datum.")
    y, mo, d, hour, minute, two_digit = _date_parts(s)
    if two_digit:
        y = _century(y, mo if 1 <= mo <= 12 else 1, d if 1 <= d <= 31 else 1, today, future_ok)
    day = _make_date(y, mo, d, s)
    if day.year < MIN_YEAR:
        raise CellError(f"'{s}': het jaar {day.year} is niet mogelijk.")
    clock: time | None = None
    if hour is not None:
        clock = _make_time(hour, minute or 0, s)
        if clock == time(0, 0):
            clock = None
    return day, clock


def parse_date(value: Cell, *, today: date, future_ok: bool = False) -> date:
    return parse_datetime_parts(value, today=today, future_ok=future_ok)[0]


def _make_time(hour: int, minute: int, original: str) -> time:
    if hour == 24 and minute == 0:
        hour = 0
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise CellError(f"'{original}' is geen uur; gebruik uu:mm (bv. 14:30).")
    return time(hour, minute)


_TIME = re.compile(r"^(\d{1,2})\s*(?:[:.hHuU]|uur)\s*(\d{2})?(?:[:.](\d{2}))?\s*(?:u|uur|h)?$")


def parse_time(value: Cell) -> time:
    """ "14:30", "14u30", "14u", "14.30", "14h30", a time cell, or a fraction of a day."""
    if isinstance(value, datetime):
        return value.time().replace(second=0, microsecond=0)
    if isinstance(value, time):
        return value.replace(second=0, microsecond=0)
    if isinstance(value, timedelta):
        minutes = round(value.total_seconds() / 60)
        return _make_time(minutes // 60, minutes % 60, shown(value))
    if isinstance(value, float) and 0 <= value < 1:
        minutes = round(value * 24 * 60)
        return _make_time(minutes // 60, minutes % 60, shown(value))
    s = text(value)
    if s is None:
        raise CellError("Er staat geen uur.")
    if re.fullmatch(r"\d{1,2}", s):
        return _make_time(int(s), 0, s)
    if re.fullmatch(r"\d{3,4}", s):  # "930", "1430"
        return _make_time(int(s[:-2]), int(s[-2:]), s)
    m = _TIME.match(s.strip())
    if not m:
        raise CellError(f"'{s}' is geen uur; gebruik uu:mm (bv. 14:30).")
    return _make_time(int(m.group(1)), int(m.group(2) or 0), s)


# --- numbers ------------------------------------------------------------------------------------
def parse_number(value: Cell) -> float:
    """A number as Flemish files write it: "1.234,5" and "1234,5" and "1234.5"."""
    if isinstance(value, bool):
        raise CellError(f"'{shown(value)}' is geen getal.")
    if isinstance(value, int | float):
        if isinstance(value, float) and not math.isfinite(value):
            raise CellError("Dit is geen getal.")
        return float(value)
    s = text(value)
    if s is None:
        raise CellError("Er staat geen getal.")
    t = s.replace(" ", "").replace("\u202f", "")
    if re.fullmatch(r"[+-]?\d{1,3}(\.\d{3})+(,\d+)?", t):  # 1.234,5
        t = t.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"[+-]?\d{1,3}(,\d{3})+(\.\d+)?", t):  # 1,234.5
        t = t.replace(",", "")
    elif re.fullmatch(r"[+-]?\d*,\d+", t):  # 1,5
        t = t.replace(",", ".")
    if not re.fullmatch(r"[+-]?(\d+\.?\d*|\.\d+)", t):
        raise CellError(f"'{s}' is geen getal.")
    return float(t)


_MIN = r"(?:m|min|mins|minuten|minuut|minutes|')"
_HOURS = re.compile(
    r"^(\d+(?:[.,]\d+)?)\s*(?:u|uur|uren|h|hr|hrs|hour|hours)\.?"
    r"(?:\s*(\d{1,2})\s*" + _MIN + r"?\.?)?$"
)
_CLOCK = re.compile(r"^(\d+):(\d{2})$")
_MINUTES = re.compile(r"^(\d+(?:[.,]\d+)?)\s*" + _MIN + r"?\.?$")


def parse_minutes(value: Cell) -> int:
    """A duration in minutes: 45, "45 min", "1u30", "1:30", "1,5 u", a time cell (01:30)."""
    if isinstance(value, time):
        return value.hour * 60 + value.minute
    if isinstance(value, timedelta):
        return round(value.total_seconds() / 60)
    if isinstance(value, datetime | date | bool):
        raise CellError(f"'{shown(value)}' is geen duur; geef het aantal minuten.")
    if isinstance(value, int | float):
        if not math.isfinite(value) or value < 0:
            raise CellError(f"'{shown(value)}' is geen duur; geef het aantal minuten.")
        return round(value)
    s = text(value)
    if s is None:
        raise CellError("Er staat geen duur.")
    f = fold(s)
    if m := _HOURS.match(f):
        return round(float(m.group(1).replace(",", ".")) * 60 + int(m.group(2) or 0))
    if m := _CLOCK.match(f):
        return int(m.group(1)) * 60 + int(m.group(2))
    if m := _MINUTES.match(f):
        return round(float(m.group(1).replace(",", ".")))
    raise CellError(f"'{s}' is geen duur; geef minuten (45) of uren en minuten (1u30).")


_TRUE = frozenset({"ja", "j", "yes", "y", "x", "1", "waar", "true", "ok", "✓", "✔", "v"})
_FALSE = frozenset({"nee", "neen", "n", "no", "0", "onwaar", "false"})


def parse_bool(value: Cell) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    s = text(value)
    if s is None:
        return False
    f = fold(s)
    if f in _TRUE:
        return True
    if f in _FALSE:
        return False
    raise CellError(f"'{s}' is geen ja of nee.")


# --- identifiers ---------------------------------------------------------------------------------
def _digits_of_number_cell(value: int | float, what: str) -> str:
    if isinstance(value, float):
        if not value.is_integer():
            raise CellError(f"'{shown(value)}' is geen {what}.")
        value = int(value)
    return str(abs(value))


def _refuse_scientific(s: str, what: str) -> None:
    if _SCIENTIFIC.match(s.replace(" ", "")):
        raise CellError(
            f"'{s}': Excel toonde dit {what} als getal met E+ en liet cijfers weg. Zet de "
            "kolom in Excel op 'Tekst' en bewaar opnieuw; het nummer kan niet hersteld worden."
        )


def parse_phone(value: Cell) -> tuple[str, str | None]:
    """(+32… form, the rest of the cell when it held more than one number)."""
    if isinstance(value, bool | date | time | timedelta):
        raise CellError(f"'{shown(value)}' is geen telefoonnummer.")
    if isinstance(value, int | float):
        digits = _digits_of_number_cell(value, "telefoonnummer")
        # A number cell lost the leading zero (0470…) or the plus (+32…).
        if len(digits) in (8, 9):
            s = "0" + digits
        elif digits.startswith(("32", "31", "33", "49", "44", "352")) and len(digits) >= 10:
            s = "+" + digits
        else:
            s = digits
        return v.normalise_phone(s), None
    cell = text(value)
    if cell is None:
        raise CellError("Er staat geen telefoonnummer.")
    _refuse_scientific(cell, "telefoonnummer")
    parts = [p for p in re.split(r"\s*(?:[;,|\n]|\s/\s|\sof\s|\sen\s)\s*", cell) if p.strip()]
    if not parts:
        raise CellError(f"'{cell}' is geen telefoonnummer.")
    first = re.sub(r"^(tel|gsm|mobiel|tel\.|gsm:|tel:)\s*:?\s*", "", parts[0], flags=re.I)
    first = first.replace("(0)", "")
    rest = "; ".join(parts[1:]) or None
    return v.normalise_phone(first), rest


def parse_national_number(value: Cell) -> str:
    if isinstance(value, bool | date | time | timedelta):
        raise CellError(f"'{shown(value)}' is geen rijksregisternummer.")
    if isinstance(value, int | float):
        # Born in 2000-2009: the number starts with 0, which a number cell drops.
        return v.normalise_national_number(
            _digits_of_number_cell(value, "rijksregisternummer").zfill(11)
        )
    s = text(value)
    if s is None:
        raise CellError("Er staat geen rijksregisternummer.")
    _refuse_scientific(s, "rijksregisternummer")
    return v.normalise_national_number(s)


_EMAIL = re.compile(r"^[^@\s;,]+@[^@\s;,]+\.[^@\s;,]+$")


def parse_email(value: Cell) -> str:
    s = one_line(value)
    if s is None:
        raise CellError("Er staat geen e-mailadres.")
    s = re.sub(r"^mailto:", "", s, flags=re.I)
    if not _EMAIL.match(s):
        raise CellError(f"'{s}' is geen e-mailadres.")
    return s


# --- lists ---------------------------------------------------------------------------------------
_SPLIT = re.compile(r"\s*(?:;|\||\n|,(?!\d)|\s\+\s)\s*")


def split_values(value: Cell) -> list[str]:
    """A cell holding several values ("werk; huisvesting", "Frans, Arabisch")."""
    s = text(value)
    if s is None:
        return []
    return [p for p in (x.strip() for x in _SPLIT.split(s)) if p]


def unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))
