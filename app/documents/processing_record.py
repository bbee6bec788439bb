"""The record of processing activities (GDPR art. 30(1)) as a PDF, on the shared page template.

Built from plain data (`app.services.processing`): the controller and its DPO, the purposes,
the categories of people and of personal data (special categories of art. 9 and data about
convictions of art. 10 marked), the recipients, transfers, retention and security measures."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, ListFlowable, ListItem, Paragraph, Spacer

from app.documents.layout import (
    CONTENT_WIDTH,
    PageInfo,
    build,
    data_table,
    esc,
    fmt_date,
    framed,
    heading,
    kv_table,
    make_styles,
    new_document,
)

DOCUMENT_VERSION = "register 1"
MISSING = "nog in te vullen (Instellingen, De organisatie)"


@dataclass(frozen=True)
class DataCategory:
    name: str
    what: str
    sensitive: bool  # art. 9 (health) or art. 10 (justice)


@dataclass(frozen=True)
class Recipient:
    name: str
    kind: str


@dataclass(frozen=True)
class ProcessingRecordData:
    generated_on: date
    controller: str
    controller_contact: str
    dpo: str
    purposes: tuple[str, ...]
    people: tuple[str, ...]
    data: tuple[DataCategory, ...]
    partners: tuple[Recipient, ...]
    store: str  # where the central store runs (the organisation says)
    store_host: str | None  # the address this device syncs with, if any
    retention_years: int
    measures: tuple[str, ...]
    extra_measures: tuple[str, ...]
    counts: tuple[int, int, int]  # people, partners, workers on this device today


def _bullets(items: tuple[str, ...], st: object) -> ListFlowable:
    return ListFlowable(
        [ListItem(Paragraph(esc(x), st.body), leftIndent=10) for x in items],  # type: ignore[attr-defined]
        bulletType="bullet",
        start="•",
        leftIndent=10,
    )


def build_processing_record(data: ProcessingRecordData, out: BinaryIO) -> None:
    st = make_styles(9.5)
    info = PageInfo("Register van verwerkingsactiviteiten", data.generated_on, DOCUMENT_VERSION)
    doc = new_document(out, info, subject="AVG artikel 30")
    people, partners, workers = data.counts
    story: list[object] = [
        Paragraph("Register van verwerkingsactiviteiten", st.title),
        Paragraph(
            "Outreach en trajectbegeleiding met Brugfiguur (AVG, artikel 30, lid 1). "
            f"Opgemaakt op {fmt_date(data.generated_on)} uit de instellingen van de organisatie.",
            st.subtitle,
        ),
        heading("1. Verwerkingsverantwoordelijke", st),
        kv_table(
            [
                ("Organisatie", data.controller or MISSING),
                ("Adres en contact", data.controller_contact or MISSING),
                ("Functionaris voor gegevensbescherming", data.dpo or MISSING),
            ],
            st,
        ),
        heading("2. Doeleinden", st),
        _bullets(data.purposes or (MISSING,), st),
        Paragraph(
            "Rechtsgrond: de opdracht van algemeen belang of de subsidieovereenkomst van de "
            "organisatie (art. 6.1.e) en, voor het delen met partners, de uitdrukkelijke "
            "toestemming van de persoon (art. 6.1.a en 9.2.a).",
            st.small,
        ),
        heading("3. Categorieën van betrokkenen", st),
        _bullets(data.people, st),
        heading("4. Categorieën van persoonsgegevens", st),
        Paragraph(
            "Gevoelige gegevens (bijzondere categorieën, art. 9, en justitiële gegevens, art. 10) "
            "zijn gemarkeerd; ze worden nooit gedeeld zonder uitdrukkelijke toestemming.",
            st.small,
        ),
        data_table(
            ["Categorie", "Wat", "Gevoelig"],
            [[c.name, c.what, "JA — art. 9/10" if c.sensitive else "nee"] for c in data.data],
            [46 * mm, CONTENT_WIDTH - 76 * mm, 30 * mm],
            st,
        ),
        heading("5. Ontvangers", st),
        Paragraph(
            "Partners van de sociale kaart ontvangen alleen wat de persoon toestond, per "
            "organisatie en doel (overdrachtsfiche, samenvatting voor Mijn Loopbaan).",
            st.body,
        ),
    ]
    if data.partners:
        story.append(
            data_table(
                ["Partner", "Soort"],
                [[p.name, p.kind] for p in data.partners],
                [CONTENT_WIDTH - 50 * mm, 50 * mm],
                st,
            )
        )
    else:
        story.append(Paragraph(esc("Nog geen partners op de sociale kaart."), st.body))
    store = data.store or MISSING
    if data.store_host:
        store += f" (adres: {data.store_host})"
    story += [
        Spacer(1, 2 * mm),
        kv_table(
            [
                (
                    "Centrale opslag (verwerker)",
                    "bewaart de gesynchroniseerde gegevens versleuteld; kan ze niet lezen",
                ),
                ("Locatie van de centrale opslag", store),
                (
                    "Doorgifte buiten de EER",
                    "geen, zolang de centrale opslag in de EER staat",
                ),
            ],
            st,
        ),
        heading("6. Bewaartermijn", st),
        Paragraph(
            f"Een afgesloten dossier wordt {data.retention_years} jaar na de afsluiting gewist. "
            "Een coördinator ziet welke dossiers aan de beurt zijn en bevestigt; het wissen "
            "bereikt elk toestel en de centrale opslag. Elke beslissing staat in de auditlog. "
            "Een roepnaam zonder dossier en lopende dossiers blijven zolang de begeleiding loopt.",
            st.body,
        ),
        heading("7. Beveiligingsmaatregelen", st),
        _bullets(data.measures + data.extra_measures, st),
        Spacer(1, 4 * mm),
        KeepTogether(
            framed(
                [
                    Paragraph(
                        esc(
                            f"Op dit toestel vandaag: {people} personen, {partners} partners, "
                            f"{workers} medewerkers."
                        ),
                        st.small,
                    )
                ]
            )
        ),
    ]
    build(doc, story, info)
