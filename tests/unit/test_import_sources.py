"""Reading spreadsheets as Excel and LibreOffice write them: CSV dialects and encodings (with
Hypothesis), XLSX date cells, title rows, merged header cells, empty trailing rows."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.import_kinds import PEOPLE, match_header, suggest_mapping
from app.services.importing.sources import SourceError, decode, open_source, sniff_delimiter

KNOWN = lambda h: match_header(PEOPLE, h, close=False) is not None  # noqa: E731


def rows_of(
    path: Path, **kw: object
) -> tuple[tuple[str, ...], list[tuple[int, tuple[object, ...]]]]:
    with open_source(path, known=KNOWN, **kw) as source:  # type: ignore[arg-type]
        return source.info.columns, [(r.number, r.cells) for r in source.rows()]


# --- CSV the way Excel and LibreOffice write it --------------------------------------------------
EXCEL_BE = (
    # "CSV (gescheiden door lijstscheidingsteken)" on a Belgian Windows: Windows-1252, ;, CRLF,
    # dates in the short regional format, empty formatted rows as bare separators.
    "Alias;Voornaam;Naam;Geboortedatum;GSM;Opmerking\r\n"
    'Kapitein;Zoë;Vermeulen;30/07/1985;0470 12 34 56;"Woont bij zus; zoekt werk"\r\n'
    "Stille;Anaïs;Çelik;3/04/2001;;\r\n"
    ";;;;;\r\n"
    ";;;;;\r\n"
)


def test_excel_csv_in_windows_1252_with_semicolons(tmp_path: Path) -> None:
    f = tmp_path / "caseload.csv"
    f.write_bytes(EXCEL_BE.encode("cp1252"))
    with open_source(f, known=KNOWN) as source:
        assert (source.info.encoding, source.info.delimiter) == ("Windows-1252", ";")
        rows = list(source.rows())
    assert [r.number for r in rows] == [2, 3]  # the empty trailing rows are gone
    assert rows[0].cells[1] == "Zoë" and rows[0].cells[5] == "Woont bij zus; zoekt werk"
    assert rows[1].cells[2] == "Çelik"


def test_excel_csv_utf8_has_a_bom(tmp_path: Path) -> None:
    f = tmp_path / "caseload.csv"
    f.write_bytes(b"\xef\xbb\xbf" + EXCEL_BE.encode("utf-8"))
    columns, rows = rows_of(f)
    assert columns[0] == "Alias"  # not "\ufeffAlias"
    assert rows[0][1][1] == "Zoë"


def test_libreoffice_csv_with_commas_quotes_and_lf(tmp_path: Path) -> None:
    f = tmp_path / "caseload.csv"
    f.write_text(
        "Alias,Voornaam,Naam,Geboortedatum,Opmerking\n"
        'Kapitein,Zoë,Vermeulen,30/07/85,"Gent, Rabot"\n'
        'Stille,,,,"twee\nregels"\n',
        encoding="utf-8",
    )
    with open_source(f, known=KNOWN) as source:
        assert source.info.delimiter == ","
        rows = list(source.rows())
    assert rows[0].cells[4] == "Gent, Rabot"
    assert rows[1].cells[4] == "twee\nregels"
    assert [r.number for r in rows] == [2, 3]


def test_excel_sep_line_and_utf16_unicode_text(tmp_path: Path) -> None:
    f = tmp_path / "a.csv"
    f.write_text("sep=,\nAlias,Naam\nKapitein,Vermeulen\n", encoding="utf-8")
    assert rows_of(f)[1] == [(3, ("Kapitein", "Vermeulen"))]
    g = tmp_path / "unicode.txt"  # Excel's "Unicode-tekst": UTF-16 with a BOM, tabs
    g.write_bytes("Alias\tNaam\r\nZoë\tÇelik\r\n".encode("utf-16"))
    assert rows_of(g)[1] == [(2, ("Zoë", "Çelik"))]


def test_a_title_above_the_header_is_skipped(tmp_path: Path) -> None:
    f = tmp_path / "a.csv"
    f.write_text("Caseload team Gent 2026;;;\n;;;\nAlias;Naam;Voornaam;GSM\nKapitein;V;Z;0470\n")
    columns, rows = rows_of(f)
    assert columns == ("Alias", "Naam", "Voornaam", "GSM")
    assert rows == [(4, ("Kapitein", "V", "Z", "0470"))]


CELL = st.text(
    alphabet=st.characters(codec="cp1252", exclude_characters="\x00\r"), min_size=0, max_size=12
)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(st.lists(CELL, min_size=3, max_size=3), min_size=1, max_size=8),
    st.sampled_from([";", ",", "\t"]),
    st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]),
    st.sampled_from(["\r\n", "\n"]),
)
def test_csv_dialects_round_trip(
    tmp_path: Path, body: list[list[str]], delimiter: str, encoding: str, newline: str
) -> None:
    """Whatever the separator, encoding, quoting and line ends, the cells come back."""
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, lineterminator=newline)
    writer.writerow(["Alias", "Naam", "Notitie"])
    writer.writerows(body)
    f = tmp_path / "h.csv"
    f.write_bytes(buf.getvalue().encode(encoding))
    expected = [
        tuple(c if c.strip() else None for c in row) for row in body if any(c.strip() for c in row)
    ]
    with open_source(f, known=KNOWN) as source:
        got = [r.cells for r in source.rows()]
    assert got == expected


@given(st.lists(st.text(alphabet="abcé ,;'\"", max_size=10), min_size=2, max_size=6))
def test_sniffing_prefers_the_separator_that_splits_consistently(words: list[str]) -> None:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";")
    writer.writerow(["Alias", "Naam", "Notitie"])
    for w in words:
        writer.writerow([w, w, w])
    assert sniff_delimiter(buf.getvalue()) == ";"


def test_decoding() -> None:
    assert decode("Zoë".encode("cp1252")) == ("Zoë", "Windows-1252")
    assert decode("Zoë".encode()) == ("Zoë", "UTF-8")
    assert decode(b"\xef\xbb\xbfZo\xc3\xab") == ("Zoë", "UTF-8 (BOM)")
    assert decode("Zoë;x".encode("utf-16-le"))[0] == "Zoë;x"  # no BOM


# --- XLSX ----------------------------------------------------------------------------------------
def test_xlsx_with_a_merged_title_two_level_header_and_merged_header_cells(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Caseload"
    ws["A1"] = "Caseload Brugse Poort — niet verspreiden"
    ws.merge_cells("A1:G1")
    ws["A2"], ws["B2"], ws["D2"], ws["F2"] = "Alias", "Persoon", "Geboortedatum", "Telefoon"
    ws.merge_cells("A2:A3")  # a header merged downwards
    ws.merge_cells("B2:C2")  # a group header over Voornaam and Naam
    ws.merge_cells("D2:D3")
    ws.merge_cells("F2:G3")  # one header over two phone columns
    ws["B3"], ws["C3"], ws["E3"] = "Voornaam", "Naam", "Opmerking"
    ws.append(["Kapitein", "Zoë", "Vermeulen", datetime(1985, 7, 30), "x", "0470123456", "09"])
    ws.append([None] * 7)
    for r in range(6, 40):  # formatted but empty trailing rows, as Excel leaves them
        ws.cell(row=r, column=1).number_format = "@"
    f = tmp_path / "caseload.xlsx"
    wb.save(f)
    with open_source(f, known=KNOWN) as source:
        info = source.info
        rows = list(source.rows())
    assert info.header_row == 3
    assert info.columns == (
        "Alias",
        "Voornaam",
        "Naam",
        "Geboortedatum",
        "Opmerking",
        "Telefoon",
        "Telefoon (2)",
    )
    assert [r.number for r in rows] == [4]
    assert rows[0].cells[3] == datetime(1985, 7, 30)  # a date cell stays a date
    assert suggest_mapping(PEOPLE, info.columns)["Telefoon"] == "phone"


def test_xlsx_picks_the_active_sheet_and_offers_the_others(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    first = wb.active
    assert first is not None
    first.title = "Uitleg"
    first["A1"] = "Dit blad legt uit"
    data = wb.create_sheet("Gegevens")
    data.append(["Alias", "Naam"])
    data.append(["Kapitein", "Vermeulen"])
    wb.active = 1
    f = tmp_path / "twee.xlsx"
    wb.save(f)
    with open_source(f, known=KNOWN) as source:
        assert (source.info.sheet, source.info.sheets) == ("Gegevens", ("Uitleg", "Gegevens"))
    with open_source(f, sheet="Uitleg", known=KNOWN) as source:
        assert source.info.columns == ("Dit blad legt uit",)


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("oud.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, ".xlsx"),
        ("kapot.xlsx", b"PK\x03\x04 dit is geen zip", "Excel-werkmap"),
        ("leeg.csv", b"", "leeg"),
        ("niets.csv", b";;;\r\n;;;\r\n", "geen gegevens"),
    ],
)
def test_files_that_are_not_tables_say_so(
    tmp_path: Path, name: str, content: bytes, says: str
) -> None:
    f = tmp_path / name
    f.write_bytes(content)
    with pytest.raises(SourceError) as err:
        open_source(f, known=KNOWN)
    assert says in err.value.message
