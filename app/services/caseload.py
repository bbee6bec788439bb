"""Read models for the screens: the caseload list, search, Vandaag and the person file."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import NotFound
from app.models import Agreement, FollowUp, Person
from app.services import search
from app.services.base import FieldContext, from_iso
from app.services.contacts import AgreementRow, ContactRow, ContactService, agreement_row
from app.services.people import PersonDetail, detail
from app.services.situation import DrempelRow, NetworkRow, SituationService, WorkReadinessRow
from app.services.trajectory import FollowUpRow, TrajectoryService, TrajectoryView, follow_up_row
from app.services.zrm import ReassessmentDue, ZrmService

STALE_WEEKS_SETTING = "stale_after_weeks"
DEFAULT_STALE_WEEKS = 4


@dataclass(frozen=True)
class CaseloadRow:
    id: str
    alias: str
    given_name: str | None
    family_name: str | None
    is_client: bool
    phase: str | None
    low_flame: bool
    closed: bool
    assigned_worker: str | None
    team: str | None
    target_groups: tuple[str, ...]
    last_contact_at: str | None
    next_contact_at: str | None

    @property
    def full_name(self) -> str | None:
        if not self.is_client:
            return None
        return " ".join(p for p in (self.given_name, self.family_name) if p) or None

    @property
    def initials(self) -> str:
        if self.is_client and self.given_name and self.family_name:
            return f"{self.given_name[0]}.{self.family_name[0]}."
        return self.alias[:1].upper() + "."

    @property
    def status(self) -> str:
        """actief | lager_pitje | nazorg | afgesloten"""
        if self.closed:
            return "afgesloten"
        if self.low_flame:
            return "lager_pitje"
        if self.phase == "opvolging":
            return "nazorg"
        return "actief"


@dataclass(frozen=True)
class PlannedContact:
    person_id: str
    alias: str
    full_name: str | None
    at: datetime


@dataclass(frozen=True)
class StalePerson:
    person_id: str
    alias: str
    full_name: str | None
    last_contact_at: datetime | None
    weeks: int | None


@dataclass(frozen=True)
class TodayOverview:
    today: date
    planned: tuple[PlannedContact, ...]
    todos_due: tuple[AgreementRow, ...]
    todos_overdue: tuple[AgreementRow, ...]
    follow_ups_due: tuple[FollowUpRow, ...]
    not_contacted: tuple[StalePerson, ...]
    stale_weeks: int
    names: dict[str, tuple[str, str | None]]  # person id -> (alias, full name)
    reassessments_due: tuple[ReassessmentDue, ...] = ()


@dataclass(frozen=True)
class PersonFile:
    person: PersonDetail
    contacts: tuple[ContactRow, ...]
    trajectory: TrajectoryView
    network: tuple[NetworkRow, ...]
    drempels: tuple[DrempelRow, ...]
    work_readiness: tuple[WorkReadinessRow, ...]
    agreements: tuple[AgreementRow, ...]


def _row(p: Person) -> CaseloadRow:
    return CaseloadRow(
        p.id,
        p.alias,
        p.given_name,
        p.family_name,
        p.is_client,
        p.phase,
        p.low_flame,
        p.closed,
        p.assigned_worker,
        p.team,
        tuple(p.target_groups),
        p.last_contact_at,
        p.next_contact_at,
    )


def _name(p: Person) -> str | None:
    if not p.is_client:
        return None
    return " ".join(x for x in (p.given_name, p.family_name) if x) or None


class CaseloadService:
    def __init__(self, fc: FieldContext) -> None:
        self._fc = fc

    def rows(self) -> list[CaseloadRow]:
        with self._fc.ctx.read() as s:
            people = s.scalars(
                select(Person).where(Person.deleted.is_(False)).order_by(Person.alias)
            )
            return [_row(p) for p in people]

    def search(self, text: str) -> list[str]:
        """Ids of people whose names, alias or notes match; accent-insensitive, prefix per word."""
        with self._fc.ctx.read() as s:
            return search.matching_people(s, text)

    def stale_weeks(self) -> int:
        from app.models import Setting

        with self._fc.ctx.read() as s:
            row = s.get(Setting, STALE_WEEKS_SETTING)
        try:
            return int(row.value) if row is not None else DEFAULT_STALE_WEEKS
        except ValueError:
            return DEFAULT_STALE_WEEKS

    def today(self, stale_weeks: int | None = None) -> TodayOverview:
        fc = self._fc
        today = fc.today()
        weeks = stale_weeks or self.stale_weeks()
        with fc.ctx.read() as s:
            names: dict[str, tuple[str, str | None]] = {}

            def remember(p: Person) -> None:
                names[p.id] = (p.alias, _name(p))

            start, end = today.isoformat(), (today + timedelta(days=1)).isoformat()
            planned = []
            for p in s.scalars(
                select(Person)
                .where(
                    Person.deleted.is_(False),
                    Person.next_contact_at >= start,
                    Person.next_contact_at < end,
                )
                .order_by(Person.next_contact_at)
            ):
                remember(p)
                assert p.next_contact_at is not None
                planned.append(
                    PlannedContact(
                        p.id, p.alias, _name(p), datetime.fromisoformat(p.next_contact_at)
                    )
                )
            todos = [
                agreement_row(a)
                for a in s.scalars(
                    select(Agreement)
                    .where(
                        Agreement.deleted.is_(False),
                        Agreement.done_on.is_(None),
                        Agreement.due_on.is_not(None),
                        Agreement.due_on <= today.isoformat(),
                    )
                    .order_by(Agreement.due_on)
                )
            ]
            follow = [
                follow_up_row(f)
                for f in s.scalars(
                    select(FollowUp)
                    .where(
                        FollowUp.deleted.is_(False),
                        FollowUp.done_on.is_(None),
                        FollowUp.due_on <= (today + timedelta(days=7)).isoformat(),
                    )
                    .order_by(FollowUp.due_on)
                )
            ]
            cutoff = (today - timedelta(weeks=weeks)).isoformat()
            stale = []
            for p in s.scalars(
                select(Person)
                .where(
                    Person.deleted.is_(False),
                    Person.closed.is_(False),
                    Person.low_flame.is_(False),
                    (Person.last_contact_at.is_(None) & (Person.first_met_on < cutoff))
                    | (Person.last_contact_at < cutoff),
                )
                .order_by(Person.last_contact_at)
            ):
                remember(p)
                last = datetime.fromisoformat(p.last_contact_at) if p.last_contact_at else None
                w = (today - last.date()).days // 7 if last else None
                stale.append(StalePerson(p.id, p.alias, _name(p), last, w))
            zrm_due = ZrmService(fc).reassessments_due(today)
            wanted = {a.person_id for a in todos if a.person_id} | {f.person_id for f in follow}
            for pid in wanted | {r.person_id for r in zrm_due}:
                if pid not in names:
                    p2 = s.get(Person, pid)
                    if p2 is not None:
                        remember(p2)
        return TodayOverview(
            today=today,
            planned=tuple(planned),
            todos_due=tuple(a for a in todos if a.due_on == today),
            todos_overdue=tuple(a for a in todos if a.due_on is not None and a.due_on < today),
            follow_ups_due=tuple(follow),
            not_contacted=tuple(stale),
            stale_weeks=weeks,
            names=names,
            reassessments_due=tuple(zrm_due),
        )

    def open_file(self, person_id: str, contact_limit: int | None = None) -> PersonFile:
        """Everything the person file shows; audited as an opening of the file."""
        fc = self._fc
        with fc.ctx.read() as s:
            p = self._person(s, person_id)
            person = detail(p)
        contacts = ContactService(fc)
        situation = SituationService(fc)
        result = PersonFile(
            person=person,
            contacts=tuple(contacts.timeline(person_id, contact_limit)),
            trajectory=TrajectoryService(fc).view(person_id),
            network=tuple(situation.network(person_id)),
            drempels=tuple(situation.drempels(person_id)),
            work_readiness=tuple(situation.work_readiness(person_id)),
            agreements=tuple(contacts.agreements(person_id)),
        )
        fc.audit.record("person_opened", record_type="person", record_id=person_id)
        return result

    def _person(self, s: Session, person_id: str) -> Person:
        p = self._fc.records.live(s, Person, person_id)
        if p is None:
            raise NotFound("Deze persoon")
        return p


__all__ = ["CaseloadRow", "CaseloadService", "PersonFile", "TodayOverview", "from_iso"]
