"""A small hand-made vault whose every report figure is known in advance (see the expected
values in test_reports.py). Built through the services, as workers would enter it; 'today' is
20/11/2026 and the report covers 2026.

Workers An (this laptop's) and Bram; teams Noord and Zuid (the laptop is in both, as a
coordinator's). People (first met, how, worker, team):
  A  Ayla  01/02/2026 vindplaats (plein)      An    Noord  client 01/03, one step back, open
  B  Bert  10/03/2026 vindplaats (plein)      An    Noord  only a contact that did not reach
  C  Cleo  05/04/2026 referred by the OCMW     Bram  Noord  client 20/04, handover VDAB, closed
                                                           01/09 with a sustainable job
  D  Dani  01/05/2026 referred by VDAB Gent   Bram  Zuid   pseudonym, on a low flame
  E  Emre  01/06/2025 vindplaats (jeugdhuis)  An    Zuid   client 2025, nazorg, handover OCMW
                                                           without feedback, two ZRM measures
  F  Fien  10/01/2025 word of mouth           —     Noord  closed 01/12/2025 (before 2026)
  G  Gust  20/01/2026 word of mouth           An    Noord  client 01/02, ESF+ data, closed
                                                           01/10 to a training
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from app.domain.zrm import DomainScore
from app.models import RecordTeam, TeamState, Vindplaats, Worker
from app.services.contacts import ContactInput, Participant
from app.services.esf import EsfInput
from app.services.field import FieldServices
from app.services.follow_ups import FollowUpResult
from app.services.handovers import HandoverInput
from app.services.people import ClientDetails, PseudonymInput
from app.services.sharing import OrganisationInput
from app.services.signals import SignalInput
from app.services.situation import DrempelInput
from app.services.vindplaatsen import VindplaatsInput
from app.services.workers import WorkerProfile
from app.services.zrm import AssessmentInput, editions

TODAY = datetime(2026, 11, 20, 10, 30)
NOORD = "00000000-0000-4000-8000-00000000a0a0"
ZUID = "00000000-0000-4000-8000-00000000b0b0"


@dataclass(frozen=True)
class Ids:
    a: str
    b: str
    c: str
    d: str
    e: str
    f: str
    g: str
    vdab: str
    ocmw: str


def at(y: int, m: int, d: int, h: int = 10) -> datetime:
    return datetime(y, m, d, h, 0)


def build(field: FieldServices, clock_now: list[datetime]) -> Ids:
    """Fill `field`'s vault; `clock_now` is moved so that every entry is made 'on its day'
    (a phase change cannot lie in the future)."""
    clock_now[0] = TODAY
    assert field.report_settings.threshold() == 5
    an = field.workers.save_profile(WorkerProfile("An", "straathoekwerker")).id
    ctx, records = field.context.ctx, field.context.records
    with ctx.transaction() as s:
        bram = records.create(
            s, Worker, {"name": "Bram", "function": None, "organisation": None, "phone": None,
                        "email": None, "active": True, "legacy": False},
        ).id  # fmt: skip
        s.add(TeamState(team_id=NOORD, name="Noord", current_epoch=1, cursor=0))
        s.add(TeamState(team_id=ZUID, name="Zuid", current_epoch=1, cursor=0))
    workers = {"An": an, "Bram": bram}
    routes: dict[str, str] = {}
    plein = field.vindplaatsen.create(VindplaatsInput("Sint-Pietersplein", "plek"))
    jeugdhuis = field.vindplaatsen.create(VindplaatsInput("Jeugdhuis De Centrale", "organisatie"))
    vdab = field.social_map.create(OrganisationInput("VDAB Gent", "vdab"))
    ocmw = field.social_map.create(OrganisationInput("OCMW Gent", "ocmw"))

    def person(
        alias: str,
        met: date,
        how: str,
        worker: str | None,
        team: str,
        *,
        vindplaats: str | None = None,
        kind: str | None = None,
        org: str | None = None,
    ) -> str:
        pid = field.people.create_pseudonym(
            PseudonymInput(
                alias,
                met,
                how,
                vindplaats_id=vindplaats,
                worker_id=workers[worker] if worker else None,
                referral_kind=kind,
                referral_organisation_id=org,
            )
        )
        routes[pid] = NOORD if team == "Noord" else ZUID
        return pid

    t = field.trajectory
    a = person("Ayla", date(2026, 2, 1), "vindplaats", "An", "Noord", vindplaats=plein)
    b = person("Bert", date(2026, 3, 10), "vindplaats", "An", "Noord", vindplaats=plein)
    c = person("Cleo", date(2026, 4, 5), "doorverwijzing", "Bram", "Noord", kind="ocmw")
    d = person("Dani", date(2026, 5, 1), "doorverwijzing", "Bram", "Zuid", org=vdab)
    e = person("Emre", date(2025, 6, 1), "vindplaats", "An", "Zuid", vindplaats=jeugdhuis)
    f = person("Fien", date(2025, 1, 10), "mond_aan_mond", None, "Noord")
    g = person("Gust", date(2026, 1, 20), "mond_aan_mond", "An", "Noord")
    with ctx.transaction() as s:
        for pid, team in routes.items():
            s.add(RecordTeam(record_type="person", record_id=pid, team_id=team))

    up = field.people.upgrade_to_client
    up(a, ClientDetails("Ayla", "Peeters", date(2026, 3, 1), date_of_birth=date(1990, 1, 1)))
    up(c, ClientDetails("Cleo", "Maes", date(2026, 4, 20), date_of_birth=date(1965, 3, 1)))
    up(e, ClientDetails("Emre", "Kaya", date(2025, 7, 1)))
    up(f, ClientDetails("Fien", "Claes", date(2025, 2, 1)))
    up(g, ClientDetails("Gust", "Aerts", date(2026, 2, 1), date_of_birth=date(1999, 5, 1)))

    # trajectories
    t.change_phase(a, "kennismaking", date(2026, 3, 1), "Akkoord voor een dossier")
    t.change_phase(a, "contextvoorwaarden", date(2026, 5, 1), "Woning eerst")
    t.change_phase(a, "kennismaking", date(2026, 6, 1), "Terugval")
    t.change_phase(a, "orientering", date(2026, 7, 1), "Klaar voor werk")
    t.change_phase(c, "kennismaking", date(2026, 4, 20), "Dossier")
    t.change_phase(c, "overdracht", date(2026, 6, 1), "Naar VDAB")
    t.set_low_flame(d, date(2026, 6, 1), True, "Geen energie")
    t.change_phase(e, "kennismaking", date(2025, 7, 1), "Dossier")
    t.change_phase(e, "opvolging", date(2026, 1, 15), "Aan het werk")
    t.change_phase(f, "kennismaking", date(2025, 2, 1), "Dossier")
    t.close(f, date(2025, 12, 1), "niet_haalbaar")
    t.change_phase(g, "kennismaking", date(2026, 2, 1), "Dossier")
    field.esf.save(
        g,
        EsfInput(
            gender="vrouw",
            labour_status="langdurig_werkloos",
            education="isced_0_2",
            homeless="ja",
        ),
    )

    # contacts
    def contact(when: datetime, channel: str, people: list[str], status: str = "bereikt") -> None:
        field.contacts.create(
            ContactInput(
                occurred_at=when,
                channel=channel,
                people=tuple(Participant(p) for p in people),
                status=status,
                vindplaats_id=plein if channel == "vindplaats" else None,
                summary="Gesprek" if status == "bereikt" else "",
            )
        )

    contact(at(2026, 2, 1), "vindplaats", [a])
    contact(at(2026, 3, 10), "vindplaats", [b], "niet_bereikt")
    contact(at(2026, 4, 6), "telefoon", [c])
    contact(at(2026, 2, 10), "huisbezoek", [e])
    contact(at(2026, 3, 10), "telefoon", [e], "no_show")
    contact(at(2026, 5, 5), "groep", [a, g])
    contact(at(2025, 11, 1), "telefoon", [f])

    # handovers: C to VDAB (feedback on time), E to the OCMW (no feedback), A planned
    hc = field.handovers.create(
        HandoverInput(
            c, "vdab", vdab, planned_at=at(2026, 6, 10), expected_feedback_on=date(2026, 6, 24)
        )
    )
    he = field.handovers.create(
        HandoverInput(
            e, "ocmw", ocmw, planned_at=at(2026, 2, 1), expected_feedback_on=date(2026, 2, 15)
        )
    )
    field.handovers.create(
        HandoverInput(
            a, "vdab", vdab, planned_at=at(2026, 12, 5), expected_feedback_on=date(2026, 12, 19)
        )
    )
    field.handovers.mark_held(hc, date(2026, 6, 10))
    field.handovers.record_feedback(hc, date(2026, 6, 20), "Gestart bij een werkgever")
    field.handovers.mark_held(he, date(2026, 2, 1))

    t.close(c, date(2026, 9, 1), "job_nec")
    t.close(g, date(2026, 10, 1), "opleiding")

    # follow-ups of the handovers (3 months): C still working, E looking for work
    rows = {(r.person_id, r.anchor, r.months): r for r in _follow_ups(field, [c, e])}
    field.follow_ups.record(
        rows[(c, "overdracht", 3)].id, FollowUpResult("werkt_zelfde", date(2026, 9, 12))
    )
    field.follow_ups.record(
        rows[(e, "overdracht", 3)].id,
        FollowUpResult("zoekt_werk", date(2026, 5, 3), "Solliciteert"),
    )

    # ZRM: E twice (2025 and 2026), A once
    codes = editions()["2017"].codes()

    def zrm(pid: str, on: date, levels: dict[str, int]) -> None:
        scores = {code: DomainScore(code, levels.get(code, 2), None, "persoon") for code in codes}
        field.zrm.save(AssessmentInput(pid, on, "An", scores))

    zrm(e, date(2025, 8, 1), {"financien": 2, "huisvesting": 1})
    zrm(e, date(2026, 8, 1), {"financien": 4, "huisvesting": 3})
    zrm(a, date(2026, 5, 1), {})

    # drempels
    field.situation.add_drempel(e, DrempelInput("huisvesting", "actief"))
    field.situation.add_drempel(e, DrempelInput("financien", "opgelost"))
    field.situation.add_drempel(a, DrempelInput("huisvesting", "in_behandeling"))
    field.situation.add_drempel(f, DrempelInput("werk", "actief"))

    # signals
    field.signals.create(
        SignalInput(
            date(2026, 3, 1),
            "wachtlijst",
            "Wachtlijst voor budgetbegeleiding van drie maanden",
            organisation_id=ocmw,
            people_count=4,
            team="Noord",
        )
    )
    field.signals.create(
        SignalInput(
            date(2026, 7, 1),
            "wachtlijst",
            "Geen sociale woning onder de twee jaar",
            organisation_name="Huisvestingsmaatschappij",
            status="doorgegeven",
            team="Noord",
        )
    )
    field.signals.create(
        SignalInput(date(2025, 12, 1), "taal", "Geen tolk bij de intake", team="Zuid")
    )
    return Ids(a, b, c, d, e, f, g, vdab, ocmw)


def _follow_ups(field: FieldServices, people: list[str]) -> list:  # type: ignore[type-arg]
    out = []
    for pid in people:
        out += list(field.trajectory.view(pid).follow_ups)
    return out


def add_groups(field: FieldServices, ids: Ids) -> None:
    """Group work on top of the vault (its figures in test_reports.py):
    Jobclub (reeks, An, on the plein), Ayla, Bert and Gust enrolled from 01/09/2026:
      07/09 Ayla and Gust came, 2 came unregistered; 14/09 Ayla came (Bert did not);
      21/09 planned, nothing noted (not held)
    Kookatelier (groep, Bram), Cleo and Dani enrolled from 01/10/2026:
      05/10 no one enrolled came, 3 came unregistered; 12/10 Cleo came
    Jobclub in 2025: one session on 01/12/2025 where Ayla came (outside the period)."""
    from sqlalchemy import select

    from app.services.groups import Attendance, GroupInput

    with field.context.ctx.read() as s:
        bram = s.scalar(select(Worker.id).where(Worker.name == "Bram"))
        plein = s.scalar(select(Vindplaats.id).where(Vindplaats.name == "Sint-Pietersplein"))
    assert bram is not None and plein is not None
    g = field.groups
    job = g.create(GroupInput("Jobclub", "reeks", date(2025, 11, 1), vindplaats_id=plein))
    g.enrol(job, [ids.a, ids.b, ids.g], date(2025, 11, 1))
    cook = g.create(
        GroupInput("Kookatelier", "groep", date(2026, 10, 1), organiser_id=bram, place="Buurthuis")
    )
    g.enrol(cook, [ids.c, ids.d], date(2026, 10, 1))

    def session(group: str, when: datetime, came: list[str], unregistered: int = 0) -> None:
        sid = g.plan_session(group, when, 120)
        g.record_attendance(sid, Attendance(tuple(came), unregistered, "Samen gewerkt"))

    session(job, at(2025, 12, 1, 14), [ids.a])
    session(job, at(2026, 9, 7, 14), [ids.a, ids.g], 2)
    session(job, at(2026, 9, 14, 14), [ids.a])
    g.plan_session(job, at(2026, 9, 21, 14), 120)
    session(cook, at(2026, 10, 5, 14), [], 3)
    session(cook, at(2026, 10, 12, 14), [ids.c])
