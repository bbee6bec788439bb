"""A vault whose team figures are known: An (this worker) and Bram, with their own people, on
Friday 20/11/2026 (shared by the service and the screen tests)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from app.domain.zrm import DomainScore
from app.models import FollowUp, Worker
from app.services.contacts import AgreementInput, ContactInput, Participant
from app.services.field import FieldServices
from app.services.handovers import HandoverInput
from app.services.people import ClientDetails, PseudonymInput
from app.services.sharing import ConsentInput, OrganisationInput
from app.services.vault import OpenVault
from app.services.workers import WorkerProfile
from app.services.zrm import AssessmentInput, editions

FRIDAY = date(2026, 11, 20)
MONDAY = date(2026, 11, 16)


@dataclass
class Known:
    me: str
    bram: str
    zoe: str  # An's client, contact planned Thursday 14:00, triogesprek Wednesday
    yusuf: str  # Bram's pseudonym, contact planned today 15:00, an overdue to-do
    mira: str  # An's, closed, a follow-up due Tuesday
    lina: str  # An's client, ZRM due Thursday, consent expiring Saturday


def _contact(field: FieldServices, pid: str, on: datetime, nxt: datetime | None) -> str:
    return field.contacts.create(
        ContactInput(
            occurred_at=on, channel="telefoon", people=(Participant(pid),), next_contact_at=nxt
        )
    )


def seed_team(field: FieldServices, vault: OpenVault) -> Known:
    me = field.workers.save_profile(WorkerProfile("An Claes", "straathoekwerker")).id
    with vault.context.transaction() as s:
        bram = field.context.records.create(
            s, Worker, {"name": "Bram Peeters", "active": True, "legacy": False}
        ).id

    def person(alias: str, worker: str | None = None, client: str | None = None) -> str:
        pid = field.people.create_pseudonym(
            PseudonymInput(alias, date(2026, 3, 2), "mond_aan_mond", worker_id=worker)
        )
        if client:
            given, family = client.split()
            field.people.upgrade_to_client(pid, ClientDetails(given, family, date(2026, 4, 1)))
        return pid

    zoe = person("Zoë", client="Zoë Vermeulen")
    yusuf = person("Yusuf", bram)
    mira = person("Mira")
    lina = person("Lina", client="Lina Dewulf")
    _contact(field, zoe, datetime(2026, 11, 12, 10, 0), datetime(2026, 11, 19, 14, 0))
    _contact(field, yusuf, datetime(2026, 11, 13, 11, 0), datetime(2026, 11, 20, 15, 0))
    field.contacts.create(
        ContactInput(
            occurred_at=datetime(2026, 11, 2, 9, 0),
            channel="telefoon",
            people=(Participant(yusuf),),
            agreements=(AgreementInput("Attest OCMW halen", "werker", due_on=date(2026, 11, 10)),),
        )
    )
    field.contacts.create(
        ContactInput(
            occurred_at=datetime(2026, 11, 5, 9, 0),
            channel="telefoon",
            people=(Participant(zoe),),
            agreements=(AgreementInput("Cv nalezen", "werker", due_on=FRIDAY),),
        )
    )
    vdab = field.social_map.create(OrganisationInput("VDAB Gent", "vdab"))
    field.handovers.create(
        HandoverInput(zoe, "vdab", vdab, planned_at=datetime(2026, 11, 18, 10, 0))
    )
    with vault.context.transaction() as s:
        field.context.records.create(
            s, FollowUp, {"person_id": mira, "months": 3, "due_on": "2026-11-17"}
        )
    scores = {c: DomainScore(c, 3, None, "persoon") for c in editions()["2017"].codes()}
    field.zrm.save(AssessmentInput(lina, date(2026, 8, 19), "An", scores))  # due 19/11
    field.consents.record(
        ConsentInput(
            lina,
            ("persoonsgegevens",),
            ("warme_overdracht",),
            "mondeling",
            date(2026, 5, 1),
            organisation_ids=(vdab,),
            valid_until=date(2026, 11, 21),
        )
    )
    return Known(me, bram, zoe, yusuf, mira, lina)
