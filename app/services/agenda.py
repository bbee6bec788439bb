"""My day and my week: what is planned or due, for one worker (by default this worker) or for
the whole team. "Mine" means the people whose worker I am, and people without a worker that I
registered; to-dos without a person are mine when I wrote them.

The agenda shows a week, Monday to Sunday, day by day: planned contacts, triogesprekken,
follow-ups and ZRM reassessments falling due, consents expiring, and group sessions. It can be
exported as an iCalendar file that carries no names: a person appears as discreet mode shows
them (alias and initials).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from pathlib import Path

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from app.models import Consent, FollowUp, Group, GroupSession, Handover, Organisation, Person
from app.services.audit import AuditEvent
from app.services.base import FieldContext


class AgendaKind(StrEnum):
    CONTACT = "contact"  # a planned next contact
    TRIOGESPREK = "triogesprek"
    FOLLOW_UP = "follow_up"  # sustainability check after a work outcome
    ZRM = "zrm"  # a ZRM reassessment falls due
    CONSENT = "consent"  # a consent expires
    GROUP = "group_session"


# The team: everyone. A worker id: that worker's. `MINE` (the default): this worker's.
TEAM: None = None


@dataclass(frozen=True)
class AgendaItem:
    kind: AgendaKind
    day: date
    at: datetime | None  # when a time is known
    duration_min: int | None
    person_id: str | None
    alias: str | None
    full_name: str | None
    worker_id: str | None  # whose it is: the person's worker, or a group's organiser
    record_id: str
    detail: str  # receiver of a triogesprek, months of a follow-up, a group's name

    @property
    def initials(self) -> str:
        if self.full_name:
            parts = self.full_name.split()
            if len(parts) >= 2:
                return f"{parts[0][0]}.{parts[1][0]}."
        return (self.alias or "?")[:1].upper() + "."


@dataclass(frozen=True)
class AgendaDay:
    day: date
    items: tuple[AgendaItem, ...]


@dataclass(frozen=True)
class AgendaWeek:
    start: date  # a Monday
    worker_id: str | None  # None: the team
    days: tuple[AgendaDay, ...]

    @property
    def items(self) -> tuple[AgendaItem, ...]:
        return tuple(i for d in self.days for i in d.items)


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


@dataclass(frozen=True)
class _Who:
    """The few columns of a person the agenda needs."""

    id: str
    alias: str
    full_name: str | None
    worker_id: str | None
    closed: bool
    next_contact_at: str | None


def scope_condition(worker_id: str) -> ColumnElement[bool]:
    """A worker's people: those they follow, and those without a worker they registered."""
    return (Person.worker_id == worker_id) | (
        Person.worker_id.is_(None) & (Person.created_by == worker_id)
    )


def _people(s: Session, worker_id: str | None) -> dict[str, _Who]:
    q = select(
        Person.id,
        Person.alias,
        Person.is_client,
        Person.given_name,
        Person.family_name,
        Person.worker_id,
        Person.closed,
        Person.next_contact_at,
    ).where(Person.deleted.is_(False))
    if worker_id is not None:
        q = q.where(scope_condition(worker_id))
    out = {}
    for pid, alias, client, given, family, worker, closed, nxt in s.execute(q):
        name = (" ".join(x for x in (given, family) if x) or None) if client else None
        out[pid] = _Who(pid, alias, name, worker, closed, nxt)
    return out


def mine_ids(s: Session, worker_id: str | None) -> set[str] | None:
    """The ids of a worker's live people (see `scope_condition`), None for the team."""
    if worker_id is None:
        return None
    q = select(Person.id).where(Person.deleted.is_(False), scope_condition(worker_id))
    return set(s.scalars(q))


class AgendaService:
    def __init__(self, fc: FieldContext) -> None:
        self._fc = fc

    @property
    def me(self) -> str:
        return self._fc.ctx.device.worker_id

    def week(self, start: date | None = None, worker_id: str | bool | None = True) -> AgendaWeek:
        """The week holding `start` (this week by default). `worker_id`: True for this
        worker (default), None for the team, or another worker's id."""
        fc = self._fc
        monday = monday_of(start or fc.today())
        who = self.me if worker_id is True else (worker_id or None)
        items = self.items(monday, monday + timedelta(days=7), who)
        by_day: dict[date, list[AgendaItem]] = {monday + timedelta(days=i): [] for i in range(7)}
        for item in items:
            by_day[item.day].append(item)
        return AgendaWeek(
            monday,
            who,
            tuple(AgendaDay(d, tuple(by_day[d])) for d in sorted(by_day)),
        )

    def items(self, start: date, end: date, worker_id: str | None) -> list[AgendaItem]:
        """Everything in [start, end), sorted by day, then time (timed first), then kind."""
        fc = self._fc
        lo, hi = start.isoformat(), end.isoformat()
        out: list[AgendaItem] = []
        with fc.ctx.read() as s:
            people = _people(s, worker_id)

            def item(
                kind: AgendaKind,
                p: _Who | None,
                day: date,
                record_id: str,
                *,
                at: datetime | None = None,
                duration: int | None = None,
                detail: str = "",
                worker: str | None = None,
            ) -> AgendaItem:
                return AgendaItem(
                    kind,
                    day,
                    at,
                    duration,
                    p.id if p else None,
                    p.alias if p else None,
                    p.full_name if p else None,
                    worker if worker is not None else (p.worker_id if p else None),
                    record_id,
                    detail,
                )

            for p in people.values():
                nxt = p.next_contact_at
                if nxt and lo <= nxt < hi and not p.closed:
                    at = datetime.fromisoformat(nxt)
                    out.append(item(AgendaKind.CONTACT, p, at.date(), p.id, at=at))
            orgs = dict(s.execute(select(Organisation.id, Organisation.name)).all())
            for h in s.scalars(
                select(Handover).where(
                    Handover.deleted.is_(False),
                    Handover.status == "gepland",
                    Handover.planned_at >= lo,
                    Handover.planned_at < hi,
                )
            ):
                who = people.get(h.person_id)
                if who is not None and h.planned_at:
                    at = datetime.fromisoformat(h.planned_at)
                    out.append(
                        item(
                            AgendaKind.TRIOGESPREK,
                            who,
                            at.date(),
                            h.id,
                            at=at,
                            detail=orgs.get(h.organisation_id, ""),
                        )
                    )
            for f in s.scalars(
                select(FollowUp).where(
                    FollowUp.deleted.is_(False),
                    FollowUp.done_on.is_(None),
                    FollowUp.due_on >= lo,
                    FollowUp.due_on < hi,
                )
            ):
                who = people.get(f.person_id)
                if who is not None:
                    out.append(
                        item(
                            AgendaKind.FOLLOW_UP,
                            who,
                            date.fromisoformat(f.due_on),
                            f.id,
                            detail=str(f.months),
                        )
                    )
            for c in s.scalars(
                select(Consent).where(
                    Consent.deleted.is_(False),
                    Consent.withdrawn_on.is_(None),
                    Consent.valid_until >= lo,
                    Consent.valid_until < hi,
                )
            ):
                who = people.get(c.person_id)
                if who is not None and c.valid_until:
                    expires = date.fromisoformat(c.valid_until)
                    out.append(item(AgendaKind.CONSENT, who, expires, c.id))
            groups = {
                g.id: g
                for g in s.scalars(select(Group).where(Group.deleted.is_(False)))
                if worker_id is None or g.organiser_id == worker_id
            }
            for x in s.scalars(
                select(GroupSession).where(
                    GroupSession.deleted.is_(False),
                    GroupSession.starts_at >= lo,
                    GroupSession.starts_at < hi,
                )
            ):
                g = groups.get(x.group_id)
                if g is not None:
                    at = datetime.fromisoformat(x.starts_at)
                    out.append(
                        item(
                            AgendaKind.GROUP,
                            None,
                            at.date(),
                            x.id,
                            at=at,
                            duration=x.duration_min,
                            detail=g.name,
                            worker=g.organiser_id,
                        )
                    )
        from app.services.zrm import ZrmService

        for due in ZrmService(fc).next_reassessments():
            who = people.get(due.person_id)
            if who is not None and start <= due.due_on < end:
                out.append(item(AgendaKind.ZRM, who, due.due_on, who.id))
        order = list(AgendaKind)
        return sorted(
            out,
            key=lambda i: (
                i.day,
                i.at is None,
                i.at or datetime.min,
                order.index(i.kind),
                (i.alias or i.detail).casefold(),
            ),
        )

    # --- iCalendar ---------------------------------------------------------------------------
    def export_ics(self, out: Path, start: date | None = None, weeks: int = 1) -> int:
        """This worker's agenda from the week of `start` as an iCalendar file (no names);
        written straight to `out`, which must not exist. Audited. Returns the event count."""
        from app.documents.icalendar import build_calendar
        from app.fsutil import write_new_file

        fc = self._fc
        if not 1 <= weeks <= 8:
            from app.errors import ValidationError

            raise ValidationError("Exporteer 1 tot 8 weken.", field="weeks")
        monday = monday_of(start or fc.today())
        items = self.items(monday, monday + timedelta(days=7 * weeks), self.me)
        data = build_calendar(items, stamp=fc.now())
        write_new_file(Path(out), data)
        fc.audit.record(AuditEvent.AGENDA_EXPORTED, detail=f"{len(items)} items, {weeks} weken")
        return len(items)
