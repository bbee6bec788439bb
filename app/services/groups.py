"""Group work: groups and series with an organiser, a place and dates; people enrolled; sessions
with attendance and a headcount of participants who are not registered.

Recording a session's attendance writes (or rewrites) one group contact moment for the
enrolled people — attended or not, since a no-show counts in outreach too — so a session
appears in each person's timeline, last-contact date and figures like any contact. People who
came without being registered are only counted on the session.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain import validation as v
from app.errors import NotFound, ValidationError
from app.models import ContactMoment, Group, GroupMember, GroupSession, Person, Vindplaats, Worker
from app.services.audit import AuditEvent
from app.services.base import FieldContext, from_iso, iso, iso_minutes
from app.services.contacts import ContactInput, ContactService, Participant

GROUP_CHANNEL = "groep"
MAX_UNREGISTERED = 500


@dataclass(frozen=True)
class GroupInput:
    name: str
    kind: str  # group_kinds: groep | reeks
    starts_on: date
    organiser_id: str | None = None  # None: this worker
    vindplaats_id: str | None = None
    place: str | None = None
    ends_on: date | None = None
    description: str = ""


@dataclass(frozen=True)
class GroupRow:
    id: str
    name: str
    kind: str
    organiser_id: str
    vindplaats_id: str | None
    place: str | None
    starts_on: date
    ends_on: date | None
    description: str
    members: int  # enrolled now
    sessions: int
    next_session_at: datetime | None
    vindplaats_name: str | None = None

    @property
    def where(self) -> str:
        return self.place or self.vindplaats_name or ""

    def running_on(self, day: date) -> bool:
        return self.starts_on <= day and (self.ends_on is None or day <= self.ends_on)


@dataclass(frozen=True)
class MemberRow:
    id: str
    person_id: str
    alias: str
    full_name: str | None
    joined_on: date
    left_on: date | None

    @property
    def initials(self) -> str:
        if self.full_name:
            parts = self.full_name.split()
            if len(parts) >= 2:
                return f"{parts[0][0]}.{parts[1][0]}."
        return self.alias[:1].upper() + "."


@dataclass(frozen=True)
class SessionRow:
    id: str
    group_id: str
    starts_at: datetime
    duration_min: int | None
    topic: str
    unregistered: int
    contact_id: str | None
    attended: tuple[str, ...]  # person ids who came (from the session's contact moment)
    absent: tuple[str, ...]  # enrolled, did not come

    @property
    def held(self) -> bool:
        return self.contact_id is not None or self.unregistered > 0

    @property
    def headcount(self) -> int:
        return len(self.attended) + self.unregistered


@dataclass(frozen=True)
class GroupDetail:
    group: GroupRow
    members: tuple[MemberRow, ...]  # enrolled now and earlier, current first
    sessions: tuple[SessionRow, ...]  # by time


@dataclass(frozen=True)
class Attendance:
    """What happened at a session."""

    attended: tuple[str, ...]  # person ids of enrolled people who came
    unregistered: int = 0  # people who came without being registered
    summary: str = ""  # shareable, on the contact moment of each attendee
    life_domains: tuple[str, ...] = ()
    duration_min: int | None = None


class GroupService:
    def __init__(self, fc: FieldContext) -> None:
        self._fc = fc

    # --- groups ----------------------------------------------------------------------------
    def _group_values(self, s: Session, g: GroupInput) -> dict[str, object]:
        fc = self._fc
        name = v.required(g.name, "name", "De naam van de groep")
        if len(name) > 200:
            raise ValidationError("Een naam heeft hoogstens 200 tekens.", field="name")
        kind = fc.vocab["group_kinds"].require(g.kind, "kind", "de soort groepswerk")
        organiser = g.organiser_id or fc.ctx.device.worker_id
        if g.organiser_id is not None and fc.records.live(s, Worker, organiser) is None:
            raise ValidationError("Kies de organisator uit het team.", field="organiser_id")
        if g.vindplaats_id and fc.records.live(s, Vindplaats, g.vindplaats_id) is None:
            raise ValidationError("Deze vindplaats bestaat niet (meer).", field="vindplaats_id")
        place = (g.place or "").strip() or None
        if g.vindplaats_id is None and place is None:
            raise ValidationError("Kies een vindplaats of geef de plaats.", field="place")
        if g.ends_on is not None and g.ends_on < g.starts_on:
            raise ValidationError("De einddatum ligt vóór de startdatum.", field="ends_on")
        return {
            "name": name,
            "kind": kind,
            "organiser_id": organiser,
            "vindplaats_id": g.vindplaats_id or None,
            "place": place,
            "starts_on": g.starts_on.isoformat(),
            "ends_on": iso(g.ends_on),
            "description": g.description.strip(),
        }

    def create(self, g: GroupInput) -> str:
        fc = self._fc
        with fc.ctx.transaction() as s:
            return fc.records.create(s, Group, self._group_values(s, g)).id

    def update(self, group_id: str, g: GroupInput) -> bool:
        fc = self._fc
        with fc.ctx.transaction() as s:
            return fc.records.update(s, self._group(s, group_id), self._group_values(s, g))

    def delete(self, group_id: str) -> None:
        """The group goes; its sessions' contact moments stay in people's timelines."""
        fc = self._fc
        with fc.ctx.transaction() as s:
            g = self._group(s, group_id)
            for m in self._members(s, group_id):
                fc.records.delete(s, m)
            for x in s.scalars(
                select(GroupSession).where(
                    GroupSession.group_id == group_id, GroupSession.deleted.is_(False)
                )
            ):
                fc.records.delete(s, x)
            fc.records.delete(s, g)
            fc.audit.record(
                AuditEvent.RECORD_DELETED, record_type="group", record_id=group_id, session=s
            )

    def _group(self, s: Session, group_id: str) -> Group:
        g = self._fc.records.live(s, Group, group_id)
        if g is None:
            raise NotFound("Deze groep")
        return g

    def groups(self, *, organiser_id: str | None = None) -> list[GroupRow]:
        """Every group (or one organiser's), running ones first, by next session."""
        fc = self._fc
        now = iso_minutes(fc.now()) or ""
        today = fc.today().isoformat()
        with fc.ctx.read() as s:
            q = select(Group).where(Group.deleted.is_(False))
            if organiser_id is not None:
                q = q.where(Group.organiser_id == organiser_id)
            groups = list(s.scalars(q))
            members = dict(
                s.execute(
                    select(GroupMember.group_id, func.count())
                    .where(
                        GroupMember.deleted.is_(False),
                        (GroupMember.left_on.is_(None)) | (GroupMember.left_on > today),
                    )
                    .group_by(GroupMember.group_id)
                ).all()
            )
            sessions = dict(
                s.execute(
                    select(GroupSession.group_id, func.count())
                    .where(GroupSession.deleted.is_(False))
                    .group_by(GroupSession.group_id)
                ).all()
            )
            places = dict(s.execute(select(Vindplaats.id, Vindplaats.name)).all())
            upcoming = dict(
                s.execute(
                    select(GroupSession.group_id, func.min(GroupSession.starts_at))
                    .where(GroupSession.deleted.is_(False), GroupSession.starts_at >= now)
                    .group_by(GroupSession.group_id)
                ).all()
            )
        rows = [
            GroupRow(
                g.id,
                g.name,
                g.kind,
                g.organiser_id,
                g.vindplaats_id,
                g.place,
                date.fromisoformat(g.starts_on),
                from_iso(g.ends_on),
                g.description,
                int(members.get(g.id, 0)),
                int(sessions.get(g.id, 0)),
                datetime.fromisoformat(upcoming[g.id]) if g.id in upcoming else None,
                places.get(g.vindplaats_id) if g.vindplaats_id else None,
            )
            for g in groups
        ]
        day = fc.today()
        return sorted(
            rows,
            key=lambda r: (
                not r.running_on(day),
                r.next_session_at is None,
                r.next_session_at or datetime.max,
                r.name.casefold(),
            ),
        )

    # --- members ---------------------------------------------------------------------------
    def _members(self, s: Session, group_id: str) -> list[GroupMember]:
        return list(
            s.scalars(
                select(GroupMember).where(
                    GroupMember.group_id == group_id, GroupMember.deleted.is_(False)
                )
            )
        )

    def enrol(self, group_id: str, person_ids: Iterable[str], on: date | None = None) -> int:
        """Enrol people (again, when they had left); returns how many were added."""
        fc = self._fc
        on = on or fc.today()
        added = 0
        with fc.ctx.transaction() as s:
            g = self._group(s, group_id)
            if on < date.fromisoformat(g.starts_on):
                on = date.fromisoformat(g.starts_on)
            current = {m.person_id: m for m in self._members(s, group_id)}
            for pid in dict.fromkeys(person_ids):
                if fc.records.live(s, Person, pid) is None:
                    raise ValidationError(
                        "Een gekozen persoon bestaat niet (meer).", field="people"
                    )
                m = current.get(pid)
                if m is None:
                    fc.records.create(
                        s,
                        GroupMember,
                        {
                            "group_id": group_id,
                            "person_id": pid,
                            "joined_on": on.isoformat(),
                            "left_on": None,
                        },
                    )
                    added += 1
                elif m.left_on is not None:
                    fc.records.update(s, m, {"left_on": None})
                    added += 1
        return added

    def leave(self, group_id: str, person_id: str, on: date | None = None) -> None:
        fc = self._fc
        on = on or fc.today()
        with fc.ctx.transaction() as s:
            for m in self._members(s, group_id):
                if m.person_id == person_id and m.left_on is None:
                    left = max(on, date.fromisoformat(m.joined_on))
                    fc.records.update(s, m, {"left_on": left.isoformat()})
                    return
        raise NotFound("Deze inschrijving")

    # --- sessions --------------------------------------------------------------------------
    def plan_session(
        self, group_id: str, starts_at: datetime, duration_min: int | None = None, topic: str = ""
    ) -> str:
        fc = self._fc
        with fc.ctx.transaction() as s:
            g = self._group(s, group_id)
            self._check_session(g, starts_at, duration_min, topic)
            return fc.records.create(
                s,
                GroupSession,
                {
                    "group_id": group_id,
                    "starts_at": iso_minutes(starts_at),
                    "duration_min": duration_min,
                    "topic": topic.strip(),
                    "unregistered": 0,
                    "contact_id": None,
                },
            ).id

    def plan_series(
        self,
        group_id: str,
        first: datetime,
        count: int,
        every_days: int = 7,
        duration_min: int | None = None,
    ) -> list[str]:
        """`count` sessions, `every_days` apart (a weekly series by default)."""
        from datetime import timedelta

        if not 1 <= count <= 52 or not 1 <= every_days <= 31:
            raise ValidationError(
                "Plan 1 tot 52 sessies, 1 tot 31 dagen uit elkaar.", field="count"
            )
        return [
            self.plan_session(group_id, first + timedelta(days=every_days * i), duration_min)
            for i in range(count)
        ]

    def _check_session(
        self, g: Group, starts_at: datetime, duration_min: int | None, topic: str
    ) -> None:
        day = starts_at.date()
        if day < date.fromisoformat(g.starts_on) or (g.ends_on and day.isoformat() > g.ends_on):
            raise ValidationError(
                "Deze sessie valt buiten de data van de groep.", field="starts_at"
            )
        if duration_min is not None and not 0 < duration_min <= 24 * 60:
            raise ValidationError("Geef een duur tussen 1 en 1440 minuten.", field="duration_min")
        if len(topic.strip()) > 300:
            raise ValidationError("Een onderwerp heeft hoogstens 300 tekens.", field="topic")

    def record_attendance(self, session_id: str, a: Attendance) -> str | None:
        """Who came. Writes the session's group contact moment for the people enrolled on
        that day (attended or not) and the headcount of unregistered participants. Returns
        the contact moment's id (None when nobody was enrolled)."""
        fc = self._fc
        if not 0 <= a.unregistered <= MAX_UNREGISTERED:
            raise ValidationError(
                f"Tel tussen 0 en {MAX_UNREGISTERED} niet-ingeschreven deelnemers.",
                field="unregistered",
            )
        contacts = ContactService(fc)
        with fc.ctx.transaction() as s:
            x = self._session(s, session_id)
            g = self._group(s, x.group_id)
            starts = datetime.fromisoformat(x.starts_at)
            day = starts.date().isoformat()
            enrolled = [
                m.person_id
                for m in self._members(s, g.id)
                if m.joined_on <= day
                and (m.left_on is None or m.left_on > day)
                and fc.records.live(s, Person, m.person_id) is not None
            ]
            came = set(a.attended)
            strangers = came - set(enrolled)
            if strangers:
                raise ValidationError(
                    "Iemand die aanwezig was, is niet ingeschreven in deze groep; schrijf "
                    "die persoon eerst in.",
                    field="attended",
                )
            duration = a.duration_min if a.duration_min is not None else x.duration_min
            contact_id = x.contact_id
            if enrolled:
                c = ContactInput(
                    occurred_at=starts,
                    channel=GROUP_CHANNEL,
                    people=tuple(Participant(pid, pid in came) for pid in enrolled),
                    duration_min=duration,
                    vindplaats_id=g.vindplaats_id,
                    place=g.place,
                    life_domains=a.life_domains,
                    summary=a.summary,
                    group_activity=g.name,
                )
                existing = fc.records.live(s, ContactMoment, contact_id) if contact_id else None
                if existing is None:
                    contact_id = contacts.create_in(s, c).id
                else:
                    contacts.update_in(s, existing, c)
            fc.records.update(
                s,
                x,
                {
                    "unregistered": a.unregistered,
                    "contact_id": contact_id,
                    "duration_min": duration,
                },
            )
            fc.audit.record(
                AuditEvent.GROUP_ATTENDANCE,
                record_type="group_session",
                record_id=session_id,
                detail=(
                    f"{len(came)} van {len(enrolled)} ingeschreven aanwezig, "
                    f"{a.unregistered} niet ingeschreven"
                ),
                session=s,
            )
            return contact_id

    def _session(self, s: Session, session_id: str) -> GroupSession:
        x = self._fc.records.live(s, GroupSession, session_id)
        if x is None:
            raise NotFound("Deze sessie")
        return x

    def group_of_session(self, session_id: str) -> str | None:
        with self._fc.ctx.read() as s:
            x = self._fc.records.live(s, GroupSession, session_id)
            return x.group_id if x is not None else None

    def delete_session(self, session_id: str) -> None:
        """A planned session that will not happen; a held one keeps its contact moment."""
        fc = self._fc
        with fc.ctx.transaction() as s:
            fc.records.delete(s, self._session(s, session_id))

    def detail(self, group_id: str) -> GroupDetail:
        fc = self._fc
        today = fc.today().isoformat()
        with fc.ctx.read() as s:
            self._group(s, group_id)
            members = self._members(s, group_id)
            people = {
                p.id: p
                for p in s.scalars(
                    select(Person).where(
                        Person.id.in_([m.person_id for m in members]), Person.deleted.is_(False)
                    )
                )
            }
            member_rows = sorted(
                (
                    MemberRow(
                        m.id,
                        m.person_id,
                        people[m.person_id].alias,
                        _full_name(people[m.person_id]),
                        date.fromisoformat(m.joined_on),
                        from_iso(m.left_on),
                    )
                    for m in members
                    if m.person_id in people
                ),
                key=lambda r: (
                    r.left_on is not None and r.left_on.isoformat() <= today,
                    r.alias.casefold(),
                ),
            )
            sessions = list(
                s.scalars(
                    select(GroupSession)
                    .where(GroupSession.group_id == group_id, GroupSession.deleted.is_(False))
                    .order_by(GroupSession.starts_at)
                )
            )
            contact_ids = [x.contact_id for x in sessions if x.contact_id]
            contacts = {
                c.id: c
                for c in s.scalars(
                    select(ContactMoment).where(
                        ContactMoment.id.in_(contact_ids), ContactMoment.deleted.is_(False)
                    )
                )
            }
            session_rows = []
            for x in sessions:
                c = contacts.get(x.contact_id or "")
                people_on = c.people if c is not None else []
                session_rows.append(
                    SessionRow(
                        x.id,
                        x.group_id,
                        datetime.fromisoformat(x.starts_at),
                        x.duration_min,
                        x.topic,
                        x.unregistered,
                        x.contact_id if c is not None else None,
                        tuple(p["person_id"] for p in people_on if p.get("attended")),
                        tuple(p["person_id"] for p in people_on if not p.get("attended")),
                    )
                )
        group = next(r for r in self.groups() if r.id == group_id)
        return GroupDetail(group, tuple(member_rows), tuple(session_rows))

    def groups_of(self, person_id: str) -> list[tuple[GroupRow, MemberRow]]:
        """The groups a person is (or was) enrolled in (the person file)."""
        details = []
        with self._fc.ctx.read() as s:
            ids = set(
                s.scalars(
                    select(GroupMember.group_id).where(
                        GroupMember.person_id == person_id, GroupMember.deleted.is_(False)
                    )
                )
            )
        for g in self.groups():
            if g.id in ids:
                d = self.detail(g.id)
                m = next(m for m in d.members if m.person_id == person_id)
                details.append((g, m))
        return details


def _full_name(p: Person) -> str | None:
    if not p.is_client:
        return None
    return " ".join(x for x in (p.given_name, p.family_name) if x) or None
