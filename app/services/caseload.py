"""Read models for the screens: the caseload list, search, Vandaag and the person file."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import NotFound
from app.models import Agreement, FollowUp, Person, RecordTeam, SyncConfig, TeamState, Worker
from app.services import search
from app.services.agenda import mine_ids
from app.services.audit import AuditEvent
from app.services.base import FieldContext, from_iso
from app.services.contacts import AgreementRow, ContactRow, ContactService, agreement_row
from app.services.people import PersonDetail, detail
from app.services.search import NameIndex, SearchHit
from app.services.situation import DrempelRow, NetworkRow, SituationService, WorkReadinessRow
from app.services.trajectory import FollowUpRow, TrajectoryService, TrajectoryView, follow_up_row
from app.services.transfers import TransferRow, TransferService
from app.services.zrm import ReassessmentDue, ZrmService
from app.settings import STALE_AFTER_WEEKS

DEFAULT_STALE_WEEKS = STALE_AFTER_WEEKS.default


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
    worker_id: str | None
    worker_name: str | None
    team_name: str | None  # the sync team the person is shared with (None when not syncing)
    target_groups: tuple[str, ...]
    last_contact_at: str | None
    next_contact_at: str | None
    birth_year: int | None = None  # tells two people with the same alias apart
    note: str | None = None  # for search: a match in the note ranks below one in the name

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
    worker_id: str | None = None  # whose day: a worker's, or None for the whole team
    handed_to_me: tuple[TransferRow, ...] = ()  # people recently handed to this worker
    person_workers: dict[str, str] = field(default_factory=dict)  # person id -> worker name
    worker_names: dict[str, str] = field(default_factory=dict)  # worker id -> name
    # The people this day is about (their consents, handovers): None for the whole team.
    people: frozenset[str] | None = None


@dataclass(frozen=True)
class Glance:
    """Where a person stands, for the top of their file."""

    today: date
    phase: str | None
    phase_since: date | None
    low_flame: bool
    closed: bool
    next_contact_at: str | None
    open_agreements: tuple[AgreementRow, ...]  # soonest due first
    active_drempels: tuple[str, ...]  # life domains with an active or worked-on drempel
    zrm_on: date | None  # the latest assessment
    zrm_mean: float | None
    zrm_previous_on: date | None
    zrm_change: float | None  # mean now minus mean at the previous assessment
    zrm_better: int  # domains scored higher than at the previous assessment
    zrm_worse: int
    consents_valid: int
    consent_until: date | None  # the first valid consent to end
    consent_lapsed: bool  # had consent, none valid now
    first_met_on: date
    first_met_how: str
    first_vindplaats: str | None  # its name
    worker: str | None

    @property
    def days_in_phase(self) -> int | None:
        return (self.today - self.phase_since).days if self.phase_since else None

    @property
    def overdue_agreements(self) -> int:
        return sum(1 for a in self.open_agreements if a.due_on and a.due_on < self.today)


@dataclass(frozen=True)
class PersonFile:
    person: PersonDetail
    contacts: tuple[ContactRow, ...]
    trajectory: TrajectoryView
    network: tuple[NetworkRow, ...]
    drempels: tuple[DrempelRow, ...]
    work_readiness: tuple[WorkReadinessRow, ...]
    agreements: tuple[AgreementRow, ...]
    worker_name: str | None = None  # who follows the person
    glance: Glance | None = None
    # Who followed the person when: (worker name, since, until or None, handover note).
    followed_by: tuple[tuple[str, date, date | None, str], ...] = ()


def _caseload_rows(s: Session) -> list[CaseloadRow]:
    """Only the columns the list needs, without loading whole records (fast for 5,000)."""
    q = (
        select(
            Person.id,
            Person.alias,
            Person.given_name,
            Person.family_name,
            Person.is_client,
            Person.phase,
            Person.low_flame,
            Person.closed,
            Person.worker_id,
            Worker.name,
            RecordTeam.team_id,
            Person.target_groups,
            Person.last_contact_at,
            Person.next_contact_at,
            Person.date_of_birth,
            Person.note,
        )
        .outerjoin(Worker, Worker.id == Person.worker_id)
        .outerjoin(
            RecordTeam,
            (RecordTeam.record_type == Person.__record_type__)
            & (RecordTeam.record_id == Person.id),
        )
        .where(Person.deleted.is_(False))
        .order_by(Person.alias)
    )
    teams = dict(s.execute(select(TeamState.team_id, TeamState.name)).all())
    home = s.scalar(select(SyncConfig.home_team_id))
    return [
        CaseloadRow(
            r[0],
            r[1],
            r[2],
            r[3],
            r[4],
            r[5],
            r[6],
            r[7],
            r[8],
            r[9],
            teams.get(r[10] or home or ""),
            tuple(r[11]),
            r[12],
            r[13],
            int(r[14][:4]) if r[14] else None,
            r[15],
        )
        for r in s.execute(q)
    ]


def _name(p: Person) -> str | None:
    if not p.is_client:
        return None
    return " ".join(x for x in (p.given_name, p.family_name) if x) or None


class CaseloadService:
    def __init__(self, fc: FieldContext) -> None:
        self._fc = fc

    def rows(self) -> list[CaseloadRow]:
        with self._fc.ctx.read() as s:
            return _caseload_rows(s)

    def search(self, text: str) -> list[str]:
        """Ids of people whose names, alias or notes match; accent-insensitive, prefix per word."""
        with self._fc.ctx.read() as s:
            return search.matching_people(s, text)

    def search_ranked(
        self, text: str, *, names_only: bool = False, index: NameIndex | None = None
    ) -> list[SearchHit]:
        """The same people, names and aliases first, each saying where it matched. The screen
        passes the `name_index` it made when the caseload loaded (fast as you type)."""
        with self._fc.ctx.read() as s:
            return search.ranked_people(s, text, names_only=names_only, index=index)

    @staticmethod
    def name_index(rows: list[CaseloadRow]) -> NameIndex:
        return NameIndex.of((r.id, r.alias, r.given_name, r.family_name, r.note) for r in rows)

    def stale_weeks(self) -> int:
        return self._fc.settings.value(STALE_AFTER_WEEKS)

    def today(
        self, stale_weeks: int | None = None, *, worker_id: str | bool | None = True
    ) -> TodayOverview:
        """Vandaag for one worker: by default this worker (their people, their to-dos, their
        follow-ups), `worker_id=None` for the whole team (a coordinator's view), or another
        worker's id. People without a worker count as their registrar's."""
        fc = self._fc
        today = fc.today()
        weeks = stale_weeks or self.stale_weeks()
        cutoff = (today - timedelta(weeks=weeks)).isoformat()
        who = fc.ctx.device.worker_id if worker_id is True else (worker_id or None)
        with fc.ctx.read() as s:
            everyone = _caseload_rows(s)
            scope = mine_ids(s, who)
            people = everyone if scope is None else [r for r in everyone if r.id in scope]
            first_met = dict(
                s.execute(
                    select(Person.id, Person.first_met_on).where(Person.deleted.is_(False))
                ).all()
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
                if scope is None or (a.person_id in scope if a.person_id else a.created_by == who)
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
        names = {r.id: (r.alias, r.full_name) for r in everyone}
        start, end = today.isoformat(), (today + timedelta(days=1)).isoformat()
        planned = sorted(
            (
                PlannedContact(
                    r.id, r.alias, r.full_name, datetime.fromisoformat(r.next_contact_at)
                )
                for r in people
                if r.next_contact_at and start <= r.next_contact_at < end
            ),
            key=lambda x: x.at,
        )
        stale = []
        for r in people:
            if r.closed or r.low_flame:
                continue
            last_text = r.last_contact_at
            if (last_text or "") >= cutoff or (last_text is None and first_met[r.id] >= cutoff):
                continue
            last = datetime.fromisoformat(last_text) if last_text else None
            weeks_ago = (today - last.date()).days // 7 if last else None
            stale.append(StalePerson(r.id, r.alias, r.full_name, last, weeks_ago))
        stale.sort(key=lambda x: (x.last_contact_at is not None, x.last_contact_at or datetime.min))
        zrm_due = [
            z
            for z in ZrmService(fc).reassessments_due(today)
            if scope is None or z.person_id in scope
        ]
        live = set(names) if scope is None else scope
        todos = [a for a in todos if a.person_id is None or a.person_id in live]
        follow = [f for f in follow if f.person_id in live]
        handed = tuple(TransferService(fc).handed_to(who)) if who is not None else ()
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
            worker_id=who,
            handed_to_me=handed,
            person_workers={r.id: r.worker_name for r in everyone if r.worker_name},
            worker_names=self._worker_names(),
            people=None if scope is None else frozenset(scope),
        )

    def _worker_names(self) -> dict[str, str]:
        with self._fc.ctx.read() as s:
            return dict(s.execute(select(Worker.id, Worker.name)).all())

    def open_file(
        self, person_id: str, contact_limit: int | None = None, *, audited: bool = True
    ) -> PersonFile:
        """Everything the person file shows; audited as an opening of the file (a reload
        after an edit in the open file is not audited again: `audited=False`)."""
        fc = self._fc
        with fc.ctx.read() as s:
            p = self._person(s, person_id)
            person = detail(p)
            names = dict(s.execute(select(Worker.id, Worker.name)).all())
            worker_name = names.get(p.worker_id) if p.worker_id else None
        contacts = ContactService(fc)
        situation = SituationService(fc)
        trajectory = TrajectoryService(fc).view(person_id)
        agreements = tuple(contacts.agreements(person_id))
        drempels = tuple(situation.drempels(person_id))
        result = PersonFile(
            person=person,
            contacts=tuple(contacts.timeline(person_id, contact_limit)),
            trajectory=trajectory,
            network=tuple(situation.network(person_id)),
            drempels=drempels,
            work_readiness=tuple(situation.work_readiness(person_id)),
            agreements=agreements,
            worker_name=worker_name,
            glance=self._glance(person, trajectory, agreements, drempels, worker_name),
            followed_by=tuple(
                (names.get(h.worker_id or "", "—"), h.since, h.until, h.note)
                for h in TransferService(fc).history(person_id)
            ),
        )
        if audited:
            fc.audit.record(AuditEvent.PERSON_OPENED, record_type="person", record_id=person_id)
        return result

    def _glance(
        self,
        person: PersonDetail,
        trajectory: TrajectoryView,
        agreements: tuple[AgreementRow, ...],
        drempels: tuple[DrempelRow, ...],
        worker_name: str | None,
    ) -> Glance:
        from app.services.sharing import ConsentService
        from app.services.vindplaatsen import VindplaatsService

        fc = self._fc
        today = fc.today()
        state = trajectory.state
        since = state.spans[-1].start if state.spans else None
        open_ = tuple(
            sorted(
                (a for a in agreements if a.done_on is None),
                key=lambda a: (a.due_on is None, a.due_on or date.max),
            )
        )
        active = tuple(
            dict.fromkeys(
                d.life_domain for d in drempels if d.status in ("actief", "in_behandeling")
            )
        )
        history = [r for r in ZrmService(fc).history(person.id) if not r.superseded]
        history.sort(key=lambda r: r.assessed_on)

        def mean(r: object) -> float | None:
            levels = [sc.level for sc in getattr(r, "scores", {}).values() if sc.level]
            return sum(levels) / len(levels) if levels else None

        latest = history[-1] if history else None
        previous = history[-2] if len(history) > 1 else None
        better = worse = 0
        change = None
        if latest is not None and previous is not None:
            m1, m0 = mean(latest), mean(previous)
            change = (m1 - m0) if m1 is not None and m0 is not None else None
            for code, sc in latest.scores.items():
                before = previous.scores.get(code)
                if sc.level and before is not None and before.level:
                    better += sc.level > before.level
                    worse += sc.level < before.level
        consents = ConsentService(fc).for_person(person.id)
        valid = [c for c in consents if c.state == "geldig"]
        ends = [c.valid_until for c in valid if c.valid_until is not None]
        place = None
        if person.first_met_vindplaats_id:
            try:
                place = VindplaatsService(fc).get(person.first_met_vindplaats_id).name
            except NotFound:
                place = None
        return Glance(
            today=today,
            phase=state.phase,
            phase_since=since,
            low_flame=state.low_flame,
            closed=state.closed,
            next_contact_at=person.next_contact_at,
            open_agreements=open_,
            active_drempels=active,
            zrm_on=latest.assessed_on if latest else None,
            zrm_mean=mean(latest) if latest else None,
            zrm_previous_on=previous.assessed_on if previous else None,
            zrm_change=change,
            zrm_better=better,
            zrm_worse=worse,
            consents_valid=len(valid),
            consent_until=min(ends) if ends and len(ends) == len(valid) else None,
            consent_lapsed=bool(consents) and not valid,
            first_met_on=person.first_met_on,
            first_met_how=person.first_met_how,
            first_vindplaats=place,
            worker=worker_name,
        )

    def _person(self, s: Session, person_id: str) -> Person:
        p = self._fc.records.live(s, Person, person_id)
        if p is None:
            raise NotFound("Deze persoon")
        return p


__all__ = ["CaseloadRow", "CaseloadService", "Glance", "PersonFile", "TodayOverview", "from_iso"]
