"""Fixtures shared by the consent, handover and document tests."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from app.domain.zrm import DomainScore
from app.services.contacts import AgreementInput, ContactInput, Participant
from app.services.field import FieldServices
from app.services.handovers import HandoverInput
from app.services.people import ClientDetails, PseudonymInput
from app.services.sharing import OrganisationInput
from app.services.situation import DrempelInput, NetworkInput
from app.services.workers import WorkerProfile
from app.services.zrm import AssessmentInput, editions
from tests.conftest import CANARY

PRIVATE = "PRIVE-" + CANARY
HEALTH = "GEZONDHEID-" + CANARY
WHY = "WAAROM-" + CANARY


@pytest.fixture
def sharing(field: FieldServices) -> dict[str, str]:
    field.workers.save_profile(
        WorkerProfile(
            "Jonas De Smet",
            "straathoekwerker",
            "Outreach Gent-Zuid",
            "0489 65 43 21",
            "jonas.desmet@outreach-gent.be",
        )
    )
    vdab = field.social_map.create(OrganisationInput("VDAB Gent", "vdab", measures=("ibo", "bvs")))
    lies = field.social_map.add_contact(vdab, "Lies Peeters", "trajectbegeleider")
    ocmw = field.social_map.create(OrganisationInput("OCMW Gent", "ocmw"))
    pid = field.people.create_pseudonym(PseudonymInput("Zoë", date(2026, 1, 5), "mond_aan_mond"))
    field.people.upgrade_to_client(pid, ClientDetails("Zoë", "Vermeulen", date(2026, 2, 1)))
    field.contacts.create(
        ContactInput(
            occurred_at=datetime(2026, 11, 18, 10, 0),
            channel="telefoon",
            people=(Participant(pid),),
            summary="Klaar voor een opleiding",
            private_note=PRIVATE,
            agreements=(AgreementInput("Cv meebrengen", "persoon", due_on=date(2026, 11, 30)),),
        )
    )
    field.situation.add_drempel(pid, DrempelInput("huisvesting", "actief", "geen_woning"))
    field.situation.add_drempel(
        pid, DrempelInput("geestelijke_gezondheid", "in_behandeling", "psychisch", note=HEALTH)
    )
    field.situation.add_network_member(
        pid, NetworkInput("professioneel", "ggz", "Dr. X", life_domains=("geestelijke_gezondheid",))
    )
    field.situation.add_network_member(pid, NetworkInput("informeel", "familie", "Mama"))
    scores = {c: DomainScore(c, 3, None, "persoon") for c in editions()["2017"].codes()}
    field.zrm.save(AssessmentInput(pid, date(2026, 10, 1), "An", scores))
    h = field.handovers.create(
        HandoverInput(
            pid,
            "vdab",
            vdab,
            contact_id=lies,
            measure="ibo",
            why_now=WHY,
            job_target="Magazijnier",
            practical={"kinderopvang": "Opvang tot 17 uur"},
            planned_at=datetime(2026, 11, 25, 14, 0),
            place="VDAB Gent, Kortrijksesteenweg",
            expected_feedback_on=date(2026, 12, 9),
        )
    )
    return {"vdab": vdab, "lies": lies, "ocmw": ocmw, "pid": pid, "h": h}
