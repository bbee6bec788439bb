"""The record of processing activities (GDPR art. 30(1)) from the organisation's own settings:
the controller and its DPO, purposes, categories of people and of data (special categories
marked), recipients (the partners on the sociale kaart, only with the person's consent; the
central store as processor, which sees ciphertext only), retention, security measures and the
store's location."""

from __future__ import annotations

import io
from pathlib import Path
from urllib.parse import urlsplit

from sqlalchemy import func, select

from app.documents.processing_record import (
    DataCategory,
    ProcessingRecordData,
    Recipient,
    build_processing_record,
)
from app.models import Organisation, Person, SyncConfig, Worker
from app.services.audit import AuditEvent
from app.services.base import FieldContext
from app.settings import (
    CONTROLLER_CONTACT,
    CONTROLLER_NAME,
    DPO_CONTACT,
    PROCESSING_PURPOSES,
    RETENTION_YEARS,
    SECURITY_MEASURES,
    STORE_LOCATION,
)

PEOPLE = (
    "Mensen die outreachwerkers ontmoeten en begeleiden, ook wie (nog) enkel onder een "
    "roepnaam gekend is",
    "Mensen uit hun netwerk (familie, vrienden, hulpverleners), voor zover nodig voor de "
    "begeleiding",
    "Contactpersonen bij partnerorganisaties (sociale kaart)",
    "Medewerkers van de organisatie (naam, functie, contactgegevens, auditlog)",
)

# What the app keeps, by category; the consent categories say what may be shared.
DATA = (
    (
        "Identificatie",
        "roepnaam, naam, geboortedatum, telefoon, rijksregisternummer (optioneel)",
        False,
    ),
    ("Contactmomenten", "datum, kanaal, plaats, samenvatting, persoonlijke nota, afspraken", False),
    ("Traject", "fasen, afsluiting met uitkomst, opvolging na 3, 12 en 24 maanden", False),
    (
        "Situatie en drempels",
        "per levensdomein: huisvesting, financiën, werk, taal, mobiliteit…",
        False,
    ),
    ("Gezondheid", "geestelijke en lichamelijke gezondheid, als drempel of ZRM-domein", True),
    ("Verslaving", "middelengebruik, als drempel of ZRM-domein", True),
    ("Justitie", "contact met justitie, als drempel of ZRM-domein", True),
    ("Zelfredzaamheidsmatrix", "scores per domein, doelen, afgelegde weg", False),
    ("Netwerk", "wie rond de persoon staat en wat die doet", False),
    ("Toestemmingen", "wat gedeeld mag worden, met wie, waarvoor, hoe en tot wanneer", False),
    ("Warme overdracht", "overdrachtsfiche, afspraken en terugkoppeling van de ontvanger", False),
    ("Groepswerk", "inschrijving en aanwezigheid bij groepssessies", False),
    ("Doelgroepen", "optionele labels (nooit afgedrukt op documenten voor derden)", False),
)

MEASURES = (
    "De gegevens staan versleuteld op elke laptop (SQLCipher, AES-256); de sleutel komt uit "
    "de wachtwoordzin (Argon2id) of een noodsleutel die enkel op papier bestaat.",
    "Vergrendeling op vraag, na inactiviteit en bij slaapstand; concepten, back-ups en "
    "exports die niet gevraagd werden, staan nooit onversleuteld op schijf.",
    "Synchronisatie end-to-end versleuteld (AES-256-GCM met een teamsleutel, via HPKE "
    "verdeeld): de centrale opslag ziet alleen versleutelde gegevens en routering.",
    "Een toestel komt pas in het team na goedkeuring door een coördinator, die eerst de "
    "veiligheidscode van het toestel vergelijkt; elk toestel vertrouwt alleen wat een "
    "coördinator van de organisatie ondertekende (een ledenlijst die het naar de sleutel van "
    "de organisatie nagaat), niet de centrale opslag. Een ingetrokken toestel wordt meteen "
    "geweigerd en de teamsleutel wordt vernieuwd.",
    "Delen gebeurt alleen binnen de toestemming van de persoon; wie daarvan afwijkt, geeft "
    "een reden en dat wordt gelogd. Persoonlijke nota's worden nooit gedeeld.",
    "Een auditlog houdt bij wie wat opende, afdrukte, exporteerde, overdroeg of wiste (zonder "
    "inhoud); coördinatoren zien het voor het team.",
    "Wissen (ook volgens de bewaartermijn) bereikt elk toestel en de centrale opslag; een "
    "gewist gegeven kan niet terugkomen.",
    "Discrete modus toont enkel roepnamen en initialen; rapporten naar buiten bevatten enkel "
    "cijfers, met kleine aantallen onderdrukt.",
)


class ProcessingRecordService:
    def __init__(self, fc: FieldContext) -> None:
        self._fc = fc

    def data(self) -> ProcessingRecordData:
        fc = self._fc
        values = fc.settings.values(
            [
                CONTROLLER_NAME,
                CONTROLLER_CONTACT,
                DPO_CONTACT,
                PROCESSING_PURPOSES,
                RETENTION_YEARS,
                SECURITY_MEASURES,
                STORE_LOCATION,
            ]
        )
        with fc.ctx.read() as s:
            partners = [
                Recipient(name, fc.vocab["organisation_types"].label(kind))
                for name, kind in s.execute(
                    select(Organisation.name, Organisation.type)
                    .where(Organisation.deleted.is_(False))
                    .order_by(Organisation.name)
                )
            ]
            cfg = s.scalars(select(SyncConfig)).first()
            store_host = urlsplit(cfg.server_url).hostname if cfg is not None else None
            people = int(
                s.scalar(select(func.count()).select_from(Person).where(Person.deleted.is_(False)))
                or 0
            )
            workers = int(
                s.scalar(select(func.count()).select_from(Worker).where(Worker.deleted.is_(False)))
                or 0
            )
        me = self._fc.ctx.device.worker_id
        with fc.ctx.read() as s:
            profile = s.get(Worker, me)
        years = int(values[RETENTION_YEARS.key])
        purposes = [
            p.strip() for p in str(values[PROCESSING_PURPOSES.key]).splitlines() if p.strip()
        ]
        extra = [m.strip() for m in str(values[SECURITY_MEASURES.key]).splitlines() if m.strip()]
        return ProcessingRecordData(
            generated_on=fc.today(),
            controller=str(values[CONTROLLER_NAME.key])
            or (profile.organisation if profile is not None and profile.organisation else ""),
            controller_contact=str(values[CONTROLLER_CONTACT.key]),
            dpo=str(values[DPO_CONTACT.key]),
            purposes=tuple(purposes),
            people=PEOPLE,
            data=tuple(DataCategory(name, what, sensitive) for name, what, sensitive in DATA),
            partners=tuple(partners),
            store=str(values[STORE_LOCATION.key]),
            store_host=store_host,
            retention_years=years,
            measures=MEASURES,
            extra_measures=tuple(extra),
            counts=(people, len(partners), workers),
        )

    def export(self, out: Path) -> ProcessingRecordData:
        """The record as a PDF, straight to `out` (must not exist); audited."""
        from app.fsutil import write_new_file

        data = self.data()
        buf = io.BytesIO()
        build_processing_record(data, buf)
        write_new_file(Path(out), buf.getvalue())
        self._fc.audit.record(AuditEvent.PROCESSING_RECORD_EXPORTED)
        return data


def _lines(text: object) -> list[str]:
    return [x.strip() for x in str(text).splitlines() if x.strip()]


__all__ = ["ProcessingRecordService"]
