"""The audit log as a PDF for the team and the DPO: who opened, printed, exported, handed on
or erased what, when, for one person or one period. Ids and event names only, never content;
built on the shared page template (header marking, numbered footer)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from app.documents.layout import (
    CONTENT_WIDTH,
    PageInfo,
    build,
    data_table,
    esc,
    fmt_date,
    kv_table,
    make_styles,
    new_document,
)

DOCUMENT_VERSION = "auditlog 1"


@dataclass(frozen=True)
class AuditExportData:
    generated_on: date
    since: date | None
    until: date | None
    person: str | None  # how the person is named in the export (alias), when filtered
    worker: str | None
    team: bool  # the whole team's entries (a coordinator) or one worker's own
    rows: tuple[tuple[str, str, str, str, str, str], ...]  # at, event, worker, device, what, detail


def _when(at: str) -> str:
    try:
        moment = datetime.fromisoformat(at).astimezone()
    except ValueError:
        return at
    return f"{moment:%d/%m/%Y %H.%M}"


RECORD_TYPES = {
    "person": "persoon",
    "contact_moment": "contact",
    "handover": "overdracht",
    "consent": "toestemming",
    "zrm_assessment": "ZRM",
    "worker": "medewerker",
    "group": "groep",
    "group_session": "sessie",
    "device": "toestel",
    "vindplaats": "vindplaats",
    "organisation": "partner",
}


def _short(what: str) -> str:
    """ "person 3f2a9c1e-…" as "persoon 3f2a9c1e…" (the CSV export has whole ids)."""
    kind, _, ident = what.rpartition(" ")
    short = ident[:8] + "…" if len(ident) > 9 else ident
    return f"{RECORD_TYPES.get(kind, kind)} {short}".strip()


def build_audit_export(data: AuditExportData, out: BinaryIO) -> None:
    st = make_styles(8.5)
    info = PageInfo("Auditlog", data.generated_on, DOCUMENT_VERSION)
    doc = new_document(out, info, subject="Auditlog")
    period = (
        f"{fmt_date(data.since) if data.since else 'begin'} – "
        f"{fmt_date(data.until) if data.until else 'vandaag'}"
    )
    story: list[object] = [
        Paragraph("Auditlog", st.title),
        Paragraph(
            "Wie wat opende, afdrukte, exporteerde, overdroeg of wiste, en wanneer. Alleen "
            "kenmerken en soorten gebeurtenissen, nooit inhoud.",
            st.body,
        ),
        Spacer(1, 3 * mm),
        kv_table(
            [
                ("Periode", period),
                ("Persoon", data.person or "alle personen"),
                ("Medewerker", data.worker or ("het hele team" if data.team else "uzelf")),
                ("Aantal gebeurtenissen", str(len(data.rows))),
            ],
            st,
        ),
        Spacer(1, 4 * mm),
    ]
    if data.rows:
        widths = [29 * mm, 42 * mm, 27 * mm, 15 * mm, 25 * mm]  # the time fits its column
        widths.append(CONTENT_WIDTH - sum(widths))
        story.append(
            data_table(
                ["Tijdstip", "Gebeurtenis", "Medewerker", "Toestel", "Gegeven", "Details"],
                [
                    [_when(at), event, worker[:18], device[:10], _short(what), detail]
                    for at, event, worker, device, what, detail in data.rows
                ],
                widths,
                st,
                long=True,
                # Short values drawn as they are: thousands of rows stay quick to lay out.
                plain_columns=frozenset({0, 2, 3, 4}),
            )
        )
    else:
        story.append(Paragraph(esc("Geen gebeurtenissen in deze selectie."), st.body))
    build(doc, story, info)
