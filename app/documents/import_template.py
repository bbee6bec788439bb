"""XLSX templates for importing: per kind, the columns Brugfiguur reads (required ones marked),
one example row, drop-down lists from the organisation's vocabularies on a sheet of their own,
and a sheet that explains every column. Built with openpyxl from plain data; no personal data.

Cells that hold numbers with a leading zero (phone, national number, ids) are formatted as
text, and date columns as dd/mm/jjjj, so Excel keeps what the team types.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import datetime

from app.domain.import_kinds import FieldSpec, FieldType, Kind, KindSpec
from app.domain.import_values import parse_datetime_parts
from app.domain.vocab import Vocabularies

DATA_ROWS = 2000  # rows that get the drop-downs and formats
LISTS_SHEET = "Keuzelijsten"
HELP_SHEET = "Uitleg"

# Columns left out of templates: alternatives for sheets that already exist.
_NOT_IN_TEMPLATE = {
    Kind.PEOPLE: {"full_name"},
    Kind.CONTACTS: {"person_given_name", "person_family_name", "person_national_number"},
    Kind.AGREEMENTS: {"person_given_name", "person_family_name", "person_national_number"},
}
_TEXT_TYPES = {FieldType.PHONE, FieldType.NATIONAL_NUMBER}
_DATE_TYPES = {FieldType.DATE, FieldType.FUTURE_DATE}
_DATETIME_TYPES = {FieldType.DATETIME, FieldType.FUTURE_DATETIME}
_TYPE_HELP = {
    FieldType.DATE: "datum dd/mm/jjjj",
    FieldType.FUTURE_DATE: "datum dd/mm/jjjj",
    FieldType.DATETIME: "datum dd/mm/jjjj, eventueel met uur",
    FieldType.FUTURE_DATETIME: "datum dd/mm/jjjj, eventueel met uur",
    FieldType.TIME: "uur uu:mm",
    FieldType.MINUTES: "aantal minuten",
    FieldType.BOOL: "ja of nee",
    FieldType.PHONE: "telefoonnummer",
    FieldType.NATIONAL_NUMBER: "rijksregisternummer",
    FieldType.EMAIL: "e-mailadres",
    FieldType.VOCAB: "één waarde uit de keuzelijst",
    FieldType.VOCAB_MULTI: "waarden uit de keuzelijst, gescheiden door ;",
    FieldType.LIST: "waarden gescheiden door ;",
    FieldType.PERSON: "alias of naam",
    FieldType.VINDPLAATS: "naam van een vindplaats",
    FieldType.OWNER: "uit de keuzelijst, of de naam van een partner",
    FieldType.DONE: "datum, of ja/nee",
}


def template_fields(kind: KindSpec) -> list[FieldSpec]:
    skip = _NOT_IN_TEMPLATE.get(kind.kind, set())
    return [f for f in kind.fields if f.key not in skip]


def _required(kind: KindSpec, f: FieldSpec) -> bool:
    return f.required or any(g[0] == f.key for g in kind.required_groups)


def header_text(kind: KindSpec, f: FieldSpec) -> str:
    return f"{f.label} *" if _required(kind, f) else f.label


def build_template(kind: KindSpec, vocab: Vocabularies, vindplaatsen: Sequence[str]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = kind.label[:31]
    lists = wb.create_sheet(LISTS_SHEET)
    help_ws = wb.create_sheet(HELP_SHEET)
    fields = template_fields(kind)
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDE7F0")
    today = datetime.now().date()

    # --- the drop-down lists ------------------------------------------------------------------
    list_ranges: dict[str, str] = {}
    list_col = 0
    for f in fields:
        if f.type is FieldType.VINDPLAATS:
            values = list(vindplaatsen)
        elif f.vocab is not None:
            values = [t.label for t in vocab[f.vocab].active()]
        elif f.type in (FieldType.BOOL, FieldType.DONE):
            values = ["ja", "nee"]
        else:
            continue
        if not values:
            continue
        list_col += 1
        letter = get_column_letter(list_col)
        lists.cell(row=1, column=list_col, value=f.label).font = bold
        for i, value in enumerate(values, start=2):
            lists.cell(row=i, column=list_col, value=value)
        lists.column_dimensions[letter].width = min(60, max(14, *(len(v) for v in values)))
        list_ranges[f.key] = f"'{LISTS_SHEET}'!${letter}$2:${letter}${len(values) + 1}"

    # --- the data sheet ---------------------------------------------------------------------------
    for col, f in enumerate(fields, start=1):
        letter = get_column_letter(col)
        cell = ws.cell(row=1, column=col, value=header_text(kind, f))
        cell.font = bold
        cell.fill = fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if f.help:
            cell.comment = Comment(f.help, "Brugfiguur")
        ws.column_dimensions[letter].width = max(12, min(40, len(f.label) + 4))
        example: str | int | datetime | None = f.example or None
        if f.example and f.type in _DATE_TYPES | _DATETIME_TYPES:
            day, clock = parse_datetime_parts(f.example, today=today, future_ok=True)
            example = (
                datetime.combine(day, clock)
                if clock
                else datetime.combine(day, datetime.min.time())
            )
        elif f.example and f.type is FieldType.MINUTES:
            example = int(f.example)
        if example is not None:
            ws.cell(row=2, column=col, value=example)
        number_format = None
        if f.type in _TEXT_TYPES or f.key.endswith("external_id"):
            number_format = "@"
        elif f.type in _DATE_TYPES:
            number_format = "DD/MM/YYYY"
        elif f.type in _DATETIME_TYPES:
            number_format = "DD/MM/YYYY HH:MM"
        elif f.type is FieldType.TIME:
            number_format = "HH:MM"
        if number_format is not None:
            ws.column_dimensions[letter].number_format = number_format
            for r in range(2, DATA_ROWS + 2):
                ws.cell(row=r, column=col).number_format = number_format
        if f.key in list_ranges and f.type is not FieldType.VOCAB_MULTI:
            dv = DataValidation(
                type="list",
                formula1=f"={list_ranges[f.key]}",
                allow_blank=True,
                showDropDown=False,  # (sic) False shows the arrow
                showErrorMessage=True,
                errorStyle="warning",
                errorTitle="Brugfiguur",
                error="Deze waarde staat niet in de keuzelijst. Bij het importeren kunt u ze "
                "koppelen aan een waarde of toevoegen.",
            )
            dv.add(f"{letter}2:{letter}{DATA_ROWS + 1}")
            ws.add_data_validation(dv)
    ws.freeze_panes = "A2"
    ws.row_dimensions[1].height = 32

    # --- the explanation ------------------------------------------------------------------------
    help_ws.append([f"Sjabloon {kind.label} — Brugfiguur"])
    help_ws["A1"].font = Font(bold=True, size=14)
    help_ws.append([kind.intro])
    help_ws.append(
        [
            "Eén kopregel, daaronder de gegevens. Kolommen met * zijn nodig. Rij 2 is een "
            "voorbeeld: overschrijf of wis ze (een ongewijzigde voorbeeldrij wordt niet "
            "geïmporteerd). Data als dd/mm/jjjj. Waarden uit de keuzelijsten mogen ook anders "
            "geschreven zijn: bij het importeren koppelt u ze."
        ]
    )
    help_ws.append([])
    help_ws.append(["Kolom", "Nodig", "Wat", "Uitleg"])
    for c in help_ws[5]:
        c.font = bold
        c.fill = fill
    for f in fields:
        help_ws.append(
            [f.label, "ja" if _required(kind, f) else "", _TYPE_HELP.get(f.type, "tekst"), f.help]
        )
    for letter, width in (("A", 28), ("B", 8), ("C", 36), ("D", 90)):
        help_ws.column_dimensions[letter].width = width
    for row in help_ws.iter_rows(min_row=2, max_row=3):
        row[0].alignment = Alignment(wrap_text=True, vertical="top")
    wb.active = 0
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
