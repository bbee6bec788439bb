"""Importing a team's spreadsheets into a real vault: every kind, from files made the way Excel
and LibreOffice write them; every problem reported; nothing half-imported; re-imports update;
a cancelled or failed import changes nothing; imported records are ordinary records."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import func, select

from app.domain.import_kinds import Kind
from app.domain.revisions import revision_id
from app.models import (
    Agreement,
    AuditEntry,
    ContactMoment,
    Organisation,
    OrgContact,
    OutboxEntry,
    Person,
    PhaseEventRecord,
    Vindplaats,
)
from app.services import importing
from app.services.field import FieldServices
from app.services.importing import Action, ImportCancelled, ImportMapping, ImportReport, NewTerm
from app.services.people import PseudonymInput
from app.services.workers import WorkerProfile
from tests.conftest import PASSPHRASE


# --- files as teams have them --------------------------------------------------------------------
def xlsx(path: Path, rows: list[list[Any]], *, title: str | None = None) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    if title:
        ws.append([title])
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(rows[0]))
        ws.append([])
    for row in rows:
        ws.append(row)
    for r in range(ws.max_row + 1, ws.max_row + 25):  # formatted, empty: Excel leaves these
        ws.cell(row=r, column=1).number_format = "@"
    wb.save(path)
    return path


def csv_file(path: Path, text: str, *, encoding: str = "utf-8", bom: bool = False) -> Path:
    data = text.replace("\n", "\r\n").encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return path


def counts(field: FieldServices) -> dict[str, int]:
    with field.context.ctx.read() as s:
        return {
            m.__name__: int(s.scalar(select(func.count()).select_from(m)) or 0)
            for m in (
                Person,
                PhaseEventRecord,
                ContactMoment,
                Agreement,
                Vindplaats,
                Organisation,
                OrgContact,
                OutboxEntry,
                AuditEntry,
            )
        }


def run(
    field: FieldServices,
    path: Path,
    kind: Kind,
    *,
    valid_only: bool = False,
    mapping: ImportMapping | None = None,
) -> ImportReport:
    m = mapping or field.imports.inspect(path, kind).mapping
    return field.imports.run(path, m, valid_only=valid_only)


def problems(report: ImportReport) -> list[tuple[int, str | None, str]]:
    return [(p.row, p.column, p.message) for p in report.problems if p.blocking]


@pytest.fixture
def places(field: FieldServices, tmp_path: Path) -> None:
    """The vindplaatsen, from a LibreOffice CSV (UTF-8, commas, LF)."""
    f = tmp_path / "vindplaatsen.csv"
    f.write_text(
        "Naam,Soort,Wijk,Beste moment,Actief\n"
        "Bib Zuid,bib,Gent-Centrum,woensdagnamiddag,ja\n"
        "Jeugdhuis De Kroon,jeugdhuis,Rabot,,x\n"
        '"Plein, Sint-Pieters",plein,Centrum,"ma, wo",nee\n',
        encoding="utf-8",
    )
    report = run(field, f, Kind.VINDPLAATSEN)
    assert (report.created, report.skipped, report.written) == (3, 0, True)
    field.workers.save_profile(WorkerProfile("An Claes", "straathoekwerker"))


CASELOAD: list[list[Any]] = [
    [
        "Dossiernr",
        "Naam",
        "Voornaam",
        "Geb. datum",
        "GSM",
        "Rijksregisternr",
        "Fase",
        "Sinds",
        "Vindplaats",
        "Eerste contact",
        "Begeleider",
        "Opmerking",
    ],
    [
        "CL-1",
        "Vermeulen",
        "Zoë",
        datetime(1985, 7, 30),
        470123456,
        85073003328,
        "kennismaking",
        "01/03/2026",
        "Bib Zuid",
        "12/01/26",
        "An Claes",
        "Wil werken in de logistiek.",
    ],
    [
        "CL-2",
        "El Amrani",
        "Yasmina",
        "3/04/2001",
        "0486 11 22 33",
        None,
        "Oriëntering",
        datetime(2026, 6, 1),
        "Jeugdhuis De Kroon",
        "03-mrt-25",
        None,
        None,
    ],
    [
        "CL-3",
        None,
        "Kapitein",
        None,
        None,
        None,
        "Bereiken",
        None,
        "Bib Zuid",
        "2026-10-01",
        "An Claes",
        "Alleen een roepnaam gekend.",
    ],
]


# --- vindplaatsen and the sociale kaart ----------------------------------------------------------
def test_vindplaatsen_from_a_libreoffice_csv(field: FieldServices, places: None) -> None:
    rows = {v.name: v for v in field.vindplaatsen.all()}
    assert set(rows) == {"Bib Zuid", "Jeugdhuis De Kroon", "Plein, Sint-Pieters"}
    assert rows["Bib Zuid"].type == "plek" and rows["Bib Zuid"].best_times == "woensdagnamiddag"
    assert rows["Jeugdhuis De Kroon"].type == "organisatie"
    assert rows["Plein, Sint-Pieters"].active is False


def test_partners_with_a_row_per_contact_person_from_excel(
    field: FieldServices, tmp_path: Path
) -> None:
    f = xlsx(
        tmp_path / "sociale kaart.xlsx",
        [
            [
                "Organisatie",
                "Sector",
                "Aanbod",
                "Algemeen nummer",
                "Contactpersoon",
                "Functie",
                "GSM contactpersoon",
                "Mail contactpersoon",
            ],
            [
                "VDAB Gent",
                "VDAB",
                "IBO; BVS",
                "09 265 46 00",
                "Lies Peeters",
                "trajectbegeleider",
                "0470 11 22 33",
                "lies.peeters@vdab.be",
            ],
            [
                "VDAB Gent",
                "VDAB",
                "IBO; BVS",
                "09 265 46 00",
                "Omar Diallo",
                "jobcoach",
                None,
                None,
            ],
            ["OCMW Gent", "Sociaal Huis", "art. 60", None, None, None, None, None],
            [
                "Maatwerkbedrijf Ateljee",
                "maatwerkbedrijf",
                "maatwerk",
                None,
                "Kris",
                None,
                None,
                "geen-mailadres",
            ],
        ],
        title="Sociale kaart Gent",
    )
    report = run(field, f, Kind.PARTNERS, valid_only=True)
    assert problems(report) == [(7, "Mail contactpersoon", "'geen-mailadres' is geen e-mailadres.")]
    assert (report.created, report.skipped) == (3, 1)
    assert report.details == (
        "Organisaties: 2 nieuw, 0 bijgewerkt.",
        "Contactpersonen: 2 nieuw, 0 bijgewerkt.",
    )
    orgs = {o.name: o for o in field.social_map.search()}
    assert set(orgs) == {"VDAB Gent", "OCMW Gent"}
    assert orgs["VDAB Gent"].measures == ("ibo", "bvs") and orgs["OCMW Gent"].type == "ocmw"
    assert orgs["VDAB Gent"].phone == "+3292654600"
    assert {c.name for c in orgs["VDAB Gent"].contacts} == {"Lies Peeters", "Omar Diallo"}
    # Again, corrected: the partner and its people are updated, nothing is doubled.
    f2 = xlsx(
        tmp_path / "sociale kaart 2.xlsx",
        [
            ["Organisatie", "Sector", "Contactpersoon", "Functie"],
            ["vdab gent", "VDAB", "Lies Peeters", "teamleider"],
            ["Maatwerkbedrijf Ateljee", "maatwerkbedrijf", "Kris", None],
        ],
    )
    again = run(field, f2, Kind.PARTNERS)
    assert (again.created, again.updated, again.unchanged) == (1, 1, 0)
    orgs = {o.name: o for o in field.social_map.search()}
    assert len(orgs) == 3
    lies = next(c for c in orgs["VDAB Gent"].contacts if c.name == "Lies Peeters")
    assert lies.role == "teamleider" and lies.phone == "+32470112233"  # the phone was kept


# --- people --------------------------------------------------------------------------------------
def test_a_caseload_from_excel(field: FieldServices, places: None, tmp_path: Path) -> None:
    f = xlsx(tmp_path / "caseload.xlsx", CASELOAD, title="Caseload team Gent — vertrouwelijk")
    inspection = field.imports.inspect(f, Kind.PEOPLE)
    assert inspection.info.header_row == 3
    check = field.imports.check(f, inspection.mapping)
    assert (check.created, check.skipped, check.written) == (3, 0, False)
    assert counts(field)["Person"] == 0  # a check writes nothing
    preview = {p.row: dict(p.values) for p in check.preview}
    assert preview[4]["Naam"] == "Zoë Vermeulen" and preview[4]["Telefoon"] == "+32470123456"
    assert preview[4]["Fase"] == "Kennismaking en vertrouwen"
    assert preview[5]["Eerste ontmoeting"] == "03/03/2025"
    report = field.imports.run(f, inspection.mapping, valid_only=False)
    assert (report.created, report.written) == (3, True)
    rows = {r.alias: r for r in field.caseload.rows()}
    assert set(rows) == {"Zoë V.", "Yasmina E.", "Kapitein"}
    zoe = field.people.get(rows["Zoë V."].id)
    assert (zoe.given_name, zoe.family_name, zoe.date_of_birth) == (
        "Zoë",
        "Vermeulen",
        date(1985, 7, 30),
    )
    assert (zoe.national_number, zoe.phone) == ("85073003328", "+32470123456")
    assert zoe.worker_id == field.workers.my_id  # "An Claes" is this laptop's worker
    assert (zoe.first_met_on, zoe.first_met_how) == (date(2026, 1, 12), "vindplaats")
    assert zoe.client_since == date(2026, 1, 12) and zoe.phase == "kennismaking"
    assert field.trajectory.view(zoe.id).state.spans[-1].start == date(2026, 3, 1)
    kapitein = field.people.get(rows["Kapitein"].id)
    assert not kapitein.is_client and kapitein.note == "Alleen een roepnaam gekend."
    assert field.caseload.search("logistiek") and field.caseload.search("yasmina")
    with field.context.ctx.read() as s:
        audited = s.scalars(select(AuditEntry).where(AuditEntry.event == "import")).all()
        assert [e.record_type for e in audited] == ["vindplaatsen", "people"]
        entry = audited[-1]
        assert entry.detail == "3 nieuw, 0 bijgewerkt, 0 ongewijzigd, 0 overgeslagen"


def test_bad_rows_are_reported_and_nothing_is_half_imported(
    field: FieldServices, places: None, tmp_path: Path
) -> None:
    bad: list[list[Any]] = [
        *CASELOAD,
        [
            "CL-4",
            "Peeters",
            "Jan",
            "31/02/1990",
            "4,70123E+08",
            None,
            "ergens",
            None,
            None,
            "01/01/2026",
            None,
            None,
        ],
        [
            "CL-5",
            "Maes",
            "Lotte",
            "12/05/1992",
            None,
            "92051233321",
            None,
            None,
            "Bib Noord",
            "01/01/2026",
            None,
            None,
        ],
        ["CL-1", "Claes", "Tom", None, None, None, None, None, None, "01/01/2026", None, None],
    ]
    f = xlsx(tmp_path / "caseload.xlsx", bad)
    before = counts(field)
    report = run(field, f, Kind.PEOPLE, valid_only=False)
    assert report.refused and not report.written
    assert counts(field) == before  # not one record, outbox entry or audit entry
    assert problems(report) == [
        (5, "Geb. datum", "'31/02/1990' bestaat niet: die maand heeft geen 31 dagen."),
        (
            5,
            "GSM",
            "'4,70123E+08': Excel toonde dit telefoonnummer als getal met E+ en liet "
            "cijfers weg. Zet de kolom in Excel op 'Tekst' en bewaar opnieuw; het nummer "
            "kan niet hersteld worden.",
        ),
        (
            5,
            "Fase",
            "'ergens' is geen bekende waarde voor fase. Koppel ze aan een waarde van de "
            "woordenlijst of voeg ze toe (stap Waarden).",
        ),
        (
            6,
            "Rijksregisternr",
            "Dit rijksregisternummer klopt niet (controlegetal). Kijk het na "
            "op de identiteitskaart.",
        ),
        (
            6,
            "Vindplaats",
            "De vindplaats 'Bib Noord' staat niet in Brugfiguur. Importeer eerst "
            "de vindplaatsen, of kijk de schrijfwijze na.",
        ),
        (7, "Dossiernr", "Deze persoon staat al in rij 2 (zelfde dossiernummer)."),
    ]
    shown = {p.value for p in report.problems}
    assert {"31/02/1990", "ergens", "92051233321", "Bib Noord"} <= shown
    # The user's choice: the valid rows only.
    report = run(field, f, Kind.PEOPLE, valid_only=True)
    assert (report.created, report.skipped, report.written) == (3, 3, True)
    assert counts(field)["Person"] == 3


def test_re_import_updates_and_points_out_possible_duplicates(
    field: FieldServices, places: None, tmp_path: Path
) -> None:
    run(field, xlsx(tmp_path / "v1.xlsx", CASELOAD), Kind.PEOPLE)
    zoe_id = next(r.id for r in field.caseload.rows() if r.alias == "Zoë V.")
    field.people.update(zoe_id, note="Belt liever niet voor tien uur.")  # typed in the app since
    corrected = [row[:] for row in CASELOAD]
    corrected[1][4] = "0499 99 88 77"  # a new phone number
    corrected[1][6], corrected[1][7] = "contextvoorwaarden", "01/11/2026"
    corrected[2][0] = None  # no dossier number: found by name and birth date
    corrected.append(
        [
            "CL-9",
            "Janssens",
            "Tom",
            None,
            "0486 11 22 33",
            None,
            None,
            None,
            "Bib Zuid",
            "01/11/2026",
            None,
            None,
        ]
    )  # Yasmina's phone: maybe her?
    f = xlsx(tmp_path / "v2.xlsx", corrected)
    report = run(field, f, Kind.PEOPLE, valid_only=True)
    assert (report.created, report.updated, report.unchanged, report.skipped) == (0, 1, 2, 1)
    assert problems(report) == [
        (
            5,
            None,
            "Mogelijk dezelfde persoon als Yasmina E. (Yasmina El Amrani) in rij 3 (zelfde "
            "telefoonnummer). Niet geïmporteerd; kies 'mogelijke dubbels toch "
            "importeren' als het iemand anders is.",
        ),
    ]
    changed = next(p for p in report.preview if p.action is Action.UPDATE)
    assert changed.row == 2 and set(changed.changes) == {"Telefoon", "Notitie", "fase"}
    assert counts(field)["Person"] == 3
    zoe = field.people.get(zoe_id)
    assert zoe.phone == "+32499998877" and zoe.phase == "contextvoorwaarden"
    # Nothing typed in Brugfiguur is lost: the sheet's note is added below it.
    assert zoe.note == "Belt liever niet voor tien uur.\n\nWil werken in de logistiek."
    # The user says Tom is someone else: imported beside Yasmina, never merged.
    m = field.imports.inspect(f, Kind.PEOPLE).mapping
    m = ImportMapping(**{**m.__dict__, "possible_duplicates": "import"})
    report = field.imports.run(f, m, valid_only=False)
    assert (report.created, report.unchanged) == (1, 3)
    assert [p.message for p in report.problems if not p.blocking][-1].endswith(
        "Toch geïmporteerd als nieuwe persoon."
    )
    assert counts(field)["Person"] == 4
    # A third time: nothing changes at all; the outbox gains only the import's audit entry
    # (a synced record), no data revision.
    before = counts(field)
    report = field.imports.run(f, m, valid_only=False)
    assert (report.created, report.updated, report.unchanged) == (0, 0, 4)
    after = counts(field)
    assert after["AuditEntry"] == before["AuditEntry"] + 1
    assert after["OutboxEntry"] == before["OutboxEntry"] + 1


def test_the_same_national_number_finds_the_person_and_a_clash_is_refused(
    field: FieldServices, tmp_path: Path
) -> None:
    pid = field.people.create_pseudonym(PseudonymInput("Zoë", date(2026, 1, 5), "mond_aan_mond"))
    field.people.update(pid, national_number="85073003328")
    f = csv_file(
        tmp_path / "rrn.csv",
        "Voornaam;Familienaam;Rijksregisternummer;Hoe ontmoet;Geboortedatum\n"
        "Zoë;Vermeulen;85.07.30-033.28;mond tot mond;30/07/1985\n"
        "Zoë;Vermeulen;85.07.30-033.28;mond tot mond;30/07/1985\n"
        "Jan;Peeters;85.07.30-033.28;mond tot mond;29/07/1985\n",
        encoding="cp1252",
    )
    report = run(field, f, Kind.PEOPLE, valid_only=True)
    assert (report.updated, report.skipped) == (1, 2)
    assert [m for _, _, m in problems(report)] == [
        "Deze persoon staat al in rij 2 (zelfde rijksregisternummer).",
        "Deze persoon staat al in rij 2 (zelfde rijksregisternummer).",
    ]
    p = field.people.get(pid)
    assert (p.alias, p.given_name, p.is_client) == ("Zoë", "Zoë", True)


# --- contact moments and agreements --------------------------------------------------------------
@pytest.fixture
def caseload(field: FieldServices, places: None, tmp_path: Path) -> dict[str, str]:
    run(field, xlsx(tmp_path / "caseload.xlsx", CASELOAD), Kind.PEOPLE)
    # Two people called "Rosa", for a reference that is not enough.
    for first in (date(2026, 2, 1), date(2026, 3, 1)):
        field.people.create_pseudonym(
            PseudonymInput("Rosa", first, "mond_aan_mond"), allow_duplicate=True
        )
    return {r.alias: r.id for r in field.caseload.rows()}


EXCEL_CONTACTS = (
    # As Excel saves "CSV (gescheiden door lijstscheidingsteken)" in Flanders: Windows-1252,
    # semicolons, cells holding a semicolon quoted.
    "Klant;Dossiernummer;Datum;Uur;Soort contact;Duur;Bereikt;Thema's;Verslag;Opmerking\n"
    ';CL-1;18/11/2026;10u30;huisbez.;45;ja;"werk; huisvesting";Samen naar de huurwaarborg '
    "gekeken.;Zus was er ook bij, in het café.\n"
    "Kapitein;;17/11/2026;14:00;tel;;nee;;Niet opgenomen.;\n"
    '"Kapitein; Yasmina El Amrani";;16/11/2026;;groepsactiviteit;2u;ja;tijdsbesteding;'
    "Kookatelier.;\n"
    "Rosa;;15/11/2026;;straat;20;ja;;;\n"
    "Onbekende;;15/11/2026;;straat;20;ja;;;\n"
    ";CL-2;31/11/2026;;helikopter;;;;;\n"
    ";CL-2;19/11/2026;;straatfeest;30;ja;;Straatfeest in de Brugse Poort.;\n"
    ";;;;;;;;;\n"
)


def test_a_contact_log_from_excel_csv(
    field: FieldServices, caseload: dict[str, str], tmp_path: Path
) -> None:
    f = csv_file(tmp_path / "contacten.csv", EXCEL_CONTACTS, encoding="cp1252")
    inspection = field.imports.inspect(f, Kind.CONTACTS)
    assert inspection.info.delimiter == ";" and inspection.info.encoding == "Windows-1252"
    columns = field.imports.value_columns(f, inspection.mapping)
    channel = next(c for c in columns if c.field == "channel")
    unknown = [u.raw for u in channel.values if u.code is None]
    assert unknown == ["helikopter", "straatfeest"]
    assert {u.raw: u.code for u in channel.values}["huisbez."] == "huisbezoek"
    report = field.imports.run(f, inspection.mapping, valid_only=True)
    assert sorted(problems(report)) == [
        (
            5,
            "Klant",
            "'Rosa' past bij 2 personen (Rosa, Rosa). Voeg een kolom met dossiernummer "
            "of geboortedatum toe.",
        ),
        (
            6,
            "Klant",
            "Geen persoon gevonden met alias of naam 'Onbekende'. Importeer eerst de "
            "personen, of kijk de schrijfwijze na.",
        ),
        (7, "Datum", "'31/11/2026' bestaat niet: die maand heeft geen 31 dagen."),
        (
            7,
            "Soort contact",
            "'helikopter' is geen bekende waarde voor kanaal. Koppel ze aan "
            "een waarde van de woordenlijst of voeg ze toe (stap Waarden).",
        ),
        (
            8,
            "Soort contact",
            "'straatfeest' is geen bekende waarde voor kanaal. Koppel ze aan "
            "een waarde van de woordenlijst of voeg ze toe (stap Waarden).",
        ),
    ]
    assert (report.created, report.skipped) == (3, 4)
    zoe = field.contacts.timeline(caseload["Zoë V."])
    assert len(zoe) == 1
    c = zoe[0]
    assert (c.occurred_at, c.channel, c.duration_min, c.status) == (
        datetime(2026, 11, 18, 10, 30),
        "huisbezoek",
        45,
        "bereikt",
    )
    assert c.life_domains == ("werk", "huisvesting")
    assert c.summary == "Samen naar de huurwaarborg gekeken."
    assert c.private_note == "Zus was er ook bij, in het café."  # a plain note is never shared
    group = field.contacts.timeline(caseload["Yasmina E."])[0]
    assert {p.person_id for p in group.people} == {caseload["Kapitein"], caseload["Yasmina E."]}
    assert group.duration_min == 120 and group.occurred_at.time().hour == 12  # no time: noon
    attempt = field.contacts.timeline(caseload["Kapitein"])
    assert [x.status for x in attempt] == ["niet_bereikt", "bereikt"]  # newest first
    rows = {r.alias: r for r in field.caseload.rows()}
    assert rows["Zoë V."].last_contact_at == "2026-11-18T10:30"  # the local indexes follow
    assert field.caseload.search("huurwaarborg")

    # The values step: "helikopter" is mapped to an existing channel, "straatfeest" added.
    m = (
        inspection.mapping.with_value("channel", "helikopter", "telefoon")
        .with_new_term("channels", NewTerm("straatfeest", "Straatfeest"))
        .with_value("channel", "straatfeest", "straatfeest")
    )
    report = field.imports.run(f, m, valid_only=True)
    assert (report.created, report.unchanged, report.skipped) == (1, 3, 3), problems(report)
    assert field.vocab["channels"].label("straatfeest") == "Straatfeest"
    saved = json.loads(_vocab_file(field, "channels").read_text())
    assert {"code": "straatfeest", "label": "Straatfeest"} in saved["items"]
    assert counts(field)["ContactMoment"] == 4  # nothing doubled


def _vocab_file(field: FieldServices, name: str) -> Path:
    data_dir = field.imports._data_dir
    assert data_dir is not None
    return data_dir / "vocabularies" / f"{name}.json"


def test_agreements_with_owners_and_due_dates(
    field: FieldServices, caseload: dict[str, str], tmp_path: Path
) -> None:
    field.social_map.create(importing_org("VDAB Gent"))
    f = xlsx(
        tmp_path / "afspraken.xlsx",
        [
            ["Cliënt", "Actie", "Wie", "Tegen", "Gedaan"],
            ["Zoë Vermeulen", "Cv meebrengen", "cliënt", "30/11/26", None],
            ["Kapitein", "Afspraak OCMW maken", "ik", datetime(2026, 11, 25), "ja"],
            ["Yasmina El Amrani", "Inschrijving bevestigen", "VDAB Gent", "05/12/2026", "x"],
            ["Kapitein", "Iets", "de buurvrouw", None, None],
        ],
    )
    report = run(field, f, Kind.AGREEMENTS, valid_only=True)
    assert [(r, c) for r, c, _ in problems(report)] == [(5, "Wie")]
    assert report.created == 3
    cv = field.contacts.agreements(caseload["Zoë V."])[0]
    assert (cv.owner_kind, cv.due_on, cv.done_on) == ("persoon", date(2026, 11, 30), None)
    ocmw = field.contacts.agreements(caseload["Kapitein"])[0]
    assert (ocmw.owner_kind, ocmw.done_on) == ("werker", date(2026, 11, 20))
    vdab = field.contacts.agreements(caseload["Yasmina E."])[0]
    assert (vdab.owner_kind, vdab.owner_name) == ("partner", "VDAB Gent")
    again = run(field, f, Kind.AGREEMENTS, valid_only=True)
    assert (again.created, again.unchanged) == (0, 3)


def importing_org(name: str) -> Any:
    from app.services.sharing import OrganisationInput

    return OrganisationInput(name, "vdab")


# --- all or nothing, cancel, failure -------------------------------------------------------------
def _many_contacts(tmp_path: Path, n: int) -> Path:
    lines = ["Dossiernummer;Datum;Kanaal;Verslag"]
    for i in range(n):
        lines.append(
            f"CL-{1 + i % 2};{1 + i % 28:02d}/10/2026 {8 + i % 10}:{i % 60:02d};tel;Gesprek {i}"
        )
    return csv_file(tmp_path / "veel.csv", "\n".join(lines) + "\n")


def test_a_cancelled_import_leaves_the_vault_and_vocabularies_as_they_were(
    field: FieldServices, caseload: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importing.service, "BATCH", 50)
    f = _many_contacts(tmp_path, 600)
    m = field.imports.inspect(f, Kind.CONTACTS).mapping.with_new_term(
        "channels", NewTerm("straatfeest", "Straatfeest")
    )
    before = counts(field)
    asked = [0]

    def stop() -> bool:
        asked[0] += 1
        return asked[0] >= 5  # after 500 rows: several batches were written already

    with pytest.raises(ImportCancelled) as err:
        field.imports.run(f, m, valid_only=False, should_stop=stop)
    assert err.value.message == "De import werd gestopt. Er werd niets veranderd."
    assert counts(field) == before
    assert not _vocab_file(field, "channels").exists()
    assert "straatfeest" not in field.vocab["channels"]


def test_a_failing_import_leaves_the_vault_as_it_was(
    field: FieldServices, caseload: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importing.service, "BATCH", 50)
    f = _many_contacts(tmp_path, 300)
    before = counts(field)
    real = field.context.records.create_many
    calls = [0]

    def failing(*args: Any, **kw: Any) -> None:
        calls[0] += 1
        if calls[0] == 7:  # the third batch: contacts and agreements of two were written
            raise OSError(28, "No space left on device")
        real(*args, **kw)

    monkeypatch.setattr(field.context.records, "create_many", failing)
    with pytest.raises(OSError):
        run(field, f, Kind.CONTACTS)
    assert calls[0] == 7
    assert counts(field) == before
    monkeypatch.setattr(field.context.records, "create_many", real)
    assert run(field, f, Kind.CONTACTS).created == 300


# --- imported records are ordinary records -------------------------------------------------------
def test_imported_records_are_revisions_like_any_other(
    field: FieldServices, caseload: dict[str, str], tmp_path: Path
) -> None:
    run(
        field,
        csv_file(tmp_path / "c.csv", EXCEL_CONTACTS, encoding="cp1252"),
        Kind.CONTACTS,
        valid_only=True,
    )
    with field.context.ctx.read() as s:
        for entry in s.scalars(select(OutboxEntry)):
            model = {"person": Person, "contact_moment": ContactMoment}.get(entry.record_type)
            fields, clocks = entry.payload["fields"], entry.payload["clocks"]
            assert entry.revision == revision_id(
                entry.record_type, entry.record_id, entry.parents, fields, clocks
            )
            if model is not None:
                row = s.get(model, entry.record_id)
                assert row is not None
                if row.revision == entry.revision:
                    assert row.payload() == fields and row.field_clocks == clocks
    zoe = caseload["Zoë V."]
    doc = field.rights.export_document(zoe)
    assert doc["person"]["external_id"] == "CL-1"
    assert [c["summary"] for c in doc["contacts"]] == ["Samen naar de huurwaarborg gekeken."]
    field.rights.erase(zoe, PASSPHRASE)
    assert zoe not in {r.id for r in field.caseload.rows()}
    assert not field.caseload.search("huurwaarborg")


def test_create_many_writes_what_create_writes(field: FieldServices) -> None:
    values: dict[str, Any] = {
        "alias": "Rosa",
        "first_met_on": "2026-01-01",
        "first_met_how": "mond_aan_mond",
    }
    records = field.context.records
    with field.context.ctx.transaction() as s:
        one = records.create(s, Person, values).id
        records.create_many(s, Person, [("11111111-1111-4111-8111-111111111111", values)])
    with field.context.ctx.read() as s:
        a, b = s.get(Person, one), s.get(Person, "11111111-1111-4111-8111-111111111111")
        assert a is not None and b is not None
        assert a.payload() == b.payload()
        assert a.clock("alias") < b.clock("alias")  # later stamps
        ea, eb = (
            s.scalars(select(OutboxEntry).where(OutboxEntry.record_id == i)).one()
            for i in (a.id, b.id)
        )
        assert ea.payload.keys() == eb.payload.keys()
        assert ea.payload["fields"] == eb.payload["fields"]
        assert (
            eb.revision
            == b.revision
            == revision_id("person", b.id, [], eb.payload["fields"], eb.payload["clocks"])
        )
    field.people.update(b.id, alias="Rosa B.")  # an imported record edits like any other
    assert field.people.get(b.id).alias == "Rosa B."


# --- templates -----------------------------------------------------------------------------------
@pytest.mark.parametrize("kind", list(Kind))
def test_templates_have_columns_an_example_and_drop_downs(
    field: FieldServices, places: None, tmp_path: Path, kind: Kind
) -> None:
    out = tmp_path / f"sjabloon-{kind}.xlsx"
    field.imports.write_template(kind, out)
    wb = openpyxl.load_workbook(out)
    data, lists, explained = wb.worksheets
    assert (lists.title, explained.title) == ("Keuzelijsten", "Uitleg")
    headers = [c.value for c in data[1]]
    assert all(isinstance(h, str) and h for h in headers)
    assert any(c.value for c in data[2])  # the example row
    validations = data.data_validations.dataValidation
    assert validations and all(v.formula1.startswith("='Keuzelijsten'!") for v in validations)
    listed = {c.value for col in lists.iter_cols() for c in col}
    if kind is Kind.CONTACTS:
        assert "Huisbezoek" in listed and "Bib Zuid" in listed
    # Left as it is, the example row is not imported.
    report = run(field, out, kind)
    assert (report.rows, report.created) == (0, 0)
    assert [p.message for p in report.problems] == [
        "De voorbeeldrij van het sjabloon werd overgeslagen."
    ]


def test_a_filled_in_template_imports(field: FieldServices, places: None, tmp_path: Path) -> None:
    out = tmp_path / "sjabloon.xlsx"
    field.imports.write_template(Kind.PEOPLE, out)
    wb = openpyxl.load_workbook(out)
    ws = wb.worksheets[0]
    headers = [str(c.value) for c in ws[1]]
    values: dict[str, Any] = {
        "Alias": "Fietser",
        "Voornaam": "Noor",
        "Familienaam": "Claes",
        "Geboortedatum": datetime(1999, 2, 3),
        "Telefoon": "0470 00 11 22",
        "Fase": "Oriëntering",
        "Eerste ontmoeting": datetime(2026, 9, 1),
        "Hoe ontmoet": "Op een vindplaats",
        "Vindplaats": "Bib Zuid",
        "Doelgroepen": "NEET-jongeren; Nieuwkomers / weinig Nederlands",
    }
    for col, header in enumerate(headers, start=1):
        ws.cell(row=3, column=col, value=values.get(header.rstrip(" *")))
    wb.save(out)
    report = run(field, out, Kind.PEOPLE)
    assert (report.created, report.skipped) == (1, 0), report.problems
    p = field.people.get(field.caseload.rows()[0].id)
    assert (p.alias, p.phase, p.target_groups) == ("Fietser", "orientering", ("neet", "nieuwkomer"))


def test_two_dossier_numbers_with_one_name_and_birth_date_are_a_possible_duplicate(
    field: FieldServices, tmp_path: Path
) -> None:
    f = csv_file(
        tmp_path / "dubbel.csv",
        "Dossiernr;Voornaam;Naam;Geboortedatum;Hoe ontmoet\n"
        "A-1;Jan;Peeters;01/02/1990;via via\n"
        "B-7;Jan;Peeters;01/02/1990;via via\n",
    )
    report = run(field, f, Kind.PEOPLE, valid_only=True)
    assert (report.created, report.skipped) == (1, 1)
    assert problems(report)[0][2].startswith(
        "Mogelijk dezelfde persoon als Jan P. (Jan Peeters) in rij 2 (zelfde naam en "
        "geboortedatum)."
    )
