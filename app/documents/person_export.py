"""A readable PDF of everything about one person, for an access request (GDPR art. 15/20).

Laid out from the JSON export document the rights service produces (format
"brugfiguur-person-export", version 1): a title page with a summary, then one section per key
with a Dutch heading. The person's own fields are a label/value table; every list is one table
with a header that repeats on each page, one row per record, the record's fields written out as
compact "label: value" lines. Unknown keys and fields fall back to their own name, so nothing in
the export is ever left out.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any, BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, PageBreak, Paragraph, Spacer

from app.documents.fonts import BOLD, REGULAR
from app.documents.layout import (
    CONTENT_WIDTH,
    DASH,
    INK,
    MUTED,
    CellParagraph,
    FieldLines,
    PageInfo,
    Run,
    Styles,
    build,
    data_table,
    esc,
    framed,
    heading,
    kv_table,
    make_styles,
    new_document,
)

DOCUMENT_TITLE = "Inzage in persoonsgegevens"
META_KEYS = ("format", "version", "exported_at")

SECTION_TITLES: dict[str, str] = {
    "person": "Persoonsgegevens",
    "trajectory": "Traject en fasen",
    "follow_ups": "Opvolging na het traject",
    "contacts": "Contactmomenten",
    "agreements": "Afspraken",
    "network": "Netwerk",
    "drempels": "Drempels per levensdomein",
    "work_readiness": "Werkrijpheid",
    "zrm_assessments": "Metingen zelfredzaamheid (ZRM)",
    "consents": "Toestemmingen",
    "handovers": "Overdrachten",
    "esf_participant": "ESF+-gegevens (deelnemer)",
}
FIELD_LABELS: dict[str, str] = {
    # follow-ups, referral, ESF+
    "anchor": "Na",
    "anchor_on": "Start",
    "referral_kind": "Doorverwezen door (soort)",
    "referral_organisation_id": "Doorverwezen door (partner)",
    "entry_on": "Start van de deelname",
    "gender": "Geslacht",
    "labour_status": "Situatie op de arbeidsmarkt bij de start",
    "education": "Opleidingsniveau",
    "disability": "Handicap",
    "third_country": "Onderdaan van een derde land",
    "foreign_background": "Buitenlandse herkomst",
    "minority": "Minderheid",
    "homeless": "Dakloos of uitgesloten van huisvesting",
    # shared
    "id": "Kenmerk",
    "created_at": "Aangemaakt",
    "updated_at": "Laatst gewijzigd",
    "person_id": "Persoon",
    "note": "Notitie",
    "status": "Status",
    "type": "Soort",
    "kind": "Soort",
    "name": "Naam",
    "phone": "Telefoon",
    "email": "E-mail",
    "since": "Sinds",
    "on": "Datum",
    "due_on": "Tegen",
    "done_on": "Gedaan op",
    "life_domains": "Levensdomeinen",
    "life_domain": "Levensdomein",
    "place": "Plaats",
    # person
    "alias": "Alias",
    "first_met_on": "Eerste ontmoeting",
    "first_met_how": "Hoe leerden we elkaar kennen",
    "first_met_vindplaats_id": "Vindplaats eerste ontmoeting",
    "referral_source": "Doorverwezen door",
    "is_client": "Cliënt",
    "client_since": "Cliënt sinds",
    "given_name": "Voornaam",
    "family_name": "Familienaam",
    "date_of_birth": "Geboortedatum",
    "national_number": "Rijksregisternummer",
    "languages": "Talen",
    "interpreter_needed": "Tolk nodig",
    "interpreter_language": "Taal van de tolk",
    "radar_status": "Status in de radar",
    "target_groups": "Doelgroepen",
    "worker_id": "Kenmerk van de outreachwerker",
    "worker_name": "Outreachwerker",
    "phase": "Fase",
    # contacts
    "occurred_at": "Datum en uur",
    "duration_min": "Duur (minuten)",
    "channel": "Kanaal",
    "vindplaats_id": "Vindplaats",
    "initiator": "Initiatief van",
    "summary": "Samenvatting",
    "private_note": "Persoonlijke notitie van de werker",
    "next_contact_at": "Volgend contact",
    "next_contact_note": "Notitie bij volgend contact",
    "people": "Deelname",
    "others": "Anderen aanwezig",
    "group_activity": "Groepsactiviteit",
    "group_size": "Aantal deelnemers",
    # agreements, trajectory, follow-ups
    "contact_id": "Contact",
    "description": "Omschrijving",
    "owner_kind": "Wie (soort)",
    "owner_name": "Wie",
    "reason": "Reden",
    "outcome": "Uitkomst",
    "months": "Maanden na het traject",
    "result": "Resultaat",
    # network, drempels, work readiness
    "relation": "Relatie",
    "organisation": "Organisatie",
    "contact_person": "Contactpersoon",
    "holds_file": "Heeft het dossier",
    "drempel": "Drempel",
    "item": "Item",
    "assessment": "Beoordeling",
    # ZRM
    "assessed_on": "Datum meting",
    "assessor": "Afgenomen door",
    "edition": "Editie",
    "scores": "Scores",
    "corrects_id": "Verbetert meting",
    "superseded": "Vervangen",
    "level": "Niveau",
    "not_scored_reason": "Reden geen score",
    "source": "Bron",
    "self_level": "Eigen score",
    "target_level": "Doel",
    "target_date": "Doeldatum",
    # consents
    "categories": "Categorieën",
    "organisation_ids": "Organisaties",
    "contact_ids": "Contactpersonen",
    "purposes": "Doelen",
    "given_how": "Hoe gegeven",
    "given_on": "Gegeven op",
    "valid_from": "Geldig vanaf",
    "valid_until": "Geldig tot",
    "withdrawn_on": "Ingetrokken op",
    # handovers
    "organisation_id": "Organisatie",
    "purpose": "Doel",
    "measure": "Maatregel",
    "why_now": "Waarom nu",
    "goals": "Doelen",
    "job_target": "Jobdoelwit",
    "strengths": "Sterktes",
    "practical": "Praktische aandachtspunten",
    "admin": "Administratieve situatie",
    "early_warning": "Signaalplan",
    "employer": "Werkgever",
    "planned_at": "Gepland op",
    "participants": "Deelnemers",
    "held_on": "Gehouden op",
    "expected_feedback_on": "Terugkoppeling verwacht",
    "feedback_received_on": "Terugkoppeling ontvangen",
    "feedback": "Terugkoppeling",
    "override_reason": "Reden uitzondering op de toestemming",
    "override_categories": "Categorieën van de uitzondering",
    "document_version": "Documentversie",
}
# The date that heads each record, first one present wins.
DATE_KEYS = (
    "occurred_at",
    "on",
    "assessed_on",
    "given_on",
    "planned_at",
    "due_on",
    "since",
    "created_at",
)
# Administrative fields printed last and muted in each record.
TRAILING_KEYS = ("id", "created_at", "updated_at")
LONG_VALUE = 40  # characters: longer values get a line of their own

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")


def build_person_export(doc: Mapping[str, Any], out: BinaryIO) -> None:
    """Write the readable export of `doc` (the JSON export document) as a PDF to `out`."""
    st = make_styles(9)
    exported = _to_datetime(doc.get("exported_at"))
    if exported is not None and exported.tzinfo is not None:
        exported = exported.astimezone()  # the worker's local time
    generated_on = exported.date() if exported else date.today()
    version = doc.get("version")
    info = PageInfo(
        DOCUMENT_TITLE, generated_on, f"exportversie {version}" if version is not None else None
    )
    pdf = new_document(out, info, subject="Alle gegevens over één persoon (AVG art. 15 en 20)")
    raw_person = doc.get("person")
    person: Mapping[str, Any] = raw_person if isinstance(raw_person, Mapping) else {}
    person_id = person.get("id")
    story: list[Any] = []
    _title_page(story, doc, person, exported, st)
    for key, value in doc.items():
        if key in META_KEYS:
            continue
        story.append(CondPageBreak(40 * mm))
        story.append(heading(SECTION_TITLES.get(key, key), st, keep_with_next=False))
        if isinstance(value, Mapping):
            story.append(_record_table(value, st))
        elif isinstance(value, list):
            story += _list_section(value, person_id, st)
        else:
            story.append(Paragraph(esc(fmt_value(value)), st.body))
    build(pdf, story, info)


# --- title page ---------------------------------------------------------------------------


def _title_page(
    story: list[Any],
    doc: Mapping[str, Any],
    person: Mapping[str, Any],
    exported: datetime | None,
    st: Styles,
) -> None:
    full = " ".join(str(person[k]) for k in ("given_name", "family_name") if person.get(k))
    alias = person.get("alias")
    who = full or (str(alias) if alias else "onbekend")
    if full and alias:
        who += f" (alias {alias})"
    story.append(Paragraph(DOCUMENT_TITLE, st.title))
    story.append(Paragraph(f"Alle gegevens over <b>{esc(who)}</b>", st.subtitle))
    story.append(Spacer(1, 4 * mm))
    story.append(
        framed(
            [
                Paragraph(
                    "Dit document bevat alle gegevens die in Brugfiguur over deze persoon bewaard "
                    "werden op het moment van de export. Het is opgemaakt voor een vraag om inzage "
                    "(AVG, artikel 15) of om overdraagbaarheid (artikel 20). Dezelfde gegevens "
                    "bestaan ook als machineleesbaar JSON-bestand. In de lijsten zijn lege velden "
                    "weggelaten.",
                    st.body,
                )
            ]
        )
    )
    story.append(Spacer(1, 4 * mm))
    story.append(
        kv_table(
            (
                ("Persoon", who),
                ("Kenmerk", str(person.get("id") or DASH)),
                ("Geëxporteerd op", fmt_datetime(exported) if exported else DASH),
                ("Formaat", f"{doc.get('format', DASH)}, versie {doc.get('version', DASH)}"),
            ),
            st,
            key_width=40 * mm,
        )
    )
    story.append(Spacer(1, 3 * mm))
    story.append(Paragraph("Inhoud", st.h3))
    rows = []
    for key, value in doc.items():
        if key in META_KEYS:
            continue
        if isinstance(value, list):
            count = f"{len(value)}" if value else "geen"
        elif isinstance(value, Mapping):
            count = f"{sum(1 for v in value.values() if v not in (None, '', [], {}))} velden"
        else:
            count = DASH
        rows.append([SECTION_TITLES.get(key, key), count])
    w = CONTENT_WIDTH
    story.append(data_table(("Onderdeel", "Aantal"), rows, (0.7 * w, 0.3 * w), st))
    story.append(PageBreak())


# --- sections -----------------------------------------------------------------------------


def _record_table(record: Mapping[str, Any], st: Styles) -> Any:
    keys = [k for k in record if k not in TRAILING_KEYS] + [k for k in TRAILING_KEYS if k in record]
    return kv_table(((label_for(k), fmt_value(record[k])) for k in keys), st, key_width=55 * mm)


def _list_section(records: Sequence[Any], person_id: Any, st: Styles) -> list[Any]:
    if not records:
        return [Paragraph("Geen gegevens.", st.cell_muted)]
    rows: list[list[Any]] = []
    for i, rec in enumerate(records, start=1):
        if not isinstance(rec, Mapping):
            rows.append([str(i), DASH, CellParagraph(esc(fmt_value(rec)), st.cell)])
            continue
        when_key = next((k for k in DATE_KEYS if rec.get(k)), None)
        when = fmt_value(rec[when_key]) if when_key else DASH
        rows.append([str(i), when, _record_cell(rec, when_key, person_id, st)])
    w = CONTENT_WIDTH
    return [
        data_table(
            ("Nr.", "Datum", "Gegevens"),
            rows,
            (0.09 * w, 0.17 * w, 0.74 * w),
            st,
            long=True,
            plain_columns=frozenset({0, 1}),
        )
    ]


def _record_cell(rec: Mapping[str, Any], when_key: str | None, person_id: Any, st: Styles) -> Any:
    """One record in a few lines: short fields run on, separated by dots; longer texts get a
    line of their own; the administrative fields come last, muted. Empty fields are left out
    (they are in the JSON export)."""
    short: list[tuple[str, str]] = []
    long: list[tuple[str, str]] = []
    for k, v in rec.items():
        if k in TRAILING_KEYS or k == when_key or v in (None, "", [], {}):
            continue
        if k == "person_id" and v == person_id:
            continue  # the person this whole document is about
        text = fmt_value(_without_self(v, person_id))
        (long if len(text) > LONG_VALUE or "\n" in text else short).append((label_for(k), text))
    blocks: list[list[Run]] = []
    if short:
        line: list[Run] = []
        for i, (label, text) in enumerate(short):
            sep = " ·" if i < len(short) - 1 else ""
            line += [(f"{label}:", BOLD, INK), (text + sep, REGULAR, INK)]
        blocks.append(line)
    for label, text in long:
        parts = text.split("\n")
        blocks.append([(f"{label}:", BOLD, INK), (parts[0], REGULAR, INK)])
        blocks += [[(p, REGULAR, INK)] for p in parts[1:]]
    trail = _trail(rec)
    if trail:
        blocks.append([(" · ".join(trail), REGULAR, MUTED)])
    if not blocks:
        blocks = [[(DASH, REGULAR, INK)]]
    return FieldLines(blocks, st.cell.fontSize, st.cell.leading)


def _trail(rec: Mapping[str, Any]) -> list[str]:
    """'kenmerk …', 'aangemaakt …', 'gewijzigd …' (left out when it is the same minute)."""
    made, changed = fmt_value(rec.get("created_at")), fmt_value(rec.get("updated_at"))
    out = []
    if "id" in rec:
        out.append(f"kenmerk {fmt_value(rec['id'])}")
    if "created_at" in rec:
        out.append(f"aangemaakt {made}")
    if "updated_at" in rec and changed != made:
        out.append(f"gewijzigd {changed}")
    return out


def _without_self(value: object, person_id: Any) -> object:
    """Drop `person_id: <this person>` from records nested in a field (e.g. a contact's list of
    participants): it is the person the whole document is about."""
    if isinstance(value, list):
        return [_without_self(v, person_id) for v in value]
    if isinstance(value, Mapping):
        return {k: v for k, v in value.items() if not (k == "person_id" and v == person_id)}
    return value


# --- values -------------------------------------------------------------------------------


def label_for(key: str) -> str:
    return FIELD_LABELS.get(key, key)


def fmt_datetime(dt: datetime) -> str:
    if dt.tzinfo is not None:
        dt = dt.astimezone()
    return f"{dt:%d/%m/%Y %H.%M}"


def _to_datetime(value: object) -> datetime | None:
    if isinstance(value, datetime):
        return value
    if isinstance(value, str) and _DATETIME.match(value):
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            return None
    return None


def fmt_value(value: object) -> str:
    """A JSON value as readable Dutch text."""
    if value is None or value == "" or value == [] or value == {}:
        return DASH
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, int | float):
        return str(value).replace(".", ",") if isinstance(value, float) else str(value)
    if isinstance(value, datetime):
        return fmt_datetime(value)
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, str):
        if _DATE.match(value):
            try:
                return date.fromisoformat(value).strftime("%d/%m/%Y")
            except ValueError:
                return value
        dt = _to_datetime(value)
        return fmt_datetime(dt) if dt else value
    if isinstance(value, Mapping):
        return "; ".join(f"{label_for(str(k))}: {_inner(v)}" for k, v in value.items())
    if isinstance(value, list | tuple):
        return ", ".join(_inner(v) if isinstance(v, Mapping) else fmt_value(v) for v in value)
    return json.dumps(value, ensure_ascii=False, default=str)


def _inner(value: object) -> str:
    if isinstance(value, Mapping):
        return (
            "(" + ", ".join(f"{label_for(str(k))}: {fmt_value(v)}" for k, v in value.items()) + ")"
        )
    return fmt_value(value)


__all__ = ["DOCUMENT_TITLE", "FIELD_LABELS", "SECTION_TITLES", "build_person_export", "fmt_value"]
