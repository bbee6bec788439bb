"""Cells as Flemish spreadsheets hold them: dates, times, durations, numbers, phone and national
numbers — examples from real sheets, and Hypothesis over the formats."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain import import_values as cv
from app.domain import validation as v
from app.errors import ValidationError

TODAY = date(2026, 11, 20)


# --- dates ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("03/04/2024", date(2024, 4, 3)),
        ("3/4/2024", date(2024, 4, 3)),
        ("3-4-2024", date(2024, 4, 3)),
        ("03.04.2024", date(2024, 4, 3)),
        ("  03/04/2024 ", date(2024, 4, 3)),
        ("2024-04-03", date(2024, 4, 3)),
        ("2024-04-03 00:00:00", date(2024, 4, 3)),
        ("2024/04/03", date(2024, 4, 3)),
        ("03/04/24", date(2024, 4, 3)),  # a contact: 2024, not 1924
        ("30/07/85", date(1985, 7, 30)),  # a birth date: 1985, not 2085
        ("3 maart 2024", date(2024, 3, 3)),
        ("3 mrt. 2024", date(2024, 3, 3)),
        ("03-mrt-24", date(2024, 3, 3)),  # Excel's dd-mmm-yy in nl-BE
        ("3-Mar-24", date(2024, 3, 3)),  # ... and in English
        ("1 décembre 2023", date(2023, 12, 1)),
        ("03042024", date(2024, 4, 3)),
        (datetime(2024, 4, 3, 0, 0), date(2024, 4, 3)),  # an Excel date cell
        (date(2024, 4, 3), date(2024, 4, 3)),
        (45385, date(2024, 4, 3)),  # a date cell whose format was lost
    ],
)
def test_dates_as_teams_write_them(cell: cv.Cell, expected: date) -> None:
    assert cv.parse_date(cell, today=TODAY) == expected


@pytest.mark.parametrize(
    ("cell", "says"),
    [
        ("31/02/2024", "geen 31 dagen"),
        ("04/25/2024", "Amerikaanse"),  # mm/dd/yyyy
        ("13/13/2024", "maand 13"),
        ("gisteren", "geen datum"),
        ("#VALUE!", "Excel-fout"),
        (True, "geen datum"),
        ("03/04/1850", "niet mogelijk"),
    ],
)
def test_impossible_dates_say_why_in_dutch(cell: cv.Cell, says: str) -> None:
    with pytest.raises(ValidationError) as err:
        cv.parse_date(cell, today=TODAY)
    assert says in err.value.message


def test_two_digit_years_of_due_dates_are_the_nearest() -> None:
    assert cv.parse_date("15/01/27", today=TODAY, future_ok=True) == date(2027, 1, 15)
    assert cv.parse_date("15/01/27", today=TODAY) == date(1927, 1, 15)  # not in the future


def test_date_and_time_in_one_cell() -> None:
    assert cv.parse_datetime_parts("18/11/2026 10:30", today=TODAY) == (
        date(2026, 11, 18),
        time(10, 30),
    )
    assert cv.parse_datetime_parts("18/11/2026 10u30", today=TODAY)[1] == time(10, 30)
    assert cv.parse_datetime_parts(datetime(2026, 11, 18, 14, 5), today=TODAY)[1] == time(14, 5)
    assert cv.parse_datetime_parts(46344.4375, today=TODAY) == (date(2026, 11, 18), time(10, 30))
    assert cv.parse_datetime_parts("2026-11-18T10:30", today=TODAY)[1] == time(10, 30)


dates = st.dates(min_value=date(1901, 1, 1), max_value=TODAY)
FORMATS = ["%d/%m/%Y", "%-d/%-m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d", "%d%m%Y"]


@given(dates, st.sampled_from(FORMATS))
def test_any_past_date_in_a_belgian_format_reads_back(d: date, fmt: str) -> None:
    assert cv.parse_date(d.strftime(fmt), today=TODAY) == d


def test_a_two_digit_year_later_this_month_is_a_century_ago() -> None:
    # Nine days after TODAY (20/11/2026) in '26 has not come yet: 1926 (Hypothesis found it).
    assert cv.parse_date("29/11/26", today=TODAY) == date(1926, 11, 29)
    assert cv.parse_date("20/11/26", today=TODAY) == date(2026, 11, 20)
    assert cv.parse_date("29/02/28", today=TODAY) == date(1928, 2, 29)


@given(dates)
def test_two_digit_years_are_the_latest_century_not_in_the_future(d: date) -> None:
    parsed = cv.parse_date(d.strftime("%d/%m/%y"), today=TODAY)
    assert TODAY.replace(year=TODAY.year - 100) < parsed <= TODAY  # the last hundred years
    assert parsed.strftime("%d%m%y") == d.strftime("%d%m%y")


@given(st.datetimes(min_value=datetime(1901, 1, 1), max_value=datetime(2100, 1, 1)))
def test_excel_serials_round_trip(moment: datetime) -> None:
    moment = moment.replace(second=0, microsecond=0)
    delta = moment - datetime(1899, 12, 30)
    serial = delta.days + delta.seconds / 86400
    assert cv.excel_serial(serial) == moment


# --- times and durations -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("14:30", time(14, 30)),
        ("14u30", time(14, 30)),
        ("14u", time(14, 0)),
        ("14.30", time(14, 30)),
        ("14h30", time(14, 30)),
        ("9", time(9, 0)),
        ("930", time(9, 30)),
        (time(9, 30), time(9, 30)),
        (0.5, time(12, 0)),
    ],
)
def test_times(cell: cv.Cell, expected: time) -> None:
    assert cv.parse_time(cell) == expected


@pytest.mark.parametrize(
    ("cell", "minutes"),
    [
        (45, 45),
        ("45", 45),
        ("45 min", 45),
        ("45'", 45),
        ("45 minuten", 45),
        ("1u30", 90),
        ("1u", 60),
        ("1 uur", 60),
        ("1:30", 90),
        ("1,5 u", 90),
        ("1.5h", 90),
        ("2u 15min", 135),
        (time(1, 30), 90),
        (timedelta(minutes=20), 20),
    ],
)
def test_durations(cell: cv.Cell, minutes: int) -> None:
    assert cv.parse_minutes(cell) == minutes


@given(st.integers(0, 23), st.integers(0, 59))
def test_times_written_any_flemish_way_read_back(h: int, m: int) -> None:
    for text in (f"{h}:{m:02d}", f"{h:02d}u{m:02d}", f"{h}.{m:02d}", f"{h}h{m:02d}"):
        assert cv.parse_time(text) == time(h, m)


@given(st.integers(0, 20), st.integers(0, 59))
def test_durations_in_hours_and_minutes(h: int, m: int) -> None:
    assert cv.parse_minutes(f"{h}u{m:02d}") == h * 60 + m
    assert cv.parse_minutes(f"{h}:{m:02d}") == h * 60 + m
    assert cv.parse_minutes(h * 60 + m) == h * 60 + m


# --- numbers -------------------------------------------------------------------------------------
@given(st.integers(0, 10**9), st.integers(0, 99))
def test_belgian_numbers_with_thousands_dots_and_decimal_comma(whole: int, cents: int) -> None:
    value = whole + cents / 100
    belgian = f"{whole:,}".replace(",", ".") + f",{cents:02d}"
    english = f"{whole:,}" + f".{cents:02d}"
    assert cv.parse_number(belgian) == pytest.approx(value)
    assert cv.parse_number(english) == pytest.approx(value)
    assert cv.parse_number(f"{whole},{cents:02d}") == pytest.approx(value)


def test_numbers_that_are_not() -> None:
    for bad in ("twee", "1,2,3,4", "--1", True):
        with pytest.raises(ValidationError):
            cv.parse_number(bad)


# --- phones --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("0470 12 34 56", "+32470123456"),
        ("0470/12.34.56", "+32470123456"),
        ("+32 (0)470 12 34 56", "+32470123456"),
        ("0032 470 12 34 56", "+32470123456"),
        ("tel: 09 123 45 67", "+3291234567"),
        (470123456, "+32470123456"),  # a number cell dropped the leading zero
        (470123456.0, "+32470123456"),
        (91234567, "+3291234567"),  # a Ghent landline, same
        (32470123456, "+32470123456"),  # ... or the plus
        ("+31 6 12345678", "+31612345678"),
    ],
)
def test_phone_numbers_as_sheets_hold_them(cell: cv.Cell, expected: str) -> None:
    assert cv.parse_phone(cell)[0] == expected


def test_a_second_number_in_the_cell_is_handed_back() -> None:
    number, rest = cv.parse_phone("0470 12 34 56 / 09 123 45 67")
    assert (number, rest) == ("+32470123456", "09 123 45 67")


def test_a_number_excel_turned_into_4_70e_08_is_refused_with_the_reason() -> None:
    with pytest.raises(ValidationError) as err:
        cv.parse_phone("4,70123E+08")
    assert "E+" in err.value.message and "Tekst" in err.value.message


def test_a_belgian_mobile_with_a_digit_missing_is_refused() -> None:
    with pytest.raises(ValidationError) as err:
        cv.parse_phone("0470 12 34 5")
    assert "10 cijfers" in err.value.message


mobiles = st.tuples(st.integers(70, 99), st.integers(0, 999_999))


@given(
    mobiles,
    st.sampled_from(
        [
            "0{p} {a} {b} {c}",
            "0{p}/{a}.{b}.{c}",
            "+32 {p} {a}{b}{c}",
            "0032{p}{a}{b}{c}",
            "+32(0){p} {a} {b} {c}",
        ]
    ),
)
def test_belgian_mobiles_in_any_usual_format(parts: tuple[int, int], fmt: str) -> None:
    prefix, rest = parts
    digits = f"{rest:06d}"
    text = fmt.format(p=f"4{prefix}", a=digits[:2], b=digits[2:4], c=digits[4:])
    assert cv.parse_phone(text)[0] == f"+324{prefix}{digits}"
    assert cv.parse_phone(int(f"4{prefix}{digits}"))[0] == f"+324{prefix}{digits}"


# --- national numbers ----------------------------------------------------------------------------
def national_number(born: date, serial: int) -> str:
    body = f"{born:%y%m%d}{serial:03d}"
    base = int(("2" if born.year >= 2000 else "") + body)
    return f"{body}{97 - base % 97:02d}"


@given(st.dates(min_value=date(1920, 1, 1), max_value=date(2025, 12, 31)), st.integers(1, 997))
def test_national_numbers_in_every_notation(born: date, serial: int) -> None:
    nn = national_number(born, serial)
    dotted = f"{nn[:2]}.{nn[2:4]}.{nn[4:6]}-{nn[6:9]}.{nn[9:]}"
    for cell in (nn, dotted, f"{nn[:6]} {nn[6:9]} {nn[9:]}", int(nn), float(int(nn))):
        assert cv.parse_national_number(cell) == nn
    assert v.birth_date_from_national_number(nn) == born


def test_a_national_number_of_someone_born_in_2005_survives_a_number_cell() -> None:
    nn = national_number(date(2005, 3, 1), 123)
    assert nn.startswith("0")
    assert cv.parse_national_number(int(nn)) == nn  # 5030112345x: the zero came back


@given(
    st.dates(min_value=date(1920, 1, 1), max_value=date(2025, 12, 31)),
    st.integers(1, 997),
    st.integers(1, 96),
)
def test_a_wrong_check_digit_is_refused(born: date, serial: int, delta: int) -> None:
    nn = national_number(born, serial)
    wrong = nn[:9] + f"{(int(nn[9:]) + delta) % 97 or 97:02d}"
    other_century = 97 - int(("" if born.year >= 2000 else "2") + nn[:9]) % 97
    if wrong == nn or int(wrong[9:]) == other_century:
        return  # the same digits are a valid number for someone born 100 years apart
    with pytest.raises(ValidationError):
        cv.parse_national_number(wrong)


# --- text, yes/no, lists -------------------------------------------------------------------------
def test_text_cells_are_tidied_and_empty_markers_are_empty() -> None:
    assert cv.text("  Zoë\u00a0 Vermeulen\u200b ") == "Zoë Vermeulen"
    assert cv.text("regel één\r\nregel  twee") == "regel één\nregel twee"
    for empty in ("", "  ", "-", "n.v.t.", "N/A", None):
        assert cv.text(empty) is None
    assert cv.text(12.0) == "12"
    with pytest.raises(ValidationError):
        cv.text("#REF!")


@pytest.mark.parametrize(
    ("cell", "flag"),
    [
        ("ja", True),
        ("X", True),
        ("nee", False),
        ("N", False),
        (1, True),
        (False, False),
        ("", False),
    ],
)
def test_yes_and_no(cell: cv.Cell, flag: bool) -> None:
    assert cv.parse_bool(cell) is flag


def test_several_values_in_one_cell() -> None:
    assert cv.split_values("werk; huisvesting") == ["werk", "huisvesting"]
    assert cv.split_values("Frans, Arabisch\nNederlands") == ["Frans", "Arabisch", "Nederlands"]
    assert cv.split_values("werk | geld") == ["werk", "geld"]
    assert cv.split_values(None) == []


@settings(max_examples=200)
@given(st.text())
def test_no_cell_crashes_a_parser(text: str) -> None:
    for parse in (
        lambda c: cv.parse_date(c, today=TODAY),
        cv.parse_time,
        cv.parse_minutes,
        cv.parse_phone,
        cv.parse_national_number,
        cv.parse_number,
        cv.parse_bool,
        cv.parse_email,
    ):
        try:
            parse(text)
        except ValidationError as exc:
            assert exc.message
